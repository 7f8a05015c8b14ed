/* Streaming extract and the chunked JSONL reader: a corpus streamed in batches writes
 * exactly what a corpus held whole writes, ids stay unique across batches, and errors
 * keep their line numbers when a file is read in chunks. All text is invented. */
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "corpus.h"
#include "test_util.h"
#include "util/buf.h"

/* More lines than one batch (1024 articles), some long enough to cross the reader's
 * 64 KiB chunks, a repeated id far apart, and two bad lines. */
static char *S_corpus_file(void) {
  char tmpl[] = "/tmp/ds_stream_XXXXXX.jsonl";
  int fd = mkstemps(tmpl, 6);
  assert_true(fd >= 0);
  ds_buf b = DS_BUF_INIT;
  for (int i = 0; i < 1100; i++) {
    if (i == 700) ds_buf_puts(&b, "{\"id\": \"broken\n");
    ds_buf_printf(&b, "{\"id\":\"%s\",\"outlet\":\"Harbour Post\",\"text\":\"",
                  i == 3 || i == 1050 ? "same" : (i % 7 ? "" : "x"));
    int words = i % 97 == 0 ? 9000 : 12;
    for (int w = 0; w < words; w++) ds_buf_printf(&b, "The ferry %d left Port Alder at dawn. ", w);
    ds_buf_puts(&b, "\"}\n");
    if (i == 1090) ds_buf_puts(&b, "[1, 2]\n");
  }
  assert_int_equal(write(fd, b.ptr, b.len), (ssize_t)b.len);
  close(fd);
  ds_buf_free(&b);
  return strdup(tmpl);
}

static char *S_errors(dossier_corpus *c) {
  ds_buf b = DS_BUF_INIT;
  for (size_t i = 0; i < dossier_corpus_error_count(c); i++) {
    char m[512];
    dossier_error_format(dossier_corpus_error(c, i), m, sizeof m);
    const char *p = strstr(m, ".jsonl"); /* without the temporary directory */
    ds_buf_printf(&b, "%s\n", p ? p : m);
  }
  return ds_buf_detach(&b);
}

static void test_stream_equals_whole(void **state) {
  (void)state;
  char *path = S_corpus_file();
  dossier_options o = {.threads = 2};
  dossier_corpus *whole = dossier_corpus_new(&o);
  assert_int_equal(dossier_corpus_add_path(whole, path), 1100);
  char *want = tu_render(whole, DOSSIER_FORMAT_JSONL);
  char *want_err = S_errors(whole);

  char *got = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&got, &len);
  dossier_corpus *s = dossier_corpus_new(&o);
  dossier_corpus_stream(s, mem);
  assert_int_equal(dossier_corpus_add_path(s, path), 1100);
  assert_true(s->articles.len < 1100); /* batches were written and freed while reading */
  assert_true(dossier_corpus_write(s, DOSSIER_FORMAT_JSONL, mem, NULL));
  fclose(mem);
  assert_int_equal(dossier_corpus_article_count(s), 1100);
  char *got_err = S_errors(s);
  assert_string_equal(got_err, want_err);
  assert_true(strstr(got_err, ".jsonl:701: invalid JSON") != NULL);
  assert_true(strstr(got_err, ".jsonl:1093: not a JSON object") != NULL);
  assert_string_equal(got, want);
  /* the repeated id, 1047 articles later, was renamed by its position */
  assert_non_null(strstr(got, "{\"id\":\"same\","));
  assert_non_null(strstr(got, "{\"id\":\"a1051\","));
  free(want), free(got), free(want_err), free(got_err);
  dossier_corpus_free(whole);
  dossier_corpus_free(s);
  unlink(path);
  free(path);
}

/* Many small articles over several batches, every 37th much longer, so that with
 * several threads lines are rendered out of corpus order. */
static char *S_small_articles_file(int n) {
  char tmpl[] = "/tmp/ds_stream_small_XXXXXX.jsonl";
  int fd = mkstemps(tmpl, 6);
  assert_true(fd >= 0);
  ds_buf b = DS_BUF_INIT;
  for (int i = 0; i < n; i++) {
    ds_buf_printf(&b, "{\"outlet\":\"Valley Courier\",\"text\":\"Article %d. ", i);
    int words = i % 37 == 0 ? 400 : i % 3;
    for (int w = 0; w < words; w++)
      ds_buf_printf(&b, "Mayor Ida Renn said on Monday that %d boats had docked. ", w + i);
    ds_buf_puts(&b, "\"}\n");
  }
  assert_int_equal(write(fd, b.ptr, b.len), (ssize_t)b.len);
  close(fd);
  ds_buf_free(&b);
  return strdup(tmpl);
}

/* The extract of path streamed with options o into *len bytes. */
static char *S_streamed_with(const char *path, const dossier_options *o, size_t *len) {
  char *got = NULL;
  FILE *mem = open_memstream(&got, len);
  dossier_corpus *s = dossier_corpus_new(o);
  dossier_corpus_stream(s, mem);
  dossier_corpus_add_path(s, path);
  assert_true(dossier_corpus_write(s, DOSSIER_FORMAT_JSONL, mem, NULL));
  fclose(mem);
  dossier_corpus_free(s);
  return got;
}

/* The extract of path streamed with threads threads into *len bytes. */
static char *S_streamed(const char *path, int threads, size_t *len) {
  dossier_options o = {.threads = threads};
  return S_streamed_with(path, &o, len);
}

/* Lines are written in corpus order whatever the thread count: the same bytes. */
static void test_stream_threads_same_bytes(void **state) {
  (void)state;
  char *path = S_small_articles_file(3500); /* three full batches and a part */
  size_t want_len, got_len;
  char *want = S_streamed(path, 1, &want_len);
  assert_true(want_len > 0);
  const int threads[] = {2, 3, 4, 8};
  for (size_t t = 0; t < sizeof threads / sizeof *threads; t++) {
    char *got = S_streamed(path, threads[t], &got_len);
    assert_int_equal(got_len, want_len);
    assert_memory_equal(got, want, want_len);
    free(got);
  }
  free(want);
  unlink(path);
  free(path);
}

/* A failed write is reported with several threads too; a corpus freed before it is
 * written (the pipe still holding batches) leaks nothing. */
static void test_stream_write_error(void **state) {
  (void)state;
  char *path = S_small_articles_file(2500);
  for (int threads = 1; threads <= 2; threads++) {
    FILE *full = fopen("/dev/full", "w");
    assert_non_null(full);
    dossier_options o = {.threads = threads};
    dossier_corpus *s = dossier_corpus_new(&o);
    dossier_corpus_stream(s, full);
    assert_int_equal(dossier_corpus_add_path(s, path), 2500);
    dossier_error err;
    assert_false(dossier_corpus_write(s, DOSSIER_FORMAT_JSONL, full, &err));
    /* the batches failed while reading, some in other threads: the cause is kept */
    assert_non_null(strstr(err.message, strerror(ENOSPC)));
    dossier_corpus_free(s);
    fclose(full);

    s = dossier_corpus_new(&o);
    full = fopen("/dev/full", "w");
    dossier_corpus_stream(s, full);
    assert_int_equal(dossier_corpus_add_path(s, path), 2500);
    dossier_corpus_free(s); /* never written */
    fclose(full);
  }
  unlink(path);
  free(path);
}

/* Progress is reported from the calling thread (dossier.h), with several threads too:
 * the pipe's workers write lines, but never call the callback. */
typedef struct {
  pthread_t caller;
  size_t calls, elsewhere;
} S_prog;

static void S_on_progress(void *ctx, size_t done, size_t total) {
  S_prog *p = ctx;
  (void)done, (void)total;
  p->calls++;
  if (!pthread_equal(pthread_self(), p->caller)) p->elsewhere++;
}

static void test_stream_progress_thread(void **state) {
  (void)state;
  char *path = S_small_articles_file(3500);
  for (int threads = 1; threads <= 4; threads++) {
    S_prog prog = {.caller = pthread_self()};
    size_t len;
    dossier_options o = {.threads = threads, .progress = S_on_progress, .progress_ctx = &prog};
    free(S_streamed_with(path, &o, &len));
    assert_true(prog.calls > 0);
    assert_int_equal(prog.elsewhere, 0);
  }
  unlink(path);
  free(path);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_stream_equals_whole),
                                     cmocka_unit_test(test_stream_threads_same_bytes),
                                     cmocka_unit_test(test_stream_write_error),
                                     cmocka_unit_test(test_stream_progress_thread)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
