/* tag_entities: people, organisations, places and groups mentioned in one article.
 *
 * Two steps over the tokens: the scanner (tag_entities_scan.c) reads each sentence's
 * capitalised runs, list names (countries, places, organisations, nationality words)
 * and definite descriptions ("the spokesman") into candidates; the resolver
 * (tag_entities_resolve.c) makes entities of the strong candidates first, so that a
 * bare surname or a description anywhere in the text can link to them, then emits
 * the mentions in text order. Groups (armed groups, movements, ethnic communities) are
 * list names or runs ending in a group word (data/ent_groups.txt); a nationality word
 * with a common noun ("Ukrainian troops") is its country. This file holds the token
 * helpers both share.
 *
 * Speed: the word lists are merged once per process into one map whose entries say
 * what every list holds for a key (and which keys begin a multi-word entry), and each
 * token is looked up at most once, when first asked about, its answers memoised; most
 * lower-case words are never looked up at all. */
#include <pthread.h>
#include <string.h>
#include <strings.h>

#include "tag_entities_priv.h"
#include "util/lexicon.h"

/* Longest key we look up in the merged lists, in bytes; longer spans are no entry. */
#define DS_ENT_LEX_KEY 256
/* Filter sizes (log2 of bits): about four bits per key of the merged lists, eight per
 * capitalised word of a long article, so few words pass them for nothing. */
#define DS_ENT_LEX_FILTER_LOG2 14
#define DS_ENT_CAPS_FILTER_LOG2 12

/* A sketch of a word in any case (first and last byte, length), for the filters that
 * spare most words a copy and a hash: bits of the result's top end index a bitmap. */
static uint32_t S_sketch(const char *s, size_t n) {
  uint32_t b0 = (unsigned char)s[0], b1 = (unsigned char)s[n - 1];
  b0 |= b0 >= 'A' && b0 <= 'Z' ? 0x20 : 0, b1 |= b1 >= 'A' && b1 <= 'Z' ? 0x20 : 0;
  return ((b0 * 31 + b1) * 131 + (uint32_t)n) * 0x9E3779B1u;
}

static bool S_filter_has(const uint64_t *f, unsigned bits_log2, uint32_t sketch) {
  uint32_t b = sketch >> (32 - bits_log2);
  return f[b >> 6] >> (b & 63) & 1;
}

static void S_filter_add(uint64_t *f, unsigned bits_log2, uint32_t sketch) {
  uint32_t b = sketch >> (32 - bits_log2);
  f[b >> 6] |= 1ull << (b & 63);
}

static ds_ent_lists S_L;
_Static_assert(sizeof S_L.filter * 8 == 1u << DS_ENT_LEX_FILTER_LOG2, "filter size");
static pthread_once_t S_L_once = PTHREAD_ONCE_INIT;

static ds_ent_entry *S_entry_put(const char *key, size_t n) {
  bool inserted;
  if (n) S_filter_add(S_L.filter, DS_ENT_LEX_FILTER_LOG2, S_sketch(key, n));
  ds_map_slot *slot = ds_map_upsert(&S_L.all, key, n, &inserted);
  if (inserted) slot->value = (uint64_t)(uintptr_t)DS_NEW(&S_L.entries, ds_ent_entry, 1);
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
  S_L.list_words[l] = most < DS_ENT_MAX_LIST_TOKENS ? most : DS_ENT_MAX_LIST_TOKENS;
}

static void S_lists_build(void) {
  static const char *const names[DS_EL_N] = {
      [DS_EL_TITLES] = "ent_titles",         [DS_EL_HONORIFICS] = "ent_honorifics",
      [DS_EL_COUNTRIES] = "ent_countries",   [DS_EL_PLACES] = "ent_places",
      [DS_EL_ORG] = "ent_org_words",         [DS_EL_DEMONYMS] = "ent_demonyms",
      [DS_EL_STOPCAPS] = "ent_stopcaps",     [DS_EL_PARTICLES] = "ent_particles",
      [DS_EL_CUES] = "ent_person_cues",      [DS_EL_CONTEXT] = "ent_context",
      [DS_EL_PLACE_WORDS] = "ent_place_words", [DS_EL_THING_WORDS] = "ent_thing_words",
      [DS_EL_GROUPS] = "ent_groups"};
  ds_map_init(&S_L.all);
  for (int l = 0; l < DS_EL_N; l++) S_merge((ds_ent_list)l, ds_lexicon(names[l]));
}

/* The entry for key (any case), given h = ds_hash_lower(key, n) or 0 to compute it. */
static const ds_ent_entry *S_lookup(const char *key, size_t n, uint64_t h) {
  if (!n || n >= DS_ENT_LEX_KEY) return NULL;
  if (!S_filter_has(S_L.filter, DS_ENT_LEX_FILTER_LOG2, S_sketch(key, n))) return NULL;
  /* compared in place against the lower-case keys: no copy */
  const ds_map_slot *slot = ds_map_get_lower(&S_L.all, key, n, h ? h : ds_hash_lower(key, n));
  return slot ? (const ds_ent_entry *)(uintptr_t)slot->value : NULL;
}

const char *ds_ent_lex(const ds_ent_ctx *c, ds_ent_list l, const char *s, size_t n) {
  (void)c;
  const ds_ent_entry *e = S_lookup(s, n, 0);
  return e && (e->in >> l & 1) ? e->val[l] : NULL;
}

bool ds_ent_has(const ds_ent_ctx *c, ds_ent_list l, const char *s, size_t n) {
  return ds_ent_lex(c, l, s, n) != NULL;
}

const ds_ent_entry *ds_ent_entry_of(const ds_ent_ctx *c, uint32_t i) {
  if (i >= c->ntok || c->t[i].kind != DS_TOK_WORD) return NULL;
  ds_ent_memo *mo = &c->memo[i];
  if (!(mo->done & 4)) {
    mo->ent = S_lookup(c->a->body + c->t[i].start, ds_ent_core_len(c, i), 0);
    mo->done |= 4;
  }
  return mo->ent;
}

/* "al-Assad", "el-Sisi": a lower-case particle joined to a capitalised name. */
static bool S_particle_cap(const ds_ent_ctx *c, const char *s, uint32_t n) {
  if (n < 3 || (s[1] != '-' && s[2] != '-' && (n < 5 || s[3] != '-'))) return false;
  for (uint32_t k = 1; k <= 3 && k + 1 < n; k++)
    if (s[k] == '-')
      return s[k + 1] >= 'A' && s[k + 1] <= 'Z' && ds_ent_has(c, DS_EL_PARTICLES, s, k);
  return false;
}

static uint8_t S_poss_len(const char *s, uint32_t n) {
  if (n <= 2 || (s[n - 1] | 0x20) != 's') return 0;
  if (s[n - 2] == '\'') return 2;
  if (n > 4 && s[n - 4] == '\xE2' && s[n - 3] == '\x80' && s[n - 2] == '\x99') return 4;
  return 0;
}


static ds_ent_capword *S_cap_slot(const ds_ent_ctx *c, uint64_t h) {
  uint32_t k = (uint32_t)h & c->caps_mask;
  while (c->caps[k].h && c->caps[k].h != h) k = (k + 1) & c->caps_mask;
  return &c->caps[k];
}

static uint64_t S_core_hash(const ds_ent_ctx *c, uint32_t i) {
  return ds_hash_lower(c->a->body + c->t[i].start, ds_ent_core_len(c, i)) | 1;
}

static bool S_is_lower_word(const ds_ent_ctx *c, uint32_t i) {
  char ch = c->a->body[c->t[i].start];
  return c->t[i].kind == DS_TOK_WORD && ch >= 'a' && ch <= 'z';
}

/* One pass over the tokens for possessives and capitals; then the capitalised words
 * go in a set, and each lower-case word that passes the sketch filter marks its
 * capitalised twin: a capitalised sentence opener that the article also writes in
 * lower case ("Commenting", "Amid") is known not to be a name. */
static void S_classify(ds_ent_ctx *c) {
  uint32_t *idx = DS_NEW(&c->tmp, uint32_t, c->ntok + 1); /* capitalised first, lower last */
  uint32_t ncap = 0, nlow = 0, size = 16;
  for (uint32_t i = 0; i < c->ntok; i++) {
    if (c->t[i].kind != DS_TOK_WORD) continue;
    uint32_t n;
    const char *s = ds_ent_tok(c, i, &n);
    ds_ent_memo *mo = &c->memo[i];
    mo->poss = S_poss_len(s, n);
    mo->cap = (c->t[i].flags & (DS_TF_CAP | DS_TF_UPPER)) || S_particle_cap(c, s, n);
    if (S_is_lower_word(c, i)) idx[c->ntok - ++nlow] = i;
    else idx[ncap++] = i;
  }
  while (size < 2 * ncap) size *= 2; /* load under 1/2 */
  c->caps = DS_NEW(&c->tmp, ds_ent_capword, size);
  c->caps_mask = size - 1;
  uint64_t sketch[(1u << DS_ENT_CAPS_FILTER_LOG2) / 64] = {0};
  for (uint32_t k = 0; k < ncap; k++) {
    uint64_t h = S_core_hash(c, idx[k]);
    S_cap_slot(c, h)->h = h;
    S_filter_add(sketch, DS_ENT_CAPS_FILTER_LOG2,
                 S_sketch(c->a->body + c->t[idx[k]].start, ds_ent_core_len(c, idx[k])));
  }
  for (uint32_t k = c->ntok - nlow; k < c->ntok; k++) {
    uint32_t sk = S_sketch(c->a->body + c->t[idx[k]].start, ds_ent_core_len(c, idx[k]));
    if (!S_filter_has(sketch, DS_ENT_CAPS_FILTER_LOG2, sk)) continue;
    ds_ent_capword *w = S_cap_slot(c, S_core_hash(c, idx[k]));
    if (w->h) w->lower = true;
  }
}

static bool S_digit(const char *s, uint32_t n) {
  for (uint32_t x = 0; x < n; x++)
    if (s[x] >= '0' && s[x] <= '9') return true;
  return false;
}

/* "North Korea-Russia", "US-led": a hyphenated word with a list name in it. */
static bool S_hyphen_known(const ds_ent_ctx *c, const char *s, uint32_t n) {
  for (uint32_t p = 0; p < n;) {
    const char *h = memchr(s + p, '-', n - p);
    uint32_t e = h ? (uint32_t)(h - s) : n;
    if (e == n && p == 0) return false;
    if (ds_ent_has(c, DS_EL_COUNTRIES, s + p, e - p) || ds_ent_has(c, DS_EL_PLACES, s + p, e - p) ||
        ds_ent_has(c, DS_EL_DEMONYMS, s + p, e - p))
      return true;
    p = e + 1;
  }
  return false;
}

static bool S_feat_compute(const ds_ent_ctx *c, uint32_t i, uint32_t f) {
  uint32_t n, core = ds_ent_core_len(c, i);
  const char *s = ds_ent_tok(c, i, &n), *v;
  switch (f) {
  case DS_EF_PART_FULL: return ds_ent_has(c, DS_EL_PARTICLES, s, n);
  case DS_EF_ORG_HEAD:
    v = ds_ent_val(c, i, DS_EL_ORG);
    if (!v) return ds_ent_feat(c, i, DS_EF_GROUP_HEAD);
    /* an acronym ("NATO") is a name of its own, never the head of a longer one */
    if (*v && (c->t[i].flags & DS_TF_UPPER)) return false;
    return !*v || (strlen(v) == core && strncasecmp(v, s, core) == 0);
  case DS_EF_GROUP_HEAD: return (v = ds_ent_val(c, i, DS_EL_GROUPS)) && !*v;
  case DS_EF_LOWER:
    if (core >= DS_ENT_MAX_KEY) return false;
    return S_is_lower_word(c, i) || S_cap_slot(c, S_core_hash(c, i))->lower;
  case DS_EF_DIGIT: return S_digit(s, n);
  default: return S_hyphen_known(c, s, core);
  }
}

bool ds_ent_feat(const ds_ent_ctx *c, uint32_t i, uint32_t f) {
  if (i >= c->ntok || c->t[i].kind != DS_TOK_WORD) return false;
  ds_ent_memo *mo = &c->memo[i];
  if (!(mo->asked >> f & 1)) {
    mo->asked |= (uint16_t)(1u << f);
    if (S_feat_compute(c, i, f)) mo->is |= (uint16_t)(1u << f);
  }
  return mo->is >> f & 1;
}

/* Appends tokens [i, j) to key with single spaces; false when it would not fit. */
static bool S_key(const ds_ent_ctx *c, uint32_t i, uint32_t j, char *key, size_t *klen) {
  size_t n = 0;
  for (uint32_t x = i; x < j; x++) {
    uint32_t len;
    const char *s = ds_ent_tok(c, x, &len);
    if (x + 1 == j) len = ds_ent_core_len(c, x);
    if (n + len + 1 >= DS_ENT_MAX_KEY) return false;
    if (x > i && (c->t[x].flags & DS_TF_SPACE_BEFORE)) key[n++] = ' '; /* "U.S.-China" */
    memcpy(key + n, s, len);
    n += len;
  }
  *klen = n;
  return true;
}

/* The entry of the first k tokens' key, all in full ("People's"); NULL when none. */
static const ds_ent_entry *S_full_entry(const ds_ent_ctx *c, const char *key, size_t n,
                                        uint32_t x, const ds_ent_entry *core) {
  return c->memo[x].poss ? S_lookup(key, n, 0) : core;
}

/* Grows a key token by token and matches it against the nl lists at once: one
 * lookup per length, and a list drops out where no entry of it starts with the key
 * so far. The last token is matched without its possessive, inner ones with it
 * ("People's"). */
void ds_ent_match_lists(const ds_ent_ctx *c, const ds_ent_list *lists, uint32_t nl, uint32_t i,
                        uint32_t max, const char **v, uint32_t *k) {
  uint32_t want = 0;
  for (uint32_t l = 0; l < nl; l++) v[l] = NULL, k[l] = 0, want |= 1u << lists[l];
  if (!max || i >= c->sent_end || c->t[i].kind != DS_TOK_WORD) return;
  const ds_ent_entry *e = ds_ent_entry_of(c, i);
  for (uint32_t l = 0; e && l < nl; l++)
    if (e->in >> lists[l] & 1) v[l] = e->val[lists[l]], k[l] = 1;
  bool glued = i + 1 < c->sent_end && !(c->t[i + 1].flags & DS_TF_SPACE_BEFORE);
  if (!glued && (!e || !(e->prefix & want)) && !c->memo[i].poss) return; /* most tokens */
  char key[DS_ENT_MAX_KEY];
  uint32_t len, alive = want;
  const char *s = ds_ent_tok(c, i, &len);
  if (len >= DS_ENT_MAX_KEY) return;
  memcpy(key, s, len);
  size_t n = len;
  const ds_ent_entry *pre = S_full_entry(c, key, n, i, e);
  for (uint32_t m = 2; m <= max && i + m - 1 < c->sent_end; m++) {
    uint32_t x = i + m - 1;
    s = ds_ent_tok(c, x, &len);
    if (c->t[x].kind != DS_TOK_WORD) break;
    bool space = (c->t[x].flags & DS_TF_SPACE_BEFORE) != 0; /* "U.S.-China" */
    for (uint32_t l = 0; l < nl; l++)
      if (c->L->list_words[lists[l]] < m) alive &= ~(1u << lists[l]);
    if (space) alive &= pre ? pre->prefix : 0;
    if (!alive || n + space + len + 1 >= DS_ENT_MAX_KEY) break;
    if (space) key[n++] = ' ';
    memcpy(key + n, s, len);
    e = S_lookup(key, n + ds_ent_core_len(c, x), 0);
    n += len;
    pre = S_full_entry(c, key, n, x, e);
    bool cap = ds_ent_is_cap(c, x);
    for (uint32_t l = 0; e && l < nl; l++)
      if ((alive & e->in) >> lists[l] & 1 && (cap || lists[l] == DS_EL_TITLES))
        v[l] = e->val[lists[l]], k[l] = m;
  }
}

const char *ds_ent_list_match(const ds_ent_ctx *c, ds_ent_list list, uint32_t i, uint32_t max,
                              uint32_t *k) {
  const char *v;
  ds_ent_match_lists(c, &list, 1, i, max, &v, k);
  return v;
}

char *ds_ent_join(const ds_ent_ctx *c, ds_arena *ar, uint32_t i, uint32_t j) {
  char key[DS_ENT_MAX_KEY];
  size_t klen;
  if (!S_key(c, i, j, key, &klen)) {
    uint32_t n;
    const char *s = ds_ent_tok(c, i, &n);
    return ds_arena_strndup(ar, s, n);
  }
  return ds_arena_strndup(ar, key, klen);
}

/* Quote depth per token: a mention inside a quotation is not a candidate speaker.
 * Depth restarts at each paragraph, because a quote running over paragraphs
 * repeats its opening mark. */
static void S_mark_quotes(ds_ent_ctx *c) {
  c->in_quote = DS_NEW(&c->tmp, bool, c->ntok + 1);
  int depth = 0;
  for (uint32_t i = 0; i < c->ntok; i++) {
    const ds_token *t = &c->t[i];
    if (t->flags & DS_TF_PARA_START) depth = 0;
    if (t->kind == DS_TOK_QUOTE && (t->flags & DS_TF_OPEN)) depth = 1;
    else if (t->kind == DS_TOK_QUOTE && (t->flags & DS_TF_CLOSE)) depth = 0;
    c->in_quote[i] = depth > 0 && t->kind != DS_TOK_QUOTE;
  }
}

void ds_tag_entities(ds_article *a) {
  a->entities.len = a->mentions.len = 0;
  if (!a->tokens.len) return;
  pthread_once(&S_L_once, S_lists_build);
  ds_ent_ctx c = {.a = a, .L = &S_L, .t = a->tokens.items, .ntok = (uint32_t)a->tokens.len};
  c.memo = DS_NEW(&c.tmp, ds_ent_memo, c.ntok + 1);
  S_classify(&c);
  S_mark_quotes(&c);
  for (uint32_t si = 0; si < a->sentences.len; si++) ds_ent_scan_sentence(&c, si);
  ds_ent_resolve(&c);
  ds_arena_free(&c.tmp);
}
