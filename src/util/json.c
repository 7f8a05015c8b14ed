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

/* Before any value that is not a key's: a comma when a sibling came before, and
 * (pretty) a new line. Indenting here, not at the opening bracket, keeps empty
 * containers as [] and {}. */
void ds_jw_sep(ds_jw *w) {
  if (w->depth == 0) return;
  if (w->need_comma[w->depth]) ds_buf_putc(w->out, ',');
  S_indent(w);
  w->need_comma[w->depth] = true;
}

static inline void S_value(ds_jw *w) { ds_jw_before_value(w); }

void ds_jw_open(ds_jw *w, char c) {
  S_value(w);
  ds_buf_putc(w->out, c);
  if (w->depth + 1 < DS_JSON_MAX_DEPTH) w->depth++;
  w->need_comma[w->depth] = false;
}

void ds_jw_close(ds_jw *w, char c) {
  bool had = w->need_comma[w->depth];
  if (w->depth > 0) w->depth--;
  if (had) S_indent(w);
  ds_buf_putc(w->out, c);
}

/* Bytes that may need escaping: control characters, '"', '\\', '/', DEL and 0xE2 (the
 * lead byte of U+2028/U+2029). Everything else is copied in runs, one memcpy each. */
#define S_C4(n) [n] = 1, [n + 1] = 1, [n + 2] = 1, [n + 3] = 1
#define S_C16(n) S_C4(n), S_C4(n + 4), S_C4(n + 8), S_C4(n + 12)
static const unsigned char S_special[256] = {
    S_C16(0), S_C16(16), ['"'] = 1, ['\\'] = 1, ['/'] = 1, [0x7f] = 1, [0xE2] = 1};

#ifdef __SSE2__
/* Lanes of v holding a byte that may need escaping (as S_special). */
static inline unsigned S_special16(__m128i v) {
  __m128i m = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1f)), v); /* v <= 0x1f */
  m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('"')));
  m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
  m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('/')));
  m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7f)));
  m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE2)));
  return (unsigned)_mm_movemask_epi8(m);
}
#endif

/* The index of the first special byte at or after i, or n. Sixteen bytes at a time
 * where SSE2 is there (every x86-64): article text is long runs of plain bytes. */
static size_t S_next_special(const unsigned char *s, size_t i, size_t n) {
#ifdef __SSE2__
  if (n >= 16) {
    for (; i < n; i += 16) {
      /* the last block overlaps the one before it: bits below i are masked off */
      size_t at = i + 16 <= n ? i : n - 16;
      __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + at));
      unsigned mask = S_special16(v) >> (i - at) << (i - at);
      if (mask) return at + (size_t)__builtin_ctz(mask);
      if (at + 16 >= n) break;
    }
    return n;
  }
#endif
  while (i < n && !S_special[s[i]]) i++;
  return i;
}

#ifdef __SSE2__
static inline __m128i S_load2x(const unsigned char *a, const unsigned char *b, int bytes) {
  if (bytes == 8) {
    uint64_t x, y;
    memcpy(&x, a, 8), memcpy(&y, b, 8);
    return _mm_set_epi64x((long long)y, (long long)x);
  }
  uint32_t x, y;
  memcpy(&x, a, 4), memcpy(&y, b, 4);
  return _mm_setr_epi32((int)x, (int)y, 0, 0);
}

/* Short strings (under 16 bytes): true when no byte of s needs a look, and then s is
 * copied to dst. Two overlapping loads cover every byte, with no loop; three bytes
 * (first, middle, last) cover a string of up to three. */
static inline __attribute__((always_inline)) bool S_copy_short(char *dst, const unsigned char *s, size_t n) {
  if (n >= 8) {
    if (S_special16(S_load2x(s, s + n - 8, 8))) return false;
    memcpy(dst, s, 8), memcpy(dst + n - 8, s + n - 8, 8);
  } else if (n >= 4) {
    if (S_special16(S_load2x(s, s + n - 4, 4)) & 0xff) return false;
    memcpy(dst, s, 4), memcpy(dst + n - 4, s + n - 4, 4);
  } else if (n) {
    unsigned char c0 = s[0], c1 = s[n >> 1], c2 = s[n - 1];
    if (S_special[c0] | S_special[c1] | S_special[c2]) return false;
    dst[0] = (char)c0, dst[n >> 1] = (char)c1, dst[n - 1] = (char)c2;
  }
  return true;
}

/* True when no byte of s needs a look, and then s is copied to dst (which has room
 * for n bytes): one pass of 16-byte blocks, the last one overlapping. */
static inline __attribute__((always_inline)) bool S_copy_plain(char *dst, const unsigned char *s, size_t n) {
  if (n < 16) return S_copy_short(dst, s, n);
  for (size_t i = 0;; i += 16) {
    size_t at = i + 16 <= n ? i : n - 16;
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + at));
    if (S_special16(v)) return false;
    _mm_storeu_si128((__m128i *)(void *)(dst + at), v);
    if (at + 16 >= n) return true;
  }
}
#else
static inline __attribute__((always_inline)) bool S_copy_plain(char *dst, const unsigned char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (S_special[s[i]]) return false;
  memcpy(dst, s, n);
  return true;
}
#endif

/* Room for a block's worth of escapes (each byte at most 6). */
#define S_BLOCK_ROOM (16 * 6)

/* The escape of each ASCII byte that always has one, padded to 8 bytes so that it is
 * copied with one move; len 0 for the rest. '/' and 0xE2 depend on the bytes around
 * them (S_escape_rare). */
typedef struct {
  char rep[7];
  unsigned char len;
} S_esc;
#define S_U(c, hex) [c] = {"\\u00" hex, 6}
static const S_esc S_escapes[128] = {
    S_U(0x00, "00"), S_U(0x01, "01"), S_U(0x02, "02"), S_U(0x03, "03"), S_U(0x04, "04"),
    S_U(0x05, "05"), S_U(0x06, "06"), S_U(0x07, "07"), S_U(0x08, "08"), ['\t'] = {"\\t", 2},
    ['\n'] = {"\\n", 2}, S_U(0x0b, "0b"), S_U(0x0c, "0c"), ['\r'] = {"\\r", 2},
    S_U(0x0e, "0e"), S_U(0x0f, "0f"), S_U(0x10, "10"), S_U(0x11, "11"), S_U(0x12, "12"),
    S_U(0x13, "13"), S_U(0x14, "14"), S_U(0x15, "15"), S_U(0x16, "16"), S_U(0x17, "17"),
    S_U(0x18, "18"), S_U(0x19, "19"), S_U(0x1a, "1a"), S_U(0x1b, "1b"), S_U(0x1c, "1c"),
    S_U(0x1d, "1d"), S_U(0x1e, "1e"), S_U(0x1f, "1f"), ['"'] = {"\\\"", 2},
    ['\\'] = {"\\\\", 2}, S_U(0x7f, "7f")};
#undef S_U

/* s[i], '/' or 0xE2: "</" and U+2028/U+2029 are escaped, anything else kept. Returns
 * the index after what it consumed. */
static size_t S_escape_rare(ds_buf *out, const unsigned char *s, size_t i, size_t n) {
  char *o = out->ptr + out->len;
  if (s[i] == '/' && i > 0 && s[i - 1] == '<') {
    memcpy(o, "\\/", 2);
    out->len += 2;
    return i + 1;
  }
  if (s[i] == 0xE2 && i + 2 < n && s[i + 1] == 0x80 && (s[i + 2] == 0xA8 || s[i + 2] == 0xA9)) {
    memcpy(o, s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029", 6);
    out->len += 6;
    return i + 3;
  }
  *o = (char)s[i];
  out->len++;
  return i + 1;
}

/* s[i], a special byte, escaped or as it is (out has room); returns the index after
 * it. Inline: a quotation mark costs a table look-up and one move. */
static inline size_t S_escape_at(ds_buf *out, const unsigned char *s, size_t i, size_t n) {
  unsigned char c = s[i];
  if (c >= 0x80 || !S_escapes[c].len) return S_escape_rare(out, s, i, n);
  memcpy(out->ptr + out->len, &S_escapes[c], 8);
  out->len += S_escapes[c].len;
  return i + 1;
}

/* Copies s[0..i) and escapes s[i..n) on, s[i] being the first special byte. Sixteen
 * bytes at a time: a plain block is stored whole, a block with a special byte is
 * stored up to it, and the byte is escaped in place, with no call per run. */
static void S_escape_from(ds_buf *out, const char *str, size_t i, size_t n) {
  const unsigned char *s = (const unsigned char *)str;
  ds_buf_put(out, str, i);
  ds_buf_reserve(out, n - i);
  while (i < n) {
    if (out->len + S_BLOCK_ROOM >= out->cap) ds_buf_reserve(out, S_BLOCK_ROOM);
    char *o = out->ptr + out->len;
#ifdef __SSE2__
    if (n - i >= 16) {
      __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
      unsigned mask = S_special16(v);
      _mm_storeu_si128((__m128i *)(void *)o, v);
      size_t k = mask ? (size_t)__builtin_ctz(mask) : 16;
      out->len += k, i += k;
      if (mask) i = S_escape_at(out, s, i, n);
      continue;
    }
#endif
    if (S_special[s[i]]) i = S_escape_at(out, s, i, n);
    else *o = (char)s[i++], out->len++;
  }
  out->ptr[out->len] = '\0';
}

/* Most text needs no escaping: the test for special bytes copies it on its way. */
void ds_json_escape(ds_buf *out, const char *str, size_t n) {
  if (out->len + n >= out->cap) ds_buf_reserve(out, n);
  if (S_copy_plain(out->ptr + out->len, (const unsigned char *)str, n)) {
    out->len += n;
    out->ptr[out->len] = '\0';
    return;
  }
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

/* One reserve for the string and its quotes; ds_json_escape copies it. */
static inline void S_strn(ds_jw *w, const char *s, size_t n) {
  S_value(w);
  ds_buf *b = w->out;
  if (b->len + n + 2 >= b->cap) ds_buf_reserve(b, n + 2);
  b->ptr[b->len++] = '"';
  ds_json_escape(b, s, n);
  ds_buf_putc(b, '"');
}

void ds_jw_strn(ds_jw *w, const char *s, size_t n) { S_strn(w, s, n); }

void ds_jw_str(ds_jw *w, const char *s) {
  if (!s) ds_jw_null(w);
  else S_strn(w, s, strlen(s));
}

/* Two digits at a time: a table lookup instead of one division per digit (with its NUL). */
const char ds_digits2[201] = "0001020304050607080910111213141516171819"
                             "2021222324252627282930313233343536373839"
                             "4041424344454647484950515253545556575859"
                             "6061626364656667686970717273747576777879"
                             "8081828384858687888990919293949596979899";

/* v in decimal at the end of tmp[0..20): returns where it starts. */
static inline char *S_fmt_back(char tmp[20], int64_t v) {
  uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
  char *p = tmp + 20;
  for (; u > UINT32_MAX; u /= 100) {
    p -= 2;
    memcpy(p, ds_digits2 + 2 * (u % 100), 2);
  }
  uint32_t x = (uint32_t)u; /* most numbers: cheaper 32-bit division by 100 */
  for (; x >= 100; x /= 100) {
    p -= 2;
    memcpy(p, ds_digits2 + 2 * (x % 100), 2);
  }
  if (x >= 10) p -= 2, memcpy(p, ds_digits2 + 2 * x, 2);
  else *--p = (char)('0' + x);
  if (v < 0) *--p = '-';
  return p;
}

/* v at dst (room for 21 bytes, no NUL); returns the end. Offsets, counts and ids are
 * small and not negative: ds_fmt_u32. */
static inline char *S_put_int(char *dst, int64_t v) {
  if ((uint64_t)v <= UINT32_MAX) return ds_fmt_u32(dst, (uint32_t)v);
  return dst + ds_fmt_int_wide(dst, v);
}

size_t ds_fmt_int_wide(char *dst, int64_t v) { /* ds_fmt_int took the small ones */
  char tmp[20];
  char *p = S_fmt_back(tmp, v);
  size_t n = (size_t)(tmp + 20 - p);
  memcpy(dst, p, n);
  return n;
}

void ds_jw_int(ds_jw *w, int64_t v) {
  S_value(w);
  ds_buf *b = w->out;
  if (b->len + 24 >= b->cap) ds_buf_reserve(b, 24);
  char *end = S_put_int(b->ptr + b->len, v);
  *end = '\0';
  b->len = (size_t)(end - b->ptr);
}

/* "%.10g" of a v that is not whole, without printf, when v is the double nearest a
 * decimal m / 10^k (k <= 6) of at most 10 digits, between 1e-4 and 1e9: %.10g rounds
 * v's exact value (within half an ulp of that decimal) to 10 digits, which gives the
 * decimal itself, in fixed notation, without trailing zeros; the smallest such k has
 * none. Returns its length, or 0 for printf to do it. */
static size_t S_fmt_decimal(char *dst, double v) {
  static const double p10[7] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
  double a = fabs(v);
  if (!(a >= 1e-4 && a < 1e9)) return 0;
  for (int k = 1; k <= 6; k++) {
    double m = round(a * p10[k]);
    if (m >= 1e10) return 0;
    if (m / p10[k] != a) continue;
    char tmp[20];
    char *d = S_fmt_back(tmp, (int64_t)m);
    size_t len = (size_t)(tmp + 20 - d), n = 0, zeros = len <= (size_t)k ? (size_t)k - len : 0;
    if (v < 0) dst[n++] = '-';
    if (len <= (size_t)k) dst[n++] = '0', dst[n++] = '.';
    for (size_t z = 0; z < zeros; z++) dst[n++] = '0';
    for (size_t i = 0; i < len; i++) {
      if (len > (size_t)k && i == len - (size_t)k) dst[n++] = '.';
      dst[n++] = d[i];
    }
    return n;
  }
  return 0;
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
  char dec[32];
  size_t n = whole ? 0 : S_fmt_decimal(dec, v);
  if (whole) ds_buf_puts(w->out, "-0");
  else if (n) ds_buf_put(w->out, dec, n);
  else ds_buf_printf(w->out, "%.10g", v);
}

/* A literal of up to 7 bytes (a padded 8-byte copy of constant size: no call). */
static inline void S_word(ds_jw *w, const char lit[8], size_t n) {
  S_value(w);
  ds_buf *b = w->out;
  if (b->len + 8 >= b->cap) ds_buf_reserve(b, 8);
  memcpy(b->ptr + b->len, lit, 8);
  b->len += n;
}

void ds_jw_bool(ds_jw *w, bool v) {
  if (v) S_word(w, "true\0\0\0", 4);
  else S_word(w, "false\0\0", 5);
}

void ds_jw_null(ds_jw *w) { S_word(w, "null\0\0\0", 4); }

