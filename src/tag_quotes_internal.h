/* Shared state of the quotation tagger (tag_quotes*.c): token helpers, the speaker
 * finder and the two passes (direct quotes, then indirect speech). */
#ifndef DS_TAG_QUOTES_INTERNAL_H
#define DS_TAG_QUOTES_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "corpus.h"

/* Longest speaker noun phrase in tokens ("the deputy foreign minister of the Republic
 * of X"): a run of capitalised words must not make the walk unbounded. */
#define QT_MAX_NP_TOKENS 14
/* Tokens we look through after a closing mark for its attribution ("…,” said the
 * senior adviser to the minister on Friday.") before giving up. */
#define QT_MAX_ATTR_TOKENS 30
/* Tokens allowed between a cue and the opening mark it introduces
 * ("told reporters at a briefing on Friday: “…”"). */
#define QT_MAX_CUE_GAP 12
/* A cue this close to a short capitalised quote makes it a quotation, not a name. */
#define QT_NEAR_CUE 3
/* An appositive between speaker and cue ("Kirby, a spokesman for the council, said"). */
#define QT_MAX_APPOSITIVE 24
/* Words of a described, unnamed speaker ("a strong majority of Democratic voters"). */
#define QT_MAX_DESCRIBED 7
/* Lower-case modifiers before a name or role ("State policy planning director"). */
#define QT_MAX_MODIFIERS 3
/* Single-quote pairs are headline or nested quotes: short, within a paragraph. */
#define QT_MAX_SINGLE_QUOTE_BYTES 600
/* A quote with no attribution of its own inherits the previous quote's speaker only
 * when the two are this close (the next sentence or paragraph). */
#define QT_MAX_CARRY_BYTES 400
/* "he" right after a quote ("“…,” Kirby said. “…,” he added.") is that quote's
 * speaker when it comes within this many bytes; otherwise it is resolved afresh. */
#define QT_MAX_PRONOUN_CARRY 200

/* Reports looked back at for a speaker of a quote inside them (S_inherit). */
#define QT_MAX_INHERIT 8

/* Quotes nest a level or two ("“… ‘…’ …”"); deeper nesting is stray marks. */
#define QT_MAX_QUOTE_DEPTH 3

/* A quoted name ("the “Storm Corps”", "“I Want to Live”") is a few title words. */
#define QT_MAX_NAME_WORDS 8

/* Per-token marks. */
enum {
  QT_IN_QUOTE = 1, /* inside an accepted direct quote */
  QT_CUE_USED = 2, /* a cue already attributing a quote */
  QT_MARK = 4,     /* a mark pair or what it encloses, names included */
  QT_QMARK = 8,    /* a mark of an accepted quote */
};

typedef struct {
  int32_t entity;     /* index into a->entities, or -1 */
  const char *name;   /* as the text names the speaker, or NULL */
  uint32_t start, end; /* span of the speaker phrase (0,0 when none) */
  uint32_t tok;       /* first token of the phrase */
  bool found;         /* a subject was found (even an unnamed one: "analysts") */
} qt_speaker;

typedef struct {
  ds_article *a;
  const ds_token *t;
  uint32_t nt;
  uint8_t *mark; /* QT_* per token */
  int32_t *sent; /* sentence index per token */
  int32_t carry_entity; /* speaker of the quote just before, for "he added" */
  uint32_t carry_end;   /* where that quote and its attribution end */
  uint32_t anchor;      /* pronouns resolve from here (a quote's opening), not later */
} qt_ctx;

/* ---- tokens (tag_quotes_speaker.c) ---- */
bool qt_is(const qt_ctx *q, uint32_t i, const char *word);
bool qt_is_word(const qt_ctx *q, uint32_t i);
bool qt_is_lower_word(const qt_ctx *q, uint32_t i);
bool qt_is_punct(const qt_ctx *q, uint32_t i, char c);
bool qt_in_list(const qt_ctx *q, uint32_t i, const char *list);
const char *qt_list_value(const qt_ctx *q, uint32_t i, const char *list);
/* Cue lemma of token i when it is a lower-case cue verb, else NULL. */
const char *qt_cue(const qt_ctx *q, uint32_t i);
/* Same, also accepting verbs that attribute only beside a quote ("the statement read"). */
const char *qt_cue_near(const qt_ctx *q, uint32_t i);
/* The subject at the start of token i's sentence ("An NBC journalist … asked"). */
qt_speaker qt_sentence_subject(const qt_ctx *q, uint32_t i);
/* True when token i ends a clause for our searches (. ! ? ; or a paragraph start). */
bool qt_is_stop(const qt_ctx *q, uint32_t i);
bool qt_in_time(const qt_ctx *q, uint32_t i);
/* "he", "they"; a capitalised one only where the sentence starts ("He said"). */
bool qt_is_pronoun(const qt_ctx *q, uint32_t i);
uint32_t qt_sent_start(const qt_ctx *q, uint32_t i);
uint32_t qt_sent_end(const qt_ctx *q, uint32_t i);

/* ---- speakers (tag_quotes_speaker.c) ---- */
/* The subject of the cue at token k, looking left no further than lo. */
qt_speaker qt_subject(const qt_ctx *q, uint32_t k, uint32_t lo);
/* The noun phrase starting at token i ("said Kirby", "according to X"); *end gets
 * the token after it. */
qt_speaker qt_np_after(const qt_ctx *q, uint32_t i, uint32_t hi, uint32_t *end);
/* Token after the tell-type listener and connectives that follow cue k. */
uint32_t qt_skip_after_cue(const qt_ctx *q, uint32_t k, uint32_t hi);

/* ---- passes ---- */
void qt_direct(qt_ctx *q);
void qt_indirect(qt_ctx *q);
/* Appends a quote for body span [s, e) (trimmed); returns it or NULL when empty. */
ds_quote *qt_add(qt_ctx *q, uint32_t s, uint32_t e, ds_quote_kind kind,
                 const qt_speaker *sp, const char *cue, uint32_t tok);

#endif
