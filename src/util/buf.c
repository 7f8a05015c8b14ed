#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char ds_buf_empty[1] = "";

void ds_buf_init(ds_buf *b) {
  b->ptr = ds_buf_empty;
  b->len = b->cap = 0;
}

void ds_buf_free(ds_buf *b) {
  if (b->cap) free(b->ptr);
  ds_buf_init(b);
}

void ds_buf_reserve(ds_buf *b, size_t extra) {
  size_t need = b->len + extra + 1;
  if (need <= b->cap) return;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < need) cap *= 2;
  char *p = b->cap ? realloc(b->ptr, cap) : malloc(cap);
  if (!p) {
    fputs("dossier: out of memory\n", stderr);
    abort();
  }
  if (!b->cap) p[0] = '\0';
  b->ptr = p;
  b->cap = cap;
}

void ds_buf_puts(ds_buf *b, const char *s) { ds_buf_put(b, s, strlen(s)); }

void ds_buf_printf(ds_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char tmp[256];
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  if ((size_t)n < sizeof tmp) {
    ds_buf_put(b, tmp, (size_t)n);
    return;
  }
  ds_buf_reserve(b, (size_t)n);
  va_start(ap, fmt);
  vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

void ds_buf_clear(ds_buf *b) {
  b->len = 0;
  if (b->cap) b->ptr[0] = '\0';
}

char *ds_buf_detach(ds_buf *b) {
  char *p = b->cap ? b->ptr : strdup("");
  ds_buf_init(b);
  return p;
}

void ds_buf_shrink(ds_buf *b) {
  if (!b->cap || b->cap - b->len - 1 < DS_BUF_SHRINK_MIN) return;
  char *p = realloc(b->ptr, b->len + 1);
  if (!p) return; /* the buffer stays as it was: still valid */
  b->ptr = p;
  b->cap = b->len + 1;
}
