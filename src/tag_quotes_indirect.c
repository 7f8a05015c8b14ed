/* Indirect speech: "X said (that) …", "X told reporters …", "…, X said.",
 * "according to X, …" and "…, according to X". The quote's span is the reported
 * content; cue verbs inside direct quotes or already used by one are skipped. */
#include <string.h>

#include "entities.h"
#include "tag_quotes_internal.h"

/* Words before a comma that can end a report; fewer are a lead of it ("said that,
 * if elected, …", "said that earlier this year, a pact was …"). */
#define QT_MIN_CLAUSE_WORDS 4
/* Content shorter than this is a fragment of something else ("he said so"). */
#define QT_MIN_CONTENT_WORDS 2
/* Words of an unnamed source after "according to" ("three people briefed on the
 * talks"); longer runs are a clause of their own. */
#define QT_MAX_SOURCE_TOKENS 24
/* Words naming the source of a headline ("Senate Majority Leader Jo Roe: …"). */
#define QT_MAX_HEADLINE_SOURCE 6
/* A headline claim is a short sentence: more commas make a list, fewer words a label
 * ("Jo Roe: Win in a walk"). */
#define QT_MAX_HEADLINE_COMMAS 2
#define QT_MIN_HEADLINE_WORDS 5
/* Words of a lead before "according to" ("In addition, according to X, …"). */
#define QT_MAX_LEAD_TOKENS 4
/* Words between a document noun and the verb it is the subject of ("the poll of
 * likely voters in Ohio shows"). */
#define QT_MAX_DOC_WORDS 6
/* Words of a name standing as the subject of a second report inside content. */
#define QT_MAX_NEXT_SUBJECT 4

/* The words (and numbers) in [s, e), counted up to cap: the callers compare the
 * count with a small limit, so a long report is not counted to its end. */
static uint32_t S_words(const qt_ctx *q, uint32_t s, uint32_t e, uint32_t cap) {
  uint32_t n = 0;
  for (uint32_t i = s; i < e && n < cap; i++)
    n += q->t[i].kind == DS_TOK_WORD || q->t[i].kind == DS_TOK_NUMBER;
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

/* A counted part of a group ("three-quarters", "most", "half"). */
static bool S_quantity(const qt_ctx *q, uint32_t i) {
  const qt_word *w = qt_is_lower_word(q, i) ? qt_word_of(q, i) : NULL;
  return w && w->quantity;
}

/* A report of its own starts at token i: a capitalised subject of up to
 * QT_MAX_NEXT_SUBJECT words or a count, then a cue verb ("Roe said", "Mayor Jo Roe
 * told", "39 have said"). */
static bool S_next_report(const qt_ctx *q, uint32_t i, uint32_t e) {
  uint32_t k = i;
  while (k < e && k - i < QT_MAX_NEXT_SUBJECT &&
         ((qt_is_word(q, k) && (q->t[k].flags & DS_TF_CAP)) || q->t[k].kind == DS_TOK_NUMBER ||
          S_quantity(q, k)))
    k++;
  if (k == i) return false;
  while (k < e && qt_has(q, k, QC_SKIP)) k++; /* "… and 39 have said …" */
  return k < e && qt_cue(q, k) && !(q->mark[k] & QT_IN_QUOTE);
}

/* A spaced dash (" - ", " — ", " – ", " -- "): an aside or the writer's gloss follows. */
static bool S_dash(const qt_ctx *q, uint32_t i) {
  if (q->t[i].kind != DS_TOK_PUNCT || !(q->t[i].flags & DS_TF_SPACE_BEFORE)) return false;
  const char *b = q->a->body + q->t[i].start;
  size_t n = q->t[i].end - q->t[i].start;
  return (n == 1 && b[0] == '-') || (n == 2 && b[0] == '-' && b[1] == '-') ||
         (n == 3 && memcmp(b, "\xE2\x80", 2) == 0 && (b[2] == '\x94' || b[2] == '\x93'));
}

/* A word in -ed ("questioned", "urged"): after "and" it is a second predicate of the
 * speaker, not more of the report. */
static bool S_ed(const qt_ctx *q, uint32_t i) {
  size_t n = q->t[i].end - q->t[i].start;
  return qt_is_lower_word(q, i) && n > 4 && memcmp(q->a->body + q->t[i].end - 2, "ed", 2) == 0;
}

/* "and" (or "but") at i joins a second predicate of the speaker ("said X and urged
 * …", "said X but added …"): a cue or a verb in -ed, maybe after an adverb. */
static bool S_second_predicate(const qt_ctx *q, uint32_t i, uint32_t e) {
  if (!qt_is(q, i, "and") && !qt_is(q, i, "but")) return false;
  uint32_t n = i + 1;
  if (n < e && qt_has(q, n, QC_SKIP)) n++;
  return n < e && (qt_cue(q, n) || S_ed(q, n));
}

/* ", and" at i opens a clause of its own ("…, and when asked …", "…, and the mayor
 * …"), not the last item of a list ("roads, schools, and hospitals"). */
static bool S_and_clause(const qt_ctx *q, uint32_t i, uint32_t e) {
  uint32_t n = i + 1;
  if (!qt_is(q, i, "and") || n >= e) return false;
  return (q->t[n].flags & DS_TF_CAP) || q->t[n].kind == DS_TOK_NUMBER || qt_cue(q, n) ||
         qt_has(q, n, QC_PRONOUN | QC_LEAD | QC_DET | QC_ARTICLE);
}

/* ", who …" or ", which …" running to the end: a relative clause on the last noun
 * of the report, the writer's gloss ("said it helped Roe, who …"). */
static bool S_tail_relative(const qt_ctx *q, uint32_t i, uint32_t e) {
  if (!qt_is(q, i, "who") && !qt_is(q, i, "which")) return false;
  for (uint32_t k = i + 1; k < e; k++)
    if (qt_is_punct(q, k, ',') && !(q->mark[k] & QT_IN_QUOTE)) return false;
  return true;
}

/* Where reported content ends: the clause ends at ", but …", ", adding …",
 * ", according to …", a second predicate ("and urged …"), a closing relative clause
 * or a semicolon; later clauses are the writer's or another report. */
static uint32_t S_content_end(const qt_ctx *q, uint32_t s, uint32_t e) {
  for (uint32_t i = s + 1; i + 1 < e; i++) {
    if (q->t[i].kind == DS_TOK_WORD) { /* the tests below are of words or of punctuation */
      if (q->t[i].end - q->t[i].start != 3) continue; /* of "and" and "but": most words fail here */
      if (qt_is(q, i, "and") && S_next_report(q, i + 1, e)) return i; /* "… and Roe said, “…”" */
      if (S_second_predicate(q, i, e) && !(q->mark[i] & QT_IN_QUOTE)) return i;
      continue;
    }
    if (q->t[i].kind != DS_TOK_PUNCT) continue;
    if (qt_is_punct(q, i, ';') || (S_dash(q, i) && !(q->mark[i] & QT_IN_QUOTE))) return i;
    if (!qt_is_punct(q, i, ',') || (q->mark[i] & QT_IN_QUOTE)) continue;
    uint32_t n = i + 1;
    /* "said that earlier this year, a pact …": a short lead, not a whole report */
    if (qt_has(q, n, QC_DET) && S_words(q, s, i, QT_MIN_CLAUSE_WORDS) < QT_MIN_CLAUSE_WORDS)
      continue;
    if (qt_has(q, n, QC_BREAK) || S_and_clause(q, n, e) || S_tail_relative(q, n, e) ||
        qt_cue(q, n) || (qt_is_lower_word(q, n) && qt_is_ing(q, n)))
      return i;
  }
  return e;
}

/* The report [s, e) is one capitalised name taken a stance on ("endorsed Roe"). */
static bool S_named_object(const qt_ctx *q, uint32_t s, uint32_t e, const char *cue) {
  return e == s + 1 && qt_is_word(q, s) && (q->t[s].flags & DS_TF_CAP) && !qt_is_pronoun(q, s) &&
         qt_cue_in(cue, QT_CUE_OBJECT);
}

/* A noun phrase taken a stance on ends before an adjunct ("endorsed Roe after the
 * debate", "praised the plan at a rally"); "for", "of" and "by" stay ("blamed Roe for
 * the delay", "dismissed claims by Roe that …"). A clause ("that …", "to …") runs on. */
static uint32_t S_object_end(const qt_ctx *q, uint32_t s, uint32_t e, const char *cue) {
  if (qt_is(q, s, "that") || qt_is(q, s, "to") || qt_is(q, s, "how") || qt_is(q, s, "whether") ||
      !qt_cue_in(cue, QT_CUE_OBJECT))
    return e;
  for (uint32_t i = s + 1; i < e; i++)
    if (qt_is_lower_word(q, i) && qt_has(q, i, QC_LEAD | QC_TIMEPREP) && !qt_is(q, i, "for") &&
        !qt_is(q, i, "of") && !qt_is(q, i, "by") && !(q->mark[i] & QT_MARK))
      return i;
  return e;
}

static void S_emit(qt_ctx *q, uint32_t s, uint32_t e, const qt_speaker *sp, const char *cue,
                   uint32_t k) {
  if (k < s) e = S_object_end(q, s, S_content_end(q, s, e), cue);
  S_trim(q, &s, &e);
  if (s >= e || S_is_direct(q, s, e)) return;
  if (S_words(q, s, e, QT_MIN_CONTENT_WORDS) < QT_MIN_CONTENT_WORDS &&
      !S_named_object(q, s, e, cue))
    return;
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

/* "according to early returns", "according to three people briefed on it": the
 * phrase alone marks a source, so an unnamed one runs to the clause's end. */
static qt_speaker S_source_after(const qt_ctx *q, uint32_t i, uint32_t se, uint32_t *end) {
  qt_speaker sp = qt_np_after(q, i, se, end);
  if (sp.found && (*end >= se || qt_is_stop(q, *end) || qt_is_punct(q, *end, ','))) return sp;
  uint32_t e = i;
  while (e < se && e - i < QT_MAX_SOURCE_TOKENS && !qt_is_punct(q, e, ',') && !qt_is_stop(q, e) &&
         !(q->mark[e] & QT_MARK))
    e++;
  if (e == i || e - i >= QT_MAX_SOURCE_TOKENS) return sp;
  *end = e;
  return (qt_speaker){.entity = -1, .found = true, .start = q->t[i].start, .end = q->t[e - 1].end, .tok = i};
}

/* Where the report before a trailing "according to" starts: after the last colon or
 * dash in [s, e) ("Prices fell: exports rose, according to X"), else s. */
static uint32_t S_after_aside(const qt_ctx *q, uint32_t s, uint32_t e) {
  for (uint32_t i = e; i-- > s;) {
    if ((qt_is_punct(q, i, ':') || S_dash(q, i)) && !(q->mark[i] & QT_IN_QUOTE)) return i + 1;
    if (!qt_is_punct(q, i, ',') || (q->mark[i] & QT_IN_QUOTE) || i + 1 >= e) continue;
    /* "…, with 56 percent of voters backing him, according to X": the last clause */
    if (qt_is(q, i + 1, "with") || qt_is(q, i + 1, "while") || S_and_clause(q, i + 1, e))
      return i + 2;
    if (qt_is(q, i + 1, "which") || qt_is(q, i + 1, "who")) return i + 1;
  }
  return s;
}

/* "According to X, …" opens the clause, maybe after a short lead ("In addition, "). */
static bool S_leads(const qt_ctx *q, uint32_t k, uint32_t ss) {
  if (k == ss || (k == ss + 1 && q->t[ss].kind == DS_TOK_WORD)) return true;
  if (k < ss + 2 || !qt_is_punct(q, k - 1, ',') || k - ss > QT_MAX_LEAD_TOKENS) return false;
  for (uint32_t i = ss; i + 1 < k; i++)
    if (!qt_is_word(q, i)) return false;
  return true;
}

static void S_according(qt_ctx *q, uint32_t k, uint32_t ss, uint32_t se) {
  uint32_t end;
  ss = qt_sent_start(q, k); /* "“…” and more, according to X": the quote is in the report */
  qt_speaker sp = S_source_after(q, k + 2, se, &end);
  if (!sp.found) return;
  bool first = S_leads(q, k, ss);
  if (first && qt_is_punct(q, end, ',')) { /* skip ", a spokesperson for X," */
    uint32_t c = end + 1;
    bool appos = qt_is(q, c, "a") || qt_is(q, c, "an") || qt_is(q, c, "the") || qt_is_lower_word(q, c);
    while (appos && c < se && c - end < QT_MAX_APPOSITIVE && !qt_is_punct(q, c, ',')) c++;
    if (appos && qt_is_punct(q, c, ',') && c + 1 < se) end = c;
    S_emit(q, end + 1, se, &sp, "according to", k);
  }
  else if (!first && k > ss && qt_is_punct(q, k - 1, ','))
    S_emit(q, S_after_aside(q, ss, k - 1), k - 1, &sp, "according to", k);
}

/* The speaker of an "-ing" cue is the previous report's in the same sentence
 * ("she said, adding that …"). */
static bool S_prev_speaker(const qt_ctx *q, uint32_t k, qt_speaker *sp) {
  const ds_article *a = q->a;
  if (!a->quotes.len) return false;
  const ds_quote *p = &a->quotes.items[a->quotes.len - 1];
  int32_t sk = qt_sent(q, k);
  if (sk < 0 || p->sentence != (uint32_t)sk) return false;
  *sp = (qt_speaker){.entity = p->speaker, .name = p->speaker_name, .start = p->speaker_start,
                     .end = p->speaker_end, .found = true};
  return true;
}

/* The cue at k has a subject of its own that is not the sentence's ("which has
 * denied", "dismissed claims", "with reports"): the sentence subject is no speaker. */
static bool S_bound_verb(const qt_ctx *q, uint32_t k, uint32_t ss) {
  uint32_t j = k;
  while (j > ss && qt_has(q, j - 1, QC_SKIP)) j--;
  if (j == ss) return true;
  uint32_t p = j - 1;
  return qt_cue(q, p) || qt_has(q, p, QC_PREP) || qt_is(q, p, "which") ||
         qt_is(q, p, "who") || qt_is(q, p, "that") || qt_is(q, p, "the") || qt_is(q, p, "a") ||
         qt_is(q, p, "neither") || qt_is(q, p, "nor") || qt_is(q, p, "its") || qt_is(q, p, "their");
}

/* The cue at k has a document for its subject ("polls show", "the records showed"):
 * what it shows is reported even without "that". */
static bool S_doc_subject(const qt_ctx *q, uint32_t k, uint32_t ss) {
  uint32_t j = k;
  while (j > ss && (qt_has(q, j - 1, QC_SKIP) || qt_in_time(q, j - 1))) j--;
  if (j > ss + 1 && qt_is_punct(q, j - 1, ',')) { /* "The poll, released on Friday, showed" */
    uint32_t c = j - 1;
    while (c > ss && j - c < QT_MAX_APPOSITIVE && !qt_is_punct(q, c - 1, ',')) c--;
    if (c > ss) j = c - 1;
  }
  /* "a poll last week showed", "the records of the port show" */
  for (uint32_t i = j; i > ss && j - i < QT_MAX_DOC_WORDS &&
                      (qt_is_word(q, i - 1) || q->t[i - 1].kind == DS_TOK_NUMBER);
       i--)
    if (qt_has(q, i - 1, QC_SPN_DOC)) return true;
  return false;
}

/* The person whose mention ends at token j-1 ("… of the Daily Ledger Mayor Jo Roe
 * said"), when the subject walk found none; found is false otherwise. */
static qt_speaker S_person_at(const qt_ctx *q, uint32_t j) {
  const ds_article *a = q->a;
  int32_t m = ds_entity_mention_overlapping(a, q->t[j - 1].start, q->t[j - 1].end);
  if (m < 0 || a->mentions.items[m].end != q->t[j - 1].end) return (qt_speaker){.entity = -1};
  int32_t e = a->mentions.items[m].entity;
  if (e < 0 || a->entities.items[e].type != DS_ENT_PERSON) return (qt_speaker){.entity = -1};
  uint32_t s = j - 1;
  while (s > 0 && q->t[s - 1].end > a->mentions.items[m].start) s--;
  return (qt_speaker){.entity = e, .name = a->entities.items[e].name, .found = true,
                      .start = a->mentions.items[m].start, .end = a->mentions.items[m].end, .tok = s};
}

/* A subject the walk in qt_subject misses: a person named just before the cue, or
 * before an appositive between commas ("Jo Roe, Democrat of Eastport, said"). */
static qt_speaker S_subject_fallback(const qt_ctx *q, uint32_t k, uint32_t ss) {
  uint32_t j = k;
  while (j > ss && qt_has(q, j - 1, QC_SKIP)) j--;
  if (j <= ss) return (qt_speaker){.entity = -1};
  if (!qt_is_punct(q, j - 1, ',')) return S_person_at(q, j);
  for (uint32_t c = j - 1; c > ss + 1 && j - c < QT_MAX_APPOSITIVE; c--)
    if (qt_is_punct(q, c - 1, ',')) return S_person_at(q, c - 1);
  return (qt_speaker){.entity = -1};
}

/* Words of an adjunct after a cue that closes the attribution ("…, the port said in
 * a report on Friday, and …"); longer runs are the report itself. */
#define QT_MAX_ADJUNCT 10
/* Words before a mid-sentence attribution that are only the start of the report
 * ("The plan, officials said, will fail."); a longer clause is a report by itself. */
#define QT_MAX_LEAD_WORDS 4

/* The comma or stop ending an adjunct that opens at token p ("in a report,"), or p
 * when p opens none. */
static uint32_t S_adjunct_end(const qt_ctx *q, uint32_t p, uint32_t se) {
  if (p >= se || !(qt_has(q, p, QC_TIMEPREP) || qt_in_time(q, p))) return p;
  for (uint32_t i = p + 1; i < se && i - p <= QT_MAX_ADJUNCT; i++) {
    if (qt_is_punct(q, i, ',') || qt_is_stop(q, i)) return i;
    if (qt_is(q, i, "that") || qt_cue(q, i) || (q->mark[i] & QT_MARK)) return p;
  }
  return se - p <= QT_MAX_ADJUNCT ? se : p;
}

/* An attribution inside its report ("The plan, officials said, will fail.",
 * "Prices rose, the agency said in a report, and …"): the report is the clause
 * before the attribution [ss, b) and the one after it from token a, unless the one
 * after is the writer's ("…, Roe said, but critics …", "…, adding that …"). */
static void S_emit_around(qt_ctx *q, uint32_t ss, uint32_t b, uint32_t a, uint32_t se,
                          const qt_speaker *sp, const char *cue, uint32_t k) {
  if (qt_is_punct(q, a, ',')) a++;
  uint32_t e = a < se ? S_content_end(q, a - 1, se) : a;
  bool writer = a >= se || (qt_has(q, a, QC_BREAK) && !qt_has(q, a, QC_DET)) || qt_cue(q, a) ||
                (q->mark[a] & QT_MARK) || qt_is_ing(q, a);
  if (writer || e <= a || S_words(q, a, e, QT_MIN_CONTENT_WORDS) < QT_MIN_CONTENT_WORDS ||
      S_words(q, ss, b, QT_MAX_LEAD_WORDS + 1) > QT_MAX_LEAD_WORDS)
    e = b;
  S_emit(q, ss, e, sp, cue, k);
}

/* The cue at k is a passive participle ("is expected", "were said"); callers rule
 * out "is defending" with qt_is_ing. */
static bool S_passive(const qt_ctx *q, uint32_t k, uint32_t ss) {
  uint32_t j = k;
  while (j > ss && qt_has(q, j - 1, QC_SKIP)) j--;
  return j > ss && qt_has(q, j - 1, QC_BE) && !qt_is(q, j - 1, "'s");
}

/* The report after cue k when nobody is named: "it was said that …", "said …". */
static void S_unnamed_that(qt_ctx *q, uint32_t k, const char *cue, uint32_t se) {
  uint32_t p = qt_skip_after_cue(q, k, se);
  qt_speaker none = {.entity = -1, .found = true};
  if (qt_is(q, p - 1, "that") || strcmp(cue, "say") == 0) S_emit(q, p, se, &none, cue, k);
}

/* A cue with no subject of its own: "…, adding that …" (the previous report's
 * speaker), "…, said the minister.", "X arrived and said …" (the sentence's subject),
 * or a subject that names nobody ("all the experts I asked said that …"). */
static void S_no_subject(qt_ctx *q, uint32_t k, const char *cue, uint32_t ss, uint32_t se) {
  uint32_t end;
  qt_speaker sp;
  if (k <= ss) return;
  if (qt_is_punct(q, k - 1, ',') && qt_is_ing(q, k) && S_prev_speaker(q, k, &sp))
    S_emit(q, qt_skip_after_cue(q, k, se), se, &sp, cue, k);
  else if (qt_is_punct(q, k - 1, ',') && (sp = qt_np_after(q, k + 1, se, &end)).found &&
           (end >= se || qt_is_stop(q, end) || qt_is_punct(q, end, ',')))
    S_emit(q, ss, k - 1, &sp, cue, k);
  else if (S_bound_verb(q, k, ss))
    return;
  else if (S_passive(q, k, ss) && !qt_is_ing(q, k)) { /* "It should be noted that …": no one named */
    qt_speaker none = {.entity = -1, .found = true};
    S_emit(q, qt_skip_after_cue(q, k, se), se, &none, cue, k);
  } else if ((sp = qt_sentence_subject(q, k)).found)
    S_emit(q, qt_skip_after_cue(q, k, se), se, &sp, cue, k);
  else
    S_unnamed_that(q, k, cue, se);
}

/* Token a, or the token after an adverb set off by commas and a "that" ("warned,
 * however, that …"). */
static uint32_t S_after_aside_word(const qt_ctx *q, uint32_t a) {
  if (qt_is_lower_word(q, a) && qt_is_punct(q, a + 1, ',') && qt_is(q, a + 2, "that")) return a + 3;
  return a;
}

/* The report after a cue whose subject sp was found; p is the token after the cue
 * and its listener. An attribution inside its report ("…, Roe said in May, …") gives
 * the report around it, unless the sentence opens with a lead ("In a speech on
 * Friday, Roe called on …"). */
static void S_with_subject(qt_ctx *q, uint32_t k, const char *cue, const qt_speaker *sp,
                           uint32_t p, uint32_t ss, uint32_t se) {
  uint32_t lend;
  bool inner = sp->tok > ss && qt_is_punct(q, sp->tok - 1, ',');
  uint32_t adj = inner && !qt_has(q, ss, QC_LEAD | QC_PREP) ? S_adjunct_end(q, p, se) : p;
  /* "said that, if elected, …": the comma after "that" opens an aside in the report */
  bool tail = adj > p || p >= se || qt_is_stop(q, p) ||
              (qt_is_punct(q, p, ',') && !qt_is(q, p - 1, "that"));
  if (!tail && (inner || qt_cue_in(cue, QT_CUE_TELL)) && qt_np_after(q, p, se, &lend).found &&
      (lend >= se || qt_is_stop(q, lend)))
    tail = true; /* "…, officials told POLITICO." (but "the union endorsed Jo Roe.") */
  if (!tail) S_emit(q, p, se, sp, cue, k);
  else if (!inner && qt_is_punct(q, p, ',') && p + 1 < se && sp->tok == ss)
    S_emit(q, S_after_aside_word(q, p + 1), se, sp, cue, k); /* "Roe says, win or lose, …" */
  else if (inner)
    S_emit_around(q, ss, sp->tok - 1, adj > p ? adj : p, se, sp, cue, k);
}

/* Token i opens a clause of its own ("to pay", "what it cost", "whether …"). */
static bool S_clause_word(const qt_ctx *q, uint32_t i) {
  return qt_is(q, i, "to") || qt_is(q, i, "what") || qt_is(q, i, "who") || qt_is(q, i, "how") ||
         qt_is(q, i, "whether") || qt_is(q, i, "why") || qt_is(q, i, "when");
}

/* Relative clauses on a speaker are short: the cue is at most this many tokens after
 * "who"/"which" ("who has repeatedly denied"). */
#define QT_RELATIVE_REACH 4

/* Where a report inside ", who/which … cue …," ends: at the comma that closes the
 * relative clause ("China, which has proclaimed neutrality, is …"); se otherwise. */
static uint32_t S_relative_end(const qt_ctx *q, uint32_t k, uint32_t ss, uint32_t se) {
  uint32_t r = k;
  while (r > ss + 1 && k - r < QT_RELATIVE_REACH && !qt_is(q, r - 1, "who") && !qt_is(q, r - 1, "which"))
    r--;
  if (r <= ss + 1 || !(qt_is(q, r - 1, "who") || qt_is(q, r - 1, "which")) || !qt_is_punct(q, r - 2, ','))
    return se;
  for (uint32_t i = k + 1; i < se; i++)
    if (qt_is_punct(q, i, ',') && !(q->mark[i] & QT_IN_QUOTE)) return i;
  return se;
}

static void S_cue(qt_ctx *q, uint32_t k, const char *cue) {
  uint32_t ss = S_clause_start(q, k), se = qt_sent_end(q, k);
  if (strcmp(cue, "according to") == 0) {
    S_according(q, k, ss, se);
    return;
  }
  /* "agreed by X", "claims by X", "backing from X": no report here */
  if (qt_is(q, k + 1, "by") || qt_is(q, k + 1, "from")) return;
  if (qt_is(q, k + 1, "to") && S_passive(q, k, ss)) { /* "The levy is expected to fall" */
    qt_speaker none = {.entity = -1, .found = true};
    S_emit(q, k + 1, se, &none, cue, k);
    return;
  }
  qt_speaker sp = qt_subject(q, k, ss);
  if (!sp.found) sp = S_subject_fallback(q, k, ss);
  if (!sp.found) {
    S_no_subject(q, k, cue, ss, se);
    return;
  }
  se = S_relative_end(q, k, ss, se);
  uint32_t p = qt_skip_after_cue(q, k, se);
  if (qt_cue_in(cue, QT_CUE_THAT) && !qt_is(q, p - 1, "that") && !qt_is_punct(q, p - 1, ':') &&
      !(p == k + 1 && S_clause_word(q, p)) && !S_doc_subject(q, k, ss))
    return; /* "agreed during his visit": no report; "agreed to pay", "knew what …" are */
  S_with_subject(q, k, cue, &sp, p, ss, se);
}

/* The possessor of the noun at k: "Roe's claim" (the name before the apostrophe),
 * "her claim" (the pronoun resolved); found is false when there is none. */
static qt_speaker S_possessor(const qt_ctx *q, uint32_t k, uint32_t ss) {
  qt_speaker sp = {.entity = -1};
  if (k < ss + 1) return sp;
  uint32_t p = k - 1;
  bool person = qt_is(q, p, "his") || qt_is(q, p, "her");
  if (person || qt_is(q, p, "their") || qt_is(q, p, "its")) {
    sp = (qt_speaker){.entity = -1, .found = true, .start = q->t[p].start, .end = q->t[p].end, .tok = p};
    uint32_t at = q->anchor < sp.start ? q->anchor : sp.start;
    sp.entity = ds_entity_resolve_pronoun(q->a, at, !person);
    if (sp.entity < 0) return (qt_speaker){.entity = -1};
    sp.name = q->a->entities.items[sp.entity].name;
    return sp;
  }
  if (k >= ss + 3 && qt_is(q, p, "s") && q->t[p - 1].kind == DS_TOK_QUOTE &&
      !(q->t[p - 1].flags & DS_TF_SPACE_BEFORE))
    sp = qt_subject(q, p - 1, ss);
  return sp.found && sp.name ? sp : (qt_speaker){.entity = -1};
}

/* "the mayor's claim that …", "her belief that …": a report noun framed by a
 * possessor and "that". Without a possessor ("the claim that …") nobody is named. */
static void S_noun_cue(qt_ctx *q, uint32_t k) {
  /* "that night" is a time, not the start of a report */
  if (!qt_is_lower_word(q, k) || (q->mark[k] & (QT_IN_QUOTE | QT_CUE_USED | QT_MARK)) || qt_in_time(q, k + 1))
    return;
  const qt_word *after = qt_is_lower_word(q, k + 2) ? qt_word_of(q, k + 2) : NULL;
  if (after && after->time_word) return;
  const char *cue = qt_word_of(q, k) ? qt_word_of(q, k)->noun : NULL;
  if (!cue) return;
  uint32_t ss = S_clause_start(q, k), se = qt_sent_end(q, k);
  qt_speaker sp = S_possessor(q, k, ss);
  if (sp.found) S_emit(q, k + 2, se, &sp, cue, k);
}

/* The colon of a transcript's turn opening at token k ("ROE: …": a speaker in
 * capitals), or 0. */
static uint32_t S_turn(const qt_ctx *q, uint32_t k) {
  if (k < q->nt && q->t[k].kind == DS_TOK_QUOTE && !(q->mark[k] & QT_MARK)) k++; /* a stray mark */
  uint32_t c = k;
  while (c < q->nt && c - k < QT_MAX_HEADLINE_SOURCE && qt_is_word(q, c) &&
         (q->t[c].flags & DS_TF_UPPER) && q->t[c].end - q->t[c].start > 1)
    c++;
  return c > k && qt_is_punct(q, c, ':') && !(q->mark[c] & QT_IN_QUOTE) ? c : 0;
}

/* A transcript's turn "ROE: The levy will fall. …": all the paragraph is the
 * speaker's. A lone label ("UPDATE: …") is no turn: the turn before or after it must
 * be one too. */
static bool S_transcript(qt_ctx *q, uint32_t k) {
  uint32_t c = S_turn(q, k), e = c + 1;
  if (!c) return false;
  while (e < q->nt && !(q->t[e].flags & DS_TF_PARA_START)) e++;
  if (e <= c + 1 || (q->turn_end != k && (e >= q->nt || !S_turn(q, e)))) return false;
  if (q->t[k].kind == DS_TOK_QUOTE) k++;
  int32_t who = ds_entity_last_in(q->a, q->t[k].start, q->t[c - 1].end, DS_ENT_PERSON);
  qt_speaker sp = {
      .entity = who, .found = true, .start = q->t[k].start, .end = q->t[c - 1].end, .tok = k};
  sp.name = who >= 0 ? q->a->entities.items[who].name
                     : ds_arena_strndup(&q->a->arena, q->a->body + sp.start, sp.end - sp.start);
  q->mark[c] |= QT_CUE_USED;
  qt_add(q, q->t[c + 1].start, q->t[e - 1].end, DS_QUOTE_INDIRECT, &sp, "transcript", c);
  q->turn_end = e;
  return true;
}

/* A headline line "Roe: Levy will fall." or "Poll: …": a named source (an entity or
 * a document word) of up to QT_MAX_HEADLINE_SOURCE words, a colon, and one sentence
 * that ends the paragraph. */
static void S_headline(qt_ctx *q, uint32_t k) {
  if (S_transcript(q, k)) return;
  uint32_t c = k;
  while (c < q->nt && c - k < QT_MAX_HEADLINE_SOURCE && qt_is_word(q, c) && (q->t[c].flags & DS_TF_CAP)) c++;
  if (c == k || c + 1 >= q->nt || !qt_is_punct(q, c, ':') ||
      (c == k + 1 && q->t[k].end - q->t[k].start < 2))
    return;
  uint32_t se = qt_sent_end(q, c + 1);
  if (se < q->nt && !(q->t[se].flags & DS_TF_PARA_START)) return;
  uint32_t commas = 0; /* "Iowa: Jo Roe, Al Tan, …" is a list of names, not a claim */
  for (uint32_t i = c + 1; i < se; i++) commas += qt_is_punct(q, i, ',');
  if (commas > QT_MAX_HEADLINE_COMMAS ||
      S_words(q, c + 1, se, QT_MIN_HEADLINE_WORDS) < QT_MIN_HEADLINE_WORDS)
    return;
  bool doc = false;
  for (uint32_t i = k; i < c; i++) doc |= qt_has(q, i, QC_SPN_DOC);
  int32_t who = ds_entity_last_in(q->a, q->t[k].start, q->t[c - 1].end, DS_ENT_ANY);
  if (who < 0 && !doc) return;
  qt_speaker sp = {.entity = who, .found = true, .start = q->t[k].start, .end = q->t[c - 1].end, .tok = k};
  sp.name = who >= 0 ? q->a->entities.items[who].name : NULL;
  S_emit(q, c + 1, se, &sp, "headline", c);
}

void qt_indirect(qt_ctx *q) {
  for (size_t s = 0; s < q->starts.len; s++) { /* the other tokens start nothing */
    uint32_t k = q->starts.items[s];
    if (q->mark[k] & (QT_IN_QUOTE | QT_CUE_USED | QT_MARK)) continue;
    const char *cue = qt_cue(q, k);
    if (cue) S_cue(q, k, cue);
    else if (k > 0 && qt_is_that(q, k))
      S_noun_cue(q, k - 1);
    else if (q->t[k].flags & DS_TF_PARA_START) S_headline(q, k);
  }
}
