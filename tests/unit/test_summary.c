/* The extractive summary (link_summary.c): the number of sentences, citations after
 * each, no two sentences stating the same fact, and every article that reports a
 * chosen fact cited. Our own prose about an invented bridge closure. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "corpus.h"
#include "dossier.h"

/* The lead fact, told almost word for word by A and B and in other words by C. */
#define LEAD_A "The Lantern Bridge over the Ossa river was closed to all traffic on Tuesday after inspectors found cracks in two of its steel cables, the city transport office said."
#define LEAD_B "The Lantern Bridge over the Ossa river was closed to all traffic on Tuesday after inspectors found cracks in two of its steel cables, the transport office said."
#define LEAD_C "Inspectors found cracks in two steel cables of the Lantern Bridge on Tuesday, and the city closed the Ossa river crossing to all traffic."

static const char *S_a =
    "---\noutlet: Ossa Ledger\npublished: 2032-04-07\n---\n\n" LEAD_A "\n\n"
    "About 45,000 vehicles use the bridge on a normal weekday, according to figures from the transport office.\n\n"
    "Buses on the four routes that cross the river will be diverted over the older Mill Bridge until further notice.\n\n"
    "\"We cannot take any risk with a structure this old,\" said Tomas Brandt, the city engineer.\n\n"
    "The bridge was last repaired nine years ago, when its deck was resurfaced at a cost of 12 million crowns.\n";

static const char *S_b =
    "---\noutlet: Riverside Daily\npublished: 2032-04-08\n---\n\n" LEAD_B "\n\n"
    "Commuters faced queues of more than an hour at the Mill Bridge on Wednesday morning as traffic was diverted.\n\n"
    "Shop owners on the eastern bank said trade had fallen sharply since the closure began.\n\n"
    "The council has promised to publish the full inspection report by the end of the month.\n";

static const char *S_c =
    "---\noutlet: Ossa Radio\npublished: 2032-04-07\n---\n\n" LEAD_C "\n\n"
    "City engineer Tomas Brandt told reporters that divers would examine the bridge piers later this week.\n\n"
    "Ferry operators have added extra sailings between the two banks to carry foot passengers during the closure.\n";

static const char *S_d =
    "---\noutlet: Harbour Weekly\npublished: 2032-04-09\n---\n\n"
    "The closure of the Lantern Bridge has revived a long argument about the cost of maintaining the city's older crossings.\n\n"
    "Opposition councillors said the inspection budget had been cut three times in the past decade.\n\n"
    "The mayor's office replied that spending on bridges had in fact risen every year since the last election.\n";

static dossier_corpus *S_corpus(int n_sentences) {
  dossier_options o = {.summary_sentences = n_sentences};
  dossier_corpus *c = dossier_corpus_new(&o);
  const char *texts[] = {S_a, S_b, S_c, S_d};
  char name[16];
  for (int i = 0; i < 4; i++) {
    snprintf(name, sizeof name, "%c.txt", 'a' + i);
    assert_int_equal(dossier_corpus_add_memory(c, name, texts[i], strlen(texts[i])), 1);
  }
  dossier_corpus_analyze(c);
  return c;
}

static bool S_cites(const ds_summary_sentence *s, uint32_t article) {
  for (size_t i = 0; i < s->articles.len; i++)
    if (s->articles.items[i] == article) return true;
  return false;
}

static void test_count_and_citations(void **state) {
  (void)state;
  for (int want = 1; want <= 5; want += 2) {
    dossier_corpus *c = S_corpus(want);
    assert_int_equal(c->summary.len, (size_t)want);
    for (size_t i = 0; i < c->summary.len; i++) {
      const ds_summary_sentence *s = &c->summary.items[i];
      assert_true(s->articles.len >= 1);
      assert_true(S_cites(s, s->sentence.article)); /* its own source, at least */
      assert_true(strlen(s->text) > 20);
      /* citations ascending, no article twice */
      for (size_t k = 1; k < s->articles.len; k++) assert_true(s->articles.items[k - 1] < s->articles.items[k]);
    }
    dossier_corpus_free(c);
  }
}

static void test_lead_once_cited_by_all_reporting_it(void **state) {
  (void)state;
  dossier_corpus *c = S_corpus(4);
  size_t leads = 0;
  for (size_t i = 0; i < c->summary.len; i++) {
    const ds_summary_sentence *s = &c->summary.items[i];
    if (!strstr(s->text, "cracks in two")) continue;
    leads++;
    /* A, B and C report it, D does not */
    assert_true(S_cites(s, 0));
    assert_true(S_cites(s, 1));
    assert_true(S_cites(s, 2));
    assert_false(S_cites(s, 3));
  }
  assert_int_equal(leads, 1); /* the central fact is chosen, and only once */
  dossier_corpus_free(c);
}

static void test_default_is_six(void **state) {
  (void)state;
  dossier_corpus *c = dossier_corpus_new(NULL);
  assert_int_equal(dossier_corpus_add_demo(c), 6);
  dossier_corpus_analyze(c);
  assert_int_equal(c->summary.len, 6);
  for (size_t i = 0; i < c->summary.len; i++) {
    const ds_summary_sentence *s = &c->summary.items[i];
    /* never from the reprint, and never citing it */
    assert_null(strstr(c->articles.items[s->sentence.article]->file, "06-"));
    for (size_t k = 0; k < s->articles.len; k++)
      assert_int_equal(c->articles.items[s->articles.items[k]]->duplicate_of, -1);
  }
  dossier_corpus_free(c);
}

static void test_no_quotes_only_sentences(void **state) {
  (void)state;
  dossier_corpus *c = S_corpus(5);
  for (size_t i = 0; i < c->summary.len; i++)
    assert_null(strstr(c->summary.items[i].text, "We cannot take any risk"));
  dossier_corpus_free(c);
}

static void test_empty_corpus_article(void **state) {
  (void)state;
  dossier_corpus *c = dossier_corpus_new(NULL);
  const char *t = "---\noutlet: Nothing\n---\n\nShort.\n";
  dossier_corpus_add_memory(c, "x.txt", t, strlen(t));
  dossier_corpus_analyze(c);
  assert_int_equal(c->summary.len, 0);
  dossier_corpus_free(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_count_and_citations),
      cmocka_unit_test(test_lead_once_cited_by_all_reporting_it),
      cmocka_unit_test(test_default_is_six),
      cmocka_unit_test(test_no_quotes_only_sentences),
      cmocka_unit_test(test_empty_corpus_article),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
