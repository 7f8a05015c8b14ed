/* Streaming extract on several threads. Writing the output is the largest serial cost of
 * extract (its JSON is 5-6 bytes per input byte, each copied into the page cache), and
 * tagging a batch, then writing it, then reading the next one left the threads idle
 * for two of the three steps. Here the reader hands a full batch over and goes back to
 * reading; the threads tag the articles, and whichever thread finds the next line in
 * corpus order rendered writes it (and the ready lines after it), so writing overlaps
 * tagging. The bytes written are the same as with one thread.
 *
 * Everything shared is guarded by one mutex, taken twice per article: an article costs
 * about a tenth of a millisecond, so the lock is never what threads wait for. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"

/* Batches in flight at once: the next batch goes to the threads as soon as the last
 * article of the previous one is taken, so no thread waits at a batch's end for its
 * slowest article. With the batch the reader fills, memory holds at most three
 * batches, whatever the size of the input. */
#define DS_PIPE_DEPTH 2

/* Progress is reported every this many lines written: often enough for a person,
 * rarely enough to cost nothing. It is reported from the calling thread only (as
 * dossier.h promises), when it hands a batch over, helps or waits: not by the thread
 * that writes the line, which may be a worker, after dossier_corpus_add_path returned. */
#define DS_PIPE_PROGRESS_EVERY 256

typedef struct {
  ds_article **items;
  ds_buf *lines;
  bool *ready;    /* lines[i] is rendered */
  size_t n, cap;
  size_t claimed; /* items [0, claimed) were taken by a thread */
  size_t written; /* lines [0, written) were written and freed */
} S_batch;

struct ds_pipe {
  FILE *out;
  void (*progress)(void *ctx, size_t done, size_t total);
  void *progress_ctx;
  pthread_mutex_t mu;
  pthread_cond_t work; /* to the workers: a batch was handed over, or the pipe stops */
  pthread_cond_t room; /* to the reader: a batch was written whole */
  S_batch slot[DS_PIPE_DEPTH];
  size_t head, used;   /* the oldest batch in flight (a ring index), and how many are */
  bool writing;        /* a thread writes: the others leave their ready lines to it */
  bool stop;           /* the workers return once nothing is left to take */
  bool ok;             /* no write failed (and the pipe was not abandoned) */
  int err;             /* errno of the failed write */
  size_t handed, done; /* articles handed over and lines written, for progress */
  size_t reported;     /* done when progress was last reported */
  int nthreads;
  pthread_t tids[];
};

/* Takes the first article no thread has taken, oldest batch first. */
static bool S_claim(ds_pipe *p, S_batch **b, size_t *i) {
  for (size_t k = 0; k < p->used; k++) {
    S_batch *s = &p->slot[(p->head + k) % DS_PIPE_DEPTH];
    if (s->claimed < s->n) {
      *b = s;
      *i = s->claimed++;
      return true;
    }
  }
  return false;
}

/* The head batch is written whole: its slot takes the next batch handed over. */
static void S_retire(ds_pipe *p) {
  S_batch *b = &p->slot[p->head];
  b->n = b->claimed = b->written = 0;
  p->head = (p->head + 1) % DS_PIPE_DEPTH;
  p->used--;
  pthread_cond_signal(&p->room);
}

/* Writes one line with the lock released (lines are written by one thread at a time:
 * the one that set p->writing). */
static void S_write_line(ds_pipe *p, S_batch *b) {
  ds_buf *line = &b->lines[b->written];
  bool ok = p->ok;
  p->done++;
  pthread_mutex_unlock(&p->mu);
  int err = 0;
  if (ok && line->len && fwrite(line->ptr, 1, line->len, p->out) != line->len) {
    ok = false;
    err = errno;
  }
  ds_buf_free(line);
  pthread_mutex_lock(&p->mu);
  if (p->ok && !ok) p->err = err;
  p->ok = p->ok && ok;
  b->ready[b->written++] = false;
}

/* Writes the lines that are next in corpus order and rendered (lock held). A thread
 * that finds another one writing leaves it its line: the writer checks for more ready
 * lines under the lock after each write, so none is missed. */
static void S_write_ready(ds_pipe *p) {
  if (p->writing) return;
  p->writing = true;
  while (p->used) {
    S_batch *b = &p->slot[p->head];
    if (b->written == b->n) S_retire(p);
    else if (b->ready[b->written]) S_write_line(p, b);
    else break;
  }
  p->writing = false;
}

/* Tags and renders article i of b with the lock released, then writes what it can. */
static void S_process(ds_pipe *p, S_batch *b, size_t i) {
  ds_article *a = b->items[i];
  pthread_mutex_unlock(&p->mu);
  ds_article_extract_line(a, &b->lines[i]);
  pthread_mutex_lock(&p->mu);
  b->ready[i] = true;
  S_write_ready(p);
}

static void *S_worker(void *arg) {
  ds_pipe *p = arg;
  S_batch *b;
  size_t i;
  pthread_mutex_lock(&p->mu);
  for (;;) {
    if (S_claim(p, &b, &i)) S_process(p, b, i);
    else if (p->stop) break;
    else pthread_cond_wait(&p->work, &p->mu);
  }
  pthread_mutex_unlock(&p->mu);
  return NULL;
}

/* Reports progress when another DS_PIPE_PROGRESS_EVERY lines were written (lock held;
 * released for the call). Only the calling thread, in ds_pipe_hand and ds_pipe_finish. */
static void S_report(ds_pipe *p) {
  if (!p->progress || p->done / DS_PIPE_PROGRESS_EVERY == p->reported / DS_PIPE_PROGRESS_EVERY)
    return;
  size_t done = p->reported = p->done, total = p->handed;
  pthread_mutex_unlock(&p->mu);
  p->progress(p->progress_ctx, done, total);
  pthread_mutex_lock(&p->mu);
}

/* The reader, while it may not go on, works on the batches in flight rather than wait
 * (lock held): with it, the threads are as many as the options say. The condition is
 * tested after the progress report, which releases the lock, so no wakeup is missed. */
static void S_help_until(ds_pipe *p, bool (*can_go_on)(const ds_pipe *)) {
  S_batch *b;
  size_t i;
  for (;;) {
    S_report(p);
    if (can_go_on(p)) break;
    if (S_claim(p, &b, &i)) S_process(p, b, i);
    else pthread_cond_wait(&p->room, &p->mu);
  }
}

/* A batch may be handed over when a slot is free and every article before it is
 * taken: the threads take the next batch only when the previous one is used up. */
static bool S_has_room(const ds_pipe *p) {
  if (p->used == DS_PIPE_DEPTH) return false;
  for (size_t k = 0; k < p->used; k++) {
    const S_batch *s = &p->slot[(p->head + k) % DS_PIPE_DEPTH];
    if (s->claimed < s->n) return false;
  }
  return true;
}

static bool S_empty(const ds_pipe *p) { return p->used == 0; }

/* A free slot's arrays hold n articles (they grow once, to the batch size). */
static void S_fit(S_batch *b, size_t n) {
  if (b->cap >= n) return;
  b->items = realloc(b->items, n * sizeof *b->items);
  b->lines = realloc(b->lines, n * sizeof *b->lines);
  b->ready = realloc(b->ready, n * sizeof *b->ready);
  if (!b->items || !b->lines || !b->ready) abort();
  for (size_t i = b->cap; i < n; i++) ds_buf_init(&b->lines[i]), b->ready[i] = false;
  b->cap = n;
}

void ds_pipe_hand(ds_pipe *p, ds_article **items, size_t n) {
  if (!n) return;
  pthread_mutex_lock(&p->mu);
  S_help_until(p, S_has_room);
  S_batch *b = &p->slot[(p->head + p->used) % DS_PIPE_DEPTH];
  S_fit(b, n);
  memcpy(b->items, items, n * sizeof *items);
  b->n = n;
  p->used++;
  p->handed += n;
  pthread_cond_broadcast(&p->work);
  pthread_mutex_unlock(&p->mu);
}

ds_pipe *ds_pipe_new(FILE *out, int workers, const dossier_options *opts) {
  ds_pipe *p = calloc(1, sizeof *p + (size_t)workers * sizeof(pthread_t));
  if (!p) abort();
  p->out = out;
  p->progress = opts->progress;
  p->progress_ctx = opts->progress_ctx;
  p->ok = true;
  pthread_mutex_init(&p->mu, NULL);
  pthread_cond_init(&p->work, NULL);
  pthread_cond_init(&p->room, NULL);
  /* a thread that cannot be started leaves its share to the others and the reader */
  while (p->nthreads < workers && pthread_create(&p->tids[p->nthreads], NULL, S_worker, p) == 0)
    p->nthreads++;
  return p;
}

bool ds_pipe_finish(ds_pipe *p, int *err) {
  pthread_mutex_lock(&p->mu);
  S_help_until(p, S_empty);
  p->stop = true;
  pthread_cond_broadcast(&p->work);
  pthread_mutex_unlock(&p->mu);
  for (int i = 0; i < p->nthreads; i++) pthread_join(p->tids[i], NULL);
  bool ok = p->ok;
  if (err) *err = p->err;
  for (size_t k = 0; k < DS_PIPE_DEPTH; k++) {
    free(p->slot[k].items);
    free(p->slot[k].lines); /* each line was freed once written */
    free(p->slot[k].ready);
  }
  pthread_cond_destroy(&p->room);
  pthread_cond_destroy(&p->work);
  pthread_mutex_destroy(&p->mu);
  free(p);
  return ok;
}

void ds_pipe_abandon(ds_pipe *p) {
  pthread_mutex_lock(&p->mu);
  p->ok = false; /* the stream may be closed already: the articles are only freed */
  p->progress = NULL; /* the caller is freeing the corpus: no more progress */
  pthread_mutex_unlock(&p->mu);
  ds_pipe_finish(p, NULL);
}
