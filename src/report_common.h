/* What every human-readable report (text, Markdown, HTML) needs: how an article is
 * named, how a quote's speaker or a figure's claimant is named, ids, ordering and
 * truncation. The reports differ only in how they escape and lay these out. */
#ifndef DS_REPORT_COMMON_H
#define DS_REPORT_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "corpus.h"

/* Longest piece of a quote or an event shown in a table cell before "…"; the full
 * text is in the JSON and in the HTML article bodies. */
#define DS_REPORT_CELL_CHARS 160
/* The summary of the sources' dates: more distinct outlets than this are counted,
 * not listed, in the title line. */
#define DS_REPORT_TITLE_OUTLETS 4

/* Article label: the outlet, else the title, else the file's base name. */
const char *ds_rep_label(const ds_article *a);
/* The label cut for lists and citations: an outlet whole, a title or file name (the
 * fallbacks, often long) to DS_REPORT_LABEL_CHARS code points. */
#define DS_REPORT_LABEL_CHARS 40
void ds_rep_short_label(const ds_article *a, ds_buf *out);
/* The label of article index i (bounds-checked; "?" when out of range). */
const char *ds_rep_label_at(const dossier_corpus *c, size_t i);
/* A quote's speaker: the corpus entity's name, else the name the text gives, else NULL. */
const char *ds_rep_speaker(const dossier_corpus *c, const ds_article *a, const ds_quote *q);
/* A figure's claimant, likewise. */
const char *ds_rep_claimant(const dossier_corpus *c, const ds_article *a, const ds_figure *f);
/* Global quote / figure number (1-based) as used in ids "q<n>" and "f<n>". */
uint32_t ds_rep_quote_num(const dossier_corpus *c, ds_ref r);
uint32_t ds_rep_figure_num(const dossier_corpus *c, ds_ref r);
/* Pointers to the referenced quote / figure (NULL when out of range). */
const ds_quote *ds_rep_quote(const dossier_corpus *c, ds_ref r);
const ds_figure *ds_rep_figure(const dossier_corpus *c, ds_ref r);
const ds_article *ds_rep_article(const dossier_corpus *c, uint32_t i);

/* Appends a span of an article's body with runs of white space (newlines included)
 * collapsed to one space, cut to at most max_chars code points (0: no cap) with "…". */
void ds_rep_span(ds_buf *out, const ds_article *a, uint32_t start, uint32_t end,
                 size_t max_chars);
/* Appends s (n bytes) with white space collapsed and cut like ds_rep_span. */
void ds_rep_clip(ds_buf *out, const char *s, size_t n, size_t max_chars);
/* Length of a control character at s[0..n) that no report may pass on (C0 other
 * than tab/newline/CR, DEL, and the C1 range U+0080-U+009F, which some terminals obey
 * as escape sequences), or 0. */
size_t ds_rep_control(const char *s, size_t n);
/* Number of code points in s[0..n). */
size_t ds_rep_width(const char *s, size_t n);

/* The corpus's date range ("2025-03-10 to 2025-03-16"), or "" when no dates. */
void ds_rep_date_range(const dossier_corpus *c, ds_buf *out);
/* Appends the corpus headline: "6 articles from 5 outlets", with "(outlet unknown for
 * N)" or "(no outlet named)" when sources do not name their outlet. */
void ds_rep_corpus_line(const dossier_corpus *c, ds_buf *out);
/* Citations listed by name before "and N more": a fact 300 outlets carry reads better
 * as a count past the first dozen. */
#define DS_REPORT_MAX_CITES 12
/* Flags (one per entry of v) the independent sources: every article except a reprint
 * of another article in v. Returns how many. Linear in v->len. */
size_t ds_rep_independent(const dossier_corpus *c, const ds_u32vec *v, bool *flags);
/* Outlet list of a set of articles, reprints of listed articles skipped, at most
 * DS_REPORT_MAX_CITES names: "A, B, C" / "A, …, L and 5 more" into out (unescaped). */
void ds_rep_outlets(const dossier_corpus *c, const ds_u32vec *articles, ds_buf *out);

/* Figure group status / quote group flags as words. */
const char *ds_rep_fig_status(ds_fig_status s);

/* A figure's value as a reader sees it: "about 1,200", "3,000–4,000". */
void ds_rep_figure_value(const ds_article *a, const ds_figure *f, ds_buf *out);

/* A quote group shown as such under "who said what": carried by two independent
 * outlets, or attributed to different speakers. A quote and its reprint alone are
 * not news; their quote is listed once under its speaker. */
bool ds_rep_group_shown(const ds_quote_group *g);

/* The speakers to show in "who said what": speaker name -> quote refs, ordered by
 * number of quotes (most first), then name. Quotes of shown groups and quotes from
 * reprints are left out (listed with their groups / originals). */
typedef struct {
  const char *name; /* NULL: unattributed */
  ds_refvec quotes;
} ds_rep_speaker_quotes;
typedef DS_VEC(ds_rep_speaker_quotes) ds_rep_speakers;
void ds_rep_collect_speakers(const dossier_corpus *c, ds_arena *arena, ds_rep_speakers *out);

/* Indexes of the corpus entities ordered by number of articles, then mentions. */
uint32_t *ds_rep_entity_order(const dossier_corpus *c, ds_arena *arena);

#endif
