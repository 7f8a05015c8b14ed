/* Quote groups: the same quotation carried by several outlets, found even when the
 * wording differs ("is left to be seen" / "has yet to be seen"). Quotes are blocked
 * by hashed word 3-grams in a hash map (no all-pairs), candidates are confirmed by
 * token-set similarity and merged with union-find. A group says whether the wording
 * is the same everywhere and whether the outlets agree on the speaker. */
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "util/hash.h"
#include "util/utf8.h"

/* Words of a quote we compare: enough for any real quote, bounded for pasted text. */
#define LQ_MAX_WORDS 256
/* Quotes remembered per 3-gram: a phrase every article repeats ("north korean
 * troops") must not turn blocking back into all-pairs. */
#define LQ_MAX_POSTING 16
/* Quotes shorter than this are scare quotes or fragments ("fake news"): too common
 * to say two outlets carry the same statement. */
#define LQ_MIN_WORDS 4
/* Similarity needed to call two quotes the same: token-set Jaccard, or containment
 * of the shorter in the longer (a partial quote of a longer one). */
#define LQ_MIN_JACCARD 0.5
#define LQ_MIN_CONTAINMENT 0.8

typedef struct {
  uint32_t article, index;
  uint64_t *words; /* hashes in text order */
  uint64_t *set;   /* sorted, unique */
  uint32_t nwords, nset;
  uint64_t exact;  /* hash of the normalised word sequence */
} lq_item;

typedef struct {
  uint32_t n;
  uint32_t items[LQ_MAX_POSTING];
} lq_posting;

static int S_cmp_u64(const void *x, const void *y) {
  uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
  return a < b ? -1 : a > b;
}

static bool S_word_byte(const char *s, size_t i, size_t n) {
  unsigned char c = (unsigned char)s[i];
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  if (c == '\'') return true;
  if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80)
    return (unsigned char)s[i + 2] == 0x99; /* ’ inside "they’re"; other E2 80 xx are marks */
  return c >= 0x80;
}

/* Splits the quote into folded words ("They’re" -> "they're") and hashes them; words
 * holds LQ_MAX_WORDS (the item keeps a copy of its length: a corpus has millions). */
static void S_words(ds_arena *ar, lq_item *it, const char *s, size_t n, ds_buf *tmp, uint64_t *words) {
  it->words = words;
  size_t i = 0;
  while (i < n && it->nwords < LQ_MAX_WORDS) {
    while (i < n && !S_word_byte(s, i, n)) i++;
    size_t st = i;
    while (i < n && S_word_byte(s, i, n)) i++;
    if (i == st) break;
    ds_buf_clear(tmp);
    for (size_t k = st; k < i;) {
      if ((unsigned char)s[k] == 0xE2) {
        ds_buf_putc(tmp, '\'');
        k += 3;
      } else {
        size_t e = k + 1;
        while (e < i && ((unsigned char)s[e] & 0xC0) == 0x80) e++;
        ds_utf8_fold(tmp, s + k, e - k);
        k = e;
      }
    }
    size_t len = tmp->len;
    while (len && tmp->ptr[len - 1] == '\'') len--; /* "soldiers'" */
    if (len) it->words[it->nwords++] = ds_hash_bytes(tmp->ptr, len);
  }
  it->words = memcpy(DS_NEW(ar, uint64_t, it->nwords ? it->nwords : 1), words, sizeof *words * it->nwords);
  uint64_t h = 1469598103934665603ull;
  for (uint32_t k = 0; k < it->nwords; k++) h = ds_hash_mix(h, it->words[k]);
  it->exact = h;
  it->set = DS_NEW(ar, uint64_t, it->nwords ? it->nwords : 1);
  memcpy(it->set, it->words, sizeof *it->set * it->nwords);
  qsort(it->set, it->nwords, sizeof *it->set, S_cmp_u64);
  for (uint32_t k = 0; k < it->nwords; k++)
    if (!it->nset || it->set[it->nset - 1] != it->set[k]) it->set[it->nset++] = it->set[k];
}

static bool S_similar(const lq_item *x, const lq_item *y) {
  uint32_t i = 0, j = 0, both = 0;
  while (i < x->nset && j < y->nset) {
    if (x->set[i] == y->set[j]) both++, i++, j++;
    else if (x->set[i] < y->set[j]) i++;
    else j++;
  }
  uint32_t uni = x->nset + y->nset - both, lo = x->nset < y->nset ? x->nset : y->nset;
  if (!uni || !lo) return false;
  return (double)both / uni >= LQ_MIN_JACCARD ||
         (lo >= LQ_MIN_WORDS && (double)both / lo >= LQ_MIN_CONTAINMENT);
}

static uint32_t S_find(uint32_t *parent, uint32_t x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

/* Collects the direct and partial quotes worth grouping. */
static size_t S_collect(dossier_corpus *c, ds_arena *ar, lq_item **out) {
  size_t total = 0; /* the direct and partial quotes: the only ones grouped */
  for (size_t a = 0; a < c->articles.len; a++)
    for (size_t qi = 0; qi < c->articles.items[a]->quotes.len; qi++)
      total += c->articles.items[a]->quotes.items[qi].kind != DS_QUOTE_INDIRECT;
  lq_item *items = DS_NEW(ar, lq_item, total ? total : 1);
  size_t n = 0;
  ds_buf tmp = DS_BUF_INIT;
  uint64_t words[LQ_MAX_WORDS];
  for (size_t ai = 0; ai < c->articles.len; ai++) {
    const ds_article *a = c->articles.items[ai];
    for (size_t qi = 0; qi < a->quotes.len; qi++) {
      const ds_quote *q = &a->quotes.items[qi];
      if (q->kind == DS_QUOTE_INDIRECT) continue;
      lq_item *it = &items[n];
      *it = (lq_item){.article = (uint32_t)ai, .index = (uint32_t)qi};
      S_words(ar, it, a->body + q->start, q->end - q->start, &tmp, words);
      if (it->nset >= LQ_MIN_WORDS) n++;
    }
  }
  ds_buf_free(&tmp);
  *out = items;
  return n;
}

/* Blocks by word 3-grams; each quote is compared with the few earlier quotes that
 * share a 3-gram with it, never with every other quote. */
static void S_block(lq_item *items, size_t n, uint32_t *parent, ds_arena *ar) {
  ds_map map;
  ds_map_init(&map);
  DS_VEC(lq_posting) posts = {0};
  for (size_t i = 0; i < n; i++) {
    const lq_item *it = &items[i];
    for (uint32_t k = 0; k + 2 < it->nwords; k++) {
      uint64_t key = ds_hash_mix(ds_hash_mix(it->words[k], it->words[k + 1]), it->words[k + 2]);
      bool fresh;
      ds_map_slot *slot = ds_map_upsert(&map, (const char *)&key, sizeof key, &fresh);
      if (fresh) {
        slot->value = posts.len;
        *DS_PUSH(ar, &posts) = (lq_posting){0};
      }
      lq_posting *p = &posts.items[slot->value];
      for (uint32_t m = 0; m < p->n; m++) {
        uint32_t j = p->items[m];
        if (items[j].article == it->article) continue;
        uint32_t ri = S_find(parent, (uint32_t)i), rj = S_find(parent, j);
        if (ri != rj && S_similar(it, &items[j])) parent[ri < rj ? rj : ri] = ri < rj ? ri : rj;
      }
      if (p->n < LQ_MAX_POSTING && (!p->n || p->items[p->n - 1] != i)) p->items[p->n++] = (uint32_t)i;
    }
  }
  ds_map_free(&map);
}

static int32_t S_global_speaker(const dossier_corpus *c, const lq_item *it) {
  const ds_article *a = c->articles.items[it->article];
  int32_t sp = a->quotes.items[it->index].speaker;
  return sp >= 0 && (size_t)sp < a->entities.len ? a->entities.items[sp].global : -1;
}

/* Fills wording, speakers and outlets of group g from its members. */
static void S_describe(dossier_corpus *c, ds_quote_group *g, lq_item **m, size_t n) {
  g->same_wording = true;
  bool unknown = false, conflict = false;
  int32_t first = -1;
  const char *outlets[LQ_MAX_POSTING * 4];
  size_t no = 0;
  for (size_t i = 0; i < n; i++) {
    if (m[i]->exact != m[0]->exact) g->same_wording = false;
    int32_t sp = S_global_speaker(c, m[i]);
    if (sp < 0) unknown = true;
    else if (first < 0) first = sp;
    else if (sp != first) conflict = true;
    const ds_article *a = c->articles.items[m[i]->article];
    if (a->duplicate_of >= 0) continue;
    const char *o = a->outlet ? a->outlet : a->id;
    bool seen = false;
    for (size_t k = 0; k < no && !seen; k++) seen = o && outlets[k] && strcmp(outlets[k], o) == 0;
    if (!seen && no < sizeof outlets / sizeof *outlets) outlets[no++] = o;
  }
  g->speakers = conflict ? DS_SPEAKERS_CONFLICT : unknown ? DS_SPEAKERS_UNKNOWN : DS_SPEAKERS_AGREE;
  g->n_outlets = (uint32_t)no;
}

/* Emits every set of quotes from two or more articles as a group. */
static void S_emit(dossier_corpus *c, lq_item *items, size_t n, uint32_t *parent, ds_arena *ar) {
  uint32_t *next = DS_NEW(ar, uint32_t, n ? n : 1), *head = DS_NEW(ar, uint32_t, n ? n : 1);
  for (size_t i = 0; i < n; i++) head[i] = next[i] = UINT32_MAX;
  for (size_t i = n; i-- > 0;) { /* members chained in item order */
    uint32_t r = S_find(parent, (uint32_t)i);
    next[i] = head[r];
    head[r] = (uint32_t)i;
  }
  lq_item **members = DS_NEW(ar, lq_item *, n ? n : 1);
  for (size_t r = 0; r < n; r++) {
    if (head[r] == UINT32_MAX || next[head[r]] == UINT32_MAX) continue;
    size_t k = 0;
    bool many = false;
    for (uint32_t i = head[r]; i != UINT32_MAX; i = next[i]) {
      members[k++] = &items[i];
      many |= items[i].article != items[head[r]].article;
    }
    if (!many) continue;
    ds_quote_group *g = DS_PUSH(&c->arena, &c->quote_groups);
    *g = (ds_quote_group){0};
    g->quotes.items = DS_NEW(&c->arena, ds_ref, k); /* exactly: no growth left behind */
    g->quotes.len = g->quotes.cap = k;
    for (size_t i = 0; i < k; i++) g->quotes.items[i] = (ds_ref){members[i]->article, members[i]->index};
    S_describe(c, g, members, k);
  }
}

void ds_link_quotes(dossier_corpus *c) {
  ds_arena ar = {0};
  c->quote_groups.len = 0;
  lq_item *items;
  size_t n = S_collect(c, &ar, &items);
  uint32_t *parent = DS_NEW(&ar, uint32_t, n ? n : 1);
  for (size_t i = 0; i < n; i++) parent[i] = (uint32_t)i;
  S_block(items, n, parent, &ar);
  S_emit(c, items, n, parent, &ar);
  ds_arena_free(&ar);
}
