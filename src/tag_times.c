/* Time expressions (after HeidelTime's rule tables, without its regex engine): one pass
 * tokenises the text into words, numbers and punctuation, each word looked up once in
 * data/time_words.txt; the patterns of tag_times_match.c then try, at each token that
 * may open one (a number, a word with a class, a starter word), the longest expression
 * starting there. Relative forms ("on Friday", "in June") resolve
 * against the anchor (the publication date) in the direction of the clause's tense. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "corpus.h"
#include "tag_times.h"
#include "tag_times_impl.h"
#include "util/lexicon.h"
#include "util/utf8.h"

/* ---- tokens ---- */

static bool S_alpha(unsigned char ch) { return (ch | 32) >= 'a' && (ch | 32) <= 'z'; }
static bool S_digit(unsigned char ch) { return ch >= '0' && ch <= '9'; }

static void S_lookup(const ds_tctx *c, ds_ttok *t, const char *text) {
  size_t len = t->end - t->start;
  if (len <= DS_TT_KEY_MAX && !t->key[0]) /* else S_short_word packed it */
    ds_tt_pack(text + t->start, len, c->len - t->start, t->key);
  const char *v = ds_tt_lex_packed(c, TL_WORDS, t->key, text + t->start, len);
  if (!v || !*v) return;
  t->flags |= TF_START;
  if (v[0] == 'K') { /* a function word that opens a pattern: no class */
    if (v[1]) t->flags |= TF_NARROW, t->val = v[1];
    return;
  }
  t->lex = v;
  t->cls = v[0];
  t->val = ds_tt_atoi(v + 1);
}

/* Absorbs letters glued to a number: ordinal suffixes, a decade's s, or a unit. */
static size_t S_number_suffix(const char *s, size_t i, size_t n, ds_ttok *t) {
  size_t j = i;
  while (j < n && S_alpha((unsigned char)s[j])) j++;
  size_t k = j - i;
  if (!k) return i;
  char a = (char)(s[i] | 32), b = k > 1 ? (char)(s[i + 1] | 32) : 0;
  if (k == 2 && ((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
                 (a == 't' && b == 'h')))
    t->flags |= TF_ORD;
  else if (k == 1 && a == 's')
    t->flags |= TF_DECADE;
  else
    t->flags |= TF_GLUED;
  return j;
}

static size_t S_number(const char *s, size_t i, size_t n, ds_ttok *t) {
  int64_t v = 0;
  t->kind = TK_NUM;
  while (i < n) {
    if (S_digit((unsigned char)s[i])) {
      if (v < 1000000000) v = v * 10 + (s[i] - '0');
      t->ndig++;
      i++;
    } else if ((s[i] == ',' || s[i] == '.') && i + 1 < n && S_digit((unsigned char)s[i + 1])) {
      t->flags |= TF_SEP;
      i++;
    } else {
      break;
    }
  }
  t->val = (int32_t)v;
  return S_number_suffix(s, i, n, t);
}

/* Non-ASCII code points: letters join words, typographic quotes and dashes become
 * their ASCII punctuation, spaces separate. Returns false for a space. */
static bool S_wide(const char *s, size_t i, size_t n, ds_ttok *t, size_t *len) {
  int32_t cp = ds_utf8_decode(s + i, n - i, len);
  if (ds_cp_is_space(cp)) return false;
  t->kind = TK_PUNCT;
  if (cp == 0x2019 || cp == 0x2018) t->val = '\'';
  else if (cp == 0x2013 || cp == 0x2012) t->val = '-';
  else if (cp == 0x201C || cp == 0x201D) t->val = '"';
  else if (cp == 0x2014) t->val = ',';
  else t->kind = ds_cp_is_alpha(cp) ? TK_WORD : TK_OTHER;
  return true;
}

/* ASCII letters, for the word loop: one load per byte. */
#define S_A4(c) S_AL(c), S_AL(c + 1), S_AL(c + 2), S_AL(c + 3)
#define S_AL(c) (((c) | 32) >= 'a' && ((c) | 32) <= 'z')
#define S_A16(c) S_A4(c), S_A4(c + 4), S_A4(c + 8), S_A4(c + 12)
#define S_A64(c) S_A16(c), S_A16(c + 16), S_A16(c + 32), S_A16(c + 48)
static const bool S_letter[256] = {S_A64(0), S_A64(64), S_A64(128), S_A64(192)};

/* 0x80 in the lane of each byte of x (first byte lowest) that is no ASCII letter:
 * lower-cased, a letter lies in ['a', 'z'], and no lane carries into the next. */
static inline uint64_t S_nonletters8(uint64_t x) {
  uint64_t l = (x | 0x2020202020202020ull) & 0x7f7f7f7f7f7f7f7full;
  uint64_t letter = (l + 0x1f1f1f1f1f1f1f1full) & ~(l + 0x0505050505050505ull) & ~x;
  return ~letter & 0x8080808080808080ull;
}

/* The end of the run of ASCII letters at i: eight bytes a step (a word mostly ends in
 * the first), bytewise near the end of the text. */
static inline size_t S_letters_end(const char *s, size_t i, size_t n) {
  for (; i + 8 <= n; i += 8) {
    uint64_t m = S_nonletters8(ds_tt_load8(s + i));
    if (m) return i + (size_t)(__builtin_ctzll(m) >> 3);
  }
  while (i < n && S_letter[(unsigned char)s[i]]) i++;
  return i;
}

static inline size_t S_word_end(const char *s, size_t i, size_t n) {
  for (;;) {
    i = S_letters_end(s, i, n);
    if (i >= n || (unsigned char)s[i] < 0x80) return i;
    size_t l;
    if (!ds_cp_is_alpha(ds_utf8_decode(s + i, n - i, &l))) return i;
    i += l;
  }
}

/* Eight bytes with each ASCII letter lower-cased, when all of them are letters: one
 * OR, where ds_lower8 must find the capitals first. */
#define S_LOWER_LETTERS(x) ((x) | 0x2020202020202020ull)

/* The length of the ASCII word at i (a letter) when it is shorter than eight bytes and
 * no non-ASCII letter continues it, with its packed key in k (as ds_tt_pack makes it);
 * else 0. Most words: one load finds the end and gives the key. */
static inline size_t S_short_word(const char *s, size_t i, size_t n, uint64_t k[2]) {
  if (i + 8 > n) return 0;
  uint64_t x = ds_tt_load8(s + i), m = S_nonletters8(x);
  size_t l = m ? (size_t)__builtin_ctzll(m) >> 3 : 0;
  if (!l || (unsigned char)s[i + l] >= 0x80) return 0;
  k[0] = S_LOWER_LETTERS(x) & (((uint64_t)1 << (8 * l)) - 1);
  return l;
}

/* The end of the word at i (a letter) of eight letters or more; an ASCII one of at
 * most DS_TT_KEY_MAX gets its packed key in k, as S_short_word gives a shorter one's. */
static inline size_t S_long_word(const char *s, size_t i, size_t n, uint64_t k[2]) {
  size_t e = S_letters_end(s, i, n), l = e - i;
  if (e < n && (unsigned char)s[e] >= 0x80) return S_word_end(s, e, n);
  if (l < 8 || l > DS_TT_KEY_MAX || i + DS_TT_KEY_MAX > n) return e;
  k[0] = S_LOWER_LETTERS(ds_tt_load8(s + i));
  if (l > 8) k[1] = S_LOWER_LETTERS(ds_tt_load8(s + i + 8));
  if (l > 8 && l < 16) k[1] &= ((uint64_t)1 << (8 * (l - 8))) - 1;
  return e;
}

static size_t S_token(const char *s, size_t i, size_t n, ds_ttok *t) {
  unsigned char ch = (unsigned char)s[i];
  t->start = (uint32_t)i;
  if (S_alpha(ch)) {
    t->kind = TK_WORD;
    if (ch <= 'Z') t->flags |= TF_CAP;
    size_t l = S_short_word(s, i, n, t->key);
    return l ? i + l : S_long_word(s, i, n, t->key);
  }
  if (S_digit(ch)) return S_number(s, i, n, t);
  if (ch >= 0x80) {
    size_t l;
    S_wide(s, i, n, t, &l);
    return t->kind == TK_WORD ? S_word_end(s, i + l, n) : i + l;
  }
  t->kind = TK_PUNCT;
  t->val = ch;
  return i + 1;
}

/* A first guess at the token count, from the text's length: news prose runs 4-5 bytes a
 * token, TimeBank's down to 2.9; the array grows (by doubling) past the guess, and the
 * pages of a guess too high are never touched. */
#define S_BYTES_PER_TOKEN 2

/* The tokens, into c; the indexes of those a pattern may open at (numbers, starter
 * words), into *starts. */
static size_t S_tokenize(ds_tctx *c, const char *s, size_t n, uint32_t **starts) {
  size_t cap = n / S_BYTES_PER_TOKEN + 16, len = 0, ns = 0;
  ds_ttok *v = malloc(cap * sizeof *v);
  uint32_t *st = malloc(cap * sizeof *st);
  if (!v || !st) abort();
  bool space = true;
  for (size_t i = 0; i < n;) {
    unsigned char ch = (unsigned char)s[i];
    size_t l = 1;
    if (ch <= ' ') {
      space = true;
      i++;
      continue;
    }
    if (len == cap) {
      cap *= 2;
      if (!(v = realloc(v, cap * sizeof *v)) || !(st = realloc(st, cap * sizeof *st))) abort();
    }
    ds_ttok *t = &v[len];
    *t = (ds_ttok){0};
    if (ch >= 0x80 && !S_wide(s, i, n, t, &l)) {
      space = true;
      i += l;
      continue;
    }
    i = S_token(s, i, n, t);
    t->end = (uint32_t)i;
    if (space) t->flags |= TF_SPACE;
    if (t->kind == TK_WORD) S_lookup(c, t, s);
    if (t->kind == TK_NUM || (t->flags & TF_START)) st[ns++] = (uint32_t)len;
    len++;
    space = false;
  }
  /* a zeroed token after the last: a pattern that looks one token past the end (a clock
   * time closing the text) reads no word, number or sign there */
  if (len == cap && !(v = realloc(v, (cap + 1) * sizeof *v))) abort();
  v[len] = (ds_ttok){0};
  c->t = v;
  c->n = len;
  *starts = st;
  return ns;
}

/* The tokens of a text, made once for all its scans: inferring an undated text's date
 * scans it once or twice, and the scan against that date once more. */
struct ds_time_text {
  ds_tctx base; /* text, word lists and tokens; each scan copies it */
  /* the tokens a pattern may open at (numbers, starter words), in order: a scan visits
   * these alone, not the four in five tokens no pattern starts with */
  uint32_t *starts;
  size_t nstarts;
  /* the first scan of an inference (no anchor, no year hint), kept in arena: the
   * timeline infers an undated report's date twice, without and with the corpus's */
  ds_arena arena;
  bool probed, probe_hinted;
  size_t nprobe;
  ds_time *probe;
  bool *probe_ahead;
};


ds_time_text *ds_time_text_open(const char *text, size_t len) {
  ds_time_text *tt = calloc(1, sizeof *tt);
  if (!tt) abort();
  /* a local context while tokenising: the token stores cannot alias it */
  ds_tctx c = {.text = text, .len = len};
  ds_tt_lists(&c);
  tt->nstarts = S_tokenize(&c, text, len, &tt->starts);
  if (!(c.marks = calloc(c.n + 1, 1))) abort();
  tt->base = c;
  return tt;
}

void ds_time_text_close(ds_time_text *tt) {
  if (!tt) return;
  free(tt->base.t);
  free(tt->base.marks);
  free(tt->starts);
  ds_arena_free(&tt->arena);
  free(tt);
}

/* ---- tense ---- */

/* A full stop ends the clause unless it closes an abbreviation (Oct., U.S.). */
static bool S_clause_end(const ds_tctx *c, size_t i) {
  const ds_ttok *t = &c->t[i];
  if (t->kind != TK_PUNCT) return false;
  if (t->val == '!' || t->val == '?' || t->val == ';' || t->val == ':') return true;
  if (t->val != '.' || i == 0) return false;
  const ds_ttok *p = &c->t[i - 1];
  if (p->kind == TK_WORD && (p->end - p->start <= 1 || (p->cls && p->end - p->start <= 5)))
    return false;
  /* Mr. Smith, Acme Inc. said (data/abbreviations.txt): a title never ends a sentence,
   * another abbreviation only before a capitalised word */
  const char *v = p->kind == TK_WORD && p->end == t->start
                      ? ds_tt_lex(c, TL_ABBREVIATIONS, c->text + p->start, t->end - p->start)
                      : NULL;
  if (v && v[0] == 't') return false;
  if (v && v[0] == 'o') return i + 1 < c->n && (c->t[i + 1].flags & TF_CAP);
  return true;
}

/* Token i follows "had" or "had been": "had been due to expire Friday", "had planned
 * to leave" tell of a plan already gone by, not of one ahead. */
static bool S_after_had(const ds_tctx *c, size_t i) {
  return (i >= 1 && ds_tt_word(c, i - 1, "had")) ||
         (i >= 2 && ds_tt_word(c, i - 1, "been") && ds_tt_word(c, i - 2, "had"));
}

/* -1 past, 1 future, 2 present (ends the search undecided), 3 a clause boundary (ends
 * the search in this direction), 0 no marker. */
static int S_word_tense(const ds_tctx *c, size_t i) {
  const ds_ttok *t = &c->t[i];
  if (t->kind != TK_WORD) return 0;
  const char *w = c->text + t->start;
  size_t l = t->end - t->start;
  const char *v = ds_tt_tlex(c, TL_TENSE, i);
  /* "next to the embassy" is a place, not a plan */
  if (v && v[0] == 'F' && ds_tt_word(c, i + 1, "to") && ds_tt_word(c, i, "next")) return 0;
  if (v && v[0] == 'F' && S_after_had(c, i)) return -1;
  if (v && v[0] != 'P')
    return v[0] == 'F' ? 1 : v[0] == 'A' ? -1 : v[0] == 'N' ? 2 : v[0] == 'B' ? 3 : 0;
  /* regular past forms; capitalised words are names (Ed, Reed) more often than verbs */
  if (!v && (l <= 4 || (t->flags & TF_CAP) || w[l - 2] != 'e' || w[l - 1] != 'd' || w[l - 3] == 'e'))
    return 0;
  /* after an auxiliary or a determiner a participle is a passive or an adjective (be
   * held, is payable, the reduced dividend): the auxiliary, if any, carries the tense */
  if (i > 0 && ds_tt_thas(c, TL_ED_SKIP, i - 1))
    return 0;
  return -1;
}

/* A deadline (until Nov. 6, extended to Nov. 20) lies ahead of the clause's event, so
 * a past verb does not push it back: the nearest date is the better guess. */
static int S_deadline(const ds_tctx *c, size_t a, int tense) {
  if (a == 0 || c->t[a - 1].kind != TK_WORD) return tense;
  if (a >= 3 && ds_tt_word(c, a - 1, "as") && ds_tt_word(c, a - 2, "soon") && ds_tt_word(c, a - 3, "as"))
    return 2; /* as soon as October 27: strictly ahead (see ds_tt_month_day) */
  return ds_tt_thas(c, TL_DEADLINE, a - 1) ? 0 : tense;
}

/* "planned to leave", "is set to resume": an infinitive after such a word looks ahead. */
static bool S_future_to(const ds_tctx *c, size_t i) {
  if (i == 0 || !ds_tt_word(c, i, "to") || c->t[i - 1].kind != TK_WORD) return false;
  return ds_tt_thas(c, TL_FUTURE_TO, i - 1) && !S_after_had(c, i - 1);
}

/* What S_tense_raw reads at token i, worked out once: bit 0 a clause end, bit 1 an
 * infinitive that looks ahead, bits 2-4 the word's tense + 1, bit 7 set. */
enum { S_M_END = 1, S_M_TO = 2, S_M_SHIFT = 2, S_M_DONE = 0x80 };
/* the commonest: a token that neither ends the clause nor marks a tense */
#define S_M_NONE (S_M_DONE | 1 << S_M_SHIFT)

static unsigned S_marks(const ds_tctx *c, size_t i) {
  unsigned m = c->marks[i];
  if (m) return m;
  m = S_M_DONE | (S_clause_end(c, i) ? S_M_END : 0) | (S_future_to(c, i) ? S_M_TO : 0) |
      (unsigned)(S_word_tense(c, i) + 1) << S_M_SHIFT;
  c->marks[i] = (uint8_t)m;
  return m;
}

static int S_marks_tense(unsigned m) { return (int)((m >> S_M_SHIFT) & 7) - 1; }

/* The nearest tense marker before the expression, else after it, within the clause. */
/* S_tense_back's answer for a present-tense marker: the search ends undecided. */
#define S_TENSE_PRESENT 2

/* The first tense marker before token a, at most DS_TIME_TENSE_WINDOW tokens back (-1,
 * 1, S_TENSE_PRESENT, or 0 for none); *boundary: the token of the clause boundary
 * (that, which) that stopped the search, or 0. */
static int S_tense_back(const ds_tctx *c, size_t a, size_t *boundary) {
  *boundary = 0;
  for (size_t k = 1; k <= DS_TIME_TENSE_WINDOW && k <= a; k++) {
    unsigned m = S_marks(c, a - k);
    if (m == S_M_NONE) continue;
    if (m & S_M_END) break;
    if (m & S_M_TO) return 1;
    int t = S_marks_tense(m);
    if (t == 3) {
      *boundary = a - k;
      break;
    }
    if (t) return t;
  }
  return 0;
}

static int S_tense_raw(const ds_tctx *c, size_t a, size_t b) {
  size_t boundary;
  int back = S_tense_back(c, a, &boundary);
  if (back) return back == S_TENSE_PRESENT ? 0 : back;
  for (size_t i = b; i < c->n && i < b + DS_TIME_TENSE_WINDOW; i++) {
    unsigned m = S_marks(c, i);
    if (m == S_M_NONE) continue;
    if (m & S_M_END) break;
    int t = S_marks_tense(m);
    if (t == 3) break;
    if (t) return t == 2 ? 0 : t;
  }
  /* said that on Thursday, [a long subject]: the clause's own verb is out of reach, and
   * the reporting verb before the boundary tells when it was reported */
  if (!boundary) return 0;
  back = S_tense_back(c, boundary, &boundary);
  return back == S_TENSE_PRESENT ? 0 : back;
}

int ds_tt_tense(const ds_tctx *c, size_t a, size_t b) {
  return S_deadline(c, a, S_tense_raw(c, a, b));
}

/* ---- calendar resolution ---- */

/* Days a dated clause may point the "wrong" way before its tense moves the year: news
 * writes a date without its year when it is in the current year (AP style), and a past
 * clause often names a date just ahead ("set Nov. 10 as the deadline"), a future one
 * a date just gone. */
#define DS_TIME_TENSE_SLACK 60
/* The same for a bare month: the next month ("decided to admit them in March", written
 * in February) keeps the year; further ahead a past clause means last year. */
#define DS_TIME_MONTH_SLACK 1
/* Without a tense marker the nearest date wins: half a year each way. Windows that
 * lean back (news mostly reports what happened) scored lower on TimeBank, whose
 * financial reports announce as much as they recount. */
#define DS_TIME_AHEAD_DAYS 183
#define DS_TIME_AHEAD_MONTHS 6

static long S_days(int y, int m, int d) { return ds_date_to_days((ds_date){y, m, d}); }

ds_date ds_tt_month_day(const ds_tctx *c, int m, int d, int tense) {
  int y = c->anchor.y;
  long a = ds_date_to_days(c->anchor);
  long slack = tense == 2 || tense == -2 ? 0 : DS_TIME_TENSE_SLACK;
  if (tense < 0 && S_days(y, m, d) > a + slack) y--;
  else if (tense > 0 && S_days(y, m, d) < a - slack) y++;
  else if (tense == 0) {
    long here = S_days(y, m, d);
    if (here - a > DS_TIME_AHEAD_DAYS) y--;
    else if (a - here > DS_TIME_AHEAD_DAYS) y++;
  }
  if (!ds_date_valid(y, m, d)) d = ds_days_in_month(y, m);
  return (ds_date){y, m, d};
}

int ds_tt_month_year(const ds_tctx *c, int m, int tense) {
  int y = c->anchor.y, am = c->anchor.m;
  int slack = tense == 2 || tense == -2 ? 0 : DS_TIME_MONTH_SLACK;
  if (tense < 0 && m > am + slack) return y - 1;
  if (tense > 0 && m < am - slack) return y + 1;
  if (tense == 0 && m - am > DS_TIME_AHEAD_MONTHS) return y - 1;
  if (tense == 0 && am - m > DS_TIME_AHEAD_MONTHS) return y + 1;
  return y;
}

/* wd: 1 = Monday. strict (last/next Friday) never resolves to the anchor day itself. */
ds_date ds_tt_weekday(const ds_tctx *c, int wd, int tense, bool strict) {
  int aw = ds_date_weekday(c->anchor) + 1;
  int back = (aw - wd + 7) % 7, fwd = (wd - aw + 7) % 7;
  if (strict && !back) back = 7;
  if (strict && !fwd) fwd = 7;
  long a = ds_date_to_days(c->anchor);
  long off = tense < 0 ? -back : tense > 0 ? fwd : (fwd < back ? fwd : -back);
  return ds_days_to_date(a + off);
}

void ds_tt_fmt_day(ds_thit *h, ds_date d) {
  if (d.y < 0 || d.y > 99999 || d.m < 0 || d.d < 0 || d.m > 99 || d.d > 99) {
    snprintf(h->value, sizeof h->value, "%04d-%02d-%02d", d.y, d.m, d.d);
    return;
  }
  char *p = ds_tt_put(h->value, d.y, 4);
  *p++ = '-';
  p = ds_tt_put(p, d.m, 2);
  *p++ = '-';
  *ds_tt_put(p, d.d, 2) = 0;
}

/* ISO 8601 week: the week belongs to the year of its Thursday. */
void ds_tt_fmt_week(ds_thit *h, ds_date d) {
  long days = ds_date_to_days(d);
  int wd = ds_date_weekday(d); /* 0 = Monday */
  ds_date th = ds_days_to_date(days - wd + 3);
  long jan1 = S_days(th.y, 1, 1);
  int week = (int)((days - wd + 3 - jan1) / 7) + 1;
  if (th.y < 0) {
    snprintf(h->value, sizeof h->value, "%04d-W%02d", th.y, week);
    return;
  }
  char *p = ds_tt_put(h->value, th.y, 4);
  *p++ = '-', *p++ = 'W';
  *ds_tt_put(p, week, 2) = 0;
}

/* ---- the scan ---- */

typedef DS_VEC(ds_time) S_times;

static void S_push(const ds_tctx *c, const ds_thit *h, ds_arena *arena, S_times *v) {
  ds_time *t = DS_PUSH(arena, v);
  t->start = c->t[h->start].start;
  t->end = c->t[h->end - 1].end;
  t->type = h->type;
  t->value = ds_arena_strdup(arena, h->value);
  t->sentence = 0;
}

/* What a scan gives besides the times: whether a pattern needed year_hint, and for
 * each time whether its clause looks ahead (a plan is no publication date). */
typedef struct {
  bool hinted;
  bool want_ahead;
  bool *ahead;
} S_extra;

static size_t S_scan(const ds_time_text *tt, const char *anchor, int year_hint,
                     ds_arena *arena, ds_time **out, S_extra *x) {
  ds_tctx c = tt->base;
  c.year_hint = year_hint;
  c.anchored = anchor && ds_date_parse(anchor, strlen(anchor), &c.anchor);
  S_times v = {0};
  DS_VEC(bool) ahead = {0};
  for (size_t k = 0, next = 0; k < tt->nstarts; k++) {
    size_t i = tt->starts[k];
    if (i < next) continue; /* inside the last hit */
    ds_thit h[2];
    size_t nh = 0;
    if (ds_tt_match(&c, i, &h[0])) {
      nh = ds_tt_range_tail(&c, &h[0], &h[1]) ? 2 : 1;
      next = h[nh - 1].end;
    } else if (c.t[i].kind == TK_NUM && ds_tt_range_head(&c, i, &h[0])) {
      nh = 1;
    }
    for (size_t k = 0; k < nh; k++) {
      S_push(&c, &h[k], arena, &v);
      ds_tt_note_ref(&c, &h[k]);
      if (x && x->want_ahead) *DS_PUSH(arena, &ahead) = ds_tt_tense(&c, h[k].start, h[k].end) > 0;
    }
  }
  if (x) x->hinted = c.hint_wanted, x->ahead = ahead.items;
  *out = v.items;
  return v.len;
}

size_t ds_time_scan_text(ds_time_text *tt, const char *anchor, ds_arena *arena, ds_time **out) {
  if (anchor || !tt->probed) return S_scan(tt, anchor, 0, arena, out, NULL);
  /* an undated text whose date inference found nothing: the inference's first scan is
   * this one (the tense it also worked out changes nothing) */
  ds_time *t = tt->nprobe ? ds_arena_alloc_raw(arena, tt->nprobe * sizeof *t) : NULL;
  for (size_t i = 0; i < tt->nprobe; i++) {
    t[i] = tt->probe[i];
    t[i].value = ds_arena_strdup(arena, t[i].value);
  }
  *out = t;
  return tt->nprobe;
}

size_t ds_time_scan(const char *text, size_t len, const char *anchor, ds_arena *arena,
                    ds_time **out) {
  ds_time_text *tt = ds_time_text_open(text, len);
  size_t n = ds_time_scan_text(tt, anchor, arena, out);
  ds_time_text_close(tt);
  return n;
}

bool ds_time_value_date(const char *v, int *y, int *m, int *d) {
  if (!v || strlen(v) < 7) return false;
  for (int k = 0; k < 4; k++)
    if (!S_digit((unsigned char)v[k])) return false;
  if (v[4] != '-' || !S_digit((unsigned char)v[5]) || !S_digit((unsigned char)v[6])) return false;
  *y = ds_tt_atoi(v);
  *m = ds_tt_atoi(v + 5);
  *d = 0;
  if (v[7] == '-' && S_digit((unsigned char)v[8]) && S_digit((unsigned char)v[9])) {
    *d = (v[8] - '0') * 10 + (v[9] - '0');
    if (v[10] && v[10] != 'T') return false; /* "2024-10-231" is no date; "2024-10-23TNI" is */
    if (*d < 1 || *d > 31) return false;
  } else if (v[7]) {
    return false;
  }
  return *m >= 1 && *m <= 12;
}

/* ---- the article ---- */

/* Years before this are history, not a hint at when an undated text was written. */
#define DS_TIME_MIN_YEAR 1900
/* A date more than this after the reading is a plan or a typo, not when the text was
 * written. */
#define DS_TIME_INFER_FUTURE_DAYS 2

static long S_today(void) {
  time_t now = time(NULL);
  struct tm tm;
  gmtime_r(&now, &tm);
  return ds_date_to_days((ds_date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday});
}

/* The latest year of a day-precision date written with its year (Oct. 23, 2024): the
 * year a date written without one may borrow. A bare year ("the 2014 coup") or a month
 * ("in February 2022") names history as often as the present, so lends none. */
static int S_latest_year(const ds_time *t, size_t n, const bool *ahead) {
  int best = 0, y, m, d;
  for (size_t i = 0; i < n; i++)
    if (!ahead[i] && ds_time_value_date(t[i].value, &y, &m, &d) && d && y > best) best = y;
  return best;
}

/* Candidate publication date for the time value v: a written date, or a month and day
 * given the year the text (or the corpus) suggests. *strong says the year was written. */
static bool S_candidate(const char *v, int year, ds_date *dt, bool *strong) {
  int y, m, d;
  *strong = false;
  if (!strncmp(v, "XXXX-", 5) && year && S_digit((unsigned char)v[5]) && strlen(v) == 10) {
    y = year, m = atoi(v + 5), d = atoi(v + 8);
  } else if (ds_time_value_date(v, &y, &m, &d) && d) {
    *strong = true;
  } else {
    return false;
  }
  *dt = (ds_date){y, m, d};
  return ds_date_valid(y, m, d);
}

/* The year a weekday beside a date without one starts its search from: the latest year
 * the text writes (forward), else the reading's year (backward). */
static int S_hint_year(const ds_time *t, size_t n, long today) {
  int best = 0;
  for (size_t i = 0; i < n; i++) {
    int y = t[i].type == DS_TIME_DATE && S_digit((unsigned char)t[i].value[0]) ? atoi(t[i].value) : 0;
    if (y >= DS_TIME_MIN_YEAR && y > best) best = y;
  }
  return best ? best : -ds_days_to_date(today).y;
}

/* A dateline opens the text: a place in capitals and a date before the first sentence
 * ("KYIV, Oct. 24 (Reuters) -"). It names the day of writing, so it beats a later date
 * the text may mention. */
#define DS_TIME_DATELINE_BYTES 48

static bool S_dateline(const char *text, const ds_time *t) {
  if (t->start > DS_TIME_DATELINE_BYTES || t->start < 4) return false;
  size_t caps = 0;
  while (caps < t->start && text[caps] >= 'A' && text[caps] <= 'Z') caps++;
  if (caps < 2) return false;
  for (size_t k = caps; k < t->start; k++)
    if (text[k] == '.' || text[k] == '\n') return false;
  return text[t->start - 2] == ',' && text[t->start - 1] == ' ';
}

/* The scan an inference starts with, made once per text. */
static size_t S_probe(ds_time_text *tt, ds_time **t, S_extra *x) {
  if (!tt->probed) {
    S_extra px = {.want_ahead = true};
    tt->nprobe = S_scan(tt, NULL, 0, &tt->arena, &tt->probe, &px);
    tt->probe_hinted = px.hinted, tt->probe_ahead = px.ahead, tt->probed = true;
  }
  *t = tt->probe, x->hinted = tt->probe_hinted, x->ahead = tt->probe_ahead;
  return tt->nprobe;
}

/* ds_time_infer, saying also whether the date is the dateline's. */
static int S_infer(ds_time_text *tt, const char *near, ds_arena *arena, char out[11],
                   bool *from_dateline) {
  ds_date nd = {0, 0, 0};
  bool has_near = near && ds_date_parse(near, strlen(near), &nd);
  long today = S_today(), limit = has_near ? ds_date_to_days(nd) + DS_TIME_TENSE_SLACK
                                           : today + DS_TIME_INFER_FUTURE_DAYS;
  ds_time *t;
  S_extra x = {.want_ahead = true};
  size_t n = S_probe(tt, &t, &x);
  /* a weekday beside a date ("Wednesday (October 23)") pins the year: rescan with it */
  if (x.hinted) n = S_scan(tt, NULL, has_near ? nd.y : S_hint_year(t, n, today), arena, &t, &x);
  /* the dateline stands before the first clause: no verb of it makes it a plan (the
   * same first time and text in a kept probe: clearing its flag again changes nothing) */
  bool dl = n && S_dateline(tt->base.text, &t[0]);
  if (dl) x.ahead[0] = false;
  int year = has_near ? nd.y : S_latest_year(t, n, x.ahead);
  ds_date best = {0, 0, 0};
  bool best_strong = false;
  for (size_t i = 0; i < n; i++) {
    ds_date dt;
    bool strong;
    if (x.ahead[i] || !S_candidate(t[i].value, year, &dt, &strong) || ds_date_to_days(dt) > limit)
      continue;
    *from_dateline = i == 0 && dl;
    if (*from_dateline || !best.y || ds_date_to_days(dt) > ds_date_to_days(best))
      best = dt, best_strong = strong;
    if (*from_dateline) break;
  }
  if (!best.y) return 0;
  ds_date_format(best, out);
  return best_strong ? 2 : 1;
}

int ds_time_infer_text(ds_time_text *tt, const char *near, ds_arena *arena, char out[11]) {
  bool dateline = false;
  return S_infer(tt, near, arena, out, &dateline);
}

int ds_time_infer(const char *text, size_t len, const char *near, ds_arena *arena, char out[11]) {
  ds_time_text *tt = ds_time_text_open(text, len);
  int strength = ds_time_infer_text(tt, near, arena, out);
  ds_time_text_close(tt);
  return strength;
}

bool ds_time_infer_published(const char *text, size_t len, ds_arena *arena, char out[11]) {
  return ds_time_infer(text, len, NULL, arena, out) > 0;
}

/* ds_tag_times on the article's tokens, made by the caller. */
static void S_tag(ds_article *a, ds_time_text *tt) {
  if (!a->published) {
    char d[11];
    bool dateline = false;
    int strength = S_infer(tt, NULL, &a->arena, d, &dateline);
    if (strength) {
      a->published = ds_arena_strdup(&a->arena, d);
      /* a dateline with its year is the text's own word; else the date is inferred */
      a->published_basis = dateline && strength == 2 ? DS_BASIS_TEXT : DS_BASIS_INFERRED;
    }
  }
  ds_time *t;
  size_t n = ds_time_scan_text(tt, a->published, &a->arena, &t);
  size_t s = 0;
  for (size_t i = 0; i < n; i++) {
    while (s + 1 < a->sentences.len && a->sentences.items[s].end <= t[i].start) s++;
    t[i].sentence = (uint32_t)s;
  }
  a->times.items = t, a->times.len = a->times.cap = n; /* the scan's own array */
}

void ds_time_reanchor_text(ds_article *a, const char *date, ds_time_text *tt) {
  a->published = ds_arena_strdup(&a->arena, date);
  a->published_basis = DS_BASIS_INFERRED;
  if (a->body) S_tag(a, tt);
}

void ds_time_reanchor(ds_article *a, const char *date) {
  ds_time_text *tt = a->body ? ds_time_text_open(a->body, a->body_len) : NULL;
  ds_time_reanchor_text(a, date, tt);
  ds_time_text_close(tt);
}

void ds_tag_times(ds_article *a) {
  if (!a->body) return;
  ds_time_text *tt = ds_time_text_open(a->body, a->body_len);
  S_tag(a, tt);
  ds_time_text_close(tt);
}
