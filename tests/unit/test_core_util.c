/* Unit tests of src/util: arena, ds_buf, ds_map, UTF-8 repair and folding, the JSON
 * writer and its escaping, and the date parser. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util/arena.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/hash.h"
#include "util/json.h"
#include "util/lexicon.h"
#include "util/utf8.h"

/* ---- arena ---- */

static void test_arena_zeroed_aligned(void **state) {
  (void)state;
  ds_arena a = {0};
  for (size_t size = 1; size < 100; size += 7) {
    unsigned char *p = ds_arena_alloc(&a, size);
    assert_int_equal((uintptr_t)p % 16, 0);
    for (size_t i = 0; i < size; i++) assert_int_equal(p[i], 0);
    memset(p, 0xAB, size); /* the next allocation must not see this */
  }
  assert_non_null(ds_arena_alloc(&a, 0)); /* a zero-size request is still a pointer */
  ds_arena_free(&a);
  assert_null(a.head);
  assert_int_equal(a.total, 0);
}

static void test_arena_large_and_many(void **state) {
  (void)state;
  ds_arena a = {0};
  char *big = ds_arena_alloc(&a, (size_t)3 << 20); /* larger than the largest block */
  big[((size_t)3 << 20) - 1] = 'x';
  char *small[1000];
  for (int i = 0; i < 1000; i++) small[i] = ds_arena_printf(&a, "item-%d", i);
  for (int i = 0; i < 1000; i++) {
    char want[32];
    snprintf(want, sizeof want, "item-%d", i);
    assert_string_equal(small[i], want);
  }
  assert_true(a.total >= ((size_t)3 << 20) + 1000 * 16);
  ds_arena_free(&a);
}

static void test_arena_strings(void **state) {
  (void)state;
  ds_arena a = {0};
  char *s = ds_arena_strndup(&a, "harbour lights", 7);
  assert_string_equal(s, "harbour");
  assert_null(ds_arena_strdup(&a, NULL));
  assert_string_equal(ds_arena_strdup(&a, ""), "");
  assert_string_equal(ds_arena_printf(&a, "%s-%03d", "q", 7), "q-007");
  assert_string_equal(ds_arena_printf(&a, "%s", ""), "");
  int *g = ds_arena_grow(&a, NULL, 0, 4 * sizeof(int));
  g[0] = 1, g[3] = 4;
  int *h = ds_arena_grow(&a, g, 4 * sizeof(int), 8 * sizeof(int));
  assert_int_equal(h[0], 1);
  assert_int_equal(h[3], 4);
  assert_int_equal(h[7], 0);
  ds_arena_free(&a);
}

static void test_arena_vec(void **state) {
  (void)state;
  ds_arena a = {0};
  DS_VEC(uint32_t) v = {0};
  for (uint32_t i = 0; i < 5000; i++) *DS_PUSH(&a, &v) = i * 3;
  assert_int_equal(v.len, 5000);
  assert_true(v.cap >= 5000);
  for (uint32_t i = 0; i < 5000; i++) assert_int_equal(v.items[i], i * 3);
  ds_arena_free(&a);
}

/* ---- ds_buf ---- */

static void test_buf_never_null(void **state) {
  (void)state;
  ds_buf b = DS_BUF_INIT;
  assert_non_null(b.ptr);
  assert_string_equal(b.ptr, "");
  ds_buf_clear(&b); /* clearing an unallocated buffer must not write to ds_buf_empty */
  assert_string_equal(b.ptr, "");
  ds_buf_free(&b);
  assert_non_null(b.ptr);
  assert_int_equal(b.len, 0);
  ds_buf_put(&b, "x", 0); /* nothing to put: still no allocation */
  assert_int_equal(b.cap, 0);
  char *d = ds_buf_detach(&b); /* detaching an empty buffer hands back a fresh "" */
  assert_non_null(d);
  assert_string_equal(d, "");
  assert_true(d != ds_buf_empty);
  free(d);
  ds_buf c;
  ds_buf_init(&c);
  assert_ptr_equal(c.ptr, ds_buf_empty);
}

static void test_buf_put_printf(void **state) {
  (void)state;
  ds_buf b = DS_BUF_INIT;
  ds_buf_puts(&b, "port");
  ds_buf_putc(&b, ':');
  ds_buf_put(&b, "alpha", 3);
  assert_string_equal(b.ptr, "port:alp");
  assert_int_equal(b.len, 8);
  char long_word[600];
  memset(long_word, 'w', sizeof long_word - 1);
  long_word[sizeof long_word - 1] = '\0';
  ds_buf_printf(&b, "[%s]%d", long_word, 42); /* longer than the printf stack buffer */
  assert_int_equal(b.len, 8 + 1 + 599 + 1 + 2);
  assert_memory_equal(b.ptr + b.len - 4, "w]42", 4);
  assert_int_equal(b.ptr[b.len], '\0');
  ds_buf_clear(&b);
  assert_int_equal(b.len, 0);
  assert_string_equal(b.ptr, "");
  ds_buf_printf(&b, "%d-%s", 7, "x");
  char *d = ds_buf_detach(&b);
  assert_string_equal(d, "7-x");
  assert_ptr_equal(b.ptr, ds_buf_empty);
  free(d);
}

/* A reserve far past the content is given back; a little spare is kept, and so is an
 * unallocated buffer; the bytes and the terminator survive. */
static void test_buf_shrink(void **state) {
  (void)state;
  ds_buf b = DS_BUF_INIT;
  ds_buf_shrink(&b);
  assert_ptr_equal(b.ptr, ds_buf_empty);
  ds_buf_reserve(&b, 3 * DS_BUF_SHRINK_MIN);
  ds_buf_puts(&b, "line");
  ds_buf_shrink(&b);
  assert_int_equal(b.cap, 5);
  assert_string_equal(b.ptr, "line");
  ds_buf_putc(&b, '!'); /* still growable after */
  assert_string_equal(b.ptr, "line!");
  size_t cap = b.cap;
  ds_buf_shrink(&b); /* spare under DS_BUF_SHRINK_MIN: not worth a realloc */
  assert_int_equal(b.cap, cap);
  ds_buf_free(&b);
}

/* ---- ds_map ---- */

static void test_map_basic(void **state) {
  (void)state;
  ds_map m;
  ds_map_init(&m);
  assert_null(ds_map_get(&m, "absent", 6)); /* lookups on an empty map */
  char key[16] = "lighthouse";
  bool ins = false;
  ds_map_slot *s = ds_map_upsert(&m, key, strlen(key), &ins);
  assert_true(ins);
  assert_int_equal(s->value, 0);
  s->value = 99;
  key[0] = 'n'; /* the map holds its own copy */
  const ds_map_slot *g = ds_map_get(&m, "lighthouse", 10);
  assert_non_null(g);
  assert_int_equal(g->value, 99);
  assert_null(ds_map_get(&m, "nighthouse", 10));
  assert_null(ds_map_get(&m, "lighthous", 9));
  ds_map_upsert(&m, "lighthouse", 10, &ins);
  assert_false(ins);
  assert_int_equal(m.len, 1);
  ds_map_put(&m, "", 0, 5); /* the empty key is a key */
  ds_map_put(&m, "a\0b", 3, 6); /* keys are bytes, NULs included */
  assert_int_equal(ds_map_get(&m, "", 0)->value, 5);
  assert_int_equal(ds_map_get(&m, "a\0b", 3)->value, 6);
  assert_null(ds_map_get(&m, "a", 1));
  ds_map_free(&m);
  assert_int_equal(m.len, 0);
}

/* A reserved map takes its keys without a rehash (the table stays where it is), keeps
 * the keys it had, and a reserve of none allocates nothing. */
static void test_map_reserve(void **state) {
  (void)state;
  ds_map m;
  ds_map_init(&m);
  ds_map_reserve(&m, 0);
  assert_null(m.slots);
  ds_map_put(&m, "kept", 4, 7);
  ds_map_reserve(&m, 300);
  assert_true(m.cap >= 600);
  const ds_map_slot *slots = m.slots;
  char k[32];
  for (int i = 0; i < 299; i++) {
    int n = snprintf(k, sizeof k, "w%d", i);
    ds_map_put(&m, k, (size_t)n, (uint64_t)i + 1);
  }
  assert_ptr_equal(m.slots, slots);
  assert_int_equal(ds_map_get(&m, "kept", 4)->value, 7);
  assert_int_equal(ds_map_get(&m, "w298", 4)->value, 299);
  ds_map_reserve(&m, 10); /* never shrinks */
  assert_ptr_equal(m.slots, slots);
  ds_map_free(&m);
}

static void test_map_grow(void **state) {
  (void)state;
  ds_map m;
  ds_map_init(&m);
  char k[32];
  for (int i = 0; i < 20000; i++) {
    int n = snprintf(k, sizeof k, "key%d", i);
    ds_map_put(&m, k, (size_t)n, (uint64_t)i + 1);
  }
  assert_int_equal(m.len, 20000);
  assert_true(m.len * 4 <= m.cap * 3);
  for (int i = 0; i < 20000; i++) {
    int n = snprintf(k, sizeof k, "key%d", i);
    const ds_map_slot *s = ds_map_get(&m, k, (size_t)n);
    assert_non_null(s);
    assert_int_equal(s->value, (uint64_t)i + 1);
  }
  assert_null(ds_map_get(&m, "key20000", 8));
  ds_map_free(&m);
}

static void test_hash_bytes(void **state) {
  (void)state;
  assert_true(ds_hash_bytes("abc", 3) == ds_hash_bytes("abc", 3));
  assert_true(ds_hash_bytes("abc", 3) != ds_hash_bytes("abd", 3));
  assert_true(ds_hash_bytes("abcdefghij", 10) != ds_hash_bytes("abcdefghik", 10));
  assert_true(ds_hash_bytes("", 0) != ds_hash_bytes("\0", 1));
}

/* ---- UTF-8 ---- */

/* Repairs n bytes and compares with want (wn bytes) and the replacement count. */
static void S_repair(const char *in, size_t n, const char *want, size_t wn, size_t fixes) {
  ds_buf b = DS_BUF_INIT;
  assert_int_equal(ds_utf8_repair(&b, in, n), fixes);
  assert_int_equal(b.len, wn);
  assert_memory_equal(b.ptr, want, wn);
  assert_int_equal(b.ptr[b.len], '\0');
  ds_buf_free(&b);
}

#define FFFD "\xEF\xBF\xBD"

static void test_utf8_repair_valid(void **state) {
  (void)state;
  const char *ok = "Kyiv \xE2\x80\x94 caf\xC3\xA9 \xF0\x9F\x93\xB0 \xE2\x80\x9Cyes\xE2\x80\x9D";
  S_repair(ok, strlen(ok), ok, strlen(ok), 0);
  S_repair("", 0, "", 0, 0);
}

static void test_utf8_repair_invalid(void **state) {
  (void)state;
  S_repair("a\xFF" "b", 3, "a" FFFD "b", 5, 1);             /* a byte never valid */
  S_repair("\x80x", 2, FFFD "x", 4, 1);                   /* a lone continuation */
  S_repair("\xC0\xAF", 2, FFFD FFFD, 6, 2);               /* overlong '/' */
  S_repair("\xE0\x80\xAF", 3, FFFD FFFD FFFD, 9, 3);      /* overlong, 3 bytes */
  S_repair("\xED\xA0\x80", 3, FFFD FFFD FFFD, 9, 3);      /* a UTF-16 surrogate */
  S_repair("\xF4\x90\x80\x80", 4, FFFD FFFD FFFD FFFD, 12, 4); /* past U+10FFFF */
  S_repair("ok\xE2\x82", 4, "ok" FFFD FFFD, 8, 2);        /* truncated at the end */
  S_repair("\xE2\x82z", 3, FFFD FFFD "z", 7, 2);          /* truncated mid-text */
  S_repair("\xC3\xA9\xC3", 3, "\xC3\xA9" FFFD, 5, 1);     /* good, then a cut lead */
}

static void test_utf8_repair_nul(void **state) {
  (void)state;
  S_repair("a\0b\0", 4, "ab", 2, 0); /* NUL bytes are dropped, not replaced */
  S_repair("\0\0\0", 3, "", 0, 0);
  ds_buf b = DS_BUF_INIT; /* repair appends */
  ds_buf_puts(&b, "x");
  ds_utf8_repair(&b, "\xFFy", 2);
  assert_string_equal(b.ptr, "x" FFFD "y");
  ds_buf_free(&b);
}

static void test_utf8_decode(void **state) {
  (void)state;
  size_t len = 0;
  assert_int_equal(ds_utf8_decode("A", 1, &len), 'A');
  assert_int_equal(len, 1);
  assert_int_equal(ds_utf8_decode("\xC3\xA9x", 3, &len), 0xE9);
  assert_int_equal(len, 2);
  assert_int_equal(ds_utf8_decode("\xE2\x80\x9C", 3, &len), 0x201C);
  assert_int_equal(len, 3);
  assert_int_equal(ds_utf8_decode("\xF0\x9F\x93\xB0", 4, &len), 0x1F4F0);
  assert_int_equal(len, 4);
  assert_int_equal(ds_utf8_decode("\xE2\x80", 2, &len), 0xFFFD); /* cut short */
  assert_int_equal(len, 1);
  const char *s = "a\xC3\xA9\xE2\x80\x94";
  assert_int_equal(ds_utf8_prev_len(s, 6), 3);
  assert_int_equal(ds_utf8_prev_len(s, 3), 2);
  assert_int_equal(ds_utf8_prev_len(s, 1), 1);
  ds_buf b = DS_BUF_INIT;
  ds_utf8_encode(&b, 0x2019);
  ds_utf8_encode(&b, 'z');
  assert_string_equal(b.ptr, "\xE2\x80\x99z");
  ds_buf_free(&b);
}

static void test_utf8_classes(void **state) {
  (void)state;
  assert_true(ds_cp_is_upper('Q'));
  assert_false(ds_cp_is_upper('q'));
  assert_true(ds_cp_is_upper(0xC9));   /* É */
  assert_false(ds_cp_is_upper(0xE9));  /* é */
  assert_true(ds_cp_is_upper(0x416));  /* Cyrillic Ж */
  assert_true(ds_cp_is_alpha(0x416));
  assert_true(ds_cp_is_alpha(0x5D0));  /* Hebrew alef: a letter with no case */
  assert_false(ds_cp_is_alpha('7'));
  assert_false(ds_cp_is_alpha(0x2014));
  assert_true(ds_cp_is_space(' '));
  assert_true(ds_cp_is_space('\n'));
  assert_true(ds_cp_is_space(0xA0));   /* no-break space */
  assert_true(ds_cp_is_space(0x2009)); /* thin space */
  assert_true(ds_cp_is_space(0x2028));
  assert_false(ds_cp_is_space(0x200B)); /* zero width space is a format char */
  assert_false(ds_cp_is_space('x'));
}

static void test_utf8_fold(void **state) {
  (void)state;
  ds_buf b = DS_BUF_INIT;
  const char *s = "\xC3\x89" "COLE Mar\xC3\xAD" "a \xD0\x96UK O'Neill";
  ds_utf8_fold(&b, s, strlen(s));
  assert_string_equal(b.ptr, "\xC3\xA9" "cole mar\xC3\xAD" "a \xD0\xB6uk o'neill");
  ds_buf_clear(&b);
  ds_utf8_fold(&b, "ABC", 2); /* only n bytes */
  assert_string_equal(b.ptr, "ab");
  ds_buf_free(&b);
}

/* ---- JSON ---- */

static void S_escaped(const char *in, size_t n, const char *want) {
  ds_buf b = DS_BUF_INIT;
  ds_json_escape(&b, in, n);
  assert_string_equal(b.ptr, want);
  ds_buf_free(&b);
}

static void test_json_escape(void **state) {
  (void)state;
  S_escaped("plain text", 10, "plain text");
  S_escaped("say \"no\"", 8, "say \\\"no\\\"");
  S_escaped("C:\\dir", 6, "C:\\\\dir");
  S_escaped("a\nb\tc\rd", 7, "a\\nb\\tc\\rd");
  S_escaped("\x01\x1f\x7f", 3, "\\u0001\\u001f\\u007f");
  S_escaped("x\0y", 3, "x\\u0000y");
  S_escaped("</script><b>a/b</b>", 19, "<\\/script><b>a/b<\\/b>");
  S_escaped("one\xE2\x80\xA8two\xE2\x80\xA9", 12, "one\\u2028two\\u2029");
  S_escaped("\xE2\x80\x94 \xE2\x80\x9C", 7, "\xE2\x80\x94 \xE2\x80\x9C"); /* other E2 80 xx pass */
  S_escaped("\xC3\xA9", 2, "\xC3\xA9");
  S_escaped("", 0, "");
}

static void test_json_writer(void **state) {
  (void)state;
  ds_buf b = DS_BUF_INIT;
  ds_jw w;
  ds_jw_init(&w, &b, false);
  ds_jw_obj(&w);
  ds_jw_key(&w, "n"), ds_jw_int(&w, -12);
  ds_jw_key(&w, "s"), ds_jw_str(&w, "a\"b");
  ds_jw_key(&w, "null"), ds_jw_str(&w, NULL);
  ds_jw_key(&w, "list");
  ds_jw_arr(&w);
  ds_jw_num(&w, 3000.0);
  ds_jw_num(&w, 1.4);
  ds_jw_num(&w, 0.0 / 0.0);
  ds_jw_bool(&w, true);
  ds_jw_obj(&w);
  ds_jw_end_obj(&w);
  ds_jw_arr(&w);
  ds_jw_end_arr(&w);
  ds_jw_strn(&w, "abcdef", 3);
  ds_jw_end_arr(&w);
  ds_jw_key(&w, "last"), ds_jw_null(&w);
  ds_jw_end_obj(&w);
  assert_string_equal(b.ptr, "{\"n\":-12,\"s\":\"a\\\"b\",\"null\":null,\"list\":[3000,1.4,null,"
                             "true,{},[],\"abc\"],\"last\":null}");
  ds_buf_free(&b);
}

static void test_json_writer_pretty(void **state) {
  (void)state;
  ds_buf b = DS_BUF_INIT;
  ds_jw w;
  ds_jw_init(&w, &b, true);
  ds_jw_obj(&w);
  ds_jw_key(&w, "a"), ds_jw_int(&w, 1);
  ds_jw_key(&w, "b");
  ds_jw_arr(&w);
  ds_jw_bool(&w, false);
  ds_jw_obj(&w);
  ds_jw_key(&w, "c"), ds_jw_str(&w, "d");
  ds_jw_end_obj(&w);
  ds_jw_end_arr(&w);
  ds_jw_key(&w, "empty");
  ds_jw_arr(&w);
  ds_jw_end_arr(&w);
  ds_jw_key(&w, "none");
  ds_jw_obj(&w);
  ds_jw_end_obj(&w);
  ds_jw_end_obj(&w);
  assert_string_equal(b.ptr, "{\n  \"a\": 1,\n  \"b\": [\n    false,\n    {\n      \"c\": \"d\"\n    }\n  ],"
                             "\n  \"empty\": [],\n  \"none\": {}\n}");
  ds_buf_clear(&b);
  ds_jw_init(&w, &b, true); /* empty at the top */
  ds_jw_arr(&w);
  ds_jw_end_arr(&w);
  assert_string_equal(b.ptr, "[]");
  ds_buf_free(&b);
}

/* ---- dates ---- */

static void S_parses(const char *s, int y, int m, int d) {
  ds_date out = {0, 0, 0};
  assert_true(ds_date_parse(s, strlen(s), &out));
  assert_int_equal(out.y, y);
  assert_int_equal(out.m, m);
  assert_int_equal(out.d, d);
}

static void S_rejects(const char *s) {
  ds_date out;
  assert_false(ds_date_parse(s, strlen(s), &out));
}

static void test_date_parse(void **state) {
  (void)state;
  S_parses("2025-03-16", 2025, 3, 16);
  S_parses("  2025-03-16  ", 2025, 3, 16);
  S_parses("2025/03/16", 2025, 3, 16);
  S_parses("2025-3-6", 2025, 3, 6);
  S_parses("2025-03-16T08:30:00+01:00", 2025, 3, 16);
  S_parses("2025-03-16 08:30", 2025, 3, 16);
  S_parses("20250316", 2025, 3, 16);
  S_parses("16 March 2025", 2025, 3, 16);
  S_parses("16 Mar. 2025", 2025, 3, 16);
  S_parses("March 16, 2025", 2025, 3, 16);
  S_parses("march 16 2025", 2025, 3, 16);
  S_parses("Mar. 16, 2025", 2025, 3, 16);
  S_parses("Sept. 2, 2025", 2025, 9, 2);
  S_parses("March 1st, 2025", 2025, 3, 1);
  S_parses("March 22nd, 2025", 2025, 3, 22);
  S_parses("Sunday, March 16, 2025", 2025, 3, 16);
  S_parses("2024-02-29", 2024, 2, 29);
  S_parses("2000-02-29", 2000, 2, 29);
}

static void test_date_reject(void **state) {
  (void)state;
  S_rejects("");
  S_rejects("yesterday");
  S_rejects("2025-02-29"); /* not a leap year */
  S_rejects("1900-02-29"); /* nor is a century not divisible by 400 */
  S_rejects("2025-13-01");
  S_rejects("2025-04-31");
  S_rejects("2025-00-10");
  S_rejects("March 2025");   /* month precision only */
  S_rejects("March 16");     /* no year */
  S_rejects("16 Marchy 2025");
  S_rejects("2025-03-16 and more words");
  S_rejects("202503161");    /* nine digits */
  S_rejects("0999-01-01");   /* out of range */
  S_rejects("2025-03/16");   /* mixed separators */
}

static void test_date_find(void **state) {
  (void)state;
  ds_date d;
  size_t s = 99, e = 99;
  const char *line = "By Mara Quint | April 3, 2025 at 9 am";
  assert_true(ds_date_find(line, strlen(line), &d, &s, &e));
  assert_int_equal(s, 16);
  assert_int_equal(e, 29);
  assert_int_equal(d.y * 10000 + d.m * 100 + d.d, 20250403);
  line = "Posted: 2025-04-03T10:00Z";
  assert_true(ds_date_find(line, strlen(line), &d, &s, &e));
  assert_int_equal(s, 8);
  assert_int_equal(e, 18);
  line = "Filed 3 April 2025, updated";
  assert_true(ds_date_find(line, strlen(line), &d, &s, &e));
  assert_int_equal(s, 6);
  assert_int_equal(e, 18); /* the comma after the year is not part of it */
  line = "In 1999 the ferry sank; 12 34 people";
  assert_false(ds_date_find(line, strlen(line), &d, &s, &e));
  line = "x2025-04-03"; /* dates start at a word boundary */
  assert_false(ds_date_find(line, strlen(line), &d, &s, &e));
}

static void test_date_calendar(void **state) {
  (void)state;
  assert_int_equal(ds_days_in_month(2024, 2), 29);
  assert_int_equal(ds_days_in_month(2023, 2), 28);
  assert_int_equal(ds_days_in_month(2023, 12), 31);
  assert_int_equal(ds_days_in_month(2023, 13), 0);
  assert_true(ds_date_valid(2023, 4, 30));
  assert_false(ds_date_valid(2023, 4, 31));
  assert_int_equal(ds_date_to_days((ds_date){1970, 1, 1}), 0);
  assert_int_equal(ds_date_to_days((ds_date){2000, 3, 1}), 11017);
  ds_date back = ds_days_to_date(ds_date_to_days((ds_date){2024, 2, 29}) + 1);
  assert_int_equal(back.y, 2024);
  assert_int_equal(back.m, 3);
  assert_int_equal(back.d, 1);
  assert_int_equal(ds_date_weekday((ds_date){1970, 1, 1}), 3);  /* Thursday */
  assert_int_equal(ds_date_weekday((ds_date){2025, 3, 16}), 6); /* Sunday */
  assert_int_equal(ds_date_weekday((ds_date){1969, 12, 29}), 0); /* Monday, before the epoch */
  char buf[11];
  ds_date_format((ds_date){2025, 3, 6}, buf);
  assert_string_equal(buf, "2025-03-06");
  assert_int_equal(ds_month_number("SEPT", 4), 9);
  assert_int_equal(ds_month_number("december", 8), 12);
  assert_int_equal(ds_month_number("Oct.", 4), 10);
  assert_int_equal(ds_month_number("Mayday", 6), 0);
}

static void test_lexicon(void **state) {
  (void)state;
  assert_true(ds_lexicon_has("months", "JANUARY", 7));
  assert_string_equal(ds_lexicon_value("months", "Feb", 3), "2");
  assert_null(ds_lexicon_value("months", "# Month", 7)); /* comments are not entries */
  assert_string_equal(ds_lexicon_value("abbreviations", "Gen.", 4), "title");
  char longkey[400];
  memset(longkey, 'a', sizeof longkey);
  assert_false(ds_lexicon_has("months", longkey, sizeof longkey));
  size_t len = 0;
  assert_non_null(ds_embedded_file("months.txt", &len));
  assert_true(len > 0);
  assert_null(ds_embedded_file("no-such-file.txt", NULL));
}

/* The fast paths: case-folding hash, word-at-a-time lower-casing, the map's filter,
 * integer formatting without printf, and the lexicon's hashed lookup. */
static void test_fast_paths(void **state) {
  (void)state;
  const char *mixed = "Ferry-BOAT Captains of PORT Alder, \xC3\x89" "cole 2025 Z@[`{";
  char low[80];
  for (size_t n = 0; n <= strlen(mixed); n++) {
    ds_ascii_lower(low, mixed, n);
    for (size_t i = 0; i < n; i++)
      assert_int_equal(low[i], mixed[i] >= 'A' && mixed[i] <= 'Z' ? mixed[i] + 32 : mixed[i]);
    assert_true(ds_hash_lower(mixed, n) == ds_hash_bytes(low, n));
  }
  assert_true(ds_hash_bytes("ab", 2) != ds_hash_bytes("ba", 2));
  assert_true(ds_hash_bytes("", 0) != ds_hash_bytes("a", 1));
  ds_map m;
  ds_map_init(&m);
  assert_null(ds_map_get(&m, "quay", 4)); /* empty map */
  ds_map_put(&m, "", 0, 7);
  ds_map_put(&m, "quay", 4, 1);
  assert_int_equal(ds_map_get(&m, "", 0)->value, 7);
  assert_int_equal(ds_map_get(&m, "quay", 4)->value, 1);
  assert_null(ds_map_get(&m, "quays", 5)); /* longer than any key */
  assert_null(ds_map_get(&m, "qua", 3));
  ds_map_free(&m);
  char num[24];
  assert_int_equal(ds_fmt_int(num, INT64_MIN), 20);
  assert_memory_equal(num, "-9223372036854775808", 20);
  assert_int_equal(ds_fmt_int(num, 0), 1);
  assert_memory_equal(num, "0", 1);
  const ds_map *months = ds_lexicon("months");
  assert_string_equal(ds_lexicon_lookup_hashed(months, "MARCH", 5, ds_hash_lower("MARCH", 5)), "3");
  assert_null(ds_lexicon_lookup_hashed(months, "Marc", 4, ds_hash_lower("Marc", 4)));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_fast_paths),
      cmocka_unit_test(test_arena_zeroed_aligned), cmocka_unit_test(test_arena_large_and_many),
      cmocka_unit_test(test_arena_strings),        cmocka_unit_test(test_arena_vec),
      cmocka_unit_test(test_buf_never_null),       cmocka_unit_test(test_buf_put_printf),
      cmocka_unit_test(test_buf_shrink),
      cmocka_unit_test(test_map_basic),            cmocka_unit_test(test_map_grow),
      cmocka_unit_test(test_map_reserve),
      cmocka_unit_test(test_hash_bytes),           cmocka_unit_test(test_utf8_repair_valid),
      cmocka_unit_test(test_utf8_repair_invalid),  cmocka_unit_test(test_utf8_repair_nul),
      cmocka_unit_test(test_utf8_decode),          cmocka_unit_test(test_utf8_classes),
      cmocka_unit_test(test_utf8_fold),            cmocka_unit_test(test_json_escape),
      cmocka_unit_test(test_json_writer),          cmocka_unit_test(test_json_writer_pretty),
      cmocka_unit_test(test_date_parse),           cmocka_unit_test(test_date_reject),
      cmocka_unit_test(test_date_find),            cmocka_unit_test(test_date_calendar),
      cmocka_unit_test(test_lexicon),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
