/* Reprints and near-duplicates. Each article's body becomes a MinHash signature over
 * word 5-shingles; LSH banding puts articles whose signatures agree on a whole band in
 * the same bucket, so only articles that share a bucket are ever compared (never all
 * pairs). A candidate pair is confirmed when the estimated Jaccard similarity of the
 * shingle sets reaches DS_DUP_JACCARD; then the later one (or the one whose reprint
 * notice names the other's outlet) becomes duplicate_of the original. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "corpus.h"
#include "util/hash.h"

/* Words per shingle: 5 is long enough that unrelated reports on the same event
 * share few shingles, short enough that a word edit spoils only 5 of them. */
#define DS_DUP_SHINGLE 5
/* Signature length = DS_DUP_BANDS x DS_DUP_ROWS. With 32 bands of 4 rows a pair at
 * Jaccard 0.5 becomes a candidate with probability 1-(1-0.5^4)^32 = 0.87, one at
 * 0.7 with 0.9998, one at 0.2 with 0.05 (then rejected by the estimate anyway). */
#define DS_DUP_BANDS 32
#define DS_DUP_ROWS 4
#define DS_DUP_HASHES (DS_DUP_BANDS * DS_DUP_ROWS)
/* Estimated Jaccard similarity of the shingle sets from which two articles are the
 * same story: a lightly edited copy scores 0.6-0.9, two outlets' own reports of one
 * event score under 0.1 (they share names and phrases, rarely 5 words in a row). */
#define DS_DUP_JACCARD 0.5
/* When the reprint notice names the other article's outlet, less overlap is needed
 * (a reprint may be cut or re-edited), but still clearly more than chance. */
#define DS_DUP_REPRINT_JACCARD 0.3
/* Articles compared per bucket or per named outlet: a corpus of 10,000 copies of one
 * wire story must not make this quadratic; every copy still meets the first ones. */
#define DS_DUP_MAX_BUCKET 64
/* Too few shingles give a noisy estimate: such short articles are never marked. */
#define DS_DUP_MIN_SHINGLES 8
/* Shingles hashed per article: 128 hashes a word is cheap for news (a few thousand
 * words) but not for a 64 MB input; a copy shows in its first 50,000 shingles. */
#define DS_DUP_MAX_SHINGLES 50000
/* Threads computing signatures (as DS_MAX_THREADS in pipeline.c). */
#define DS_DUP_MAX_THREADS 64
/* Bytes of a word folded for hashing; longer words are hashed on this prefix. */
#define DS_DUP_MAX_WORD 64

typedef struct {
  uint64_t sig[DS_DUP_HASHES];
  bool ok; /* enough shingles */
} S_sig;

typedef struct {
  int32_t orig;    /* best original so far, or -1 */
  double score;    /* its similarity (+1 when the reprint notice names it) */
} S_best;

static uint64_t S_splitmix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

/* Case-insensitive (ASCII) hash of one word token. */
static uint64_t S_word_hash(const ds_article *a, const ds_token *t) {
  size_t n = t->end - t->start;
  return ds_hash_lower(a->body + t->start, n < DS_DUP_MAX_WORD ? n : DS_DUP_MAX_WORD);
}

/* Empty bins take the value of the next non-empty one (circularly), moved by the
 * distance, so two signatures still agree on a bin with probability = Jaccard. */
static void S_densify(S_sig *s) {
  int full = -1;
  for (int k = 0; k < DS_DUP_HASHES && full < 0; k++)
    if (s->sig[k] != UINT64_MAX) full = k;
  if (full < 0) return;
  for (int k = DS_DUP_HASHES - 1, d = 0; k >= 0; k--) {
    int i = (full + k) % DS_DUP_HASHES; /* walk backwards from the bin before `full` */
    if (s->sig[i] != UINT64_MAX) {
      d = 0;
      continue;
    }
    d++;
    s->sig[i] = S_splitmix(s->sig[(i + d) % DS_DUP_HASHES] ^ (uint64_t)d);
  }
}

/* One-permutation MinHash: each shingle is hashed once and kept in one of the
 * DS_DUP_HASHES bins if it is that bin's minimum (128 hashes per shingle cost most of
 * analyze). Two articles agree on a bin with probability = Jaccard, as with MinHash. */
static void S_signature(const ds_article *a, S_sig *s) {
  uint64_t ring[DS_DUP_SHINGLE];
  size_t words = 0, shingles = 0;
  for (int k = 0; k < DS_DUP_HASHES; k++) s->sig[k] = UINT64_MAX;
  for (size_t i = 0; i < a->tokens.len && shingles < DS_DUP_MAX_SHINGLES; i++) {
    const ds_token *t = &a->tokens.items[i];
    if (t->kind != DS_TOK_WORD && t->kind != DS_TOK_NUMBER) continue;
    ring[words % DS_DUP_SHINGLE] = S_word_hash(a, t);
    if (++words < DS_DUP_SHINGLE) continue;
    uint64_t h = 0;
    for (size_t j = words - DS_DUP_SHINGLE; j < words; j++) h = ds_hash_mix(h, ring[j % DS_DUP_SHINGLE]);
    uint64_t v = S_splitmix(h);
    uint32_t bin = (uint32_t)(((v >> 32) * DS_DUP_HASHES) >> 32);
    if (v < s->sig[bin]) s->sig[bin] = v;
    shingles++;
  }
  S_densify(s);
  s->ok = shingles >= DS_DUP_MIN_SHINGLES;
}

static double S_jaccard(const S_sig *x, const S_sig *y) {
  int same = 0;
  for (int k = 0; k < DS_DUP_HASHES; k++) same += x->sig[k] == y->sig[k];
  return (double)same / DS_DUP_HASHES;
}

static bool S_names(const ds_article *a, const ds_article *b) {
  return a->reprint_from && b->outlet && strcasecmp(a->reprint_from, b->outlet) == 0;
}

/* Which of a pair is the copy: the one whose reprint notice names the other's outlet,
 * else the later published, else the later in corpus order. */
static bool S_is_copy(const ds_article *a, const ds_article *b) {
  if (S_names(a, b) != S_names(b, a)) return S_names(a, b);
  if (a->published && b->published) {
    int d = strcmp(a->published, b->published);
    if (d) return d > 0;
  }
  return a->index > b->index;
}

static void S_consider(dossier_corpus *c, const S_sig *sigs, S_best *best, uint32_t x,
                       uint32_t y) {
  const ds_article *a = c->articles.items[x], *b = c->articles.items[y];
  if (x == y || !sigs[x].ok || !sigs[y].ok) return;
  double j = S_jaccard(&sigs[x], &sigs[y]);
  bool named = S_names(a, b) || S_names(b, a);
  if (j < (named ? DS_DUP_REPRINT_JACCARD : DS_DUP_JACCARD)) return;
  uint32_t copy = S_is_copy(a, b) ? x : y, orig = copy == x ? y : x;
  double score = j + (S_names(c->articles.items[copy], c->articles.items[orig]) ? 1.0 : 0.0);
  if (best[copy].orig < 0 || score > best[copy].score) best[copy] = (S_best){(int32_t)orig, score};
}

/* LSH: articles agreeing on all rows of a band share a bucket. Bucket chains are kept
 * in next[] (one link per article and band). */
static void S_band_candidates(dossier_corpus *c, const S_sig *sigs, S_best *best) {
  size_t n = c->articles.len;
  int32_t *next = malloc(n * sizeof *next);
  if (!next) abort();
  for (int band = 0; band < DS_DUP_BANDS; band++) {
    ds_map buckets;
    ds_map_init(&buckets);
    for (uint32_t i = 0; i < n; i++) {
      next[i] = -1;
      if (!sigs[i].ok) continue;
      uint64_t key[DS_DUP_ROWS + 1];
      key[0] = (uint64_t)band;
      memcpy(key + 1, &sigs[i].sig[band * DS_DUP_ROWS], DS_DUP_ROWS * sizeof(uint64_t));
      bool ins;
      ds_map_slot *s = ds_map_upsert(&buckets, (const char *)key, sizeof key, &ins);
      int seen = 0;
      for (int32_t j = ins ? -1 : (int32_t)s->value; j >= 0 && seen < DS_DUP_MAX_BUCKET; j = next[j], seen++)
        S_consider(c, sigs, best, i, (uint32_t)j);
      next[i] = ins ? -1 : (int32_t)s->value;
      s->value = i;
    }
    ds_map_free(&buckets);
  }
  free(next);
}

/* A reprint notice that names an outlet of the corpus: compare with that outlet's
 * articles directly, found through a map of outlets (case-folded). */
static void S_named_candidates(dossier_corpus *c, const S_sig *sigs, S_best *best) {
  ds_map outlets;
  ds_map_init(&outlets);
  size_t n = c->articles.len;
  int32_t *next = malloc(n * sizeof *next);
  if (!next) abort();
  char key[256];
  for (uint32_t i = 0; i < n; i++) {
    const ds_article *a = c->articles.items[i];
    next[i] = -1;
    if (!a->outlet) continue;
    size_t k = 0;
    for (; a->outlet[k] && k < sizeof key; k++) key[k] = (char)(a->outlet[k] | ((a->outlet[k] >= 'A' && a->outlet[k] <= 'Z') ? 32 : 0));
    bool ins;
    ds_map_slot *s = ds_map_upsert(&outlets, key, k, &ins);
    next[i] = ins ? -1 : (int32_t)s->value;
    s->value = i;
  }
  for (uint32_t i = 0; i < n; i++) {
    const char *r = c->articles.items[i]->reprint_from;
    if (!r) continue;
    size_t k = 0;
    for (; r[k] && k < sizeof key; k++) key[k] = (char)(r[k] | ((r[k] >= 'A' && r[k] <= 'Z') ? 32 : 0));
    const ds_map_slot *s = ds_map_get(&outlets, key, k);
    int seen = 0;
    for (int32_t j = s ? (int32_t)s->value : -1; j >= 0 && seen < DS_DUP_MAX_BUCKET; j = next[j], seen++)
      S_consider(c, sigs, best, i, (uint32_t)j);
  }
  free(next);
  ds_map_free(&outlets);
}

/* Points every copy at the root of its chain (a copy of a copy is a copy of the
 * original); a cycle (possible only with contradictory reprint notices) is broken. */
static void S_resolve(dossier_corpus *c, const S_best *best) {
  size_t n = c->articles.len;
  for (size_t i = 0; i < n; i++) {
    int32_t o = best[i].orig;
    size_t steps = 0;
    while (o >= 0 && best[o].orig >= 0 && steps++ < n) o = best[o].orig;
    c->articles.items[i]->duplicate_of = (o == (int32_t)i || steps > n) ? -1 : o;
  }
}

typedef struct {
  dossier_corpus *c;
  S_sig *sigs;
  size_t from, to;
} S_part;

static void *S_sign_part(void *arg) {
  S_part *p = arg;
  ds_token_buf tb = {0};
  for (size_t i = p->from; i < p->to; i++) {
    ds_article *a = p->c->articles.items[i];
    ds_tokens_load(a, &tb);
    S_signature(a, &p->sigs[i]);
    ds_tokens_unload(a);
  }
  ds_token_buf_free(&tb);
  return NULL;
}

/* Signatures are the only per-article work here: they are computed on the corpus's
 * threads, each taking an equal share of the articles. */
static void S_sign_all(dossier_corpus *c, S_sig *sigs) {
  size_t n = c->articles.len, t = c->opts.threads > 1 ? (size_t)c->opts.threads : 1;
  if (t > DS_DUP_MAX_THREADS) t = DS_DUP_MAX_THREADS;
  S_part parts[DS_DUP_MAX_THREADS];
  pthread_t tids[DS_DUP_MAX_THREADS];
  bool started[DS_DUP_MAX_THREADS] = {false};
  for (size_t k = 0; k < t; k++) {
    parts[k] = (S_part){c, sigs, n * k / t, n * (k + 1) / t};
    if (k > 0) started[k] = pthread_create(&tids[k], NULL, S_sign_part, &parts[k]) == 0;
    if (k > 0 && !started[k]) S_sign_part(&parts[k]);
  }
  S_sign_part(&parts[0]);
  for (size_t k = 1; k < t; k++)
    if (started[k]) pthread_join(tids[k], NULL);
}

void ds_link_duplicates(dossier_corpus *c) {
  size_t n = c->articles.len;
  if (n < 2) return;
  S_sig *sigs = malloc(n * sizeof *sigs);
  S_best *best = malloc(n * sizeof *best);
  if (!sigs || !best) abort();
  S_sign_all(c, sigs);
  for (size_t i = 0; i < n; i++) best[i] = (S_best){-1, 0};
  S_band_candidates(c, sigs, best);
  S_named_candidates(c, sigs, best);
  S_resolve(c, best);
  free(sigs);
  free(best);
}
