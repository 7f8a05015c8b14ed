/* Growable byte buffer (after cmark's strbuf): ptr is never NULL and always
 * NUL-terminated, so callers can print an empty buffer without a check.
 * The buffer owns ptr (malloc'd); ds_buf_free() releases it. */
#ifndef DS_BUF_H
#define DS_BUF_H
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

typedef struct {
  char *ptr;
  size_t len, cap;
} ds_buf;

extern char ds_buf_empty[1];
#define DS_BUF_INIT {ds_buf_empty, 0, 0}

void ds_buf_init(ds_buf *b);
void ds_buf_free(ds_buf *b);
void ds_buf_reserve(ds_buf *b, size_t extra);
/* Inline: writers call these for every few bytes; the growth path stays out of line. */
static inline void ds_buf_put(ds_buf *b, const void *data, size_t n) {
  if (!n) return;
  if (b->len + n >= b->cap) ds_buf_reserve(b, n);
  memcpy(b->ptr + b->len, data, n);
  b->len += n;
  b->ptr[b->len] = '\0';
}
static inline void ds_buf_putc(ds_buf *b, char c) {
  if (b->len + 1 >= b->cap) ds_buf_reserve(b, 1);
  b->ptr[b->len++] = c;
  b->ptr[b->len] = '\0';
}
void ds_buf_puts(ds_buf *b, const char *s);
void ds_buf_printf(ds_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ds_buf_clear(ds_buf *b);
/* Spare capacity under a page is not worth a realloc: it holds no page of its own. */
#define DS_BUF_SHRINK_MIN 4096
/* Gives back the spare capacity: for a buffer kept long after it is filled. */
void ds_buf_shrink(ds_buf *b);
/* Hands ptr to the caller (who frees it with free()) and resets the buffer. */
char *ds_buf_detach(ds_buf *b);
#endif
