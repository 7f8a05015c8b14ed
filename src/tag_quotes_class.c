/* Per-token word classes of the quotation tagger. The speaker and cue searches ask
 * the same questions of the same tokens many times ("is it a role noun?", "a cue
 * verb?", "inside a time?"); one pass over the tokens answers them (a time: on first
 * use) and keeps the answers as bits in the context, so later questions cost an
 * array read. Every word list asked of single tokens is merged into one table,
 * built once, so a token is looked up once and its entry answers all of them;
 * read-only once built, threads share it without locks, as the lexicon's own lists. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "tag_quotes_internal.h"
#include "util/lexicon.h"

/* The class names of data/quote_function_words.txt and their bits. */
static const struct {
  const char *name;
  uint32_t bit;
} S_classes[] = {
    {"connector", QC_CONNECTOR}, {"inner", QC_INNER}, {"be", QC_BE},
    {"timeprep", QC_TIMEPREP},   {"lead", QC_LEAD}, {"article", QC_ARTICLE}, {"conj", QC_CONJ},
    {"compound", QC_COMPOUND},
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
enum {
  QL_FUNCTION = sizeof S_lists / sizeof *S_lists,
  QL_PRONOUNS,
  QL_SPEAKERS,
  QL_TITLES,
  QL_CUES,
  QL_WEAK,
  QL_NOUNS,
  QL_TIME_WORDS,
  QL_QUANTITIES,
  QL_N
};
static const char *const S_other[] = {
    "quote_function_words", "quote_pronouns", "quote_speaker_nouns",
    "ent_titles",           "cue_verbs",      "quote_weak_cues",
    "quote_noun_cues",      "time_words",     "quote_quantities"};
_Static_assert(QL_FUNCTION + sizeof S_other / sizeof *S_other == QL_N,
               "S_other names the lists after S_lists");

static const ds_map *S_list[QL_N];
static ds_map S_words; /* lower-case word -> qt_word: every word, for the long ones */
static pthread_once_t S_once = PTHREAD_ONCE_INIT;

static const char *S_get(int k, const char *low, size_t n) {
  return ds_lexicon_lookup(S_list[k], low, n);
}

static uint32_t S_word_bits(const char *low, size_t n) {
  uint32_t bits = 0;
  for (int k = 0; k < QL_FUNCTION; k++)
    if (S_get(k, low, n)) bits |= S_lists[k].bit;
  const char *v = S_get(QL_FUNCTION, low, n);
  if (v) bits |= S_function_bits(v);
  if ((v = S_get(QL_PRONOUNS, low, n)))
    bits |= QC_PRONOUN | (strcmp(v, "org") == 0 ? QC_PRON_ORG : 0);
  if ((v = S_get(QL_SPEAKERS, low, n))) {
    bits |= QC_ROLE;
    if (strcmp(v, "mod") == 0) bits |= QC_SPN_MOD;
    else if (strcmp(v, "doc") == 0) bits |= QC_SPN_DOC;
    else bits |= QC_SPN_SPEAKER;
  } else if ((v = S_get(QL_TITLES, low, n)) && v[0] == 'h') /* as ds_entity_is_title_word */
    bits |= QC_ROLE;
  return bits;
}

static void S_add_word(const char *low, size_t n) {
  bool fresh;
  ds_map_slot *s = ds_map_upsert(&S_words, low, n, &fresh);
  if (!fresh) return;
  qt_word *w = ds_arena_alloc(&S_words.keys, sizeof *w);
  w->bits = S_word_bits(low, n);
  w->cue = S_get(QL_CUES, low, n);
  w->weak = S_get(QL_WEAK, low, n);
  w->noun = S_get(QL_NOUNS, low, n);
  w->time_word = S_get(QL_TIME_WORDS, low, n) != NULL;
  w->quantity = S_get(QL_QUANTITIES, low, n) != NULL;
  s->value = (uint64_t)(uintptr_t)w;
}

/* Nearly every word fits QT_SHORT_KEY bytes: lower-cased and packed with its length in
 * two 64-bit words, it is found by comparing those two words, with no string hashing. */
#define QT_SHORT_KEY 15
typedef struct {
  uint64_t k[2];
  const qt_word *w; /* NULL: an empty slot */
} S_slot;
static S_slot *S_short; /* open addressing, at most a quarter full */
static uint32_t S_short_log2;
static ds_map S_lemmas; /* cue lemma -> QT_CUE_* of the lists naming it */

/* The bytes of a key's two words that an n-byte word fills (little-endian). */
#define QT_KEEP(n) /* (n & 7): no branch shifts by 64 or less than 0 */ \
  { (n) >= 8 ? ~0ull : (1ull << (8 * ((n) & 7))) - 1, (n) <= 8 ? 0 : (1ull << (8 * ((n) & 7))) - 1 }
static const uint64_t S_keep[QT_SHORT_KEY + 1][2] = {
    QT_KEEP(0),  QT_KEEP(1),  QT_KEEP(2),  QT_KEEP(3),  QT_KEEP(4),  QT_KEEP(5),
    QT_KEEP(6),  QT_KEEP(7),  QT_KEEP(8),  QT_KEEP(9),  QT_KEEP(10), QT_KEEP(11),
    QT_KEEP(12), QT_KEEP(13), QT_KEEP(14), QT_KEEP(15)};

/* Packs the n (<= QT_SHORT_KEY) bytes at s into k; wide: 16 bytes may be read at s. */
static inline void S_pack(const char *s, size_t n, bool wide, uint64_t k[2]) {
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (wide) { /* two loads, the bytes past the word masked off */
    memcpy(k, s, 16);
    k[0] &= S_keep[n][0];
    k[1] &= S_keep[n][1];
  } else
#endif
  {
    (void)wide;
    k[0] = k[1] = 0;
    for (size_t i = 0; i < n; i++) k[i >> 3] |= (uint64_t)(unsigned char)s[i] << (8 * (i & 7));
  }
  k[0] = ds_lower8(k[0]);
  k[1] = (n > 8 ? ds_lower8(k[1]) : 0) | (uint64_t)n << 56; /* byte 15 is free: n <= 15 */
}

static inline size_t S_slot_of(const uint64_t k[2]) {
  uint64_t h = (k[0] ^ (k[1] * 0x9E3779B97F4A7C15ull)) * 0xC2B2AE3D27D4EB4Full;
  return (size_t)(h >> (64 - S_short_log2));
}

static void S_build_short(void) {
  S_short_log2 = 6;
  while (((size_t)1 << S_short_log2) < S_words.len * 4)
    S_short_log2++; /* load <= 1/4: short probes */
  size_t mask = ((size_t)1 << S_short_log2) - 1;
  S_short = calloc(mask + 1, sizeof *S_short);
  if (!S_short) abort();
  for (size_t i = 0; i < S_words.cap; i++) {
    const ds_map_slot *s = &S_words.slots[i];
    if (!s->key || s->klen > QT_SHORT_KEY || !s->klen) continue;
    uint64_t k[2];
    S_pack(s->key, s->klen, false, k);
    size_t j = S_slot_of(k);
    while (S_short[j].w) j = (j + 1) & mask;
    S_short[j] = (S_slot){{k[0], k[1]}, (const qt_word *)(uintptr_t)s->value};
  }
}

/* The lists of cue lemmas, by their flags. */
static const struct {
  const char *list;
  unsigned flag;
} S_lemma_lists[] = {{"quote_tell_verbs", QT_CUE_TELL},
                     {"quote_that_cues", QT_CUE_THAT},
                     {"quote_object_cues", QT_CUE_OBJECT}};

static void S_build_lemmas(void) {
  ds_map_init(&S_lemmas);
  for (size_t k = 0; k < sizeof S_lemma_lists / sizeof *S_lemma_lists; k++) {
    const ds_map *l = ds_lexicon(S_lemma_lists[k].list);
    for (size_t i = 0; i < l->cap; i++) {
      if (!l->slots[i].key) continue;
      ds_map_upsert(&S_lemmas, l->slots[i].key, l->slots[i].klen, NULL)->value |=
          S_lemma_lists[k].flag;
    }
  }
}

/* Words that may be a cue or "that" (what qt_classify must know of every token), by
 * the low five bits (the same for both cases of a letter) of their first and last
 * bytes, then of their second and last but one, and their length: most words fail
 * this test and are never looked up. */
static uint64_t S_cue_filter[2][32][32];

static inline uint64_t *S_filter_bits(int k, const char *w, size_t n) {
  size_t in = k && n > 1; /* the second pair is the first for one byte */
  return &S_cue_filter[k][w[in] & 31][w[n - 1 - in] & 31];
}

static inline bool S_filter_has(const char *w, size_t n) {
  uint64_t len = 1ull << (n < 63 ? n : 63);
  return (*S_filter_bits(0, w, n) & len) && (*S_filter_bits(1, w, n) & len);
}

static void S_filter_add(const char *w, size_t n) {
  if (!n) return;
  for (int k = 0; k < 2; k++) *S_filter_bits(k, w, n) |= 1ull << (n < 63 ? n : 63);
}

static void S_build_filter(void) {
  static const char *const fixed[] = {"according", "put", "puts", "said", "that"}; /* S_cue_of */
  for (size_t k = 0; k < sizeof fixed / sizeof *fixed; k++) S_filter_add(fixed[k], strlen(fixed[k]));
  for (size_t i = 0; i < S_words.cap; i++) {
    const ds_map_slot *s = &S_words.slots[i];
    if (s->key && ((const qt_word *)(uintptr_t)s->value)->cue) S_filter_add(s->key, s->klen);
  }
}

static void S_build(void) {
  for (int k = 0; k < QL_N; k++)
    S_list[k] = ds_lexicon(k < QL_FUNCTION ? S_lists[k].list : S_other[k - QL_FUNCTION]);
  ds_map_init(&S_words);
  for (int k = 0; k < QL_N; k++) {
    /* tokens this long are looked up in no list (S_lookup), so no key may be */
    if (S_list[k]->max_klen >= QT_MAX_KEY) abort();
    for (size_t i = 0; i < S_list[k]->cap; i++)
      if (S_list[k]->slots[i].key) S_add_word(S_list[k]->slots[i].key, S_list[k]->slots[i].klen);
  }
  S_build_short();
  S_build_lemmas();
  S_build_filter();
}

void qt_words_init(void) { pthread_once(&S_once, S_build); }

/* The slot of s (any case) in m, whose keys are lower case, or NULL: the map's
 * filter first, so most absent keys are never hashed. */
static const ds_map_slot *S_get_lower(const ds_map *m, const char *s, size_t n) {
  if (!n || !m->cap || n > m->max_klen) return NULL;
  uint32_t b0 = (unsigned char)s[0], last = (unsigned char)s[n - 1];
  b0 += b0 >= 'A' && b0 <= 'Z' ? 32 : 0;
  last += last >= 'A' && last <= 'Z' ? 32 : 0;
  uint32_t bit = ds_map_sketch(b0, last, n) >> (32 - m->filter_log2);
  if (!((m->filter[bit >> 6] >> (bit & 63)) & 1)) return NULL;
  return ds_map_get_lower(m, s, n, ds_hash_lower(s, n));
}

/* Slots of the per-thread cache of lemma flags: a few dozen lemmas are asked about. */
#define QT_LEMMA_CACHE 256
/* Lemmas are the lists' values or string constants, fixed for the run: their flags
 * are cached by address, so most questions cost no hashing. */
static _Thread_local struct {
  const char *cue;
  unsigned flags;
} S_lemma_cache[QT_LEMMA_CACHE];

static unsigned S_lemma_flags(const char *cue) {
  const ds_map_slot *s = S_get_lower(&S_lemmas, cue, strlen(cue));
  return s ? (unsigned)s->value : 0;
}

bool qt_cue_in(const char *cue, unsigned flag) {
  uintptr_t h = (uintptr_t)cue;
  size_t j = (size_t)((h ^ (h >> 9)) >> 3) & (QT_LEMMA_CACHE - 1);
  if (S_lemma_cache[j].cue != cue) {
    S_lemma_cache[j].flags = S_lemma_flags(cue);
    S_lemma_cache[j].cue = cue;
  }
  return (S_lemma_cache[j].flags & flag) != 0;
}

/* A word longer than QT_SHORT_KEY. */
static const qt_word *S_long(const char *s, size_t n) {
  const ds_map_slot *sl = S_get_lower(&S_words, s, n);
  return sl ? (const qt_word *)(uintptr_t)sl->value : NULL;
}

/* The entry of the n-byte word at byte start of the body (any case), or NULL. */
static inline const qt_word *S_lookup(const ds_article *a, uint32_t start, size_t n) {
  const char *s = a->body + start;
  if (n >= QT_MAX_KEY) return NULL;
  if (n > QT_SHORT_KEY) return S_long(s, n);
  uint64_t k[2];
  S_pack(s, n, (size_t)start + 16 <= a->body_len, k);
  size_t mask = ((size_t)1 << S_short_log2) - 1;
  for (size_t j = S_slot_of(k);; j = (j + 1) & mask) {
    if (!S_short[j].w) return NULL;
    if (S_short[j].k[0] == k[0] && S_short[j].k[1] == k[1]) return S_short[j].w;
  }
}

static uint32_t S_class_of(const qt_ctx *q, uint32_t i) {
  uint32_t bits = 0;
  const ds_token *t = &q->t[i];
  const char *s = q->a->body + t->start;
  size_t n = t->end - t->start;
  q->word[i] = NULL; /* the array is not zeroed */
  if (t->kind == DS_TOK_WORD) {
    bits |= QC_WORD;
    if (s[0] >= 'a' && s[0] <= 'z') bits |= QC_LOWER;
    q->word[i] = S_lookup(q->a, t->start, n);
    if (q->word[i]) bits |= q->word[i]->bits;
  } else if (t->kind == DS_TOK_PUNCT && n == 1 && (s[0] == '.' || s[0] == '!' || s[0] == '?' || s[0] == ';')) {
    /* "(D-Wis.)", "McConnell, R-Ky., said": a period closing an abbreviation before
     * a bracket or comma ends nothing */
    bool inner = s[0] == '.' && i + 1 < q->nt &&
                 ((q->t[i + 1].kind == DS_TOK_PUNCT && strchr("),", q->a->body[q->t[i + 1].start])) ||
                  /* "N.Y.": a period glued to the next word */
                  (q->t[i + 1].kind == DS_TOK_WORD && !(q->t[i + 1].flags & (DS_TF_SPACE_BEFORE | DS_TF_PARA_START))));
    if (!inner) bits |= QC_STOP;
  }
  return bits;
}

/* A capitalised word inside the headline, not its first ("Roe Says …"). */
static bool S_title_word(const qt_ctx *q, uint32_t i) {
  return i < q->title_end && i > 0 && (q->t[i].flags & DS_TF_CAP) && !(q->t[i].flags & DS_TF_SENT_START);
}

const char *qt_cue_fixed(uint32_t k) {
  return k == QT_CUE_ACCORDING ? "according to" : k == QT_CUE_PUT ? "put it" : "say";
}

/* Where the cue lemma of word i is (QT_CUE_*); word[i] is filled. */
static uint32_t S_cue_of(const qt_ctx *q, uint32_t i) {
  uint32_t n = q->t[i].end - q->t[i].start;
  if (n == 9 && qt_is(q, i, "according"))
    return qt_is(q, i + 1, "to") ? QT_CUE_ACCORDING : QT_CUE_NONE;
  if ((n == 3 && qt_is(q, i, "put")) || (n == 4 && qt_is(q, i, "puts"))) /* "as X put it," */
    return qt_is(q, i + 1, "it") ? QT_CUE_PUT : QT_CUE_NONE;
  if (n == 4 && (q->t[i].flags & DS_TF_SENT_START) && qt_is(q, i, "said") && qt_is_word(q, i + 1) &&
      (q->t[i + 1].flags & DS_TF_CAP))
    return QT_CUE_SAY; /* "Said Ellis: “…”" */
  /* "States" in "the United States" is no cue, nor "states" in "the states"; but a
   * headline is in title case ("Mayor Says Pier Will Reopen") */
  if (q->word[i] && q->word[i]->cue && (qt_is_lower_word(q, i) || S_title_word(q, i)) &&
      !(i > 0 && qt_has(q, i - 1, QC_ARTICLE)) && !qt_has(q, i + 1, QC_COMPOUND))
    return QT_CUE_WORD; /* "a military think tank, also reported": "think" is no verb */
  return QT_CUE_NONE;
}

uint32_t qt_fill(const qt_ctx *q, uint32_t i) {
  uint32_t c = S_class_of(q, i) | QC_DONE;
  q->cls[i] = c;
  return c;
}

void qt_classify(qt_ctx *q) {
  ds_arena *ar = &q->a->arena;
  const ds_token *t = q->t; /* locals: the stores below could alias q's fields */
  const char *body = q->a->body;
  for (uint32_t i = 0, nt = q->nt; i < nt; i++) {
    uint32_t kind = t[i].kind, n = t[i].end - t[i].start;
    bool start = t[i].flags & DS_TF_PARA_START;
    if (kind == DS_TOK_WORD) {
      if (n && S_filter_has(body + t[i].start, n)) { /* "that" is a word too */
        qt_fill(q, i);
        uint32_t cue = S_cue_of(q, i);
        q->cls[i] |= cue << QC_CUE_SHIFT;
        start = start || cue || (i > 0 && qt_is_that(q, i));
      }
    } else if (kind == DS_TOK_QUOTE && qt_may_open(q, i))
      *DS_PUSH(ar, &q->marks) = i;
    if (start) *DS_PUSH(ar, &q->starts) = i;
  }
}

/* The first token from lo on that starts at or after byte pos. */
static uint32_t S_token_at(const qt_ctx *q, uint32_t lo, uint32_t pos) {
  uint32_t hi = q->nt;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (q->t[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* A token is in the first time ending after its start when that time starts at or
 * before it: so time k holds the tokens starting in [max(end of time k-1, its start),
 * its end). The times come in text order, so one walk marks them all, and the
 * searches ask a bit instead of searching the times for every token they look at. */
void qt_time_index(qt_ctx *q) {
  const ds_article *a = q->a;
  q->in_time = DS_NEW(&q->a->arena, uint64_t, (q->nt + 63) / 64);
  uint32_t i = 0, prev_end = 0;
  for (size_t k = 0; k < a->times.len; k++) {
    const ds_time *t = &a->times.items[k];
    i = S_token_at(q, i, t->start > prev_end ? t->start : prev_end);
    for (; i < q->nt && q->t[i].start < t->end; i++) q->in_time[i >> 6] |= 1ull << (i & 63);
    prev_end = t->end;
  }
}
