/* Shared helpers of the human-readable reports (see report_common.h). */
#include "report_common.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/hash.h"
#include "util/utf8.h"

const char *ds_rep_label(const ds_article *a) {
  if (a->outlet && a->outlet[0]) return a->outlet;
  if (a->title && a->title[0]) return a->title;
  const char *base = strrchr(a->file, '/');
  return base && base[1] ? base + 1 : a->file;
}

void ds_rep_short_label(const ds_article *a, ds_buf *out) {
  const char *l = ds_rep_label(a);
  bool outlet = a->outlet && a->outlet[0];
  ds_rep_clip(out, l, strlen(l), outlet ? 0 : DS_REPORT_LABEL_CHARS);
}

const ds_article *ds_rep_article(const dossier_corpus *c, uint32_t i) {
  return i < c->articles.len ? c->articles.items[i] : NULL;
}

const char *ds_rep_label_at(const dossier_corpus *c, size_t i) {
  return i < c->articles.len ? ds_rep_label(c->articles.items[i]) : "?";
}

static const char *S_entity_name(const dossier_corpus *c, const ds_article *a, int32_t local) {
  if (local < 0 || (size_t)local >= a->entities.len) return NULL;
  int32_t g = a->entities.items[local].global;
  if (g >= 0 && (size_t)g < c->entities.len) return c->entities.items[g].name;
  return a->entities.items[local].name;
}

const char *ds_rep_speaker(const dossier_corpus *c, const ds_article *a, const ds_quote *q) {
  const char *n = S_entity_name(c, a, q->speaker);
  return n ? n : q->speaker_name;
}

const char *ds_rep_claimant(const dossier_corpus *c, const ds_article *a, const ds_figure *f) {
  const char *n = S_entity_name(c, a, f->source);
  return n ? n : f->source_name;
}

uint32_t ds_rep_quote_num(const dossier_corpus *c, ds_ref r) {
  return (c->quote_base ? c->quote_base[r.article] : 0) + r.index + 1;
}

uint32_t ds_rep_figure_num(const dossier_corpus *c, ds_ref r) {
  return (c->figure_base ? c->figure_base[r.article] : 0) + r.index + 1;
}

const ds_quote *ds_rep_quote(const dossier_corpus *c, ds_ref r) {
  const ds_article *a = ds_rep_article(c, r.article);
  return a && r.index < a->quotes.len ? &a->quotes.items[r.index] : NULL;
}

const ds_figure *ds_rep_figure(const dossier_corpus *c, ds_ref r) {
  const ds_article *a = ds_rep_article(c, r.article);
  return a && r.index < a->figures.len ? &a->figures.items[r.index] : NULL;
}

size_t ds_rep_control(const char *s, size_t n) {
  unsigned char c = (unsigned char)s[0];
  if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) return 1;
  if (c == 0xC2 && n > 1 && (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] <= 0x9F) return 2;
  return 0;
}

size_t ds_rep_width(const char *s, size_t n) {
  size_t w = 0;
  for (size_t i = 0; i < n; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80) w++;
  return w;
}

static bool S_blank(char ch) { return ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r'; }

/* Appends s with white space collapsed, at most `keep` code points; returns how many
 * code points the whole collapsed text has (so the caller knows whether it was cut). */
static size_t S_collapse(ds_buf *out, const char *s, size_t n, size_t keep) {
  size_t chars = 0, i = 0;
  bool space = false;
  while (i < n && S_blank(s[i])) i++;
  for (; i < n; i++) {
    unsigned char ch = (unsigned char)s[i];
    if (S_blank((char)ch)) {
      space = true;
      continue;
    }
    size_t ctl = ds_rep_control(s + i, n - i);
    if (ctl) {
      i += ctl - 1;
      continue;
    }
    bool lead = (ch & 0xC0) != 0x80;
    if (space && lead && chars++ < keep && out) ds_buf_putc(out, ' ');
    space = false;
    if (lead) chars++;
    if (chars <= keep && out) ds_buf_putc(out, (char)ch);
  }
  return chars;
}

void ds_rep_clip(ds_buf *out, const char *s, size_t n, size_t max_chars) {
  if (!max_chars || S_collapse(NULL, s, n, 0) <= max_chars) {
    S_collapse(out, s, n, SIZE_MAX);
    return;
  }
  size_t from = out->len;
  S_collapse(out, s, n, max_chars - 1);
  while (out->len > from && out->ptr[out->len - 1] == ' ') out->ptr[--out->len] = '\0';
  ds_buf_puts(out, "…");
}

void ds_rep_span(ds_buf *out, const ds_article *a, uint32_t start, uint32_t end,
                 size_t max_chars) {
  if (end > a->body_len) end = a->body_len;
  if (start > end) start = end;
  ds_rep_clip(out, a->body + start, end - start, max_chars);
}

void ds_rep_date_range(const dossier_corpus *c, ds_buf *out) {
  const char *lo = NULL, *hi = NULL;
  for (size_t i = 0; i < c->articles.len; i++) {
    const char *p = c->articles.items[i]->published;
    if (!p) continue;
    if (!lo || strcmp(p, lo) < 0) lo = p;
    if (!hi || strcmp(p, hi) > 0) hi = p;
  }
  if (!lo) return;
  if (strcmp(lo, hi) == 0) ds_buf_puts(out, lo);
  else ds_buf_printf(out, "%s to %s", lo, hi);
}

/* Distinct outlets the sources name (case-folded), among the non-duplicate articles;
 * *unnamed counts those articles whose outlet nobody named. A title or file name is a
 * label, not an outlet, so it is never counted as one. */
static size_t S_outlet_count(const dossier_corpus *c, size_t *unnamed) {
  ds_map seen;
  ds_map_init(&seen);
  ds_buf key = DS_BUF_INIT;
  *unnamed = 0;
  for (size_t i = 0; i < c->articles.len; i++) {
    const ds_article *a = c->articles.items[i];
    if (a->duplicate_of >= 0) continue;
    if (!a->outlet || !a->outlet[0]) {
      ++*unnamed;
      continue;
    }
    ds_buf_clear(&key);
    ds_utf8_fold(&key, a->outlet, strlen(a->outlet));
    ds_map_upsert(&seen, key.ptr, key.len, NULL);
  }
  size_t n = seen.len;
  ds_buf_free(&key);
  ds_map_free(&seen);
  return n;
}

void ds_rep_corpus_line(const dossier_corpus *c, ds_buf *out) {
  size_t n = c->articles.len, unnamed, outlets = S_outlet_count(c, &unnamed);
  ds_buf_printf(out, "%zu article%s", n, n == 1 ? "" : "s");
  if (outlets) ds_buf_printf(out, " from %zu outlet%s", outlets, outlets == 1 ? "" : "s");
  if (unnamed && outlets) ds_buf_printf(out, " (outlet unknown for %zu)", unnamed);
  else if (unnamed) ds_buf_puts(out, " (no outlet named)");
}

size_t ds_rep_independent(const dossier_corpus *c, const ds_u32vec *v, bool *flags) {
  bool *in = calloc(c->articles.len + 1, 1); /* membership of v, by article index */
  if (!in) abort();
  for (size_t i = 0; i < v->len; i++)
    if (v->items[i] < c->articles.len) in[v->items[i]] = true;
  size_t n = 0;
  for (size_t i = 0; i < v->len; i++) {
    const ds_article *a = ds_rep_article(c, v->items[i]);
    flags[i] = a && !(a->duplicate_of >= 0 && in[a->duplicate_of]);
    n += flags[i];
  }
  free(in);
  return n;
}

void ds_rep_outlets(const dossier_corpus *c, const ds_u32vec *articles, ds_buf *out) {
  bool *flags = malloc(articles->len + 1);
  if (!flags) abort();
  size_t total = ds_rep_independent(c, articles, flags), shown = 0;
  for (size_t i = 0; i < articles->len && shown < DS_REPORT_MAX_CITES; i++) {
    if (!flags[i]) continue;
    if (shown++) ds_buf_puts(out, ", ");
    ds_rep_short_label(c->articles.items[articles->items[i]], out);
  }
  if (total > shown) ds_buf_printf(out, " and %zu more", total - shown);
  free(flags);
}

const char *ds_rep_fig_status(ds_fig_status s) {
  static const char *names[] = {"consistent", "evolving", "conflicting"};
  return s <= DS_FIG_CONFLICTING ? names[s] : "consistent";
}

void ds_rep_figure_value(const ds_article *a, const ds_figure *f, ds_buf *out) {
  size_t from = out->len;
  ds_rep_span(out, a, f->start, f->end, 60);
  if (!f->unit || !f->unit[0]) return;
  /* the unit only when the span does not already say it ("$120 million", "40 percent") */
  size_t stem = strlen(f->unit) < 4 ? strlen(f->unit) : 4;
  for (size_t i = from; i + stem <= out->len; i++)
    if (strncasecmp(out->ptr + i, f->unit, stem) == 0) return;
  /* "$120 million" says dollars with its sign; "tens of billions" of dollars does not */
  bool sign = memchr(out->ptr + from, '$', out->len - from) || strstr(out->ptr + from, "\xE2\x82\xAC");
  if (sign && (strcmp(f->unit, "dollar") == 0 || strcmp(f->unit, "euro") == 0)) return;
  ds_buf_printf(out, " (%s)", f->unit);
}

/* ---- who said what ---- */

static bool S_in_group(const dossier_corpus *c, const ds_map *grouped, ds_ref r) {
  uint64_t key = ((uint64_t)r.article << 32) | r.index;
  (void)c;
  return ds_map_get(grouped, (const char *)&key, sizeof key) != NULL;
}

bool ds_rep_group_shown(const ds_quote_group *g) {
  return g->quotes.len >= 2 && (g->n_outlets >= 2 || g->speakers == DS_SPEAKERS_CONFLICT);
}

static void S_mark_grouped(const dossier_corpus *c, ds_map *grouped) {
  for (size_t g = 0; g < c->quote_groups.len; g++) {
    const ds_quote_group *qg = &c->quote_groups.items[g];
    if (!ds_rep_group_shown(qg)) continue;
    for (size_t k = 0; k < qg->quotes.len; k++) {
      uint64_t key = ((uint64_t)qg->quotes.items[k].article << 32) | qg->quotes.items[k].index;
      ds_map_put(grouped, (const char *)&key, sizeof key, 1);
    }
  }
}

static int S_cmp_speakers(const void *x, const void *y) {
  const ds_rep_speaker_quotes *a = x, *b = y;
  if ((a->name == NULL) != (b->name == NULL)) return a->name ? -1 : 1; /* unknown last */
  if (a->quotes.len != b->quotes.len) return a->quotes.len > b->quotes.len ? -1 : 1;
  return a->name ? strcmp(a->name, b->name) : 0;
}

void ds_rep_collect_speakers(const dossier_corpus *c, ds_arena *arena, ds_rep_speakers *out) {
  ds_map grouped, by_name;
  ds_map_init(&grouped);
  ds_map_init(&by_name);
  S_mark_grouped(c, &grouped);
  for (uint32_t i = 0; i < c->articles.len; i++) {
    const ds_article *a = c->articles.items[i];
    if (a->duplicate_of >= 0) continue;
    for (uint32_t q = 0; q < a->quotes.len; q++) {
      ds_ref r = {i, q};
      if (S_in_group(c, &grouped, r)) continue;
      const char *name = ds_rep_speaker(c, a, &a->quotes.items[q]);
      const char *key = name ? name : "";
      bool ins;
      ds_map_slot *s = ds_map_upsert(&by_name, key, strlen(key), &ins);
      if (ins) {
        ds_rep_speaker_quotes *sp = DS_PUSH(arena, out);
        memset(sp, 0, sizeof *sp);
        sp->name = name;
        s->value = out->len - 1;
      }
      *DS_PUSH(arena, &out->items[s->value].quotes) = r;
    }
  }
  if (out->len) qsort(out->items, out->len, sizeof *out->items, S_cmp_speakers);
  ds_map_free(&grouped);
  ds_map_free(&by_name);
}


typedef struct {
  uint32_t idx, articles, mentions;
} S_ent_key;

static int S_cmp_ent(const void *x, const void *y) {
  const S_ent_key *a = x, *b = y;
  if (a->articles != b->articles) return a->articles > b->articles ? -1 : 1;
  if (a->mentions != b->mentions) return a->mentions > b->mentions ? -1 : 1;
  return a->idx < b->idx ? -1 : a->idx > b->idx;
}

uint32_t *ds_rep_entity_order(const dossier_corpus *c, ds_arena *arena) {
  size_t n = c->entities.len;
  S_ent_key *k = DS_NEW(arena, S_ent_key, n + 1);
  for (size_t i = 0; i < n; i++) {
    k[i].idx = (uint32_t)i;
    k[i].articles = (uint32_t)c->entities.items[i].articles.len;
    k[i].mentions = c->entities.items[i].mentions;
  }
  if (n) qsort(k, n, sizeof *k, S_cmp_ent);
  uint32_t *order = DS_NEW(arena, uint32_t, n + 1);
  for (size_t i = 0; i < n; i++) order[i] = k[i].idx;
  return order;
}
