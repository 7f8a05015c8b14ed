/* The articles at the foot of the HTML page: each body escaped, with its quotes,
 * figures, time expressions and summary sentences wrapped in spans so that the tables above can link to
 * the very sentence (id="q12", id="f3"). Spans may overlap in the model (a figure
 * inside a quote, a quote crossing a time); HTML needs proper nesting, so a span that
 * would cross an enclosing one is cut at the enclosing span's end. */
#include <stdlib.h>
#include <string.h>

#include "report_html.h"

enum { S_SENT, S_QUOTE, S_FIG, S_TIME };

typedef struct {
  uint32_t start, end;
  uint8_t kind;
  uint32_t num; /* quote / figure number for the id; time index for the title */
} S_mark;

/* Nesting depth of marks: quote > figure > time is 3; a few more for odd data. */
#define DS_HTML_MAX_NEST 8

static int S_cmp_mark(const void *x, const void *y) {
  const S_mark *a = x, *b = y;
  if (a->start != b->start) return a->start < b->start ? -1 : 1;
  if (a->end != b->end) return a->end > b->end ? -1 : 1;
  return a->kind < b->kind ? -1 : a->kind > b->kind;
}

/* Moves an offset forward onto a UTF-8 character boundary (never split a character). */
static uint32_t S_boundary(const ds_article *a, uint32_t off) {
  if (off > a->body_len) off = a->body_len;
  while (off < a->body_len && ((unsigned char)a->body[off] & 0xC0) == 0x80) off++;
  return off;
}

static S_mark *S_collect(const dossier_corpus *c, const ds_article *a, size_t *n) {
  size_t cap = a->quotes.len + a->figures.len + a->times.len + c->summary.len;
  S_mark *m = malloc((cap + 1) * sizeof *m);
  if (!m) abort();
  size_t k = 0;
  uint32_t qb = c->quote_base ? c->quote_base[a->index] : 0;
  uint32_t fb = c->figure_base ? c->figure_base[a->index] : 0;
  for (size_t i = 0; i < c->summary.len; i++) { /* the sentences the summary quotes */
    ds_ref r = c->summary.items[i].sentence;
    if (r.article == a->index && r.index < a->sentences.len)
      m[k++] = (S_mark){a->sentences.items[r.index].start, a->sentences.items[r.index].end, S_SENT, (uint32_t)i + 1};
  }
  for (size_t i = 0; i < a->quotes.len; i++)
    m[k++] = (S_mark){a->quotes.items[i].start, a->quotes.items[i].end, S_QUOTE, qb + (uint32_t)i + 1};
  for (size_t i = 0; i < a->figures.len; i++)
    m[k++] = (S_mark){a->figures.items[i].start, a->figures.items[i].end, S_FIG, fb + (uint32_t)i + 1};
  for (size_t i = 0; i < a->times.len; i++)
    m[k++] = (S_mark){a->times.items[i].start, a->times.items[i].end, S_TIME, (uint32_t)i};
  size_t w = 0;
  for (size_t i = 0; i < k; i++) {
    m[i].start = S_boundary(a, m[i].start), m[i].end = S_boundary(a, m[i].end);
    if (m[i].end > m[i].start) m[w++] = m[i];
  }
  if (w) qsort(m, w, sizeof *m, S_cmp_mark);
  *n = w;
  return m;
}

static void S_open(const dossier_corpus *c, const ds_article *a, const S_mark *m, ds_buf *out) {
  if (m->kind == S_SENT) {
    ds_buf_printf(out, "<span class=\"m-sum\" id=\"s%u\" title=\"summary sentence %u\">", m->num, m->num);
  } else if (m->kind == S_QUOTE) {
    const ds_quote *q = &a->quotes.items[m->num - 1 - (c->quote_base ? c->quote_base[a->index] : 0)];
    const char *who = ds_rep_speaker(c, a, q);
    ds_buf_printf(out, "<span class=\"m-quote\" id=\"q%u\" title=\"q%u · ", m->num, m->num);
    ds_html_escs(out, who ? who : "unattributed");
    ds_buf_puts(out, "\">");
  } else if (m->kind == S_FIG) {
    ds_buf_printf(out, "<span class=\"m-fig\" id=\"f%u\" title=\"f%u\">", m->num, m->num);
  } else {
    ds_buf_puts(out, "<span class=\"m-time\" title=\"");
    ds_html_escs(out, a->times.items[m->num].value);
    ds_buf_puts(out, "\">");
  }
}

static void S_body(const dossier_corpus *c, const ds_article *a, ds_buf *out) {
  size_t n;
  S_mark *m = S_collect(c, a, &n);
  uint32_t stack[DS_HTML_MAX_NEST], depth = 0, pos = 0;
  for (size_t i = 0; i <= n; i++) {
    uint32_t start = i < n ? m[i].start : a->body_len;
    while (depth && stack[depth - 1] <= start) { /* close what ends before this mark */
      ds_html_esc(out, a->body + pos, stack[depth - 1] - pos);
      pos = stack[--depth];
      ds_buf_puts(out, "</span>");
    }
    if (i == n) break;
    if (start < pos || depth == DS_HTML_MAX_NEST) continue; /* inside a cut span */
    uint32_t end = m[i].end;
    if (depth && end > stack[depth - 1]) end = stack[depth - 1];
    ds_html_esc(out, a->body + pos, start - pos);
    pos = start;
    S_open(c, a, &m[i], out);
    stack[depth++] = end;
  }
  ds_html_esc(out, a->body + pos, a->body_len - pos);
  free(m);
}

static void S_article(const dossier_corpus *c, const ds_article *a, ds_buf *out) {
  ds_buf_printf(out, "<details class=\"article\" id=\"art-%u\">\n<summary><span class=\"aid\">", a->index + 1);
  ds_html_escs(out, a->id);
  ds_buf_puts(out, "</span> <b>");
  ds_html_escs(out, ds_rep_label(a));
  ds_buf_puts(out, "</b>");
  if (a->title && a->outlet) ds_buf_puts(out, " — "), ds_html_escs(out, a->title);
  if (a->published) ds_buf_puts(out, " <span class=\"dim\">("), ds_html_escs(out, a->published), ds_buf_puts(out, ")</span>");
  ds_buf_puts(out, "</summary>\n<p class=\"meta\">");
  ds_buf_printf(out, "%u words · published %s (", a->words, a->published ? "" : "date unknown");
  ds_html_escs(out, a->published);
  ds_buf_printf(out, "%s%s)", a->published ? ", " : "", ds_basis_name(a->published_basis));
  if (a->author) ds_buf_puts(out, " · by "), ds_html_escs(out, a->author);
  if (a->url) ds_buf_puts(out, " · <span class=\"url\">"), ds_html_escs(out, a->url), ds_buf_puts(out, "</span>");
  if (a->duplicate_of >= 0) {
    const ds_article *o = c->articles.items[a->duplicate_of];
    ds_buf_printf(out, " · <a href=\"#art-%d\">reprint of ", a->duplicate_of + 1);
    ds_html_escs(out, o->id);
    ds_buf_puts(out, " ("), ds_html_escs(out, ds_rep_label(o)), ds_buf_puts(out, ")</a>");
  }
  ds_buf_puts(out, "</p>\n<div class=\"body\">");
  S_body(c, a, out);
  ds_buf_puts(out, "</div>\n</details>\n");
}

void ds_html_articles(const dossier_corpus *c, ds_buf *out) {
  for (size_t i = 0; i < c->articles.len; i++) S_article(c, c->articles.items[i], out);
}
