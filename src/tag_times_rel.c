/* Patterns resolved against the anchor: yesterday, on Friday, last week, the third
 * quarter, the past two years, two days ago, every week, 32 months. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tag_times.h"
#include "tag_times_impl.h"
#include "util/lexicon.h"

typedef ds_tctx C;

static bool S_era_noun(const C *c, size_t k) {
  return k < c->n && c->t[k].kind == TK_WORD &&
         ds_lexicon_has("time_generic_era", c->text + c->t[k].start, ds_tt_len(c, k));
}

/* "today's youth", "many of today's computers", "the leaders of tomorrow": the era, not
 * the day (data/time_generic_era.txt). Rare, so the list is looked up by name. */
static bool S_era(const C *c, size_t i) {
  if (i >= 2 && ds_tt_word(c, i - 1, "of") && S_era_noun(c, i - 2)) return true;
  if (!ds_tt_punct(c, i + 1, '\'') || !ds_tt_word(c, i + 2, "s") || !ds_tt_tight(c, i + 1)) return false;
  size_t k = i + 3;
  if (k < c->n && c->t[k].kind == TK_WORD && !c->t[k].cls && k + 1 < c->n && c->t[k + 1].kind == TK_WORD &&
      !S_era_noun(c, k))
    k++; /* today's personal computers */
  return S_era_noun(c, k);
}

/* Whether TL_PHRASES may hold a phrase of l bytes that opens with the word a: the
 * table's filter (its cell is the key's first two bytes), read from a's packed key
 * before the phrase is copied and packed. True when the filter cannot tell. */
static bool S_phrase_may(const C *c, const ds_ttok *a, size_t l) {
  if (l > DS_TT_KEY_MAX || !a->key[0]) return true; /* a lexicon lookup, or no key */
  uint64_t k0 = a->end - a->start >= 2 ? a->key[0] : (a->key[0] & 0xff) | (uint64_t)' ' << 8;
  return c->tab[TL_PHRASES].lens[ds_tt_cell(k0)] & ds_tt_len_bit(l);
}

/* "its current chairman", "the current slump": TimeML marks "current" before a noun as
 * the present (PRESENT_REF), and "the then current price" as a past (PAST_REF). Not the
 * noun ("the current is strong", "a current of anger"), not before a unit (the patterns
 * for "the current quarter" come first), not the terms of data/time_current_terms.txt
 * (current account, current assets), which name no time. Rare, so looked up by name. */
static bool S_current(const C *c, size_t i, ds_thit *h) {
  const ds_ttok *n = ds_tt_tok(c, i + 1);
  if (!ds_tt_word(c, i, "current") || !n || n->kind != TK_WORD || n->cls == 'U' ||
      ds_tt_word(c, i + 1, "fiscal") || ds_tt_word(c, i + 1, "of") ||
      ds_tt_thas(c, TL_TENSE, i + 1) ||
      ds_lexicon_has("time_current_terms", c->text + n->start, n->end - n->start))
    return false;
  size_t t = i; /* "then current", "then-current" */
  if (t > 0 && ds_tt_punct(c, t - 1, '-') && ds_tt_tight(c, t)) t--;
  bool then = t > 0 && ds_tt_word(c, t - 1, "then");
  if (then) h->start = t - 1;
  h->end = i + 1;
  ds_tt_fmt_ref(h, then ? "PAST_REF" : "PRESENT_REF");
  return true;
}

/* Token k is a word of data/time_soon_cues.txt (will, may, to). Rare: looked up by name. */
static bool S_soon_cue(const C *c, size_t k) {
  return k < c->n && c->t[k].kind == TK_WORD &&
         ds_lexicon_has("time_soon_cues", c->text + c->t[k].start, ds_tt_len(c, k));
}

/* "will soon begin", "may soon seek", "soon will rise": "soon" beside the auxiliary that
 * puts its clause ahead is a time ahead (FUTURE_REF). Elsewhere it is as often part of
 * a past narrative ("was soon released") or of a clause the gold leaves untagged; "too
 * soon to say" is a judgement, not a time. */
static bool S_soon(const C *c, size_t i, ds_thit *h) {
  if (!ds_tt_word(c, i, "soon") || !((i > 0 && S_soon_cue(c, i - 1)) || S_soon_cue(c, i + 1)) ||
      (i > 0 && ds_tt_word(c, i - 1, "too"))) /* too soon to say: no time */
    return false;
  h->end = i + 1;
  ds_tt_fmt_ref(h, "FUTURE_REF");
  return true;
}

/* yesterday, today, tomorrow, tonight [morning]; now, recently, soon; current. */
bool ds_ttp_relword(C *c, size_t i, ds_thit *h) {
  if (S_current(c, i, h) || S_soon(c, i, h)) return true;
  if (ds_tt_cls(c, i, 'P')) {
    h->end = i + 1;
    ds_tt_fmt_ref(h, c->t[i].lex + 1);
    return true;
  }
  /* "the future of the pier" is its fate, not a time */
  if (ds_tt_word(c, i, "the") && (ds_tt_word(c, i + 1, "past") || ds_tt_word(c, i + 1, "future")) &&
      !ds_tt_word(c, i + 2, "of")) {
    h->end = i + 2;
    ds_tt_fmt_ref(h, ds_tt_word(c, i + 1, "past") ? "PAST_REF" : "FUTURE_REF");
    return true;
  }
  /* the near future, the short term, these days, a later date */
  char art = ds_tt_word(c, i, "the") ? 'T' : ds_tt_word(c, i, "a") ? 'A' : '-';
  size_t j = art != '-' ? i + 1 : i;
  const ds_ttok *a = ds_tt_tok(c, j), *b = ds_tt_tok(c, j + 1);
  if (a && b && a->kind == TK_WORD && b->kind == TK_WORD) {
    char key[64]; /* "near future": the two words with one space, whatever the text has */
    size_t la = a->end - a->start, lb = b->end - b->start, l = la + 1 + lb;
    const char *v = NULL;
    if (l < sizeof key && S_phrase_may(c, a, l)) {
      memcpy(key, c->text + a->start, la);
      key[la] = ' ';
      memcpy(key + la + 1, c->text + b->start, lb);
      v = ds_tt_lex(c, TL_PHRASES, key, l);
    }
    /* "at a later date than the others": a comparison, not a time ahead */
    if (v && v[0] == art && !ds_tt_word(c, j + 2, "than")) {
      h->end = j + 2;
      ds_tt_fmt_ref(h, v + 1);
      if (v[1] == 'P' && v[2] == 'X') h->type = DS_TIME_DURATION; /* the weeks ahead */
      return true;
    }
  }
  if (!ds_tt_cls(c, i, 'R')) return false;
  /* USA Today, VOA Today: a capitalised "Today" after a capitalised word (not a time
   * word) ends a name */
  const ds_ttok *p = i > 0 ? &c->t[i - 1] : NULL;
  if ((c->t[i].flags & TF_CAP) && p && p->kind == TK_WORD && (p->flags & TF_CAP) && !p->cls) return false;
  if (S_era(c, i)) return false;
  h->end = i + 1;
  if (ds_tt_unanchored(c, h)) return true;
  int off = c->t[i].val;
  ds_tt_fmt_day(h, ds_days_to_date(ds_date_to_days(c->anchor) + off));
  h->type = DS_TIME_DATE;
  if (ds_tt_word(c, i, "tonight")) {
    strcat(h->value, "TNI");
    h->type = DS_TIME_TIME;
  } else {
    h->end = ds_tt_part_of_day(c, i + 1, h);
  }
  return true;
}

/* "from Sept. 14 to Thursday": a weekday that ends a range begun on a past date (the
 * day just written) is the last one gone, when that lies after the start. Token i is
 * the weekday wd. */
static bool S_range_from_past(const C *c, size_t i, int wd) {
  if (i < 2 || c->ref_prec != 'D' || !(ds_tt_word(c, i - 1, "to") || ds_tt_word(c, i - 1, "through")) ||
      !ds_tt_plain_num(c, i - 2))
    return false;
  long r = ds_date_to_days(c->ref);
  return r < ds_date_to_days(c->anchor) && ds_date_to_days(ds_tt_weekday(c, wd, -1, false)) > r;
}

/* "postponed until Tuesday", "put off to Monday" (data/time_postpone.txt): the new day
 * lies ahead. Token i is the weekday; rare, so the list is looked up by name. */
static bool S_postponed_to(const C *c, size_t i) {
  if (i < 2 || !(ds_tt_word(c, i - 1, "until") || ds_tt_word(c, i - 1, "to") || ds_tt_word(c, i - 1, "till")))
    return false;
  const ds_ttok *v = &c->t[i - 2];
  return v->kind == TK_WORD && ds_lexicon_has("time_postpone", c->text + v->start, v->end - v->start);
}

/* Friday, Tuesday night: the clause's tense says which side of the anchor. */
/* A weekday inside a name: "the Sunday Times", "the Good Friday Agreement" name a paper
 * and a treaty, not a day. The weekday (tokens i to j) sits between a capitalised word
 * of no time class and "the" or a capitalised word inside the sentence; "On Friday
 * Ukrainian forces" (a capital after a sentence's first word) and "Sunday Mass" (no
 * capital before) stay days. */
static bool S_weekday_in_name(const C *c, size_t i, size_t j) {
  if (i == 0 || j >= c->n || c->t[j].kind != TK_WORD || !(c->t[j].flags & TF_CAP) || c->t[j].cls)
    return false;
  if (ds_tt_word(c, i - 1, "the")) return true;
  return i >= 2 && c->t[i - 1].kind == TK_WORD && (c->t[i - 1].flags & TF_CAP) &&
         c->t[i - 2].kind == TK_WORD;
}

bool ds_ttp_weekday(C *c, size_t i, ds_thit *h) {
  int wd;
  size_t j;
  if (!ds_tt_wday(c, i, &wd, &j) || S_weekday_in_name(c, i, j)) return false;
  h->end = j;
  h->type = DS_TIME_DATE;
  if (!c->anchored) {
    snprintf(h->value, sizeof h->value, "XXXX-WXX-%d", wd);
    return true;
  }
  /* Friday's vote: news names by its weekday an event already reported */
  bool poss = ds_tt_punct(c, j, '\'') && ds_tt_word(c, j + 1, "s") && ds_tt_tight(c, j);
  int tense = poss || S_range_from_past(c, i, wd) ? -1 : S_postponed_to(c, i) ? 1 : ds_tt_tense(c, i, j);
  ds_tt_fmt_day(h, ds_tt_weekday(c, wd, tense, false));
  /* Friday night, Friday morning: the day; the part stays in the span (TimeBank writes
   * night and morning either way, with or without the TNI, about as often, and the
   * timeline wants the day). An evening is named as one: Friday evening is a TIME. */
  if (ds_tt_cls(c, j, 'T'))
    h->end = !strcmp(c->t[j].lex + 1, "EV") ? ds_tt_part_of_day(c, j, h) : j + 1;
  return true;
}

/* The weekday wd (1 = Monday) strictly before the date r. */
static ds_date S_weekday_before(ds_date r, int wd) {
  int back = (ds_date_weekday(r) + 1 - wd + 7) % 7;
  return ds_days_to_date(ds_date_to_days(r) - (back ? back : 7));
}

/* Token i is a word of data/time_compare_cues.txt of the kind (B or N). */
static bool S_compare_cue(const C *c, size_t i, char kind) {
  if (i >= c->n || c->t[i].kind != TK_WORD) return false;
  const char *v = ds_tt_tlex(c, TL_COMPARE_CUES, i);
  return v && v[0] == kind;
}

/* A quarterly report compares the quarter with the same one a year before: "compared
 * with $3 million last year", "the corresponding period last year", "last year's
 * quarter" name that quarter, while no longer span has been named since it. "last
 * year" is token i, "year" token k. */
static bool S_year_ago_quarter(C *c, size_t i, size_t k, ds_thit *h) {
  if (!c->last_quarter_y || c->months_since_quarter) return false;
  bool cue = (i > 0 && S_compare_cue(c, i - 1, 'N')) ||
             (ds_tt_punct(c, k + 1, '\'') && ds_tt_word(c, k + 2, "s") && S_compare_cue(c, k + 3, 'N'));
  for (size_t b = 1; !cue && b <= DS_TIME_TENSE_WINDOW && b <= i; b++) {
    if (ds_tt_punct(c, i - b, '.') || ds_tt_punct(c, i - b, ';')) break;
    cue = S_compare_cue(c, i - b, 'B');
  }
  if (!cue) return false;
  snprintf(h->value, sizeof h->value, "%04d-Q%d", c->last_quarter_y - 1, c->last_quarter_q);
  h->type = DS_TIME_DATE;
  return true;
}

/* last week, this spring, next Friday, last Oct. 23, this past week, this morning; "the
 * previous Friday" is the one before the day the text last named. */
/* "This quarter's loss includes ...": in a report that has named the quarter it covers,
 * the quarter's results are that quarter's, not those of the calendar quarter the
 * report appears in (which "in the current quarter" still is). Token k is "quarter". */
static bool S_this_quarters(const C *c, size_t i, size_t k, ds_thit *h) {
  if (!ds_tt_word(c, i, "this") || !c->last_quarter_q || !ds_tt_punct(c, k + 1, '\'') ||
      !ds_tt_word(c, k + 2, "s") || !ds_tt_tight(c, k + 1) || !ds_tt_tight(c, k + 2))
    return false;
  snprintf(h->value, sizeof h->value, "%04d-Q%d", c->last_quarter_y, c->last_quarter_q);
  h->type = DS_TIME_DATE;
  return true;
}

bool ds_ttp_det_unit(C *c, size_t i, ds_thit *h) {
  int dir, wd, m;
  size_t j;
  if (!ds_tt_det(c, i, &dir)) return false;
  size_t k = i + 1; /* the unit, weekday or month */
  if (dir == 0 && ds_tt_word(c, k, "past")) dir = -1, k++; /* this past spring */
  h->end = k + 1;
  char u;
  bool unit = ds_tt_unit(c, k, &u);
  /* "This Week", "Next Year": a capitalised unit names a programme or a title */
  if (unit && (c->t[k].flags & TF_CAP)) return false;
  if (unit && !ds_tt_unit_plural(c, k)) {
    if (ds_tt_unanchored(c, h)) return true;
    if (u == 'Y' && dir < 0 && S_year_ago_quarter(c, i, k, h)) return true;
    if (u == 'Q' && S_this_quarters(c, i, k, h)) return true;
    return ds_tt_det_calendar(c, h, u, dir);
  }
  if (ds_tt_cls(c, k, 'S')) {
    if (ds_tt_unanchored(c, h)) return true;
    const char *s = c->t[k].lex + 1;
    snprintf(h->value, sizeof h->value, "%04d-%s", ds_tt_season_year(c, s, dir), s);
    h->type = DS_TIME_DATE;
    return true;
  }
  if (ds_tt_wday(c, k, &wd, &j)) {
    h->end = j;
    if (ds_tt_unanchored(c, h)) return true;
    int tense = dir ? dir : ds_tt_tense(c, i, j);
    ds_tt_fmt_day(h, ds_tt_word(c, i, "previous") && c->ref_prec == 'D'
                         ? S_weekday_before(c->ref, wd)
                         : ds_tt_weekday(c, wd, tense, dir != 0));
    h->type = DS_TIME_DATE;
    h->end = ds_tt_part_of_day(c, j, h);
    return true;
  }
  int d;
  if (ds_tt_month(c, k, &m, &j) && ds_tt_day(c, j, &d) && c->anchored) {
    h->end = j + 1; /* last Oct. 23 */
    ds_tt_fmt_day(h, ds_tt_month_day(c, m, d, dir ? dir * 2 : ds_tt_tense(c, i, j + 1)));
    h->type = DS_TIME_DATE;
    return true;
  }
  if (ds_tt_month(c, k, &m, &j)) {
    h->end = j;
    if (ds_tt_unanchored(c, h)) return true;
    /* the month just gone or coming is "last month", "next month": "last February" in
     * March is a year back, "last January" in October this year's */
    int y = c->anchor.y;
    if (dir < 0 && m >= c->anchor.m - 1) y--;
    if (dir > 0 && m <= c->anchor.m + 1) y++;
    ds_tt_fmt_month(h, y, m);
    return true;
  }
  if (ds_tt_cls(c, k, 'T') && dir <= 0 && !ds_tt_word(c, i, "current")) {
    if (ds_tt_unanchored(c, h)) return true;
    bool night = ds_tt_word(c, k, "night") && dir < 0; /* last night */
    ds_tt_fmt_day(h, ds_days_to_date(ds_date_to_days(c->anchor) - (night ? 1 : 0)));
    return ds_tt_part_of_day(c, k, h) > k;
  }
  return false;
}

/* A quarter still running by the calendar that a past clause reports on ("earned $5
 * million in its fourth quarter" in November) is a fiscal one already ended: "a year
 * earlier" then compares it. */
static void S_reported_quarter(C *c, size_t a, size_t b, int y, int q) {
  if (!c->anchored || ds_tt_tense(c, a, b) >= 0) return;
  c->last_quarter_y = y;
  c->last_quarter_q = q;
  c->months_since_quarter = false;
}

/* the third quarter [of 1990], third-quarter, the fiscal first quarter, 1990 second quarter. */
/* A quarter ordinal at token i (first, 3rd), in 1..4, into *q. */
static bool S_quarter_ord(const C *c, size_t i, int *q) {
  if (ds_tt_cls(c, i, 'O')) *q = c->t[i].val;
  else if (ds_tt_tok(c, i) && c->t[i].kind == TK_NUM && (c->t[i].flags & TF_ORD)) *q = c->t[i].val;
  else return false;
  return *q >= 1 && *q <= 4;
}

/* A word of data/time_habit_cues.txt (usually, typically) earlier in token i's sentence,
 * within the tense window: the clause tells a habit, not one occasion. */
static bool S_habit_before(const C *c, size_t i) {
  for (size_t b = 1; b <= DS_TIME_TENSE_WINDOW && b <= i; b++) {
    const ds_ttok *t = &c->t[i - b];
    if (ds_tt_punct(c, i - b, '.') || ds_tt_punct(c, i - b, ';')) return false;
    if (t->kind == TK_WORD &&
        ds_lexicon_value("time_habit_cues", c->text + t->start, ds_tt_len(c, i - b)))
      return true;
  }
  return false;
}

/* "business usually peaks in the second and fourth quarters": in a habit the plural
 * names those quarters of any year (XXXX-Q2 and XXXX-Q4), one expression per ordinal
 * as TimeML splits them; not with a year after ("quarters of 2025"). Token j is the
 * ordinal q, the first of the pair or the second. */
static bool S_paired_quarters(const C *c, size_t j, int q, ds_thit *h) {
  int q2, y;
  size_t end;
  if ((ds_tt_word(c, j + 1, "and") || ds_tt_word(c, j + 1, "or")) && S_quarter_ord(c, j + 2, &q2) &&
      ds_tt_word(c, j + 3, "quarters"))
    end = j + 1; /* "second" of "second and fourth quarters" */
  else if (j >= 2 && (ds_tt_word(c, j - 1, "and") || ds_tt_word(c, j - 1, "or")) &&
           S_quarter_ord(c, j - 2, &q2) && ds_tt_word(c, j + 1, "quarters"))
    end = j + 2;
  else
    return false;
  size_t after = end == j + 1 ? j + 4 : j + 2;
  if (ds_tt_year(c, ds_tt_word(c, after, "of") ? after + 1 : after, &y) || !S_habit_before(c, j))
    return false;
  h->start = j, h->end = end;
  snprintf(h->value, sizeof h->value, "XXXX-Q%d", q);
  h->type = DS_TIME_DATE;
  return true;
}

bool ds_ttp_quarter(C *c, size_t i, ds_thit *h) {
  size_t j = ds_tt_word(c, i, "the") ? i + 1 : i;
  int y = 0, yy, dir;
  if (ds_tt_year(c, j, &yy)) {
    y = yy, j++;
  } else if (ds_tt_det(c, j, &dir) && c->anchored && ds_tt_word(c, j + 1, "year") &&
             ds_tt_punct(c, j + 2, '\'') && ds_tt_word(c, j + 3, "s")) {
    y = c->anchor.y + dir; /* next year's first quarter */
    j += 4;
  }
  if (ds_tt_word(c, j, "fiscal")) j++;
  int q;
  if (!S_quarter_ord(c, j, &q)) return false;
  if (S_paired_quarters(c, j, q, h)) return true;
  size_t k = ds_tt_punct(c, j + 1, '-') ? j + 2 : j + 1;
  if (ds_tt_word(c, k, "fiscal")) k++;
  if (!ds_tt_word(c, k, "quarter")) return false;
  h->end = k + 1;
  if (k == j + 2 && j == i + 1 && ds_tt_word(c, i, "the")) h->start = j; /* the third-quarter loss */
  size_t l = ds_tt_word(c, k + 1, "of") || ds_tt_punct(c, k + 1, ',') ? k + 2 : k + 1;
  if (!y && ds_tt_year(c, l, &yy)) y = yy, h->end = l + 1;
  if (!y && !c->anchored) return ds_tt_unanchored(c, h);
  if (!y) {
    /* the quarter just ended is this year's whatever the tense (results are reported
     * after it); others follow the tense */
    int cur = (c->anchor.m - 1) / 3 + 1, tense = ds_tt_tense(c, i, h->end);
    y = c->anchor.y;
    if (q == 4 && cur == 1) y--;
    else if (q > cur && tense < 0) y--;
    else if (q < cur - 1 && tense > 0) y++;
  }
  ds_tt_fmt_quarter(c, h, y, q);
  if (c->last_quarter_q != q || c->last_quarter_y != y) S_reported_quarter(c, i, h->end, y, q);
  return true;
}

/* "the quarter ended July 31": a fiscal quarter named by its last day is the calendar
 * quarter that holds most of its three months, the one of its middle month (May to
 * July: the second). Only before the text names a quarter: after "its fiscal first
 * quarter", the quarter keeps that label. Token i follows "quarter". */
static bool S_quarter_ended(C *c, size_t i, ds_thit *h) {
  size_t j = ds_tt_word(c, i, "that") ? i + 1 : i;
  int m, d, y;
  size_t k;
  if (!(ds_tt_word(c, j, "ended") || ds_tt_word(c, j, "ending")) || !ds_tt_month(c, j + 1, &m, &k) ||
      !ds_tt_day(c, k, &d))
    return false;
  size_t l = ds_tt_punct(c, k + 1, ',') ? k + 2 : k + 1;
  if (!ds_tt_year(c, l, &y)) y = ds_tt_month_day(c, m, d, -1).y; /* results come after it */
  int mid = m - 1 - (d < 15); /* a quarter ended Aug. 2 is May to July */
  if (mid < 1) mid += 12, y--;
  ds_tt_fmt_quarter(c, h, y, (mid - 1) / 3 + 1);
  return true;
}

/* The quarter a report is about: the latest, the year-earlier quarter. */
bool ds_ttp_report_period(C *c, size_t i, ds_thit *h) {
  if (!ds_tt_word(c, i, "the") || !c->anchored) return false;
  size_t j = i + 1;
  int back = 0;
  bool latest = false;
  if (ds_tt_word(c, j, "year") && ds_tt_punct(c, j + 1, '-') &&
      (ds_tt_word(c, j + 2, "earlier") || ds_tt_word(c, j + 2, "ago")))
    back = 1, j += 3;
  else if (ds_tt_word(c, j, "latest") || ds_tt_word(c, j, "recent"))
    j++, latest = true;
  /* "the latest fiscal year": the last year whose books have closed, the anchor's
   * previous one (the open year is "the current fiscal year") */
  if (latest && ds_tt_word(c, j, "fiscal") && ds_tt_word(c, j + 1, "year")) {
    h->end = j + 2;
    ds_tt_fmt_year(h, c->anchor.y - 1);
    return true;
  }
  if (!ds_tt_word(c, j, "quarter") && !(j > i + 1 && ds_tt_word(c, j, "period"))) return false;
  /* the quarter-to-quarter comparison: no quarter in particular */
  if (ds_tt_punct(c, j + 1, '-') && ds_tt_tight(c, j + 1) && ds_tt_punct(c, j + 3, '-') &&
      (ds_tt_word(c, j + 2, "to") || ds_tt_word(c, j + 2, "over") || ds_tt_word(c, j + 2, "by")))
    return false;
  if (!back && !latest && !c->last_quarter_q && !c->ref_q && ds_tt_word(c, j, "quarter") &&
      S_quarter_ended(c, j + 1, h)) {
    h->end = j + 1;
    return true;
  }
  /* "the quarter" and "the latest quarter" are the one the report last named (a fiscal
   * quarter need not be the calendar's); before any, the one just ended */
  int y = c->last_quarter_y, q = c->last_quarter_q;
  if (!y) {
    q = (c->anchor.m - 1) / 3, y = c->anchor.y;
    if (!q) q = 4, y--;
  }
  h->end = j + 1;
  /* "the quarter a year ago": the same quarter the year before, one expression */
  if (!back && ds_tt_word(c, j + 1, "a") && ds_tt_word(c, j + 2, "year") &&
      (ds_tt_word(c, j + 3, "ago") || ds_tt_word(c, j + 3, "earlier")))
    back = 1, h->end = j + 4;
  snprintf(h->value, sizeof h->value, "%04d-Q%d", y - back, q);
  h->type = DS_TIME_DATE;
  c->months_since_quarter = false;
  return true;
}

/* in coming months, future quarters, in past years: with no article and no count the
 * adjective makes the plural unit a reference ahead or back (data/time_unit_refs.txt). */
static bool S_unit_ref(C *c, size_t i, ds_thit *h) {
  char u;
  if (!ds_tt_unit(c, i + 1, &u) || u == 'K' || !ds_tt_unit_plural(c, i + 1) || c->t[i].kind != TK_WORD)
    return false;
  const char *v = ds_lexicon_value("time_unit_refs", c->text + c->t[i].start, ds_tt_len(c, i));
  if (!v) return false;
  h->end = i + 2;
  ds_tt_fmt_ref(h, v);
  return true;
}

/* the past two years, the next three months, the first nine months, the past year. */
bool ds_ttp_duration_rel(C *c, size_t i, ds_thit *h) {
  bool the = ds_tt_word(c, i, "the");
  if (!the && S_unit_ref(c, i, h)) return true;
  size_t j = the ? i + 1 : i;
  const ds_ttok *t = ds_tt_tok(c, j);
  if (!t || !ds_tt_thas(c, TL_SPAN_WORDS, j)) return false;
  int n = 1;
  size_t k = j + 1;
  char u;
  if (!ds_tt_count(c, j + 1, &n, &k)) {
    if (!the) return false;
    n = 1, k = j + 1;
  }
  if (!ds_tt_unit(c, k, &u)) return false;
  if (k == j + 1 && ds_tt_unit_plural(c, k)) n = -1; /* the coming years */
  h->end = k + 1;
  /* the past year, the last week, the last decade: TimeML reads an uncounted singular
   * as the calendar unit before the anchor's */
  if (k == j + 1 && n == 1 && c->anchored && (ds_tt_word(c, j, "past") || ds_tt_word(c, j, "last"))) {
    if (u == 'E') {
      snprintf(h->value, sizeof h->value, "%03d", c->anchor.y / 10 - 1);
      h->type = DS_TIME_DATE;
      return true;
    }
    if (u == 'W' || u == 'M' || u == 'Y') return ds_tt_det_calendar(c, h, u, -1);
  }
  ds_tt_fmt_duration(h, n, u);
  return true;
}

/* "year-earlier" or "year-ago" naming the period after it: the year-ago third quarter
 * (that quarter a year back), the year-earlier nine months (a span of nine months). */
static bool S_year_ago_period(C *c, size_t k, ds_thit *h) {
  ds_thit p;
  memset(&p, 0, sizeof p);
  p.start = k;
  int y;
  if (ds_ttp_quarter(c, k, &p) && sscanf(p.value, "%d", &y) == 1) {
    snprintf(h->value, sizeof h->value, "%04d%.8s", y - 1, p.value + 4); /* -Q3 */
  } else if (ds_ttp_duration(c, k, &p) && p.start == k) {
    memcpy(h->value, p.value, sizeof h->value);
  } else {
    return false;
  }
  h->type = p.type;
  h->end = p.end;
  return true;
}

/* two days ago, a year earlier, a week or so ago, three weeks from now. */
bool ds_ttp_ago(C *c, size_t i, ds_thit *h) {
  int n;
  size_t j;
  char u;
  if (ds_tt_word(c, i, "year") && ds_tt_punct(c, i + 1, '-') &&
      (ds_tt_word(c, i + 2, "earlier") || ds_tt_word(c, i + 2, "ago"))) {
    if (c->anchored && S_year_ago_period(c, i + 3, h)) {
      if (h->start == i && i > 0 && ds_tt_word(c, i - 1, "the")) h->start = i - 1;
      return true;
    }
    n = 1, j = i, u = 'Y';
  } else if (!ds_tt_count(c, i, &n, &j) || !ds_tt_unit(c, j, &u))
    return false;
  size_t k = ds_tt_punct(c, j + 1, '-') ? j + 2 : j + 1;
  if (ds_tt_word(c, k, "or") && ds_tt_word(c, k + 1, "so")) k += 2; /* a week or so ago */
  int dir = 0;
  if (ds_tt_word(c, k, "ago") || ds_tt_word(c, k, "earlier")) dir = -1;
  else if (ds_tt_word(c, k, "hence")) dir = 1;
  else if (ds_tt_word(c, k, "from") && ds_tt_word(c, k + 1, "now")) dir = 1, k++;
  if (!dir) return false;
  h->end = k + 1;
  if (n < 0) {
    ds_tt_fmt_ref(h, dir < 0 ? "PAST_REF" : "FUTURE_REF");
    return true;
  }
  if (ds_tt_unanchored(c, h)) return true;
  ds_date a = c->anchor;
  long days = ds_date_to_days(a);
  h->type = DS_TIME_DATE;
  switch (u) {
  case 'D': ds_tt_fmt_day(h, ds_days_to_date(days + dir * n)); break;
  case 'W': ds_tt_fmt_week(h, ds_days_to_date(days + dir * 7 * n)); break;
  case 'M': {
    int mm = a.y * 12 + a.m - 1 + dir * n;
    ds_tt_fmt_month(h, mm / 12, mm % 12 + 1);
    break;
  }
  case 'Y':
    if (c->last_quarter_y && n == 1 && !c->months_since_quarter)
      snprintf(h->value, sizeof h->value, "%04d-Q%d", c->last_quarter_y - 1, c->last_quarter_q);
    else
      ds_tt_fmt_year(h, a.y + dir * n);
    break;
  case 'E': snprintf(h->value, sizeof h->value, "%03d", (a.y + dir * 10 * n) / 10); break;
  default: return false;
  }
  return true;
}

/* every week, each Friday, each July, every two months; daily, weekly. */
bool ds_ttp_set(C *c, size_t i, ds_thit *h) {
  if (ds_tt_cls(c, i, 'G')) {
    /* daily flights too: TimeML marks the adjective as a recurrence, but not a measure
     * (average daily volume) */
    if (i > 0 && ds_tt_thas(c, TL_SET_MEASURES, i - 1))
      return false;
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
  else if (ds_tt_count(c, j, &n, &k) && ds_tt_unit(c, k, &u)) j = k;
  int m;
  if (ds_tt_wday(c, j, &wd, &k)) {
    h->end = k;
    snprintf(h->value, sizeof h->value, "XXXX-WXX-%d", wd);
  } else if (n == 1 && ds_tt_month(c, j, &m, &k)) { /* each July */
    h->end = k;
    snprintf(h->value, sizeof h->value, "XXXX-%02d", m);
  } else if (ds_tt_unit(c, j, &u)) {
    h->end = j + 1;
    ds_tt_fmt_duration(h, n, u);
  } else {
    return false;
  }
  h->type = DS_TIME_SET;
  return true;
}

/* A plural noun (flights, seats), a number or a rate word (once, million): "a week"
 * after it is a rate. */
static bool S_rate_before(const C *c, size_t p) {
  const ds_ttok *t = &c->t[p];
  if (t->kind == TK_NUM) return true;
  if (t->kind != TK_WORD) return false;
  const char *w = c->text + t->start;
  size_t l = t->end - t->start;
  if (l > 3 && w[l - 1] == 's' && w[l - 2] != 's' && !t->cls && !(t->flags & (TF_CAP | TF_START)) &&
      !ds_tt_thas(c, TL_TENSE, p))
    return true;
  return ds_tt_thas(c, TL_RATE_CUES, p);
}

/* 32 months, a decade, two-year, several years, 2 1/2 years; not "the 5-year-old". */
/* "1/2" written tight at token i: the half in "2 1/2 years". */
static bool S_slash_half(const C *c, size_t i) {
  return ds_tt_plain_num(c, i) && c->t[i].val == 1 && ds_tt_punct(c, i + 1, '/') && ds_tt_tight(c, i + 1) &&
         ds_tt_plain_num(c, i + 2) && c->t[i + 2].val == 2 && ds_tt_tight(c, i + 2);
}

/* A half unit added to a duration of n units u (2 1/2 years, an hour and a half) in the
 * next smaller unit; false for units that do not split evenly (weeks, months). */
static bool S_fmt_half(ds_thit *h, int n, char u) {
  if (n < 0) return false;
  switch (u) {
  case 'Y': snprintf(h->value, sizeof h->value, "P%dY6M", n); break;
  case 'D': snprintf(h->value, sizeof h->value, "P%dDT12H", n); break;
  case 'H': snprintf(h->value, sizeof h->value, "PT%dH30M", n); break;
  case 'I': snprintf(h->value, sizeof h->value, "PT%dM30S", n); break;
  default: return false;
  }
  h->type = DS_TIME_DURATION;
  return true;
}

/* "Islam will one day be ...": after a future auxiliary (data/time_tense.txt F), "one
 * day" is some day ahead, not a span. Tokens i and j are "one" and "day". */
static bool S_someday(const C *c, size_t i, size_t j) {
  if (i == 0 || j != i + 1 || !ds_tt_word(c, i, "one") || !ds_tt_word(c, j, "day")) return false;
  const char *v = c->t[i - 1].kind == TK_WORD ? ds_tt_tlex(c, TL_TENSE, i - 1) : NULL;
  return v && v[0] == 'F';
}

/* day-long, decades-long: a span of one unit, or of several. Token i is the unit. */
static bool S_unit_long(C *c, size_t i, ds_thit *h) {
  char u;
  if (!ds_tt_unit(c, i, &u) || u == 'K' || !ds_tt_punct(c, i + 1, '-') || !ds_tt_tight(c, i + 1) ||
      !ds_tt_tight(c, i + 2) || !ds_tt_word(c, i + 2, "long"))
    return false;
  h->end = i + 3;
  ds_tt_fmt_duration(h, ds_tt_unit_plural(c, i) ? -1 : 1, u);
  return true;
}

/* "two to six days", "within two to three weeks": TimeML marks the first count of a
 * range as a span of its own in the unit the range closes with (P2D), and the second
 * with its unit as usual. Token j is "to" after the count n. */
static bool S_range_first(const C *c, int n, size_t j, ds_thit *h) {
  int m;
  size_t k;
  char u;
  if (n <= 0 || !ds_tt_word(c, j, "to") || !ds_tt_count(c, j + 1, &m, &k) || m <= n ||
      !ds_tt_unit(c, k, &u) || u == 'K')
    return false;
  h->end = j;
  ds_tt_fmt_duration(h, n, u);
  return true;
}

bool ds_ttp_duration(C *c, size_t i, ds_thit *h) {
  int n;
  size_t j;
  char u;
  if (ds_tt_cls(c, i, 'U')) return S_unit_long(c, i, h);
  if (!ds_tt_count(c, i, &n, &j)) return false;
  if (S_range_first(c, n, j, h)) return true;
  /* the 2 of "1/2 hours" is no count of its own */
  if (i > 0 && ds_tt_punct(c, i - 1, '/') && ds_tt_tight(c, i)) return false;
  bool half = S_slash_half(c, j);
  if (half) j += 3;
  if (ds_tt_punct(c, j, '-') && ds_tt_tight(c, j) && ds_tt_tight(c, j + 1)) j++;
  else if (ds_tt_cls(c, j + 1, 'U') && c->t[j].kind == TK_WORD && !c->t[j].cls &&
           ds_tt_thas(c, TL_COUNT_FILLERS, j))
    j++; /* two more weeks */
  if (!ds_tt_unit(c, j, &u) || u == 'K') return false;
  if ((ds_tt_word(c, i, "a") || ds_tt_word(c, i, "an")) && S_unit_long(c, j, h)) {
    h->start = j; /* a day-long strike: the article is the noun's */
    return true;
  }
  /* three-quarters of its food, a quarter of the market: a fraction, unless of a year */
  if (u == 'Q' && (ds_tt_punct(c, j - 1, '-') || (ds_tt_word(c, j + 1, "of") && !ds_tt_unit_plural(c, j) &&
                                                   !ds_tt_year(c, j + 2, &n))))
    return false;
  if (ds_tt_punct(c, j + 1, '-') && ds_tt_word(c, j + 2, "old")) return false;
  if (ds_tt_word(c, j + 1, "old")) return false;
  if (n == 1 && ds_tt_unit_plural(c, j)) return false;
  /* once a week, $500 million a year, four flights a week: a rate, not a span */
  if (ds_tt_word(c, i, "a") && i > 0 && S_rate_before(c, i - 1)) return false;
  h->end = j + 1;
  /* the nine months ended Sept. 30: TimeML keeps the article of a counted span, not
   * of an adjective (the 30-day limit) */
  if (i > 0 && h->start == i && ds_tt_word(c, i - 1, "the") && !ds_tt_word(c, i, "a") &&
      !ds_tt_word(c, i, "an") && !ds_tt_punct(c, j - 1, '-'))
    h->start = i - 1;
  if (!half && ds_tt_word(c, j + 1, "and") && ds_tt_word(c, j + 2, "a") && ds_tt_word(c, j + 3, "half"))
    half = true, h->end = j + 4; /* a minute and a half */
  if (half && S_fmt_half(h, n, u)) return true;
  if (S_someday(c, i, j)) {
    ds_tt_fmt_ref(h, "FUTURE_REF");
    return true;
  }
  ds_tt_fmt_duration(h, n, u);
  return true;
}
