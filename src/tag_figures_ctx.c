/* The context of a figure: the noun it counts (and the phrase around it), whose
 * troops or money it is (the key used to group figures across outlets), who claims
 * it, as of when, and whether it is a forecast. Everything is read from the tokens of
 * the figure's own sentence, within fixed windows. */
#include <string.h>

#include "entities.h"
#include "tag_figures_internal.h"

/* ---- words ---- */

static bool S_word(const ds_figscan *s, uint32_t i) {
  return i < s->s1 && s->tok[i].kind == DS_TOK_WORD;
}

static bool S_stop(const ds_figscan *s, uint32_t i) {
  return S_word(s, i) && ds_fig_lookup(s, i, DS_FL_STOPWORDS) != NULL;
}

static bool S_markup(const ds_figscan *s, uint32_t i) {
  return ds_fig_punct(s, i, "*") || ds_fig_punct(s, i, "_");
}

static bool S_joiner(const ds_figscan *s, uint32_t i) {
  return ds_fig_punct(s, i, "-") && ds_fig_attached(s, i) && i + 1 < s->s1 && ds_fig_attached(s, i + 1);
}

/* Length without a possessive 's / ’s. */
static size_t S_strip_poss(const char *p, size_t n) {
  if (n > 2 && (p[n - 2] == '\'') && (p[n - 1] == 's' || p[n - 1] == 'S')) return n - 2;
  if (n > 4 && memcmp(p + n - 4, "\xE2\x80\x99", 3) == 0 && (p[n - 1] == 's' || p[n - 1] == 'S'))
    return n - 4;
  return n;
}

static const char *S_unit_of(const ds_figscan *s, const char *w, size_t n, char *lemma) {
  const char *cls = ds_fig_lex(s, DS_FL_UNITS, w, n);
  if (cls && lemma) memcpy(lemma, w, n), lemma[n] = 0;
  return cls;
}

const char *ds_fig_unit(const ds_figscan *s, uint32_t i, char *lemma) {
  if (!S_word(s, i)) return NULL;
  size_t n = S_strip_poss(ds_fig_text(s, i), ds_fig_len(s, i));
  if (n == 0 || n >= DS_FIG_MAX_LEMMA - 2) return NULL;
  char w[DS_FIG_MAX_LEMMA];
  for (size_t k = 0; k < n; k++) {
    char c = ds_fig_text(s, i)[k];
    w[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  w[n] = 0;
  const char *lem = ds_fig_lex(s, DS_FL_LEMMAS, w, n);
  if (lem) return strcmp(lem, "-") == 0 ? NULL : S_unit_of(s, lem, strlen(lem), lemma);
  const char *cls = S_unit_of(s, w, n, lemma);
  if (cls || n < 3 || w[n - 1] != 's') return cls;
  if (n > 4 && memcmp(w + n - 3, "ies", 3) == 0) {
    w[n - 3] = 'y';
    if ((cls = S_unit_of(s, w, n - 2, lemma))) return cls;
    memcpy(w + n - 3, "ies", 3);
  }
  if ((cls = S_unit_of(s, w, n - 1, lemma))) return cls;
  return w[n - 2] == 'e' ? S_unit_of(s, w, n - 2, lemma) : NULL;
}

static const char *S_place_name(const ds_figscan *s, const char *p, size_t n) {
  const char *v = ds_fig_lex(s, DS_FL_PLACES, p, n);
  if (v || !s->ent_lists) return v;
  if ((v = ds_fig_lex(s, DS_FL_ENT_COUNTRIES, p, n))) return v;
  if ((v = ds_fig_lex(s, DS_FL_ENT_DEMONYMS, p, n))) return v;
  if (n > 3 && p[n - 1] == 's') return ds_fig_lex(s, DS_FL_ENT_DEMONYMS, p, n - 1); /* North Koreans */
  return NULL;
}

/* A place name of several words can start with the word at i. */
static bool S_place_may_start(const ds_figscan *s, uint32_t i) {
  return ds_fig_may_start(s, i, DS_FL_PLACES) ||
         (s->ent_lists && (ds_fig_may_start(s, i, DS_FL_ENT_COUNTRIES) || ds_fig_may_start(s, i, DS_FL_ENT_DEMONYMS)));
}

/* The place named by the len words from i, their last without a possessive. */
static const char *S_place_words(const ds_figscan *s, uint32_t i, uint32_t len) {
  char buf[DS_FIG_MAX_KEY];
  size_t bl = 0;
  for (uint32_t k = i; k < i + len; k++) {
    size_t tl = ds_fig_len(s, k);
    if (k + 1 == i + len) tl = S_strip_poss(ds_fig_text(s, k), tl);
    bool ok = S_word(s, k) && (k == i || !S_stop(s, k) || ds_fig_is(s, k, "of")) && bl + tl + 1 < sizeof buf;
    if (!ok) return NULL;
    if (k > i) buf[bl++] = ' ';
    memcpy(buf + bl, ds_fig_text(s, k), tl);
    bl += tl;
  }
  return S_place_name(s, buf, bl);
}

const char *ds_fig_place(const ds_figscan *s, uint32_t i, uint32_t lim, uint32_t *n) {
  if (!S_word(s, i) || !(s->tok[i].flags & DS_TF_CAP)) return NULL;
  if (lim > s->s1) lim = s->s1;
  bool several = S_place_may_start(s, i);
  for (uint32_t len = DS_FIG_MAX_PHRASE; len >= 2; len--) {
    const char *v = several && i + len <= lim ? S_place_words(s, i, len) : NULL;
    if (v) return (*n = len), v;
  }
  size_t tl = S_strip_poss(ds_fig_text(s, i), ds_fig_len(s, i)); /* one word: no copy */
  const char *v = i + 1 <= lim && tl + 1 < DS_FIG_MAX_KEY ? S_place_name(s, ds_fig_text(s, i), tl) : NULL;
  if (v) *n = 1;
  return v;
}

/* ---- the head noun and the phrase around the number ---- */

static bool S_prep(const ds_figscan *s, uint32_t i) {
  static const ds_fig_word preps[] = {DS_FIG_WORD("in"),     DS_FIG_WORD("to"), DS_FIG_WORD("into"),
                                      DS_FIG_WORD("inside"), DS_FIG_WORD("of"), DS_FIG_WORD("for"),
                                      DS_FIG_WORD("from")};
  return ds_fig_one_of(s, i, preps, sizeof preps / sizeof *preps);
}

static bool S_determiner(const ds_figscan *s, uint32_t i) {
  static const ds_fig_word dets[] = {DS_FIG_WORD("the"), DS_FIG_WORD("a"),     DS_FIG_WORD("an"),
                                     DS_FIG_WORD("its"), DS_FIG_WORD("their"), DS_FIG_WORD("his"),
                                     DS_FIG_WORD("her"), DS_FIG_WORD("our")};
  return ds_fig_one_of(s, i, dets, sizeof dets / sizeof *dets);
}

/* "in Russia", "to Russia's Kursk region", "of its trade": returns the end of the PP
 * starting at j, or j when there is none. */
static uint32_t S_pp(const ds_figscan *s, uint32_t j) {
  if (!S_prep(s, j)) return j;
  uint32_t k = j + 1, words = 0;
  while (S_determiner(s, k)) k++;
  for (; k < s->s1 && words < DS_FIG_MAX_PHRASE; k++) {
    if (S_markup(s, k) || S_joiner(s, k)) continue;
    if (!S_word(s, k) || S_stop(s, k) || ds_fig_lookup(s, k, DS_FL_CLAIM_VERBS)) break;
    uint32_t n = ds_fig_len(s, k);
    if (words && !(s->tok[k].flags & DS_TF_CAP) && n > 5 && memcmp(ds_fig_text(s, k) + n - 3, "ing", 3) == 0)
      break; /* "of its trade coming from": the verb starts a new clause */
    words++;
  }
  return words ? k : j;
}

/* What a sum or a share is of or for: the noun phrase after "of", "in", "for" ("90
 * percent of its trade" is "trade", "$50 billion in lending available to" is
 * "lending"), its last DS_FIG_TOPIC_WORDS words (the head ends an English noun
 * phrase). NULL when there is none. */
const char *ds_fig_topic(const ds_figscan *s, uint32_t k) {
  if (!(ds_fig_is(s, k, "of") || ds_fig_is(s, k, "in") || ds_fig_is(s, k, "for") || ds_fig_is(s, k, "on")))
    return NULL;
  k++;
  while (S_determiner(s, k)) k++;
  uint32_t e = k;
  for (; e < s->s1 && e - k < DS_FIG_MAX_HEAD; e++) {
    bool joins = e > k && (ds_fig_is(s, e, "and") || ds_fig_is(s, e, "or")) && S_word(s, e + 1) && !S_stop(s, e + 1);
    if (joins) continue; /* "sophisticated and deadly military hardware" */
    if (!S_word(s, e) || S_stop(s, e) || ds_fig_lookup(s, e, DS_FL_CLAIM_VERBS)) break;
    const char *p = ds_fig_text(s, e);
    uint32_t n = ds_fig_len(s, e);
    bool cap = s->tok[e].flags & DS_TF_CAP;
    /* "trade coming from", "lending available to": a verb or a trailing adjective ends it */
    if (e > k && !cap && n > 5 && (!memcmp(p + n - 3, "ing", 3) || !memcmp(p + n - 4, "able", 4) ||
                                   !memcmp(p + n - 4, "ible", 4)))
      break;
  }
  if (e == k) return NULL;
  uint32_t b = e - k > DS_FIG_TOPIC_WORDS ? e - DS_FIG_TOPIC_WORDS : k;
  return ds_fig_words(s, b, e);
}

/* A plural noun we have no class for ("22,000 followers") is still the figure's
 * own unit: nothing is inherited, and nothing is grouped. */
static void S_unknown_head(const ds_figscan *s, uint32_t k, ds_fighead *h) {
  const char *p = ds_fig_text(s, k);
  size_t n = ds_fig_len(s, k);
  if (n < 4 || n >= DS_FIG_MAX_LEMMA || p[n - 1] != 's' || p[n - 2] == 's') return;
  if (p[n - 2] == 'u' || p[n - 2] == 'i') return; /* campus, basis: no plurals */
  n -= memcmp(p + n - 3, "ies", 3) != 0 ? 1 : 0;
  memcpy(h->unit, p, n);
  h->unit[n] = 0;
  if (n >= 3 && memcmp(h->unit + n - 3, "ies", 3) == 0) memcpy(h->unit + n - 3, "y", 2);
  h->head = (int32_t)k;
}

void ds_fig_head(const ds_figscan *s, uint32_t j, ds_fighead *h) {
  memset(h, 0, sizeof *h);
  h->mod0 = h->head = -1;
  uint32_t lim = j + DS_FIG_MAX_HEAD < s->s1 ? j + DS_FIG_MAX_HEAD : s->s1, k = j, n;
  int32_t last = -1, plural = -1;
  for (; k < lim; k++) {
    if (S_markup(s, k) || S_joiner(s, k)) continue;
    if (s->tok[k].kind == DS_TOK_NUMBER && ds_fig_attached(s, k + 1)) { /* 155mm */
      const char *c = ds_fig_unit(s, k + 1, NULL);
      if (!c || strcmp(c, "-") != 0) break;
      k++;
      continue;
    }
    if (!S_word(s, k) || S_stop(s, k)) break;
    char lemma[DS_FIG_MAX_LEMMA];
    const char *cls = ds_fig_unit(s, k, lemma);
    uint32_t tl = ds_fig_len(s, k);
    if (cls && h->head >= 0 && tl > 2 && memcmp(ds_fig_text(s, k) + tl - 2, "ed", 2) == 0)
      break; /* "12 people injured": a participle does not stack onto the head */
    if (cls) {
      memcpy(h->unit, lemma, sizeof lemma), h->uclass = cls, h->head = (int32_t)k;
      if (h->mod0 < 0) h->mod0 = (int32_t)k;
      if (strcmp(cls, "-") == 0) break;
      continue;
    }
    if (h->head >= 0) break;
    const char *place = ds_fig_place(s, k, lim, &n);
    if (place && !h->key) h->key = place;
    if (h->mod0 < 0) h->mod0 = (int32_t)k;
    if (place) k += n - 1;
    last = (int32_t)k;
    if (place && ds_fig_text(s, k)[ds_fig_len(s, k) - 1] == 's') { /* "2,500 Americans" */
      memcpy(h->unit, "people", 7), h->uclass = "people", h->head = (int32_t)k;
      continue;
    }
    uint32_t len = ds_fig_len(s, k);
    if (ds_fig_text(s, k)[len - 1] == 's') plural = (int32_t)k;
  }
  if (h->head < 0 && plural >= 0) S_unknown_head(s, (uint32_t)plural, h);
  uint32_t end = h->head >= 0 ? (uint32_t)h->head + 1 : (last >= 0 ? (uint32_t)last + 1 : j);
  if (!h->uclass) h->key = NULL; /* a country before something we cannot name is no key */
  h->end = S_pp(s, end);
  if (h->end - (h->mod0 >= 0 ? (uint32_t)h->mod0 : j) > DS_FIG_MAX_ABOUT_WORDS) h->end = end;
}

/* ---- whose: the country in the clause before the number ---- */

/* S_cue's look-up, done once a token: the claimant scans of a sentence's figures
 * overlap. */
static uint8_t S_cue_lookup(const ds_figscan *s, uint32_t k) {
  return s->cue[k] = ds_fig_lookup(s, k, DS_FL_CLAIM_VERBS) && !ds_fig_is(s, k, "according") ? 2 : 1;
}

/* A claim verb at k ("said", "estimated"). Small enough to inline in the scans. */
static inline bool S_cue(const ds_figscan *s, uint32_t k) {
  /* a capital mid-sentence is a name ("the United States"), not the verb "states" */
  if (!S_word(s, k) || ((s->tok[k].flags & DS_TF_CAP) && k > s->s0)) return false;
  return (s->cue[k] ? s->cue[k] : S_cue_lookup(s, k)) == 2;
}

static bool S_clause_edge(const ds_figscan *s, uint32_t k) {
  if (s->tok[k].kind == DS_TOK_QUOTE) return true;
  if (s->tok[k].kind == DS_TOK_PUNCT)
    return !S_markup(s, k) && !ds_fig_is(s, k, "-") && !ds_fig_is(s, k, ".");
  return ds_fig_lookup(s, k, DS_FL_CLAUSE_EDGES) || S_cue(s, k);
}

const char *ds_fig_clause_key(const ds_figscan *s, uint32_t start) {
  uint32_t lo = start > s->s0 + DS_FIG_MAX_BACK ? start - DS_FIG_MAX_BACK : s->s0, n;
  for (uint32_t k = start; k-- > lo;) {
    if (S_clause_edge(s, k)) return NULL;
    if (!(s->tok[k].flags & DS_TF_CAP)) continue; /* ds_fig_place reads capitals only */
    const char *v = ds_fig_place(s, k, start, &n);
    if (!v) continue;
    for (uint32_t d = 1; d < DS_FIG_MAX_PHRASE && k >= lo + d; d++) { /* "North" before "Korea" */
      uint32_t n2;
      const char *v2 = ds_fig_place(s, k - d, start, &n2);
      if (v2 && n2 > d) v = v2;
    }
    return v;
  }
  return NULL;
}

/* ---- who claims it ---- */

/* The entity whose mention ends where the claimant phrase ends (its head). */
static int32_t S_entity_at(const ds_article *a, uint32_t b0, uint32_t b1) {
  for (size_t k = ds_mention_first_from(a, b0); k < a->mentions.len && a->mentions.items[k].start < b1; k++) {
    const ds_mention *m = &a->mentions.items[k];
    uint32_t e = m->end;
    if ((e == b1 || (e + 2 >= b1 && e < b1)) && m->entity >= 0 && (size_t)m->entity < a->entities.len)
      return m->entity;
  }
  return -1;
}

/* "Washington Post article": a document noun after a capitalised name. */
static bool S_doc_after_name(const ds_figscan *s, uint32_t b, uint32_t e) {
  return e >= b + 2 && S_word(s, e - 1) && !(s->tok[e - 1].flags & DS_TF_CAP) &&
         (s->tok[e - 2].flags & DS_TF_CAP) &&
         ds_fig_lookup(s, e - 1, DS_FL_CLAIM_DOCS);
}

static void S_set_source(const ds_figscan *s, uint32_t b, uint32_t e, bool list, ds_figure *f) {
  while (b < e && (S_determiner(s, b) || S_markup(s, b))) b++;
  while (e > b && S_markup(s, e - 1)) e--;
  if (S_doc_after_name(s, b, e)) e--;
  if (b >= e) return;
  f->source_name = ds_fig_words(s, b, e);
  uint32_t b1 = s->tok[e - 1].start + (uint32_t)S_strip_poss(ds_fig_text(s, e - 1), ds_fig_len(s, e - 1));
  f->source = list ? -1 : S_entity_at(s->a, s->tok[b].start, b1);
}

/* The name after "according to", "by" or an inverted "said": returns its end. */
static uint32_t S_np_after(const ds_figscan *s, uint32_t k, uint32_t hi, bool list) {
  uint32_t e = k;
  for (; e < hi && e - k < DS_FIG_MAX_NP; e++) {
    if (S_markup(s, e) || S_joiner(s, e)) continue;
    if (list && (ds_fig_punct(s, e, ",") || ds_fig_is(s, e, "and") || ds_fig_is(s, e, "the"))) continue;
    if (!S_word(s, e)) break;
    if (ds_fig_is(s, e, "of") && e > k && (s->tok[e + 1 < hi ? e + 1 : e].flags & DS_TF_CAP)) continue;
    if ((S_stop(s, e) && !(e == k && S_determiner(s, e))) || S_cue(s, e)) break;
  }
  while (e > k && (ds_fig_punct(s, e - 1, ",") || ds_fig_is(s, e - 1, "and"))) e--;
  return e;
}

/* "of", "for", "the", "and" inside a name: "Institute for the Study of War". */
static bool S_inner(const ds_figscan *s, uint32_t t, uint32_t lo) {
  if (!(ds_fig_is(s, t, "of") || ds_fig_is(s, t, "for") || ds_fig_is(s, t, "the") || ds_fig_is(s, t, "and")))
    return false;
  bool before = false, after = false;
  for (uint32_t d = 1; d <= 2; d++) {
    if (t >= lo + d && S_word(s, t - d) && (s->tok[t - d].flags & DS_TF_CAP)) before = true;
    if (S_word(s, t + d) && (s->tok[t + d].flags & DS_TF_CAP)) after = true;
  }
  return before && after;
}

/* The subject before a cue verb at k ("Seoul's intelligence agency previously said"):
 * returns its first token, or k when there is none. *end gets its end. */
static uint32_t S_np_before(const ds_figscan *s, uint32_t k, uint32_t lo, uint32_t *end) {
  uint32_t j = k;
  while (j > lo && S_word(s, j - 1) && ds_fig_lookup(s, j - 1, DS_FL_CUE_SKIP)) j--;
  if (j > lo + 1 && ds_fig_punct(s, j - 1, ",")) { /* "X, following a briefing, revealed" */
    uint32_t c = j - 1, stop = c > lo + DS_FIG_MAX_NP + 5 ? c - DS_FIG_MAX_NP - 5 : lo;
    while (c > stop && !ds_fig_punct(s, c - 1, ",")) c--;
    if (c <= stop) return k;
    j = c - 1;
  }
  if (j > lo + 1 && ds_fig_punct(s, j - 1, ")")) { /* "the NIS (South Korea's spy agency) said" */
    uint32_t c = j - 1;
    while (c > lo && !ds_fig_punct(s, c, "(") && j - c < DS_FIG_MAX_NP) c--;
    if (ds_fig_punct(s, c, "(")) j = c;
  }
  *end = j;
  uint32_t b = j;
  while (b > lo && j - b < DS_FIG_MAX_NP) {
    uint32_t t = b - 1;
    if (S_markup(s, t) || S_joiner(s, t)) { b--; continue; }
    if (!S_word(s, t) || S_cue(s, t)) break;
    if (S_stop(s, t) && !S_inner(s, t, lo)) break;
    b--;
  }
  return b < j ? b : k;
}

/* "the regional governor" -> "regional governor", as our own claimant phrases. */
static const char *S_no_article(const char *name) {
  static const char *const arts[] = {"the ", "The ", "a ", "A ", "an ", "An "};
  for (size_t k = 0; name && k < sizeof arts / sizeof *arts; k++)
    if (strncmp(name, arts[k], strlen(arts[k])) == 0) return name + strlen(arts[k]);
  return name;
}

static bool S_quote_source(const ds_figscan *s, ds_figure *f) {
  const ds_article *a = s->a;
  size_t lo = 0, hi = a->quotes.len;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (a->quotes.items[mid].start <= f->start) lo = mid + 1;
    else hi = mid;
  }
  for (size_t k = lo, n = 0; k-- > 0 && n < DS_FIG_MAX_PHRASE; n++) {
    const ds_quote *q = &a->quotes.items[k];
    if (q->end < f->end || (q->speaker < 0 && !q->speaker_name)) continue;
    f->source = q->speaker;
    f->source_name = q->speaker_name;
    if (!f->source_name && q->speaker < (int32_t)a->entities.len) f->source_name = a->entities.items[q->speaker].name;
    f->source_name = S_no_article(f->source_name);
    return true;
  }
  return false;
}

/* Only "according" or a cue verb at k can name a source (inline: most words are neither). */
static inline bool S_may_cue(const ds_figscan *s, uint32_t k) {
  return S_word(s, k) && (ds_fig_is(s, k, "according") || S_cue(s, k));
}

/* A cue at k: sets the source and returns true. */
static bool S_cue_source(const ds_figscan *s, uint32_t k, uint32_t lo, uint32_t hi, ds_figure *f) {
  if (ds_fig_is(s, k, "according") && ds_fig_is(s, k + 1, "to")) {
    uint32_t e = S_np_after(s, k + 2, hi, false);
    if (e > k + 2) S_set_source(s, k + 2, e, false, f);
    return e > k + 2;
  }
  if (!S_cue(s, k)) return false;
  if (ds_fig_is(s, k, "citing") || ds_fig_is(s, k + 1, "by")) { /* "claims by X that" */
    uint32_t b = ds_fig_is(s, k, "citing") ? k + 1 : k + 2, e = S_np_after(s, b, hi, true);
    bool list = e > b && memchr(ds_fig_text(s, b), ',', s->tok[e - 1].end - s->tok[b].start);
    if (e > b) S_set_source(s, b, e, list, f);
    return e > b;
  }
  if (k > lo && ds_fig_punct(s, k - 1, ",")) { /* "..., said the agency" */
    uint32_t e = S_np_after(s, k + 1, hi, false);
    if (e > k + 1) S_set_source(s, k + 1, e, false, f);
    return e > k + 1;
  }
  uint32_t end, b = S_np_before(s, k, lo, &end);
  if (b == k) return false;
  /* after the figure only "..., the agency said": never the figure's own noun */
  uint32_t d = b;
  while (d > lo && S_determiner(s, d - 1)) d--;
  if (lo > s->s0 && (d <= lo || !ds_fig_punct(s, d - 1, ","))) return false;
  S_set_source(s, b, end, false, f);
  return true;
}

/* A sentence that names no source goes on with the one before it in the same
 * paragraph ("..., the agency said. It has sent 1,500 more since."). */
static void S_carry_source(const ds_figscan *s, ds_figure *f) {
  const ds_article *a = s->a;
  if (!a->figures.len || !s->sent) return;
  const ds_figure *p = &a->figures.items[a->figures.len - 1];
  if ((p->sentence != s->sent && p->sentence + 1 != s->sent) || !p->source_name ||
      a->sentences.items[p->sentence].para != a->sentences.items[s->sent].para)
    return;
  f->source = p->source, f->source_name = p->source_name;
}

/* The nearest cue before the figure names the most specific claimant ("Kirby said
 * that the White House believes 3,000 ..." -> the White House); failing that, the
 * speaker the quotation tagger found (it resolves "he said"); then a cue after it. */
void ds_fig_source(const ds_figscan *s, uint32_t t0, uint32_t t1, ds_figure *f) {
  uint32_t lo = t0 > s->s0 + DS_FIG_MAX_BACK ? t0 - DS_FIG_MAX_BACK : s->s0;
  for (uint32_t k = t0; k-- > lo;)
    if (S_may_cue(s, k) && S_cue_source(s, k, s->s0, t0, f)) return;
  if (S_quote_source(s, f)) return;
  uint32_t hi = t1 + DS_FIG_MAX_BACK < s->s1 ? t1 + DS_FIG_MAX_BACK : s->s1;
  for (uint32_t k = t1; k < hi; k++)
    if (S_may_cue(s, k) && S_cue_source(s, k, t1, s->s1, f)) return;
  S_carry_source(s, f);
}

/* ---- as of when, and forecasts ---- */

/* 2 for a day, 1 for a month, 0 for a year, -1 for anything else. */
static int S_precision(const char *v) {
  if (!v) return -1;
  size_t k = 0;
  if (v[0] == 'X' && v[1] == 'X' && v[2] == 'X' && v[3] == 'X' && v[4] == '-')
    k = 5; /* the year is unknown: still a day or month */
  for (; v[k]; k++) /* one pass, no strlen: called per figure for each date of its sentence */
    if (!((v[k] >= '0' && v[k] <= '9') || ((k == 4 || k == 7) && v[k] == '-'))) return -1;
  return k == 10 ? 2 : k == 7 ? 1 : k == 4 ? 0 : -1;
}

void ds_fig_as_of(const ds_figscan *s, uint32_t t0, uint32_t t1, ds_figure *f) {
  const ds_article *a = s->a;
  uint32_t sb = s->tok[s->s0].start, se = s->tok[s->s1 - 1].end;
  uint32_t fb = s->tok[t0].start, fe = s->tok[t1 - 1].end, best = UINT32_MAX;
  size_t lo = 0, hi = a->times.len;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (a->times.items[mid].start < sb) lo = mid + 1;
    else hi = mid;
  }
  f->as_of = a->published;
  for (size_t k = lo; k < a->times.len && a->times.items[k].start < se; k++) {
    const ds_time *t = &a->times.items[k];
    if (t->type != DS_TIME_DATE) continue;
    int p = S_precision(t->value);
    bool after = t->start >= fe;
    if (p < 0 || (p == 0 && !(f->projection && after))) continue;
    if (t->end > fb && t->start < fe) continue;
    uint32_t d = after ? t->start - fe : fb - t->end;
    if (f->projection && after) d /= 4; /* a forecast holds for its target date */
    else if (after) d *= 2; /* "said on October 23 that ..." dates the claim; later dates its events */
    if (d < best) best = d, f->as_of = t->value;
  }
}

bool ds_fig_projection(const ds_figscan *s, uint32_t t0) {
  uint32_t lo = t0 > s->s0 + DS_FIG_MAX_HEAD + 2 ? t0 - DS_FIG_MAX_HEAD - 2 : s->s0;
  for (uint32_t k = t0; k-- > lo;) {
    if (ds_fig_punct(s, k, ",") || ds_fig_punct(s, k, ";") || ds_fig_is(s, k, "that") ||
        s->tok[k].kind == DS_TOK_QUOTE)
      return false;
    if (S_word(s, k) && ds_fig_lookup(s, k, DS_FL_PROJECTION)) return true;
  }
  return false;
}
