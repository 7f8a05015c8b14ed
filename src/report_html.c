/* The HTML dossier (-f html): one self-contained page. No network: no external
 * stylesheet, script, font or image; a Content-Security-Policy that allows only the
 * page's own inline style and script (by hash) and forbids every remote load. Every
 * piece of input text is escaped (& < > " ') and none is ever put inside <script>;
 * ids and links are built from numbers only (art-3, q12, f4), never from input. */
#include <stdlib.h>
#include <string.h>

#include "report_html.h"

static const char S_css[] =
    ":root{--fg:#1d2430;--dim:#5f6b7a;--line:#d9dee5;--bg:#fff;--panel:#f5f7fa;--accent:#1f5fa8;"
    "--red:#b3261e;--amber:#a15c00;--green:#2e7d32}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;"
    "color:var(--fg);background:var(--bg)}\n"
    "header{background:#14233a;color:#fff;padding:18px 28px}\n"
    "header h1{margin:0;font-size:24px}header p{margin:4px 0 0;color:#c9d4e3}\n"
    "nav{position:sticky;top:0;background:#fff;border-bottom:1px solid var(--line);padding:6px 28px;z-index:2}\n"
    "nav a{margin-right:16px;color:var(--accent);text-decoration:none;font-weight:600}\n"
    "main{max-width:1100px;margin:0 auto;padding:8px 28px 48px}\n"
    "section{margin-top:26px}h2{border-bottom:2px solid var(--line);padding-bottom:4px}\n"
    "h3{margin:18px 0 6px;font-size:16px}\n"
    "table{border-collapse:collapse;width:100%;margin:6px 0 12px;font-size:14px}\n"
    "th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}\n"
    "th{background:var(--panel);white-space:nowrap}\n"
    "table.sortable th{cursor:pointer;user-select:none}\n"
    "table.sortable th:after{content:' \\2195';color:var(--dim);font-size:11px}\n"
    "th[aria-sort=ascending]:after{content:' \\25B2'}th[aria-sort=descending]:after{content:' \\25BC'}\n"
    "td.num{text-align:right;font-variant-numeric:tabular-nums}td.date{white-space:nowrap}\n"
    "table.figures{table-layout:fixed}table.figures th:nth-child(1){width:6%}"
    "table.figures th:nth-child(2){width:20%}table.figures th:nth-child(3),table.figures th:nth-child(4){width:22%}"
    "table.figures th:nth-child(5){width:11%}table.figures th:nth-child(6),table.figures th:nth-child(7){width:9.5%}\n"
    "a{color:var(--accent)}.dim{color:var(--dim)}\n"
    ".badge{display:inline-block;padding:0 8px;border-radius:10px;font-size:12px;font-weight:700;"
    "text-transform:uppercase;vertical-align:middle}\n"
    ".conflicting,.conflict{background:#fde7e6;color:var(--red)}.evolving,.variant{background:#fff1dc;color:var(--amber)}\n"
    ".consistent,.agree,.same{background:#e6f4e7;color:var(--green)}.unknown{background:var(--panel);color:var(--dim)}\n"
    ".reprint{background:#fff1dc;color:var(--amber)}\n"
    "ol.summary li{margin:6px 0}.cite{color:var(--dim);font-size:13px}a.src{text-decoration:none}\n"
    ".m-sum{background:#eef6ee}\n"
    ".qgroup{border-left:4px solid var(--line);padding:2px 0 2px 14px;margin:14px 0}\n"
    ".qgroup.qg-conflict{border-color:var(--red)}.qgroup.qg-variant{border-color:var(--amber)}\n"
    "blockquote{margin:4px 0;font-size:16px;font-style:italic}\n"
    "ul.quotes li{margin:4px 0}a.q{color:inherit;text-decoration:none;border-bottom:1px dotted var(--accent)}\n"
    "a.q:hover{background:#e8f0fb}\n"
    "svg.timeline{width:100%;height:auto;background:var(--panel);border-radius:6px}\n"
    "svg .axis{stroke:#8a96a5;stroke-width:1.5}svg .tick{stroke:#8a96a5}\n"
    "svg .ticklabel{font-size:11px;fill:var(--dim)}\n"
    "svg .guide{stroke:#d0d6de;stroke-dasharray:2 3}svg .day{fill:var(--accent)}\n"
    "svg .month{fill:#9fb8d8}svg .evlabel{font-size:12px;fill:var(--fg)}\n"
    "details.article{border:1px solid var(--line);border-radius:6px;margin:8px 0;padding:6px 12px}\n"
    "details.article summary{cursor:pointer}.aid{color:var(--dim);font-family:monospace}\n"
    ".meta{color:var(--dim);font-size:13px;margin:6px 0}.url{word-break:break-all}\n"
    ".body{white-space:pre-wrap;font-family:Georgia,'Times New Roman',serif;font-size:15px;line-height:1.6}\n"
    ".m-quote{background:#e8f0fb;border-bottom:2px solid #9fb8d8}.m-fig{background:#fff1dc;font-weight:600}\n"
    ".m-time{border-bottom:1px dotted var(--dim)}.hit,:target{outline:3px solid #f2b400}\n";

/* Sorts tables by a clicked header (numbers as numbers) and opens the <details> that
 * holds a linked quote or figure. It reads only the page's own DOM. */
static const char S_js[] =
    "(function(){\n"
    "function key(td){var v=td.getAttribute('data-sort');if(v===null)v=td.textContent.trim();"
    "var n=parseFloat(v.replace(/[,$%]/g,''));return /^[-$]?[0-9][0-9.,]*%?$/.test(v)&&!isNaN(n)?n:v.toLowerCase();}\n"
    "function cmp(x,y){if(typeof x==='number'&&typeof y==='number')return x-y;"
    "return String(x).localeCompare(String(y));}\n"
    "Array.prototype.forEach.call(document.querySelectorAll('table.sortable'),function(t){\n"
    "var ths=t.tHead?t.tHead.rows[0].cells:[];\n"
    "Array.prototype.forEach.call(ths,function(th,i){th.tabIndex=0;\n"
    "function go(){var b=t.tBodies[0],rows=Array.prototype.slice.call(b.rows);"
    "var asc=th.getAttribute('aria-sort')!=='ascending';"
    "Array.prototype.forEach.call(ths,function(h){h.removeAttribute('aria-sort');});"
    "th.setAttribute('aria-sort',asc?'ascending':'descending');"
    "rows.sort(function(r,s){var d=cmp(key(r.cells[i]),key(s.cells[i]));return asc?d:-d;});"
    "rows.forEach(function(r){b.appendChild(r);});}\n"
    "th.addEventListener('click',go);"
    "th.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();go();}});});});\n"
    "function reveal(){var id=location.hash.slice(1);if(!/^[a-z0-9-]+$/.test(id))return;"
    "var el=document.getElementById(id);if(!el)return;"
    "for(var d=el.closest('details');d;d=d.parentElement&&d.parentElement.closest('details'))d.open=true;"
    "el.scrollIntoView({block:'center'});}\n"
    "window.addEventListener('hashchange',reveal);reveal();\n"
    "document.documentElement.setAttribute('data-js','ready');\n"
    "})();\n";

void ds_html_esc(ds_buf *out, const char *s, size_t n) {
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    const char *rep = NULL;
    switch (s[i]) {
    case '&': rep = "&amp;"; break;
    case '<': rep = "&lt;"; break;
    case '>': rep = "&gt;"; break;
    case '"': rep = "&quot;"; break;
    case '\'': rep = "&#39;"; break;
    default:
      if (((unsigned char)s[i] < 0x20 || (unsigned char)s[i] == 0x7f || (unsigned char)s[i] == 0xC2) &&
          ds_rep_control(s + i, n - i)) {
        ds_buf_put(out, s + run, i - run);
        i += ds_rep_control(s + i, n - i) - 1; /* dropped: not allowed in HTML text */
        run = i + 1;
      }
      continue;
    }
    ds_buf_put(out, s + run, i - run);
    ds_buf_puts(out, rep);
    run = i + 1;
  }
  ds_buf_put(out, s + run, n - run);
}

void ds_html_escs(ds_buf *out, const char *s) {
  if (s) ds_html_esc(out, s, strlen(s));
}

void ds_html_clip(ds_buf *out, const char *s, size_t n, size_t max_chars) {
  ds_buf b = DS_BUF_INIT;
  ds_rep_clip(&b, s, n, max_chars);
  ds_html_esc(out, b.ptr, b.len);
  ds_buf_free(&b);
}

static void S_span(ds_buf *out, const ds_article *a, uint32_t start, uint32_t end, size_t max) {
  ds_buf b = DS_BUF_INIT;
  ds_rep_span(&b, a, start, end, max);
  ds_html_esc(out, b.ptr, b.len);
  ds_buf_free(&b);
}

static void S_art_link(ds_buf *out, const dossier_corpus *c, uint32_t i) {
  const ds_article *a = ds_rep_article(c, i);
  if (!a) return;
  ds_buf b = DS_BUF_INIT;
  ds_rep_short_label(a, &b);
  ds_buf_printf(out, "<a href=\"#art-%u\">", i + 1);
  ds_html_esc(out, b.ptr, b.len);
  ds_buf_puts(out, "</a>");
  ds_buf_free(&b);
}

/* Outlets of a set of articles as links; a reprint of a listed article is left out. */
static void S_outlet_links(ds_buf *out, const dossier_corpus *c, const ds_u32vec *v) {
  bool *flags = malloc(v->len + 1);
  if (!flags) abort();
  size_t total = ds_rep_independent(c, v, flags), shown = 0;
  for (size_t i = 0; i < v->len && shown < DS_REPORT_MAX_CITES; i++) {
    if (!flags[i]) continue;
    if (shown++) ds_buf_puts(out, ", ");
    S_art_link(out, c, v->items[i]);
  }
  if (total > shown) ds_buf_printf(out, " and %zu more", total - shown);
  free(flags);
}

static void S_more(ds_buf *out, size_t shown, size_t total, const char *what) {
  if (total > shown)
    ds_buf_printf(out, "<p class=\"dim\">… %zu more %s not shown (see the JSON report).</p>\n", total - shown, what);
}

/* ---- sections ---- */

static void S_sources(const dossier_corpus *c, ds_buf *out) {
  ds_buf_puts(out, "<section id=\"sources\"><h2>Sources</h2>\n<table class=\"sortable\"><thead><tr>"
                   "<th>id</th><th>outlet</th><th>title</th><th>published</th><th>basis</th><th>words</th>"
                   "<th>note</th></tr></thead><tbody>\n");
  size_t n = c->articles.len, shown = n < DS_MAX_REPORT_ROWS ? n : DS_MAX_REPORT_ROWS;
  for (size_t i = 0; i < shown; i++) {
    const ds_article *a = c->articles.items[i];
    ds_buf_printf(out, "<tr><td data-sort=\"%zu\"><a href=\"#art-%zu\">", i, i + 1);
    ds_html_escs(out, a->id);
    ds_buf_puts(out, "</a></td><td>");
    if (!(a->outlet && a->outlet[0]) && a->title && a->title[0]) ds_buf_puts(out, "<span class=\"dim\">—</span>");
    else ds_html_escs(out, ds_rep_label(a)); /* the title has its own column */
    ds_buf_puts(out, "</td><td>"), ds_html_clip(out, a->title ? a->title : "", a->title ? strlen(a->title) : 0, DS_REPORT_CELL_CHARS);
    ds_buf_puts(out, "</td><td class=\"date\">"), ds_html_escs(out, a->published ? a->published : "unknown");
    ds_buf_printf(out, "</td><td>%s</td><td class=\"num\">%u</td><td>", ds_basis_name(a->published_basis), a->words);
    if (a->duplicate_of >= 0) {
      ds_buf_puts(out, "<span class=\"badge reprint\">reprint</span> of ");
      S_art_link(out, c, (uint32_t)a->duplicate_of);
    }
    if (a->reprint_from) { /* the article's own note: "originally published by …" */
      ds_buf_puts(out, a->duplicate_of >= 0 ? "; reprinted from " : "reprinted from ");
      ds_html_escs(out, a->reprint_from);
      ds_buf_puts(out, " (the article says so)");
    }
    ds_buf_puts(out, "</td></tr>\n");
  }
  ds_buf_puts(out, "</tbody></table>\n");
  S_more(out, shown, n, "articles");
  ds_buf_puts(out, "</section>\n");
}

static void S_summary(const dossier_corpus *c, ds_buf *out) {
  ds_buf_puts(out, "<section id=\"summary\"><h2>Summary</h2>\n");
  if (!c->summary.len) ds_buf_puts(out, "<p class=\"dim\">No sentence to summarise.</p>\n");
  else ds_buf_puts(out, "<ol class=\"summary\">\n");
  for (size_t i = 0; i < c->summary.len && i < DS_MAX_REPORT_ROWS; i++) {
    const ds_summary_sentence *s = &c->summary.items[i];
    ds_buf_puts(out, "<li>"), ds_html_escs(out, s->text);
    ds_buf_printf(out, " <a class=\"src\" href=\"#s%zu\" title=\"the sentence in its article\">↗</a>", i + 1);
    ds_buf_puts(out, " <span class=\"cite\">[");
    S_outlet_links(out, c, &s->articles);
    ds_buf_puts(out, "]</span></li>\n");
  }
  if (c->summary.len) ds_buf_puts(out, "</ol>\n");
  ds_buf_puts(out, "</section>\n");
}

static void S_figure_row(const dossier_corpus *c, ds_ref r, ds_buf *out) {
  const ds_article *a = ds_rep_article(c, r.article);
  const ds_figure *f = ds_rep_figure(c, r);
  if (!a || !f) return;
  uint32_t num = ds_rep_figure_num(c, r);
  ds_buf v = DS_BUF_INIT;
  ds_rep_figure_value(a, f, &v);
  ds_buf_printf(out, "<tr><td data-sort=\"%u\"><a href=\"#f%u\">f%u</a></td><td data-sort=\"%.17g\">", num, num, num, f->value);
  ds_html_esc(out, v.ptr, v.len);
  ds_buf_free(&v);
  ds_buf_puts(out, "</td><td>");
  S_art_link(out, c, r.article);
  if (a->duplicate_of >= 0) ds_buf_puts(out, " <span class=\"badge reprint\">reprint</span>");
  ds_buf_puts(out, "</td><td>"), ds_html_escs(out, ds_rep_claimant(c, a, f));
  ds_buf_puts(out, "</td><td class=\"date\">"), ds_html_escs(out, f->as_of);
  ds_buf_puts(out, "</td><td>"), ds_html_escs(out, f->qualifier);
  ds_buf_printf(out, "</td><td>%s</td></tr>\n", f->projection ? "projection" : "");
}

static void S_figures(const dossier_corpus *c, ds_buf *out) {
  ds_buf_puts(out, "<section id=\"figures\"><h2>Figures</h2>\n");
  if (!c->figure_groups.len) ds_buf_puts(out, "<p class=\"dim\">No figures found.</p>\n");
  size_t rows = 0, g = 0;
  for (; g < c->figure_groups.len && rows < DS_MAX_REPORT_ROWS; g++) {
    const ds_figure_group *fg = &c->figure_groups.items[g];
    const char *st = ds_rep_fig_status(fg->status);
    ds_buf_puts(out, "<h3>"), ds_html_escs(out, fg->about ? fg->about : "figures");
    ds_buf_printf(out, " <span class=\"badge %s\">%s</span> <span class=\"dim\">%u outlet%s</span></h3>\n", st, st,
                  fg->n_outlets, fg->n_outlets == 1 ? "" : "s");
    ds_buf_puts(out, "<table class=\"sortable figures\"><thead><tr><th>id</th><th>value</th><th>outlet</th>"
                     "<th>claimed by</th><th>as of</th><th>qualifier</th><th>note</th></tr></thead><tbody>\n");
    for (size_t k = 0; k < fg->figures.len && rows < DS_MAX_REPORT_ROWS; k++, rows++)
      S_figure_row(c, fg->figures.items[k], out);
    ds_buf_puts(out, "</tbody></table>\n");
  }
  S_more(out, g, c->figure_groups.len, "figure groups");
  ds_buf_puts(out, "</section>\n");
}

static void S_quote_cells(const dossier_corpus *c, ds_ref r, bool text, ds_buf *out) {
  const ds_article *a = ds_rep_article(c, r.article);
  const ds_quote *q = ds_rep_quote(c, r);
  if (!a || !q) return;
  uint32_t num = ds_rep_quote_num(c, r);
  const char *who = ds_rep_speaker(c, a, q);
  ds_buf_printf(out, "<tr><td data-sort=\"%u\"><a href=\"#q%u\">q%u</a></td><td>", num, num, num);
  if (who) ds_html_escs(out, who);
  else ds_buf_puts(out, "<span class=\"dim\">unattributed</span>");
  ds_buf_puts(out, "</td><td>");
  S_art_link(out, c, r.article);
  if (a->duplicate_of >= 0) ds_buf_puts(out, " <span class=\"badge reprint\">reprint</span>");
  ds_buf_printf(out, "</td><td>%s", ds_quote_kind_name(q->kind));
  if (q->cue) ds_buf_puts(out, ", "), ds_html_escs(out, q->cue);
  ds_buf_puts(out, "</td>");
  if (text) {
    bool marks = q->kind != DS_QUOTE_INDIRECT;
    ds_buf_puts(out, marks ? "<td>“" : "<td>… ");
    S_span(out, a, q->start, q->end, DS_REPORT_CELL_CHARS * 2);
    ds_buf_puts(out, marks ? "”</td>" : "</td>");
  }
  ds_buf_puts(out, "</tr>\n");
}

static void S_group(const dossier_corpus *c, const ds_quote_group *g, size_t max, ds_buf *out) {
  const ds_article *a = ds_rep_article(c, g->quotes.items[0].article);
  const ds_quote *q = ds_rep_quote(c, g->quotes.items[0]);
  if (!a || !q) return;
  const char *sp = g->speakers == DS_SPEAKERS_CONFLICT ? "conflict" : g->speakers == DS_SPEAKERS_AGREE ? "agree" : "unknown";
  ds_buf_printf(out, "<div class=\"qgroup %s\"><blockquote>“", g->speakers == DS_SPEAKERS_CONFLICT ? "qg-conflict"
                                                                 : g->same_wording ? "qg-same" : "qg-variant");
  S_span(out, a, q->start, q->end, DS_REPORT_CELL_CHARS * 2);
  ds_buf_printf(out, "”</blockquote>\n<p><span class=\"badge %s\">%s</span> <span class=\"badge %s\">%s</span> "
                     "<span class=\"dim\">%u independent outlet%s</span></p>\n",
                g->same_wording ? "same" : "variant", g->same_wording ? "same wording" : "variant wording", sp,
                g->speakers == DS_SPEAKERS_CONFLICT ? "conflicting attribution"
                : g->speakers == DS_SPEAKERS_AGREE  ? "speakers agree" : "speaker unknown",
                g->n_outlets, g->n_outlets == 1 ? "" : "s");
  ds_buf_puts(out, "<table class=\"sortable quotes\"><thead><tr><th>id</th><th>speaker</th><th>outlet</th><th>kind</th>");
  if (!g->same_wording) ds_buf_puts(out, "<th>wording</th>");
  ds_buf_puts(out, "</tr></thead><tbody>\n");
  size_t n = g->quotes.len < max ? g->quotes.len : max;
  for (size_t k = 0; k < n; k++) S_quote_cells(c, g->quotes.items[k], !g->same_wording, out);
  ds_buf_puts(out, "</tbody></table>\n");
  S_more(out, n, g->quotes.len, "quotations in this group");
  ds_buf_puts(out, "</div>\n");
}

static void S_by_speaker(const dossier_corpus *c, ds_buf *out, size_t rows) {
  ds_arena arena = {0};
  ds_rep_speakers sp = {0};
  ds_rep_collect_speakers(c, &arena, &sp);
  if (sp.len) ds_buf_puts(out, "<h3>By speaker</h3>\n<p class=\"dim\">Quotes from reprints are left out.</p>\n");
  size_t total = 0, done = 0;
  for (size_t s = 0; s < sp.len; s++) total += sp.items[s].quotes.len;
  for (size_t s = 0; s < sp.len && rows < DS_MAX_REPORT_ROWS; s++) {
    ds_buf_puts(out, "<h4>");
    if (sp.items[s].name) ds_html_escs(out, sp.items[s].name);
    else ds_buf_puts(out, "Unattributed");
    ds_buf_printf(out, " <span class=\"dim\">(%zu)</span></h4>\n<ul class=\"quotes\">\n", sp.items[s].quotes.len);
    for (size_t k = 0; k < sp.items[s].quotes.len && rows < DS_MAX_REPORT_ROWS; k++, rows++, done++) {
      ds_ref r = sp.items[s].quotes.items[k];
      const ds_article *a = ds_rep_article(c, r.article);
      const ds_quote *q = ds_rep_quote(c, r);
      uint32_t num = ds_rep_quote_num(c, r);
      bool marks = q->kind != DS_QUOTE_INDIRECT;
      ds_buf_printf(out, "<li><a class=\"q\" href=\"#q%u\">%s", num, marks ? "“" : "… ");
      S_span(out, a, q->start, q->end, DS_REPORT_CELL_CHARS * 2);
      ds_buf_printf(out, "%s</a> — ", marks ? "”" : "");
      S_art_link(out, c, r.article);
      ds_buf_printf(out, " <span class=\"dim\">(%s", ds_quote_kind_name(q->kind));
      if (q->cue) ds_buf_puts(out, ", "), ds_html_escs(out, q->cue);
      ds_buf_puts(out, ")</span></li>\n");
    }
    ds_buf_puts(out, "</ul>\n");
  }
  S_more(out, done, total, "quotations");
  ds_arena_free(&arena);
}

static void S_quotes(const dossier_corpus *c, ds_buf *out) {
  ds_buf_puts(out, "<section id=\"quotes\"><h2>Who said what</h2>\n");
  size_t multi = 0, shown = 0, rows = 0;
  for (size_t g = 0; g < c->quote_groups.len; g++) multi += ds_rep_group_shown(&c->quote_groups.items[g]);
  if (multi) ds_buf_puts(out, "<h3>The same quotation in several articles</h3>\n");
  for (size_t g = 0; g < c->quote_groups.len && rows < DS_MAX_REPORT_ROWS; g++) {
    const ds_quote_group *qg = &c->quote_groups.items[g];
    if (!ds_rep_group_shown(qg)) continue;
    S_group(c, qg, DS_MAX_REPORT_ROWS - rows, out);
    rows += qg->quotes.len + 1, shown++;
  }
  S_more(out, shown, multi, "quote groups");
  size_t nq = 0;
  for (size_t i = 0; i < c->articles.len; i++) nq += c->articles.items[i]->quotes.len;
  if (!nq) ds_buf_puts(out, "<p class=\"dim\">No quotations found.</p>\n");
  S_by_speaker(c, out, rows);
  ds_buf_puts(out, "</section>\n");
}

static void S_timeline(const dossier_corpus *c, ds_buf *out) {
  ds_buf_puts(out, "<section id=\"timeline\"><h2>Timeline</h2>\n");
  if (!c->timeline.len) {
    ds_buf_puts(out, "<p class=\"dim\">No dated events found.</p></section>\n");
    return;
  }
  ds_html_timeline_svg(c, out);
  ds_buf_puts(out, "<table class=\"sortable\"><thead><tr><th>date</th><th>event</th><th>outlets</th>"
                   "<th>#</th></tr></thead><tbody>\n");
  size_t n = c->timeline.len, shown = n < DS_MAX_REPORT_ROWS ? n : DS_MAX_REPORT_ROWS;
  for (size_t i = 0; i < shown; i++) {
    const ds_timeline_entry *e = &c->timeline.items[i];
    ds_buf_puts(out, "<tr><td class=\"date\">"), ds_html_escs(out, e->date);
    ds_buf_puts(out, "</td><td>"), ds_html_clip(out, e->text ? e->text : "", e->text ? strlen(e->text) : 0, DS_REPORT_CELL_CHARS);
    ds_buf_puts(out, "</td><td>"), S_outlet_links(out, c, &e->articles);
    ds_buf_printf(out, "</td><td class=\"num\">%u</td></tr>\n", e->n_outlets);
  }
  ds_buf_puts(out, "</tbody></table>\n");
  S_more(out, shown, n, "events");
  ds_buf_puts(out, "</section>\n");
}

static void S_entities(const dossier_corpus *c, ds_buf *out) {
  ds_buf_puts(out, "<section id=\"entities\"><h2>People &amp; organisations</h2>\n");
  if (!c->entities.len) {
    ds_buf_puts(out, "<p class=\"dim\">No names found.</p></section>\n");
    return;
  }
  ds_buf_puts(out, "<table class=\"sortable\"><thead><tr><th>name</th><th>type</th><th>role</th><th>also written</th>"
                   "<th>articles</th><th>mentions</th></tr></thead><tbody>\n");
  ds_arena arena = {0};
  uint32_t *order = ds_rep_entity_order(c, &arena);
  size_t n = c->entities.len, shown = n < DS_MAX_REPORT_ROWS ? n : DS_MAX_REPORT_ROWS;
  for (size_t i = 0; i < shown; i++) {
    const ds_gentity *e = &c->entities.items[order[i]];
    ds_buf_puts(out, "<tr><td>"), ds_html_escs(out, e->name);
    ds_buf_printf(out, "</td><td>%s</td><td>", ds_ent_type_name(e->type));
    ds_html_escs(out, e->role);
    ds_buf_puts(out, "</td><td>");
    for (size_t k = 0; k < e->aliases.len; k++) {
      if (k) ds_buf_puts(out, ", ");
      ds_html_escs(out, e->aliases.items[k]);
    }
    ds_buf_printf(out, "</td><td class=\"num\">%zu</td><td class=\"num\">%u</td></tr>\n", e->articles.len, e->mentions);
  }
  ds_buf_puts(out, "</tbody></table>\n");
  S_more(out, shown, n, "names");
  ds_arena_free(&arena);
  ds_buf_puts(out, "</section>\n");
}

static void S_head(const dossier_corpus *c, ds_buf *out) {
  ds_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src ");
  ds_html_csp_hash(S_css, sizeof S_css - 1, out);
  ds_buf_puts(out, "; script-src ");
  ds_html_csp_hash(S_js, sizeof S_js - 1, out);
  ds_buf_puts(out, "; img-src data:; base-uri 'none'; form-action 'none'\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta name=\"referrer\" content=\"no-referrer\">\n<title>Dossier</title>\n<style>");
  ds_buf_put(out, S_css, sizeof S_css - 1);
  ds_buf_puts(out, "</style>\n</head>\n<body>\n<header><h1>Dossier</h1><p>");
  ds_rep_corpus_line(c, out); /* digits and fixed words only: nothing to escape */
  ds_buf range = DS_BUF_INIT;
  ds_rep_date_range(c, &range);
  if (range.len) ds_buf_puts(out, " · "), ds_html_esc(out, range.ptr, range.len);
  ds_buf_free(&range);
  ds_buf_puts(out, "</p></header>\n<nav><a href=\"#sources\">Sources</a><a href=\"#summary\">Summary</a>"
                   "<a href=\"#figures\">Figures</a><a href=\"#quotes\">Who said what</a>"
                   "<a href=\"#timeline\">Timeline</a><a href=\"#entities\">People &amp; organisations</a>"
                   "<a href=\"#articles\">Articles</a></nav>\n<main>\n");
}

void ds_report_html(dossier_corpus *c, ds_buf *out) {
  S_head(c, out);
  S_sources(c, out);
  S_summary(c, out);
  S_figures(c, out);
  S_quotes(c, out);
  S_timeline(c, out);
  S_entities(c, out);
  ds_buf_puts(out, "<section id=\"articles\"><h2>Articles</h2>\n<p class=\"dim\">Quotations are "
                   "<span class=\"m-quote\">underlined</span>, figures <span class=\"m-fig\">highlighted</span>"
                   " and dates <span class=\"m-time\">dotted</span>; hover for details.</p>\n");
  ds_html_articles(c, out);
  ds_buf_puts(out, "</section>\n</main>\n<script>");
  ds_buf_put(out, S_js, sizeof S_js - 1);
  ds_buf_puts(out, "</script>\n</body>\n</html>\n");
}
