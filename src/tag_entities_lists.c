/* The entity tagger's word lists (data/ent_*.txt), merged once per process into one
 * table whose entries say what every list holds for a key and which keys begin a
 * multi-word entry: a token is looked up once, whatever is asked about it later.
 *
 * Speed: a word is probed with a cheap hash of its ends (ds_hash_word_lower) and the
 * table kept at most a quarter full, so that most words, which are in no list, stop
 * at an empty slot; a hit is confirmed by comparing the key. */
#include <pthread.h>
#include <string.h>

#include "tag_entities_priv.h"
#include "util/lexicon.h"

static ds_ent_lists S_L;
const ds_ent_entry ds_ent_unlooked;
static ds_map S_keys; /* key -> entry while building */
static pthread_once_t S_L_once = PTHREAD_ONCE_INIT;

static ds_ent_entry *S_entry_put(const char *key, size_t n) {
  bool inserted;
  ds_map_slot *slot = ds_map_upsert(&S_keys, key, n, &inserted);
  if (inserted) {
    ds_ent_entry *e = DS_NEW(&S_L.entries, ds_ent_entry, 1);
    e->key = slot->key, e->klen = slot->klen;
    slot->value = (uint64_t)(uintptr_t)e;
  }
  return (ds_ent_entry *)(uintptr_t)slot->value;
}

/* Adds list l's entries, and the prefixes of its multi-word ones, to the merged map. */
static void S_merge(ds_ent_list l, const ds_map *m) {
  uint32_t most = 1;
  for (size_t i = 0; i < m->cap; i++) {
    const ds_map_slot *slot = &m->slots[i];
    if (!slot->key) continue;
    ds_ent_entry *e = S_entry_put(slot->key, slot->klen);
    e->in |= (uint16_t)(1u << l);
    e->val[l] = (const char *)(uintptr_t)slot->value;
    uint32_t w = 1;
    for (uint32_t k = 1; k < slot->klen; k++)
      if (slot->key[k] == ' ') S_entry_put(slot->key, k)->prefix |= (uint16_t)(1u << l), w++;
    if (w > most) most = w;
  }
  for (uint32_t m = 0; m <= most && m <= DS_ENT_MAX_LIST_TOKENS; m++)
    S_L.lists_with[m] |= 1u << l;
}

/* The probe table over the merged entries (empty keys are never looked up). */
static void S_table(void) {
  uint32_t size = 64;
  while (size < 4 * S_keys.len) size *= 2; /* load under 1/4 */
  S_L.slots = DS_NEW(&S_L.entries, ds_ent_slot, size);
  S_L.mask = size - 1;
  for (size_t i = 0; i < S_keys.cap; i++) {
    const ds_map_slot *m = &S_keys.slots[i];
    if (!m->key || !m->klen) continue;
    uint64_t h = ds_hash_word_lower(m->key, m->klen);
    uint32_t k = (uint32_t)h & S_L.mask;
    while (S_L.slots[k].e) k = (k + 1) & S_L.mask;
    S_L.slots[k] = (ds_ent_slot){.h = h, .e = (const ds_ent_entry *)(uintptr_t)m->value};
  }
}

/* Marks the place names that are organisations' names too (ds_ent_entry.org_val):
 * what a value names is looked up once per process, not at each match. */
static void S_org_vals(void) {
  const uint32_t places = 1u << DS_EL_COUNTRIES | 1u << DS_EL_PLACES | 1u << DS_EL_DEMONYMS;
  for (size_t i = 0; i < S_keys.cap; i++) {
    ds_ent_entry *e = (ds_ent_entry *)(uintptr_t)S_keys.slots[i].value;
    for (uint32_t ls = e ? e->in & places : 0; ls; ls &= ls - 1) {
      uint32_t l = (uint32_t)__builtin_ctz(ls);
      size_t n = strlen(e->val[l]);
      const ds_ent_entry *named =
          n ? ds_ent_find(&S_L, e->val[l], n, ds_hash_word_lower(e->val[l], n)) : NULL;
      if (named && (named->in >> DS_EL_ORG & 1) && *named->val[DS_EL_ORG])
        e->org_val |= (uint16_t)(1u << l);
    }
  }
}

static void S_build(void) {
  static const char *const names[DS_EL_N] = {
      [DS_EL_TITLES] = "ent_titles",         [DS_EL_HONORIFICS] = "ent_honorifics",
      [DS_EL_COUNTRIES] = "ent_countries",   [DS_EL_PLACES] = "ent_places",
      [DS_EL_ORG] = "ent_org_words",         [DS_EL_DEMONYMS] = "ent_demonyms",
      [DS_EL_STOPCAPS] = "ent_stopcaps",     [DS_EL_PARTICLES] = "ent_particles",
      [DS_EL_CUES] = "ent_person_cues",      [DS_EL_CONTEXT] = "ent_context",
      [DS_EL_PLACE_WORDS] = "ent_place_words", [DS_EL_THING_WORDS] = "ent_thing_words",
      [DS_EL_GROUPS] = "ent_groups"};
  ds_map_init(&S_keys);
  for (int l = 0; l < DS_EL_N; l++) S_merge((ds_ent_list)l, ds_lexicon(names[l]));
  S_table();
  S_org_vals();
}

const ds_ent_lists *ds_ent_lists_get(void) {
  pthread_once(&S_L_once, S_build);
  return &S_L;
}
