/* Compacting a tagged article. After tagging, its arena holds the raw text, the cleaner's
 * and the taggers' scratch (per-token tables, candidate lists, abandoned vector blocks)
 * beside what the link stages and reports read: the model's fields. Those are copied
 * into a fresh arena of exactly their size and the old arena is freed, so a corpus held
 * for `analyze` costs a fraction of the memory it took to tag. In the copy, the tokens
 * are packed (a byte or two each) and the strings are stored once each, end to end.
 *
 * Every pointer field of ds_article (model.h) must be copied here: a field left out
 * would point into freed memory. Strings that do not live in the article's arena
 * (word-list values, static names) are shared, not copied. */
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "util/hash.h"

/* A string already placed: the same text is stored once per article (speaker names,
 * as-of dates and time values repeat from quote to quote and figure to figure). */
typedef struct {
  const char *src;
  uint64_t hash;
  size_t len;
  uint32_t off;
} S_seen;

/* The counting pass decides where each string goes (S_NEW: it is copied there) and
 * the copying pass, which meets the strings in the same order, replays it. */
#define S_NEW (UINT32_C(1) << 31)

typedef struct {
  ds_arena *to;         /* NULL in the first pass, which only counts */
  const ds_arena *from;
  size_t bytes;         /* what the copies take (first pass) */
  size_t str_bytes;     /* what the strings take, unaligned (first pass) */
  char *strs;           /* the strings' allocation (second pass) */
  uint32_t *offs;       /* each string's offset in it, in order, | S_NEW */
  size_t n_offs, at;
  S_seen *seen;         /* open addressing, seen_mask + 1 slots (first pass) */
  size_t seen_mask;
  uint8_t *packed;      /* the tokens, packed in the first pass (malloc'd) */
  size_t packed_len;
} S_mv;

static void *S_mem(S_mv *m, const void *p, size_t n) {
  if (!p || !n) return NULL;
  if (!m->to) {
    m->bytes += ds_arena_size(n);
    return (void *)(uintptr_t)p;
  }
  return ds_arena_grow(m->to, (void *)(uintptr_t)p, n, n);
}

/* The offset of a string seen before, or S_NEW with the slot where it goes. */
static uint32_t S_seen_find(S_mv *m, const char *s, size_t n, S_seen **slot) {
  uint64_t h = ds_hash_bytes(s, n);
  size_t i = h & m->seen_mask;
  for (; m->seen[i].src; i = (i + 1) & m->seen_mask) {
    const S_seen *e = &m->seen[i];
    if (e->hash == h && e->len == n && !memcmp(e->src, s, n)) return e->off;
  }
  *slot = &m->seen[i];
  **slot = (S_seen){s, h, n, 0};
  return S_NEW;
}

/* Strings need no alignment: they are packed end to end in one allocation. */
static const char *S_strn_as(S_mv *m, const char *s, size_t n, bool dedupe) {
  if (!s || !ds_arena_owns(m->from, s)) return s;
  if (m->to) {
    uint32_t o = m->offs[m->at++];
    char *p = m->strs + (o & ~S_NEW);
    if (o & S_NEW) memcpy(p, s, n), p[n] = '\0';
    return p;
  }
  S_seen *slot = NULL;
  uint32_t o = dedupe ? S_seen_find(m, s, n, &slot) : S_NEW;
  if (o == S_NEW) {
    o = (uint32_t)m->str_bytes | S_NEW;
    if (slot) slot->off = o & ~S_NEW;
    m->str_bytes += n + 1;
  }
  m->offs[m->n_offs++] = o;
  return s;
}

static const char *S_strn(S_mv *m, const char *s, size_t n) { return S_strn_as(m, s, n, true); }

static const char *S_str(S_mv *m, const char *s) { return s ? S_strn(m, s, strlen(s)) : NULL; }

static void S_strs(S_mv *m, const char **const *strs, size_t n) {
  for (size_t i = 0; i < n; i++) *strs[i] = S_str(m, *strs[i]);
}

/* A DS_VEC's items copied to their length (cap = len: a later push grows it anew). */
#define S_VEC(m, v)                                                                       \
  ((v).items = S_mem((m), (v).items, (v).len * sizeof *(v).items), (v).cap = (v).len)

/* ---- packed tokens ----
 * Tokens are most of a tagged article (12 bytes each, one per 5 bytes of text), yet only
 * a few link stages read them, one article at a time. Packed, a token under 16 bytes
 * long takes one byte when it is an ordinary word or number (after one space, flags
 * only those of a space and maybe a capital) or punctuation right after the previous
 * token (no flags), else two (one for its flags):
 *   tiny:  byte 0 = 0x80 | capital << 6 | class << 4 | length (class: S_TINY_*);
 *   short: byte 0 = kind << 4 | length, byte 1 = flags; the gap is 1 with
 *          DS_TF_SPACE_BEFORE, else 0;
 *   long:  byte 0 = kind << 4 (length 0), byte 1 = flags (low byte),
 *          varint length << 1 | (flags > 0xFF), [flags high byte], varint gap. */
_Static_assert(DS_TOK_SYMBOL < 8, "a token kind fits in 3 bits");
#define S_TINY 0x80
#define S_TINY_CAP 0x40
enum { S_TINY_WORD, S_TINY_NUMBER, S_TINY_PUNCT };

static uint8_t *S_put_varint(uint8_t *p, uint32_t v) {
  for (; v >= 0x80; v >>= 7) *p++ = (uint8_t)(v | 0x80);
  *p++ = (uint8_t)v;
  return p;
}

static const uint8_t *S_get_varint(const uint8_t *p, uint32_t *v) {
  uint32_t x = 0;
  for (int shift = 0;; shift += 7) {
    x |= (uint32_t)(*p & 0x7F) << shift;
    if (!(*p++ & 0x80)) break;
  }
  *v = x;
  return p;
}

/* The tiny form's byte for a token, or 0 when it has none. */
static uint8_t S_tiny(const ds_token *t, uint32_t gap, uint32_t len) {
  if (!len || len > 15) return 0;
  uint32_t plain = t->flags & ~(uint32_t)DS_TF_CAP;
  if ((t->kind == DS_TOK_WORD || t->kind == DS_TOK_NUMBER) && gap == 1 && plain == DS_TF_SPACE_BEFORE)
    return (uint8_t)(S_TINY | ((t->flags & DS_TF_CAP) ? S_TINY_CAP : 0) |
                     (t->kind == DS_TOK_WORD ? S_TINY_WORD : S_TINY_NUMBER) << 4 | len);
  if (t->kind == DS_TOK_PUNCT && gap == 0 && t->flags == 0)
    return (uint8_t)(S_TINY | S_TINY_PUNCT << 4 | len);
  return 0;
}

/* Packs one token (prev: the previous token's end) at p; returns the byte after it. */
static uint8_t *S_pack(uint8_t *p, const ds_token *t, uint32_t prev) {
  uint32_t gap = t->start - prev, len = t->end - t->start, hi = t->flags > 0xFF;
  uint8_t tiny = S_tiny(t, gap, len);
  if (tiny) {
    *p++ = tiny;
    return p;
  }
  if (len && len < 16 && !hi && gap == ((t->flags & DS_TF_SPACE_BEFORE) ? 1u : 0u)) {
    *p++ = (uint8_t)((t->kind & 7) << 4 | len);
    *p++ = (uint8_t)t->flags;
    return p;
  }
  *p++ = (uint8_t)((t->kind & 7) << 4);
  *p++ = (uint8_t)(t->flags & 0xFF);
  p = S_put_varint(p, len << 1 | hi);
  if (hi) *p++ = (uint8_t)(t->flags >> 8);
  return S_put_varint(p, gap);
}

/* The most a token can take packed: 3 bytes and two 5-byte varints. */
#define S_PACK_MAX 13

/* Packs the tokens once, in the counting pass, into m->packed; the copying pass copies
 * that, and the token array is replaced by it. */
static void S_tokens(S_mv *m, ds_article *a) {
  if (a->tok_packed) { /* compacted before */
    a->tok_packed = S_mem(m, a->tok_packed, a->tok_packed_len);
    return;
  }
  if (!a->tokens.len) return;
  if (!m->to) {
    uint8_t *p = m->packed = malloc(a->tokens.len * S_PACK_MAX);
    if (!p) abort();
    for (size_t i = 0; i < a->tokens.len; i++)
      p = S_pack(p, &a->tokens.items[i], i ? a->tokens.items[i - 1].end : 0);
    m->packed_len = (size_t)(p - m->packed);
  }
  a->tok_packed = S_mem(m, m->packed, m->packed_len);
  a->tok_packed_len = (uint32_t)m->packed_len;
  if (m->to) a->tokens.items = NULL, a->tokens.cap = 0;
}

void ds_tokens_load(ds_article *a, ds_token_buf *buf) {
  if (!a->tok_packed) return;
  if (buf->cap < a->tokens.len) {
    free(buf->items);
    buf->cap = a->tokens.len;
    buf->items = malloc(buf->cap * sizeof *buf->items);
    if (!buf->items) abort();
  }
  const uint8_t *p = a->tok_packed;
  uint32_t prev = 0;
  for (size_t i = 0; i < a->tokens.len; i++) {
    ds_token *t = &buf->items[i];
    uint32_t b0 = *p++, flags, len = b0 & 15, gap, kind;
    if (b0 & S_TINY) {
      uint32_t cls = (b0 >> 4) & 3;
      kind = cls == S_TINY_WORD ? DS_TOK_WORD : cls == S_TINY_NUMBER ? DS_TOK_NUMBER : DS_TOK_PUNCT;
      flags = cls == S_TINY_PUNCT ? 0 : DS_TF_SPACE_BEFORE | ((b0 & S_TINY_CAP) ? DS_TF_CAP : 0);
      gap = cls != S_TINY_PUNCT;
    } else {
      kind = (b0 >> 4) & 7;
      flags = *p++;
      gap = (flags & DS_TF_SPACE_BEFORE) ? 1 : 0;
      if (!len) {
        p = S_get_varint(p, &len);
        if (len & 1) flags |= (uint32_t)*p++ << 8;
        len >>= 1;
        p = S_get_varint(p, &gap);
      }
    }
    t->start = prev + gap;
    t->end = prev = t->start + len;
    t->kind = (uint16_t)kind;
    t->flags = (uint16_t)flags;
  }
  a->tokens.items = buf->items;
}

void ds_tokens_unload(ds_article *a) {
  if (a->tok_packed) a->tokens.items = NULL;
}

void ds_token_buf_free(ds_token_buf *buf) {
  free(buf->items);
  buf->items = NULL;
  buf->cap = 0;
}

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
  a->body = S_strn_as(m, a->body, a->body_len, false);
  S_VEC(m, a->boilerplate);
  for (size_t i = 0; i < a->boilerplate.len; i++)
    a->boilerplate.items[i] = S_str(m, a->boilerplate.items[i]);
  S_tokens(m, a);
  S_VEC(m, a->sentences);
  S_entities(m, a);
  S_quotes_times(m, a);
  S_figures(m, a);
}

/* At most how many strings S_move meets: the 8 metadata strings and the body, the
 * boilerplate lines, each entity's name, role and aliases, each quote's 2, each time's
 * value and each figure's 7. */
static size_t S_string_fields(const ds_article *a) {
  size_t n = 9 + a->boilerplate.len + 2 * a->entities.len + 2 * a->quotes.len + a->times.len +
             7 * a->figures.len;
  for (size_t i = 0; i < a->entities.len; i++) n += a->entities.items[i].n_aliases;
  return n;
}

void ds_article_compact(ds_article *a) {
  /* the raw text and its offset map serve the cleaner only */
  a->raw = "";
  a->raw_len = 0;
  a->offmap.items = NULL;
  a->offmap.len = a->offmap.cap = 0;
  S_mv m = {.from = &a->arena};
  size_t fields = S_string_fields(a), slots = 16;
  while (slots < 2 * fields) slots *= 2;
  m.seen = calloc(slots, sizeof *m.seen);
  m.offs = malloc(fields * sizeof *m.offs);
  if (!m.seen || !m.offs) abort();
  m.seen_mask = slots - 1;
  ds_article count = *a;
  S_move(&m, &count);
  ds_arena fresh = {0};
  ds_arena_reserve(&fresh, m.bytes + ds_arena_size(m.str_bytes));
  m.to = &fresh;
  m.strs = ds_arena_grow(&fresh, NULL, 0, m.str_bytes);
  S_move(&m, a);
  free(m.seen);
  free(m.offs);
  free(m.packed);
  ds_arena_free(&a->arena);
  a->arena = fresh;
}
