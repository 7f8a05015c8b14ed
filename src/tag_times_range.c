/* Ranges of days that write the month once: "October 8-13", "from Oct. 8 to 13, 2023",
 * "between March 3 and 5", "8-13 October". Each end is a date of its own (a timeline
 * wants both), so the day written bare takes the month and year of the other end. */
#include <stdio.h>
#include <string.h>

#include "tag_times.h"
#include "tag_times_impl.h"

typedef ds_tctx C;

/* The words that join the two ends: a dash, to, through, until, and (between .. and). */
static bool S_joiner(const C *c, size_t i) {
  return ds_tt_punct(c, i, '-') || ds_tt_word(c, i, "to") || ds_tt_word(c, i, "through") ||
         ds_tt_word(c, i, "until") || ds_tt_word(c, i, "and");
}

/* A bare day after the joiner: not a count ("to 13 percent", "and 5 people"), so what
 * follows it is punctuation, a capitalised word or one of data/time_range_after.txt. */
static bool S_bare_day(const C *c, size_t i, int first, int *d) {
  if (!ds_tt_day(c, i, d) || *d <= first) return false;
  const ds_ttok *n = ds_tt_tok(c, i + 1);
  if (!n || n->kind == TK_PUNCT) return true;
  if (n->kind != TK_WORD) return false;
  return (n->flags & TF_CAP) || ds_tt_thas(c, TL_RANGE_AFTER, i + 1);
}

/* The value with its day replaced: "2024-10-08" -> "2024-10-13". */
static bool S_with_day(const char *v, int d, ds_thit *out) {
  int y = 0, m, d0;
  bool x = !strncmp(v, "XXXX-", 5);
  if (strlen(v) != 10 || (x ? sscanf(v + 5, "%d-%d", &m, &d0) != 2 : sscanf(v, "%d-%d-%d", &y, &m, &d0) != 3))
    return false;
  if (y && !ds_date_valid(y, m, d)) return false;
  if (!y && (d < 1 || d > 31)) return false;
  snprintf(out->value, sizeof out->value, "%.8s%02d", v, d);
  out->type = DS_TIME_DATE;
  return true;
}

/* A day-precision hit that ends on its day number. */
static bool S_ends_on_day(const C *c, const ds_thit *h, int *d) {
  return h->type == DS_TIME_DATE && strlen(h->value) == 10 && h->value[4] == '-' &&
         ds_tt_day(c, h->end - 1, d);
}

bool ds_tt_range_tail(ds_tctx *c, ds_thit *h, ds_thit *tail) {
  int d1, d2, y;
  size_t j = h->end;
  if (!S_ends_on_day(c, h, &d1) || !S_joiner(c, j) || !S_bare_day(c, j + 1, d1, &d2)) return false;
  memset(tail, 0, sizeof *tail);
  tail->start = j + 1;
  tail->end = j + 2;
  size_t k = ds_tt_punct(c, j + 2, ',') ? j + 3 : j + 2;
  if (ds_tt_year(c, k, &y)) { /* Oct. 8-13, 2023: the year belongs to both ends */
    char v[DS_TIME_VALUE_MAX];
    snprintf(v, sizeof v, "%04d%s", y, h->value + 4);
    if (!S_with_day(v, d1, h)) return false;
    tail->end = k + 1;
  }
  return S_with_day(h->value, d2, tail);
}

bool ds_tt_range_head(ds_tctx *c, size_t i, ds_thit *h) {
  int d1, d2;
  ds_thit second;
  if (!ds_tt_day(c, i, &d1) || !S_joiner(c, i + 1) || !ds_tt_day(c, i + 2, &d2) || d2 <= d1)
    return false;
  memset(&second, 0, sizeof second);
  second.start = i + 2;
  if (!ds_ttp_day_month(c, i + 2, &second)) return false;
  memset(h, 0, sizeof *h);
  h->start = i;
  h->end = i + 1;
  return S_with_day(second.value, d1, h);
}
