/* The time patterns. Each P_ function tries one family of expressions at token i and,
 * on success, fills the hit's end and value. ds_tt_match tries them longest-first, after
 * an optional modifier ("early", "mid-", "the end of", "early to mid-") that widens the
 * span but keeps the value (TIMEX3 puts it in a separate mod attribute). Prepositions
 * ("on", "since", "by") stay outside the span, as in TimeBank. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tag_times.h"
#include "tag_times_impl.h"
#include "util/lexicon.h"

typedef ds_tctx C;

static const ds_ttok *S_t(const C *c, size_t i) { return i < c->n ? &c->t[i] : NULL; }
static size_t S_len(const C *c, size_t i) { return c->t[i].end - c->t[i].start; }

static bool S_cls(const C *c, size_t i, char cls) {
  const ds_ttok *t = S_t(c, i);
  return t && t->kind == TK_WORD && t->cls == cls;
}

/* A bare number: no separators, no glued letters (155mm), no decade s. */
static bool S_plain_num(const C *c, size_t i) {
  const ds_ttok *t = S_t(c, i);
  return t && t->kind == TK_NUM && !(t->flags & (TF_SEP | TF_GLUED | TF_DECADE));
}

/* The next token touches this one (no space): 10/23/2024, mid-October. */
static bool S_tight(const C *c, size_t i) { return i < c->n && !(c->t[i].flags & TF_SPACE); }

static size_t S_skip_period(const C *c, size_t i) { return ds_tt_punct(c, i, '.') ? i + 1 : i; }

/* ---- building blocks ---- */

/* A month name; abbreviations need a period or a following number (Oct. / Oct 23). */
static bool S_month(const C *c, size_t i, int *m, size_t *next) {
  if (!S_cls(c, i, 'M') || !(c->t[i].flags & TF_CAP)) return false;
  bool abbrev = S_len(c, i) <= 4 && !ds_tt_word(c, i, "may") && !ds_tt_word(c, i, "june") &&
                !ds_tt_word(c, i, "july");
  if (abbrev && !ds_tt_punct(c, i + 1, '.') && !S_plain_num(c, i + 1)) return false;
  *m = c->t[i].val;
  *next = abbrev ? S_skip_period(c, i + 1) : i + 1;
  return true;
}

static bool S_weekday(const C *c, size_t i, int *wd, size_t *next) {
  if (!S_cls(c, i, 'D') || !(c->t[i].flags & TF_CAP)) return false;
  bool abbrev = S_len(c, i) <= 5 && !ds_tt_word(c, i, "friday") && !ds_tt_word(c, i, "monday") &&
                !ds_tt_word(c, i, "sunday");
  if (abbrev && !ds_tt_punct(c, i + 1, '.')) return false;
  *wd = c->t[i].val;
  *next = abbrev ? i + 2 : i + 1;
  return true;
}

static bool S_day(const C *c, size_t i, int *d) {
  const ds_ttok *t = S_t(c, i);
  if (!t || t->kind != TK_NUM || (t->flags & (TF_SEP | TF_GLUED | TF_DECADE))) return false;
  *d = t->val;
  return t->ndig <= 2 && *d >= 1 && *d <= 31;
}

static bool S_year(const C *c, size_t i, int *y) {
  if (!S_plain_num(c, i) || c->t[i].ndig != 4 || (c->t[i].flags & TF_ORD)) return false;
  *y = c->t[i].val;
  return *y >= 1000 && *y <= 2099;
}

/* A year in words: nineteen ninety-six, two thousand (as read out on air). */
static bool S_year_words(const C *c, size_t i, int *y, size_t *next) {
  if (!S_cls(c, i, 'N')) return false;
  int a = c->t[i].val;
  if (a == 2 && ds_tt_word(c, i + 1, "thousand")) {
    *y = 2000, *next = i + 2;
    return true;
  }
  if ((a != 19 && a != 20) || !S_cls(c, i + 1, 'N') || c->t[i + 1].val < 10) return false;
  int b = c->t[i + 1].val;
  size_t j = ds_tt_punct(c, i + 2, '-') ? i + 3 : i + 2;
  if (b >= 20 && b % 10 == 0 && S_cls(c, j, 'N') && c->t[j].val >= 1 && c->t[j].val <= 9 &&
      !ds_tt_word(c, j, "a"))
    b += c->t[j].val, *next = j + 1;
  else
    *next = i + 2;
  *y = a * 100 + b;
  return b < 100;
}

/* A year, in digits or words; *next is the token after it. */
static bool S_year_any(const C *c, size_t i, int *y, size_t *next) {
  *next = i + 1;
  return S_year(c, i, y) || S_year_words(c, i, y, next);
}

/* A count: 3, three, twenty-four, a, a few, several (X = -1). */
static bool S_count(const C *c, size_t i, int *n, size_t *next) {
  if (S_plain_num(c, i) && !(c->t[i].flags & TF_ORD) && c->t[i].ndig <= 4) {
    *n = c->t[i].val;
    *next = i + 1;
    return *n > 0;
  }
  if (!S_cls(c, i, 'N')) return false;
  const char *lex = c->t[i].lex;
  *n = lex[1] == 'X' ? -1 : c->t[i].val;
  *next = i + 1;
  if (*n == 1 && (S_cls(c, i + 1, 'N') && c->t[i + 1].lex[1] == 'X')) {
    *n = -1; /* a few */
    *next = i + 2;
  } else if (*n >= 20 && *n < 100 && *n % 10 == 0) {
    size_t j = ds_tt_punct(c, i + 1, '-') ? i + 2 : i + 1;
    if (S_cls(c, j, 'N') && c->t[j].val >= 1 && c->t[j].val <= 9 && !ds_tt_word(c, j, "a")) {
      *n += c->t[j].val;
      *next = j + 1;
    }
  }
  if (ds_tt_word(c, *next, "of") && ds_tt_word(c, i, "couple")) (*next)++;
  return *n != 0;
}

/* A unit word: D W M Y Q E(decade) C(entury) H I(minute) F(ortnight) K(weekend). */
static bool S_unit(const C *c, size_t i, char *u) {
  /* a capitalised unit after a number is a name ("60 Minutes") */
  if (!S_cls(c, i, 'U') || ((c->t[i].flags & TF_CAP) && i > 0 && c->t[i - 1].kind == TK_NUM))
    return false;
  *u = c->t[i].lex[1];
  return true;
}

static bool S_unit_plural(const C *c, size_t i) {
  const char *w = c->text + c->t[i].start;
  size_t l = S_len(c, i);
  return w[l - 1] == 's' || w[l - 1] == 'S' || ds_tt_word(c, i, "centuries");
}

static void S_duration_value(ds_thit *h, int n, char u) {
  char num[16];
  int mul = u == 'E' ? 10 : u == 'C' ? 100 : u == 'F' ? 2 : 1;
  if (n < 0) snprintf(num, sizeof num, "X");
  else snprintf(num, sizeof num, "%d", n * mul);
  char unit = u == 'E' || u == 'C' ? 'Y' : u == 'F' ? 'W' : u == 'K' ? 'D' : u;
  if (u == 'K') snprintf(num, sizeof num, "%d", n < 0 ? 2 : 2 * n);
  bool clock = u == 'H' || u == 'I' || u == 'S';
  if (u == 'I') unit = 'M';
  snprintf(h->value, sizeof h->value, "P%s%s%c", clock ? "T" : "", num, unit);
  h->type = DS_TIME_DURATION;
}

static void S_set_ref(ds_thit *h, const char *ref) {
  snprintf(h->value, sizeof h->value, "%s", ref);
  h->type = DS_TIME_DATE;
}

static bool S_unanchored(const C *c, ds_thit *h) {
  if (c->anchored) return false;
  S_set_ref(h, "XXXX-XX-XX");
  return true;
}

static void S_fmt_month(ds_thit *h, int y, int m) {
  snprintf(h->value, sizeof h->value, "%04d-%02d", y, m);
  h->type = DS_TIME_DATE;
}

static void S_fmt_year(ds_thit *h, int y) {
  snprintf(h->value, sizeof h->value, "%04d", y);
  h->type = DS_TIME_DATE;
}

static void S_fmt_quarter(C *c, ds_thit *h, int y, int q) {
  snprintf(h->value, sizeof h->value, "%04d-Q%d", y, q);
  h->type = DS_TIME_DATE;
  c->last_quarter_y = y;
  c->last_quarter_q = q;
}

/* A day-precision date with a part of day (Tuesday night) becomes a TIME. */
static size_t S_part_of_day(const C *c, size_t i, ds_thit *h) {
  if (!S_cls(c, i, 'T') || !c->anchored) return i;
  size_t l = strlen(h->value);
  snprintf(h->value + l, sizeof h->value - l, "T%s", c->t[i].lex + 1);
  h->type = DS_TIME_TIME;
  return i + 1;
}

static bool S_det(const C *c, size_t i, int *dir);

/* ---- absolute and calendar dates ---- */

/* A month and day whose expression ends before token `end`: a year at `end` (after an
 * optional comma) completes it; else the anchor and the clause's tense pick the year. */
static bool S_month_day_value(C *c, size_t i, size_t end, int m, int d, ds_thit *h) {
  int y;
  h->end = end;
  size_t k = ds_tt_punct(c, end, ',') ? end + 1 : end;
  if (S_year(c, k, &y) && ds_date_valid(y, m, d)) {
    h->end = k + 1;
    ds_tt_fmt_day(h, (ds_date){y, m, d});
  } else if (c->anchored) {
    ds_tt_fmt_day(h, ds_tt_month_day(c, m, d, ds_tt_tense(c, i, h->end)));
  } else {
    snprintf(h->value, sizeof h->value, "XXXX-%02d-%02d", m, d);
  }
  h->type = DS_TIME_DATE;
  return true;
}

/* Month day [,] [year], and a following year when given. */
static bool P_month_day(C *c, size_t i, ds_thit *h) {
  int m, d;
  size_t j;
  if (!S_month(c, i, &m, &j) || !S_day(c, j, &d)) return false;
  if (ds_tt_punct(c, j + 1, ':') && S_tight(c, j + 1) && S_plain_num(c, j + 2) && S_tight(c, j + 2))
    return false; /* a clock time or a verse (Oct 23:15), not a day */
  return S_month_day_value(c, i, j + 1, m, d, h);
}

/* [the] 23[rd] [of] October [,] [2024] */
static bool P_day_month(C *c, size_t i, ds_thit *h) {
  size_t j = ds_tt_word(c, i, "the") ? i + 1 : i;
  int d, m;
  if (!S_day(c, j, &d) || (j > i && !(c->t[j].flags & TF_ORD))) return false;
  size_t k = ds_tt_word(c, j + 1, "of") ? j + 2 : j + 1;
  if (!S_month(c, k, &m, &k)) return false;
  return S_month_day_value(c, i, k, m, d, h);
}

/* Wednesday (October 23), Wednesday, Oct. 23: the weekday picks the year when none is
 * written; without one that fits, the clause's tense does. */
static bool P_weekday_date(C *c, size_t i, ds_thit *h) {
  int wd;
  size_t j;
  if (!S_weekday(c, i, &wd, &j)) return false;
  bool paren = ds_tt_punct(c, j, '(');
  if (paren || ds_tt_punct(c, j, ',')) j++;
  if (!P_month_day(c, j, h) && !P_day_month(c, j, h)) return false;
  if (paren && ds_tt_punct(c, h->end, ')')) h->end++;
  int y, m, d;
  if (!c->anchored && !strncmp(h->value, "XXXX-", 5)) c->hint_wanted = true;
  if (!c->anchored && c->year_hint && sscanf(h->value, "XXXX-%d-%d", &m, &d) == 2) {
    /* the weekday repeats on a date every 5-11 years: search 12 from the hint, forward
     * from a year the text names, backward from now (a negative hint) */
    int step = c->year_hint > 0 ? 1 : -1;
    for (int k = 0, y0 = abs(c->year_hint); k < 12; k++) {
      y = y0 + step * k;
      if (ds_date_valid(y, m, d) && ds_date_weekday((ds_date){y, m, d}) + 1 == wd) {
        ds_tt_fmt_day(h, (ds_date){y, m, d});
        break;
      }
    }
    return true;
  }
  if (!c->anchored || sscanf(h->value, "%d-%d-%d", &y, &m, &d) != 3) return true;
  for (int dy = 0; dy <= 1; dy++)
    for (int s = -1; s <= 1; s += 2) {
      ds_date dt = {y + s * dy, m, d};
      if (ds_date_valid(dt.y, m, d) && ds_date_weekday(dt) + 1 == wd) {
        ds_tt_fmt_day(h, dt);
        return true;
      }
    }
  return true;
}

/* 10/23/2024, 10/23/24, 2024-10-23 (written without spaces). */
static bool P_numeric(C *c, size_t i, ds_thit *h) {
  if (!S_plain_num(c, i) || !S_tight(c, i + 1) || !S_tight(c, i + 2) || !S_tight(c, i + 3) ||
      !S_tight(c, i + 4) || !S_plain_num(c, i + 2) || !S_plain_num(c, i + 4))
    return false;
  const ds_ttok *a = &c->t[i], *b = &c->t[i + 2], *e = &c->t[i + 4];
  int y, m, d;
  if (ds_tt_punct(c, i + 1, '-') && ds_tt_punct(c, i + 3, '-') && a->ndig == 4) {
    y = a->val, m = b->val, d = e->val;
  } else if (ds_tt_punct(c, i + 1, '/') && ds_tt_punct(c, i + 3, '/') &&
             (e->ndig == 4 || e->ndig == 2)) {
    m = a->val, d = b->val, y = e->ndig == 2 ? (e->val < 50 ? 2000 : 1900) + e->val : e->val;
  } else {
    return false;
  }
  if (!ds_date_valid(y, m, d) || S_tight(c, i + 5)) return false;
  h->end = i + 5;
  ds_tt_fmt_day(h, (ds_date){y, m, d});
  h->type = DS_TIME_DATE;
  return true;
}

/* Month [,|of] year: February 2022, June of 2021. */
static bool P_month_year(C *c, size_t i, ds_thit *h) {
  int m, y;
  size_t j;
  if (!S_month(c, i, &m, &j)) return false;
  int dir;
  if (c->anchored && S_det(c, j, &dir) && ds_tt_word(c, j + 1, "year")) {
    h->end = j + 2; /* June last year */
    S_fmt_month(h, c->anchor.y + dir, m);
    return true;
  }
  if (ds_tt_punct(c, j, ',') || ds_tt_word(c, j, "of")) j++;
  size_t k;
  if (!S_year_any(c, j, &y, &k)) return false;
  h->end = k;
  S_fmt_month(h, y, m);
  return true;
}

/* A bare month. "May" and "March" are also a verb and a noun: they need a word before
 * that only a date follows (in May, since March) or a modifier. */
static bool P_month(C *c, size_t i, ds_thit *h, bool modified) {
  int m;
  size_t j;
  if (!S_month(c, i, &m, &j)) return false;
  if ((m == 5 || m == 3) && !modified &&
      !(i > 0 && ds_tt_has(c, TL_MONTH_CUES, c->text + c->t[i - 1].start, S_len(c, i - 1))))
    return false;
  h->end = j;
  if (!c->anchored) snprintf(h->value, sizeof h->value, "XXXX-%02d", m);
  else S_fmt_month(h, ds_tt_month_year(c, m, ds_tt_tense(c, i, j)), m);
  h->type = DS_TIME_DATE;
  return true;
}

static bool S_year_context_ok(const C *c, size_t i) {
  if (i > 0 && c->t[i - 1].kind != TK_WORD && c->t[i - 1].kind != TK_PUNCT) return false; /* $ */
  if (i > 0 && (ds_tt_punct(c, i - 1, '$') || ds_tt_punct(c, i - 1, '#'))) return false;
  if (ds_tt_punct(c, i + 1, '%') || (i > 0 && ds_tt_punct(c, i - 1, '.') && S_tight(c, i)))
    return false;
  const ds_ttok *n = S_t(c, i + 1);
  if (!n || n->kind != TK_WORD || (n->flags & TF_CAP)) return true;
  /* "2000 troops": a lower-case plural after the number makes it a count */
  const char *w = c->text + n->start;
  size_t l = n->end - n->start;
  return !(l > 3 && w[l - 1] == 's' && !ds_tt_has(c, TL_TENSE, w, l) && !n->cls);
}

/* 1990, fiscal 1989, the 1990s, mid-1990s, nineteen ninety-six. */
static bool P_year(C *c, size_t i, ds_thit *h) {
  size_t j = ds_tt_word(c, i, "fiscal") ? i + 1 : i;
  if (ds_tt_word(c, j, "the") && ds_tt_word(c, j + 1, "year")) j++;
  if (ds_tt_word(c, j, "year")) j++;
  int yw;
  size_t k;
  if (S_year_words(c, j, &yw, &k)) {
    h->end = k;
    S_fmt_year(h, yw);
    return true;
  }
  if (j > i && ds_tt_word(c, j - 1, "year") && !S_year(c, j, &yw)) return false;
  const ds_ttok *t = S_t(c, j);
  if (!t || t->kind != TK_NUM || (t->flags & (TF_SEP | TF_GLUED | TF_ORD)) || t->ndig != 4)
    return false;
  int y = t->val;
  if (y < 1000 || y > 2099 || (j == i && !S_year_context_ok(c, j))) return false;
  h->end = j + 1;
  h->type = DS_TIME_DATE;
  if (t->flags & TF_DECADE) {
    snprintf(h->value, sizeof h->value, "%03d", y / 10);
    if (j == i && i > 0 && ds_tt_word(c, i - 1, "the")) h->start = i - 1; /* the 1990s */
  }
  else if (c->last_quarter_q && ds_tt_word(c, j + 1, "quarter"))
    snprintf(h->value, sizeof h->value, "%04d-Q%d", y, c->last_quarter_q);
  else if (c->last_quarter_q && ds_tt_word(c, j + 1, "period") && j > 0 && ds_tt_word(c, j - 1, "the"))
    snprintf(h->value, sizeof h->value, "%04d-Q%d", y, c->last_quarter_q); /* the 1988 period */
  else S_fmt_year(h, y);
  return true;
}

/* ---- relative to the anchor ---- */

/* yesterday, today, tomorrow, tonight [morning]; now, recently, soon. */
static bool P_relword(C *c, size_t i, ds_thit *h) {
  if (S_cls(c, i, 'P')) {
    h->end = i + 1;
    S_set_ref(h, c->t[i].lex + 1);
    return true;
  }
  if (ds_tt_word(c, i, "the") && (ds_tt_word(c, i + 1, "past") || ds_tt_word(c, i + 1, "future"))) {
    h->end = i + 2;
    S_set_ref(h, ds_tt_word(c, i + 1, "past") ? "PAST_REF" : "FUTURE_REF");
    return true;
  }
  /* the near future, the short term, these days */
  size_t j = ds_tt_word(c, i, "the") ? i + 1 : i;
  const ds_ttok *a = S_t(c, j), *b = S_t(c, j + 1);
  if (a && b && a->kind == TK_WORD && b->kind == TK_WORD) {
    char key[64]; /* "near future": the two words with one space, whatever the text has */
    size_t la = a->end - a->start, lb = b->end - b->start, l = la + 1 + lb;
    const char *v = NULL;
    if (l < sizeof key) {
      memcpy(key, c->text + a->start, la);
      key[la] = ' ';
      memcpy(key + la + 1, c->text + b->start, lb);
      v = ds_tt_lex(c, TL_PHRASES, key, l);
    }
    if (v && (j > i) == (v[0] == 'T')) {
      h->end = j + 2;
      S_set_ref(h, v + 1);
      return true;
    }
  }
  if (!S_cls(c, i, 'R')) return false;
  h->end = i + 1;
  if (S_unanchored(c, h)) return true;
  int off = c->t[i].val;
  ds_tt_fmt_day(h, ds_days_to_date(ds_date_to_days(c->anchor) + off));
  h->type = DS_TIME_DATE;
  if (ds_tt_word(c, i, "tonight")) {
    strcat(h->value, "TNI");
    h->type = DS_TIME_TIME;
  } else {
    h->end = S_part_of_day(c, i + 1, h);
  }
  return true;
}

/* Friday, Tuesday night: the clause's tense says which side of the anchor. */
static bool P_weekday(C *c, size_t i, ds_thit *h) {
  int wd;
  size_t j;
  if (!S_weekday(c, i, &wd, &j)) return false;
  h->end = j;
  h->type = DS_TIME_DATE;
  if (!c->anchored) {
    snprintf(h->value, sizeof h->value, "XXXX-WXX-%d", wd);
    return true;
  }
  /* Friday's vote: news names by its weekday an event already reported */
  bool poss = ds_tt_punct(c, j, '\'') && ds_tt_word(c, j + 1, "s") && S_tight(c, j);
  int tense = poss ? -1 : ds_tt_tense(c, i, j);
  ds_tt_fmt_day(h, ds_tt_weekday(c, wd, tense, false));
  /* Friday night: TimeBank (and a timeline) wants the day; the part stays in the span */
  if (S_cls(c, j, 'T')) h->end = j + 1;
  return true;
}

static int S_season_year(const C *c, const char *s, int dir) {
  static const char order[] = "WISPSUFA"; /* winter starts in December */
  int idx = (int)((strstr(order, s) - order) / 2);
  int am = c->anchor.m, cur = (am % 12) / 3; /* 0 winter .. 3 fall */
  int y = c->anchor.y + (am == 12 ? 1 : 0); /* winter is named by the year of its January */
  if (dir < 0) return idx < cur ? y : y - 1;
  if (dir > 0) return idx > cur ? y : y + 1;
  return y;
}

/* last/this/next + week, month, year, quarter, weekend, season, weekday, month name. */
static bool S_det(const C *c, size_t i, int *dir) {
  if (ds_tt_word(c, i, "last") || ds_tt_word(c, i, "previous")) *dir = -1;
  else if (ds_tt_word(c, i, "next") || ds_tt_word(c, i, "coming")) *dir = 1;
  else if (ds_tt_word(c, i, "this") || ds_tt_word(c, i, "current")) *dir = 0;
  else return false;
  return true;
}

static bool S_det_calendar(C *c, ds_thit *h, char u, int dir) {
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
    S_fmt_month(h, y, m);
    break;
  }
  case 'Y': S_fmt_year(h, a.y + dir); break;
  case 'Q': {
    int q = (a.m - 1) / 3 + 1 + dir, y = a.y;
    if (q < 1) q = 4, y--;
    if (q > 4) q = 1, y++;
    S_fmt_quarter(c, h, y, q);
    break;
  }
  default: return false;
  }
  h->type = DS_TIME_DATE;
  return true;
}

static bool P_det_unit(C *c, size_t i, ds_thit *h) {
  int dir, wd, m;
  size_t j;
  if (!S_det(c, i, &dir)) return false;
  h->end = i + 2;
  char u;
  if (S_unit(c, i + 1, &u) && !S_unit_plural(c, i + 1)) {
    if (S_unanchored(c, h)) return true;
    return S_det_calendar(c, h, u, dir);
  }
  if (S_cls(c, i + 1, 'S')) {
    if (S_unanchored(c, h)) return true;
    const char *s = c->t[i + 1].lex + 1;
    snprintf(h->value, sizeof h->value, "%04d-%s", S_season_year(c, s, dir), s);
    h->type = DS_TIME_DATE;
    return true;
  }
  if (S_weekday(c, i + 1, &wd, &j)) {
    h->end = j;
    if (S_unanchored(c, h)) return true;
    int tense = dir ? dir : ds_tt_tense(c, i, j);
    ds_tt_fmt_day(h, ds_tt_weekday(c, wd, tense, dir != 0));
    h->type = DS_TIME_DATE;
    h->end = S_part_of_day(c, j, h);
    return true;
  }
  int d;
  if (S_month(c, i + 1, &m, &j) && S_day(c, j, &d) && c->anchored) {
    h->end = j + 1; /* last Oct. 23 */
    ds_tt_fmt_day(h, ds_tt_month_day(c, m, d, dir ? dir * 2 : ds_tt_tense(c, i, j + 1)));
    h->type = DS_TIME_DATE;
    return true;
  }
  if (S_month(c, i + 1, &m, &j)) {
    h->end = j;
    if (S_unanchored(c, h)) return true;
    int y = c->anchor.y;
    if (dir < 0 && m >= c->anchor.m) y--;
    if (dir > 0 && m <= c->anchor.m) y++;
    S_fmt_month(h, y, m);
    return true;
  }
  if (S_cls(c, i + 1, 'T') && dir <= 0 && !ds_tt_word(c, i, "current")) {
    if (S_unanchored(c, h)) return true;
    bool night = ds_tt_word(c, i + 1, "night") && dir < 0; /* last night */
    ds_tt_fmt_day(h, ds_days_to_date(ds_date_to_days(c->anchor) - (night ? 1 : 0)));
    return S_part_of_day(c, i + 1, h) > i + 1;
  }
  return false;
}

/* the third quarter [of 1990], third-quarter, the fiscal first quarter, 1990 second quarter. */
static bool P_quarter(C *c, size_t i, ds_thit *h) {
  size_t j = ds_tt_word(c, i, "the") ? i + 1 : i;
  int y = 0, yy, dir;
  if (S_year(c, j, &yy)) {
    y = yy, j++;
  } else if (S_det(c, j, &dir) && c->anchored && ds_tt_word(c, j + 1, "year") &&
             ds_tt_punct(c, j + 2, '\'') && ds_tt_word(c, j + 3, "s")) {
    y = c->anchor.y + dir; /* next year's first quarter */
    j += 4;
  }
  if (ds_tt_word(c, j, "fiscal")) j++;
  int q;
  if (S_cls(c, j, 'O')) q = c->t[j].val;
  else if (S_t(c, j) && c->t[j].kind == TK_NUM && (c->t[j].flags & TF_ORD)) q = c->t[j].val;
  else return false;
  if (q < 1 || q > 4) return false;
  size_t k = ds_tt_punct(c, j + 1, '-') ? j + 2 : j + 1;
  if (ds_tt_word(c, k, "fiscal")) k++;
  if (!ds_tt_word(c, k, "quarter")) return false;
  h->end = k + 1;
  size_t l = ds_tt_word(c, k + 1, "of") || ds_tt_punct(c, k + 1, ',') ? k + 2 : k + 1;
  if (!y && S_year(c, l, &yy)) y = yy, h->end = l + 1;
  if (!y && !c->anchored) return S_unanchored(c, h);
  if (!y) {
    /* the quarter just ended is this year's whatever the tense (results are reported
     * after it); others follow the tense */
    int cur = (c->anchor.m - 1) / 3 + 1, tense = ds_tt_tense(c, i, h->end);
    y = c->anchor.y;
    if (q == 4 && cur == 1) y--;
    else if (q > cur && tense < 0) y--;
    else if (q < cur - 1 && tense > 0) y++;
  }
  S_fmt_quarter(c, h, y, q);
  return true;
}

/* The quarter a report is about: the latest, the year-earlier quarter. */
static bool P_report_period(C *c, size_t i, ds_thit *h) {
  if (!ds_tt_word(c, i, "the") || !c->anchored) return false;
  size_t j = i + 1;
  int back = 0;
  bool latest = false;
  if (ds_tt_word(c, j, "year") && ds_tt_punct(c, j + 1, '-') &&
      (ds_tt_word(c, j + 2, "earlier") || ds_tt_word(c, j + 2, "ago")))
    back = 1, j += 3;
  else if (ds_tt_word(c, j, "latest") || ds_tt_word(c, j, "recent"))
    j++, latest = true;
  if (!ds_tt_word(c, j, "quarter") && !(j > i + 1 && ds_tt_word(c, j, "period"))) return false;
  /* the latest quarter is the one just ended; "the quarter" is the one last named */
  int y = latest ? 0 : c->last_quarter_y, q = c->last_quarter_q;
  if (!y) {
    q = (c->anchor.m - 1) / 3, y = c->anchor.y;
    if (!q) q = 4, y--;
  }
  h->end = j + 1;
  snprintf(h->value, sizeof h->value, "%04d-Q%d", y - back, q);
  h->type = DS_TIME_DATE;
  return true;
}

/* the past two years, the next three months, the first nine months, the past year. */
static bool P_duration_rel(C *c, size_t i, ds_thit *h) {
  bool the = ds_tt_word(c, i, "the");
  size_t j = the ? i + 1 : i;
  const ds_ttok *t = S_t(c, j);
  if (!t || !ds_tt_has(c, TL_SPAN_WORDS, c->text + t->start, t->end - t->start)) return false;
  int n = 1;
  size_t k = j + 1;
  char u;
  if (!S_count(c, j + 1, &n, &k)) {
    if (!the) return false;
    n = 1, k = j + 1;
  }
  if (!S_unit(c, k, &u)) return false;
  if (k == j + 1 && S_unit_plural(c, k)) n = -1; /* the coming years */
  h->end = k + 1;
  /* the past year, the last week, the last decade: TimeML reads an uncounted singular
   * as the calendar unit before the anchor's */
  if (k == j + 1 && n == 1 && c->anchored && (ds_tt_word(c, j, "past") || ds_tt_word(c, j, "last"))) {
    if (u == 'E') {
      snprintf(h->value, sizeof h->value, "%03d", c->anchor.y / 10 - 1);
      h->type = DS_TIME_DATE;
      return true;
    }
    if (u == 'W' || u == 'M' || u == 'Y') return S_det_calendar(c, h, u, -1);
  }
  S_duration_value(h, n, u);
  return true;
}

/* two days ago, a year earlier, three weeks from now. */
static bool P_ago(C *c, size_t i, ds_thit *h) {
  int n;
  size_t j;
  char u;
  if (ds_tt_word(c, i, "year") && ds_tt_punct(c, i + 1, '-') &&
      (ds_tt_word(c, i + 2, "earlier") || ds_tt_word(c, i + 2, "ago")))
    n = 1, j = i, u = 'Y';
  else if (!S_count(c, i, &n, &j) || !S_unit(c, j, &u))
    return false;
  size_t k = ds_tt_punct(c, j + 1, '-') ? j + 2 : j + 1;
  int dir = 0;
  if (ds_tt_word(c, k, "ago") || ds_tt_word(c, k, "earlier")) dir = -1;
  else if (ds_tt_word(c, k, "hence")) dir = 1;
  else if (ds_tt_word(c, k, "from") && ds_tt_word(c, k + 1, "now")) dir = 1, k++;
  if (!dir) return false;
  h->end = k + 1;
  if (n < 0) {
    S_set_ref(h, dir < 0 ? "PAST_REF" : "FUTURE_REF");
    return true;
  }
  if (S_unanchored(c, h)) return true;
  ds_date a = c->anchor;
  long days = ds_date_to_days(a);
  h->type = DS_TIME_DATE;
  switch (u) {
  case 'D': ds_tt_fmt_day(h, ds_days_to_date(days + dir * n)); break;
  case 'W': ds_tt_fmt_week(h, ds_days_to_date(days + dir * 7 * n)); break;
  case 'M': {
    int mm = a.y * 12 + a.m - 1 + dir * n;
    S_fmt_month(h, mm / 12, mm % 12 + 1);
    break;
  }
  case 'Y':
    if (c->last_quarter_y && n == 1)
      snprintf(h->value, sizeof h->value, "%04d-Q%d", c->last_quarter_y - 1, c->last_quarter_q);
    else
      S_fmt_year(h, a.y + dir * n);
    break;
  case 'E': snprintf(h->value, sizeof h->value, "%03d", (a.y + dir * 10 * n) / 10); break;
  default: return false;
  }
  return true;
}

/* every week, each Friday, every two months; daily, weekly. */
static bool P_set(C *c, size_t i, ds_thit *h) {
  if (S_cls(c, i, 'G')) {
    /* daily flights too: TimeML marks the adjective as a recurrence */
    h->end = i + 1;
    h->type = DS_TIME_SET;
    snprintf(h->value, sizeof h->value, "P1%c", c->t[i].lex[1]);
    if (c->t[i].lex[1] == 'H') snprintf(h->value, sizeof h->value, "PT1H");
    return true;
  }
  if (!ds_tt_word(c, i, "every") && !ds_tt_word(c, i, "each") && !ds_tt_word(c, i, "per"))
    return false;
  int n = 1, wd;
  size_t j = i + 1, k;
  char u;
  if (ds_tt_word(c, j, "other")) n = 2, j++;
  else if (S_count(c, j, &n, &k) && S_unit(c, k, &u)) j = k;
  if (S_weekday(c, j, &wd, &k)) {
    h->end = k;
    snprintf(h->value, sizeof h->value, "XXXX-WXX-%d", wd);
  } else if (S_unit(c, j, &u)) {
    h->end = j + 1;
    S_duration_value(h, n, u);
  } else {
    return false;
  }
  h->type = DS_TIME_SET;
  return true;
}

/* 32 months, a decade, two-year, several years; not "the 5-year-old". */
static bool P_duration(C *c, size_t i, ds_thit *h) {
  int n;
  size_t j;
  char u;
  if (!S_count(c, i, &n, &j)) return false;
  if (ds_tt_punct(c, j, '-') && S_tight(c, j) && S_tight(c, j + 1)) j++;
  if (!S_unit(c, j, &u) || u == 'K') return false;
  if (u == 'Q' && ds_tt_punct(c, j - 1, '-')) return false; /* three-quarters of its food */
  if (ds_tt_punct(c, j + 1, '-') && ds_tt_word(c, j + 2, "old")) return false;
  if (ds_tt_word(c, j + 1, "old")) return false;
  if (n == 1 && S_unit_plural(c, j)) return false;
  /* once a week, $500 million a year: a rate, not a span */
  if (ds_tt_word(c, i, "a") && i > 0 &&
      (c->t[i - 1].kind == TK_NUM || ds_tt_has(c, TL_RATE_CUES, c->text + c->t[i - 1].start,
                                                    S_len(c, i - 1))))
    return false;
  h->end = j + 1;
  /* the nine months ended Sept. 30: TimeML keeps the article of a counted span */
  if (i > 0 && h->start == i && ds_tt_word(c, i - 1, "the") && !ds_tt_word(c, i, "a") &&
      !ds_tt_word(c, i, "an"))
    h->start = i - 1;
  S_duration_value(h, n, u);
  return true;
}

/* Christmas, Thanksgiving, New Year's Day: fixed days resolved like "October 23". */
static bool P_holiday(C *c, size_t i, ds_thit *h) {
  if (!S_cls(c, i, 'H') || !(c->t[i].flags & TF_CAP) || !c->anchored) return false;
  const char *v = c->t[i].lex + 1;
  size_t end = i + 1;
  if (ds_tt_word(c, i, "new")) {
    if (!ds_tt_word(c, i + 1, "year")) return false;
    end = i + 2;
    if (ds_tt_punct(c, end, '\'') && ds_tt_word(c, end + 1, "s")) end += 2;
    if (ds_tt_word(c, end, "day")) end++;
  } else if (ds_tt_word(c, end, "day")) {
    end++;
  }
  int m = atoi(v), tense = ds_tt_tense(c, i, end);
  ds_date d;
  if (v[3] == 'T') { /* Thanksgiving: the fourth Thursday of November */
    int y = c->anchor.y - (tense < 0 && c->anchor.m < 11 ? 1 : 0);
    int first = ds_date_weekday((ds_date){y, 11, 1});
    d = (ds_date){y, 11, 1 + (3 - first + 7) % 7 + 21};
  } else {
    d = ds_tt_month_day(c, m, atoi(v + 3), tense);
  }
  h->end = end;
  ds_tt_fmt_day(h, d);
  h->type = DS_TIME_DATE;
  return true;
}

/* a.m. / p.m. / am / pm after an hour: stores 0 or 12 and the token after. */
static bool S_ampm(const C *c, size_t i, int *add, size_t *next) {
  bool a = ds_tt_word(c, i, "a"), p = ds_tt_word(c, i, "p");
  if ((a || p) && ds_tt_punct(c, i + 1, '.') && ds_tt_word(c, i + 2, "m")) {
    *next = ds_tt_punct(c, i + 3, '.') ? i + 4 : i + 3;
  } else if (ds_tt_word(c, i, "am") || ds_tt_word(c, i, "pm")) {
    p = ds_tt_word(c, i, "pm");
    *next = i + 1;
  } else {
    return false;
  }
  *add = p ? 12 : 0;
  return true;
}

/* 10 a.m., 5:30 p.m. EST, noon: the hour and minute, and the token after. */
static bool S_clock(const C *c, size_t i, int *hh, int *mm, size_t *next) {
  if (S_cls(c, i, 'C')) {
    *hh = c->t[i].val, *mm = 0, *next = i + 1;
    return true;
  }
  int add;
  if (!S_plain_num(c, i) || c->t[i].ndig > 2 || c->t[i].val > 12 || c->t[i].val < 1) return false;
  *hh = c->t[i].val, *mm = 0;
  size_t j = i + 1;
  if (ds_tt_punct(c, j, ':') && S_tight(c, j) && S_plain_num(c, j + 1) && c->t[j + 1].ndig == 2) {
    *mm = c->t[j + 1].val;
    j += 2;
  }
  if (!S_ampm(c, j, &add, next)) return false;
  if (*hh == 12) *hh = 0;
  *hh += add;
  if (S_cls(c, *next, 0) && (c->t[*next].flags & TF_CAP) &&
      ds_tt_has(c, TL_ZONES, c->text + c->t[*next].start, S_len(c, *next)))
    (*next)++;
  return *mm < 60;
}

static bool S_core(C *c, size_t i, ds_thit *h, bool modified);

/* 10 p.m. Wednesday, 5 p.m. EST Nov. 9, noon Thursday: the day's date with the time;
 * a clock time alone takes the anchor's date. */
static bool P_clock(C *c, size_t i, ds_thit *h) {
  int hh, mm;
  size_t j;
  if (!S_clock(c, i, &hh, &mm, &j) || !c->anchored) return false;
  if (ds_tt_punct(c, j, ',')) j++;
  ds_thit d;
  memset(&d, 0, sizeof d);
  int y, m, dd;
  if (S_core(c, j, &d, false) && ds_time_value_date(d.value, &y, &m, &dd) && dd) {
    h->end = d.end;
    snprintf(h->value, sizeof h->value, "%.10sT%02d:%02d", d.value, hh, mm);
  } else if (!S_cls(c, i, 'C')) {
    h->end = ds_tt_punct(c, j - 1, ',') ? j - 1 : j;
    ds_tt_fmt_day(h, c->anchor);
    size_t l = strlen(h->value);
    snprintf(h->value + l, sizeof h->value - l, "T%02d:%02d", hh, mm);
  } else {
    return false;
  }
  h->type = DS_TIME_TIME;
  return true;
}

/* ---- modifiers and the dispatcher ---- */

/* early, late, mid-, the end of, the beginning of, earlier this, early to mid-. */
static size_t S_modifier(const C *c, size_t i) {
  size_t j = ds_tt_word(c, i, "the") ? i + 1 : i;
  const ds_ttok *t = S_t(c, j);
  if (!t || !ds_tt_has(c, TL_MODIFIERS, c->text + t->start, t->end - t->start)) return i;
  const char *v = ds_tt_lex(c, TL_MODIFIERS, c->text + t->start, t->end - t->start);
  if (v[0] == 'O') { /* end of, beginning of */
    if (!ds_tt_word(c, j + 1, "of")) return i;
    return ds_tt_word(c, j + 2, "the") && !ds_tt_word(c, j + 3, "year") &&
                   !ds_tt_word(c, j + 3, "month")
               ? i
               : j + 2;
  }
  if (j > i) return i;
  if (v[0] == 'R' && !ds_tt_word(c, j + 1, "this") && !ds_tt_word(c, j + 1, "last") &&
      !ds_tt_word(c, j + 1, "next"))
    return i;
  j++;
  if (ds_tt_punct(c, j, '-')) j++;
  /* early to mid-October, late September or early October */
  if ((ds_tt_word(c, j, "to") || ds_tt_word(c, j, "and") || ds_tt_punct(c, j, '-')) && j + 1 < c->n &&
      ds_tt_has(c, TL_MODIFIERS, c->text + c->t[j + 1].start, S_len(c, j + 1))) {
    j += 2;
    if (ds_tt_punct(c, j, '-')) j++;
  }
  return j;
}

/* the weekend: the one before the anchor in a past clause, else the coming one. */
static bool P_the_weekend(C *c, size_t i, ds_thit *h) {
  if (!ds_tt_word(c, i, "the") || !ds_tt_word(c, i + 1, "weekend") || !c->anchored) return false;
  h->end = i + 2;
  return S_det_calendar(c, h, 'K', ds_tt_tense(c, i, i + 2) < 0 ? -1 : 0);
}

/* the year, the full year, the fiscal year: the anchor's year, or a year-long span when
 * it is "the year ended June 30". */
static bool P_the_year_rel(C *c, size_t i, ds_thit *h) {
  if (!ds_tt_word(c, i, "the") || !c->anchored) return false;
  size_t j = i + 1;
  if (ds_tt_word(c, j, "full") || ds_tt_word(c, j, "current")) j++;
  if (ds_tt_word(c, j, "fiscal")) j++;
  if (!ds_tt_word(c, j, "year") || ds_tt_punct(c, j + 1, '-')) return false; /* year-earlier */
  h->end = j + 1;
  if (ds_tt_word(c, j + 1, "ended") || ds_tt_word(c, j + 1, "ending")) {
    S_duration_value(h, 1, 'Y');
    return true;
  }
  if (j == i + 1 && !(i > 0 && (ds_tt_word(c, i - 1, "for") || ds_tt_word(c, i - 1, "of"))))
    return false;
  S_fmt_year(h, c->anchor.y);
  return true;
}

/* for years, within weeks, in recent months: an unspecified number of units. */
static bool P_bare_units(C *c, size_t i, ds_thit *h) {
  char u;
  if (i == 0 || !S_unit(c, i, &u) || !S_unit_plural(c, i) || u == 'K' || u == 'Q') return false;
  const ds_ttok *p = &c->t[i - 1];
  if (!ds_tt_has(c, TL_BARE_UNIT_CUES, c->text + p->start, p->end - p->start)) return false;
  if (ds_tt_word(c, i - 1, "recent")) h->start = i - 1; /* in recent years: PXY */
  h->end = i + 1;
  S_duration_value(h, -1, u);
  return true;
}

/* "the year", "the month" after "the end of": the anchor's. */
static bool P_the_year(C *c, size_t i, ds_thit *h) {
  if (!ds_tt_word(c, i, "the") || !c->anchored) return false;
  h->end = i + 2;
  if (ds_tt_word(c, i + 1, "year")) S_fmt_year(h, c->anchor.y);
  else if (ds_tt_word(c, i + 1, "month")) S_fmt_month(h, c->anchor.y, c->anchor.m);
  else return false;
  return true;
}

/* year-end, year end: the last day of the anchor's year. */
static bool P_year_end(C *c, size_t i, ds_thit *h) {
  size_t j = ds_tt_punct(c, i + 1, '-') ? i + 2 : i + 1;
  if (!c->anchored || !ds_tt_word(c, i, "year") || !ds_tt_word(c, j, "end")) return false;
  h->end = j + 1;
  ds_tt_fmt_day(h, (ds_date){c->anchor.y, 12, 31});
  h->type = DS_TIME_DATE;
  return true;
}

/* the summer, in winter: the season nearest the anchor on the side of the clause's
 * tense. Not "the fall of the city", not "prices fall". */
static bool P_season(C *c, size_t i, ds_thit *h) {
  size_t j = ds_tt_word(c, i, "the") ? i + 1 : i;
  if (!S_cls(c, j, 'S') || !c->anchored || ds_tt_word(c, j + 1, "of")) return false;
  if (j == i && (i == 0 || ds_tt_word(c, i, "fall") ||
                 !ds_tt_has(c, TL_MONTH_CUES, c->text + c->t[i - 1].start, S_len(c, i - 1))))
    return false;
  int tense = ds_tt_tense(c, i, j + 1);
  const char *sv = c->t[j].lex + 1;
  h->end = j + 1;
  snprintf(h->value, sizeof h->value, "%04d-%s", S_season_year(c, sv, tense < 0 ? -1 : tense > 0), sv);
  h->type = DS_TIME_DATE;
  return true;
}

/* the 20th century: TIMEX3 names it by its first two digits, "19". */
static bool P_century(C *c, size_t i, ds_thit *h) {
  size_t j = ds_tt_word(c, i, "the") ? i + 1 : i;
  const ds_ttok *t = S_t(c, j);
  if (!t || t->kind != TK_NUM || !(t->flags & TF_ORD) || t->val < 1 || t->val > 21 ||
      !ds_tt_word(c, j + 1, "century"))
    return false;
  h->end = j + 2;
  snprintf(h->value, sizeof h->value, "%02d", t->val - 1);
  h->type = DS_TIME_DATE;
  return true;
}

static bool S_core(C *c, size_t i, ds_thit *h, bool modified) {
  if (!modified && P_clock(c, i, h)) return true;
  if (P_weekday_date(c, i, h) || P_numeric(c, i, h) || P_month_day(c, i, h) ||
      P_day_month(c, i, h) || P_month_year(c, i, h) || P_month(c, i, h, modified) ||
      P_quarter(c, i, h) || P_year(c, i, h) || P_weekday(c, i, h) || P_det_unit(c, i, h))
    return true;
  if (modified) return P_the_year(c, i, h);
  return P_report_period(c, i, h) || P_duration_rel(c, i, h) || P_relword(c, i, h) ||
         P_ago(c, i, h) || P_set(c, i, h) || P_duration(c, i, h) || P_holiday(c, i, h) ||
         P_the_weekend(c, i, h) || P_the_year_rel(c, i, h) || P_bare_units(c, i, h) ||
         P_century(c, i, h) || P_year_end(c, i, h) || P_season(c, i, h);
}

/* nearly, more than, at least: the token after the approximator, or i. One lookup of
 * the first word; the rest of the phrase is compared word by word. */
static size_t S_approx(const C *c, size_t i) {
  const ds_ttok *t = &c->t[i];
  if (t->kind != TK_WORD || t->cls) return i;
  const char *v = ds_tt_lex(c, TL_APPROX, c->text + t->start, t->end - t->start);
  if (!v) return i;
  size_t j = i + 1;
  while (*v) {
    char w[16];
    size_t l = strcspn(v, " ");
    if (l >= sizeof w) return i;
    memcpy(w, v, l);
    w[l] = 0;
    if (!ds_tt_word(c, j, w)) return i;
    j++;
    v += v[l] ? l + 1 : l;
  }
  return j;
}

bool ds_tt_match(ds_tctx *c, size_t i, ds_thit *h) {
  memset(h, 0, sizeof *h);
  const ds_ttok *t = &c->t[i];
  if (t->kind == TK_PUNCT || t->kind == TK_OTHER) return false;
  size_t a = S_approx(c, i);
  if (a > i) {
    h->start = a;
    if (P_ago(c, a, h) || P_duration(c, a, h)) {
      h->start = i;
      return true;
    }
    memset(h, 0, sizeof *h);
  }
  size_t j = S_modifier(c, i);
  if (j > i && S_core(c, j, h, true)) {
    h->start = i;
    return true;
  }
  memset(h, 0, sizeof *h);
  h->start = i;
  return S_core(c, i, h, false); /* a pattern may move start back (in recent years) */
}
