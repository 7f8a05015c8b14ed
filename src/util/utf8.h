/* UTF-8 helpers. Invalid input is repaired once, at the read boundary
 * (ds_utf8_repair); every later stage may assume valid UTF-8. */
#ifndef DS_UTF8_H
#define DS_UTF8_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

/* Appends src to out with every invalid sequence replaced by U+FFFD and NUL bytes
 * dropped. Returns the number of replacements made. */
size_t ds_utf8_repair(ds_buf *out, const char *src, size_t n);
/* True when ds_utf8_repair would change nothing: valid UTF-8 without NUL bytes. */
bool ds_utf8_is_clean(const char *src, size_t n);
/* Decodes one code point at s (valid UTF-8 assumed); stores its length in *len. */
int32_t ds_utf8_decode(const char *s, size_t avail, size_t *len);
/* Length of the code point that ends at s[pos-1]. */
size_t ds_utf8_prev_len(const char *s, size_t pos);
void ds_utf8_encode(ds_buf *out, int32_t cp);
bool ds_cp_is_upper(int32_t cp);
bool ds_cp_is_alpha(int32_t cp);
bool ds_cp_is_space(int32_t cp); /* includes NBSP and the other Zs spaces */
/* Appends the lower-cased, case-folded form of s (for keys and comparisons). */
void ds_utf8_fold(ds_buf *out, const char *s, size_t n);
#endif
