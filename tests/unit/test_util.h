/* Helpers shared by the unit tests (header-only: each test is its own program). */
#ifndef DS_TEST_UTIL_H
#define DS_TEST_UTIL_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "corpus.h"

/* Replaces *c with a corpus holding one .txt article (front matter: published
 * 2025-03-14, outlet Test) made of text, runs the per-article stages and returns it. */
static inline const ds_article *tu_tag(dossier_corpus **c, const char *text) {
  if (*c) dossier_corpus_free(*c);
  *c = dossier_corpus_new(NULL);
  char buf[8192];
  int n = snprintf(buf, sizeof buf, "---\npublished: 2025-03-14\noutlet: Test\n---\n%s\n", text);
  assert_true(n > 0 && (size_t)n < sizeof buf);
  assert_int_equal(dossier_corpus_add_memory(*c, "a.txt", buf, (size_t)n), 1);
  dossier_corpus_extract(*c);
  return (*c)->articles.items[0];
}

/* The report in format f as a malloc'd string (the caller frees it).
 * noinline: gcc -O3 otherwise takes the result for a pointer into a local. */
__attribute__((noinline, unused)) static char *tu_render(dossier_corpus *c, dossier_format f) {
  char *buf = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&buf, &len);
  assert_non_null(mem);
  assert_true(dossier_corpus_write(c, f, mem, NULL));
  fclose(mem);
  return buf;
}

/* A corpus of n .txt articles named a0.txt, a1.txt, … made of texts, analysed; the
 * caller frees it. */
__attribute__((unused)) static dossier_corpus *tu_pile(const char *const *texts, size_t n) {
  dossier_corpus *c = dossier_corpus_new(NULL);
  char name[32];
  for (size_t i = 0; i < n; i++) {
    snprintf(name, sizeof name, "a%zu.txt", i);
    assert_int_equal(dossier_corpus_add_memory(c, name, texts[i], strlen(texts[i])), 1);
  }
  dossier_corpus_analyze(c);
  return c;
}

/* Writes n bytes to dir/name (the test fails when it cannot). */
__attribute__((unused)) static void tu_write_file(const char *dir, const char *name,
                                                  const void *bytes, size_t n) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  assert_int_equal(fwrite(bytes, 1, n, f), n);
  assert_int_equal(fclose(f), 0);
}
#endif
