/* The time tagger's word lists (data/time_*.txt) as small tables keyed by a word's
 * bytes, ASCII-lower-cased and packed into two integers (ds_tt_pack): the tokenizer
 * packs each word once, and every lookup after that (a token is looked up in up to
 * five lists) is a multiply and a compare, where a lexicon lookup hashes and compares
 * the bytes again each time. Built once from the lexicons, with the same keys and
 * values; a key longer than DS_TT_KEY_MAX is left to the lexicon. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "tag_times_impl.h"
#include "util/lexicon.h"

static const char *const S_names[TL_COUNT] = {
    [TL_WORDS] = "time_words",
    [TL_TENSE] = "time_tense",
    [TL_ED_SKIP] = "time_ed_skip",
    [TL_DEADLINE] = "time_deadline",
    [TL_FUTURE_TO] = "time_future_to",
    [TL_APPROX] = "time_approx",
    [TL_BARE_UNIT_CUES] = "time_bare_unit_cues",
    [TL_MODIFIERS] = "time_modifiers",
    [TL_MONTH_CUES] = "time_month_cues",
    [TL_RATE_CUES] = "time_rate_cues",
    [TL_SPAN_WORDS] = "time_span_words",
    [TL_ZONES] = "time_zones",
    [TL_PHRASES] = "time_phrases",
    [TL_RANGE_AFTER] = "time_range_after",
    [TL_COUNT_FILLERS] = "time_count_fillers",
    [TL_ABBREVIATIONS] = "abbreviations",
    [TL_SET_MEASURES] = "time_set_measures",
    [TL_AFTER_THE] = "time_after_the",
    [TL_COMPARE_CUES] = "time_compare_cues",
    [TL_HOLIDAYS] = "time_holidays",
    [TL_CLOCK_CUES] = "time_clock_cues",
};

/* Slots per key, at least: probes stay short. */
#define S_LOAD 4

static ds_tt_table S_tables[TL_COUNT];
/* The lexicons themselves, found by name once (their maps never move), not per text. */
static const ds_map *S_maps[TL_COUNT];
static pthread_once_t S_once = PTHREAD_ONCE_INIT;

static void S_fill(ds_tt_table *t, const ds_map *m) {
  size_t cap = 16;
  while (cap < m->len * S_LOAD) cap *= 2;
  ds_tt_slot *slots = calloc(cap, sizeof *slots);
  if (!slots) abort();
  t->slots = slots;
  t->mask = cap - 1;
  t->letters = true;
  t->shift = 64;
  for (size_t c = cap; c > 1; c /= 2) t->shift--;
  for (size_t i = 0; i < m->cap; i++) {
    const ds_map_slot *s = &m->slots[i];
    if (!s->key) continue;
    for (size_t k = 0; k < s->klen; k++)
      if (s->key[k] < 'a' || s->key[k] > 'z') t->letters = false;
    if (s->klen > DS_TT_KEY_MAX) continue;
    uint64_t k[2];
    ds_tt_pack(s->key, s->klen, s->klen, k);
    size_t at = ds_tt_hash(k[0], k[1], s->klen) >> t->shift;
    while (slots[at].v) at = (at + 1) & t->mask;
    slots[at] = (ds_tt_slot){k[0], k[1], s->klen, (const char *)(uintptr_t)s->value};
    t->lens[ds_tt_cell(k[0])] |= ds_tt_len_bit(s->klen);
  }
}

static void S_build(void) {
  for (int k = 0; k < TL_COUNT; k++) S_fill(&S_tables[k], S_maps[k] = ds_lexicon(S_names[k]));
}

void ds_tt_lists(ds_tctx *c) {
  pthread_once(&S_once, S_build);
  memcpy(c->lx, S_maps, sizeof S_maps);
  c->tab = S_tables;
}

const char *ds_tt_lex(const ds_tctx *c, int list, const char *key, size_t len) {
  uint64_t k[2] = {0, 0};
  if (len <= DS_TT_KEY_MAX) ds_tt_pack(key, len, len, k);
  return ds_tt_lex_packed(c, list, k, key, len);
}

bool ds_tt_has(const ds_tctx *c, int list, const char *key, size_t len) {
  return ds_tt_lex(c, list, key, len) != NULL;
}

bool ds_tt_word_long(const ds_tctx *c, size_t i, const char *w, size_t wl) {
  if (i >= c->n || c->t[i].kind != TK_WORD || c->t[i].end - c->t[i].start != wl) return false;
  const char *p = c->text + c->t[i].start;
  for (size_t k = 0; k < wl; k++)
    if ((p[k] | 32) != w[k]) return false;
  return true;
}
