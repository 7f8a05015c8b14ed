/* The plain-text reader: optional `---` front matter (title, outlet, url, published,
 * author, id), then the article text. UTF-8 is repaired here, once. */
#include <stdio.h>
#include <string.h>

#include "corpus.h"
#include "util/date.h"
#include "util/utf8.h"

static const char *S_trim(ds_arena *a, const char *s, size_t n) {
  while (n && (*s == ' ' || *s == '\t')) s++, n--;
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) n--;
  if (n >= 2 && ((s[0] == '"' && s[n - 1] == '"') || (s[0] == '\'' && s[n - 1] == '\'')))
    s++, n -= 2; /* YAML-style quoted value */
  return ds_arena_strndup(a, s, n);
}

/* Sets a metadata field from a front-matter or JSONL value; bad dates are reported. */
bool ds_article_set_field(ds_article *a, const char *key, size_t klen, const char *val,
                          size_t vlen, ds_basis basis) {
  const char *v = S_trim(&a->arena, val, vlen);
  if (!v[0]) return true;
#define KEY(k) (klen == sizeof(k) - 1 && strncasecmp(key, k, klen) == 0)
  if (KEY("title")) a->title = v;
  else if (KEY("outlet") || KEY("source") || KEY("site") || KEY("publisher")) a->outlet = v;
  else if (KEY("url") || KEY("link")) a->url = v;
  else if (KEY("author") || KEY("byline")) a->author = v;
  else if (KEY("id")) a->id = v;
  else if (KEY("published") || KEY("date") || KEY("published_at")) {
    ds_date d;
    if (!ds_date_parse(v, strlen(v), &d)) return false;
    char buf[11];
    ds_date_format(d, buf);
    a->published = ds_arena_strdup(&a->arena, buf);
    a->published_basis = basis;
  }
#undef KEY
  return true;
}

/* Parses front matter at the start of text; returns the bytes it spans (0 when none).
 * An unclosed block is reported and the file is read as plain text. */
static size_t S_front_matter(dossier_corpus *c, ds_article *a, const char *t, size_t n) {
  if (n < 4 || strncmp(t, "---", 3) != 0 || (t[3] != '\n' && t[3] != '\r')) return 0;
  size_t limit = n < DS_MAX_FRONTMATTER_BYTES ? n : DS_MAX_FRONTMATTER_BYTES;
  const char *nl = strchr(t, '\n');
  if (!nl) return 0; /* one line (or CR-only line ends): no front matter to read */
  size_t p = (size_t)(nl - t) + 1, line = 2;
  while (p < limit) {
    const char *eol = memchr(t + p, '\n', n - p);
    size_t len = eol ? (size_t)(eol - (t + p)) : n - p;
    const char *s = t + p;
    if (len >= 3 && strncmp(s, "---", 3) == 0 && (len == 3 || s[3] == '\r'))
      return p + len + (eol ? 1 : 0);
    const char *colon = memchr(s, ':', len);
    if (colon && !ds_article_set_field(a, s, (size_t)(colon - s), colon + 1,
                                       len - (size_t)(colon - s) - 1, DS_BASIS_METADATA))
      ds_corpus_error(c, DOSSIER_ERR_DATE, a->file, line, p,
                      "front matter: not a date: %.*s (ignored)", (int)(len < 80 ? len : 80), s);
    p += len + 1;
    line++;
  }
  ds_corpus_error(c, DOSSIER_ERR_FRONTMATTER, a->file, 1, 0,
                  "front matter opened with --- is not closed within %zu bytes; read as text",
                  (size_t)DS_MAX_FRONTMATTER_BYTES);
  a->id = a->title = a->outlet = a->url = a->author = NULL;
  a->published = NULL;
  a->published_basis = DS_BASIS_UNKNOWN;
  return 0;
}

/* Copies text into the article arena as valid UTF-8 (raw). */
void ds_article_set_raw(ds_article *a, const char *text, size_t n) {
  if (ds_utf8_is_clean(text, n)) { /* nearly always: one copy, straight into the arena */
    a->raw = ds_arena_strndup(&a->arena, text, n);
    a->raw_len = (uint32_t)n;
    return;
  }
  ds_buf b = DS_BUF_INIT;
  ds_utf8_repair(&b, text, n);
  a->raw = ds_arena_strndup(&a->arena, b.ptr, b.len);
  a->raw_len = (uint32_t)b.len;
  ds_buf_free(&b);
}

size_t ds_read_text(dossier_corpus *c, const char *file, const char *bytes, size_t len) {
  if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) bytes += 3, len -= 3; /* BOM */
  if (len > DS_MAX_ARTICLE_BYTES) {
    ds_corpus_error(c, DOSSIER_ERR_TOO_LARGE, file, 0, DS_MAX_ARTICLE_BYTES,
                    "article larger than %zu bytes: skipped", DS_MAX_ARTICLE_BYTES);
    return 0;
  }
  ds_article *a = ds_article_new(file);
  /* front matter parsing needs a NUL-free string: valid text (nearly all) is copied into
   * the arena once and parsed there; the rest is repaired first */
  ds_buf fixed = DS_BUF_INIT;
  const char *text = bytes;
  if (!ds_utf8_is_clean(bytes, len)) {
    ds_utf8_repair(&fixed, bytes, len);
    text = fixed.ptr, len = fixed.len;
  }
  char *copy = ds_arena_strndup(&a->arena, text, len);
  ds_buf_free(&fixed);
  size_t fm = S_front_matter(c, a, copy, len);
  a->raw = copy + fm;
  a->raw_len = (uint32_t)(len - fm);
  size_t i = 0;
  while (i < a->raw_len && strchr(" \t\r\n", a->raw[i])) i++;
  if (i == a->raw_len) {
    ds_corpus_error(c, DOSSIER_ERR_EMPTY, file, 0, 0, "no text: skipped");
    ds_article_free(a);
    return 0;
  }
  ds_corpus_push(c, a);
  return 1;
}
