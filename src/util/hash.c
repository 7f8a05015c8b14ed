#include "util/hash.h"

#include <stdlib.h>
#include <string.h>

/* Hashing, after wyhash: a key of up to 16 bytes is read in four overlapping loads
 * (never past its end) and mixed by two 64x64->128-bit multiplies, with no loop: words,
 * the keys we hash most, cost about 20 instructions. */
#define S_P0 0xa0761d6478bd642full
#define S_P1 0xe7037ed1a0b428dbull
#define S_P2 0x8ebc6af09c88c6e3ull

static inline uint64_t S_mum(uint64_t a, uint64_t b) {
  __uint128_t r = (__uint128_t)a * b;
  return (uint64_t)r ^ (uint64_t)(r >> 64);
}

static inline uint64_t S_r64(const unsigned char *p) {
  uint64_t v;
  memcpy(&v, p, 8);
  return v;
}

static inline uint64_t S_r32(const unsigned char *p) {
  uint32_t v;
  memcpy(&v, p, 4);
  return v;
}

static inline uint64_t S_load32(const unsigned char *p, bool lower) {
  uint64_t v = S_r32(p);
  return lower ? ds_lower8(v) & 0xffffffffull : v;
}

static inline uint64_t S_load64(const unsigned char *p, bool lower) {
  uint64_t v = S_r64(p);
  return lower ? ds_lower8(v) : v;
}

static inline uint64_t S_load8(unsigned char c, bool lower) {
  return lower && c >= 'A' && c <= 'Z' ? c + 32u : c;
}

/* Always inlined, so each public hash gets its own copy with `lower` constant. */
static inline __attribute__((always_inline)) uint64_t S_hash(const unsigned char *p, size_t n,
                                                             bool lower) {
  uint64_t seed = S_P0 ^ (n * S_P2), a = 0, b = 0;
  if (n > 16) {
    size_t i = n;
    for (; i > 16; i -= 16, p += 16)
      seed = S_mum(S_load64(p, lower) ^ S_P1, S_load64(p + 8, lower) ^ seed);
    a = S_load64(p + i - 16, lower); /* the last 16 bytes, overlapping the loop's */
    b = S_load64(p + i - 8, lower);
  } else if (n >= 4) {
    size_t off = (n >> 3) << 2; /* 4..16 bytes: four 4-byte loads cover them */
    a = (S_load32(p, lower) << 32) | S_load32(p + off, lower);
    b = (S_load32(p + n - 4, lower) << 32) | S_load32(p + n - 4 - off, lower);
  } else if (n > 0) {
    a = (S_load8(p[0], lower) << 16) | (S_load8(p[n >> 1], lower) << 8) | S_load8(p[n - 1], lower);
  }
  return S_mum(S_P1 ^ n, S_mum(a ^ S_P1, b ^ seed));
}

uint64_t ds_hash_bytes(const void *data, size_t n) { return S_hash(data, n, false); }

uint64_t ds_hash_lower(const void *data, size_t n) { return S_hash(data, n, true); }

void ds_ascii_lower(char *dst, const char *src, size_t n) {
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t v = ds_lower8(S_r64((const unsigned char *)src + i));
    memcpy(dst + i, &v, 8);
  }
  for (; i < n; i++) dst[i] = (char)S_load8((unsigned char)src[i], true);
}

void ds_map_init(ds_map *m) { memset(m, 0, sizeof *m); }

void ds_map_free(ds_map *m) {
  free(m->slots);
  ds_arena_free(&m->keys);
  memset(m, 0, sizeof *m);
}

/* Key equality without a call: keys are mostly words, compared in two overlapping loads. */
static inline bool S_eq(const char *x, const char *y, size_t n) {
  const unsigned char *a = (const unsigned char *)x, *b = (const unsigned char *)y;
  if (n >= 8) {
    for (size_t i = 0; i + 8 < n; i += 8)
      if (S_r64(a + i) != S_r64(b + i)) return false;
    return S_r64(a + n - 8) == S_r64(b + n - 8);
  }
  if (n >= 4) return S_r32(a) == S_r32(b) && S_r32(a + n - 4) == S_r32(b + n - 4);
  for (size_t i = 0; i < n; i++)
    if (a[i] != b[i]) return false;
  return true;
}

static ds_map_slot *S_find(ds_map_slot *slots, size_t cap, const char *key, size_t klen,
                           uint64_t h) {
  size_t i = h & (cap - 1);
  for (;;) {
    ds_map_slot *s = &slots[i];
    if (!s->key) return s;
    if (s->hash == h && s->klen == klen && S_eq(s->key, key, klen)) return s;
    i = (i + 1) & (cap - 1);
  }
}

/* Equality of a stored lower-case key x with y in any ASCII case, without copying y. */
static inline bool S_eq_lower(const char *x, const char *y, size_t n) {
  const unsigned char *a = (const unsigned char *)x, *b = (const unsigned char *)y;
  if (n >= 8) {
    for (size_t i = 0; i + 8 < n; i += 8)
      if (S_r64(a + i) != ds_lower8(S_r64(b + i))) return false;
    return S_r64(a + n - 8) == ds_lower8(S_r64(b + n - 8));
  }
  if (n >= 4)
    return S_r32(a) == S_load32(b, true) && S_r32(a + n - 4) == S_load32(b + n - 4, true);
  for (size_t i = 0; i < n; i++)
    if (a[i] != S_load8(b[i], true)) return false;
  return true;
}

const ds_map_slot *ds_map_get_lower(const ds_map *m, const char *key, size_t klen,
                                    uint64_t lower_hash) {
  if (!m->cap) return NULL;
  size_t i = lower_hash & (m->cap - 1);
  for (;;) {
    const ds_map_slot *s = &m->slots[i];
    if (!s->key) return NULL;
    if (s->hash == lower_hash && s->klen == klen && S_eq_lower(s->key, key, klen)) return s;
    i = (i + 1) & (m->cap - 1);
  }
}

static void S_filter_add(ds_map *m, const char *key, size_t klen) {
  if (klen > m->max_klen) m->max_klen = (uint32_t)klen;
  if (!klen) return;
  const unsigned char *k = (const unsigned char *)key;
  uint32_t bit = ds_map_sketch(k[0], k[klen - 1], klen) >> (32 - m->filter_log2);
  m->filter[bit >> 6] |= 1ull << (bit & 63);
}

/* The filter has 4 bits per slot, so at most 1/8 of them are set (load <= 1/2). */
static void S_resize(ds_map *m, size_t cap) {
  size_t words = cap * 4 / 64;
  ds_map_slot *slots = calloc(1, cap * sizeof *slots + words * sizeof(uint64_t));
  if (!slots) abort();
  ds_map_slot *old = m->slots;
  size_t old_cap = m->cap;
  m->slots = slots;
  m->cap = cap;
  m->filter = (uint64_t *)(slots + cap);
  m->filter_log2 = 2;
  while ((size_t)1 << m->filter_log2 < cap * 4) m->filter_log2++;
  for (size_t i = 0; i < old_cap; i++) {
    ds_map_slot *s = &old[i];
    if (!s->key) continue;
    *S_find(slots, cap, s->key, s->klen, s->hash) = *s;
    S_filter_add(m, s->key, s->klen);
  }
  free(old);
}

/* The first table holds 32 keys: most maps of an article hold a few dozen. */
#define DS_MAP_MIN_CAP 64

static void S_grow(ds_map *m) { S_resize(m, m->cap ? m->cap * 2 : DS_MAP_MIN_CAP); }

void ds_map_reserve(ds_map *m, size_t keys) {
  if (!keys) return; /* an empty map allocates nothing */
  size_t cap = m->cap ? m->cap : DS_MAP_MIN_CAP;
  while (cap < 2 * keys) cap *= 2; /* the load stays under 1/2, as ds_map_upsert keeps it */
  if (cap > m->cap) S_resize(m, cap);
}

ds_map_slot *ds_map_upsert(ds_map *m, const char *key, size_t klen, bool *inserted) {
  if ((m->len + 1) * 2 > m->cap) S_grow(m); /* keep load under 1/2: misses probe little */
  uint64_t h = ds_hash_bytes(key, klen);
  ds_map_slot *s = S_find(m->slots, m->cap, key, klen, h);
  bool fresh = !s->key;
  if (fresh) {
    s->key = ds_arena_strndup(&m->keys, key, klen);
    s->klen = (uint32_t)klen;
    s->hash = h;
    s->value = 0;
    m->len++;
    S_filter_add(m, key, klen);
  }
  if (inserted) *inserted = fresh;
  return s;
}

const ds_map_slot *ds_map_get_hashed(const ds_map *m, const char *key, size_t klen,
                                     uint64_t hash) {
  if (!ds_map_may_have(m, key, klen)) return NULL;
  ds_map_slot *s = S_find(m->slots, m->cap, key, klen, hash);
  return s->key ? s : NULL;
}

const ds_map_slot *ds_map_get(const ds_map *m, const char *key, size_t klen) {
  if (!ds_map_may_have(m, key, klen)) return NULL;
  ds_map_slot *s = S_find(m->slots, m->cap, key, klen, ds_hash_bytes(key, klen));
  return s->key ? s : NULL;
}

void ds_map_put(ds_map *m, const char *key, size_t klen, uint64_t value) {
  ds_map_upsert(m, key, klen, NULL)->value = value;
}
