/* Gender agreement for pronoun speakers: "she said" must not resolve to "Mr. Roe" or
 * to "the spokesman". A person's gender is known only from the text's own words
 * (an honorific before a mention, a gendered role noun in data/quote_gender.txt);
 * first names are no evidence. Unknown agrees with anything. */
#include <string.h>

#include "entities.h"
#include "tag_quotes_internal.h"
#include "util/lexicon.h"

/* Mentions looked back through for an earlier mention of a refused referent. */
#define QT_MAX_GENDER_WALK 32
/* Longest honorific before a mention ("Mrs."). */
#define QT_MAX_HONORIFIC 5

enum { G_UNKNOWN = 0, G_MALE = 1, G_FEMALE = 2, G_MIXED = 3, G_DONE = 4 };

/* The list, fetched once per thread: finding it by name cost more than the lookup. */
static _Thread_local const ds_map *S_genders;

static uint8_t S_word_gender(const char *s, size_t n) {
  if (n == 0 || n >= QT_MAX_KEY) return G_UNKNOWN;
  if (!S_genders) S_genders = ds_lexicon("quote_gender");
  const char *v = ds_lexicon_lookup(S_genders, s, n); /* any case, as the list's keys */
  return !v ? G_UNKNOWN : v[0] == 'm' ? G_MALE : G_FEMALE;
}

/* The honorific right before byte pos ("Mr. |Roe"), as a gender. */
static uint8_t S_honorific(const ds_article *a, uint32_t pos) {
  uint32_t e = pos;
  while (e > 0 && (a->body[e - 1] == ' ' || a->body[e - 1] == '.')) e--;
  uint32_t s = e;
  while (s > 0 && e - s <= QT_MAX_HONORIFIC &&
         ((a->body[s - 1] | 32) >= 'a' && (a->body[s - 1] | 32) <= 'z'))
    s--;
  return e - s <= QT_MAX_HONORIFIC ? S_word_gender(a->body + s, e - s) : G_UNKNOWN;
}

/* Entity e's gender from its roles and the honorifics before its mentions, found on
 * first use: a pronoun asks about one or two entities, not every one. */
static uint8_t S_gender(const qt_ctx *q, int32_t e) {
  const ds_article *a = q->a;
  uint8_t *g = &q->gender[e + 1];
  if (*g & G_DONE) return *g & G_MIXED;
  uint8_t v = G_UNKNOWN;
  for (const char *r = a->entities.items[e].role; r && *r;) {
    size_t n = strcspn(r, " ");
    v |= S_word_gender(r, n);
    r += n;
    r += *r == ' ';
  }
  for (size_t m = 0; m < a->mentions.len; m++)
    if (a->mentions.items[m].entity == e) v |= S_honorific(a, a->mentions.items[m].start);
  *g = v | G_DONE;
  return v;
}

static bool S_agrees(const qt_ctx *q, uint8_t want, int32_t e) {
  if (e < 0 || want == G_UNKNOWN) return true;
  uint8_t g = S_gender(q, e);
  return g == G_UNKNOWN || g == G_MIXED || g == want;
}

/* The last mention of entity e starting before pos, within QT_MAX_GENDER_WALK. */
static int32_t S_mention_before(const ds_article *a, int32_t e, uint32_t pos) {
  for (size_t m = ds_mention_first_from(a, pos), n = 0; m-- > 0 && n < QT_MAX_GENDER_WALK; n++)
    if (a->mentions.items[m].entity == e) return (int32_t)m;
  return -1;
}

int32_t qt_gender_check(const qt_ctx *q, uint32_t i, int32_t e, uint32_t at) {
  if (!q->gender || e < 0) return e;
  uint8_t want = S_word_gender(q->a->body + q->t[i].start, q->t[i].end - q->t[i].start);
  if (S_agrees(q, want, e)) return e;
  int32_t m = S_mention_before(q->a, e, at); /* the next referent back */
  int32_t alt = m >= 0 ? ds_entity_resolve_pronoun(q->a, q->a->mentions.items[m].start, false) : -1;
  return alt >= 0 && alt != e && S_agrees(q, want, alt) ? alt : -1;
}
