/* Quotations: direct quotes paired from their marks (straight, curly, guillemets;
 * quotes that run over paragraphs; quotes split by their attribution), partial quotes
 * inside a sentence, then indirect speech (tag_quotes_indirect.c). Each quote gets its
 * speaker (tag_quotes_speaker.c) and cue verb lemma. Quoted names ("the “Storm Corps”")
 * are not quotations. Every search is bounded by a named limit. */
#include <stdlib.h>
#include <string.h>

#include "entities.h"
#include "tag_quotes_internal.h"

/* A headline is a short first paragraph in title case: at most this many tokens,
 * two thirds of its words of this many letters or more capitalised ("of", "in" and
 * "to" are not). */
#define QT_MAX_TITLE_TOKENS 40
#define QT_MIN_TITLE_WORD 4

/* Quotes sorted by insertion (S_sort_quotes): moves grow with the square of the count. */
#define QT_MAX_INSERTION_SORT 64

/* Words of a scare quote ("so-called “reset”"); longer fragments are someone's words. */
#define QT_MAX_SCARE_WORDS 1

enum { F_NONE, F_DOUBLE, F_SINGLE, F_GUILLEMET };
enum { D_AMBIG, D_OPEN, D_CLOSE };

typedef struct {
  int family, dir;
} qt_markinfo;

static inline bool S_is_apos(const qt_ctx *q, uint32_t i) {
  return i < q->nt && q->t[i].kind == DS_TOK_QUOTE && q->t[i].end - q->t[i].start == 1 &&
         q->a->body[q->t[i].start] == '\'';
}

/* Tokens a mark takes: 2 for '' (two apostrophes standing for a double mark). */
static inline uint32_t S_width(const qt_ctx *q, uint32_t i) {
  return S_is_apos(q, i) && S_is_apos(q, i + 1) && !(q->t[i + 1].flags & DS_TF_SPACE_BEFORE) ? 2 : 1;
}

static qt_markinfo S_mark(const qt_ctx *q, uint32_t i) {
  qt_markinfo m = {F_NONE, D_AMBIG};
  if (i >= q->nt || q->t[i].kind != DS_TOK_QUOTE) return m;
  const unsigned char *p = (const unsigned char *)q->a->body + q->t[i].start;
  size_t n = q->t[i].end - q->t[i].start;
  if (n == 1) { /* the straight marks, most of them in running text */
    if (p[0] == '"') m.family = F_DOUBLE;
    else if (p[0] == '\'' && !(i > 0 && S_width(q, i - 1) == 2)) /* not the second half of '' */
      m.family = S_width(q, i) == 2 ? F_DOUBLE : F_SINGLE;
  } else if (n == 2 && p[0] == 0xC2) {
    m.family = F_GUILLEMET;
    m.dir = p[1] == 0xAB ? D_OPEN : D_CLOSE;
  } else if (n == 3 && p[0] == 0xE2 && p[1] == 0x80) {
    if (p[2] == 0x9C || p[2] == 0x9E) m = (qt_markinfo){F_DOUBLE, D_OPEN};
    else if (p[2] == 0x9D) m = (qt_markinfo){F_DOUBLE, D_CLOSE};
    else if (p[2] == 0x98) m = (qt_markinfo){F_SINGLE, D_OPEN};
    else if (p[2] == 0x99) m = (qt_markinfo){F_SINGLE, D_CLOSE};
  }
  return m;
}

/* A straight mark opening a paragraph that holds curly marks and no other straight
 * one: a stray left by copying (the paragraph quotes in curly marks), no opening. */
static bool S_stray_straight(const qt_ctx *q, uint32_t i) {
  bool curly = false;
  for (uint32_t j = i + 1; j < q->nt && !(q->t[j].flags & DS_TF_PARA_START) &&
                           q->t[j].start - q->t[i].end <= DS_MAX_QUOTE_BYTES;
       j++) {
    if (q->t[j].kind != DS_TOK_QUOTE) continue;
    if (q->a->body[q->t[j].start] == '"') return false;
    qt_markinfo m = S_mark(q, j);
    curly |= m.family == F_DOUBLE && m.dir != D_AMBIG;
  }
  return curly;
}

/* Straight marks take their direction from the spaces around them (one opens only
 * after a space, as qt_may_open assumes); m is S_mark(q, i). */
static bool S_opens(const qt_ctx *q, uint32_t i, qt_markinfo m) {
  const ds_token *t = &q->t[i];
  uint32_t nx = i + S_width(q, i);
  bool glued_after = nx < q->nt && !(q->t[nx].flags & (DS_TF_SPACE_BEFORE | DS_TF_PARA_START));
  /* ”Words… at a paragraph's start: a closing mark typed for an opening one */
  if (m.dir == D_CLOSE && (t->flags & DS_TF_PARA_START) && glued_after && q->t[nx].kind == DS_TOK_WORD)
    return true;
  if (m.dir != D_AMBIG) return m.dir == D_OPEN;
  bool space_before = i == 0 || (t->flags & (DS_TF_SPACE_BEFORE | DS_TF_PARA_START)) ||
                      qt_is_punct(q, i - 1, '(') || qt_is_punct(q, i - 1, '[');
  if ((t->flags & DS_TF_PARA_START) && m.family == F_DOUBLE && q->a->body[t->start] == '"' &&
      glued_after && S_stray_straight(q, i))
    return false;
  return space_before && glued_after;
}

/* Index of the mark that closes the quote opened at o, or -1. A paragraph that ends
 * unclosed continues only when the next one opens with a mark (news style for long
 * quotes); the search never passes DS_MAX_QUOTE_BYTES. */
static int64_t S_find_close(const qt_ctx *q, uint32_t o, qt_markinfo mo) {
  int fam = mo.family;
  bool straight = mo.dir == D_AMBIG && fam == F_DOUBLE;
  size_t limit = fam == F_SINGLE ? QT_MAX_SINGLE_QUOTE_BYTES : DS_MAX_QUOTE_BYTES;
  int depth = 1;
  for (uint32_t j = o + S_width(q, o); j < q->nt && q->t[j].start - q->t[o].end <= limit; j++) {
    if (q->t[j].kind != DS_TOK_QUOTE && !(q->t[j].flags & DS_TF_PARA_START)) continue; /* no mark */
    qt_markinfo m = S_mark(q, j);
    bool same = m.family == fam;
    if (q->t[j].flags & DS_TF_PARA_START) {
      if (fam == F_SINGLE || !same || !S_opens(q, j, m) || depth != 1) return -1;
      j += S_width(q, j) - 1;
      continue; /* the quote goes on in this paragraph */
    }
    if (!same) continue;
    if (straight && m.dir == D_AMBIG) return j; /* straight marks do not nest */
    if (fam == F_SINGLE && m.dir == D_CLOSE && j + 1 < q->nt &&
        q->t[j + 1].kind == DS_TOK_WORD && !(q->t[j + 1].flags & DS_TF_SPACE_BEFORE))
      continue; /* an apostrophe, not a mark */
    if (S_opens(q, j, m)) {
      if (++depth > QT_MAX_QUOTE_DEPTH) return -1; /* a run of stray opening marks */
    } else if (--depth == 0)
      return j;
    j += S_width(q, j) - 1;
  }
  return -1;
}

static uint32_t S_count_words(const qt_ctx *q, uint32_t o, uint32_t c) {
  uint32_t n = 0;
  for (uint32_t i = o + 1; i < c; i++) n += q->t[i].kind == DS_TOK_WORD;
  return n;
}

/* A short phrase of capitalised words ("Special Buryat Battalion", "I Want to Live")
 * names a thing; nobody says it. */
static bool S_is_name(const qt_ctx *q, uint32_t o, uint32_t c) {
  uint32_t words = 0, caps = 0, other = 0; /* other: lower-case words not of a title */
  for (uint32_t i = o + 1; i < c; i++) {
    const ds_token *t = &q->t[i];
    bool last = i + 1 == c;
    if (t->kind == DS_TOK_PUNCT && (qt_is_stop(q, i) || qt_is_punct(q, i, ',')) && !last) return false;
    if (t->kind != DS_TOK_WORD && t->kind != DS_TOK_NUMBER) continue;
    if (++words > QT_MAX_NAME_WORDS) return false; /* no need to classify the rest */
    if (t->flags & (DS_TF_CAP | DS_TF_UPPER) || t->kind == DS_TOK_NUMBER) caps++;
    else if (!qt_has(q, i, QC_NAME_WORD)) other++;
  }
  /* "Orange is the New Black": one plain word among several capitalised ones */
  return caps > 0 && words <= QT_MAX_NAME_WORDS && other <= (caps >= 3 ? 1u : 0u);
}

static bool S_set_off(const qt_ctx *q, uint32_t o, uint32_t words) {
  const ds_token *t = &q->t[o];
  if (o == 0 || (t->flags & (DS_TF_PARA_START | DS_TF_SENT_START))) return true;
  uint32_t p = o - 1;
  if (qt_is_punct(q, p, ':') || qt_is_punct(q, p, ',') || q->t[p].kind == DS_TOK_QUOTE ||
      qt_is_stop(q, p) || qt_is_punct(q, p, '(') || qt_cue(q, p))
    return true;
  if (q->t[p].kind == DS_TOK_PUNCT && q->t[p].end - q->t[p].start > 1) return true; /* — */
  return (qt_is(q, p, "that") || qt_is(q, p, "saying")) && words >= 4;
}

/* The kind of the quote opening at o with words words inside its marks. */
static ds_quote_kind S_kind(const qt_ctx *q, uint32_t o, uint32_t words) {
  return S_set_off(q, o, words) ? DS_QUOTE_DIRECT : DS_QUOTE_PARTIAL;
}

/* ---- attribution ---- */

typedef struct {
  qt_speaker sp;
  const char *cue;
  uint32_t cue_tok;
  bool ok;
  bool far; /* the cue governs a wider report ("said the ad “unfairly” suggests …") */
} qt_attr;

static bool S_is_inner_word(const qt_ctx *q, uint32_t i) {
  return qt_has(q, i, QC_PREP) || qt_is(q, i, "and") || qt_is(q, i, "or");
}

/* The first cue in [i, hi), or hi when there is none. */
static uint32_t S_first_cue(const qt_ctx *q, uint32_t i, uint32_t hi) {
  while (i < hi && !qt_cue_near(q, i)) i++;
  return i;
}

/* True when token i ends an attribution clause: end, stop, comma, or a time. */
static bool S_clause_end(const qt_ctx *q, uint32_t i, uint32_t hi) {
  return i >= hi || qt_is_stop(q, i) || qt_is_punct(q, i, ',') || qt_in_time(q, i);
}

/* The whole phrase up to the clause end ("said a person close to the family"): the
 * text names the speaker though no entity covers it. */
static qt_speaker S_phrase(const qt_ctx *q, uint32_t i, uint32_t hi) {
  qt_speaker sp = {.entity = -1};
  uint32_t e = i;
  while (e < hi && e - i < QT_MAX_NP_TOKENS && !S_clause_end(q, e, hi) && q->t[e].kind == DS_TOK_WORD) e++;
  if (e == i || !S_clause_end(q, e, hi) || qt_cue(q, i)) return sp;
  sp.start = q->t[i].start, sp.end = q->t[e - 1].end;
  bool det = qt_is(q, i, "a") || qt_is(q, i, "an") || qt_is(q, i, "the") || qt_is(q, i, "one");
  /* "said master of ceremonies Asab Al-Tabchi": the person named; but in "a person
   * close to X" the mention is not the speaker */
  int32_t m = det ? -1 : ds_entity_mention_at(q->a, sp.start, sp.end);
  if (m >= 0 && q->a->entities.items[q->a->mentions.items[m].entity].type == DS_ENT_PERSON)
    sp.entity = q->a->mentions.items[m].entity;
  if (!det && sp.entity < 0) return sp;
  sp.found = true, sp.tok = i;
  sp.name = sp.entity >= 0 ? q->a->entities.items[sp.entity].name
                           : ds_arena_strndup(&q->a->arena, q->a->body + sp.start, sp.end - sp.start);
  return sp;
}

/* "…,” Toomey fumed." / "…,” fumed Toomey.": any verb stands as the cue when it sits
 * alone with the speaker between the mark and the end of the clause. */
static qt_attr S_after_verb(const qt_ctx *q, uint32_t i, uint32_t hi) {
  qt_attr r = {.ok = false};
  uint32_t end;
  /* only a quote that ends its clause ("…,” X fumed): not "“…” of X troops." */
  bool closed = i > 1 && (qt_is_punct(q, i - 1, ',') || qt_is_stop(q, i - 2) || qt_is_punct(q, i - 2, ','));
  if (!closed || S_is_inner_word(q, i)) return r;
  bool lead = qt_is_lower_word(q, i) && !qt_has(q, i, QC_STOPCAPS);
  qt_speaker sp = qt_np_after(q, lead ? i + 1 : i, hi, &end);
  if (!sp.found || !(sp.entity >= 0 || sp.name)) return r;
  uint32_t verb = lead ? i : end;
  if (!lead && (!qt_is_lower_word(q, end) || qt_has(q, end, QC_STOPCAPS))) return r;
  /* "“…,” Roe sings to the crowd before …": a named person right after a comma-closed
   * quote speaks it, whatever follows the verb */
  bool person = sp.entity >= 0 && q->a->entities.items[sp.entity].type == DS_ENT_PERSON;
  bool comma = qt_is_punct(q, i - 1, ',') || qt_is_punct(q, i - 2, ',');
  if (!S_clause_end(q, lead ? end : end + 1, hi) && !(person && comma && !lead)) return r;
  size_t n = q->t[verb].end - q->t[verb].start;
  char *w = ds_arena_strndup(&q->a->arena, q->a->body + q->t[verb].start, n);
  r.sp = sp, r.cue = w, r.cue_tok = verb, r.ok = true;
  return r;
}

/* A dash (— ― –) as its own token. */
static bool S_is_dash(const qt_ctx *q, uint32_t i) {
  if (i >= q->nt || q->t[i].kind != DS_TOK_PUNCT) return false;
  const unsigned char *p = (const unsigned char *)q->a->body + q->t[i].start;
  return q->t[i].end - q->t[i].start == 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0x93 && p[2] <= 0x95;
}

/* "“…” ― Jane Roe": a byline under the quote names its speaker; only a named one
 * filling the rest of the clause ("“…” — a dash of irony" is the writer's). */
static qt_attr S_after_dash(const qt_ctx *q, uint32_t i, uint32_t hi) {
  qt_attr r = {.ok = false};
  uint32_t end;
  r.sp = qt_np_after(q, i + 1, hi, &end);
  if (!r.sp.found || r.sp.entity < 0 || !S_clause_end(q, end, hi)) return r;
  r.cue = NULL, r.cue_tok = UINT32_MAX, r.ok = true;
  return r;
}

/* The quote closing at c ends with its own clause punctuation ("…,” said Roe",
 * "…?” asked Roe"), or a comma follows it. */
static bool S_ends_clause(const qt_ctx *q, uint32_t c) {
  uint32_t p = c;
  while (p > 0 && q->t[p].kind == DS_TOK_QUOTE && c - p < 3) p--; /* '' or ’” */
  return qt_is_punct(q, p, ',') || qt_is_stop(q, p) || qt_is_punct(q, p, '?') || qt_is_punct(q, p, '!') ||
         qt_is_punct(q, c + 1, ',') || (q->t[p].kind == DS_TOK_PUNCT && q->t[p].end - q->t[p].start > 1);
}

/* After "“….” Rubio said", token t opens reported content of its own ("he …",
 * "that …", "Trump is …"), not a listener or place ("to Sullivan", "in Virginia"). */
static bool S_new_report(const qt_ctx *q, uint32_t t) {
  return qt_is_pronoun(q, t) || qt_is(q, t, "that") || (q->t[t].flags & DS_TF_CAP) ||
         q->t[t].kind == DS_TOK_QUOTE;
}

/* "“…”\n\n- Jane Roe, Springfield.": a byline paragraph of its own under the quote. */
static qt_attr S_byline_para(const qt_ctx *q, uint32_t i) {
  qt_attr r = {.ok = false};
  if (i >= q->nt || !(q->t[i].flags & DS_TF_PARA_START) || !(S_is_dash(q, i) || qt_is_punct(q, i, '-')))
    return r;
  uint32_t hi = i + 1;
  while (hi < q->nt && hi - i < QT_MAX_ATTR_TOKENS && !(q->t[hi].flags & DS_TF_PARA_START)) hi++;
  uint32_t end;
  r.sp = qt_np_after(q, i + 1, hi, &end);
  if (!r.sp.found || r.sp.entity < 0 || !(end >= hi || qt_is_stop(q, end) || qt_is_punct(q, end, ',')))
    return r;
  r.cue = NULL, r.cue_tok = UINT32_MAX, r.ok = true;
  return r;
}

/* "…,” he said." / "…,” said Kirby." / "…,” according to X." */
static qt_attr S_after(const qt_ctx *q, uint32_t c) {
  qt_attr r = {.ok = false};
  uint32_t i = c + 1;
  if (qt_is_punct(q, i, ',')) i++;
  uint32_t hi = i;
  while (hi < q->nt && hi - i < QT_MAX_ATTR_TOKENS && !qt_is_stop(q, hi) &&
         q->t[hi].kind != DS_TOK_QUOTE && !(q->t[hi].flags & DS_TF_PARA_START))
    hi++;
  if (hi == i) return S_byline_para(q, i);
  if (S_is_dash(q, i) && (r = S_after_dash(q, i, hi)).ok) return r;
  uint32_t first = S_first_cue(q, i, hi);
  if (first == hi) return S_after_verb(q, i, hi);
  for (uint32_t k = first; k < hi; k++) { /* from the first cue: the words before it are no cue */
    const char *cue = qt_cue_near(q, k);
    if (!cue) continue;
    uint32_t end = k + 1;
    uint32_t from = strcmp(cue, "according to") == 0 ? k + 2 : k + 1;
    if (k == i && !S_ends_clause(q, c)) return r; /* "the ad “wrongfully” suggests" */
    if (k == i) { /* "…,” said Atlantic City Mayor Don Guardian in an interview." */
      r.sp = qt_np_after(q, from, hi, &end);
      bool named = r.sp.found && (r.sp.entity >= 0 || r.sp.name);
      if (!r.sp.found || !(S_clause_end(q, end, hi) || named)) r.sp = S_phrase(q, from, hi);
    } else {
      r.sp = qt_subject(q, k, i);
      /* the phrase follows the mark, or a comma ("…” for the win, Sanders said") */
      if (r.sp.tok != i && !(r.sp.tok > i && qt_is_punct(q, r.sp.tok - 1, ','))) r.sp.found = false;
      if (!r.sp.found) { /* "…” about the plan, said Jane Roe, …" */
        r.sp = qt_np_after(q, from, hi, &end);
        if (r.sp.found && !S_clause_end(q, end, hi)) r.sp.found = false;
      }
    }
    if (!r.sp.found) {
      /* "…,” said 9/11 widow Jane Roe.": the quote is attributed even when the phrase
       * defeats us; the speaker stays unknown rather than carried from elsewhere */
      bool comma = c > 0 && (qt_is_punct(q, c - 1, ',') || qt_is_punct(q, c + 1, ','));
      if (k == i && comma) r.sp = (qt_speaker){.entity = -1}, r.cue = cue, r.cue_tok = k, r.ok = true;
      return r.ok ? r : S_after_verb(q, i, hi);
    }
    /* after a quote closed by a full stop, "Rubio said he …" opens a new report */
    uint32_t tail = k == i ? end : k + 1;
    while (tail < hi && qt_in_time(q, tail)) tail++;
    bool asked = qt_is_punct(q, c - 1, '?') || qt_is_punct(q, c - 1, '!'); /* "“…?” Roe writes to Poe." */
    if (c > 0 && qt_is_stop(q, c - 1) && !S_clause_end(q, tail, hi) && (!asked || S_new_report(q, tail))) {
      r.sp.found = false;
      return r;
    }
    r.cue = cue, r.cue_tok = k, r.ok = true;
    return r;
  }
  return r;
}

/* The speaker of the cue at k: the quote it attributed just before (“…,” she said,
 * adding …), else its subject. */
static qt_speaker S_said_adding(const qt_ctx *q, uint32_t k, uint32_t ss) {
  const ds_article *a = q->a;
  if (a->quotes.len && (q->mark[k] & QT_CUE_USED)) {
    const ds_quote *p = &a->quotes.items[a->quotes.len - 1];
    if ((p->speaker >= 0 || p->speaker_name) && p->end <= q->t[k].start)
      return (qt_speaker){.entity = p->speaker, .name = p->speaker_name, .start = p->speaker_start,
                          .end = p->speaker_end, .found = true};
  }
  return qt_subject(q, k, ss);
}

/* A "that" between the cue at k and the mark at o: the cue reports a clause. */
static bool S_has_that(const qt_ctx *q, uint32_t k, uint32_t o) {
  for (uint32_t i = k + 1; i < o; i++)
    if (qt_is(q, i, "that")) return true;
  return false;
}

/* An attribution ending at token end reaches the mark at o: nothing, or only a comma
 * or colon, stands between them. */
static bool S_reaches(const qt_ctx *q, uint32_t end, uint32_t o) {
  return end >= o || (end + 1 == o && (qt_is_punct(q, end, ',') || qt_is_punct(q, end, ':')));
}

/* "Putin said: “…”", "Putin remarked, “…”", "stated that “…”", "According to X, “…”".
 * strict: only connectives may stand between the cue and the mark; a cue whose
 * attribution cannot reach the mark is given up before its subject is sought. */
static qt_attr S_before(const qt_ctx *q, uint32_t o, bool strict) {
  qt_attr r = {.ok = false};
  uint32_t reach = strict ? QT_MAX_CUE_GAP : DS_MAX_SENTENCE_TOKENS;
  for (uint32_t k = o; k > 0 && o - k < reach;) {
    if (q->t[k].flags & DS_TF_PARA_START) break;
    k--;
    if (qt_is_stop(q, k) || (q->mark[k] & QT_QMARK)) break;
    const char *cue = qt_cue(q, k);
    if (!cue || (q->mark[k] & QT_IN_QUOTE)) continue;
    bool acc = strcmp(cue, "according to") == 0;
    uint32_t end = k + 1;
    if (acc) {
      r.sp = qt_np_after(q, k + 2, o, &end);
      if (qt_is_punct(q, end, ',')) end++;
    } else {
      end = qt_skip_after_cue(q, k, o);
      bool tell = qt_cue_in(cue, QT_CUE_TELL);        /* "told his supporters," */
      bool named_after = !tell && !qt_is_pronoun(q, k + 1); /* "said Kirby: “…”", not "called it “…”" */
      if (strict && !named_after && !S_reaches(q, end, o)) continue; /* end stays as it is */
      uint32_t ss = qt_sent_start(q, k) < k ? qt_sent_start(q, k) : 0;
      r.sp = qt_subject(q, k, ss);
      if (!r.sp.found && k > ss + 2 && qt_is_punct(q, k - 1, ',') && qt_cue(q, k - 2))
        r.sp = S_said_adding(q, k - 2, ss); /* "Roe said, adding, “…”": the first cue's speaker */
      if (!r.sp.found && named_after) {
        uint32_t e2;
        r.sp = qt_np_after(q, k + 1, o, &e2);
        if (r.sp.found) end = e2 < o && (qt_is_punct(q, e2, ':') || qt_is_punct(q, e2, ',')) ? e2 + 1 : e2;
        if (end != o) r.sp.found = false;
      }
      if (!r.sp.found && (!strict || S_reaches(q, end, o)))
        r.sp = qt_sentence_subject(q, k); /* "…, but told them, “…”" */
    }
    if (strict && !S_reaches(q, end, o)) continue;
    if (!r.sp.found) continue;
    r.cue = cue, r.cue_tok = k, r.ok = true, r.far = !strict && S_has_that(q, k, o);
    return r;
  }
  return r;
}

/* "McConnell delivered a message to Trump: “…”" (the sentence's subject speaks), or
 * "Jeffrey M. Jones: “…”" (a name alone before the colon). */
static qt_attr S_colon_name(const qt_ctx *q, uint32_t o) {
  qt_attr r = {.ok = false};
  r.sp = qt_sentence_subject(q, o - 1);
  if (!r.sp.found || !(r.sp.entity >= 0 || r.sp.name)) {
    uint32_t end, ss = qt_sent_start(q, o - 1), p = ss;
    while (p < o - 1 && p - ss < QT_MAX_CUE_GAP && !(q->t[p].flags & DS_TF_CAP)) p++;
    r.sp = qt_np_after(q, p, o - 1, &end);
    if (!r.sp.found || end != o - 1 || r.sp.entity < 0) return r;
  }
  r.cue = NULL, r.cue_tok = UINT32_MAX, r.ok = true;
  return r;
}

/* "Caddell continued:" ending the paragraph before the quote. */
static qt_attr S_colon_intro(const qt_ctx *q, uint32_t o) {
  qt_attr r = {.ok = false};
  if (o < 2 || !qt_is_punct(q, o - 1, ':')) return r;
  if (!qt_is_lower_word(q, o - 2)) return S_colon_name(q, o);
  uint32_t v = o - 2, ss = qt_sent_start(q, v); /* "X read a statement:": the verb */
  for (uint32_t k = v; k > ss && v - k < QT_MAX_CUE_GAP; k--)
    if (qt_cue_near(q, k)) {
      v = k;
      break;
    }
  const char *cue = qt_cue_near(q, v);
  r.sp = qt_subject(q, v, ss);
  if (!cue && !(r.sp.found && r.sp.entity >= 0)) {
    r.sp = qt_sentence_subject(q, v); /* "Roe issued the following statement:" */
    if (r.sp.entity < 0) r.sp.found = false;
  }
  if (!r.sp.found) return r;
  r.cue = cue, r.cue_tok = cue ? v : UINT32_MAX, r.ok = true;
  return r;
}

/* "the former candidate Mark Roe -- “…” --": a person named just before a dash that
 * opens the quote. */
static qt_attr S_dash_before(const qt_ctx *q, uint32_t o) {
  qt_attr r = {.ok = false};
  uint32_t d = o;
  while (d > 0 && o - d < 2 && (S_is_dash(q, d - 1) || qt_is_punct(q, d - 1, '-'))) d--;
  if (d == o || d == 0 || q->t[d].flags & DS_TF_PARA_START) return r;
  r.sp = qt_subject(q, d, qt_sent_start(q, d - 1));
  if (!r.sp.found || r.sp.entity < 0 || q->a->entities.items[r.sp.entity].type != DS_ENT_PERSON ||
      r.sp.end != q->t[d - 1].end)
    return r;
  r.cue = NULL, r.cue_tok = UINT32_MAX, r.ok = true;
  return r;
}

/* The previous quote's speaker when it ended just before this one. */
static qt_attr S_carry(const qt_ctx *q, uint32_t o) {
  qt_attr r = {.ok = false};
  const ds_article *a = q->a;
  if (!a->quotes.len || !(q->t[o].flags & (DS_TF_SENT_START | DS_TF_PARA_START))) return r;
  const ds_quote *p = &a->quotes.items[a->quotes.len - 1];
  if (p->speaker < 0 && !p->speaker_name) return r;
  if (q->t[o].start < p->end || q->t[o].start - p->end > QT_MAX_CARRY_BYTES) return r;
  r.sp = (qt_speaker){.entity = p->speaker, .name = p->speaker_name, .start = p->speaker_start,
                      .end = p->speaker_end, .found = true};
  r.cue = p->cue, r.ok = true, r.cue_tok = UINT32_MAX;
  return r;
}

/* A quote opening a sentence with no attribution of its own, right after a sentence
 * that reports someone's words ("Braynard boasted that …"): that someone speaks. */
static qt_attr S_prev_sentence(const qt_ctx *q, uint32_t o) {
  qt_attr r = {.ok = false};
  int32_t before = o > 0 ? qt_sent(q, o - 1) : -1;
  if (!(q->t[o].flags & (DS_TF_SENT_START | DS_TF_PARA_START)) || before < 0) return r;
  const ds_sentence *s = &q->a->sentences.items[before];
  for (uint32_t k = s->tok_start; k < s->tok_end && k < o; k++) {
    const char *cue = qt_cue(q, k);
    if (!cue || (q->mark[k] & QT_IN_QUOTE) || strcmp(cue, "according to") == 0) continue;
    r.sp = qt_subject(q, k, s->tok_start);
    if (!r.sp.found || !(r.sp.entity >= 0 || r.sp.name)) continue;
    r.cue = cue, r.cue_tok = UINT32_MAX, r.ok = true;
    return r;
  }
  return r;
}

/* A fragment inside a sentence with no cue ("Trump went on to portray “illegal”
 * immigrants as …"): the words are the sentence subject's, when it names a person.
 * Only a person: after "the Duma approved the treaty, which allows for “…”" the words
 * are the treaty's, not the Duma's. */
static qt_attr S_subject_words(const qt_ctx *q, uint32_t o) {
  qt_attr r = {.ok = false};
  r.sp = qt_sentence_subject(q, o);
  if (!r.sp.found || r.sp.entity < 0 || q->a->entities.items[r.sp.entity].type != DS_ENT_PERSON)
    return r;
  r.cue = NULL, r.cue_tok = UINT32_MAX, r.ok = true;
  return r;
}

static qt_attr S_attribute(qt_ctx *q, uint32_t o, uint32_t c) {
  q->anchor = q->t[o].start;
  qt_attr r = S_before(q, o, true);
  if (!r.ok) r = S_after(q, c);
  if (!r.ok) r = S_dash_before(q, o);
  if (!r.ok) r = S_colon_intro(q, o);
  if (!r.ok) r = S_before(q, o, false);
  if (!r.ok) r = S_carry(q, o);
  if (!r.ok) r = S_prev_sentence(q, o);
  if (!r.ok && !(q->t[o].flags & (DS_TF_SENT_START | DS_TF_PARA_START))) r = S_subject_words(q, o);
  q->anchor = UINT32_MAX;
  return r;
}

/* A word or two in marks inside a sentence, with no cue of its own ("the so-called
 * “reset”", "what critics see as “magic”"): a scare quote or a term, not a report. */
static bool S_scare(const qt_ctx *q, uint32_t o, ds_quote_kind kind, uint32_t words,
                    const qt_attr *at) {
  if (at->ok && at->cue_tok != UINT32_MAX) return false;
  if (kind != DS_QUOTE_PARTIAL || words > QT_MAX_SCARE_WORDS) return false;
  for (uint32_t k = qt_sent_start(q, o), e = qt_sent_end(q, o); k < e; k++)
    if (qt_cue(q, k)) return false; /* "warned of a “ferocious” battle": someone's word */
  return true;
}

ds_quote *qt_add(qt_ctx *q, uint32_t s, uint32_t e, ds_quote_kind kind, const qt_speaker *sp,
                 const char *cue, uint32_t tok) {
  const char *b = q->a->body;
  while (s < e && (b[s] == ' ' || b[s] == '\n' || b[s] == '\t')) s++;
  while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\n' || b[e - 1] == '\t' ||
                   (kind != DS_QUOTE_INDIRECT && b[e - 1] == ',')))
    e--; /* the comma of "“…,” he said" belongs to the sentence, not the quote */
  if (s >= e) return NULL;
  ds_quote *qu = DS_PUSH(&q->a->arena, &q->a->quotes);
  *qu = (ds_quote){.start = s, .end = e, .kind = kind, .speaker = -1, .cue = cue};
  int32_t sent = qt_sent(q, tok);
  qu->sentence = sent >= 0 ? (uint32_t)sent : 0;
  if (sp && sp->found) {
    qu->speaker = sp->entity;
    qu->speaker_name = sp->name;
    qu->speaker_start = sp->start, qu->speaker_end = sp->end;
  }
  return qu;
}

/* The quote opening at mark o, if it is one; returns the token after it (o + 1 when
 * there is none). */
static uint32_t S_direct_at(qt_ctx *q, uint32_t o) {
  qt_markinfo m = S_mark(q, o);
  if (m.family == F_NONE || !S_opens(q, o, m)) return o + 1;
  int64_t cl = S_find_close(q, o, m);
  if (cl < 0) return o + 1;
  uint32_t c = (uint32_t)cl, ow = S_width(q, o), cw = S_width(q, c);
  for (uint32_t i = o; i < c + cw; i++) q->mark[i] |= QT_MARK;
  qt_attr at = S_attribute(q, o, c + cw - 1);
  bool near_cue = at.ok && at.cue_tok != UINT32_MAX &&
                  (at.cue_tok + QT_NEAR_CUE >= o && at.cue_tok <= c + QT_NEAR_CUE);
  uint32_t co = o + ow - 1; /* the last token of the opening mark */
  if (c == co + 1 || (!near_cue && S_is_name(q, co, c))) return c + cw;
  uint32_t words = S_count_words(q, co, c); /* counted once: the kind and S_scare ask */
  ds_quote_kind kind = S_kind(q, o, words);
  if (S_scare(q, o, kind, words, &at)) return c + cw;
  for (uint32_t i = co + 1; i < c; i++) q->mark[i] |= QT_IN_QUOTE;
  for (uint32_t i = 0; i < ow; i++) q->mark[o + i] |= QT_QMARK;
  for (uint32_t i = 0; i < cw; i++) q->mark[c + i] |= QT_QMARK;
  if (at.ok && at.cue_tok != UINT32_MAX && !at.far) q->mark[at.cue_tok] |= QT_CUE_USED;
  ds_quote *qu = qt_add(q, q->t[co].end, q->t[c].start, kind, at.ok ? &at.sp : NULL,
                        at.ok ? at.cue : NULL, o);
  if (qu) {
    bool pron =
        at.ok && at.sp.found && qt_is_pronoun(q, at.sp.tok) && at.sp.end == q->t[at.sp.tok].end;
    q->weak[q->a->quotes.len - 1] = !at.ok || at.cue_tok == UINT32_MAX || pron;
    q->carry_entity = qu->speaker;
    q->carry_end = qu->speaker_end > qu->end ? qu->speaker_end : qu->end;
  }
  return c + cw;
}

void qt_direct(qt_ctx *q) {
  uint32_t from = 0; /* marks before this are inside a quote already taken */
  for (size_t m = 0; m < q->marks.len; m++)
    if (q->marks.items[m] >= from) from = S_direct_at(q, q->marks.items[m]);
}

static int S_cmp_quote(const void *x, const void *y) {
  const ds_quote *a = x, *b = y;
  if (a->start != b->start) return a->start < b->start ? -1 : 1;
  if (a->end != b->end) return a->end > b->end ? -1 : 1;
  return (int)a->kind - (int)b->kind;
}

/* The quotes are nearly in order (direct ones by their marks, then indirect ones by
 * their cues): an insertion sort, stable as the library's merge sort; more quotes
 * than QT_MAX_INSERTION_SORT go to the library (its worst case is not quadratic). */
static void S_sort_quotes(ds_article *a) {
  ds_quote *v = a->quotes.items;
  if (a->quotes.len > QT_MAX_INSERTION_SORT) {
    qsort(v, a->quotes.len, sizeof *v, S_cmp_quote);
    return;
  }
  for (size_t i = 1; i < a->quotes.len; i++) {
    ds_quote x = v[i];
    size_t j = i;
    for (; j > 0 && S_cmp_quote(&v[j - 1], &x) > 0; j--) v[j] = v[j - 1];
    v[j] = x;
  }
}

static void S_sentence_index_any(qt_ctx *q) {
  const ds_article *a = q->a;
  q->sent = ds_arena_alloc_raw(&q->a->arena, sizeof *q->sent * q->nt);
  for (uint32_t i = 0; i < q->nt; i++) q->sent[i] = -1;
  for (size_t s = 0; s < a->sentences.len; s++)
    for (uint32_t i = a->sentences.items[s].tok_start; i < a->sentences.items[s].tok_end && i < q->nt; i++)
      q->sent[i] = (int32_t)s;
}

/* Sentences come in token order (segment.c), so qt_sent finds a token's by binary
 * search and no per-token index is written; out of order, it is written the general
 * way (a later sentence wins a token). */
static void S_sentence_index(qt_ctx *q) {
  const ds_article *a = q->a;
  q->sent_memo = DS_NEW(&q->a->arena, uint32_t, 1);
  uint32_t i = 0; /* the first token no sentence so far covers (at most nt) */
  for (size_t s = 0; s < a->sentences.len; s++) {
    const ds_sentence *se = &a->sentences.items[s];
    if (se->tok_start < i) {
      S_sentence_index_any(q);
      return;
    }
    if (se->tok_start < q->nt) i = se->tok_start;
    else i = q->nt;
    if (se->tok_end > i) i = se->tok_end < q->nt ? se->tok_end : q->nt;
  }
}

/* A direct or partial quote left without a speaker inside reported speech that has
 * one ("“Boots on the ground” would help, Carson said") is that speaker's. Only the
 * few reports just before it are looked at. */
static void S_inherit(ds_article *a) {
  for (size_t i = 0; i < a->quotes.len; i++) {
    ds_quote *q = &a->quotes.items[i];
    if (q->kind == DS_QUOTE_INDIRECT || q->speaker >= 0 || q->speaker_name) continue;
    for (size_t j = i; j-- > 0 && i - j <= QT_MAX_INHERIT;) {
      const ds_quote *r = &a->quotes.items[j];
      if (r->kind != DS_QUOTE_INDIRECT || r->end < q->end || (r->speaker < 0 && !r->speaker_name)) continue;
      q->speaker = r->speaker, q->speaker_name = r->speaker_name;
      q->speaker_start = r->speaker_start, q->speaker_end = r->speaker_end;
      if (!q->cue) q->cue = r->cue;
      break;
    }
  }
}

/* First indirect quote (index >= lo) in sentence s or later: indirect quotes come in
 * the order of their cues, so their sentences never decrease. */
static size_t S_first_in_sentence(const ds_article *a, size_t lo, uint32_t s) {
  size_t hi = a->quotes.len;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (a->quotes.items[mid].sentence < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* A fragment inside reported speech ("Roe said the plan was “a disgrace”", "condemned
 * what he called a “breach”") is the report's speaker's when nothing but a pronoun or
 * the context gave it one. */
static void S_inside_report(qt_ctx *q) {
  ds_article *a = q->a;
  for (size_t i = 0; i < q->n_direct; i++) {
    ds_quote *d = &a->quotes.items[i];
    if (d->kind != DS_QUOTE_PARTIAL || !q->weak[i]) continue;
    for (size_t j = S_first_in_sentence(a, q->n_direct, d->sentence);
         j < a->quotes.len && a->quotes.items[j].sentence == d->sentence; j++) {
      const ds_quote *r = &a->quotes.items[j];
      if (r->start > d->start || r->end < d->end || (r->speaker < 0 && !r->speaker_name)) continue;
      d->speaker = r->speaker, d->speaker_name = r->speaker_name;
      d->speaker_start = r->speaker_start, d->speaker_end = r->speaker_end;
      if (!d->cue) d->cue = r->cue;
      break;
    }
  }
}

/* The end of the headline: the first paragraph when it is short and in title case
 * ("Mayor Says Pier Will Reopen"), else 0 (a body without its title). */
static uint32_t S_title_end(const qt_ctx *q) {
  uint32_t e = 1, words = 0, caps = 0;
  for (; e < q->nt && !(q->t[e].flags & DS_TF_PARA_START); e++) {
    if (e > QT_MAX_TITLE_TOKENS) return 0;
    if (!qt_is_word(q, e) || q->t[e].end - q->t[e].start < QT_MIN_TITLE_WORD) continue;
    words++;
    caps += (q->t[e].flags & DS_TF_CAP) != 0;
  }
  return words && caps * 3 >= words * 2 ? e : 0;
}

void ds_tag_quotes(ds_article *a) {
  if (!a->tokens.len) return;
  qt_ctx q = {.a = a, .t = a->tokens.items, .nt = (uint32_t)a->tokens.len,
              .carry_entity = -1, .anchor = UINT32_MAX, .turn_end = UINT32_MAX};
  q.mark = DS_NEW(&a->arena, uint8_t, q.nt);
  q.cls = DS_NEW(&a->arena, uint32_t, q.nt); /* zeroed: no token classified yet */
  q.word = ds_arena_alloc_raw(&a->arena, sizeof *q.word * q.nt);
  qt_words_init();
  q.title_end = S_title_end(&q);
  qt_classify(&q);
  qt_time_index(&q);
  S_sentence_index(&q);
  /* each direct quote opens at a mark of its own: no more quotes than marks */
  q.weak = DS_NEW(&a->arena, uint8_t, a->quotes.len + q.marks.len);
  q.gender = DS_NEW(&a->arena, uint8_t, a->entities.len + 1);
  qt_direct(&q);
  q.n_direct = a->quotes.len;
  q.carry_entity = -1; /* "he" in indirect speech resolves on its own */
  qt_indirect(&q);
  S_inside_report(&q);
  S_sort_quotes(a);
  S_inherit(a);
}
