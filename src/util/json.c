#include "util/json.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

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
static inline void S_value(ds_jw *w) {
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

/* The index of the first special byte at or after i, or n. Sixteen bytes at a time
 * where SSE2 is there (every x86-64): article text is long runs of plain bytes. */
static size_t S_next_special(const unsigned char *s, size_t i, size_t n) {
#ifdef __SSE2__
  if (n >= 16) {
    const __m128i c1f = _mm_set1_epi8(0x1f), quote = _mm_set1_epi8('"');
    const __m128i bslash = _mm_set1_epi8('\\'), slash = _mm_set1_epi8('/');
    const __m128i del = _mm_set1_epi8(0x7f), e2 = _mm_set1_epi8((char)0xE2);
    for (; i < n; i += 16) {
      /* the last block overlaps the one before it: bits below i are masked off */
      size_t at = i + 16 <= n ? i : n - 16;
      __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + at));
      __m128i m = _mm_cmpeq_epi8(_mm_min_epu8(v, c1f), v); /* v <= 0x1f */
      m = _mm_or_si128(m, _mm_cmpeq_epi8(v, quote));
      m = _mm_or_si128(m, _mm_cmpeq_epi8(v, bslash));
      m = _mm_or_si128(m, _mm_cmpeq_epi8(v, slash));
      m = _mm_or_si128(m, _mm_cmpeq_epi8(v, del));
      m = _mm_or_si128(m, _mm_cmpeq_epi8(v, e2));
      unsigned mask = (unsigned)_mm_movemask_epi8(m) >> (i - at) << (i - at);
      if (mask) return at + (size_t)__builtin_ctz(mask);
      if (at + 16 >= n) break;
    }
    return n;
  }
#endif
  while (i < n && !S_special[s[i]]) i++;
  return i;
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

/* Escapes from s[i], the first special byte, on. */
static void S_escape_from(ds_buf *out, const char *str, size_t i, size_t n) {
  const unsigned char *s = (const unsigned char *)str;
  size_t run = 0;
  ds_buf_reserve(out, n);
  for (; i < n; i = S_next_special(s, i, n)) {
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

void ds_json_escape(ds_buf *out, const char *str, size_t n) {
  S_escape_from(out, str, S_next_special((const unsigned char *)str, 0, n), n);
}

void ds_jw_keyn(ds_jw *w, const char *key, size_t n) {
  S_value(w);
  ds_buf *b = w->out;
  ds_buf_reserve(b, n + 4);
  b->ptr[b->len] = '"';
  memcpy(b->ptr + b->len + 1, key, n);
  memcpy(b->ptr + b->len + 1 + n, "\": ", 4); /* the space only when pretty */
  b->len += n + (w->pretty ? 4 : 3);
  b->ptr[b->len] = '\0';
  w->after_key = true;
}

void ds_jw_key(ds_jw *w, const char *key) {
  size_t n = strlen(key);
  if (S_next_special((const unsigned char *)key, 0, n) == n) {
    ds_jw_keyn(w, key, n);
    return;
  }
  S_value(w);
  ds_buf_putc(w->out, '"');
  ds_json_escape(w->out, key, n);
  ds_buf_put(w->out, w->pretty ? "\": " : "\":", w->pretty ? 3 : 2);
  w->after_key = true;
}

/* Most strings need no escaping: one reserve and one copy with both quotes. */
void ds_jw_strn(ds_jw *w, const char *s, size_t n) {
  S_value(w);
  ds_buf *b = w->out;
  size_t i = S_next_special((const unsigned char *)s, 0, n);
  if (i < n) {
    ds_buf_putc(b, '"');
    S_escape_from(b, s, i, n);
    ds_buf_putc(b, '"');
    return;
  }
  if (b->len + n + 2 >= b->cap) ds_buf_reserve(b, n + 2);
  char *p = b->ptr + b->len;
  p[0] = '"';
  memcpy(p + 1, s, n);
  p[n + 1] = '"';
  p[n + 2] = '\0';
  b->len += n + 2;
}

void ds_jw_str(ds_jw *w, const char *s) {
  if (!s) ds_jw_null(w);
  else ds_jw_strn(w, s, strlen(s));
}

/* Two digits at a time: a table lookup instead of one division per digit. */
static const char S_digits2[] = "0001020304050607080910111213141516171819"
                                "2021222324252627282930313233343536373839"
                                "4041424344454647484950515253545556575859"
                                "6061626364656667686970717273747576777879"
                                "8081828384858687888990919293949596979899";

size_t ds_fmt_int(char *dst, int64_t v) {
  char tmp[24];
  size_t k = sizeof tmp;
  uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
  for (; u >= 100; u /= 100) {
    k -= 2;
    memcpy(tmp + k, S_digits2 + 2 * (u % 100), 2);
  }
  if (u >= 10) {
    k -= 2;
    memcpy(tmp + k, S_digits2 + 2 * u, 2);
  } else {
    tmp[--k] = (char)('0' + u);
  }
  if (v < 0) tmp[--k] = '-';
  for (size_t i = k; i < sizeof tmp; i++) dst[i - k] = tmp[i]; /* short: no memcpy call */
  return sizeof tmp - k;
}

void ds_jw_int(ds_jw *w, int64_t v) {
  S_value(w);
  ds_buf *b = w->out;
  if (b->len + 24 >= b->cap) ds_buf_reserve(b, 24);
  b->len += ds_fmt_int(b->ptr + b->len, v);
  b->ptr[b->len] = '\0';
}

void ds_jw_num(ds_jw *w, double v) {
  if (!isfinite(v)) {
    ds_jw_null(w);
    return;
  }
  /* below 1e15 a double is whole exactly when truncating it changes nothing */
  bool whole = fabs(v) < 1e15 && (double)(int64_t)v == v;
  if (whole && !(v == 0 && signbit(v))) {
    ds_jw_int(w, (int64_t)v); /* what "%.0f" prints, without printf */
    return;
  }
  S_value(w);
  if (whole) ds_buf_puts(w->out, "-0");
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
