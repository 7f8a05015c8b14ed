/* Shared between the HTML reader's files: per-element facts hung on libxml2 nodes
 * (node->_private), the extraction passes and the text writer. */
#ifndef DS_HTML_INTERNAL_H
#define DS_HTML_INTERNAL_H
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdbool.h>
#include <stdint.h>

#include "read_html.h"
#include "util/buf.h"
#include "util/hash.h"

/* Deepest element nesting we descend into: libxml2 already caps the tree at 256
 * levels; anything deeper is markup soup, not an article, and recursion stays bounded. */
#define DS_HTML_MAX_DEPTH 256
/* Readability's constants: a paragraph under 25 characters scores nothing; an
 * extraction under 500 characters is retried with fewer rules. */
#define DS_HTML_MIN_PARA 25
#define DS_HTML_MIN_TEXT 500
/* Longest class/id string we split into hint words: real ones are under 200 bytes. */
#define DS_HTML_MAX_CLASS 512
/* Most JSON-LD blocks we parse per page (each is parsed with jansson). */
#define DS_HTML_MAX_JSONLD 16

/* tag flags (data/html_tags.txt and data/html_drop_tags.txt) */
enum {
  HT_BLOCK = 1 << 0,
  HT_LINE = 1 << 1,
  HT_PARA = 1 << 2,
  HT_CELL = 1 << 3,
  HT_HEADING = 1 << 4,
  HT_CLEAN = 1 << 5,
  HT_PRE = 1 << 6,
  HT_DROP = 1 << 7,
  HT_A = 1 << 8,
  HT_IMG = 1 << 9,
  HT_BR = 1 << 10,
  HT_P = 1 << 11,
  HT_LI = 1 << 12,
  HT_INPUT = 1 << 13,
  HT_EMBED = 1 << 14,
  HT_TABLE = 1 << 15,
  HT_CODE = 1 << 16,
  HT_FIGURE = 1 << 17,
  HT_LIST = 1 << 18, /* ul, ol */
  HT_TR = 1 << 19,
  HT_TH = 1 << 20,
  HT_STRUCT = 1 << 21,
  HT_INVISIBLE = 1 << 22,
  HT_DIV = 1 << 23, /* div: becomes a paragraph when it holds no blocks */
};

/* node flags */
enum {
  HN_DROP = 1 << 0,    /* not part of the text */
  HN_SCORED = 1 << 1,  /* has a candidate score */
  HN_PARA = 1 << 2,    /* a paragraph: <p> or a block holding no blocks */
  HN_HASBLOCK = 1 << 3,
  HN_DATATABLE = 1 << 4,
  HN_VPARA = 1 << 5,   /* a block whose own inline text scores it as a paragraph */
  HN_SENTENCE = 1 << 6, /* its text holds ". " or ends with "." */
  HN_SHARE = 1 << 7,    /* class or id says share (Readability's share elements) */
  HN_WRAP = 1 << 8,     /* a div holding one <p> and nothing else: counts as that p */
};

/* Text statistics of an element's kept subtree (characters count code points, a
 * whitespace run counting as one). */
typedef struct {
  uint32_t text, links, commas, heading_text, list_text;
  uint32_t n_p, n_img, n_li, n_input, n_embed, n_tr, n_cells, n_th, n_table;
} ds_html_stats;

typedef struct {
  ds_html_stats st;
  uint32_t direct_text; /* characters in inline children (text beside blocks) */
  float score;
  int16_t weight; /* class/id hint weight */
  int16_t base;   /* tag bonus */
  uint32_t tag;   /* HT_* */
  uint16_t flags; /* HN_* */
  uint16_t kids;  /* element children kept */
  xmlNodePtr only_kid; /* the kept element child when kids == 1 */
} ds_html_info;

/* passes of one extraction attempt */
enum {
  HF_STRIP_UNLIKELY = 1 << 0,
  HF_WEIGHT_CLASSES = 1 << 1,
  HF_CLEAN_CONDITIONALLY = 1 << 2,
};

typedef struct {
  ds_arena *arena;  /* the caller's: metadata strings and the text */
  ds_arena scratch; /* per-element facts and work lists, freed when the page is done */
  htmlDocPtr doc;
  xmlNodePtr body;
  const ds_map *tags, *drop_tags, *pos, *neg, *roles;
  const char *title; /* for dropping the heading that repeats it */
  xmlNodePtr byline; /* the byline element the metadata pass used, dropped from text */
  int flags;         /* HF_* */
  DS_VEC(xmlNodePtr) paras;
  DS_VEC(xmlNodePtr) scored;
} ds_html_ctx;

static inline ds_html_info *ds_html_info_of(xmlNodePtr n) {
  return n && n->type == XML_ELEMENT_NODE ? (ds_html_info *)n->_private : NULL;
}

/* html_meta.c: fills title, outlet, author, published, url. */
void ds_html_meta(ds_html_ctx *x, ds_html_doc *out);
/* html_score.c: marks the article's elements; returns the chosen nodes (siblings in
 * order) in *nodes, or 0 when nothing scored. */
size_t ds_html_select(ds_html_ctx *x, xmlNodePtr **nodes);
/* html_text.c: appends the text of node. Modes: DS_HTML_ALL writes every visible
 * node, DS_HTML_TAGS also skips dropped tags (nav, figcaption...), DS_HTML_KEPT also
 * skips elements the extractor marked HN_DROP. */
enum { DS_HTML_ALL, DS_HTML_TAGS, DS_HTML_KEPT };
void ds_html_write(xmlNodePtr node, int mode, ds_buf *out, int *pending);
void ds_html_write_end(ds_buf *out);
/* Collapsed, trimmed text of a node into the arena (for headings, bylines). */
char *ds_html_node_text(ds_arena *a, xmlNodePtr n, size_t max);
/* Attribute value or NULL; points into the tree (no copy). */
const char *ds_html_attr(xmlNodePtr n, const char *name);
/* Share of doc's words (weighted by length) that cand also holds (Readability's
 * text similarity), ASCII case-folded. */
double ds_html_similarity(const char *cand, const char *doc);
/* Looks up a lower-cased copy of key[0..n) in a word list map. */
const char *ds_html_lookup(const ds_map *m, const char *key, size_t n);
#endif
