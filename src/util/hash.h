/* Open-addressing hash map from byte strings to a 64-bit value (or pointer).
 * Keys are copied into the map's own arena; the map owns everything it holds and
 * ds_map_free() releases it. Lookups never allocate. */
#ifndef DS_HASH_H
#define DS_HASH_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

uint64_t ds_hash_bytes(const void *data, size_t n);
/* ds_hash_bytes of the ASCII-lower-cased key, without copying it: a token hashed once
 * can then be looked up in several lists with ds_map_get_hashed. */
uint64_t ds_hash_lower(const void *data, size_t n);
/* Copies n bytes with ASCII A-Z lower-cased, eight at a time (UTF-8 bytes unchanged). */
void ds_ascii_lower(char *dst, const char *src, size_t n);
static inline uint64_t ds_hash_mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  return h;
}

typedef struct {
  const char *key;
  uint32_t klen;
  uint64_t hash;
  uint64_t value;
} ds_map_slot;

/* Besides the slots, a map keeps a small filter (a bit set by each key's length, first
 * and last byte) and its longest key: most lookups of words that are not in a
 * word list end there, before any hashing. */
typedef struct {
  ds_map_slot *slots;
  size_t cap, len;
  ds_arena keys;
  uint64_t *filter;     /* cap * 4 bits, in the slots' allocation */
  uint32_t filter_log2; /* log2 of the filter's bit count */
  uint32_t max_klen;
} ds_map;

void ds_map_init(ds_map *m);
void ds_map_free(ds_map *m);
/* Sizes the table for `keys` keys at once: no rehash while they are inserted. */
void ds_map_reserve(ds_map *m, size_t keys);
/* Returns the slot for key, inserting it with value 0 when absent (*inserted says which). */
ds_map_slot *ds_map_upsert(ds_map *m, const char *key, size_t klen, bool *inserted);
/* Returns the slot or NULL. */
const ds_map_slot *ds_map_get(const ds_map *m, const char *key, size_t klen);
/* Same, with hash = ds_hash_bytes(key, klen) computed by the caller. */
const ds_map_slot *ds_map_get_hashed(const ds_map *m, const char *key, size_t klen,
                                     uint64_t hash);
/* For a map whose keys are all lower case: the slot of key in any ASCII case, with
 * lower_hash = ds_hash_lower(key, klen); compared in place, never copied. No filter
 * test (the caller has made its own). */
const ds_map_slot *ds_map_get_lower(const ds_map *m, const char *key, size_t klen,
                                    uint64_t lower_hash);

/* The filter's bit for a key of n bytes starting with b0 and ending with last. */
static inline uint32_t ds_map_sketch(uint32_t b0, uint32_t last, size_t n) {
  return (b0 | last << 8 | (uint32_t)n << 16) * 0x9E3779B1u;
}
/* False when key cannot be in the map (cheap: no hashing). */
static inline bool ds_map_may_have(const ds_map *m, const char *key, size_t klen) {
  if (!m->cap || klen > m->max_klen) return false;
  if (!klen) return true;
  const unsigned char *k = (const unsigned char *)key;
  uint32_t bit = ds_map_sketch(k[0], k[klen - 1], klen) >> (32 - m->filter_log2);
  return (m->filter[bit >> 6] >> (bit & 63)) & 1;
}
void ds_map_put(ds_map *m, const char *key, size_t klen, uint64_t value);

/* ASCII A-Z of 8 bytes to lower case, other bytes (UTF-8 too) unchanged: adding 0x3f
 * to a byte's low seven bits sets its high bit when it is >= 'A', adding 0x25 when it
 * is > 'Z'; a byte with its own high bit set is no ASCII letter. */
static inline uint64_t ds_lower8(uint64_t x) {
  uint64_t h = x & 0x7f7f7f7f7f7f7f7full;
  uint64_t upper = (h + 0x3f3f3f3f3f3f3f3full) & ~(h + 0x2525252525252525ull) & ~x &
                   0x8080808080808080ull;
  return x | (upper >> 2);
}
/* A cheap hash of a short key in any ASCII case, from its length and its first and
 * last four bytes (never read past its end): about a dozen instructions, for a table
 * probed once per word. Weaker than ds_hash_lower: the caller compares keys on a hit. */
static inline uint64_t ds_hash_word_lower(const void *data, size_t n) {
  const unsigned char *p = data;
  uint64_t x;
  if (n >= 4) {
    uint32_t a, b;
    __builtin_memcpy(&a, p, 4), __builtin_memcpy(&b, p + n - 4, 4);
    x = (uint64_t)a | (uint64_t)b << 32;
  } else {
    x = n ? (uint64_t)p[0] | (uint64_t)p[n >> 1] << 8 | (uint64_t)p[n - 1] << 16 : 0;
  }
  x = (ds_lower8(x) + n * 0xD6E8FEB86659FD93ull) * 0x9E3779B97F4A7C15ull;
  return x ^ (x >> 29);
}
#endif
