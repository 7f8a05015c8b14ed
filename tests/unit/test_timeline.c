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

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_order_and_merge),
      cmocka_unit_test(test_reprint_not_an_outlet),
      cmocka_unit_test(test_undated_reanchored),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
