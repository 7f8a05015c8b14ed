/* Entity resolver: candidates -> a->entities and a->mentions.
 *
 * Strong candidates make entities first (full personal names, list names,
 * organisations, titled or speaking single names), so a bare surname, an acronym or
 * a description can link to them wherever it stands. Then one pass in text order
 * emits the mentions: a surname links to the most recently mentioned person who bears
 * it, "the spokesman" to the last person whose role has that word, and a lone
 * capitalised word with no such link is kept only when its context says what it is. */
#include <string.h>
#include <strings.h>

#include "tag_entities_priv.h"
#include "util/scan.h"
#include "util/utf8.h"

/* Aliases kept per entity in one article; more spellings than this are noise and
 * would make the duplicate check costly. */
#define DS_ENT_MAX_ALIASES 16
/* People sharing one surname that a bare surname chooses among; a text naming more
 * (a list of a family's members) must not make each surname a long walk. */
#define DS_ENT_MAX_SURNAME_CHAIN 32

typedef struct {
  ds_strvec aliases;
  uint32_t first_pos;
  int64_t last_pos;      /* start of the last mention emitted, -1 before any */
  int32_t next_surname;  /* next person sharing a surname key, or -1 */
  uint32_t desc_tried;   /* the last description (S_res.descs) it was tried for */
} S_ex;

/* What the keys say about one capitalised word as a lone name, while the mentions are
 * emitted: its surname and first-name keys no longer change then, and its name key
 * only by S_single, so a word repeated a thousand times is looked up once. Only
 * ASCII words are noted: two of them with one key are one word in any case, while
 * a name the Unicode fold makes equal to another is looked up each time, and a name
 * key made for it makes every note's name key stale (gen). */
typedef struct {
  int32_t surname, named, first; /* S_get of "s:", "n:", "f:" the word */
  uint32_t gen;                  /* S_res.gen when named was looked up */
} S_word;

typedef struct {
  ds_ent_ctx *c;
  ds_article *a;
  ds_map keys;           /* "p:name", "n:name", "s:surname" -> entity + 1 */
  ds_buf kb;             /* key scratch, reused */
  DS_VEC(S_ex) ex;
  DS_VEC(S_word) words;  /* of the words met as lone names (ds_ent_capword.res) */
  uint32_t gen;          /* name keys made for lone names not noted */
  uint32_t descs;        /* descriptions resolved so far */
} S_res;

/* Copies n bytes with ASCII lower-cased, eight at a time (the last eight, or for a
 * short name its first and last four, overlapping); false when s is not all ASCII
 * (dst then holds part of it). dst has room for n + 8 bytes. */
static bool S_lower_ascii(char *dst, const char *s, size_t n) {
  uint64_t v, any = 0;
  if (n >= 8) {
    for (size_t i = 0; i < n; i += 8) {
      size_t at = i + 8 <= n ? i : n - 8;
      memcpy(&v, s + at, 8);
      any |= v, v = ds_lower8(v);
      memcpy(dst + at, &v, 8);
    }
  } else if (n >= 4) {
    uint32_t lo, hi;
    memcpy(&lo, s, 4), memcpy(&hi, s + n - 4, 4);
    any = v = lo | (uint64_t)hi << 32, v = ds_lower8(v);
    lo = (uint32_t)v, hi = (uint32_t)(v >> 32);
    memcpy(dst + n - 4, &hi, 4), memcpy(dst, &lo, 4);
  } else {
    for (size_t i = 0; i < n; i++) {
      unsigned char ch = (unsigned char)s[i];
      any |= ch, dst[i] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    }
  }
  return !(any & 0x8080808080808080ull);
}

static const char *S_key(S_res *r, char prefix, const char *s, size_t n) {
  ds_buf *b = &r->kb;
  b->len = 0;
  ds_buf_reserve(b, n + 10);
  b->ptr[0] = prefix, b->ptr[1] = ':';
  if (S_lower_ascii(b->ptr + 2, s, n)) { /* most names: fold is plain lower case */
    b->len = n + 2, b->ptr[b->len] = '\0';
  } else {
    b->len = 2;
    ds_utf8_fold(b, s, n);
  }
  return b->ptr;
}

/* The entity under the key, -1 when none; -2 when the key was voided (ambiguous). */
static int32_t S_get_any(S_res *r, char prefix, const char *s) {
  if (!s) return (int32_t)(r->kb.len = 0) - 1;
  S_key(r, prefix, s, strlen(s));
  const ds_map_slot *slot = ds_map_get(&r->keys, r->kb.ptr, r->kb.len);
  return !slot ? -1 : slot->value ? (int32_t)slot->value - 1 : -2;
}

static int32_t S_get(S_res *r, char prefix, const char *s) {
  int32_t e = S_get_any(r, prefix, s);
  return e >= 0 ? e : -1;
}

/* S_get_any of the name last looked up (still in the key buffer) under another prefix:
 * no second fold. */
static int32_t S_get_again(S_res *r, char prefix) {
  if (r->kb.len < 2) return -1; /* the last name was NULL */
  r->kb.ptr[0] = prefix;
  const ds_map_slot *slot = ds_map_get(&r->keys, r->kb.ptr, r->kb.len);
  return !slot ? -1 : slot->value ? (int32_t)slot->value - 1 : -2;
}

static int32_t S_again(S_res *r, char prefix) {
  int32_t e = S_get_again(r, prefix);
  return e >= 0 ? e : -1;
}

/* Maps the name last looked up (still in the key buffer), under prefix, to e unless
 * the key already names an entity; returns the holder. */
static int32_t S_put_again(S_res *r, char prefix, int32_t e) {
  r->kb.ptr[0] = prefix;
  bool inserted;
  ds_map_slot *slot = ds_map_upsert(&r->keys, r->kb.ptr, r->kb.len, &inserted);
  if (inserted) slot->value = (uint64_t)e + 1;
  return (int32_t)slot->value - 1;
}

/* Maps the key to e unless it already names an entity; returns the holder. */
static int32_t S_put(S_res *r, char prefix, const char *s, size_t n, int32_t e) {
  S_key(r, prefix, s, n);
  return S_put_again(r, prefix, e);
}

static char S_prefix(ds_ent_type type) { return type == DS_ENT_PERSON ? 'p' : 'n'; }

/* A new entity named name, with no key yet. */
static int32_t S_entity(S_res *r, const char *name, ds_ent_type type, const char *role,
                        uint32_t pos) {
  ds_article *a = r->a;
  int32_t e = (int32_t)a->entities.len;
  ds_entity *en = DS_PUSH(&a->arena, &a->entities);
  memset(en, 0, sizeof *en);
  en->name = ds_arena_strdup(&a->arena, name);
  en->role = role;
  en->type = type;
  en->global = -1;
  S_ex *x = DS_PUSH(&r->c->tmp, &r->ex);
  memset(x, 0, sizeof *x);
  x->first_pos = pos, x->last_pos = -1, x->next_surname = -1;
  return e;
}

/* A new entity and its name key. */
static int32_t S_new(S_res *r, const char *name, ds_ent_type type, const char *role,
                     uint32_t pos) {
  int32_t e = S_entity(r, name, type, role, pos);
  S_put(r, S_prefix(type), name, strlen(name), e);
  return e;
}

/* S_new of the name just looked up in vain (its key is in the buffer): no second fold. */
static int32_t S_new_again(S_res *r, const char *name, ds_ent_type type, uint32_t pos) {
  int32_t e = S_entity(r, name, type, NULL, pos);
  S_put_again(r, S_prefix(type), e);
  return e;
}

static void S_alias(S_res *r, int32_t e, const char *s) {
  ds_entity *en = &r->a->entities.items[e];
  if (s && (*s | 0x20) == 't' && strncasecmp(s, "the ", 4) == 0)
    s += 4; /* "The Kremlin" is no other spelling */
  if (!s || strcmp(s, en->name) == 0) return;
  S_ex *x = &r->ex.items[e];
  for (size_t i = 0; i < x->aliases.len; i++)
    if (strcmp(x->aliases.items[i], s) == 0) return;
  if (x->aliases.len < DS_ENT_MAX_ALIASES)
    *DS_PUSH(&r->c->tmp, &x->aliases) = ds_arena_strdup(&r->a->arena, s);
}

/* Surname keys of a person's name tokens: the last token; also a short first token
 * (family name first: Kim Jong Un, Xi Jinping). */
static void S_surnames(S_res *r, const ds_ent_cand *x, int32_t e) {
  for (int pass = 0; pass < 2; pass++) {
    uint32_t i = pass == 0 ? x->tok_end - 1 : x->tok;
    if (pass == 1 && x->tok_end - x->tok < 3 && ds_ent_core_len(r->c, i) > 3) break;
    if (pass == 1 && x->tok_end - x->tok < 2) break;
    uint32_t n;
    const char *s = ds_ent_tok(r->c, i, &n);
    int32_t h = S_put(r, 's', s, ds_ent_core_len(r->c, i), e);
    for (int n = 0; h != e && r->ex.items[h].next_surname >= 0; n++) {
      if (n >= DS_ENT_MAX_SURNAME_CHAIN) return;
      h = r->ex.items[h].next_surname;
    }
    if (h != e) r->ex.items[h].next_surname = e;
  }
}

/* A first name alone ("Hillary") may stand for the one person of the article who
 * bears it; when two people share it, it stands for neither (the key is voided). */
static void S_given(S_res *r, const ds_ent_cand *x, int32_t e) {
  if (x->tok_end - x->tok < 2) return;
  uint32_t n;
  const char *s = ds_ent_tok(r->c, x->tok, &n);
  S_key(r, 'f', s, ds_ent_core_len(r->c, x->tok));
  bool inserted;
  ds_map_slot *slot = ds_map_upsert(&r->keys, r->kb.ptr, r->kb.len, &inserted);
  if (inserted) slot->value = (uint64_t)e + 1;
  else if (slot->value != (uint64_t)e + 1) slot->value = 0;
}

/* The person a bare surname at pos means, of those bearing it from e on (the
 * surname key's entity): the bearer mentioned last before pos, else the first. */
static int32_t S_bearer(S_res *r, int32_t e, uint32_t pos) {
  int32_t best = e;
  for (; e >= 0; e = r->ex.items[e].next_surname) {
    int64_t lp = r->ex.items[e].last_pos;
    int64_t bp = r->ex.items[best].last_pos;
    if (lp >= 0 && lp < pos && (bp >= pos || lp > bp))
      best = e;
  }
  return best;
}

static int32_t S_surname(S_res *r, const char *s, uint32_t pos) {
  return S_bearer(r, S_get(r, 's', s), pos);
}

static void S_set_role(S_res *r, int32_t e, const char *role) {
  if (role && !r->a->entities.items[e].role) r->a->entities.items[e].role = role;
}

/* A person candidate one word longer than a known full name ("Crooked Hillary
 * Clinton", "Hillary Clinton Speaks") is that person, the extra word dropped. */
static void S_trim_person(S_res *r, ds_ent_cand *x) {
  if (x->tok_end - x->tok < 3) return;
  for (int side = 0; side < 2; side++) {
    uint32_t i = x->tok + (side == 0), j = x->tok_end - (side == 1);
    char *name = ds_ent_join(r->c, &r->c->tmp, i, j);
    int32_t e = S_get(r, 'p', name);
    if (e < 0 || e == x->entity || r->a->entities.items[e].n_mentions == 0) continue;
    x->tok = i, x->tok_end = j, x->entity = e, x->name = x->surface = name;
    x->start = r->c->t[i].start;
    x->end = r->c->t[j - 1].start + ds_ent_core_len(r->c, j - 1);
    return;
  }
}

/* Step 1: full personal names and list names. Persons are made in two passes so a
 * longer candidate can fall back on a name seen anywhere; n_mentions counts the
 * candidates meanwhile and is reset before the mentions are emitted. */
static void S_strong(S_res *r) {
  ds_ent_cand *cands = r->c->cands.items;
  size_t n = r->c->cands.len;
  for (size_t i = 0; i < n; i++) {
    ds_ent_cand *x = &cands[i];
    if (x->weak || x->kind != DS_EC_PERSON) continue;
    int32_t e = S_get(r, 'p', x->name);
    if (e < 0) e = S_new_again(r, x->name, DS_ENT_PERSON, x->start);
    x->entity = e;
    r->a->entities.items[e].n_mentions++;
  }
  for (size_t i = 0; i < n; i++)
    if (!cands[i].weak && cands[i].kind == DS_EC_PERSON) S_trim_person(r, &cands[i]);
  for (size_t e = 0; e < r->a->entities.len; e++) r->a->entities.items[e].n_mentions = 0;
  for (size_t i = 0; i < n; i++) {
    ds_ent_cand *x = &cands[i];
    if (x->weak) continue;
    if (x->kind == DS_EC_PERSON) {
      S_set_role(r, x->entity, x->role);
      S_surnames(r, x, x->entity);
      S_given(r, x, x->entity);
    } else if (x->kind == DS_EC_NAMED) {
      int32_t e = S_get_any(r, 'n', x->surface);
      bool keyed = e != -1; /* the surface has a key already (a repeat): S_put keeps it */
      if (e < 0) e = S_get(r, 'n', x->name);
      if (e < 0) e = S_new_again(r, x->name, (ds_ent_type)x->type, x->start);
      if (!keyed) S_put(r, 'n', x->surface, strlen(x->surface), e);
      if (x->alias) S_put(r, 'n', x->alias, strlen(x->alias), e), S_alias(r, e, x->alias);
      x->entity = e;
    }
  }
}

/* A lone word the article also writes as a place ("in Radan", "the Radan region"). */
static bool S_placed(const ds_ent_cand *x) {
  return x->kind == DS_EC_SINGLE && ((x->flags & DS_ES_PLACE) || ((x->flags & DS_ES_LOC) && !(x->flags & DS_ES_START)));
}

/* Step 2: single names that are surely people ("President Putin", "Kirby said"). A
 * speech verb alone does not make a person of a word the article also writes as a
 * place: a capital stands for its government ("a charge Radan denied"). */
static void S_titled(S_res *r) {
  for (size_t i = 0; i < r->c->cands.len; i++)
    if (S_placed(&r->c->cands.items[i])) S_put(r, 'l', r->c->cands.items[i].name, strlen(r->c->cands.items[i].name), 0);
  for (size_t i = 0; i < r->c->cands.len; i++) {
    ds_ent_cand *x = &r->c->cands.items[i];
    if (x->kind != DS_EC_SINGLE || !(x->flags & (DS_ES_TITLED | DS_ES_CUE))) continue;
    if (!(x->flags & DS_ES_TITLED) && S_get(r, 'l', x->name) >= 0) continue;
    /* a known surname is resolved in text order, to its most recent bearer */
    if (S_get(r, 's', x->name) >= 0 || S_again(r, 'n') >= 0 ||
        S_get_again(r, 'f') != -1) /* a first name: its bearer, or nobody */
      continue;
    if (x->weak || (x->flags & DS_ES_UPPER)) continue;
    int32_t e = S_new(r, x->name, DS_ENT_PERSON, x->role, x->start);
    S_surnames(r, x, e);
    x->entity = e;
  }
}

/* Case-insensitive whole-word search (ASCII folding: role words are English). */
static bool S_has_word(const char *hay, const char *w) {
  size_t n = strlen(w);
  if (!hay || !n) return false;
  char w0 = (char)(*w | 0x20); /* a word whose first byte differs in any case is no match */
  for (const char *p = hay; *p; p++) {
    if ((p != hay && p[-1] != ' ' && p[-1] != '-') || (*p | 0x20) != w0) continue;
    if (strncasecmp(p, w, n) == 0 && (p[n] == 0 || p[n] == ' ' || p[n] == '\'' || p[n] == '-'))
      return true;
  }
  return false;
}

/* Capitalised words of a description ("the Ukrainian president", "the National
 * Security Council") that the role or name must contain for it to be the referent. */
static bool S_desc_fits(const S_res *r, const ds_ent_cand *x, const char *role) {
  for (uint32_t i = x->tok + 1; i < x->tok_end; i++) {
    if (!ds_ent_is_cap(r->c, i)) continue;
    uint32_t n;
    const char *s = ds_ent_tok(r->c, i, &n);
    char w[DS_ENT_MAX_KEY];
    if (n >= sizeof w) return false;
    memcpy(w, s, n), w[n] = 0;
    if (!S_has_word(x->head, w) && !S_has_word(role, w)) return false;
  }
  return true;
}

/* The entity a description refers back to, or -1. */
static int32_t S_desc(S_res *r, const ds_ent_cand *x) {
  const ds_article *a = r->a;
  size_t lo = a->mentions.len > DS_ENT_LOOKBACK ? a->mentions.len - DS_ENT_LOOKBACK : 0;
  uint32_t desc = ++r->descs;
  for (size_t m = a->mentions.len; m-- > lo;) {
    int32_t e = a->mentions.items[m].entity;
    const ds_entity *en = &a->entities.items[e];
    /* an entity mentioned again says the same: each is tried once */
    if ((uint8_t)en->type != x->type || r->ex.items[e].desc_tried == desc) continue;
    r->ex.items[e].desc_tried = desc;
    const char *hay = x->type == DS_ENT_PERSON ? en->role : en->name;
    if (S_has_word(hay, x->head) && S_desc_fits(r, x, hay)) return e;
  }
  return -1;
}

static bool S_ascii(const char *s) {
  size_t n = strlen(s);
  return ds_scan_non_ascii(s, 0, n) == n; /* a name holds no NUL */
}

/* The note on x's word (its name is the word's core), made at its first lone
 * mention; NULL for a word not noted. */
static S_word *S_noted(S_res *r, const ds_ent_cand *x) {
  const ds_ent_ctx *c = r->c;
  const ds_ent_memo *mo = &c->memo[x->tok];
  if (!(mo->done & DS_ENT_IN_CAPS) || ds_ent_core_len(c, x->tok) + 1 >= DS_ENT_MAX_KEY)
    return NULL;
  ds_ent_capword *cw = &c->caps[mo->h];
  if (cw->res) return &r->words.items[cw->res - 1];
  if (!S_ascii(x->name)) return NULL;
  S_word *w = DS_PUSH(&r->c->tmp, &r->words);
  cw->res = (uint32_t)r->words.len;
  w->surname = INT32_MIN; /* not looked up yet */
  return w;
}

/* The keys of x's word: its note, or *own looked up afresh. */
static S_word *S_word_of(S_res *r, const ds_ent_cand *x, S_word *own) {
  S_word *w = S_noted(r, x);
  if (!w) w = own, w->surname = INT32_MIN;
  if (w->surname == INT32_MIN) {
    w->surname = S_get(r, 's', x->name); /* leaves "s:name" in the key buffer */
    w->named = S_again(r, 'n');
    w->first = S_again(r, 'f');
    w->gen = r->gen;
  } else if (w->gen != r->gen) {
    w->named = S_get(r, 'n', x->name), w->gen = r->gen;
  }
  return w;
}

/* What a lone capitalised word is, by its context; -1 to drop it. */
static int32_t S_single(S_res *r, const ds_ent_cand *x) {
  S_word own, *w = S_word_of(r, x, &own);
  int32_t e = S_bearer(r, w->surname, x->start);
  if (e < 0) e = w->named;
  if (e < 0 && !(x->flags & DS_ES_UPPER)) e = w->first;
  if (e >= 0 || x->weak) return e;
  uint32_t n = (uint32_t)strlen(x->name);
  if ((x->flags & DS_ES_UPPER) && n >= 2 && n <= 6 && !(x->flags & DS_ES_START))
    e = S_new(r, x->name, DS_ENT_ORG, NULL, x->start);
  else if ((x->flags & DS_ES_PLACE) || ((x->flags & DS_ES_LOC) && !(x->flags & DS_ES_START)))
    e = S_new(r, x->name, DS_ENT_PLACE, NULL, x->start);
  else
    return -1;
  if (w == &own) r->gen++; /* a noted word may share the new name key */
  else w->named = e;
  return e;
}

/* A weak (headline) candidate links to an entity found elsewhere, token by token. */
static int32_t S_weak(S_res *r, ds_ent_cand *x) {
  int32_t e = S_get(r, x->kind == DS_EC_NAMED ? 'n' : 'p', x->name);
  if (e >= 0 || x->kind == DS_EC_NAMED) return e;
  for (uint32_t i = x->tok; i < x->tok_end; i++) {
    uint32_t n;
    const char *s = ds_ent_tok(r->c, i, &n);
    char w[DS_ENT_MAX_KEY];
    n = ds_ent_core_len(r->c, i);
    if (n >= sizeof w) continue;
    memcpy(w, s, n), w[n] = 0;
    if ((e = S_surname(r, w, x->start)) >= 0) {
      x->start = r->c->t[i].start, x->end = x->start + n, x->surface = NULL;
      return e;
    }
  }
  return -1;
}

static void S_emit(S_res *r, const ds_ent_cand *x, int32_t e) {
  ds_article *a = r->a;
  ds_mention *m = DS_PUSH(&a->arena, &a->mentions);
  *m = (ds_mention){.start = x->start, .end = x->end, .entity = e, .sentence = x->sentence,
                    .in_quote = x->in_quote};
  a->entities.items[e].n_mentions++;
  r->ex.items[e].last_pos = x->start;
  if (x->kind != DS_EC_DESC) S_alias(r, e, x->surface);
  S_set_role(r, e, x->role);
}

/* x comes before y: mentions in text order, the longer first at one start. */
static bool S_before(const ds_ent_cand *x, const ds_ent_cand *y) {
  return x->start != y->start ? x->start < y->start : x->end > y->end;
}

/* The candidates' indexes in mention order. They come nearly in that order (sentence
 * by sentence), so an insertion sort, stable, costs little more than one pass. */
static uint32_t *S_order(ds_ent_ctx *c) {
  const ds_ent_cand *x = c->cands.items;
  uint32_t n = (uint32_t)c->cands.len, *ix = DS_NEW(&c->tmp, uint32_t, n + 1);
  for (uint32_t i = 0; i < n; i++) {
    uint32_t j = i;
    for (; j > 0 && S_before(&x[i], &x[ix[j - 1]]); j--) ix[j] = ix[j - 1];
    ix[j] = i;
  }
  return ix;
}

/* Step 3: mentions in text order, never overlapping. */
static void S_mentions(S_res *r) {
  ds_ent_ctx *c = r->c;
  const uint32_t *ix = S_order(c);
  uint32_t last_end = 0;
  for (size_t i = 0; i < c->cands.len; i++) {
    ds_ent_cand *x = &c->cands.items[ix[i]];
    if (x->start < last_end) continue;
    int32_t e = x->entity;
    if (e < 0 && x->weak) e = S_weak(r, x);
    else if (e < 0 && x->kind == DS_EC_SINGLE) e = S_single(r, x);
    else if (e < 0 && x->kind == DS_EC_DESC) e = S_desc(r, x);
    if (e < 0) continue;
    S_emit(r, x, e);
    last_end = x->end;
  }
}

/* Drops entities left with no mention (their candidate lost to an overlapping one)
 * and fixes the aliases in place. */
static void S_finish(S_res *r) {
  ds_article *a = r->a;
  int32_t *remap = DS_NEW(&r->c->tmp, int32_t, a->entities.len + 1);
  size_t kept = 0;
  for (size_t e = 0; e < a->entities.len; e++) {
    ds_entity *en = &a->entities.items[e];
    S_ex *x = &r->ex.items[e];
    remap[e] = -1;
    if (!en->n_mentions) continue;
    en->n_aliases = (uint32_t)x->aliases.len;
    en->aliases = DS_NEW(&a->arena, const char *, x->aliases.len + 1);
    if (x->aliases.len)
      memcpy(en->aliases, x->aliases.items, x->aliases.len * sizeof *en->aliases);
    remap[e] = (int32_t)kept;
    a->entities.items[kept++] = *en;
  }
  a->entities.len = kept;
  for (size_t m = 0; m < a->mentions.len; m++)
    a->mentions.items[m].entity = remap[a->mentions.items[m].entity];
}

void ds_ent_resolve(ds_ent_ctx *c) {
  S_res r = {.c = c, .a = c->a, .kb = DS_BUF_INIT};
  ds_article *a = c->a;
  /* at most one mention per candidate, and news text makes about one entity for
   * three (room for one for two): sized once, each written when pushed, rather than
   * grown from a few by doubling */
  if (a->mentions.cap < c->cands.len) {
    a->mentions.items = ds_arena_alloc_raw(&a->arena, c->cands.len * sizeof *a->mentions.items);
    a->mentions.cap = c->cands.len;
  }
  size_t ents = c->cands.len / 2 + 1;
  if (a->entities.cap < ents) {
    a->entities.items = ds_arena_alloc_raw(&a->arena, ents * sizeof *a->entities.items);
    a->entities.cap = ents;
  }
  r.ex.items = ds_arena_alloc_raw(&c->tmp, ents * sizeof *r.ex.items);
  r.ex.cap = ents;
  ds_map_init(&r.keys);
  /* news text makes about one key for two candidates (0.62 on average): sized once,
   * the table is not rehashed from 32 keys up for most articles */
  ds_map_reserve(&r.keys, (c->cands.len + 1) / 2);
  S_strong(&r);
  S_titled(&r);
  S_mentions(&r);
  S_finish(&r);
  ds_map_free(&r.keys);
  ds_buf_free(&r.kb);
}
