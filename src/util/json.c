#include "util/json.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void ds_jw_init(ds_jw *w, ds_buf *out, bool pretty) {
  memset(w, 0, sizeof *w);
  w->out = out;
  w->pretty = pretty;
}

static void S_indent(ds_jw *w) {
  if (!w->pretty) return;
  ds_buf_putc(w->out, '\n');
  for (int i = 0; i < w->depth; i++) ds_buf_put(w->out, "  ", 2);
}

/* Before any value: a comma when a sibling came before, and (pretty) a new line; the
 * value of a key stays on the key's line. Indenting here, not at the opening bracket,
 * keeps empty containers as [] and {}. */
static void S_value(ds_jw *w) {
  if (w->after_key) {
    w->after_key = false;
    return;
  }
  if (w->depth == 0) return;
  if (w->need_comma[w->depth]) ds_buf_putc(w->out, ',');
  S_indent(w);
  w->need_comma[w->depth] = true;
}

static void S_open(ds_jw *w, char c) {
  S_value(w);
  ds_buf_putc(w->out, c);
  if (w->depth + 1 < DS_JSON_MAX_DEPTH) w->depth++;
  w->need_comma[w->depth] = false;
}

static void S_close(ds_jw *w, char c) {
  bool had = w->need_comma[w->depth];
  if (w->depth > 0) w->depth--;
  if (had) S_indent(w);
  ds_buf_putc(w->out, c);
}

void ds_jw_obj(ds_jw *w) { S_open(w, '{'); }
void ds_jw_end_obj(ds_jw *w) { S_close(w, '}'); }
void ds_jw_arr(ds_jw *w) { S_open(w, '['); }
void ds_jw_end_arr(ds_jw *w) { S_close(w, ']'); }

void ds_jw_key(ds_jw *w, const char *key) {
  S_value(w);
  ds_buf_putc(w->out, '"');
  ds_json_escape(w->out, key, strlen(key));
  ds_buf_put(w->out, w->pretty ? "\": " : "\":", w->pretty ? 3 : 2);
  w->after_key = true;
}


/* Bytes that may need escaping: control characters, '"', '\\', '/', DEL and 0xE2 (the
 * lead byte of U+2028/U+2029). Everything else is copied in runs. */
static bool S_special(unsigned char c) {
  return c < 0x20 || c == '"' || c == '\\' || c == '/' || c == 0x7f || c == 0xE2;
}

void ds_json_escape(ds_buf *out, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  size_t run = 0;
  ds_buf_reserve(out, n + 2);
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (!S_special(c)) continue;
    const char *rep = NULL;
    char tmp[7];
    if (c == '"') rep = "\\\"";
    else if (c == '\\') rep = "\\\\";
    else if (c == '\n') rep = "\\n";
    else if (c == '\t') rep = "\\t";
    else if (c == '\r') rep = "\\r";
    else if (c < 0x20 || c == 0x7f) {
      memcpy(tmp, "\\u00", 4);
      tmp[4] = hex[c >> 4];
      tmp[5] = hex[c & 15];
      tmp[6] = 0;
      rep = tmp;
    } else if (c == '/' && i > 0 && s[i - 1] == '<') rep = "\\/";
    else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
             ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9)) {
      ds_buf_put(out, s + run, i - run);
      ds_buf_puts(out, (unsigned char)s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029");
      i += 2;
      run = i + 1;
      continue;
    }
    if (!rep) continue;
    ds_buf_put(out, s + run, i - run);
    ds_buf_puts(out, rep);
    run = i + 1;
  }
  ds_buf_put(out, s + run, n - run);
}

void ds_jw_strn(ds_jw *w, const char *s, size_t n) {
  S_value(w);
  ds_buf_putc(w->out, '"');
  ds_json_escape(w->out, s, n);
  ds_buf_putc(w->out, '"');
}

void ds_jw_str(ds_jw *w, const char *s) {
  if (!s) ds_jw_null(w);
  else ds_jw_strn(w, s, strlen(s));
}

void ds_jw_int(ds_jw *w, int64_t v) {
  S_value(w);
  ds_buf_printf(w->out, "%lld", (long long)v);
}

void ds_jw_num(ds_jw *w, double v) {
  if (!isfinite(v)) {
    ds_jw_null(w);
    return;
  }
  S_value(w);
  if (v == floor(v) && fabs(v) < 1e15) ds_buf_printf(w->out, "%.0f", v);
  else ds_buf_printf(w->out, "%.10g", v);
}

void ds_jw_bool(ds_jw *w, bool v) {
  S_value(w);
  ds_buf_puts(w->out, v ? "true" : "false");
}

void ds_jw_null(ds_jw *w) {
  S_value(w);
  ds_buf_put(w->out, "null", 4);
}
