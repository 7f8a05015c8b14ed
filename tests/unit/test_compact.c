/* Compaction (corpus_compact.c) and batch tagging while reading (pipeline.c): packed
 * tokens decode to exactly what segmentation made, repeated strings are stored once,
 * and a corpus tagged in batches and packed gives the same dossier as the same
 * articles read back from `extract` output (unpacked, never compacted). */
#include "test_util.h"

/* Tokens of every shape the packing distinguishes: short words after a space, a word
 * longer than 15 bytes, punctuation without a space, quotation marks (open and close
 * flags), numbers with separators, abbreviations, and paragraph breaks (a gap other
 * than the space flag says). */
static const char S_TEXT[] =
    "Gen. Ilse Marren of the Valdorian Interior Ministry said on Friday that "
    "\xE2\x80\x9Cthe crossing at Velmar stays closed\xE2\x80\x9D until further notice.\n\n"
    "About 3,000.5 tonnes of counter-intelligence-related equipment reached the U.S. "
    "depot, officials said.\n\n\n"
    "The (unnamed) envoy left at 10:30 -- earlier than planned!";

static ds_article *S_segmented(void) {
  ds_article *a = ds_article_new("t.txt");
  ds_article_set_raw(a, S_TEXT, sizeof S_TEXT - 1);
  ds_clean(a);
  ds_segment(a);
  return a;
}

static void S_assert_same_tokens(const ds_token *want, size_t n, const ds_article *a) {
  assert_int_equal(a->tokens.len, n);
  for (size_t i = 0; i < n; i++) {
    assert_int_equal(a->tokens.items[i].start, want[i].start);
    assert_int_equal(a->tokens.items[i].end, want[i].end);
    assert_int_equal(a->tokens.items[i].kind, want[i].kind);
    assert_int_equal(a->tokens.items[i].flags, want[i].flags);
  }
}

static void test_tokens_round_trip(void **state) {
  (void)state;
  ds_article *a = S_segmented();
  size_t n = a->tokens.len;
  ds_token *want = malloc(n * sizeof *want);
  memcpy(want, a->tokens.items, n * sizeof *want);
  bool long_word = false;
  for (size_t i = 0; i < n; i++) long_word |= want[i].end - want[i].start > 15;
  assert_true(long_word); /* the long form is exercised */

  ds_article_compact(a);
  assert_null(a->tokens.items);
  assert_non_null(a->tok_packed);
  ds_token_buf buf = {0};
  ds_tokens_load(a, &buf);
  S_assert_same_tokens(want, n, a);
  ds_tokens_unload(a);
  assert_null(a->tokens.items);

  ds_article_compact(a); /* compacting again keeps the packed tokens */
  ds_tokens_load(a, &buf);
  S_assert_same_tokens(want, n, a);
  ds_tokens_unload(a);
  ds_token_buf_free(&buf);
  free(want);
  ds_article_free(a);
}

/* A time value, repeated from mention to mention, is one string after compaction. */
static void test_repeated_strings_stored_once(void **state) {
  (void)state;
  static const char text[] = "The council met on Friday. The mayor spoke on Friday. "
                             "The workers left the pier on Friday.";
  ds_article *a = ds_article_new("t.txt");
  ds_article_set_raw(a, text, sizeof text - 1);
  a->published = ds_arena_strdup(&a->arena, "2025-03-19");
  ds_clean(a);
  ds_segment(a);
  ds_tag_times(a);
  assert_int_equal(a->times.len, 3);
  assert_ptr_not_equal(a->times.items[0].value, a->times.items[1].value);
  ds_article_compact(a);
  const char *first = a->times.items[0].value;
  assert_string_equal(first, "2025-03-14");
  for (size_t i = 1; i < a->times.len; i++) assert_ptr_equal(a->times.items[i].value, first);
  ds_article_free(a);
}

/* More articles than one tagging batch (DS_EXTRACT_BATCH = 1024): a fictional story told
 * by several outlets, with reprints, dated mentions and figures. All share one id. */
#define S_ARTICLES 1100

static char *S_corpus(void) {
  static const char *const outlets[] = {"Harbor Daily", "Tarn Courier", "Lorn Bay Post"};
  static const char *const days[] = {"Monday", "Tuesday", "Friday"};
  ds_buf b = DS_BUF_INIT;
  for (int i = 0; i < S_ARTICLES; i++) {
    int story = i % 37, day = 1 + i % 27;
    ds_buf_printf(&b,
                  "{\"id\":\"same\",\"outlet\":\"%s\",\"published\":\"2025-03-%02d\","
                  "\"title\":\"Pier %d\",\"text\":\"The council of Lorn Bay voted on %s to "
                  "repair pier %d. \\u201CWe will reopen it by May,\\u201D said Mayor Ada Lorn. "
                  "At least %d workers and %d boats were idle in March, the harbour office said."
                  "\\n\\nThe repair costs about %d,000 dollars, according to the council.\"}\n",
                  outlets[i % 3], day, story, days[i % 3], story, 100 + story, 20 + i % 5,
                  40 + story);
  }
  char *s = strndup(b.ptr, b.len);
  ds_buf_free(&b);
  return s;
}

static char *S_json_of(const char *name, const char *jsonl, int threads) {
  dossier_options o = {.threads = threads};
  dossier_corpus *c = dossier_corpus_new(&o);
  assert_int_equal(dossier_corpus_add_memory(c, name, jsonl, strlen(jsonl)), S_ARTICLES);
  char *json = tu_render(c, DOSSIER_FORMAT_JSON);
  dossier_corpus_free(c);
  return json;
}

static void test_batches_same_as_reduce(void **state) {
  (void)state;
  char *jsonl = S_corpus();
  dossier_corpus *c = dossier_corpus_new(NULL);
  dossier_corpus_add_memory(c, "c.jsonl", jsonl, strlen(jsonl));
  assert_int_equal(c->tagged, 1024); /* the first batch was tagged while reading */
  assert_true(c->articles.items[0]->extracted);
  assert_false(c->articles.items[1024]->extracted);
  char *lines = tu_render(c, DOSSIER_FORMAT_JSONL);
  dossier_corpus_free(c);

  char *raw = S_json_of("c.jsonl", jsonl, 1), *raw2 = S_json_of("c.jsonl", jsonl, 2);
  char *reduced = S_json_of("map.jsonl", lines, 1);
  assert_string_equal(raw, reduced);
  assert_string_equal(raw, raw2);
  free(raw), free(raw2), free(reduced), free(lines), free(jsonl);
}

/* Ids stay unique across batches: first come keeps "same", the others take "a<N>". */
static void test_ids_unique_across_batches(void **state) {
  (void)state;
  char *jsonl = S_corpus();
  dossier_corpus *c = dossier_corpus_new(NULL);
  dossier_corpus_add_memory(c, "c.jsonl", jsonl, strlen(jsonl));
  dossier_corpus_analyze(c);
  assert_string_equal(c->articles.items[0]->id, "same");
  assert_string_equal(c->articles.items[1]->id, "a2");
  assert_string_equal(c->articles.items[1023]->id, "a1024");
  assert_string_equal(c->articles.items[1024]->id, "a1025");
  assert_string_equal(c->articles.items[S_ARTICLES - 1]->id, "a1100");
  dossier_corpus_free(c);
  free(jsonl);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_tokens_round_trip),
      cmocka_unit_test(test_repeated_strings_stored_once),
      cmocka_unit_test(test_batches_same_as_reduce),
      cmocka_unit_test(test_ids_unique_across_batches),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
