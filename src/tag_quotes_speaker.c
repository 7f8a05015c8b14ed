/* Token helpers and the speaker finder of the quotation tagger: who stands at a cue
 * verb ("Pentagon spokeswoman Sabrina Singh on Friday reiterated", "he said",
 * "said Kirby", "according to the ministry"). A speaker is the named entity of the
 * phrase, a pronoun resolved to its entity, or, when the phrase names nobody
 * ("analysts", "the statement"), no entity at all. */
#include <string.h>

#include "entities.h"
#include "tag_quotes_internal.h"

int32_t qt_sent(const qt_ctx *q, uint32_t i) {
  if (q->sent) return q->sent[i];
  const ds_sentence *v = q->a->sentences.items;
  size_t lo = 0, hi = q->a->sentences.len, m = *q->sent_memo;
  if (m < hi && v[m].tok_start <= i && i < v[m].tok_end) return (int32_t)m;
  if (m + 1 < hi && v[m + 1].tok_start <= i && i < v[m + 1].tok_end) { /* the passes go forward */
    *q->sent_memo = (uint32_t)(m + 1);
    return (int32_t)(m + 1);
  }
  while (lo < hi) { /* the first sentence starting after i */
    size_t mid = (lo + hi) / 2;
    if (v[mid].tok_start <= i) lo = mid + 1;
    else hi = mid;
  }
  if (lo == 0 || i >= v[lo - 1].tok_end) return -1;
  *q->sent_memo = (uint32_t)(lo - 1);
  return (int32_t)(lo - 1);
}

uint32_t qt_sent_start(const qt_ctx *q, uint32_t i) {
  int32_t s = qt_sent(q, i);
  return s >= 0 ? q->a->sentences.items[s].tok_start : i;
}

uint32_t qt_sent_end(const qt_ctx *q, uint32_t i) {
  int32_t s = qt_sent(q, i);
  return s >= 0 ? q->a->sentences.items[s].tok_end : i + 1;
}

static bool S_in_mention(const qt_ctx *q, uint32_t i) {
  return ds_entity_mention_overlapping(q->a, q->t[i].start, q->t[i].end) >= 0;
}

/* Connectors that cannot start a speaker's phrase (unlike "the", "a"). */
static bool S_is_inner(const qt_ctx *q, uint32_t i) { return qt_has(q, i, QC_INNER); }

static bool S_is_connector(const qt_ctx *q, uint32_t i) { return qt_has(q, i, QC_CONNECTOR); }

static bool S_is_role(const qt_ctx *q, uint32_t i) { return qt_has(q, i, QC_ROLE); }

static bool S_np_token(const qt_ctx *q, uint32_t i);

/* A lower-case modifier before a capitalised word or role ("veteran analyst Charlie
 * Cook", "the younger Mr. Trump"); verbs in -ing and function words are not. */
static bool S_modifier(const qt_ctx *q, uint32_t i) {
  if (!qt_is_lower_word(q, i) || qt_cue(q, i) || qt_has(q, i, QC_STOPCAPS) ||
      qt_has(q, i, QC_PREP) || qt_has(q, i, QC_SKIP))
    return false;
  size_t n = q->t[i].end - q->t[i].start;
  if (n < 3 || memcmp(q->a->body + q->t[i].end - 3, "ing", 3) == 0) return false;
  for (uint32_t j = i + 1; j < q->nt && j <= i + QT_MAX_MODIFIERS; j++) {
    if (!qt_is_word(q, j)) return false;
    if ((q->t[j].flags & DS_TF_CAP) || S_is_role(q, j)) return true;
    if (!qt_is_lower_word(q, j) || qt_cue(q, j) || qt_has(q, j, QC_STOPCAPS)) return false;
  }
  return false;
}

static bool S_np(const qt_ctx *q, uint32_t i) { return S_np_token(q, i) || S_modifier(q, i); }

/* A token that can sit inside a speaker's noun phrase. */
static bool S_np_token(const qt_ctx *q, uint32_t i) {
  if (i >= q->nt) return false;
  const ds_token *t = &q->t[i];
  if (t->kind == DS_TOK_QUOTE) {
    /* the possessive of "Austin’s office" when segment splits it off */
    if (i + 1 < q->nt && qt_is(q, i + 1, "s") && !(q->t[i + 1].flags & DS_TF_SPACE_BEFORE)) return true;
    /* "Sanders’ campaign": the possessive of a name in -s */
    if (i > 0 && q->t[i - 1].kind == DS_TOK_WORD && q->a->body[q->t[i - 1].end - 1] == 's' &&
        (q->t[i - 1].flags & DS_TF_CAP) && !(q->t[i].flags & DS_TF_SPACE_BEFORE) && i + 1 < q->nt &&
        (q->t[i + 1].flags & DS_TF_SPACE_BEFORE) && qt_is_word(q, i + 1))
      return true;
    /* the apostrophe of "D’Souza", "O’Malley" */
    return i > 0 && i + 1 < q->nt && q->t[i - 1].kind == DS_TOK_WORD && q->t[i - 1].end - q->t[i - 1].start == 1 &&
           (q->t[i - 1].flags & DS_TF_CAP) && (q->t[i + 1].flags & DS_TF_CAP) &&
           !(q->t[i].flags & DS_TF_SPACE_BEFORE) && !(q->t[i + 1].flags & DS_TF_SPACE_BEFORE);
  }
  if (t->kind == DS_TOK_PUNCT) return qt_is_punct(q, i, '-') || qt_is_punct(q, i, '&');
  if (t->kind != DS_TOK_WORD) return false;
  if (qt_cue(q, i)) return false;
  if (t->flags & (DS_TF_CAP | DS_TF_UPPER)) {
    if (S_is_connector(q, i) || !qt_has(q, i, QC_STOPCAPS) || S_in_mention(q, i)) return true;
    /* "Judicial Watch": a list word inside a name goes on the name */
    return i > 0 && !(t->flags & DS_TF_SENT_START) && (q->t[i - 1].flags & DS_TF_CAP) &&
           q->t[i - 1].kind == DS_TOK_WORD && !qt_has(q, i - 1, QC_STOPCAPS);
  }
  return S_is_role(q, i) || S_is_connector(q, i) || S_in_mention(q, i);
}

static bool S_is_be(const qt_ctx *q, uint32_t i) { return qt_has(q, i, QC_BE); }

static bool S_time_prep(const qt_ctx *q, uint32_t i) { return qt_has(q, i, QC_TIMEPREP); }

/* Fills name/entity for the noun phrase [s, e) (token indexes). */
static qt_speaker S_speaker_of(const qt_ctx *q, uint32_t s, uint32_t e) {
  const ds_article *a = q->a;
  qt_speaker sp = {.entity = -1, .start = q->t[s].start, .end = q->t[e - 1].end, .found = true};
  int32_t m = ds_entity_mention_at(a, sp.start, sp.end), last = -1;
  for (; m >= 0 && (size_t)m < a->mentions.len && a->mentions.items[m].start < sp.end; m++)
    if (a->mentions.items[m].end <= sp.end) last = m;
  bool named = last >= 0, role_after = false, role_before = false;
  bool inner_low = false, inner_cap = false; /* "fellow at", "Secretary of" before the name */
  for (uint32_t i = s; i < e; i++) {
    uint32_t c = qt_cls(q, i);
    bool listed = c & (QC_SPN_SPEAKER | QC_SPN_MOD | QC_SPN_DOC);
    bool role = (c & QC_SPN_SPEAKER) || (!listed && (c & QC_ROLE) && !(q->t[i].flags & DS_TF_CAP));
    if (role) named = true;
    if ((q->t[i].flags & DS_TF_CAP) && !(q->t[i].flags & DS_TF_SENT_START)) named = true;
    if (last >= 0 && q->t[i].start >= a->mentions.items[last].end && (role || S_is_role(q, i)))
      role_after = true; /* "the council spokesperson": not the council itself */
    if (last >= 0 && q->t[i].end <= a->mentions.items[last].start && role)
      role_before = true;
    if (role_before && last >= 0 && q->t[i].end <= a->mentions.items[last].start &&
        qt_is_lower_word(q, i) && S_is_inner(q, i) && i > s) {
      if (q->t[i - 1].flags & DS_TF_CAP) inner_cap = true;
      else inner_low = true;
    }
  }
  /* "a senior fellow at the Foundation", "the Director of the Bureau": not the named
   * one; but "Secretary of Defense Lloyd Austin" is a capitalised title of a person */
  role_after |= inner_low || (inner_cap && a->entities.items[a->mentions.items[last].entity].type != DS_ENT_PERSON);
  if (last >= 0 && !role_after) sp.entity = a->mentions.items[last].entity;
  if (sp.entity >= 0) sp.name = a->entities.items[sp.entity].name;
  else if (named) sp.name = ds_arena_strndup(&q->a->arena, a->body + sp.start, sp.end - sp.start);
  return sp;
}

static qt_speaker S_pronoun(const qt_ctx *q, uint32_t i) {
  qt_speaker sp = {.entity = -1, .found = true, .start = q->t[i].start, .end = q->t[i].end, .tok = i};
  bool org = qt_has(q, i, QC_PRON_ORG);
  uint32_t at = q->anchor < sp.start ? q->anchor : sp.start;
  if (!org && q->carry_entity >= 0 && at >= q->carry_end && at - q->carry_end <= QT_MAX_PRONOUN_CARRY &&
      q->a->entities.items[q->carry_entity].type == DS_ENT_PERSON)
    sp.entity = q->carry_entity; /* "“…,” Kirby said. “…,” he added." */
  else
    sp.entity = ds_entity_resolve_pronoun(q->a, at, org);
  if (!org) sp.entity = qt_gender_check(q, i, sp.entity, at);
  if (sp.entity >= 0) sp.name = q->a->entities.items[sp.entity].name;
  return sp;
}

/* "he", "they"; a capitalised one only where the sentence starts ("He said"). */
bool qt_is_pronoun(const qt_ctx *q, uint32_t i) {
  if (!qt_has(q, i, QC_PRONOUN)) return false;
  uint16_t f = q->t[i].flags;
  return !(f & DS_TF_CAP) || (f & DS_TF_SENT_START) || qt_is(q, i, "i");
}

/* Skips left over "(NIS)" so the phrase before it is reached. */
static uint32_t S_skip_paren(const qt_ctx *q, uint32_t j, uint32_t lo) {
  if (j <= lo || !qt_is_punct(q, j - 1, ')')) return j;
  for (uint32_t k = j - 1; k > lo && j - k < 8; k--)
    if (qt_is_punct(q, k - 1, '(')) return k - 1;
  return j;
}

/* ", R-Ky.," or ", D-Calif.,": a party and state after a lawmaker's name. */
static bool S_party_tag(const qt_ctx *q, uint32_t k, uint32_t j) {
  const char *p = q->a->body + q->t[k].start;
  return j - k <= 3 && qt_is_word(q, k) && q->t[k].end - q->t[k].start >= 4 && p[0] >= 'A' &&
         p[0] <= 'Z' && p[1] == '-' && p[2] >= 'A' && p[2] <= 'Z';
}

/* Skips an appositive ", a spokesman for the council," ending at comma j-1. */
static uint32_t S_skip_appositive(const qt_ctx *q, uint32_t j, uint32_t lo) {
  for (uint32_t k = j - 1; k > lo && j - k < QT_MAX_APPOSITIVE; k--) {
    if (q->t[k - 1].kind == DS_TOK_QUOTE || qt_is_stop(q, k - 1)) return j;
    if (!qt_is_punct(q, k - 1, ',')) continue;
    bool det = qt_is(q, k, "a") || qt_is(q, k, "an") || qt_is(q, k, "the") ||
               qt_is_lower_word(q, k) || q->t[k].kind == DS_TOK_NUMBER || S_party_tag(q, k, j);
    /* ", Twitter’s director of ads,": a role reached through the name's own words,
     * not through a verb (", Roe attacked the council for its plans,") */
    for (uint32_t r = k; r + 1 < j && !det && (S_np_token(q, r) || !qt_is_lower_word(q, r)); r++)
      det = qt_is_lower_word(q, r) && S_is_role(q, r);
    return det && k - 1 > lo ? k - 1 : j;
  }
  return j;
}

/* "The country’s president, Yoon Suk Yeol, announced": the name between the commas
 * (ending at comma c) is the speaker. */
static qt_speaker S_name_appositive(const qt_ctx *q, uint32_t c, uint32_t lo) {
  qt_speaker none = {.entity = -1};
  uint32_t s = c;
  while (s > lo && c - s < QT_MAX_NP_TOKENS && S_np(q, s - 1)) s--;
  if (s == c || s == lo || !qt_is_punct(q, s - 1, ',')) return none;
  int32_t e = ds_entity_last_in(q->a, q->t[s].start, q->t[c - 1].end, DS_ENT_PERSON);
  if (e < 0) return none;
  qt_speaker sp = S_speaker_of(q, s, c);
  sp.entity = e, sp.name = q->a->entities.items[e].name, sp.tok = s;
  return sp;
}

/* "The self-described democratic socialist said", "security specialists say": a
 * described speaker, unnamed (no entity, no name), so the report still counts. */
static qt_speaker S_described(const qt_ctx *q, uint32_t j, uint32_t lo) {
  qt_speaker none = {.entity = -1};
  uint32_t s = j;
  if (qt_is(q, j - 1, "percent") || qt_is(q, j - 1, "half") || qt_is(q, j - 1, "majority") ||
      (j - 1 >= lo && q->t[j - 1].kind == DS_TOK_NUMBER) ||
      (j - 1 > lo && qt_is_punct(q, j - 1, '%') && q->t[j - 2].kind == DS_TOK_NUMBER)) { /* "47 percent said", "26% say" */
    qt_speaker sp = {.entity = -1, .found = true, .tok = j - 1, .start = q->t[j - 1].start,
                     .end = q->t[j - 1].end};
    return sp;
  }
  while (s > lo && j - s < QT_MAX_DESCRIBED && q->t[s - 1].kind == DS_TOK_WORD && !qt_cue(q, s - 1) &&
         (qt_is(q, s - 1, "of") || !qt_has(q, s - 1, QC_STOPCAPS)) &&
         (qt_is(q, s - 1, "of") || !qt_has(q, s - 1, QC_PREP)))
    s--;
  if (s == j || !qt_is_lower_word(q, j - 1)) return none;
  bool det = s > lo && qt_has(q, s - 1, QC_DET);
  size_t n = q->t[j - 1].end - q->t[j - 1].start;
  /* "But hacking specialists say", "While old hands say": a plural after a lead word */
  bool plural = q->a->body[q->t[j - 1].end - 1] == 's' && n > 3 &&
                (s == lo || qt_is_punct(q, s - 1, ',') || (q->t[s].flags & DS_TF_SENT_START) ||
                 ((q->t[s - 1].flags & DS_TF_SENT_START) && qt_has(q, s - 1, QC_LEAD | QC_CONJ)));
  /* "28 percent of voters said", "3 in 10 said": a counted group */
  bool counted = s > lo && q->t[s - 1].kind == DS_TOK_NUMBER;
  if (!det && !plural && !counted) return none;
  if (det || counted) s--;
  qt_speaker sp = {.entity = -1, .found = true, .tok = s, .start = q->t[s].start, .end = q->t[j - 1].end};
  return sp;
}

/* "28 percent of voters said", "most of the delegates say": a counted part of a
 * group, unnamed like S_described; of is the token "of" (anything else: none). */
static qt_speaker S_counted(const qt_ctx *q, uint32_t of, uint32_t j, uint32_t lo) {
  qt_speaker none = {.entity = -1};
  if (of <= lo || !qt_is(q, of, "of")) return none;
  uint32_t s = of - 1;
  if (!qt_is_word(q, s) || !qt_word_of(q, s) || !qt_word_of(q, s)->quantity) return none;
  if (s > lo && q->t[s - 1].kind == DS_TOK_NUMBER) s--;
  return (qt_speaker){.entity = -1, .found = true, .tok = s, .start = q->t[s].start, .end = q->t[j - 1].end};
}

qt_speaker qt_subject(const qt_ctx *q, uint32_t k, uint32_t lo) {
  qt_speaker none = {.entity = -1};
  uint32_t j = k;
  while (j > lo) {
    uint32_t p = j - 1, r = S_skip_paren(q, j, lo);
    if (r != j) j = r;
    else if (qt_has(q, p, QC_SKIP) || qt_in_time(q, p)) j--;
    else if (S_time_prep(q, p) && j < k && qt_in_time(q, j)) j--;
    else break;
  }
  if (j <= lo || S_is_be(q, j - 1)) return none; /* "were said to be": passive, no speaker */
  if (j > lo + 2 && (qt_is(q, j - 1, "who") || qt_is(q, j - 1, "which")) && qt_is_punct(q, j - 2, ','))
    j -= 2; /* "Ted Cruz, who said …": the antecedent speaks */
  else if (j > lo + 1 && (qt_is(q, j - 1, "who") || qt_is(q, j - 1, "that")) && qt_is_word(q, j - 2))
    j -= 1; /* "lawmakers who endorsed Roe", "a group that backs Tan" */
  if (qt_is_punct(q, j - 1, ',')) {
    uint32_t r = S_skip_appositive(q, j, lo);
    if (r == j && qt_is_punct(q, j - 2, ')') && S_skip_paren(q, j - 1, lo) != j - 1)
      r = j - 1; /* "Gov. Jo Roe (R-OH), said": the name before the bracket */
    else if (r == j)
      return S_name_appositive(q, j - 1, lo);
    j = S_skip_paren(q, r, lo); /* "Rep. Jim Roe (R-Ohio), a panel member, said" */
  }
  if (qt_is_pronoun(q, j - 1)) return S_pronoun(q, j - 1);
  if (S_is_connector(q, j - 1)) return none; /* "in hopes": no phrase ends in "in" */
  uint32_t s = j;
  while (s > lo && j - s < QT_MAX_NP_TOKENS && S_np(q, s - 1)) s--;
  while (s < j && S_is_inner(q, s)) s++;
  if (s == j || (j - s == 1 && S_is_connector(q, s))) return S_described(q, j, lo);
  /* "cooperation with Russia confirms": Russia is no subject; but in "footage of Roe
   * saying" the participle is Roe's */
  if (s > lo && qt_has(q, s - 1, QC_PREP) && qt_is_lower_word(q, s - 1) && !qt_is_ing(q, k))
    return S_counted(q, s - 1, j, lo);
  qt_speaker sp = S_speaker_of(q, s, j);
  sp.tok = s;
  if (sp.entity < 0 && s > lo + 1 && qt_is_punct(q, s - 1, ',')) {
    /* "John Kirby, White House spokesman, declared": the name before the role */
    uint32_t c = s - 1, n = c;
    while (n > lo && c - n < QT_MAX_NP_TOKENS && S_np(q, n - 1)) n--;
    int32_t who = n < c ? ds_entity_last_in(q->a, q->t[n].start, q->t[c - 1].end, DS_ENT_PERSON) : -1;
    if (who >= 0) {
      sp = S_speaker_of(q, n, c);
      sp.entity = who, sp.name = q->a->entities.items[who].name, sp.tok = n;
    }
  }
  return sp;
}

qt_speaker qt_np_after(const qt_ctx *q, uint32_t i, uint32_t hi, uint32_t *end) {
  qt_speaker none = {.entity = -1};
  *end = i;
  if (i >= hi) return none;
  if (qt_is_pronoun(q, i)) {
    *end = i + 1;
    return S_pronoun(q, i);
  }
  uint32_t e = i;
  while (e < hi && e - i < 3 && (q->t[e].kind == DS_TOK_NUMBER || qt_is_punct(q, e, '/'))) e++;
  if (e > i && !S_np(q, e)) e = i; /* "9/11 widow Jane Roe", not "3 people" */
  while (e < hi && e - i < QT_MAX_NP_TOKENS && S_np(q, e)) e++;
  while (e > i && S_is_connector(q, e - 1)) e--;
  if (e == i) return none;
  qt_speaker sp = S_speaker_of(q, i, e);
  sp.tok = i;
  if (qt_is_punct(q, e, '(')) { /* "Harry M. Reid (D-Nev.)" */
    uint32_t p = e + 1;
    while (p < hi && p - e < 8 && !qt_is_punct(q, p, ')')) p++;
    if (qt_is_punct(q, p, ')')) e = p + 1;
  }
  *end = e;
  if (qt_is_punct(q, e, ',')) { /* "according to HUR’s chief, Kyrylo Budanov." */
    uint32_t f = e + 1;
    while (f < hi && f - e < QT_MAX_NP_TOKENS && S_np_token(q, f)) f++;
    int32_t who = f > e + 1 ? ds_entity_last_in(q->a, q->t[e + 1].start, q->t[f - 1].end, DS_ENT_PERSON) : -1;
    if (who >= 0 && (f >= hi || qt_is_stop(q, f) || qt_is_punct(q, f, ','))) {
      sp.entity = who, sp.name = q->a->entities.items[who].name;
      sp.end = q->t[f - 1].end;
      *end = f;
    }
  }
  return sp;
}

static bool S_content_start(const qt_ctx *q, uint32_t j) {
  return qt_is(q, j, "that") || qt_is(q, j, "how") || qt_is(q, j, "what") ||
         qt_is(q, j, "whether") || qt_is(q, j, "to") || qt_is(q, j, "why") ||
         qt_is_punct(q, j, ':') || qt_is_punct(q, j, ',') || (j < q->nt && q->t[j].kind == DS_TOK_QUOTE);
}

uint32_t qt_skip_after_cue(const qt_ctx *q, uint32_t k, uint32_t hi) {
  uint32_t j = k + 1;
  const char *lemma = qt_cue(q, k);
  if (lemma && strcmp(lemma, "put it") == 0) j++;
  if (lemma && qt_cue_in(lemma, QT_CUE_TELL)) {
    uint32_t l = j; /* the listener: kept only when a content marker follows it */
    while (l < hi && l - j < QT_MAX_NP_TOKENS &&
           (S_np_token(q, l) || qt_has(q, l, QC_OBJECT) || qt_in_time(q, l)))
      l++;
    while (l < hi && (qt_in_time(q, l) || (S_time_prep(q, l) && qt_in_time(q, l + 1)))) l++;
    uint32_t m = j; /* "told reporters the pumps …": a plain listener word, no name */
    while (m < hi && m - j < 3 && qt_has(q, m, QC_OBJECT) && !S_is_connector(q, m) &&
           !(q->t[m].flags & DS_TF_CAP))
      m++;
    uint32_t that = j; /* "told the POLITICO website on Sunday that …" */
    while (that < hi && that - j < QT_MAX_NP_TOKENS && q->t[that].kind == DS_TOK_WORD &&
           !qt_cue(q, that) && !qt_is(q, that, "that"))
      that++;
    if (l > j && l < hi && S_content_start(q, l)) j = l;
    else if (qt_is(q, that, "that")) j = that;
    else if (m > j && m < hi && q->t[m].kind == DS_TOK_WORD) j = m;
  } else if (lemma && qt_has(q, j, QC_PREP | QC_TIMEPREP)) { /* "said in the letter that …" */
    uint32_t that = j;
    while (that < hi && that - j < QT_MAX_THAT_GAP && q->t[that].kind == DS_TOK_WORD && !qt_cue(q, that) &&
           !qt_is(q, that, "that"))
      that++;
    if (that > j && qt_is(q, that, "that")) j = that;
  }
  for (;;) {
    if (j < hi && qt_in_time(q, j)) j++;
    else if (j + 1 < hi && S_time_prep(q, j) && qt_in_time(q, j + 1)) j++;
    else break;
  }
  if (qt_is(q, j, "that") || qt_is_punct(q, j, ':')) j++;
  return j;
}

const char *qt_cue_near(const qt_ctx *q, uint32_t i) {
  const char *v = qt_cue(q, i);
  if (v || !qt_is_lower_word(q, i)) return v;
  const qt_word *w = qt_word_of(q, i);
  return w ? w->weak : NULL;
}

/* Leading adverbials we step over to reach a sentence's subject ("Responding, …"). */
#define QT_MAX_LEAD_TOKENS 20

qt_speaker qt_sentence_subject(const qt_ctx *q, uint32_t i) {
  qt_speaker none = {.entity = -1};
  uint32_t ss = qt_sent_start(q, i), p = ss;
  while (p < i && (q->mark[p] & QT_MARK)) p++; /* "“…,” Roe sings before asking, “…”" */
  if (p > ss && qt_is_punct(q, p, ',')) p++;
  while (p < i && p - ss < 3 && qt_has(q, p, QC_CONJ)) p++; /* "And then Roe …" */
  for (int tries = 0; tries < 2 && p < i; tries++) {
    uint32_t end = p;
    /* "During a speech on Friday, Roe attacked …": the subject follows the comma */
    qt_speaker sp = qt_has(q, p, QC_LEAD) ? (qt_speaker){.entity = -1} : qt_np_after(q, p, i, &end);
    while (sp.found && end < i && (qt_has(q, end, QC_SKIP) || qt_in_time(q, end))) end++;
    if (sp.found && qt_is_punct(q, end, ',')) { /* an appositive before the verb */
      uint32_t c = end + 1;
      while (c < i && c - end < QT_MAX_APPOSITIVE && !qt_is_punct(q, c, ',')) c++;
      if (c < i) end = c + 1;
    }
    if (sp.found && end < i && qt_is_lower_word(q, end)) return sp;
    while (p < i && p - ss < QT_MAX_LEAD_TOKENS && !qt_is_punct(q, p, ',')) p++;
    if (!qt_is_punct(q, p, ',')) break;
    p++;
  }
  return none;
}
