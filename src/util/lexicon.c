#include "util/lexicon.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  const char *name;
  const char *bytes;
  size_t len;
} ds_embedded;
extern const ds_embedded ds_embedded_data[];
extern const ds_embedded ds_embedded_demo_files[];

/* Longest key we look up: longer strings cannot be list entries (the longest entry,
 * a multi-word organisation name, is far shorter), so we skip copying them. */
#define DS_LEXICON_MAX_KEY 256

typedef struct {
  const char *name; /* the file's name ("months.txt") */
  const char *key;  /* the list's name ("months"), or NULL for other files */
  ds_map map;
} ds_list;

static ds_list *S_lists;
static size_t S_nlists;
static ds_map S_by_name; /* list name (file name without .txt) -> index + 1 */
static pthread_once_t S_once = PTHREAD_ONCE_INIT;

static void S_add_line(ds_map *m, const char *line, size_t n) {
  while (n && (line[n - 1] == '\r' || line[n - 1] == ' ')) n--;
  if (!n || line[0] == '#') return;
  const char *tab = memchr(line, '\t', n);
  size_t klen = tab ? (size_t)(tab - line) : n;
  char key[DS_LEXICON_MAX_KEY];
  if (klen >= sizeof key) return;
  for (size_t i = 0; i < klen; i++) {
    char c = line[i];
    key[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  const char *val = tab ? ds_arena_strndup(&m->keys, tab + 1, n - klen - 1) : "";
  ds_map_slot *s = ds_map_upsert(m, key, klen, NULL);
  if (!s->value) s->value = (uint64_t)(uintptr_t)val; /* first line wins */
}

static void S_build(void) {
  size_t n = 0;
  while (ds_embedded_data[n].name) n++;
  S_lists = calloc(n ? n : 1, sizeof *S_lists);
  if (!S_lists) abort();
  for (size_t i = 0; i < n; i++) {
    const ds_embedded *e = &ds_embedded_data[i];
    ds_list *l = &S_lists[i];
    size_t nl = strlen(e->name);
    l->name = e->name;
    ds_map_init(&l->map);
    const char *p = e->bytes, *end = e->bytes + e->len;
    while (p < end) {
      const char *eol = memchr(p, '\n', (size_t)(end - p));
      if (!eol) eol = end;
      S_add_line(&l->map, p, (size_t)(eol - p));
      p = eol + 1;
    }
    if (nl > 4 && strcmp(e->name + nl - 4, ".txt") == 0) {
      l->key = ds_arena_strndup(&l->map.keys, e->name, nl - 4);
      ds_map_put(&S_by_name, e->name, nl - 4, i + 1);
    }
  }
  S_nlists = n;
}

static const ds_list *S_find_list(const char *name) {
  pthread_once(&S_once, S_build);
  const ds_map_slot *s = ds_map_get(&S_by_name, name, strlen(name));
  if (s) return &S_lists[s->value - 1];
  fprintf(stderr, "dossier: internal error: no word list data/%s.txt\n", name);
  abort();
}

/* Callers pass literal names, some per token ("months"): each thread remembers the
 * lists it found by the name's address, checked against the list's own name, so a
 * repeated call costs a compare instead of a hash and a pthread_once. The cache only
 * holds pointers to the read-only lists: it cannot change any result. */
#define DS_LEXICON_CACHE 32
typedef struct {
  const char *name;
  const ds_list *list;
} S_cached;
static _Thread_local S_cached S_cache[DS_LEXICON_CACHE];

const ds_map *ds_lexicon(const char *name) {
  S_cached *e = &S_cache[((uintptr_t)name >> 3) % DS_LEXICON_CACHE];
  if (e->name == name && strcmp(e->list->key, name) == 0) return &e->list->map;
  const ds_list *l = S_find_list(name);
  e->name = name;
  e->list = l;
  return &l->map;
}

/* ASCII lower case of every byte value (a table: one load per byte). */
#define S_L4(c) S_LC(c), S_LC(c + 1), S_LC(c + 2), S_LC(c + 3)
#define S_LC(c) (unsigned char)((c) >= 'A' && (c) <= 'Z' ? (c) + 32 : (c))
#define S_L16(c) S_L4(c), S_L4(c + 4), S_L4(c + 8), S_L4(c + 12)
#define S_L64(c) S_L16(c), S_L16(c + 16), S_L16(c + 32), S_L16(c + 48)
static const unsigned char S_lower[256] = {S_L64(0), S_L64(64), S_L64(128), S_L64(192)};

/* The filter test on the key as the list stores it (lower case), before hashing it. */
static inline bool S_may_have(const ds_map *list, const char *key, size_t klen) {
  if (!list->cap || klen > list->max_klen || klen >= DS_LEXICON_MAX_KEY) return false;
  if (!klen) return true;
  const unsigned char *k = (const unsigned char *)key;
  uint32_t bit = ds_map_sketch(S_lower[k[0]], S_lower[k[klen - 1]], klen) >> (32 - list->filter_log2);
  return (list->filter[bit >> 6] >> (bit & 63)) & 1;
}

static inline const char *S_value_of(const ds_map_slot *s) {
  return s ? (const char *)(uintptr_t)s->value : NULL;
}

const char *ds_lexicon_lookup_hashed(const ds_map *list, const char *key, size_t klen,
                                     uint64_t lower_hash) {
  if (!S_may_have(list, key, klen)) return NULL; /* most words end here */
  return S_value_of(ds_map_get_lower(list, key, klen, lower_hash));
}

const char *ds_lexicon_lookup(const ds_map *list, const char *key, size_t klen) {
  if (!S_may_have(list, key, klen)) return NULL;
  return S_value_of(ds_map_get_lower(list, key, klen, ds_hash_lower(key, klen)));
}

const char *ds_lexicon_value(const char *name, const char *key, size_t klen) {
  return klen < DS_LEXICON_MAX_KEY ? ds_lexicon_lookup(ds_lexicon(name), key, klen) : NULL;
}

bool ds_lexicon_has(const char *name, const char *key, size_t klen) {
  return ds_lexicon_value(name, key, klen) != NULL;
}

const char *ds_embedded_file(const char *name, size_t *len) {
  for (const ds_embedded *e = ds_embedded_data; e->name; e++)
    if (strcmp(e->name, name) == 0) {
      if (len) *len = e->len;
      return e->bytes;
    }
  return NULL;
}

bool ds_embedded_demo(size_t i, const char **name, const char **bytes, size_t *len) {
  for (size_t k = 0; k <= i; k++)
    if (!ds_embedded_demo_files[k].name) return false;
  *name = ds_embedded_demo_files[i].name;
  *bytes = ds_embedded_demo_files[i].bytes;
  *len = ds_embedded_demo_files[i].len;
  return true;
}
