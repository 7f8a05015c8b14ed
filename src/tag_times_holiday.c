/* Named days: Christmas, New Year's Day, Thanksgiving, Election Day, Easter, Easter week.
 * The phrases and the rule that places each in a year are in data/time_holidays.txt;
 * the year is chosen as for "October 23" (the clause's tense, or the nearest), and
 * "last Christmas" / "next Easter" look strictly to that side of the anchor. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tag_times.h"
#include "tag_times_impl.h"

typedef ds_tctx C;

/* Longest phrase tried, in tokens: "New Year ' s Eve" is five. */
#define S_HOLIDAY_TOKENS 6
/* Longest phrase key, in bytes: room for the longest line of the list. */
#define S_HOLIDAY_KEY 40

/* Easter Sunday of year y: the anonymous Gregorian computus (Meeus/Jones/Butcher). */
static ds_date S_easter(int y) {
  int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
  int g = (8 * b + 13) / 25, h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 19 * l) / 433;
  int month = (h + l - 7 * m + 90) / 25;
  return (ds_date){y, month, (h + l - 7 * m + 33 * month + 19) % 32};
}

/* The n-th weekday w (1 = Monday) of month m in year y; n = 5: the last one. */
static ds_date S_nth_weekday(int y, int m, int w, int n) {
  int first = ds_date_weekday((ds_date){y, m, 1}) + 1;
  int d = 1 + (w - first + 7) % 7 + 7 * (n - 1);
  while (d > ds_days_in_month(y, m)) d -= 7;
  return (ds_date){y, m, d};
}

/* The day rule (a value of data/time_holidays.txt) gives in year y. */
static ds_date S_rule_day(const char *rule, int y) {
  ds_date d;
  const char *off = NULL;
  if (rule[0] == 'E') {
    d = S_easter(y);
    off = rule + 1;
  } else if (rule[2] == '/') {
    d = S_nth_weekday(y, atoi(rule), atoi(rule + 3), atoi(rule + 5));
    off = strchr(rule, '+');
  } else {
    return (ds_date){y, atoi(rule), atoi(rule + 3)};
  }
  if (off && (*off == '+' || *off == '-')) d = ds_days_to_date(ds_date_to_days(d) + atoi(off));
  return d;
}

/* Appends token k's text to key (one space where the text has white space): the
 * phrase as data/time_holidays.txt spells it. False when it does not fit. */
static bool S_key_add(const C *c, size_t k, char *key, size_t *len) {
  const ds_ttok *t = &c->t[k];
  size_t l = t->kind == TK_PUNCT ? 1 : t->end - t->start;
  bool space = *len && (t->flags & TF_SPACE);
  if (*len + space + l >= S_HOLIDAY_KEY) return false;
  if (space) key[(*len)++] = ' ';
  if (t->kind == TK_PUNCT) { /* a curly apostrophe too */
    key[(*len)++] = (char)t->val;
  } else {
    memcpy(key + *len, c->text + t->start, l);
    *len += l;
  }
  return true;
}

/* The longest listed phrase opening at token i: its rule and its end token. */
static const char *S_longest(const C *c, size_t i, size_t *end) {
  char key[S_HOLIDAY_KEY];
  size_t len = 0;
  const char *rule = NULL;
  for (size_t k = i; k < c->n && k < i + S_HOLIDAY_TOKENS; k++) {
    const ds_ttok *t = &c->t[k];
    if (!(t->kind == TK_WORD || ds_tt_punct(c, k, '\'')) || !S_key_add(c, k, key, &len)) break;
    const char *v = ds_tt_lex(c, TL_HOLIDAYS, key, len);
    if (v) rule = v, *end = k + 1;
  }
  return rule;
}

/* The name's first word is capitalised (the last words need not be: Easter week). */
bool ds_ttp_holiday(C *c, size_t i, ds_thit *h) {
  if (!ds_tt_cls(c, i, 'H') || !(c->t[i].flags & TF_CAP) || !c->anchored) return false;
  size_t end;
  const char *rule = S_longest(c, i, &end);
  /* Easter Island, Christmas Island: a longer name, no day (data/time_holiday_names.txt);
   * any other capitalised word after it is the sentence going on (on Christmas Eve
   * President ...) */
  if (!rule || (end < c->n && c->t[end].kind == TK_WORD && (c->t[end].flags & TF_CAP) &&
                ds_lexicon_has("time_holiday_names", c->text + c->t[end].start, ds_tt_len(c, end))))
    return false;
  int tense = ds_tt_tense(c, i, end), dir;
  if (i > 0 && ds_tt_det(c, i - 1, &dir) && dir) { /* last Christmas: strictly before */
    tense = 2 * dir;
    h->start = i - 1;
  }
  /* the year as for the anchor year's date written out ("December 25") */
  ds_date d = S_rule_day(rule, c->anchor.y);
  int y = ds_tt_month_day(c, d.m, d.d, tense).y;
  if (y != d.y) d = S_rule_day(rule, y);
  h->end = end;
  if (!strcmp(rule, "EW"))
    ds_tt_fmt_week(h, d);
  else
    ds_tt_fmt_day(h, d);
  h->type = DS_TIME_DATE;
  return true;
}
