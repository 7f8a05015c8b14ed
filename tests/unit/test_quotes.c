/* Unit tests of the quotation tagger: direct quotes (straight, curly, guillemets, ''),
 * attribution before and after, pronoun speakers, carried speakers, split quotes,
 * quotes over several paragraphs, partial quotes, indirect speech, and the quoted
 * names and unmatched marks that must NOT give a quotation. All text is invented. */
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

/* Runs the per-article pipeline on text (a .txt article) and returns it. */
static ds_article *S_tag(const char *text) {
  dossier_corpus_free(S_corpus);
  S_corpus = dossier_corpus_new(NULL);
  assert_int_equal(dossier_corpus_add_memory(S_corpus, "t.txt", text, strlen(text)), 1);
  dossier_corpus_extract(S_corpus);
  return S_corpus->articles.items[0];
}

/* The quote whose text is exactly want; fails the test when there is none. */
static const ds_quote *S_quote(const ds_article *a, const char *want) {
  for (size_t i = 0; i < a->quotes.len; i++) {
    const ds_quote *q = &a->quotes.items[i];
    if (q->end - q->start == strlen(want) && memcmp(a->body + q->start, want, q->end - q->start) == 0)
      return q;
  }
  for (size_t i = 0; i < a->quotes.len; i++)
    fprintf(stderr, "  have [%.*s]\n", (int)(a->quotes.items[i].end - a->quotes.items[i].start),
            a->body + a->quotes.items[i].start);
  fail_msg("no quote [%s]", want);
  return NULL;
}

static size_t S_count(const ds_article *a, ds_quote_kind kind) {
  size_t n = 0;
  for (size_t i = 0; i < a->quotes.len; i++) n += a->quotes.items[i].kind == kind;
  return n;
}

static void S_expect(const ds_quote *q, ds_quote_kind kind, const char *speaker, const char *cue) {
  assert_int_equal(q->kind, kind);
  if (speaker) assert_non_null(q->speaker_name), assert_string_equal(q->speaker_name, speaker);
  else assert_null(q->speaker_name), assert_int_equal(q->speaker, -1);
  if (cue) assert_non_null(q->cue), assert_string_equal(q->cue, cue);
}

static void test_direct_after(void **state) {
  (void)state;
  ds_article *a = S_tag("Heavy rain hit Norwick overnight.\n\n"
                        "\xE2\x80\x9CThe bridge will reopen on Monday,\xE2\x80\x9D said Mayor Helena Brandt.\n");
  assert_int_equal(a->quotes.len, 1);
  const ds_quote *q = S_quote(a, "The bridge will reopen on Monday");
  S_expect(q, DS_QUOTE_DIRECT, "Helena Brandt", "say");
  assert_true(q->speaker >= 0);
  assert_string_equal(a->entities.items[q->speaker].name, "Helena Brandt");
}

static void test_direct_before_colon(void **state) {
  (void)state;
  ds_article *a = S_tag("Omar Reyes said: \"The pumps are working again.\"\n");
  assert_int_equal(a->quotes.len, 1);
  S_expect(S_quote(a, "The pumps are working again."), DS_QUOTE_DIRECT, "Omar Reyes", "say");
}

static void test_straight_and_double_apostrophes(void **state) {
  (void)state;
  ds_article *a = S_tag("''We stayed up all night,'' Omar Reyes told reporters.\n\n"
                        "\xC2\xAB" "Every pump was running\xC2\xBB, Reyes added.\n");
  S_expect(S_quote(a, "We stayed up all night"), DS_QUOTE_DIRECT, "Omar Reyes", "tell");
  S_expect(S_quote(a, "Every pump was running"), DS_QUOTE_DIRECT, "Omar Reyes", "add");
}

static void test_pronoun_speaker(void **state) {
  (void)state;
  ds_article *a = S_tag("Helena Brandt visited the flooded school on Friday.\n\n"
                        "\xE2\x80\x9CWe are ready for the next storm,\xE2\x80\x9D she said.\n");
  const ds_quote *q = S_quote(a, "We are ready for the next storm");
  S_expect(q, DS_QUOTE_DIRECT, "Helena Brandt", "say");
  /* the speaker phrase is where the text names her: the pronoun */
  assert_memory_equal(a->body + q->speaker_start, "she", 3);
}

static void test_carried_speaker(void **state) {
  (void)state;
  ds_article *a = S_tag("\xE2\x80\x9CThe water has gone down,\xE2\x80\x9D Omar Reyes said. "
                        "\xE2\x80\x9CSchools will open on Tuesday.\xE2\x80\x9D\n\n"
                        "Responding to a question, Helena Brandt remarked, "
                        "\xE2\x80\x9CNobody was hurt.\xE2\x80\x9D\n");
  S_expect(S_quote(a, "The water has gone down"), DS_QUOTE_DIRECT, "Omar Reyes", "say");
  S_expect(S_quote(a, "Schools will open on Tuesday."), DS_QUOTE_DIRECT, "Omar Reyes", NULL);
  S_expect(S_quote(a, "Nobody was hurt."), DS_QUOTE_DIRECT, "Helena Brandt", "remark");
}

static void test_split_quote(void **state) {
  (void)state;
  ds_article *a = S_tag("\xE2\x80\x9CThe dam held,\xE2\x80\x9D Omar Reyes said, "
                        "\xE2\x80\x9C" "but the old road did not.\xE2\x80\x9D\n");
  assert_int_equal(S_count(a, DS_QUOTE_DIRECT), 2);
  const ds_quote *x = S_quote(a, "The dam held"), *y = S_quote(a, "but the old road did not.");
  S_expect(x, DS_QUOTE_DIRECT, "Omar Reyes", "say");
  S_expect(y, DS_QUOTE_DIRECT, "Omar Reyes", "say");
  assert_int_equal(x->speaker, y->speaker);
  assert_true(x->start < y->start);
}

static void test_multi_paragraph(void **state) {
  (void)state;
  ds_article *a = S_tag("Helena Brandt read a statement:\n\n"
                        "\xE2\x80\x9CThe first crews reached the valley at dawn.\n\n"
                        "\xE2\x80\x9CThe second crews arrived at noon.\xE2\x80\x9D\n");
  assert_int_equal(a->quotes.len, 1);
  const ds_quote *q = &a->quotes.items[0];
  const char *b = a->body + q->start;
  assert_memory_equal(b, "The first crews", 15);
  assert_memory_equal(a->body + q->end - 8, "at noon.", 8);
  S_expect(q, DS_QUOTE_DIRECT, "Helena Brandt", NULL);
}

static void test_partial(void **state) {
  (void)state;
  ds_article *a = S_tag("Helena Brandt called the flooding \xE2\x80\x9C" "a clear warning\xE2\x80\x9D for the region.\n");
  assert_int_equal(a->quotes.len, 1);
  S_expect(S_quote(a, "a clear warning"), DS_QUOTE_PARTIAL, "Helena Brandt", "call");
}

static void test_indirect(void **state) {
  (void)state;
  ds_article *a = S_tag("Helena Brandt said that the bridge would stay closed until March.\n\n"
                        "Omar Reyes told reporters the pumps were working.\n\n"
                        "According to Helena Brandt, the levels fell overnight.\n\n"
                        "The repairs will cost millions, Omar Reyes warned.\n");
  assert_int_equal(S_count(a, DS_QUOTE_INDIRECT), 4);
  S_expect(S_quote(a, "the bridge would stay closed until March"), DS_QUOTE_INDIRECT, "Helena Brandt", "say");
  S_expect(S_quote(a, "the pumps were working"), DS_QUOTE_INDIRECT, "Omar Reyes", "tell");
  S_expect(S_quote(a, "the levels fell overnight"), DS_QUOTE_INDIRECT, "Helena Brandt", "according to");
  S_expect(S_quote(a, "The repairs will cost millions"), DS_QUOTE_INDIRECT, "Omar Reyes", "warn");
}

static void test_organisation_speaks(void **state) {
  (void)state;
  ds_article *a = S_tag("\xE2\x80\x9CRepairs will take weeks,\xE2\x80\x9D the Norwick Water Board warned.\n\n"
                        "The regional ministry confirmed that two roads were closed.\n");
  const ds_quote *q = S_quote(a, "Repairs will take weeks");
  assert_int_equal(q->kind, DS_QUOTE_DIRECT);
  assert_non_null(q->speaker_name);
  assert_non_null(strstr(q->speaker_name, "Norwick Water Board"));
  assert_string_equal(q->cue, "warn");
  q = S_quote(a, "two roads were closed");
  assert_non_null(q->speaker_name);
  assert_string_equal(q->speaker_name, "The regional ministry");
  assert_string_equal(q->cue, "confirm");
}

static void test_not_quotes(void **state) {
  (void)state;
  ds_article *a = S_tag("Volunteers joined the \xE2\x80\x9C" "Blue Shield Brigade\xE2\x80\x9D after the storm.\n\n"
                        "The \xE2\x80\x9C" "Dry Homes for All\xE2\x80\x9D project handed out sandbags.\n\n"
                        "The river was high. Were the \"Storm Corps\" there?\n");
  assert_int_equal(a->quotes.len, 0);
}

static void test_no_speaker(void **state) {
  (void)state;
  ds_article *a = S_tag("Flood waters rose quickly in the valley.\n\n"
                        "\xE2\x80\x9CNobody expected this much water.\xE2\x80\x9D\n");
  assert_int_equal(a->quotes.len, 1);
  S_expect(&a->quotes.items[0], DS_QUOTE_DIRECT, NULL, NULL);
  assert_null(a->quotes.items[0].cue);
}

static void test_unmatched_marks(void **state) {
  (void)state;
  /* an opening mark never closed, then a long text: no quote, and no scan past the limit */
  size_t n = DS_MAX_QUOTE_BYTES * 4;
  char *text = malloc(n + 64);
  strcpy(text, "Omar Reyes said \xE2\x80\x9Cthe storm ");
  size_t len = strlen(text);
  while (len + 40 < n) {
    memcpy(text + len, "and the rain went on and on and on ", 35);
    len += 35;
  }
  strcpy(text + len, "until dawn.\n");
  ds_article *a = S_tag(text);
  assert_int_equal(S_count(a, DS_QUOTE_DIRECT) + S_count(a, DS_QUOTE_PARTIAL), 0);
  free(text);
}

static void test_sorted_and_in_body(void **state) {
  (void)state;
  ds_article *a = S_tag("\xE2\x80\x9C" "First,\xE2\x80\x9D said Omar Reyes. Helena Brandt said the second came later.\n");
  assert_int_equal(a->quotes.len, 2);
  assert_true(a->quotes.items[0].start < a->quotes.items[1].start);
  for (size_t i = 0; i < a->quotes.len; i++) assert_true(a->quotes.items[i].end <= a->body_len);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_teardown(test_direct_after, S_teardown),
      cmocka_unit_test_teardown(test_direct_before_colon, S_teardown),
      cmocka_unit_test_teardown(test_straight_and_double_apostrophes, S_teardown),
      cmocka_unit_test_teardown(test_pronoun_speaker, S_teardown),
      cmocka_unit_test_teardown(test_carried_speaker, S_teardown),
      cmocka_unit_test_teardown(test_split_quote, S_teardown),
      cmocka_unit_test_teardown(test_multi_paragraph, S_teardown),
      cmocka_unit_test_teardown(test_partial, S_teardown),
      cmocka_unit_test_teardown(test_indirect, S_teardown),
      cmocka_unit_test_teardown(test_organisation_speaks, S_teardown),
      cmocka_unit_test_teardown(test_not_quotes, S_teardown),
      cmocka_unit_test_teardown(test_no_speaker, S_teardown),
      cmocka_unit_test_teardown(test_unmatched_marks, S_teardown),
      cmocka_unit_test_teardown(test_sorted_and_in_body, S_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
