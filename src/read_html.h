/* HTML pages in: metadata (meta tags, JSON-LD, <title>, <time>) and the article's main
 * text, found Readability-style (paragraphs score their ancestors; the best candidate
 * and its worthy siblings are kept; share bars, related lists and the like inside it
 * are cleaned away). The text keeps paragraph breaks: a blank line between blocks,
 * one line per list item, a newline for <br>. */
#ifndef DS_READ_HTML_H
#define DS_READ_HTML_H
#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"

typedef struct {
  /* every field lives in the arena given to ds_html_extract; NULL when not found */
  const char *title;     /* og:title, JSON-LD headline, <title> minus " | Site", <h1> */
  const char *outlet;    /* og:site_name, JSON-LD publisher.name */
  const char *author;    /* meta author, JSON-LD author, rel=author / byline classes */
  const char *published; /* YYYY-MM-DD from JSON-LD, article:published_time, <time> ... */
  const char *url;       /* link rel=canonical, og:url */
  const char *text;      /* main text, valid UTF-8, NUL-terminated; "" when none */
  size_t text_len;
} ds_html_doc;

/* Parses one HTML page (any encoding its BOM or meta charset declares; invalid UTF-8
 * is repaired) and fills out. Returns false when the bytes hold no parsable HTML or
 * no readable text; the metadata found is filled in either case. Thread-safe. */
bool ds_html_extract(const char *bytes, size_t len, ds_arena *arena, ds_html_doc *out);

/* Plain text of every visible text node of a page (scripts and styles skipped), with
 * the same paragraph rules as the extractor; for evaluation against reference text. */
bool ds_html_to_text(const char *bytes, size_t len, ds_arena *arena, ds_html_doc *out);

/* Normalises a date or date-time ("2024-10-24T09:00:00Z", "2024/10/24",
 * "October 24, 2024", "24 Oct 2024") to YYYY-MM-DD in out; false when not a date. */
bool ds_html_date(const char *s, size_t n, char out[11]);
#endif
