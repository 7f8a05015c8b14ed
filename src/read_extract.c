/* The reduce step's reader: a line written by `dossier extract` (an article with its own
 * body, entities, quotes, times and figures) is restored as an already-tagged article,
 * so `dossier analyze` of extract output gives the same dossier as of the raw inputs.
 * Only segmentation is re-run (it is a cheap, deterministic function of the body). */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"

typedef struct {
  dossier_corpus *c;
  ds_article *a;
  size_t line, pos;
  bool ok;
} S_ctx;

static const char *S_dup(ds_article *a, json_t *v) {
  return json_is_string(v) ? ds_arena_strndup(&a->arena, json_string_value(v), json_string_length(v))
                           : NULL;
}

static int S_name_index(const char *s, const char *const *names, int n, int fallback) {
  for (int i = 0; s && i < n; i++)
    if (strcmp(s, names[i]) == 0) return i;
  return fallback;
}

/* Offsets must lie inside the body: the line may not be ours, or may be hostile. */
static bool S_span(S_ctx *x, json_t *o, uint32_t *start, uint32_t *end) {
  json_t *s = json_object_get(o, "start"), *e = json_object_get(o, "end");
  if (!json_is_integer(s) || !json_is_integer(e) || json_integer_value(s) < 0 ||
      json_integer_value(s) > json_integer_value(e) ||
      json_integer_value(e) > (json_int_t)x->a->body_len) {
    if (x->ok)
      ds_corpus_error(x->c, DOSSIER_ERR_FIELD, x->a->file, x->line, x->pos,
                      "extract line: a start/end offset lies outside the body");
    x->ok = false;
    return false;
  }
  *start = (uint32_t)json_integer_value(s);
  *end = (uint32_t)json_integer_value(e);
  return true;
}

/* "<article id>.e<N>" -> N-1, the article's own entity index; else -1. */
static int32_t S_local_entity(const ds_article *a, json_t *v) {
  const char *s = json_string_value(v);
  const char *dot = s ? strrchr(s, '.') : NULL;
  if (!dot || dot[1] != 'e') return -1;
  long n = strtol(dot + 2, NULL, 10);
  return n >= 1 && (size_t)n <= a->entities.len ? (int32_t)(n - 1) : -1;
}

static void S_entities(S_ctx *x, json_t *arr) {
  static const char *const types[] = {"person", "organization", "place", "group"};
  ds_article *a = x->a;
  size_t i;
  json_t *o;
  json_array_foreach(arr, i, o) {
    ds_entity *e = DS_PUSH(&a->arena, &a->entities);
    e->name = S_dup(a, json_object_get(o, "name"));
    if (!e->name) e->name = "";
    e->role = S_dup(a, json_object_get(o, "role"));
    e->type = (ds_ent_type)S_name_index(json_string_value(json_object_get(o, "type")), types, 4, DS_ENT_GROUP);
    e->global = -1;
    json_t *al = json_object_get(o, "aliases");
    e->n_aliases = (uint32_t)json_array_size(al);
    e->aliases = DS_NEW(&a->arena, const char *, e->n_aliases);
    for (uint32_t k = 0; k < e->n_aliases; k++) e->aliases[k] = S_dup(a, json_array_get(al, k));
    size_t m;
    json_t *mo;
    json_array_foreach(json_object_get(o, "mentions"), m, mo) {
      ds_mention mn = {.entity = (int32_t)i, .in_quote = json_is_true(json_object_get(mo, "in_quote"))};
      if (!S_span(x, mo, &mn.start, &mn.end)) return;
      *DS_PUSH(&a->arena, &a->mentions) = mn;
      e->n_mentions++;
    }
  }
}

static int S_cmp_mention(const void *x, const void *y) {
  const ds_mention *a = x, *b = y;
  return a->start != b->start ? (a->start < b->start ? -1 : 1) : (a->end < b->end ? -1 : a->end > b->end);
}

static void S_quotes(S_ctx *x, json_t *arr) {
  static const char *const kinds[] = {"direct", "partial", "indirect"};
  ds_article *a = x->a;
  size_t i;
  json_t *o;
  json_array_foreach(arr, i, o) {
    ds_quote q = {0};
    if (!S_span(x, o, &q.start, &q.end)) return;
    q.kind = (ds_quote_kind)S_name_index(json_string_value(json_object_get(o, "kind")), kinds, 3, 0);
    q.speaker = S_local_entity(a, json_object_get(o, "speaker"));
    q.speaker_name = S_dup(a, json_object_get(o, "speaker_name"));
    q.cue = S_dup(a, json_object_get(o, "cue"));
    *DS_PUSH(&a->arena, &a->quotes) = q;
  }
}

static void S_times(S_ctx *x, json_t *arr) {
  static const char *const types[] = {"DATE", "DURATION", "SET", "TIME"};
  ds_article *a = x->a;
  size_t i;
  json_t *o;
  json_array_foreach(arr, i, o) {
    ds_time t = {0};
    if (!S_span(x, o, &t.start, &t.end)) return;
    t.type = (ds_time_type)S_name_index(json_string_value(json_object_get(o, "type")), types, 4, 0);
    t.value = S_dup(a, json_object_get(o, "value"));
    *DS_PUSH(&a->arena, &a->times) = t;
  }
}

static double S_num(json_t *o, const char *key) {
  json_t *v = json_object_get(o, key);
  return json_is_number(v) ? json_number_value(v) : 0;
}

static void S_figures(S_ctx *x, json_t *arr) {
  ds_article *a = x->a;
  size_t i;
  json_t *o;
  json_array_foreach(arr, i, o) {
    ds_figure f = {0};
    if (!S_span(x, o, &f.start, &f.end)) return;
    f.value = S_num(o, "value"), f.low = S_num(o, "low"), f.high = S_num(o, "high");
    f.qualifier = S_dup(a, json_object_get(o, "qualifier"));
    f.unit = S_dup(a, json_object_get(o, "unit"));
    f.unit_class = S_dup(a, json_object_get(o, "unit_class"));
    f.about = S_dup(a, json_object_get(o, "about"));
    f.source = S_local_entity(a, json_object_get(o, "source"));
    f.source_name = S_dup(a, json_object_get(o, "source_name"));
    f.as_of = S_dup(a, json_object_get(o, "as_of"));
    f.projection = json_is_true(json_object_get(o, "projection"));
    f.key = S_dup(a, json_object_get(o, "key"));
    size_t k;
    json_t *fl;
    json_array_foreach(json_object_get(o, "flags"), k, fl)
        f.flags |= 1u << S_name_index(json_string_value(fl), ds_figure_flag_names, 4, 31);
    *DS_PUSH(&a->arena, &a->figures) = f;
  }
}

/* Index of the sentence holding byte offset pos (binary search). */
static uint32_t S_sentence_of(const ds_article *a, uint32_t pos) {
  size_t lo = 0, hi = a->sentences.len;
  while (hi - lo > 1) {
    size_t mid = (lo + hi) / 2;
    if (a->sentences.items[mid].start <= pos) lo = mid;
    else hi = mid;
  }
  return (uint32_t)lo;
}

static void S_metadata(ds_article *a, json_t *o) {
  static const char *const bases[] = {"unknown", "given", "metadata", "text", "inferred"};
  a->id = S_dup(a, json_object_get(o, "id"));
  const char *file = S_dup(a, json_object_get(o, "file"));
  if (file) a->file = file; /* the original input, so the dossier names it, not the extract */
  a->title = S_dup(a, json_object_get(o, "title"));
  a->outlet = S_dup(a, json_object_get(o, "outlet"));
  a->url = S_dup(a, json_object_get(o, "url"));
  a->author = S_dup(a, json_object_get(o, "author"));
  a->published = S_dup(a, json_object_get(o, "published"));
  a->published_basis = (ds_basis)S_name_index(json_string_value(json_object_get(o, "published_basis")), bases, 5, 0);
  a->reprint_from = S_dup(a, json_object_get(o, "reprint_of_outlet"));
  json_t *body = json_object_get(o, "body");
  a->body = S_dup(a, body);
  a->body_len = (uint32_t)json_string_length(body);
  size_t i;
  json_t *v;
  json_array_foreach(json_object_get(o, "boilerplate_removed"), i, v)
      *DS_PUSH(&a->arena, &a->boilerplate) = S_dup(a, v);
}

bool ds_read_extract_is(json_t *obj) {
  return json_is_string(json_object_get(obj, "body")) &&
         json_is_array(json_object_get(obj, "boilerplate_removed")) && !json_object_get(obj, "text");
}

size_t ds_read_extract(dossier_corpus *c, const char *file, json_t *obj, size_t line, size_t pos) {
  if (json_string_length(json_object_get(obj, "body")) > DS_MAX_ARTICLE_BYTES) {
    ds_corpus_error(c, DOSSIER_ERR_TOO_LARGE, file, line, pos, "article body too large: skipped");
    return 0;
  }
  ds_article *a = ds_article_new(file);
  S_ctx x = {c, a, line, pos, true};
  S_metadata(a, obj);
  S_entities(&x, json_object_get(obj, "entities"));
  S_quotes(&x, json_object_get(obj, "quotes"));
  S_times(&x, json_object_get(obj, "times"));
  S_figures(&x, json_object_get(obj, "figures"));
  if (!x.ok) {
    ds_article_free(a);
    return 0;
  }
  if (a->mentions.len) qsort(a->mentions.items, a->mentions.len, sizeof *a->mentions.items, S_cmp_mention);
  ds_segment(a);
  for (size_t i = 0; i < a->mentions.len; i++)
    a->mentions.items[i].sentence = S_sentence_of(a, a->mentions.items[i].start);
  for (size_t i = 0; i < a->quotes.len; i++) a->quotes.items[i].sentence = S_sentence_of(a, a->quotes.items[i].start);
  for (size_t i = 0; i < a->times.len; i++) a->times.items[i].sentence = S_sentence_of(a, a->times.items[i].start);
  for (size_t i = 0; i < a->figures.len; i++) a->figures.items[i].sentence = S_sentence_of(a, a->figures.items[i].start);
  json_t *words = json_object_get(obj, "words");
  if (json_is_integer(words)) a->words = (uint32_t)json_integer_value(words);
  a->extracted = true;
  ds_corpus_push(c, a);
  return 1;
}
