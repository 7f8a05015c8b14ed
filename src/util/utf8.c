#include "util/utf8.h"

#include <utf8proc.h>

#include "util/scan.h"

size_t ds_utf8_repair(ds_buf *out, const char *src, size_t n) {
  static const char fffd[] = "\xEF\xBF\xBD";
  size_t fixes = 0, i = 0, run = 0; /* run: start of the pending valid stretch */
  ds_buf_reserve(out, n);
  while ((i = ds_scan_non_ascii(src, i, n)) < n) {
    unsigned char c = (unsigned char)src[i];
    utf8proc_int32_t cp;
    utf8proc_ssize_t len = c ? utf8proc_iterate((const utf8proc_uint8_t *)src + i,
                                                (utf8proc_ssize_t)(n - i), &cp)
                             : 1;
    if (c && len > 0) {
      i += (size_t)len;
      continue;
    }
    ds_buf_put(out, src + run, i - run);
    if (c) {
      ds_buf_put(out, fffd, 3);
      fixes++;
    }
    i++;
    run = i;
  }
  ds_buf_put(out, src + run, n - run);
  return fixes;
}

bool ds_utf8_is_clean(const char *src, size_t n) {
  size_t i = 0;
  while ((i = ds_scan_non_ascii(src, i, n)) < n) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t len = src[i] ? utf8proc_iterate((const utf8proc_uint8_t *)src + i,
                                                     (utf8proc_ssize_t)(n - i), &cp)
                                  : 0;
    if (len <= 0) return false;
    i += (size_t)len;
  }
  return true;
}

int32_t ds_utf8_decode(const char *s, size_t avail, size_t *len) {
  unsigned char c = (unsigned char)s[0];
  if (c < 0x80 || avail < 2) {
    *len = 1;
    return c;
  }
  utf8proc_int32_t cp;
  utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s,
                                        (utf8proc_ssize_t)(avail > 4 ? 4 : avail), &cp);
  if (n <= 0) {
    *len = 1;
    return 0xFFFD;
  }
  *len = (size_t)n;
  return cp;
}

size_t ds_utf8_prev_len(const char *s, size_t pos) {
  size_t k = 1;
  while (k < 4 && k < pos && ((unsigned char)s[pos - k] & 0xC0) == 0x80) k++;
  return k;
}

void ds_utf8_encode(ds_buf *out, int32_t cp) {
  utf8proc_uint8_t tmp[4];
  utf8proc_ssize_t n = utf8proc_encode_char(cp, tmp);
  ds_buf_put(out, tmp, (size_t)n);
}

bool ds_cp_is_upper(int32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool ds_cp_is_alpha(int32_t cp) {
  if (cp < 0x80) return (cp | 32) >= 'a' && (cp | 32) <= 'z';
  utf8proc_category_t c = utf8proc_category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

bool ds_cp_is_space(int32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= 9 && cp <= 13);
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS || cp == 0x2028 || cp == 0x2029;
}

void ds_utf8_fold(ds_buf *out, const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
      ds_buf_putc(out, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
      i++;
      continue;
    }
    size_t len;
    int32_t cp = ds_utf8_decode(s + i, n - i, &len);
    ds_utf8_encode(out, utf8proc_tolower(cp));
    i += len;
  }
}
