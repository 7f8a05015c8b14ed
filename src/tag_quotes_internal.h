/* Shared state of the quotation tagger (tag_quotes*.c): token helpers, the speaker
 * finder and the two passes (direct quotes, then indirect speech). */
#ifndef DS_TAG_QUOTES_INTERNAL_H
#define DS_TAG_QUOTES_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "corpus.h"
#include "util/hash.h"

/* Longest speaker noun phrase in tokens ("the deputy foreign minister of the Republic
 * of X"): a run of capitalised words must not make the walk unbounded. */
#define QT_MAX_NP_TOKENS 14
/* Tokens we look through after a closing mark for its attribution ("…,” said the
 * senior adviser to the minister on Friday.") before giving up. */
#define QT_MAX_ATTR_TOKENS 30
/* Tokens allowed between a cue and the opening mark it introduces
 * ("told reporters at a briefing on Friday: “…”"). */
#define QT_MAX_CUE_GAP 12
/* Words between a cue and the "that" opening its content ("said in a letter to the
 * council on Friday that …"). */
#define QT_MAX_THAT_GAP 8
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

/* Per-token classes, filled on first use (tag_quotes_class.c): the later passes look
 * at a few tokens around marks and cues, so most tokens are never classified. */
enum {
  QC_DONE = 1u << 0, /* classified: cls[i] and word[i] are filled (cls starts zeroed) */
  QC_WORD = 1u << 4,
  QC_LOWER = 1u << 5,      /* a word starting with a-z */
  QC_STOP = 1u << 6,       /* . ! ? ; that ends a clause */
  QC_SKIP = 1u << 7,       /* quote_skip: adverbs and auxiliaries before a cue */
  QC_PREP = 1u << 8,       /* quote_preps */
  QC_STOPCAPS = 1u << 9,   /* ent_stopcaps: capitalised but no name */
  QC_OBJECT = 1u << 10,    /* quote_objects: the listener of "told reporters" */
  QC_DET = 1u << 11,       /* quote_determiners */
  QC_NAME_WORD = 1u << 12, /* quote_name_words: lower-case words inside a title */
  QC_BREAK = 1u << 13,     /* quote_content_breaks */
  QC_CONNECTOR = 1u << 14, /* quote_function_words classes */
  QC_INNER = 1u << 15,
  QC_BE = 1u << 16,
  QC_TIMEPREP = 1u << 17,
  QC_LEAD = 1u << 18,
  QC_PRONOUN = 1u << 19,     /* quote_pronouns */
  QC_PRON_ORG = 1u << 20,    /* ... that may stand for an organisation (it, they, we) */
  QC_ROLE = 1u << 21,        /* a speaker noun or a title ("spokesman", "minister") */
  QC_SPN_SPEAKER = 1u << 22, /* quote_speaker_nouns naming a speaker (person, org) */
  QC_SPN_MOD = 1u << 23,     /* ... a modifier of one ("senior", "foreign") */
  QC_SPN_DOC = 1u << 24,     /* ... a document ("statement", "report") */
  QC_ARTICLE = 1u << 25,     /* an article or possessive: the next word is a noun */
  QC_CONJ = 1u << 26,        /* a conjunction or adverb opening a sentence ("And then Roe …") */
  QC_COMPOUND = 1u << 27,    /* makes a cue before it a noun ("think tank") */
};
/* The top bits of a word's classes say where its cue lemma is (qt_cue), so no
 * per-token array of lemmas is zeroed and filled. */
enum { QC_CUE_SHIFT = 28 };
enum { QT_CUE_NONE, QT_CUE_WORD /* qt_word.cue */, QT_CUE_ACCORDING, QT_CUE_PUT, QT_CUE_SAY };

/* Longest word looked up in a word list; longer tokens are in none. */
#define QT_MAX_KEY 64

/* What the word lists say of one word (tag_quotes_class.c merges them in one table). */
typedef struct {
  uint32_t bits;    /* QC_* word classes */
  const char *cue;  /* cue_verbs: the lemma */
  const char *weak; /* quote_weak_cues: the lemma */
  const char *noun; /* quote_noun_cues: the lemma */
  bool time_word;   /* in time_words */
  bool quantity;    /* in quote_quantities */
} qt_word;

typedef struct {
  ds_article *a;
  const ds_token *t;
  uint32_t nt;
  uint32_t *cls;    /* QC_* per token; 0 until classified (QC_DONE) */
  const qt_word **word;    /* per token: its word list entry, or NULL, once classified */
  DS_VEC(uint32_t) marks;  /* the marks that may open a quote (qt_may_open), in order: qt_direct
                              looks at no other */
  DS_VEC(uint32_t) starts; /* cues, "that"s and paragraph starts: what qt_indirect looks at */
  uint8_t *mark; /* QT_* per token */
  uint64_t *in_time; /* bit i: token i starts inside a tagged time (qt_in_time) */
  int32_t *sent; /* sentence index per token, only when the sentences are out of order (qt_sent) */
  uint32_t *sent_memo; /* the sentence qt_sent found last: most questions are about it again */
  int32_t carry_entity; /* speaker of the quote just before, for "he added" */
  uint32_t carry_end;   /* where that quote and its attribution end */
  uint32_t anchor;      /* pronouns resolve from here (a quote's opening), not later */
  uint8_t *weak;        /* per direct quote: attributed by no cue of its own, or by a pronoun */
  size_t n_direct;      /* quotes found by qt_direct (the first n_direct of a->quotes) */
  uint8_t *gender;      /* [1 + e]: entity e's gender, once asked (tag_quotes_gender.c) */
  uint32_t title_end;   /* tokens before this are the headline (the first paragraph) */
  uint32_t turn_end;    /* where the last transcript turn ("ROE: …") ended, or 0 */
} qt_ctx;

/* ---- tokens (tag_quotes_class.c) ---- */
/* Builds the word table, once for all threads; call before qt_classify. */
void qt_words_init(void);
/* Token k is a lower-case "that": a byte test, as it runs on every token. */
static inline bool qt_is_that(const qt_ctx *q, uint32_t k) {
  if (q->t[k].end - q->t[k].start != 4) return false;
  const char *b = q->a->body + q->t[k].start;
  return b[0] == 't' && b[1] == 'h' && b[2] == 'a' && b[3] == 't';
}
/* The lists of cue lemmas (data/quote_tell_verbs.txt, …) as flags. */
enum { QT_CUE_TELL = 1, QT_CUE_THAT = 2, QT_CUE_OBJECT = 4 };
/* True when lemma cue is in the list of flag (any case, as ds_lexicon_has). */
bool qt_cue_in(const char *cue, unsigned flag);
/* Classifies every cue (and "that"), and fills the lists marks and starts (title_end
 * first); the other tokens wait for qt_cls. */
void qt_classify(qt_ctx *q);
/* Classifies token i (< nt) on its first use; returns its QC_* bits. */
uint32_t qt_fill(const qt_ctx *q, uint32_t i);

/* The QC_* bits of token i (0 past the end). */
static inline uint32_t qt_cls(const qt_ctx *q, uint32_t i) {
  if (i >= q->nt) return 0;
  uint32_t c = q->cls[i];
  return c & QC_DONE ? c : qt_fill(q, i);
}
/* Token i's entry in the word lists, or NULL (past the end, or in none). */
static inline const qt_word *qt_word_of(const qt_ctx *q, uint32_t i) {
  if (i >= q->nt) return NULL;
  (void)qt_cls(q, i); /* fills word[i] */
  return q->word[i];
}
static inline bool qt_has(const qt_ctx *q, uint32_t i, uint32_t bits) {
  return (qt_cls(q, i) & bits) != 0;
}
static inline bool qt_is_word(const qt_ctx *q, uint32_t i) {
  return i < q->nt && q->t[i].kind == DS_TOK_WORD;
}
static inline bool qt_is_lower_word(const qt_ctx *q, uint32_t i) {
  if (!qt_is_word(q, i)) return false;
  char c = q->a->body[q->t[i].start];
  return c >= 'a' && c <= 'z';
}
/* A word in -ing ("saying", "adding", "defending"). */
static inline bool qt_is_ing(const qt_ctx *q, uint32_t i) {
  if (!qt_is_word(q, i)) return false;
  size_t n = q->t[i].end - q->t[i].start;
  return n > 4 && memcmp(q->a->body + q->t[i].end - 3, "ing", 3) == 0;
}
/* Token i is word (any case); inline so the length test folds to a constant. */
static inline bool qt_is(const qt_ctx *q, uint32_t i, const char *word) {
  if (!qt_is_word(q, i)) return false;
  size_t n = q->t[i].end - q->t[i].start;
  if (n != strlen(word)) return false;
  const char *b = q->a->body + q->t[i].start;
  for (size_t k = 0; k < n; k++) /* ASCII case folding, as strncasecmp in the C locale */
    if ((b[k] >= 'A' && b[k] <= 'Z' ? b[k] + 32 : b[k]) != word[k]) return false;
  return true;
}
static inline bool qt_is_punct(const qt_ctx *q, uint32_t i, char c) {
  return i < q->nt && q->t[i].kind == DS_TOK_PUNCT && q->t[i].end - q->t[i].start == 1 &&
         q->a->body[q->t[i].start] == c;
}
/* Quote mark i may open a quote: a straight one (one byte, of no direction of its own)
 * only after a space, a paragraph's start or a bracket (tag_quotes.c: S_opens). Most
 * straight marks are glued to the word before ("x=\"y\"", "Roe's") and open nothing. */
static inline bool qt_may_open(const qt_ctx *q, uint32_t i) {
  return q->t[i].end - q->t[i].start != 1 || i == 0 ||
         (q->t[i].flags & (DS_TF_SPACE_BEFORE | DS_TF_PARA_START)) || qt_is_punct(q, i - 1, '(') ||
         qt_is_punct(q, i - 1, '[');
}
/* Cue lemma of token i when it is a lower-case cue verb (or "according to"), else NULL. */
const char *qt_cue_fixed(uint32_t k);
static inline const char *qt_cue(const qt_ctx *q, uint32_t i) {
  /* a token qt_classify left alone is no cue: its cue bits are 0 */
  uint32_t k = i < q->nt ? q->cls[i] >> QC_CUE_SHIFT : QT_CUE_NONE;
  if (k == QT_CUE_NONE) return NULL; /* all but a few words */
  return k == QT_CUE_WORD ? q->word[i]->cue : qt_cue_fixed(k);
}
/* Same, also accepting verbs that attribute only beside a quote ("the statement read"). */
const char *qt_cue_near(const qt_ctx *q, uint32_t i);
/* The subject at the start of token i's sentence ("An NBC journalist … asked"). */
qt_speaker qt_sentence_subject(const qt_ctx *q, uint32_t i);
/* True when token i ends a clause for our searches (. ! ? ;). */
static inline bool qt_is_stop(const qt_ctx *q, uint32_t i) {
  /* only punctuation stops: a word is not looked up to learn that */
  return i < q->nt && q->t[i].kind == DS_TOK_PUNCT && qt_has(q, i, QC_STOP);
}
/* Token i starts inside a tagged time expression. */
static inline bool qt_in_time(const qt_ctx *q, uint32_t i) {
  return i < q->nt && (q->in_time[i >> 6] >> (i & 63)) & 1;
}
/* Fills in_time, one pass over the times, before the passes ask qt_in_time. */
void qt_time_index(qt_ctx *q);
/* "he", "they"; a capitalised one only where the sentence starts ("He said"). */
bool qt_is_pronoun(const qt_ctx *q, uint32_t i);
/* The index of token i's sentence, or -1 when it is in none. */
int32_t qt_sent(const qt_ctx *q, uint32_t i);
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

/* ---- gender (tag_quotes_gender.c) ---- */
/* Entity e as the referent of the pronoun at token i (resolved from byte at), or
 * the next referent back that agrees in gender, or -1 when none does. */
int32_t qt_gender_check(const qt_ctx *q, uint32_t i, int32_t e, uint32_t at);

/* ---- passes ---- */
void qt_direct(qt_ctx *q);
void qt_indirect(qt_ctx *q);
/* Appends a quote for body span [s, e) (trimmed); returns it or NULL when empty. */
ds_quote *qt_add(qt_ctx *q, uint32_t s, uint32_t e, ds_quote_kind kind,
                 const qt_speaker *sp, const char *cue, uint32_t tok);

#endif
