/* The extractive summary. Every sentence of the non-duplicate articles becomes a
 * TF-IDF vector over stemmed content words (numbers included: "1,200" is a fact).
 * Candidates (declarative, not mostly quotation, of a readable length) are scored by
 * cosine to the corpus centroid, a little more for early sentences and for facts many
 * articles report; then chosen greedily with maximal marginal relevance, so two
 * near-identical sentences are never both picked. Each chosen sentence cites every
 * article with a sentence sharing enough of its content, found through an inverted
 * index of stems (never by comparing all pairs of sentences). */
#include <libstemmer.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "util/hash.h"
#include "util/lexicon.h"
#include "util/utf8.h"

/* Candidate sentence length in words: shorter ones are fragments or headlines,
 * longer ones run-ons that make a poor summary line. */
#define DS_SUM_MIN_WORDS 8
#define DS_SUM_MAX_WORDS 55
/* Share of a sentence's words inside quotation marks above which it is "quotes only"
 * (a quotation reads badly out of its attribution). */
#define DS_SUM_MAX_QUOTED 0.5
/* Terms kept in the centroid: the event's vocabulary, not every word of the corpus. */
#define DS_SUM_CENTROID_TERMS 40
/* Bonus for the lead: score x (1 + DS_SUM_LEAD_BONUS / (1 + position)). */
#define DS_SUM_LEAD_BONUS 0.25
/* Bonus per extra article that reports the same fact (capped at DS_SUM_SUPPORT_CAP). */
#define DS_SUM_SUPPORT_BONUS 0.08
#define DS_SUM_SUPPORT_CAP 6
/* MMR trade-off between relevance and novelty, and the similarity from which a
 * sentence counts as a repeat of one already chosen (never picked). */
#define DS_SUM_LAMBDA 0.7
#define DS_SUM_MAX_SIM 0.5
/* Two sentences state the same fact when either holds this share of the other's
 * idf-weighted terms; the second is then never chosen. */
#define DS_SUM_SAME_FACT 0.4
/* Only the best candidates go through MMR: keeps selection linear in corpus size. */
#define DS_SUM_MAX_CANDIDATES 400
/* A sentence reports the same fact when the idf-weighted share of the summary
 * sentence's terms it contains reaches this, with at least DS_SUM_CITE_MIN_SHARED terms. */
#define DS_SUM_CITE_OVERLAP 0.38
#define DS_SUM_CITE_MIN_SHARED 3
/* Posting lists longer than this (terms in most sentences) are not walked for
 * citations: they carry little evidence and would make citing quadratic. */
#define DS_SUM_MAX_POSTING 5000
/* Score factor for a sentence that opens with a word leaning on the sentence before
 * (data/sum_dangling.txt): still eligible, but a self-contained one is preferred. */
#define DS_SUM_DANGLING_PENALTY 0.75
/* Longest word we stem (longer tokens are junk: URLs, hashes). */
#define DS_SUM_MAX_WORD 64

/* One sentence. A large corpus has millions, so a sentence is small and keeps its
 * distinct terms and their counts, not weights: those are computed when needed
 * (S_weights), the same way every time. */
typedef struct {
  uint32_t article, sent;
  uint32_t terms;   /* first term in S_ctx.ids and S_ctx.tf */
  uint16_t n_terms; /* at most DS_MAX_SENTENCE_TOKENS */
  bool candidate;
  bool dangling; /* opens with "He", "But", "Only"... */
  double score;  /* candidates only */
} S_sent;
_Static_assert(DS_MAX_SENTENCE_TOKENS <= UINT16_MAX, "a sentence's term count fits n_terms");

typedef struct {
  dossier_corpus *c;
  ds_arena tmp;
  ds_map terms; /* stem -> term id */
  ds_map words; /* folded word -> term id + 1, or S_NOT_TERM: stemming costs ~2,000
                 * instructions a word, and words repeat */
  DS_VEC(uint32_t) df;
  DS_VEC(S_sent) sents; /* the vectors below are malloc'd: they grow in place */
  DS_VEC(uint32_t) ids; /* each sentence's distinct term ids, ascending */
  DS_VEC(uint8_t) tf;   /* their counts (a candidate's never exceed DS_SUM_MAX_WORDS) */
  size_t n_cand;        /* candidates among sents */
  double ltf[256];      /* 1 + log(count) */
  float wa[DS_MAX_SENTENCE_TOKENS], wb[DS_MAX_SENTENCE_TOKENS]; /* S_weights' output */
  DS_VEC(double) idf;
  struct sb_stemmer *stem;
  ds_buf fold;
  ds_token_buf tb;
} S_ctx;

static int S_cmp_u32(const void *x, const void *y) {
  uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
  return a < b ? -1 : a > b;
}

#define S_NOT_TERM UINT64_MAX

/* Term id of one word token, or UINT32_MAX when it is not a content word. */
static uint32_t S_term(S_ctx *x, const ds_article *a, const ds_token *t) {
  size_t n = t->end - t->start;
  if (n > DS_SUM_MAX_WORD || (t->kind != DS_TOK_WORD && t->kind != DS_TOK_NUMBER)) return UINT32_MAX;
  ds_buf_clear(&x->fold);
  ds_utf8_fold(&x->fold, a->body + t->start, n);
  const char *k = x->fold.ptr;
  size_t kl = x->fold.len;
  ds_map_slot *word = NULL;
  if (t->kind == DS_TOK_WORD) {
    bool fresh;
    word = ds_map_upsert(&x->words, k, kl, &fresh);
    if (!fresh) return word->value == S_NOT_TERM ? UINT32_MAX : (uint32_t)(word->value - 1);
    word->value = S_NOT_TERM;
    if (kl < 2 || ds_lexicon_has("sum_stopwords", k, kl)) return UINT32_MAX;
    const sb_symbol *s = sb_stemmer_stem(x->stem, (const sb_symbol *)k, (int)kl);
    if (s) k = (const char *)s, kl = (size_t)sb_stemmer_length(x->stem);
  }
  bool ins;
  ds_map_slot *slot = ds_map_upsert(&x->terms, k, kl, &ins);
  if (ins) {
    slot->value = x->df.len;
    *DS_PUSH(&x->tmp, &x->df) = 0;
  }
  if (word) word->value = slot->value + 1;
  return (uint32_t)slot->value;
}

/* A dateline ("RADAN, March 10 (CPA) - ", "VELMAR — ") opening a paragraph. */
static uint32_t S_after_dateline(const ds_article *a, const ds_sentence *s) {
  const ds_token *t0 = &a->tokens.items[s->tok_start];
  if (!(t0->flags & DS_TF_UPPER) || t0->end - t0->start < 3) return s->start;
  for (uint32_t i = s->tok_start + 1; i < s->tok_end && i < s->tok_start + 12; i++) {
    const ds_token *t = &a->tokens.items[i];
    const char *p = a->body + t->start;
    size_t n = t->end - t->start;
    bool dash = t->kind == DS_TOK_PUNCT &&
                ((n == 1 && *p == '-') || (n == 3 && (!memcmp(p, "—", 3) || !memcmp(p, "–", 3))));
    if (dash && i + 1 < s->tok_end) return a->tokens.items[i + 1].start;
  }
  return s->start;
}

static bool S_dangling(S_ctx *x, const ds_article *a, const ds_sentence *s, uint32_t from) {
  for (uint32_t i = s->tok_start; i < s->tok_end && i < a->tokens.len; i++) {
    const ds_token *t = &a->tokens.items[i];
    if (t->start < from || t->kind == DS_TOK_QUOTE) continue;
    if (t->kind != DS_TOK_WORD) return false;
    ds_buf_clear(&x->fold);
    ds_utf8_fold(&x->fold, a->body + t->start, t->end - t->start);
    return ds_lexicon_has("sum_dangling", x->fold.ptr, x->fold.len);
  }
  return false;
}

static bool S_ends_statement(const ds_article *a, const ds_sentence *s) {
  for (uint32_t i = s->tok_end; i > s->tok_start; i--) {
    const ds_token *t = &a->tokens.items[i - 1];
    if (t->kind == DS_TOK_QUOTE || (t->kind == DS_TOK_PUNCT && a->body[t->start] == ')')) continue;
    return t->kind == DS_TOK_PUNCT && a->body[t->start] == '.';
  }
  return false;
}

/* Makes room for `extra` more items in a malloc'd vector (doubling). */
#define S_RESERVE(v, extra)                                                                 \
  ((v)->len + (extra) > (v)->cap ? S_regrow((void **)&(v)->items, &(v)->cap, (v)->len + (extra), \
                                            sizeof *(v)->items)                              \
                                 : (void)0)
static void S_regrow(void **items, size_t *cap, size_t need, size_t elem) {
  size_t c = *cap ? *cap : 1024;
  while (c < need) c *= 2;
  *items = realloc(*items, c * elem);
  if (!*items) abort();
  *cap = c;
}

_Static_assert(DS_SUM_MAX_WORDS < 256, "a candidate's term counts fit S_ctx.tf");

/* Term id k of sentence s. */
static uint32_t S_tid(const S_ctx *x, const S_sent *s, uint32_t k) { return x->ids.items[s->terms + k]; }
static const uint32_t *S_tids(const S_ctx *x, const S_sent *s) { return &x->ids.items[s->terms]; }

/* Sorts the term ids in buf and folds repeats: the distinct ids stay in buf, their
 * counts go to tf; returns how many. */
static uint32_t S_distinct(uint32_t *buf, uint32_t n, float *tf) {
  if (n) qsort(buf, n, sizeof *buf, S_cmp_u32);
  uint32_t u = 0;
  for (uint32_t i = 0; i < n; i++) {
    if (u && buf[u - 1] == buf[i]) {
      tf[u - 1] += 1;
      continue;
    }
    buf[u] = buf[i], tf[u++] = 1;
  }
  return u;
}

/* Builds one sentence's term vector (raw counts for now) and decides candidacy. */
static void S_sentence(S_ctx *x, const ds_article *a, uint32_t si, bool *in_quote, uint32_t *buf,
                       float *tf) {
  const ds_sentence *s = &a->sentences.items[si];
  uint32_t words = 0, quoted = 0, n = 0;
  for (uint32_t i = s->tok_start; i < s->tok_end && i < a->tokens.len; i++) {
    const ds_token *t = &a->tokens.items[i];
    if (t->flags & DS_TF_PARA_START) *in_quote = false;
    if (t->kind == DS_TOK_QUOTE) {
      if (t->flags & DS_TF_OPEN) *in_quote = true;
      else if (t->flags & DS_TF_CLOSE) *in_quote = false;
      continue;
    }
    if (t->kind != DS_TOK_WORD && t->kind != DS_TOK_NUMBER) continue;
    words++, quoted += *in_quote;
    uint32_t term = S_term(x, a, t);
    if (term != UINT32_MAX && n < DS_MAX_SENTENCE_TOKENS) buf[n++] = term;
  }
  S_sent *st = &x->sents.items[x->sents.len++];
  memset(st, 0, sizeof *st);
  st->article = a->index, st->sent = si;
  st->dangling = S_dangling(x, a, s, S_after_dateline(a, s));
  st->n_terms = (uint16_t)S_distinct(buf, n, tf);
  for (uint32_t i = 0; i < st->n_terms; i++) x->df.items[buf[i]]++;
  st->candidate = words >= DS_SUM_MIN_WORDS && words <= DS_SUM_MAX_WORDS &&
                  quoted <= DS_SUM_MAX_QUOTED * words && st->n_terms >= 4 && S_ends_statement(a, s);
  x->n_cand += st->candidate;
  st->terms = (uint32_t)x->ids.len;
  if (!st->n_terms) return;
  S_RESERVE(&x->ids, st->n_terms);
  S_RESERVE(&x->tf, st->n_terms);
  memcpy(x->ids.items + x->ids.len, buf, st->n_terms * sizeof *buf);
  for (uint32_t i = 0; i < st->n_terms; i++) x->tf.items[x->tf.len + i] = (uint8_t)(tf[i] < 255 ? tf[i] : 255);
  x->ids.len += st->n_terms, x->tf.len += st->n_terms;
}

static void S_collect(S_ctx *x) {
  uint32_t *buf = malloc(sizeof(uint32_t) * (DS_MAX_SENTENCE_TOKENS + 1));
  float *tf = malloc(sizeof(float) * (DS_MAX_SENTENCE_TOKENS + 1));
  if (!buf || !tf) abort();
  size_t ns = 0;
  for (size_t i = 0; i < x->c->articles.len; i++)
    if (x->c->articles.items[i]->duplicate_of < 0) ns += x->c->articles.items[i]->sentences.len;
  x->sents.items = malloc((ns + 1) * sizeof *x->sents.items); /* exactly: millions of them */
  if (!x->sents.items) abort();
  x->sents.cap = ns;
  for (size_t i = 0; i < x->c->articles.len; i++) {
    ds_article *a = x->c->articles.items[i];
    if (a->duplicate_of >= 0) continue;
    bool in_quote = false;
    ds_tokens_load(a, &x->tb);
    for (uint32_t s = 0; s < a->sentences.len; s++) S_sentence(x, a, s, &in_quote, buf, tf);
    ds_tokens_unload(a);
  }
  free(buf);
  free(tf);
}

static void S_weigh(S_ctx *x) {
  double n = (double)x->sents.len;
  for (size_t t = 0; t < x->df.len; t++) *DS_PUSH(&x->tmp, &x->idf) = log((n + 1) / (x->df.items[t] + 0.5));
  for (int k = 1; k < 256; k++) x->ltf[k] = 1 + log((double)k);
}

/* A candidate's tf-idf weights, normalised to unit length, into w. */
static const float *S_weights(const S_ctx *x, const S_sent *s, float *w) {
  const uint32_t *id = S_tids(x, s);
  const uint8_t *tf = &x->tf.items[s->terms];
  double norm = 0;
  for (uint32_t k = 0; k < s->n_terms; k++) {
    w[k] = (float)(x->ltf[tf[k]] * x->idf.items[id[k]]);
    norm += (double)w[k] * w[k];
  }
  norm = norm > 0 ? sqrt(norm) : 1;
  for (uint32_t k = 0; k < s->n_terms; k++) w[k] = (float)(w[k] / norm);
  return w;
}

static double S_cosine(S_ctx *x, const S_sent *sa, const S_sent *sb) {
  const uint32_t *a = S_tids(x, sa), *b = S_tids(x, sb);
  const float *wa = S_weights(x, sa, x->wa), *wb = S_weights(x, sb, x->wb);
  double d = 0;
  for (uint32_t i = 0, j = 0; i < sa->n_terms && j < sb->n_terms;) {
    if (a[i] < b[j]) i++;
    else if (a[i] > b[j]) j++;
    else d += (double)wa[i++] * wb[j++];
  }
  return d;
}

/* Share of a's idf mass that b contains: how much of a's fact b repeats. */
static double S_overlap(const S_ctx *x, const S_sent *sa, const S_sent *sb) {
  const uint32_t *a = S_tids(x, sa), *b = S_tids(x, sb);
  double shared = 0, total = 0;
  for (uint32_t i = 0, j = 0; i < sa->n_terms; i++) {
    double idf = x->idf.items[a[i]];
    total += idf;
    while (j < sb->n_terms && b[j] < a[i]) j++;
    if (j < sb->n_terms && b[j] == a[i]) shared += idf;
  }
  return total > 0 ? shared / total : 0;
}

static int S_cmp_desc(const void *x, const void *y) {
  double a = *(const double *)x, b = *(const double *)y;
  return a > b ? -1 : a < b;
}

/* Centroid of the candidates, cut to its heaviest terms; scores each candidate. */
static void S_score(S_ctx *x) {
  size_t nt = x->df.len;
  double *cen = calloc(nt + 1, sizeof *cen), *sorted = malloc((nt + 1) * sizeof *sorted);
  if (!cen || !sorted) abort();
  for (size_t i = 0; i < x->sents.len; i++) {
    const S_sent *s = &x->sents.items[i];
    if (!s->candidate) continue;
    const uint32_t *id = S_tids(x, s);
    const float *w = S_weights(x, s, x->wa);
    for (uint32_t k = 0; k < s->n_terms; k++) cen[id[k]] += w[k];
  }
  memcpy(sorted, cen, nt * sizeof *sorted);
  if (nt) qsort(sorted, nt, sizeof *sorted, S_cmp_desc);
  double cut = nt > DS_SUM_CENTROID_TERMS ? sorted[DS_SUM_CENTROID_TERMS - 1] : 0;
  double norm = 0;
  for (size_t t = 0; t < nt; t++) {
    if (cen[t] < cut || cen[t] <= 0) cen[t] = 0;
    norm += cen[t] * cen[t];
  }
  norm = norm > 0 ? sqrt(norm) : 1;
  for (size_t i = 0; i < x->sents.len; i++) {
    S_sent *s = &x->sents.items[i];
    if (!s->candidate) continue;
    const uint32_t *id = S_tids(x, s);
    const float *w = S_weights(x, s, x->wa);
    double d = 0;
    for (uint32_t k = 0; k < s->n_terms; k++) d += w[k] * cen[id[k]];
    s->score = d / norm * (1 + DS_SUM_LEAD_BONUS / (1 + s->sent));
    if (s->dangling) s->score *= DS_SUM_DANGLING_PENALTY;
  }
  free(cen);
  free(sorted);
}

/* ---- citations through the inverted index ---- */

typedef struct {
  uint32_t *start; /* postings of term t: ids[start[t] .. start[t+1]) */
  uint32_t *ids;
  double *acc;     /* per sentence: idf mass shared with the query */
  uint32_t *shared;
  uint32_t *touched;
  uint32_t *stamp; /* per article: the number of the last call that cited it */
  uint32_t calls;
  DS_VEC(uint32_t) cited;
} S_index;

/* Postings only for the terms that queries will read: those of the n best candidates
 * (every sentence S_cite is asked about is one), without the terms S_cite skips. */
static void S_index_build(S_ctx *x, S_index *ix, const uint32_t *cand, uint32_t n) {
  size_t nt = x->df.len, ns = x->sents.len;
  bool *wanted = calloc(nt + 1, sizeof *wanted);
  ix->start = calloc(nt + 2, sizeof *ix->start);
  if (!wanted || !ix->start) abort();
  for (uint32_t i = 0; i < n; i++) {
    const S_sent *s = &x->sents.items[cand[i]];
    for (uint32_t k = 0; k < s->n_terms; k++) {
      uint32_t t = S_tid(x, s, k);
      wanted[t] = x->df.items[t] <= DS_SUM_MAX_POSTING;
    }
  }
  for (size_t t = 0; t < nt; t++) ix->start[t + 1] = ix->start[t] + (wanted[t] ? x->df.items[t] : 0);
  ix->ids = malloc(((size_t)ix->start[nt] + 1) * sizeof *ix->ids);
  ix->acc = calloc(ns + 1, sizeof *ix->acc);
  ix->shared = calloc(ns + 1, sizeof *ix->shared);
  ix->touched = malloc((ns + 1) * sizeof *ix->touched);
  ix->stamp = calloc(x->c->articles.len + 1, sizeof *ix->stamp);
  uint32_t *fill = malloc((nt + 1) * sizeof *fill);
  if (!ix->ids || !ix->acc || !ix->shared || !ix->touched || !ix->stamp || !fill) abort();
  memcpy(fill, ix->start, nt * sizeof *fill);
  for (size_t i = 0; i < ns; i++)
    for (uint32_t k = 0; k < x->sents.items[i].n_terms; k++) {
      uint32_t t = S_tid(x, &x->sents.items[i], k);
      if (wanted[t]) ix->ids[fill[t]++] = (uint32_t)i;
    }
  free(fill);
  free(wanted);
}

static void S_index_free(S_index *ix) {
  free(ix->start), free(ix->ids), free(ix->acc), free(ix->shared), free(ix->touched), free(ix->stamp);
  free(ix->cited.items);
}

/* Adds an article to this call's citations once. */
static void S_cite_article(S_index *ix, uint32_t art) {
  if (ix->stamp[art] == ix->calls) return;
  ix->stamp[art] = ix->calls;
  if (ix->cited.len == ix->cited.cap) {
    ix->cited.cap = ix->cited.cap ? 2 * ix->cited.cap : 16;
    ix->cited.items = realloc(ix->cited.items, ix->cited.cap * sizeof *ix->cited.items);
    if (!ix->cited.items) abort();
  }
  ix->cited.items[ix->cited.len++] = art;
}

/* Appends to out (when given) each article, ascending and once, with a sentence that
 * reports the fact of sentence q; returns how many articles. */
static uint32_t S_cite(S_ctx *x, S_index *ix, uint32_t q, ds_u32vec *out, ds_arena *arena) {
  const S_sent *s = &x->sents.items[q];
  double total = 0;
  uint32_t nt = 0;
  for (uint32_t k = 0; k < s->n_terms; k++) {
    uint32_t t = S_tid(x, s, k);
    double idf = x->idf.items[t];
    total += idf;
    if (x->df.items[t] > DS_SUM_MAX_POSTING) continue; /* not in the index */
    for (uint32_t p = ix->start[t]; p < ix->start[t + 1]; p++) {
      uint32_t id = ix->ids[p];
      if (!ix->shared[id]) ix->touched[nt++] = id;
      ix->acc[id] += idf, ix->shared[id]++;
    }
  }
  ix->cited.len = 0;
  ix->calls++;
  for (uint32_t i = 0; i < nt; i++) {
    uint32_t id = ix->touched[i];
    bool same = id == q || (ix->shared[id] >= DS_SUM_CITE_MIN_SHARED &&
                            ix->acc[id] >= DS_SUM_CITE_OVERLAP * total);
    uint32_t art = x->sents.items[id].article;
    if (same) S_cite_article(ix, art);
    ix->acc[id] = 0, ix->shared[id] = 0;
  }
  S_cite_article(ix, s->article); /* its own, even if every term's postings were skipped */
  if (out) {
    qsort(ix->cited.items, ix->cited.len, sizeof *ix->cited.items, S_cmp_u32);
    for (size_t i = 0; i < ix->cited.len; i++) *DS_PUSH(arena, out) = ix->cited.items[i];
  }
  return (uint32_t)ix->cited.len;
}

/* ---- selection ---- */

static int S_cmp_score(const void *x, const void *y, void *ctx) {
  const S_sent *s = ctx;
  double a = s[*(const uint32_t *)x].score, b = s[*(const uint32_t *)y].score;
  if (a != b) return a > b ? -1 : 1;
  return S_cmp_u32(x, y);
}

static uint32_t S_candidates(S_ctx *x, S_index *ix, uint32_t *cand) {
  uint32_t n = 0;
  for (uint32_t i = 0; i < x->sents.len; i++)
    if (x->sents.items[i].candidate) cand[n++] = i;
  qsort_r(cand, n, sizeof *cand, S_cmp_score, x->sents.items);
  if (n > DS_SUM_MAX_CANDIDATES) n = DS_SUM_MAX_CANDIDATES;
  S_index_build(x, ix, cand, n);
  for (uint32_t i = 0; i < n; i++) {
    uint32_t k = S_cite(x, ix, cand[i], NULL, NULL);
    if (k > DS_SUM_SUPPORT_CAP) k = DS_SUM_SUPPORT_CAP;
    x->sents.items[cand[i]].score *= 1 + DS_SUM_SUPPORT_BONUS * (k - 1);
  }
  qsort_r(cand, n, sizeof *cand, S_cmp_score, x->sents.items);
  return n;
}

static uint32_t S_select(S_ctx *x, const uint32_t *cand, uint32_t n, uint32_t want, uint32_t *chosen) {
  bool *used = calloc(n + 1, 1);
  if (!used) abort();
  uint32_t k = 0;
  while (k < want) {
    double best = -1e9;
    uint32_t pick = UINT32_MAX;
    for (uint32_t i = 0; i < n; i++) {
      if (used[i]) continue;
      const S_sent *s = &x->sents.items[cand[i]];
      double sim = 0;
      for (uint32_t j = 0; j < k; j++) {
        const S_sent *o = &x->sents.items[chosen[j]];
        double v = S_cosine(x, s, o);
        if (v > sim) sim = v;
        if (S_overlap(x, s, o) >= DS_SUM_SAME_FACT || S_overlap(x, o, s) >= DS_SUM_SAME_FACT)
          sim = 1;
      }
      if (sim >= DS_SUM_MAX_SIM) continue;
      double mmr = DS_SUM_LAMBDA * s->score - (1 - DS_SUM_LAMBDA) * sim;
      if (mmr > best) best = mmr, pick = i;
    }
    if (pick == UINT32_MAX) break;
    used[pick] = true;
    chosen[k++] = cand[pick];
  }
  free(used);
  return k;
}

/* Reading order: by the source article's publication date, then its position. */
static int S_cmp_reading(const void *x, const void *y, void *ctx) {
  const S_ctx *c = ctx;
  const S_sent *a = &c->sents.items[*(const uint32_t *)x], *b = &c->sents.items[*(const uint32_t *)y];
  const char *da = c->c->articles.items[a->article]->published;
  const char *db = c->c->articles.items[b->article]->published;
  int d = strcmp(da ? da : "9999", db ? db : "9999");
  if (d) return d;
  if (a->article != b->article) return a->article < b->article ? -1 : 1;
  return a->sent < b->sent ? -1 : a->sent > b->sent;
}

/* The sentence's text from text_start with white space collapsed; a lead word in
 * capitals ("VALDORIA could have ...", a tabloid or wire habit) is set in title case. */
static void S_text(const ds_article *a, const ds_sentence *se, uint32_t from, ds_buf *t) {
  uint32_t caps_end = 0;
  for (uint32_t i = se->tok_start; i + 1 < se->tok_end && i < a->tokens.len; i++) {
    const ds_token *w = &a->tokens.items[i], *n = &a->tokens.items[i + 1];
    if (w->start < from) continue;
    if (w->kind == DS_TOK_WORD && (w->flags & DS_TF_UPPER) && w->end - w->start > 3 &&
        !(n->kind == DS_TOK_WORD && (n->flags & DS_TF_UPPER)))
      caps_end = w->end;
    break;
  }
  bool space = false;
  for (uint32_t p = from; p < se->end; p++) {
    char ch = a->body[p];
    if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
      space = t->len > 0;
      continue;
    }
    if (space) ds_buf_putc(t, ' ');
    space = false;
    if (p > from && p < caps_end && ch >= 'A' && ch <= 'Z') ch = (char)(ch + 32);
    ds_buf_putc(t, ch);
  }
}

static void S_emit(S_ctx *x, S_index *ix, const uint32_t *chosen, uint32_t k) {
  dossier_corpus *c = x->c;
  for (uint32_t i = 0; i < k; i++) {
    const S_sent *s = &x->sents.items[chosen[i]];
    ds_article *a = c->articles.items[s->article];
    ds_summary_sentence *out = DS_PUSH(&c->arena, &c->summary);
    memset(out, 0, sizeof *out);
    ds_buf t = DS_BUF_INIT;
    const ds_sentence *se = &a->sentences.items[s->sent];
    ds_tokens_load(a, &x->tb);
    S_text(a, se, S_after_dateline(a, se), &t);
    ds_tokens_unload(a);
    out->text = ds_arena_strndup(&c->arena, t.ptr, t.len);
    ds_buf_free(&t);
    out->sentence = (ds_ref){s->article, s->sent};
    S_cite(x, ix, chosen[i], &out->articles, &c->arena);
  }
}

void ds_link_summary(dossier_corpus *c) {
  c->summary.len = 0;
  S_ctx x = {.c = c, .fold = DS_BUF_INIT};
  x.stem = sb_stemmer_new("english", NULL);
  if (!x.stem) return;
  ds_map_init(&x.terms);
  ds_map_init(&x.words);
  S_collect(&x);
  S_weigh(&x);
  S_score(&x);
  S_index ix = {0};
  uint32_t *cand = malloc((x.n_cand + 1) * sizeof *cand);
  uint32_t want = (uint32_t)(c->opts.summary_sentences > 0 ? c->opts.summary_sentences : 6);
  uint32_t *chosen = malloc((want + 1) * sizeof *chosen);
  if (!cand || !chosen) abort();
  uint32_t n = S_candidates(&x, &ix, cand);
  uint32_t k = S_select(&x, cand, n, want, chosen);
  qsort_r(chosen, k, sizeof *chosen, S_cmp_reading, &x);
  S_emit(&x, &ix, chosen, k);
  free(cand), free(chosen);
  S_index_free(&ix);
  sb_stemmer_delete(x.stem);
  ds_map_free(&x.terms);
  ds_map_free(&x.words);
  ds_buf_free(&x.fold);
  ds_token_buf_free(&x.tb);
  free(x.sents.items), free(x.ids.items), free(x.tf.items);
  ds_arena_free(&x.tmp);
}
