/* Shared between link_timeline.c (linking events across reports) and
 * link_timeline_clause.c (reading the event a dated clause names). */
#ifndef DS_LINK_TIMELINE_INTERNAL_H
#define DS_LINK_TIMELINE_INTERNAL_H

#include "corpus.h"

/* Tokens in an event's label: a subject, a verb group and the start of the object
 * (each capped below), plus the reported content of an attribution. */
#define DS_TL_LABEL_TOKENS 48

typedef struct {
  uint32_t tok[DS_TL_LABEL_TOKENS]; /* article token indexes, in the label's order */
  uint32_t n;
  uint64_t lower;   /* bit i: lower the first letter of token i (a sentence's first word) */
  bool has_verb;    /* a clause with a finite verb, not a noun phrase or a window */
  bool has_subject; /* ... and the verb's subject was found */
  bool has_object;  /* ... and words after the verb */
  bool dateline;    /* the date is a dateline's: no event */
} ds_tl_label;

/* Verb groups kept per sentence (a sentence has a handful). */
#define DS_TL_MAX_GROUPS 48

/* The reading of one sentence, kept between the time expressions of that sentence
 * (they come in order) so that it is classified once. */
typedef struct {
  const ds_article *a; /* NULL: nothing read yet */
  uint32_t sentence;
  uint8_t k[DS_MAX_SENTENCE_TOKENS];
  struct { uint32_t g0, g1, head; } g[DS_TL_MAX_GROUPS];
  uint32_t ng;
  const ds_map *words, *cues; /* the word lists, fetched once */
} ds_tl_scratch;

/* Reads the event named by the clause of a's time expression tm: its subject, main
 * verb and object, without the time expression, parentheses, quotation marks, a
 * leading conjunction or an attribution such as "officials said". False when the
 * clause names no event (a dateline, a clause too short to read). */
bool ds_tl_label_of(const ds_article *a, const ds_time *tm, ds_tl_label *out, ds_tl_scratch *scratch);

#endif
