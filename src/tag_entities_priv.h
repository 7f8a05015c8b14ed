/* Internal to the entity tagger (tag_entities*.c): the scanner turns capitalised runs,
 * list names and descriptions into candidates; the resolver turns candidates into
 * entities and mentions. Candidates live in a scratch arena freed after tagging. */
#ifndef DS_TAG_ENTITIES_PRIV_H
#define DS_TAG_ENTITIES_PRIV_H

#include "corpus.h"
#include "util/hash.h"

/* Longest list entry we try to match, in tokens ("Democratic People's Republic of
 * Korea" is 5); bounds the lookups per token. */
#define DS_ENT_MAX_LIST_TOKENS 6
/* Longest capitalised run we read as names: longer runs are headlines or titles of
 * works, from which only list names and known names are taken. */
#define DS_ENT_MAX_RUN 12
/* Longest personal name (Ursula von der Leyen, Kim Jong Un) in tokens. */
#define DS_ENT_MAX_PERSON_TOKENS 4
/* Longest role phrase before or after a name ("White House national security
 * spokesman"); also bounds how far back we look for it. */
#define DS_ENT_MAX_ROLE_TOKENS 8
/* How many earlier mentions a description ("the spokesman") may look back over. */
#define DS_ENT_LOOKBACK 64
/* Longest lexicon key we build from tokens, in bytes. */
#define DS_ENT_MAX_KEY 200

typedef enum {
  DS_EC_NAMED,  /* a list name or an organisation: name and type are known */
  DS_EC_PERSON, /* two to four name tokens: a person */
  DS_EC_SINGLE, /* one unknown capitalised token: a surname, an acronym, a place? */
  DS_EC_DESC,   /* "the spokesman", "the ministry": refers back to an entity */
} ds_ent_cand_kind;

enum {
  DS_ES_START = 1 << 0,  /* sentence-initial (or after an opening quote or colon) */
  DS_ES_LOC = 1 << 1,    /* after a locative preposition (in, to, from) */
  DS_ES_CUE = 1 << 2,    /* before a speech verb (said, told) */
  DS_ES_POSS = 1 << 3,   /* possessive ('s) */
  DS_ES_UPPER = 1 << 4,  /* an acronym */
  DS_ES_PLACE = 1 << 5,  /* before a place noun (region, oblast) */
  DS_ES_TITLED = 1 << 6, /* after a title or honorific: certainly a person */
};

typedef struct {
  uint32_t start, end;     /* mention span in the body */
  uint32_t tok, tok_end;   /* the name's tokens */
  uint32_t sentence;
  uint8_t kind;            /* ds_ent_cand_kind */
  uint8_t type;            /* ds_ent_type (NAMED, DESC) */
  uint8_t flags;           /* DS_ES_* (SINGLE) */
  bool weak;               /* from a headline: may link to an entity, never creates one */
  bool in_quote;
  const char *name;        /* canonical name (NAMED), the name (PERSON, SINGLE) */
  const char *surface;     /* the text as written, possessive stripped */
  const char *role;        /* role split off, or NULL */
  const char *alias;       /* acronym given in parentheses after it, or NULL */
  const char *head;        /* DESC: the head word(s) as written ("spokesman") */
  int32_t entity;          /* resolver: the entity, or -1 */
} ds_ent_cand;

/* The word lists (data/ent_*.txt). */
typedef enum {
  DS_EL_TITLES, DS_EL_HONORIFICS, DS_EL_COUNTRIES, DS_EL_PLACES, DS_EL_ORG, DS_EL_DEMONYMS,
  DS_EL_STOPCAPS, DS_EL_PARTICLES, DS_EL_CUES, DS_EL_CONTEXT, DS_EL_PLACE_WORDS,
  DS_EL_THING_WORDS, DS_EL_GROUPS, DS_EL_N
} ds_ent_list;

/* One key of the merged word lists: what every list says about it, so a token is
 * looked up once, whatever is asked about it later. */
typedef struct {
  const char *key;          /* lower case */
  uint32_t klen;
  uint16_t in;              /* bit l: an entry of list l */
  uint16_t prefix;          /* bit l: the words before a space in an entry of list l */
  uint16_t org_val;         /* bit l (a list of places): val[l] is an organisation's
                               name too ("European" is the European Union's) */
  const char *val[DS_EL_N]; /* the entry's value in list l ("" none) */
} ds_ent_entry;

typedef struct {
  uint64_t h;              /* ds_hash_word_lower of the key */
  const ds_ent_entry *e;   /* NULL: an empty slot */
} ds_ent_slot;

/* The word lists, merged once per process and read-only after (tag_entities_lists.c). */
typedef struct {
  ds_ent_slot *slots;
  uint32_t mask;                /* slots - 1 (a power of two) */
  ds_arena entries;
  /* [m]: bit l when list l has an entry of m words or more (m <= DS_ENT_MAX_LIST_TOKENS) */
  uint32_t lists_with[DS_ENT_MAX_LIST_TOKENS + 1];
} ds_ent_lists;

/* Longest key we look up in the merged lists, in bytes; longer spans are no entry. */
#define DS_ENT_LEX_KEY 256

const ds_ent_lists *ds_ent_lists_get(void);
/* x and y (n bytes each) are equal in any ASCII case: eight, then four bytes at a time. */
static inline bool ds_ent_eq_fold(const char *x, const char *y, size_t n) {
  uint64_t a = 0, b = 0;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    __builtin_memcpy(&a, x + i, 8), __builtin_memcpy(&b, y + i, 8);
    if (ds_lower8(a) != ds_lower8(b)) return false;
  }
  if (i == n) return true;
  if (n >= 8) { /* the last eight bytes, overlapping */
    __builtin_memcpy(&a, x + n - 8, 8), __builtin_memcpy(&b, y + n - 8, 8);
  } else if (n >= 4) {
    uint32_t a0, a1, b0, b1;
    __builtin_memcpy(&a0, x, 4), __builtin_memcpy(&a1, x + n - 4, 4);
    __builtin_memcpy(&b0, y, 4), __builtin_memcpy(&b1, y + n - 4, 4);
    a = a0 | (uint64_t)a1 << 32, b = b0 | (uint64_t)b1 << 32;
  } else { /* 1 to 3 bytes: first, middle and last cover them */
    const unsigned char *p = (const unsigned char *)x, *q = (const unsigned char *)y;
    a = p[0] | (uint32_t)p[n >> 1] << 8 | (uint32_t)p[n - 1] << 16;
    b = q[0] | (uint32_t)q[n >> 1] << 8 | (uint32_t)q[n - 1] << 16;
  }
  return ds_lower8(a) == ds_lower8(b);
}
/* The entry of key (any ASCII case) given h = ds_hash_word_lower(key, n), or NULL. */
static inline const ds_ent_entry *ds_ent_find(const ds_ent_lists *L, const char *key, size_t n,
                                              uint64_t h) {
  if (!n || n >= DS_ENT_LEX_KEY) return NULL;
  for (uint32_t k = (uint32_t)h & L->mask;; k = (k + 1) & L->mask) {
    const ds_ent_slot *s = &L->slots[k];
    if (!s->e) return NULL;
    if (s->h == h && s->e->klen == n && ds_ent_eq_fold(s->e->key, key, n)) return s->e;
  }
}

/* Per-token answers the scanner asks for more than once: computed on first use, so a
 * token costs at most one hash and one probe however often it is asked about. */
typedef struct {
  const ds_ent_entry *ent; /* the merged-list entry of the core, or NULL */
  const char *known;       /* longest list name starting here, or NULL */
  uint32_t h;              /* the sketch while classifying, then ds_hash_word_lower of
                              the core for a lower-case word that may have a capitalised
                              twin, and the slot in c->caps for a capitalised word
                              (DS_ENT_IN_CAPS): the same for its repeats in any case */
  uint16_t asked, is;      /* DS_EF_* bits: computed, and true */
  uint8_t known_len, known_type;
  uint8_t title_len, title; /* title: 0 none, 1 head, 2 mod */
  uint8_t done;            /* DS_ENT_DONE_* and DS_ENT_IS_NAME */
  uint8_t poss;            /* bytes of a final possessive 's / ’s (0, 2 or 4) */
  bool cap;                /* ds_ent_is_cap */
  bool in_quote;           /* inside a quotation */
} ds_ent_memo;

/* ds_ent_memo.done: which memoised answers are computed (a zero memo asks for all). */
enum {
  DS_ENT_DONE_KNOWN = 1, DS_ENT_DONE_TITLE = 2, DS_ENT_DONE_NAME = 4, DS_ENT_IS_NAME = 8,
  DS_ENT_IN_CAPS = 16, /* a word in the set of capitalised words; h is then its slot */
  DS_ENT_DONE_START = 32, DS_ENT_IS_START = 64, /* S_start_like */
};

typedef struct {
  uint32_t h;     /* low bits of a capitalised word's ds_hash_word_lower */
  uint32_t tok;   /* its first token + 1, 0 for an empty slot; top bit: the article
                     also writes the word in lower case */
  uint32_t res;   /* the resolver's note on it as a lone name + 1, 0 none yet */
} ds_ent_capword;

typedef struct {
  ds_article *a;
  const ds_ent_lists *L;
  const ds_token *t;
  uint32_t ntok;
  ds_arena tmp;            /* candidates and scratch; freed when tagging ends */
  char *pool, *pool_end;   /* room left for scratch strings (ds_ent_join into tmp) */
  DS_VEC(ds_ent_cand) cands;
  ds_ent_capword *caps;    /* hash set of the capitalised words */
  uint32_t caps_mask;      /* its size - 1 (a power of two) */
  ds_ent_memo *memo;       /* per token (and one past the end), malloc'd: not zeroed */
  uint32_t *thes;          /* tokens of three bytes starting with t: may be "the" */
  uint32_t nthes, thes_at; /* their count; the first not below the last sentence's start */
  uint32_t sent;           /* sentence being scanned */
  uint32_t sent_end;       /* its token end */
  bool headline;
  bool first_name_ok;      /* the name segment may start with a list name (Jordan) */
} ds_ent_ctx;

/* Features of one token (core form, possessive stripped), memoised in ds_ent_memo
 * when they cost more than a look at its entry. */
enum {
  DS_EF_PART_FULL,    /* the whole token, possessive included, is a particle */
  DS_EF_ORG_HEAD,     /* an organisation or group head word, or a one-word organisation */
  DS_EF_GROUP_HEAD,   /* a group head word (militia, movement) */
  DS_EF_LOWER,        /* the article also writes the word in lower case */
  DS_EF_DIGIT,        /* has a digit */
  DS_EF_HYPHEN_KNOWN, /* hyphenated with a list name in it (US-led) */
  DS_EF_N
};

/* The value of key (any ASCII case) in list l, "" for no value, NULL when absent. */
const char *ds_ent_lex(const ds_ent_ctx *c, ds_ent_list l, const char *s, size_t n);
bool ds_ent_has(const ds_ent_ctx *c, ds_ent_list l, const char *s, size_t n);
/* ds_ent_memo.ent of a word not looked up yet. */
extern const ds_ent_entry ds_ent_unlooked;
/* Looks word token i's core up and remembers its entry. */
const ds_ent_entry *ds_ent_look(const ds_ent_ctx *c, uint32_t i);
/* The merged-list entry of word token i's core, or NULL. */
static inline const ds_ent_entry *ds_ent_entry_of(const ds_ent_ctx *c, uint32_t i) {
  if (i >= c->ntok) return NULL;
  const ds_ent_entry *e = c->memo[i].ent;
  return e != &ds_ent_unlooked ? e : ds_ent_look(c, i);
}
/* Value of word token i (core) in list l, or NULL; NULL for other tokens. */
static inline const char *ds_ent_val(const ds_ent_ctx *c, uint32_t i, ds_ent_list l) {
  const ds_ent_entry *e = ds_ent_entry_of(c, i);
  return e && (e->in >> l & 1) ? e->val[l] : NULL;
}
/* Tokens from i may match an entry of a list in `want` (bits): the entry of i is in
 * one, or begins one, or a longer key is possible (a possessive, or a word glued on
 * as in "U.S.-China"). False for most tokens, before any key is built. */
static inline bool ds_ent_may_match(const ds_ent_ctx *c, uint32_t i, uint32_t want) {
  const ds_ent_entry *e = ds_ent_entry_of(c, i);
  if ((e && ((e->in | e->prefix) & want)) || c->memo[i].poss) return true;
  return i + 1 < c->sent_end && !(c->t[i + 1].flags & DS_TF_SPACE_BEFORE) &&
         c->t[i + 1].kind == DS_TOK_WORD;
}
/* Feature f of token i computed and remembered (ds_ent_feat's slow path). */
bool ds_ent_feat_compute(const ds_ent_ctx *c, uint32_t i, uint32_t f);
/* Feature f (DS_EF_*) of word token i; false for other tokens. */
static inline bool ds_ent_feat(const ds_ent_ctx *c, uint32_t i, uint32_t f) {
  if (i >= c->ntok || c->t[i].kind != DS_TOK_WORD) return false;
  const ds_ent_memo *mo = &c->memo[i];
  return mo->asked >> f & 1 ? mo->is >> f & 1 : ds_ent_feat_compute(c, i, f);
}

/* Token helpers shared by the scanner and resolver. */
static inline const char *ds_ent_tok(const ds_ent_ctx *c, uint32_t i, uint32_t *len) {
  *len = c->t[i].end - c->t[i].start;
  return c->a->body + c->t[i].start;
}
/* Length without a possessive 's / ’s. */
static inline uint32_t ds_ent_core_len(const ds_ent_ctx *c, uint32_t i) {
  return c->t[i].end - c->t[i].start - c->memo[i].poss;
}
static inline bool ds_ent_is_cap(const ds_ent_ctx *c, uint32_t i) {
  return i < c->ntok && c->memo[i].cap;
}
/* Token i is the lower-case literal, in any ASCII case. */
static inline bool ds_ent_tok_is(const ds_ent_ctx *c, uint32_t i, const char *lower_lit) {
  size_t k = __builtin_strlen(lower_lit);
  if (i >= c->ntok || c->t[i].end - c->t[i].start != k) return false;
  const char *s = c->a->body + c->t[i].start;
  for (size_t x = 0; x < k; x++)
    if ((s[x] | (s[x] >= 'A' && s[x] <= 'Z' ? 0x20 : 0)) != lower_lit[x]) return false;
  return true;
}
/* Value of the longest match of tokens [i, i+k) in list (k <= max), or NULL; *k set. */
const char *ds_ent_list_match(const ds_ent_ctx *c, ds_ent_list list, uint32_t i, uint32_t max,
                              uint32_t *k);
/* The same for the lists of `want` (bit l: list l) at once: for each, the entry whose
 * value in l matched, e[l] (NULL none), and its tokens k[l]; e and k have DS_EL_N
 * entries. */
void ds_ent_match_lists(const ds_ent_ctx *c, uint32_t want, uint32_t i, uint32_t max,
                        const ds_ent_entry **e, uint32_t *k);
/* Joins tokens [i, j) with single spaces (possessive stripped from the last) in tmp
 * or the article arena. */
char *ds_ent_join(ds_ent_ctx *c, ds_arena *ar, uint32_t i, uint32_t j);

/* Scanner (tag_entities_scan.c): appends candidates for sentence si. */
void ds_ent_scan_sentence(ds_ent_ctx *c, uint32_t si);
/* Resolver (tag_entities_resolve.c): fills a->entities and a->mentions. */
void ds_ent_resolve(ds_ent_ctx *c);

#endif
