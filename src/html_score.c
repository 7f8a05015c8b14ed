/* Finding the article in the tree, after Mozilla Readability:
 * 1. stats: one post-order pass drops furniture (drop tags, hidden nodes, ARIA
 *    roles, unlikely class/id hints) and counts text, link text, commas and
 *    children kinds per element;
 * 2. score: each paragraph of 25+ characters adds 1 + commas + length/100 (max 3) to
 *    its parent, half to its grandparent, a third-per-level further up;
 * 3. pick: best score times (1 - link density), moved up when its ancestors hold
 *    rival candidates, then siblings that score near it or read like prose;
 * 4. clean: inside the pick, lists/tables/divs that look like share bars, link
 *    lists or image strips are dropped (bottom-up, so parents see the result).
 * Extractions under 500 characters are retried with fewer rules. */
#include <string.h>
#include <strings.h>

#include "html_internal.h"

/* Readability's constants. */
#define S_MAX_ANCESTORS 5
#define S_TOP_N 5
#define S_SHARE_MAX 500

/* ---- class / id hints ---- */

typedef struct {
  bool pos, neg, drop, share;
} S_hint;

static void S_hint_word(ds_html_ctx *x, const char *w, size_t n, S_hint *h) {
  const char *v;
  if ((v = ds_html_lookup(x->pos, w, n))) h->pos = true;
  if ((v = ds_html_lookup(x->neg, w, n))) {
    h->neg = true;
    h->drop |= strstr(v, "drop") != NULL;
  }
  h->share |= (n == 5 && strncasecmp(w, "share", 5) == 0) ||
              (n == 10 && strncasecmp(w, "sharedaddy", 10) == 0);
  /* compounds ("articlebody", "commentlist"): hints as prefix or suffix */
  for (size_t l = 3; l < n; l++) {
    const char *ends[2] = {w, w + n - l};
    for (int e = 0; e < 2; e++) {
      if ((v = ds_html_lookup(x->pos, ends[e], l)) && !strstr(v, "word")) h->pos = true;
      if ((v = ds_html_lookup(x->neg, ends[e], l)) && !strstr(v, "word")) {
        h->neg = true;
        h->drop |= strstr(v, "drop") != NULL;
      }
    }
  }
}

/* Splits at non-alphanumerics and lower-to-upper case changes. */
static S_hint S_hints(ds_html_ctx *x, const char *s) {
  S_hint h = {0};
  if (!s) return h;
  size_t n = strnlen(s, DS_HTML_MAX_CLASS), i = 0;
  while (i < n) {
    while (i < n && !((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z') && !(s[i] >= '0' && s[i] <= '9'))
      i++;
    size_t j = i;
    while (j < n && (((s[j] | 32) >= 'a' && (s[j] | 32) <= 'z') || (s[j] >= '0' && s[j] <= '9'))) {
      j++;
      if (j < n && s[j - 1] >= 'a' && s[j - 1] <= 'z' && s[j] >= 'A' && s[j] <= 'Z') break;
    }
    if (j > i) S_hint_word(x, s + i, j - i, &h);
    i = j;
  }
  return h;
}

/* ---- attributes ---- */

typedef struct {
  const char *cls, *id, *style, *role, *aria_hidden;
  bool hidden;
} S_attrs;

static void S_read_attrs(xmlNodePtr n, S_attrs *a) {
  memset(a, 0, sizeof *a);
  for (xmlAttrPtr p = n->properties; p; p = p->next) {
    const char *name = (const char *)p->name;
    const char *v = p->children && p->children->content ? (const char *)p->children->content : "";
    if (strcasecmp(name, "class") == 0) a->cls = v;
    else if (strcasecmp(name, "id") == 0) a->id = v;
    else if (strcasecmp(name, "style") == 0) a->style = v;
    else if (strcasecmp(name, "role") == 0) a->role = v;
    else if (strcasecmp(name, "aria-hidden") == 0) a->aria_hidden = v;
    else if (strcasecmp(name, "hidden") == 0) a->hidden = true;
  }
}

static bool S_style_hidden(const char *s) {
  if (!s) return false;
  char buf[DS_HTML_MAX_CLASS];
  size_t k = 0;
  for (; *s && k + 1 < sizeof buf; s++)
    if (*s != ' ' && *s != '\t') buf[k++] = (char)(*s >= 'A' && *s <= 'Z' ? *s + 32 : *s);
  buf[k] = '\0';
  return strstr(buf, "display:none") || strstr(buf, "visibility:hidden");
}

static bool S_hidden(ds_html_ctx *x, const S_attrs *a) {
  if (a->hidden || S_style_hidden(a->style)) return true;
  if (a->aria_hidden && strcasecmp(a->aria_hidden, "true") == 0 &&
      !(a->cls && strstr(a->cls, "fallback-image")))
    return true;
  return a->role && ds_html_lookup(x->roles, a->role, strlen(a->role));
}

/* ---- 1. stats ---- */

typedef struct {
  bool link, table, code; /* inside <a>, a <table>, <code>/<pre> */
  bool anchor;            /* inside <a href="#...">: an in-page link */
} S_inh;

static void S_count_text(const unsigned char *s, ds_html_stats *st, bool link, bool anchor,
                         uint16_t *flags) {
  uint32_t chars = 0, commas = 0;
  bool space = false, seen = false;
  for (; *s; s++) {
    unsigned char c = *s;
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = seen;
      continue;
    }
    if ((c & 0xC0) == 0x80) continue;
    if (space) {
      chars++;
      if (s[-1] && c != '.' && (s[-2] == '.' || s[-1] == '.')) *flags |= HN_SENTENCE;
    }
    space = false;
    seen = true;
    chars++;
    if (c == ',' || (c == 0xEF && s[1] == 0xBC && s[2] == 0x8C) || (c == 0xD8 && s[1] == 0x8C) ||
        (c == 0xE3 && s[1] == 0x80 && s[2] == 0x81))
      commas++;
    if (c == '.' && (s[1] == '\0' || s[1] == ' ' || s[1] == '\n')) *flags |= HN_SENTENCE;
  }
  st->text += chars;
  st->commas += commas;
  if (link) st->links += anchor ? (chars * 3 + 9) / 10 : chars; /* Readability: 0.3 */
}

static void S_add(ds_html_stats *a, const ds_html_stats *b) {
  a->text += b->text, a->links += b->links, a->commas += b->commas;
  a->heading_text += b->heading_text, a->list_text += b->list_text;
  a->n_p += b->n_p, a->n_img += b->n_img, a->n_li += b->n_li, a->n_input += b->n_input;
  a->n_embed += b->n_embed, a->n_tr += b->n_tr, a->n_cells += b->n_cells;
  a->n_th += b->n_th, a->n_table += b->n_table;
}

static void S_sub(ds_html_stats *a, const ds_html_stats *b) {
  uint32_t *pa = (uint32_t *)a;
  const uint32_t *pb = (const uint32_t *)b;
  for (size_t i = 0; i < sizeof *a / sizeof(uint32_t); i++) pa[i] = pa[i] > pb[i] ? pa[i] - pb[i] : 0;
}

static bool S_drop_by_hints(ds_html_ctx *x, ds_html_info *in, const S_attrs *a, S_inh inh) {
  if (!a->cls && !a->id) return false;
  S_hint hc = S_hints(x, a->cls), hi = S_hints(x, a->id);
  if (x->flags & HF_WEIGHT_CLASSES)
    in->weight = (int16_t)((hc.neg ? -25 : 0) + (hc.pos ? 25 : 0) + (hi.neg ? -25 : 0) +
                           (hi.pos ? 25 : 0));
  if (hc.share || hi.share) in->flags |= HN_SHARE;
  if (!(x->flags & HF_STRIP_UNLIKELY) || (in->tag & (HT_STRUCT | HT_A)) || inh.table || inh.code)
    return false;
  return (hc.drop || hi.drop) && !hc.pos && !hi.pos;
}

static void S_stats(ds_html_ctx *x, xmlNodePtr n, S_inh inh, int depth);

static void S_child_elem(ds_html_ctx *x, ds_html_info *in, xmlNodePtr c, S_inh inh,
                         int depth) {
  ds_html_info *ci = ds_html_info_of(c);
  if (!ci) return;
  S_stats(x, c, inh, depth + 1);
  if (ci->flags & HN_DROP) return;
  if (!in->kids++) in->only_kid = c;
  S_add(&in->st, &ci->st);
  if (ci->tag & HT_LIST) in->st.list_text += ci->st.text - ci->st.list_text;
  if (ci->tag & HT_HEADING) in->st.heading_text += ci->st.text - ci->st.heading_text;
  in->flags |= ci->flags & HN_SENTENCE;
  if (ci->tag & (HT_BLOCK | HT_IMG | HT_HEADING)) in->flags |= HN_HASBLOCK;
  else in->direct_text += ci->st.text;
}

static void S_children(ds_html_ctx *x, xmlNodePtr n, ds_html_info *in, S_inh inh, int depth) {
  for (xmlNodePtr c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      uint32_t before = in->st.text;
      if (c->content) S_count_text(c->content, &in->st, inh.link, inh.anchor, &in->flags);
      in->direct_text += in->st.text - before;
    } else if (c->type == XML_ELEMENT_NODE && depth < DS_HTML_MAX_DEPTH) {
      S_child_elem(x, in, c, inh, depth);
    }
  }
}

static void S_own_counts(ds_html_info *in) {
  uint32_t t = in->tag;
  if ((t & HT_P) || (in->flags & HN_PARA)) in->st.n_p++;
  if (t & HT_IMG) in->st.n_img++;
  if (t & HT_LI) in->st.n_li++;
  if (t & HT_INPUT) in->st.n_input++;
  if (t & HT_EMBED) in->st.n_embed++;
  if (t & HT_TR) in->st.n_tr++;
  if (t & HT_CELL) in->st.n_cells++;
  if (t & HT_TH) in->st.n_th++;
}

/* Readability's data tables: header cells, or many rows or columns and no nesting. */
static void S_table(ds_html_info *in) {
  uint32_t rows = in->st.n_tr, cols = rows ? in->st.n_cells / rows : 0;
  if (in->st.n_th || (!in->st.n_table && (rows >= 10 || cols > 4 || rows * cols > 10)))
    in->flags |= HN_DATATABLE;
  in->st.n_table++;
}

/* Paragraph kinds, after the children are counted. */
static void S_para_kind(ds_html_ctx *x, xmlNodePtr n, ds_html_info *in) {
  if (((in->tag & HT_DIV) && !(in->flags & HN_HASBLOCK)) || (in->tag & HT_P))
    in->flags |= HN_PARA;
  if ((in->tag & HT_DIV) && in->kids == 1 && !in->direct_text &&
      (ds_html_info_of(in->only_kid)->tag & HT_P) && in->st.links * 4 < in->st.text)
    in->flags |= HN_WRAP;
  bool para = (in->flags & HN_PARA) || (in->tag & HT_PARA);
  if (para && in->st.text >= DS_HTML_MIN_PARA) {
    *DS_PUSH(&x->scratch, &x->paras) = n;
  } else if ((in->flags & HN_HASBLOCK) && in->direct_text >= DS_HTML_MIN_PARA) {
    in->flags |= HN_VPARA; /* its inline text is a paragraph of its own */
    *DS_PUSH(&x->scratch, &x->paras) = n;
  }
}

static void S_stats(ds_html_ctx *x, xmlNodePtr n, S_inh inh, int depth) {
  ds_html_info *in = ds_html_info_of(n);
  memset(&in->st, 0, sizeof in->st);
  in->direct_text = 0, in->score = 0, in->weight = 0, in->flags = 0, in->kids = 0;
  if (in->tag & (HT_DROP | HT_INVISIBLE)) {
    in->flags = HN_DROP;
    return;
  }
  S_attrs a;
  S_read_attrs(n, &a);
  if (n == x->byline || S_hidden(x, &a) || S_drop_by_hints(x, in, &a, inh)) {
    in->flags |= HN_DROP;
    return;
  }
  S_inh sub = {inh.link || (in->tag & HT_A), inh.table || (in->tag & HT_TABLE),
               inh.code || (in->tag & (HT_CODE | HT_PRE)), inh.anchor};
  if ((in->tag & HT_A) && !inh.link) {
    const char *href = ds_html_attr(n, "href");
    sub.anchor = href && href[0] == '#';
  }
  S_children(x, n, in, sub, depth);
  S_para_kind(x, n, in);
  S_own_counts(in);
  if (in->tag & HT_TABLE) S_table(in);
}

/* ---- 2. score ---- */

static float S_link_density(const ds_html_info *in) {
  return in->st.text ? (float)in->st.links / (float)in->st.text : 0.0f;
}

static bool S_scorable(xmlNodePtr n) {
  return n && n->type == XML_ELEMENT_NODE && n->parent && n->parent->type == XML_ELEMENT_NODE;
}

static void S_touch(ds_html_ctx *x, xmlNodePtr n, ds_html_info *in) {
  if (in->flags & HN_SCORED) return;
  in->flags |= HN_SCORED;
  in->score = (float)(in->base + in->weight);
  *DS_PUSH(&x->scratch, &x->scored) = n;
}

static void S_score_para(ds_html_ctx *x, xmlNodePtr p) {
  ds_html_info *pi = ds_html_info_of(p);
  bool virt = (pi->flags & HN_VPARA) != 0;
  uint32_t len = virt ? pi->direct_text : pi->st.text;
  if (len < DS_HTML_MIN_PARA) return;
  uint32_t hundreds = len / 100;
  float score = 1.0f + (float)pi->st.commas + (float)(hundreds < 3 ? hundreds : 3);
  xmlNodePtr a = virt ? p : p->parent;
  while (S_scorable(a) && (ds_html_info_of(a)->flags & HN_WRAP)) a = a->parent;
  for (int level = 0; level < S_MAX_ANCESTORS && S_scorable(a); level++, a = a->parent) {
    ds_html_info *ai = ds_html_info_of(a);
    if (!ai || (ai->flags & HN_DROP)) return;
    S_touch(x, a, ai);
    float div = level == 0 ? 1.0f : level == 1 ? 2.0f : (float)level * 3.0f;
    ai->score += score / div;
  }
}

/* ---- 3. pick ---- */

static bool S_is_ancestor(xmlNodePtr anc, xmlNodePtr n) {
  for (int d = 0; n && (n = n->parent) && d < DS_HTML_MAX_DEPTH; d++)
    if (n == anc) return true;
  return false;
}

static size_t S_element_children(xmlNodePtr n) {
  ds_html_info *in = ds_html_info_of(n);
  return in ? in->kids : 0;
}

static float S_score_of(xmlNodePtr n) {
  ds_html_info *in = ds_html_info_of(n);
  return in && (in->flags & HN_SCORED) ? in->score : 0.0f;
}

static xmlNodePtr S_top(ds_html_ctx *x, xmlNodePtr top[S_TOP_N]) {
  memset(top, 0, sizeof(xmlNodePtr) * S_TOP_N);
  for (size_t i = 0; i < x->scored.len; i++) {
    xmlNodePtr n = x->scored.items[i];
    ds_html_info *in = ds_html_info_of(n);
    in->score *= 1.0f - S_link_density(in);
    for (int k = 0; k < S_TOP_N; k++) {
      if (top[k] && S_score_of(top[k]) >= in->score) continue;
      memmove(top + k + 1, top + k, sizeof(xmlNodePtr) * (size_t)(S_TOP_N - 1 - k));
      top[k] = n;
      break;
    }
  }
  return top[0];
}

/* Readability: when 3+ near-rival candidates share an ancestor, that ancestor holds
 * the article (its paragraphs are split over several blocks). */
static xmlNodePtr S_common_ancestor(ds_html_ctx *x, xmlNodePtr t, xmlNodePtr top[S_TOP_N]) {
  xmlNodePtr alt[S_TOP_N];
  int na = 0;
  for (int i = 1; i < S_TOP_N && top[i]; i++)
    if (S_score_of(top[i]) >= 0.75f * S_score_of(t)) alt[na++] = top[i];
  if (na < 3) return t;
  for (xmlNodePtr p = t->parent; p && p != x->body && S_scorable(p); p = p->parent) {
    int k = 0;
    for (int i = 0; i < na; i++) k += S_is_ancestor(p, alt[i]);
    if (k >= 3) return p;
  }
  return t;
}

/* Readability: climb while the parents' scores rise, then past only-children. */
static xmlNodePtr S_climb(ds_html_ctx *x, xmlNodePtr t) {
  float last = S_score_of(t), threshold = last / 3.0f;
  for (xmlNodePtr p = t->parent; p && p != x->body && S_scorable(p); p = p->parent) {
    ds_html_info *pi = ds_html_info_of(p);
    if (!pi || !(pi->flags & HN_SCORED)) continue;
    if (pi->score < threshold) break;
    if (pi->score > last) {
      t = p;
      break;
    }
    last = pi->score;
  }
  while (t->parent && t->parent != x->body && S_scorable(t->parent) &&
         S_element_children(t->parent) == 1)
    t = t->parent;
  return t;
}

static bool S_same_class(xmlNodePtr a, xmlNodePtr b) {
  const char *ca = ds_html_attr(a, "class"), *cb = ds_html_attr(b, "class");
  return ca && cb && *ca && strcmp(ca, cb) == 0;
}

static bool S_sibling_ok(xmlNodePtr s, xmlNodePtr t, float threshold) {
  ds_html_info *si = ds_html_info_of(s);
  if (!si || (si->flags & HN_DROP)) return false;
  float bonus = S_same_class(s, t) ? S_score_of(t) * 0.2f : 0.0f;
  if ((si->flags & HN_SCORED) && si->score + bonus >= threshold) return true;
  if (!(si->flags & (HN_PARA | HN_WRAP))) return false;
  float ld = S_link_density(si);
  uint32_t len = si->st.text;
  if (len > 80 && ld < 0.25f) return true;
  return len < 80 && len > 0 && ld == 0.0f && (si->flags & HN_SENTENCE);
}

static size_t S_pick(ds_html_ctx *x, xmlNodePtr **nodes) {
  xmlNodePtr top[S_TOP_N];
  xmlNodePtr t = S_top(x, top);
  xmlNodePtr *out = DS_NEW(&x->scratch, xmlNodePtr, 1);
  if (!t || t == x->body || !t->parent) {
    out[0] = x->body;
    *nodes = out;
    return 1;
  }
  t = S_climb(x, S_common_ancestor(x, t, top));
  float threshold = S_score_of(t) * 0.2f;
  if (threshold < 10.0f) threshold = 10.0f;
  size_t k = 0, cap = 0;
  for (xmlNodePtr s = t->parent->children; s; s = s->next) cap++;
  out = DS_NEW(&x->scratch, xmlNodePtr, cap + 1);
  for (xmlNodePtr s = t->parent->children; s; s = s->next)
    if (s == t || (s->type == XML_ELEMENT_NODE && S_sibling_ok(s, t, threshold))) out[k++] = s;
  *nodes = out;
  return k;
}

/* ---- 4. clean ---- */

static void S_dec(uint32_t *v, uint32_t by) { *v = *v > by ? *v - by : 0; }

static void S_remove(xmlNodePtr n) {
  ds_html_info *in = ds_html_info_of(n);
  in->flags |= HN_DROP;
  for (xmlNodePtr p = n->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
    ds_html_info *pi = ds_html_info_of(p);
    if (!pi) break;
    S_sub(&pi->st, &in->st);
    /* a list or heading counted its whole text into its ancestors' totals */
    if (in->tag & HT_LIST) S_dec(&pi->st.list_text, in->st.text - in->st.list_text);
    if (in->tag & HT_HEADING) S_dec(&pi->st.heading_text, in->st.text - in->st.heading_text);
  }
}

/* Readability's _cleanConditionally for one list, table or div. */
static bool S_junk(const ds_html_info *in, bool in_figure) {
  const ds_html_stats *st = &in->st;
  if (in->weight < 0) return true;
  if (st->commas >= 10) return false;
  bool list = (in->tag & HT_LIST) || (st->text && st->list_text * 10 > st->text * 9);
  float p = (float)st->n_p, img = (float)st->n_img, ld = S_link_density(in);
  float li = (float)st->n_li - 100.0f;
  float heading = st->text ? (float)st->heading_text / (float)st->text : 0.0f;
  bool junk = (img > 1 && p / img < 0.5f && !in_figure) || (!list && li > p) ||
              (st->n_input > st->n_p / 3) ||
              (!list && heading < 0.9f && st->text < 25 && (img == 0 || img > 2) && !in_figure) ||
              (!list && in->weight < 25 && ld > 0.2f) || (in->weight >= 25 && ld > 0.5f) ||
              (st->n_embed == 1 && st->text < 75) || st->n_embed > 1;
  if (junk && list && st->n_img == st->n_li) return false; /* a list of images */
  return junk;
}

/* Readability: an h1/h2 whose words are mostly the title's repeats the title. */
static bool S_title_like(ds_html_ctx *x, xmlNodePtr n) {
  if (!x->title || n->name[0] != 'h' || (n->name[1] != '1' && n->name[1] != '2')) return false;
  const char *h = ds_html_node_text(&x->scratch, n, DS_HTML_MAX_CLASS);
  return h && ds_html_similarity(x->title, h) > 0.75;
}

static void S_clean(ds_html_ctx *x, xmlNodePtr n, bool fig, bool table, int depth) {
  ds_html_info *in = ds_html_info_of(n);
  if (!in || (in->flags & HN_DROP)) return;
  fig |= (in->tag & HT_FIGURE) != 0;
  bool datatable = table || (in->flags & HN_DATATABLE);
  for (xmlNodePtr c = n->children; c && depth < DS_HTML_MAX_DEPTH; c = c->next)
    if (c->type == XML_ELEMENT_NODE) S_clean(x, c, fig, datatable, depth + 1);
  if ((in->flags & HN_SHARE) && in->st.text < S_SHARE_MAX) {
    S_remove(n);
  } else if ((in->tag & HT_HEADING) && (in->weight < 0 || S_title_like(x, n))) {
    S_remove(n);
  } else if ((x->flags & HF_CLEAN_CONDITIONALLY) && (in->tag & HT_CLEAN) &&
             !(in->flags & HN_PARA) && !datatable && S_junk(in, fig)) {
    S_remove(n);
  }
}

/* ---- the attempts ---- */

static size_t S_attempt(ds_html_ctx *x, int flags, xmlNodePtr **nodes, uint32_t *len) {
  x->flags = flags;
  x->paras.len = x->scored.len = 0;
  S_inh inh = {0};
  S_stats(x, x->body, inh, 0);
  for (size_t i = 0; i < x->paras.len; i++) S_score_para(x, x->paras.items[i]);
  size_t n = S_pick(x, nodes);
  *len = 0;
  for (size_t i = 0; i < n; i++) {
    S_clean(x, (*nodes)[i], false, false, 0);
    ds_html_info *in = ds_html_info_of((*nodes)[i]);
    if (in && !(in->flags & HN_DROP)) *len += in->st.text;
    else if (!in && (*nodes)[i]->content) *len += (uint32_t)strlen((const char *)(*nodes)[i]->content);
  }
  return n;
}

size_t ds_html_select(ds_html_ctx *x, xmlNodePtr **nodes) {
  if (!x->body || !ds_html_info_of(x->body)) return 0;
  static const int tries[] = {
      HF_STRIP_UNLIKELY | HF_WEIGHT_CLASSES | HF_CLEAN_CONDITIONALLY,
      HF_WEIGHT_CLASSES | HF_CLEAN_CONDITIONALLY, HF_CLEAN_CONDITIONALLY, 0};
  int best = 0;
  uint32_t best_len = 0, len = 0;
  size_t n = 0;
  for (size_t i = 0; i < sizeof tries / sizeof *tries; i++) {
    n = S_attempt(x, tries[i], nodes, &len);
    if (len >= DS_HTML_MIN_TEXT) return n;
    if (len > best_len || i == 0) best = tries[i], best_len = len;
  }
  if (best != tries[sizeof tries / sizeof *tries - 1]) n = S_attempt(x, best, nodes, &len);
  return n;
}
