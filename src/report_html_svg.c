/* The SVG timeline: one row per event, a dot under its date on the axis (a bar for an
 * event known only to the month), its label beside the dot and the full text with the
 * outlets in a <title> tooltip. Pure SVG, sized in the page's own coordinates: no script, no
 * external font or image. */
#include <stdio.h>
#include <string.h>

#include "report_html.h"
#include "util/date.h"

#define S_W 960      /* viewBox width */
#define S_LEFT 20
#define S_RIGHT 20
#define S_TOP 84     /* axis line: room above for slanted date labels */
#define S_ROW 22     /* per event */
#define S_LABEL_CHARS 70
#define S_CHAR_PX 6.8 /* average width of a 12px sans-serif character */

/* The axis is ordinal: each distinct date gets an equal column. News timelines bunch
 * dozens of events into a few days and add one from years before; a linear axis
 * would crush the days into a corner. Columns keep every day readable; the labels
 * give the dates. */
static bool S_dated(const char *v) {
  int y, m, d;
  char tail;
  if (!v) return false;
  if (sscanf(v, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3) return ds_date_valid(y, m, d);
  return strlen(v) == 7 && sscanf(v, "%4d-%2d%c", &y, &m, &tail) == 2 && m >= 1 && m <= 12;
}

static double S_x(int col, int ncols) {
  return S_LEFT + (col + 0.5) * (S_W - S_LEFT - S_RIGHT) / (double)ncols;
}

static void S_axis(ds_buf *out, const char **dates, int ncols) {
  ds_buf_printf(out, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n", S_LEFT, S_TOP,
                S_W - S_RIGHT, S_TOP);
  for (int i = 0; i < ncols; i++) {
    double x = S_x(i, ncols);
    ds_buf_printf(out, "<line class=\"tick\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>", x, S_TOP - 4, x, S_TOP + 4);
    ds_buf_printf(out, "<text class=\"ticklabel\" x=\"%.1f\" y=\"%d\" transform=\"rotate(-40 %.1f %d)\">", x + 3,
                  S_TOP - 8, x + 3, S_TOP - 8);
    ds_html_escs(out, dates[i]);
    ds_buf_puts(out, "</text>\n");
  }
}

static void S_event(const dossier_corpus *c, const ds_timeline_entry *e, int col, int ncols, int row,
                    ds_buf *out) {
  double x = S_x(col, ncols);
  int y = S_TOP + 22 + row * S_ROW;
  ds_buf_printf(out, "<g class=\"ev\"><title>");
  ds_html_escs(out, e->date);
  ds_buf_puts(out, ": ");
  ds_html_clip(out, e->text ? e->text : "", e->text ? strlen(e->text) : 0, 400);
  ds_buf b = DS_BUF_INIT;
  ds_rep_outlets(c, &e->articles, &b);
  ds_buf_puts(out, " — "), ds_html_esc(out, b.ptr, b.len);
  ds_buf_free(&b);
  ds_buf_puts(out, "</title>");
  ds_buf_printf(out, "<line class=\"guide\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>", x, S_TOP, x, y);
  if (strlen(e->date) == 7) /* known to the month only */
    ds_buf_printf(out, "<rect class=\"month\" x=\"%.1f\" y=\"%d\" width=\"16\" height=\"10\" rx=\"4\"/>", x - 8, y - 5);
  else ds_buf_printf(out, "<circle class=\"day\" cx=\"%.1f\" cy=\"%d\" r=\"%d\"/>", x, y, e->n_outlets > 1 ? 6 : 4);
  bool right = x < S_W * 0.55;
  ds_buf_printf(out, "<text class=\"evlabel\" x=\"%.1f\" y=\"%d\" text-anchor=\"%s\">", right ? x + 12 : x - 12, y + 4,
                right ? "start" : "end");
  char more[32] = "";
  if (e->n_outlets > 1) snprintf(more, sizeof more, " (%u outlets)", e->n_outlets);
  double room = right ? S_W - S_RIGHT - x - 12 : x - 12 - S_LEFT;
  long chars = (long)(room / S_CHAR_PX) - (long)strlen(more);
  if (chars > S_LABEL_CHARS) chars = S_LABEL_CHARS;
  if (chars < 12) chars = 12;
  ds_html_clip(out, e->text ? e->text : "", e->text ? strlen(e->text) : 0, (size_t)chars);
  ds_buf_puts(out, more);
  ds_buf_puts(out, "</text></g>\n");
}

void ds_html_timeline_svg(const dossier_corpus *c, ds_buf *out) {
  const char *dates[DS_HTML_SVG_MAX];
  int ncols = 0, rows = 0;
  for (size_t i = 0; i < c->timeline.len && rows < DS_HTML_SVG_MAX; i++) {
    const char *d = c->timeline.items[i].date;
    if (!S_dated(d)) continue;
    rows++;
    bool seen = false;
    for (int k = ncols - 1; k >= 0 && !seen; k--) seen = strcmp(dates[k], d) == 0;
    if (!seen) dates[ncols++] = d;
  }
  if (!rows) return;
  ds_buf_printf(out, "<svg class=\"timeline\" role=\"img\" aria-label=\"Timeline of %d events\" viewBox=\"0 0 %d %d\" "
                     "xmlns=\"http://www.w3.org/2000/svg\">\n",
                rows, S_W, S_TOP + 30 + rows * S_ROW);
  S_axis(out, dates, ncols);
  int row = 0;
  for (size_t i = 0; i < c->timeline.len && row < rows; i++) {
    const char *d = c->timeline.items[i].date;
    if (!S_dated(d)) continue;
    int col = 0;
    while (col < ncols - 1 && strcmp(dates[col], d) != 0) col++;
    S_event(c, &c->timeline.items[i], col, ncols, row++, out);
  }
  ds_buf_puts(out, "</svg>\n");
}
