/* Internals shared by tag_times.c (tokens, tense, calendar) and tag_times_match.c
 * (the patterns). Not part of any other module's interface. */
#ifndef DS_TAG_TIMES_IMPL_H
#define DS_TAG_TIMES_IMPL_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "util/date.h"
#include "util/hash.h"

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
} ds_ttok;

typedef struct {
  const char *text;
  const ds_map *lx[TL_COUNT];
  ds_ttok *t;
  size_t n;
  bool anchored;
  ds_date anchor;
  int last_quarter_y, last_quarter_q; /* latest quarter resolved, for "a year earlier" */
  /* unanchored: a weekday beside a date picks the first matching year from year_hint
   * on, or (when negative) the last one up to -year_hint */
  int year_hint;
  bool hint_wanted; /* a weekday beside a date without a year: year_hint would pin it */
} ds_tctx;

typedef struct {
  size_t start, end; /* token range [start, end) */
  ds_time_type type;
  char value[DS_TIME_VALUE_MAX];
} ds_thit;

/* tag_times.c */
/* The value of key in list TL_*, or NULL; ds_tt_has says whether it is there. */
const char *ds_tt_lex(const ds_tctx *c, int list, const char *key, size_t len);
bool ds_tt_has(const ds_tctx *c, int list, const char *key, size_t len);
bool ds_tt_word(const ds_tctx *c, size_t i, const char *w); /* case-insensitive */
bool ds_tt_punct(const ds_tctx *c, size_t i, char ch);
/* -1 past, +1 future, 0 unknown; +-2 strictly (as soon as, last Oct. 23): no slack */
int ds_tt_tense(const ds_tctx *c, size_t a, size_t b);
/* Resolution against the anchor; tense < 0 looks back, > 0 forward, 0 nearest. */
ds_date ds_tt_month_day(const ds_tctx *c, int m, int d, int tense);
int ds_tt_month_year(const ds_tctx *c, int m, int tense);
ds_date ds_tt_weekday(const ds_tctx *c, int wd, int tense, bool strict);
void ds_tt_fmt_day(ds_thit *h, ds_date d);
void ds_tt_fmt_week(ds_thit *h, ds_date d);

/* tag_times_match.c: the longest expression starting at token i. */
bool ds_tt_match(ds_tctx *c, size_t i, ds_thit *h);
#endif
