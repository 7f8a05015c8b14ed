/* The text writer: element tree to plain text with paragraph breaks. Whitespace runs
 * collapse to one space (NBSP included, so later stages see plain spaces) except
 * inside <pre>; breaks are held as "pending" and written only before the next
 * visible character, so no output starts or ends with blank lines. */
#include <stdint.h>
#include <string.h>

#include "html_internal.h"

enum { P_NONE, P_SPACE, P_LINE, P_PARA };

static void S_pend(int *pending, int level) {
  if (*pending < level) *pending = level;
}

static void S_flush(ds_buf *out, int *pending) {
  if (out->len) {
    if (*pending == P_PARA) ds_buf_puts(out, "\n\n");
    else if (*pending == P_LINE) ds_buf_putc(out, '\n');
    else if (*pending == P_SPACE && out->ptr[out->len - 1] != '\n') ds_buf_putc(out, ' ');
  }
  *pending = P_NONE;
}

static bool S_is_space(const unsigned char *s, size_t i, size_t n, size_t *w) {
  if (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r' || s[i] == '\f') {
    *w = 1;
    return true;
  }
  if (s[i] == 0xC2 && i + 1 < n && s[i + 1] == 0xA0) { /* NBSP */
    *w = 2;
    return true;
  }
  return false;
}

static void S_text(const unsigned char *s, bool pre, ds_buf *out, int *pending) {
  size_t n = strlen((const char *)s), i = 0;
  while (i < n) {
    size_t w = 1;
    if (S_is_space(s, i, n, &w)) {
      if (pre && s[i] == '\n') {
        S_flush(out, pending);
        ds_buf_putc(out, '\n');
      } else {
        S_pend(pending, P_SPACE);
      }
      i += w;
      continue;
    }
    size_t j = i;
    while (j < n && !S_is_space(s, j, n, &w)) j++;
    S_flush(out, pending);
    ds_buf_put(out, s + i, j - i);
    i = j;
  }
}

static int S_break_of(uint32_t tag) {
  if (tag & (HT_BLOCK | HT_HEADING)) return P_PARA;
  if (tag & HT_LINE) return P_LINE;
  if (tag & HT_CELL) return P_SPACE;
  return P_NONE;
}

static void S_write(xmlNodePtr n, int mode, bool pre, ds_buf *out, int *pending,
                    int depth, size_t cap) {
  for (xmlNodePtr c = n->children; c && out->len <= cap; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content) S_text(c->content, pre, out, pending);
      continue;
    }
    if (c->type != XML_ELEMENT_NODE || depth >= DS_HTML_MAX_DEPTH) continue;
    ds_html_info *in = ds_html_info_of(c);
    if (!in) { /* not seen by the tagging pass: an inline wrapper */
      S_write(c, mode, pre, out, pending, depth + 1, cap);
      continue;
    }
    if ((in->tag & HT_INVISIBLE) || (mode >= DS_HTML_TAGS && (in->tag & HT_DROP)) ||
        (mode == DS_HTML_KEPT && (in->flags & HN_DROP)))
      continue;
    if (in->tag & HT_BR) {
      S_pend(pending, *pending == P_LINE ? P_PARA : P_LINE);
      continue;
    }
    int brk = S_break_of(in->tag);
    S_pend(pending, brk);
    S_write(c, mode, pre || (in->tag & HT_PRE), out, pending, depth + 1, cap);
    S_pend(pending, brk);
  }
}

void ds_html_write(xmlNodePtr node, int mode, ds_buf *out, int *pending) {
  ds_html_info *in = ds_html_info_of(node);
  int brk = in ? S_break_of(in->tag) : P_PARA;
  S_pend(pending, brk < P_PARA ? P_PARA : brk);
  S_write(node, mode, in && (in->tag & HT_PRE), out, pending, 0, SIZE_MAX);
  S_pend(pending, P_PARA);
}

void ds_html_write_end(ds_buf *out) {
  while (out->len && (out->ptr[out->len - 1] == ' ' || out->ptr[out->len - 1] == '\n'))
    out->len--;
  out->ptr[out->len] = '\0';
}

char *ds_html_node_text(ds_arena *a, xmlNodePtr n, size_t max) {
  ds_buf b = DS_BUF_INIT;
  int pending = P_NONE;
  S_write(n, DS_HTML_TAGS, false, &b, &pending, 0, max); /* stop early: bounded work */
  ds_html_write_end(&b);
  for (size_t i = 0; i < b.len; i++)
    if (b.ptr[i] == '\n') b.ptr[i] = ' ';
  size_t len = b.len;
  if (len > max) { /* cut at a code point boundary */
    len = max;
    while (len && ((unsigned char)b.ptr[len] & 0xC0) == 0x80) len--;
  }
  char *s = len ? ds_arena_strndup(a, b.ptr, len) : NULL;
  ds_buf_free(&b);
  return s;
}
