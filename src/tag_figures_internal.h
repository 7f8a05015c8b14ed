/* Shared between the figure tagger's files: the number scanner (tag_figures.c) and
 * the context readers (tag_figures_ctx.c: head noun, key, claimant, date). */
#ifndef DS_TAG_FIGURES_INTERNAL_H
#define DS_TAG_FIGURES_INTERNAL_H

#include "corpus.h"
#include "util/hash.h"

/* Longest multi-word entry we match in a word list ("no fewer than", "North Korean"). */
#define DS_FIG_MAX_PHRASE 4
/* Tokens scanned after a number for its head noun: a news noun phrase before its head
 * runs a few words ("North Korean special forces troops"); more is another phrase. */
#define DS_FIG_MAX_HEAD 8
/* Words kept in `about`: enough for modifiers, head and one prepositional phrase. */
#define DS_FIG_MAX_ABOUT_WORDS 10
/* Words kept of what a sum or share is for ("military hardware"). */
#define DS_FIG_TOPIC_WORDS 3
/* Tokens scanned back from a figure for its claimant's cue verb, a key or a
 * projection cue: bounded so a long sentence costs linear time. */
#define DS_FIG_MAX_BACK 40
/* Longest claimant phrase in tokens ("South Korea's National Intelligence Service"). */
#define DS_FIG_MAX_NP 10
/* Bytes scanned either side of a number for a URL around it. */
#define DS_FIG_MAX_URL_SCAN 256
/* Longest phrase key we build from tokens. */
#define DS_FIG_MAX_KEY 128
/* Longest unit lemma (the longest unit noun is far shorter). */
#define DS_FIG_MAX_LEMMA 48

/* The word lists the tagger reads, looked up once per article (ds_lexicon finds a
 * list by name, which is too slow to do per token). */
typedef enum {
  DS_FL_CURRENCY,
  DS_FL_LABELS,
  DS_FL_NUMBER_WORDS,
  DS_FL_POST_QUALIFIERS,
  DS_FL_QUALIFIERS,
  DS_FL_SCALES,
  DS_FL_MONTHS,
  DS_FL_ENT_COUNTRIES,
  DS_FL_ENT_DEMONYMS,
  DS_FL_CLAIM_VERBS,
  DS_FL_CLAIM_DOCS,
  DS_FL_CUE_SKIP,
  DS_FL_LEMMAS,
  DS_FL_PLACES,
  DS_FL_PROJECTION,
  DS_FL_STOPWORDS,
  DS_FL_UNITS,
  DS_FL_CLAUSE_EDGES,
  DS_FL__COUNT
} ds_fig_list;

/* A one-probe pre-test of a word list, built once: a bit per key, chosen by a sketch
 * of its length and first and last bytes (ASCII case folded), and a bit per
 * first word of its multi-word keys. Most words of a text are in no list and end at
 * one bit test, before any copying or hashing; a phrase is only built when its first
 * word starts some key of several words. */
#define DS_FIG_FILTER_LOG2 12 /* 4,096 bits: the longest list (465 countries) sets ~11% */
#define DS_FIG_FILTER_WORDS ((1u << DS_FIG_FILTER_LOG2) / 64)
typedef struct {
  const char *key, *value; /* key lower-cased, as the lexicon stores it */
  uint32_t len;
} ds_fig_entry;
typedef struct {
  uint64_t keys[DS_FIG_FILTER_WORDS];
  uint64_t firsts[DS_FIG_FILTER_WORDS];
  uint64_t lead[4]; /* the first bytes of its keys (| 32, as the sketch folds them) */
  /* The keys themselves, ordered by bit, so a set bit leads to its keys with no
   * hashing: rank[w] counts the set bits of keys[] before word w, and the keys of
   * the r-th set bit are entries[start[r]] .. entries[start[r + 1] - 1]. */
  uint16_t rank[DS_FIG_FILTER_WORDS];
  const uint16_t *start;
  const ds_fig_entry *entries;
  uint32_t max_len;
} ds_fig_filter;

/* The filter bit of the n bytes at p (1 <= n < DS_FIG_MAX_KEY). c | 32 folds ASCII case
 * and leaves every other byte as the stored key has it, so a token in any case gets
 * its key's bit. */
static inline uint32_t ds_fig_sketch(const char *p, size_t n) {
  const unsigned char *u = (const unsigned char *)p;
  uint32_t x = (u[0] | 32u) | (u[n - 1] | 32u) << 8 | (uint32_t)n << 16;
  return (x * 0x9E3779B1u) >> (32 - DS_FIG_FILTER_LOG2);
}
static inline bool ds_fig_bit(const uint64_t *set, uint32_t bit) {
  return (set[bit >> 6] >> (bit & 63)) & 1;
}

typedef struct {
  ds_article *a;
  const ds_token *tok;
  const ds_fig_filter *filter; /* DS_FL__COUNT entries */
  uint32_t s0, s1; /* token range of the current sentence */
  uint32_t sent;   /* its index */
  bool ent_lists;  /* the entity tagger's country and nationality lists are built in */
  uint32_t hyphen_min; /* shortest number word written with a hyphen ("one-two") */
  uint8_t *cue;        /* per token: 0 not looked up, 1 no claim verb, 2 a claim verb */
  const uint8_t *lead; /* per first byte of a word: may it start a figure (S_next_start) */
  const uint32_t *pairs; /* per first byte, the second bytes of number words (S_next_start) */
} ds_figscan;

/* The head-noun reading of the words after a number. */
typedef struct {
  int32_t mod0;       /* first modifier token, or -1 */
  int32_t head;       /* head noun token, or -1 */
  uint32_t end;       /* token after the phrase (and its PP) */
  char unit[DS_FIG_MAX_LEMMA]; /* lemma */
  const char *uclass; /* class from fig_units.txt; "-" = not a count */
  const char *key;    /* country named among the modifiers, or NULL */
} ds_fighead;

/* Token helpers. */
static inline const char *ds_fig_text(const ds_figscan *s, uint32_t i) {
  return s->a->body + s->tok[i].start;
}
static inline uint32_t ds_fig_len(const ds_figscan *s, uint32_t i) {
  return s->tok[i].end - s->tok[i].start;
}
static inline bool ds_fig_attached(const ds_figscan *s, uint32_t i) {
  return !(s->tok[i].flags & DS_TF_SPACE_BEFORE);
}
/* Token i is the word lit of n bytes (any ASCII case). Inline so that most calls end
 * at the length test. */
static inline bool ds_fig_isn(const ds_figscan *s, uint32_t i, const char *lit, size_t n) {
  if (i >= s->s1 || ds_fig_len(s, i) != n) return false;
  const char *p = ds_fig_text(s, i);
  for (size_t k = 0; k < n; k++)
    if ((p[k] | (p[k] >= 'A' && p[k] <= 'Z' ? 32 : 0)) != lit[k]) return false;
  return true;
}
/* Same with a literal, whose strlen folds. */
static inline bool ds_fig_is(const ds_figscan *s, uint32_t i, const char *lit) {
  return ds_fig_isn(s, i, lit, __builtin_strlen(lit));
}
/* Token i is the punctuation or symbol lit. */
static inline bool ds_fig_punct(const ds_figscan *s, uint32_t i, const char *lit) {
  return i < s->s1 && s->tok[i].kind != DS_TOK_WORD && s->tok[i].kind != DS_TOK_NUMBER &&
         ds_fig_is(s, i, lit);
}
/* The keys of filter bit `bit` (which is set) compared with key: ds_fig_lex's slow part. */
const char *ds_fig_lex_probe(const ds_fig_filter *f, uint32_t bit, const char *key, size_t n);
/* A word of a short fixed list in the code, with its length. */
typedef struct {
  const char *w;
  size_t n;
} ds_fig_word;
#define DS_FIG_WORD(lit) {"" lit "", sizeof(lit) - 1}
/* Token i is one of the nw words. */
static inline bool ds_fig_one_of(const ds_figscan *s, uint32_t i, const ds_fig_word *ws, size_t nw) {
  for (size_t k = 0; k < nw; k++)
    if (ds_fig_isn(s, i, ws[k].w, ws[k].n)) return true;
  return false;
}
/* Value of key (any ASCII case) in list, or NULL. Inline: most words end at the bit test. */
static inline const char *ds_fig_lex(const ds_figscan *s, ds_fig_list list, const char *key, size_t n) {
  const ds_fig_filter *f = &s->filter[list];
  if (n - 1 >= f->max_len) return NULL;
  uint32_t bit = ds_fig_sketch(key, n);
  return ds_fig_bit(f->keys, bit) ? ds_fig_lex_probe(f, bit, key, n) : NULL;
}
/* Value of token i in list (case-insensitive), or NULL. */
static inline const char *ds_fig_lookup(const ds_figscan *s, uint32_t i, ds_fig_list list) {
  return i < s->s1 ? ds_fig_lex(s, list, ds_fig_text(s, i), ds_fig_len(s, i)) : NULL;
}
/* False when no key of several words in list starts with the word at i. */
static inline bool ds_fig_may_start(const ds_figscan *s, uint32_t i, ds_fig_list list) {
  return ds_fig_bit(s->filter[list].firsts, ds_fig_sketch(ds_fig_text(s, i), ds_fig_len(s, i)));
}
/* Longest phrase of words starting at i (up to lim) found in list: its token count,
 * 0 when none. */
uint32_t ds_fig_match_fwd(const ds_figscan *s, uint32_t i, uint32_t lim, ds_fig_list list,
                          const char **val);
/* Longest phrase ending just before end (not before lo) found in list. */
uint32_t ds_fig_match_back(const ds_figscan *s, uint32_t end, uint32_t lo, ds_fig_list list,
                           const char **val);
/* The country a place word, nationality or capital at i stands for; *n gets its
 * token count. NULL when none. */
const char *ds_fig_place(const ds_figscan *s, uint32_t i, uint32_t lim, uint32_t *n);
/* Class of the unit noun at i (NULL when it is none); its lemma goes to lemma
 * (DS_FIG_MAX_LEMMA bytes) unless that is NULL. */
const char *ds_fig_unit(const ds_figscan *s, uint32_t i, char *lemma);
/* Words of tokens [i, j) as one string, whitespace collapsed, markdown marks dropped. */
const char *ds_fig_words(const ds_figscan *s, uint32_t i, uint32_t j);

/* Context readers (tag_figures_ctx.c). */
void ds_fig_head(const ds_figscan *s, uint32_t j, ds_fighead *h);
const char *ds_fig_topic(const ds_figscan *s, uint32_t k);
const char *ds_fig_clause_key(const ds_figscan *s, uint32_t start);
void ds_fig_source(const ds_figscan *s, uint32_t t0, uint32_t t1, ds_figure *f);
void ds_fig_as_of(const ds_figscan *s, uint32_t t0, uint32_t t1, ds_figure *f);
bool ds_fig_projection(const ds_figscan *s, uint32_t t0);

#endif
