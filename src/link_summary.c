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

typedef struct {
  uint32_t term;
  float w;
} S_tw;

typedef struct {
  uint32_t article, sent, pos;
  uint32_t text_start; /* after a dateline, if any */
  S_tw *terms;
  uint32_t n_terms;
  double score;
  bool candidate;
  bool dangling; /* opens with "He", "But", "Only"... */
} S_sent;

typedef struct {
  dossier_corpus *c;
  ds_arena tmp;
  ds_map terms; /* stem -> term id */
  ds_map words; /* folded word -> term id + 1, or S_NOT_TERM: stemming costs ~2,000
                 * instructions a word, and words repeat */
  DS_VEC(uint32_t) df;
  DS_VEC(S_sent) sents;
  DS_VEC(double) idf;
  struct sb_stemmer *stem;
  ds_buf fold;
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

/* Builds one sentence's term vector (raw counts for now) and decides candidacy. */
static void S_sentence(S_ctx *x, const ds_article *a, uint32_t si, bool *in_quote, uint32_t *buf) {
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
  S_sent *st = DS_PUSH(&x->tmp, &x->sents);
  memset(st, 0, sizeof *st);
  st->article = a->index, st->sent = si, st->pos = si;
  st->text_start = S_after_dateline(a, s);
  st->dangling = S_dangling(x, a, s, st->text_start);
  if (n) qsort(buf, n, sizeof *buf, S_cmp_u32);
  st->terms = DS_NEW(&x->tmp, S_tw, n + 1);
  for (uint32_t i = 0; i < n; i++) {
    if (st->n_terms && st->terms[st->n_terms - 1].term == buf[i]) {
      st->terms[st->n_terms - 1].w += 1;
      continue;
    }
    st->terms[st->n_terms++] = (S_tw){buf[i], 1};
    x->df.items[buf[i]]++;
  }
  st->candidate = words >= DS_SUM_MIN_WORDS && words <= DS_SUM_MAX_WORDS &&
                  quoted <= DS_SUM_MAX_QUOTED * words && st->n_terms >= 4 && S_ends_statement(a, s);
}

static void S_collect(S_ctx *x) {
  uint32_t *buf = malloc(sizeof(uint32_t) * (DS_MAX_SENTENCE_TOKENS + 1));
  if (!buf) abort();
  for (size_t i = 0; i < x->c->articles.len; i++) {
    const ds_article *a = x->c->articles.items[i];
    if (a->duplicate_of >= 0) continue;
    bool in_quote = false;
    for (uint32_t s = 0; s < a->sentences.len; s++) S_sentence(x, a, s, &in_quote, buf);
  }
  free(buf);
}

/* tf-idf weights, each vector normalised to unit length. */
static void S_weigh(S_ctx *x) {
  double n = (double)x->sents.len;
  for (size_t t = 0; t < x->df.len; t++) *DS_PUSH(&x->tmp, &x->idf) = log((n + 1) / (x->df.items[t] + 0.5));
  for (size_t i = 0; i < x->sents.len; i++) {
    S_sent *s = &x->sents.items[i];
    double norm = 0;
    for (uint32_t k = 0; k < s->n_terms; k++) {
      s->terms[k].w = (float)((1 + log(s->terms[k].w)) * x->idf.items[s->terms[k].term]);
      norm += (double)s->terms[k].w * s->terms[k].w;
    }
    norm = norm > 0 ? sqrt(norm) : 1;
    for (uint32_t k = 0; k < s->n_terms; k++) s->terms[k].w = (float)(s->terms[k].w / norm);
  }
}

static double S_cosine(const S_sent *a, const S_sent *b) {
  double d = 0;
  for (uint32_t i = 0, j = 0; i < a->n_terms && j < b->n_terms;) {
    if (a->terms[i].term < b->terms[j].term) i++;
    else if (a->terms[i].term > b->terms[j].term) j++;
    else d += (double)a->terms[i++].w * b->terms[j++].w;
  }
  return d;
}

/* Share of a's idf mass that b contains: how much of a's fact b repeats. */
static double S_overlap(const S_ctx *x, const S_sent *a, const S_sent *b) {
  double shared = 0, total = 0;
  for (uint32_t i = 0, j = 0; i < a->n_terms; i++) {
    double idf = x->idf.items[a->terms[i].term];
    total += idf;
    while (j < b->n_terms && b->terms[j].term < a->terms[i].term) j++;
    if (j < b->n_terms && b->terms[j].term == a->terms[i].term) shared += idf;
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
    for (uint32_t k = 0; k < s->n_terms; k++) cen[s->terms[k].term] += s->terms[k].w;
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
    double d = 0;
    for (uint32_t k = 0; k < s->n_terms; k++) d += s->terms[k].w * cen[s->terms[k].term];
    s->score = d / norm * (1 + DS_SUM_LEAD_BONUS / (1 + s->pos));
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

static void S_index_build(S_ctx *x, S_index *ix) {
  size_t nt = x->df.len, ns = x->sents.len, total = 0;
  ix->start = calloc(nt + 2, sizeof *ix->start);
  for (size_t i = 0; i < ns; i++) total += x->sents.items[i].n_terms;
  ix->ids = malloc((total + 1) * sizeof *ix->ids);
  ix->acc = calloc(ns + 1, sizeof *ix->acc);
  ix->shared = calloc(ns + 1, sizeof *ix->shared);
  ix->touched = malloc((ns + 1) * sizeof *ix->touched);
  ix->stamp = calloc(x->c->articles.len + 1, sizeof *ix->stamp);
  if (!ix->start || !ix->ids || !ix->acc || !ix->shared || !ix->touched || !ix->stamp) abort();
  for (size_t t = 0; t < nt; t++) ix->start[t + 1] = ix->start[t] + x->df.items[t];
  uint32_t *fill = malloc((nt + 1) * sizeof *fill);
  if (!fill) abort();
  memcpy(fill, ix->start, nt * sizeof *fill);
  for (size_t i = 0; i < ns; i++)
    for (uint32_t k = 0; k < x->sents.items[i].n_terms; k++)
      ix->ids[fill[x->sents.items[i].terms[k].term]++] = (uint32_t)i;
  free(fill);
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
    uint32_t t = s->terms[k].term;
    double idf = x->idf.items[t];
    total += idf;
    if (ix->start[t + 1] - ix->start[t] > DS_SUM_MAX_POSTING) continue;
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
        double v = S_cosine(s, o);
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
    const ds_article *a = c->articles.items[s->article];
    ds_summary_sentence *out = DS_PUSH(&c->arena, &c->summary);
    memset(out, 0, sizeof *out);
    ds_buf t = DS_BUF_INIT;
    S_text(a, &a->sentences.items[s->sent], s->text_start, &t);
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
  S_index_build(&x, &ix);
  uint32_t *cand = malloc((x.sents.len + 1) * sizeof *cand);
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
  ds_arena_free(&x.tmp);
}
