/* Byte scans for the stages' inner loops: article text is long runs of ordinary bytes
 * between the few that matter, so these test sixteen bytes at a time where SSE2 is
 * there (every x86-64) and one at a time elsewhere. */
#ifndef DS_SCAN_H
#define DS_SCAN_H
#include <stddef.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Index of the first byte of s[i..n) equal to a, b or c; n when there is none. */
static inline size_t ds_scan_any3(const char *s, size_t i, size_t n, char a, char b, char c) {
#ifdef __SSE2__
  const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b), vc = _mm_set1_epi8(c);
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
    __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)),
                             _mm_cmpeq_epi8(v, vc));
    int mask = _mm_movemask_epi8(m);
    if (mask) return i + (size_t)__builtin_ctz((unsigned)mask);
  }
#endif
  for (; i < n; i++)
    if (s[i] == a || s[i] == b || s[i] == c) return i;
  return n;
}
/* Index of the first byte of s[i..n) that is NUL or not ASCII; n when there is none. */
static inline size_t ds_scan_non_ascii(const char *s, size_t i, size_t n) {
#ifdef __SSE2__
  const __m128i zero = _mm_setzero_si128();
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
    int mask = _mm_movemask_epi8(v) | _mm_movemask_epi8(_mm_cmpeq_epi8(v, zero));
    if (mask) return i + (size_t)__builtin_ctz((unsigned)mask);
  }
#endif
  for (; i < n; i++)
    if (s[i] == 0 || (unsigned char)s[i] >= 0x80) return i;
  return n;
}

/* Index of the first byte of s[i..n) that ends or interrupts a JSON string's plain
 * run: a quote, a backslash or a control character; n when there is none. */
static inline size_t ds_scan_json_special(const char *s, size_t i, size_t n) {
#ifdef __SSE2__
  const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\');
  const __m128i c1f = _mm_set1_epi8(0x1f);
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
    __m128i m = _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, bslash));
    m = _mm_or_si128(m, _mm_cmpeq_epi8(_mm_min_epu8(v, c1f), v)); /* v <= 0x1f */
    int mask = _mm_movemask_epi8(m);
    if (mask) return i + (size_t)__builtin_ctz((unsigned)mask);
  }
#endif
  for (; i < n; i++)
    if (s[i] == '"' || s[i] == '\\' || (unsigned char)s[i] < 0x20) return i;
  return n;
}
/* Index of the first byte of s[i..n) that is not an ASCII letter or digit. */
static inline size_t ds_scan_not_alnum(const char *s, size_t i, size_t n) {
#ifdef __SSE2__
  /* signed compares: bytes from 0x80 up are negative, never in a range */
  const __m128i a1 = _mm_set1_epi8('a' - 1), z1 = _mm_set1_epi8('z' + 1);
  const __m128i d1 = _mm_set1_epi8('0' - 1), d9 = _mm_set1_epi8('9' + 1);
  const __m128i bit5 = _mm_set1_epi8(0x20);
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
    __m128i l = _mm_or_si128(v, bit5);
    __m128i alpha = _mm_and_si128(_mm_cmpgt_epi8(l, a1), _mm_cmplt_epi8(l, z1));
    __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, d1), _mm_cmplt_epi8(v, d9));
    int mask = ~_mm_movemask_epi8(_mm_or_si128(alpha, digit)) & 0xffff;
    if (mask) return i + (size_t)__builtin_ctz((unsigned)mask);
  }
#endif
  for (; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (!((unsigned)((c | 32) - 'a') < 26u || (unsigned)(c - '0') < 10u)) return i;
  }
  return n;
}
#endif
