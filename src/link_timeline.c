/* The timeline: every clause that carries a date of day or month precision is an
 * event, named by its subject, main verb and object (link_timeline_clause.c; a window
 * of DS_TL_MAX_WORDS around the date when no verb is found). Events are blocked by
 * date; within one date an event joins an earlier entry when their content words
 * (stems, with the synonyms of data/tl_synonyms.txt) overlap enough (the same fact
 * told by several outlets), so the cost is bounded by DS_TL_MAX_BLOCK comparisons per
 * event, never all pairs. Entries are ordered by date; a month-precision entry
 * ("2024-10") sorts with the days of its month where its words place it ("mid-October"
 * mid-month, a bare "October" first, as the heading under which the days fall). Before
 * that, undated reports whose guessed year contradicts the pile are re-anchored
 * (ds_link_anchor). */
#include <libstemmer.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "link_timeline_internal.h"
#include "tag_times.h"
#include "util/hash.h"
#include "util/date.h"
#include "util/lexicon.h"
#include "util/utf8.h"

/* Words shown for an event without a verb: enough for "who did what to whom". */
#define DS_TL_MAX_WORDS 15
/* Content words kept per event for matching (the first ones of its clause). */
#define DS_TL_MAX_KEYS 16
/* Entries of the same date an event is compared with: a date that 10,000 reports
 * mention must not make linking quadratic; the earliest entries are the likeliest match. */
#define DS_TL_MAX_BLOCK 64
/* A clause shorter than this is a byline or dateline, not an event. */
#define DS_TL_MIN_WORDS 4
/* Two events are one when this share of the smaller one's content words is shared. */
#define DS_TL_OVERLAP 0.5
#define DS_TL_MIN_SHARED 2
/* Longest word looked up in a word list or stemmed (longer ones are not words). */
#define DS_TL_MAX_WORD 40
/* An undated report whose own guess lies within half a year of the corpus's dated
 * reports keeps it; further off, the guess more likely borrowed the wrong year. */
#define DS_TL_REANCHOR_DAYS 183

/* An event's keys and weights, in one allocation of exactly their size: a corpus has
 * millions of events, most with far fewer than DS_TL_MAX_KEYS keys. */
typedef struct {
  uint32_t *keys; /* sorted */
  float *weight;  /* how rare each key is among the corpus's events */
  float total;
  uint32_t n;
} S_keyset;

typedef struct {
  char date[11];
  uint8_t day;     /* where it sorts within its month (S_sort_day) */
  uint8_t quality; /* subject 2 + verb 1 + object 1; 0 for a window */
  uint32_t article, time;
  const char *text; /* the label, in the link stage's scratch arena */
  S_keyset label; /* content words of the label */
  int32_t entry; /* the timeline entry it joined */
} S_event;

typedef DS_VEC(S_event) S_events; /* malloc'd (not in an arena): grown in place */

typedef struct {
  const ds_map *stop, *synonyms, *demonyms, *parts;
  ds_arena *tmp;
  struct sb_stemmer *stem; /* the link stage runs on one thread */
  ds_buf fold;
  ds_map keys; /* word -> key: the stemmer costs thousands of instructions a word */
  ds_tl_scratch scratch;
  bool texts;   /* S_event_of writes the label's text (see S_texts) */
} S_ctx;

static bool S_is_word(const ds_token *t) { return t->kind == DS_TOK_WORD || t->kind == DS_TOK_NUMBER; }

/* Token range of the clause holding token k: the sentence, cut at ; and dashes. */
static void S_clause(const ds_article *a, const ds_sentence *s, uint32_t k, uint32_t *from,
                     uint32_t *to) {
  *from = s->tok_start, *to = s->tok_end;
  for (uint32_t i = s->tok_start; i < s->tok_end; i++) {
    const ds_token *t = &a->tokens.items[i];
    if (t->kind != DS_TOK_PUNCT) continue;
    char ch = a->body[t->start];
    bool cut = ch == ';' || (t->end - t->start == 3 && (unsigned char)ch == 0xE2); /* — */
    if (!cut) continue;
    if (i < k) *from = i + 1;
    else if (i > k && i < *to) *to = i;
  }
}

/* The words shown when no verb is found: up to DS_TL_MAX_WORDS, starting before the
 * date so that the subject and verb (which usually precede "on October 23") stay in. */
static void S_window(const ds_article *a, uint32_t from, uint32_t to, uint32_t k, const ds_time *tm,
                     ds_tl_label *l) {
  uint32_t words = 0, i, ws = from, we = to;
  for (i = from; i < to; i++) words += S_is_word(&a->tokens.items[i]);
  if (words > DS_TL_MAX_WORDS) {
    uint32_t before = 0, n = 0;
    for (i = k; i > from && before < DS_TL_MAX_WORDS * 2 / 3; i--) before += S_is_word(&a->tokens.items[i - 1]);
    for (ws = i; i < to && n < DS_TL_MAX_WORDS; i++) n += S_is_word(&a->tokens.items[i]);
    we = i;
  }
  while (we > ws && a->tokens.items[we - 1].kind == DS_TOK_PUNCT) we--;
  l->n = 0;
  for (i = ws; i < we && l->n < DS_TL_LABEL_TOKENS; i++) {
    const ds_token *t = &a->tokens.items[i];
    if (t->kind != DS_TOK_QUOTE && (t->end <= tm->start || t->start >= tm->end)) l->tok[l->n++] = i;
  }
}

/* A word's key: the Snowball stem of its synonym class (data/tl_synonyms.txt), of
 * the country of a nationality ("Russian" is "Russia") or of itself ("ratified" and
 * "ratify" meet). */
static uint32_t S_key(S_ctx *x, const ds_article *a, const ds_token *t) {
  size_t len = t->end - t->start;
  const char *w = a->body + t->start;
  if (len > 3 && !memcmp(w + len - 2, "'s", 2)) len -= 2; /* "Russia's" is "Russia" */
  else if (len > 5 && !memcmp(w + len - 4, "\xE2\x80\x99s", 4)) len -= 4;
  bool fresh;
  ds_map_slot *slot = ds_map_upsert(&x->keys, w, len, &fresh); /* words repeat: read each once */
  if (!fresh) return (uint32_t)slot->value;
  const char *v = ds_lexicon_lookup(x->synonyms, w, len);
  if (!v && (t->flags & DS_TF_CAP)) v = ds_lexicon_lookup(x->demonyms, w, len);
  if (v) w = v, len = strlen(v);
  ds_buf_clear(&x->fold);
  ds_utf8_fold(&x->fold, w, len);
  const sb_symbol *st = x->stem ? sb_stemmer_stem(x->stem, (const sb_symbol *)x->fold.ptr, (int)x->fold.len) : NULL;
  slot->value = st ? (uint32_t)ds_hash_bytes(st, (size_t)sb_stemmer_length(x->stem))
                   : (uint32_t)ds_hash_bytes(x->fold.ptr, x->fold.len);
  return (uint32_t)slot->value;
}

static int S_cmp_u32(const void *x, const void *y) {
  uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
  return a < b ? -1 : a > b;
}

/* Adds token t to the keys when it is a content word outside the time expression. */
static void S_key_add(S_ctx *x, const ds_article *a, S_keyset *e, const ds_token *t, const ds_time *tm) {
  if (e->n >= DS_TL_MAX_KEYS || t->kind != DS_TOK_WORD || (t->start >= tm->start && t->end <= tm->end)) return;
  if (t->end - t->start < 3 || t->end - t->start > DS_TL_MAX_WORD ||
      ds_lexicon_lookup(x->stop, a->body + t->start, t->end - t->start))
    return;
  uint32_t k = S_key(x, a, t);
  for (uint32_t i = 0; i < e->n; i++)
    if (e->keys[i] == k) return;
  e->keys[e->n++] = k;
}

static void S_sort_keys(S_keyset *e) {
  if (e->n > 1) qsort(e->keys, e->n, sizeof *e->keys, S_cmp_u32);
}

static uint32_t S_token_at(const ds_article *a, const ds_sentence *s, uint32_t off) {
  for (uint32_t i = s->tok_start; i < s->tok_end; i++)
    if (a->tokens.items[i].end > off) return i;
  return s->tok_start;
}

/* The label's text: its tokens as the body writes them, a space where it skips words,
 * the first letter raised ("the harbour authority closed" opens an entry). */
static const char *S_text(const S_ctx *x, const ds_article *a, const ds_tl_label *l) {
  size_t cap = 1;
  for (uint32_t i = 0; i < l->n; i++) cap += a->tokens.items[l->tok[i]].end - a->tokens.items[l->tok[i]].start + 1;
  for (uint32_t i = 1; i < l->n; i++)
    if (l->tok[i - 1] + 1 == l->tok[i]) cap += a->tokens.items[l->tok[i]].start - a->tokens.items[l->tok[i - 1]].end;
  char *s = DS_NEW(x->tmp, char, cap), *p = s;
  for (uint32_t i = 0; i < l->n; i++) {
    const ds_token *t = &a->tokens.items[l->tok[i]];
    const char *from = a->body + t->start;
    if (i && l->tok[i - 1] + 1 == l->tok[i]) from = a->body + t[-1].end;
    else if (i) *p++ = ' ';
    char *w = p + (a->body + t->start - from);
    memcpy(p, from, (size_t)(a->body + t->end - from));
    p += a->body + t->end - from;
    if ((l->lower >> i & 1) && *w >= 'A' && *w <= 'Z') *w = (char)(*w + 32);
  }
  *p = 0;
  if (s[0] >= 'a' && s[0] <= 'z') s[0] = (char)(s[0] - 32);
  return s;
}

/* Where a month-precision date sorts among the days of its month: "mid-October"
 * mid-month, "late October" late, a bare month first (data/tl_month_parts.txt). */
static uint8_t S_sort_day(const S_ctx *x, const ds_article *a, const ds_time *tm, int d) {
  if (d) return (uint8_t)d;
  const char *p = a->body + tm->start, *end = a->body + tm->end;
  while (p < end) {
    const char *w = p;
    while (p < end && ((*p | 32) >= 'a' && (*p | 32) <= 'z')) p++;
    const char *v = p > w && p - w <= DS_TL_MAX_WORD ? ds_lexicon_lookup(x->parts, w, (size_t)(p - w)) : NULL;
    if (v) return (uint8_t)atoi(v);
    while (p < end && !((*p | 32) >= 'a' && (*p | 32) <= 'z')) p++;
  }
  return 0;
}

/* Builds the event for time expression ti of article a; false when it is none. */
static bool S_event_of(S_ctx *x, const ds_article *a, uint32_t ai, uint32_t ti, S_event *e) {
  const ds_time *tm = &a->times.items[ti];
  int y, m, d;
  if ((tm->type != DS_TIME_DATE && tm->type != DS_TIME_TIME) ||
      !ds_time_value_date(tm->value, &y, &m, &d) || tm->sentence >= a->sentences.len)
    return false;
  memset(e, 0, sizeof *e);
  memcpy(e->date, tm->value, d ? 10 : 7);
  e->day = S_sort_day(x, a, tm, d);
  const ds_sentence *s = &a->sentences.items[tm->sentence];
  uint32_t k = S_token_at(a, s, tm->start), from, to, words = 0;
  S_clause(a, s, k, &from, &to);
  for (uint32_t i = from; i < to; i++) words += S_is_word(&a->tokens.items[i]);
  if (words < DS_TL_MIN_WORDS) return false;
  ds_tl_label l;
  if (ds_tl_label_of(a, tm, &l, &x->scratch)) {
    e->quality = (uint8_t)(2 * l.has_subject + l.has_verb + l.has_object);
  } else {
    if (l.dateline) return false;
    S_window(a, from, to, k, tm, &l);
  }
  if (!l.n) return false;
  e->article = ai, e->time = ti, e->entry = -1;
  if (x->texts) {
    e->text = S_text(x, a, &l);
    return true;
  }
  uint32_t keys[DS_TL_MAX_KEYS];
  S_keyset *ks = &e->label;
  ks->keys = keys;
  for (uint32_t i = 0; i < l.n; i++) S_key_add(x, a, ks, &a->tokens.items[l.tok[i]], tm);
  S_sort_keys(ks);
  ks->keys = NULL, ks->weight = NULL;
  if (ks->n) {
    ks->keys = ds_arena_grow(x->tmp, NULL, 0, ks->n * (sizeof *ks->keys + sizeof *ks->weight));
    memcpy(ks->keys, keys, ks->n * sizeof *ks->keys);
    ks->weight = (float *)(ks->keys + ks->n);
  }
  return true;
}

/* Weighs each event's keys by how rare they are among all events (inverse document
 * frequency): in a pile about North Korean troops, "north" and "troop" say little
 * about which event a clause tells, "ratified" or "Duma" much. */
static void S_weigh(S_event *ev, size_t n) {
  ds_map df;
  ds_map_init(&df);
  for (size_t i = 0; i < n; i++)
    for (uint32_t k = 0; k < ev[i].label.n; k++) {
      bool fresh;
      ds_map_upsert(&df, (const char *)&ev[i].label.keys[k], sizeof(uint32_t), &fresh)->value++;
    }
  for (size_t i = 0; i < n; i++) {
    S_keyset *e = &ev[i].label;
    e->total = 0;
    for (uint32_t k = 0; k < e->n; k++) {
      const ds_map_slot *s = ds_map_get(&df, (const char *)&e->keys[k], sizeof(uint32_t));
      e->weight[k] = (float)log((double)(n + 1) / (double)s->value);
      e->total += e->weight[k];
    }
  }
  ds_map_free(&df);
}

/* How much of the lighter event the two share, by weight (0 to 1); 0 below
 * DS_TL_MIN_SHARED shared words. */
static double S_overlap(const S_keyset *x, const S_keyset *y) {
  uint32_t i = 0, j = 0, n = 0;
  double w = 0;
  while (i < x->n && j < y->n) {
    if (x->keys[i] == y->keys[j]) w += x->weight[i], n++, i++, j++;
    else if (x->keys[i] < y->keys[j]) i++;
    else j++;
  }
  double small = x->total < y->total ? x->total : y->total;
  return n >= DS_TL_MIN_SHARED && small > 0 ? w / small : 0;
}

typedef struct {
  DS_VEC(uint32_t) entries; /* founding events of this date's entries */
} S_block;
typedef DS_VEC(S_block) S_blocks;

/* Puts event ei in an entry: the existing one of its date that best tells the same
 * fact, or a new one. Returns the founding event of its entry. */
static uint32_t S_place(S_event *ev, uint32_t ei, ds_map *dates, S_blocks *blocks,
                        ds_arena *tmp) {
  S_event *e = &ev[ei];
  bool fresh;
  ds_map_slot *slot = ds_map_upsert(dates, e->date, strlen(e->date), &fresh);
  if (fresh) {
    S_block *b = DS_PUSH(tmp, blocks);
    memset(b, 0, sizeof *b);
    slot->value = blocks->len - 1;
  }
  S_block *b = &blocks->items[slot->value];
  size_t n = b->entries.len < DS_TL_MAX_BLOCK ? b->entries.len : DS_TL_MAX_BLOCK;
  double best = DS_TL_OVERLAP;
  uint32_t to = ei;
  for (size_t i = 0; i < n; i++) {
    double o = S_overlap(&ev[b->entries.items[i]].label, &e->label);
    if (o >= best) best = o, to = b->entries.items[i];
  }
  if (to == ei) *DS_PUSH(tmp, &b->entries) = ei;
  return to;
}

/* Independent outlets among an entry's articles: reprints do not count, and articles
 * of one outlet count once (an article without an outlet name counts as its own). */
static uint32_t S_outlets(const dossier_corpus *c, const ds_u32vec *arts) {
  ds_map seen;
  ds_map_init(&seen);
  uint32_t n = 0;
  for (size_t i = 0; i < arts->len; i++) {
    const ds_article *a = c->articles.items[arts->items[i]];
    if (a->duplicate_of >= 0) continue;
    if (!a->outlet) {
      n++;
      continue;
    }
    bool fresh;
    ds_map_upsert(&seen, a->outlet, strlen(a->outlet), &fresh);
    n += fresh;
  }
  ds_map_free(&seen);
  return n;
}

typedef struct {
  ds_timeline_entry e;
  uint8_t day;     /* of the event that founded it (S_sort_day) */
  uint32_t shown;  /* the event whose label it shows */
} S_entry;
typedef DS_VEC(S_entry) S_entries;

/* By month, then the day within it (a month heading on day 0 first), then the
 * report and place that first told it. */
static int S_cmp_entry(const void *x, const void *y) {
  const S_entry *a = x, *b = y;
  int r = strncmp(a->e.date, b->e.date, 7);
  if (r) return r;
  if (a->day != b->day) return a->day < b->day ? -1 : 1;
  r = (int)strlen(a->e.date) - (int)strlen(b->e.date);
  if (r) return r;
  uint32_t aa = a->e.articles.items[0], ba = b->e.articles.items[0];
  if (aa != ba) return aa < ba ? -1 : 1;
  return a->e.times.items[0].index < b->e.times.items[0].index ? -1 : 1;
}

/* Longest gap between the two ends of a range ("  through "): anything longer is
 * another date of the sentence, not the end of a span. */
#define DS_TL_MAX_RANGE_GAP 12

/* True when time ti closes a range opened by the time before it in the same sentence
 * ("from October 8 to October 13": the 13th is the same event as the 8th). */
static bool S_range_end(const ds_article *a, size_t ti) {
  if (ti == 0) return false;
  const ds_time *prev = &a->times.items[ti - 1], *tm = &a->times.items[ti];
  if (prev->sentence != tm->sentence || tm->start < prev->end ||
      tm->start - prev->end > DS_TL_MAX_RANGE_GAP)
    return false;
  const char *p = a->body + prev->end, *q = a->body + tm->start;
  while (p < q && *p == ' ') p++;
  while (q > p && q[-1] == ' ') q--;
  return q > p && ds_lexicon_has("tl_range_joins", p, (size_t)(q - p));
}

static void S_grow(S_events *ev) {
  ev->cap = ev->cap ? 2 * ev->cap : 1024;
  ev->items = realloc(ev->items, ev->cap * sizeof *ev->items);
  if (!ev->items) abort();
}

static void S_collect(dossier_corpus *c, S_ctx *x, S_events *ev) {
  ds_token_buf tb = {0};
  for (size_t ai = 0; ai < c->articles.len; ai++) {
    ds_article *a = c->articles.items[ai];
    if (!a->times.len) continue;
    ds_tokens_load(a, &tb);
    for (size_t ti = 0; ti < a->times.len; ti++) {
      S_event e;
      if (S_range_end(a, ti)) continue;
      if (!S_event_of(x, a, (uint32_t)ai, (uint32_t)ti, &e)) continue;
      if (ev->len == ev->cap) S_grow(ev);
      ev->items[ev->len++] = e;
    }
    ds_tokens_unload(a);
  }
  ds_token_buf_free(&tb);
}

/* The entry event ei joins (founded by event founder); a label that names the
 * subject and verb replaces a weaker one. */
static S_entry *S_entry_for(dossier_corpus *c, S_entries *out, S_event *ev, uint32_t founder,
                            uint32_t ei, ds_arena *tmp) {
  S_entry *t;
  if (ev[founder].entry >= 0) {
    t = &out->items[ev[founder].entry];
  } else {
    t = DS_PUSH(tmp, out);
    memset(t, 0, sizeof *t);
    t->e.date = ds_arena_strdup(&c->arena, ev[founder].date);
    t->day = ev[founder].day, t->shown = founder;
    ev[founder].entry = (int32_t)(out->len - 1);
  }
  if (ev[ei].quality > ev[t->shown].quality) t->shown = ei;
  return t;
}

/* An undated report whose inferred date rests on a borrowed year ("Oct. 23" beside a
 * "2014" from a quotation) far from when the corpus's dated reports appeared is
 * re-anchored: the pile is about one event, so its month-day mentions take the year of
 * the latest dated report. A date the text writes in full, or a weekday pins, stays. */
void ds_link_anchor(dossier_corpus *c) {
  ds_date anchor = {0, 0, 0};
  for (size_t i = 0; i < c->articles.len; i++) {
    const ds_article *a = c->articles.items[i];
    ds_date d;
    if (a->published_basis == DS_BASIS_INFERRED || a->published_basis == DS_BASIS_UNKNOWN ||
        !a->published || !ds_date_parse(a->published, strlen(a->published), &d))
      continue;
    if (!anchor.y || ds_date_to_days(d) > ds_date_to_days(anchor)) anchor = d;
  }
  if (!anchor.y) return;
  char near[11], own[11], d[11];
  ds_date_format(anchor, near);
  for (size_t i = 0; i < c->articles.len; i++) {
    ds_article *a = c->articles.items[i];
    if ((a->published_basis != DS_BASIS_INFERRED && a->published_basis != DS_BASIS_UNKNOWN) ||
        !a->body)
      continue;
    ds_arena tmp = {0};
    ds_time_text *tt = ds_time_text_open(a->body, a->body_len);
    int strength = ds_time_infer_text(tt, NULL, &tmp, own);
    ds_date od;
    bool close = strength == 1 && ds_date_parse(own, 10, &od) &&
                 labs(ds_date_to_days(od) - ds_date_to_days(anchor)) <= DS_TL_REANCHOR_DAYS;
    /* a report that mentions no date of its own keeps its basis: nothing to re-read */
    if (strength < 2 && !close && ds_time_infer_text(tt, near, &tmp, d)) {
      ds_token_buf tb = {0};
      ds_tokens_load(a, &tb);
      ds_time_reanchor_text(a, d, tt);
      a->figures.len = 0; /* their as-of dates came from the old anchor */
      ds_tag_figures(a);
      ds_tokens_unload(a);
      ds_token_buf_free(&tb);
    }
    ds_time_text_close(tt);
    ds_arena_free(&tmp);
  }
}

/* The text of the event each entry shows, read again from its clause: a corpus has
 * millions of events, and only the entries' texts are kept. Events come in article
 * order, so each article's tokens are decoded once. */
static void S_texts(dossier_corpus *c, S_ctx *x, S_event *ev, const S_entries *out) {
  uint32_t *shown = malloc((out->len + 1) * sizeof *shown);
  if (!shown) abort();
  for (size_t i = 0; i < out->len; i++) shown[i] = out->items[i].shown;
  qsort(shown, out->len, sizeof *shown, S_cmp_u32);
  ds_token_buf tb = {0};
  ds_article *a = NULL;
  x->texts = true;
  for (size_t i = 0; i < out->len; i++) {
    S_event *e = &ev[shown[i]], again;
    if (a != c->articles.items[e->article]) {
      if (a) ds_tokens_unload(a);
      ds_tokens_load(a = c->articles.items[e->article], &tb);
    }
    if (S_event_of(x, a, e->article, e->time, &again)) e->text = again.text;
  }
  if (a) ds_tokens_unload(a);
  x->texts = false;
  ds_token_buf_free(&tb);
  free(shown);
}

/* Moves a vector built in the scratch arena into the corpus arena, at its length. */
#define S_keep(arena, v)                                                                     \
  ((v)->items = memcpy(DS_NEW((arena), __typeof__(*(v)->items), (v)->len ? (v)->len : 1),   \
                       (v)->items, (v)->len * sizeof *(v)->items),                          \
   (v)->cap = (v)->len)

void ds_link_timeline(dossier_corpus *c) {
  ds_arena tmp = {0};
  S_ctx *x = calloc(1, sizeof *x); /* the scratch is too big for the stack of a worker thread */
  if (!x) abort();
  x->stop = ds_lexicon("time_stopwords"), x->synonyms = ds_lexicon("tl_synonyms");
  x->demonyms = ds_lexicon("ent_demonyms"), x->parts = ds_lexicon("tl_month_parts");
  x->tmp = &tmp, x->stem = sb_stemmer_new("english", NULL), x->fold = (ds_buf)DS_BUF_INIT;
  ds_map_init(&x->keys);
  S_events ev = {0};
  S_entries out = {0};
  ds_map dates;
  ds_map_init(&dates);
  S_blocks blocks = {0};
  S_collect(c, x, &ev);
  S_weigh(ev.items, ev.len);
  for (uint32_t i = 0; i < ev.len; i++) {
    uint32_t f = S_place(ev.items, i, &dates, &blocks, &tmp);
    ds_timeline_entry *t = &S_entry_for(c, &out, ev.items, f, i, &tmp)->e;
    /* events come in article order: an article already listed is the last one */
    uint32_t art = ev.items[i].article;
    if (!t->articles.len || t->articles.items[t->articles.len - 1] != art)
      *DS_PUSH(&tmp, &t->articles) = art;
    *DS_PUSH(&tmp, &t->times) = (ds_ref){ev.items[i].article, ev.items[i].time};
  }
  if (out.len > 1) qsort(out.items, out.len, sizeof *out.items, S_cmp_entry);
  S_texts(c, x, ev.items, &out);
  /* the entries go to the corpus arena at their final size: what a vector outgrows
   * while it is built stays in the scratch arena, freed below */
  c->timeline.items = DS_NEW(&c->arena, ds_timeline_entry, out.len ? out.len : 1);
  c->timeline.len = c->timeline.cap = out.len;
  for (size_t i = 0; i < out.len; i++) {
    ds_timeline_entry *t = &c->timeline.items[i];
    *t = out.items[i].e;
    S_keep(&c->arena, &t->articles);
    S_keep(&c->arena, &t->times);
    t->text = ds_arena_strdup(&c->arena, ev.items[out.items[i].shown].text);
    t->n_outlets = S_outlets(c, &t->articles);
  }
  ds_map_free(&dates);
  free(ev.items);
  ds_arena_free(&tmp);
  if (x->stem) sb_stemmer_delete(x->stem);
  ds_buf_free(&x->fold);
  ds_map_free(&x->keys);
  free(x);
}
