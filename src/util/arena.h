/* Arena allocator: one per article (and one per corpus for cross-article results).
 * Every allocation lives until ds_arena_free(); nothing is freed one by one, so the
 * hot paths never call malloc per token. */
#ifndef DS_ARENA_H
#define DS_ARENA_H
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

typedef struct ds_arena_block ds_arena_block;
typedef struct ds_arena {
  ds_arena_block *head; /* current block; older blocks chain behind it */
  size_t used;          /* bytes handed out from head */
  size_t total;         /* bytes handed out over the arena's life (for limits and stats) */
} ds_arena;

/* A zeroed arena needs no init. */
void ds_arena_free(ds_arena *a);
/* Returns zeroed memory aligned for any type; aborts on out-of-memory. */
void *ds_arena_alloc(ds_arena *a, size_t size);
/* Grows an array allocated in this arena: returns a new block with the old contents
 * (the old block is simply abandoned; doubling keeps the waste under 2x). */
void *ds_arena_grow(ds_arena *a, void *old, size_t old_size, size_t new_size);
/* Like ds_arena_alloc but the memory is not zeroed: for arrays the caller fills
 * before reading (a token array reserved from a size estimate). */
void *ds_arena_alloc_raw(ds_arena *a, size_t size);
char *ds_arena_strndup(ds_arena *a, const char *s, size_t n);
/* Makes the next allocations up to `bytes` in total (each counted by ds_arena_size) fit
 * in one block: for copying a known amount into a fresh arena with no waste. */
void ds_arena_reserve(ds_arena *a, size_t bytes);
/* What an allocation of n bytes takes from a block (n rounded up to the alignment). */
size_t ds_arena_size(size_t n);
/* True when p points into memory handed out by this arena. */
bool ds_arena_owns(const ds_arena *a, const void *p);
char *ds_arena_strdup(ds_arena *a, const char *s); /* NULL stays NULL */
char *ds_arena_printf(ds_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Typed allocation: DS_NEW(a, ds_quote, n) */
#define DS_NEW(a, T, n) ((T *)ds_arena_alloc((a), sizeof(T) * (size_t)(n)))

/* Arena-backed growable array of T: declare with DS_VEC(T) name; push with DS_PUSH. */
#define DS_VEC(T)                                                                        \
  struct {                                                                               \
    T *items;                                                                            \
    size_t len, cap;                                                                     \
  }
#define DS_PUSH(a, v)                                                                    \
  ((v)->len == (v)->cap ? (void)((v)->items = ds_vec_grow((a), (v)->items, &(v)->cap,     \
                                                          sizeof(*(v)->items)))           \
                        : (void)0,                                                        \
   &(v)->items[(v)->len++])
/* DS_PUSH for a vector whose items are written whole before they are read: growth
 * does not zero the new capacity. */
#define DS_PUSH_RAW(a, v)                                                                \
  ((v)->len == (v)->cap ? (void)((v)->items = ds_vec_grow_raw((a), (v)->items, &(v)->cap, \
                                                              sizeof(*(v)->items)))       \
                        : (void)0,                                                        \
   &(v)->items[(v)->len++])
/* Doubles a DS_VEC's capacity (8 at first) and returns the moved items. */
void *ds_vec_grow(ds_arena *a, void *items, size_t *cap, size_t elem);
/* Same without zeroing the new tail: for arrays whose every item up to len is written
 * before it is read (tokens, offsets). */
void *ds_vec_grow_raw(ds_arena *a, void *items, size_t *cap, size_t elem);

#endif
