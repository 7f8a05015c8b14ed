#include "util/arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* Blocks start at 2 KiB and double up to 1 MiB, so a large article costs few mallocs
 * and a corpus of a million one-line articles does not cost a million large blocks. */
#define DS_ARENA_MIN_BLOCK ((size_t)2 << 10)
#define DS_ARENA_MAX_BLOCK ((size_t)1 << 20)
#define DS_ALIGN 16

struct ds_arena_block {
  ds_arena_block *next;
  size_t size;
  _Alignas(DS_ALIGN) unsigned char data[];
};

static void *S_xmalloc(size_t n) {
  void *p = malloc(n);
  if (!p) {
    fputs("dossier: out of memory\n", stderr);
    abort();
  }
  return p;
}

void ds_arena_free(ds_arena *a) {
  ds_arena_block *b = a->head;
  while (b) {
    ds_arena_block *next = b->next;
    free(b);
    b = next;
  }
  a->head = NULL;
  a->used = a->total = 0;
}

static void S_new_block(ds_arena *a, size_t need) {
  size_t size = a->head ? a->head->size * 2 : DS_ARENA_MIN_BLOCK;
  if (size > DS_ARENA_MAX_BLOCK) size = DS_ARENA_MAX_BLOCK;
  if (size < need) size = need;
  ds_arena_block *b = S_xmalloc(sizeof(*b) + size);
  b->size = size;
  b->next = a->head;
  a->head = b;
  a->used = 0;
}

/* Uninitialised memory: for copies that overwrite it all at once. */
static void *S_alloc_raw(ds_arena *a, size_t size) {
  if (size == 0) size = 1;
  if (size > SIZE_MAX - DS_ALIGN) abort();
  size_t rounded = (size + DS_ALIGN - 1) & ~(size_t)(DS_ALIGN - 1);
  if (!a->head || a->head->size - a->used < rounded) S_new_block(a, rounded);
  void *p = a->head->data + a->used;
  a->used += rounded;
  a->total += rounded;
  return p;
}

void *ds_arena_alloc_raw(ds_arena *a, size_t size) { return S_alloc_raw(a, size); }

void *ds_arena_alloc(ds_arena *a, size_t size) {
  void *p = S_alloc_raw(a, size);
  memset(p, 0, size);
  return p;
}

/* The array that was allocated last grows where it is when its block has room: no
 * copy. `total` counts it as a fresh allocation all the same. */
static bool S_grow_in_place(ds_arena *a, unsigned char *old, size_t old_size, size_t new_size,
                            bool zero) {
  size_t was = ds_arena_size(old_size), now = ds_arena_size(new_size);
  if (!a->head || now < was || old + was != a->head->data + a->used ||
      a->head->size - a->used < now - was)
    return false;
  a->used += now - was;
  a->total += now;
  if (zero) memset(old + old_size, 0, new_size - old_size);
  return true;
}

static void *S_grow(ds_arena *a, void *old, size_t old_size, size_t new_size, bool zero) {
  if (old && new_size > old_size && new_size <= SIZE_MAX - DS_ALIGN &&
      S_grow_in_place(a, old, old_size, new_size, zero))
    return old;
  unsigned char *p = S_alloc_raw(a, new_size);
  size_t keep = old ? (old_size < new_size ? old_size : new_size) : 0;
  if (keep) memcpy(p, old, keep);
  if (zero) memset(p + keep, 0, new_size - keep); /* only the new tail needs zeroing */
  return p;
}

void *ds_arena_grow(ds_arena *a, void *old, size_t old_size, size_t new_size) {
  return S_grow(a, old, old_size, new_size, true);
}

size_t ds_arena_size(size_t n) {
  if (n == 0) n = 1;
  return (n + DS_ALIGN - 1) & ~(size_t)(DS_ALIGN - 1);
}

void ds_arena_reserve(ds_arena *a, size_t bytes) {
  if (a->head && a->head->size - a->used >= bytes) return;
  ds_arena_block *b = S_xmalloc(sizeof(*b) + bytes); /* exactly: no doubling here */
  b->size = bytes;
  b->next = a->head;
  a->head = b;
  a->used = 0;
}

bool ds_arena_owns(const ds_arena *a, const void *p) {
  const unsigned char *q = p;
  for (const ds_arena_block *b = a->head; b; b = b->next) /* few blocks: they double */
    if (q >= b->data && q < b->data + b->size) return true;
  return false;
}

char *ds_arena_strndup(ds_arena *a, const char *s, size_t n) {
  char *p = S_alloc_raw(a, n + 1);
  if (n) memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

char *ds_arena_strdup(ds_arena *a, const char *s) {
  return s ? ds_arena_strndup(a, s, strlen(s)) : NULL;
}

char *ds_arena_printf(ds_arena *a, const char *fmt, ...) {
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *p = ds_arena_alloc(a, (size_t)(n < 0 ? 0 : n) + 1);
  if (n > 0) vsnprintf(p, (size_t)n + 1, fmt, ap2);
  va_end(ap2);
  return p;
}

static void *S_vec_grow(ds_arena *a, void *items, size_t *cap, size_t elem, bool zero) {
  size_t old = *cap, fresh = old ? old * 2 : 8;
  if (fresh > SIZE_MAX / elem) abort();
  *cap = fresh;
  return S_grow(a, items, old * elem, fresh * elem, zero);
}

void *ds_vec_grow(ds_arena *a, void *items, size_t *cap, size_t elem) {
  return S_vec_grow(a, items, cap, elem, true);
}

void *ds_vec_grow_raw(ds_arena *a, void *items, size_t *cap, size_t elem) {
  return S_vec_grow(a, items, cap, elem, false);
}
