/* The timeline: every clause that carries a date of day or month precision is an
 * event, named by the words of its clause around the date (trimmed to
 * DS_TL_MAX_WORDS). Events are blocked by date; within one date an event joins an
 * earlier entry when their content words overlap enough (the same fact told by several
 * outlets), so the cost is bounded by DS_TL_MAX_BLOCK comparisons per event, never all
 * pairs. Entries are ordered by date; a month-precision entry ("2024-10") sorts before
 * the days of that month, as the heading under which they fall. Before that, undated
 * reports whose guessed year contradicts the pile are re-anchored (S_anchor_undated). */
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "tag_times.h"
#include "util/hash.h"
#include "util/date.h"
#include "util/lexicon.h"

/* Words shown for an event: enough for "who did what to whom", short enough to scan. */
#define DS_TL_MAX_WORDS 15
/* Content words kept per event for matching (the first ones of its clause). */
#define DS_TL_MAX_KEYS 24
/* Entries of the same date an event is compared with: a date that 10,000 reports
 * mention must not make linking quadratic; the earliest entries are the likeliest match. */
#define DS_TL_MAX_BLOCK 64
/* Bytes of a word hashed: a crude stem, so "deployed"/"deployment" and
 * "troops"/"troop" meet. */
#define DS_TL_STEM 5
/* A clause shorter than this is a byline or dateline, not an event. */
#define DS_TL_MIN_WORDS 4
/* Two events are one when this share of the smaller one's content words is shared. */
#define DS_TL_OVERLAP 0.5
#define DS_TL_MIN_SHARED 2
/* An undated report whose own guess lies within half a year of the corpus's dated
 * reports keeps it; further off, the guess more likely borrowed the wrong year. */
#define DS_TL_REANCHOR_DAYS 183

typedef struct {
  uint64_t keys[DS_TL_MAX_KEYS]; /* sorted */
  uint32_t n;
} S_keyset;

typedef struct {
  char date[11];
  uint32_t article, time, start, end; /* the text span in the article body */
  S_keyset clause, near; /* content words of the whole clause, of the words shown */
  int32_t entry; /* the timeline entry it joined */
} S_event;

typedef DS_VEC(S_event) S_events;

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

/* The words shown: up to DS_TL_MAX_WORDS, starting before the date so that the subject
 * and verb (which usually precede "on October 23") stay in. */
static void S_window(const ds_article *a, uint32_t from, uint32_t to, uint32_t k, uint32_t *ws,
                     uint32_t *we) {
  uint32_t words = 0, i;
  for (i = from; i < to; i++) words += S_is_word(&a->tokens.items[i]);
  *ws = from, *we = to;
  if (words <= DS_TL_MAX_WORDS) return;
  uint32_t before = 0;
  for (i = k; i > from && before < DS_TL_MAX_WORDS * 2 / 3; i--)
    before += S_is_word(&a->tokens.items[i - 1]);
  *ws = i;
  uint32_t n = 0;
  for (i = *ws; i < to && n < DS_TL_MAX_WORDS; i++) n += S_is_word(&a->tokens.items[i]);
  *we = i;
}

static uint64_t S_key(const ds_article *a, const ds_token *t) {
  char w[DS_TL_STEM];
  size_t n = t->end - t->start < DS_TL_STEM ? t->end - t->start : DS_TL_STEM;
  for (size_t i = 0; i < n; i++) {
    char ch = a->body[t->start + i];
    w[i] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
  }
  return ds_hash_bytes(w, n);
}

static int S_cmp_u64(const void *x, const void *y) {
  uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
  return a < b ? -1 : a > b;
}

/* Content words of the clause, outside the time expression itself. */
static void S_keys(const ds_article *a, S_keyset *e, uint32_t from, uint32_t to, const ds_time *tm) {
  for (uint32_t i = from; i < to && e->n < DS_TL_MAX_KEYS; i++) {
    const ds_token *t = &a->tokens.items[i];
    if (t->kind != DS_TOK_WORD || (t->start >= tm->start && t->end <= tm->end)) continue;
    if (t->end - t->start < 3 || ds_lexicon_has("time_stopwords", a->body + t->start, t->end - t->start))
      continue;
    e->keys[e->n++] = S_key(a, t);
  }
  if (e->n > 1) qsort(e->keys, e->n, sizeof *e->keys, S_cmp_u64);
}

static uint32_t S_token_at(const ds_article *a, const ds_sentence *s, uint32_t off) {
  for (uint32_t i = s->tok_start; i < s->tok_end; i++)
    if (a->tokens.items[i].end > off) return i;
  return s->tok_start;
}

/* Builds the event for time expression ti of article a; false when it is none. */
static bool S_event_of(const ds_article *a, uint32_t ai, uint32_t ti, S_event *e) {
  const ds_time *tm = &a->times.items[ti];
  int y, m, d;
  if ((tm->type != DS_TIME_DATE && tm->type != DS_TIME_TIME) ||
      !ds_time_value_date(tm->value, &y, &m, &d) || tm->sentence >= a->sentences.len)
    return false;
  memset(e, 0, sizeof *e);
  memcpy(e->date, tm->value, d ? 10 : 7);
  const ds_sentence *s = &a->sentences.items[tm->sentence];
  uint32_t k = S_token_at(a, s, tm->start), from, to, ws, we, words = 0;
  S_clause(a, s, k, &from, &to);
  for (uint32_t i = from; i < to; i++) words += S_is_word(&a->tokens.items[i]);
  if (words < DS_TL_MIN_WORDS) return false;
  S_window(a, from, to, k, &ws, &we);
  while (we > ws && a->tokens.items[we - 1].kind == DS_TOK_PUNCT) we--;
  if (we <= ws) return false;
  e->article = ai, e->time = ti, e->entry = -1;
  e->start = a->tokens.items[ws].start, e->end = a->tokens.items[we - 1].end;
  S_keys(a, &e->clause, from, to, tm);
  S_keys(a, &e->near, ws, we, tm);
  return true;
}

static uint32_t S_shared(const S_keyset *x, const S_keyset *y) {
  uint32_t i = 0, j = 0, n = 0;
  while (i < x->n && j < y->n) {
    if (x->keys[i] == y->keys[j]) n++, i++, j++;
    else if (x->keys[i] < y->keys[j]) i++;
    else j++;
  }
  return n;
}

static bool S_overlap(const S_keyset *x, const S_keyset *y) {
  uint32_t small = x->n < y->n ? x->n : y->n, n = S_shared(x, y);
  return small && n >= DS_TL_MIN_SHARED && n >= DS_TL_OVERLAP * small;
}

/* One fact when the clauses overlap, or the words nearest the date do (a long clause
 * can drown the few words that name the event). */
static bool S_same(const S_event *x, const S_event *y) {
  return S_overlap(&x->clause, &y->clause) || S_overlap(&x->near, &y->near);
}

typedef struct {
  DS_VEC(uint32_t) entries; /* founding events of this date's entries */
} S_block;
typedef DS_VEC(S_block) S_blocks;

/* Puts event ei in an entry: an existing one of its date that tells the same fact,
 * or a new one. Returns the founding event of its entry. */
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
  for (size_t i = 0; i < n; i++)
    if (S_same(&ev[b->entries.items[i]], e)) return b->entries.items[i];
  *DS_PUSH(tmp, &b->entries) = ei;
  return ei;
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

static int S_cmp_entry(const void *x, const void *y) {
  const ds_timeline_entry *a = x, *b = y;
  int r = strcmp(a->date, b->date);
  if (r) return r;
  uint32_t aa = a->articles.items[0], ba = b->articles.items[0];
  if (aa != ba) return aa < ba ? -1 : 1;
  return a->times.items[0].index < b->times.items[0].index ? -1 : 1;
}

static void S_collect(dossier_corpus *c, S_events *ev, ds_arena *tmp) {
  for (size_t ai = 0; ai < c->articles.len; ai++) {
    const ds_article *a = c->articles.items[ai];
    for (size_t ti = 0; ti < a->times.len; ti++) {
      S_event e;
      if (S_event_of(a, (uint32_t)ai, (uint32_t)ti, &e)) *DS_PUSH(tmp, ev) = e;
    }
  }
}

static ds_timeline_entry *S_entry_for(dossier_corpus *c, S_event *ev, uint32_t founder) {
  if (ev[founder].entry >= 0) return &c->timeline.items[ev[founder].entry];
  ds_timeline_entry *t = DS_PUSH(&c->arena, &c->timeline);
  memset(t, 0, sizeof *t);
  const ds_article *a = c->articles.items[ev[founder].article];
  t->date = ds_arena_strdup(&c->arena, ev[founder].date);
  t->text = ds_arena_strndup(&c->arena, a->body + ev[founder].start, ev[founder].end - ev[founder].start);
  ev[founder].entry = (int32_t)(c->timeline.len - 1);
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
    int strength = ds_time_infer(a->body, a->body_len, NULL, &tmp, own);
    ds_date od;
    bool close = strength == 1 && ds_date_parse(own, 10, &od) &&
                 labs(ds_date_to_days(od) - ds_date_to_days(anchor)) <= DS_TL_REANCHOR_DAYS;
    /* a report that mentions no date of its own keeps its basis: nothing to re-read */
    if (strength < 2 && !close && ds_time_infer(a->body, a->body_len, near, &tmp, d)) {
      ds_time_reanchor(a, d);
      a->figures.len = 0; /* their as-of dates came from the old anchor */
      ds_tag_figures(a);
    }
    ds_arena_free(&tmp);
  }
}

void ds_link_timeline(dossier_corpus *c) {
  ds_arena tmp = {0};
  S_events ev = {0};
  ds_map dates;
  ds_map_init(&dates);
  S_blocks blocks = {0};
  c->timeline.len = 0;
  S_collect(c, &ev, &tmp);
  for (uint32_t i = 0; i < ev.len; i++) {
    uint32_t f = S_place(ev.items, i, &dates, &blocks, &tmp);
    ds_timeline_entry *t = S_entry_for(c, ev.items, f);
    /* events come in article order: an article already listed is the last one */
    uint32_t art = ev.items[i].article;
    if (!t->articles.len || t->articles.items[t->articles.len - 1] != art)
      *DS_PUSH(&c->arena, &t->articles) = art;
    *DS_PUSH(&c->arena, &t->times) = (ds_ref){ev.items[i].article, ev.items[i].time};
  }
  for (size_t i = 0; i < c->timeline.len; i++) {
    ds_timeline_entry *t = &c->timeline.items[i];
    t->n_outlets = S_outlets(c, &t->articles);
  }
  if (c->timeline.len > 1) qsort(c->timeline.items, c->timeline.len, sizeof *c->timeline.items, S_cmp_entry);
  ds_map_free(&dates);
  ds_arena_free(&tmp);
}
