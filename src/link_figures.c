/* Figure groups: the figures of every article about the same thing (same unit class,
 * same key: whose troops or money, and for money and percentages what they are of),
 * found by hashing that key, never by comparing all pairs. Each group lists its
 * figures in as-of order and says whether outlets agree (consistent), report a number
 * that changes over time or against a forecast (evolving), or give different numbers
 * for the same time (conflicting). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "corpus.h"
#include "util/hash.h"
#include "util/lexicon.h"

/* Two as-of dates this many days apart or less are "the same time": outlets report a
 * claim a day or two after it is made, so exact equality would miss most conflicts. */
#define DS_FIG_SAME_TIME_DAYS 3
/* Values this close (relative) are the same figure rounded differently. */
#define DS_FIG_SAME_VALUE 0.05
/* Earlier figures of a group each figure is compared with for a conflict: bounds the
 * status check on groups of thousands of figures with the same date. */
#define DS_FIG_MAX_COMPARE 64
/* Longest group key we build (class, key and topic are short words). */
#define DS_FIG_MAX_GKEY 256

typedef struct {
  const ds_figure *f;
  const ds_article *a;
  ds_ref ref;
  long day; /* as_of as a day number; LONG_MAX when unknown */
} S_item;

/* ---- keys ---- */

/* Class name up to its ':' ("money:USD" -> "money"), looked up in fig_topic_classes. */
static bool S_needs_topic(const char *cls) {
  const char *colon = strchr(cls, ':'), *slash = strchr(cls, '/');
  size_t n = colon ? (size_t)(colon - cls) : slash ? (size_t)(slash - cls) : strlen(cls);
  return ds_lexicon_has("fig_topic_classes", cls, n);
}

/* What a sum or a share is of: the first content word of `about` that is not the
 * unit itself ("package", "lending", "trade"). */
static size_t S_topic(const ds_figure *f, char *buf, size_t cap) {
  if (!f->about) return 0;
  size_t ul = f->unit ? strlen(f->unit) : 0;
  for (const char *p = f->about; *p;) {
    while (*p == ' ') p++;
    const char *e = p;
    while (*e && *e != ' ') e++;
    size_t n = (size_t)(e - p);
    bool unit = ul && n >= ul && strncasecmp(p, f->unit, ul) == 0;
    if (n && n < cap && !unit && !ds_lexicon_has("fig_stopwords", p, n) && (*p < '0' || *p > '9')) {
      for (size_t k = 0; k < n; k++) buf[k] = (char)(p[k] >= 'A' && p[k] <= 'Z' ? p[k] + 32 : p[k]);
      return n;
    }
    p = e;
  }
  return 0;
}

/* The blocking key: class, key, and for sums and shares their topic. A sum with no
 * topic is keyed by itself, so it meets no other. */
static size_t S_gkey(const ds_figure *f, const char *key, ds_ref ref, char *buf) {
  size_t n = (size_t)snprintf(buf, DS_FIG_MAX_GKEY, "%s\x1f%s\x1f", f->unit_class, key ? key : "");
  if (n >= DS_FIG_MAX_GKEY) n = DS_FIG_MAX_GKEY - 1;
  if (!S_needs_topic(f->unit_class)) return n;
  size_t t = S_topic(f, buf + n, DS_FIG_MAX_GKEY - n);
  if (t) return n + t;
  int m = snprintf(buf + n, DS_FIG_MAX_GKEY - n, "#%u.%u", ref.article, ref.index);
  return m > 0 && (size_t)m < DS_FIG_MAX_GKEY - n ? n + (size_t)m : n;
}

/* The key most figures of a class carry in one article: a figure that names no
 * country ("an additional 1,500 troops") counts the same thing as its neighbours. */
static void S_article_keys(const ds_article *a, const char **keys) {
  ds_map pair, best;
  ds_map_init(&pair);
  ds_map_init(&best);
  char buf[DS_FIG_MAX_GKEY];
  for (size_t i = 0; i < a->figures.len; i++) {
    const ds_figure *f = &a->figures.items[i];
    keys[i] = f->key;
    if (!f->key || !f->unit_class) continue;
    size_t n = (size_t)snprintf(buf, sizeof buf, "%s\x1f%s", f->unit_class, f->key);
    if (n >= sizeof buf) continue;
    uint64_t c = ++ds_map_upsert(&pair, buf, n, NULL)->value;
    ds_map_slot *b = ds_map_upsert(&best, f->unit_class, strlen(f->unit_class), NULL);
    if (c > (b->value >> 32)) b->value = (c << 32) | i;
  }
  for (size_t i = 0; i < a->figures.len; i++) {
    const ds_figure *f = &a->figures.items[i];
    if (keys[i] || !f->unit_class) continue;
    const ds_map_slot *b = ds_map_get(&best, f->unit_class, strlen(f->unit_class));
    if (b) keys[i] = a->figures.items[b->value & 0xffffffffu].key;
  }
  ds_map_free(&pair);
  ds_map_free(&best);
}

/* ---- dates ---- */

static long S_days_from_civil(long y, long m, long d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy;
}

/* A month counts as its middle, a year as its middle: good enough to order them. A
 * date whose year the time tagger could not tell (XXXX-10-18) takes the corpus year. */
static long S_day(const char *v, int year, bool projection) {
  int y = 0, m = 7, d = 1;
  if (v && strncmp(v, "XXXX-", 5) == 0 && sscanf(v + 5, "%2d-%2d", &m, &d) >= 1) {
    if (sscanf(v + 5, "%2d-%2d", &m, &d) < 2) d = 15;
    y = year;
  } else if (!v || sscanf(v, "%4d", &y) != 1) {
    return __LONG_MAX__;
  } else {
    int k = sscanf(v, "%4d-%2d-%2d", &y, &m, &d);
    /* a forecast "by 2024" or "by December" holds at the end of that period */
    if (k == 1) m = projection ? 12 : 7, d = projection ? 31 : 1;
    else if (k == 2) d = projection ? 28 : 15;
  }
  if (m < 1 || m > 12) m = 7;
  return S_days_from_civil(y, m, d);
}

static int S_cmp_item(const void *x, const void *y) {
  const S_item *a = x, *b = y;
  if (a->day != b->day) return a->day < b->day ? -1 : 1;
  if (a->ref.article != b->ref.article) return a->ref.article < b->ref.article ? -1 : 1;
  return a->ref.index < b->ref.index ? -1 : a->ref.index > b->ref.index;
}

/* ---- status ---- */

static bool S_same_value(double x, double y) {
  double m = x > y ? x : y;
  return m <= 0 || (x > y ? x - y : y - x) <= m * DS_FIG_SAME_VALUE;
}

static bool S_same_claimant(const S_item *x, const S_item *y) {
  const char *a = x->f->source_name, *b = y->f->source_name;
  if (x->f->source >= 0 && y->f->source >= 0 && (size_t)x->f->source < x->a->entities.len &&
      (size_t)y->f->source < y->a->entities.len) {
    int32_t ga = x->a->entities.items[x->f->source].global, gb = y->a->entities.items[y->f->source].global;
    if (ga >= 0 && ga == gb) return true;
  }
  return a && b && strcasecmp(a, b) == 0;
}

static bool S_same_outlet(const S_item *x, const S_item *y) {
  if (x->a == y->a || x->a->duplicate_of >= 0 || y->a->duplicate_of >= 0) return true;
  return x->a->outlet && y->a->outlet && strcasecmp(x->a->outlet, y->a->outlet) == 0;
}

/* A figure that states the size of the thing itself, as of its date. */
static bool S_actual(const ds_figure *f) {
  return !f->projection && !(f->flags & (DS_FIGF_VAGUE | DS_FIGF_INCREMENT)) && f->value > 0;
}

static ds_fig_status S_status(const S_item *it, size_t n) {
  bool changes = false;
  const S_item *first = NULL;
  for (size_t i = 0; i < n; i++) {
    if (!S_actual(it[i].f)) continue;
    if (!first) first = &it[i];
    else if (!S_same_value(first->f->value, it[i].f->value)) changes = true;
    for (size_t j = i, k = 0; j-- > 0 && k < DS_FIG_MAX_COMPARE; k++) {
      if (it[i].day == __LONG_MAX__ || it[i].day - it[j].day > DS_FIG_SAME_TIME_DAYS) break;
      /* one outlet giving two numbers is counting two things (a part, a total); a
       * reprint adds no claim of its own */
      if (!S_actual(it[j].f) || S_same_outlet(&it[i], &it[j]) ||
          S_same_value(it[i].f->value, it[j].f->value))
        continue;
      if (!S_same_claimant(&it[i], &it[j])) return DS_FIG_CONFLICTING;
    }
  }
  for (size_t i = 0; i < n && !changes; i++) /* forecasts against the actual count */
    if (first && !S_same_value(first->f->value, it[i].f->value) && !(it[i].f->flags & DS_FIGF_VAGUE))
      changes = true;
  return changes ? DS_FIG_EVOLVING : DS_FIG_CONSISTENT;
}

/* ---- groups ---- */

/* The group's name: the most frequent phrase among figures that name whose they are
 * ("North Korean soldiers"), the shorter on a tie. */
static const char *S_about(const S_item *it, size_t n, const char *cls) {
  const char *best = NULL;
  uint64_t best_n = 0;
  ds_map seen;
  ds_map_init(&seen);
  for (int pass = 0; pass < 2 && !best; pass++)
    for (size_t i = 0; i < n; i++) {
      const ds_figure *f = it[i].f;
      if (!f->about || (pass == 0 && (!f->key || (f->flags & DS_FIGF_INHERITED) || !strchr(f->about, ' '))))
        continue;
      uint64_t c = ++ds_map_upsert(&seen, f->about, strlen(f->about), NULL)->value;
      if (c > best_n || (c == best_n && strlen(f->about) < strlen(best))) best = f->about, best_n = c;
    }
  ds_map_free(&seen);
  return best ? best : cls;
}

/* A rate's group says its period ("shells a month"), so it does not read as a second
 * group of the same totals; the class of a rate ends in "/<period>". */
static const char *S_label(dossier_corpus *c, const char *about, const char *cls) {
  const char *per = cls ? strrchr(cls, '/') : NULL;
  if (!per || !per[1] || strstr(about, per + 1)) return ds_arena_strdup(&c->arena, about);
  return ds_arena_printf(&c->arena, "%s a %s", about, per + 1);
}

/* The year most articles were published in (for dates written without a year). */
static int S_corpus_year(const dossier_corpus *c) {
  int best = 0, best_n = 0;
  for (size_t i = 0; i < c->articles.len; i++) {
    int y, m, d, n = 0;
    if (!ds_article_pubdate(c->articles.items[i], &y, &m, &d)) continue;
    for (size_t j = 0; j < c->articles.len; j++) {
      int y2, m2, d2;
      n += ds_article_pubdate(c->articles.items[j], &y2, &m2, &d2) && y2 == y;
      if (j > DS_FIG_MAX_COMPARE) break; /* a sample is enough for the mode */
    }
    if (n > best_n) best = y, best_n = n;
    if (i > DS_FIG_MAX_COMPARE) break;
  }
  return best ? best : 2000;
}

/* Independent outlets of a group: reprints do not count, one outlet counts once. */
static uint32_t S_outlets(const S_item *it, size_t n, ds_map *outlets,
                          uint32_t *stamp, uint32_t gid) {
  uint32_t count = 0;
  for (size_t i = 0; i < n; i++) {
    const ds_article *a = it[i].a;
    if (a->duplicate_of >= 0) continue;
    const char *o = a->outlet ? a->outlet : a->file;
    ds_map_slot *s = ds_map_upsert(outlets, o, strlen(o), NULL);
    if (!s->value) s->value = outlets->len;
    if (stamp[s->value - 1] != gid) stamp[s->value - 1] = gid, count++;
  }
  return count;
}

static bool S_streq(const char *x, const char *y) { return x == y || (x && y && strcmp(x, y) == 0); }

/* The same claim stated again later in the same article ("the $50 billion in lending
 * announced this week"): the same value, unit, qualifier, claimant and date. */
static bool S_restated(const S_item *x, const S_item *y) {
  const ds_figure *f = x->f, *g = y->f;
  return x->a == y->a && x->day == y->day && f->value == g->value && f->low == g->low &&
         f->high == g->high && f->projection == g->projection && f->source == g->source &&
         S_streq(f->unit, g->unit) && S_streq(f->qualifier, g->qualifier) &&
         S_streq(f->source_name, g->source_name);
}

/* Drops restatements from a sorted group: it lists claims, and a claim repeated in one
 * article is still one claim (the figure itself stays in the article's figures). A
 * restatement has the same day and article, so it sits in that run of the order. */
static size_t S_drop_restated(S_item *it, size_t m) {
  size_t kept = 0;
  for (size_t i = 0; i < m; i++) {
    bool dup = false;
    for (size_t j = kept; j-- > 0 && kept - j <= DS_FIG_MAX_COMPARE && it[j].a == it[i].a && it[j].day == it[i].day;)
      if ((dup = S_restated(&it[i], &it[j]))) break;
    if (!dup) it[kept++] = it[i];
  }
  return kept;
}

static void S_finish(dossier_corpus *c, S_item *items, const uint32_t *gof, size_t n) {
  size_t ng = c->figure_groups.len;
  size_t *first = calloc(ng + 1, sizeof *first);
  S_item *sorted = malloc((n ? n : 1) * sizeof *sorted);
  uint32_t *stamp = calloc(n + 1, sizeof *stamp);
  if (!first || !sorted || !stamp) abort();
  for (size_t i = 0; i < n; i++) first[gof[i] + 1]++;
  for (size_t g = 0; g < ng; g++) first[g + 1] += first[g];
  size_t *fill = calloc(ng + 1, sizeof *fill);
  if (!fill) abort();
  for (size_t i = 0; i < n; i++) sorted[first[gof[i]] + fill[gof[i]]++] = items[i];
  ds_map outlets;
  ds_map_init(&outlets);
  for (size_t g = 0; g < ng; g++) {
    S_item *it = sorted + first[g];
    size_t m = first[g + 1] - first[g];
    qsort(it, m, sizeof *it, S_cmp_item);
    m = S_drop_restated(it, m);
    ds_figure_group *grp = &c->figure_groups.items[g];
    grp->figures.items = DS_NEW(&c->arena, ds_ref, m); /* exactly: most groups are small */
    grp->figures.len = grp->figures.cap = m;
    for (size_t i = 0; i < m; i++) grp->figures.items[i] = it[i].ref;
    grp->status = S_status(it, m);
    grp->about = S_label(c, S_about(it, m, it[0].f->unit_class), it[0].f->unit_class);
    grp->n_outlets = S_outlets(it, m, &outlets, stamp, (uint32_t)g + 1);
  }
  ds_map_free(&outlets);
  free(first), free(fill), free(sorted), free(stamp);
}

void ds_link_figures(dossier_corpus *c) {
  size_t total = 0;
  for (size_t i = 0; i < c->articles.len; i++) total += c->articles.items[i]->figures.len;
  if (!total) return;
  S_item *items = malloc(total * sizeof *items);
  uint32_t *gof = malloc(total * sizeof *gof);
  const char **keys = malloc(total * sizeof *keys);
  if (!items || !gof || !keys) abort();
  ds_map groups;
  ds_map_init(&groups);
  size_t n = 0, ng = 0;
  int year = S_corpus_year(c);
  char buf[DS_FIG_MAX_GKEY];
  for (size_t ai = 0; ai < c->articles.len; ai++) {
    const ds_article *a = c->articles.items[ai];
    S_article_keys(a, keys);
    for (size_t fi = 0; fi < a->figures.len; fi++) {
      const ds_figure *f = &a->figures.items[fi];
      if (!f->unit_class) continue;
      bool fresh;
      ds_ref ref = {(uint32_t)ai, (uint32_t)fi};
      ds_map_slot *s = ds_map_upsert(&groups, buf, S_gkey(f, keys[fi], ref, buf), &fresh);
      if (fresh) s->value = ng++;
      items[n] = (S_item){f, a, ref, S_day(f->as_of, year, f->projection)};
      gof[n++] = (uint32_t)s->value;
    }
  }
  /* sized once: grown in the corpus arena, every outgrown copy would stay there */
  c->figure_groups.items = DS_NEW(&c->arena, ds_figure_group, ng ? ng : 1);
  c->figure_groups.len = c->figure_groups.cap = ng;
  S_finish(c, items, gof, n);
  ds_map_free(&groups);
  free(items), free(gof), free(keys);
}
