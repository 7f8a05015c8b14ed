/* Periods named by their place in a larger one or by a word: halves of a year (the first
 * half of 1989, the first two quarters of 1990), decades in words (the nineties, the
 * '80s), "earlier in the year", "later in the month" and "the week of March 6". */
#include <stdio.h>
#include <string.h>

#include "tag_times.h"
#include "tag_times_impl.h"

typedef ds_tctx C;

/* first|second|last|latter half, or first|last two quarters: 1 or 2 (the half), and
 * the token after; 0 when the words do not name a half. */
static int S_half_words(const C *c, size_t i, size_t *next) {
  bool first = ds_tt_word(c, i, "first"), second = ds_tt_word(c, i, "second") ||
                                                   ds_tt_word(c, i, "last") || ds_tt_word(c, i, "latter");
  if (!first && !second) return 0;
  if (ds_tt_word(c, i + 1, "half")) {
    *next = i + 2;
  } else if (ds_tt_word(c, i + 1, "two") && ds_tt_word(c, i + 2, "quarters") && !ds_tt_word(c, i, "second")) {
    *next = i + 3;
  } else {
    return 0;
  }
  return first ? 1 : 2;
}

/* [the] first half of 1989, the last two quarters of 1990: TIMEX3 names halves H1, H2.
 * Without a year the half may be of anything (a match, a decade), so none is taken. */
static bool S_half(C *c, size_t i, ds_thit *h) {
  size_t j = ds_tt_word(c, i, "the") ? i + 1 : i, k;
  if (j >= c->n || (c->t[j].cls != 'O' && !(c->t[j].flags & TF_START))) return false;
  int half = S_half_words(c, j, &k), y;
  if (!half || !ds_tt_word(c, k, "of") || !ds_tt_year(c, k + 1, &y)) return false;
  h->end = k + 2;
  snprintf(h->value, sizeof h->value, "%04d-H%d", y, half);
  h->type = DS_TIME_DATE;
  return true;
}

/* The decade whose tens digit is d: the latest that has begun by the anchor ("the
 * nineties" in 1998 and in 2024 alike are the 1990s; "the twenties" in 2024 the 2020s),
 * or of the 1900s without an anchor. */
static void S_fmt_decade(const C *c, ds_thit *h, int d) {
  int y = c->anchored ? c->anchor.y : 1999, cen = y / 100;
  if (d * 10 > y % 100) cen--;
  snprintf(h->value, sizeof h->value, "%02d%d", cen, d);
  h->type = DS_TIME_DATE;
}

/* the nineties, the '80s (also after a modifier: the late '80s, mid-'90s). A decade word
 * needs "the" or a modifier before it: "in his twenties" is an age. */
bool ds_ttp_decade(C *c, size_t i, ds_thit *h) {
  const ds_ttok *t;
  size_t j = ds_tt_punct(c, i, '\'') ? i + 1 : i;
  t = ds_tt_tok(c, j);
  if (!t) return false;
  if (t->kind == TK_NUM && (t->flags & TF_DECADE) && t->ndig == 2 && t->val % 10 == 0) {
    if (!ds_tt_punct(c, j - 1, '\'') || !ds_tt_tight(c, j) || j < 1) return false;
    if (h->start == j) h->start = j - 1; /* the apostrophe */
  } else if (ds_tt_cls(c, j, 'E')) {
    if (h->start == j && !(j > 0 && ds_tt_word(c, j - 1, "the"))) return false;
  } else {
    return false;
  }
  if (h->start > 0 && ds_tt_word(c, h->start - 1, "the")) h->start--;
  h->end = j + 1;
  S_fmt_decade(c, h, t->kind == TK_NUM ? t->val / 10 : t->val);
  return true;
}

/* earlier in the year, later in the month: the anchor's year, month or week. Not the
 * day: TimeML marks "the day" alone there, and only when it names a narrative's day. */
static bool S_in_the(C *c, size_t i, ds_thit *h) {
  char u;
  if (!(ds_tt_word(c, i, "earlier") || ds_tt_word(c, i, "later")) || !ds_tt_word(c, i + 1, "in") ||
      !ds_tt_word(c, i + 2, "the") || !ds_tt_unit(c, i + 3, &u) || ds_tt_unit_plural(c, i + 3) ||
      !c->anchored)
    return false;
  h->end = i + 4;
  ds_date a = c->anchor;
  switch (u) {
  case 'Y': ds_tt_fmt_year(h, a.y); return true;
  case 'M': ds_tt_fmt_month(h, a.y, a.m); return true;
  case 'W': ds_tt_fmt_week(h, a); h->type = DS_TIME_DATE; return true;
  default: return false;
  }
}

/* the week of March 6: the ISO week holding that day. */
static bool S_week_of(C *c, size_t i, ds_thit *h) {
  if (!ds_tt_word(c, i, "the") || !ds_tt_word(c, i + 1, "week") || !ds_tt_word(c, i + 2, "of"))
    return false;
  ds_thit d;
  memset(&d, 0, sizeof d);
  d.start = i + 3;
  int y, m, dd;
  if (!(ds_ttp_month_day(c, i + 3, &d) || ds_ttp_day_month(c, i + 3, &d)) ||
      !ds_time_value_date(d.value, &y, &m, &dd) || !dd)
    return false;
  h->end = d.end;
  ds_tt_fmt_week(h, (ds_date){y, m, dd});
  h->type = DS_TIME_DATE;
  return true;
}

/* the winter of 1994, the summer of nineteen ninety-six: that season of the year named. */
static bool S_season_of(C *c, size_t i, ds_thit *h) {
  int y;
  size_t k;
  if (!ds_tt_word(c, i, "the") || !ds_tt_cls(c, i + 1, 'S') || !ds_tt_word(c, i + 2, "of") ||
      !ds_tt_year_any(c, i + 3, &y, &k))
    return false;
  h->end = k;
  snprintf(h->value, sizeof h->value, "%04d-%s", y, c->t[i + 1].lex + 1);
  h->type = DS_TIME_DATE;
  return true;
}

/* One call for the word patterns: the tagger tries them at every starter word, and the
 * first letter rules most out. */
bool ds_ttp_period(C *c, size_t i, ds_thit *h) {
  const ds_ttok *t = &c->t[i];
  if (t->kind != TK_WORD) return false;
  char ch = (char)(c->text[t->start] | 32);
  if ((ch == 'e' || ch == 'l') && S_in_the(c, i, h)) return true;
  if (ch == 't' && (S_week_of(c, i, h) || S_season_of(c, i, h))) return true;
  return (ch == 't' || ch == 'f' || ch == 's' || ch == 'l') && S_half(c, i, h);
}
