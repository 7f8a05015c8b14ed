/* Unit tests of ds_time_text (src/tag_times.c): a text tokenised once answers every
 * scan and inference exactly as the one-shot calls do, however often and in whatever
 * order it is asked. The sentences are our own (a fictional harbour story). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "corpus.h"
#include "tag_times.h"

static const char *const S_texts[] = {
    "HARBOURTON, Oct. 23 (Coast Wire) - The ferry resumed service on Wednesday after a "
    "two-week halt. Divers inspected the pier on Oct. 20 and will return next month.",
    "The council met on Wednesday (October 23) and said repairs would end by Nov. 6.",
    "Since the 2014 storm the quay has been closed. Tolls rose 4.5% in the third quarter, "
    "and the board plans to vote on March 3, 2031.",
    "At 10 a.m. Friday the crane was moved; a year earlier the yard stood empty.",
    "",
};
static const char *const S_anchors[] = {NULL, "2024-10-25", "1999-01-02"};

static void S_same_times(const ds_time *a, size_t na, const ds_time *b, size_t nb) {
  assert_int_equal(na, nb);
  for (size_t i = 0; i < na; i++) {
    assert_int_equal(a[i].start, b[i].start);
    assert_int_equal(a[i].end, b[i].end);
    assert_int_equal(a[i].type, b[i].type);
    assert_string_equal(a[i].value, b[i].value);
  }
}

/* Scans of one ds_time_text against several anchors, twice over, match ds_time_scan. */
static void test_scan_text(void **state) {
  (void)state;
  for (size_t k = 0; k < sizeof S_texts / sizeof *S_texts; k++) {
    const char *s = S_texts[k];
    ds_time_text *tt = ds_time_text_open(s, strlen(s));
    for (int round = 0; round < 2; round++)
      for (size_t j = 0; j < sizeof S_anchors / sizeof *S_anchors; j++) {
        ds_arena arena = {0};
        ds_time *a, *b;
        size_t na = ds_time_scan(s, strlen(s), S_anchors[j], &arena, &a);
        size_t nb = ds_time_scan_text(tt, S_anchors[j], &arena, &b);
        S_same_times(a, na, b, nb);
        ds_arena_free(&arena);
      }
    ds_time_text_close(tt);
  }
}

/* Inferences without and with a corpus date, in both orders and repeated (the first
 * scan is kept between them), match ds_time_infer; so does an unanchored scan after. */
static void test_infer_text(void **state) {
  (void)state;
  static const char *const nears[] = {NULL, "2024-10-27", NULL, "2031-02-01"};
  for (size_t k = 0; k < sizeof S_texts / sizeof *S_texts; k++) {
    const char *s = S_texts[k];
    ds_time_text *tt = ds_time_text_open(s, strlen(s));
    for (size_t j = 0; j < sizeof nears / sizeof *nears; j++) {
      ds_arena arena = {0};
      char want[11] = "", got[11] = "";
      assert_int_equal(ds_time_infer_text(tt, nears[j], &arena, got),
                       ds_time_infer(s, strlen(s), nears[j], &arena, want));
      assert_string_equal(got, want);
      ds_arena_free(&arena);
    }
    /* an unanchored scan after an inference reuses its first scan */
    ds_arena arena = {0};
    ds_time *a, *b;
    size_t na = ds_time_scan(s, strlen(s), NULL, &arena, &a);
    size_t nb = ds_time_scan_text(tt, NULL, &arena, &b);
    S_same_times(a, na, b, nb);
    ds_arena_free(&arena);
    ds_time_text_close(tt);
  }
}

/* Re-anchoring with the article's ds_time_text gives the times ds_time_reanchor does. */
static void test_reanchor_text(void **state) {
  (void)state;
  for (size_t k = 0; k < sizeof S_texts / sizeof *S_texts; k++) {
    const char *s = S_texts[k];
    ds_article *a = ds_article_new("a.txt"), *b = ds_article_new("b.txt");
    a->body = b->body = s;
    a->body_len = b->body_len = (uint32_t)strlen(s);
    ds_tag_times(a);
    ds_tag_times(b);
    ds_time_text *tt = ds_time_text_open(s, strlen(s));
    ds_time_reanchor(a, "2024-11-02");
    ds_time_reanchor_text(b, "2024-11-02", tt);
    ds_time_text_close(tt);
    assert_string_equal(a->published, b->published);
    assert_int_equal(a->published_basis, b->published_basis);
    S_same_times(a->times.items, a->times.len, b->times.items, b->times.len);
    ds_article_free(a);
    ds_article_free(b);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_scan_text),
      cmocka_unit_test(test_infer_text),
      cmocka_unit_test(test_reanchor_text),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
