/* Figure groups across articles: one group per (unit class, key), statuses, as-of
 * order, reprints not counted as outlets. A fictional crisis in our own words. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "corpus.h"

static dossier_corpus *S_corpus;

static void S_add(const char *name, const char *date, const char *outlet, const char *text) {
  char buf[4096];
  int n = snprintf(buf, sizeof buf, "---\npublished: %s\noutlet: %s\n---\n%s\n", date, outlet, text);
  assert_true(n > 0 && (size_t)n < sizeof buf);
  assert_int_equal(dossier_corpus_add_memory(S_corpus, name, buf, (size_t)n), 1);
}

static void S_new(void) {
  if (S_corpus) dossier_corpus_free(S_corpus);
  S_corpus = dossier_corpus_new(NULL);
}

/* Tags every article, then links figures only (the other link stages are tested by
 * their owners; duplicates are set by hand where a test needs them). */
static void S_link(void) {
  dossier_corpus_extract(S_corpus);
  ds_link_figures(S_corpus);
}

static const ds_figure *S_ref(ds_ref r) {
  return &S_corpus->articles.items[r.article]->figures.items[r.index];
}

/* The group whose figures have this unit class, or NULL. */
static const ds_figure_group *S_group(const char *cls) {
  const ds_figure_group *found = NULL;
  for (size_t g = 0; g < S_corpus->figure_groups.len; g++) {
    const ds_figure_group *grp = &S_corpus->figure_groups.items[g];
    if (grp->figures.len && strcmp(S_ref(grp->figures.items[0])->unit_class, cls) == 0) {
      assert_null(found); /* exactly one */
      found = grp;
    }
  }
  return found;
}

static void test_conflicting(void **state) {
  (void)state;
  S_new();
  S_add("a.txt", "2025-03-10", "Alpha", "Officials in Kyiv said that 2,000 Belarusian troops had crossed the border.");
  S_add("b.txt", "2025-03-12", "Beta", "The defence ministry said that about 4,000 Belarusian soldiers are now in Ukraine.");
  S_add("c.txt", "2025-03-12", "Gamma", "Western intelligence estimated that 9,000 Belarusian servicemen were in Ukraine.");
  S_link();
  assert_int_equal(S_corpus->figure_groups.len, 1);
  const ds_figure_group *g = S_group("personnel");
  assert_non_null(g);
  assert_int_equal(g->figures.len, 3);
  assert_int_equal(g->status, DS_FIG_CONFLICTING);
  assert_int_equal(g->n_outlets, 3);
  assert_true(S_ref(g->figures.items[0])->value == 2000); /* as-of order */
  assert_string_equal(S_ref(g->figures.items[0])->as_of, "2025-03-10");
}

static void test_evolving(void **state) {
  (void)state;
  S_new();
  S_add("b.txt", "2025-04-20", "Beta", "The ministry said that 3,000 Belarusian troops are in the region.");
  S_add("a.txt", "2025-03-01", "Alpha", "The ministry said that 1,000 Belarusian troops are in the region.");
  S_add("c.txt", "2025-03-02", "Gamma", "Belarus could send as many as 8,000 soldiers by the summer, officials said.");
  S_link();
  const ds_figure_group *g = S_group("personnel");
  assert_non_null(g);
  assert_int_equal(g->figures.len, 3);
  assert_int_equal(g->status, DS_FIG_EVOLVING);
  assert_true(S_ref(g->figures.items[0])->value == 1000);
  assert_true(S_ref(g->figures.items[2])->value == 3000);
  assert_string_equal(g->about, "Belarusian troops");
}

static void test_consistent_and_reprint(void **state) {
  (void)state;
  S_new();
  S_add("a.txt", "2025-03-10", "Alpha", "Roughly 2,000 Belarusian troops are in the region, the ministry said.");
  S_add("b.txt", "2025-03-11", "Beta", "Some 2,000 Belarusian soldiers are in the region, officials said.");
  S_add("c.txt", "2025-03-11", "Gamma", "Some 2,000 Belarusian soldiers are in the region, officials said.");
  dossier_corpus_extract(S_corpus);
  S_corpus->articles.items[2]->duplicate_of = 1; /* Gamma reprints Beta */
  ds_link_figures(S_corpus);
  const ds_figure_group *g = S_group("personnel");
  assert_non_null(g);
  assert_int_equal(g->figures.len, 3);
  assert_int_equal(g->status, DS_FIG_CONSISTENT);
  assert_int_equal(g->n_outlets, 2);
}

static void test_separate_classes_and_keys(void **state) {
  (void)state;
  S_new();
  S_add("a.txt", "2025-03-10", "Alpha",
        "About 2,000 Belarusian troops crossed the border. Russia has lost 40,000 soldiers. "
        "The ministry announced $300 million in aid. Turnout reached 64 percent.");
  S_add("b.txt", "2025-03-11", "Beta",
        "Some 2,500 Belarusian troops crossed the border. The army fired 5,000 shells.");
  S_link();
  size_t personnel = 0;
  for (size_t i = 0; i < S_corpus->figure_groups.len; i++) {
    const ds_figure_group *g = &S_corpus->figure_groups.items[i];
    const ds_figure *f = S_ref(g->figures.items[0]);
    if (strcmp(f->unit_class, "personnel") == 0) personnel++;
    for (size_t k = 1; k < g->figures.len; k++)
      assert_string_equal(S_ref(g->figures.items[k])->unit_class, f->unit_class);
  }
  assert_int_equal(personnel, 2); /* Belarusian and Russian troops apart */
  assert_non_null(S_group("money:USD"));
  assert_non_null(S_group("percent"));
  assert_non_null(S_group("munitions:shell"));
  assert_int_equal(S_corpus->figure_groups.len, 5);
}

static void test_unkeyed_figure_joins_its_article(void **state) {
  (void)state;
  S_new();
  S_add("a.txt", "2025-03-10", "Alpha",
        "About 2,000 Belarusian troops crossed the border. Officials said that 500 more troops followed.");
  S_add("b.txt", "2025-03-11", "Beta", "Some 2,500 Belarusian troops crossed the border.");
  S_link();
  const ds_figure_group *g = S_group("personnel");
  assert_non_null(g);
  assert_int_equal(g->figures.len, 3);
}

static void test_one_outlet_is_no_conflict(void **state) {
  (void)state;
  S_new();
  S_add("a.txt", "2025-03-10", "Alpha", "About 12,000 Belarusian troops are in the region, the ministry said.");
  S_add("b.txt", "2025-03-10", "Alpha", "Some 3,000 Belarusian troops guard the border, the ministry said.");
  S_link();
  const ds_figure_group *g = S_group("personnel");
  assert_non_null(g);
  assert_int_equal(g->figures.len, 2);
  assert_int_equal(g->status, DS_FIG_EVOLVING);
  assert_int_equal(g->n_outlets, 1);
}

static void test_sums_need_a_topic(void **state) {
  (void)state;
  S_new();
  S_add("a.txt", "2025-03-10", "Alpha", "Parliament approved $50 billion in loans. The ministry spent $2 million.");
  S_add("b.txt", "2025-03-10", "Beta", "Parliament approved $40 billion in loans.");
  S_link();
  assert_int_equal(S_corpus->figure_groups.len, 2); /* the loans; the $2 million alone */
  const ds_figure_group *g = &S_corpus->figure_groups.items[0];
  assert_int_equal(g->figures.len, 2);
  assert_int_equal(g->status, DS_FIG_CONFLICTING);
}

/* A sum stated twice in one article is one claim in its group (both mentions stay in
 * the article's figures); a different sum in the same article is not dropped. */
static void test_restated_claim_listed_once(void **state) {
  (void)state;
  S_new();
  S_add("a.txt", "2025-03-10", "Alpha",
        "Parliament approved $50 billion in loans on Monday. The $50 billion in loans will reach "
        "farmers first. A rival plan offered $30 billion in loans.");
  S_link();
  assert_int_equal(S_corpus->articles.items[0]->figures.len, 3);
  assert_int_equal(S_corpus->figure_groups.len, 1);
  const ds_figure_group *g = &S_corpus->figure_groups.items[0];
  assert_int_equal(g->figures.len, 2);
  assert_true(S_ref(g->figures.items[0])->value == 5e10);
  assert_true(S_ref(g->figures.items[1])->value == 3e10);
}

static void test_empty(void **state) {
  (void)state;
  S_new();
  S_add("a.txt", "2025-03-10", "Alpha", "Nothing was counted today.");
  S_link();
  assert_int_equal(S_corpus->figure_groups.len, 0);
}

static int S_teardown(void **state) {
  (void)state;
  dossier_corpus_free(S_corpus);
  S_corpus = NULL;
  return 0;
}

/* A rate groups apart from totals of the same thing and its label says the period. */
static void test_rate_label_names_its_period(void **state) {
  (void)state;
  S_new();
  S_add("a.txt", "2025-03-10", "Alpha",
        "The Tarsk plant delivered 40,000 shells to the army last year, the ministry said. "
        "It now turns out 3,000 shells a month, the plant's director said.");
  S_link();
  const ds_figure_group *rate = S_group("munitions:shell/month");
  assert_non_null(rate);
  const char *about = rate->about;
  assert_true(strlen(about) > 8);
  assert_string_equal(about + strlen(about) - 8, " a month");
  const ds_figure_group *total = S_group("munitions:shell");
  assert_non_null(total);
  assert_null(strstr(total->about, "month"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_conflicting),
      cmocka_unit_test(test_rate_label_names_its_period),
      cmocka_unit_test(test_evolving),
      cmocka_unit_test(test_restated_claim_listed_once),
      cmocka_unit_test(test_consistent_and_reprint),
      cmocka_unit_test(test_separate_classes_and_keys),
      cmocka_unit_test(test_unkeyed_figure_joins_its_article),
      cmocka_unit_test(test_one_outlet_is_no_conflict),
      cmocka_unit_test(test_sums_need_a_topic),
      cmocka_unit_test(test_empty),
  };
  return cmocka_run_group_tests(tests, NULL, S_teardown);
}
