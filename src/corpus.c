/* The corpus object: life cycle, the per-article pipeline (threaded), the link stage
 * and writing reports atomically. */
#include "corpus.h"

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/date.h"
#include "util/lexicon.h"

const char *dossier_version(void) { return DOSSIER_VERSION; }

const char *ds_basis_name(ds_basis b) {
  static const char *names[] = {"unknown", "given", "metadata", "text", "inferred"};
  return b <= DS_BASIS_INFERRED ? names[b] : "unknown";
}

const char *ds_ent_type_name(ds_ent_type t) {
  static const char *names[] = {"person", "organization", "place", "group"};
  return t <= DS_ENT_GROUP ? names[t] : "group";
}

const char *ds_quote_kind_name(ds_quote_kind k) {
  static const char *names[] = {"direct", "partial", "indirect"};
  return k <= DS_QUOTE_INDIRECT ? names[k] : "direct";
}

const char *ds_time_type_name(ds_time_type t) {
  static const char *names[] = {"DATE", "DURATION", "SET", "TIME"};
  return t <= DS_TIME_TIME ? names[t] : "DATE";
}

bool ds_article_pubdate(const ds_article *a, int *y, int *m, int *d) {
  if (!a->published) return false;
  return sscanf(a->published, "%4d-%2d-%2d", y, m, d) == 3;
}

dossier_corpus *dossier_corpus_new(const dossier_options *opts) {
  dossier_corpus *c = calloc(1, sizeof *c);
  if (!c) return NULL;
  if (opts) c->opts = *opts;
  if (c->opts.summary_sentences <= 0) c->opts.summary_sentences = 6;
  if (c->opts.width <= 0) c->opts.width = 80;
  return c;
}

void dossier_corpus_free(dossier_corpus *c) {
  if (!c) return;
  if (c->pipe) ds_pipe_abandon(c->pipe); /* streamed, but never written to the end */
  for (size_t i = 0; i < c->articles.len; i++) ds_article_free(c->articles.items[i]);
  for (size_t i = 0; i < c->published.len; i++) free(c->published.items[i].file);
  free(c->quote_base);
  free(c->figure_base);
  ds_map_free(&c->stream_ids);
  ds_arena_free(&c->arena);
  free(c);
}

ds_article *ds_article_new(const char *file) {
  ds_article *a = calloc(1, sizeof *a);
  if (!a) abort();
  a->file = ds_arena_strdup(&a->arena, file ? file : "-");
  a->duplicate_of = -1;
  a->body = "";
  a->raw = "";
  return a;
}

void ds_article_free(ds_article *a) {
  if (!a) return;
  ds_arena_free(&a->arena);
  free(a);
}

void ds_corpus_error(dossier_corpus *c, dossier_code code, const char *file, size_t line,
                     size_t position, const char *fmt, ...) {
  dossier_error *e = DS_PUSH(&c->arena, &c->errors);
  memset(e, 0, sizeof *e);
  e->code = code;
  e->line = line;
  e->position = position;
  snprintf(e->file, sizeof e->file, "%s", file ? file : "");
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(e->message, sizeof e->message, fmt, ap);
  va_end(ap);
}

void dossier_error_format(const dossier_error *e, char *buf, size_t size) {
  const char *f = e->file[0] ? e->file : "dossier";
  if (e->line) snprintf(buf, size, "%s:%zu: %s", f, e->line, e->message);
  else if (e->position || e->code == DOSSIER_ERR_GZIP || e->code == DOSSIER_ERR_FRONTMATTER)
    snprintf(buf, size, "%s: byte %zu: %s", f, e->position, e->message);
  else snprintf(buf, size, "%s: %s", f, e->message);
}

size_t dossier_corpus_article_count(const dossier_corpus *c) { return c->streamed + c->articles.len; }
size_t dossier_corpus_error_count(const dossier_corpus *c) { return c->errors.len; }
const dossier_error *dossier_corpus_error(const dossier_corpus *c, size_t i) {
  return i < c->errors.len ? &c->errors.items[i] : NULL;
}
size_t dossier_corpus_skipped(const dossier_corpus *c) { return c->skipped; }

static bool S_valid_date(const char *d) {
  int y, m, day;
  char tail;
  if (strlen(d) != 10 || sscanf(d, "%4d-%2d-%2d%c", &y, &m, &day, &tail) != 3) return false;
  return y >= 1800 && y <= 2200 && ds_date_valid(y, m, day); /* not 2025-02-31 */
}

bool dossier_corpus_set_published(dossier_corpus *c, const char *file, const char *date) {
  if (!file || !date || !S_valid_date(date)) return false;
  ds_published_override *o = DS_PUSH(&c->arena, &c->published);
  o->file = strdup(file);
  if (!o->file) abort();
  memcpy(o->date, date, 11);
  return true;
}

static const char *S_skip_dot(const char *p) {
  while (p[0] == '.' && p[1] == '/') p += 2; /* "./a.txt" names "a.txt" */
  return p;
}

/* A --published FILE=DATE matches the article's file by full path or by base name. */
static const char *S_override_for(const dossier_corpus *c, const char *file) {
  const char *base = strrchr(file, '/');
  base = base ? base + 1 : file;
  file = S_skip_dot(file);
  for (size_t i = 0; i < c->published.len; i++) {
    const char *f = S_skip_dot(c->published.items[i].file);
    if (strcmp(f, file) == 0 || strcmp(f, base) == 0) return c->published.items[i].date;
  }
  return NULL;
}

/* Article ids: the JSONL id when given and unique, else "a<N>" by position. */
void ds_corpus_push(dossier_corpus *c, ds_article *a) {
  a->index = (uint32_t)(c->streamed + c->articles.len);
  if (!a->id || !a->id[0]) a->id = ds_arena_printf(&a->arena, "a%u", a->index + 1);
  const char *given = S_override_for(c, a->file);
  if (given) {
    a->published = ds_arena_strdup(&a->arena, given);
    a->published_basis = DS_BASIS_GIVEN;
  }
  *DS_PUSH(&c->arena, &c->articles) = a;
  c->stream_bytes += a->raw_len;
  c->linked = false;
}

size_t dossier_corpus_add_memory(dossier_corpus *c, const char *name, const char *bytes,
                                 size_t len) {
  return ds_read_bytes(c, name ? name : "-", bytes, len); /* no name: read as text */
}

size_t dossier_corpus_add_demo(dossier_corpus *c) {
  size_t n = 0, len;
  const char *name, *bytes;
  char path[256];
  for (size_t i = 0; ds_embedded_demo(i, &name, &bytes, &len); i++) {
    size_t nl = strlen(name);
    if (nl < 4 || strcmp(name + nl - 4, ".txt") != 0) continue; /* README etc. */
    snprintf(path, sizeof path, "demo/%s", name);
    n += ds_read_bytes(c, path, bytes, len);
  }
  return n;
}
