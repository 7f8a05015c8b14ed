/* The map/reduce split: `extract` output read back by `analyze` gives exactly the same
 * dossier as analysing the raw articles, for the demo corpus and every report format. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "dossier.h"
#include "test_util.h"

static char *S_render(dossier_corpus *c, dossier_format f) { return tu_render(c, f); }

static char *S_extract_demo(int threads) {
  dossier_options o = {.threads = threads};
  dossier_corpus *c = dossier_corpus_new(&o);
  assert_true(dossier_corpus_add_demo(c) >= 5);
  char *lines = S_render(c, DOSSIER_FORMAT_JSONL);
  dossier_corpus_free(c);
  return lines;
}

static void S_same_dossier(dossier_format f) {
  dossier_corpus *raw = dossier_corpus_new(NULL);
  dossier_corpus_add_demo(raw);
  char *want = S_render(raw, f);
  char *lines = S_extract_demo(1);
  dossier_corpus *red = dossier_corpus_new(NULL);
  assert_int_equal(dossier_corpus_add_memory(red, "map-output.jsonl", lines, strlen(lines)),
                   dossier_corpus_article_count(raw));
  assert_int_equal(dossier_corpus_error_count(red), 0);
  char *got = S_render(red, f);
  assert_string_equal(got, want);
  free(want), free(got), free(lines);
  dossier_corpus_free(raw);
  dossier_corpus_free(red);
}

static void test_reduce_json(void **state) {
  (void)state;
  S_same_dossier(DOSSIER_FORMAT_JSON);
}

static void test_reduce_md(void **state) {
  (void)state;
  S_same_dossier(DOSSIER_FORMAT_MD);
}

/* The map step is independent of the thread count. */
static void test_extract_threads_identical(void **state) {
  (void)state;
  char *one = S_extract_demo(1), *two = S_extract_demo(2);
  assert_string_equal(one, two);
  free(one), free(two);
}

/* Offsets outside the body are refused with the line number, not trusted. */
static void test_reduce_rejects_bad_offsets(void **state) {
  (void)state;
  const char *line = "{\"id\":\"x\",\"body\":\"short\",\"boilerplate_removed\":[],"
                     "\"entities\":[],\"quotes\":[{\"start\":2,\"end\":99}],\"times\":[],\"figures\":[]}\n";
  dossier_corpus *c = dossier_corpus_new(NULL);
  assert_int_equal(dossier_corpus_add_memory(c, "bad.jsonl", line, strlen(line)), 0);
  assert_int_equal(dossier_corpus_error_count(c), 1);
  const dossier_error *e = dossier_corpus_error(c, 0);
  assert_int_equal(e->code, DOSSIER_ERR_FIELD);
  assert_int_equal(e->line, 1);
  dossier_corpus_free(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_reduce_json),
      cmocka_unit_test(test_reduce_md),
      cmocka_unit_test(test_extract_threads_identical),
      cmocka_unit_test(test_reduce_rejects_bad_offsets),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
