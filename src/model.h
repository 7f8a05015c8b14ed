/* The internal data model shared by every stage. An article owns one arena; every
 * array and string below that belongs to an article lives in it and is freed with it.
 * Offsets (start, end) are byte offsets into the article's body (the cleaned text). */
#ifndef DS_MODEL_H
#define DS_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "dossier.h"
#include "limits.h"
#include "util/arena.h"
#include "util/buf.h"

typedef enum {
  DS_BASIS_UNKNOWN,
  DS_BASIS_GIVEN,    /* command line or JSONL field */
  DS_BASIS_METADATA, /* front matter, HTML meta / JSON-LD */
  DS_BASIS_TEXT,     /* a byline or dateline in the text */
  DS_BASIS_INFERRED, /* the latest date the text mentions */
} ds_basis;
const char *ds_basis_name(ds_basis b);

/* ---- segment ---- */
typedef enum {
  DS_TOK_WORD,   /* letters, with inner apostrophes/hyphens/periods (U.S., co-belligerents) */
  DS_TOK_NUMBER, /* digits with separators and decimals: 3,000  1.4  155mm is NUMBER+WORD */
  DS_TOK_PUNCT,  /* one punctuation code point */
  DS_TOK_QUOTE,  /* a quotation mark: " “ ” ‘ ’ (a lone ' at a word edge) « » */
  DS_TOK_SYMBOL, /* $ € £ % and other symbols */
} ds_tok_kind;

enum {
  DS_TF_CAP = 1 << 0,        /* first letter upper-case */
  DS_TF_UPPER = 1 << 1,      /* every letter upper-case (acronyms) */
  DS_TF_SENT_START = 1 << 2, /* first token of a sentence */
  DS_TF_PARA_START = 1 << 3, /* first token of a paragraph */
  DS_TF_ABBREV = 1 << 4,     /* a known abbreviation ending in '.' (Gen., Oct., U.S.) */
  DS_TF_OPEN = 1 << 5,       /* DS_TOK_QUOTE: opens a quotation */
  DS_TF_CLOSE = 1 << 6,      /* DS_TOK_QUOTE: closes a quotation */
  DS_TF_SPACE_BEFORE = 1 << 7,
};

typedef struct {
  uint32_t start, end;
  uint16_t kind;  /* ds_tok_kind */
  uint16_t flags; /* DS_TF_* */
} ds_token;

typedef struct {
  uint32_t start, end;         /* byte span of the sentence */
  uint32_t tok_start, tok_end; /* token index range [tok_start, tok_end) */
  uint32_t para;               /* paragraph number (0-based) */
} ds_sentence;

/* ---- tag: entities ---- */
typedef enum { DS_ENT_PERSON, DS_ENT_ORG, DS_ENT_PLACE, DS_ENT_GROUP } ds_ent_type;
const char *ds_ent_type_name(ds_ent_type t);

typedef struct {
  const char *name;    /* canonical name within the article (John Kirby) */
  const char *role;    /* title or role split off ("National Security Council spokesman"), or NULL */
  ds_ent_type type;
  const char **aliases; /* other surface forms seen in this article */
  uint32_t n_aliases;
  uint32_t n_mentions;
  int32_t global;      /* index into the corpus entity list, set by link; -1 before */
} ds_entity;

typedef struct {
  uint32_t start, end; /* the surface span ("Kirby", "the spokesman", "North Korean") */
  int32_t entity;      /* index into article->entities */
  uint32_t sentence;   /* index into article->sentences */
  bool in_quote;       /* inside a quotation (not a candidate speaker of it) */
} ds_mention;

/* ---- tag: quotations ---- */
typedef enum { DS_QUOTE_DIRECT, DS_QUOTE_PARTIAL, DS_QUOTE_INDIRECT } ds_quote_kind;
const char *ds_quote_kind_name(ds_quote_kind k);

typedef struct {
  uint32_t start, end;       /* the quoted content, without the marks */
  ds_quote_kind kind;
  int32_t speaker;           /* index into article->entities, or -1 */
  const char *speaker_name;  /* as the text names the speaker (may be set when speaker is -1) */
  const char *cue;           /* cue verb lemma ("say", "warn", "according to"), or NULL */
  uint32_t sentence;
  uint32_t speaker_start, speaker_end; /* where the text names the speaker (0,0: nowhere) */
} ds_quote;

/* ---- tag: time expressions ---- */
typedef enum { DS_TIME_DATE, DS_TIME_DURATION, DS_TIME_SET, DS_TIME_TIME } ds_time_type;
const char *ds_time_type_name(ds_time_type t);

typedef struct { /* fields ordered so that it packs into 24 bytes */
  uint32_t start, end;
  ds_time_type type;
  uint32_t sentence;
  const char *value;   /* TIMEX3 value: 2024-10-24, 2024-10, 2024-W43, P2Y, XXXX-WXX-1 ... */
} ds_time;

/* ---- tag: figures ---- */
typedef struct {
  uint32_t start, end;
  double value, low, high;   /* value is the point estimate; low/high the range (= value if exact) */
  const char *qualifier;     /* "at least", "up to", "about", ... or NULL */
  const char *unit;          /* head noun lemma: "troop", "dollar", "percent", "shell" */
  const char *unit_class;    /* synonym class key: "personnel", "money:USD", "percent", ... */
  const char *about;         /* the phrase around the number ("North Korean special forces troops in Russia") */
  const char *source_name;   /* claimant as named, or NULL */
  const char *as_of;         /* TIMEX3 date the figure holds for */
  const char *key;           /* whose/where the counted thing is: a country ("North Korea"), or NULL */
  int32_t source;            /* index into article->entities of the claimant, or -1 */
  uint32_t flags;            /* DS_FIGF_* */
  uint32_t sentence;
  bool projection;           /* a forecast or aim ("aiming to deploy around 10,000 by ...") */
} ds_figure;                 /* (pointers first, small fields last: 104 bytes, not 112) */
_Static_assert(sizeof(ds_time) <= 24, "ds_time packs into 24 bytes");
enum {
  DS_FIGF_VAGUE = 1 << 0,     /* a vague amount ("several thousand", "hundreds of") */
  DS_FIGF_INCREMENT = 1 << 1, /* an addition to an earlier figure ("another 1,500") */
  DS_FIGF_INHERITED = 1 << 2, /* unit taken from the context ("the number of X is 12,000") */
  DS_FIGF_RATE = 1 << 3,      /* per period ("90,000 a month") */
};

/* ---- the article ---- */
/* After tagging, ds_article_compact (corpus_compact.c) copies the fields below into a
 * fresh arena and frees the old one: a new pointer field must be copied there too. */
typedef DS_VEC(const char *) ds_strvec;

typedef struct ds_article {
  ds_arena arena;      /* owns everything below */
  uint32_t index;      /* position in the corpus */
  const char *id;
  const char *file;    /* input path ("-" for stdin, "demo/x.txt" for the demo) */
  const char *title, *outlet, *url, *author;
  const char *published;   /* YYYY-MM-DD or NULL */
  ds_basis published_basis;
  const char *reprint_from; /* outlet named by a reprint notice, or NULL */

  /* read: the raw text before cleaning (NUL-terminated, valid UTF-8) */
  const char *raw;
  uint32_t raw_len;
  bool raw_is_html;

  /* clean */
  const char *body;
  uint32_t body_len;
  ds_strvec boilerplate;     /* removed lines, in order */
  DS_VEC(uint32_t) offmap;   /* pairs (body offset, raw offset) at each kept run's start */
  uint32_t words;

  /* segment */
  DS_VEC(ds_token) tokens;
  DS_VEC(ds_sentence) sentences;
  /* A compacted article keeps its tokens packed here (a few bytes each instead of 12):
   * tokens.items is then NULL, tokens.len stays, and ds_tokens_load decodes them. */
  const uint8_t *tok_packed;
  uint32_t tok_packed_len;

  /* tag */
  DS_VEC(ds_entity) entities;
  DS_VEC(ds_mention) mentions;   /* sorted by start */
  DS_VEC(ds_quote) quotes;       /* sorted by start */
  DS_VEC(ds_time) times;         /* sorted by start */
  DS_VEC(ds_figure) figures;     /* sorted by start */

  /* link */
  int32_t duplicate_of;  /* index of the article this one reprints, or -1 */
  bool extracted;
} ds_article;

/* Text of a span of the body (not NUL-terminated). */
static inline const char *ds_span_ptr(const ds_article *a, uint32_t start) { return a->body + start; }

/* Publication date parts, or false when unknown. */
bool ds_article_pubdate(const ds_article *a, int *y, int *m, int *d);

#endif
