/* Unit tests of quote groups across outlets (ds_link_quotes through the public API):
 * the same quote with the same or different wording, speakers that agree, conflict
 * or are unknown, and quotes that must not be grouped. All text is invented. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "corpus.h"

static dossier_corpus *S_corpus;

static int S_teardown(void **state) {
  (void)state;
  dossier_corpus_free(S_corpus);
  S_corpus = NULL;
  return 0;
}

static void S_add(const char *name, const char *outlet, const char *body) {
  char buf[4096];
  int n = snprintf(buf, sizeof buf, "---\noutlet: %s\npublished: 2025-03-14\n---\n%s", outlet, body);
  assert_true(n > 0 && (size_t)n < sizeof buf);
  assert_int_equal(dossier_corpus_add_memory(S_corpus, name, buf, (size_t)n), 1);
}

static void S_analyze(void) { dossier_corpus_analyze(S_corpus); }

/* Text of a group member. */
static const char *S_text(const ds_ref *r, size_t *len) {
  const ds_article *a = S_corpus->articles.items[r->article];
  const ds_quote *q = &a->quotes.items[r->index];
  *len = q->end - q->start;
  return a->body + q->start;
}

static void test_variant_wording_conflict(void **state) {
  (void)state;
  S_corpus = dossier_corpus_new(NULL);
  S_add("a.txt", "Valley Post",
        "Floods closed the Norwick bridge on Thursday.\n\n"
        "\xE2\x80\x9CWhat exactly the river will do next is left to be seen,\xE2\x80\x9D "
        "said Mayor Helena Brandt.\n");
  S_add("b.txt", "Harbour Herald",
        "The Norwick bridge stayed shut after the floods.\n\n"
        "\xE2\x80\x9CWhat exactly the river will do next has yet to be seen,\xE2\x80\x9D "
        "said council spokeswoman Ana Ruiz.\n");
  S_analyze();
  assert_int_equal(S_corpus->quote_groups.len, 1);
  const ds_quote_group *g = &S_corpus->quote_groups.items[0];
  assert_int_equal(g->quotes.len, 2);
  assert_false(g->same_wording);
  assert_int_equal(g->speakers, DS_SPEAKERS_CONFLICT);
  assert_int_equal(g->n_outlets, 2);
  assert_int_equal(g->quotes.items[0].article, 0);
  assert_int_equal(g->quotes.items[1].article, 1);
  size_t n;
  const char *t = S_text(&g->quotes.items[1], &n);
  assert_true(n > 20 && memcmp(t, "What exactly the river", 22) == 0);
}

static void test_same_wording_agree(void **state) {
  (void)state;
  S_corpus = dossier_corpus_new(NULL);
  S_add("a.txt", "Valley Post",
        "Omar Reyes spoke at the dam.\n\n"
        "\xE2\x80\x9CThe pumps will run through the night,\xE2\x80\x9D Omar Reyes said.\n");
  S_add("b.txt", "Harbour Herald",
        "The dam held.\n\n"
        "\xE2\x80\x9CThe pumps will run through the night,\xE2\x80\x9D said Omar Reyes, "
        "the head of the Norwick water board.\n");
  S_add("c.txt", "Coast Daily", "Nobody said anything about pumps at the harbour today.\n");
  S_analyze();
  assert_int_equal(S_corpus->quote_groups.len, 1);
  const ds_quote_group *g = &S_corpus->quote_groups.items[0];
  assert_int_equal(g->quotes.len, 2);
  assert_true(g->same_wording);
  assert_int_equal(g->speakers, DS_SPEAKERS_AGREE);
  assert_int_equal(g->n_outlets, 2);
}

static void test_unknown_speaker(void **state) {
  (void)state;
  S_corpus = dossier_corpus_new(NULL);
  S_add("a.txt", "Valley Post",
        "The storm passed.\n\n\xE2\x80\x9CWe lost the whole harvest in one night.\xE2\x80\x9D\n");
  S_add("b.txt", "Harbour Herald",
        "\xE2\x80\x9CWe lost the whole harvest in one night,\xE2\x80\x9D said farmer Jonas Keel.\n");
  S_analyze();
  assert_int_equal(S_corpus->quote_groups.len, 1);
  assert_int_equal(S_corpus->quote_groups.items[0].speakers, DS_SPEAKERS_UNKNOWN);
  assert_true(S_corpus->quote_groups.items[0].same_wording);
}

static void test_not_grouped(void **state) {
  (void)state;
  S_corpus = dossier_corpus_new(NULL);
  /* two different quotes sharing one common phrase, and a repeat inside one article */
  S_add("a.txt", "Valley Post",
        "\xE2\x80\x9CThe North Korean troops in the valley are training hard,\xE2\x80\x9D "
        "said Omar Reyes.\n\n"
        "\xE2\x80\x9CThe rain will stop by Sunday evening,\xE2\x80\x9D said Helena Brandt. "
        "Later she repeated: \xE2\x80\x9CThe rain will stop by Sunday evening.\xE2\x80\x9D\n");
  S_add("b.txt", "Harbour Herald",
        "\xE2\x80\x9CNobody has seen the North Korean troops in the port,\xE2\x80\x9D "
        "said Ana Ruiz.\n");
  S_analyze();
  assert_int_equal(S_corpus->quote_groups.len, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_teardown(test_variant_wording_conflict, S_teardown),
      cmocka_unit_test_teardown(test_same_wording_agree, S_teardown),
      cmocka_unit_test_teardown(test_unknown_speaker, S_teardown),
      cmocka_unit_test_teardown(test_not_grouped, S_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
