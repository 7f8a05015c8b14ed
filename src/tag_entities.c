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
 * Speed: the word lists are merged once per process into one table whose entries say
 * what every list holds for a key (and which keys begin a multi-word entry,
 * tag_entities_lists.c); a word is hashed, cheaply, when first asked about, and that
 * one probe answers for every list; other answers are memoised per token when first
 * asked for, so most lower-case words are never hashed at all. Capitalised words,
 * which every step asks about, go in a per-article set while classifying: a word's
 * repeats (same core in any case) share one list lookup, the digit and hyphen answers
 * and one slot, by which the resolver notes what its keys say of it as a lone name. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tag_entities_priv.h"

/* Sketch filter of the capitalised words, log2 of its bits: eight per capitalised
 * word of a long article, so few lower-case words pass it for nothing. */
#define DS_ENT_CAPS_FILTER_LOG2 12
/* Bytes of scratch strings carved from one allocation of the scratch arena. */
#define DS_ENT_POOL_CHUNK 4096
/* Candidates beyond one per capitalised word we make room for at once (descriptions
 * such as "the spokesman"). */
#define DS_ENT_CANDS_SLACK 64

/* The entry for key (any case), or NULL. */
static const ds_ent_entry *S_lookup(const ds_ent_ctx *c, const char *key, size_t n) {
  return ds_ent_find(c->L, key, n, ds_hash_word_lower(key, n));
}

const char *ds_ent_lex(const ds_ent_ctx *c, ds_ent_list l, const char *s, size_t n) {
  const ds_ent_entry *e = S_lookup(c, s, n);
  return e && (e->in >> l & 1) ? e->val[l] : NULL;
}

bool ds_ent_has(const ds_ent_ctx *c, ds_ent_list l, const char *s, size_t n) {
  return ds_ent_lex(c, l, s, n) != NULL;
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


static bool S_is_lower_word(const ds_ent_ctx *c, uint32_t i) {
  char ch = c->a->body[c->t[i].start];
  return c->t[i].kind == DS_TOK_WORD && ch >= 'a' && ch <= 'z';
}

/* Word tokens i and j have the same core in any ASCII case. */
static bool S_same_core(const ds_ent_ctx *c, uint32_t i, uint32_t j) {
  uint32_t n = ds_ent_core_len(c, i);
  return n == ds_ent_core_len(c, j) &&
         ds_ent_eq_fold(c->a->body + c->t[i].start, c->a->body + c->t[j].start, n);
}

#define S_CAP_LOWER 0x80000000u /* ds_ent_capword.tok: written in lower case too */

/* The slot of word token i's core in the set of capitalised words (empty: tok 0). */
static inline ds_ent_capword *S_cap_slot(const ds_ent_ctx *c, uint32_t i) {
  uint32_t h = c->memo[i].h, k = h & c->caps_mask;
  for (ds_ent_capword *w; (w = &c->caps[k])->tok; k = (k + 1) & c->caps_mask)
    if (w->h == h && S_same_core(c, (w->tok & ~S_CAP_LOWER) - 1, i)) return w;
  return &c->caps[k];
}

/* A sketch of a word's core in any case (first and last byte, length), for the
 * filter that spares most lower-case words a hash: its top bits index a bitmap. */
static uint32_t S_sketch(const unsigned char *s, uint32_t n) {
  uint32_t b0 = s[0] | 0x20u, b1 = s[n - 1] | 0x20u; /* A-Z as a-z; others may mix */
  return (b0 | b1 << 8 | n << 16) * 0x9E3779B1u >> (32 - DS_ENT_CAPS_FILTER_LOG2);
}

/* Up to eight bytes of s (n of them) in one word: all of them when n <= 8 (first and
 * last four, overlapping, or first, middle and last), else the first eight; zero
 * bytes fill the rest. Never reads past s + n. */
static uint64_t S_bytes8(const unsigned char *s, uint32_t n) {
  uint32_t a, b;
  if (n >= 4) {
    __builtin_memcpy(&a, s, 4), __builtin_memcpy(&b, s + (n < 8 ? n - 4 : 4), 4);
    return a | (uint64_t)b << 32;
  }
  return s[0] | (uint32_t)s[n >> 1] << 8 | (uint32_t)s[n - 1] << 16;
}

#define S_ONES 0x0101010101010101ull
/* x has a byte equal to ch. */
static bool S_has_byte(uint64_t x, unsigned char ch) {
  uint64_t v = x ^ (S_ONES * ch);
  return ((v - S_ONES) & ~v & (S_ONES << 7)) != 0;
}
/* x has an ASCII digit byte (bit-twiddling "hasbetween", bytes above 127 excluded). */
static bool S_has_digit(uint64_t x) {
  uint64_t low = x & (S_ONES * 127);
  return ((S_ONES * (127 + ':') - low) & ~x & (low + S_ONES * (127 - '/')) & (S_ONES << 7)) != 0;
}

/* The features S_cap_feats answers. */
#define S_CAP_FEATS (1u << DS_EF_DIGIT | 1u << DS_EF_HYPHEN_KNOWN)

/* Answers two features of a word that does not start in lower case, from its core in
 * one pass, eight bytes at a time: DS_EF_DIGIT, and DS_EF_HYPHEN_KNOWN when it has
 * no hyphen (a possessive ending holds neither, so the core answers for the word, and
 * for its repeats in any case). Other words ("al-Assad") are answered when asked. */
static void S_cap_feats(const char *s, uint32_t n, ds_ent_memo *mo) {
  const unsigned char *p = (const unsigned char *)s;
  bool digit = false, hyphen = false;
  for (uint32_t x = 0; x < n; x += 8) {
    uint64_t v = S_bytes8(p + x, n - x);
    digit |= S_has_digit(v), hyphen |= S_has_byte(v, '-');
  }
  mo->asked |= 1u << DS_EF_DIGIT | (hyphen ? 0 : 1u << DS_EF_HYPHEN_KNOWN);
  mo->is |= digit ? 1u << DS_EF_DIGIT : 0;
}

/* A word token's memo: possessive, capital, and for now the sketch in h; its list
 * entry is looked up when first asked for (most lower-case words never are). Returns
 * whether the word starts in lower case. */
static bool S_word(const ds_ent_ctx *c, const char *s, uint32_t n, uint16_t flags,
                   ds_ent_memo *mo) {
  uint8_t poss = S_poss_len(s, n);
  bool cap = (flags & (DS_TF_CAP | DS_TF_UPPER)) || S_particle_cap(c, s, n);
  mo->poss = poss, mo->cap = cap;
  mo->ent = &ds_ent_unlooked;
  mo->h = S_sketch((const unsigned char *)s, n - poss);
  mo->done = cap ? 0 : DS_ENT_DONE_KNOWN; /* a list name starts with a capital */
  return s[0] >= 'a' && s[0] <= 'z';
}

const ds_ent_entry *ds_ent_look(const ds_ent_ctx *c, uint32_t i) {
  uint32_t n = ds_ent_core_len(c, i);
  const char *s = c->a->body + c->t[i].start;
  return c->memo[i].ent = ds_ent_find(c->L, s, n, ds_hash_word_lower(s, n));
}

static uint32_t S_core_hash(const ds_ent_ctx *c, uint32_t i) {
  return (uint32_t)ds_hash_word_lower(c->a->body + c->t[i].start, ds_ent_core_len(c, i));
}

/* Quote depth: a mention inside a quotation is not a candidate speaker. Depth
 * restarts at each paragraph, because a quote running over paragraphs repeats its
 * opening mark. */
static bool S_in_quote(const ds_token *t, int *depth) {
  if (t->flags & DS_TF_PARA_START) *depth = 0;
  if (t->kind != DS_TOK_QUOTE) return *depth > 0; /* most tokens: one test */
  if (t->flags & DS_TF_OPEN) *depth = 1;
  else if (t->flags & DS_TF_CLOSE) *depth = 0;
  return false;
}

/* Word token i is in no list and no longer key can start at it (no possessive,
 * nothing glued on): it is no list name and starts no title, and with no digit or
 * hyphen in it, a name token. Most capitalised words (names) are such, and get these
 * answers here rather than when first asked (ds_ent_memo.done bits, 0 for others). */
static uint8_t S_alone(const ds_ent_ctx *c, uint32_t i) {
  const ds_ent_memo *mo = &c->memo[i];
  if (mo->ent || mo->poss) return 0;
  if (i + 1 < c->ntok && !(c->t[i + 1].flags & DS_TF_SPACE_BEFORE) &&
      c->t[i + 1].kind == DS_TOK_WORD)
    return 0;
  bool plain = (mo->asked & S_CAP_FEATS) == S_CAP_FEATS && !(mo->is & S_CAP_FEATS);
  return DS_ENT_DONE_KNOWN | DS_ENT_DONE_TITLE | (plain ? DS_ENT_DONE_NAME | DS_ENT_IS_NAME : 0);
}

/* Puts word token i (not in lower case) in the set of capitalised words: its list
 * entry, digit and hyphen features are computed for the first of its repeats and
 * shared by the others (every capitalised word is asked about). Returns whether it
 * was new. */
static bool S_cap_word(ds_ent_ctx *c, uint32_t i) {
  ds_ent_memo *mo = &c->memo[i];
  uint32_t n = ds_ent_core_len(c, i);
  const char *s = c->a->body + c->t[i].start;
  uint64_t h = ds_hash_word_lower(s, n);
  mo->h = (uint32_t)h;
  ds_ent_capword *w = S_cap_slot(c, i);
  bool fresh = !w->tok;
  if (fresh) {
    w->h = (uint32_t)h, w->tok = i + 1, mo->ent = ds_ent_find(c->L, s, n, h);
    S_cap_feats(s, n, mo);
  } else {
    const ds_ent_memo *first = &c->memo[(w->tok & ~S_CAP_LOWER) - 1];
    mo->ent = first->ent;
    mo->asked |= first->asked & S_CAP_FEATS, mo->is |= first->is & S_CAP_FEATS;
  }
  mo->h = (uint32_t)(w - c->caps), mo->done |= DS_ENT_IN_CAPS;
  mo->done |= S_alone(c, i);
  return fresh;
}

/* The capitalised words go in a set, and each lower-case word that passes the sketch
 * filter marks its capitalised twin: a capitalised sentence opener that the article
 * also writes in lower case ("Commenting", "Amid") is known not to be a name. */
static void S_twins(ds_ent_ctx *c, const uint32_t *idx, uint32_t ncap, uint32_t nlow) {
  uint32_t size = 16;
  while (size < ncap + ncap / 2) size *= 2; /* load under 2/3, about 1/3 with repeats */
  c->caps = DS_NEW(&c->tmp, ds_ent_capword, size);
  c->caps_mask = size - 1;
  uint64_t sketch[(1u << DS_ENT_CAPS_FILTER_LOG2) / 64] = {0};
  /* distinct capitalised words per sketch bit not yet marked (saturating): a bit is
   * cleared when all are, so the repeats of "the" after "The" cost no hash */
  uint16_t unmarked[1u << DS_ENT_CAPS_FILTER_LOG2] = {0};
  for (uint32_t k = 0; k < ncap; k++) {
    uint32_t i = idx[k], b = c->memo[i].h; /* the sketch, before the slot replaces it */
    if (S_cap_word(c, i)) unmarked[b] += unmarked[b] != UINT16_MAX;
    sketch[b >> 6] |= 1ull << (b & 63);
  }
  for (uint32_t k = c->ntok - nlow; k < c->ntok; k++) {
    uint32_t i = idx[k], b = c->memo[i].h;
    if (!(sketch[b >> 6] >> (b & 63) & 1)) continue;
    c->memo[i].h = S_core_hash(c, i);
    ds_ent_capword *w = S_cap_slot(c, i);
    if (!w->tok || (w->tok & S_CAP_LOWER)) continue;
    w->tok |= S_CAP_LOWER; /* its twin has the same sketch */
    if (unmarked[b] != UINT16_MAX && !--unmarked[b]) sketch[b >> 6] &= ~(1ull << (b & 63));
  }
}

/* One pass over the tokens fills the memos, then S_twins. idx: room for ntok.
 * Returns the number of capitalised words. */
static uint32_t S_classify(ds_ent_ctx *c, uint32_t *idx) {
  /* in locals: the loop's rare calls would make the compiler reload c's fields */
  uint32_t ncap = 0, nlow = 0, ntok = c->ntok, nthes = 0, *thes = c->thes;
  const ds_token *t = c->t;
  const char *body = c->a->body;
  ds_ent_memo *memo = c->memo;
  int depth = 0;
  for (uint32_t i = 0; i < ntok; i++) {
    ds_ent_memo *mo = &memo[i];
    /* other tokens are no list name and start no title: known and title are none */
    *mo = (ds_ent_memo){.in_quote = S_in_quote(&t[i], &depth),
                        .done = DS_ENT_DONE_KNOWN | DS_ENT_DONE_TITLE};
    if (t[i].kind != DS_TOK_WORD) continue;
    const char *s = body + t[i].start;
    uint32_t n = t[i].end - t[i].start;
    if (n == 3 && (*s | 0x20) == 't') thes[nthes++] = i; /* may be "the": descriptions */
    if (S_word(c, s, n, t[i].flags, mo)) idx[ntok - ++nlow] = i; /* capitalised first */
    else idx[ncap++] = i;
  }
  c->nthes = nthes;
  memo[ntok] = (ds_ent_memo){0};
  S_twins(c, idx, ncap, nlow);
  return ncap;
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
    return S_is_lower_word(c, i) ||
           ((c->memo[i].done & DS_ENT_IN_CAPS) && (c->caps[c->memo[i].h].tok & S_CAP_LOWER));
  case DS_EF_DIGIT: return S_digit(s, n);
  default: return S_hyphen_known(c, s, core);
  }
}

bool ds_ent_feat_compute(const ds_ent_ctx *c, uint32_t i, uint32_t f) {
  ds_ent_memo *mo = &c->memo[i];
  mo->asked |= (uint16_t)(1u << f);
  if (S_feat_compute(c, i, f)) mo->is |= (uint16_t)(1u << f);
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
  return c->memo[x].poss ? S_lookup(c, key, n) : core;
}

/* got[l], k[l] = e, m tokens, for each list l in the bits `lists`. */
static void S_take(const ds_ent_entry *e, uint32_t lists, uint32_t m, const ds_ent_entry **got,
                   uint32_t *k) {
  for (; lists; lists &= lists - 1) {
    uint32_t l = (uint32_t)__builtin_ctz(lists);
    got[l] = e, k[l] = m;
  }
}

/* Grows a key token by token and matches it against the lists of `want` at once: one
 * lookup per length, and a list drops out where no entry of it starts with the key
 * so far. The last token is matched without its possessive, inner ones with it
 * ("People's"). */
void ds_ent_match_lists(const ds_ent_ctx *c, uint32_t want, uint32_t i, uint32_t max,
                        const ds_ent_entry **got, uint32_t *k) {
  for (uint32_t w = want; w; w &= w - 1) got[__builtin_ctz(w)] = NULL, k[__builtin_ctz(w)] = 0;
  if (!max || i >= c->sent_end || c->t[i].kind != DS_TOK_WORD) return;
  const ds_ent_entry *e = ds_ent_entry_of(c, i);
  if (e) S_take(e, e->in & want, 1, got, k);
  if (!ds_ent_may_match(c, i, e ? e->prefix & want : 0)) return; /* most tokens */
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
    alive &= m <= DS_ENT_MAX_LIST_TOKENS ? c->L->lists_with[m] : 0;
    if (space) alive &= pre ? pre->prefix : 0;
    if (!alive || n + space + len + 1 >= DS_ENT_MAX_KEY) break;
    if (space) key[n++] = ' ';
    memcpy(key + n, s, len);
    e = S_lookup(c, key, n + ds_ent_core_len(c, x));
    n += len;
    pre = S_full_entry(c, key, n, x, e);
    /* a list name ends in a capitalised word; a title may end in any */
    uint32_t ends = ds_ent_is_cap(c, x) ? alive : alive & 1u << DS_EL_TITLES;
    if (e) S_take(e, e->in & ends, m, got, k);
  }
}

const char *ds_ent_list_match(const ds_ent_ctx *c, ds_ent_list list, uint32_t i, uint32_t max,
                              uint32_t *k) {
  const ds_ent_entry *e[DS_EL_N];
  uint32_t ks[DS_EL_N];
  ds_ent_match_lists(c, 1u << list, i, max, e, ks);
  *k = ks[list];
  return e[list] ? e[list]->val[list] : NULL;
}

/* n bytes of s and a NUL to p; names are short: a few overlapping loads, no call. */
static char *S_copy(char *p, const char *s, size_t n) {
  if (n >= 8 && n <= 16) {
    uint64_t a, b;
    memcpy(&a, s, 8), memcpy(&b, s + n - 8, 8);
    memcpy(p, &a, 8), memcpy(p + n - 8, &b, 8);
  } else if (n >= 4 && n < 8) {
    uint32_t a, b;
    memcpy(&a, s, 4), memcpy(&b, s + n - 4, 4);
    memcpy(p, &a, 4), memcpy(p + n - 4, &b, 4);
  } else if (n > 16) {
    memcpy(p, s, n);
  } else {
    for (size_t x = 0; x < n; x++) p[x] = s[x];
  }
  p[n] = '\0';
  return p;
}

/* A copy of s in ar; scratch strings (the surface of every candidate) are carved from
 * chunks of the scratch arena rather than allocated one by one. */
static char *S_strndup(ds_ent_ctx *c, ds_arena *ar, const char *s, size_t n) {
  if (ar != &c->tmp) return ds_arena_strndup(ar, s, n);
  if ((size_t)(c->pool_end - c->pool) < n + 1) {
    size_t size = n + 1 > DS_ENT_POOL_CHUNK ? n + 1 : DS_ENT_POOL_CHUNK;
    c->pool = ds_arena_alloc_raw(&c->tmp, size);
    c->pool_end = c->pool + size;
  }
  char *p = c->pool;
  c->pool += n + 1;
  return S_copy(p, s, n);
}

/* ds_ent_join of two tokens or more, built in a key buffer first. */
static __attribute__((noinline)) char *S_join_key(ds_ent_ctx *c, ds_arena *ar, uint32_t i,
                                                  uint32_t j) {
  char key[DS_ENT_MAX_KEY];
  size_t klen;
  uint32_t n;
  const char *s = ds_ent_tok(c, i, &n);
  if (!S_key(c, i, j, key, &klen)) return S_strndup(c, ar, s, n);
  return S_strndup(c, ar, key, klen);
}

char *ds_ent_join(ds_ent_ctx *c, ds_arena *ar, uint32_t i, uint32_t j) {
  if (j != i + 1) return S_join_key(c, ar, i, j);
  uint32_t n, core = ds_ent_core_len(c, i);
  const char *s = ds_ent_tok(c, i, &n);
  return S_strndup(c, ar, s, core + 1 < DS_ENT_MAX_KEY ? core : n); /* as S_key */
}

void ds_tag_entities(ds_article *a) {
  a->entities.len = a->mentions.len = 0;
  if (!a->tokens.len) return;
  ds_ent_ctx c = {.a = a, .L = ds_ent_lists_get(), .t = a->tokens.items,
                  .ntok = (uint32_t)a->tokens.len};
  /* once per article, not zeroed: S_classify writes every memo */
  size_t n = c.ntok + 1;
  void *scratch = malloc(n * sizeof *c.memo + 2 * n * sizeof(uint32_t));
  if (!scratch) abort();
  c.memo = scratch;
  c.thes = (uint32_t *)(c.memo + n) + n;
  /* room for the usual candidates, about one per capitalised word, not zeroed (each
   * is written when pushed); more grow into the arena */
  c.cands.cap = S_classify(&c, (uint32_t *)(c.memo + n)) + DS_ENT_CANDS_SLACK;
  void *cands = c.cands.items = malloc(c.cands.cap * sizeof *c.cands.items);
  if (!cands) abort();
  for (uint32_t si = 0; si < a->sentences.len; si++) ds_ent_scan_sentence(&c, si);
  ds_ent_resolve(&c);
  ds_arena_free(&c.tmp);
  free(cands);
  free(scratch);
}
