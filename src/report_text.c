/* The terminal dossier (-f text): sections as wrapped paragraphs and narrow tables,
 * at most c->opts.width code points a line, ANSI colour only when c->opts.color
 * (the CLI turns it off when stdout is not a terminal and with NO_COLOR). */
#include <string.h>

#include "report_common.h"

/* Column of the sources' label and the entities' name: wide enough for most outlet
 * names, cut with "…" beyond. */
#define DS_TEXT_LABEL_COLS 26
#define DS_TEXT_MIN_WIDTH 40

typedef struct {
  dossier_corpus *c;
  ds_buf *out;
  size_t width;
  bool color;
  ds_arena tmp;
} S_tw;

enum { S_PLAIN, S_BOLD, S_DIM, S_RED, S_YELLOW, S_CYAN, S_GREEN };

static void S_on(S_tw *t, int style) {
  static const char *codes[] = {"", "\x1b[1m", "\x1b[2m", "\x1b[1;31m", "\x1b[33m", "\x1b[36m", "\x1b[32m"};
  if (t->color && style != S_PLAIN) ds_buf_puts(t->out, codes[style]);
}

static void S_off(S_tw *t, int style) {
  if (t->color && style != S_PLAIN) ds_buf_puts(t->out, "\x1b[0m");
}

static void S_styled(S_tw *t, int style, const char *s) {
  S_on(t, style);
  ds_buf_puts(t->out, s);
  S_off(t, style);
}

static void S_spaces(ds_buf *b, size_t n) {
  while (n--) ds_buf_putc(b, ' ');
}

/* Byte length of the longest prefix of s[0..n) with at most cols code points. */
static size_t S_prefix(const char *s, size_t n, size_t cols) {
  size_t w = 0, i = 0;
  for (; i < n; i++) {
    if (((unsigned char)s[i] & 0xC0) != 0x80) {
      if (w == cols) break;
      w++;
    }
  }
  return i;
}

/* Word-wraps s into lines of the report width: the first line starts after `first`
 * columns already used, later lines are indented by `indent`. Words longer than a
 * line are cut across lines. */
static void S_newline(S_tw *t, size_t indent, int style) {
  S_off(t, style);
  ds_buf_putc(t->out, '\n');
  S_spaces(t->out, indent);
  S_on(t, style);
}

static void S_wrap(S_tw *t, const char *s, size_t n, size_t first, size_t indent, int style) {
  size_t col = first, avail = t->width > indent + 8 ? t->width : indent + 8;
  bool has_word = false;
  S_on(t, style);
  for (size_t i = 0; i < n;) {
    while (i < n && s[i] == ' ') i++;
    size_t j = i;
    while (j < n && s[j] != ' ') j++;
    if (j == i) break;
    size_t w = ds_rep_width(s + i, j - i);
    if (has_word && col + 1 + w > avail) S_newline(t, indent, style), col = indent;
    else if (has_word) ds_buf_putc(t->out, ' '), col++;
    while (col + w > avail) { /* a word longer than the line */
      size_t room = col < avail ? avail - col : 0, cut = S_prefix(s + i, j - i, room);
      ds_buf_put(t->out, s + i, cut);
      S_newline(t, indent, style);
      i += cut, col = indent;
      w = ds_rep_width(s + i, j - i);
    }
    for (size_t k = i; k < j; k++) { /* an article's escape sequences never reach the terminal */
      size_t ctl = ds_rep_control(s + k, j - k);
      if (ctl) k += ctl - 1;
      else ds_buf_putc(t->out, s[k]);
    }
    col += w, has_word = true;
    i = j;
  }
  S_off(t, style);
  ds_buf_putc(t->out, '\n');
}

/* A paragraph: indent, then wrapped text. */
static void S_para(S_tw *t, size_t indent, const char *s, int style) {
  S_spaces(t->out, indent);
  S_wrap(t, s, strlen(s), indent, indent, style);
}

/* Short styled items separated by " · ", broken across lines at the width. */
static void S_items(S_tw *t, size_t indent, const char **items, const int *styles, size_t n) {
  size_t col = indent;
  S_spaces(t->out, indent);
  for (size_t i = 0; i < n; i++) {
    size_t w = ds_rep_width(items[i], strlen(items[i]));
    if (i && col + 3 + w > t->width) {
      ds_buf_putc(t->out, '\n');
      S_spaces(t->out, indent);
      col = indent;
    } else if (i) {
      ds_buf_puts(t->out, " · ");
      col += 3;
    }
    S_styled(t, styles[i], items[i]);
    col += w;
  }
  ds_buf_putc(t->out, '\n');
}

/* A fixed-width cell: clipped with "…" and padded to cols. */
static void S_cell(S_tw *t, const char *s, size_t cols, int style) {
  ds_buf b = DS_BUF_INIT;
  ds_rep_clip(&b, s ? s : "", s ? strlen(s) : 0, cols);
  S_styled(t, style, b.ptr);
  size_t w = ds_rep_width(b.ptr, b.len);
  S_spaces(t->out, w < cols ? cols - w : 0);
  ds_buf_free(&b);
}

static void S_heading(S_tw *t, const char *title) {
  ds_buf_putc(t->out, '\n');
  S_styled(t, S_BOLD, title);
  ds_buf_putc(t->out, '\n');
}

static void S_more(S_tw *t, size_t shown, size_t total, const char *what) {
  if (total <= shown) return;
  char line[160];
  snprintf(line, sizeof line, "… %zu more %s not shown (see -f json)", total - shown, what);
  S_para(t, 2, line, S_DIM);
}

/* ---- title and sources ---- */

static void S_title(S_tw *t) {
  ds_buf b = DS_BUF_INIT;
  ds_buf_puts(&b, "DOSSIER: ");
  ds_rep_corpus_line(t->c, &b);
  size_t before = b.len;
  ds_buf_puts(&b, ", ");
  ds_rep_date_range(t->c, &b);
  if (b.len == before + 2) b.len = before, b.ptr[b.len] = '\0';
  S_spaces(t->out, 0);
  S_wrap(t, b.ptr, b.len, 0, 0, S_BOLD);
  size_t rule = t->width < 200 ? t->width : 200;
  for (size_t i = 0; i < rule; i++) ds_buf_puts(t->out, "=");
  ds_buf_putc(t->out, '\n');
  ds_buf_free(&b);
}

/* One line per source when the width allows (id, outlet, date, words), else two. */
#define DS_TEXT_SOURCE_COLS (2 + 5 + DS_TEXT_LABEL_COLS + 1 + 23 + 6)

static void S_source_row(S_tw *t, const ds_article *a) {
  ds_buf b = DS_BUF_INIT;
  bool wide = t->width >= DS_TEXT_SOURCE_COLS;
  ds_buf_puts(t->out, "  ");
  S_cell(t, a->id, 5, S_PLAIN);
  S_cell(t, ds_rep_label(a), wide ? DS_TEXT_LABEL_COLS : t->width - 7, S_BOLD);
  if (wide) ds_buf_putc(t->out, ' ');
  else ds_buf_puts(t->out, "\n       ");
  ds_buf_printf(&b, "%s (%s)", a->published ? a->published : "date unknown", ds_basis_name(a->published_basis));
  S_cell(t, b.ptr, 23, S_PLAIN);
  ds_buf_printf(t->out, "%6u", a->words);
  ds_buf_putc(t->out, '\n');
  if (a->duplicate_of >= 0) {
    const ds_article *o = t->c->articles.items[a->duplicate_of];
    ds_buf_clear(&b);
    ds_buf_printf(&b, "↳ reprint of %s (%s)", o->id, ds_rep_label(o));
    S_para(t, 7, b.ptr, S_YELLOW);
  }
  if (a->reprint_from) { /* the article's own note: "originally published by …" */
    ds_buf_clear(&b);
    ds_buf_printf(&b, "↳ reprinted from %s (the article says so)", a->reprint_from);
    S_para(t, 7, b.ptr, S_YELLOW);
  }
  ds_buf_free(&b);
}

static void S_sources(S_tw *t) {
  S_heading(t, "SOURCES");
  if (t->width >= DS_TEXT_SOURCE_COLS) {
    ds_buf_puts(t->out, "  ");
    S_cell(t, "id", 5, S_DIM);
    S_cell(t, "source", DS_TEXT_LABEL_COLS + 1, S_DIM); /* the outlet, else a title or file */
    S_cell(t, "published (basis)", 23, S_DIM);
    S_styled(t, S_DIM, " words");
    ds_buf_putc(t->out, '\n');
  }
  size_t n = t->c->articles.len, shown = n < DS_MAX_REPORT_ROWS ? n : DS_MAX_REPORT_ROWS;
  for (size_t i = 0; i < shown; i++) S_source_row(t, t->c->articles.items[i]);
  S_more(t, shown, n, "articles");
}

/* ---- summary ---- */

static void S_summary(S_tw *t) {
  S_heading(t, "SUMMARY");
  if (!t->c->summary.len) S_para(t, 2, "(no sentence to summarise)", S_DIM);
  ds_buf b = DS_BUF_INIT;
  for (size_t i = 0; i < t->c->summary.len && i < DS_MAX_REPORT_ROWS; i++) {
    const ds_summary_sentence *s = &t->c->summary.items[i];
    char num[16];
    snprintf(num, sizeof num, "%2zu. ", i + 1);
    ds_buf_printf(t->out, "  %s", num);
    S_wrap(t, s->text, strlen(s->text), 2 + strlen(num), 6, S_PLAIN);
    ds_buf_clear(&b);
    ds_buf_putc(&b, '[');
    ds_rep_outlets(t->c, &s->articles, &b);
    ds_buf_putc(&b, ']');
    S_para(t, 6, b.ptr, S_CYAN);
  }
  ds_buf_free(&b);
}

/* ---- figures ---- */

static void S_figure_row(S_tw *t, ds_ref r) {
  const ds_article *a = ds_rep_article(t->c, r.article);
  const ds_figure *f = ds_rep_figure(t->c, r);
  if (!a || !f) return;
  ds_buf b = DS_BUF_INIT;
  ds_rep_figure_value(a, f, &b);
  ds_buf_puts(&b, " — ");
  ds_rep_short_label(a, &b);
  if (a->duplicate_of >= 0) ds_buf_puts(&b, " (reprint)");
  const char *who = ds_rep_claimant(t->c, a, f);
  if (who) ds_buf_printf(&b, "; claimed by %s", who);
  if (f->as_of) ds_buf_printf(&b, "; as of %s", f->as_of);
  if (f->qualifier) ds_buf_printf(&b, "; qualifier: %s", f->qualifier);
  if (f->projection) ds_buf_puts(&b, "; projection");
  ds_buf_puts(t->out, "    • ");
  S_wrap(t, b.ptr, b.len, 6, 6, S_PLAIN);
  ds_buf_free(&b);
}

static int S_status_style(ds_fig_status s) {
  return s == DS_FIG_CONFLICTING ? S_RED : s == DS_FIG_EVOLVING ? S_YELLOW : S_GREEN;
}

static void S_figures(S_tw *t) {
  S_heading(t, "FIGURES");
  const dossier_corpus *c = t->c;
  if (!c->figure_groups.len) S_para(t, 2, "(no figures found)", S_DIM);
  size_t rows = 0, g = 0;
  ds_buf b = DS_BUF_INIT;
  for (; g < c->figure_groups.len && rows < DS_MAX_REPORT_ROWS; g++) {
    const ds_figure_group *fg = &c->figure_groups.items[g];
    S_para(t, 2, fg->about ? fg->about : "(figures)", S_BOLD);
    ds_buf_clear(&b);
    const char *st = ds_rep_fig_status(fg->status);
    for (const char *p = st; *p; p++) ds_buf_putc(&b, fg->status == DS_FIG_CONSISTENT ? *p : (char)(*p - 32));
    char outlets[48];
    snprintf(outlets, sizeof outlets, "%u outlet%s", fg->n_outlets, fg->n_outlets == 1 ? "" : "s");
    const char *items[2] = {b.ptr, outlets};
    int styles[2] = {S_status_style(fg->status), S_PLAIN};
    S_items(t, 4, items, styles, 2);
    for (size_t k = 0; k < fg->figures.len && rows < DS_MAX_REPORT_ROWS; k++, rows++)
      S_figure_row(t, fg->figures.items[k]);
  }
  S_more(t, g, c->figure_groups.len, "figure groups");
  ds_buf_free(&b);
}

/* ---- who said what ---- */

static void S_quote_line(S_tw *t, ds_ref r, bool with_text, bool with_speaker) {
  const ds_article *a = ds_rep_article(t->c, r.article);
  const ds_quote *q = ds_rep_quote(t->c, r);
  if (!a || !q) return;
  ds_buf b = DS_BUF_INIT;
  if (with_text) { /* an indirect quote is the reporter's paraphrase: no marks */
    bool marks = q->kind != DS_QUOTE_INDIRECT;
    ds_buf_puts(&b, marks ? "“" : "… ");
    ds_rep_span(&b, a, q->start, q->end, DS_REPORT_CELL_CHARS * 2);
    ds_buf_puts(&b, marks ? "” " : " ");
  }
  const char *who = ds_rep_speaker(t->c, a, q);
  ds_buf_puts(&b, "— ");
  if (with_speaker) ds_buf_printf(&b, "%s, ", who ? who : "unattributed");
  ds_rep_short_label(a, &b);
  ds_buf_printf(&b, " (%s%s%s)", ds_quote_kind_name(q->kind), q->cue ? ", " : "", q->cue ? q->cue : "");
  if (a->duplicate_of >= 0) ds_buf_puts(&b, " [reprint]");
  ds_buf_puts(t->out, "      ");
  S_wrap(t, b.ptr, b.len, 6, 8, S_PLAIN);
  ds_buf_free(&b);
}

static void S_quote_group(S_tw *t, const ds_quote_group *g, size_t max) {
  const ds_article *a = ds_rep_article(t->c, g->quotes.items[0].article);
  const ds_quote *q = ds_rep_quote(t->c, g->quotes.items[0]);
  if (!a || !q) return;
  ds_buf b = DS_BUF_INIT;
  ds_buf_puts(&b, "“");
  ds_rep_span(&b, a, q->start, q->end, DS_REPORT_CELL_CHARS * 2);
  ds_buf_puts(&b, "”");
  ds_buf_puts(t->out, "  ▸ ");
  S_wrap(t, b.ptr, b.len, 4, 4, S_BOLD);
  char outlets[48];
  snprintf(outlets, sizeof outlets, "%u independent outlet%s", g->n_outlets, g->n_outlets == 1 ? "" : "s");
  const char *items[3] = {
      g->same_wording ? "same wording" : "VARIANT WORDING",
      g->speakers == DS_SPEAKERS_CONFLICT ? "CONFLICTING ATTRIBUTION"
      : g->speakers == DS_SPEAKERS_AGREE  ? "speakers agree"
                                          : "speaker unknown",
      outlets};
  int styles[3] = {g->same_wording ? S_DIM : S_YELLOW, g->speakers == DS_SPEAKERS_CONFLICT ? S_RED : S_DIM, S_PLAIN};
  S_items(t, 4, items, styles, 3);
  size_t n = g->quotes.len < max ? g->quotes.len : max;
  for (size_t k = 0; k < n; k++) S_quote_line(t, g->quotes.items[k], !g->same_wording, true);
  if (n < g->quotes.len) {
    char more[96];
    snprintf(more, sizeof more, "… %zu more in this group", g->quotes.len - n);
    S_para(t, 6, more, S_DIM);
  }
  ds_buf_free(&b);
}

static void S_quotes(S_tw *t) {
  S_heading(t, "WHO SAID WHAT");
  const dossier_corpus *c = t->c;
  size_t rows = 0, multi = 0;
  for (size_t g = 0; g < c->quote_groups.len; g++) multi += ds_rep_group_shown(&c->quote_groups.items[g]);
  if (multi) S_para(t, 2, "The same quotation in several articles:", S_DIM);
  size_t shown = 0;
  for (size_t g = 0; g < c->quote_groups.len && rows < DS_MAX_REPORT_ROWS; g++) {
    const ds_quote_group *qg = &c->quote_groups.items[g];
    if (!ds_rep_group_shown(qg)) continue;
    S_quote_group(t, qg, DS_MAX_REPORT_ROWS - rows);
    rows += qg->quotes.len + 1, shown++;
  }
  S_more(t, shown, multi, "quote groups");
  ds_rep_speakers sp = {0};
  ds_rep_collect_speakers(c, &t->tmp, &sp);
  if (sp.len) S_para(t, 2, "By speaker (reprints left out):", S_DIM);
  if (!sp.len && !multi) S_para(t, 2, "(no quotations found)", S_DIM);
  size_t total = 0, done = 0;
  for (size_t s = 0; s < sp.len; s++) total += sp.items[s].quotes.len;
  for (size_t s = 0; s < sp.len && rows < DS_MAX_REPORT_ROWS; s++) {
    char head[300];
    snprintf(head, sizeof head, "%.250s (%zu)", sp.items[s].name ? sp.items[s].name : "Unattributed",
             sp.items[s].quotes.len);
    S_para(t, 4, head, S_BOLD);
    for (size_t k = 0; k < sp.items[s].quotes.len && rows < DS_MAX_REPORT_ROWS; k++, rows++, done++)
      S_quote_line(t, sp.items[s].quotes.items[k], true, false);
  }
  S_more(t, done, total, "quotations");
}

/* ---- timeline, entities ---- */

static void S_timeline(S_tw *t) {
  S_heading(t, "TIMELINE");
  const dossier_corpus *c = t->c;
  if (!c->timeline.len) S_para(t, 2, "(no dated events found)", S_DIM);
  size_t n = c->timeline.len, shown = n < DS_MAX_REPORT_ROWS ? n : DS_MAX_REPORT_ROWS;
  ds_buf b = DS_BUF_INIT;
  for (size_t i = 0; i < shown; i++) {
    const ds_timeline_entry *e = &c->timeline.items[i];
    ds_buf_puts(t->out, "  ");
    S_cell(t, e->date, 11, S_BOLD);
    ds_buf_clear(&b);
    ds_rep_clip(&b, e->text ? e->text : "", e->text ? strlen(e->text) : 0, DS_REPORT_CELL_CHARS);
    ds_buf_puts(&b, " [");
    ds_rep_outlets(c, &e->articles, &b);
    ds_buf_putc(&b, ']');
    S_wrap(t, b.ptr, b.len, 13, 13, S_PLAIN);
  }
  S_more(t, shown, n, "events");
  ds_buf_free(&b);
}

static void S_entities(S_tw *t) {
  S_heading(t, "PEOPLE & ORGANISATIONS");
  const dossier_corpus *c = t->c;
  if (!c->entities.len) {
    S_para(t, 2, "(no names found)", S_DIM);
    return;
  }
  uint32_t *order = ds_rep_entity_order(c, &t->tmp);
  size_t name_cols = t->width >= 2 + DS_TEXT_LABEL_COLS + 1 + 13 + 24 ? DS_TEXT_LABEL_COLS : t->width - 2 - 1 - 13 - 8;
  size_t n = c->entities.len, shown = n < DS_MAX_REPORT_ROWS ? n : DS_MAX_REPORT_ROWS;
  ds_buf b = DS_BUF_INIT;
  for (size_t i = 0; i < shown; i++) {
    const ds_gentity *e = &c->entities.items[order[i]];
    ds_buf_puts(t->out, "  ");
    S_cell(t, e->name, name_cols, S_BOLD);
    ds_buf_putc(t->out, ' ');
    S_cell(t, ds_ent_type_name(e->type), 13, S_PLAIN);
    ds_buf_clear(&b);
    ds_buf_printf(&b, "%zu article%s", e->articles.len, e->articles.len == 1 ? "" : "s");
    if (e->role) ds_buf_printf(&b, "; %s", e->role);
    for (size_t k = 0; k < e->aliases.len; k++) ds_buf_printf(&b, "%s%s", k ? ", " : "; also ", e->aliases.items[k]);
    S_wrap(t, b.ptr, b.len, 2 + name_cols + 1 + 13, 4, S_PLAIN);
  }
  S_more(t, shown, n, "names");
  ds_buf_free(&b);
}

void ds_report_text(dossier_corpus *c, ds_buf *out) {
  S_tw t = {.c = c, .out = out, .color = c->opts.color};
  t.width = c->opts.width >= DS_TEXT_MIN_WIDTH ? (size_t)c->opts.width : DS_TEXT_MIN_WIDTH;
  S_title(&t);
  S_sources(&t);
  S_summary(&t);
  S_figures(&t);
  S_quotes(&t);
  S_timeline(&t);
  S_entities(&t);
  ds_arena_free(&t.tmp);
}
