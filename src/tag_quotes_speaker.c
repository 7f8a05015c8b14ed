/* Token helpers and the speaker finder of the quotation tagger: who stands at a cue
 * verb ("Pentagon spokeswoman Sabrina Singh on Friday reiterated", "he said",
 * "said Kirby", "according to the ministry"). A speaker is the named entity of the
 * phrase, a pronoun resolved to its entity, or, when the phrase names nobody
 * ("analysts", "the statement"), no entity at all. */
#include <string.h>
#include <strings.h>

#include "entities.h"
#include "tag_quotes_internal.h"
#include "util/lexicon.h"

bool qt_is_word(const qt_ctx *q, uint32_t i) { return i < q->nt && q->t[i].kind == DS_TOK_WORD; }

bool qt_is(const qt_ctx *q, uint32_t i, const char *word) {
  if (!qt_is_word(q, i)) return false;
  size_t n = q->t[i].end - q->t[i].start;
  return n == strlen(word) && strncasecmp(q->a->body + q->t[i].start, word, n) == 0;
}

bool qt_is_lower_word(const qt_ctx *q, uint32_t i) {
  if (!qt_is_word(q, i)) return false;
  char c = q->a->body[q->t[i].start];
  return c >= 'a' && c <= 'z';
}

bool qt_is_punct(const qt_ctx *q, uint32_t i, char c) {
  return i < q->nt && q->t[i].kind == DS_TOK_PUNCT && q->t[i].end - q->t[i].start == 1 &&
         q->a->body[q->t[i].start] == c;
}

const char *qt_list_value(const qt_ctx *q, uint32_t i, const char *list) {
  if (!qt_is_word(q, i)) return NULL;
  return ds_lexicon_value(list, q->a->body + q->t[i].start, q->t[i].end - q->t[i].start);
}

bool qt_in_list(const qt_ctx *q, uint32_t i, const char *list) {
  return qt_list_value(q, i, list) != NULL;
}

const char *qt_cue(const qt_ctx *q, uint32_t i) {
  if (qt_is(q, i, "according")) return qt_is(q, i + 1, "to") ? "according to" : NULL;
  if (!qt_is_lower_word(q, i)) return NULL; /* "States" in "the United States" is no cue */
  return qt_list_value(q, i, "cue_verbs");
}

bool qt_is_stop(const qt_ctx *q, uint32_t i) {
  return qt_is_punct(q, i, '.') || qt_is_punct(q, i, '!') || qt_is_punct(q, i, '?') ||
         qt_is_punct(q, i, ';');
}

bool qt_in_time(const qt_ctx *q, uint32_t i) {
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

uint32_t qt_sent_start(const qt_ctx *q, uint32_t i) {
  int32_t s = q->sent[i];
  return s >= 0 ? q->a->sentences.items[s].tok_start : i;
}

uint32_t qt_sent_end(const qt_ctx *q, uint32_t i) {
  int32_t s = q->sent[i];
  return s >= 0 ? q->a->sentences.items[s].tok_end : i + 1;
}

static bool S_in_mention(const qt_ctx *q, uint32_t i) {
  return ds_entity_mention_overlapping(q->a, q->t[i].start, q->t[i].end) >= 0;
}

/* Connectors that cannot start a speaker's phrase (unlike "the", "a"). */
static bool S_is_inner(const qt_ctx *q, uint32_t i) {
  return qt_is(q, i, "of") || qt_is(q, i, "for") || qt_is(q, i, "at") || qt_is(q, i, "and") ||
         qt_is(q, i, "s") || qt_is(q, i, "to") || qt_is(q, i, "in");
}

static bool S_is_connector(const qt_ctx *q, uint32_t i) {
  return qt_is(q, i, "one") || qt_is(q, i, "another") || qt_is(q, i, "some") || qt_is(q, i, "of") ||
         qt_is(q, i, "his") || qt_is(q, i, "her") || qt_is(q, i, "their") || qt_is(q, i, "for") || qt_is(q, i, "at") || qt_is(q, i, "and") ||
         qt_is(q, i, "the") || qt_is(q, i, "a") || qt_is(q, i, "an") || qt_is(q, i, "s") ||
         qt_is(q, i, "to") || qt_is(q, i, "in");
}

static bool S_is_role(const qt_ctx *q, uint32_t i) {
  if (!qt_is_word(q, i)) return false;
  const char *v = qt_list_value(q, i, "quote_speaker_nouns");
  if (v) return true;
  return ds_entity_is_title_word(q->a->body + q->t[i].start, q->t[i].end - q->t[i].start);
}

static bool S_np_token(const qt_ctx *q, uint32_t i);

/* A lower-case modifier before a capitalised word or role ("veteran analyst Charlie
 * Cook", "the younger Mr. Trump"); verbs in -ing and function words are not. */
static bool S_modifier(const qt_ctx *q, uint32_t i) {
  if (!qt_is_lower_word(q, i) || qt_cue(q, i) || qt_in_list(q, i, "ent_stopcaps") ||
      qt_in_list(q, i, "quote_preps") || qt_in_list(q, i, "quote_skip"))
    return false;
  size_t n = q->t[i].end - q->t[i].start;
  if (n < 3 || memcmp(q->a->body + q->t[i].end - 3, "ing", 3) == 0) return false;
  for (uint32_t j = i + 1; j < q->nt && j <= i + QT_MAX_MODIFIERS; j++) {
    if (!qt_is_word(q, j)) return false;
    if ((q->t[j].flags & DS_TF_CAP) || S_is_role(q, j)) return true;
    if (!qt_is_lower_word(q, j) || qt_cue(q, j) || qt_in_list(q, j, "ent_stopcaps")) return false;
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
    return i + 1 < q->nt && qt_is(q, i + 1, "s") && !(q->t[i + 1].flags & DS_TF_SPACE_BEFORE);
  }
  if (t->kind == DS_TOK_PUNCT) return qt_is_punct(q, i, '-') || qt_is_punct(q, i, '&');
  if (t->kind != DS_TOK_WORD) return false;
  if (qt_cue(q, i)) return false;
  if (t->flags & (DS_TF_CAP | DS_TF_UPPER)) {
    if (S_is_connector(q, i) || !qt_in_list(q, i, "ent_stopcaps") || S_in_mention(q, i)) return true;
    /* "Judicial Watch": a list word inside a name goes on the name */
    return i > 0 && !(t->flags & DS_TF_SENT_START) && (q->t[i - 1].flags & DS_TF_CAP) &&
           q->t[i - 1].kind == DS_TOK_WORD && !qt_in_list(q, i - 1, "ent_stopcaps");
  }
  return S_is_role(q, i) || S_is_connector(q, i) || S_in_mention(q, i);
}

static bool S_is_be(const qt_ctx *q, uint32_t i) {
  static const char *be[] = {"is", "was", "were", "are", "be", "been", "being", "am", "'s", NULL};
  for (int k = 0; be[k]; k++)
    if (qt_is(q, i, be[k])) return true;
  return false;
}

static bool S_time_prep(const qt_ctx *q, uint32_t i) {
  return qt_is(q, i, "on") || qt_is(q, i, "in") || qt_is(q, i, "at") || qt_is(q, i, "during") ||
         qt_is(q, i, "by") || qt_is(q, i, "late") || qt_is(q, i, "early") || qt_is(q, i, "since");
}

/* Fills name/entity for the noun phrase [s, e) (token indexes). */
static qt_speaker S_speaker_of(const qt_ctx *q, uint32_t s, uint32_t e) {
  const ds_article *a = q->a;
  qt_speaker sp = {.entity = -1, .start = q->t[s].start, .end = q->t[e - 1].end, .found = true};
  int32_t m = ds_entity_mention_at(a, sp.start, sp.end), last = -1;
  for (; m >= 0 && (size_t)m < a->mentions.len && a->mentions.items[m].start < sp.end; m++)
    if (a->mentions.items[m].end <= sp.end) last = m;
  bool named = last >= 0, role_after = false, role_before = false;
  for (uint32_t i = s; i < e; i++) {
    const char *v = qt_list_value(q, i, "quote_speaker_nouns");
    bool role = (v && strcmp(v, "mod") != 0 && strcmp(v, "doc") != 0) ||
                (!v && S_is_role(q, i) && !(q->t[i].flags & DS_TF_CAP));
    if (role) named = true;
    if ((q->t[i].flags & DS_TF_CAP) && !(q->t[i].flags & DS_TF_SENT_START)) named = true;
    if (last >= 0 && q->t[i].start >= a->mentions.items[last].end && (role || S_is_role(q, i)))
      role_after = true; /* "the council spokesperson": not the council itself */
    if (last >= 0 && q->t[i].end <= a->mentions.items[last].start && role)
      role_before = true;
    if (role_before && last >= 0 && q->t[i].end <= a->mentions.items[last].start &&
        qt_is_lower_word(q, i) && S_is_inner(q, i))
      role_after = true; /* "a senior fellow at the Foundation": the fellow speaks */
  }
  if (last >= 0 && !role_after) sp.entity = a->mentions.items[last].entity;
  if (sp.entity >= 0) sp.name = a->entities.items[sp.entity].name;
  else if (named) sp.name = ds_arena_strndup(&q->a->arena, a->body + sp.start, sp.end - sp.start);
  return sp;
}

static qt_speaker S_pronoun(const qt_ctx *q, uint32_t i) {
  const char *v = qt_list_value(q, i, "quote_pronouns");
  qt_speaker sp = {.entity = -1, .found = true, .start = q->t[i].start, .end = q->t[i].end, .tok = i};
  bool org = v && strcmp(v, "org") == 0;
  uint32_t at = q->anchor < sp.start ? q->anchor : sp.start;
  if (!org && q->carry_entity >= 0 && at >= q->carry_end && at - q->carry_end <= QT_MAX_PRONOUN_CARRY &&
      q->a->entities.items[q->carry_entity].type == DS_ENT_PERSON)
    sp.entity = q->carry_entity; /* "“…,” Kirby said. “…,” he added." */
  else
    sp.entity = ds_entity_resolve_pronoun(q->a, at, org);
  if (sp.entity >= 0) sp.name = q->a->entities.items[sp.entity].name;
  return sp;
}

/* "he", "they"; a capitalised one only where the sentence starts ("He said"). */
bool qt_is_pronoun(const qt_ctx *q, uint32_t i) {
  if (!qt_in_list(q, i, "quote_pronouns")) return false;
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

/* Skips an appositive ", a spokesman for the council," ending at comma j-1. */
static uint32_t S_skip_appositive(const qt_ctx *q, uint32_t j, uint32_t lo) {
  for (uint32_t k = j - 1; k > lo && j - k < QT_MAX_APPOSITIVE; k--) {
    if (q->t[k - 1].kind == DS_TOK_QUOTE || qt_is_stop(q, k - 1)) return j;
    if (!qt_is_punct(q, k - 1, ',')) continue;
    bool det = qt_is(q, k, "a") || qt_is(q, k, "an") || qt_is(q, k, "the") ||
               qt_is_lower_word(q, k) || q->t[k].kind == DS_TOK_NUMBER;
    for (uint32_t r = k; r + 1 < j && !det; r++)
      det = qt_is_lower_word(q, r) && S_is_role(q, r); /* ", Twitter’s director of ads," */
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
      (j - 1 >= lo && q->t[j - 1].kind == DS_TOK_NUMBER)) { /* "47 percent said" */
    qt_speaker sp = {.entity = -1, .found = true, .tok = j - 1, .start = q->t[j - 1].start,
                     .end = q->t[j - 1].end};
    return sp;
  }
  while (s > lo && j - s < QT_MAX_DESCRIBED && q->t[s - 1].kind == DS_TOK_WORD && !qt_cue(q, s - 1) &&
         (qt_is(q, s - 1, "of") || !qt_in_list(q, s - 1, "ent_stopcaps")) &&
         (qt_is(q, s - 1, "of") || !qt_in_list(q, s - 1, "quote_preps")))
    s--;
  if (s == j || !qt_is_lower_word(q, j - 1)) return none;
  bool det = s > lo && qt_in_list(q, s - 1, "quote_determiners");
  size_t n = q->t[j - 1].end - q->t[j - 1].start;
  bool plural = q->a->body[q->t[j - 1].end - 1] == 's' && n > 3 &&
                (s == lo || qt_is_punct(q, s - 1, ',') || (q->t[s].flags & DS_TF_SENT_START));
  if (!det && !plural) return none;
  if (det) s--;
  qt_speaker sp = {.entity = -1, .found = true, .tok = s, .start = q->t[s].start, .end = q->t[j - 1].end};
  return sp;
}

qt_speaker qt_subject(const qt_ctx *q, uint32_t k, uint32_t lo) {
  qt_speaker none = {.entity = -1};
  uint32_t j = k;
  while (j > lo) {
    uint32_t p = j - 1, r = S_skip_paren(q, j, lo);
    if (r != j) j = r;
    else if (qt_in_list(q, p, "quote_skip") || qt_in_time(q, p)) j--;
    else if (S_time_prep(q, p) && j < k && qt_in_time(q, j)) j--;
    else break;
  }
  if (j <= lo || S_is_be(q, j - 1)) return none; /* "were said to be": passive, no speaker */
  if (j > lo + 2 && (qt_is(q, j - 1, "who") || qt_is(q, j - 1, "which")) && qt_is_punct(q, j - 2, ','))
    j -= 2; /* "Ted Cruz, who said …": the antecedent speaks */
  if (qt_is_punct(q, j - 1, ',')) {
    uint32_t r = S_skip_appositive(q, j, lo);
    if (r == j) return S_name_appositive(q, j - 1, lo);
    j = r;
  }
  if (qt_is_pronoun(q, j - 1)) return S_pronoun(q, j - 1);
  if (S_is_connector(q, j - 1)) return none; /* "in hopes": no phrase ends in "in" */
  uint32_t s = j;
  while (s > lo && j - s < QT_MAX_NP_TOKENS && S_np(q, s - 1)) s--;
  while (s < j && S_is_inner(q, s)) s++;
  if (s == j || (j - s == 1 && S_is_connector(q, s))) return S_described(q, j, lo);
  if (s > lo && qt_in_list(q, s - 1, "quote_preps") && qt_is_lower_word(q, s - 1))
    return none; /* "cooperation with Russia confirms": Russia is no subject */
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
  if (lemma && ds_lexicon_has("quote_tell_verbs", lemma, strlen(lemma))) {
    uint32_t l = j; /* the listener: kept only when a content marker follows it */
    while (l < hi && l - j < QT_MAX_NP_TOKENS &&
           (S_np_token(q, l) || qt_in_list(q, l, "quote_objects") || qt_in_time(q, l)))
      l++;
    while (l < hi && (qt_in_time(q, l) || (S_time_prep(q, l) && qt_in_time(q, l + 1)))) l++;
    uint32_t m = j; /* "told reporters the pumps …": a plain listener word, no name */
    while (m < hi && m - j < 3 && qt_in_list(q, m, "quote_objects") && !S_is_connector(q, m) &&
           !(q->t[m].flags & DS_TF_CAP))
      m++;
    uint32_t that = j; /* "told the POLITICO website on Sunday that …" */
    while (that < hi && that - j < QT_MAX_NP_TOKENS && q->t[that].kind == DS_TOK_WORD &&
           !qt_cue(q, that) && !qt_is(q, that, "that"))
      that++;
    if (l > j && l < hi && S_content_start(q, l)) j = l;
    else if (qt_is(q, that, "that")) j = that;
    else if (m > j && m < hi && q->t[m].kind == DS_TOK_WORD) j = m;
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
  return qt_list_value(q, i, "quote_weak_cues");
}

/* Leading adverbials we step over to reach a sentence's subject ("Responding, …"). */
#define QT_MAX_LEAD_TOKENS 20

qt_speaker qt_sentence_subject(const qt_ctx *q, uint32_t i) {
  qt_speaker none = {.entity = -1};
  uint32_t ss = qt_sent_start(q, i), p = ss;
  for (int tries = 0; tries < 2 && p < i; tries++) {
    uint32_t end;
    qt_speaker sp = qt_np_after(q, p, i, &end);
    while (end < i && (qt_in_list(q, end, "quote_skip") || qt_in_time(q, end))) end++;
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
