/* Page metadata: <meta> tags (data/html_meta_keys.txt gives each key a field and a
 * priority), JSON-LD (jansson; @graph and arrays), <link rel=canonical>, <title>,
 * <time datetime>, the single <h1>, and a byline element. The best-priority value
 * wins per field; dates are accepted only when they normalise to YYYY-MM-DD. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html_internal.h"
#include "util/lexicon.h"

/* A byline is a short line; a longer "author" element is a bio box. */
#define DS_HTML_MAX_BYLINE 100
/* Metadata values are short; a multi-kilobyte og:title is junk. */
#define DS_HTML_MAX_META 1000

enum { F_TITLE, F_OUTLET, F_AUTHOR, F_PUBLISHED, F_URL, F_N };
static const char *const S_fields[F_N] = {"title", "outlet", "author", "published", "url"};
#define PRIO_NONE 100

typedef struct {
  ds_html_ctx *x;
  const char *val[F_N];
  int prio[F_N];
  const char *doc_title; /* <title> as written */
  const char *h1;        /* text of the first <h1> */
  int n_h1, n_jsonld;
  bool head_title;
  const char *byline;
  const char *time_any; /* first <time datetime> */
  const char *ld_headline, *ld_name;
  const ds_map *byline_hints;
} S_meta;

static bool S_wordc(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         (unsigned char)c >= 0x80;
}

/* Trimmed copy with whitespace runs collapsed; NULL when empty. */
static const char *S_clean(ds_arena *a, const char *s, size_t n) {
  if (!s) return NULL;
  if (n > DS_HTML_MAX_META) n = DS_HTML_MAX_META;
  char *o = DS_NEW(a, char, n + 1);
  size_t k = 0;
  bool space = false;
  size_t i = 0;
  for (; i < n && s[i]; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      space = k > 0;
      continue;
    }
    if (space) o[k++] = ' ';
    space = false;
    o[k++] = (char)c;
  }
  if (i == n && s[i] && k && ((unsigned char)o[k - 1] & 0x80)) { /* cut mid-character */
    while (k && ((unsigned char)o[k - 1] & 0xC0) == 0x80) k--;
    if (k) k--;
  }
  o[k] = '\0';
  return k ? o : NULL;
}

/* A title separator " | " (also - – — / \ > » ·): returns its length at s, or 0. */
static size_t S_sep(const char *s) {
  static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                     " / ", " \\ ", " > ", " \xC2\xBB ", " \xC2\xB7 ", " :: ",
                                     " \xE2\x80\xA2 "};
  for (size_t i = 0; i < sizeof seps / sizeof *seps; i++)
    if (strncmp(s, seps[i], strlen(seps[i])) == 0) return strlen(seps[i]);
  return 0;
}

/* "By Ana Lind" -> "Ana Lind" (the opening word from data/html_byline_prefixes.txt). */
static const char *S_strip_by(ds_arena *a, const char *t) {
  size_t n = strcspn(t, " :");
  const char *rest = t + n + strspn(t + n, " :");
  /* other languages' "by" can be a name ("Di Wang", "Von Miller"): only strip it
   * before a name of two words or more */
  bool by = n == 2 && strncasecmp(t, "by", 2) == 0;
  if (*rest && ds_html_lookup(ds_lexicon("html_byline_prefixes"), t, n) && (by || strchr(rest, ' ')))
    t = rest;
  /* "Ana Lind - May 6, 2031", "Ana Lind | 8h": the name ends at a separator */
  size_t len = strlen(t), end = len;
  for (size_t i = 0; i < len && end == len; i++)
    if (S_sep(t + i)) end = i;
  while (end && strchr(" -|,", t[end - 1])) end--;
  if (end >= 3 && (unsigned char)t[end - 3] == 0xE2 && (unsigned char)t[end - 2] == 0x80 &&
      ((unsigned char)t[end - 1] == 0x93 || (unsigned char)t[end - 1] == 0x94)) /* en/em dash */
    end -= 3;
  while (end && t[end - 1] == ' ') end--;
  if (end && end < len) return ds_arena_strndup(a, t, end);
  return t;
}

static void S_set(S_meta *m, int f, const char *v, size_t n, int prio) {
  if (!v || prio >= m->prio[f]) return;
  if (f == F_PUBLISHED) {
    char d[11];
    if (!ds_html_date(v, n, d)) return;
    m->val[f] = ds_arena_strdup(m->x->arena, d);
  } else {
    while (n && (*v == ' ' || *v == '\n' || *v == '\t')) v++, n--;
    if (f == F_AUTHOR && (strncmp(v, "http", 4) == 0 || (strchr(v, '@') && !memchr(v, ' ', n))))
      return; /* a URL or an e-mail address, not a name */
    const char *c = S_clean(m->x->arena, v, n);
    if (!c) return;
    if (f == F_AUTHOR) c = S_strip_by(m->x->arena, c);
    m->val[f] = c;
  }
  m->prio[f] = prio;
}

/* ---- <meta> ---- */

static void S_meta_key(S_meta *m, const char *key, size_t n, const char *content) {
  const char *v = ds_html_lookup(ds_lexicon("html_meta_keys"), key, n);
  if (!v) return;
  const char *comma = strchr(v, ',');
  if (!comma) return;
  for (int f = 0; f < F_N; f++)
    if (strncmp(v, S_fields[f], (size_t)(comma - v)) == 0 && !S_fields[f][comma - v])
      S_set(m, f, content, strlen(content), atoi(comma + 1));
}

static void S_meta_tag(S_meta *m, xmlNodePtr n) {
  const char *content = ds_html_attr(n, "content");
  if (!content || !*content) return;
  static const char *const attrs[] = {"property", "name", "itemprop"};
  for (size_t i = 0; i < 3; i++) {
    const char *k = ds_html_attr(n, attrs[i]);
    while (k && *k) { /* property may list several keys: "og:title dc:title" */
      size_t len = strcspn(k, " \t\n");
      if (len) S_meta_key(m, k, len, content);
      k += len;
      k += strspn(k, " \t\n");
    }
  }
}

/* ---- JSON-LD ---- */

static const char *S_jstr(json_t *o, const char *key) {
  json_t *v = json_object_get(o, key);
  return json_is_string(v) ? json_string_value(v) : NULL;
}

static bool S_is_article(json_t *o) {
  json_t *t = json_object_get(o, "@type");
  if (json_is_string(t)) {
    const char *s = json_string_value(t);
    return ds_html_lookup(ds_lexicon("html_jsonld_types"), s, strlen(s)) != NULL;
  }
  size_t i;
  json_t *e;
  json_array_foreach(t, i, e) {
    const char *s = json_string_value(e);
    if (s && ds_html_lookup(ds_lexicon("html_jsonld_types"), s, strlen(s))) return true;
  }
  return false;
}

/* The article object: depth-first through arrays and @graph. */
static json_t *S_find_article(json_t *v, int depth) {
  if (depth > 4) return NULL;
  if (json_is_array(v)) {
    size_t i;
    json_t *e;
    json_array_foreach(v, i, e) {
      json_t *r = S_find_article(e, depth + 1);
      if (r) return r;
    }
    return NULL;
  }
  if (!json_is_object(v)) return NULL;
  if (S_is_article(v)) return v;
  return S_find_article(json_object_get(v, "@graph"), depth + 1);
}

/* Follows {"@id": "..."} to the full node of the same id in the graph. */
static json_t *S_resolve(json_t *root, json_t *o) {
  const char *id = S_jstr(o, "@id");
  if (!id || S_jstr(o, "name")) return o;
  json_t *g = json_object_get(root, "@graph");
  if (!json_is_array(g)) g = root;
  size_t i;
  json_t *e;
  json_array_foreach(g, i, e) {
    const char *eid = S_jstr(e, "@id");
    if (eid && strcmp(eid, id) == 0 && e != o) return e;
  }
  return o;
}

/* Names of a person / organisation value (string, object, or array), ", "-joined. */
static void S_names(json_t *root, json_t *v, ds_buf *out, int depth) {
  if (depth > 3) return;
  if (json_is_string(v)) {
    if (out->len) ds_buf_puts(out, ", ");
    ds_buf_puts(out, json_string_value(v));
  } else if (json_is_array(v)) {
    size_t i;
    json_t *e;
    json_array_foreach(v, i, e) S_names(root, e, out, depth + 1);
  } else if (json_is_object(v)) {
    const char *name = S_jstr(S_resolve(root, v), "name");
    if (name) S_names(root, json_object_get(S_resolve(root, v), "name"), out, depth + 1);
  }
}

static void S_jsonld_names(S_meta *m, json_t *root, json_t *v, int f, int prio) {
  ds_buf b = DS_BUF_INIT;
  S_names(root, v, &b, 0);
  S_set(m, f, b.ptr, b.len, prio);
  ds_buf_free(&b);
}

/* Next word of s (letters, digits, any non-ASCII byte) at or after *i. */
static bool S_next_word(const char *s, size_t *i, size_t *start, size_t *len) {
  while (s[*i] && !S_wordc(s[*i])) (*i)++;
  *start = *i;
  while (s[*i] && S_wordc(s[*i])) (*i)++;
  *len = *i - *start;
  return *len > 0;
}

static bool S_has_word(const char *s, const char *w, size_t wl) {
  size_t i = 0, st, l;
  while (S_next_word(s, &i, &st, &l))
    if (l == wl && strncasecmp(s + st, w, l) == 0) return true;
  return false;
}

/* Readability's text similarity: the share of doc's words (weighted by length) that
 * also occur in cand, ASCII case-folded. Titles are short (bounded by
 * DS_HTML_MAX_META), so the word-by-word search stays small. */
double ds_html_similarity(const char *cand, const char *doc) {
  size_t total = 0, hit = 0, i = 0, st, l;
  while (S_next_word(doc, &i, &st, &l)) {
    total += l;
    if (S_has_word(cand, doc + st, l)) hit += l;
  }
  return total ? (double)hit / (double)total : 0.0;
}

/* JSON-LD name or headline (Readability's rule): name, unless only the headline
 * matches the page's <title> (some sites put the outlet in name, others a
 * description in headline). */
static const char *S_pick_title(S_meta *m, const char *headline, const char *name) {
  const char *outlet = m->val[F_OUTLET];
  if (name && headline && outlet && strncasecmp(name, outlet, strlen(name)) == 0)
    return headline; /* the name is the outlet's */
  if (!headline || !name || !m->doc_title) return name ? name : headline;
  bool hm = ds_html_similarity(headline, m->doc_title) > 0.75, nm = ds_html_similarity(name, m->doc_title) > 0.75;
  return hm && !nm ? headline : name;
}

static void S_jsonld(S_meta *m, const char *s) {
  if (m->n_jsonld++ >= DS_HTML_MAX_JSONLD) return;
  size_t n = strlen(s);
  while (n && strchr(" \t\r\n", *s)) s++, n--;
  if (n > 9 && strncmp(s, "<![CDATA[", 9) == 0) s += 9, n -= 9;
  json_error_t err;
  json_t *root = json_loadb(s, n, JSON_DISABLE_EOF_CHECK, &err);
  if (!root) return;
  json_t *a = S_find_article(root, 0);
  if (a) {
    if (!m->ld_headline && !m->ld_name) { /* chosen at the end, against <title> */
      m->ld_headline = S_clean(m->x->arena, S_jstr(a, "headline"), DS_HTML_MAX_META);
      m->ld_name = S_clean(m->x->arena, S_jstr(a, "name"), DS_HTML_MAX_META);
    }
    S_jsonld_names(m, root, json_object_get(a, "author"), F_AUTHOR, 1);
    S_jsonld_names(m, root, json_object_get(a, "publisher"), F_OUTLET, 2);
    const char *d = S_jstr(a, "datePublished");
    if (!d) d = S_jstr(a, "dateCreated");
    if (d) S_set(m, F_PUBLISHED, d, strlen(d), 0);
    const char *u = S_jstr(a, "url");
    if (u && strncmp(u, "http", 4) == 0) S_set(m, F_URL, u, strlen(u), 3);
  }
  json_decref(root);
}

/* ---- the walk ---- */

static bool S_byline_hint(const ds_map *hints, const char *s) {
  if (!s) return false;
  while (*s) {
    size_t n = strcspn(s, " \t\n_-");
    if (n && ds_html_lookup(hints, s, n)) return true;
    s += n;
    s += strspn(s, " \t\n_-");
  }
  return false;
}

static bool S_is_byline(S_meta *m, xmlNodePtr n) {
  if (!n->properties) return false;
  const char *rel = ds_html_attr(n, "rel"), *ip = ds_html_attr(n, "itemprop");
  if ((rel && strcasecmp(rel, "author") == 0) || (ip && strstr(ip, "author"))) return true;
  return S_byline_hint(m->byline_hints, ds_html_attr(n, "class")) ||
         S_byline_hint(m->byline_hints, ds_html_attr(n, "id"));
}

/* The descendant marked itemprop="name" (a schema.org Person's name), or NULL. */
static xmlNodePtr S_itemprop_name(xmlNodePtr n, int depth) {
  for (xmlNodePtr c = n->children; c && depth < DS_HTML_MAX_DEPTH; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    const char *ip = ds_html_attr(c, "itemprop");
    if (ip && strcasecmp(ip, "name") == 0) return c;
    xmlNodePtr r = S_itemprop_name(c, depth + 1);
    if (r) return r;
  }
  return NULL;
}

static void S_byline(S_meta *m, xmlNodePtr n) {
  const char *ip = ds_html_attr(n, "itemprop");
  xmlNodePtr name = ip && strstr(ip, "author") ? S_itemprop_name(n, 0) : NULL;
  char *t = ds_html_node_text(m->x->arena, name ? name : n, DS_HTML_MAX_BYLINE + 1);
  if (!t || strlen(t) > DS_HTML_MAX_BYLINE) return;
  m->byline = S_strip_by(m->x->arena, t);
  m->x->byline = n; /* Readability drops the byline from the text */
}

static void S_element(S_meta *m, xmlNodePtr c, const char *name) {
  ds_arena *a = m->x->arena;
  if (strcasecmp(name, "meta") == 0) {
    S_meta_tag(m, c);
  } else if (strcasecmp(name, "link") == 0) {
    const char *rel = ds_html_attr(c, "rel"), *href = ds_html_attr(c, "href");
    if (rel && href && strcasecmp(rel, "canonical") == 0) S_set(m, F_URL, href, strlen(href), 1);
  } else if (strcasecmp(name, "title") == 0) {
    /* the <head>'s title wins over <title> inside inline SVG */
    bool head = c->parent && c->parent->name && strcasecmp((const char *)c->parent->name, "head") == 0;
    if (!m->doc_title || (head && !m->head_title)) {
      m->doc_title = ds_html_node_text(a, c, DS_HTML_MAX_META);
      m->head_title = head;
    }
  } else if (strcasecmp(name, "script") == 0) {
    const char *type = ds_html_attr(c, "type");
    if (type && strstr(type, "ld+json") && c->children && c->children->content)
      S_jsonld(m, (const char *)c->children->content);
  } else if (strcasecmp(name, "time") == 0) {
    const char *dt = ds_html_attr(c, "datetime"), *ip = ds_html_attr(c, "itemprop");
    if (!dt) return;
    if (ds_html_attr(c, "pubdate") || (ip && strcasecmp(ip, "datePublished") == 0))
      S_set(m, F_PUBLISHED, dt, strlen(dt), 2);
    else if (!m->time_any)
      m->time_any = dt;
  } else if (strcasecmp(name, "h1") == 0) {
    if (!m->n_h1++) m->h1 = ds_html_node_text(a, c, DS_HTML_MAX_META);
  }
}

static void S_walk(S_meta *m, xmlNodePtr n, int depth) {
  for (xmlNodePtr c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    const char *name = (const char *)c->name;
    S_element(m, c, name);
    if (strcasecmp(name, "script") == 0 || strcasecmp(name, "style") == 0) continue;
    if (!m->byline && S_is_byline(m, c)) S_byline(m, c);
    if (depth < DS_HTML_MAX_DEPTH) S_walk(m, c, depth + 1);
  }
}

/* ---- title ---- */

static size_t S_words(const char *s, size_t n) {
  size_t w = 0;
  bool in = false;
  for (size_t i = 0; i < n; i++) {
    bool sp = s[i] == ' ';
    if (!sp && !in) w++;
    in = !sp;
  }
  return w;
}

/* Readability's rule: cut after the last separator; if that leaves under 3 words,
 * cut before the first instead; a result of 4 words or fewer keeps the original. */
static const char *S_clean_title(ds_arena *a, const char *t) {
  size_t n = strlen(t), first = 0, first_len = 0, last = 0;
  bool any = false;
  for (size_t i = 0; i < n; i++) {
    size_t l = S_sep(t + i);
    if (!l) continue;
    if (!any) first = i, first_len = l;
    last = i;
    any = true;
  }
  if (!any) return t;
  const char *s = t;
  size_t len = last;
  if (S_words(t, last) < 3) s = t + first + first_len, len = n - first - first_len;
  if (S_words(s, len) <= 4) return t;
  return ds_arena_strndup(a, s, len);
}

/* Drops " | Outlet" / "Outlet - " from a title when the outlet is known. */
static const char *S_strip_outlet(ds_arena *a, const char *t, const char *outlet) {
  size_t n = strlen(t), o = outlet ? strlen(outlet) : 0;
  if (!o || n <= o + 3) return t;
  if (strcasecmp(t + n - o, outlet) == 0) {
    for (size_t i = n - o; i-- > 0;) {
      size_t l = S_sep(t + i);
      if (l && i + l == n - o) return ds_arena_strndup(a, t, i);
      if (l || t[i] != ' ') break;
    }
  }
  if (strncasecmp(t, outlet, o) == 0) {
    size_t l = S_sep(t + o);
    if (l) return ds_arena_strdup(a, t + o + l);
  }
  return t;
}

static const char *S_title(S_meta *m) {
  ds_arena *a = m->x->arena;
  const char *t = m->val[F_TITLE];
  if (!t && m->doc_title) {
    t = S_clean_title(a, m->doc_title);
    size_t n = strlen(t);
    if (t == m->doc_title && (n > 150 || n < 15) && m->n_h1 == 1 && m->h1 &&
        S_words(m->h1, strlen(m->h1)) > 4)
      t = m->h1;
  }
  if (!t && m->n_h1 >= 1) t = m->h1;
  return t ? S_strip_outlet(a, t, m->val[F_OUTLET]) : NULL;
}

void ds_html_meta(ds_html_ctx *x, ds_html_doc *out) {
  S_meta m = {.x = x, .byline_hints = ds_lexicon("html_byline_hints")};
  for (int f = 0; f < F_N; f++) m.prio[f] = PRIO_NONE;
  xmlNodePtr root = xmlDocGetRootElement(x->doc);
  if (root) {
    S_element(&m, root, (const char *)root->name);
    S_walk(&m, root, 0);
  }
  const char *t = S_pick_title(&m, m.ld_headline, m.ld_name);
  if (t) S_set(&m, F_TITLE, t, strlen(t), 1);
  if (m.byline) S_set(&m, F_AUTHOR, m.byline, strlen(m.byline), 5);
  if (m.time_any) S_set(&m, F_PUBLISHED, m.time_any, strlen(m.time_any), 6);
  out->title = S_title(&m);
  out->outlet = m.val[F_OUTLET];
  out->author = m.val[F_AUTHOR];
  out->published = m.val[F_PUBLISHED];
  out->url = m.val[F_URL];
}
