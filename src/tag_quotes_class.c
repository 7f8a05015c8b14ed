/* Per-token word classes of the quotation tagger. The speaker and cue searches ask
 * the same questions of the same tokens many times ("is it a role noun?", "a cue
 * verb?", "inside a time?"); one pass over the tokens answers them (a time: on first
 * use) and keeps the answers as bits in the context, so later questions cost an
 * array read. */
#include <string.h>

#include "tag_quotes_internal.h"

static uint32_t S_class_of(const qt_ctx *q, uint32_t i) {
  uint32_t bits = 0;
  const ds_token *t = &q->t[i];
  const char *s = q->a->body + t->start;
  size_t n = t->end - t->start;
  if (t->kind == DS_TOK_WORD) {
    bits |= QC_WORD;
    if (s[0] >= 'a' && s[0] <= 'z') bits |= QC_LOWER;
    q->word[i] = qt_word_lookup(q->a, t->start, n);
    if (q->word[i]) bits |= q->word[i]->bits;
  } else if (t->kind == DS_TOK_PUNCT && n == 1 && strchr(".!?;", s[0])) {
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

/* The cue lemma of word i; the classes of the tokens before it are filled. */
static const char *S_cue_of(const qt_ctx *q, uint32_t i) {
  const char *v = NULL;
  if (qt_is(q, i, "according")) v = qt_is(q, i + 1, "to") ? "according to" : NULL;
  else if (qt_is(q, i, "put") || qt_is(q, i, "puts")) /* "as X put it," */
    v = qt_is(q, i + 1, "it") ? "put it" : NULL;
  else if ((q->t[i].flags & DS_TF_SENT_START) && qt_is(q, i, "said") && qt_is_word(q, i + 1) &&
           (q->t[i + 1].flags & DS_TF_CAP))
    v = "say"; /* "Said Ellis: “…”" */
  /* "States" in "the United States" is no cue, nor "states" in "the states"; but a
   * headline is in title case ("Mayor Says Pier Will Reopen") */
  else if (q->word[i] && (qt_is_lower_word(q, i) || S_title_word(q, i))) {
    v = q->word[i]->cue;
    if (v && i > 0 && qt_has(q, i - 1, QC_ARTICLE)) v = NULL;
  }
  return v;
}

void qt_classify(qt_ctx *q) {
  for (uint32_t i = 0; i < q->nt; i++) {
    q->cls[i] = S_class_of(q, i);
    if (q->t[i].kind == DS_TOK_WORD) q->cue[i] = S_cue_of(q, i);
  }
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
