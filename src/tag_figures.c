/* Figures: every numeric claim in an article, in one left-to-right pass over each
 * sentence's tokens. A figure is a numeric core (digits with an optional scale, or
 * number words) with what news prose wraps around it: a qualifier ("at least"), a
 * currency, a range ("10,000 to 12,000"), a percent sign, a trailing qualifier
 * ("or more"). Dates, years, ordinals, calibres, labels, phone numbers, clock times
 * and numbers inside URLs are recognised and skipped here; what the number counts,
 * who claims it and as of when are read by tag_figures_ctx.c. */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tag_figures_internal.h"
#include "util/lexicon.h"

/* Bytes between a figure and the one before it whose unit it may take ("1,500 troops
 * were sent, bringing the total to 3,000"); farther away it is another clause's. */
#define DS_FIG_MAX_INHERIT_GAP 120

typedef struct {
  double v, scale; /* value, and the scale word's multiplier (1 when none) */
  double hi;       /* upper bound of a vague amount */
  bool word;       /* written in words */
  bool vague;      /* "several thousand", "hundreds of" */
  const char *vq;  /* the vague phrase, as qualifier */
} S_corev;

typedef struct {
  uint32_t t0, t1;  /* the whole expression */
  uint32_t n0, n1;  /* the numeric core(s) */
  double value, low, high;
  const char *qual, *qkind;
  const char *cur; /* fig_currency.txt value ("dollar money:USD") */
  bool percent, word, vague, range, scaled;
} S_num;

/* ---- token helpers ---- */

/* Set bits of x (no popcnt instruction is assumed). */
static uint32_t S_popcount(uint64_t x) {
  x -= (x >> 1) & 0x5555555555555555ull;
  x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
  x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
  return (uint32_t)((x * 0x0101010101010101ull) >> 56);
}

/* Stored keys are lower case: key in any ASCII case matches, as in the lexicon. */
static bool S_eq_fold(const char *stored, const char *key, size_t n) {
  for (size_t k = 0; k < n; k++) {
    unsigned char c = (unsigned char)key[k];
    if ((unsigned char)stored[k] != ((unsigned)(c - 'A') < 26u ? c + 32 : c)) return false;
  }
  return true;
}

const char *ds_fig_lex_probe(const ds_fig_filter *f, uint32_t bit, const char *key, size_t n) {
  uint32_t w = bit >> 6, r = f->rank[w] + S_popcount(f->keys[w] & ((1ull << (bit & 63)) - 1));
  for (uint32_t e = f->start[r]; e < f->start[r + 1]; e++)
    if (f->entries[e].len == n && S_eq_fold(f->entries[e].key, key, n)) return f->entries[e].value;
  return NULL;
}

/* The phrase of tokens [i, i+n) with single spaces where the text has space. */
static size_t S_phrase(const ds_figscan *s, uint32_t i, uint32_t n, char *buf) {
  size_t len = 0;
  for (uint32_t k = i; k < i + n; k++) {
    uint32_t tl = ds_fig_len(s, k);
    if (s->tok[k].kind == DS_TOK_QUOTE || len + tl + 1 >= DS_FIG_MAX_KEY) return 0;
    if (k > i && !ds_fig_attached(s, k)) buf[len++] = ' ';
    memcpy(buf + len, ds_fig_text(s, k), tl);
    len += tl;
  }
  return len;
}

/* Value of the phrase of tokens [i, i+n) in list, or NULL. A phrase of several
 * words is only built when its first word (token i, when the next one is spaced)
 * starts a key of several words. */
static const char *S_match(const ds_figscan *s, uint32_t i, uint32_t n, ds_fig_list list) {
  if (n == 1) { /* the token's own bytes: what S_phrase would copy */
    uint32_t tl = ds_fig_len(s, i);
    if (s->tok[i].kind == DS_TOK_QUOTE || tl + 1 >= DS_FIG_MAX_KEY) return NULL;
    return ds_fig_lex(s, list, ds_fig_text(s, i), tl);
  }
  if (!ds_fig_attached(s, i + 1) && !ds_fig_may_start(s, i, list)) return NULL;
  char buf[DS_FIG_MAX_KEY];
  size_t len = S_phrase(s, i, n, buf);
  return len ? ds_fig_lex(s, list, buf, len) : NULL;
}

uint32_t ds_fig_match_fwd(const ds_figscan *s, uint32_t i, uint32_t lim, ds_fig_list list,
                          const char **val) {
  if (lim > s->s1) lim = s->s1;
  /* S_match's test for phrases of several words: here the same for every length */
  bool multi = i + 1 < lim && (ds_fig_attached(s, i + 1) || ds_fig_may_start(s, i, list));
  for (uint32_t n = multi ? DS_FIG_MAX_PHRASE : 1; n >= 1; n--) {
    const char *v = i + n <= lim ? S_match(s, i, n, list) : NULL;
    if (v) {
      if (val) *val = v;
      return n;
    }
  }
  return 0;
}

uint32_t ds_fig_match_back(const ds_figscan *s, uint32_t end, uint32_t lo, ds_fig_list list,
                           const char **val) {
  for (uint32_t n = DS_FIG_MAX_PHRASE; n >= 1; n--) {
    const char *v = end >= lo + n ? S_match(s, end - n, n, list) : NULL;
    if (v) {
      if (val) *val = v;
      return n;
    }
  }
  return 0;
}

static bool S_markup_tok(const ds_figscan *s, uint32_t k) {
  return ds_fig_is(s, k, "*") || ds_fig_is(s, k, "_") || ds_fig_is(s, k, "\\");
}

/* Two passes (measure, then copy into the arena) so no figure costs a malloc. */
const char *ds_fig_words(const ds_figscan *s, uint32_t i, uint32_t j) {
  size_t len = 0;
  for (uint32_t k = i; k < j; k++)
    if (!S_markup_tok(s, k)) len += ds_fig_len(s, k) + 1;
  if (!len) return NULL;
  char *out = ds_arena_alloc(&s->a->arena, len), *p = out;
  for (uint32_t k = i; k < j; k++) {
    if (S_markup_tok(s, k)) continue;
    if (p > out && !ds_fig_attached(s, k)) *p++ = ' ';
    memcpy(p, ds_fig_text(s, k), ds_fig_len(s, k));
    p += ds_fig_len(s, k);
  }
  *p = 0;
  return out;
}

/* ---- numbers ---- */

/* A list's numeric value ("1000000", "12"): a whole number of up to 15 digits is
 * exact in a double, so reading it digit by digit gives strtod's result, without
 * strtod's cost; anything else goes to strtod. */
static double S_value(const char *v) {
  uint64_t x = 0;
  size_t k = 0;
  for (; v[k] >= '0' && v[k] <= '9' && k < 15; k++) x = x * 10 + (uint64_t)(v[k] - '0');
  return k && !v[k] ? (double)x : strtod(v, NULL);
}

/* "3,000" -> 3000, "1.4" -> 1.4: commas group thousands, one period is decimal. */
static double S_digits(const char *p, size_t n) {
  double v = 0, frac = 0, div = 1;
  bool dec = false;
  for (size_t k = 0; k < n; k++) {
    char c = p[k];
    if (c == '.') dec = true;
    else if (c >= '0' && c <= '9') {
      if (dec) frac = frac * 10 + (c - '0'), div *= 10;
      else v = v * 10 + (c - '0');
    }
  }
  return v + frac / div;
}

static double S_scale(const ds_figscan *s, uint32_t i, bool money) {
  if (i >= s->s1 || s->tok[i].kind != DS_TOK_WORD) return 0;
  const char *v = ds_fig_lookup(s, i, DS_FL_SCALES);
  if (!v) return 0;
  /* "5 m" is five metres; "$5m" and "5m" written together are millions */
  if (ds_fig_len(s, i) == 1 && !money && !ds_fig_attached(s, i)) return 0;
  return S_value(v);
}

static uint32_t S_core_digits(const ds_figscan *s, uint32_t i, bool money, S_corev *c) {
  c->v = S_digits(ds_fig_text(s, i), ds_fig_len(s, i));
  c->scale = 1;
  uint32_t j = i + 1;
  double sc = S_scale(s, j, money);
  if (sc > 0) c->v *= sc, c->scale = sc, j++;
  return j;
}

/* Vague plurals: "hundreds", "tens of thousands (of)". */
static uint32_t S_core_vague(const ds_figscan *s, uint32_t i, const char *v, S_corev *c) {
  double prod = S_value(v + 1);
  uint32_t j = i + 1, chain = 1;
  const char *w;
  while (ds_fig_is(s, j, "of") && (w = ds_fig_lookup(s, j + 1, DS_FL_NUMBER_WORDS)) && w[0] == 'v')
    prod *= S_value(w + 1), j += 2, chain++;
  c->vq = ds_fig_words(s, i, i + 1);
  c->v = chain == 1 ? 2 * prod : prod;
  c->hi = 10 * prod;
  c->scale = 1;
  c->vague = c->word = true;
  return j;
}

/* "several thousand", "a few hundred": only with a scale word. */
static uint32_t S_core_quant(const ds_figscan *s, uint32_t i, uint32_t q0, const char *v, S_corev *c) {
  double sc = S_scale(s, i + 1, false);
  if (sc < 100) return q0;
  uint32_t j = i + 2;
  c->vq = ds_fig_words(s, q0, i + 1);
  c->v = S_value(v + 1) * sc;
  c->hi = 10 * sc;
  c->scale = sc;
  c->vague = c->word = true;
  return j;
}

/* Adds one number word (value w) to the running total/current group. */
static void S_word_add(double w, double *total, double *cur) {
  if (w == 100 || w == 12) *cur = (*cur ? *cur : 1) * w;
  else if (w >= 1000) *total += (*cur ? *cur : 1) * w, *cur = 0;
  else *cur += w;
}

static bool S_word_value(const ds_figscan *s, const char *p, size_t n, double *total, double *cur) {
  const char *v = ds_fig_lex(s, DS_FL_NUMBER_WORDS, p, n);
  if (v && v[0] != 'v' && v[0] != 'q') {
    S_word_add(S_value(v), total, cur);
    return true;
  }
  const char *dash = memchr(p, '-', n); /* twenty-five */
  if (!dash || dash == p) return false;
  const char *v1 = ds_fig_lex(s, DS_FL_NUMBER_WORDS, p, (size_t)(dash - p));
  const char *v2 = ds_fig_lex(s, DS_FL_NUMBER_WORDS, dash + 1, n - (size_t)(dash - p) - 1);
  if (!v1 || !v2 || v1[0] < '0' || v1[0] > '9' || v2[0] < '0' || v2[0] > '9') return false;
  S_word_add(S_value(v1) + S_value(v2), total, cur);
  return true;
}

/* Exact number words: "three", "twenty-five", "two hundred thousand", "a dozen". */
static uint32_t S_core_words(const ds_figscan *s, uint32_t i, S_corev *c) {
  double total = 0, cur = 0, lastw = 0;
  uint32_t j = i;
  if (ds_fig_is(s, i, "a") || ds_fig_is(s, i, "an")) {
    const char *v = ds_fig_lookup(s, i + 1, DS_FL_NUMBER_WORDS);
    if (!v || v[0] < '0' || v[0] > '9' || S_value(v) < 12) return i;
    cur = 1, j = i + 1;
  }
  for (; j < s->s1 && s->tok[j].kind == DS_TOK_WORD; j++) {
    if (ds_fig_is(s, j, "and") && j > i && j + 1 < s->s1 &&
        S_word_value(s, ds_fig_text(s, j + 1), ds_fig_len(s, j + 1), &(double){0}, &(double){0}))
      continue;
    double before = total + cur;
    if (!S_word_value(s, ds_fig_text(s, j), ds_fig_len(s, j), &total, &cur)) break;
    lastw = total + cur - before;
  }
  if (j == i || total + cur <= 0) return i;
  c->v = total + cur;
  c->scale = lastw >= 1000 ? 1000 : 1;
  c->word = true;
  return j;
}

static uint32_t S_core(const ds_figscan *s, uint32_t i, bool money, S_corev *c) {
  *c = (S_corev){0};
  if (i >= s->s1) return i;
  if (s->tok[i].kind == DS_TOK_NUMBER) return S_core_digits(s, i, money, c);
  if (s->tok[i].kind != DS_TOK_WORD) return i;
  const char *v = ds_fig_lookup(s, i, DS_FL_NUMBER_WORDS);
  if (v && v[0] == 'v') return S_core_vague(s, i, v, c);
  if (v && v[0] == 'q' && !ds_fig_is(s, i, "few")) return S_core_quant(s, i, i, v, c);
  if (ds_fig_is(s, i, "a") && ds_fig_is(s, i + 1, "few"))
    return S_core_quant(s, i + 1, i, ds_fig_lookup(s, i + 1, DS_FL_NUMBER_WORDS), c);
  return S_core_words(s, i, c);
}

/* ---- what is not a figure ---- */

static bool S_in_url(const ds_figscan *s, uint32_t i) {
  const char *b = s->a->body;
  uint32_t lo = s->tok[i].start, hi = s->tok[i].end, n = s->a->body_len;
  for (uint32_t k = 0; k < DS_FIG_MAX_URL_SCAN && lo > 0 && b[lo - 1] != ' ' && b[lo - 1] != '\n'; k++) lo--;
  for (uint32_t k = 0; k < DS_FIG_MAX_URL_SCAN && hi < n && b[hi] != ' ' && b[hi] != '\n'; k++) hi++;
  for (uint32_t p = lo; p < hi; p++)
    if (b[p] == '/' || b[p] == '@' || (p + 4 <= hi && memcmp(b + p, "www.", 4) == 0)) return true;
  return false;
}

static bool S_is_month(const ds_figscan *s, uint32_t i) {
  return i < s->s1 && s->tok[i].kind == DS_TOK_WORD && (s->tok[i].flags & DS_TF_CAP) &&
         ds_fig_lookup(s, i, DS_FL_MONTHS) != NULL;
}

/* Numbers joined by attached hyphens: "555-0100", "2024-10-24", "+1 202-555-0100". */
static bool S_phone_or_code(const ds_figscan *s, uint32_t i, uint32_t *skip) {
  uint32_t j = i, parts = 1;
  while (j + 2 < s->s1 && (ds_fig_punct(s, j + 1, "-") || ds_fig_punct(s, j + 1, "/") ||
                           ds_fig_punct(s, j + 1, ".")) &&
         ds_fig_attached(s, j + 1) && ds_fig_attached(s, j + 2) &&
         s->tok[j + 2].kind == DS_TOK_NUMBER)
    j += 2, parts++;
  *skip = j + 1;
  if (parts >= 3) return true;
  if (i > s->s0 && ds_fig_punct(s, i - 1, "+") && ds_fig_attached(s, i)) return true;
  if (i > s->s0 && ds_fig_punct(s, i - 1, "(") && ds_fig_punct(s, i + 1, ")") &&
      i + 2 < s->s1 && s->tok[i + 2].kind == DS_TOK_NUMBER)
    return (*skip = i + 3), true;
  if (parts == 2) {
    const char *second = ds_fig_text(s, j);
    bool slash = ds_fig_punct(s, i + 1, "/");
    return slash || (second[0] == '0' && ds_fig_len(s, j) >= 3);
  }
  return false;
}

/* A number glued to what follows: ordinal (11th), decade (1990s), calibre (155mm),
 * clock time (10:30) or compound adjective (24-hour, 155-mm). "-strong" is a count. */
static bool S_glued(const ds_figscan *s, uint32_t j) {
  if (j >= s->s1 || !ds_fig_attached(s, j)) return false;
  if (s->tok[j].kind == DS_TOK_WORD) {
    if (S_scale(s, j, false) > 0) return false;
    const char *cls = ds_fig_unit(s, j, NULL);
    return !cls || strcmp(cls, "-") == 0 || ds_fig_len(s, j) <= 2;
  }
  if (ds_fig_punct(s, j, ":") && j + 1 < s->s1 && s->tok[j + 1].kind == DS_TOK_NUMBER) return true;
  if ((ds_fig_punct(s, j, "-") || ds_fig_punct(s, j, "\xE2\x80\x91")) && j + 1 < s->s1 &&
      s->tok[j + 1].kind == DS_TOK_WORD && ds_fig_attached(s, j + 1))
    return !ds_fig_is(s, j + 1, "strong") && !ds_fig_is(s, j + 1, "plus");
  return false;
}

static bool S_label_before(const ds_figscan *s, uint32_t i) {
  if (i <= s->s0) return false;
  if (ds_fig_punct(s, i - 1, "#")) return true;
  /* "Fortune 500 companies", "Route 66": a name runs into a bare number (title-case
   * lines such as "Army Sends 1,500 Troops" go on capitalised, and are counts) */
  const char *p = ds_fig_text(s, i);
  if (i - 1 > s->s0 && s->tok[i - 1].kind == DS_TOK_WORD && (s->tok[i - 1].flags & DS_TF_CAP) &&
      !memchr(p, ',', ds_fig_len(s, i)) && !memchr(p, '.', ds_fig_len(s, i)) &&
      !(i + 1 < s->s1 && (s->tok[i + 1].flags & DS_TF_CAP)) && !ds_fig_lookup(s, i - 1, DS_FL_MONTHS) &&
      !ds_fig_lookup(s, i - 1, DS_FL_QUALIFIERS))
    return true;
  return s->tok[i - 1].kind == DS_TOK_WORD && ds_fig_lookup(s, i - 1, DS_FL_LABELS) &&
         !ds_fig_lookup(s, i - 1, DS_FL_QUALIFIERS);
}

/* Year: four bare digits 1000-2199 not directly counting a unit ("2000 troops"). */
static bool S_year(const ds_figscan *s, uint32_t i, const S_corev *c) {
  if (ds_fig_len(s, i) != 4 || c->scale != 1 || c->v < 1000 || c->v > 2199) return false;
  const char *cls = ds_fig_unit(s, i + 1, NULL);
  return !cls || strcmp(cls, "-") == 0;
}

/* Overlaps a time expression the time tagger found (cursor kept per article). */
static bool S_in_time(const ds_figscan *s, uint32_t i, uint32_t j, size_t *tc) {
  const ds_article *a = s->a;
  uint32_t b0 = s->tok[i].start, b1 = s->tok[j - 1].end;
  while (*tc < a->times.len && a->times.items[*tc].end <= b0) (*tc)++;
  for (size_t k = *tc; k < a->times.len && a->times.items[k].start < b1; k++)
    if (a->times.items[k].end > b0) return true;
  return false;
}

static bool S_ratio_word(const ds_figscan *s, uint32_t i) {
  return ds_fig_is(s, i, "every") || ds_fig_is(s, i, "each") || ds_fig_is(s, i, "per");
}

/* True when the core at i..j is not a count; *skip is where scanning resumes. */
static bool S_not_figure(const ds_figscan *s, uint32_t i, uint32_t j, const S_corev *c,
                         bool money, size_t *tc, uint32_t *skip) {
  *skip = j;
  if (c->word) return S_in_time(s, i, j, tc);
  if (S_phone_or_code(s, i, skip)) return true;
  *skip = j;
  if (S_in_url(s, i) || S_in_time(s, i, j, tc)) return true;
  if (S_label_before(s, i) || (i > s->s0 && s->tok[i - 1].kind == DS_TOK_WORD && ds_fig_attached(s, i)))
    return true;
  if (i > s->s0 && S_ratio_word(s, i - 1)) return true; /* "for every 12 soldiers": a ratio */
  if (S_glued(s, i + 1) && c->scale == 1) return (*skip = i + 2), true;
  bool date = (i > s->s0 && S_is_month(s, i - 1)) || S_is_month(s, j);
  if (date) {
    /* "October 27 or 28", "October 8 to 13": the second number is a date too */
    if ((ds_fig_is(s, j, "or") || ds_fig_is(s, j, "to") || ds_fig_is(s, j, "and") ||
         ds_fig_punct(s, j, "-")) && j + 1 < s->s1 && s->tok[j + 1].kind == DS_TOK_NUMBER)
      *skip = j + 2;
    return true;
  }
  return !money && S_year(s, i, c);
}

/* ---- the whole expression ---- */

static const char *S_currency_before(const ds_figscan *s, uint32_t i, uint32_t *t0) {
  if (i <= s->s0) return NULL;
  const char *v = ds_fig_lookup(s, i - 1, DS_FL_CURRENCY);
  if (!v) return NULL;
  *t0 = i - 1;
  if (*t0 > s->s0 && ds_fig_attached(s, *t0) && s->tok[*t0 - 1].kind == DS_TOK_WORD &&
      ds_fig_len(s, *t0 - 1) <= 2) { /* US$, C$, HK$ */
    const char *w = ds_fig_lex(s, DS_FL_CURRENCY, ds_fig_text(s, *t0 - 1), ds_fig_len(s, *t0 - 1) + ds_fig_len(s, *t0));
    (*t0)--;
    if (w) v = w;
  }
  return v;
}

static void S_qualifier(const ds_figscan *s, S_num *n) {
  const char *kind;
  uint32_t lo = n->t0 > s->s0 + DS_FIG_MAX_PHRASE ? n->t0 - DS_FIG_MAX_PHRASE : s->s0;
  uint32_t k = ds_fig_match_back(s, n->t0, lo, DS_FL_QUALIFIERS, &kind);
  if (!k) return;
  n->t0 -= k;
  n->qual = ds_fig_words(s, n->t0, n->t0 + k);
  n->qkind = kind;
}

/* Second half of a range: "- 12,000", "to 12,000", "and 3,000" (after "between"),
 * "or three". Returns the end or 0. */
static uint32_t S_range(const ds_figscan *s, uint32_t j, bool between, bool money, S_corev *c2) {
  bool dash = ds_fig_punct(s, j, "-") || ds_fig_punct(s, j, "\xE2\x80\x93") ||
              ds_fig_punct(s, j, "\xE2\x80\x94");
  bool word = ds_fig_is(s, j, "to") || ds_fig_is(s, j, "or") || (between && ds_fig_is(s, j, "and"));
  if (!dash && !word) return 0;
  uint32_t k = j + 1;
  if (k < s->s1 && ds_fig_lookup(s, k, DS_FL_CURRENCY)) k++;
  if (k >= s->s1 || (s->tok[k].kind != DS_TOK_NUMBER && s->tok[k].kind != DS_TOK_WORD)) return 0;
  uint32_t e = S_core(s, k, money, c2);
  if (e == k || c2->vague) return 0;
  if (s->tok[k].kind == DS_TOK_NUMBER && (S_glued(s, k + 1) || S_is_month(s, e))) return 0;
  return e;
}

static void S_percent(const ds_figscan *s, S_num *n) {
  uint32_t j = n->t1;
  if (ds_fig_punct(s, j, "%")) n->percent = true, n->t1 = j + 1;
  else if (ds_fig_is(s, j, "per") && ds_fig_is(s, j + 1, "cent")) n->percent = true, n->t1 = j + 2;
  else if (ds_fig_is(s, j, "percent") || ds_fig_is(s, j, "pct")) n->percent = true, n->t1 = j + 1;
}

static void S_post_qualifier(const ds_figscan *s, S_num *n) {
  const char *kind;
  uint32_t j = n->t1;
  if (ds_fig_punct(s, j, "-") && ds_fig_attached(s, j) && ds_fig_is(s, j + 1, "plus")) j++;
  uint32_t k = ds_fig_match_fwd(s, j, j + DS_FIG_MAX_PHRASE, DS_FL_POST_QUALIFIERS, &kind);
  if (!k) return;
  if (!n->qual) n->qual = ds_fig_words(s, j, j + k), n->qkind = kind;
  n->t1 = j + k;
}

/* An article "a" or "an" at i that starts no figure: S_core reads one only before
 * "few" or a number word of 12 or more ("a dozen", "a few hundred"). Most articles
 * start none, and are not worth reading as an expression. */
static bool S_lone_article(const ds_figscan *s, uint32_t i) {
  if (s->tok[i].kind != DS_TOK_WORD || !(ds_fig_is(s, i, "a") || ds_fig_is(s, i, "an"))) return false;
  if (ds_fig_is(s, i, "a") && ds_fig_is(s, i + 1, "few")) return false;
  const char *v = ds_fig_lookup(s, i + 1, DS_FL_NUMBER_WORDS);
  return !v || v[0] < '0' || v[0] > '9' || S_value(v) < 12;
}

/* Reads the expression whose numeric core starts at i. Returns false when there is
 * no figure there; *skip says where to resume. */
static bool S_expression(const ds_figscan *s, uint32_t i, size_t *tc, S_num *n, uint32_t *skip) {
  *n = (S_num){.t0 = i, .n0 = i};
  n->cur = S_currency_before(s, i, &n->t0);
  S_corev c1, c2;
  uint32_t j = S_core(s, i, n->cur != NULL, &c1);
  *skip = i + 1;
  if (j == i || S_not_figure(s, i, j, &c1, n->cur != NULL, tc, skip)) return false;
  bool between = n->t0 > s->s0 && ds_fig_is(s, n->t0 - 1, "between");
  bool from = n->t0 > s->s0 && ds_fig_is(s, n->t0 - 1, "from");
  uint32_t e = S_range(s, j, between, n->cur != NULL, &c2);
  n->value = n->low = n->high = c1.v;
  if (e && c2.v > c1.v * (c1.scale == 1 ? c2.scale : 1)) {
    double lo = c1.scale == 1 && c2.scale > 1 && c1.v * c2.scale <= c2.v ? c1.v * c2.scale : c1.v;
    n->low = lo, n->high = c2.v, n->value = (lo + c2.v) / 2, n->range = true;
    j = e;
    if (between || from) n->t0--, n->qual = between ? "between" : "from", n->qkind = "range";
  }
  n->n1 = n->t1 = j;
  n->word = c1.word, n->vague = c1.vague, n->scaled = c1.scale > 1;
  if (c1.vague) n->qual = c1.vq, n->qkind = "vague", n->high = c1.hi;
  if (!n->qual) S_qualifier(s, n);
  S_percent(s, n);
  S_post_qualifier(s, n);
  *skip = n->t1;
  return true;
}

/* ---- unit, key and the rest ---- */

/* "the number of North Korean soldiers ... is now around 12,000" */
static bool S_number_of(const ds_figscan *s, uint32_t t0, ds_fighead *h) {
  uint32_t lo = t0 > s->s0 + DS_FIG_MAX_BACK ? t0 - DS_FIG_MAX_BACK : s->s0;
  for (uint32_t k = t0; k > lo + 1; k--) {
    if (!ds_fig_is(s, k - 1, "of") || !(ds_fig_is(s, k - 2, "number") || ds_fig_is(s, k - 2, "total")))
      continue;
    ds_fig_head(s, k, h);
    return h->head >= 0 && h->end <= t0;
  }
  return false;
}

static bool S_inherit(const ds_figscan *s, uint32_t t0, ds_figure *f) {
  ds_fighead h;
  if (S_number_of(s, t0, &h)) {
    f->unit = ds_arena_strdup(&s->a->arena, h.unit);
    f->unit_class = h.uclass;
    f->about = ds_fig_words(s, h.mod0 >= 0 ? (uint32_t)h.mod0 : (uint32_t)h.head, h.end);
    f->key = h.key ? h.key : ds_fig_clause_key(s, (uint32_t)(h.mod0 >= 0 ? h.mod0 : h.head));
    return true;
  }
  /* the figure just before, in the same sentence: "1,500 troops ... the total to 3,000" */
  const ds_article *a = s->a;
  if (!a->figures.len) return false;
  const ds_figure *p = &a->figures.items[a->figures.len - 1];
  if (p->sentence != s->sent || !p->unit || s->tok[t0].start > p->end + DS_FIG_MAX_INHERIT_GAP)
    return false;
  f->unit = p->unit, f->about = p->about;
  f->unit_class = p->unit_class && strchr(p->unit_class, '/') ? NULL : p->unit_class;
  if (!f->key) f->key = p->key;
  return true;
}

/* "90,000 a month": the class gets the period so rates group apart from totals. */
static void S_rate(const ds_figscan *s, uint32_t j, ds_figure *f) {
  if (!(ds_fig_is(s, j, "a") || ds_fig_is(s, j, "per") || ds_fig_is(s, j, "each") ||
        ds_fig_is(s, j, "every") || ds_fig_is(s, j, "an")))
    return;
  char per[DS_FIG_MAX_LEMMA];
  const char *cls = ds_fig_unit(s, j + 1, per);
  if (!cls || strcmp(cls, "-") != 0 || !f->unit_class) return;
  f->flags |= DS_FIGF_RATE;
  f->unit_class = ds_arena_printf(&s->a->arena, "%s/%s", f->unit_class, per);
}

static void S_unit_from_expr(const ds_figscan *s, const S_num *n, ds_figure *f) {
  if (n->percent) {
    f->unit = "percent", f->unit_class = "percent";
  } else if (n->cur) {
    const char *sp = strchr(n->cur, ' ');
    f->unit = sp ? ds_arena_strndup(&s->a->arena, n->cur, (size_t)(sp - n->cur)) : n->cur;
    f->unit_class = sp ? sp + 1 : NULL;
  }
}

/* "one truck for every 12 soldiers", "12 patients per doctor": a ratio, not a count
 * ("90,000 a month", "per day" are rates, read by S_rate). */
static bool S_ratio_after(const ds_figscan *s, uint32_t k) {
  if (ds_fig_is(s, k, "for")) return S_ratio_word(s, k + 1);
  if (!ds_fig_is(s, k, "per")) return false;
  const char *cls = ds_fig_unit(s, k + 1, NULL);
  return !cls || strcmp(cls, "-") != 0;
}

static bool S_share_or_sum(const ds_figure *f) {
  return f->unit_class && (!strcmp(f->unit_class, "percent") || !strncmp(f->unit_class, "money", 5));
}

/* A sum or share named by its unit and a preposition ("dollars of ...", "percent of
 * its trade", "in lending"): its label is what it is of or for, else the unit. */
static void S_topic_about(const ds_figscan *s, const ds_fighead *h, uint32_t j, ds_figure *f) {
  bool unit_head = h->head >= 0 && h->mod0 == h->head && h->uclass && !strcmp(h->uclass, f->unit_class);
  uint32_t k = unit_head ? (uint32_t)h->head + 1 : j;
  if (!unit_head && h->mod0 >= 0) return; /* "$400 million package of weapons" names itself */
  const char *t = ds_fig_topic(s, k);
  if (t) f->about = t;
  else if (!f->about) f->about = f->unit;
}

/* Fills unit, class, about and key. Returns false when the figure is dropped. */
static bool S_what(const ds_figscan *s, const S_num *n, ds_figure *f) {
  ds_fighead h;
  uint32_t j = n->t1;
  if (ds_fig_punct(s, j, "-") && ds_fig_is(s, j + 1, "strong")) j += 2;
  if (n->vague && ds_fig_is(s, j, "of")) j++; /* "hundreds of troops" */
  ds_fig_head(s, j, &h);
  if (h.uclass && strcmp(h.uclass, "-") == 0) return false;
  S_unit_from_expr(s, n, f);
  bool own = f->unit || h.head >= 0;
  if (!f->unit && h.head >= 0) f->unit = ds_arena_strdup(&s->a->arena, h.unit), f->unit_class = h.uclass;
  if (own && (h.mod0 >= 0 || h.end > j)) f->about = ds_fig_words(s, h.mod0 >= 0 ? (uint32_t)h.mod0 : j, h.end);
  if (S_share_or_sum(f)) S_topic_about(s, &h, j, f);
  f->key = h.key ? h.key : ds_fig_clause_key(s, n->t0);
  if (S_ratio_after(s, own ? h.end : n->t1)) return false;
  if (n->word && !n->scaled && !n->vague && !f->unit_class) return false; /* "two fronts" */
  if (!own) {
    if (n->word && !n->scaled && !n->vague) return false; /* "two" alone */
    if (S_inherit(s, n->t0, f)) f->flags |= DS_FIGF_INHERITED;
    else if (!n->qual && !n->vague && !n->scaled && !memchr(ds_fig_text(s, n->n0), ',', ds_fig_len(s, n->n0)))
      return false; /* "the 486", "215.86": a bare number with nothing to say what it counts */
    else if (n->vague && !n->scaled) return false;
  }
  S_rate(s, own ? h.end : n->t1, f);
  return true;
}

static void S_emit(ds_figscan *s, const S_num *n) {
  ds_article *a = s->a;
  ds_figure f = {0};
  f.start = s->tok[n->t0].start;
  f.end = s->tok[n->t1 - 1].end;
  f.value = n->value, f.low = n->low, f.high = n->high;
  f.qualifier = n->qual;
  f.source = -1;
  f.sentence = s->sent;
  if (n->vague) f.flags |= DS_FIGF_VAGUE;
  if (n->qkind && strcmp(n->qkind, "add") == 0) f.flags |= DS_FIGF_INCREMENT;
  if (!S_what(s, n, &f)) return;
  if (n->word && !n->scaled && f.value < 2) return; /* "one country", "one of" */
  ds_fig_source(s, n->t0, n->t1, &f);
  f.projection = ds_fig_projection(s, n->t0);
  ds_fig_as_of(s, n->t0, n->t1, &f);
  *DS_PUSH(&a->arena, &a->figures) = f;
}

static bool S_may_start(const ds_figscan *s, uint32_t i) {
  if (s->tok[i].kind == DS_TOK_NUMBER) return true;
  if (s->tok[i].kind != DS_TOK_WORD) return false;
  if (ds_fig_lookup(s, i, DS_FL_NUMBER_WORDS) || ds_fig_is(s, i, "a") || ds_fig_is(s, i, "an"))
    return true;
  double total = 0, cur = 0; /* twenty-five */
  return ds_fig_len(s, i) >= s->hyphen_min && memchr(ds_fig_text(s, i), '-', ds_fig_len(s, i)) &&
         S_word_value(s, ds_fig_text(s, i), ds_fig_len(s, i), &total, &cur);
}

/* The bit of a byte in S_pairs (ASCII case folded; other bytes share bits, which only
 * lets more words through), and a word's second byte (0 for one byte). */
static inline unsigned S_pair_bit(char c) { return ((unsigned char)c | 32u) & 31u; }
static inline char S_second(const char *p, uint32_t n) { return n > 1 ? p[1] : 0; }

/* The classes of a word's first byte (S_lead): 'a' or 'A' ("a dozen"), and the first
 * byte of some number word (case folded, as the filter's lead bits). */
enum { S_LEAD_A = 1, S_LEAD_NUMBER = 2 };

/* The first token from i on that may start a figure (S_may_start), or s->s1. Most
 * tokens start none, so this loop keeps what it reads in registers and tests only
 * what a start needs: digits; "a" or "an" ("a dozen"); a word whose first two bytes
 * start some number word (as do those of "twenty-five"; the second rules out "the",
 * "that", "his", two in three of the words the first lets through) and whose sketch
 * bit is set or that has a hyphen. S_may_start decides on what passes. */
static uint32_t S_next_start(const ds_figscan *s, uint32_t i) {
  const ds_token *tok = s->tok;
  const char *body = s->a->body;
  const ds_fig_filter *f = &s->filter[DS_FL_NUMBER_WORDS];
  const uint8_t *lead = s->lead;
  const uint32_t *pairs = s->pairs;
  for (const uint32_t end = s->s1; i < end; i++) {
    if (tok[i].kind != DS_TOK_WORD) {
      if (tok[i].kind == DS_TOK_NUMBER) return i;
      continue;
    }
    const char *p = body + tok[i].start;
    unsigned cls = lead[(unsigned char)p[0]];
    if (!cls) continue;
    uint32_t n = tok[i].end - tok[i].start;
    if ((cls & S_LEAD_A) && (n == 1 || (n == 2 && (p[1] | 32) == 'n'))) return i;
    if (!(cls & S_LEAD_NUMBER)) continue;
    if (!(pairs[S_pair_bit(p[0])] >> S_pair_bit(S_second(p, n)) & 1)) continue; /* "the", "that" */
    bool key = n - 1 < f->max_len && ds_fig_bit(f->keys, ds_fig_sketch(p, n));
    if ((key || (n >= s->hyphen_min && memchr(p, '-', n))) && S_may_start(s, i)) return i;
  }
  return i;
}

static const char *const S_list_names[DS_FL__COUNT] = {
    [DS_FL_CURRENCY] = "fig_currency",
    [DS_FL_LABELS] = "fig_labels",
    [DS_FL_NUMBER_WORDS] = "fig_number_words",
    [DS_FL_POST_QUALIFIERS] = "fig_post_qualifiers",
    [DS_FL_QUALIFIERS] = "fig_qualifiers",
    [DS_FL_SCALES] = "fig_scales",
    [DS_FL_MONTHS] = "months",
    [DS_FL_ENT_COUNTRIES] = "ent_countries",
    [DS_FL_ENT_DEMONYMS] = "ent_demonyms",
    [DS_FL_CLAIM_VERBS] = "fig_claim_verbs",
    [DS_FL_CLAIM_DOCS] = "fig_claim_docs",
    [DS_FL_CUE_SKIP] = "fig_cue_skip",
    [DS_FL_LEMMAS] = "fig_lemmas",
    [DS_FL_PLACES] = "fig_places",
    [DS_FL_PROJECTION] = "fig_projection",
    [DS_FL_STOPWORDS] = "fig_stopwords",
    [DS_FL_UNITS] = "fig_units",
    [DS_FL_CLAUSE_EDGES] = "fig_clause_edges",
};

/* Built once for the process, read-only after: safe on every thread. Finding a list
 * by name costs a format, a search of the embedded files and a hash: once, not per
 * article. */
static ds_fig_filter S_filters[DS_FL__COUNT];
static uint8_t S_lead[256];
static uint32_t S_pairs[32];
static bool S_ent_lists;
static uint32_t S_hyphen_min;
static pthread_once_t S_filters_once = PTHREAD_ONCE_INIT;

static void S_filter_set(uint64_t *set, uint32_t bit) { set[bit >> 6] |= 1ull << (bit & 63); }

/* Keys that can be looked up (ds_fig_lex turns longer ones away). */
static bool S_usable(const ds_map_slot *e) { return e->key && e->klen && e->klen < DS_FIG_MAX_KEY; }

/* The bits of the list's keys and first words; count[bit + 1] gets each bit's keys. */
static void S_filter_bits(ds_fig_filter *f, const ds_map *m, uint16_t *count) {
  for (size_t i = 0; i < m->cap; i++) {
    const ds_map_slot *e = &m->slots[i];
    if (!S_usable(e)) continue;
    uint32_t bit = ds_fig_sketch(e->key, e->klen);
    S_filter_set(f->keys, bit);
    count[bit + 1]++;
    if (e->klen > f->max_len) f->max_len = e->klen;
    unsigned c = (unsigned char)e->key[0] | 32u;
    f->lead[c >> 6] |= 1ull << (c & 63);
    const char *sp = memchr(e->key, ' ', e->klen);
    if (sp && sp > e->key) S_filter_set(f->firsts, ds_fig_sketch(e->key, (size_t)(sp - e->key)));
  }
}

/* Fills f from the list: bits, then the keys in bit order (a counting sort). Built
 * once; never freed, like the lexicon itself. */
static void S_filter_build(ds_fig_filter *f, const ds_map *m) {
  static uint16_t count[(1u << DS_FIG_FILTER_LOG2) + 1];
  ds_fig_entry *ent = calloc(m->len + 1, sizeof *ent);
  uint16_t *start = calloc(m->len + 2, sizeof *start);
  if (!ent || !start) abort();
  memset(count, 0, sizeof count);
  S_filter_bits(f, m, count);
  for (uint32_t b = 1; b <= (1u << DS_FIG_FILTER_LOG2); b++) count[b] += count[b - 1];
  uint32_t r = 0;
  for (uint32_t w = 0; w < DS_FIG_FILTER_WORDS; w++) {
    f->rank[w] = (uint16_t)r;
    for (uint32_t b = w * 64; b < w * 64 + 64; b++)
      if (ds_fig_bit(f->keys, b)) start[r++] = count[b];
  }
  start[r] = count[1u << DS_FIG_FILTER_LOG2];
  for (size_t i = 0; i < m->cap; i++) /* count[bit] is now that bit's write cursor */
    if (S_usable(&m->slots[i]))
      ent[count[ds_fig_sketch(m->slots[i].key, m->slots[i].klen)]++] =
          (ds_fig_entry){m->slots[i].key, (const char *)(uintptr_t)m->slots[i].value, m->slots[i].klen};
  f->entries = ent;
  f->start = start;
}

/* The shortest "twenty-five": two number words with a digit value and a hyphen. */
static uint32_t S_shortest_pair(const ds_map *m) {
  uint32_t min = DS_FIG_MAX_KEY;
  for (size_t i = 0; i < m->cap; i++) {
    const char *v = (const char *)(uintptr_t)m->slots[i].value;
    if (m->slots[i].key && v && v[0] >= '0' && v[0] <= '9' && m->slots[i].klen < min) min = m->slots[i].klen;
  }
  return 2 * min + 1;
}

/* S_pairs: per first byte of a number word, a bit for its second (S_pair_bit); a word
 * of one byte may also be the first half of a pair ("x-y"), so its '-' is set too. */
static void S_pairs_build(const ds_map *m) {
  for (size_t i = 0; i < m->cap; i++) {
    const ds_map_slot *e = &m->slots[i];
    if (!S_usable(e)) continue;
    uint32_t *second = &S_pairs[S_pair_bit(e->key[0])];
    *second |= 1u << S_pair_bit(S_second(e->key, e->klen));
    if (e->klen == 1) *second |= 1u << S_pair_bit('-');
  }
}

static void S_filters_build(void) {
  S_ent_lists = true;
  for (int k = 0; k < DS_FL__COUNT; k++) {
    char file[64];
    snprintf(file, sizeof file, "%s.txt", S_list_names[k]);
    /* the entity tagger's lists are optional: without them only fig_places names countries */
    if (!ds_embedded_file(file, NULL)) {
      S_ent_lists = false;
      continue;
    }
    const ds_map *m = ds_lexicon(S_list_names[k]);
    S_filter_build(&S_filters[k], m);
    if (k == DS_FL_NUMBER_WORDS) S_hyphen_min = S_shortest_pair(m), S_pairs_build(m);
  }
  const uint64_t *lead = S_filters[DS_FL_NUMBER_WORDS].lead;
  for (unsigned b = 0; b < 256; b++) {
    unsigned c = b | 32u;
    S_lead[b] = (uint8_t)((c == 'a' ? S_LEAD_A : 0) | ((lead[c >> 6] >> (c & 63)) & 1 ? S_LEAD_NUMBER : 0));
  }
}

static void S_lists(ds_figscan *s) {
  pthread_once(&S_filters_once, S_filters_build);
  s->filter = S_filters;
  s->ent_lists = S_ent_lists;
  s->hyphen_min = S_hyphen_min;
  s->lead = S_lead;
  s->pairs = S_pairs;
}

void ds_tag_figures(ds_article *a) {
  if (!a->tokens.len || !a->sentences.len) return;
  ds_figscan s = {.a = a, .tok = a->tokens.items, .cue = calloc(a->tokens.len, 1)};
  if (!s.cue) abort();
  S_lists(&s);
  size_t tc = 0;
  for (uint32_t si = 0; si < a->sentences.len; si++) {
    const ds_sentence *sen = &a->sentences.items[si];
    s.s0 = sen->tok_start, s.s1 = sen->tok_end, s.sent = si;
    if (s.s1 > a->tokens.len) s.s1 = (uint32_t)a->tokens.len;
    for (uint32_t i = S_next_start(&s, s.s0); i < s.s1; i = S_next_start(&s, i)) {
      S_num n;
      uint32_t skip = i + 1;
      if (!S_lone_article(&s, i) && S_expression(&s, i, &tc, &n, &skip)) S_emit(&s, &n);
      i = skip > i ? skip : i + 1;
    }
  }
  free(s.cue);
}
