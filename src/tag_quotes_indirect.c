/* Indirect speech: "X said (that) …", "X told reporters …", "…, X said.",
 * "according to X, …" and "…, according to X". The quote's span is the reported
 * content; cue verbs inside direct quotes or already used by one are skipped. */
#include <string.h>

#include "tag_quotes_internal.h"

/* Content shorter than this is a fragment of something else ("he said so"). */
#define QT_MIN_CONTENT_WORDS 2

static uint32_t S_words(const qt_ctx *q, uint32_t s, uint32_t e) {
  uint32_t n = 0;
  for (uint32_t i = s; i < e; i++) n += q->t[i].kind == DS_TOK_WORD || q->t[i].kind == DS_TOK_NUMBER;
  return n;
}

/* Drops closing punctuation and connectives at the ends of a token range. */
static void S_trim(const qt_ctx *q, uint32_t *s, uint32_t *e) {
  while (*s < *e && (qt_is_punct(q, *s, ',') || qt_is_punct(q, *s, ':') || qt_is(q, *s, "that")))
    (*s)++;
  while (*e > *s && (q->t[*e - 1].kind == DS_TOK_PUNCT) && !qt_is_punct(q, *e - 1, ')'))
    (*e)--;
}

/* The content starts with a direct quote that spans it: that quote is the report. */
static bool S_is_direct(const qt_ctx *q, uint32_t s, uint32_t e) {
  if (s >= e || q->t[s].kind != DS_TOK_QUOTE || !(q->mark[s] & QT_MARK)) return false;
  uint32_t inside = 0;
  for (uint32_t i = s; i < e; i++) inside += (q->mark[i] & QT_MARK) != 0;
  return inside * 4 >= (e - s) * 3;
}

/* Where reported content ends: the clause ends at ", but …", ", adding …",
 * ", according to …" or a semicolon; later clauses are the writer's or another report. */
static uint32_t S_content_end(const qt_ctx *q, uint32_t s, uint32_t e) {
  for (uint32_t i = s + 1; i + 1 < e; i++) {
    if (qt_is_punct(q, i, ';')) return i;
    if (!qt_is_punct(q, i, ',') || (q->mark[i] & QT_IN_QUOTE)) continue;
    uint32_t n = i + 1;
    size_t len = q->t[n].end - q->t[n].start;
    if (qt_in_list(q, n, "quote_content_breaks") ||
        (qt_is_lower_word(q, n) && len > 4 && memcmp(q->a->body + q->t[n].end - 3, "ing", 3) == 0))
      return i;
  }
  return e;
}

static void S_emit(qt_ctx *q, uint32_t s, uint32_t e, const qt_speaker *sp, const char *cue,
                   uint32_t k) {
  if (k < s) e = S_content_end(q, s, e);
  S_trim(q, &s, &e);
  if (s >= e || S_words(q, s, e) < QT_MIN_CONTENT_WORDS || S_is_direct(q, s, e)) return;
  if (q->mark[s] & QT_IN_QUOTE) return;
  q->mark[k] |= QT_CUE_USED;
  qt_add(q, q->t[s].start, q->t[e - 1].end, DS_QUOTE_INDIRECT, sp, cue, k);
}

/* Where the clause holding token k starts: the sentence start, or just after a
 * direct quote earlier in the sentence. */
static uint32_t S_clause_start(const qt_ctx *q, uint32_t k) {
  uint32_t s = qt_sent_start(q, k);
  for (uint32_t i = k; i > s; i--)
    if (q->mark[i - 1] & QT_MARK) return i;
  return s;
}

static void S_according(qt_ctx *q, uint32_t k, uint32_t ss, uint32_t se) {
  uint32_t end;
  ss = qt_sent_start(q, k); /* "“…” and more, according to X": the quote is in the report */
  qt_speaker sp = qt_np_after(q, k + 2, se, &end);
  if (!sp.found) return;
  bool first = k == ss || (k == ss + 1 && q->t[ss].kind == DS_TOK_WORD);
  if (first && qt_is_punct(q, end, ',')) { /* skip ", a spokesperson for X," */
    uint32_t c = end + 1;
    bool appos = qt_is(q, c, "a") || qt_is(q, c, "an") || qt_is(q, c, "the") || qt_is_lower_word(q, c);
    while (appos && c < se && c - end < QT_MAX_APPOSITIVE && !qt_is_punct(q, c, ',')) c++;
    if (appos && qt_is_punct(q, c, ',') && c + 1 < se) end = c;
    S_emit(q, end + 1, se, &sp, "according to", k);
  }
  else if (!first && k > ss && qt_is_punct(q, k - 1, ',')) S_emit(q, ss, k - 1, &sp, "according to", k);
}

/* The speaker of an "-ing" cue is the previous report's in the same sentence
 * ("she said, adding that …"). */
static bool S_prev_speaker(const qt_ctx *q, uint32_t k, qt_speaker *sp) {
  const ds_article *a = q->a;
  if (!a->quotes.len) return false;
  const ds_quote *p = &a->quotes.items[a->quotes.len - 1];
  if (q->sent[k] < 0 || p->sentence != (uint32_t)q->sent[k]) return false;
  *sp = (qt_speaker){.entity = p->speaker, .name = p->speaker_name, .start = p->speaker_start,
                     .end = p->speaker_end, .found = true};
  return true;
}

/* The cue at k has a subject of its own that is not the sentence's ("which has
 * denied", "dismissed claims", "with reports"): the sentence subject is no speaker. */
static bool S_bound_verb(const qt_ctx *q, uint32_t k, uint32_t ss) {
  uint32_t j = k;
  while (j > ss && qt_in_list(q, j - 1, "quote_skip")) j--;
  if (j == ss) return true;
  uint32_t p = j - 1;
  return qt_cue(q, p) || qt_in_list(q, p, "quote_preps") || qt_is(q, p, "which") ||
         qt_is(q, p, "who") || qt_is(q, p, "that") || qt_is(q, p, "the") || qt_is(q, p, "a") ||
         qt_is(q, p, "neither") || qt_is(q, p, "nor") || qt_is(q, p, "its") || qt_is(q, p, "their");
}

static void S_cue(qt_ctx *q, uint32_t k, const char *cue) {
  uint32_t ss = S_clause_start(q, k), se = qt_sent_end(q, k);
  if (strcmp(cue, "according to") == 0) {
    S_according(q, k, ss, se);
    return;
  }
  if (qt_is(q, k + 1, "by")) return; /* "agreed by X", "claims by X": no report here */
  qt_speaker sp = qt_subject(q, k, ss);
  if (!sp.found) {
    uint32_t end;
    size_t n = q->t[k].end - q->t[k].start;
    if (k > ss && qt_is_punct(q, k - 1, ',') && n > 3 &&
        memcmp(q->a->body + q->t[k].end - 3, "ing", 3) == 0 && S_prev_speaker(q, k, &sp))
      S_emit(q, qt_skip_after_cue(q, k, se), se, &sp, cue, k);
    else if (k > ss && qt_is_punct(q, k - 1, ',') && (sp = qt_np_after(q, k + 1, se, &end)).found &&
             (end >= se || qt_is_stop(q, end) || qt_is_punct(q, end, ',')))
      S_emit(q, ss, k - 1, &sp, cue, k); /* "…, said the minister." */
    else if (k > ss && !S_bound_verb(q, k, ss) && (sp = qt_sentence_subject(q, k)).found)
      S_emit(q, qt_skip_after_cue(q, k, se), se, &sp, cue, k); /* "X arrived and said …" */
    return;
  }
  uint32_t p = qt_skip_after_cue(q, k, se), lend;
  bool tail = p >= se || qt_is_stop(q, p) || qt_is_punct(q, p, ',');
  if (!tail && qt_np_after(q, p, se, &lend).found && (lend >= se || qt_is_stop(q, lend)))
    tail = true; /* "…, officials told POLITICO." */
  if (!tail) S_emit(q, p, se, &sp, cue, k);
  else if (sp.tok > ss && qt_is_punct(q, sp.tok - 1, ','))
    S_emit(q, ss, sp.tok - 1, &sp, cue, k); /* "…, Austin said, but …" */
}

void qt_indirect(qt_ctx *q) {
  for (uint32_t k = 0; k < q->nt; k++) {
    if (q->mark[k] & (QT_IN_QUOTE | QT_CUE_USED | QT_MARK)) continue;
    const char *cue = qt_cue(q, k);
    if (cue) S_cue(q, k, cue);
  }
}
