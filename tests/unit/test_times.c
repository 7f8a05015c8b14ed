/* Unit tests of the time tagger (src/tag_times*.c): every form the tagger promises,
 * tense in both directions, year boundaries, publication-date inference, and numbers
 * that are not times. The sentences are our own (a fictional bridge and ferry story). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "corpus.h"
#include "tag_times.h"
#include "util/lexicon.h"

typedef struct {
  ds_arena arena;
  ds_time *t;
  size_t n;
  const char *text;
} S_scan;

static void S_run(S_scan *s, const char *text, const char *anchor) {
  memset(s, 0, sizeof *s);
  s->text = text;
  s->n = ds_time_scan(text, strlen(text), anchor, &s->arena, &s->t);
}

/* The time whose span is exactly `span`, or NULL. */
static const ds_time *S_find(const S_scan *s, const char *span) {
  size_t l = strlen(span);
  for (size_t i = 0; i < s->n; i++)
    if (s->t[i].end - s->t[i].start == l && !memcmp(s->text + s->t[i].start, span, l)) return &s->t[i];
  return NULL;
}

/* Asserts that text, anchored at anchor, holds span with value and type. */
static void S_expect(const char *text, const char *anchor, const char *span, const char *value,
                     ds_time_type type) {
  S_scan s;
  S_run(&s, text, anchor);
  const ds_time *t = S_find(&s, span);
  if (!t) {
    for (size_t i = 0; i < s.n; i++)
      print_message("  found '%.*s' = %s\n", (int)(s.t[i].end - s.t[i].start), text + s.t[i].start,
                    s.t[i].value);
    fail_msg("no time '%s' in: %s", span, text);
  }
  assert_string_equal(t->value, value);
  assert_int_equal(t->type, type);
  ds_arena_free(&s.arena);
}

static void S_expect_none(const char *text, const char *anchor) {
  S_scan s;
  S_run(&s, text, anchor);
  for (size_t i = 0; i < s.n; i++)
    print_message("  unexpected '%.*s' = %s\n", (int)(s.t[i].end - s.t[i].start),
                  text + s.t[i].start, s.t[i].value);
  assert_int_equal(s.n, 0);
  ds_arena_free(&s.arena);
}

#define SUN "2024-10-27" /* a Sunday */
#define D DS_TIME_DATE

static void test_absolute_dates(void **state) {
  (void)state;
  S_expect("Engineers inspected the bridge on October 23.", SUN, "October 23", "2024-10-23", D);
  S_expect("Engineers inspected the bridge on Oct. 23.", SUN, "Oct. 23", "2024-10-23", D);
  S_expect("The report is dated 23 October 2024 and signed.", SUN, "23 October 2024", "2024-10-23", D);
  S_expect("The report is dated October 23, 2021 and signed.", SUN, "October 23, 2021", "2021-10-23", D);
  S_expect("The ferry company said on Wednesday (October 23) that it would stop.", SUN,
           "Wednesday (October 23)", "2024-10-23", D);
  S_expect("The notice of 10/23/2024 was posted.", SUN, "10/23/2024", "2024-10-23", D);
  S_expect("The notice of 2024-10-23 was posted.", SUN, "2024-10-23", "2024-10-23", D);
  S_expect("The notice was posted on the 23rd of October.", SUN, "the 23rd of October", "2024-10-23", D);
}

static void test_months_and_years(void **state) {
  (void)state;
  S_expect("The mayor resigned in June.", SUN, "June", "2024-06", D);
  S_expect("The war began in February 2022.", SUN, "February 2022", "2022-02", D);
  S_expect("No ferry has sunk there since 1990.", SUN, "1990", "1990", D);
  S_expect("Tolls rose sharply in the 1990s.", SUN, "the 1990s", "199", D);
  S_expect("The vote was delayed until March.", SUN, "March", "2025-03", D);
  S_expect("The vote was held in May.", SUN, "May", "2024-05", D);
}

static void test_weekdays(void **state) {
  (void)state;
  /* past clause: back; future clause: forward; the anchor itself is a Sunday */
  S_expect("The council met on Friday to discuss the bridge.", SUN, "Friday", "2024-10-25", D);
  S_expect("The council will vote on Friday.", SUN, "Friday", "2024-11-01", D);
  S_expect("The ferry resumed service last Thursday.", SUN, "last Thursday", "2024-10-24", D);
  S_expect("The ferry will resume service next Thursday.", SUN, "next Thursday", "2024-10-31", D);
  S_expect("The storm hit the coast on Tuesday night.", SUN, "Tuesday night", "2024-10-22", D);
  S_expect("Divers searched the river on Sunday.", SUN, "Sunday", "2024-10-27", D);
}

static void test_relative(void **state) {
  (void)state;
  S_expect("Tolls went up last week.", SUN, "last week", "2024-W42", D);
  S_expect("Tolls will go up next week.", SUN, "next week", "2024-W44", D);
  S_expect("Tolls went up this year.", SUN, "this year", "2024", D);
  S_expect("Tolls went up last year.", SUN, "last year", "2023", D);
  S_expect("Tolls went up earlier this month.", SUN, "earlier this month", "2024-10", D);
  S_expect("Tolls went up two days ago.", SUN, "two days ago", "2024-10-25", D);
  S_expect("Tolls went up yesterday.", SUN, "yesterday", "2024-10-26", D);
  S_expect("Tolls go up today.", SUN, "today", "2024-10-27", D);
  S_expect("Tolls go up tomorrow.", SUN, "tomorrow", "2024-10-28", D);
  S_expect("Tolls went up last month.", SUN, "last month", "2024-09", D);
  S_expect("Tolls rose in the third quarter.", SUN, "the third quarter", "2024-Q3", D);
  S_expect("The pier was rebuilt last summer.", SUN, "last summer", "2024-SU", D);
  S_expect("Ferries are running now.", SUN, "now", "PRESENT_REF", D);
}

static void test_ranges_and_deadlines(void **state) {
  (void)state;
  const char *r = "Divers searched the river from October 8 to October 13.";
  S_expect(r, SUN, "October 8", "2024-10-08", D);
  S_expect(r, SUN, "October 13", "2024-10-13", D);
  S_expect("The crews arrived in early to mid-October.", SUN, "early to mid-October", "2024-10", D);
  S_expect("The crews arrived in mid-October.", SUN, "mid-October", "2024-10", D);
  S_expect("The span could be replaced by December.", SUN, "December", "2024-12", D);
  S_expect("The span will be replaced by the end of 2025.", SUN, "the end of 2025", "2025", D);
  /* future clause after the anchor day: "as soon as" points forward */
  S_expect("Crews may return as soon as October 27.", "2024-11-05", "October 27", "2025-10-27", D);
  S_expect("Crews returned on October 27.", "2024-11-05", "October 27", "2024-10-27", D);
  /* a passive future (would be held) is not a past tense */
  S_expect("The hearing would be held on April 24.", "2024-02-10", "April 24", "2024-04-24", D);
  S_expect("The hearing was held on April 24.", "2024-02-10", "April 24", "2023-04-24", D);
  /* a past clause may name a date just ahead (a decision about next month) ... */
  S_expect("The board decided to reopen the pier in early March.", "2024-02-10", "early March",
           "2024-03", D);
  /* ... but not one months ahead */
  S_expect("The mayor resigned in December.", SUN, "December", "2023-12", D);
  S_expect("The diver was injured last Oct. 23.", "2024-11-05", "last Oct. 23", "2024-10-23", D);
}

static void test_durations_and_sets(void **state) {
  (void)state;
  S_expect("Tolls doubled over the past two years.", SUN, "the past two years", "P2Y", DS_TIME_DURATION);
  S_expect("The repairs took 32 months.", SUN, "32 months", "P32M", DS_TIME_DURATION);
  S_expect("The repairs took a decade.", SUN, "a decade", "P10Y", DS_TIME_DURATION);
  S_expect("The repairs took twenty-four hours.", SUN, "twenty-four hours", "PT24H", DS_TIME_DURATION);
  S_expect("The ferry sails every week.", SUN, "every week", "P1W", DS_TIME_SET);
  S_expect("The ferry sails every Friday.", SUN, "every Friday", "XXXX-WXX-5", DS_TIME_SET);
  S_expect("The ferry sails daily.", SUN, "daily", "P1D", DS_TIME_SET);
}

static void test_year_boundaries(void **state) {
  (void)state;
  S_expect("The plant will reopen in January.", "2024-12-15", "January", "2025-01", D);
  S_expect("The plant closed in December.", "2025-01-10", "December", "2024-12", D);
  S_expect("The plant closed on December 30.", "2025-01-10", "December 30", "2024-12-30", D);
  S_expect("The plant will reopen on January 3.", "2024-12-15", "January 3", "2025-01-03", D);
  S_expect("The plant closed last week.", "2025-01-02", "last week", "2024-W52", D);
  S_expect("The plant closed on Tuesday.", "2025-01-02", "Tuesday", "2024-12-31", D);
}

static void test_clock_times(void **state) {
  (void)state;
  S_expect("The ferry left at 10 p.m. Wednesday.", SUN, "10 p.m. Wednesday", "2024-10-23T22:00",
           DS_TIME_TIME);
  S_expect("The ferry left this morning.", SUN, "this morning", "2024-10-27TMO", DS_TIME_TIME);
}

static void test_not_times(void **state) {
  (void)state;
  S_expect_none("The army fired 155mm shells at the bridge.", SUN);
  S_expect_none("The 11th Army crossed the river.", SUN);
  S_expect_none("The plan costs $50 billion.", SUN);
  S_expect_none("About 2,000 troops and 1,500 vehicles crossed.", SUN);
  S_expect_none("The league scored 2000 points in 12 games.", SUN);
  S_expect_none("The ministry may decide to march on.", SUN);
  S_expect_none("A 5-year-old boy was rescued.", SUN);
  S_expect_none("The company runs four crossings a week.", SUN);
}

static void test_unanchored(void **state) {
  (void)state;
  S_expect("The council met on Friday.", NULL, "Friday", "XXXX-WXX-5", D);
  S_expect("The council met on October 23.", NULL, "October 23", "XXXX-10-23", D);
  S_expect("The council met on October 23, 2024.", NULL, "October 23, 2024", "2024-10-23", D);
}

static void test_sorted_and_sentences(void **state) {
  (void)state;
  S_scan s;
  S_run(&s, "On Friday the span cracked. By Monday it was closed. It will reopen on October 30.", SUN);
  assert_int_equal(s.n, 3);
  for (size_t i = 1; i < s.n; i++) assert_true(s.t[i - 1].end <= s.t[i].start);
  assert_string_equal(s.t[0].value, "2024-10-25");
  assert_string_equal(s.t[2].value, "2024-10-30");
  ds_arena_free(&s.arena);
}

/* ds_tag_times on an undated article: the publication date is inferred. */
static void test_infer_published(void **state) {
  (void)state;
  ds_article *a = ds_article_new("bridge.txt");
  const char *body = "The toll plan of 2021 was dropped. Engineers said on Wednesday (October 23) "
                     "that the span was unsafe. On October 21 they had closed one lane. "
                     "The council met on Friday.";
  a->body = body;
  a->body_len = (uint32_t)strlen(body);
  ds_tag_times(a);
  assert_non_null(a->published);
  assert_string_equal(a->published, "2024-10-23");
  assert_int_equal(a->published_basis, DS_BASIS_INFERRED);
  const ds_time *fri = NULL;
  for (size_t i = 0; i < a->times.len; i++)
    if (!strncmp(body + a->times.items[i].start, "Friday", 6)) fri = &a->times.items[i];
  assert_non_null(fri);
  assert_string_equal(fri->value, "2024-10-18"); /* resolved against the inferred date */
  ds_article_free(a);
}

static void test_value_date(void **state) {
  (void)state;
  int y, m, d;
  assert_true(ds_time_value_date("2024-10-23", &y, &m, &d));
  assert_int_equal(d, 23);
  assert_true(ds_time_value_date("2024-10", &y, &m, &d));
  assert_int_equal(d, 0);
  assert_int_equal(m, 10);
  assert_false(ds_time_value_date("2024", &y, &m, &d));
  assert_false(ds_time_value_date("2024-W43", &y, &m, &d));
  assert_false(ds_time_value_date("P2Y", &y, &m, &d));
  /* a value read from outside (extract output) is checked digit by digit */
  assert_false(ds_time_value_date("2024-10-231", &y, &m, &d));
  assert_false(ds_time_value_date("2024-10-00", &y, &m, &d));
  assert_false(ds_time_value_date("2024-13-02", &y, &m, &d));
  assert_true(ds_time_value_date("2024-10-23TNI", &y, &m, &d));
  assert_int_equal(d, 23);
}

/* Rules added for TimeML's conventions: approximators and the article inside a counted
 * span, "recent" + plural unit, possessive weekdays, "planned to" looking ahead. */
static void test_timeml_conventions(void **state) {
  (void)state;
  const char *a = "2025-03-12"; /* a Wednesday */
  S_expect("The ferry has run for nearly three years.", a, "nearly three years", "P3Y",
           DS_TIME_DURATION);
  S_expect("Repairs took more than six hours.", a, "more than six hours", "PT6H",
           DS_TIME_DURATION);
  S_expect("The toll rose at least 20 weeks in a row.", a, "at least 20 weeks", "P20W",
           DS_TIME_DURATION);
  S_expect("The pier closed almost two years ago.", a, "almost two years ago", "2023",
           DS_TIME_DATE);
  S_expect("Traffic fell in the nine months to June.", a, "the nine months", "P9M",
           DS_TIME_DURATION);
  S_expect("Fares rose in recent months.", a, "recent months", "PXM", DS_TIME_DURATION);
  /* a possessive weekday names an event already reported, even in a future clause */
  S_expect("Critics will study Monday's vote on the bridge.", a, "Monday", "2025-03-10",
           DS_TIME_DATE);
  /* a past verb before "to" + verb points ahead */
  S_expect("The council planned to reopen the bridge on Friday.", a, "Friday", "2025-03-14",
           DS_TIME_DATE);
  S_expect("The council reopened the bridge on Friday.", a, "Friday", "2025-03-07", DS_TIME_DATE);
  /* an uncounted "the past/last" + singular unit is the calendar unit before */
  S_expect("Tolls doubled over the past year.", a, "the past year", "2024", DS_TIME_DATE);
  S_expect("Ridership grew in the last decade.", a, "the last decade", "201", DS_TIME_DATE);
  S_expect("Tolls doubled over the past two years.", a, "the past two years", "P2Y",
           DS_TIME_DURATION);
  /* an adjective of frequency is a recurrence */
  S_expect("The ferry keeps its daily crossings.", a, "daily", "P1D", DS_TIME_SET);
  /* seasons without last/next: the clause's tense picks the side of the anchor */
  S_expect("The pier flooded in the summer.", "2025-10-02", "the summer", "2025-SU", DS_TIME_DATE);
  S_expect("The pier flooded in winter.", "2025-10-02", "winter", "2025-WI", DS_TIME_DATE);
  S_expect_none("Prices fall when the ferry runs.", a);
  S_expect_none("They wrote about the fall of the old bridge.", a);
}

/* A range that writes the month once yields both ends; a count after "to" is no day. */
static void test_day_ranges(void **state) {
  (void)state;
  static const char *const r[][5] = {
      {"The festival ran October 8-13 in the harbour.", "October 8", "2024-10-08", "13", "2024-10-13"},
      {"Ferries were cancelled between March 3 and 5, the company said.", "March 3", "2024-03-03", "5",
       "2024-03-05"},
      {"The inquiry sat from Oct. 8 to 13, 2021.", "Oct. 8", "2021-10-08", "13, 2021", "2021-10-13"},
      {"The bridge was shut 8-13 October.", "8", "2024-10-08", "13 October", "2024-10-13"},
  };
  for (size_t k = 0; k < sizeof r / sizeof *r; k++) {
    S_expect(r[k][0], SUN, r[k][1], r[k][2], D);
    S_expect(r[k][0], SUN, r[k][3], r[k][4], D);
  }
  S_expect("The ferry will sail from 2 to 4 November.", SUN, "2", "2024-11-02", D);
  S_scan s;
  S_run(&s, "Fares rose from October 8 to 13 percent of wages.", SUN);
  assert_int_equal(s.n, 1);
  ds_arena_free(&s.arena);
  S_run(&s, "On March 3 and 5 people were rescued.", SUN);
  assert_int_equal(s.n, 1);
  ds_arena_free(&s.arena);
}

/* "that year", "later that day", "the following month" take the last date written. */
static void test_anaphora(void **state) {
  (void)state;
  const char *a = "The ferry sank in June 2019. Later that year the pier closed, and the following "
                  "year it was sold.";
  S_expect(a, SUN, "Later that year", "2019", D);
  S_expect(a, SUN, "the following year", "2020", D);
  const char *b = "Divers found the wreck on March 3, 2021. Earlier that day the storm had eased; "
                  "the following month the inquiry opened.";
  S_expect(b, SUN, "Earlier that day", "2021-03-03", D);
  S_expect(b, SUN, "the following month", "2021-04", D);
  /* with no date written before, "that year" has nothing to point at */
  S_expect_none("Nobody knew what happened that year.", SUN);
}

/* Tense cues that are easy to misread: "next to" is a place, "that" + past verb is a
 * relative clause, short past forms. */
static void test_tense_cues(void **state) {
  (void)state;
  const char *sat = "2024-10-26"; /* a Saturday */
  S_expect("Two cars burned next to the toll booth on Friday.", sat, "Friday", "2024-10-25", D);
  S_expect("The storm that flooded the pier in November is the worst.", "2025-05-06", "November",
           "2024-11", D);
  /* a December article: January is behind in a past clause, ahead in a future one */
  S_expect("The plant closed in January.", "2024-12-15", "January", "2024-01", D);
  S_expect("The plant will reopen on Friday, January 3.", "2024-12-15", "Friday, January 3",
           "2025-01-03", D);
  S_expect("Three divers died in March.", SUN, "March", "2024-03", D);
  S_expect("The ferry will return in March.", SUN, "March", "2025-03", D);
}

static ds_article *S_undated(const char *body) {
  ds_article *a = ds_article_new("undated.txt");
  a->body = body;
  a->body_len = (uint32_t)strlen(body);
  ds_tag_times(a);
  return a;
}

/* An undated text takes the latest date it writes with a year; a date without one may
 * borrow only such a date's year, never a bare year or a month of history, and a date
 * in a clause about the future is a plan, not the publication. */
/* Tags an undated body and asserts its publication date (NULL: none) and basis. */
static void S_expect_published(const char *body, const char *date, ds_basis basis) {
  ds_article *a = S_undated(body);
  if (date) {
    assert_non_null(a->published);
    assert_string_equal(a->published, date);
  } else {
    assert_null(a->published);
  }
  assert_int_equal(a->published_basis, basis);
  ds_article_free(a);
}

static void test_infer_sound(void **state) {
  (void)state;
  S_expect_published("Since the flood of 2019 the pier has been closed. Divers went down on "
                     "Oct. 23 and again in mid-October, the council said.",
                     NULL, DS_BASIS_UNKNOWN);
  S_expect_published("The strike began in February 2021. Workers returned on October 24.", NULL,
                     DS_BASIS_UNKNOWN);
  S_expect_published("The council met on March 3, 2025. It met again on March 9. The new bridge "
                     "will open on June 1, 2031.",
                     "2025-03-09", DS_BASIS_INFERRED);
  /* a dateline names the day of writing, before any later date the text mentions */
  S_expect_published("PORTHAVEN, March 4, 2025 (Coast News) - The ferry will sail on Friday. "
                     "Crews checked the hull on March 6.",
                     "2025-03-04", DS_BASIS_TEXT);
  char out[11];
  ds_arena tmp = {0};
  const char *t = "Divers went down on Oct. 23 after the 2014 storm.";
  assert_int_equal(ds_time_infer(t, strlen(t), NULL, &tmp, out), 0);
  assert_int_equal(ds_time_infer(t, strlen(t), "2024-10-27", &tmp, out), 1);
  assert_string_equal(out, "2024-10-23");
  ds_arena_free(&tmp);
}

/* Results reports: "a year earlier" is the year-ago quarter after a quarter, the year
 * after a span of months; "that quarter" is the one last named; halves of a year. */
static void test_report_periods(void **state) {
  (void)state;
  const char *q = "The ferry line lost $2 million in the third quarter, against a profit of $1 "
                  "million a year earlier.";
  S_expect(q, SUN, "a year earlier", "2023-Q3", D);
  const char *m = "The ferry line lost $2 million in the third quarter. For the nine months it "
                  "lost $5 million, against a profit a year earlier.";
  S_expect(m, SUN, "a year earlier", "2023", D);
  /* a quarter not yet ended is a forecast, not the one results compare */
  const char *f = "Net rose in the third quarter. The line expects more in the fourth quarter "
                  "and in the first quarter of 2025. In the year-ago period it earned less.";
  S_expect(f, SUN, "the year-ago period", "2023-Q3", D);
  const char *t = "Tolls fell in the second quarter of 2023. Repairs in that quarter cost more.";
  S_expect(t, SUN, "that quarter", "2023-Q2", D);
  S_expect("Traffic grew in the first half of 2023.", SUN, "the first half of 2023", "2023-H1", D);
  S_expect("In the year-ago third quarter, the line earned $1 million.", SUN,
           "the year-ago third quarter", "2023-Q3", D);
  S_expect("Net for the year-earlier nine months fell.", SUN, "the year-earlier nine months", "P9M",
           DS_TIME_DURATION);
  S_expect("Traffic will grow through the last two quarters of 2025.", SUN,
           "the last two quarters of 2025", "2025-H2", D);
}

/* A quarterly report's "last year" is the same quarter a year before when the clause
 * compares (compared with, the corresponding period, last year's quarter); elsewhere,
 * and once a longer span has been named, it is the year. */
static void test_year_ago_comparisons(void **state) {
  (void)state;
  S_expect("The ferry line earned $4 million in the third quarter, compared with a loss of "
           "$1 million last year.",
           SUN, "last year", "2023-Q3", D);
  S_expect("Tolls fell in the third quarter. Tolls rose in the corresponding period last year.", SUN,
           "last year", "2023-Q3", D);
  S_expect("Tolls fell in the third quarter. Last year's quarter was stronger.", SUN, "Last year",
           "2023-Q3", D);
  /* no comparison word: the year */
  S_expect("Tolls fell in the third quarter. Last year, the line bought two ferries.", SUN, "Last year",
           "2023", D);
  /* a longer span named since the quarter */
  S_expect("Tolls fell in the third quarter. For the nine months, tolls were flat compared with "
           "last year.",
           SUN, "last year", "2023", D);
  /* no quarter named */
  S_expect("Ridership rose, compared with last year.", SUN, "last year", "2023", D);
  /* "the quarter a year ago" is one expression: the same quarter a year back */
  S_expect("The ferry line lost $2 million in its third quarter. In the quarter a year ago, it "
           "earned $1 million.",
           SUN, "the quarter a year ago", "2023-Q3", D);
  S_expect("The ferry line lost $2 million in its third quarter. The quarter was hard.", SUN,
           "The quarter", "2024-Q3", D);
}

/* A capitalised "Today" after a capitalised word ends a name (a paper, a programme). */
static void test_today_in_names(void **state) {
  (void)state;
  S_expect_none("The ferry captain spoke to Harbour Today about the crossing.", SUN);
  S_expect("The ferry captain spoke to Harbour Today on Friday.", SUN, "Friday", "2024-10-25", D);
  S_expect("Today, the ferry runs on time.", SUN, "Today", "2024-10-27", D);
  S_expect("The captain said the ferry runs today.", SUN, "today", "2024-10-27", D);
}

/* The scan skips tokens no pattern can open with (tag_times_match.c): "the" before a
 * plain word, starters that open only an approximation or a phrase after "the". The
 * forms those shortcuts must leave alone. */
static void test_scan_shortcuts(void **state) {
  (void)state;
  S_expect("The line expects a loss for the full year.", SUN, "the full year", "2024", D);
  S_expect("Fares may rise in the future.", SUN, "the future", "FUTURE_REF", D);
  S_expect("Tolls fell in the third quarter. Tolls in the recent quarter were flat.", SUN,
           "the recent quarter", "2024-Q3", D);
  S_expect("The bridge closed for at least three weeks.", SUN, "at least three weeks", "P3W",
           DS_TIME_DURATION);
  S_expect("No fare rise is planned in the near future.", SUN, "the near future", "FUTURE_REF", D);
  S_expect_none("The ferry at the pier was near the long bridge, more or less.", SUN);
}

/* Periods named by a word or by their place: decades, "earlier in the year", "this past
 * spring", and "the previous Friday" (the one before the day the text last named). */
static void test_named_periods(void **state) {
  (void)state;
  S_expect("Ferries were cheap in the nineties.", SUN, "the nineties", "199", D);
  S_expect("The pier was built in the '60s.", SUN, "the '60s", "196", D);
  S_expect("The pier was patched in the late '80s.", SUN, "late '80s", "198", D);
  S_expect("Tolls rose earlier in the year, the council said.", SUN, "earlier in the year", "2024", D);
  S_expect("The pier was repainted this past spring.", SUN, "this past spring", "2024-SP", D);
  S_expect("Tolls rose this past week.", SUN, "this past week", "2024-W42", D);
  const char *f = "Traffic fell on Friday, down 4% from the previous Friday.";
  S_expect(f, "2024-10-28", "Friday", "2024-10-25", D);
  S_expect(f, "2024-10-28", "previous Friday", "2024-10-18", D);
  S_expect_none("The ferryman, in his twenties, said little.", SUN);
  S_expect("The ferry sank on March 3. Divers arrived the next morning.", SUN, "the next morning",
           "2024-03-04", D);
  S_expect("The council voted late yesterday.", SUN, "late yesterday", "2024-10-26", D);
  S_expect("The pier flooded last September.", SUN, "last September", "2023-09", D);
  S_expect("The pier flooded last January.", SUN, "last January", "2024-01", D);
  S_expect("The change in tolls is since year-end.", SUN, "year-end", "2023-12-31", D);
  S_expect("The sale should close by year-end.", SUN, "year-end", "2024-12-31", D);
  /* "by year's end" is "by the end of the year": the year, as that phrase gives */
  S_expect("The sale should close by year's end.", SUN, "year's end", "2024", D);
  S_expect("The sale should close by year’s end.", SUN, "year’s end", "2024", D);
  S_expect("The sale should close by the end of the year.", SUN, "the end of the year", "2024", D);
  S_expect_none("The year's best ferry crossing was calm.", SUN);
  /* an un- adjective is no past tense: the verb before it decides */
  S_expect("The toll will be paid on a still unspecified date in January.", SUN, "January", "2025-01", D);
  S_expect("A hearing is set for the week of March 3, 2025.", SUN, "the week of March 3, 2025",
           "2025-W10", D);
  S_expect("The ferry sank on March 3. It went down at 10 p.m. in a storm.", SUN, "10 p.m.",
           "2024-03-03T22:00", DS_TIME_TIME);
  S_expect("The ferry sank on March 3. It was raised by 3 a.m. on Tuesday.", SUN, "3 a.m.",
           "2024-10-22T03:00", DS_TIME_TIME);
}

/* Words between a count and its unit (two more weeks), "effective" pointing ahead, and a
 * capitalised unit after this/next naming a programme. */
static void test_count_fillers_and_cues(void **state) {
  (void)state;
  S_expect("The pier stays shut for two more weeks.", SUN, "two more weeks", "P2W", DS_TIME_DURATION);
  S_expect("The lease was extended for an additional year.", SUN, "an additional year", "P1Y",
           DS_TIME_DURATION);
  S_expect("Tolls fell for eight trading days.", SUN, "eight trading days", "P8D", DS_TIME_DURATION);
  S_expect("The ferry was out of service for 2 1/2 years.", SUN, "2 1/2 years", "P2Y6M", DS_TIME_DURATION);
  S_expect("The crossing took an hour and a half.", SUN, "an hour and a half", "PT1H30M",
           DS_TIME_DURATION);
  S_expect("The board named a new chair, effective Feb. 1.", "2024-11-02", "Feb. 1", "2025-02-01", D);
  S_expect("The board named a new chair, effective Oct. 1.", "2024-11-02", "Oct. 1", "2024-10-01", D);
  S_expect_none("The mayor spoke on \"This Week\" about the bridge.", SUN);
  /* "Mr." does not end the clause: its verb still sets the tense */
  S_expect("In January, Mr. Hale was hired.", "2024-11-02", "January", "2024-01", D);
  S_expect("The regatta is held each July.", SUN, "each July", "XXXX-07", DS_TIME_SET);
  S_expect("The pier closed a week or so ago.", SUN, "a week or so ago", "2024-W42", D);
  S_expect_none("Average daily traffic fell.", SUN);
  S_expect_none("The line carries more than a quarter of the traffic.", SUN);
  S_expect("The pier was closed last Christmas.", "2024-12-20", "last Christmas", "2023-12-25", D);
}

/* Every word that opens a pattern through another list is a starter in time_words.txt:
 * the tagger skips all other uncategorised words before any lookup. */
/* The first word of every line of the embedded list is in time_words.txt; with cls,
 * it has that class. */
static void S_first_words_listed(const char *list, char cls) {
  size_t len;
  const char *p = ds_embedded_file(list, &len), *end = p + len;
  assert_non_null(p);
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    if (!nl) nl = end;
    size_t w = strcspn(p, " \t\n'"); /* the tokenizer splits valentine's at the ' */
    if (w > (size_t)(nl - p)) w = (size_t)(nl - p);
    const char *v = w && *p != '#' ? ds_lexicon_value("time_words", p, w) : "";
    if (!v || (cls && *v && *v != cls)) fail_msg("%.*s (%s)", (int)w, p, list);
    p = nl + 1;
  }
}

static void test_starters_listed(void **state) {
  (void)state;
  static const char *const lists[] = {"time_approx.txt", "time_modifiers.txt",
                                      "time_span_words.txt", "time_phrases.txt"};
  for (size_t k = 0; k < sizeof lists / sizeof *lists; k++) S_first_words_listed(lists[k], 0);
  /* a named day is looked up only at a word of class H (src/tag_times_holiday.c) */
  S_first_words_listed("time_holidays.txt", 'H');
}

/* Parts of a day: a weekday evening is a TIME (TEV), while a weekday night or morning
 * stays the day; "in the morning" belongs to the day the story last named, and "5 in
 * the morning" is a clock time. */
static void test_parts_of_day(void **state) {
  (void)state;
  S_expect("The lighthouse keeper spoke on Thursday evening.", SUN, "Thursday evening", "2024-10-24TEV",
           DS_TIME_TIME);
  S_expect("The storm hit the coast on Tuesday night.", SUN, "Tuesday night", "2024-10-22", D);
  S_expect("The ferry sailed on Friday morning.", SUN, "Friday morning", "2024-10-25", D);
  S_expect("The pier closed on Oct. 21. Workers arrived in the morning to fence it off.", SUN,
           "the morning", "2024-10-21TMO", DS_TIME_TIME);
  S_expect("Pumps ran during the night to drain the tunnel.", SUN, "the night", "2024-10-27TNI",
           DS_TIME_TIME);
  S_expect("The crew will cast off at 5 in the morning.", SUN, "5 in the morning", "2024-10-27T05:00",
           DS_TIME_TIME);
  S_expect("The bells rang at 9 in the evening.", SUN, "9 in the evening", "2024-10-27T21:00", DS_TIME_TIME);
  S_expect_none("He was a fan of the morning papers and a critic of the evening news.", SUN);
}

/* A quarter named by its last day is the calendar quarter of its middle month, unless
 * the text has named the quarter already (a fiscal label sticks). */
static void test_quarter_ended(void **state) {
  (void)state;
  S_expect("In the quarter ended July 31, the ferry line lost money.", SUN, "the quarter", "2024-Q2", D);
  S_expect("In the quarter that ended Aug. 2, 2023, fares fell.", SUN, "the quarter", "2023-Q2", D);
  S_expect("The ferry line lost money in its fiscal first quarter. In the quarter ended Sept. 30, fares "
           "fell.",
           SUN, "the quarter", "2024-Q1", D);
}

/* A weekday that closes a range begun on a past date is the last one gone, when that
 * lies after the start; else "to" leaves it the nearest (a Monday anchor). */
static void test_range_to_weekday(void **state) {
  (void)state;
  const char *mon = "2024-10-28";
  S_expect("Its stake includes 5,000 shares acquired from Sept. 14 to Thursday.", mon, "Thursday",
           "2024-10-24", D);
  S_expect("Its stake includes 5,000 shares acquired from Oct. 25 to Thursday.", mon, "Thursday",
           "2024-10-31", D);
  S_expect("Tolls will rise from 5 to 7 euros on Thursday.", mon, "Thursday", "2024-10-31", D);
}

/* "today's youth" is the era, not the day; "today's vote" is the day. */
static void test_today_as_era(void **state) {
  (void)state;
  S_expect_none("Ferries matter to today's youth and to many of today's working families.", SUN);
  S_expect("Tolls are on today's council agenda.", SUN, "today", "2024-10-27", D);
  S_expect("The ferry board postponed tomorrow's vote.", SUN, "tomorrow", "2024-10-28", D);
  /* the same for "the future of the pier": its fate */
  S_expect_none("Nobody knows the future of the pier.", SUN);
  S_expect("Tolls may rise in the future.", SUN, "the future", "FUTURE_REF", D);
}

/* "It's the third day of the strike": the present tense puts the count at the anchor. */
static void test_nth_day_today(void **state) {
  (void)state;
  S_expect("It's the third day of the ferry strike.", SUN, "the third day", "2024-10-27", D);
  S_expect("Today is the fifth day of the bridge closure.", SUN, "the fifth day", "2024-10-27", D);
  S_expect_none("It was the second day of the strike.", SUN);
}

/* "will one day be": some day ahead; "for one day", "one day later": a span of a day. */
static void test_one_day_someday(void **state) {
  (void)state;
  S_expect("The island will one day have a bridge.", SUN, "one day", "FUTURE_REF", D);
  S_expect("The bridge closed for one day.", SUN, "one day", "P1D", DS_TIME_DURATION);
  S_expect("Tolls would rise by one day's takings.", SUN, "one day", "P1D", DS_TIME_DURATION);
}

/* A calendar quarter not yet over that a past clause reports on is a fiscal quarter
 * already ended: the latest period and "a year earlier" follow it; a forecast does not. */
static void test_reported_fiscal_quarter(void **state) {
  (void)state;
  const char *nov = "2024-11-05";
  const char *told = "The ferry line earned $5 million in its fourth quarter. Sales in the latest period rose "
                     "3% from a year earlier.";
  S_expect(told, nov, "the latest period", "2024-Q4", D);
  S_expect(told, nov, "a year earlier", "2023-Q4", D);
  const char *plan = "The ferry line expects to earn $5 million in its fourth quarter. Sales in the latest "
                     "period rose 3% from a year earlier.";
  S_expect(plan, nov, "the latest period", "2024-Q3", D);
  S_expect(plan, nov, "a year earlier", "2023", D);
}

/* A day something was put off to lies ahead, even in a past clause (a Thursday anchor). */
static void test_postponed_to_weekday(void **state) {
  (void)state;
  const char *thu = "2024-10-24";
  S_expect("The council postponed until Tuesday its vote on the tolls.", thu, "Tuesday", "2024-10-29", D);
  S_expect("The hearing was put off until Monday.", thu, "Monday", "2024-10-28", D);
  S_expect("The council met on Tuesday and voted.", thu, "Tuesday", "2024-10-22", D);
}

/* Two-word phrases (data/time_phrases.txt) in any case, with "the" where they take it:
 * relword's filter, read from the first word's packed key, lets each through. */
static void test_phrases_any_case(void **state) {
  (void)state;
  S_expect("These days the ferry runs late.", SUN, "These days", "PRESENT_REF", D);
  S_expect("RIGHT NOW the quay is shut.", SUN, "RIGHT NOW", "PRESENT_REF", D);
  S_expect("Tolls will rise over the Long Term, the board said.", SUN, "the Long Term", "FUTURE_REF", D);
  S_expect("More boats will come in the years ahead.", SUN, "the years ahead", "PXY", DS_TIME_DURATION);
}

/* A number word opens a year in words, a count before "ago" or a span; nothing else
 * (S_core_count tries those alone there). */
static void test_number_word_starts(void **state) {
  (void)state;
  S_expect("The ferry first sailed in nineteen eighty-four.", SUN, "nineteen eighty-four", "1984", D);
  S_expect("The quay flooded a week ago, the harbour master said.", SUN, "a week ago", "2024-W42", D);
  S_expect("The crossing took several hours in the fog.", SUN, "several hours", "PTXH", DS_TIME_DURATION);
  S_expect("Divers searched the wreck for a few days.", SUN, "a few days", "PXD", DS_TIME_DURATION);
  S_expect_none("Twelve boats left, and three of them came back a dozen times.", SUN);
}

/* "the winter of 1994": that season of the year written. */
static void test_season_of_year(void **state) {
  (void)state;
  S_expect("The river froze in the winter of 1994.", SUN, "the winter of 1994", "1994-WI", D);
  S_expect("It reopened in the summer of nineteen ninety-six.", SUN, "the summer of nineteen ninety-six",
           "1996-SU", D);
  S_expect("The pier was rebuilt last summer.", SUN, "last summer", "2024-SU", D);
}

/* mid-afternoon yesterday, by late morning: a part of that day, or of the day last named. */
static void test_modified_part_of_day(void **state) {
  (void)state;
  S_expect("The ferry docked at mid-afternoon yesterday.", SUN, "mid-afternoon yesterday", "2024-10-26TAF",
           DS_TIME_TIME);
  S_expect("Divers went down on Oct. 21. By late morning they had found the hull.", SUN, "late morning",
           "2024-10-21TMO", DS_TIME_TIME);
  S_expect("By mid afternoon the bridge was open.", SUN, "mid afternoon", "2024-10-27TAF", DS_TIME_TIME);
  S_expect_none("The crew worked a late shift in a mid-size boat.", SUN);
}

/* day-long, decades-long: spans; "a 10-year-old boy" is an age, no time. */
static void test_unit_long(void **state) {
  (void)state;
  S_expect("The ferry strike became a day-long protest.", SUN, "day-long", "P1D", DS_TIME_DURATION);
  S_expect("It ended a decades-long dispute over tolls.", SUN, "decades-long", "PXY", DS_TIME_DURATION);
  S_expect_none("A 10-year-old boy rang the bell.", SUN);
}

/* A hyphenated adjective leaves its article out (the 30-day limit, the third-quarter
 * loss); a counted span keeps it (the nine months). */
static void test_adjective_spans(void **state) {
  (void)state;
  S_expect("The 30-day closure angered drivers.", SUN, "30-day", "P30D", DS_TIME_DURATION);
  S_expect("The ferry line blamed the third-quarter loss on fuel.", SUN, "third-quarter", "2024-Q3", D);
  S_expect("Fares rose in the nine months to September.", SUN, "the nine months", "P9M", DS_TIME_DURATION);
  S_expect("Fares rose in the third quarter.", SUN, "the third quarter", "2024-Q3", D);
  /* a quarter-to-quarter comparison names no quarter */
  S_expect_none("The quarter-to-quarter comparison flattered the ferry line.", SUN);
}

/* coming months, future quarters, past years: with no article and no count a plural unit
 * is a reference ahead or back; with "the" or a count it stays a span. */
static void test_unit_refs(void **state) {
  (void)state;
  S_expect("Tolls may rise in coming months, the ferry line said.", SUN, "coming months", "FUTURE_REF", D);
  S_expect("The depot will cut costs in future quarters.", SUN, "future quarters", "FUTURE_REF", D);
  S_expect("Upcoming weeks look busy for the harbour.", SUN, "Upcoming weeks", "FUTURE_REF", D);
  S_expect("Floods hit the valley in past years as well.", SUN, "past years", "PAST_REF", D);
  S_expect("Tolls may rise in the coming years.", SUN, "the coming years", "PXY", DS_TIME_DURATION);
  S_expect("Tolls rose over the past two years.", SUN, "the past two years", "P2Y", DS_TIME_DURATION);
  /* an adjective before some other noun names no time */
  S_expect_none("Future losses worry the ferry line.", SUN);
  S_expect_none("The coming storm worries the ferry line.", SUN);
}

/* "This quarter's loss" in a report that has named its quarter is that quarter's; with
 * no quarter named, or without the possessive, it is the calendar's. */
static void test_this_quarters(void **state) {
  (void)state;
  S_expect("The ferry line lost $2 million in its third quarter. This quarter's loss includes a "
           "charge for new boats.", SUN, "This quarter", "2024-Q3", D);
  S_expect("This quarter's fares should rise, the ferry line said.", SUN, "This quarter", "2024-Q4", D);
  S_expect("The ferry line lost $2 million in its third quarter. It expects a profit this quarter.",
           SUN, "this quarter", "2024-Q4", D);
}

/* "the leaders of tomorrow" is an era, as "tomorrow's leaders" is; "the vote of today"
 * and "the ferry of tomorrow" ("ferry" names no generation) stay days. */
static void test_era_of_tomorrow(void **state) {
  (void)state;
  S_expect_none("The harbour school trains the leaders of tomorrow.", SUN);
  S_expect_none("The ferry line wants to hire the people of tomorrow.", SUN);
  S_expect("The vote of today decides the ferry fares.", SUN, "today", "2024-10-27", D);
  S_expect("The ferry of tomorrow leaves at dawn.", SUN, "tomorrow", "2024-10-28", D);
}

/* "the May elections", "the March rally": May and March before a lower-case noun are the
 * month; before a preposition, or as a verb, they are no time. */
static void test_month_before_noun(void **state) {
  (void)state;
  S_expect("The May elections gave the ferry union a new leader.", SUN, "May", "2024-05", D);
  S_expect("The March rally drew dock workers from three towns.", SUN, "March", "2024-03", D);
  S_expect_none("The March on the capital drew dock workers.", SUN);
  S_expect_none("The ferry union may march to the harbour.", SUN);
  S_expect_none("They joined the March for Ferries in the rain.", SUN);
}

/* "two to six days": the first count of a range is a span of its own in the range's unit;
 * a range of other things (points, percent) is no time. */
static void test_range_first_count(void **state) {
  (void)state;
  S_expect("Repairs take two to six days, the yard said.", SUN, "two", "P2D", DS_TIME_DURATION);
  S_expect("Repairs take two to six days, the yard said.", SUN, "six days", "P6D", DS_TIME_DURATION);
  S_expect("Fares will fall within 12 to 18 months.", SUN, "12", "P12M", DS_TIME_DURATION);
  S_expect_none("Ferry shares rose 2 to 3 points.", SUN);
  S_expect_none("Fares rose 9 to 12 percent.", SUN);
}

/* "the weeks ahead" is an unsaid number of weeks, as "the coming weeks" is (PXW, a span);
 * "the near future" stays a reference. */
static void test_units_ahead(void **state) {
  (void)state;
  S_expect("Fares may rise in the weeks ahead.", SUN, "the weeks ahead", "PXW", DS_TIME_DURATION);
  S_expect("The yard will be busy in the days ahead.", SUN, "the days ahead", "PXD", DS_TIME_DURATION);
  S_expect("Fares may rise in the near future.", SUN, "the near future", "FUTURE_REF", D);
  S_expect_none("The road ahead is long for the ferry line.", SUN);
}

/* Named days from data/time_holidays.txt: fixed dates, the n-th weekday of a month,
 * Easter by the computus, Easter week as its ISO week; a longer name is no day. */
static void test_named_days(void **state) {
  (void)state;
  S_expect("The ferry will not run on Christmas Eve.", "2024-12-20", "Christmas Eve", "2024-12-24",
           D);
  S_expect("The bridge toll rises on New Year's Day.", "2024-12-20", "New Year's Day", "2025-01-01",
           D);
  S_expect("The bridge toll rises on New Year\u2019s Day.", "2024-12-20", "New Year\u2019s Day",
           "2025-01-01", D);
  /* the Tuesday after the first Monday: in 2022 November opened on a Tuesday */
  S_expect("Voters will decide the bridge bond on Election Day.", SUN, "Election Day", "2024-11-05",
           D);
  S_expect("Voters will decide the bridge bond on Election Day.", "2022-10-15", "Election Day",
           "2022-11-08", D);
  S_expect("The pier was packed last Thanksgiving.", SUN, "last Thanksgiving", "2023-11-23", D);
  S_expect("The pier reopens on Memorial Day.", "2024-05-01", "Memorial Day", "2024-05-27", D);
  S_expect("The pier reopened at Easter.", "2024-05-10", "Easter", "2024-03-31", D);
  S_expect("The ferry will resume after Easter.", "2025-02-01", "Easter", "2025-04-20", D);
  S_expect("The yard closes on Good Friday.", "2025-04-01", "Good Friday", "2025-04-18", D);
  S_expect("Crowds are expected in Easter week.", "2025-04-10", "Easter week", "2025-W16", D);
  S_expect_none("The ferry sailed to Easter Island.", SUN);
  S_expect_none("A ferry to Christmas Island sank.", SUN);
  /* a capitalised word after the day that makes no longer name: the sentence goes on */
  S_expect("On Christmas Eve President Ida Renn spoke.", "2024-12-20", "Christmas Eve",
           "2024-12-24", D);
  S_expect("Since Thanksgiving Mayor Renn has been away.", "2024-12-20", "Thanksgiving",
           "2024-11-28", D);
  S_expect_none("Good news came for the ferry line.", SUN);
  S_expect_none("Labor leaders met the ferry owners.", SUN);
}

/* Noon and midnight alone are the anchor's day after a cue (at noon: T12:00, until
 * midnight: T24:00); without one they are an attribute or a name. */
static void test_noon_alone(void **state) {
  (void)state;
  S_expect("The pier reopens at noon.", SUN, "noon", "2024-10-27T12:00", DS_TIME_TIME);
  S_expect("The pier reopens at midday.", SUN, "midday", "2024-10-27T12:00", DS_TIME_TIME);
  S_expect("Tolls are waived until midnight.", SUN, "midnight", "2024-10-27T24:00", DS_TIME_TIME);
  S_expect("The pier will reopen at noon Thursday.", SUN, "noon Thursday", "2024-10-31T12:00",
           DS_TIME_TIME);
  S_expect_none("The midday ferry was full.", SUN);
  S_expect_none("Midnight Oil played on the pier.", SUN);
}

/* An unsaid number of centuries keeps its unit (PXC); counted ones, and decades, are
 * written in years. */
static void test_centuries_unit(void **state) {
  (void)state;
  S_expect("The pier has stood for centuries.", SUN, "centuries", "PXC", DS_TIME_DURATION);
  S_expect("The pier has stood for a century.", SUN, "a century", "P100Y", DS_TIME_DURATION);
  S_expect("The ferry ran for decades.", SUN, "decades", "PXY", DS_TIME_DURATION);
  S_expect("The ferry ran for years.", SUN, "years", "PXY", DS_TIME_DURATION);
}

/* "said that on Thursday, [a subject too long for the tense window] had been ...": the
 * reporting verb before "that" decides; a marker in the clause itself still wins. */
static void test_tense_past_boundary(void **state) {
  (void)state;
  const char *mon = "2024-10-28";
  S_expect("The ferry line said that on Thursday, 1,250 riders of the Harbour Line and 3,400 "
           "holders of the monthly pass with discount cards had been counted at the gates.",
           mon, "Thursday", "2024-10-24", D);
  S_expect("The ferry line said that on Thursday the pier will reopen.", mon, "Thursday",
           "2024-10-31", D);
  S_expect("The ferry line said that on Thursday the pier is open.", mon, "Thursday", "2024-10-31", D);
}

/* A plan in the past perfect (had been due to, had planned to) is gone by: its date is
 * behind; "is due to", "was due to" still look ahead. */
static void test_past_perfect_plan(void **state) {
  (void)state;
  const char *mon = "2024-10-28";
  S_expect("The ferry contract had been due to expire on Friday.", mon, "Friday", "2024-10-25", D);
  S_expect("The yard had planned to reopen the pier on Friday.", mon, "Friday", "2024-10-25", D);
  S_expect("The ferry contract is due to expire on Friday.", mon, "Friday", "2024-11-01", D);
  S_expect("The ferry contract was due to expire on Friday.", mon, "Friday", "2024-11-01", D);
}

/* "two thousand years" is a count of millennia (P2L), not the year 2000; the year read
 * out on air and counts of fewer years stay as they were. */
static void test_thousands_of_years(void **state) {
  (void)state;
  S_expect("The harbour has been used for two thousand years.", SUN, "two thousand years", "P2L",
           DS_TIME_DURATION);
  S_expect("The harbour has been used for a thousand years.", SUN, "a thousand years", "P1L",
           DS_TIME_DURATION);
  S_expect("By the year two thousand the pier was gone.", SUN, "the year two thousand", "2000", D);
  S_expect("The harbour has been used for twenty years.", SUN, "twenty years", "P20Y",
           DS_TIME_DURATION);
  /* in digits too: a plural unit after four digits makes them a count, not a year */
  S_expect("The harbour has been used for 1000 years.", SUN, "1000 years", "P1L", DS_TIME_DURATION);
  S_expect("The harbour has been used since 1000 AD.", SUN, "1000", "1000", D);
  /* "thousand" multiplies a count once: twice, with centuries, overflowed an int
   * (P410065408Y); "thousand centuries" is then read alone */
  S_expect("The myth says the harbour stood for ninety thousand thousand centuries.", SUN,
           "thousand centuries", "P100L", DS_TIME_DURATION);
  S_expect("The harbour has stood for ninety thousand centuries.", SUN,
           "ninety thousand centuries", "P9000L", DS_TIME_DURATION);
}

/* "for a while", "for some time": a span of unsaid length; without "for" no span. */
static void test_for_a_while(void **state) {
  (void)state;
  S_expect("The ferry will stay in dock for a while.", SUN, "a while", "PXX", DS_TIME_DURATION);
  S_expect("Fares have been rising for some time.", SUN, "some time", "PXX", DS_TIME_DURATION);
  S_expect("The pier has been closed for quite a while.", SUN, "a while", "PXX", DS_TIME_DURATION);
  S_expect_none("Once in a while the ferry runs late.", SUN);
  S_expect_none("At some time the old ferry will be sold.", SUN);
}

/* "over the years" is a span of unsaid years, "at the time" a past the story told of;
 * "at the time of the storm" is the storm's time, not a time of its own. */
static void test_over_the_years(void **state) {
  (void)state;
  S_expect("Fares crept up over the years.", SUN, "the years", "PXY", DS_TIME_DURATION);
  S_expect("At the time, the ferry carried forty cars.", SUN, "the time", "PAST_REF", D);
  S_expect("The captain said at the time that the pier was safe.", SUN, "the time", "PAST_REF", D);
  S_expect_none("The ferry was full at the time of the storm.", SUN);
  S_expect_none("The crew chose the time and place of the launch.", SUN);
  S_expect_none("The years were kind to the old ferry.", SUN);
}

/* "a later date" is a time ahead, as "the near future" is; compared with another time
 * ("a later date than") or with "the" it is not. */
static void test_later_date(void **state) {
  (void)state;
  S_expect("The ferry line will sell the boats at a later date.", SUN, "a later date", "FUTURE_REF",
           D);
  S_expect("The vote on fares was put off to a later date.", SUN, "a later date", "FUTURE_REF", D);
  S_expect_none("The new ferry sailed at a later date than the old one.", SUN);
  S_expect_none("The later date suits the ferry crews.", SUN);
}

/* "current" before a noun is the present, "then current" a past; the noun, and the
 * terms that name no time (current account), are not times. */
static void test_current_adjective(void **state) {
  (void)state;
  S_expect("The ferry line blamed its current losses on fuel.", SUN, "current", "PRESENT_REF", D);
  S_expect("Her current post is harbour master.", SUN, "current", "PRESENT_REF", D);
  S_expect("Holders may buy shares at the then current price.", SUN, "then current", "PAST_REF", D);
  S_expect("Holders may buy shares at the then-current price.", SUN, "then-current", "PAST_REF", D);
  S_expect("Fares rose in the current quarter.", SUN, "current quarter", "2024-Q4", D);
  S_expect_none("The current was too strong for the ferry.", SUN);
  S_expect_none("A current of anger ran through the dock.", SUN);
  S_expect_none("The island's current account deficit widened.", SUN);
  S_expect_none("The ferry line listed its current assets.", SUN);
}

/* "soon" beside the auxiliary that puts its clause ahead is FUTURE_REF; "as soon as",
 * "soon after", a past narrative and "too soon to say" are no time. */
static void test_soon_ahead(void **state) {
  (void)state;
  S_expect("The ferry line will soon add a night crossing.", SUN, "soon", "FUTURE_REF", D);
  S_expect("The yard soon will repaint the hull.", SUN, "soon", "FUTURE_REF", D);
  S_expect("Regulators may soon approve the new fares.", SUN, "soon", "FUTURE_REF", D);
  S_expect_none("The ferry left as soon as the fog lifted.", SUN);
  S_expect_none("The captain was soon released from hospital.", SUN);
  S_expect_none("The ferry sank soon after the storm began.", SUN);
  S_expect_none("It is too soon to judge the new fares.", SUN);
}

/* "two hundred years" is one span of 200 years; "two thousand" is the year 2000 only
 * when no counted noun follows and no quantity word comes before. */
static void test_hundreds_and_thousands(void **state) {
  (void)state;
  S_expect("The old pier stood for two hundred years.", SUN, "two hundred years", "P200Y",
           DS_TIME_DURATION);
  S_expect("The pier stood for almost a hundred years.", SUN, "almost a hundred years", "P100Y",
           DS_TIME_DURATION);
  S_expect("Ferries have crossed here for more than two thousand years.", SUN,
           "more than two thousand years", "P2L", DS_TIME_DURATION);
  S_expect("The bridge was promised by the year two thousand.", SUN, "the year two thousand", "2000",
           D);
  S_expect("The ferry ran until two thousand, when the bridge opened.", SUN, "two thousand", "2000",
           D);
  S_expect_none("Two thousand drivers crossed the bridge.", SUN);
  S_expect_none("About two thousand people waited for the ferry.", SUN);
}

/* A year before a plural noun names the noun's time after "the" or a prefix ("the 2012
 * floods", "post-1959 politics"); bare, the number counts the noun ("sent 2000 troops"). */
static void test_year_before_plural(void **state) {
  (void)state;
  S_expect("The 2012 floods closed the ferry for a month.", SUN, "2012", "2012", D);
  S_expect("Post-1998 ferries carry more cars.", SUN, "Post-1998", "1998", D);
  S_expect("The ferry's pre-2010 timetables were simpler.", SUN, "pre-2010", "2010", D);
  S_expect_none("The ferry line hired 2000 workers.", SUN);
  S_expect_none("Crews moved 1500 crates off the ferry.", SUN);
}

/* In a habit, "the second and fourth quarters" are those quarters of any year, one
 * expression per ordinal; "the latest fiscal year" is the last closed one, the
 * anchor's previous year. */
static void test_paired_quarters_latest_year(void **state) {
  (void)state;
  const char *p = "Ferry tickets usually sell best in the second and fourth quarters.";
  S_expect(p, SUN, "second", "XXXX-Q2", D);
  S_expect(p, SUN, "fourth quarters", "XXXX-Q4", D);
  S_expect("Repairs typically peak in the 1st or 3rd quarters.", SUN, "3rd quarters", "XXXX-Q3", D);
  /* one occasion, or a year after the pair: not any year's quarters */
  S_expect_none("Ferry tolls rose in the second and fourth quarters.", SUN);
  S_scan s;
  S_run(&s, "Tolls usually rise in the first and second quarters of 2025.", SUN);
  for (size_t k = 0; k < s.n; k++) assert_null(strstr(s.t[k].value, "XXXX"));
  ds_arena_free(&s.arena);
  /* one quarter, or a pair without the plural, keeps its year */
  S_expect("Tolls rose in the second quarter.", SUN, "the second quarter", "2024-Q2", D);
  S_expect("Tolls rose in the second and fourth quarter.", SUN, "fourth quarter", "2024-Q4", D);
  S_expect_none("The second and fourth crews left.", SUN);
  S_expect("The ferry line sold $9 million of tickets in the latest fiscal year.", SUN,
           "the latest fiscal year", "2023", D);
  S_expect("The line expects more in the current fiscal year.", SUN, "the current fiscal year", "2024", D);
}

/* A market report's "for the week" and "the week's" are a week of the anchor's year left
 * unnumbered (YYYY-WXX); other uses of "the week" are not this pattern's. */
static void test_market_week(void **state) {
  (void)state;
  S_expect("Ferry shares rose 2% on Friday. For the week, they gained 5%.", SUN, "the week", "2024-WXX", D);
  S_expect("Thursday was the week's busiest day for ferry shares.", SUN, "the week", "2024-WXX", D);
  S_expect_none("The ferry crew worked hard for the week they were paid.", SUN);
  S_expect_none("The week ended quietly at the ferry terminal.", SUN);
  S_expect("Ferry shares closed up 4% for the week.", SUN, "the week", "2024-WXX", D);
}

/* "until then", "by then" are the date the text last wrote, at its precision; "since
 * then", a bare "then" and "until then" before any date are no time. */
static void test_until_then(void **state) {
  (void)state;
  S_expect("The old pier shuts on Nov. 3. Until then, ferries dock there.", SUN, "then", "2024-11-03", D);
  S_expect("Repairs end in March 2025. By then the fares will have risen.", SUN, "then", "2025-03", D);
  S_expect("The bridge opened in 2019, and till then the ferry was full.", SUN, "then", "2019", D);
  S_scan s;
  S_run(&s, "The pier shut on Nov. 3. Since then, and then again today, crews idled.", SUN);
  assert_null(S_find(&s, "then"));
  ds_arena_free(&s.arena);
  S_expect_none("Until then, the ferry ran on time, and then it stopped.", SUN);
}

/* A weekday inside a name (a newspaper, a treaty) is no day; a weekday beside a capital
 * at a sentence's start or before a noun it dates stays one. */
static void test_weekday_in_name(void **state) {
  (void)state;
  S_expect_none("The ferry strike made the front page of the Sunday Courier.", SUN);
  S_expect_none("Both sides cited the Good Friday Accord in the ferry talks.", SUN);
  S_expect("On Friday Harbour officials closed the pier.", SUN, "Friday", "2024-10-25", D);
  S_expect("Crews skipped Sunday Mass to repair the pier.", SUN, "Sunday", "2024-10-27", D);
  S_expect("The Sunday before the vote, crews repaired the pier.", SUN, "Sunday", "2024-10-27", D);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_absolute_dates),    cmocka_unit_test(test_months_and_years),
      cmocka_unit_test(test_weekdays),          cmocka_unit_test(test_relative),
      cmocka_unit_test(test_ranges_and_deadlines), cmocka_unit_test(test_durations_and_sets),
      cmocka_unit_test(test_year_boundaries),   cmocka_unit_test(test_clock_times),
      cmocka_unit_test(test_not_times),         cmocka_unit_test(test_unanchored),
      cmocka_unit_test(test_sorted_and_sentences), cmocka_unit_test(test_infer_published),
      cmocka_unit_test(test_value_date),
      cmocka_unit_test(test_timeml_conventions), cmocka_unit_test(test_day_ranges),
      cmocka_unit_test(test_tense_cues),        cmocka_unit_test(test_infer_sound),
      cmocka_unit_test(test_starters_listed),   cmocka_unit_test(test_anaphora),
      cmocka_unit_test(test_report_periods),    cmocka_unit_test(test_named_periods),
      cmocka_unit_test(test_count_fillers_and_cues), cmocka_unit_test(test_year_ago_comparisons),
      cmocka_unit_test(test_scan_shortcuts),    cmocka_unit_test(test_today_in_names),
      cmocka_unit_test(test_parts_of_day),      cmocka_unit_test(test_quarter_ended),
      cmocka_unit_test(test_range_to_weekday),  cmocka_unit_test(test_today_as_era),
      cmocka_unit_test(test_nth_day_today),     cmocka_unit_test(test_one_day_someday),
      cmocka_unit_test(test_reported_fiscal_quarter), cmocka_unit_test(test_postponed_to_weekday),
      cmocka_unit_test(test_season_of_year),    cmocka_unit_test(test_modified_part_of_day),
      cmocka_unit_test(test_unit_long),         cmocka_unit_test(test_adjective_spans),
      cmocka_unit_test(test_unit_refs),         cmocka_unit_test(test_this_quarters),
      cmocka_unit_test(test_era_of_tomorrow),   cmocka_unit_test(test_month_before_noun),
      cmocka_unit_test(test_range_first_count), cmocka_unit_test(test_units_ahead),
      cmocka_unit_test(test_number_word_starts),
      cmocka_unit_test(test_phrases_any_case),
      cmocka_unit_test(test_named_days),        cmocka_unit_test(test_noon_alone),
      cmocka_unit_test(test_centuries_unit),    cmocka_unit_test(test_tense_past_boundary),
      cmocka_unit_test(test_past_perfect_plan), cmocka_unit_test(test_thousands_of_years),
      cmocka_unit_test(test_current_adjective), cmocka_unit_test(test_soon_ahead),
      cmocka_unit_test(test_hundreds_and_thousands), cmocka_unit_test(test_year_before_plural),
      cmocka_unit_test(test_later_date),       cmocka_unit_test(test_for_a_while),
      cmocka_unit_test(test_over_the_years),    cmocka_unit_test(test_paired_quarters_latest_year),
      cmocka_unit_test(test_market_week),       cmocka_unit_test(test_until_then),
      cmocka_unit_test(test_weekday_in_name),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
