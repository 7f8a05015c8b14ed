/* Reprints and near-duplicates (link_duplicates.c). The articles are our own prose
 * about an invented ferry strike. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "corpus.h"
#include "test_util.h"
#include "dossier.h"

#define BODY_A                                                                                   \
  "Ferry crews on the Tolva estuary walked off the job at dawn on Monday, stranding thousands "   \
  "of commuters on both banks and leaving the harbour at Pellin almost silent.\n\n"              \
  "The crews' union said the strike would last at least three days unless the operator, "        \
  "Estuary Lines, withdrew a plan to cut night crossings. Union secretary Mira Halloway told "   \
  "reporters that the cuts would make the late shift unsafe for passengers and staff alike.\n\n" \
  "Estuary Lines said it regretted the disruption and had offered talks on Wednesday. A "        \
  "spokesman said the company carried 40,000 passengers a day and could not run empty boats "    \
  "after midnight while fuel prices stayed so high.\n\n"                                         \
  "Queues for the road bridge upstream stretched for several kilometres by eight o'clock, and "  \
  "schools on the southern bank told parents to expect late arrivals for the rest of the week.\n"

static const char *S_original =
    "---\ntitle: Ferry crews strike on the Tolva\noutlet: Pellin Courier\npublished: 2031-05-12\n---\n\n" BODY_A;

/* Same story with a reprint notice, published earlier than the original's stated date
 * (a clock error): the notice, not the date, decides the direction. */
static const char *S_reprint =
    "---\ntitle: Ferry crews strike on the Tolva\noutlet: Northshore Weekly\npublished: 2031-05-11\n---\n\n"
    "This article was originally published by Pellin Courier and is reprinted with permission.\n\n" BODY_A;

/* Lightly edited copy, no notice, published later. */
static const char *S_edited =
    "---\ntitle: Tolva ferry strike strands commuters\noutlet: Regional Digest\npublished: 2031-05-13\n---\n\n"
    "Ferry crews on the Tolva estuary walked off the job early on Monday, stranding thousands "
    "of commuters on both banks and leaving the port at Pellin almost silent.\n\n"
    "The crews' union said the strike would last at least three days unless the operator, "
    "Estuary Lines, dropped a plan to cut night crossings. Union secretary Mira Halloway told "
    "reporters that the cuts would make the late shift unsafe for passengers and staff alike.\n\n"
    "Estuary Lines said it regretted the disruption and had offered talks on Wednesday. A "
    "spokesman said the company carried 40,000 passengers a day and could not run empty boats "
    "after midnight while fuel prices stayed so high.\n\n"
    "Queues for the road bridge upstream stretched for several kilometres by eight o'clock.\n";

/* The same event told independently: shares names and facts, not wording. */
static const char *S_other =
    "---\ntitle: Commuters stranded as estuary ferries stop\noutlet: Tolva Radio\npublished: 2031-05-12\n---\n\n"
    "Nobody crossed the Tolva by boat on Monday morning. Every Estuary Lines vessel stayed tied up "
    "in Pellin after the ferry union began a walkout over plans to scrap late-night sailings.\n\n"
    "Mira Halloway, who leads the union, said her members feared working alone after dark. The "
    "operator says about 40,000 people use the service daily and blames the cuts on fuel costs.\n\n"
    "Drivers heading for the upstream bridge met long tailbacks, and several southern schools "
    "warned families that pupils could arrive late until the dispute ends.\n";

static const char *S_unrelated =
    "---\ntitle: Orchard growers expect an early harvest\noutlet: Valley Farmer\npublished: 2031-05-12\n---\n\n"
    "Apple growers in the upper valley say a warm spring has brought the blossom forward by two "
    "weeks, and most expect to start picking in late August. Cooperative managers warned that a "
    "late frost could still damage the crop, as it did four years ago, and asked members to keep "
    "their frost fans ready until the end of the month. Prices for dessert apples have risen "
    "steadily since the winter.\n";

static int32_t S_dup(dossier_corpus *c, size_t i) { return c->articles.items[i]->duplicate_of; }

static void test_reprint_and_edited_copy(void **state) {
  (void)state;
  const char *texts[] = {S_original, S_reprint, S_edited, S_other, S_unrelated};
  dossier_corpus *c = tu_pile(texts, 5);
  assert_int_equal(S_dup(c, 0), -1);
  assert_int_equal(S_dup(c, 1), 0); /* the notice names the original's outlet */
  assert_int_equal(S_dup(c, 2), 0); /* later and lightly edited */
  assert_int_equal(S_dup(c, 3), -1);
  assert_int_equal(S_dup(c, 4), -1);
  dossier_corpus_free(c);
}

static void test_direction_by_date_then_order(void **state) {
  (void)state;
  /* no notice: the later published is the copy, wherever it stands in the corpus */
  const char *texts[] = {S_edited, S_original};
  dossier_corpus *c = tu_pile(texts, 2);
  assert_int_equal(S_dup(c, 0), 1);
  assert_int_equal(S_dup(c, 1), -1);
  dossier_corpus_free(c);
}

static void test_unrelated_not_flagged(void **state) {
  (void)state;
  const char *texts[] = {S_original, S_other, S_unrelated};
  dossier_corpus *c = tu_pile(texts, 3);
  for (size_t i = 0; i < 3; i++) assert_int_equal(S_dup(c, i), -1);
  dossier_corpus_free(c);
}

static void test_exact_copies_point_to_first(void **state) {
  (void)state;
  /* identical texts, same date: the later in corpus order are copies of the first */
  const char *texts[] = {S_original, S_original, S_original};
  dossier_corpus *c = tu_pile(texts, 3);
  assert_int_equal(S_dup(c, 0), -1);
  assert_int_equal(S_dup(c, 1), 0);
  assert_int_equal(S_dup(c, 2), 0);
  dossier_corpus_free(c);
}

static void test_demo_reprint(void **state) {
  (void)state;
  dossier_corpus *c = dossier_corpus_new(NULL);
  assert_int_equal(dossier_corpus_add_demo(c), 6);
  dossier_corpus_analyze(c);
  for (size_t i = 0; i < 6; i++) {
    const char *f = c->articles.items[i]->file;
    int32_t d = S_dup(c, i);
    if (strstr(f, "06-"))
      assert_non_null(d >= 0 ? strstr(c->articles.items[d]->file, "02-") : NULL);
    else assert_int_equal(d, -1);
  }
  dossier_corpus_free(c);
}

static void test_notice_needs_similar_text(void **state) {
  (void)state;
  /* a notice naming an outlet of the corpus is not enough: the texts must match too */
  static const char *notice =
      "---\noutlet: Valley Farmer Weekly\npublished: 2031-05-13\n---\n\n"
      "This article was originally published by Pellin Courier and is reprinted with permission.\n\n"
      "Apple growers in the upper valley say a warm spring has brought the blossom forward by two "
      "weeks, and most expect to start picking in late August, well before the usual date.\n";
  const char *texts[] = {S_original, notice};
  dossier_corpus *c = tu_pile(texts, 2);
  assert_string_equal(c->articles.items[1]->reprint_from, "Pellin Courier");
  assert_int_equal(S_dup(c, 0), -1);
  assert_int_equal(S_dup(c, 1), -1);
  dossier_corpus_free(c);
}

static void test_short_articles_never_marked(void **state) {
  (void)state;
  const char *t = "---\noutlet: X\n---\n\nThe ferry strike ended.\n";
  const char *texts[] = {t, t};
  dossier_corpus *c = tu_pile(texts, 2);
  assert_int_equal(S_dup(c, 1), -1);
  dossier_corpus_free(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_reprint_and_edited_copy),
      cmocka_unit_test(test_direction_by_date_then_order),
      cmocka_unit_test(test_unrelated_not_flagged),
      cmocka_unit_test(test_exact_copies_point_to_first),
      cmocka_unit_test(test_demo_reprint),
      cmocka_unit_test(test_notice_needs_similar_text),
      cmocka_unit_test(test_short_articles_never_marked),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
