/* Runs the stages: per-article (clean, segment, tag) on a pool of threads, then the
 * cross-article link stage, then a report, written atomically. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "corpus.h"
#include "util/hash.h"

/* More threads than this buys nothing on the machines dossier targets and only
 * multiplies per-thread memory. */
#define DS_MAX_THREADS 64

void ds_article_process(ds_article *a) {
  if (a->extracted) return;
  ds_clean(a);
  ds_segment(a);
  ds_tag_entities(a);
  ds_tag_times(a);
  ds_tag_quotes(a);
  ds_tag_figures(a);
  a->extracted = true;
}

typedef struct {
  dossier_corpus *c;
  atomic_size_t next; /* work queue: each thread takes the next article index */
} ds_pool;

/* Progress is reported every this many articles: often enough for a person, rarely
 * enough to cost nothing. */
#define DS_PROGRESS_EVERY 256

static void S_work(ds_pool *p, bool report) {
  const dossier_options *o = &p->c->opts;
  size_t total = p->c->articles.len;
  for (;;) {
    size_t i = atomic_fetch_add(&p->next, 1);
    if (i >= total) return;
    ds_article_process(p->c->articles.items[i]);
    if (report && o->progress && i % DS_PROGRESS_EVERY == 0) o->progress(o->progress_ctx, i, total);
  }
}

static void *S_worker(void *arg) {
  S_work(arg, false);
  return NULL;
}

/* Reports refer to articles by id, so ids must be unique: a repeated JSONL id, or one
 * equal to a generated "a<N>", becomes "a<N>" (else "a<N>-<k>"). First come keeps it. */
static void S_unique_ids(dossier_corpus *c) {
  ds_map seen;
  ds_map_init(&seen);
  for (size_t i = 0; i < c->articles.len; i++) {
    ds_article *a = c->articles.items[i];
    bool fresh;
    ds_map_upsert(&seen, a->id, strlen(a->id), &fresh);
    for (unsigned k = 1; !fresh; k++) {
      a->id = k == 1 ? ds_arena_printf(&a->arena, "a%u", a->index + 1)
                     : ds_arena_printf(&a->arena, "a%u-%u", a->index + 1, k);
      ds_map_upsert(&seen, a->id, strlen(a->id), &fresh);
    }
  }
  ds_map_free(&seen);
}

void dossier_corpus_extract(dossier_corpus *c) {
  S_unique_ids(c);
  int n = c->opts.threads;
  if (n > DS_MAX_THREADS) n = DS_MAX_THREADS;
  if ((size_t)n > c->articles.len) n = (int)c->articles.len;
  ds_pool pool = {.c = c};
  atomic_init(&pool.next, 0);
  if (n <= 1) {
    S_work(&pool, true);
    return;
  }
  pthread_t tids[DS_MAX_THREADS];
  int started = 0;
  for (; started < n - 1; started++)
    if (pthread_create(&tids[started], NULL, S_worker, &pool) != 0) break;
  S_work(&pool, true); /* the calling thread works too, and reports progress */
  for (int i = 0; i < started; i++) pthread_join(tids[i], NULL);
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
  ds_link_entities(c);
  ds_link_quotes(c);
  ds_link_figures(c);
  ds_link_timeline(c);
  ds_link_summary(c);
  c->linked = true;
}

const char *ds_entity_id(dossier_corpus *c, int32_t global, char buf[16]) {
  (void)c;
  if (global < 0) return NULL;
  snprintf(buf, 16, "e%d", global + 1);
  return buf;
}

/* Writes the report in pieces so a large JSONL extract never sits whole in memory. */
static bool S_render(dossier_corpus *c, dossier_format f, FILE *out) {
  ds_buf b = DS_BUF_INIT;
  bool ok = true;
  if (f == DOSSIER_FORMAT_JSONL) {
    dossier_corpus_extract(c);
    for (size_t i = 0; i < c->articles.len && ok; i++) {
      ds_report_jsonl_article(c->articles.items[i], &b);
      ok = fwrite(b.ptr, 1, b.len, out) == b.len;
      ds_buf_clear(&b);
    }
  } else {
    dossier_corpus_analyze(c);
    switch (f) {
    case DOSSIER_FORMAT_JSON: ds_report_json(c, &b); break;
    case DOSSIER_FORMAT_MD: ds_report_md(c, &b); break;
    case DOSSIER_FORMAT_HTML: ds_report_html(c, &b); break;
    default: ds_report_text(c, &b); break;
    }
    ok = fwrite(b.ptr, 1, b.len, out) == b.len;
  }
  ds_buf_free(&b);
  return ok && fflush(out) == 0 && !ferror(out);
}

static void S_write_error(dossier_error *err, const char *path, const char *what) {
  if (!err) return;
  memset(err, 0, sizeof *err);
  err->code = DOSSIER_ERR_WRITE;
  snprintf(err->file, sizeof err->file, "%s", path);
  snprintf(err->message, sizeof err->message, "%s: %s", what, strerror(errno));
}

bool dossier_corpus_write(dossier_corpus *c, dossier_format f, FILE *out, dossier_error *err) {
  errno = 0;
  if (S_render(c, f, out)) return true;
  S_write_error(err, "<output>", "cannot write");
  return false;
}

/* A device, FIFO or terminal (-o /dev/stdout, /dev/full) is written in place:
 * renaming a temporary over it would replace the device with a regular file. */
static bool S_write_special(dossier_corpus *c, dossier_format f, const char *path,
                            dossier_error *err) {
  FILE *out = fopen(path, "wb");
  if (!out) {
    S_write_error(err, path, "cannot open");
    return false;
  }
  bool ok = S_render(c, f, out);
  if (fclose(out) != 0) ok = false;
  if (!ok) S_write_error(err, path, "cannot write");
  return ok;
}

/* Creates "<path>.tmp<pid>.<k>" with O_EXCL and mode 0666, so the process umask applies
 * as for any new file (mkstemp would make it 0600, and reading the umask means changing
 * it, which is process-wide). Returns the descriptor or -1. */
static int S_create_temp(const char *path, char *tmp, size_t size) {
  static atomic_uint counter;
  for (int tries = 0; tries < 100; tries++) {
    snprintf(tmp, size, "%s.tmp%ld.%u", path, (long)getpid(), atomic_fetch_add(&counter, 1));
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0 || errno != EEXIST) return fd;
  }
  return -1;
}

bool dossier_corpus_write_file(dossier_corpus *c, dossier_format f, const char *path,
                               dossier_error *err) {
  struct stat st;
  if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) return S_write_special(c, f, path, err);
  size_t n = strlen(path);
  char *tmp = malloc(n + 40);
  if (!tmp) abort();
  int fd = S_create_temp(path, tmp, n + 40);
  if (fd < 0) {
    S_write_error(err, path, "cannot create a temporary file beside it");
    free(tmp);
    return false;
  }
  FILE *out = fdopen(fd, "wb");
  bool ok = out && S_render(c, f, out);
  if (!ok) S_write_error(err, path, "cannot write");
  if (out && fclose(out) != 0 && ok) {
    ok = false;
    S_write_error(err, path, "cannot write");
  } else if (!out) close(fd);
  if (ok && rename(tmp, path) != 0) {
    ok = false;
    S_write_error(err, path, "cannot rename the temporary file");
  }
  if (!ok) unlink(tmp);
  free(tmp);
  return ok;
}
