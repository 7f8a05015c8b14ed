/* Per-token word classes of the quotation tagger. The speaker and cue searches ask
 * the same questions of the same tokens many times ("is it a role noun?", "a cue
 * verb?", "inside a time?"); each token's answers are looked up once, on first use,
 * and kept as bits in the context, so later questions cost an array read. */
#include <string.h>
#include <strings.h>

#include "tag_quotes_internal.h"
#include "util/lexicon.h"

/* The class names of data/quote_function_words.txt and their bits. */
static const struct {
  const char *name;
  uint32_t bit;
} S_classes[] = {
    {"connector", QC_CONNECTOR}, {"inner", QC_INNER}, {"be", QC_BE},
    {"timeprep", QC_TIMEPREP},   {"lead", QC_LEAD}, {"article", QC_ARTICLE}, {"conj", QC_CONJ},
};

static uint32_t S_function_bits(const char *v) {
  uint32_t bits = 0;
  while (*v) {
    size_t n = strcspn(v, " ");
    for (size_t k = 0; k < sizeof S_classes / sizeof *S_classes; k++)
      if (strlen(S_classes[k].name) == n && memcmp(S_classes[k].name, v, n) == 0) bits |= S_classes[k].bit;
    v += n;
    v += *v == ' ';
  }
  return bits;
}

/* One lexicon per bit: a token in the list gets the bit. */
static const struct {
  const char *list;
  uint32_t bit;
} S_lists[] = {
    {"quote_skip", QC_SKIP},           {"quote_preps", QC_PREP},
    {"ent_stopcaps", QC_STOPCAPS},     {"quote_objects", QC_OBJECT},
    {"quote_determiners", QC_DET},     {"quote_name_words", QC_NAME_WORD},
    {"quote_content_breaks", QC_BREAK},
};
enum { QL_FUNCTION = sizeof S_lists / sizeof *S_lists, QL_PRONOUNS, QL_SPEAKERS, QL_TITLES, QL_CUES };
_Static_assert(QL_CUES + 1 == QT_N_LISTS, "QT_N_LISTS counts the lists above");

void qt_class_init(qt_ctx *q) {
  for (size_t k = 0; k < QL_FUNCTION; k++) q->lists[k] = ds_lexicon(S_lists[k].list);
  q->lists[QL_FUNCTION] = ds_lexicon("quote_function_words");
  q->lists[QL_PRONOUNS] = ds_lexicon("quote_pronouns");
  q->lists[QL_SPEAKERS] = ds_lexicon("quote_speaker_nouns");
  q->lists[QL_TITLES] = ds_lexicon("ent_titles");
  q->lists[QL_CUES] = ds_lexicon("cue_verbs");
}

/* The value of the lower-cased key (hashed once by the caller) in list k, or NULL. */
static const char *S_get(const qt_ctx *q, int k, const char *low, size_t n, uint64_t h) {
  if (!ds_map_may_have(q->lists[k], low, n)) return NULL;
  const ds_map_slot *s = ds_map_get_hashed(q->lists[k], low, n, h);
  return s ? (const char *)(uintptr_t)s->value : NULL;
}

static uint32_t S_word_bits(const qt_ctx *q, const char *low, size_t n) {
  uint32_t bits = 0;
  uint64_t h = ds_hash_bytes(low, n);
  for (int k = 0; k < QL_FUNCTION; k++)
    if (S_get(q, k, low, n, h)) bits |= S_lists[k].bit;
  const char *v = S_get(q, QL_FUNCTION, low, n, h);
  if (v) bits |= S_function_bits(v);
  if ((v = S_get(q, QL_PRONOUNS, low, n, h))) bits |= QC_PRONOUN | (strcmp(v, "org") == 0 ? QC_PRON_ORG : 0);
  if ((v = S_get(q, QL_SPEAKERS, low, n, h))) {
    bits |= QC_ROLE;
    if (strcmp(v, "mod") == 0) bits |= QC_SPN_MOD;
    else if (strcmp(v, "doc") == 0) bits |= QC_SPN_DOC;
    else bits |= QC_SPN_SPEAKER;
  } else if ((v = S_get(q, QL_TITLES, low, n, h)) && v[0] == 'h') /* as ds_entity_is_title_word */
    bits |= QC_ROLE;
  return bits;
}

/* Lower-cases token i into buf (QT_MAX_KEY bytes); 0 when it is too long for any list. */
static size_t S_lower(const qt_ctx *q, uint32_t i, char *buf) {
  const char *s = q->a->body + q->t[i].start;
  size_t n = q->t[i].end - q->t[i].start;
  if (n >= QT_MAX_KEY) return 0;
  for (size_t k = 0; k < n; k++) buf[k] = (char)(s[k] >= 'A' && s[k] <= 'Z' ? s[k] + 32 : s[k]);
  return n;
}

uint32_t qt_class_of(const qt_ctx *q, uint32_t i) {
  uint32_t bits = QC_DONE;
  const ds_token *t = &q->t[i];
  const char *s = q->a->body + t->start;
  size_t n = t->end - t->start;
  if (t->kind == DS_TOK_WORD) {
    bits |= QC_WORD;
    if (s[0] >= 'a' && s[0] <= 'z') bits |= QC_LOWER;
    char low[QT_MAX_KEY];
    size_t ln = S_lower(q, i, low);
    if (ln) bits |= S_word_bits(q, low, ln);
  } else if (t->kind == DS_TOK_PUNCT && n == 1 && strchr(".!?;", s[0])) {
    /* "(D-Wis.)", "McConnell, R-Ky., said": a period closing an abbreviation before
     * a bracket or comma ends nothing */
    bool inner = s[0] == '.' && i + 1 < q->nt &&
                 ((q->t[i + 1].kind == DS_TOK_PUNCT && strchr("),", q->a->body[q->t[i + 1].start])) ||
                  /* "N.Y.": a period glued to the next word */
                  (q->t[i + 1].kind == DS_TOK_WORD && !(q->t[i + 1].flags & (DS_TF_SPACE_BEFORE | DS_TF_PARA_START))));
    if (!inner) bits |= QC_STOP;
  }
  q->cls[i] |= bits; /* keeps the cue and time bits already there */
  return q->cls[i];
}

/* The cue list's filter asked with the raw lower-case word: its ends are already
 * lower case (the filter looks only at the ends and the length), so most words are
 * turned away before they are copied and hashed. */
static bool S_may_be_cue(const qt_ctx *q, uint32_t i) {
  const char *s = q->a->body + q->t[i].start;
  size_t n = q->t[i].end - q->t[i].start;
  return (s[n - 1] >= 'A' && s[n - 1] <= 'Z') || ds_map_may_have(q->lists[QL_CUES], s, n);
}

/* A capitalised word inside the headline, not its first ("Roe Says …"). */
static bool S_title_word(const qt_ctx *q, uint32_t i) {
  return i < q->title_end && i > 0 && (q->t[i].flags & DS_TF_CAP) && !(q->t[i].flags & DS_TF_SENT_START);
}

const char *qt_cue_of(const qt_ctx *q, uint32_t i) {
  const char *v = NULL;
  if (qt_is(q, i, "according")) v = qt_is(q, i + 1, "to") ? "according to" : NULL;
  else if (qt_is(q, i, "put") || qt_is(q, i, "puts")) /* "as X put it," */
    v = qt_is(q, i + 1, "it") ? "put it" : NULL;
  else if ((q->t[i].flags & DS_TF_SENT_START) && qt_is(q, i, "said") && qt_is_word(q, i + 1) &&
           (q->t[i + 1].flags & DS_TF_CAP))
    v = "say"; /* "Said Ellis: “…”" */
  /* "States" in "the United States" is no cue, nor "states" in "the states"; but a
   * headline is in title case ("Mayor Says Pier Will Reopen") */
  else if ((qt_is_lower_word(q, i) && S_may_be_cue(q, i)) || S_title_word(q, i)) {
    char low[QT_MAX_KEY];
    size_t n = S_lower(q, i, low);
    if (n) v = S_get(q, QL_CUES, low, n, ds_hash_bytes(low, n));
    if (v && i > 0 && qt_has(q, i - 1, QC_ARTICLE)) v = NULL;
  }
  q->cue[i] = v;
  q->cls[i] |= QC_CUE_DONE;
  return v;
}

static bool S_time_search(const qt_ctx *q, uint32_t i) {
  const ds_article *a = q->a;
  uint32_t pos = q->t[i].start;
  size_t lo = 0, hi = a->times.len;
  while (lo < hi) { /* first time ending after pos */
    size_t mid = (lo + hi) / 2;
    if (a->times.items[mid].end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo < a->times.len && a->times.items[lo].start <= pos;
}

bool qt_in_time(const qt_ctx *q, uint32_t i) {
  if (i >= q->nt) return false;
  uint32_t c = qt_cls(q, i);
  if (!(c & QC_TIME_DONE)) {
    c |= QC_TIME_DONE | (S_time_search(q, i) ? QC_TIME : 0);
    q->cls[i] = c;
  }
  return (c & QC_TIME) != 0;
}
