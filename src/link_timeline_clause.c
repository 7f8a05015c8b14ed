/* The event a dated clause names, read from tokens without a parser: each token of
 * the sentence gets a class from word lists (data/tl_words.txt,
 * data/cue_verbs.txt) and its ending (-ed, -ing, -ly); finite verb groups are found
 * from auxiliaries, modals, irregular forms and -ed words that follow a noun. The
 * time expression attaches to the nearest verb group of its comma-delimited segment
 * (a leading "On Friday," to the main clause after it); the label is the noun phrase
 * before that verb (across an appositive, back through "who"), the verb group and
 * the phrase after it up to the next clause boundary. Every walk is bounded by the
 * sentence, itself at most DS_MAX_SENTENCE_TOKENS. */
#include <string.h>

#include "link_timeline_internal.h"
#include "util/lexicon.h"

/* Words walked back from a verb looking for where its subject starts: past this the
 * words before the verb are a clause of their own, not a subject. */
#define DS_TL_SUBJ_SCAN 16
/* Words of a subject kept ("North Korean leader Kim Jong Un and Russian President
 * Vladimir Putin"); past DS_TL_SUBJ_HEAD it is cut at its first preposition, which
 * keeps the head ("troops" of "troops with Russian uniforms and IDs"). */
#define DS_TL_SUBJ_WORDS 12
#define DS_TL_SUBJ_HEAD 8
/* Words kept of a subject whose start the walk did not find. */
#define DS_TL_SUBJ_TAIL 8
/* Words of the object kept: enough for "approved the treaty" or "confirmed the
 * presence of North Korean troops in Russia". */
#define DS_TL_OBJ_WORDS 10
/* Words an object cut in the middle of a name may run on ("North Korean" + "soldiers"). */
#define DS_TL_OBJ_RUNON 3
/* Tokens an appositive between commas may span ("X, the lower house of parliament,"). */
#define DS_TL_APPOS_TOKENS 14
/* A dateline ("CITY, March 10 (AGENCY) -") has at most this many tokens around its date. */
#define DS_TL_DATELINE_TOKENS 6

enum {
  K_WORD, K_NUM, K_TIME, K_STOP, K_SKIP, K_AUX, K_MODAL, K_VERB, K_ED, K_ING,
  K_SUB, K_PREP, K_DET, K_CONJ, K_ADV, K_ATTR, K_PRON, K_PART, K_PRES
};

/* A verb group: its token range and its last verb. */
typedef __typeof__(((ds_tl_scratch *)0)->g[0]) S_group;

typedef struct {
  const ds_article *a;
  uint32_t s0, s1; /* sentence token range */
  uint8_t *k;      /* the class of each token of the sentence (in the scratch) */
  S_group *g;
  uint32_t ng;
  const ds_map *words, *cues;
  ds_tl_label *out;
} S_cl;

static uint8_t S_kind(const S_cl *c, uint32_t i) { return i >= c->s0 && i < c->s1 ? c->k[i - c->s0] : K_STOP; }
static const ds_token *S_tok(const S_cl *c, uint32_t i) { return &c->a->tokens.items[i]; }
static const char *S_text(const S_cl *c, uint32_t i) { return c->a->body + S_tok(c, i)->start; }
static uint32_t S_len(const S_cl *c, uint32_t i) { return S_tok(c, i)->end - S_tok(c, i)->start; }

static inline bool S_ends(const S_cl *c, uint32_t i, const char *suffix) {
  size_t n = __builtin_strlen(suffix), len = S_len(c, i);
  return len > n + 2 && !memcmp(S_text(c, i) + len - n, suffix, n);
}

static bool S_is(const S_cl *c, uint32_t i, const char *word) {
  size_t n = strlen(word);
  return i >= c->s0 && i < c->s1 && S_len(c, i) == n && !strncmp(S_text(c, i), word, n);
}

static uint8_t S_punct_kind(const S_cl *c, uint32_t i) {
  const char *p = S_text(c, i);
  if (strchr(",;:.!?-", *p)) return K_STOP;
  bool dash = S_len(c, i) == 3 && !memcmp(p, "\xE2\x80", 2) && (p[2] == '\x93' || p[2] == '\x94');
  return dash ? K_STOP : K_SKIP; /* brackets are handled by S_brackets */
}

static uint8_t S_word_kind(const S_cl *c, uint32_t i) {
  const char *p = S_text(c, i);
  uint32_t n = S_len(c, i);
  bool lower = !(S_tok(c, i)->flags & DS_TF_CAP), start = S_tok(c, i)->flags & DS_TF_SENT_START;
  if (!lower && !start) return K_WORD; /* a name ("May", "Will", "The Hague") */
  const char *v = ds_lexicon_lookup(c->words, p, n);
  if (v) {
    switch (*v) {
    case 'S': return K_SUB;
    case 'P': return K_PREP;
    case 'D': return K_DET;
    case 'C': return K_CONJ;
    case 'R': return K_ADV;
    case 'X': return K_PRON;
    case 'T': return K_ATTR;
    case 'A': return K_AUX;
    case 'M': return K_MODAL;
    case 'V': return K_VERB;
    case 'E': return K_PART;
    default: return K_WORD; /* N, Q */
    }
  }
  if (S_ends(c, i, "ed")) return K_ED;
  if (S_ends(c, i, "ing")) return K_ING;
  if (S_ends(c, i, "ly")) return K_ADV;
  /* present forms of cue verbs ("says", "warns"); their other forms are ambiguous
   * ("read", "put") or caught above */
  if (p[n - 1] == 's' && (v = ds_lexicon_lookup(c->cues, p, n)) && strcmp(v, "according to")) return K_PRES;
  return K_WORD;
}

/* Parenthesised tokens are left out of labels ("(NIS)"), unless part of a date. */
static void S_brackets(S_cl *c) {
  int depth = 0;
  for (uint32_t i = c->s0; i < c->s1; i++) {
    const ds_token *t = S_tok(c, i);
    char ch = t->kind == DS_TOK_PUNCT ? c->a->body[t->start] : 0;
    if (ch == '(' || ch == '[') depth++;
    if (depth > 0 && c->k[i - c->s0] != K_TIME) c->k[i - c->s0] = K_SKIP;
    if ((ch == ')' || ch == ']') && depth > 0) depth--;
  }
}

static void S_classify(S_cl *c, const ds_time *at) {
  uint32_t sentence = at->sentence;
  const ds_article *a = c->a;
  for (uint32_t i = c->s0; i < c->s1; i++) {
    const ds_token *t = S_tok(c, i);
    uint8_t k = K_WORD;
    if (t->kind == DS_TOK_NUMBER) k = K_NUM;
    else if (t->kind == DS_TOK_QUOTE) k = K_SKIP;
    else if (t->kind == DS_TOK_PUNCT) k = S_punct_kind(c, i);
    else if (t->kind == DS_TOK_WORD) k = S_word_kind(c, i);
    c->k[i - c->s0] = k;
  }
  /* the sentence's times lie next to the one being read (times are in text order) */
  size_t lo = (size_t)(at - a->times.items), hi = lo + 1;
  while (lo > 0 && a->times.items[lo - 1].sentence == sentence) lo--;
  while (hi < a->times.len && a->times.items[hi].sentence == sentence) hi++;
  for (size_t ti = lo; ti < hi; ti++) {
    const ds_time *tm = &a->times.items[ti];
    for (uint32_t i = c->s0; i < c->s1; i++)
      if (S_tok(c, i)->start >= tm->start && S_tok(c, i)->end <= tm->end) c->k[i - c->s0] = K_TIME;
  }
  S_brackets(c);
}

/* The token before i, passing over the kinds in mask. */
static uint32_t S_prev(const S_cl *c, uint32_t i, unsigned mask) {
  while (i > c->s0 && (mask >> S_kind(c, i - 1) & 1)) i--;
  return i > c->s0 ? i - 1 : UINT32_MAX;
}

static uint32_t S_next(const S_cl *c, uint32_t i, unsigned mask) {
  while (i < c->s1 && (mask >> S_kind(c, i) & 1)) i++;
  return i;
}

#define M(k) (1u << (k))

/* "X, the minister for Y, declared": the comma before p closes an appositive or a
 * relative clause that opened at an earlier comma, so a verb after it is finite. */
static bool S_closes_aside(const S_cl *c, uint32_t p) {
  uint32_t lim = p > c->s0 + DS_TL_APPOS_TOKENS ? p - DS_TL_APPOS_TOKENS : c->s0;
  for (uint32_t j = p; j > lim; j--) {
    if (S_kind(c, j - 1) != K_STOP) continue;
    uint32_t first = S_next(c, j, M(K_SKIP));
    return *S_text(c, j - 1) == ',' && (S_kind(c, first) == K_DET || S_is(c, first, "who") || S_is(c, first, "which"));
  }
  return false;
}

/* A finite verb: an auxiliary or modal, or a past form after its subject (a noun, a
 * number, a pronoun, "who"): after "the" or a comma an -ed word is an adjective or a
 * participle ("the deployed troops", ", triggered by"), after "to" an infinitive. */
static bool S_finite(const S_cl *c, uint32_t i) {
  uint8_t k = S_kind(c, i);
  if (k != K_AUX && k != K_MODAL && k != K_VERB && k != K_ED && k != K_PRES) return false;
  unsigned pass = M(K_ADV) | M(K_TIME) | M(K_SKIP);
  uint32_t p = S_prev(c, i, pass);
  if (p != UINT32_MAX && S_is(c, p, "to")) return false;
  if (k == K_AUX || k == K_MODAL) return true;
  if (k == K_PRES) { /* "claims" is a verb before "that" or a clause, a noun before "in" */
    uint8_t nk = S_kind(c, S_next(c, i + 1, pass));
    if (nk != K_SUB && nk != K_DET && nk != K_PRON && nk != K_NUM && nk != K_WORD) return false;
  } else if (k != K_VERB && k != K_ED) {
    return false;
  }
  if (p == UINT32_MAX) return k != K_ED;
  if (S_kind(c, p) == K_PREP && S_kind(c, S_next(c, p + 1, 0)) == K_TIME) /* "Putin on October 24 approved" */
    p = S_prev(c, p, pass);
  uint8_t pk = S_kind(c, p);
  if (pk == K_WORD || pk == K_NUM || pk == K_ATTR || pk == K_PRON) return true;
  if (pk == K_SUB) return S_is(c, p, "who") || S_is(c, p, "which") || S_is(c, p, "that");
  if (pk == K_STOP) return *S_text(c, p) == ',' && S_closes_aside(c, p);
  return k != K_ED && pk == K_CONJ;
}

/* The verb group starting at verb i: adverbs before it, then auxiliaries, adverbs and
 * participles, and the base verb after a modal ("could deploy", "did not deny"). */
static uint32_t S_group_at(S_cl *c, uint32_t i) {
  S_group *g = &c->g[c->ng++];
  g->g0 = i, g->head = i;
  while (g->g0 > c->s0 && S_kind(c, g->g0 - 1) == K_ADV) g->g0--;
  bool want_base = S_kind(c, i) == K_MODAL;
  uint32_t j = i + 1;
  for (; j < c->s1; j++) {
    uint8_t k = S_kind(c, j);
    if (k == K_ADV) continue;
    if (k == K_AUX || k == K_VERB || k == K_ED || k == K_ING || k == K_MODAL || k == K_PART || k == K_PRES) {
      g->head = j, want_base = k == K_MODAL;
    } else if (k == K_WORD && want_base) {
      g->head = j, want_base = false;
    } else {
      break;
    }
  }
  while (j > g->head + 1 && S_kind(c, j - 1) == K_ADV) j--; /* "said again" keeps its adverb out */
  g->g1 = g->head + 1;
  return g->g1;
}

static void S_groups(S_cl *c) {
  for (uint32_t i = c->s0; i < c->s1 && c->ng < DS_TL_MAX_GROUPS;) {
    if (S_finite(c, i)) i = S_group_at(c, i);
    else i++;
  }
}

static bool S_is_function(uint8_t k) { return k == K_PREP || k == K_DET || k == K_CONJ || k == K_SUB; }

static bool S_lowers(const S_cl *c, uint32_t i) {
  uint8_t k = S_kind(c, i);
  if (k == K_WORD) { /* a capital mid-sentence, after a dateline's dash */
    const char *v = ds_lexicon_lookup(c->words, S_text(c, i), S_len(c, i));
    return v && strchr("SPDCR", *v);
  }
  return S_is_function(k) || k == K_ADV;
}

static void S_add(S_cl *c, uint32_t from, uint32_t to) {
  for (uint32_t i = from; i < to && c->out->n < DS_TL_LABEL_TOKENS; i++) {
    uint8_t k = S_kind(c, i);
    if (k == K_SKIP || k == K_TIME || k == K_STOP) continue;
    /* "on" of "on October 23" goes with its date */
    if (k == K_PREP && S_kind(c, S_next(c, i + 1, M(K_SKIP))) == K_TIME) continue;
    /* a function word that opened its sentence: "said about 1,200", not "said About" */
    if (c->out->n && (S_tok(c, i)->flags & (DS_TF_CAP | DS_TF_UPPER)) == DS_TF_CAP && S_lowers(c, i))
      c->out->lower |= 1ull << c->out->n;
    c->out->tok[c->out->n++] = i;
  }
}


static uint32_t S_words(const S_cl *c, uint32_t from, uint32_t to) {
  uint32_t n = 0;
  for (uint32_t i = from; i < to; i++) {
    uint8_t k = S_kind(c, i);
    n += k != K_SKIP && k != K_TIME && k != K_STOP;
  }
  return n;
}

/* Whether the subject walk takes token p, given the token left of it: nouns,
 * numbers, determiners and the prepositions inside a noun phrase ("the presence of
 * troops in Russia"); an -ed or -ing word or an adverb after "the" ("the first", "a
 * respected think tank"); "roughly" before a number. */
static bool S_take(const S_cl *c, uint32_t p, uint32_t words, uint32_t lo) {
  uint8_t k = S_kind(c, p), left = S_kind(c, S_prev(c, p, M(K_SKIP)));
  switch (k) {
  case K_WORD: /* "to implement a treaty": a verb after "to" */
    return !(S_is(c, S_prev(c, p, 0), "to") && !(S_tok(c, p)->flags & DS_TF_CAP) && S_kind(c, p + 1) == K_DET);
  case K_NUM: case K_DET: case K_PREP: case K_ATTR: case K_PRON: return true;
  case K_CONJ: return S_is(c, p, "and") || S_is(c, p, "or");
  case K_ADV: return left == K_DET || (words && S_kind(c, lo) == K_NUM);
  case K_ED: case K_PART: case K_ING: return words && (left == K_DET || (k == K_ING && S_is(c, S_prev(c, p, 0), "of")));
  default: return false;
  }
}

/* A relative clause inside the subject ("the treaty that made it possible was
 * rushed"): the verb the walk stopped at follows "that", "which" or "who" after a
 * noun; returns that pronoun, or UINT32_MAX. */
static uint32_t S_relative(const S_cl *c, uint32_t stop) {
  uint8_t k = S_kind(c, stop);
  if (k != K_VERB && k != K_ED && k != K_AUX && k != K_MODAL && k != K_PRES) return UINT32_MAX;
  uint32_t p = S_prev(c, stop, M(K_ADV) | M(K_SKIP));
  if (p == UINT32_MAX || S_kind(c, p) != K_SUB || !(S_is(c, p, "that") || S_is(c, p, "which") || S_is(c, p, "who")))
    return UINT32_MAX;
  uint32_t q = S_prev(c, p, M(K_SKIP));
  return q != UINT32_MAX && S_kind(c, q) == K_WORD ? p : UINT32_MAX;
}

static void S_subject(const S_cl *c, uint32_t g0, uint32_t *lo, uint32_t *hi, bool rel);

/* A pronoun that is the subject of the verb after it and stands for the noun before
 * it: "who", "which", and "that" after a noun ("the forces that seized the town"; a
 * "that" after a verb opens reported content instead). */
static bool S_relative_subject(const S_cl *c, uint32_t p) {
  if (S_is(c, p, "who") || S_is(c, p, "which")) return true;
  return S_is(c, p, "that") && S_kind(c, S_prev(c, p, M(K_SKIP))) == K_WORD;
}

/* The subject of the clause whose relative pronoun is at p: the noun phrase before it.
 * A "that" follows its noun directly, so only the noun and its modifiers are taken:
 * "Ukrainian forces" of "an effort to dislodge Ukrainian forces that seized". */
static void S_antecedent(const S_cl *c, uint32_t p, uint32_t *lo, uint32_t *hi) {
  uint32_t q = p > c->s0 && *S_text(c, p - 1) == ',' ? p - 1 : p;
  if (!S_is(c, p, "that")) return S_subject(c, q, lo, hi, true);
  uint32_t i = p, words = 0;
  for (; i > c->s0 && words < DS_TL_SUBJ_WORDS; i--) {
    uint8_t k = S_kind(c, i - 1);
    if (k != K_WORD && k != K_DET && k != K_NUM && k != K_ATTR && k != K_SKIP) break;
    bool lower = !(S_tok(c, i - 1)->flags & DS_TF_CAP);
    if (k == K_WORD && lower && i - 1 > c->s0 && S_is(c, i - 2, "to")) break; /* "to dislodge" */
    words += k != K_SKIP;
  }
  *lo = i, *hi = p;
}

/* Walks back from verb group g0 to where its subject starts; [*lo, *hi) is the
 * subject, empty when none. Across an appositive ("X, the lower house of
 * parliament, approved"), back through a relative pronoun ("X, who visited") and
 * over a relative clause inside the subject. A walk that finds no start keeps the
 * last DS_TL_SUBJ_WORDS words. */
static void S_subject(const S_cl *c, uint32_t g0, uint32_t *lo, uint32_t *hi, bool rel) {
  uint32_t i = g0, words = 0;
  *lo = *hi = g0;
  while (i > c->s0) {
    uint32_t p = i - 1;
    uint8_t k = S_kind(c, p);
    if (k == K_SKIP) { i = p; continue; }
    if (!words && (k == K_TIME || k == K_ADV || (k == K_PREP && S_kind(c, S_next(c, p + 1, M(K_SKIP))) == K_TIME))) {
      i = *hi = p;
      continue;
    }
    if (!words && k == K_STOP && *S_text(c, p) == ',') {
      uint32_t j = p, lim = p > c->s0 + DS_TL_APPOS_TOKENS ? p - DS_TL_APPOS_TOKENS : c->s0;
      while (j > lim && !(S_kind(c, j - 1) == K_STOP && *S_text(c, j - 1) == ',')) j--;
      if (j <= lim) break;
      i = *hi = j - 1;
      continue;
    }
    if (!words && !rel && S_relative_subject(c, p)) return S_antecedent(c, p, lo, hi);
    if (words >= DS_TL_SUBJ_SCAN) {
      uint32_t n = 0, j = *hi;
      while (j > *lo && n < DS_TL_SUBJ_TAIL) n += S_kind(c, --j) != K_SKIP;
      *lo = j;
      return;
    }
    if (!S_take(c, p, words, *lo)) {
      uint32_t r = rel ? UINT32_MAX : S_relative(c, p);
      if (r != UINT32_MAX) return S_antecedent(c, r, lo, hi);
      break;
    }
    if (!words) *hi = p + 1;
    *lo = p, i = p, words++;
    if (k == K_PRON && words == 1) break; /* "it" is a whole subject */
  }
  if (!words) *lo = *hi = g0;
}

/* Drops leading prepositions and conjunctions (not "at least 3,000", "about 1,200");
 * a subject longer than DS_TL_SUBJ_WORDS is cut at its first preposition, which
 * keeps its head ("troops" of "troops with uniforms"). */
static uint32_t S_cut_subject(const S_cl *c, uint32_t *plo, uint32_t hi) {
  uint32_t lo = *plo;
  for (; lo < hi; lo++) {
    uint8_t k = S_kind(c, lo);
    if (k == K_SKIP || k == K_SUB || k == K_CONJ) continue;
    uint32_t n1 = S_next(c, lo + 1, M(K_SKIP)), n2 = S_next(c, n1 + 1, M(K_SKIP));
    if (k != K_PREP || S_kind(c, n1) == K_NUM || (n2 < hi && S_kind(c, n2) == K_NUM)) break;
  }
  *plo = lo;
  if (S_words(c, lo, hi) <= DS_TL_SUBJ_HEAD) return hi;
  for (uint32_t i = lo + 2; i < hi; i++)
    if (S_kind(c, i) == K_PREP) return i;
  uint32_t n = 0, i = lo;
  for (; i < hi && n < DS_TL_SUBJ_WORDS; i++) n += S_kind(c, i) != K_SKIP;
  return i;
}

static bool S_quantity(const S_cl *c, uint32_t i) {
  const char *v = ds_lexicon_lookup(c->words, S_text(c, i), S_len(c, i));
  return v && *v == 'Q';
}

/* "as many as 10,000": not a clause */
static bool S_as_many(const S_cl *c, uint32_t i) {
  return S_is(c, i, "as") && (S_quantity(c, S_next(c, i + 1, M(K_SKIP))) || (i > c->s0 && S_quantity(c, i - 1)));
}

/* The phrase after a verb group: up to the clause's end, a subordinate clause, or
 * "and" with a verb of its own; the time expression left out. A phrase cut at
 * DS_TL_OBJ_WORDS in the middle of a name runs on to the name's end ("at least
 * 3,000 North Korean soldiers"). */
static uint32_t S_object(const S_cl *c, uint32_t g1) {
  uint32_t i = g1, words = 0, last = g1;
  for (; i < c->s1 && words < DS_TL_OBJ_WORDS + DS_TL_OBJ_RUNON; i++) {
    uint8_t k = S_kind(c, i);
    if (k == K_SKIP || k == K_TIME) continue;
    if (k == K_PREP && S_kind(c, S_next(c, i + 1, M(K_SKIP))) == K_TIME) continue;
    if (words >= DS_TL_OBJ_WORDS && k != K_WORD) break;
    if (k == K_STOP) break;
    if (k == K_SUB && (words || !S_is(c, i, "that")) && !S_as_many(c, i)) break;
    if (k == K_CONJ && S_finite(c, S_next(c, i + 1, M(K_ADV) | M(K_SKIP)))) break;
    words++;
    if (!S_is_function(k) && k != K_ADV && k != K_ING) last = i + 1;
  }
  return last;
}

static bool S_attribution(const S_cl *c, uint32_t lo, uint32_t hi, const S_group *g) {
  if (hi <= lo || S_kind(c, hi - 1) != K_ATTR) return false;
  return ds_lexicon_lookup(c->cues, S_text(c, g->head), S_len(c, g->head)) != NULL;
}

static bool S_cue(const S_cl *c, const S_group *g) {
  const char *v = ds_lexicon_lookup(c->cues, S_text(c, g->head), S_len(c, g->head));
  return v && strcmp(v, "according to");
}

/* Writes subject, verb group and object of group g into the label. */
static void S_clause_label(S_cl *c, const S_group *g, bool content) {
  uint32_t lo, hi;
  S_subject(c, g->g0, &lo, &hi, false);
  if (hi == lo + 1 && S_kind(c, lo) == K_PRON && g > c->g && S_cue(c, g - 1) && lo <= g[-1].g1 + 1) {
    S_clause_label(c, g - 1, content); /* "the agency said it had tracked": name the agency */
    return;
  }
  uint32_t cut = S_cut_subject(c, &lo, hi), obj = S_object(c, g->g1);
  if (S_attribution(c, lo, hi, g) && obj > g->g1) { /* "officials said": the content is the event */
    uint32_t from = S_next(c, g->g1, M(K_SKIP) | M(K_TIME) | M(K_PREP));
    if (S_is(c, from, "that")) from++;
    else from = g->g1;
    S_add(c, from, obj);
    c->out->has_verb = true;
    return;
  }
  S_add(c, lo, cut);
  S_add(c, g->g0, g->g1);
  c->out->has_verb = true;
  c->out->has_subject = hi > lo;
  c->out->has_object = obj > g->g1;
  if (obj > g->g1 || !content) {
    S_add(c, g->g1, obj);
    return;
  }
  /* "..., the agency said on Monday": what it said is the first clause */
  if (S_cue(c, g) && c->ng && c->g[0].g1 <= lo) S_clause_label(c, &c->g[0], false);
}

/* "the June 18 defence pact": a date inside a noun phrase names the thing itself. */
static bool S_nominal(S_cl *c, uint32_t t0, uint32_t t1) {
  uint32_t p = S_prev(c, t0, M(K_SKIP));
  if (p == UINT32_MAX || S_kind(c, p) != K_DET) return false;
  uint32_t i = t1, n = 0;
  while (i < c->s1 && n < DS_TL_SUBJ_WORDS && (S_kind(c, i) == K_WORD || S_kind(c, i) == K_SKIP)) n += S_kind(c, i++) == K_WORD;
  if (n < 2) return false;
  S_add(c, t1, i);
  return true;
}

/* "RADAN, March 10 (CPA) -": a dateline dates the report, not an event. */
static bool S_dateline(const S_cl *c, uint32_t t0, uint32_t t1) {
  if (S_tok(c, c->s0)->start > 0 && !(S_tok(c, c->s0)->flags & DS_TF_PARA_START)) return false;
  if (t0 - c->s0 > DS_TL_DATELINE_TOKENS) return false;
  for (uint32_t i = c->s0; i < t0; i++)
    if (!(S_tok(c, i)->flags & DS_TF_CAP) && *S_text(c, i) != ',') return false;
  for (uint32_t i = t1; i < c->s1 && i < t1 + DS_TL_DATELINE_TOKENS; i++) {
    const char *p = S_text(c, i);
    if (S_tok(c, i)->kind == DS_TOK_PUNCT && (*p == '-' || S_punct_kind(c, i) == K_STOP) && *p != ',' &&
        *p != '(' && *p != '.')
      return true;
  }
  return false;
}

/* The verb group the time expression at [t0, t1) dates: the nearest one before it in
 * its segment [seg0, seg1), else the first after it; a segment without a verb at the
 * start of the sentence ("On Friday, ...") dates the main clause after it. NULL when
 * none. */
static const S_group *S_anchor(const S_cl *c, uint32_t t0, uint32_t t1, uint32_t seg0, uint32_t seg1) {
  const S_group *before = NULL, *after = NULL, *next = NULL;
  for (uint32_t i = 0; i < c->ng; i++) {
    const S_group *g = &c->g[i];
    if (g->g1 <= t0 && g->g0 >= seg0) before = g;
    if (g->g0 >= t1 && g->g1 <= seg1 && !after) after = g;
    if (g->g0 >= seg1 && !next) next = g;
  }
  if (before || after) return before ? before : after;
  return seg0 == c->s0 ? next : NULL;
}

/* A segment without a verb (", triggered by the invasion in February,"): its words
 * before the date, the last DS_TL_SUBJ_WORDS of them. */
static void S_phrase(S_cl *c, uint32_t seg0, uint32_t t0) {
  uint32_t from = t0, n = 0;
  while (from > seg0 && n < DS_TL_SUBJ_WORDS) n += S_kind(c, --from) != K_SKIP;
  while (from < t0 && (S_is_function(S_kind(c, from)) || S_kind(c, from) == K_SKIP)) from++;
  S_add(c, from, t0);
  while (c->out->n && S_is_function(S_kind(c, c->out->tok[c->out->n - 1]))) c->out->n--;
}

bool ds_tl_label_of(const ds_article *a, const ds_time *tm, ds_tl_label *out, ds_tl_scratch *x) {
  if (tm->sentence >= a->sentences.len) return false;
  const ds_sentence *s = &a->sentences.items[tm->sentence];
  S_cl c;
  c.a = a, c.s0 = s->tok_start, c.out = out, c.k = x->k, c.g = x->g;
  c.s1 = s->tok_end - s->tok_start > DS_MAX_SENTENCE_TOKENS ? s->tok_start + DS_MAX_SENTENCE_TOKENS : s->tok_end;
  if (!x->words) x->words = ds_lexicon("tl_words"), x->cues = ds_lexicon("cue_verbs");
  c.words = x->words, c.cues = x->cues;
  memset(out, 0, sizeof *out);
  bool fresh = x->a != a || x->sentence != tm->sentence;
  c.ng = fresh ? 0 : x->ng;
  if (fresh) {
    S_classify(&c, tm);
    S_groups(&c);
    x->a = a, x->sentence = tm->sentence, x->ng = c.ng;
  }
  uint32_t t0 = c.s0, t1;
  while (t0 < c.s1 && S_tok(&c, t0)->end <= tm->start) t0++;
  for (t1 = t0; t1 < c.s1 && S_tok(&c, t1)->start < tm->end;) t1++;
  if (t0 >= c.s1) return false;
  if (S_dateline(&c, t0, t1)) return !(out->dateline = true);
  if (S_nominal(&c, t0, t1)) return true;
  uint32_t seg0 = t0, seg1 = t1;
  while (seg0 > c.s0 && S_kind(&c, seg0 - 1) != K_STOP) seg0--;
  while (seg1 < c.s1 && S_kind(&c, seg1) != K_STOP) seg1++;
  const S_group *g = S_anchor(&c, t0, t1, seg0, seg1);
  if (!g) S_phrase(&c, seg0, t0);
  if (!g && out->n < 2) { /* ", on March 12, the ministry said": the clause after it */
    out->n = 0;
    for (uint32_t i = 0; i < c.ng && !g; i++)
      if (c.g[i].g0 >= seg1) g = &c.g[i];
  }
  if (g) S_clause_label(&c, g, true);
  return out->n >= 2;
}
