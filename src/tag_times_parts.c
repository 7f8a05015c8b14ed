/* The building blocks of the time patterns: tokens that name a month, weekday, day,
 * year, count or unit, and the writers of TIMEX3 values (tag_times_impl.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tag_times.h"
#include "tag_times_impl.h"
#include "util/lexicon.h"

typedef ds_tctx C;

static size_t S_skip_period(const C *c, size_t i) { return ds_tt_punct(c, i, '.') ? i + 1 : i; }

/* A month name; abbreviations need a period or a following number (Oct. / Oct 23). */
bool ds_tt_month(const C *c, size_t i, int *m, size_t *next) {
  if (!ds_tt_cls(c, i, 'M') || !(c->t[i].flags & TF_CAP)) return false;
  bool abbrev = ds_tt_len(c, i) <= 4 && !ds_tt_word(c, i, "may") && !ds_tt_word(c, i, "june") &&
                !ds_tt_word(c, i, "july");
  if (abbrev && !ds_tt_punct(c, i + 1, '.') && !ds_tt_plain_num(c, i + 1)) return false;
  *m = c->t[i].val;
  *next = abbrev ? S_skip_period(c, i + 1) : i + 1;
  return true;
}

bool ds_tt_wday(const C *c, size_t i, int *wd, size_t *next) {
  if (!ds_tt_cls(c, i, 'D') || !(c->t[i].flags & TF_CAP)) return false;
  bool abbrev = ds_tt_len(c, i) <= 5 && !ds_tt_word(c, i, "friday") && !ds_tt_word(c, i, "monday") &&
                !ds_tt_word(c, i, "sunday");
  if (abbrev && !ds_tt_punct(c, i + 1, '.')) return false;
  *wd = c->t[i].val;
  *next = abbrev ? i + 2 : i + 1;
  return true;
}

bool ds_tt_day(const C *c, size_t i, int *d) {
  const ds_ttok *t = ds_tt_tok(c, i);
  if (!t || t->kind != TK_NUM || (t->flags & (TF_SEP | TF_GLUED | TF_DECADE))) return false;
  *d = t->val;
  return t->ndig <= 2 && *d >= 1 && *d <= 31;
}

bool ds_tt_year(const C *c, size_t i, int *y) {
  if (!ds_tt_plain_num(c, i) || c->t[i].ndig != 4 || (c->t[i].flags & TF_ORD)) return false;
  *y = c->t[i].val;
  return *y >= 1000 && *y <= 2099;
}

/* Token i is a unit or a plural noun (troops, years): what a count goes with. */
static bool S_counted_noun(const C *c, size_t i) {
  if (i >= c->n || c->t[i].kind != TK_WORD) return false;
  const char *w = c->text + c->t[i].start;
  size_t l = ds_tt_len(c, i);
  return c->t[i].cls == 'U' || (!c->t[i].cls && l > 3 && w[l - 1] == 's' && w[l - 2] != 's');
}

/* Token i is a word of data/time_quantity_cues.txt (about, than): rare, looked up by name. */
static bool S_quantity_cue(const C *c, size_t i) {
  return i < c->n && c->t[i].kind == TK_WORD &&
         ds_lexicon_has("time_quantity_cues", c->text + c->t[i].start, ds_tt_len(c, i));
}

/* A year in words: nineteen ninety-six, two thousand (as read out on air). */
bool ds_tt_year_words(const C *c, size_t i, int *y, size_t *next) {
  if (!ds_tt_cls(c, i, 'N')) return false;
  int a = c->t[i].val;
  if (a == 2 && ds_tt_word(c, i + 1, "thousand")) {
    /* "two thousand troops", "about two thousand people": a count, not the year */
    if (S_counted_noun(c, i + 2) || (i > 0 && S_quantity_cue(c, i - 1))) return false;
    *y = 2000, *next = i + 2;
    return !ds_tt_cls(c, i + 2, 'U'); /* two thousand years: a count */
  }
  if ((a != 19 && a != 20) || !ds_tt_cls(c, i + 1, 'N') || c->t[i + 1].val < 10) return false;
  int b = c->t[i + 1].val;
  size_t j = ds_tt_punct(c, i + 2, '-') ? i + 3 : i + 2;
  if (b >= 20 && b % 10 == 0 && ds_tt_cls(c, j, 'N') && c->t[j].val >= 1 && c->t[j].val <= 9 &&
      !ds_tt_word(c, j, "a"))
    b += c->t[j].val, *next = j + 1;
  else
    *next = i + 2;
  *y = a * 100 + b;
  return b < 100;
}

/* A year, in digits or words; *next is the token after it. */
bool ds_tt_year_any(const C *c, size_t i, int *y, size_t *next) {
  *next = i + 1;
  return ds_tt_year(c, i, y) || ds_tt_year_words(c, i, y, next);
}

/* A count: 3, three, twenty-four, a, a few, two hundred, several (X = -1). */
bool ds_tt_count(const C *c, size_t i, int *n, size_t *next) {
  if (ds_tt_plain_num(c, i) && !(c->t[i].flags & TF_ORD) && c->t[i].ndig <= 4) {
    *n = c->t[i].val;
    *next = i + 1;
    return *n > 0;
  }
  if (!ds_tt_cls(c, i, 'N')) return false;
  const char *lex = c->t[i].lex;
  *n = lex[1] == 'X' ? -1 : c->t[i].val;
  *next = i + 1;
  if (*n == 1 && (ds_tt_cls(c, i + 1, 'N') && c->t[i + 1].lex[1] == 'X')) {
    *n = -1; /* a few */
    *next = i + 2;
  } else if (*n > 0 && *n < 100 &&
             (ds_tt_word(c, i + 1, "hundred") || ds_tt_word(c, i + 1, "thousand"))) {
    *n *= c->t[i + 1].val; /* a hundred, two thousand */
    *next = i + 2;
  } else if (*n >= 20 && *n < 100 && *n % 10 == 0) {
    size_t j = ds_tt_punct(c, i + 1, '-') ? i + 2 : i + 1;
    if (ds_tt_cls(c, j, 'N') && c->t[j].val >= 1 && c->t[j].val <= 9 && !ds_tt_word(c, j, "a")) {
      *n += c->t[j].val;
      *next = j + 1;
    }
  }
  if (ds_tt_word(c, *next, "of") && ds_tt_word(c, i, "couple")) (*next)++;
  /* two thousand years; not "ninety thousand thousand" (a count past what the
   * duration's int holds once a century's hundred multiplies it) */
  if (*n > 0 && *n < 1000 && ds_tt_word(c, *next, "thousand")) {
    *n *= 1000;
    (*next)++;
  }
  return *n != 0;
}

/* A unit word: D W M Y Q E(decade) C(entury) H I(minute) F(ortnight) K(weekend). */
bool ds_tt_unit(const C *c, size_t i, char *u) {
  /* a capitalised unit after a number is a name ("60 Minutes") */
  if (!ds_tt_cls(c, i, 'U') || ((c->t[i].flags & TF_CAP) && i > 0 && c->t[i - 1].kind == TK_NUM))
    return false;
  *u = c->t[i].lex[1];
  return true;
}

bool ds_tt_unit_plural(const C *c, size_t i) {
  const char *w = c->text + c->t[i].start;
  size_t l = ds_tt_len(c, i);
  return w[l - 1] == 's' || w[l - 1] == 'S' || ds_tt_word(c, i, "centuries");
}

void ds_tt_fmt_duration(ds_thit *h, int n, char u) {
  int mul = u == 'E' ? 10 : u == 'C' ? 100 : u == 'F' || u == 'K' ? 2 : 1;
  char unit = u == 'E' || u == 'C' ? 'Y' : u == 'F' ? 'W' : u == 'K' ? 'D' : u == 'I' ? 'M' : u;
  /* "for centuries": TimeML's unit C, as TimeBank writes it; PXY would lose the scale
   * (TimeBank writes counted centuries in years, P100Y, and decades either way) */
  if (u == 'C' && n < 0) unit = 'C';
  /* two thousand years: millennia (TimeML unit L), as TimeBank writes them */
  if (unit == 'Y' && n > 0 && n * mul % 1000 == 0) {
    n = n * mul / 1000;
    mul = 1;
    unit = 'L';
  }
  char *p = h->value;
  *p++ = 'P';
  if (u == 'H' || u == 'I' || u == 'S') *p++ = 'T';
  if (u == 'K' && n < 0) n = 1; /* weekends: two days each */
  if (n < 0) *p++ = 'X';
  else p = ds_tt_put(p, n * mul, 1);
  *p++ = unit;
  *p = 0;
  h->type = DS_TIME_DURATION;
}

void ds_tt_fmt_ref(ds_thit *h, const char *ref) {
  snprintf(h->value, sizeof h->value, "%s", ref);
  h->type = DS_TIME_DATE;
}

bool ds_tt_unanchored(const C *c, ds_thit *h) {
  if (c->anchored) return false;
  ds_tt_fmt_ref(h, "XXXX-XX-XX");
  return true;
}

void ds_tt_fmt_month(ds_thit *h, int y, int m) {
  if (y < 0 || m < 0) {
    snprintf(h->value, sizeof h->value, "%04d-%02d", y, m);
  } else {
    char *p = ds_tt_put(h->value, y, 4);
    *p++ = '-';
    *ds_tt_put(p, m, 2) = 0;
  }
  h->type = DS_TIME_DATE;
}

void ds_tt_fmt_year(ds_thit *h, int y) {
  if (y < 0) snprintf(h->value, sizeof h->value, "%04d", y);
  else *ds_tt_put(h->value, y, 4) = 0;
  h->type = DS_TIME_DATE;
}

void ds_tt_fmt_quarter(C *c, ds_thit *h, int y, int q) {
  snprintf(h->value, sizeof h->value, "%04d-Q%d", y, q);
  h->type = DS_TIME_DATE;
  /* a quarter not yet ended is a forecast: "a year earlier" keeps comparing the one
   * reported */
  if (c->anchored && (y > c->anchor.y || (y == c->anchor.y && q >= (c->anchor.m - 1) / 3 + 1))) return;
  c->last_quarter_y = y;
  c->last_quarter_q = q;
  c->months_since_quarter = false;
}

/* A day-precision date with a part of day (Tuesday night) becomes a TIME. */
size_t ds_tt_part_of_day(const C *c, size_t i, ds_thit *h) {
  if (!ds_tt_cls(c, i, 'T') || !c->anchored) return i;
  size_t l = strlen(h->value);
  snprintf(h->value + l, sizeof h->value - l, "T%s", c->t[i].lex + 1);
  h->type = DS_TIME_TIME;
  return i + 1;
}

int ds_tt_season_year(const C *c, const char *s, int dir) {
  static const char order[] = "WISPSUFA"; /* winter starts in December */
  int idx = (int)((strstr(order, s) - order) / 2);
  int am = c->anchor.m, cur = (am % 12) / 3; /* 0 winter .. 3 fall */
  int y = c->anchor.y + (am == 12 ? 1 : 0); /* winter is named by the year of its January */
  if (dir < 0) return idx < cur ? y : y - 1;
  if (dir > 0) return idx > cur ? y : y + 1;
  return y;
}

/* last/this/next + week, month, year, quarter, weekend, season, weekday, month name. */
bool ds_tt_det(const C *c, size_t i, int *dir) {
  if (ds_tt_word(c, i, "last") || ds_tt_word(c, i, "previous")) *dir = -1;
  else if (ds_tt_word(c, i, "next") || ds_tt_word(c, i, "coming")) *dir = 1;
  else if (ds_tt_word(c, i, "this") || ds_tt_word(c, i, "current")) *dir = 0;
  else return false;
  return true;
}

bool ds_tt_det_calendar(C *c, ds_thit *h, char u, int dir) {
  ds_date a = c->anchor;
  long days = ds_date_to_days(a);
  int wd = ds_date_weekday(a);
  switch (u) {
  case 'W': ds_tt_fmt_week(h, ds_days_to_date(days + 7 * dir)); break;
  case 'K':
    ds_tt_fmt_week(h, ds_days_to_date(dir < 0 ? days - wd - 1 : days + 7 * dir));
    strcat(h->value, "-WE");
    break;
  case 'M': {
    int m = a.m + dir, y = a.y;
    if (m < 1) m = 12, y--;
    if (m > 12) m = 1, y++;
    ds_tt_fmt_month(h, y, m);
    break;
  }
  case 'Y': ds_tt_fmt_year(h, a.y + dir); break;
  case 'Q': {
    int q = (a.m - 1) / 3 + 1 + dir, y = a.y;
    if (q < 1) q = 4, y--;
    if (q > 4) q = 1, y++;
    ds_tt_fmt_quarter(c, h, y, q);
    break;
  }
  default: return false;
  }
  h->type = DS_TIME_DATE;
  return true;
}
