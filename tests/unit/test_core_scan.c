/* Unit tests of the fast paths in src/util: the sixteen-byte scans (util/scan.h) and
 * their byte-at-a-time tails, case-insensitive map lookups without a copy, the UTF-8
 * cleanliness test, the literal-key JSON writer, integer and number formatting, and
 * the word-list cache by name. Each checks positions on both sides of a 16-byte
 * block boundary, where a SIMD scan and its scalar tail meet. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util/buf.h"
#include "util/hash.h"
#include "util/json.h"
#include "util/lexicon.h"
#include "util/scan.h"
#include "util/utf8.h"

/* A buffer of n copies of fill with byte c at position at (when at < n). */
static char *S_filled(size_t n, char fill, size_t at, char c) {
  char *s = malloc(n + 1);
  assert_non_null(s);
  memset(s, fill, n);
  if (at < n) s[at] = c;
  s[n] = '\0';
  return s;
}

static void test_scan_any3(void **state) {
  (void)state;
  for (size_t at = 0; at < 40; at++) {
    char *s = S_filled(40, 'x', at, '[');
    assert_int_equal(ds_scan_any3(s, 0, 40, '\\', '*', '['), at);
    assert_int_equal(ds_scan_any3(s, at + 1, 40, '\\', '*', '['), 40);
    free(s);
  }
  assert_int_equal(ds_scan_any3("ab*cd", 0, 5, '\\', '*', '['), 2);
  assert_int_equal(ds_scan_any3("ab*cd", 0, 2, '\\', '*', '['), 2); /* n bounds the scan */
}

static void test_scan_non_ascii(void **state) {
  (void)state;
  for (size_t at = 0; at < 35; at++) {
    char *s = S_filled(35, 'a', at, (char)0xC3);
    assert_int_equal(ds_scan_non_ascii(s, 0, 35), at);
    s[at] = '\0'; /* a NUL stops it too */
    assert_int_equal(ds_scan_non_ascii(s, 0, 35), at);
    free(s);
  }
  assert_int_equal(ds_scan_non_ascii("plain", 0, 5), 5);
}

static void test_scan_json_special(void **state) {
  (void)state;
  const char specials[] = {'"', '\\', '\n', 0x01, 0x1f};
  for (size_t k = 0; k < sizeof specials; k++)
    for (size_t at = 0; at < 33; at++) {
      char *s = S_filled(33, 'z', at, specials[k]);
      assert_int_equal(ds_scan_json_special(s, 0, 33), at);
      free(s);
    }
  /* UTF-8 bytes, space and DEL are plain */
  assert_int_equal(ds_scan_json_special("\xC3\xA9 \x7f\xE2\x80\x9C abcdefghijklmnop", 0, 24), 24);
}

static void test_scan_not_alnum(void **state) {
  (void)state;
  const char stops[] = {' ', '-', '\'', '.', '@', '[', '`', '{', '/', ':', (char)0xE2};
  for (size_t k = 0; k < sizeof stops; k++)
    for (size_t at = 0; at < 37; at++) {
      char *s = S_filled(37, 'Q', at, stops[k]);
      for (size_t i = 0; i < at; i += 5) s[i] = (char)('0' + i % 10); /* digits go on */
      assert_int_equal(ds_scan_not_alnum(s, 0, 37), at);
      free(s);
    }
  assert_int_equal(ds_scan_not_alnum("AZaz09AZaz09AZaz09", 0, 18), 18);
}

static void test_map_get_lower(void **state) {
  (void)state;
  ds_map m;
  ds_map_init(&m);
  const char *keys[] = {"kyiv", "north korea", "a", "ab", "abc", "eighteen letters!!"};
  for (size_t i = 0; i < 6; i++) ds_map_put(&m, keys[i], strlen(keys[i]), i + 1);
  const char *asked[] = {"KYIV", "North Korea", "A", "aB", "ABC", "EIGHTEEN Letters!!"};
  for (size_t i = 0; i < 6; i++) {
    size_t n = strlen(asked[i]);
    const ds_map_slot *s = ds_map_get_lower(&m, asked[i], n, ds_hash_lower(asked[i], n));
    assert_non_null(s);
    assert_int_equal(s->value, i + 1);
  }
  assert_null(ds_map_get_lower(&m, "Kiev", 4, ds_hash_lower("Kiev", 4)));
  assert_null(ds_map_get_lower(&m, "abd", 3, ds_hash_lower("abd", 3)));
  ds_map_free(&m);
  ds_map empty;
  ds_map_init(&empty);
  assert_null(ds_map_get_lower(&empty, "x", 1, ds_hash_lower("x", 1)));
}

static void test_utf8_is_clean(void **state) {
  (void)state;
  assert_true(ds_utf8_is_clean("plain ASCII text that runs past sixteen bytes", 45));
  assert_true(ds_utf8_is_clean("caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x98\x80", 23));
  assert_true(ds_utf8_is_clean("", 0));
  assert_false(ds_utf8_is_clean("abcdefghijklmnopq\xC3", 18));        /* cut short */
  assert_false(ds_utf8_is_clean("abcdefghijklmnopqrs\x00t", 21));      /* a NUL */
  assert_false(ds_utf8_is_clean("\xC0\xAF overlong", 11));
  assert_false(ds_utf8_is_clean("\xED\xA0\x80 surrogate", 13));
  ds_buf b = DS_BUF_INIT; /* what is clean, repair leaves alone */
  assert_int_equal(ds_utf8_repair(&b, "caf\xC3\xA9 and more plain text", 25), 0);
  assert_string_equal(b.ptr, "caf\xC3\xA9 and more plain text");
  ds_buf_clear(&b);
  assert_int_equal(ds_utf8_repair(&b, "0123456789abcdef\xFFz", 18), 1);
  assert_string_equal(b.ptr, "0123456789abcdef\xEF\xBF\xBDz");
  ds_buf_free(&b);
}

/* A special byte at every position of strings of 1 to 40 bytes: the block scan, its
 * overlapping last block and the short-string loop must all find it. */
static void test_json_escape_positions(void **state) {
  (void)state;
  for (size_t n = 1; n <= 40; n++)
    for (size_t at = 0; at < n; at++) {
      char *s = S_filled(n, 'a', at, '"');
      ds_buf b = DS_BUF_INIT;
      ds_json_escape(&b, s, n);
      assert_int_equal(b.len, n + 1);
      assert_int_equal(b.ptr[at], '\\');
      assert_int_equal(b.ptr[at + 1], '"');
      ds_buf_free(&b);
      free(s);
    }
  char plain[41];
  memset(plain, 'q', 40);
  plain[40] = '\0';
  for (size_t n = 0; n <= 40; n++) { /* no special byte: copied as it is */
    ds_buf b = DS_BUF_INIT;
    ds_json_escape(&b, plain, n);
    assert_int_equal(b.len, n);
    ds_buf_free(&b);
  }
}

static void test_json_literal_keys(void **state) {
  (void)state;
  ds_buf b = DS_BUF_INIT;
  ds_jw w;
  ds_jw_init(&w, &b, false);
  ds_jw_obj(&w);
  DS_JW_KEY(&w, "id"), ds_jw_str(&w, "q1");
  DS_JW_KEY(&w, "list");
  ds_jw_arr(&w);
  ds_jw_obj(&w);
  DS_JW_KEY(&w, "start"), ds_jw_int(&w, 0);
  ds_jw_end_obj(&w);
  ds_jw_end_arr(&w);
  DS_JW_KEY(&w, "text"), ds_jw_strn(&w, "he said \"no\" </b>", 17);
  ds_jw_end_obj(&w);
  assert_string_equal(b.ptr, "{\"id\":\"q1\",\"list\":[{\"start\":0}],"
                             "\"text\":\"he said \\\"no\\\" <\\/b>\"}");
  ds_buf_clear(&b);
  ds_jw_init(&w, &b, true); /* pretty output takes the general path */
  ds_jw_obj(&w);
  DS_JW_KEY(&w, "a"), ds_jw_int(&w, 1);
  DS_JW_KEY(&w, "b"), ds_jw_null(&w);
  ds_jw_end_obj(&w);
  assert_string_equal(b.ptr, "{\n  \"a\": 1,\n  \"b\": null\n}");
  ds_buf_free(&b);
}

static void S_int_is(int64_t v, const char *want) {
  char tmp[24];
  size_t n = ds_fmt_int(tmp, v);
  tmp[n] = '\0';
  assert_string_equal(tmp, want);
}

static void S_num_is(double v, const char *want) {
  ds_buf b = DS_BUF_INIT;
  ds_jw w;
  ds_jw_init(&w, &b, false);
  ds_jw_num(&w, v);
  assert_string_equal(b.ptr, want);
  ds_buf_free(&b);
}

static void test_json_numbers(void **state) {
  (void)state;
  S_int_is(0, "0");
  S_int_is(7, "7");
  S_int_is(10, "10");
  S_int_is(99, "99");
  S_int_is(100, "100");
  S_int_is(-305, "-305");
  S_int_is(1234567890123, "1234567890123");
  S_int_is(INT64_MAX, "9223372036854775807");
  S_int_is(INT64_MIN, "-9223372036854775808");
  S_num_is(12000.0, "12000");
  S_num_is(-1500.0, "-1500");
  S_num_is(0.0, "0");
  S_num_is(-0.0, "-0");
  S_num_is(1.5, "1.5");
  S_num_is(-2.25, "-2.25");
  S_num_is(1e15, "1e+15"); /* past the whole-number range: printf's form */
  S_num_is(999999999999999.0, "999999999999999");
}

static void test_lexicon_by_name(void **state) {
  (void)state;
  const ds_map *m1 = ds_lexicon("months");
  const ds_map *m2 = ds_lexicon("abbreviations");
  assert_ptr_not_equal(m1, m2);
  for (int k = 0; k < 3; k++) { /* cached: the same list again */
    assert_ptr_equal(ds_lexicon("months"), m1);
    assert_ptr_equal(ds_lexicon("abbreviations"), m2);
  }
  char name[32]; /* one address, two names: the cache must not confuse them */
  strcpy(name, "months");
  assert_ptr_equal(ds_lexicon(name), m1);
  strcpy(name, "abbreviations");
  assert_ptr_equal(ds_lexicon(name), m2);
  assert_non_null(ds_lexicon_lookup(m1, "OCTOBER", 7));
  assert_null(ds_lexicon_lookup(m1, "Octobre", 7));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_scan_any3),         cmocka_unit_test(test_scan_non_ascii),
      cmocka_unit_test(test_scan_json_special), cmocka_unit_test(test_scan_not_alnum),
      cmocka_unit_test(test_map_get_lower),     cmocka_unit_test(test_utf8_is_clean),
      cmocka_unit_test(test_json_literal_keys), cmocka_unit_test(test_json_numbers),
      cmocka_unit_test(test_lexicon_by_name),     cmocka_unit_test(test_json_escape_positions),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
