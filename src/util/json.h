/* Streaming JSON writer into a ds_buf: no tree is built, so writing a large dossier
 * costs one pass. Commas are tracked per nesting level. Strings are escaped so that
 * no article text can break out (control characters, quotes, backslashes, and
 * "</" and U+2028/U+2029 so the output is also safe inside an HTML <script>). */
#ifndef DS_JSON_H
#define DS_JSON_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "util/buf.h"

#define DS_JSON_MAX_DEPTH 32 /* our contract nests 4 deep; 32 is generous */

typedef struct {
  ds_buf *out;
  int depth;
  bool need_comma[DS_JSON_MAX_DEPTH];
  bool after_key; /* the next value follows "key": on the same line */
  bool pretty;
  /* Optional: called by ds_jw_flush_point when out holds DS_JSON_FLUSH_BYTES, to write
   * and clear it, so a large report never sits whole in memory. */
  void (*flush)(void *ctx, ds_buf *out);
  void *flush_ctx;
} ds_jw;

/* Output is handed to the flush callback in pieces of about this size. */
#define DS_JSON_FLUSH_BYTES ((size_t)1 << 20)

void ds_jw_init(ds_jw *w, ds_buf *out, bool pretty);
/* Before a value that is not a key's (a comma, and a new line when pretty). */
void ds_jw_sep(ds_jw *w);
/* Before any value: inline, since most values follow their key on its line. */
static inline void ds_jw_before_value(ds_jw *w) {
  if (w->after_key) w->after_key = false;
  else ds_jw_sep(w);
}
/* A value already written as JSON (a string with its quotes and escapes, a number). */
static inline void ds_jw_raw(ds_jw *w, const char *json, size_t n) {
  ds_jw_before_value(w);
  ds_buf_put(w->out, json, n);
}
/* A point between values where the output so far may be handed to w->flush. */
static inline void ds_jw_flush_point(ds_jw *w) {
  if (w->flush && w->out->len >= DS_JSON_FLUSH_BYTES) w->flush(w->flush_ctx, w->out);
}
/* Opening and closing brackets (c), any output. */
void ds_jw_open(ds_jw *w, char c);
void ds_jw_close(ds_jw *w, char c);
/* The same inline for compact output with room in the buffer (every item of a JSON
 * line opens and closes one): one byte, its comma, and the nesting. */
static inline void ds_jw_open_fast(ds_jw *w, char c) {
  ds_buf *b = w->out;
  if (w->pretty || w->depth + 1 >= DS_JSON_MAX_DEPTH || b->len + 3 >= b->cap) {
    ds_jw_open(w, c);
    return;
  }
  if (w->after_key) w->after_key = false;
  else if (w->depth) {
    if (w->need_comma[w->depth]) b->ptr[b->len++] = ',';
    w->need_comma[w->depth] = true;
  }
  b->ptr[b->len++] = c;
  b->ptr[b->len] = '\0';
  w->need_comma[++w->depth] = false;
}
static inline void ds_jw_close_fast(ds_jw *w, char c) {
  ds_buf *b = w->out;
  if (w->pretty || b->len + 2 >= b->cap) {
    ds_jw_close(w, c);
    return;
  }
  if (w->depth > 0) w->depth--;
  b->ptr[b->len++] = c;
  b->ptr[b->len] = '\0';
}
static inline void ds_jw_obj(ds_jw *w) { ds_jw_open_fast(w, '{'); }
static inline void ds_jw_end_obj(ds_jw *w) { ds_jw_close_fast(w, '}'); }
static inline void ds_jw_arr(ds_jw *w) { ds_jw_open_fast(w, '['); }
static inline void ds_jw_end_arr(ds_jw *w) { ds_jw_close_fast(w, ']'); }
void ds_jw_key(ds_jw *w, const char *key);
/* A key of n bytes that needs no escaping (the writers' own key names). */
void ds_jw_keyn(ds_jw *w, const char *key, size_t n);
/* DS_JW_KEY(w, "name"): a literal key. The writers emit millions of keys: this costs
 * one capacity test and one copy of constant size, with no strlen and no escaping
 * scan. The literal carries its comma, and a second NUL so that the copy that skips
 * the comma still ends with one. */
#define DS_JW_KEY(w, lit) ds_jw_key_plain((w), ",\"" lit "\":\0", sizeof(lit) + 3)
/* ckey is ,"key": of n bytes, then two NULs. */
static inline void ds_jw_key_plain(ds_jw *w, const char *ckey, size_t n) {
  if (w->pretty || w->after_key || w->depth == 0) {
    ds_jw_keyn(w, ckey + 2, n - 4);
    return;
  }
  ds_buf *b = w->out;
  if (b->len + n + 1 >= b->cap) ds_buf_reserve(b, n + 1);
  size_t skip = !w->need_comma[w->depth];
  w->need_comma[w->depth] = true;
  memcpy(b->ptr + b->len, ckey + skip, n + 1); /* constant size: a few moves */
  b->len += n - skip;
  w->after_key = true;
}
void ds_jw_str(ds_jw *w, const char *s); /* NULL writes null */
void ds_jw_strn(ds_jw *w, const char *s, size_t n);
void ds_jw_int(ds_jw *w, int64_t v);
void ds_jw_num(ds_jw *w, double v);       /* integers print without a fraction */
void ds_jw_bool(ds_jw *w, bool v);
void ds_jw_null(ds_jw *w);
/* Pairs of decimal digits, "00" to "99" (and a NUL). */
extern const char ds_digits2[201];
/* v < 10000 in exactly four digits at p. */
static inline void ds_fmt_put4(char *p, uint32_t v) {
  memcpy(p, ds_digits2 + 2 * (v / 100), 2);
  memcpy(p + 2, ds_digits2 + 2 * (v % 100), 2);
}

/* v < 10000 in its own digits at p; returns the end. */
static inline char *ds_fmt_small(char *p, uint32_t v) {
  if (v < 10) {
    *p = (char)('0' + v);
    return p + 1;
  }
  if (v < 100) {
    memcpy(p, ds_digits2 + 2 * v, 2);
    return p + 2;
  }
  if (v < 1000) {
    *p = (char)('0' + v / 100);
    memcpy(p + 1, ds_digits2 + 2 * (v % 100), 2);
    return p + 3;
  }
  ds_fmt_put4(p, v);
  return p + 4;
}

/* x in decimal at p (no NUL), in groups of four digits from the left: two or three
 * divisions by constants instead of one per pair of digits. Returns the end. */
static inline char *ds_fmt_u32(char *p, uint32_t x) {
  if (x < 10000) return ds_fmt_small(p, x);
  if (x < 100000000) {
    p = ds_fmt_small(p, x / 10000);
    ds_fmt_put4(p, x % 10000);
    return p + 4;
  }
  p = ds_fmt_small(p, x / 100000000);
  x %= 100000000;
  ds_fmt_put4(p, x / 10000);
  ds_fmt_put4(p + 4, x % 10000);
  return p + 8;
}

/* ds_fmt_int of a v that is negative or above UINT32_MAX. */
size_t ds_fmt_int_wide(char *dst, int64_t v);
/* Writes v in decimal to dst (at least 21 bytes, no NUL); returns the length. Inline:
 * the writers format hundreds of thousands of offsets and ids, all small. */
static inline size_t ds_fmt_int(char *dst, int64_t v) {
  if ((uint64_t)v <= UINT32_MAX) return (size_t)(ds_fmt_u32(dst, (uint32_t)v) - dst);
  return ds_fmt_int_wide(dst, v);
}
/* Appends s escaped as JSON string content (no surrounding quotes). */
void ds_json_escape(ds_buf *out, const char *s, size_t n);
#endif
