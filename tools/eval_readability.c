/* Main-text extraction quality and speed on Mozilla Readability's test pages.
 *   eval_readability [DIR] [-v]      DIR defaults to ../shared/data/readability-pages
 * Each DIR/<page>/ holds source.html, expected.html and expected-metadata.json.
 * Text: precision, recall and F1 over word 4-gram shingles (words: runs of letters
 * and digits, case-folded), counted as MULTISETS (a repeated shingle counts as often
 * as it occurs on both sides), macro-averaged over pages. Metadata: title, byline
 * and date accuracy (exact after whitespace normalisation; dates as YYYY-MM-DD) over
 * the pages whose expected metadata has a value. Speed: MB of source HTML per second
 * of ds_html_extract on one core (each page extracted REPEAT times, the fastest run
 * counted, so other processes on the machine disturb the figure less). -v prints
 * one line per page. */
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "read_html.h"
#include "util/buf.h"
#include "util/hash.h"
#include "util/utf8.h"

#define SHINGLE 4
#define REPEAT 3

static bool S_read(const char *path, ds_buf *out) {
  FILE *f = fopen(path, "rb");
  if (!f) return false;
  char tmp[65536];
  size_t n;
  while ((n = fread(tmp, 1, sizeof tmp, f)) > 0) ds_buf_put(out, tmp, n);
  fclose(f);
  return true;
}

typedef DS_VEC(uint64_t) S_u64vec;

static bool S_word_cp(int32_t cp) { return ds_cp_is_alpha(cp) || (cp >= '0' && cp <= '9'); }

/* Word hashes of text (case-folded). */
static void S_words(ds_arena *a, const char *text, S_u64vec *words) {
  ds_buf f = DS_BUF_INIT;
  ds_utf8_fold(&f, text, strlen(text));
  size_t i = 0, start = 0;
  bool in = false;
  while (i <= f.len) {
    size_t l = 1;
    int32_t cp = i < f.len ? ds_utf8_decode(f.ptr + i, f.len - i, &l) : ' ';
    bool w = S_word_cp(cp);
    if (w && !in) start = i;
    if (!w && in) *DS_PUSH(a, words) = ds_hash_bytes(f.ptr + start, i - start);
    in = w;
    i += l;
  }
  ds_buf_free(&f);
}

static int S_cmp(const void *x, const void *y) {
  uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
  return a < b ? -1 : a > b;
}

static void S_shingles(ds_arena *a, const S_u64vec *w, S_u64vec *out) {
  size_t k = w->len < SHINGLE ? w->len : SHINGLE;
  for (size_t i = 0; k && i + k <= w->len; i++) {
    uint64_t h = 0;
    for (size_t j = 0; j < k; j++) h = ds_hash_mix(h, w->items[i + j]);
    *DS_PUSH(a, out) = h;
  }
  if (out->len) qsort(out->items, out->len, sizeof *out->items, S_cmp);
}

static size_t S_common(const S_u64vec *a, const S_u64vec *b) {
  size_t i = 0, j = 0, n = 0;
  while (i < a->len && j < b->len) {
    if (a->items[i] == b->items[j]) n++, i++, j++;
    else if (a->items[i] < b->items[j]) i++;
    else j++;
  }
  return n;
}

/* Whitespace-normalised equality. */
static bool S_same(const char *a, const char *b) {
  if (!a || !b) return false;
  for (;;) {
    while (*a == ' ' || *a == '\n' || *a == '\t' || *a == '\r') a++;
    while (*b == ' ' || *b == '\n' || *b == '\t' || *b == '\r') b++;
    if (!*a || !*b) return !*a && !*b;
    bool sa = false, sb = false;
    while (*a && *b && *a == *b && *a != ' ' && *a != '\n' && *a != '\t') a++, b++;
    if (!*a || !*b) continue;
    sa = *a == ' ' || *a == '\n' || *a == '\t' || *a == '\r';
    sb = *b == ' ' || *b == '\n' || *b == '\t' || *b == '\r';
    if (!(sa && sb)) return false;
  }
}

typedef struct {
  double p, r, f;
  size_t pages, bytes;
  double secs;
  size_t title_n, title_ok, byline_n, byline_ok, date_n, date_ok;
} S_totals;

static const char *S_meta(json_t *m, const char *key) {
  json_t *v = json_object_get(m, key);
  const char *s = json_is_string(v) ? json_string_value(v) : NULL;
  return s && *s ? s : NULL;
}

static void S_metadata(const char *dir, const char *name, const ds_html_doc *d, S_totals *t,
                       bool verbose) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s/expected-metadata.json", dir, name);
  json_t *m = json_load_file(path, 0, NULL);
  if (!m) return;
  const char *title = S_meta(m, "title"), *by = S_meta(m, "byline"), *date = S_meta(m, "publishedTime");
  if (title) t->title_n++, t->title_ok += S_same(title, d->title);
  if (by) t->byline_n++, t->byline_ok += S_same(by, d->author);
  char iso[11];
  if (date && ds_html_date(date, strlen(date), iso)) {
    t->date_n++;
    t->date_ok += d->published && strcmp(iso, d->published) == 0;
  }
  if (verbose && title && !S_same(title, d->title))
    printf("    title: want \"%s\" got \"%s\"\n", title, d->title ? d->title : "(null)");
  if (verbose && by && !S_same(by, d->author))
    printf("    byline: want \"%s\" got \"%s\"\n", by, d->author ? d->author : "(null)");
  json_decref(m);
}

static double S_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts); /* CPU time: load elsewhere does not count */
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void S_page(const char *dir, const char *name, S_totals *t, bool verbose) {
  char path[4096];
  ds_buf src = DS_BUF_INIT, exp = DS_BUF_INIT;
  snprintf(path, sizeof path, "%s/%s/source.html", dir, name);
  bool ok = S_read(path, &src);
  snprintf(path, sizeof path, "%s/%s/expected.html", dir, name);
  ok = ok && S_read(path, &exp);
  if (ok) {
    ds_arena a = {0};
    ds_html_doc d, e;
    double best = 1e9;
    for (int i = 0; i < REPEAT; i++) {
      ds_arena_free(&a);
      double t0 = S_now();
      ds_html_extract(src.ptr, src.len, &a, &d);
      double dt = S_now() - t0;
      if (dt < best) best = dt;
    }
    t->secs += best;
    t->bytes += src.len;
    ds_html_to_text(exp.ptr, exp.len, &a, &e);
    S_u64vec wd = {0}, we = {0}, sd = {0}, se = {0};
    S_words(&a, d.text, &wd);
    S_words(&a, e.text, &we);
    S_shingles(&a, &wd, &sd);
    S_shingles(&a, &we, &se);
    size_t c = S_common(&sd, &se);
    double p = sd.len ? (double)c / (double)sd.len : (se.len ? 0.0 : 1.0);
    double r = se.len ? (double)c / (double)se.len : 1.0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    t->p += p, t->r += r, t->f += f, t->pages++;
    if (verbose) printf("%-40s P %.3f R %.3f F1 %.3f  (%zu/%zu shingles)\n", name, p, r, f, sd.len, se.len);
    S_metadata(dir, name, &d, t, verbose);
    ds_arena_free(&a);
  }
  ds_buf_free(&src);
  ds_buf_free(&exp);
}

static int S_strcmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv) {
  const char *dir = "../shared/data/readability-pages";
  bool verbose = false;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-v") == 0) verbose = true;
    else dir = argv[i];
  }
  DIR *d = opendir(dir);
  if (!d) {
    printf("skipped: %s not found\n", dir);
    return 0;
  }
  char **names = NULL;
  size_t n = 0;
  for (struct dirent *e; (e = readdir(d));) {
    if (e->d_name[0] == '.') continue;
    names = realloc(names, (n + 1) * sizeof *names);
    names[n++] = strdup(e->d_name);
  }
  closedir(d);
  qsort(names, n, sizeof *names, S_strcmp);
  S_totals t = {0};
  for (size_t i = 0; i < n; i++) {
    S_page(dir, names[i], &t, verbose);
    free(names[i]);
  }
  free(names);
  if (!t.pages) {
    printf("skipped: no pages under %s\n", dir);
    return 0;
  }
  double k = (double)t.pages;
  printf("pages %zu  shingles: word %d-grams, multiset, macro-averaged\n", t.pages, SHINGLE);
  printf("precision %.4f  recall %.4f  F1 %.4f\n", t.p / k, t.r / k, t.f / k);
  printf("title %zu/%zu (%.3f)  byline %zu/%zu (%.3f)  date %zu/%zu (%.3f)\n", t.title_ok,
         t.title_n, t.title_n ? (double)t.title_ok / (double)t.title_n : 0.0, t.byline_ok,
         t.byline_n, t.byline_n ? (double)t.byline_ok / (double)t.byline_n : 0.0, t.date_ok,
         t.date_n, t.date_n ? (double)t.date_ok / (double)t.date_n : 0.0);
  printf("speed %.1f MB/s (%.1f MB of HTML in %.3f s, one core, extraction only, best of %d)\n",
         (double)t.bytes / 1e6 / t.secs, (double)t.bytes / 1e6, t.secs, REPEAT);
  return 0;
}
