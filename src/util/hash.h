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

typedef struct {
  ds_map_slot *slots;
  size_t cap, len;
  ds_arena keys;
} ds_map;

void ds_map_init(ds_map *m);
void ds_map_free(ds_map *m);
/* Returns the slot for key, inserting it with value 0 when absent (*inserted says which). */
ds_map_slot *ds_map_upsert(ds_map *m, const char *key, size_t klen, bool *inserted);
/* Returns the slot or NULL. */
const ds_map_slot *ds_map_get(const ds_map *m, const char *key, size_t klen);
void ds_map_put(ds_map *m, const char *key, size_t klen, uint64_t value);
#endif
