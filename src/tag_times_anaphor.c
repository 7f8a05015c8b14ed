/* Dates that point back at the last one the text wrote: "that year", "later that day",
 * "the following month". A narrative moves its own clock ("In June 1998 he left;
 * the following year he returned"), so these resolve against that date, not the
 * publication date. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tag_times.h"
#include "tag_times_impl.h"

typedef ds_tctx C;

void ds_tt_note_ref(ds_tctx *c, const ds_thit *h) {
  const char *v = h->value;
  int y, m, d;
  if (h->type != DS_TIME_DATE && h->type != DS_TIME_TIME) return;
  if (ds_time_value_date(v, &y, &m, &d)) {
    c->ref = (ds_date){y, m, d ? d : 1};
    c->ref_prec = d ? 'D' : 'M';
  } else if (strlen(v) == 4 && v[0] >= '0' && v[0] <= '9' && v[3] >= '0' && v[3] <= '9') {
    c->ref = (ds_date){atoi(v), 1, 1};
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

bool ds_ttp_anaphor(ds_tctx *c, size_t i, ds_thit *h) {
  char u;
  size_t j;
  int n;
  if (ds_tt_word(c, i, "that")) {
    j = ds_tt_word(c, i + 1, "same") ? i + 2 : i + 1;
    n = 0;
  } else if (ds_tt_word(c, i, "the") && ds_tt_word(c, i + 1, "following")) {
    j = i + 2;
    n = 1;
  } else {
    return false;
  }
  if (!ds_tt_unit(c, j, &u) || ds_tt_unit_plural(c, j) || (u != 'D' && u != 'M' && u != 'Y'))
    return false;
  h->end = j + 1;
  return S_shift(c, u, n, h);
}
