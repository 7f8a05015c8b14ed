/* The map/reduce split: `extract` output read back by `analyze` gives exactly the same
 * dossier as analysing the raw articles, for the demo corpus and every report format. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <jansson.h>

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

/* Extract's compact item writers (one per item kind, for speed) and the dossier's
 * writers repeat each other field by field: a field added to one and not the other
 * must fail here. Every quote, time and figure of the demo corpus has the same keys,
 * and the same values, in both; only ids and entity references are numbered
 * differently (per article in extract, across the corpus in the dossier). */
static bool S_numbered(const char *key) {
  return !strcmp(key, "id") || !strcmp(key, "speaker") || !strcmp(key, "source");
}

static void S_same_item(json_t *mine, json_t *theirs) {
  assert_int_equal(json_object_size(mine), json_object_size(theirs));
  const char *key;
  json_t *v;
  json_object_foreach(mine, key, v) {
    json_t *t = json_object_get(theirs, key);
    assert_non_null(t); /* the same key set: sizes are equal and every key is found */
    if (!S_numbered(key) && !json_equal(v, t)) fail_msg("field \"%s\" differs", key);
  }
}

/* The dossier's items of one kind that belong to article id, in order. */
static json_t *S_of_article(json_t *dossier, const char *kind, const char *id) {
  json_t *out = json_array(), *item;
  size_t i;
  json_array_foreach(json_object_get(dossier, kind), i, item)
    if (!strcmp(json_string_value(json_object_get(item, "article")), id)) json_array_append(out, item);
  return out;
}

static size_t S_compare_kind(json_t *line, json_t *dossier, const char *kind) {
  json_t *mine = json_object_get(line, kind);
  json_t *theirs = S_of_article(dossier, kind, json_string_value(json_object_get(line, "id")));
  assert_int_equal(json_array_size(mine), json_array_size(theirs));
  for (size_t i = 0; i < json_array_size(mine); i++)
    S_same_item(json_array_get(mine, i), json_array_get(theirs, i));
  size_t n = json_array_size(mine);
  json_decref(theirs);
  return n;
}

static void test_extract_items_match_dossier(void **state) {
  (void)state;
  dossier_corpus *c = dossier_corpus_new(NULL);
  dossier_corpus_add_demo(c);
  char *report = S_render(c, DOSSIER_FORMAT_JSON);
  char *lines = S_extract_demo(1);
  json_t *dossier = json_loads(report, 0, NULL);
  assert_non_null(dossier);
  size_t items[3] = {0, 0, 0};
  static const char *const kinds[3] = {"quotes", "times", "figures"};
  for (char *l = lines, *nl; *l; l = nl + 1) {
    nl = strchr(l, '\n');
    assert_non_null(nl);
    json_t *line = json_loadb(l, (size_t)(nl - l), 0, NULL);
    assert_non_null(line);
    for (int k = 0; k < 3; k++) items[k] += S_compare_kind(line, dossier, kinds[k]);
    json_decref(line);
  }
  /* the comparison saw items of every kind (the demo corpus has dozens of each) */
  for (int k = 0; k < 3; k++) assert_true(items[k] >= 20);
  json_decref(dossier);
  free(report), free(lines);
  dossier_corpus_free(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_reduce_json),
      cmocka_unit_test(test_reduce_md),
      cmocka_unit_test(test_extract_threads_identical),
      cmocka_unit_test(test_reduce_rejects_bad_offsets),
      cmocka_unit_test(test_extract_items_match_dossier),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
