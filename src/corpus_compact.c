/* Compacting a tagged article. After tagging, its arena holds the raw text, the cleaner's
 * and the taggers' scratch (per-token tables, candidate lists, abandoned vector blocks)
 * beside what the link stages and reports read: the model's fields. Those are copied
 * into a fresh arena of exactly their size and the old arena is freed, so a corpus held
 * for `analyze` costs a fraction of the memory it took to tag.
 *
 * Every pointer field of ds_article (model.h) must be copied here: a field left out
 * would point into freed memory. Strings that do not live in the article's arena
 * (word-list values, static names) are shared, not copied. */
#include <string.h>

#include "corpus.h"

typedef struct {
  ds_arena *to;         /* NULL in the first pass, which only counts */
  const ds_arena *from;
  size_t bytes;         /* what the copies take (first pass) */
} S_mv;

static void *S_mem(S_mv *m, const void *p, size_t n) {
  if (!p || !n) return NULL;
  if (!m->to) {
    m->bytes += ds_arena_size(n);
    return (void *)(uintptr_t)p;
  }
  return ds_arena_grow(m->to, (void *)(uintptr_t)p, n, n);
}

static const char *S_strn(S_mv *m, const char *s, size_t n) {
  if (!s || !ds_arena_owns(m->from, s)) return s;
  if (!m->to) {
    m->bytes += ds_arena_size(n + 1);
    return s;
  }
  return ds_arena_strndup(m->to, s, n);
}

static const char *S_str(S_mv *m, const char *s) { return s ? S_strn(m, s, strlen(s)) : NULL; }

static void S_strs(S_mv *m, const char **const *strs, size_t n) {
  for (size_t i = 0; i < n; i++) *strs[i] = S_str(m, *strs[i]);
}

/* A DS_VEC's items copied to their length (cap = len: a later push grows it anew). */
#define S_VEC(m, v)                                                                       \
  ((v).items = S_mem((m), (v).items, (v).len * sizeof *(v).items), (v).cap = (v).len)

static void S_entities(S_mv *m, ds_article *a) {
  S_VEC(m, a->entities);
  for (size_t i = 0; i < a->entities.len; i++) {
    ds_entity *e = &a->entities.items[i];
    e->name = S_str(m, e->name);
    e->role = S_str(m, e->role);
    e->aliases = S_mem(m, e->aliases, e->n_aliases * sizeof *e->aliases);
    for (uint32_t k = 0; k < e->n_aliases; k++) e->aliases[k] = S_str(m, e->aliases[k]);
  }
  S_VEC(m, a->mentions);
}

static void S_quotes_times(S_mv *m, ds_article *a) {
  S_VEC(m, a->quotes);
  for (size_t i = 0; i < a->quotes.len; i++) {
    ds_quote *q = &a->quotes.items[i];
    q->speaker_name = S_str(m, q->speaker_name);
    q->cue = S_str(m, q->cue);
  }
  S_VEC(m, a->times);
  for (size_t i = 0; i < a->times.len; i++) a->times.items[i].value = S_str(m, a->times.items[i].value);
}

static void S_figures(S_mv *m, ds_article *a) {
  S_VEC(m, a->figures);
  for (size_t i = 0; i < a->figures.len; i++) {
    ds_figure *f = &a->figures.items[i];
    const char **strs[] = {&f->qualifier, &f->unit,  &f->unit_class, &f->about,
                           &f->source_name, &f->as_of, &f->key};
    S_strs(m, strs, sizeof strs / sizeof *strs);
  }
}

/* Moves (or, with m->to NULL, counts) everything later stages read. */
static void S_move(S_mv *m, ds_article *a) {
  const char **strs[] = {&a->id,  &a->file,      &a->title,    &a->outlet,
                         &a->url, &a->author,    &a->published, &a->reprint_from};
  S_strs(m, strs, sizeof strs / sizeof *strs);
  a->body = S_strn(m, a->body, a->body_len);
  S_VEC(m, a->boilerplate);
  for (size_t i = 0; i < a->boilerplate.len; i++)
    a->boilerplate.items[i] = S_str(m, a->boilerplate.items[i]);
  S_VEC(m, a->tokens);
  S_VEC(m, a->sentences);
  S_entities(m, a);
  S_quotes_times(m, a);
  S_figures(m, a);
}

void ds_article_compact(ds_article *a) {
  /* the raw text and its offset map serve the cleaner only */
  a->raw = "";
  a->raw_len = 0;
  a->offmap.items = NULL;
  a->offmap.len = a->offmap.cap = 0;
  ds_article count = *a;
  S_mv m = {.from = &a->arena};
  S_move(&m, &count);
  ds_arena fresh = {0};
  ds_arena_reserve(&fresh, m.bytes);
  m.to = &fresh;
  S_move(&m, a);
  ds_arena_free(&a->arena);
  a->arena = fresh;
}
