/* Shared by the libFuzzer harnesses: run bytes through the library and check what
 * must hold for any input. A violated invariant aborts, which libFuzzer reports as a
 * crash with the input that caused it. */
#ifndef DS_FUZZ_COMMON_H
#define DS_FUZZ_COMMON_H

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"

#define S_FUZZ_CHECK(cond)                                                                \
  do {                                                                                    \
    if (!(cond)) {                                                                        \
      fprintf(stderr, "fuzz invariant failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__);  \
      abort();                                                                            \
    }                                                                                     \
  } while (0)

/* Tokens of a compacted article are packed: they must decode back inside the body. */
static inline void S_fuzz_tokens(ds_article *a) {
  ds_token_buf tb = {0};
  ds_tokens_load(a, &tb);
  S_FUZZ_CHECK(a->tokens.len == 0 || a->tokens.items != NULL);
  for (size_t i = 0; i < a->tokens.len; i++)
    S_FUZZ_CHECK(a->tokens.items[i].start < a->tokens.items[i].end &&
                 a->tokens.items[i].end <= a->body_len);
  ds_tokens_unload(a);
  ds_token_buf_free(&tb);
}

/* Every span a stage hands on must lie inside the body it indexes. */
static inline void S_fuzz_spans(ds_article *a) {
  uint32_t n = a->body_len;
  S_FUZZ_CHECK(a->body && strlen(a->body) == n);
  S_fuzz_tokens(a);
  for (size_t i = 0; i < a->sentences.len; i++) {
    const ds_sentence *s = &a->sentences.items[i];
    S_FUZZ_CHECK(s->tok_start < s->tok_end && s->tok_end <= a->tokens.len);
    S_FUZZ_CHECK(s->start <= s->end && s->end <= n);
  }
  for (size_t i = 0; i < a->mentions.len; i++) {
    const ds_mention *m = &a->mentions.items[i];
    S_FUZZ_CHECK(m->start <= m->end && m->end <= n);
    S_FUZZ_CHECK(m->entity >= 0 && (size_t)m->entity < a->entities.len);
  }
  for (size_t i = 0; i < a->quotes.len; i++) {
    const ds_quote *q = &a->quotes.items[i];
    S_FUZZ_CHECK(q->start <= q->end && q->end <= n);
    S_FUZZ_CHECK(q->speaker < 0 || (size_t)q->speaker < a->entities.len);
  }
  for (size_t i = 0; i < a->times.len; i++)
    S_FUZZ_CHECK(a->times.items[i].start <= a->times.items[i].end && a->times.items[i].end <= n);
  for (size_t i = 0; i < a->figures.len; i++) {
    const ds_figure *f = &a->figures.items[i];
    S_FUZZ_CHECK(f->start <= f->end && f->end <= n);
    S_FUZZ_CHECK(f->source < 0 || (size_t)f->source < a->entities.len);
  }
}

/* The JSON we write must parse back (jansson also rejects invalid UTF-8). */
static inline void S_fuzz_json(const char *s, size_t n, size_t flags) {
  json_error_t err;
  json_t *v = json_loadb(s, n, flags, &err);
  if (!v) {
    fprintf(stderr, "fuzz: output is not valid JSON: %s at byte %d\n", err.text, err.position);
    abort();
  }
  json_decref(v);
}

/* Reads one input under `name`, runs the per-article stages and checks every
 * article and its `dossier extract` line. */
static inline void S_fuzz_extract(const char *name, const uint8_t *data, size_t size) {
  dossier_corpus *c = dossier_corpus_new(NULL);
  dossier_corpus_add_memory(c, name, (const char *)data, size);
  dossier_corpus_extract(c);
  ds_buf b = DS_BUF_INIT;
  for (size_t i = 0; i < c->articles.len; i++) {
    S_fuzz_spans(c->articles.items[i]);
    ds_buf_clear(&b);
    ds_report_jsonl_article(c->articles.items[i], &b);
    S_FUZZ_CHECK(b.len > 0 && b.ptr[b.len - 1] == '\n');
    S_FUZZ_CHECK(memchr(b.ptr, '\n', b.len) == b.ptr + b.len - 1); /* one line */
    S_fuzz_json(b.ptr, b.len, 0);
  }
  for (size_t i = 0; i < dossier_corpus_error_count(c); i++) {
    char msg[1024];
    dossier_error_format(dossier_corpus_error(c, i), msg, sizeof msg);
    S_FUZZ_CHECK(msg[0] != '\0');
  }
  ds_buf_free(&b);
  dossier_corpus_free(c);
}

#endif
