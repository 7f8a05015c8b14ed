/* JSON report: the contract of DESIGN.md, version 1. Also the per-article JSON Lines
 * written by `dossier extract`. Streamed with ds_jw; no tree is built. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "util/json.h"

/* Names of the DS_FIGF_* bits, in bit order (also read back by read_extract.c). */
const char *const ds_figure_flag_names[4] = {"vague", "increment", "inherited", "rate"};

/* An id: up to 500 bytes of head, then tag, then n ("a1.e3", "q12"); snprintf cost
 * more than the rest of writing a quote. buf has room for head (if any) + 32 bytes. */
static const char *S_id(char *buf, const char *head, const char *tag, int64_t n) {
  size_t h = head ? strnlen(head, 500) : 0, t = strlen(tag);
  if (h) memcpy(buf, head, h);
  memcpy(buf + h, tag, t);
  buf[h + t + ds_fmt_int(buf + h + t, n)] = '\0';
  return buf;
}

/* The id tag + n ("q12") as a JSON string, written as it is: it has nothing to escape.
 * Inline, so the tag's length folds. */
static inline void S_tag_id(ds_jw *w, const char *tag, int64_t n) {
  size_t t = strlen(tag);
  ds_jw_before_value(w);
  ds_buf *b = w->out;
  if (b->len + t + 24 >= b->cap) ds_buf_reserve(b, t + 24);
  char *p = b->ptr + b->len;
  *p++ = '"';
  memcpy(p, tag, t);
  p += t;
  p += ds_fmt_int(p, n);
  *p++ = '"';
  *p = '\0';
  b->len = (size_t)(p - b->ptr);
}

/* What every item of an article repeats, escaped once per article instead of once
 * per quote, time, figure and entity: the article's id as a JSON value. */
typedef struct {
  const ds_article *a;
  const dossier_corpus *c;
  ds_buf id;  /* "\"a1\"", or null */
  bool whole; /* the id is a string S_id keeps whole (so its escape is a prefix) */
} S_art;

static void S_art_init(S_art *x, const ds_article *a, const dossier_corpus *c) {
  x->a = a, x->c = c, x->whole = false;
  ds_buf_init(&x->id);
  if (!a->id) {
    ds_buf_put(&x->id, "null", 4);
    return;
  }
  size_t n = strlen(a->id);
  ds_buf_putc(&x->id, '"');
  ds_json_escape(&x->id, a->id, n);
  ds_buf_putc(&x->id, '"');
  x->whole = n <= 500;
}

/* The id of the article's own entity number n ("a1.e3"). */
static void S_local_id(ds_jw *w, const S_art *x, int64_t n) {
  if (!x->whole) {
    char id[600];
    ds_jw_str(w, S_id(id, x->a->id, ".e", n));
    return;
  }
  ds_jw_before_value(w);
  ds_buf *b = w->out;
  ds_buf_reserve(b, x->id.len + 24);
  memcpy(b->ptr + b->len, x->id.ptr, x->id.len - 1); /* without its closing quote */
  b->len += x->id.len - 1;
  memcpy(b->ptr + b->len, ".e", 2);
  b->len += 2 + ds_fmt_int(b->ptr + b->len + 2, n);
  b->ptr[b->len++] = '"';
  b->ptr[b->len] = '\0';
}

/* The "text" key and the body's bytes [start, end) (clamped to the body). */
static void S_text(ds_jw *w, const ds_article *a, uint32_t start, uint32_t end) {
  if (end > a->body_len) end = a->body_len;
  if (start > end) start = end;
  DS_JW_KEY(w, "text"), ds_jw_strn(w, a->body + start, end - start);
}

static void S_article_head(ds_jw *w, const ds_article *a, const dossier_corpus *c) {
  DS_JW_KEY(w, "id"), ds_jw_str(w, a->id);
  DS_JW_KEY(w, "file"), ds_jw_str(w, a->file);
  DS_JW_KEY(w, "title"), ds_jw_str(w, a->title);
  DS_JW_KEY(w, "outlet"), ds_jw_str(w, a->outlet);
  DS_JW_KEY(w, "url"), ds_jw_str(w, a->url);
  DS_JW_KEY(w, "author"), ds_jw_str(w, a->author);
  DS_JW_KEY(w, "published"), ds_jw_str(w, a->published);
  DS_JW_KEY(w, "published_basis"), ds_jw_str(w, ds_basis_name(a->published_basis));
  DS_JW_KEY(w, "reprint_of_outlet"), ds_jw_str(w, a->reprint_from);
  DS_JW_KEY(w, "words"), ds_jw_int(w, a->words);
  DS_JW_KEY(w, "body"), ds_jw_strn(w, a->body, a->body_len);
  DS_JW_KEY(w, "boilerplate_removed");
  ds_jw_arr(w);
  for (size_t i = 0; i < a->boilerplate.len; i++) ds_jw_str(w, a->boilerplate.items[i]);
  ds_jw_end_arr(w);
  DS_JW_KEY(w, "duplicate_of");
  if (c && a->duplicate_of >= 0) ds_jw_str(w, c->articles.items[a->duplicate_of]->id);
  else ds_jw_null(w);
}

/* A quote's speaker id: the corpus entity when linked, else the article's own entity. */
static void S_entity_ref(ds_jw *w, const S_art *x, int32_t local) {
  const ds_article *a = x->a;
  if (local < 0 || (size_t)local >= a->entities.len) {
    ds_jw_null(w);
    return;
  }
  int32_t g = a->entities.items[local].global;
  if (x->c && g >= 0) S_tag_id(w, "e", g + 1);
  else S_local_id(w, x, local + 1);
}

static void S_quote(ds_jw *w, const S_art *x, size_t i, uint32_t num) {
  const ds_article *a = x->a;
  const ds_quote *q = &a->quotes.items[i];
  ds_jw_obj(w);
  DS_JW_KEY(w, "id"), S_tag_id(w, "q", num);
  DS_JW_KEY(w, "article"), ds_jw_raw(w, x->id.ptr, x->id.len);
  S_text(w, a, q->start, q->end);
  DS_JW_KEY(w, "speaker"), S_entity_ref(w, x, q->speaker);
  const char *name = q->speaker_name;
  if (!name && q->speaker >= 0 && (size_t)q->speaker < a->entities.len)
    name = a->entities.items[q->speaker].name;
  DS_JW_KEY(w, "speaker_name"), ds_jw_str(w, name);
  DS_JW_KEY(w, "cue"), ds_jw_str(w, q->cue);
  DS_JW_KEY(w, "kind"), ds_jw_str(w, ds_quote_kind_name(q->kind));
  DS_JW_KEY(w, "start"), ds_jw_int(w, q->start);
  DS_JW_KEY(w, "end"), ds_jw_int(w, q->end);
  ds_jw_end_obj(w);
}

static void S_time(ds_jw *w, const S_art *x, const ds_time *t) {
  ds_jw_obj(w);
  DS_JW_KEY(w, "article"), ds_jw_raw(w, x->id.ptr, x->id.len);
  S_text(w, x->a, t->start, t->end);
  DS_JW_KEY(w, "value"), ds_jw_str(w, t->value);
  DS_JW_KEY(w, "type"), ds_jw_str(w, ds_time_type_name(t->type));
  DS_JW_KEY(w, "start"), ds_jw_int(w, t->start);
  DS_JW_KEY(w, "end"), ds_jw_int(w, t->end);
  ds_jw_end_obj(w);
}

static void S_figure(ds_jw *w, const S_art *x, size_t i, uint32_t num) {
  const ds_article *a = x->a;
  const ds_figure *f = &a->figures.items[i];
  ds_jw_obj(w);
  DS_JW_KEY(w, "id"), S_tag_id(w, "f", num);
  DS_JW_KEY(w, "article"), ds_jw_raw(w, x->id.ptr, x->id.len);
  S_text(w, a, f->start, f->end);
  DS_JW_KEY(w, "value"), ds_jw_num(w, f->value);
  DS_JW_KEY(w, "low"), ds_jw_num(w, f->low);
  DS_JW_KEY(w, "high"), ds_jw_num(w, f->high);
  DS_JW_KEY(w, "qualifier"), ds_jw_str(w, f->qualifier);
  DS_JW_KEY(w, "unit"), ds_jw_str(w, f->unit);
  DS_JW_KEY(w, "unit_class"), ds_jw_str(w, f->unit_class);
  DS_JW_KEY(w, "about"), ds_jw_str(w, f->about);
  DS_JW_KEY(w, "source"), S_entity_ref(w, x, f->source);
  const char *name = f->source_name;
  if (!name && f->source >= 0 && (size_t)f->source < a->entities.len)
    name = a->entities.items[f->source].name;
  DS_JW_KEY(w, "source_name"), ds_jw_str(w, name);
  DS_JW_KEY(w, "as_of"), ds_jw_str(w, f->as_of);
  DS_JW_KEY(w, "projection"), ds_jw_bool(w, f->projection);
  DS_JW_KEY(w, "key"), ds_jw_str(w, f->key);
  DS_JW_KEY(w, "flags");
  ds_jw_arr(w);
  for (int k = 0; k < 4; k++)
    if (f->flags & (1u << k)) ds_jw_str(w, ds_figure_flag_names[k]);
  ds_jw_end_arr(w);
  DS_JW_KEY(w, "start"), ds_jw_int(w, f->start);
  DS_JW_KEY(w, "end"), ds_jw_int(w, f->end);
  ds_jw_end_obj(w);
}

/* Mention indexes grouped by entity (a counting sort that keeps text order): first[e]
 * .. first[e + 1] index into the returned order. Scanning every mention for every
 * entity would be quadratic on an article with thousands of names. Free both. */
static uint32_t *S_mentions_by_entity(const ds_article *a, uint32_t **first) {
  size_t ne = a->entities.len, nm = a->mentions.len;
  uint32_t *start = calloc(ne + 2, sizeof *start), *order = malloc((nm + 1) * sizeof *order);
  if (!start || !order) abort();
  for (size_t m = 0; m < nm; m++) {
    int32_t e = a->mentions.items[m].entity;
    if (e >= 0 && (size_t)e < ne) start[e + 2]++;
  }
  for (size_t e = 2; e < ne + 2; e++) start[e] += start[e - 1];
  for (size_t m = 0; m < nm; m++) { /* start[e + 1] is entity e's write cursor */
    int32_t e = a->mentions.items[m].entity;
    if (e >= 0 && (size_t)e < ne) order[start[e + 1]++] = (uint32_t)m;
  }
  *first = start; /* now start[e] .. start[e + 1] is entity e's range */
  return order;
}

/* Puts the n bytes of lit, a literal, at *p and moves *p past them. */
#define S_LIT(p, lit) (memcpy((p), (lit), sizeof(lit) - 1), (p) += sizeof(lit) - 1)

/* One mention, {"start":..,"end":..,"text":..} as S_text and DS_JW_KEY write it,
 * straight into the line: an article has thousands, and the writer's work per key
 * cost more than the bytes. Compact output only (JSON Lines). */
static void S_mention(ds_jw *w, const ds_article *a, const ds_mention *mn) {
  uint32_t end = mn->end > a->body_len ? a->body_len : mn->end, start = mn->start > end ? end : mn->start;
  ds_jw_before_value(w);
  ds_buf *b = w->out;
  if (b->len + 64 >= b->cap) ds_buf_reserve(b, 64); /* the keys, two numbers of up to 10 digits */
  char *p = b->ptr + b->len;
  S_LIT(p, "{\"start\":");
  p += ds_fmt_int(p, mn->start);
  S_LIT(p, ",\"end\":");
  p += ds_fmt_int(p, mn->end);
  S_LIT(p, ",\"text\":\"");
  b->len = (size_t)(p - b->ptr);
  ds_json_escape(b, a->body + start, end - start);
  if (mn->in_quote) ds_buf_put(b, "\",\"in_quote\":true}", 18);
  else ds_buf_put(b, "\"}", 2);
}

/* ---- quotes, times and figures of a JSON line, written straight into it: each has
 * a dozen keys, and the writer's work per key (separator, nesting, capacity) cost
 * more than their bytes. Compact output only; the pretty report keeps S_quote,
 * S_time and S_figure, which write the same fields in the same order. ---- */

/* The item's opening: {"id":"<tag><num>", when tag, then "article" and "text" as
 * S_text writes it. */
static ds_buf *S_item_open(ds_jw *w, const S_art *x, char tag, uint32_t num, uint32_t start, uint32_t end) {
  const ds_article *a = x->a;
  if (end > a->body_len) end = a->body_len;
  if (start > end) start = end;
  ds_jw_before_value(w);
  ds_buf *b = w->out;
  size_t room = 48 + x->id.len; /* the keys, one number of up to 10 digits */
  if (b->len + room >= b->cap) ds_buf_reserve(b, room);
  char *p = b->ptr + b->len;
  if (tag) {
    S_LIT(p, "{\"id\":\"");
    *p++ = tag;
    p += ds_fmt_int(p, num);
    S_LIT(p, "\",\"article\":");
  } else {
    S_LIT(p, "{\"article\":");
  }
  memcpy(p, x->id.ptr, x->id.len);
  p += x->id.len;
  S_LIT(p, ",\"text\":\"");
  b->len = (size_t)(p - b->ptr);
  ds_json_escape(b, a->body + start, end - start);
  ds_buf_putc(b, '"');
  return b;
}

/* ,"key": (ckey, a literal) then s as a JSON string, or null. */
#define S_FIELD_STR(b, ckey, s) S_field_str((b), (ckey), sizeof(ckey) - 1, (s))
static inline __attribute__((always_inline)) void S_field_str(ds_buf *b, const char *ckey, size_t kn, const char *s) {
  size_t n = s ? strlen(s) : 0;
  if (b->len + kn + n + 6 >= b->cap) ds_buf_reserve(b, kn + n + 6);
  memcpy(b->ptr + b->len, ckey, kn);
  b->len += kn;
  if (!s) {
    memcpy(b->ptr + b->len, "null", 5); /* with its NUL */
    b->len += 4;
    return;
  }
  b->ptr[b->len++] = '"';
  ds_json_escape(b, s, n);
  ds_buf_putc(b, '"');
}

/* ,"key": then the integer v. */
#define S_FIELD_INT(b, ckey, v) S_field_int((b), (ckey), sizeof(ckey) - 1, (v))
static inline __attribute__((always_inline)) void S_field_int(ds_buf *b, const char *ckey, size_t kn, int64_t v) {
  if (b->len + kn + 24 >= b->cap) ds_buf_reserve(b, kn + 24);
  char *p = b->ptr + b->len;
  memcpy(p, ckey, kn);
  p += kn;
  p += ds_fmt_int(p, v);
  *p = '\0';
  b->len = (size_t)(p - b->ptr);
}

/* ,"key": and then the writer's own value call: what follows is written as a key's. */
#define S_FIELD(w, ckey) S_field_key((w), (ckey), sizeof(ckey) - 1)
static inline void S_field_key(ds_jw *w, const char *ckey, size_t kn) {
  ds_buf_put(w->out, ckey, kn);
  w->after_key = true;
}

static void S_quote_line(ds_jw *w, const S_art *x, size_t i, uint32_t num) {
  const ds_article *a = x->a;
  const ds_quote *q = &a->quotes.items[i];
  S_item_open(w, x, 'q', num, q->start, q->end);
  S_FIELD(w, ",\"speaker\":"), S_entity_ref(w, x, q->speaker);
  const char *name = q->speaker_name;
  if (!name && q->speaker >= 0 && (size_t)q->speaker < a->entities.len)
    name = a->entities.items[q->speaker].name;
  ds_buf *b = w->out;
  S_FIELD_STR(b, ",\"speaker_name\":", name);
  S_FIELD_STR(b, ",\"cue\":", q->cue);
  S_FIELD_STR(b, ",\"kind\":", ds_quote_kind_name(q->kind));
  S_FIELD_INT(b, ",\"start\":", q->start);
  S_FIELD_INT(b, ",\"end\":", q->end);
  ds_buf_putc(b, '}');
}

static void S_time_line(ds_jw *w, const S_art *x, const ds_time *t) {
  ds_buf *b = S_item_open(w, x, 0, 0, t->start, t->end);
  S_FIELD_STR(b, ",\"value\":", t->value);
  S_FIELD_STR(b, ",\"type\":", ds_time_type_name(t->type));
  S_FIELD_INT(b, ",\"start\":", t->start);
  S_FIELD_INT(b, ",\"end\":", t->end);
  ds_buf_putc(b, '}');
}

static void S_figure_line(ds_jw *w, const S_art *x, size_t i, uint32_t num) {
  const ds_article *a = x->a;
  const ds_figure *f = &a->figures.items[i];
  ds_buf *b = S_item_open(w, x, 'f', num, f->start, f->end);
  S_FIELD(w, ",\"value\":"), ds_jw_num(w, f->value);
  S_FIELD(w, ",\"low\":"), ds_jw_num(w, f->low);
  S_FIELD(w, ",\"high\":"), ds_jw_num(w, f->high);
  S_FIELD_STR(b, ",\"qualifier\":", f->qualifier);
  S_FIELD_STR(b, ",\"unit\":", f->unit);
  S_FIELD_STR(b, ",\"unit_class\":", f->unit_class);
  S_FIELD_STR(b, ",\"about\":", f->about);
  S_FIELD(w, ",\"source\":"), S_entity_ref(w, x, f->source);
  const char *name = f->source_name;
  if (!name && f->source >= 0 && (size_t)f->source < a->entities.len)
    name = a->entities.items[f->source].name;
  S_FIELD_STR(b, ",\"source_name\":", name);
  S_FIELD_STR(b, ",\"as_of\":", f->as_of);
  if (f->projection) ds_buf_put(b, ",\"projection\":true", 18);
  else ds_buf_put(b, ",\"projection\":false", 19);
  S_FIELD_STR(b, ",\"key\":", f->key);
  ds_buf_put(b, ",\"flags\":[", 10);
  for (int k = 0, n = 0; k < 4; k++)
    if (f->flags & (1u << k)) {
      if (n++) ds_buf_putc(b, ',');
      ds_buf_putc(b, '"');
      ds_buf_puts(b, ds_figure_flag_names[k]); /* plain ASCII names */
      ds_buf_putc(b, '"');
    }
  ds_buf_putc(b, ']');
  S_FIELD_INT(b, ",\"start\":", f->start);
  S_FIELD_INT(b, ",\"end\":", f->end);
  ds_buf_putc(b, '}');
}

static void S_local_entities(ds_jw *w, const S_art *x) {
  const ds_article *a = x->a;
  uint32_t *first, *order = S_mentions_by_entity(a, &first);
  ds_jw_arr(w);
  for (size_t e = 0; e < a->entities.len; e++) {
    const ds_entity *en = &a->entities.items[e];
    ds_jw_before_value(w); /* the entity's fields straight into the line, as S_quote_line */
    S_FIELD(w, "{\"id\":"), S_local_id(w, x, (int64_t)e + 1);
    ds_buf *b = w->out;
    S_FIELD_STR(b, ",\"name\":", en->name);
    S_FIELD_STR(b, ",\"type\":", ds_ent_type_name(en->type));
    S_FIELD_STR(b, ",\"role\":", en->role);
    ds_buf_put(b, ",\"aliases\":[", 12);
    for (uint32_t k = 0; k < en->n_aliases; k++)
      if (k) S_FIELD_STR(b, ",", en->aliases[k]);
      else S_FIELD_STR(b, "", en->aliases[k]);
    S_FIELD(w, "],\"mentions\":");
    ds_jw_arr(w);
    for (uint32_t k = first[e]; k < first[e + 1]; k++) S_mention(w, a, &a->mentions.items[order[k]]);
    ds_jw_end_arr(w);
    ds_buf_putc(w->out, '}');
  }
  ds_jw_end_arr(w);
  free(first);
  free(order);
}

/* Bytes an article's line takes, about (measured on generated news: the body, and
 * each item's keys and text): reserved at once, so the line is not copied as it grows. */
static size_t S_line_estimate(const ds_article *a) {
  return 1024 + a->body_len + 160 * a->mentions.len + 400 * (a->quotes.len + a->figures.len) +
         160 * (a->times.len + a->entities.len);
}

void ds_report_jsonl_article(const ds_article *a, ds_buf *out) {
  ds_jw w;
  S_art x;
  ds_jw_init(&w, out, false);
  S_art_init(&x, a, NULL);
  ds_buf_reserve(out, S_line_estimate(a));
  ds_jw_obj(&w);
  S_article_head(&w, a, NULL);
  DS_JW_KEY(&w, "entities"), S_local_entities(&w, &x);
  DS_JW_KEY(&w, "quotes");
  ds_jw_arr(&w);
  for (size_t i = 0; i < a->quotes.len; i++) S_quote_line(&w, &x, i, (uint32_t)i + 1);
  ds_jw_end_arr(&w);
  DS_JW_KEY(&w, "times");
  ds_jw_arr(&w);
  for (size_t i = 0; i < a->times.len; i++) S_time_line(&w, &x, &a->times.items[i]);
  ds_jw_end_arr(&w);
  DS_JW_KEY(&w, "figures");
  ds_jw_arr(&w);
  for (size_t i = 0; i < a->figures.len; i++) S_figure_line(&w, &x, i, (uint32_t)i + 1);
  ds_jw_end_arr(&w);
  ds_jw_end_obj(&w);
  ds_buf_putc(out, '\n');
  ds_buf_free(&x.id);
  /* the line waits for the rest of its batch: the spare of the reserve (the estimate,
   * rounded up to a power of two) would be held as long, and the next articles' work
   * would take fresh pages past it */
  ds_buf_shrink(out);
}

static void S_ids(ds_jw *w, const dossier_corpus *c, const ds_u32vec *v) {
  ds_jw_arr(w);
  for (size_t i = 0; i < v->len; i++) ds_jw_str(w, c->articles.items[v->items[i]]->id);
  ds_jw_end_arr(w);
}

static void S_entities(ds_jw *w, const dossier_corpus *c) {
  ds_jw_arr(w);
  for (size_t i = 0; i < c->entities.len; i++) {
    const ds_gentity *e = &c->entities.items[i];
    ds_jw_obj(w);
    DS_JW_KEY(w, "id"), S_tag_id(w, "e", (int64_t)i + 1);
    DS_JW_KEY(w, "name"), ds_jw_str(w, e->name);
    DS_JW_KEY(w, "type"), ds_jw_str(w, ds_ent_type_name(e->type));
    DS_JW_KEY(w, "role"), ds_jw_str(w, e->role);
    DS_JW_KEY(w, "aliases");
    ds_jw_arr(w);
    for (size_t k = 0; k < e->aliases.len; k++) ds_jw_str(w, e->aliases.items[k]);
    ds_jw_end_arr(w);
    DS_JW_KEY(w, "articles"), S_ids(w, c, &e->articles);
    DS_JW_KEY(w, "mentions"), ds_jw_int(w, e->mentions);
    ds_jw_end_obj(w);
    ds_jw_flush_point(w);
  }
  ds_jw_end_arr(w);
}

static void S_refs(ds_jw *w, const ds_refvec *v, const uint32_t *base, char prefix) {
  ds_jw_arr(w);
  char tag[2] = {prefix, '\0'};
  for (size_t i = 0; i < v->len; i++) S_tag_id(w, tag, base[v->items[i].article] + v->items[i].index + 1);
  ds_jw_end_arr(w);
}

static void S_groups(ds_jw *w, const dossier_corpus *c) {
  static const char *speakers[] = {"agree", "conflict", "unknown"};
  static const char *status[] = {"consistent", "evolving", "conflicting"};
  DS_JW_KEY(w, "quote_groups");
  ds_jw_arr(w);
  for (size_t i = 0; i < c->quote_groups.len; i++) {
    const ds_quote_group *g = &c->quote_groups.items[i];
    ds_jw_obj(w);
    DS_JW_KEY(w, "id"), S_tag_id(w, "qg", (int64_t)i + 1);
    DS_JW_KEY(w, "quotes"), S_refs(w, &g->quotes, c->quote_base, 'q');
    DS_JW_KEY(w, "wording"), ds_jw_str(w, g->same_wording ? "same" : "variant");
    DS_JW_KEY(w, "speakers"), ds_jw_str(w, speakers[g->speakers]);
    DS_JW_KEY(w, "outlets"), ds_jw_int(w, g->n_outlets);
    ds_jw_end_obj(w);
    ds_jw_flush_point(w);
  }
  ds_jw_end_arr(w);
  DS_JW_KEY(w, "figure_groups");
  ds_jw_arr(w);
  for (size_t i = 0; i < c->figure_groups.len; i++) {
    const ds_figure_group *g = &c->figure_groups.items[i];
    ds_jw_obj(w);
    DS_JW_KEY(w, "id"), S_tag_id(w, "fg", (int64_t)i + 1);
    DS_JW_KEY(w, "about"), ds_jw_str(w, g->about);
    DS_JW_KEY(w, "figures"), S_refs(w, &g->figures, c->figure_base, 'f');
    DS_JW_KEY(w, "status"), ds_jw_str(w, status[g->status]);
    DS_JW_KEY(w, "outlets"), ds_jw_int(w, g->n_outlets);
    ds_jw_end_obj(w);
    ds_jw_flush_point(w);
  }
  ds_jw_end_arr(w);
}

static void S_timeline_summary(ds_jw *w, const dossier_corpus *c) {
  DS_JW_KEY(w, "timeline");
  ds_jw_arr(w);
  for (size_t i = 0; i < c->timeline.len; i++) {
    const ds_timeline_entry *t = &c->timeline.items[i];
    ds_jw_obj(w);
    DS_JW_KEY(w, "date"), ds_jw_str(w, t->date);
    DS_JW_KEY(w, "text"), ds_jw_str(w, t->text);
    DS_JW_KEY(w, "articles"), S_ids(w, c, &t->articles);
    DS_JW_KEY(w, "outlets"), ds_jw_int(w, t->n_outlets);
    ds_jw_end_obj(w);
    ds_jw_flush_point(w);
  }
  ds_jw_end_arr(w);
  DS_JW_KEY(w, "summary");
  ds_jw_arr(w);
  for (size_t i = 0; i < c->summary.len; i++) {
    const ds_summary_sentence *s = &c->summary.items[i];
    ds_jw_obj(w);
    DS_JW_KEY(w, "text"), ds_jw_str(w, s->text);
    DS_JW_KEY(w, "articles"), S_ids(w, c, &s->articles);
    ds_jw_end_obj(w);
  }
  ds_jw_end_arr(w);
}

void ds_report_json(dossier_corpus *c, ds_buf *out) { ds_report_json_to(c, out, NULL, NULL); }

void ds_report_json_to(dossier_corpus *c, ds_buf *out, void (*flush)(void *, ds_buf *), void *ctx) {
  ds_jw w;
  ds_jw_init(&w, out, true);
  w.flush = flush;
  w.flush_ctx = ctx;
  ds_jw_obj(&w);
  DS_JW_KEY(&w, "dossier_version"), ds_jw_int(&w, DOSSIER_JSON_VERSION);
  DS_JW_KEY(&w, "articles");
  ds_jw_arr(&w);
  for (size_t i = 0; i < c->articles.len; i++) {
    ds_jw_obj(&w);
    S_article_head(&w, c->articles.items[i], c);
    ds_jw_end_obj(&w);
    ds_jw_flush_point(&w);
  }
  ds_jw_end_arr(&w);
  DS_JW_KEY(&w, "entities"), S_entities(&w, c);
  DS_JW_KEY(&w, "quotes");
  ds_jw_arr(&w);
  for (size_t i = 0; i < c->articles.len; i++) {
    S_art x;
    S_art_init(&x, c->articles.items[i], c);
    for (size_t q = 0; q < x.a->quotes.len; q++) {
      S_quote(&w, &x, q, c->quote_base[i] + (uint32_t)q + 1);
      ds_jw_flush_point(&w);
    }
    ds_buf_free(&x.id);
  }
  ds_jw_end_arr(&w);
  S_groups(&w, c);
  DS_JW_KEY(&w, "times");
  ds_jw_arr(&w);
  for (size_t i = 0; i < c->articles.len; i++) {
    S_art x;
    S_art_init(&x, c->articles.items[i], c);
    for (size_t t = 0; t < x.a->times.len; t++) {
      S_time(&w, &x, &x.a->times.items[t]);
      ds_jw_flush_point(&w);
    }
    ds_buf_free(&x.id);
  }
  ds_jw_end_arr(&w);
  DS_JW_KEY(&w, "figures");
  ds_jw_arr(&w);
  for (size_t i = 0; i < c->articles.len; i++) {
    S_art x;
    S_art_init(&x, c->articles.items[i], c);
    for (size_t f = 0; f < x.a->figures.len; f++) {
      S_figure(&w, &x, f, c->figure_base[i] + (uint32_t)f + 1);
      ds_jw_flush_point(&w);
    }
    ds_buf_free(&x.id);
  }
  ds_jw_end_arr(&w);
  S_timeline_summary(&w, c);
  ds_jw_end_obj(&w);
  ds_buf_putc(out, '\n');
}
