/* Runs the stages: per-article (clean, segment, tag) on a pool of threads, then the
 * cross-article link stage, then a report, written atomically. */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "corpus.h"
#include "util/hash.h"

/* More threads than this buys nothing on the machines dossier targets and only
 * multiplies per-thread memory. */
#define DS_MAX_THREADS 64

/* Clean, segment and tag; the article keeps its full-size working form. */
static void S_tag(ds_article *a) {
  ds_clean(a);
  ds_segment(a);
  ds_tag_entities(a);
  ds_tag_times(a);
  ds_tag_quotes(a);
  ds_tag_figures(a);
  a->extracted = true;
}

void ds_article_process(ds_article *a) {
  if (a->extracted) {
    /* read back from extract output (the reduce step): tagged, but not yet compacted */
    if (!a->tok_packed && a->tokens.len) ds_article_compact(a);
    return;
  }
  S_tag(a);
  ds_article_compact(a);
}

void ds_article_extract_line(ds_article *a, ds_buf *line) {
  if (!a->extracted) S_tag(a); /* compacting it would be waste: it is freed next */
  else ds_article_process(a);
  ds_report_jsonl_article(a, line);
  ds_article_free(a); /* its line is all that is left of it */
}

typedef struct {
  dossier_corpus *c;
  atomic_size_t next; /* work queue: each thread takes the next article index */
  size_t from, to;    /* the articles to process */
  ds_buf *lines;      /* when set, each article's JSON line is rendered here too */
  bool transient;     /* the articles are freed once rendered: compacting them is waste */
} ds_pool;

/* Progress is reported every this many articles: often enough for a person, rarely
 * enough to cost nothing. */
#define DS_PROGRESS_EVERY 256

static void S_work(ds_pool *p, bool report) {
  const dossier_options *o = &p->c->opts;
  size_t total = p->c->articles.len;
  for (;;) {
    size_t i = p->from + atomic_fetch_add(&p->next, 1);
    if (i >= p->to) return;
    ds_article *a = p->c->articles.items[i];
    if (p->transient) {
      ds_article_extract_line(a, &p->lines[i - p->from]);
      p->c->articles.items[i] = NULL;
    } else {
      ds_article_process(a);
      /* rendering in the workers keeps the writer from being the serial bottleneck */
      if (p->lines) ds_report_jsonl_article(a, &p->lines[i - p->from]);
    }
    if (report && o->progress && i % DS_PROGRESS_EVERY == 0) o->progress(o->progress_ctx, i, total);
  }
}

static void *S_worker(void *arg) {
  S_work(arg, false);
  return NULL;
}

/* Processes articles [from, to) on the corpus's threads (and renders their lines). */
static void S_run_pool(dossier_corpus *c, size_t from, size_t to, ds_buf *lines, bool transient) {
  int n = c->opts.threads;
  if (n > DS_MAX_THREADS) n = DS_MAX_THREADS;
  if ((size_t)n > to - from) n = (int)(to - from);
  ds_pool pool = {.c = c, .from = from, .to = to, .lines = lines, .transient = transient};
  atomic_init(&pool.next, 0);
  pthread_t tids[DS_MAX_THREADS];
  int started = 0;
  for (; started < n - 1; started++)
    if (pthread_create(&tids[started], NULL, S_worker, &pool) != 0) break;
  S_work(&pool, true); /* the calling thread works too, and reports progress */
  for (int i = 0; i < started; i++) pthread_join(tids[i], NULL);
}

/* Reports refer to articles by id, so ids must be unique: a repeated JSONL id, or one
 * equal to a generated "a<N>", becomes "a<N>" (else "a<N>-<k>"). First come keeps it. */
static void S_unique_ids(dossier_corpus *c, ds_map *seen, size_t from) {
  for (size_t i = from; i < c->articles.len; i++) {
    ds_article *a = c->articles.items[i];
    bool fresh;
    ds_map_upsert(seen, a->id, strlen(a->id), &fresh);
    for (unsigned k = 1; !fresh; k++) {
      a->id = k == 1 ? ds_arena_printf(&a->arena, "a%u", a->index + 1)
                     : ds_arena_printf(&a->arena, "a%u-%u", a->index + 1, k);
      ds_map_upsert(seen, a->id, strlen(a->id), &fresh);
    }
  }
}

/* The ids of the articles added since the last call, against every earlier one. */
static void S_ids(dossier_corpus *c) {
  S_unique_ids(c, &c->stream_ids, c->ids_checked);
  c->ids_checked = c->articles.len;
}

void dossier_corpus_extract(dossier_corpus *c) {
  S_ids(c);
  S_run_pool(c, 0, c->articles.len, NULL, false);
}

typedef struct {
  FILE *out;
  bool ok;
  int err; /* errno of the failed write */
} S_sink;

static void S_flush(void *ctx, ds_buf *b) {
  S_sink *k = ctx;
  if (k->ok && b->len && fwrite(b->ptr, 1, b->len, k->out) != b->len) {
    k->ok = false;
    k->err = errno;
  }
  ds_buf_clear(b);
}

/* Extract output is tagged, rendered and written this many articles at a time: enough
 * to keep every thread busy, few enough that the rendered lines take little memory. */
#define DS_EXTRACT_BATCH 1024

/* Tags every article (in batches, on the corpus's threads) and writes its JSON line,
 * in corpus order whatever the thread count. */
static void S_write_extract(dossier_corpus *c, S_sink *k, bool transient) {
  S_ids(c);
  ds_buf *lines = malloc(DS_EXTRACT_BATCH * sizeof *lines);
  if (!lines) abort();
  for (size_t i = 0; i < DS_EXTRACT_BATCH; i++) ds_buf_init(&lines[i]);
  for (size_t from = 0; from < c->articles.len; from += DS_EXTRACT_BATCH) {
    size_t to = c->articles.len - from > DS_EXTRACT_BATCH ? from + DS_EXTRACT_BATCH : c->articles.len;
    S_run_pool(c, from, to, lines, transient);
    for (size_t i = 0; i < to - from; i++) {
      S_flush(k, &lines[i]);
      ds_buf_free(&lines[i]);
    }
  }
  free(lines);
}

/* A streaming batch is written when it holds DS_EXTRACT_BATCH articles or this many
 * raw bytes: memory then does not grow with the input. */
#define DS_STREAM_BATCH_BYTES ((size_t)32 << 20)

void dossier_corpus_stream(dossier_corpus *c, FILE *out) {
  c->stream = out;
  c->stream_ok = true;
  ds_map_init(&c->stream_ids);
}

/* With several threads, the pending articles go to the pipe (started with the first
 * batch; a lone last batch needs no more threads than articles). */
static void S_stream_pipe(dossier_corpus *c, bool last) {
  S_ids(c);
  if (!c->pipe) {
    size_t n = c->opts.threads < DS_MAX_THREADS ? (size_t)c->opts.threads : DS_MAX_THREADS;
    if (last && n > c->articles.len) n = c->articles.len;
    c->pipe = ds_pipe_new(c->stream, (int)n - 1, &c->opts); /* the reader is one more */
  }
  ds_pipe_hand(c->pipe, c->articles.items, c->articles.len);
}

/* Tags the pending articles, writes them in order and frees them: at once with one
 * thread, else while the reader goes on. The last batch waits for every line. */
static void S_stream_batch(dossier_corpus *c, bool last) {
  if (c->opts.threads > 1 && c->articles.len) {
    S_stream_pipe(c, last);
  } else {
    S_sink k = {c->stream, c->stream_ok, 0};
    S_write_extract(c, &k, true); /* the batch's articles are freed as they are written */
    if (c->stream_ok && !k.ok) c->stream_errno = k.err;
    c->stream_ok = k.ok;
    for (size_t i = 0; i < c->articles.len; i++) ds_article_free(c->articles.items[i]);
  }
  if (last && c->pipe) {
    int err = 0;
    if (!ds_pipe_finish(c->pipe, &err) && c->stream_ok) {
      c->stream_ok = false;
      c->stream_errno = err;
    }
    c->pipe = NULL;
  }
  c->streamed += c->articles.len;
  c->articles.len = c->ids_checked = 0;
  c->stream_bytes = 0;
}

/* Without a stream (analyze), a full batch is tagged at once: each article's raw text
 * and tagging scratch are freed before the next batch is read, so the raw text of the
 * whole input is never held, and the heap is not left with its holes. */
void ds_corpus_stream_point(dossier_corpus *c) {
  bool full = c->articles.len - c->tagged >= DS_EXTRACT_BATCH || c->stream_bytes >= DS_STREAM_BATCH_BYTES;
  if (!full) return;
  if (c->stream) {
    S_stream_batch(c, false);
    return;
  }
  S_ids(c);
  S_run_pool(c, c->tagged, c->articles.len, NULL, false);
  c->tagged = c->articles.len;
  c->stream_bytes = 0;
}

static void S_number_ids(dossier_corpus *c) {
  size_t n = c->articles.len;
  free(c->quote_base);
  free(c->figure_base);
  c->quote_base = calloc(n + 1, sizeof *c->quote_base);
  c->figure_base = calloc(n + 1, sizeof *c->figure_base);
  if (!c->quote_base || !c->figure_base) abort();
  for (size_t i = 0; i < n; i++) {
    c->quote_base[i + 1] = c->quote_base[i] + (uint32_t)c->articles.items[i]->quotes.len;
    c->figure_base[i + 1] = c->figure_base[i] + (uint32_t)c->articles.items[i]->figures.len;
  }
}

void dossier_corpus_analyze(dossier_corpus *c) {
  dossier_corpus_extract(c);
  if (c->linked) return;
  ds_link_anchor(c);
  S_number_ids(c); /* after re-anchoring: it may change the number of figures */
  ds_link_duplicates(c);
  /* the summary needs only the duplicates: run before the other stages' results
   * exist, its working set (the largest of any stage) is not on top of them */
  ds_link_summary(c);
  ds_link_entities(c);
  ds_link_quotes(c);
  ds_link_figures(c);
  ds_link_timeline(c);
  c->linked = true;
}

const char *ds_entity_id(dossier_corpus *c, int32_t global, char buf[16]) {
  (void)c;
  if (global < 0) return NULL;
  snprintf(buf, 16, "e%d", global + 1);
  return buf;
}

/* Writes the report in pieces so a large JSONL extract or JSON report never sits whole
 * in memory. */
static bool S_render(dossier_corpus *c, dossier_format f, FILE *out) {
  ds_buf b = DS_BUF_INIT;
  S_sink k = {out, true, 0};
  if (f != DOSSIER_FORMAT_JSONL && c->stream) {
    errno = EINVAL; /* the articles streamed out are gone: no dossier can be made */
    return false;
  } else if (f == DOSSIER_FORMAT_JSONL && c->stream) {
    S_stream_batch(c, true); /* the last batch; the others are written already */
    k.ok = c->stream_ok;
    k.err = c->stream_errno;
  } else if (f == DOSSIER_FORMAT_JSONL) {
    S_write_extract(c, &k, false);
  } else {
    dossier_corpus_analyze(c);
    switch (f) {
    case DOSSIER_FORMAT_JSON: ds_report_json_to(c, &b, S_flush, &k); break;
    case DOSSIER_FORMAT_MD: ds_report_md(c, &b); break;
    case DOSSIER_FORMAT_HTML: ds_report_html(c, &b); break;
    default: ds_report_text(c, &b); break;
    }
    S_flush(&k, &b);
  }
  ds_buf_free(&b);
  if (!k.ok) errno = k.err; /* for the message: later calls may have changed it */
  return k.ok && fflush(out) == 0 && !ferror(out);
}

bool dossier_corpus_write(dossier_corpus *c, dossier_format f, FILE *out, dossier_error *err) {
  errno = 0;
  if (S_render(c, f, out)) return true;
  if (err) {
    memset(err, 0, sizeof *err);
    err->code = DOSSIER_ERR_WRITE;
    snprintf(err->file, sizeof err->file, "<output>");
    snprintf(err->message, sizeof err->message, "cannot write: %s", strerror(errno));
  }
  return false;
}

bool dossier_corpus_write_file(dossier_corpus *c, dossier_format f, const char *path,
                               dossier_error *err) {
  dossier_output *o = dossier_output_open(path, err);
  if (!o) return false;
  errno = 0;
  if (!S_render(c, f, dossier_output_stream(o))) {
    dossier_output_discard(o, err);
    return false;
  }
  return dossier_output_commit(o, err);
}
