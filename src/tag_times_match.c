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
  if (ds_tt_cls(c, i, 'C')) {
    *hh = c->t[i].val, *mm = 0, *next = i + 1;
    return true;
  }
  int add;
  if (!ds_tt_plain_num(c, i) || c->t[i].ndig > 2 || c->t[i].val > 12 || c->t[i].val < 1) return false;
  *hh = c->t[i].val, *mm = 0;
  size_t j = i + 1;
  if (ds_tt_punct(c, j, ':') && ds_tt_tight(c, j) && ds_tt_plain_num(c, j + 1) && c->t[j + 1].ndig == 2) {
    *mm = c->t[j + 1].val;
    j += 2;
  }
  if (!S_ampm(c, j, &add, next)) return false;
  if (*hh == 12) *hh = 0;
  *hh += add;
  if (ds_tt_cls(c, *next, 0) && (c->t[*next].flags & TF_CAP) &&
      ds_tt_thas(c, TL_ZONES, *next))
    (*next)++;
  return *mm < 60;
}

static bool S_core(C *c, size_t i, ds_thit *h, bool modified);

/* 10 p.m. Wednesday, 5 p.m. EST Nov. 9, noon Thursday: the day's date with the time;
 * a clock time alone takes the anchor's date, and so does noon or midnight after a cue
 * (at noon: T12:00, by midnight: T24:00, as TimeML writes them). */
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
  } else if (!ds_tt_cls(c, i, 'C') || (i > 0 && ds_tt_thas(c, TL_CLOCK_CUES, i - 1))) {
    h->end = ds_tt_punct(c, j - 1, ',') ? j - 1 : j;
    /* by 3 a.m. on Monday: that day (tagged on its own); a clock time alone belongs to
     * the day the text last named, as a narrative tells it (he was shot on Oct. 23 ...
     * at 10 p.m.), else to the anchor's */
    ds_date day = c->ref_prec == 'D' ? c->ref : c->anchor;
    memset(&d, 0, sizeof d);
    if (ds_tt_word(c, j, "on") && S_core(c, j + 1, &d, false) &&
        ds_time_value_date(d.value, &y, &m, &dd) && dd)
      day = (ds_date){y, m, dd};
    ds_tt_fmt_day(h, day);
    size_t l = strlen(h->value);
    snprintf(h->value + l, sizeof h->value - l, "T%02d:%02d", hh, mm);
  } else {
    return false;
  }
  h->type = DS_TIME_TIME;
  return true;
}

/* early, late, mid-, the end of, the beginning of, earlier this, later today, early to
 * mid-. */
static size_t S_modifier(const C *c, size_t i) {
  size_t j = ds_tt_word(c, i, "the") ? i + 1 : i;
  const ds_ttok *t = ds_tt_tok(c, j);
  const char *v = t ? ds_tt_tlex(c, TL_MODIFIERS, j) : NULL;
  if (!v) return i;
  if (v[0] == 'O') { /* end of, beginning of */
    if (!ds_tt_word(c, j + 1, "of")) return i;
    return ds_tt_word(c, j + 2, "the") && !ds_tt_word(c, j + 3, "year") &&
                   !ds_tt_word(c, j + 3, "month")
               ? i
               : j + 2;
  }
  if (j > i) return i;
  if (v[0] == 'R' && !ds_tt_word(c, j + 1, "this") && !ds_tt_word(c, j + 1, "that") &&
      !ds_tt_word(c, j + 1, "last") && !ds_tt_word(c, j + 1, "next") && !ds_tt_cls(c, j + 1, 'R'))
    return i;
  j++;
  if (ds_tt_punct(c, j, '-')) j++;
  /* early to mid-October, late September or early October */
  if ((ds_tt_word(c, j, "to") || ds_tt_word(c, j, "and") || ds_tt_punct(c, j, '-')) && j + 1 < c->n &&
      ds_tt_thas(c, TL_MODIFIERS, j + 1)) {
    j += 2;
    if (ds_tt_punct(c, j, '-')) j++;
  }
  return j;
}

/* the weekend: the one before the anchor in a past clause, else the coming one. */
static bool P_the_weekend(C *c, size_t i, ds_thit *h) {
  if (!ds_tt_word(c, i, "the") || !ds_tt_word(c, i + 1, "weekend") || !c->anchored) return false;
  h->end = i + 2;
  return ds_tt_det_calendar(c, h, 'K', ds_tt_tense(c, i, i + 2) < 0 ? -1 : 0);
}

/* "For the week, the index fell", "the week's busiest session": a market report's week,
 * which TimeML leaves unnumbered (a week of the anchor's year, YYYY-WXX). Only the
 * possessive or "for the week" closed by punctuation: "the week of March 6" and "the
 * week before" are other patterns' or no time. */
static bool P_the_week(C *c, size_t i, ds_thit *h) {
  if (!ds_tt_word(c, i, "the") || !ds_tt_word(c, i + 1, "week") || !c->anchored) return false;
  bool poss = ds_tt_punct(c, i + 2, '\'') && ds_tt_word(c, i + 3, "s") && ds_tt_tight(c, i + 3);
  bool for_week = i > 0 && ds_tt_word(c, i - 1, "for") &&
                  (ds_tt_punct(c, i + 2, ',') || ds_tt_punct(c, i + 2, '.'));
  if (!poss && !for_week) return false;
  h->end = i + 2;
  *ds_tt_put(h->value, c->anchor.y, 4) = 0;
  strcat(h->value, "-WXX");
  h->type = DS_TIME_DATE;
  return true;
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
    ds_tt_fmt_duration(h, 1, 'Y');
    return true;
  }
  if (j == i + 1 && !(i > 0 && (ds_tt_word(c, i - 1, "for") || ds_tt_word(c, i - 1, "of"))))
    return false;
  ds_tt_fmt_year(h, c->anchor.y);
  return true;
}

/* for years, within weeks, in recent months: an unspecified number of units. */
static bool P_bare_units(C *c, size_t i, ds_thit *h) {
  char u;
  if (i == 0 || !ds_tt_unit(c, i, &u) || !ds_tt_unit_plural(c, i) || u == 'K' || u == 'Q') return false;
  if (!ds_tt_thas(c, TL_BARE_UNIT_CUES, i - 1)) return false;
  if (ds_tt_word(c, i - 1, "recent")) h->start = i - 1; /* in recent years: PXY */
  h->end = i + 1;
  ds_tt_fmt_duration(h, -1, u);
  return true;
}

/* "for a while", "for some time", "for quite a while": a span of unsaid length (PXX).
 * Only after "for": "once in a while", "at some time" name no span. */
static bool S_for_a_while(C *c, size_t i, ds_thit *h) {
  bool a = ds_tt_word(c, i, "a");
  if (a ? !ds_tt_word(c, i + 1, "while")
        : !ds_tt_word(c, i, "some") || !ds_tt_word(c, i + 1, "time"))
    return false;
  size_t p = i > 0 && ds_tt_word(c, i - 1, "quite") ? i - 1 : i;
  if (p == 0 || !ds_tt_word(c, p - 1, "for")) return false;
  h->end = i + 2;
  ds_tt_fmt_ref(h, "PXX");
  h->type = DS_TIME_DURATION;
  return true;
}

/* "over the years": a span of unsaid years (PXY); "at the time" a past the story has
 * told of (PAST_REF), but not "at the time of the vote" (the vote's time) nor "at the
 * time and place of ..." */
static bool S_the_time(C *c, size_t i, ds_thit *h) {
  if (i == 0 || !ds_tt_word(c, i, "the")) return false;
  if (ds_tt_word(c, i - 1, "over") && ds_tt_word(c, i + 1, "years")) {
    ds_tt_fmt_ref(h, "PXY");
    h->type = DS_TIME_DURATION;
  } else if (ds_tt_word(c, i - 1, "at") && ds_tt_word(c, i + 1, "time") &&
             !ds_tt_word(c, i + 2, "of") && !ds_tt_word(c, i + 2, "and")) {
    ds_tt_fmt_ref(h, "PAST_REF");
  } else {
    return false;
  }
  h->end = i + 2;
  return true;
}

static bool P_unsaid(C *c, size_t i, ds_thit *h) {
  return S_for_a_while(c, i, h) || S_the_time(c, i, h);
}

/* "the year", "the month" after "the end of": the anchor's. */
static bool P_the_year(C *c, size_t i, ds_thit *h) {
  if (!ds_tt_word(c, i, "the") || !c->anchored) return false;
  h->end = i + 2;
  if (ds_tt_word(c, i + 1, "year")) ds_tt_fmt_year(h, c->anchor.y);
  else if (ds_tt_word(c, i + 1, "month")) ds_tt_fmt_month(h, c->anchor.y, c->anchor.m);
  else return false;
  return true;
}

/* year-end, year end: the last day of the anchor's year, or of the year before (the
 * books' closing day: "since year-end"). "By year's end" says "by the end of the year"
 * in other words, and takes the same value: the year (TimeML leaves the end to a mod). */
static bool P_year_end(C *c, size_t i, ds_thit *h) {
  bool poss = ds_tt_punct(c, i + 1, '\'') && ds_tt_word(c, i + 2, "s");
  size_t j = poss ? i + 3 : ds_tt_punct(c, i + 1, '-') ? i + 2 : i + 1;
  if (!c->anchored || !ds_tt_word(c, i, "year") || !ds_tt_word(c, j, "end")) return false;
  h->end = j + 1;
  /* in a past clause ("since year-end") the last one gone, unless it is the anchor's */
  int y = c->anchor.y - (c->anchor.m < 12 && ds_tt_tense(c, i, j + 1) < 0 ? 1 : 0);
  if (poss) ds_tt_fmt_year(h, y);
  else ds_tt_fmt_day(h, (ds_date){y, 12, 31});
  h->type = DS_TIME_DATE;
  return true;
}

/* the summer, in winter: the season nearest the anchor on the side of the clause's
 * tense. Not "the fall of the city", not "prices fall". */
static bool P_season(C *c, size_t i, ds_thit *h) {
  size_t j = ds_tt_word(c, i, "the") ? i + 1 : i;
  if (!ds_tt_cls(c, j, 'S') || !c->anchored || ds_tt_word(c, j + 1, "of")) return false;
  if (j == i && (i == 0 || ds_tt_word(c, i, "fall") ||
                 !ds_tt_thas(c, TL_MONTH_CUES, i - 1)))
    return false;
  int tense = ds_tt_tense(c, i, j + 1);
  const char *sv = c->t[j].lex + 1;
  h->end = j + 1;
  snprintf(h->value, sizeof h->value, "%04d-%s", ds_tt_season_year(c, sv, tense < 0 ? -1 : tense > 0), sv);
  h->type = DS_TIME_DATE;
  return true;
}

/* the 20th century: TIMEX3 names it by its first two digits, "19". */
static bool P_century(C *c, size_t i, ds_thit *h) {
  size_t j = ds_tt_word(c, i, "the") ? i + 1 : i;
  const ds_ttok *t = ds_tt_tok(c, j);
  if (!t || t->kind != TK_NUM || !(t->flags & TF_ORD) || t->val < 1 || t->val > 21 ||
      !ds_tt_word(c, j + 1, "century"))
    return false;
  h->end = j + 2;
  snprintf(h->value, sizeof h->value, "%02d", t->val - 1);
  h->type = DS_TIME_DATE;
  return true;
}

/* A token that may open a decade (the nineties, the '80s): tested here, not in a call. */
static bool S_decade_start(const C *c, size_t i) {
  const ds_ttok *t = &c->t[i];
  return t->kind == TK_NUM ? (t->flags & TF_DECADE) && t->ndig == 2 : t->cls == 'E' || t->kind == TK_PUNCT;
}

/* S_core at a number: the patterns that may open with one, in S_core's order (the
 * others need a word first, and fail on a number without touching h). */
static bool S_core_num(C *c, size_t i, ds_thit *h, bool modified) {
  if (!modified && P_clock(c, i, h)) return true;
  if (ds_ttp_numeric(c, i, h) || ds_ttp_day_month(c, i, h) || ds_ttp_quarter(c, i, h) ||
      ds_ttp_year(c, i, h) || (S_decade_start(c, i) && ds_ttp_decade(c, i, h)))
    return true;
  return !modified && (ds_ttp_ago(c, i, h) || ds_ttp_duration(c, i, h) || P_century(c, i, h));
}

/* "the" before a plain word (no class, no starter, not in data/time_after_the.txt):
 * no pattern opens there ("the president"), and "the" is the commonest starter. */
static bool S_plain_the(const C *c, size_t i) {
  if (i + 1 >= c->n || !ds_tt_word(c, i, "the")) return false;
  const ds_ttok *n = &c->t[i + 1];
  return n->kind == TK_WORD && !n->cls && !(n->flags & TF_START) && !ds_tt_thas(c, TL_AFTER_THE, i + 1);
}

/* S_core (unmodified) at a number word (a, an, two, several: class N, a fifth of the
 * starts in news text): the patterns that may open with one, in S_core's order. The
 * others fail at their first tests there, by code alone, without touching h: they need
 * a digit, "the", "that", "year", every/each/per, last/next/this, first/last + half,
 * or a word of another class (month, weekday, unit, ordinal, season, holiday, part of
 * day, clock, set or decade word). The ones kept may also open with a word of a list in
 * data/ (time_phrases, time_span_words, time_unit_refs); P_unsaid opens with "a" ("for a
 * while"). A pattern added to S_core that may open with a number word goes here too. */
static bool S_core_count(C *c, size_t i, ds_thit *h) {
  return ds_ttp_year(c, i, h) || ds_ttp_duration_rel(c, i, h) || ds_ttp_relword(c, i, h) ||
         ds_ttp_ago(c, i, h) || ds_ttp_duration(c, i, h) || P_unsaid(c, i, h);
}

static bool S_core(C *c, size_t i, ds_thit *h, bool modified) {
  if (i < c->n && c->t[i].kind == TK_NUM) return S_core_num(c, i, h, modified);
  if (!modified && ds_tt_cls(c, i, 'N')) return S_core_count(c, i, h);
  if (S_plain_the(c, i)) return false;
  if (!modified && P_clock(c, i, h)) return true;
  if (ds_ttp_weekday_date(c, i, h) || ds_ttp_numeric(c, i, h) || ds_ttp_month_day(c, i, h) ||
      ds_ttp_day_month(c, i, h) || ds_ttp_month_year(c, i, h) || ds_ttp_month(c, i, h, modified) ||
      ds_ttp_quarter(c, i, h) || ds_ttp_year(c, i, h) || ds_ttp_weekday(c, i, h) || ds_ttp_det_unit(c, i, h) ||
      (S_decade_start(c, i) && ds_ttp_decade(c, i, h)))
    return true;
  /* late yesterday, earlier today: TimeML keeps the modifier in the span */
  if (modified)
    return P_the_year(c, i, h) || ds_ttp_anaphor(c, i, h) || (ds_tt_cls(c, i, 'R') && ds_ttp_relword(c, i, h));
  return ds_ttp_anaphor(c, i, h) || ds_ttp_period(c, i, h) || ds_ttp_report_period(c, i, h) ||
         ds_ttp_duration_rel(c, i, h) || ds_ttp_relword(c, i, h) || ds_ttp_ago(c, i, h) ||
         ds_ttp_set(c, i, h) || ds_ttp_duration(c, i, h) || ds_ttp_holiday(c, i, h) ||
         P_the_weekend(c, i, h) || P_the_week(c, i, h) || P_the_year_rel(c, i, h) ||
         P_bare_units(c, i, h) || P_unsaid(c, i, h) || P_century(c, i, h) || P_year_end(c, i, h) ||
         P_season(c, i, h);
}

/* nearly, more than, at least: the token after the approximator, or i. One lookup of
 * the first word; the rest of the phrase is compared word by word. */
static size_t S_approx(const C *c, size_t i) {
  const ds_ttok *t = &c->t[i];
  if (t->kind != TK_WORD || t->cls) return i;
  const char *v = ds_tt_tlex(c, TL_APPROX, i);
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
  /* most tokens are words no pattern starts with: one flag test, no lookups */
  if (t->kind != TK_NUM && !(t->flags & TF_START)) return false;
  if (t->kind == TK_NUM && c->tab[TL_MODIFIERS].letters) { /* no approximator, no modifier */
    h->start = i;
    return S_core(c, i, h, false);
  }
  if ((t->flags & TF_NARROW) && t->val == 'R') { /* "that", "then": frequent, and only "that year", "until then" are times */
    memset(h, 0, sizeof *h);
    h->start = i;
    return ds_ttp_anaphor(c, i, h);
  }
  size_t a = S_approx(c, i);
  if (a > i) {
    h->start = a;
    if (ds_ttp_ago(c, a, h) || ds_ttp_duration(c, a, h)) {
      h->start = i;
      return true;
    }
    memset(h, 0, sizeof *h);
  }
  if (t->flags & TF_NARROW) return false; /* KO: at least, the near future */
  size_t j = S_modifier(c, i);
  if (j > i && S_core(c, j, h, true)) {
    h->start = i;
    return true;
  }
  memset(h, 0, sizeof *h);
  h->start = i;
  return S_core(c, i, h, false); /* a pattern may move start back (in recent years) */
}
