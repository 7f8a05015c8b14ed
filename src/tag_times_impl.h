/* Internals shared by tag_times.c (tokens, tense, calendar) and tag_times_match.c
 * (the patterns). Not part of any other module's interface. */
#ifndef DS_TAG_TIMES_IMPL_H
#define DS_TAG_TIMES_IMPL_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "model.h"
#include "util/date.h"
#include "util/hash.h"
#include "util/lexicon.h"

/* How far the tense check looks on each side of an expression, in tokens: a clause
 * rarely puts its verb further away, and a bound keeps the check O(1) per match. */
#define DS_TIME_TENSE_WINDOW 14
/* Longest TIMEX3 value we produce ("2024-10-23TNI" and "XXXX-WXX-5" are far shorter). */
#define DS_TIME_VALUE_MAX 32

enum { TK_WORD = 'w', TK_NUM = 'n', TK_PUNCT = 'p', TK_OTHER = 'x' };
enum {
  TF_CAP = 1 << 0,     /* word starts with an upper-case letter */
  TF_SPACE = 1 << 1,   /* white space before the token */
  TF_SEP = 1 << 2,     /* number with inner , or . (1,500  1.5): never a year or day */
  TF_ORD = 1 << 3,     /* number with an ordinal suffix absorbed (23rd) */
  TF_DECADE = 1 << 4,  /* number with a plural s absorbed (1990s) */
  TF_GLUED = 1 << 5,   /* number with letters glued on (155mm): not a time */
  TF_START = 1 << 6,   /* word that may open an expression (K in data/time_words.txt) */
  TF_NARROW = 1 << 7, /* a starter that opens few patterns (KR, KO): val holds R or O */
};

/* The word lists (data/time_*.txt), fetched once per scan: a lookup by list name for
 * every token cost more than the lookup of the token itself. */
enum {
  TL_WORDS,
  TL_TENSE,
  TL_ED_SKIP,
  TL_DEADLINE,
  TL_FUTURE_TO,
  TL_APPROX,
  TL_BARE_UNIT_CUES,
  TL_MODIFIERS,
  TL_MONTH_CUES,
  TL_RATE_CUES,
  TL_SPAN_WORDS,
  TL_ZONES,
  TL_PHRASES,
  TL_RANGE_AFTER,
  TL_COUNT_FILLERS,
  TL_ABBREVIATIONS,
  TL_SET_MEASURES,
  TL_AFTER_THE,
  TL_COMPARE_CUES,
  TL_HOLIDAYS,
  TL_CLOCK_CUES,
  TL_COUNT
};

typedef struct {
  uint32_t start, end;
  char kind;    /* TK_* (for TK_PUNCT, val holds the ASCII character) */
  char cls;     /* class letter from data/time_words.txt, or 0 */
  uint8_t flags;
  uint8_t ndig; /* digits in a number */
  int32_t val;  /* number value, class argument, or punctuation character */
  const char *lex; /* the whole lexicon value (class letter first), or NULL */
  uint64_t key[2]; /* a word's bytes packed for the word lists (ds_tt_pack), or 0 */
} ds_ttok;

/* A word list as a table keyed by packed words (tag_times_words.c). */
typedef struct {
  uint64_t k0, k1;
  uint32_t len;
  const char *v; /* NULL: an empty slot */
} ds_tt_slot;
/* Filter cells: the low five bits of a key's first two bytes. */
#define DS_TT_FILTER (1 << 10)
typedef struct {
  const ds_tt_slot *slots;
  uint32_t shift;   /* 64 - log2 of the slot count */
  bool letters;     /* every key is made of ASCII letters: no number or sign matches */
  size_t mask;      /* slot count - 1 */
  /* per cell (ds_tt_cell), bit (len - 1) % 16 set when a key of that length falls
   * there: most words looked up are in no list, and this answers them without the
   * hash and the probe */
  uint16_t lens[DS_TT_FILTER];
} ds_tt_table;
static inline size_t ds_tt_cell(uint64_t k0) { return (size_t)((k0 & 0x1f) << 5 | (k0 >> 8 & 0x1f)); }
static inline uint16_t ds_tt_len_bit(size_t len) { return (uint16_t)(1u << ((len - 1) & 15)); }

typedef struct {
  const char *text;
  size_t len; /* of text */
  const ds_map *lx[TL_COUNT];
  const ds_tt_table *tab; /* [TL_COUNT] */
  ds_ttok *t;
  size_t n;
  /* per token, what the tense check reads there (tag_times.c S_marks), 0 before it is
   * worked out: windows of neighbouring expressions overlap, and an article is scanned
   * up to three times */
  uint8_t *marks;
  bool anchored;
  ds_date anchor;
  int last_quarter_y, last_quarter_q; /* latest quarter resolved, for "a year earlier" */
  /* a span of months (the nine months) named since that quarter: results now compare
   * longer periods, and "a year earlier" is the year */
  bool months_since_quarter;
  /* unanchored: a weekday beside a date picks the first matching year from year_hint
   * on, or (when negative) the last one up to -year_hint */
  int year_hint;
  bool hint_wanted; /* a weekday beside a date without a year: year_hint would pin it */
  ds_date ref;      /* the last date written, for "that year", "the following month" */
  char ref_prec;    /* its precision: 'Y', 'M', 'D', or 0 before any */
  int ref_qy, ref_q; /* the last quarter written, however resolved, for "that quarter" */
} ds_tctx;

typedef struct {
  size_t start, end; /* token range [start, end) */
  ds_time_type type;
  char value[DS_TIME_VALUE_MAX];
} ds_thit;

/* Token tests, inline: the patterns call them at every candidate token, and inlined
 * ds_tt_word compares against a literal whose length the compiler knows. */
static inline const ds_ttok *ds_tt_tok(const ds_tctx *c, size_t i) { return i < c->n ? &c->t[i] : NULL; }
static inline size_t ds_tt_len(const ds_tctx *c, size_t i) { return c->t[i].end - c->t[i].start; }

/* w[0, wl) (1 <= wl <= 8) packed as ds_tt_pack packs a word, without a loop: with a
 * literal, every term is a constant. */
#define S_TT_B(j) (wl > (j) ? (uint64_t)(unsigned char)w[j] << (8 * (j)) : 0)
static inline __attribute__((always_inline)) uint64_t ds_tt_key8(const char *w, size_t wl) {
  return S_TT_B(0) | S_TT_B(1) | S_TT_B(2) | S_TT_B(3) | S_TT_B(4) | S_TT_B(5) | S_TT_B(6) | S_TT_B(7);
}
#undef S_TT_B

/* ds_tt_word for a w longer than eight bytes or empty (tag_times_words.c). */
bool ds_tt_word_long(const ds_tctx *c, size_t i, const char *w, size_t wl);

/* Token i is the word w (lower case; the text may be in any case). A literal w of at
 * most eight bytes (nearly every call) folds to a constant, compared with the token's
 * packed key: only a word of w's letters has that key (other tokens have none, and a
 * shorter or longer word differs in a byte), so only eight bytes need the length. */
static inline __attribute__((always_inline)) bool ds_tt_word(const ds_tctx *c, size_t i, const char *w) {
  size_t wl = strlen(w);
  if (!wl || wl > 8) return ds_tt_word_long(c, i, w, wl);
  return i < c->n && c->t[i].key[0] == ds_tt_key8(w, wl) &&
         (wl < 8 || c->t[i].end - c->t[i].start == 8);
}

static inline bool ds_tt_punct(const ds_tctx *c, size_t i, char ch) {
  return i < c->n && c->t[i].kind == TK_PUNCT && c->t[i].val == ch;
}

/* Only words have a class: with a literal class letter the kind test folds away. */
static inline bool ds_tt_cls(const ds_tctx *c, size_t i, char cls) {
  return i < c->n && c->t[i].cls == cls && (cls || c->t[i].kind == TK_WORD);
}

/* A bare number: no separators, no glued letters (155mm), no decade s. */
static inline bool ds_tt_plain_num(const ds_tctx *c, size_t i) {
  return i < c->n && c->t[i].kind == TK_NUM && !(c->t[i].flags & (TF_SEP | TF_GLUED | TF_DECADE));
}

/* The token touches the one before (no space): 10/23/2024, mid-October. */
static inline bool ds_tt_tight(const ds_tctx *c, size_t i) {
  return i < c->n && !(c->t[i].flags & TF_SPACE);
}

/* tag_times_words.c: the word lists. */
/* Longest key kept in the packed tables (longer ones go to the lexicon). */
#define DS_TT_KEY_MAX 16
/* Eight bytes, first byte lowest. */
static inline uint64_t ds_tt_load8(const char *p) {
  uint64_t x;
  memcpy(&x, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  x = __builtin_bswap64(x);
#endif
  return x;
}
/* The same with ASCII A-Z lower-cased. */
static inline uint64_t ds_tt_lower8(const char *p) { return ds_lower8(ds_tt_load8(p)); }
/* The key packed for ds_tt_lex_packed: len <= DS_TT_KEY_MAX bytes, ASCII-lower-cased
 * as the lexicon stores its keys, zero-padded. avail: bytes readable from w (at least
 * len); with DS_TT_KEY_MAX of them the bytes are read in place. */
static inline void ds_tt_pack(const char *w, size_t len, size_t avail, uint64_t k[2]) {
  char buf[DS_TT_KEY_MAX] = {0};
  if (avail < DS_TT_KEY_MAX) w = memcpy(buf, w, len);
  k[0] = ds_tt_lower8(w), k[1] = 0;
  if (len < 8) k[0] &= ((uint64_t)1 << (8 * len)) - 1;
  if (len <= 8) return; /* most words: the second half is not loaded */
  k[1] = ds_tt_lower8(w + 8);
  if (len < 16) k[1] &= ((uint64_t)1 << (8 * (len - 8))) - 1;
}
/* Fills c->lx and c->tab (and builds the tables on the first call). */
void ds_tt_lists(ds_tctx *c);
/* The value of key in list TL_*, or NULL; ds_tt_has says whether it is there. */
const char *ds_tt_lex(const ds_tctx *c, int list, const char *key, size_t len);
bool ds_tt_has(const ds_tctx *c, int list, const char *key, size_t len);
static inline uint64_t ds_tt_hash(uint64_t k0, uint64_t k1, size_t len) {
  return (k0 ^ (k1 * 0x9E3779B97F4A7C15ull) ^ len) * 0xBF58476D1CE4E5B9ull;
}
/* The same with the key packed by the caller (k ignored when len > DS_TT_KEY_MAX). */
static inline const char *ds_tt_lex_packed(const ds_tctx *c, int list, const uint64_t k[2],
                                           const char *key, size_t len) {
  if (len > DS_TT_KEY_MAX) return ds_lexicon_lookup(c->lx[list], key, len);
  const ds_tt_table *t = &c->tab[list];
  if (!(t->lens[ds_tt_cell(k[0])] & ds_tt_len_bit(len))) return NULL;
  for (size_t at = ds_tt_hash(k[0], k[1], len) >> t->shift;; at = (at + 1) & t->mask) {
    const ds_tt_slot *s = &t->slots[at];
    if (!s->v) return NULL;
    if (s->k0 == k[0] && s->k1 == k[1] && s->len == len) return s->v;
  }
}
/* Token i (a word) in list TL_*: its packed key, no bytes read again. */
static inline const char *ds_tt_tlex(const ds_tctx *c, int list, size_t i) {
  const ds_ttok *t = &c->t[i];
  if (t->kind != TK_WORD)
    return c->tab[list].letters ? NULL : ds_tt_lex(c, list, c->text + t->start, t->end - t->start);
  return ds_tt_lex_packed(c, list, t->key, c->text + t->start, t->end - t->start);
}
static inline bool ds_tt_thas(const ds_tctx *c, int list, size_t i) { return ds_tt_tlex(c, list, i) != NULL; }

/* tag_times.c */
/* atoi for the strings the tagger writes and reads (no leading space): cheaper than
 * the library's, which the scan would otherwise call for every class word. */
static inline int ds_tt_atoi(const char *p) {
  bool neg = *p == '-';
  if (*p == '-' || *p == '+') p++;
  int v = 0;
  while (*p >= '0' && *p <= '9') v = v * 10 + (*p++ - '0');
  return neg ? -v : v;
}
/* Writes v (0 <= v, at most 9 digits) zero-padded to width digits at p and returns
 * the end: the values' numbers without snprintf, which costs more than a match. */
static inline char *ds_tt_put(char *p, int v, int width) {
  char d[10];
  int n = 0;
  do d[n++] = (char)('0' + v % 10), v /= 10;
  while (v);
  while (width-- > n) *p++ = '0';
  while (n) *p++ = d[--n];
  return p;
}
/* -1 past, +1 future, 0 unknown; +-2 strictly (as soon as, last Oct. 23): no slack */
int ds_tt_tense(const ds_tctx *c, size_t a, size_t b);
/* Resolution against the anchor; tense < 0 looks back, > 0 forward, 0 nearest. */
ds_date ds_tt_month_day(const ds_tctx *c, int m, int d, int tense);
int ds_tt_month_year(const ds_tctx *c, int m, int tense);
ds_date ds_tt_weekday(const ds_tctx *c, int wd, int tense, bool strict);
void ds_tt_fmt_day(ds_thit *h, ds_date d);
void ds_tt_fmt_week(ds_thit *h, ds_date d);


/* tag_times_parts.c */
bool ds_tt_month(const ds_tctx *c, size_t i, int *m, size_t *next);
bool ds_tt_wday(const ds_tctx *c, size_t i, int *wd, size_t *next);
bool ds_tt_day(const ds_tctx *c, size_t i, int *d);
bool ds_tt_year(const ds_tctx *c, size_t i, int *y);
bool ds_tt_year_words(const ds_tctx *c, size_t i, int *y, size_t *next);
bool ds_tt_year_any(const ds_tctx *c, size_t i, int *y, size_t *next);
bool ds_tt_count(const ds_tctx *c, size_t i, int *n, size_t *next);
bool ds_tt_unit(const ds_tctx *c, size_t i, char *u);
bool ds_tt_unit_plural(const ds_tctx *c, size_t i);
void ds_tt_fmt_duration(ds_thit *h, int n, char u);
void ds_tt_fmt_ref(ds_thit *h, const char *ref);
bool ds_tt_unanchored(const ds_tctx *c, ds_thit *h);
void ds_tt_fmt_month(ds_thit *h, int y, int m);
void ds_tt_fmt_year(ds_thit *h, int y);
void ds_tt_fmt_quarter(ds_tctx *c, ds_thit *h, int y, int q);
size_t ds_tt_part_of_day(const ds_tctx *c, size_t i, ds_thit *h);
int ds_tt_season_year(const ds_tctx *c, const char *s, int dir);
bool ds_tt_det(const ds_tctx *c, size_t i, int *dir);
bool ds_tt_det_calendar(ds_tctx *c, ds_thit *h, char u, int dir);

/* tag_times_abs.c */
bool ds_ttp_month_day(ds_tctx *c, size_t i, ds_thit *h);
bool ds_ttp_day_month(ds_tctx *c, size_t i, ds_thit *h);
bool ds_ttp_weekday_date(ds_tctx *c, size_t i, ds_thit *h);
bool ds_ttp_numeric(ds_tctx *c, size_t i, ds_thit *h);
bool ds_ttp_month_year(ds_tctx *c, size_t i, ds_thit *h);
bool ds_ttp_month(ds_tctx *c, size_t i, ds_thit *h, bool modified);
bool ds_ttp_year(ds_tctx *c, size_t i, ds_thit *h);

/* tag_times_rel.c */
bool ds_ttp_relword(ds_tctx *c, size_t i, ds_thit *h);
bool ds_ttp_weekday(ds_tctx *c, size_t i, ds_thit *h);
bool ds_ttp_det_unit(ds_tctx *c, size_t i, ds_thit *h);
bool ds_ttp_quarter(ds_tctx *c, size_t i, ds_thit *h);
bool ds_ttp_report_period(ds_tctx *c, size_t i, ds_thit *h);
bool ds_ttp_duration_rel(ds_tctx *c, size_t i, ds_thit *h);
bool ds_ttp_ago(ds_tctx *c, size_t i, ds_thit *h);
bool ds_ttp_set(ds_tctx *c, size_t i, ds_thit *h);
bool ds_ttp_duration(ds_tctx *c, size_t i, ds_thit *h);

/* tag_times_period.c: halves of a year, "earlier in the year", "the week of March 6"
 * (ds_ttp_period); decades in words (ds_ttp_decade: call it only at a decade word, a
 * 2-digit decade or an apostrophe). */
bool ds_ttp_period(ds_tctx *c, size_t i, ds_thit *h);
bool ds_ttp_decade(ds_tctx *c, size_t i, ds_thit *h);

/* tag_times_range.c: the second end of a range whose first end is h (October 8-13):
 * fills tail (and gives h the year written after the tail). */
bool ds_tt_range_tail(ds_tctx *c, ds_thit *h, ds_thit *tail);
/* The first end, a bare day at token i, of a range written "8-13 October". */
bool ds_tt_range_head(ds_tctx *c, size_t i, ds_thit *h);

/* tag_times_anaphor.c: "that year", "later that day", "the following month", resolved
 * against the last date the text wrote, which ds_tt_note_ref records after each hit. */
void ds_tt_note_ref(ds_tctx *c, const ds_thit *h);
bool ds_ttp_anaphor(ds_tctx *c, size_t i, ds_thit *h);

/* tag_times_holiday.c: Christmas, Election Day, Easter week (data/time_holidays.txt) */
bool ds_ttp_holiday(ds_tctx *c, size_t i, ds_thit *h);

/* tag_times_match.c: the longest expression starting at token i. */
bool ds_tt_match(ds_tctx *c, size_t i, ds_thit *h);
#endif
