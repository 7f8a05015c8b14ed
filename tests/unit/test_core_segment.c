/* Unit tests of segment: tokens with their flags, and sentences robust to
 * abbreviations, initials, numbers and quotations. All text is invented. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "corpus.h"

static ds_article *S_seg(const char *body) {
  ds_article *a = ds_article_new("seg.txt");
  a->body = ds_arena_strdup(&a->arena, body);
  a->body_len = (uint32_t)strlen(body);
  ds_segment(a);
  return a;
}

/* Sentence i as a string (in the article's arena). */
static const char *S_sent(ds_article *a, size_t i) {
  assert_true(i < a->sentences.len);
  const ds_sentence *s = &a->sentences.items[i];
  return ds_arena_strndup(&a->arena, a->body + s->start, s->end - s->start);
}

static const char *S_tok(ds_article *a, size_t i) {
  assert_true(i < a->tokens.len);
  const ds_token *t = &a->tokens.items[i];
  return ds_arena_strndup(&a->arena, a->body + t->start, t->end - t->start);
}

/* Index of the first token spelled text, at or after from. */
static size_t S_find(ds_article *a, const char *text, size_t from) {
  for (size_t i = from; i < a->tokens.len; i++)
    if (strcmp(S_tok(a, i), text) == 0) return i;
  fail_msg("no token \"%s\"", text);
  return 0;
}

/* Checks the sentences are exactly want[0..n). */
static void S_sentences_are(ds_article *a, const char **want, size_t n) {
  for (size_t i = 0; i < n && i < a->sentences.len; i++) assert_string_equal(S_sent(a, i), want[i]);
  assert_int_equal(a->sentences.len, n);
}
#define SENTENCES(a, ...)                                                                        \
  do {                                                                                           \
    const char *want_[] = {__VA_ARGS__};                                                         \
    S_sentences_are((a), want_, sizeof want_ / sizeof *want_);                                   \
  } while (0)

static void test_abbreviations(void **state) {
  (void)state;
  ds_article *a = S_seg("The U.S. Navy sent two ships on Oct. 23 to the port. Gen. Ilse Marren "
                        "and Lt. Ivo Branko met Mr. Dale on Jan. 27 in the U.S. The talks ended. "
                        "Dr. Venn and Prof. Lund agreed.");
  SENTENCES(a, "The U.S. Navy sent two ships on Oct. 23 to the port.",
            "Gen. Ilse Marren and Lt. Ivo Branko met Mr. Dale on Jan. 27 in the U.S.",
            "The talks ended.", "Dr. Venn and Prof. Lund agreed.");
  ds_article_free(a);
}

static void test_abbreviation_at_sentence_end(void **state) {
  (void)state;
  ds_article *a = S_seg("The deal was signed in Jan. Then it collapsed. Talks resumed in Jan. 2025 "
                        "in Radan. He lives in the U.S. but works abroad. She met the Rev. Ada Venn.");
  SENTENCES(a, "The deal was signed in Jan.", "Then it collapsed.",
            "Talks resumed in Jan. 2025 in Radan.", "He lives in the U.S. but works abroad.",
            "She met the Rev. Ada Venn.");
  ds_article_free(a);
}

static void test_initials(void **state) {
  (void)state;
  ds_article *a = S_seg("Former President George H.W. Bush met John F. Kennedy Jr. in a dream. "
                        "Anton R.J. Feld laughed. A. Dale did not.");
  SENTENCES(a, "Former President George H.W. Bush met John F. Kennedy Jr. in a dream.",
            "Anton R.J. Feld laughed.", "A. Dale did not.");
  size_t hw = S_find(a, "H.W.", 0);
  assert_int_equal(a->tokens.items[hw].kind, DS_TOK_WORD);
  assert_true(a->tokens.items[hw].flags & DS_TF_ABBREV);
  size_t f = S_find(a, "F.", 0);
  assert_true(a->tokens.items[f].flags & DS_TF_ABBREV);
  assert_true(a->tokens.items[f].flags & DS_TF_CAP);
  ds_article_free(a);
}

static void test_numbers(void **state) {
  (void)state;
  ds_article *a = S_seg("Growth was 1.4 percent, with 3,000 jobs and $2.5 billion. It rose to 14. "
                        "On 2025-04-03 a 155mm shell fell.");
  SENTENCES(a, "Growth was 1.4 percent, with 3,000 jobs and $2.5 billion.", "It rose to 14.",
            "On 2025-04-03 a 155mm shell fell.");
  size_t i = S_find(a, "1.4", 0);
  assert_int_equal(a->tokens.items[i].kind, DS_TOK_NUMBER);
  i = S_find(a, "3,000", 0);
  assert_int_equal(a->tokens.items[i].kind, DS_TOK_NUMBER);
  i = S_find(a, "$", 0);
  assert_int_equal(a->tokens.items[i].kind, DS_TOK_SYMBOL);
  assert_string_equal(S_tok(a, i + 1), "2.5");
  i = S_find(a, "14", 0);
  assert_string_equal(S_tok(a, i + 1), "."); /* a final period is not a decimal point */
  i = S_find(a, "2025", 0);
  assert_string_equal(S_tok(a, i + 1), "-");
  assert_string_equal(S_tok(a, i + 2), "04");
  i = S_find(a, "155", 0);
  assert_int_equal(a->tokens.items[i].kind, DS_TOK_NUMBER);
  assert_string_equal(S_tok(a, i + 1), "mm");
  assert_int_equal(a->tokens.items[i + 1].kind, DS_TOK_WORD);
  ds_article_free(a);
}

static void test_quote_spanning_sentences(void **state) {
  (void)state;
  ds_article *a = S_seg("\"We will hold the line. We will not retreat,\" Marren said. She left.");
  SENTENCES(a, "\"We will hold the line.", "We will not retreat,\" Marren said.", "She left.");
  assert_int_equal(a->tokens.items[0].kind, DS_TOK_QUOTE);
  assert_true(a->tokens.items[0].flags & DS_TF_OPEN);
  size_t close = S_find(a, "\"", 1);
  assert_true(close >= a->sentences.items[1].tok_start && close < a->sentences.items[1].tok_end);
  assert_true(a->tokens.items[close].flags & DS_TF_CLOSE);
  assert_false(a->tokens.items[close].flags & DS_TF_OPEN);
  ds_article_free(a);
}

static void test_closing_quote_after_period(void **state) {
  (void)state;
  ds_article *a = S_seg("He said: \xE2\x80\x9CThe port is open.\xE2\x80\x9D Then he left. "
                        "\"Go.\" He went. \"Why?\" she asked. (It was late.) They slept.");
  SENTENCES(a, "He said: \xE2\x80\x9CThe port is open.\xE2\x80\x9D", "Then he left.", "\"Go.\"",
            "He went.", "\"Why?\" she asked.", "(It was late.)", "They slept.");
  ds_article_free(a);
}

static void test_paragraphs(void **state) {
  (void)state;
  ds_article *a = S_seg("It rained.\n\nThe port shut in Oct.\n\nNext one starts here\nand goes "
                        "on.\n\n\xE2\x80\x9D Stray mark. Done.");
  SENTENCES(a, "It rained.", "The port shut in Oct.", "Next one starts here\nand goes on.",
            "\xE2\x80\x9D Stray mark.", "Done.");
  uint32_t want_para[] = {0, 1, 2, 3, 3};
  for (size_t i = 0; i < 5; i++) assert_int_equal(a->sentences.items[i].para, want_para[i]);
  size_t t = S_find(a, "The", 0);
  assert_true(a->tokens.items[t].flags & DS_TF_PARA_START);
  assert_true(a->tokens.items[t].flags & DS_TF_SENT_START);
  t = S_find(a, "and", 0); /* a single newline is not a paragraph */
  assert_false(a->tokens.items[t].flags & DS_TF_PARA_START);
  ds_article_free(a);
}

static void test_forced_break(void **state) {
  (void)state;
  ds_buf b = DS_BUF_INIT;
  for (int i = 0; i < 1000; i++) ds_buf_puts(&b, "word ");
  ds_article *a = S_seg(b.ptr);
  ds_buf_free(&b);
  assert_int_equal(a->tokens.len, 1000);
  assert_int_equal(a->sentences.len, 3);
  assert_int_equal(a->sentences.items[0].tok_end - a->sentences.items[0].tok_start,
                   DS_MAX_SENTENCE_TOKENS);
  assert_int_equal(a->sentences.items[1].tok_start, DS_MAX_SENTENCE_TOKENS);
  assert_int_equal(a->sentences.items[2].tok_end, 1000);
  assert_true(a->tokens.items[DS_MAX_SENTENCE_TOKENS].flags & DS_TF_SENT_START);
  assert_int_equal(a->words, 1000);
  ds_article_free(a);
}

static void test_token_flags(void **state) {
  (void)state;
  ds_article *a = S_seg("NATO and the U.S. said \xE2\x80\x9Cno\xE2\x80\x9D to Gen. Dale\xE2\x80\x99s "
                        "plan, don\xE2\x80\x99t you think? 'Yes' a co-operative F-16 O'Neill A");
  struct {
    const char *text;
    uint16_t kind, set, unset;
  } want[] = {
      {"NATO", DS_TOK_WORD, DS_TF_CAP | DS_TF_UPPER | DS_TF_SENT_START | DS_TF_PARA_START,
       DS_TF_ABBREV | DS_TF_SPACE_BEFORE},
      {"and", DS_TOK_WORD, DS_TF_SPACE_BEFORE, DS_TF_CAP | DS_TF_UPPER | DS_TF_SENT_START},
      {"the", DS_TOK_WORD, 0, DS_TF_CAP},
      {"U.S.", DS_TOK_WORD, DS_TF_CAP | DS_TF_UPPER | DS_TF_ABBREV, 0},
      {"said", DS_TOK_WORD, 0, 0},
      {"\xE2\x80\x9C", DS_TOK_QUOTE, DS_TF_OPEN | DS_TF_SPACE_BEFORE, DS_TF_CLOSE},
      {"no", DS_TOK_WORD, 0, DS_TF_SPACE_BEFORE | DS_TF_CAP},
      {"\xE2\x80\x9D", DS_TOK_QUOTE, DS_TF_CLOSE, DS_TF_OPEN | DS_TF_SPACE_BEFORE},
      {"to", DS_TOK_WORD, 0, 0},
      {"Gen.", DS_TOK_WORD, DS_TF_CAP | DS_TF_ABBREV, DS_TF_UPPER},
      {"Dale\xE2\x80\x99s", DS_TOK_WORD, DS_TF_CAP, DS_TF_UPPER | DS_TF_ABBREV},
      {"plan", DS_TOK_WORD, 0, 0},
      {",", DS_TOK_PUNCT, 0, DS_TF_SPACE_BEFORE},
      {"don\xE2\x80\x99t", DS_TOK_WORD, 0, DS_TF_CAP},
      {"you", DS_TOK_WORD, 0, 0},
      {"think", DS_TOK_WORD, 0, 0},
      {"?", DS_TOK_PUNCT, 0, 0},
      {"'", DS_TOK_QUOTE, DS_TF_OPEN | DS_TF_SENT_START, DS_TF_CLOSE},
      {"Yes", DS_TOK_WORD, DS_TF_CAP, 0},
      {"'", DS_TOK_QUOTE, DS_TF_CLOSE, DS_TF_OPEN},
      {"a", DS_TOK_WORD, 0, DS_TF_CAP},
      {"co-operative", DS_TOK_WORD, 0, 0},
      {"F-16", DS_TOK_WORD, DS_TF_CAP, DS_TF_UPPER},
      {"O'Neill", DS_TOK_WORD, DS_TF_CAP, DS_TF_UPPER},
      {"A", DS_TOK_WORD, DS_TF_CAP, DS_TF_UPPER | DS_TF_ABBREV}, /* one letter is not an acronym */
  };
  size_t n = sizeof want / sizeof *want;
  assert_int_equal(a->tokens.len, n);
  for (size_t i = 0, k = 0; i < n; i++, k++) {
    const char *t = S_tok(a, i);
    assert_string_equal(t, want[k].text);
    assert_int_equal(a->tokens.items[i].kind, want[k].kind);
    if ((a->tokens.items[i].flags & want[k].set) != want[k].set ||
        (a->tokens.items[i].flags & want[k].unset) != 0)
      fail_msg("token %zu \"%s\": flags 0x%x", i, t, a->tokens.items[i].flags);
  }
  assert_int_equal(a->sentences.len, 2);
  assert_int_equal(a->words, 19);
  ds_article_free(a);
}

static void test_offsets_and_edges(void **state) {
  (void)state;
  ds_article *a = S_seg("");
  assert_int_equal(a->tokens.len, 0);
  assert_int_equal(a->sentences.len, 0);
  assert_int_equal(a->words, 0);
  ds_article_free(a);

  a = S_seg("  Caf\xC3\xA9 \xC3\x89lan\xE2\x80\xA6 Then\xC2\xA0more");
  SENTENCES(a, "Caf\xC3\xA9 \xC3\x89lan\xE2\x80\xA6", "Then\xC2\xA0more");
  assert_int_equal(a->tokens.items[0].start, 2);
  assert_int_equal(a->tokens.items[0].end, 7);
  assert_true(a->tokens.items[1].flags & DS_TF_CAP); /* É */
  assert_true(a->tokens.items[3].flags & DS_TF_SPACE_BEFORE);
  assert_true(a->tokens.items[4].flags & DS_TF_SPACE_BEFORE); /* after a no-break space */
  ds_article_free(a);

  a = S_seg("No full stop at the end");
  SENTENCES(a, "No full stop at the end");
  ds_article_free(a);
}

static void test_resegment(void **state) {
  (void)state;
  ds_article *a = S_seg("One. Two.");
  ds_segment(a); /* running twice gives the same result, not twice as much */
  SENTENCES(a, "One.", "Two.");
  assert_int_equal(a->tokens.len, 4);
  ds_article_free(a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_abbreviations),
      cmocka_unit_test(test_abbreviation_at_sentence_end),
      cmocka_unit_test(test_initials),
      cmocka_unit_test(test_numbers),
      cmocka_unit_test(test_quote_spanning_sentences),
      cmocka_unit_test(test_closing_quote_after_period),
      cmocka_unit_test(test_paragraphs),
      cmocka_unit_test(test_forced_break),
      cmocka_unit_test(test_token_flags),
      cmocka_unit_test(test_offsets_and_edges),
      cmocka_unit_test(test_resegment),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
