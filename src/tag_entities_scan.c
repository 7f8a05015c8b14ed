/* Entity scanner: one sentence's tokens -> candidates (see tag_entities_priv.h).
 *
 * A capitalised run ("US Defence Secretary Lloyd Austin") is read in this order:
 * a title followed by names makes a person with the role split off; a run ending in
 * an organisation word ("National Intelligence Service") is an organisation; else
 * list names (countries, places, organisations, nationality words) are taken out and
 * what is left is a person (two to four names) or a lone word the resolver decides. */
#include <string.h>
#include <strings.h>

#include "tag_entities_priv.h"

/* Token i, inside the sentence, is in the list (core form): memoised per token. */
static inline bool S_lex(const ds_ent_ctx *c, ds_ent_list list, uint32_t i) {
  return i < c->sent_end && ds_ent_val(c, i, list) != NULL;
}

/* Token i's value in the list starts with ch ("loc", "head"). */
static bool S_val_is(const ds_ent_ctx *c, ds_ent_list list, uint32_t i, char ch) {
  const char *v = i < c->sent_end ? ds_ent_val(c, i, list) : NULL;
  return v && *v == ch;
}

static bool S_feat(const ds_ent_ctx *c, uint32_t i, uint32_t f) {
  return i < c->sent_end && ds_ent_feat(c, i, f);
}

static bool S_poss(const ds_ent_ctx *c, uint32_t i) { return c->memo[i].poss != 0; }

static inline bool S_punct(const ds_ent_ctx *c, uint32_t i, const char *lit) {
  if (i >= c->sent_end || c->t[i].kind == DS_TOK_WORD) return false;
  uint32_t n;
  const char *s = ds_ent_tok(c, i, &n);
  return n == __builtin_strlen(lit) && memcmp(s, lit, n) == 0;
}

/* Title match at i: *k tokens; returns true for a head ("spokesman"), *mod for a
 * word that only builds a role ("defence"). */
static __attribute__((noinline)) void S_title_compute(const ds_ent_ctx *c, uint32_t i) {
  ds_ent_memo *mo = &c->memo[i];
  mo->done |= DS_ENT_DONE_TITLE;
  if (!ds_ent_may_match(c, i, 1u << DS_EL_TITLES)) return; /* most words: no list to ask */
  uint32_t m = 0;
  const char *v = ds_ent_list_match(c, DS_EL_TITLES, i, DS_ENT_MAX_LIST_TOKENS, &m);
  mo->title = !v ? 0 : strcmp(v, "head") == 0 ? 1 : strcmp(v, "mod") == 0 ? 2 : 0;
  mo->title_len = (uint8_t)m;
}

static inline bool S_title(const ds_ent_ctx *c, uint32_t i, uint32_t *k, bool *mod) {
  if (i >= c->ntok) return mod ? *mod = false : false;
  const ds_ent_memo *mo = &c->memo[i];
  if (!(mo->done & DS_ENT_DONE_TITLE)) S_title_compute(c, i);
  if (mod) *mod = mo->title == 2;
  if (mo->title) *k = mo->title_len;
  return mo->title == 1;
}

/* An organisation word: a head ("Ministry"), or a one-word name that is also one
 * ("Congress", "Senate": "National People's Congress"). */
static inline bool S_org_head(const ds_ent_ctx *c, uint32_t i) {
  const ds_ent_entry *e = ds_ent_entry_of(c, i);
  if (!e || !(e->in & (1u << DS_EL_ORG | 1u << DS_EL_GROUPS))) return false; /* most words */
  return S_feat(c, i, DS_EF_ORG_HEAD);
}

#define S_KNOWN_LISTS                                                                   \
  (1u << DS_EL_COUNTRIES | 1u << DS_EL_PLACES | 1u << DS_EL_ORG | 1u << DS_EL_DEMONYMS |  \
   1u << DS_EL_GROUPS)

/* The longest list name at i: country, place, organisation or nationality word.
 * Sets *k, *type and returns the canonical name, or NULL. */
static const char *S_known_uncached(const ds_ent_ctx *c, uint32_t i, uint32_t max, uint32_t *k,
                                    ds_ent_type *type) {
  static const ds_ent_list lists[] = {DS_EL_COUNTRIES, DS_EL_PLACES, DS_EL_ORG, DS_EL_DEMONYMS,
                                       DS_EL_GROUPS};
  static const ds_ent_type types[] = {DS_ENT_PLACE, DS_ENT_PLACE, DS_ENT_ORG, DS_ENT_PLACE,
                                      DS_ENT_GROUP};
  enum { NL = sizeof lists / sizeof *lists };
  const ds_ent_entry *e[DS_EL_N];
  const char *best = NULL;
  uint32_t m[DS_EL_N], org = 0;
  *k = 0;
  if (!ds_ent_is_cap(c, i) || !ds_ent_may_match(c, i, S_KNOWN_LISTS)) return NULL;
  ds_ent_match_lists(c, S_KNOWN_LISTS, i, max, e, m);
  for (size_t x = 0; x < NL; x++) {
    ds_ent_list l = lists[x];
    if (!e[l] || !*e[l]->val[l] || m[l] <= *k) continue;
    /* "Un" in Kim Jong Un is not the UN: short list words must be acronyms */
    if (m[l] == 1 && ds_ent_core_len(c, i) <= 3 && !(c->t[i].flags & (DS_TF_UPPER | DS_TF_ABBREV)))
      continue;
    best = e[l]->val[l], *k = m[l], *type = types[x], org = e[l]->org_val >> l & 1;
  }
  /* "European" stands for the European Union, an organisation */
  if (best && *type == DS_ENT_PLACE && org) *type = DS_ENT_ORG;
  return best;
}

/* S_known, remembered per token: the same token is asked about from several places. */
static __attribute__((noinline)) void S_known_compute(const ds_ent_ctx *c, uint32_t i) {
  ds_ent_memo *mo = &c->memo[i];
  uint32_t m = 0;
  ds_ent_type t = DS_ENT_PLACE;
  mo->done |= DS_ENT_DONE_KNOWN;
  if (!ds_ent_may_match(c, i, S_KNOWN_LISTS)) return; /* most words: known stays NULL */
  mo->known = S_known_uncached(c, i, UINT32_MAX, &m, &t);
  mo->known_len = (uint8_t)m, mo->known_type = (uint8_t)t;
}

static inline const char *S_known(const ds_ent_ctx *c, uint32_t i, uint32_t max, uint32_t *k,
                                  ds_ent_type *type) {
  if (i >= c->ntok) return S_known_uncached(c, i, max, k, type);
  const ds_ent_memo *mo = &c->memo[i];
  if (!(mo->done & DS_ENT_DONE_KNOWN)) S_known_compute(c, i);
  if (mo->known_len > max) return S_known_uncached(c, i, max, k, type);
  *k = mo->known_len;
  if (mo->known) *type = (ds_ent_type)mo->known_type;
  return mo->known;
}

/* A plural nationality word: "Ukrainians", "North Koreans". */
static const char *S_demonym_plural(const ds_ent_ctx *c, uint32_t i, uint32_t *k) {
  for (uint32_t m = 2; m >= 1; m--) {
    uint32_t j = i + m - 1, n;
    if (j >= c->sent_end || !ds_ent_is_cap(c, i) || !ds_ent_is_cap(c, j)) continue;
    const char *s = ds_ent_tok(c, j, &n);
    if (n < 4 || s[n - 1] != 's' || S_poss(c, j)) continue;
    char key[DS_ENT_MAX_KEY];
    uint32_t len = c->t[j].end - 1 - c->t[i].start;
    if (len >= sizeof key || (m == 2 && c->t[j].start != c->t[i].end + 1)) continue;
    memcpy(key, c->a->body + c->t[i].start, len);
    const char *v = ds_ent_lex(c, DS_EL_DEMONYMS, key, len);
    if (v) {
      *k = m;
      return v;
    }
  }
  return NULL;
}

static inline bool S_stopcap(const ds_ent_ctx *c, uint32_t i) {
  uint32_t k;
  bool mod;
  if (!ds_ent_entry_of(c, i)) return false; /* in no list: no stop word (most words) */
  if (S_title(c, i, &k, &mod) || mod) return false;
  return S_lex(c, DS_EL_STOPCAPS, i);
}

/* Sentence-initial, or after an opening quote, colon, bracket or dash: positions
 * where any word is capitalised. */
static bool S_start_like_uncached(const ds_ent_ctx *c, uint32_t i) {
  if (c->t[i].flags & DS_TF_SENT_START) return true;
  if (i == 0) return true;
  const ds_token *p = &c->t[i - 1];
  if (p->kind == DS_TOK_QUOTE && (p->flags & DS_TF_OPEN)) return true;
  return S_punct(c, i - 1, ":") || S_punct(c, i - 1, "(") || S_punct(c, i - 1, "\xE2\x80\x94");
}

/* Remembered: a lone name asks it twice (its run, then its flags). */
static inline bool S_start_like(const ds_ent_ctx *c, uint32_t i) {
  ds_ent_memo *mo = &c->memo[i];
  if (!(mo->done & DS_ENT_DONE_START))
    mo->done |= (uint8_t)(DS_ENT_DONE_START | (S_start_like_uncached(c, i) ? DS_ENT_IS_START : 0));
  return mo->done & DS_ENT_IS_START;
}

static bool S_written_lower(const ds_ent_ctx *c, uint32_t i);

/* A start-like capitalised word the article also writes in lower case. */
static bool S_common_opener(const ds_ent_ctx *c, uint32_t i) {
  return S_start_like(c, i) && S_written_lower(c, i);
}

/* A token that can be part of a personal name (inside the sentence, a property of
 * the token alone: remembered). */
static bool S_name_tok_uncached(const ds_ent_ctx *c, uint32_t i) {
  uint32_t k;
  bool mod;
  ds_ent_type ty;
  if (ds_ent_feat(c, i, DS_EF_DIGIT)) return false;
  /* a word in no list is no stop word, honorific, organisation word or list name on
   * its own; it may still begin a title with the word glued to it */
  bool listed = ds_ent_entry_of(c, i) != NULL;
  if (listed && (S_stopcap(c, i) || S_lex(c, DS_EL_HONORIFICS, i) || S_org_head(c, i)))
    return false;
  if (S_title(c, i, &k, &mod) || mod || ds_ent_feat(c, i, DS_EF_HYPHEN_KNOWN)) return false;
  return !listed || !S_known(c, i, 1, &k, &ty);
}

static __attribute__((noinline)) void S_name_tok_compute(const ds_ent_ctx *c, uint32_t i) {
  c->memo[i].done |= (uint8_t)(DS_ENT_DONE_NAME | (S_name_tok_uncached(c, i) ? DS_ENT_IS_NAME : 0));
}

static inline bool S_name_tok(const ds_ent_ctx *c, uint32_t i) {
  if (i >= c->sent_end || !ds_ent_is_cap(c, i)) return false;
  if (!(c->memo[i].done & DS_ENT_DONE_NAME)) S_name_tok_compute(c, i);
  return c->memo[i].done & DS_ENT_IS_NAME;
}

/* A word the article also writes in lower case ("National", "Interest"): two such
 * capitalised words are a name of something, not of a person. */
static bool S_written_lower(const ds_ent_ctx *c, uint32_t i) { return ds_ent_feat(c, i, DS_EF_LOWER); }

static ds_ent_cand *S_push(ds_ent_ctx *c, ds_ent_cand_kind kind, uint32_t i, uint32_t j) {
  ds_ent_cand *x = DS_PUSH(&c->tmp, &c->cands);
  memset(x, 0, sizeof *x);
  x->kind = (uint8_t)kind;
  x->tok = i, x->tok_end = j;
  x->start = c->t[i].start;
  x->end = c->t[j - 1].start + ds_ent_core_len(c, j - 1);
  x->sentence = c->sent;
  x->in_quote = c->memo[i].in_quote;
  x->entity = -1;
  x->surface = ds_ent_join(c, &c->tmp, i, j);
  return x;
}

/* Start of the role phrase that ends with the title token at `last` (inclusive):
 * back over title words, capitalised words and list names ("National Security
 * Council spokesman", "Ukraine's President"). */
static uint32_t S_role_start(const ds_ent_ctx *c, uint32_t first, uint32_t last) {
  uint32_t lo = c->a->sentences.items[c->sent].tok_start, r = first;
  while (r > lo && last + 1 - r < DS_ENT_MAX_ROLE_TOKENS) {
    uint32_t x = r - 1, k;
    bool mod, title = S_title(c, x, &k, &mod) || mod;
    if (c->t[x].kind != DS_TOK_WORD) break;
    if (!title && !(ds_ent_is_cap(c, x) && !S_stopcap(c, x) && !S_common_opener(c, x))) break;
    r = x;
    if (S_poss(c, x)) break;
  }
  return r;
}

static const char *S_role(ds_ent_ctx *c, uint32_t first, uint32_t last) {
  return ds_ent_join(c, &c->a->arena, S_role_start(c, first, last), last + 1);
}

/* The acronym's letters are a run of the name's capital initials ("South Korean
 * National Intelligence Service" -> NIS), or at least its first letter is. */
static bool S_initials_fit(const char *name, const char *acr, uint32_t n) {
  char ini[DS_ENT_MAX_KEY];
  size_t k = 0;
  for (const char *p = name; *p && k + 1 < sizeof ini; p++)
    if ((p == name || p[-1] == ' ' || p[-1] == '-') && *p >= 'A' && *p <= 'Z') ini[k++] = *p;
  ini[k] = 0;
  char a[16];
  uint32_t m = 0;
  for (uint32_t x = 0; x < n && m + 1 < sizeof a; x++)
    if (acr[x] >= 'A' && acr[x] <= 'Z') a[m++] = acr[x];
  a[m] = 0;
  return (m && strstr(ini, a)) || (m && k && ini[0] == a[0]);
}

/* "National Intelligence Service (NIS)": the acronym after a name, or NULL. An
 * organisation's own acronym may come from another language (HUR), so `any` takes it
 * whatever its letters. */
static const char *S_acronym(ds_ent_ctx *c, uint32_t q, const char *name, bool any) {
  if (!S_punct(c, q, "(") || !S_punct(c, q + 2, ")")) return NULL;
  if (q + 1 >= c->sent_end || !(c->t[q + 1].flags & DS_TF_UPPER)) return NULL;
  uint32_t n;
  const char *s = ds_ent_tok(c, q + 1, &n);
  if (n < 2 || n > 8 || (!any && !S_initials_fit(name, s, n))) return NULL;
  return ds_arena_strndup(&c->a->arena, s, n);
}

static void S_named(ds_ent_ctx *c, uint32_t i, uint32_t j, const char *name, ds_ent_type type,
                    bool listed) {
  ds_ent_cand *x = S_push(c, DS_EC_NAMED, i, j);
  x->type = (uint8_t)type;
  x->name = name;
  x->weak = c->headline && !listed;
  x->alias = S_acronym(c, j, x->surface, type == DS_ENT_ORG && !listed);
}

/* "John Kirby, White House national security spokesman, said": the role after a
 * name and a comma, or NULL. */
static const char *S_apposition(ds_ent_ctx *c, uint32_t comma) {
  if (!S_punct(c, comma, ",")) return NULL;
  uint32_t i = comma + 1, k;
  if (ds_ent_tok_is(c, i, "a") || ds_ent_tok_is(c, i, "an") || ds_ent_tok_is(c, i, "the")) i++;
  uint32_t start = i, end = i;
  bool head = false, mod, conn = false; /* conn: after "for"/"of", any word goes on */
  while (i < c->sent_end && i - start < DS_ENT_MAX_ROLE_TOKENS && c->t[i].kind == DS_TOK_WORD) {
    if (S_title(c, i, &k, &mod)) head = true, i += k, end = i;
    else if (mod) i += k, end = head ? i : end;
    else if (ds_ent_is_cap(c, i) && !S_stopcap(c, i)) i++, end = head ? i : end;
    else if (head && (ds_ent_tok_is(c, i, "of") || ds_ent_tok_is(c, i, "for") ||
                      ds_ent_tok_is(c, i, "at") || ds_ent_tok_is(c, i, "to")))
      i++, conn = true;
    else if (head && (conn || ds_ent_tok_is(c, i, "the"))) i++, end = conn ? i : end;
    else break;
  }
  bool closes = i >= c->sent_end || S_punct(c, i, ",") || S_punct(c, i, ".") ||
                S_lex(c, DS_EL_CUES, i);
  if (!head || !closes || end <= start) return NULL;
  return ds_ent_join(c, &c->a->arena, start, end);
}

/* A lower-case context word: 'l' for "loc" (in, near), 'p' for "placenoun" (region). */
static inline bool S_ctx_is(const ds_ent_ctx *c, uint32_t i, char what) {
  return !ds_ent_is_cap(c, i) && S_val_is(c, DS_EL_CONTEXT, i, what);
}

static void S_single(ds_ent_ctx *c, uint32_t k, bool titled, const char *role);

/* Emits the unknown name tokens [k, m): a person, a place before "region", or a
 * single word for the resolver. `hon`: an honorific came before. */
static void S_unknown(ds_ent_ctx *c, uint32_t k, uint32_t m, bool hon) {
  uint32_t tk;
  bool titled = hon || (k > 0 && !ds_ent_is_cap(c, k - 1) && S_title(c, k - 1, &tk, NULL) &&
                        tk == 1);
  const char *role = titled && !hon ? S_role(c, k - 1, k - 1) : NULL;
  if (m - k >= 2 && !titled) {
    if (S_ctx_is(c, m, 'p') || S_val_is(c, DS_EL_PLACE_WORDS, k, 'h') ||
        S_val_is(c, DS_EL_PLACE_WORDS, m - 1, 't')) {
      ds_ent_cand *x = S_push(c, DS_EC_NAMED, k, m);
      x->type = DS_ENT_PLACE, x->name = x->surface, x->weak = c->headline;
      return;
    }
    if (S_lex(c, DS_EL_THING_WORDS, m - 1)) return; /* "Fifth Amendment", "Cold War" */
    /* first names are rarely words the article writes in lower case ("National
     * Interest"); a speech verb after it still makes it a person ("Mark Young said") */
    bool all_lower = true;
    for (uint32_t i = k; i < m; i++) all_lower &= S_written_lower(c, i);
    bool cue = S_lex(c, DS_EL_CUES, m) && !ds_ent_is_cap(c, m);
    if (all_lower || (S_written_lower(c, k) && !cue)) return;
  }
  if (m - k >= 2) {
    bool shout = true; /* "MIDWAY ATOLL": capitals say nothing about the kind of name */
    for (uint32_t i = k; i < m; i++) shout &= (c->t[i].flags & DS_TF_UPPER) != 0;
    ds_ent_cand *x = S_push(c, DS_EC_PERSON, k, m);
    x->name = x->surface, x->role = role, x->weak = (c->headline || shout) && !titled;
    if (!x->role && !S_poss(c, m - 1)) x->role = S_apposition(c, m);
    return;
  }
  S_single(c, k, titled, role);
}

/* One unknown capitalised word at k: its context, for the resolver to decide. */
static void S_single(ds_ent_ctx *c, uint32_t k, bool titled, const char *role) {
  uint32_t m = k + 1;
  ds_ent_cand *x = S_push(c, DS_EC_SINGLE, k, m);
  x->name = x->surface, x->role = role, x->weak = c->headline;
  uint8_t f = 0;
  if (S_start_like(c, k)) f |= DS_ES_START;
  if (k > 0 && S_ctx_is(c, k - 1, 'l') && !S_poss(c, k)) f |= DS_ES_LOC;
  if (S_lex(c, DS_EL_CUES, m) && !ds_ent_is_cap(c, m)) f |= DS_ES_CUE;
  if (S_poss(c, k)) f |= DS_ES_POSS;
  if (c->t[k].flags & DS_TF_UPPER) f |= DS_ES_UPPER;
  if (S_ctx_is(c, m, 'p')) f |= DS_ES_PLACE;
  if (titled) f |= DS_ES_TITLED;
  x->flags = f;
  if (!x->role && (titled || (f & DS_ES_CUE)) && !(f & DS_ES_POSS)) x->role = S_apposition(c, m);
}

/* A sentence-opening word in -ing ("Electing", "Asking"): a verb, not a first name. */
static bool S_gerund_opener(const ds_ent_ctx *c, uint32_t k) {
  uint32_t n;
  const char *s = ds_ent_tok(c, k, &n);
  return S_start_like(c, k) && n > 5 && memcmp(s + n - 3, "ing", 3) == 0;
}

/* Length of the unknown name segment at k (stops after a possessive). */
static uint32_t S_name_len(const ds_ent_ctx *c, uint32_t k, uint32_t q) {
  uint32_t m = k, len;
  ds_ent_type ty;
  while (m < q && m - k < DS_ENT_MAX_PERSON_TOKENS) {
    if (m > k && S_known(c, m, q - m, &len, &ty) && len >= 2) break; /* "... White House" */
    if (S_name_tok(c, m) || (m == k && c->first_name_ok)) {
      if (S_poss(c, m++)) break;
    } else if (m > k && S_lex(c, DS_EL_PARTICLES, m) && m + 1 < q && S_name_tok(c, m + 1)) {
      m++;
    } else {
      break;
    }
  }
  return m - k;
}

/* A list place that is really a first name: "Jordan Bardella", "Chad Smith". */
static bool S_first_name(const ds_ent_ctx *c, uint32_t k, uint32_t len, uint32_t q,
                         ds_ent_type type) {
  bool spaced = (c->t[k].flags & DS_TF_SPACE_BEFORE) || S_start_like(c, k); /* not "U.S.-China" */
  return type == DS_ENT_PLACE && len == 1 && spaced && !S_poss(c, k) && k + 1 < q &&
         S_name_tok(c, k + 1) &&
         !(c->t[k].flags & (DS_TF_UPPER | DS_TF_ABBREV)) && !S_written_lower(c, k + 1) &&
         !S_lex(c, DS_EL_DEMONYMS, k);
}

/* Walks [p, q): list names out, unknown name segments to S_unknown. */
static void S_walk(ds_ent_ctx *c, uint32_t p, uint32_t q) {
  bool hon = false;
  for (uint32_t k = p; k < q;) {
    uint32_t len;
    ds_ent_type type;
    const char *known = S_known(c, k, c->sent_end - k, &len, &type);
    if (!known) known = S_demonym_plural(c, k, &len), type = DS_ENT_PLACE;
    bool first = known && S_first_name(c, k, len, q, type);
    if (known && !first) {
      S_named(c, k, k + len, known, type, true);
      k += len, hon = false;
      continue;
    }
    if (S_lex(c, DS_EL_HONORIFICS, k)) {
      hon = true, k++;
      continue;
    }
    c->first_name_ok = first || (hon && ds_ent_is_cap(c, k)); /* "Mr. King" */
    uint32_t n = S_name_len(c, k, q);
    c->first_name_ok = false;
    if (n >= 2 && S_gerund_opener(c, k)) {
      k++; /* "Electing Hillary": a sentence opening with a verb, then the name */
      continue;
    }
    if (n) {
      S_unknown(c, k, k + n, hon);
      k += n, hon = false;
      continue;
    }
    bool mod;
    if (S_title(c, k, &len, &mod) || mod) k += len;
    else k++;
    hon = false;
  }
}

/* "Speaker of the House Newt Gingrich", "Minister of Foreign Affairs Ilse Varga": a
 * title, "of", then capitalised words ending in the name. With no other clue the
 * name is the last two words (one when only two follow "of"). */
static bool S_title_of_person(ds_ent_ctx *c, uint32_t p, uint32_t q) {
  for (uint32_t h = p; h + 3 < q; h++) {
    uint32_t k;
    if (!S_title(c, h, &k, NULL)) continue;
    if (!ds_ent_tok_is(c, h + k, "of") && !ds_ent_tok_is(c, h + k, "for")) continue;
    uint32_t f = h + k + 1;
    if (ds_ent_tok_is(c, f, "the")) f++;
    if (q < f + 2) return false;
    for (uint32_t i = f; i < q; i++)
      if (!ds_ent_is_cap(c, i)) return false;
    uint32_t n0 = q - (q - f >= 3 ? 2 : 1);
    if (S_name_len(c, n0, q) != q - n0 || S_org_head(c, q - 1)) return false;
    if (h > p) S_walk(c, p, h);
    ds_ent_cand *x = S_push(c, q - n0 >= 2 ? DS_EC_PERSON : DS_EC_SINGLE, n0, q);
    x->name = x->surface;
    x->role = ds_ent_join(c, &c->a->arena, S_role_start(c, h, h + k - 1), n0);
    x->flags = DS_ES_TITLED | (S_poss(c, q - 1) ? DS_ES_POSS : 0);
    return true;
  }
  return false;
}

/* Person after the last title in [p, q) that has names after it: "US Defence
 * Secretary Lloyd Austin". Returns true when one was emitted. */
static bool S_titled_person(ds_ent_ctx *c, uint32_t p, uint32_t q) {
  uint32_t best = q, best_k = 0;
  for (uint32_t h = p; h < q; h++) {
    uint32_t k;
    if (!S_title(c, h, &k, NULL) || h + k >= q) continue;
    uint32_t n0 = h + k;
    while (n0 < q && S_lex(c, DS_EL_HONORIFICS, n0)) n0++;
    if (n0 < q && S_name_len(c, n0, q) > 0) best = h, best_k = k;
  }
  if (best == q) return S_title_of_person(c, p, q);
  uint32_t n0 = best + best_k;
  while (S_lex(c, DS_EL_HONORIFICS, n0)) n0++;
  uint32_t m = n0 + S_name_len(c, n0, q);
  if (best > p) S_walk(c, p, best);
  ds_ent_cand *x = S_push(c, m - n0 >= 2 ? DS_EC_PERSON : DS_EC_SINGLE, n0, m);
  x->name = x->surface;
  x->role = S_role(c, best, best + best_k - 1);
  x->flags = DS_ES_TITLED | (S_poss(c, m - 1) ? DS_ES_POSS : 0);
  if (m < q) S_walk(c, m, q);
  return true;
}

/* An organisation: the run ends in an organisation word or starts with one before
 * "of" ("Ministry of Defence"). */
static bool S_org(ds_ent_ctx *c, uint32_t p, uint32_t q) {
  if (q - p < 2) return false;
  uint32_t head = q - 1;
  bool org = S_org_head(c, head);
  for (uint32_t x = p; x + 1 < q && !org; x++)
    org = S_org_head(c, head = x) && (ds_ent_tok_is(c, x + 1, "of") || ds_ent_tok_is(c, x + 1, "for"));
  if (!org) return false;
  uint32_t len;
  ds_ent_type type;
  /* "Russia's Defence Ministry": the owner is a mention of its own */
  const char *known = S_known(c, p, q - p, &len, &type);
  if (known && p + len < q - 1 && S_poss(c, p + len - 1)) {
    S_named(c, p, p + len, known, type, true);
    p += len;
  }
  for (uint32_t x = p; x + 1 < q; x++)
    if (S_poss(c, x) && !S_feat(c, x, DS_EF_PART_FULL)) p = x + 1;
  if (q - p < 2 && !(S_org_head(c, p) && q > p)) return false;
  S_named(c, p, q, NULL, S_feat(c, head, DS_EF_GROUP_HEAD) ? DS_ENT_GROUP : DS_ENT_ORG, false);
  ds_ent_cand *x = &c->cands.items[c->cands.len - 1];
  x->name = x->surface;
  return true;
}

/* One run with no sentence-opening or stop words inside. */
static void S_subrun(ds_ent_ctx *c, uint32_t p, uint32_t q) {
  if (p >= q) return;
  if (q - p > DS_ENT_MAX_RUN) {
    bool saved = c->headline;
    c->headline = true; /* too long to be a name: keep list names, link the rest */
    S_walk(c, p, q);
    c->headline = saved;
    return;
  }
  if (S_titled_person(c, p, q)) return;
  uint32_t k;
  ds_ent_type ty;
  bool listed = S_known(c, p, q - p, &k, &ty) && k == q - p; /* "Russian Federation" */
  if (!listed && S_org(c, p, q)) return;
  S_walk(c, p, q);
}

static inline bool S_connector(const ds_ent_ctx *c, uint32_t i) {
  if (i >= c->sent_end || ds_ent_is_cap(c, i)) return false;
  return ds_ent_tok_is(c, i, "of") || ds_ent_tok_is(c, i, "for") ||
         ds_ent_tok_is(c, i, "the") || S_lex(c, DS_EL_PARTICLES, i);
}

/* End of the capitalised run starting at i (connectors allowed inside; "and" only
 * after "of"/"for": "Centre for Strategic and International Studies"). */
static uint32_t S_run_end(const ds_ent_ctx *c, uint32_t i) {
  uint32_t j = i + 1;
  bool of = false;
  while (j < c->sent_end && j - i < 4 * DS_ENT_MAX_RUN) {
    if (ds_ent_is_cap(c, j)) {
      j++;
      continue;
    }
    /* the run goes on only to a capital within three connectors: most runs end here */
    uint32_t far = j + 3 < c->sent_end ? j + 3 : c->sent_end, x = j + 1;
    while (x <= far && !ds_ent_is_cap(c, x)) x++;
    if (x > far) break;
    if (S_punct(c, j, "-") && !(c->t[j].flags & DS_TF_SPACE_BEFORE) && ds_ent_is_cap(c, j + 1) &&
        !(c->t[j + 1].flags & DS_TF_SPACE_BEFORE)) {
      j += 2; /* "U.S.-China Relations" */
      continue;
    }
    uint32_t k = j;
    while (k < c->sent_end && k - j < 3 &&
           (S_connector(c, k) || (of && ds_ent_tok_is(c, k, "and")))) {
      of |= ds_ent_tok_is(c, k, "of") || ds_ent_tok_is(c, k, "for");
      k++;
    }
    if (k == j || !ds_ent_is_cap(c, k)) break;
    j = k + 1;
  }
  return j;
}

/* Splits a run at stop words ("On Friday Ukrainian President ...") and
 * sentence-opening common words, and reads each piece. */
static void S_run(ds_ent_ctx *c, uint32_t i, uint32_t j) {
  uint32_t p = i;
  while (p < j) {
    uint32_t k;
    ds_ent_type ty;
    bool listed = S_known(c, p, j - p, &k, &ty) != NULL;
    if (!listed && (S_stopcap(c, p) || S_connector(c, p) ||
                    (S_common_opener(c, p) && !S_title(c, p, &k, NULL)))) {
      p++;
      continue;
    }
    uint32_t q = p + 1;
    while (q < j && !(ds_ent_is_cap(c, q) && S_stopcap(c, q) && !S_known(c, q, j - q, &k, &ty)))
      q++;
    while (q > p + 1 && S_connector(c, q - 1)) q--;
    S_subrun(c, p, q);
    p = q;
  }
}

/* "the spokesman", "the US defence secretary", "the ministry": a description that
 * refers back to an entity named earlier. */
static uint32_t S_desc(ds_ent_ctx *c, uint32_t i) {
  if (!ds_ent_tok_is(c, i, "the")) return i;
  uint32_t j = i + 1;
  for (int mods = 0; j < c->sent_end && mods < 5; mods++) {
    uint32_t k, k2;
    bool mod, mod2, head = S_title(c, j, &k, &mod);
    ds_ent_type ty;
    if (head && !S_title(c, j + k, &k2, &mod2) && !mod2) {
      if (S_name_tok(c, j + k) || ds_ent_tok_is(c, j + k, "of")) return i;
      ds_ent_cand *x = S_push(c, DS_EC_DESC, i, j + k);
      x->type = DS_ENT_PERSON;
      x->head = ds_ent_join(c, &c->tmp, j, j + k);
      return j + k;
    }
    if (S_org_head(c, j) && !ds_ent_is_cap(c, j + 1) && !S_title(c, j + 1, &k2, NULL)) {
      ds_ent_cand *x = S_push(c, DS_EC_DESC, i, j + 1);
      x->type = S_feat(c, j, DS_EF_GROUP_HEAD) ? DS_ENT_GROUP : DS_ENT_ORG;
      x->head = ds_ent_join(c, &c->tmp, j, j + 1);
      return j + 1;
    }
    if (head || mod) j += k;
    else if (S_known(c, j, 2, &k, &ty)) j += k;
    else if (ds_ent_is_cap(c, j) && !S_stopcap(c, j)) j++; /* "the National Security Council ..." */
    else return i;
  }
  return i;
}

/* A headline or title-case line: a whole paragraph with no final period whose longer
 * words are mostly capitalised. Names in it only link to names found elsewhere. */
static bool S_is_headline(const ds_ent_ctx *c, uint32_t si) {
  const ds_article *a = c->a;
  const ds_sentence *s = &a->sentences.items[si];
  if (!(c->t[s->tok_start].flags & DS_TF_PARA_START)) return false;
  if (si + 1 < a->sentences.len &&
      !(c->t[a->sentences.items[si + 1].tok_start].flags & DS_TF_PARA_START))
    return false;
  uint32_t n;
  const char *last = ds_ent_tok(c, s->tok_end - 1, &n);
  bool period = n == 1 && *last == '.';
  if (period && s->para > 0) return false;
  uint32_t total = 0, caps = 0;
  for (uint32_t i = s->tok_start; i < s->tok_end; i++) {
    if (c->t[i].kind != DS_TOK_WORD || ds_ent_core_len(c, i) < 4) continue;
    total++;
    caps += (c->t[i].flags & DS_TF_CAP) != 0;
  }
  /* a first line with a period is a title only when every longer word is capitalised */
  if (period) return total >= 4 && caps == total;
  return total >= 3 && caps * 4 >= total * 3;
}

void ds_ent_scan_sentence(ds_ent_ctx *c, uint32_t si) {
  const ds_sentence *s = &c->a->sentences.items[si];
  c->sent = si;
  c->sent_end = s->tok_end;
  c->headline = S_is_headline(c, si);
  /* what a description holds is read too; the resolver keeps one or the other */
  const ds_ent_memo *memo = c->memo;
  uint32_t end = s->tok_end, at = c->thes_at;
  while (at > 0 && c->thes[at - 1] >= s->tok_start) at--;
  while (at < c->nthes && c->thes[at] < s->tok_start) at++;
  for (; at < c->nthes && c->thes[at] < end; at++) S_desc(c, c->thes[at]);
  c->thes_at = at;
  uint32_t i = s->tok_start;
  while (i < end) {
    while (i < end && !memo[i].cap) i++; /* stretches of lower-case words */
    if (i >= end) break;
    uint32_t j = S_run_end(c, i);
    S_run(c, i, j);
    i = j;
  }
}
