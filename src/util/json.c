#include "util/json.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void ds_jw_init(ds_jw *w, ds_buf *out, bool pretty) {
  memset(w, 0, sizeof *w);
  w->out = out;
  w->pretty = pretty;
}

static void S_indent(ds_jw *w) {
  if (!w->pretty) return;
  ds_buf_putc(w->out, '\n');
  for (int i = 0; i < w->depth; i++) ds_buf_put(w->out, "  ", 2);
}

/* Before any value: a comma when a sibling came before, and (pretty) a new line; the
 * value of a key stays on the key's line. Indenting here, not at the opening bracket,
 * keeps empty containers as [] and {}. */
static void S_value(ds_jw *w) {
  if (w->after_key) {
    w->after_key = false;
    return;
  }
  if (w->depth == 0) return;
  if (w->need_comma[w->depth]) ds_buf_putc(w->out, ',');
  S_indent(w);
  w->need_comma[w->depth] = true;
}

static void S_open(ds_jw *w, char c) {
  S_value(w);
  ds_buf_putc(w->out, c);
  if (w->depth + 1 < DS_JSON_MAX_DEPTH) w->depth++;
  w->need_comma[w->depth] = false;
}

static void S_close(ds_jw *w, char c) {
  bool had = w->need_comma[w->depth];
  if (w->depth > 0) w->depth--;
  if (had) S_indent(w);
  ds_buf_putc(w->out, c);
}

void ds_jw_obj(ds_jw *w) { S_open(w, '{'); }
void ds_jw_end_obj(ds_jw *w) { S_close(w, '}'); }
void ds_jw_arr(ds_jw *w) { S_open(w, '['); }
void ds_jw_end_arr(ds_jw *w) { S_close(w, ']'); }

/* Bytes that may need escaping: control characters, '"', '\\', '/', DEL and 0xE2 (the
 * lead byte of U+2028/U+2029). Everything else is copied in runs, one memcpy each. */
#define S_C4(n) [n] = 1, [n + 1] = 1, [n + 2] = 1, [n + 3] = 1
#define S_C16(n) S_C4(n), S_C4(n + 4), S_C4(n + 8), S_C4(n + 12)
static const unsigned char S_special[256] = {
    S_C16(0), S_C16(16), ['"'] = 1, ['\\'] = 1, ['/'] = 1, [0x7f] = 1, [0xE2] = 1};

static bool S_plain(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (S_special[(unsigned char)s[i]]) return false;
  return true;
}

/* The escape for s[i] (a special byte) into rep; returns its length, 0 to keep the byte
 * as it is. *skip is set to the extra input bytes consumed (U+2028/U+2029). */
static size_t S_escape_one(const unsigned char *s, size_t i, size_t n, char rep[8], size_t *skip) {
  static const char hex[] = "0123456789abcdef";
  unsigned char c = s[i];
  *skip = 0;
  switch (c) {
  case '"': memcpy(rep, "\\\"", 2); return 2;
  case '\\': memcpy(rep, "\\\\", 2); return 2;
  case '\n': memcpy(rep, "\\n", 2); return 2;
  case '\t': memcpy(rep, "\\t", 2); return 2;
  case '\r': memcpy(rep, "\\r", 2); return 2;
  case '/':
    if (i == 0 || s[i - 1] != '<') return 0;
    memcpy(rep, "\\/", 2);
    return 2;
  case 0xE2:
    if (i + 2 >= n || s[i + 1] != 0x80 || (s[i + 2] != 0xA8 && s[i + 2] != 0xA9)) return 0;
    memcpy(rep, s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029", 6);
    *skip = 2;
    return 6;
  default: /* other control characters and DEL */
    memcpy(rep, "\\u00", 4);
    rep[4] = hex[c >> 4];
    rep[5] = hex[c & 15];
    return 6;
  }
}

void ds_json_escape(ds_buf *out, const char *str, size_t n) {
  const unsigned char *s = (const unsigned char *)str;
  size_t run = 0, i = 0;
  ds_buf_reserve(out, n);
  for (;;) {
    while (i < n && !S_special[s[i]]) i++;
    if (i == n) break;
    char rep[8];
    size_t skip, len = S_escape_one(s, i, n, rep, &skip);
    if (len) {
      ds_buf_put(out, str + run, i - run);
      ds_buf_put(out, rep, len);
      run = i + skip + 1;
    }
    i += skip + 1;
  }
  ds_buf_put(out, str + run, n - run);
}

/* Keys are nearly always plain identifiers: one reserve and one copy for "key": */
void ds_jw_key(ds_jw *w, const char *key) {
  S_value(w);
  size_t n = strlen(key);
  ds_buf *b = w->out;
  if (S_plain(key, n)) {
    ds_buf_reserve(b, n + 4);
    b->ptr[b->len] = '"';
    memcpy(b->ptr + b->len + 1, key, n);
    memcpy(b->ptr + b->len + 1 + n, "\": ", 4); /* the space only when pretty */
    b->len += n + (w->pretty ? 4 : 3);
    b->ptr[b->len] = '\0';
  } else {
    ds_buf_putc(b, '"');
    ds_json_escape(b, key, n);
    ds_buf_put(b, w->pretty ? "\": " : "\":", w->pretty ? 3 : 2);
  }
  w->after_key = true;
}

void ds_jw_strn(ds_jw *w, const char *s, size_t n) {
  S_value(w);
  ds_buf_putc(w->out, '"');
  ds_json_escape(w->out, s, n);
  ds_buf_putc(w->out, '"');
}

void ds_jw_str(ds_jw *w, const char *s) {
  if (!s) ds_jw_null(w);
  else ds_jw_strn(w, s, strlen(s));
}

size_t ds_fmt_int(char *dst, int64_t v) {
  char tmp[24];
  size_t k = sizeof tmp;
  uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
  do tmp[--k] = (char)('0' + u % 10);
  while (u /= 10);
  if (v < 0) tmp[--k] = '-';
  memcpy(dst, tmp + k, sizeof tmp - k);
  return sizeof tmp - k;
}

void ds_jw_int(ds_jw *w, int64_t v) {
  S_value(w);
  char tmp[24];
  ds_buf_put(w->out, tmp, ds_fmt_int(tmp, v));
}

void ds_jw_num(ds_jw *w, double v) {
  if (!isfinite(v)) {
    ds_jw_null(w);
    return;
  }
  if (v == floor(v) && fabs(v) < 1e15 && !(v == 0 && signbit(v))) {
    ds_jw_int(w, (int64_t)v); /* what "%.0f" prints, without printf */
    return;
  }
  S_value(w);
  if (v == floor(v) && fabs(v) < 1e15) ds_buf_puts(w->out, "-0");
  else ds_buf_printf(w->out, "%.10g", v);
}

void ds_jw_bool(ds_jw *w, bool v) {
  S_value(w);
  ds_buf_puts(w->out, v ? "true" : "false");
}

void ds_jw_null(ds_jw *w) {
  S_value(w);
  ds_buf_put(w->out, "null", 4);
}
