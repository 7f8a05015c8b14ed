/* HTML reader: bytes -> UTF-8 -> libxml2 tree -> metadata + main text -> one article.
 * We convert to UTF-8 ourselves (iconv, one replacement character per bad byte) and
 * tell libxml2 to ignore the page's own charset hint, so a page that lies about its
 * encoding, or holds bytes invalid in it, still parses to the end. */
#include <errno.h>
#include <iconv.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "corpus.h"
#include "html_internal.h"
#include "util/lexicon.h"
#include "util/utf8.h"

/* How far into the page we look for a charset declaration: HTML requires it within
 * the first 1024 bytes; real pages sometimes put it a little later. */
#define DS_HTML_SNIFF_BYTES 4096
/* Share of invalid UTF-8 above which undeclared bytes are binary, not text: real
 * pages with a wrong or missing charset have a few bad bytes per line at most. */
#define DS_HTML_BINARY_RATIO 20
#define DS_HTML_PARSE_OPTS                                                               \
  (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |   \
   HTML_PARSE_COMPACT | HTML_PARSE_NOBLANKS | HTML_PARSE_IGNORE_ENC)

static pthread_once_t S_once = PTHREAD_ONCE_INIT;
static void S_init(void) { xmlInitParser(); }

/* ---- encoding ---- */

static bool S_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '-' || c == '_' || c == '.' || c == ':';
}

/* The charset a BOM, <meta charset>, http-equiv content or <?xml encoding?> names. */
static bool S_declared(const char *b, size_t n, char name[64], size_t *skip) {
  *skip = 0;
  if (n >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0) {
    *skip = 3;
    strcpy(name, "UTF-8");
    return true;
  }
  if (n >= 2 && (memcmp(b, "\xFF\xFE", 2) == 0 || memcmp(b, "\xFE\xFF", 2) == 0)) {
    *skip = 2;
    strcpy(name, b[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE");
    return true;
  }
  size_t lim = n < DS_HTML_SNIFF_BYTES ? n : DS_HTML_SNIFF_BYTES;
  for (size_t i = 0; i + 8 < lim; i++) {
    bool cs = strncasecmp(b + i, "charset", 7) == 0, enc = strncasecmp(b + i, "encoding", 8) == 0;
    if (!cs && !enc) continue;
    size_t j = i + (cs ? 7 : 8);
    while (j < lim && (b[j] == ' ' || b[j] == '=' || b[j] == '"' || b[j] == '\'')) j++;
    size_t k = 0;
    while (j < lim && k < 63 && S_name_char(b[j])) name[k++] = b[j++];
    name[k] = '\0';
    if (k) return true;
  }
  return false;
}

static bool S_is_utf8_name(const char *name) {
  return strcasecmp(name, "utf-8") == 0 || strcasecmp(name, "utf8") == 0;
}

/* iconv to UTF-8, a replacement character for each byte the charset rejects. */
static bool S_iconv(const char *from, const char *b, size_t n, ds_buf *out) {
  /* browsers read iso-8859-1 as windows-1252 (curly quotes in 0x80-0x9F) */
  if (strcasecmp(from, "iso-8859-1") == 0 || strcasecmp(from, "latin1") == 0 ||
      strcasecmp(from, "us-ascii") == 0)
    from = "WINDOWS-1252";
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == (iconv_t)-1) return false;
  char *in = (char *)b;
  size_t left = n;
  while (left) {
    ds_buf_reserve(out, left * 2 + 16);
    char *o = out->ptr + out->len;
    size_t room = out->cap - out->len - 1;
    size_t r = iconv(cd, &in, &left, &o, &room);
    out->len = (size_t)(o - out->ptr);
    if (r == (size_t)-1 && errno != E2BIG) { /* EILSEQ / EINVAL: skip one byte */
      ds_buf_puts(out, "\xEF\xBF\xBD");
      in++;
      left--;
    }
  }
  iconv_close(cd);
  out->ptr[out->len] = '\0';
  return true;
}

/* Converts the page to valid UTF-8 in out; returns the bytes that had to be replaced. */
static size_t S_to_utf8(const char *b, size_t n, ds_buf *out) {
  char name[64];
  size_t skip;
  bool declared = S_declared(b, n, name, &skip);
  b += skip;
  n -= skip;
  if (declared && !S_is_utf8_name(name)) {
    /* pages labelled legacy but written in UTF-8 are common: trust valid UTF-8 */
    size_t bad = ds_utf8_repair(out, b, n);
    bool ascii = true;
    for (size_t i = 0; i < n && ascii; i++) ascii = (unsigned char)b[i] < 0x80;
    if (ascii || (bad == 0 && strncasecmp(name, "utf-16", 6) != 0)) return 0;
    ds_buf_clear(out);
    if (S_iconv(name, b, n, out)) {
      ds_buf tmp = DS_BUF_INIT; /* iconv output is valid, but NUL bytes must go */
      ds_utf8_repair(&tmp, out->ptr, out->len);
      ds_buf_free(out);
      *out = tmp;
      return 0;
    }
  }
  ds_buf_clear(out);
  return ds_utf8_repair(out, b, n);
}

/* ---- tagging pass ---- */

/* Parses a flag list from data/html_tags.txt ("block,para,base=3"). */
static uint32_t S_tag_flags(const char *v, int16_t *base) {
  static const struct { const char *w; uint32_t f; } words[] = {
      {"block", HT_BLOCK}, {"line", HT_LINE}, {"para", HT_PARA}, {"cell", HT_CELL},
      {"heading", HT_HEADING}, {"clean", HT_CLEAN}, {"pre", HT_PRE}, {"link", HT_A},
      {"img", HT_IMG}, {"br", HT_BR}, {"p", HT_P}, {"li", HT_LI}, {"input", HT_INPUT},
      {"embed", HT_EMBED}, {"table", HT_TABLE}, {"code", HT_CODE}, {"figure", HT_FIGURE},
      {"list", HT_LIST}, {"tr", HT_TR}, {"th", HT_TH}, {"struct", HT_STRUCT},
      {"invisible", HT_INVISIBLE}, {"div", HT_DIV}};
  uint32_t f = 0;
  while (v && *v) {
    size_t n = strcspn(v, ",");
    if (n > 5 && strncmp(v, "base=", 5) == 0) *base = (int16_t)atoi(v + 5);
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
      if (strlen(words[i].w) == n && strncmp(v, words[i].w, n) == 0) f |= words[i].f;
    v += n + (v[n] == ',');
  }
  return f;
}

/* Element names are interned in the parser's dictionary, so a small cache keyed by
 * the name pointer saves a word-list lookup and a flag parse per element. */
#define S_CACHE 128
typedef struct {
  const xmlChar *name;
  uint32_t tag;
  int16_t base;
} S_tag_cache;

static void S_tag_of(ds_html_ctx *x, S_tag_cache *cache, const xmlChar *name,
                     ds_html_info *in) {
  size_t h = ((uintptr_t)name >> 4) % S_CACHE;
  S_tag_cache *e = &cache[h];
  if (e->name != name) {
    size_t n = strlen((const char *)name);
    e->name = name;
    e->base = 0;
    e->tag = S_tag_flags(ds_html_lookup(x->tags, (const char *)name, n), &e->base);
    if (ds_html_lookup(x->drop_tags, (const char *)name, n)) e->tag |= HT_DROP;
  }
  in->tag = e->tag;
  in->base = e->base;
}

static void S_tag_all(ds_html_ctx *x, S_tag_cache *cache, xmlNodePtr n, int depth) {
  for (xmlNodePtr c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    ds_html_info *in = DS_NEW(&x->scratch, ds_html_info, 1);
    c->_private = in;
    S_tag_of(x, cache, c->name, in);
    if (depth < DS_HTML_MAX_DEPTH) S_tag_all(x, cache, c, depth + 1);
  }
}

/* ---- helpers shared by the passes ---- */

const char *ds_html_attr(xmlNodePtr n, const char *name) {
  for (xmlAttrPtr a = n->properties; a; a = a->next)
    if (strcasecmp((const char *)a->name, name) == 0)
      return a->children && a->children->content ? (const char *)a->children->content : "";
  return NULL;
}

const char *ds_html_lookup(const ds_map *m, const char *key, size_t n) {
  char low[64];
  if (n >= sizeof low) return NULL;
  for (size_t i = 0; i < n; i++) low[i] = (char)(key[i] >= 'A' && key[i] <= 'Z' ? key[i] + 32 : key[i]);
  const ds_map_slot *s = ds_map_get(m, low, n);
  return s ? (const char *)(uintptr_t)s->value : NULL;
}

/* ---- extraction ---- */

static htmlDocPtr S_parse(const char *bytes, size_t len, ds_buf *utf8) {
  pthread_once(&S_once, S_init);
  size_t bad = S_to_utf8(bytes, len, utf8);
  /* one byte in DS_HTML_BINARY_RATIO invalid: binary data, not a page in some encoding */
  if (bad > len / DS_HTML_BINARY_RATIO || utf8->len > (size_t)INT32_MAX) return NULL;
  return htmlReadMemory(utf8->ptr, (int)utf8->len, NULL, "UTF-8", DS_HTML_PARSE_OPTS);
}

static void S_ctx_init(ds_html_ctx *x, ds_arena *arena, htmlDocPtr doc) {
  memset(x, 0, sizeof *x);
  x->arena = arena;
  x->doc = doc;
  x->tags = ds_lexicon("html_tags");
  x->drop_tags = ds_lexicon("html_drop_tags");
  x->pos = ds_lexicon("html_positive_hints");
  x->neg = ds_lexicon("html_negative_hints");
  x->roles = ds_lexicon("html_drop_roles");
  xmlNodePtr root = xmlDocGetRootElement(doc);
  S_tag_cache cache[S_CACHE] = {{0}};
  if (root) {
    ds_html_info *in = DS_NEW(&x->scratch, ds_html_info, 1);
    root->_private = in;
    S_tag_of(x, cache, root->name, in);
    S_tag_all(x, cache, root, 0);
    for (xmlNodePtr c = root->children; c; c = c->next)
      if (c->type == XML_ELEMENT_NODE && strcasecmp((const char *)c->name, "body") == 0)
        x->body = c;
  }
  if (!x->body) x->body = root;
}

static void S_finish_text(ds_arena *arena, ds_buf *b, ds_html_doc *out) {
  ds_html_write_end(b);
  out->text = ds_arena_strndup(arena, b->ptr, b->len);
  out->text_len = b->len;
}

static void S_extract_text(ds_html_ctx *x, ds_html_doc *out) {
  xmlNodePtr *nodes = NULL;
  size_t n = ds_html_select(x, &nodes);
  ds_buf b = DS_BUF_INIT;
  int pending = 0;
  for (size_t i = 0; i < n; i++) ds_html_write(nodes[i], DS_HTML_KEPT, &b, &pending);
  S_finish_text(x->arena, &b, out);
  ds_buf_free(&b);
}

static bool S_run(const char *bytes, size_t len, ds_arena *arena, ds_html_doc *out,
                  bool whole) {
  memset(out, 0, sizeof *out);
  out->text = "";
  ds_buf utf8 = DS_BUF_INIT;
  htmlDocPtr doc = S_parse(bytes, len, &utf8);
  if (!doc || !xmlDocGetRootElement(doc)) {
    if (doc) xmlFreeDoc(doc);
    ds_buf_free(&utf8);
    return false;
  }
  ds_html_ctx x;
  S_ctx_init(&x, arena, doc);
  if (whole) {
    ds_buf b = DS_BUF_INIT;
    int pending = 0;
    ds_html_write(x.body, DS_HTML_ALL, &b, &pending);
    S_finish_text(arena, &b, out);
    ds_buf_free(&b);
  } else {
    ds_html_meta(&x, out);
    x.title = out->title;
    S_extract_text(&x, out);
  }
  xmlFreeDoc(doc);
  ds_arena_free(&x.scratch);
  ds_buf_free(&utf8);
  return out->text_len > 0;
}

bool ds_html_extract(const char *bytes, size_t len, ds_arena *arena, ds_html_doc *out) {
  return S_run(bytes, len, arena, out, false);
}

bool ds_html_to_text(const char *bytes, size_t len, ds_arena *arena, ds_html_doc *out) {
  return S_run(bytes, len, arena, out, true);
}

/* ---- the reader ---- */

size_t ds_read_html(dossier_corpus *c, const char *file, const char *bytes, size_t len) {
  if (len > DS_MAX_ARTICLE_BYTES) {
    ds_corpus_error(c, DOSSIER_ERR_TOO_LARGE, file, 0, 0,
                    "HTML page larger than %zu bytes", (size_t)DS_MAX_ARTICLE_BYTES);
    return 0;
  }
  ds_article *a = ds_article_new(file);
  ds_html_doc d;
  if (!ds_html_extract(bytes, len, &a->arena, &d)) {
    /* a parsed page has at least a title or some markup; say which case it is */
    ds_corpus_error(c, len ? DOSSIER_ERR_HTML : DOSSIER_ERR_EMPTY, file, 0, 0, "%s",
                    !len ? "empty HTML file"
                    : d.title || memchr(bytes, '<', len) ? "no article text found in the HTML page"
                                                         : "no HTML could be parsed");
    ds_article_free(a);
    return 0;
  }
  a->title = d.title;
  a->outlet = d.outlet;
  a->author = d.author;
  a->url = d.url;
  if (d.published) {
    a->published = d.published;
    a->published_basis = DS_BASIS_METADATA;
  }
  a->raw = d.text; /* built by our writer from repaired UTF-8: already valid */
  a->raw_len = (uint32_t)d.text_len;
  a->raw_is_html = true;
  ds_corpus_push(c, a);
  return 1;
}
