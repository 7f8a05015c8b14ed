/* Unit tests of the timeline (src/link_timeline.c) through the public API: a small
 * corpus of our own fictional reports, checking date order, the merging of one event
 * told by two outlets, and that a reprint does not count as another outlet. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "corpus.h"
#include "test_util.h"

static const char S_a[] =
    "---\npublished: 2025-03-14\noutlet: Harbour Herald\n---\n"
    "Bridge closed after cracks found\n\n"
    "The harbour authority closed the Elm Street bridge on Wednesday after engineers found "
    "deep cracks in its main span. Traffic was sent through the old tunnel instead.\n\n"
    "Mayor Ada Brandt will inspect the damaged span on March 20, her office said.\n\n"
    "Repairs to the tunnel itself began in February and are not yet finished.\n";

static const char S_b[] =
    "---\npublished: 2025-03-15\noutlet: Coast Courier\n---\n"
    "Elm Street bridge shut\n\n"
    "Engineers discovered deep cracks in the main span, and the harbour authority closed the "
    "Elm Street bridge on March 12, officials told reporters.\n\n"
    "The ferry company added two crossings on Thursday to carry the commuters.\n";

/* A reprint of S_a by another site: the same words, a later date. */
static const char S_c[] =
    "---\npublished: 2025-03-15\noutlet: Valley Daily\n---\n"
    "Bridge closed after cracks found\n\n"
    "The harbour authority closed the Elm Street bridge on Wednesday after engineers found "
    "deep cracks in its main span. Traffic was sent through the old tunnel instead.\n\n"
    "Mayor Ada Brandt will inspect the damaged span on March 20, her office said.\n\n"
    "Repairs to the tunnel itself began in February and are not yet finished.\n";

static dossier_corpus *S_corpus(bool reprint) {
  dossier_corpus *c = dossier_corpus_new(NULL);
  assert_int_equal(dossier_corpus_add_memory(c, "herald.txt", S_a, strlen(S_a)), 1);
  assert_int_equal(dossier_corpus_add_memory(c, "courier.txt", S_b, strlen(S_b)), 1);
  if (reprint) assert_int_equal(dossier_corpus_add_memory(c, "valley.txt", S_c, strlen(S_c)), 1);
  dossier_corpus_analyze(c);
  return c;
}

static const ds_timeline_entry *S_entry(const dossier_corpus *c, const char *date, const char *word) {
  for (size_t i = 0; i < c->timeline.len; i++) {
    const ds_timeline_entry *t = &c->timeline.items[i];
    if (!strcmp(t->date, date) && strstr(t->text, word)) return t;
  }
  return NULL;
}

static void test_order_and_merge(void **state) {
  (void)state;
  dossier_corpus *c = S_corpus(false);
  for (size_t i = 1; i < c->timeline.len; i++)
    assert_true(strcmp(c->timeline.items[i - 1].date, c->timeline.items[i].date) <= 0);
  /* Wednesday before a Friday 14 March and "March 12" are the same day: one entry */
  const ds_timeline_entry *closed = S_entry(c, "2025-03-12", "closed");
  assert_non_null(closed);
  assert_int_equal(closed->articles.len, 2);
  assert_int_equal(closed->articles.items[0], 0);
  assert_int_equal(closed->articles.items[1], 1);
  assert_int_equal(closed->n_outlets, 2);
  assert_int_equal(closed->times.len, 2);
  /* the future inspection, the ferry crossings on Thursday (13 March) */
  const ds_timeline_entry *visit = S_entry(c, "2025-03-20", "inspect");
  assert_non_null(visit);
  assert_int_equal(visit->articles.len, 1);
  const ds_timeline_entry *ferry = S_entry(c, "2025-03-13", "ferry");
  assert_non_null(ferry);
  assert_int_equal(ferry->articles.items[0], 1);
  /* the month-precision entry sorts before the days of March */
  const ds_timeline_entry *repairs = S_entry(c, "2025-02", "Repairs");
  assert_non_null(repairs);
  assert_true(repairs < closed && closed < ferry && ferry < visit);
  dossier_corpus_free(c);
}

static void test_reprint_not_an_outlet(void **state) {
  (void)state;
  dossier_corpus *c = S_corpus(true);
  const ds_article *copy = c->articles.items[2];
  const ds_timeline_entry *closed = S_entry(c, "2025-03-12", "closed");
  assert_non_null(closed);
  assert_int_equal(closed->articles.len, 3);
  assert_int_equal(closed->n_outlets, copy->duplicate_of >= 0 ? 2 : 3);
  assert_true(copy->duplicate_of == 0); /* the dedup stage marks the copy */
  dossier_corpus_free(c);
}

/* An undated report borrowing an old year ("the 2019 toll plan") is re-anchored on the
 * dated reports of the pile, so its "March 12" joins the same entry. */
static const char S_undated[] =
    "Cracks close Elm Street bridge\n\n"
    "Reviving memories of the failed 2019 toll plan, the harbour authority closed the Elm "
    "Street bridge on March 12 after engineers found deep cracks in its main span.\n";

static void test_undated_reanchored(void **state) {
  (void)state;
  dossier_corpus *c = dossier_corpus_new(NULL);
  assert_int_equal(dossier_corpus_add_memory(c, "herald.txt", S_a, strlen(S_a)), 1);
  assert_int_equal(dossier_corpus_add_memory(c, "undated.txt", S_undated, strlen(S_undated)), 1);
  dossier_corpus_analyze(c);
  const ds_article *u = c->articles.items[1];
  assert_int_equal(u->published_basis, DS_BASIS_INFERRED);
  assert_string_equal(u->published, "2025-03-12");
  const ds_timeline_entry *closed = S_entry(c, "2025-03-12", "closed");
  assert_non_null(closed);
  assert_int_equal(closed->articles.len, 2);
  assert_null(S_entry(c, "2019-03-12", "closed"));
  dossier_corpus_free(c);
}

/* ---- the event a clause names (link_timeline_clause.c) ---- */

static const ds_timeline_entry *S_exact(const dossier_corpus *c, const char *date, const char *text) {
  for (size_t i = 0; i < c->timeline.len; i++) {
    const ds_timeline_entry *t = &c->timeline.items[i];
    if (!strcmp(t->date, date) && !strcmp(t->text, text)) return &c->timeline.items[i];
  }
  for (size_t i = 0; i < c->timeline.len; i++) /* shows what there was when a test fails */
    print_message("  %s | %s\n", c->timeline.items[i].date, c->timeline.items[i].text);
  return NULL;
}

#define S_HEAD "---\npublished: 2025-03-14\noutlet: Harbour Herald\n---\nPier news\n\n"

/* One sentence per case: the label keeps subject, verb and object and drops the
 * date; "officials said" drops out; a trailing "X said on Tuesday" names what X said;
 * "who" leads back to the person; a date before a noun names the thing. */
static void test_labels(void **state) {
  (void)state;
  static const struct {
    const char *text, *date, *label;
  } cases[] = {
      {"The harbour authority closed the Elm Street bridge on Wednesday after engineers found deep cracks.",
       "2025-03-12", "The harbour authority closed the Elm Street bridge"},
      {"The city council, the town's elected body, earlier on March 11 approved the budget.", "2025-03-11",
       "The city council approved the budget"},
      {"On Thursday, the ferry company added two crossings.", "2025-03-13", "The ferry company added two crossings"},
      {"The mayor will inspect the damaged span on March 20.", "2025-03-20", "The mayor will inspect the damaged span"},
      {"The agency could send as many as 40 engineers by April.", "2025-04",
       "The agency could send as many as 40 engineers"},
      {"Officials said on Thursday that the pier had reopened.", "2025-03-13", "The pier had reopened"},
      {"The pier reopened to walkers, the harbour office said on Tuesday.", "2025-03-11",
       "The harbour office said the pier reopened to walkers"},
      {"Mayor Ada Brandt, who toured the pier on Monday, praised the crews.", "2025-03-10",
       "Mayor Ada Brandt toured the pier"},
      {"Residents still recall the March 2 winter storm.", "2025-03-02", "Winter storm"},
      {"Divers came to relieve the crews that repaired the jetty in February.", "2025-02",
       "The crews repaired the jetty"},
  };
  enum { N = sizeof cases / sizeof *cases };
  char texts[N][400];
  const char *ptrs[N];
  for (size_t i = 0; i < N; i++) {
    snprintf(texts[i], sizeof texts[i], S_HEAD "%s\n", cases[i].text);
    ptrs[i] = texts[i];
  }
  dossier_corpus *c = tu_pile(ptrs, N);
  for (size_t i = 0; i < N; i++) assert_non_null(S_exact(c, cases[i].date, cases[i].label));
  assert_int_equal(c->timeline.len, N);
  dossier_corpus_free(c);
}

/* A dateline dates the report, not an event. */
static void test_dateline_not_event(void **state) {
  (void)state;
  static const char *const texts[] = {
      "---\npublished: 2025-03-14\n---\nPier\n\nHAVENPORT, March 14 (HPA) - The old pier remained shut to "
      "walkers and anglers.\n",
  };
  dossier_corpus *c = tu_pile(texts, 1);
  assert_int_equal(c->timeline.len, 0);
  dossier_corpus_free(c);
}

/* Synonyms (ratified / approved, treaty / agreement) join two outlets' reports of one
 * event; another event of the same day stays apart. */
static void test_merge_synonyms(void **state) {
  (void)state;
  static const char *const texts[] = {
      "---\npublished: 2025-03-14\noutlet: Harbour Herald\n---\nTreaty\n\n"
      "The council ratified the harbour treaty on Tuesday. The mayor inspected the tunnel on Tuesday.\n",
      "---\npublished: 2025-03-14\noutlet: Coast Courier\n---\nTreaty\n\n"
      "Councillors approved the harbour agreement on March 11, the clerk said.\n",
  };
  dossier_corpus *c = tu_pile(texts, 2);
  const ds_timeline_entry *t = S_exact(c, "2025-03-11", "The council ratified the harbour treaty");
  assert_non_null(t);
  assert_int_equal(t->articles.len, 2);
  assert_int_equal(t->n_outlets, 2);
  t = S_exact(c, "2025-03-11", "The mayor inspected the tunnel");
  assert_non_null(t);
  assert_int_equal(t->articles.len, 1);
  assert_int_equal(c->timeline.len, 2);
  dossier_corpus_free(c);
}

/* "mid-March" sorts in the middle of March, a bare "March" before its days. */
static void test_month_placement(void **state) {
  (void)state;
  static const char *const texts[] = {
      "---\npublished: 2025-03-20\n---\nSeawall\n\n"
      "Crews repaired the seawall on March 16. Divers surveyed the harbour floor on March 12. "
      "Work on the new seawall began in mid-March. The port board drew up the plan in March.\n",
  };
  dossier_corpus *c = tu_pile(texts, 1);
  assert_int_equal(c->timeline.len, 4);
  assert_string_equal(c->timeline.items[0].text, "The port board drew up the plan");
  assert_string_equal(c->timeline.items[1].date, "2025-03-12");
  assert_string_equal(c->timeline.items[2].text, "Work on the new seawall began");
  assert_string_equal(c->timeline.items[2].date, "2025-03");
  assert_string_equal(c->timeline.items[3].date, "2025-03-16");
  dossier_corpus_free(c);
}

/* A range is one event at its start; two dates far apart in a sentence stay two. */
static void test_range_is_one_event(void **state) {
  (void)state;
  static const char *const texts[] = {
      "---\npublished: 2025-03-15\noutlet: Coast Courier\n---\n"
      "Ferry crews tracked the drifting tanker from March 3 to March 7 before towing it "
      "into port.\n\n"
      "The harbour board inspected the tanker between March 9 and 11 in the dry dock.\n\n"
      "The board met its owners on March 1 and then fined the company on March 13 for "
      "the spill.\n"};
  dossier_corpus *c = tu_pile(texts, 1);
  assert_non_null(S_entry(c, "2025-03-03", "tracked"));
  assert_null(S_entry(c, "2025-03-07", "tracked"));
  assert_non_null(S_entry(c, "2025-03-09", "inspected"));
  assert_null(S_entry(c, "2025-03-11", "inspected"));
  assert_non_null(S_entry(c, "2025-03-01", "board"));
  assert_non_null(S_entry(c, "2025-03-13", "board"));
  dossier_corpus_free(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_order_and_merge),
      cmocka_unit_test(test_reprint_not_an_outlet),
      cmocka_unit_test(test_undated_reanchored),
      cmocka_unit_test(test_labels),
      cmocka_unit_test(test_dateline_not_event),
      cmocka_unit_test(test_merge_synonyms),
      cmocka_unit_test(test_month_placement),
      cmocka_unit_test(test_range_is_one_event),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
