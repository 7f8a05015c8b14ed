/* Entity look-ups for the taggers that run after ds_tag_entities (quotes, figures).
 *
 * ds_tag_entities fills a->entities and a->mentions (sorted by start, never
 * overlapping). Every function here only reads the article: nothing is allocated,
 * nothing to free, and all are safe to call from several threads on different
 * articles. Indexes returned are into a->mentions or a->entities as stated; -1 means
 * "none". Spans are byte offsets into a->body, half-open [start, end). */
#ifndef DS_ENTITIES_H
#define DS_ENTITIES_H

#include <stdbool.h>
#include <stdint.h>

#include "model.h"

/* Any type, for the *_type arguments below. */
#define DS_ENT_ANY ((ds_ent_type)-1)

/* Index into a->mentions of the first mention that lies inside [start, end), or -1. */
int32_t ds_entity_mention_at(const ds_article *a, uint32_t start, uint32_t end);

/* Index into a->mentions of the first mention overlapping [start, end), or -1. */
int32_t ds_entity_mention_overlapping(const ds_article *a, uint32_t start, uint32_t end);

/* Index into a->entities of the entity whose mention overlaps [start, end) and has
 * the given type (DS_ENT_ANY for any), or -1. When several do, the first mention wins. */
int32_t ds_entity_find_span(const ds_article *a, uint32_t start, uint32_t end,
                            ds_ent_type type);

/* Index into a->entities of the referent of a pronoun at byte pos: the most recent
 * salient person (he/she/his/her: organisation false) or organisation, group or place
 * (it/they: organisation true) mentioned before pos in the same or the previous sentence,
 * preferring a sentence subject (the first such mention of a sentence) over a later
 * one in the previous sentence. -1 when there is none. */
int32_t ds_entity_resolve_pronoun(const ds_article *a, uint32_t pos, bool organisation);

/* Index into a->entities of the last entity of the given type (DS_ENT_ANY for any)
 * mentioned in [start, end), or -1. Handy for "according to X" or a figure's source. */
int32_t ds_entity_last_in(const ds_article *a, uint32_t start, uint32_t end,
                          ds_ent_type type);

/* Index into a->entities of the person whose role is the phrase [s, s+n) ("White House
 * national security spokesman", "the Pentagon spokeswoman"; a leading article and
 * case are ignored), among people mentioned before byte pos, the latest first; or -1.
 * For a speaker named only by a role next to a quote. */
int32_t ds_entity_by_role(const ds_article *a, const char *s, size_t n, uint32_t pos);

/* Index into a->mentions of the first mention starting at or after byte pos
 * (a->mentions.len when none does); binary search. */
size_t ds_mention_first_from(const ds_article *a, uint32_t pos);

/* Index into a->sentences of the sentence containing byte pos, or -1 (binary search). */
int32_t ds_entity_sentence_of(const ds_article *a, uint32_t pos);

/* True when the word at [s, s+n) is a title or role word (spokesman, minister, Gen.)
 * from data/ent_titles.txt; any case. Lets callers recognise "the spokesman". */
bool ds_entity_is_title_word(const char *s, size_t n);

#endif
