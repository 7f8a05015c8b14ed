/* Dates that point back at the last one the text wrote: "that year", "later that day",
 * "the following month", "the next morning", "that quarter", "until then". A narrative moves its own
 * clock ("In June 1998 he left; the following year he returned"), so these resolve
 * against that date, not the publication date. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tag_times.h"
#include "tag_times_impl.h"

typedef ds_tctx C;

void ds_tt_note_ref(ds_tctx *c, const ds_thit *h) {
  const char *v = h->value;
  int y, m, d;
  size_t l = strlen(v);
  if (h->type == DS_TIME_DURATION && l > 2 && v[l - 1] == 'M' && v[1] != 'T' && v[1] != 'X')
    c->months_since_quarter = true;
  if (h->type != DS_TIME_DATE && h->type != DS_TIME_TIME) return;
  if (l == 7 && v[4] == '-' && v[5] == 'Q') c->ref_qy = ds_tt_atoi(v), c->ref_q = v[6] - '0';
  if (ds_time_value_date(v, &y, &m, &d)) {
    c->ref = (ds_date){y, m, d ? d : 1};
    c->ref_prec = d ? 'D' : 'M';
  } else if (strlen(v) == 4 && v[0] >= '0' && v[0] <= '9' && v[3] >= '0' && v[3] <= '9') {
    c->ref = (ds_date){ds_tt_atoi(v), 1, 1};
    c->ref_prec = 'Y';
  }
}

/* The reference moved by n units of u (D, M or Y), written at that unit's precision. */
static bool S_shift(const C *c, char u, int n, ds_thit *h) {
  ds_date r = c->ref;
  if (!c->ref_prec || (u == 'D' && c->ref_prec != 'D') || (u == 'M' && c->ref_prec == 'Y'))
    return false;
  if (u == 'D') {
    ds_tt_fmt_day(h, ds_days_to_date(ds_date_to_days(r) + n));
  } else if (u == 'M') {
    int k = r.y * 12 + r.m - 1 + n;
    ds_tt_fmt_month(h, k / 12, k % 12 + 1);
  } else {
    ds_tt_fmt_year(h, r.y + n);
  }
  h->type = DS_TIME_DATE;
  return true;
}

/* "in the morning", "during the night" of a narrative: that part of the day the text
 * last named (he left on Friday ... in the morning), else of the anchor's; "4 in the
 * morning" is a clock time that day. Token i is "the". */
static bool S_part_of_ref_day(const C *c, size_t i, ds_thit *h) {
  if (!c->anchored) return false;
  ds_tt_fmt_day(h, c->ref_prec == 'D' ? c->ref : c->anchor);
  const ds_ttok *n = i >= 2 && ds_tt_word(c, i - 1, "in") ? &c->t[i - 2] : NULL;
  if (n && ds_tt_plain_num(c, i - 2) && n->ndig <= 2 && n->val >= 1 && n->val <= 12) {
    int hh = n->val % 12 + (ds_tt_word(c, i + 1, "morning") ? 0 : 12);
    size_t l = strlen(h->value);
    snprintf(h->value + l, sizeof h->value - l, "T%02d:00", hh);
    h->type = DS_TIME_TIME;
    h->start = i - 2;
    h->end = i + 2;
    return true;
  }
  h->end = ds_tt_part_of_day(c, i + 1, h);
  return true;
}

/* "mid-afternoon yesterday", "by late morning": a part of a day after early, mid or late
 * (the modifier stays in the span, tag_times_match.c) is of the day that follows it
 * (yesterday), else of the day the text last named, else of the anchor's. Token i is
 * the part of day. */
static bool S_modified_part(const C *c, size_t i, ds_thit *h) {
  size_t m = i > 0 && ds_tt_punct(c, i - 1, '-') ? i - 2 : i - 1;
  if (!c->anchored || i == 0 || m >= i ||
      !(ds_tt_word(c, m, "mid") || ds_tt_word(c, m, "early") || ds_tt_word(c, m, "late")))
    return false;
  ds_date day = c->ref_prec == 'D' ? c->ref : c->anchor;
  size_t k = i + 1;
  if (ds_tt_cls(c, k, 'R') && !ds_tt_word(c, k, "tonight")) {
    day = ds_days_to_date(ds_date_to_days(c->anchor) + c->t[k].val);
    k++;
  }
  ds_tt_fmt_day(h, day);
  ds_tt_part_of_day(c, i, h);
  h->end = k;
  return true;
}

/* "It's the second day of the strike", "today is the eighth day of the siege": a count
 * of days that the present tense puts at the anchor. Token i is "the". */
static bool S_nth_day_today(const C *c, size_t i) {
  if (!c->anchored || i == 0 || !ds_tt_word(c, i, "the") || !ds_tt_cls(c, i + 1, 'O') ||
      !ds_tt_word(c, i + 2, "day") || !ds_tt_word(c, i + 3, "of"))
    return false;
  return ds_tt_word(c, i - 1, "is") ||
         (i >= 2 && ds_tt_word(c, i - 1, "s") && ds_tt_punct(c, i - 2, '\'') && ds_tt_tight(c, i - 1));
}

/* "until then", "by then": the date the text last wrote, at the precision it was
 * written ("It closes on Nov. 3. Until then ..."); TimeML tags "then" alone. Not "since
 * then", which TimeML leaves untagged, nor a bare "then" (and then, back then). */
static bool S_until_then(const C *c, size_t i, ds_thit *h) {
  if (i == 0 || !c->ref_prec ||
      !(ds_tt_word(c, i - 1, "until") || ds_tt_word(c, i - 1, "till") || ds_tt_word(c, i - 1, "by")))
    return false;
  h->end = i + 1;
  return S_shift(c, c->ref_prec, 0, h);
}

bool ds_ttp_anaphor(ds_tctx *c, size_t i, ds_thit *h) {
  char u;
  size_t j;
  int n;
  if (ds_tt_word(c, i, "then")) return S_until_then(c, i, h);
  if (ds_tt_cls(c, i, 'T') && S_modified_part(c, i, h)) return true;
  if (ds_tt_word(c, i, "that")) {
    j = ds_tt_word(c, i + 1, "same") ? i + 2 : i + 1;
    n = 0;
  } else if (ds_tt_word(c, i, "the") && ds_tt_word(c, i + 1, "following")) {
    j = i + 2;
    n = 1;
  } else if (ds_tt_word(c, i, "the") && ds_tt_word(c, i + 1, "next") && c->ref_prec == 'D' &&
             (ds_tt_word(c, i + 2, "day") || ds_tt_cls(c, i + 2, 'T'))) {
    h->end = i + 3; /* the next day, the next morning: after the day last named (a longer
                     * unit, "the next year", is as often counted from the anchor) */
    return S_shift(c, 'D', 1, h);
  } else if (S_nth_day_today(c, i)) {
    h->end = i + 3; /* today is the eighth day of the strike */
    ds_tt_fmt_day(h, c->anchor);
    h->type = DS_TIME_DATE;
    return true;
  } else if (ds_tt_word(c, i, "the") && ds_tt_cls(c, i + 1, 'T') && i > 0 &&
             (ds_tt_word(c, i - 1, "in") || ds_tt_word(c, i - 1, "during"))) {
    return S_part_of_ref_day(c, i, h);
  } else {
    return false;
  }
  if (!ds_tt_unit(c, j, &u) || ds_tt_unit_plural(c, j)) return false;
  h->end = j + 1;
  if (u == 'Q' && !n && c->ref_qy) { /* that quarter: the one last named */
    snprintf(h->value, sizeof h->value, "%04d-Q%d", c->ref_qy, c->ref_q);
    h->type = DS_TIME_DATE;
    return true;
  }
  if (u != 'D' && u != 'M' && u != 'Y') return false;
  return S_shift(c, u, n, h);
}
