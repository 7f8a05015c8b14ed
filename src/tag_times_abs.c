/* Patterns for dates written out: Oct. 23, 23 October 2024, Wednesday (October 23),
 * 10/23/2024, February 2022, June, 1990, the 1990s. Each ds_ttp_ function tries one
 * family at token i and, on success, fills the hit's end and value. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tag_times.h"
#include "tag_times_impl.h"
#include "util/lexicon.h"

typedef ds_tctx C;

/* A month and day whose expression ends before token `end`: a year at `end` (after an
 * optional comma) completes it; else the anchor and the clause's tense pick the year. */
static bool S_month_day_value(C *c, size_t i, size_t end, int m, int d, ds_thit *h) {
  int y;
  h->end = end;
  size_t k = ds_tt_punct(c, end, ',') ? end + 1 : end;
  if (ds_tt_year(c, k, &y) && ds_date_valid(y, m, d)) {
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
bool ds_ttp_month_day(C *c, size_t i, ds_thit *h) {
  int m, d;
  size_t j;
  if (!ds_tt_month(c, i, &m, &j) || !ds_tt_day(c, j, &d)) return false;
  if (ds_tt_punct(c, j + 1, ':') && ds_tt_tight(c, j + 1) && ds_tt_plain_num(c, j + 2) && ds_tt_tight(c, j + 2))
    return false; /* a clock time or a verse (Oct 23:15), not a day */
  return S_month_day_value(c, i, j + 1, m, d, h);
}

/* [the] 23[rd] [of] October [,] [2024] */
bool ds_ttp_day_month(C *c, size_t i, ds_thit *h) {
  size_t j = ds_tt_word(c, i, "the") ? i + 1 : i;
  int d, m;
  if (!ds_tt_day(c, j, &d) || (j > i && !(c->t[j].flags & TF_ORD))) return false;
  size_t k = ds_tt_word(c, j + 1, "of") ? j + 2 : j + 1;
  if (!ds_tt_month(c, k, &m, &k)) return false;
  return S_month_day_value(c, i, k, m, d, h);
}

/* Wednesday (October 23), Wednesday, Oct. 23: the weekday picks the year when none is
 * written; without one that fits, the clause's tense does. */
bool ds_ttp_weekday_date(C *c, size_t i, ds_thit *h) {
  int wd;
  size_t j;
  if (!ds_tt_wday(c, i, &wd, &j)) return false;
  bool paren = ds_tt_punct(c, j, '(');
  if (paren || ds_tt_punct(c, j, ',')) j++;
  if (!ds_ttp_month_day(c, j, h) && !ds_ttp_day_month(c, j, h)) return false;
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
bool ds_ttp_numeric(C *c, size_t i, ds_thit *h) {
  if (!ds_tt_plain_num(c, i) || !ds_tt_tight(c, i + 1) || !ds_tt_tight(c, i + 2) || !ds_tt_tight(c, i + 3) ||
      !ds_tt_tight(c, i + 4) || !ds_tt_plain_num(c, i + 2) || !ds_tt_plain_num(c, i + 4))
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
  if (!ds_date_valid(y, m, d) || ds_tt_tight(c, i + 5)) return false;
  h->end = i + 5;
  ds_tt_fmt_day(h, (ds_date){y, m, d});
  h->type = DS_TIME_DATE;
  return true;
}

/* Month [,|of] year: February 2022, June of 2021. */
bool ds_ttp_month_year(C *c, size_t i, ds_thit *h) {
  int m, y;
  size_t j;
  if (!ds_tt_month(c, i, &m, &j)) return false;
  int dir;
  if (c->anchored && ds_tt_det(c, j, &dir) && ds_tt_word(c, j + 1, "year")) {
    h->end = j + 2; /* June last year */
    ds_tt_fmt_month(h, c->anchor.y + dir, m);
    return true;
  }
  if (ds_tt_punct(c, j, ',') || ds_tt_word(c, j, "of")) j++;
  size_t k;
  if (!ds_tt_year_any(c, j, &y, &k)) return false;
  h->end = k;
  ds_tt_fmt_month(h, y, m);
  return true;
}

/* "the March accession", "the May elections": after "the", a capitalised May or March
 * before a lower-case noun is the month that noun happens in; before a preposition
 * (the March on Washington) it is a march or a name (data/time_month_noun_after.txt). */
static bool S_month_before_noun(const C *c, size_t i, size_t j) {
  if (i == 0 || !ds_tt_word(c, i - 1, "the") || !(c->t[i].flags & TF_CAP) || j != i + 1 || j >= c->n)
    return false;
  const ds_ttok *n = &c->t[j];
  return n->kind == TK_WORD && !(n->flags & TF_CAP) &&
         !ds_lexicon_has("time_month_noun_after", c->text + n->start, ds_tt_len(c, j));
}

/* A bare month. "May" and "March" are also a verb and a noun: they need a word before
 * that only a date follows (in May, since March), a modifier, or a noun after. */
bool ds_ttp_month(C *c, size_t i, ds_thit *h, bool modified) {
  int m;
  size_t j;
  if (!ds_tt_month(c, i, &m, &j)) return false;
  if ((m == 5 || m == 3) && !modified && !(i > 0 && ds_tt_thas(c, TL_MONTH_CUES, i - 1)) &&
      !S_month_before_noun(c, i, j))
    return false;
  h->end = j;
  if (!c->anchored) snprintf(h->value, sizeof h->value, "XXXX-%02d", m);
  else ds_tt_fmt_month(h, ds_tt_month_year(c, m, ds_tt_tense(c, i, j)), m);
  h->type = DS_TIME_DATE;
  return true;
}

/* "post-1959", "pre-1990": the prefix written tight before the year at token i. */
static bool S_year_prefix(const C *c, size_t i) {
  return i >= 2 && ds_tt_punct(c, i - 1, '-') && ds_tt_tight(c, i - 1) && ds_tt_tight(c, i) &&
         (ds_tt_word(c, i - 2, "post") || ds_tt_word(c, i - 2, "pre"));
}

static bool S_year_context_ok(const C *c, size_t i) {
  if (i > 0 && c->t[i - 1].kind != TK_WORD && c->t[i - 1].kind != TK_PUNCT) return false; /* $ */
  if (i > 0 && (ds_tt_punct(c, i - 1, '$') || ds_tt_punct(c, i - 1, '#'))) return false;
  if (ds_tt_punct(c, i + 1, '%') || (i > 0 && ds_tt_punct(c, i - 1, '.') && ds_tt_tight(c, i)))
    return false;
  const ds_ttok *n = ds_tt_tok(c, i + 1);
  if (!n || n->kind != TK_WORD || (n->flags & TF_CAP)) return true;
  /* "the 1992 protests", "post-1959 politics": a year names the noun's time (a count of
   * a thousand or more after "the" is written with a comma: the 2,000 troops) */
  if (S_year_prefix(c, i) || (i > 0 && ds_tt_word(c, i - 1, "the"))) return true;
  /* "2000 troops", "for 1000 years": a lower-case plural after the number makes it a
   * count (of years too: the duration patterns take it) */
  const char *w = c->text + n->start;
  size_t l = n->end - n->start;
  return !(l > 3 && w[l - 1] == 's' && !ds_tt_thas(c, TL_TENSE, i + 1) && (!n->cls || n->cls == 'U'));
}

/* 1990, fiscal 1989, the 1990s, mid-1990s, nineteen ninety-six. */
bool ds_ttp_year(C *c, size_t i, ds_thit *h) {
  size_t j = ds_tt_word(c, i, "fiscal") ? i + 1 : i;
  if (ds_tt_word(c, j, "the") && ds_tt_word(c, j + 1, "year")) j++;
  if (ds_tt_word(c, j, "year")) j++;
  int yw;
  size_t k;
  if (ds_tt_year_words(c, j, &yw, &k)) {
    h->end = k;
    ds_tt_fmt_year(h, yw);
    return true;
  }
  if (j > i && ds_tt_word(c, j - 1, "year") && !ds_tt_year(c, j, &yw)) return false;
  const ds_ttok *t = ds_tt_tok(c, j);
  if (!t || t->kind != TK_NUM || (t->flags & (TF_SEP | TF_GLUED | TF_ORD)) || t->ndig != 4)
    return false;
  int y = t->val;
  if (y < 1000 || y > 2099 || (j == i && !S_year_context_ok(c, j))) return false;
  h->end = j + 1;
  h->type = DS_TIME_DATE;
  if (j == i && S_year_prefix(c, j)) h->start = j - 2; /* TimeML keeps "post-" in the span */
  if (t->flags & TF_DECADE) {
    snprintf(h->value, sizeof h->value, "%03d", y / 10);
    if (j == i && i > 0 && ds_tt_word(c, i - 1, "the")) h->start = i - 1; /* the 1990s */
  }
  else if (c->last_quarter_q && ds_tt_word(c, j + 1, "quarter"))
    snprintf(h->value, sizeof h->value, "%04d-Q%d", y, c->last_quarter_q);
  else if (c->last_quarter_q && ds_tt_word(c, j + 1, "period") && j > 0 && ds_tt_word(c, j - 1, "the"))
    snprintf(h->value, sizeof h->value, "%04d-Q%d", y, c->last_quarter_q); /* the 1988 period */
  else ds_tt_fmt_year(h, y);
  return true;
}
