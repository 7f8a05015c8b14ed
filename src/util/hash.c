#include "util/hash.h"

#include <stdlib.h>
#include <string.h>

/* FNV-1a over 8-byte words with a final avalanche: fast on the short keys we hash
 * (words, n-grams) and good enough for open addressing with a power-of-two table. */
uint64_t ds_hash_bytes(const void *data, size_t n) {
  const unsigned char *p = data;
  uint64_t h = 0xcbf29ce484222325ull ^ n;
  while (n >= 8) {
    uint64_t w;
    memcpy(&w, p, 8);
    h = (h ^ w) * 0x100000001b3ull;
    h ^= h >> 29;
    p += 8;
    n -= 8;
  }
  while (n--) h = (h ^ *p++) * 0x100000001b3ull;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

void ds_map_init(ds_map *m) { memset(m, 0, sizeof *m); }

void ds_map_free(ds_map *m) {
  free(m->slots);
  ds_arena_free(&m->keys);
  memset(m, 0, sizeof *m);
}

static ds_map_slot *S_find(ds_map_slot *slots, size_t cap, const char *key, size_t klen,
                           uint64_t h) {
  size_t i = h & (cap - 1);
  for (;;) {
    ds_map_slot *s = &slots[i];
    if (!s->key) return s;
    if (s->hash == h && s->klen == klen && memcmp(s->key, key, klen) == 0) return s;
    i = (i + 1) & (cap - 1);
  }
}

static void S_grow(ds_map *m) {
  size_t cap = m->cap ? m->cap * 2 : 64;
  ds_map_slot *slots = calloc(cap, sizeof *slots);
  if (!slots) abort();
  for (size_t i = 0; i < m->cap; i++) {
    ds_map_slot *s = &m->slots[i];
    if (s->key) *S_find(slots, cap, s->key, s->klen, s->hash) = *s;
  }
  free(m->slots);
  m->slots = slots;
  m->cap = cap;
}

ds_map_slot *ds_map_upsert(ds_map *m, const char *key, size_t klen, bool *inserted) {
  if ((m->len + 1) * 4 > m->cap * 3) S_grow(m); /* keep load under 3/4 */
  uint64_t h = ds_hash_bytes(key, klen);
  ds_map_slot *s = S_find(m->slots, m->cap, key, klen, h);
  bool fresh = !s->key;
  if (fresh) {
    s->key = ds_arena_strndup(&m->keys, key, klen);
    s->klen = (uint32_t)klen;
    s->hash = h;
    s->value = 0;
    m->len++;
  }
  if (inserted) *inserted = fresh;
  return s;
}

const ds_map_slot *ds_map_get(const ds_map *m, const char *key, size_t klen) {
  if (!m->cap) return NULL;
  ds_map_slot *s = S_find(m->slots, m->cap, key, klen, ds_hash_bytes(key, klen));
  return s->key ? s : NULL;
}

void ds_map_put(ds_map *m, const char *key, size_t klen, uint64_t value) {
  ds_map_upsert(m, key, klen, NULL)->value = value;
}
