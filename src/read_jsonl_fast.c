/* A fast path for the common JSONL line: a flat object whose values are strings,
 * integers, true, false or null, with distinct plain keys. jansson spends ~100
 * instructions a byte on an article's long "text" string; here the string is scanned
 * for its end sixteen bytes at a time, then copied. Anything else (nesting, a
 * duplicate key, invalid UTF-8, a float, a surrogate escape) returns NULL and the
 * line goes to jansson, which gives the same result or the same error message. */
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/scan.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

typedef struct {
  const unsigned char *p, *end;
  ds_buf *tmp;
} S_in;

static void S_ws(S_in *in) {
  while (in->p < in->end && (*in->p == ' ' || *in->p == '\t' || *in->p == '\n' || *in->p == '\r'))
    in->p++;
}

static int S_hex(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c |= 32;
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* The byte a one-letter escape stands for (\n, \", ...); 0 when it is none. */
static char S_simple_escape(unsigned char c) {
  switch (c) {
  case '"': return '"';
  case '\\': return '\\';
  case '/': return '/';
  case 'b': return '\b';
  case 'f': return '\f';
  case 'n': return '\n';
  case 'r': return '\r';
  case 't': return '\t';
  default: return 0;
  }
}

/* One escape after the backslash at in->p; false when the fast path gives up. */
static bool S_escape(S_in *in) {
  if (in->end - in->p < 2) return false;
  char e = S_simple_escape(in->p[1]);
  if (e) {
    ds_buf_putc(in->tmp, e);
    in->p += 2;
    return true;
  }
  if (in->p[1] != 'u' || in->end - in->p < 6) return false;
  int v = 0;
  for (int k = 2; k < 6; k++) {
    int h = S_hex(in->p[k]);
    if (h < 0) return false;
    v = v * 16 + h;
  }
  if (v >= 0xD800 && v <= 0xDFFF) return false; /* surrogates: jansson's business */
  char u[4];
  size_t n = v < 0x80 ? 1 : v < 0x800 ? 2 : 3;
  if (n == 1) u[0] = (char)v;
  else if (n == 2) u[0] = (char)(0xC0 | v >> 6), u[1] = (char)(0x80 | (v & 63));
  else u[0] = (char)(0xE0 | v >> 12), u[1] = (char)(0x80 | ((v >> 6) & 63)), u[2] = (char)(0x80 | (v & 63));
  ds_buf_put(in->tmp, u, n);
  in->p += 6;
  return true;
}

/* Strict UTF-8 (no overlong forms, surrogates or code points past U+10FFFF), as
 * jansson checks it; runs of ASCII are skipped by ds_scan_non_ascii (which also stops
 * at a NUL: checked below as the ASCII byte it is). */
static bool S_utf8_ok(const unsigned char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    i = ds_scan_non_ascii((const char *)s, i, n);
    if (i >= n) break;
    unsigned char c = s[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (c < 0xC2 || c > 0xF4 || i + len > n) return false;
    uint32_t cp = c & (0x3F >> (len - 1));
    for (size_t k = 1; k < len; k++) {
      if ((s[i + k] & 0xC0) != 0x80) return false;
      cp = cp << 6 | (s[i + k] & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += len;
  }
  return true;
}

/* A string at in->p (the opening quote); decoded into in->tmp. */
static bool S_string(S_in *in) {
  ds_buf_clear(in->tmp);
  in->p++;
  bool high = false; /* escapes always decode to valid UTF-8: only raw bytes need the check */
  for (;;) {
    const unsigned char *run = in->p;
    in->p += ds_scan_json_special((const char *)in->p, 0, (size_t)(in->end - in->p));
    size_t len = (size_t)(in->p - run);
    /* the run has no NUL (the scan stops at control bytes): the search finds bytes from 0x80 up */
    high = high || ds_scan_non_ascii((const char *)run, 0, len) < len;
    ds_buf_put(in->tmp, run, len);
    if (in->p >= in->end || *in->p < 0x20) return false;
    if (*in->p == '"') break;
    if (!S_escape(in)) return false;
  }
  in->p++;
  return !high || S_utf8_ok((const unsigned char *)in->tmp->ptr, in->tmp->len);
}

/* An integer, true, false or null. */
static json_t *S_scalar(S_in *in) {
  static const char *const words[] = {"true", "false", "null"};
  for (int k = 0; k < 3; k++) {
    size_t n = strlen(words[k]);
    if ((size_t)(in->end - in->p) >= n && memcmp(in->p, words[k], n) == 0) {
      in->p += n;
      return k == 0 ? json_true() : k == 1 ? json_false() : json_null();
    }
  }
  const unsigned char *s = in->p + (in->p < in->end && *in->p == '-');
  const unsigned char *d = s;
  while (d < in->end && *d >= '0' && *d <= '9') d++;
  if (d == s || d - s > 18 || (*s == '0' && d - s > 1)) return NULL; /* no overflow, no 007 */
  if (d < in->end && (*d == '.' || *d == 'e' || *d == 'E')) return NULL;
  /* Digits by hand: the line is not NUL-terminated, so strtoll could read past its end;
   * at most 18 digits cannot overflow. */
  json_int_t v = 0;
  for (const unsigned char *q = s; q < d; q++) v = v * 10 + (*q - '0');
  if (s != in->p) v = -v;
  in->p = d;
  return json_integer(v);
}

static json_t *S_value(S_in *in) {
  if (in->p < in->end && *in->p == '"')
    return S_string(in) ? json_stringn_nocheck(in->tmp->ptr, in->tmp->len) : NULL;
  return S_scalar(in);
}

/* key ":" value, added to obj; false to give up. */
static bool S_member(S_in *in, json_t *obj) {
  if (in->p >= in->end || *in->p != '"') return false;
  const unsigned char *k = ++in->p;
  while (in->p < in->end && *in->p != '"' && *in->p != '\\' && *in->p >= 0x20 && *in->p < 0x80) in->p++;
  if (in->p >= in->end || *in->p != '"') return false; /* escapes, UTF-8: jansson */
  char key[64];
  size_t kl = (size_t)(in->p - k);
  if (kl >= sizeof key) return false;
  memcpy(key, k, kl);
  key[kl] = '\0';
  in->p++;
  S_ws(in);
  if (in->p >= in->end || *in->p != ':') return false;
  in->p++;
  S_ws(in);
  if (json_object_get(obj, key)) return false; /* a duplicate: jansson's error */
  json_t *v = S_value(in);
  return v && json_object_set_new_nocheck(obj, key, v) == 0;
}

json_t *ds_jsonl_fast_load(const char *s, size_t n) {
  ds_buf tmp = DS_BUF_INIT;
  ds_buf_reserve(&tmp, n); /* no string decodes longer than its line: no regrowing */
  S_in in = {(const unsigned char *)s, (const unsigned char *)s + n, &tmp};
  json_t *obj = json_object();
  bool ok = false;
  S_ws(&in);
  if (in.p < in.end && *in.p == '{') {
    in.p++;
    S_ws(&in);
    ok = in.p < in.end && *in.p == '}';
    if (ok) in.p++;
    while (!ok && S_member(&in, obj)) {
      S_ws(&in);
      if (in.p < in.end && *in.p == ',') {
        in.p++;
        S_ws(&in);
        continue;
      }
      ok = in.p < in.end && *in.p == '}';
      in.p += ok;
      break;
    }
  }
  S_ws(&in);
  ds_buf_free(&tmp);
  if (ok && in.p == in.end) return obj;
  json_decref(obj);
  return NULL;
}
