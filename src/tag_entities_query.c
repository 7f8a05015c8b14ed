/* Read-only look-ups over an article's entities and mentions (see entities.h), for
 * the quote and figure taggers. Mentions are sorted by start and never overlap, so
 * their ends are sorted too and binary search finds a span's neighbours. */
#include <string.h>
#include <strings.h>

#include "entities.h"
#include "util/lexicon.h"

/* How many sentences back a pronoun may reach: the current one and two before. */
#define DS_ENT_PRONOUN_SENTENCES 3
/* How many earlier mentions a role phrase is compared with. */
#define DS_ENT_ROLE_LOOKBACK 200

/* First mention whose end lies after pos. */
static size_t S_first_ending_after(const ds_article *a, uint32_t pos) {
  size_t lo = 0, hi = a->mentions.len;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (a->mentions.items[mid].end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

size_t ds_mention_first_from(const ds_article *a, uint32_t pos) {
  size_t lo = 0, hi = a->mentions.len;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (a->mentions.items[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

int32_t ds_entity_mention_at(const ds_article *a, uint32_t start, uint32_t end) {
  for (size_t m = S_first_ending_after(a, start); m < a->mentions.len; m++) {
    const ds_mention *x = &a->mentions.items[m];
    if (x->start >= end) break;
    if (x->start >= start && x->end <= end) return (int32_t)m;
  }
  return -1;
}

int32_t ds_entity_mention_overlapping(const ds_article *a, uint32_t start, uint32_t end) {
  size_t m = S_first_ending_after(a, start);
  if (m < a->mentions.len && a->mentions.items[m].start < end) return (int32_t)m;
  return -1;
}

static bool S_type_ok(const ds_article *a, int32_t e, ds_ent_type type) {
  return type == DS_ENT_ANY || a->entities.items[e].type == type;
}

int32_t ds_entity_find_span(const ds_article *a, uint32_t start, uint32_t end,
                            ds_ent_type type) {
  for (size_t m = S_first_ending_after(a, start); m < a->mentions.len; m++) {
    const ds_mention *x = &a->mentions.items[m];
    if (x->start >= end) break;
    if (S_type_ok(a, x->entity, type)) return x->entity;
  }
  return -1;
}

int32_t ds_entity_last_in(const ds_article *a, uint32_t start, uint32_t end, ds_ent_type type) {
  int32_t found = -1;
  for (size_t m = S_first_ending_after(a, start); m < a->mentions.len; m++) {
    const ds_mention *x = &a->mentions.items[m];
    if (x->start >= end) break;
    if (x->end <= end && S_type_ok(a, x->entity, type)) found = x->entity;
  }
  return found;
}

int32_t ds_entity_sentence_of(const ds_article *a, uint32_t pos) {
  size_t lo = 0, hi = a->sentences.len;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (a->sentences.items[mid].end <= pos) lo = mid + 1;
    else hi = mid;
  }
  if (lo < a->sentences.len && a->sentences.items[lo].start <= pos) return (int32_t)lo;
  return lo > 0 ? (int32_t)lo - 1 : (a->sentences.len ? 0 : -1);
}

static bool S_pronoun_ok(const ds_article *a, const ds_mention *x, bool organisation) {
  ds_ent_type t = a->entities.items[x->entity].type;
  if (x->in_quote) return false;
  return organisation ? (t == DS_ENT_ORG || t == DS_ENT_PLACE || t == DS_ENT_GROUP)
                      : t == DS_ENT_PERSON;
}

/* In the pronoun's own sentence the nearest fitting mention before it wins; in an
 * earlier sentence, the first (its subject, as a rule). An organisation beats a
 * place in the same sentence (a group counts as an organisation). */
int32_t ds_entity_resolve_pronoun(const ds_article *a, uint32_t pos, bool organisation) {
  int32_t s = ds_entity_sentence_of(a, pos);
  if (s < 0) return -1;
  size_t m = S_first_ending_after(a, pos);
  int32_t cur = s, best = -1;
  bool best_org = false;
  while (m-- > 0) {
    const ds_mention *x = &a->mentions.items[m];
    if (x->start >= pos) continue;
    if ((int32_t)x->sentence != cur) {
      if (best >= 0) return best;
      cur = (int32_t)x->sentence;
      if (s - cur >= DS_ENT_PRONOUN_SENTENCES) break;
    }
    if (!S_pronoun_ok(a, x, organisation)) continue;
    ds_ent_type ty = a->entities.items[x->entity].type;
    bool is_org = ty == DS_ENT_ORG || ty == DS_ENT_GROUP;
    if (cur == s && (best < 0 || (is_org && !best_org))) {
      best = x->entity, best_org = is_org;
      if (!organisation || is_org) return best;
    } else if (cur != s && (!best_org || is_org)) {
      best = x->entity, best_org = is_org; /* keeps walking back to the sentence's first */
    }
  }
  return best;
}

bool ds_entity_is_title_word(const char *s, size_t n) {
  const char *v = ds_lexicon_value("ent_titles", s, n);
  return v && v[0] == 'h';
}

/* The role phrase without a leading article. */
static void S_trim_article(const char **s, size_t *n) {
  static const char *const arts[] = {"the ", "a ", "an "};
  for (size_t i = 0; i < 3; i++) {
    size_t k = strlen(arts[i]);
    if (*n > k && strncasecmp(*s, arts[i], k) == 0) {
      *s += k, *n -= k;
      return;
    }
  }
}

/* A mention's entity, if a person whose role is (or contains) the phrase. */
static bool S_role_is(const ds_entity *en, const char *s, size_t n) {
  if (en->type != DS_ENT_PERSON || !en->role) return false;
  size_t rn = strlen(en->role);
  if (rn == n && strncasecmp(en->role, s, n) == 0) return true;
  for (size_t i = 0; n >= 4 && i + n <= rn; i++)
    if ((i == 0 || en->role[i - 1] == ' ') && strncasecmp(en->role + i, s, n) == 0 &&
        (i + n == rn || en->role[i + n] == ' '))
      return true;
  return false;
}

int32_t ds_entity_by_role(const ds_article *a, const char *s, size_t n, uint32_t pos) {
  S_trim_article(&s, &n);
  size_t m = S_first_ending_after(a, pos);
  size_t lo = m > DS_ENT_ROLE_LOOKBACK ? m - DS_ENT_ROLE_LOOKBACK : 0;
  while (m-- > lo) {
    const ds_mention *x = &a->mentions.items[m];
    if (x->start < pos && S_role_is(&a->entities.items[x->entity], s, n)) return x->entity;
  }
  return -1;
}
