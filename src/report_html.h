/* Pieces of the HTML report (report_html*.c). */
#ifndef DS_REPORT_HTML_H
#define DS_REPORT_HTML_H

#include <stddef.h>

#include "report_common.h"

/* Entries drawn in the SVG timeline (all are in the table below it): more marks
 * than this no longer fit one readable picture. */
#define DS_HTML_SVG_MAX 80

/* Appends s[0..n) with & < > " ' escaped: safe in element content and in quoted
 * attribute values. */
void ds_html_esc(ds_buf *out, const char *s, size_t n);
void ds_html_escs(ds_buf *out, const char *s); /* NUL-terminated; NULL appends nothing */
/* Escaped and cut like ds_rep_clip (white space collapsed, "…" past max_chars). */
void ds_html_clip(ds_buf *out, const char *s, size_t n, size_t max_chars);

/* The SVG picture of c->timeline (nothing when no entry has a calendar date). */
void ds_html_timeline_svg(const dossier_corpus *c, ds_buf *out);
/* Every article as a collapsible <details id="art-N"> with its body, quotes, figures
 * and summary sentences wrapped in anchors id="q<n>" / id="f<n>" / id="s<n>". */
void ds_html_articles(const dossier_corpus *c, ds_buf *out);

void ds_html_sha256(const void *data, size_t n, unsigned char out[32]);
/* Appends 'sha256-<base64>' for a CSP source list. */
void ds_html_csp_hash(const char *s, size_t n, ds_buf *out);

#endif
