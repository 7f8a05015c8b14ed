/* tag_entities: people, organisations and places mentioned in one article.
 *
 * Two steps over the tokens: the scanner (tag_entities_scan.c) reads each sentence's
 * capitalised runs, list names (countries, places, organisations, nationality words)
 * and definite descriptions ("the spokesman") into candidates; the resolver
 * (tag_entities_resolve.c) makes entities of the strong candidates first, so that a
 * bare surname or a description anywhere in the text can link to them, then emits
 * the mentions in text order. This file holds the token helpers both share. */
#include <string.h>

#include "tag_entities_priv.h"
#include "util/lexicon.h"

/* Most words in one entry of the list: longer token spans need no lookup. */
static uint32_t S_max_words(const ds_map *m) {
  uint32_t best = 1;
  for (size_t i = 0; i < m->cap; i++) {
    const ds_map_slot *slot = &m->slots[i];
    if (!slot->key) continue;
    uint32_t w = 1;
    for (uint32_t k = 0; k < slot->klen; k++) w += slot->key[k] == ' ';
    if (w > best) best = w;
  }
  return best < DS_ENT_MAX_LIST_TOKENS ? best : DS_ENT_MAX_LIST_TOKENS;
}

/* The lists are looked up once per article: a lookup by list name costs a scan of
 * every embedded file's name. */
static void S_lists(ds_ent_ctx *c) {
  static const char *const names[DS_EL_N] = {
      [DS_EL_TITLES] = "ent_titles",         [DS_EL_HONORIFICS] = "ent_honorifics",
      [DS_EL_COUNTRIES] = "ent_countries",   [DS_EL_PLACES] = "ent_places",
      [DS_EL_ORG] = "ent_org_words",         [DS_EL_DEMONYMS] = "ent_demonyms",
      [DS_EL_STOPCAPS] = "ent_stopcaps",     [DS_EL_PARTICLES] = "ent_particles",
      [DS_EL_CUES] = "ent_person_cues",      [DS_EL_CONTEXT] = "ent_context",
      [DS_EL_PLACE_WORDS] = "ent_place_words", [DS_EL_THING_WORDS] = "ent_thing_words"};
  for (int l = 0; l < DS_EL_N; l++) {
    c->lists[l] = ds_lexicon(names[l]);
    c->list_words[l] = S_max_words(c->lists[l]);
  }
}

const char *ds_ent_lex(const ds_ent_ctx *c, ds_ent_list l, const char *s, size_t n) {
  char low[DS_ENT_MAX_KEY];
  if (n >= sizeof low) return NULL;
  for (size_t i = 0; i < n; i++) low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
  const ds_map_slot *slot = ds_map_get(c->lists[l], low, n);
  return slot ? (const char *)(uintptr_t)slot->value : NULL;
}

bool ds_ent_has(const ds_ent_ctx *c, ds_ent_list l, const char *s, size_t n) {
  return ds_ent_lex(c, l, s, n) != NULL;
}

const char *ds_ent_tok(const ds_ent_ctx *c, uint32_t i, uint32_t *len) {
  *len = c->t[i].end - c->t[i].start;
  return c->a->body + c->t[i].start;
}

uint32_t ds_ent_core_len(const ds_ent_ctx *c, uint32_t i) {
  uint32_t n;
  const char *s = ds_ent_tok(c, i, &n);
  if (c->t[i].kind != DS_TOK_WORD) return n;
  if (n > 2 && s[n - 2] == '\'' && (s[n - 1] == 's' || s[n - 1] == 'S')) return n - 2;
  if (n > 4 && memcmp(s + n - 4, "\xE2\x80\x99", 3) == 0 && (s[n - 1] == 's' || s[n - 1] == 'S'))
    return n - 4;
  return n;
}

/* "al-Assad", "el-Sisi": a lower-case particle joined to a capitalised name. */
static bool S_particle_cap(const ds_ent_ctx *c, const char *s, uint32_t n) {
  for (uint32_t k = 1; k <= 3 && k + 1 < n; k++)
    if (s[k] == '-')
      return s[k + 1] >= 'A' && s[k + 1] <= 'Z' && ds_ent_has(c, DS_EL_PARTICLES, s, k);
  return false;
}

bool ds_ent_is_cap(const ds_ent_ctx *c, uint32_t i) {
  if (i >= c->ntok || c->t[i].kind != DS_TOK_WORD) return false;
  if (c->t[i].flags & (DS_TF_CAP | DS_TF_UPPER)) return true;
  uint32_t n;
  const char *s = ds_ent_tok(c, i, &n);
  return S_particle_cap(c, s, n);
}

bool ds_ent_tok_is(const ds_ent_ctx *c, uint32_t i, const char *lower_lit) {
  if (i >= c->ntok) return false;
  uint32_t n;
  const char *s = ds_ent_tok(c, i, &n);
  size_t k = strlen(lower_lit);
  if (n != k) return false;
  for (size_t x = 0; x < k; x++) {
    char ch = s[x];
    if (ch >= 'A' && ch <= 'Z') ch = (char)(ch + 32);
    if (ch != lower_lit[x]) return false;
  }
  return true;
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

const char *ds_ent_list_match(const ds_ent_ctx *c, ds_ent_list list, uint32_t i, uint32_t max,
                              uint32_t *k) {
  uint32_t m = 0;
  while (m < max && m < c->list_words[list] && i + m < c->sent_end &&
         c->t[i + m].kind == DS_TOK_WORD)
    m++;
  for (; m >= 1; m--) {
    if (m > 1 && !ds_ent_is_cap(c, i + m - 1) && list != DS_EL_TITLES) continue;
    char key[DS_ENT_MAX_KEY];
    size_t klen;
    if (!S_key(c, i, i + m, key, &klen)) continue;
    const char *v = ds_ent_lex(c, list, key, klen);
    if (v) {
      *k = m;
      return v;
    }
  }
  return NULL;
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

/* Remembers every lower-case word so a capitalised sentence opener that the article
 * also writes in lower case ("Commenting", "Amid") is known not to be a name. */
static void S_collect_lower(ds_ent_ctx *c) {
  ds_map_init(&c->lower);
  for (uint32_t i = 0; i < c->ntok; i++) {
    uint32_t n;
    const char *s = ds_ent_tok(c, i, &n);
    if (c->t[i].kind == DS_TOK_WORD && s[0] >= 'a' && s[0] <= 'z' && n < DS_ENT_MAX_KEY)
      ds_map_put(&c->lower, s, ds_ent_core_len(c, i), 1);
  }
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
  ds_ent_ctx c = {.a = a, .t = a->tokens.items, .ntok = (uint32_t)a->tokens.len};
  S_lists(&c);
  c.memo = DS_NEW(&c.tmp, ds_ent_memo, c.ntok + 1);
  S_collect_lower(&c);
  S_mark_quotes(&c);
  for (uint32_t si = 0; si < a->sentences.len; si++) ds_ent_scan_sentence(&c, si);
  ds_ent_resolve(&c);
  ds_map_free(&c.lower);
  ds_arena_free(&c.tmp);
}
