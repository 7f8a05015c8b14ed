/* The JSONL reader: one article per line, an object with id, url, outlet, published,
 * title, author and text (or html). A bad line is reported with its line number and
 * byte position; the other lines are still read. */
#include <jansson.h>
#include <string.h>

#include "corpus.h"
#include "util/utf8.h"

/* read_jsonl_fast.c: the common flat line without jansson's parser, or NULL */
json_t *ds_jsonl_fast_load(const char *s, size_t n);
/* read_extract.c: lines written by `dossier extract` */
bool ds_read_extract_is(json_t *obj);
size_t ds_read_extract(dossier_corpus *c, const char *file, json_t *obj, size_t line, size_t pos);

static const char *S_str(json_t *obj, const char *key) {
  json_t *v = json_object_get(obj, key);
  return json_is_string(v) ? json_string_value(v) : NULL;
}

static void S_fields(dossier_corpus *c, ds_article *a, json_t *obj, size_t line, size_t pos) {
  static const char *keys[] = {"id", "url", "outlet", "title", "author", "published"};
  for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
    json_t *v = json_object_get(obj, keys[i]);
    if (json_is_integer(v) && strcmp(keys[i], "id") == 0) {
      a->id = ds_arena_printf(&a->arena, "%lld", (long long)json_integer_value(v));
      continue;
    }
    const char *s = S_str(obj, keys[i]);
    bool overridden = a->published_basis == DS_BASIS_GIVEN && strcmp(keys[i], "published") == 0;
    if (!s || overridden) continue; /* --published (applied when an html line was read) wins */
    if (!ds_article_set_field(a, keys[i], strlen(keys[i]), s, strlen(s), DS_BASIS_GIVEN))
      ds_corpus_error(c, DOSSIER_ERR_DATE, a->file, line, pos,
                      "\"published\" is not a date: %.60s (ignored)", s);
  }
}

/* jansson refuses invalid UTF-8 outright; the design repairs it at the boundary, so a
 * line that failed is parsed once more with U+FFFD in place of the bad bytes. Only
 * failed lines pay for the copy. */
/* \u0000 is allowed: NUL bytes are dropped with the other repairs, not the article. */
#define S_JSON_FLAGS (JSON_REJECT_DUPLICATES | JSON_DECODE_ANY | JSON_ALLOW_NUL)

static json_t *S_load_repaired(const char *s, size_t n) {
  ds_buf fixed = DS_BUF_INIT;
  json_t *obj = NULL;
  if (ds_utf8_repair(&fixed, s, n) > 0)
    obj = json_loadb(fixed.ptr, fixed.len, S_JSON_FLAGS, NULL);
  ds_buf_free(&fixed);
  return obj;
}

static size_t S_line(dossier_corpus *c, const char *file, const char *s, size_t n, size_t line,
                     size_t pos) {
  if (n > DS_MAX_JSONL_LINE) {
    ds_corpus_error(c, DOSSIER_ERR_TOO_LARGE, file, line, pos,
                    "line longer than %zu bytes: skipped", (size_t)DS_MAX_JSONL_LINE);
    return 0;
  }
  json_error_t jerr;
  json_t *obj = ds_jsonl_fast_load(s, n);
  if (!obj) obj = json_loadb(s, n, S_JSON_FLAGS, &jerr);
  if (!obj) obj = S_load_repaired(s, n);
  if (!obj) {
    ds_corpus_error(c, DOSSIER_ERR_JSON, file, line, pos + (size_t)jerr.position,
                    "invalid JSON: %s", jerr.text);
    return 0;
  }
  size_t added = 0;
  json_t *text = json_object_get(obj, "text"), *html = json_object_get(obj, "html");
  if (!json_is_object(obj)) {
    ds_corpus_error(c, DOSSIER_ERR_NOT_OBJECT, file, line, pos, "not a JSON object");
  } else if (ds_read_extract_is(obj)) {
    added = ds_read_extract(c, file, obj, line, pos);
  } else if (!json_is_string(text) && !json_is_string(html)) {
    ds_corpus_error(c, DOSSIER_ERR_FIELD, file, line, pos,
                    "no \"text\" or \"html\" string field");
  } else if (json_is_string(text)) {
    ds_article *a = ds_article_new(file);
    S_fields(c, a, obj, line, pos);
    ds_article_set_raw(a, json_string_value(text), json_string_length(text));
    ds_corpus_push(c, a);
    added = 1;
  } else {
    size_t before = c->errors.len;
    if (ds_read_html(c, file, json_string_value(html), json_string_length(html))) {
      ds_article *a = c->articles.items[c->articles.len - 1];
      S_fields(c, a, obj, line, pos); /* the JSONL fields override the page's metadata */
      added = 1;
    }
    for (size_t i = before; i < c->errors.len; i++) /* the page's errors: name the line */
      c->errors.items[i].line = line, c->errors.items[i].position = pos;
  }
  json_decref(obj);
  return added;
}

void ds_jsonl_begin(dossier_corpus *c, ds_jsonl *st) {
  memset(st, 0, sizeof *st);
  st->first_error = c->errors.len;
}

/* Complete lines only (the last one may lack its newline only at the end of the file). */
void ds_jsonl_feed(dossier_corpus *c, ds_jsonl *st, const char *file, const char *bytes, size_t len) {
  size_t off = 0;
  if (st->pos == 0 && len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) off = 3; /* a BOM, as Windows tools write */
  while (off < len) {
    const char *s = bytes + off;
    const char *eol = memchr(s, '\n', len - off);
    size_t n = eol ? (size_t)(eol - s) : len - off;
    st->line++;
    size_t k = 0;
    while (k < n && strchr(" \t\r", s[k])) k++;
    if (k < n) {
      size_t got = S_line(c, file, s, n, st->line, st->pos + off);
      st->added += got;
      st->bad += !got;
      if (c->errors.len - st->first_error > DS_MAX_ERRORS_PER_INPUT) { /* keep the first ones */
        st->dropped += c->errors.len - st->first_error - DS_MAX_ERRORS_PER_INPUT;
        c->errors.len = st->first_error + DS_MAX_ERRORS_PER_INPUT;
      }
      ds_corpus_stream_point(c);
    }
    off += n + 1;
  }
  st->pos += len;
}

size_t ds_jsonl_end(dossier_corpus *c, ds_jsonl *st, const char *file) {
  if (st->dropped)
    ds_corpus_error(c, DOSSIER_ERR_JSON, file, 0, 0, "%zu more errors in this file not shown", st->dropped);
  if (st->bad) c->skipped += st->bad - (st->added == 0); /* ds_read_bytes counts a file with no article */
  if (!st->added && !st->bad) ds_corpus_error(c, DOSSIER_ERR_EMPTY, file, 0, 0, "no articles: skipped");
  return st->added;
}

size_t ds_read_jsonl(dossier_corpus *c, const char *file, const char *bytes, size_t len) {
  ds_jsonl st;
  ds_jsonl_begin(c, &st);
  ds_jsonl_feed(c, &st, file, bytes, len);
  return ds_jsonl_end(c, &st, file);
}
