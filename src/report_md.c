/* The Markdown dossier (-f md): the sections of the text report as CommonMark/GFM a
 * person can paste into a document. Every piece of input text goes through S_esc:
 * white space collapsed (a newline would end a table row or a list item) and the ASCII
 * marks that start emphasis, code, links, HTML, entities or table cells backslash-escaped
 * (every line we write starts with our own prefix, so line-start marks such as '-' or
 * '1.' need nothing). An article cannot inject links, emphasis, HTML or table cells. */
#include <string.h>

#include "report_common.h"

typedef struct {
  dossier_corpus *c;
  ds_buf *out;
  ds_buf tmp;
  ds_arena arena;
} S_md;

/* Appends s[0..n) escaped, cut to max_chars code points (0: no cap). */
static void S_escn(S_md *m, const char *s, size_t n, size_t max_chars) {
  ds_buf_clear(&m->tmp);
  ds_rep_clip(&m->tmp, s ? s : "", s ? n : 0, max_chars);
  for (size_t i = 0; i < m->tmp.len; i++) {
    char ch = m->tmp.ptr[i];
    if (ch && strchr("\\`*_[]<>|#~&!", ch)) ds_buf_putc(m->out, '\\');
    ds_buf_putc(m->out, ch);
  }
}

static void S_esc(S_md *m, const char *s) { S_escn(m, s, s ? strlen(s) : 0, 0); }

static void S_span(S_md *m, const ds_article *a, uint32_t start, uint32_t end, size_t max) {
  if (end > a->body_len) end = a->body_len;
  if (start > end) start = end;
  S_escn(m, a->body + start, end - start, max);
}

static void S_label(S_md *m, const ds_article *a) {
  ds_buf b = DS_BUF_INIT;
  ds_rep_short_label(a, &b);
  S_esc(m, b.ptr);
  ds_buf_free(&b);
}

static void S_outlets(S_md *m, const ds_u32vec *articles) {
  ds_buf b = DS_BUF_INIT;
  ds_rep_outlets(m->c, articles, &b);
  S_esc(m, b.ptr);
  ds_buf_free(&b);
}

static void S_more(S_md *m, size_t shown, size_t total, const char *what) {
  if (total > shown)
    ds_buf_printf(m->out, "\n_… %zu more %s not shown (see the JSON report)._\n", total - shown, what);
}

static void S_sources(S_md *m) {
  const dossier_corpus *c = m->c;
  ds_buf_puts(m->out, "\n## Sources\n\n| id | outlet | title | published | basis | words | note |\n"
                      "|---|---|---|---|---|--:|---|\n");
  size_t n = c->articles.len, shown = n < DS_MAX_REPORT_ROWS ? n : DS_MAX_REPORT_ROWS;
  for (size_t i = 0; i < shown; i++) {
    const ds_article *a = c->articles.items[i];
    ds_buf_puts(m->out, "| "), S_esc(m, a->id);
    ds_buf_puts(m->out, " | ");
    if (!(a->outlet && a->outlet[0]) && a->title && a->title[0]) ds_buf_puts(m->out, "—");
    else S_esc(m, ds_rep_label(a)); /* the title has its own column */
    ds_buf_puts(m->out, " | "), S_escn(m, a->title, a->title ? strlen(a->title) : 0, DS_REPORT_CELL_CHARS);
    ds_buf_puts(m->out, " | "), S_esc(m, a->published ? a->published : "unknown");
    ds_buf_printf(m->out, " | %s | %u | ", ds_basis_name(a->published_basis), a->words);
    if (a->duplicate_of >= 0) {
      const ds_article *o = c->articles.items[a->duplicate_of];
      ds_buf_puts(m->out, "**reprint of "), S_esc(m, o->id);
      ds_buf_puts(m->out, " ("), S_esc(m, ds_rep_label(o)), ds_buf_puts(m->out, ")**");
    }
    if (a->reprint_from) { /* the article's own note: "originally published by …" */
      if (a->duplicate_of >= 0) ds_buf_puts(m->out, "; ");
      ds_buf_puts(m->out, "reprinted from "), S_esc(m, a->reprint_from);
      ds_buf_puts(m->out, " (the article says so)");
    }
    ds_buf_puts(m->out, " |\n");
  }
  S_more(m, shown, n, "articles");
}

static void S_summary(S_md *m) {
  ds_buf_puts(m->out, "\n## Summary\n\n");
  if (!m->c->summary.len) ds_buf_puts(m->out, "_No sentence to summarise._\n");
  for (size_t i = 0; i < m->c->summary.len && i < DS_MAX_REPORT_ROWS; i++) {
    const ds_summary_sentence *s = &m->c->summary.items[i];
    ds_buf_printf(m->out, "%zu. ", i + 1);
    S_esc(m, s->text);
    ds_buf_puts(m->out, " \\[");
    S_outlets(m, &s->articles);
    ds_buf_puts(m->out, "\\]\n");
  }
}

static void S_figure_row(S_md *m, ds_ref r) {
  const ds_article *a = ds_rep_article(m->c, r.article);
  const ds_figure *f = ds_rep_figure(m->c, r);
  if (!a || !f) return;
  ds_buf v = DS_BUF_INIT;
  ds_rep_figure_value(a, f, &v);
  ds_buf_printf(m->out, "| f%u | ", ds_rep_figure_num(m->c, r));
  S_esc(m, v.ptr);
  ds_buf_puts(m->out, " | "), S_label(m, a);
  if (a->duplicate_of >= 0) ds_buf_puts(m->out, " (reprint)");
  ds_buf_puts(m->out, " | "), S_esc(m, ds_rep_claimant(m->c, a, f));
  ds_buf_puts(m->out, " | "), S_esc(m, f->as_of);
  ds_buf_puts(m->out, " | "), S_esc(m, f->qualifier);
  ds_buf_printf(m->out, " | %s |\n", f->projection ? "projection" : "");
  ds_buf_free(&v);
}

static void S_figures(S_md *m) {
  const dossier_corpus *c = m->c;
  ds_buf_puts(m->out, "\n## Figures\n");
  if (!c->figure_groups.len) ds_buf_puts(m->out, "\n_No figures found._\n");
  size_t rows = 0, g = 0;
  for (; g < c->figure_groups.len && rows < DS_MAX_REPORT_ROWS; g++) {
    const ds_figure_group *fg = &c->figure_groups.items[g];
    ds_buf_puts(m->out, "\n### "), S_esc(m, fg->about ? fg->about : "figures");
    const char *st = ds_rep_fig_status(fg->status);
    if (fg->status == DS_FIG_CONSISTENT) ds_buf_printf(m->out, " — %s", st);
    else ds_buf_printf(m->out, " — **%s**", st);
    ds_buf_printf(m->out, " (%u outlet%s)\n\n", fg->n_outlets, fg->n_outlets == 1 ? "" : "s");
    ds_buf_puts(m->out, "| id | value | outlet | claimed by | as of | qualifier | note |\n"
                        "|---|---|---|---|---|---|---|\n");
    for (size_t k = 0; k < fg->figures.len && rows < DS_MAX_REPORT_ROWS; k++, rows++)
      S_figure_row(m, fg->figures.items[k]);
  }
  S_more(m, g, c->figure_groups.len, "figure groups");
}

static void S_quote_row(S_md *m, ds_ref r, bool text) {
  const ds_article *a = ds_rep_article(m->c, r.article);
  const ds_quote *q = ds_rep_quote(m->c, r);
  if (!a || !q) return;
  ds_buf_printf(m->out, "| q%u | ", ds_rep_quote_num(m->c, r));
  const char *who = ds_rep_speaker(m->c, a, q);
  if (who) S_esc(m, who);
  else ds_buf_puts(m->out, "_unattributed_");
  ds_buf_puts(m->out, " | "), S_label(m, a);
  if (a->duplicate_of >= 0) ds_buf_puts(m->out, " (reprint)");
  ds_buf_printf(m->out, " | %s", ds_quote_kind_name(q->kind));
  if (q->cue) ds_buf_puts(m->out, ", "), S_esc(m, q->cue);
  if (text) {
    bool marks = q->kind != DS_QUOTE_INDIRECT;
    ds_buf_puts(m->out, marks ? " | “" : " | … ");
    S_span(m, a, q->start, q->end, DS_REPORT_CELL_CHARS * 2);
    if (marks) ds_buf_puts(m->out, "”");
  }
  ds_buf_puts(m->out, " |\n");
}

static void S_group(S_md *m, const ds_quote_group *g, size_t max) {
  const ds_article *a = ds_rep_article(m->c, g->quotes.items[0].article);
  const ds_quote *q = ds_rep_quote(m->c, g->quotes.items[0]);
  if (!a || !q) return;
  ds_buf_puts(m->out, "\n> “"), S_span(m, a, q->start, q->end, DS_REPORT_CELL_CHARS * 2);
  ds_buf_puts(m->out, "”\n\n");
  ds_buf_puts(m->out, g->same_wording ? "same wording" : "**variant wording**");
  ds_buf_puts(m->out, g->speakers == DS_SPEAKERS_CONFLICT ? " · **conflicting attribution**"
                      : g->speakers == DS_SPEAKERS_AGREE ? " · speakers agree" : " · speaker unknown");
  ds_buf_printf(m->out, " · %u independent outlet%s\n\n", g->n_outlets, g->n_outlets == 1 ? "" : "s");
  ds_buf_puts(m->out, g->same_wording ? "| id | speaker | outlet | kind |\n|---|---|---|---|\n"
                                      : "| id | speaker | outlet | kind | wording |\n|---|---|---|---|---|\n");
  size_t n = g->quotes.len < max ? g->quotes.len : max;
  for (size_t k = 0; k < n; k++) S_quote_row(m, g->quotes.items[k], !g->same_wording);
  S_more(m, n, g->quotes.len, "quotations in this group");
}

static void S_quotes(S_md *m) {
  const dossier_corpus *c = m->c;
  ds_buf_puts(m->out, "\n## Who said what\n");
  size_t multi = 0, shown = 0, rows = 0;
  for (size_t g = 0; g < c->quote_groups.len; g++) multi += ds_rep_group_shown(&c->quote_groups.items[g]);
  if (multi) ds_buf_puts(m->out, "\n### The same quotation in several articles\n");
  for (size_t g = 0; g < c->quote_groups.len && rows < DS_MAX_REPORT_ROWS; g++) {
    const ds_quote_group *qg = &c->quote_groups.items[g];
    if (!ds_rep_group_shown(qg)) continue;
    S_group(m, qg, DS_MAX_REPORT_ROWS - rows);
    rows += qg->quotes.len + 1, shown++;
  }
  S_more(m, shown, multi, "quote groups");
  ds_rep_speakers sp = {0};
  ds_rep_collect_speakers(c, &m->arena, &sp);
  if (!sp.len && !multi) ds_buf_puts(m->out, "\n_No quotations found._\n");
  if (sp.len) ds_buf_puts(m->out, "\n### By speaker\n\n_Quotes from reprints are left out._\n");
  size_t total = 0, done = 0;
  for (size_t s = 0; s < sp.len; s++) total += sp.items[s].quotes.len;
  for (size_t s = 0; s < sp.len && rows < DS_MAX_REPORT_ROWS; s++) {
    ds_buf_puts(m->out, "\n**");
    if (sp.items[s].name) S_esc(m, sp.items[s].name);
    else ds_buf_puts(m->out, "Unattributed");
    ds_buf_printf(m->out, "** (%zu)\n\n", sp.items[s].quotes.len);
    for (size_t k = 0; k < sp.items[s].quotes.len && rows < DS_MAX_REPORT_ROWS; k++, rows++, done++) {
      ds_ref r = sp.items[s].quotes.items[k];
      const ds_article *a = ds_rep_article(c, r.article);
      const ds_quote *q = ds_rep_quote(c, r);
      bool marks = q->kind != DS_QUOTE_INDIRECT;
      ds_buf_puts(m->out, marks ? "- “" : "- … ");
      S_span(m, a, q->start, q->end, DS_REPORT_CELL_CHARS * 2);
      ds_buf_puts(m->out, marks ? "” — " : " — "), S_label(m, a);
      ds_buf_printf(m->out, " (q%u, %s", ds_rep_quote_num(c, r), ds_quote_kind_name(q->kind));
      if (q->cue) ds_buf_puts(m->out, ", "), S_esc(m, q->cue);
      ds_buf_puts(m->out, ")\n");
    }
  }
  S_more(m, done, total, "quotations");
}

static void S_timeline(S_md *m) {
  const dossier_corpus *c = m->c;
  ds_buf_puts(m->out, "\n## Timeline\n\n");
  if (!c->timeline.len) {
    ds_buf_puts(m->out, "_No dated events found._\n");
    return;
  }
  ds_buf_puts(m->out, "| date | event | outlets |\n|---|---|---|\n");
  size_t n = c->timeline.len, shown = n < DS_MAX_REPORT_ROWS ? n : DS_MAX_REPORT_ROWS;
  for (size_t i = 0; i < shown; i++) {
    const ds_timeline_entry *e = &c->timeline.items[i];
    ds_buf_puts(m->out, "| "), S_esc(m, e->date);
    ds_buf_puts(m->out, " | "), S_escn(m, e->text, e->text ? strlen(e->text) : 0, DS_REPORT_CELL_CHARS);
    ds_buf_puts(m->out, " | "), S_outlets(m, &e->articles);
    ds_buf_puts(m->out, " |\n");
  }
  S_more(m, shown, n, "events");
}

static void S_entities(S_md *m) {
  const dossier_corpus *c = m->c;
  ds_buf_puts(m->out, "\n## People & organisations\n\n");
  if (!c->entities.len) {
    ds_buf_puts(m->out, "_No names found._\n");
    return;
  }
  ds_buf_puts(m->out, "| name | type | role | also written | articles | mentions |\n|---|---|---|---|--:|--:|\n");
  uint32_t *order = ds_rep_entity_order(c, &m->arena);
  size_t n = c->entities.len, shown = n < DS_MAX_REPORT_ROWS ? n : DS_MAX_REPORT_ROWS;
  for (size_t i = 0; i < shown; i++) {
    const ds_gentity *e = &c->entities.items[order[i]];
    ds_buf_puts(m->out, "| "), S_esc(m, e->name);
    ds_buf_printf(m->out, " | %s | ", ds_ent_type_name(e->type));
    S_esc(m, e->role);
    ds_buf_puts(m->out, " | ");
    for (size_t k = 0; k < e->aliases.len; k++) {
      if (k) ds_buf_puts(m->out, ", ");
      S_esc(m, e->aliases.items[k]);
    }
    ds_buf_printf(m->out, " | %zu | %u |\n", e->articles.len, e->mentions);
  }
  S_more(m, shown, n, "names");
}

void ds_report_md(dossier_corpus *c, ds_buf *out) {
  S_md m = {.c = c, .out = out, .tmp = DS_BUF_INIT};
  ds_buf_puts(out, "# Dossier\n\n_");
  ds_rep_corpus_line(c, out);
  ds_buf range = DS_BUF_INIT;
  ds_rep_date_range(c, &range);
  if (range.len) ds_buf_printf(out, ", %s", range.ptr);
  ds_buf_free(&range);
  ds_buf_puts(out, "_\n");
  S_sources(&m);
  S_summary(&m);
  S_figures(&m);
  S_quotes(&m);
  S_timeline(&m);
  S_entities(&m);
  ds_buf_free(&m.tmp);
  ds_arena_free(&m.arena);
}
