/* link_entities: one corpus entity per real-world person, organisation or place.
 *
 * No all-pairs comparison. Organisations and places join on their folded canonical
 * name and acronyms (exact keys in one hash map). People are blocked by a skeleton of
 * their surname (folded, diacritics stripped, transliteration letters mapped, doubled
 * letters collapsed, vowels after the first letter dropped, the consonants sorted:
 * Zelensky, Zelenskyy, Zelenskiy and the typo Zelenksy all give "sklns"), and by first
 * name plus surname initial (a typo that changes a consonant); inside a block each
 * person is compared with a bounded number of clusters only: surnames within a small
 * edit distance, first names equal, an initial of each other, or within one edit (a
 * typo such as "Llyod"). A full name keeps its identity across title changes; a
 * surname alone joins its block's only full name unless their roles name different
 * posts ("General" / "Senator"), or the one sharing its role; different first names
 * never merge. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "corpus.h"
#include "entities.h"
#include "util/hash.h"
#include "util/lexicon.h"

/* Clusters compared per surname block: a block larger than this is a very common
 * surname; later people in it start clusters of their own rather than cost more. */
#define DS_LINK_MAX_BLOCK 64
/* Longest normalised name part we run edit distance on (bytes); longer parts must
 * match exactly. */
#define DS_LINK_MAX_NAME 48
/* Aliases listed per corpus entity. */
#define DS_LINK_MAX_ALIASES 32

typedef struct {
  uint32_t article, local;
  /* normalised first name, middle names ("" when none: also "" for a surname alone)
   * and surname */
  char *first, *middle, *last;
} S_ref;

typedef struct {
  dossier_corpus *c;
  ds_arena tmp;
  DS_VEC(S_ref) refs;
  uint32_t *parent;   /* union-find over refs */
  ds_map keys;
  ds_buf kb;
  DS_VEC(ds_u32vec) blocks; /* cluster representatives (ref ids) per surname block */
} S_link;

static const ds_entity *S_ent(const S_link *l, uint32_t r) {
  const S_ref *x = &l->refs.items[r];
  return &l->c->articles.items[x->article]->entities.items[x->local];
}

static uint32_t S_find(S_link *l, uint32_t r) {
  while (l->parent[r] != r) r = l->parent[r] = l->parent[l->parent[r]];
  return r;
}

/* Joins two clusters; the older root stays root so clusters keep their first member. */
static void S_union(S_link *l, uint32_t a, uint32_t b) {
  a = S_find(l, a), b = S_find(l, b);
  if (a == b) return;
  if (a < b) l->parent[b] = a;
  else l->parent[a] = b;
}

/* Lower case, diacritics stripped, letters only; transliteration letters mapped
 * (w->v, j/y->i, c/q->k, z->s), doubled letters collapsed, and a final run of
 * i's kept as one ("-skyy", "-skiy", "-sky" -> "-ski"). */
static char *S_norm(S_link *l, const char *s, size_t n) {
  utf8proc_uint8_t *folded = NULL;
  utf8proc_ssize_t len = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &folded,
                                      UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
  char *out = DS_NEW(&l->tmp, char, (len > 0 ? (size_t)len : 0) + 1);
  size_t k = 0;
  static const char map[] = "abkdefghiiklmnopkrstuvvkis"; /* a..z */
  for (utf8proc_ssize_t i = 0; i < len; i++) {
    unsigned char ch = folded[i];
    if (ch < 'a' || ch > 'z') continue;
    char m = map[ch - 'a'];
    if (k && out[k - 1] == m) continue;
    out[k++] = m;
  }
  out[k] = 0;
  free(folded);
  return out;
}

/* Blocking key: the first letter, then the consonants in alphabetical order, so a
 * typo that swaps two consonants ("Zelenksy") lands in the same block; whether two
 * names in a block are one is decided by edit distance, never by the key. */
static size_t S_skeleton(const char *norm, char *key, size_t cap) {
  size_t k = 0;
  for (size_t i = 0; norm[i] && k + 1 < cap; i++) {
    if (i > 0 && strchr("aeiou", norm[i])) continue;
    size_t j = k++;
    for (; j > 1 && key[j - 1] > norm[i]; j--) key[j] = key[j - 1]; /* insertion sort */
    key[j] = norm[i];
  }
  key[k] = 0;
  return k;
}

/* Optimal string alignment distance (edits and adjacent transpositions). */
static int S_distance(const char *a, const char *b) {
  size_t n = strlen(a), m = strlen(b);
  if (n > DS_LINK_MAX_NAME || m > DS_LINK_MAX_NAME) return strcmp(a, b) ? 99 : 0;
  int d[DS_LINK_MAX_NAME + 1][DS_LINK_MAX_NAME + 1];
  for (size_t i = 0; i <= n; i++) d[i][0] = (int)i;
  for (size_t j = 0; j <= m; j++) d[0][j] = (int)j;
  for (size_t i = 1; i <= n; i++)
    for (size_t j = 1; j <= m; j++) {
      int cost = a[i - 1] != b[j - 1];
      int v = d[i - 1][j - 1] + cost;
      if (d[i - 1][j] + 1 < v) v = d[i - 1][j] + 1;
      if (d[i][j - 1] + 1 < v) v = d[i][j - 1] + 1;
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
        v = d[i - 2][j - 2] + 1;
      d[i][j] = v;
    }
  return d[n][m];
}

/* Edits allowed between two spellings of one name part: none for short ones. */
static int S_bound(const char *a, const char *b) {
  size_t n = strlen(a) < strlen(b) ? strlen(a) : strlen(b);
  return n >= 7 ? 2 : n >= 4 ? 1 : 0;
}

static bool S_close(const char *a, const char *b) {
  return strcmp(a, b) == 0 || S_distance(a, b) <= S_bound(a, b);
}

/* First names agree: equal, close, or one is the other's initial. */
static bool S_given_ok(const char *a, const char *b) {
  if (strlen(a) == 1 || strlen(b) == 1) return a[0] == b[0];
  return S_close(a, b);
}

/* First names agree, and middle names too when both give one ("George W. Bush" and
 * "George P. Bush" are two people; "George Bush" may be either). */
static bool S_first_ok(const S_ref *x, const S_ref *y) {
  if (!S_given_ok(x->first, y->first)) return false;
  return !*x->middle || !*y->middle || x->middle[0] == y->middle[0];
}

static void S_ref_names(S_link *l, S_ref *x, const char *name) {
  const char *sp = strrchr(name, ' ');
  x->first = x->middle = "";
  if (!sp) {
    x->last = S_norm(l, name, strlen(name));
    return;
  }
  x->last = S_norm(l, sp + 1, strlen(sp + 1));
  const char *sp1 = memchr(name, ' ', (size_t)(sp - name));
  size_t n1 = sp1 ? (size_t)(sp1 - name) : (size_t)(sp - name);
  x->first = S_norm(l, name, n1);
  if (sp1) x->middle = S_norm(l, sp1 + 1, (size_t)(sp - sp1 - 1));
}

static void S_collect(S_link *l) {
  dossier_corpus *c = l->c;
  for (size_t a = 0; a < c->articles.len; a++) {
    ds_article *art = c->articles.items[a];
    for (size_t e = 0; e < art->entities.len; e++) {
      S_ref *x = DS_PUSH(&l->tmp, &l->refs);
      memset(x, 0, sizeof *x);
      x->article = (uint32_t)a, x->local = (uint32_t)e;
      const ds_entity *en = &art->entities.items[e];
      if (en->type == DS_ENT_PERSON) S_ref_names(l, x, en->name);
    }
  }
  l->parent = DS_NEW(&l->tmp, uint32_t, l->refs.len + 1);
  for (size_t r = 0; r < l->refs.len; r++) l->parent[r] = (uint32_t)r;
}

static const char *S_key(S_link *l, char prefix, int type, const char *s) {
  ds_buf_clear(&l->kb);
  ds_buf_printf(&l->kb, "%c%d:", prefix, type);
  utf8proc_uint8_t *folded = NULL;
  utf8proc_ssize_t len = utf8proc_map((const utf8proc_uint8_t *)s, 0, &folded,
                                      UTF8PROC_NULLTERM | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD |
                                          UTF8PROC_COMPOSE);
  if (len > 0) ds_buf_put(&l->kb, folded, (size_t)len);
  else ds_buf_puts(&l->kb, s); /* unmappable: the bytes themselves, never an empty key */
  free(folded);
  return l->kb.ptr;
}

/* Joins r with the first ref holding the same key (or records r as its holder). */
static void S_join_key(S_link *l, uint32_t r, char prefix, int type, const char *s) {
  S_key(l, prefix, type, s);
  bool inserted;
  ds_map_slot *slot = ds_map_upsert(&l->keys, l->kb.ptr, l->kb.len, &inserted);
  if (inserted) slot->value = r;
  else S_union(l, (uint32_t)slot->value, r);
}

static bool S_is_acronym(const char *s) {
  size_t n = 0;
  for (; s[n]; n++)
    if (!((s[n] >= 'A' && s[n] <= 'Z') || s[n] == '.' || (s[n] >= '0' && s[n] <= '9')))
      return false;
  return n >= 2;
}

/* Exact keys: every entity's full name; organisations' acronyms too. */
static void S_exact(S_link *l) {
  for (uint32_t r = 0; r < l->refs.len; r++) {
    const ds_entity *en = S_ent(l, r);
    if (en->type == DS_ENT_PERSON && !*l->refs.items[r].first) continue; /* surnames: later */
    S_join_key(l, r, 'n', (int)en->type, en->name);
    if (en->type != DS_ENT_ORG) continue;
    for (uint32_t k = 0; k < en->n_aliases; k++)
      if (S_is_acronym(en->aliases[k])) S_join_key(l, r, 'n', (int)en->type, en->aliases[k]);
  }
}

/* Words of a national prefix we look for ("South Korean", "United States"). */
#define DS_LINK_MAX_NATION_WORDS 3
/* Slot value of a bare name claimed by organisations of two different countries. */
#define DS_LINK_AMBIGUOUS UINT64_MAX

/* The country an organisation's name starts with ("U.S. National Security Council",
 * "South Korean National Intelligence Service"), or NULL; *rest is the name after it. */
static const char *S_nation(const char *name, const char **rest) {
  const char *p = name;
  const char *found = NULL;
  for (int w = 0; w < DS_LINK_MAX_NATION_WORDS; w++) {
    const char *sp = strchr(p, ' ');
    if (!sp) break;
    size_t n = (size_t)(sp - name);
    const char *v = ds_lexicon_value("ent_demonyms", name, n);
    if (!v) v = ds_lexicon_value("ent_countries", name, n);
    if (v && sp[1] >= 'A' && sp[1] <= 'Z') found = v, *rest = sp + 1;
    p = sp + 1;
  }
  return found;
}

/* An organisation named without its country ("the National Security Council") joins
 * the one named with it, when only one country's organisation has that name: a bare
 * "Defence Ministry" joins neither "Russian" nor "Ukrainian Defence Ministry". */
static void S_national(S_link *l) {
  for (uint32_t r = 0; r < l->refs.len; r++) { /* bare name -> the ref that bears a country */
    const ds_entity *en = S_ent(l, r);
    const char *rest = NULL, *nation = en->type == DS_ENT_ORG ? S_nation(en->name, &rest) : NULL;
    if (!nation) continue;
    S_key(l, 'q', DS_ENT_ORG, rest);
    bool inserted;
    ds_map_slot *slot = ds_map_upsert(&l->keys, l->kb.ptr, l->kb.len, &inserted);
    if (inserted) {
      slot->value = r;
    } else if (slot->value != DS_LINK_AMBIGUOUS) {
      const char *had_rest;
      if (strcmp(S_nation(S_ent(l, (uint32_t)slot->value)->name, &had_rest), nation) != 0)
        slot->value = DS_LINK_AMBIGUOUS;
    }
  }
  for (uint32_t r = 0; r < l->refs.len; r++) {
    const ds_entity *en = S_ent(l, r);
    if (en->type != DS_ENT_ORG) continue;
    S_key(l, 'q', DS_ENT_ORG, en->name);
    const ds_map_slot *slot = ds_map_get(&l->keys, l->kb.ptr, l->kb.len);
    if (slot && slot->value != DS_LINK_AMBIGUOUS) S_union(l, (uint32_t)slot->value, r);
  }
}

static ds_u32vec *S_block_key(S_link *l, const char *key, size_t n) {
  bool inserted;
  ds_map_slot *slot = ds_map_upsert(&l->keys, key, n, &inserted);
  if (inserted) {
    slot->value = l->blocks.len;
    ds_u32vec *b = DS_PUSH(&l->tmp, &l->blocks);
    memset(b, 0, sizeof *b);
  }
  return &l->blocks.items[slot->value];
}

/* The block of people whose surnames share a skeleton. */
static ds_u32vec *S_block(S_link *l, const char *last) {
  char key[DS_LINK_MAX_NAME + 4];
  key[0] = 'k', key[1] = ':';
  return S_block_key(l, key, S_skeleton(last, key + 2, sizeof key - 2) + 2);
}

/* The block of people with this first name and surname initial: a typo that drops or
 * changes a surname consonant ("Zelesnky") changes its skeleton but not this. */
static ds_u32vec *S_given_block(S_link *l, const S_ref *x) {
  char key[2 * DS_LINK_MAX_NAME + 8];
  int n = snprintf(key, sizeof key, "g:%.*s:%c", DS_LINK_MAX_NAME, x->first, x->last[0]);
  return S_block_key(l, key, (size_t)n);
}

/* Joins r to the first cluster of b whose representative agrees on both names. */
static bool S_join_block(S_link *l, ds_u32vec *b, uint32_t r) {
  const S_ref *x = &l->refs.items[r];
  for (size_t k = 0; k < b->len; k++) {
    const S_ref *y = &l->refs.items[b->items[k]];
    if (S_close(x->last, y->last) && S_first_ok(x, y)) {
      S_union(l, b->items[k], r);
      return true;
    }
  }
  return false;
}

/* People with a first name: join the first cluster in their block that agrees. */
static void S_people(S_link *l) {
  for (uint32_t r = 0; r < l->refs.len; r++) {
    const S_ref *x = &l->refs.items[r];
    if (S_ent(l, r)->type != DS_ENT_PERSON || !*x->first || !*x->last) continue;
    ds_u32vec *b = S_block(l, x->last);
    if (S_join_block(l, b, r)) continue;
    ds_u32vec *g = S_given_block(l, x);
    if (S_join_block(l, g, r)) continue;
    b = S_block(l, x->last); /* making g may have moved the blocks */
    if (b->len < DS_LINK_MAX_BLOCK) *DS_PUSH(&l->tmp, b) = r;
    if (g->len < DS_LINK_MAX_BLOCK) *DS_PUSH(&l->tmp, g) = r;
  }
}

/* The word [w, w+n) is a whole word of s (any ASCII case). */
static bool S_has_word(const char *s, const char *w, size_t n) {
  for (const char *p = s; p && *p;) {
    size_t m = strcspn(p, " ");
    if (m == n && strncasecmp(p, w, n) == 0) return true;
    p += m + (p[m] == ' ');
  }
  return false;
}

/* Shares a role word of four letters or more (spokesman, president). */
static bool S_role_shared(const char *a, const char *b) {
  for (const char *p = a; p && b && *p;) {
    size_t n = strcspn(p, " ");
    if (n >= 4 && S_has_word(b, p, n)) return true;
    p += n + (p[n] == ' ');
  }
  return false;
}

/* Both roles name what the person is ("general", "senator": title head words) and
 * no such word is common to them: two people, not one with another title. */
static bool S_role_conflict(const char *a, const char *b) {
  bool heads_a = false, heads_b = false;
  for (int side = 0; side < 2 && a && b; side++) {
    const char *p = side ? b : a;
    while (*p) {
      size_t n = strcspn(p, " ");
      if (ds_entity_is_title_word(p, n)) {
        *(side ? &heads_b : &heads_a) = true;
        if (side == 0 && S_has_word(b, p, n)) return false;
      }
      p += n + (p[n] == ' ');
    }
  }
  return heads_a && heads_b;
}

/* A surname alone joins the block's only person whose surname is close, unless their
 * roles conflict, or the one whose role it shares; when several people share the
 * surname and no role decides, it stays apart rather than guess. */
/* A one-word "person" that no person's full name explains, while the corpus names the
 * same word as a place or organisation elsewhere ("Karsovia" tagged a person in one
 * report, a place in three): the tagger guessed the type, so it joins that entity. */
static bool S_join_other_type(S_link *l, uint32_t r) {
  const char *name = S_ent(l, r)->name;
  if (strchr(name, ' ')) return false;
  static const ds_ent_type others[] = {DS_ENT_PLACE, DS_ENT_ORG};
  for (size_t k = 0; k < sizeof others / sizeof *others; k++) {
    S_key(l, 'n', (int)others[k], name);
    const ds_map_slot *slot = ds_map_get(&l->keys, l->kb.ptr, l->kb.len);
    if (slot) {
      S_union(l, (uint32_t)slot->value, r);
      return true;
    }
  }
  return false;
}

static void S_surnames(S_link *l) {
  for (uint32_t r = 0; r < l->refs.len; r++) {
    const S_ref *x = &l->refs.items[r];
    if (S_ent(l, r)->type != DS_ENT_PERSON || *x->first || !*x->last) continue;
    ds_u32vec *b = S_block(l, x->last);
    int32_t only = -1, by_role = -1, n = 0;
    for (size_t k = 0; k < b->len; k++) {
      uint32_t y = b->items[k];
      if (!S_close(x->last, l->refs.items[y].last)) continue;
      n++, only = (int32_t)y;
      if (S_role_shared(S_ent(l, r)->role, S_ent(l, y)->role)) by_role = (int32_t)y;
    }
    if (n == 1 && !S_role_conflict(S_ent(l, r)->role, S_ent(l, (uint32_t)only)->role))
      S_union(l, (uint32_t)only, r);
    else if (by_role >= 0) S_union(l, (uint32_t)by_role, r);
    else if (!S_join_other_type(l, r)) S_join_key(l, r, 's', 0, x->last); /* they join each other */
  }
}

/* Adds delta to the tally under (prefix, g, s); returns the new total. */
static uint64_t S_tally(S_link *l, char prefix, uint32_t g, const char *s, uint64_t delta) {
  ds_buf_clear(&l->kb);
  ds_buf_printf(&l->kb, "%c%u:%s", prefix, g, s);
  ds_map_slot *slot = ds_map_upsert(&l->keys, l->kb.ptr, l->kb.len, NULL);
  return slot->value += delta;
}

static uint32_t S_words(const char *s) {
  uint32_t n = 1;
  for (; *s; s++) n += *s == ' ';
  return n;
}

static void S_alias(S_link *l, ds_gentity *ge, uint32_t g, const char *s) {
  if (!s || strcmp(s, ge->name) == 0 || ge->aliases.len >= DS_LINK_MAX_ALIASES) return;
  if (S_tally(l, 'a', g, s, 1) == 1)
    *DS_PUSH(&l->c->arena, &ge->aliases) = ds_arena_strdup(&l->c->arena, s);
}

/* Fills one corpus entity from its members (ref ids, in corpus order): the spelling
 * with the most mentions (for a person, a full name over a surname alone), the most
 * frequent role. */
/* The type most of a cluster's mentions have: a cluster joined across a guessed type
 * takes the type most reports give it. On a tie a place or organisation wins: only a
 * lone word is joined across types, and a person is seldom named by one word alone. */
static ds_ent_type S_majority_type(const S_link *l, const uint32_t *m, size_t n) {
  uint64_t votes[DS_ENT_GROUP + 1] = {0};
  for (size_t i = 0; i < n; i++) votes[S_ent(l, m[i])->type] += S_ent(l, m[i])->n_mentions;
  ds_ent_type best = S_ent(l, m[0])->type;
  for (int t = 0; t <= DS_ENT_GROUP; t++)
    if (votes[t] > votes[best] || (votes[t] && votes[t] == votes[best] && best == DS_ENT_PERSON)) best = (ds_ent_type)t;
  return best;
}

static void S_fill(S_link *l, ds_gentity *ge, uint32_t g, const uint32_t *m, size_t n) {
  dossier_corpus *c = l->c;
  uint64_t best = 0, best_role = 0;
  memset(ge, 0, sizeof *ge);
  ge->type = S_majority_type(l, m, n);
  for (size_t i = 0; i < n; i++) {
    const ds_entity *en = S_ent(l, m[i]);
    /* the most used spelling; for a person, among full names (not a surname alone) */
    uint64_t words = ge->type == DS_ENT_PERSON && S_words(en->name) > 1;
    uint64_t score = words << 40 | S_tally(l, 'n', g, en->name, en->n_mentions);
    if (score > best) best = score, ge->name = en->name;
    uint64_t rs = en->role ? S_tally(l, 'r', g, en->role, 1) : 0;
    if (rs > best_role) best_role = rs, ge->role = en->role;
    ge->mentions += en->n_mentions;
    uint32_t art = l->refs.items[m[i]].article;
    if (!ge->articles.len || ge->articles.items[ge->articles.len - 1] != art)
      *DS_PUSH(&c->arena, &ge->articles) = art;
  }
  ge->name = ds_arena_strdup(&c->arena, ge->name);
  ge->role = ds_arena_strdup(&c->arena, ge->role);
  for (size_t i = 0; i < n; i++) {
    const ds_entity *en = S_ent(l, m[i]);
    S_alias(l, ge, g, en->name);
    for (uint32_t k = 0; k < en->n_aliases; k++) S_alias(l, ge, g, en->aliases[k]);
  }
}

typedef struct {
  uint32_t g, mentions;
} S_rank;

static int S_cmp_rank(const void *pa, const void *pb) {
  const S_rank *a = pa, *b = pb;
  if (a->mentions != b->mentions) return a->mentions > b->mentions ? -1 : 1;
  return a->g < b->g ? -1 : a->g > b->g;
}

/* Clusters -> c->entities, most mentioned first; sets every article entity's global. */
static void S_build(S_link *l) {
  dossier_corpus *c = l->c;
  size_t n = l->refs.len;
  uint32_t *gid = DS_NEW(&l->tmp, uint32_t, n + 1), ng = 0;
  for (uint32_t r = 0; r < n; r++) gid[r] = S_find(l, r) == r ? ng++ : gid[S_find(l, r)];
  uint32_t *start = DS_NEW(&l->tmp, uint32_t, ng + 2), *order = DS_NEW(&l->tmp, uint32_t, n + 1);
  for (uint32_t r = 0; r < n; r++) start[gid[r] + 1]++;
  for (uint32_t g = 0; g < ng; g++) start[g + 1] += start[g];
  uint32_t *fill = DS_NEW(&l->tmp, uint32_t, ng + 1);
  memcpy(fill, start, ng * sizeof *fill);
  for (uint32_t r = 0; r < n; r++) order[fill[gid[r]]++] = r;
  ds_gentity *tmp = DS_NEW(&l->tmp, ds_gentity, ng + 1);
  S_rank *rank = DS_NEW(&l->tmp, S_rank, ng + 1);
  for (uint32_t g = 0; g < ng; g++) {
    S_fill(l, &tmp[g], g, order + start[g], start[g + 1] - start[g]);
    rank[g] = (S_rank){g, tmp[g].mentions};
  }
  qsort(rank, ng, sizeof *rank, S_cmp_rank);
  uint32_t *final = DS_NEW(&l->tmp, uint32_t, ng + 1);
  c->entities.len = 0;
  for (uint32_t k = 0; k < ng; k++) {
    final[rank[k].g] = k;
    *DS_PUSH(&c->arena, &c->entities) = tmp[rank[k].g];
  }
  for (uint32_t r = 0; r < n; r++) {
    const S_ref *x = &l->refs.items[r];
    c->articles.items[x->article]->entities.items[x->local].global = (int32_t)final[gid[r]];
  }
}

void ds_link_entities(dossier_corpus *c) {
  S_link l = {.c = c, .kb = DS_BUF_INIT};
  ds_map_init(&l.keys);
  S_collect(&l);
  S_exact(&l);
  S_national(&l);
  S_people(&l);
  S_surnames(&l);
  S_build(&l);
  ds_map_free(&l.keys);
  ds_buf_free(&l.kb);
  ds_arena_free(&l.tmp);
}
