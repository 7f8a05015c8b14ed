/* Evaluates the time tagger on TimeBank and AQUAINT (TimeML, as in TempEval-3):
 * recognition P/R/F1 with relaxed (overlapping) and strict (identical span) matching,
 * and value F1 (a relaxed match whose TIMEX3 value equals the gold one).
 *
 *   eval_timebank [DATA_DIR] [-v] [-a]   DATA_DIR defaults to ../shared/data/timebank
 *
 * Each document is anchored at its creation time (the TIMEX3 whose
 * functionInDocument is CREATION_TIME); only the <TEXT> part is tagged. -v lists every
 * miss, false alarm and wrong value, for error analysis, and counts the classes of them
 * that are the gold's conventions (written several ways) rather than errors; -a lists the
 * correct hits as well. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "tag_times.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/date.h"

typedef struct {
  size_t start, end;
  char value[64];
} S_gold;

/* Classes of wrong values and false alarms that are annotation conventions rather than
 * errors (the gold writes the same thing several ways), counted under -v. */
enum { K_UNDERSPEC, K_WEEK_OFF, K_PART_OF_DAY, K_QUARTER_YEAR, K_OTHER, K_REF_FALSE, K_N };
static const char *const S_kind_names[K_N] = {
    "gold less specific (1989-WXX, 199X, 1997-XX)", "a week apart (creation time after writing)",
    "part of day in one only (TNI)", "quarter vs year (a year earlier)", "other wrong values",
    "false alarms on now, currently, recently, the future, daily"};

/* -a: list the correct hits too (with -v), to count how often a word is right. */
static bool S_all;

typedef struct {
  size_t gold, sys, relaxed, strict, value;
  size_t kinds[K_N];
} S_counts;

static char *S_read(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  ds_buf b = DS_BUF_INIT;
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) ds_buf_put(&b, chunk, n);
  fclose(f);
  *len = b.len;
  return ds_buf_detach(&b);
}

/* Copies attribute name="..." of the tag [p, end) into out. */
static bool S_attr(const char *p, const char *end, const char *name, char *out, size_t size) {
  size_t nl = strlen(name);
  for (const char *q = p; q + nl + 2 < end; q++) {
    if (memcmp(q, name, nl) != 0 || q[nl] != '=' || q[nl + 1] != '"' || q[-1] != ' ') continue;
    const char *v = q + nl + 2, *e = memchr(v, '"', (size_t)(end - v));
    if (!e) return false;
    size_t l = (size_t)(e - v) < size - 1 ? (size_t)(e - v) : size - 1;
    memcpy(out, v, l);
    out[l] = 0;
    return true;
  }
  return false;
}

static bool S_dct(const char *doc, char out[64]) {
  for (const char *p = strstr(doc, "<TIMEX3"); p; p = strstr(p + 1, "<TIMEX3")) {
    const char *e = strchr(p, '>');
    char fn[64];
    if (e && S_attr(p, e, "functionInDocument", fn, sizeof fn) && !strcmp(fn, "CREATION_TIME"))
      return S_attr(p, e, "value", out, 64) && strlen(out) >= 10 && (out[10] = 0, true);
  }
  return false;
}

static const char *S_entity(const char *p, char *ch) {
  static const struct { const char *name; char ch; } ents[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
  for (size_t i = 0; i < sizeof ents / sizeof *ents; i++)
    if (!strncmp(p, ents[i].name, strlen(ents[i].name))) {
      *ch = ents[i].ch;
      return p + strlen(ents[i].name);
    }
  *ch = '&';
  return p + 1;
}

/* Strips the tags of [p, end) into text, recording the gold TIMEX3 spans. */
static size_t S_strip(const char *p, const char *end, ds_buf *text, S_gold *gold, size_t max) {
  size_t n = 0;
  while (p < end) {
    if (*p == '&') {
      char ch;
      p = S_entity(p, &ch);
      ds_buf_putc(text, ch);
      continue;
    }
    if (*p != '<') {
      ds_buf_putc(text, *p++);
      continue;
    }
    const char *e = memchr(p, '>', (size_t)(end - p));
    if (!e) break;
    if (!strncmp(p, "<TIMEX3", 7) && n < max) {
      S_gold *g = &gold[n];
      g->start = text->len;
      if (!S_attr(p, e, "value", g->value, sizeof g->value)) g->value[0] = 0;
    } else if (!strncmp(p, "</TIMEX3", 8) && n < max) {
      gold[n++].end = text->len;
    }
    p = e + 1;
  }
  return n;
}

/* v2 is shown as its first n2 bytes, or whole when n2 < 0. */
static void S_show(const char *tag, const char *text, size_t s, size_t e, const char *v,
                   const char *v2, int n2) {
  size_t a = s > 70 ? s - 70 : 0, b = e;
  for (size_t k = 0; k < 50 && text[b]; k++) b++;
  printf("  %-5s %-40.*s %s%s%.*s\n        | ", tag, (int)(e - s), text + s, v,
         v2 && n2 < 0 ? " gold " : " ", v2 ? (n2 < 0 ? (int)strlen(v2) : n2) : 0, v2 ? v2 : "");
  for (size_t k = a; k < b; k++) putchar(text[k] == '\n' ? ' ' : text[k]);
  putchar('\n');
}

/* Values compare equal when they differ only in a week's zero padding (2000-W7 is how
 * part of the gold writes 2000-W07). */
static bool S_same_value(const char *a, const char *b) {
  while (*a && *b) {
    if (*a == 'W' && *b == 'W') {
      a++, b++;
      if (*a == '0' && b[0] != '0' && a[1] >= '0' && a[1] <= '9') a++;
      if (*b == '0' && a[0] != '0' && b[1] >= '0' && b[1] <= '9') b++;
      continue;
    }
    if (*a++ != *b++) return false;
  }
  return *a == *b;
}

/* The day number of a value that starts with a full date (only differences matter). */
static bool S_days(const char *v, long *days) {
  ds_date d;
  if (strlen(v) < 10 || !ds_date_parse(v, 10, &d)) return false;
  *days = ds_date_to_days(d);
  return true;
}

static int S_kind(const char *sys, const char *gold) {
  const char *x = strchr(gold, 'X');
  if (x && x > gold && !strncmp(sys, gold, (size_t)(x - gold - (x[-1] == '-' || x[-1] == 'W'))))
    return K_UNDERSPEC;
  long a, b;
  if (S_days(sys, &a) && S_days(gold, &b) && labs(a - b) == 7) return K_WEEK_OFF;
  size_t ls = strlen(sys), lg = strlen(gold);
  if ((ls == 10 && lg > 10 && gold[10] == 'T' && !strncmp(sys, gold, 10)) ||
      (lg == 10 && ls > 10 && sys[10] == 'T' && !strncmp(sys, gold, 10)))
    return K_PART_OF_DAY;
  if ((strchr(sys, 'Q') != NULL) != (strchr(gold, 'Q') != NULL) && !strncmp(sys, gold, 4))
    return K_QUARTER_YEAR;
  return K_OTHER;
}

static void S_score(const char *text, S_gold *g, size_t ng, ds_time *t, size_t nt, S_counts *k,
                    bool verbose) {
  k->gold += ng, k->sys += nt;
  char *used = calloc(nt + 1, 1);
  size_t from = 0;
  for (size_t i = 0; i < ng; i++) {
    while (from < nt && t[from].end <= g[i].start) from++;
    size_t j = from;
    while (j < nt && (used[j] || t[j].end <= g[i].start)) j++;
    if (j < nt && t[j].start < g[i].end) {
      used[j] = 1;
      k->relaxed++;
      if (t[j].start == g[i].start && t[j].end == g[i].end) k->strict++;
      else if (verbose) S_show("SPAN", text, t[j].start, t[j].end, "gold:", text + g[i].start,
                               (int)(g[i].end - g[i].start));
      if (S_same_value(t[j].value, g[i].value)) {
        k->value++;
        if (S_all) S_show("OK", text, t[j].start, t[j].end, t[j].value, NULL, -1);
      } else {
        k->kinds[S_kind(t[j].value, g[i].value)]++;
        if (verbose) S_show("VALUE", text, t[j].start, t[j].end, t[j].value, g[i].value, -1);
      }
    } else if (verbose) {
      S_show("MISS", text, g[i].start, g[i].end, g[i].value, NULL, -1);
    }
  }
  for (size_t j = 0; j < nt; j++) {
    if (used[j]) continue;
    if (strstr(t[j].value, "_REF") || t[j].type == DS_TIME_SET) k->kinds[K_REF_FALSE]++;
    if (verbose) S_show("FALSE", text, t[j].start, t[j].end, t[j].value, NULL, -1);
  }
  free(used);
}

/* Scores one .tml file; returns false when it has no creation time or text. */
static bool S_doc(const char *path, S_counts *k, bool verbose) {
  size_t len;
  char *doc = S_read(path, &len);
  if (!doc) return false;
  char dct[64];
  const char *a = strstr(doc, "<TEXT>"), *b = a ? strstr(a, "</TEXT>") : NULL;
  if (!S_dct(doc, dct) || !b) {
    free(doc);
    return false;
  }
  ds_buf text = DS_BUF_INIT;
  size_t max = len / 16 + 1;
  S_gold *gold = calloc(max, sizeof *gold);
  size_t ng = S_strip(a + 6, b, &text, gold, max);
  ds_arena arena = {0};
  ds_time *t;
  size_t nt = ds_time_scan(text.ptr, text.len, dct, &arena, &t);
  if (verbose) printf("%s (%s)\n", path, dct);
  S_score(text.ptr, gold, ng, t, nt, k, verbose);
  ds_arena_free(&arena);
  ds_buf_free(&text);
  free(gold);
  free(doc);
  return true;
}

static int S_cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static size_t S_corpus(const char *dir, S_counts *k, bool verbose) {
  DIR *d = opendir(dir);
  if (!d) return 0;
  char **names = NULL;
  size_t n = 0, cap = 0;
  for (struct dirent *e; (e = readdir(d));) {
    size_t l = strlen(e->d_name);
    if (l < 5 || strcmp(e->d_name + l - 4, ".tml")) continue;
    if (n == cap) names = realloc(names, (cap = cap ? cap * 2 : 64) * sizeof *names);
    names[n++] = strdup(e->d_name);
  }
  closedir(d);
  qsort(names, n, sizeof *names, S_cmp);
  size_t docs = 0;
  for (size_t i = 0; i < n; i++) {
    char path[4096 + 260];
    snprintf(path, sizeof path, "%s/%.255s", dir, names[i]);
    docs += S_doc(path, k, verbose);
    free(names[i]);
  }
  free(names);
  return docs;
}

static double S_f1(size_t hit_sys, size_t hit_gold, size_t sys, size_t gold) {
  double p = sys ? (double)hit_sys / sys : 0, r = gold ? (double)hit_gold / gold : 0;
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

static void S_print(const char *name, size_t docs, const S_counts *k) {
  double p = k->sys ? (double)k->relaxed / k->sys : 0, r = k->gold ? (double)k->relaxed / k->gold : 0;
  printf("%-9s docs %3zu  gold %4zu  system %4zu | relaxed P %.3f R %.3f F1 %.3f | "
         "strict F1 %.3f | value F1 %.3f\n",
         name, docs, k->gold, k->sys, p, r, S_f1(k->relaxed, k->relaxed, k->sys, k->gold),
         S_f1(k->strict, k->strict, k->sys, k->gold), S_f1(k->value, k->value, k->sys, k->gold));
}

int main(int argc, char **argv) {
  const char *root = "../shared/data/timebank";
  bool verbose = false;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-v")) verbose = true;
    else if (!strcmp(argv[i], "-a")) verbose = S_all = true;
    else root = argv[i];
  }
  struct stat st;
  if (stat(root, &st) != 0 || !S_ISDIR(st.st_mode)) {
    printf("skipped: %s not found\n", root);
    return 0;
  }
  static const char *parts[] = {"TimeBank", "AQUAINT"};
  S_counts all = {0}, each[2] = {{0}};
  size_t docs[2], total = 0;
  for (int i = 0; i < 2; i++) {
    char dir[4096];
    snprintf(dir, sizeof dir, "%.4000s/%s", root, parts[i]);
    docs[i] = S_corpus(dir, &each[i], verbose);
    total += docs[i];
    all.gold += each[i].gold, all.sys += each[i].sys, all.relaxed += each[i].relaxed;
    all.strict += each[i].strict, all.value += each[i].value;
    for (int c = 0; c < K_N; c++) all.kinds[c] += each[i].kinds[c];
  }
  if (!total) {
    printf("skipped: %s/{TimeBank,AQUAINT}/*.tml not found\n", root);
    return 0;
  }
  for (int i = 0; i < 2; i++) S_print(parts[i], docs[i], &each[i]);
  S_print("overall", total, &all);
  if (verbose)
    for (int c = 0; c < K_N; c++) printf("  %4zu  %s\n", all.kinds[c], S_kind_names[c]);
  return 0;
}
