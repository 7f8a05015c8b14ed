/* Measures the entity tagger against PolNeAR's attribution sources (brat standoff).
 *
 *   eval_entities [DATA_DIR [SPLIT]]     defaults: ../shared/data/polnear dev
 *
 * PolNeAR marks who a statement is attributed to ("Source" spans), not entities, so
 * this measures one thing only: how often a named source ("Hillary Clinton", "the
 * Justice Department", "aides to Mr. Trump"; not "he", not "officials") is found by
 * one of our mentions. A source is named when a word in it other than a
 * sentence-opening one is capitalised. Reported: the share of named sources that a
 * person, organisation or group mention overlaps, that one lies wholly inside, and
 * that any mention (places too: "Russia said") overlaps; and the types found. Each
 * document is read as a .txt article and only cleaned, segmented and tagged for
 * entities, so its offset map still ties body offsets back to the file's. The first annotator's file of
 * a document is used. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "corpus.h"

/* Longest .ann line we read; sources are short. */
#define EE_MAX_LINE 8192

typedef struct {
  size_t named, overlap, inside, any, docs;
  size_t by_type[4];
} ee_stats;

typedef struct {
  const char *text;
  size_t len;
  uint32_t *c2b; /* code point index -> byte offset */
  size_t nch;
} ee_doc;

/* A word of the span, other than one opening a sentence or a pronoun, starts with a
 * capital. */
static bool ee_named(const ee_doc *d, uint32_t s, uint32_t e) {
  static const char *const pron[] = {"I", "He", "She", "We", "They", "It", "You", NULL};
  for (int k = 0; pron[k]; k++)
    if (e - s == strlen(pron[k]) && memcmp(d->text + s, pron[k], e - s) == 0) return false;
  for (uint32_t i = s; i < e; i++) {
    if (i > s && d->text[i - 1] != ' ' && d->text[i - 1] != '-') continue;
    if (d->text[i] < 'A' || d->text[i] > 'Z') continue;
    if (i > s) return true;
    uint32_t p = s;
    while (p > 0 && (d->text[p - 1] == ' ' || d->text[p - 1] == '\t')) p--;
    if (p > 0 && !strchr(".!?\"\n:", d->text[p - 1]) && (unsigned char)d->text[p - 1] < 0x80)
      return true; /* a capital inside a sentence */
  }
  return false;
}

/* Body offset -> file offset through the clean stage's offset map. */
static uint32_t ee_raw(const ds_article *a, uint32_t b) {
  uint32_t raw = b;
  for (size_t i = 0; i + 1 < a->offmap.len && a->offmap.items[i] <= b; i += 2)
    raw = a->offmap.items[i + 1] + (b - a->offmap.items[i]);
  return raw;
}

static void ee_score(ee_stats *st, const ds_article *a, uint32_t s, uint32_t e) {
  bool overlap = false, inside = false, any = false;
  int type = -1;
  for (size_t m = 0; m < a->mentions.len; m++) {
    const ds_mention *x = &a->mentions.items[m];
    uint32_t ms = ee_raw(a, x->start), me = ee_raw(a, x->end);
    if (me <= s || ms >= e) continue;
    ds_ent_type t = a->entities.items[x->entity].type;
    any = true;
    if (t == DS_ENT_PLACE) continue;
    if (!overlap) type = (int)t;
    overlap = true;
    inside |= ms >= s && me <= e;
  }
  st->named++;
  st->overlap += overlap, st->inside += inside, st->any += any;
  if (!overlap && getenv("EVAL_VERBOSE")) /* the misses, for tuning on train */
    printf("MISS [%.*s]\n", (int)(e - s), a->raw + s);
  if (type >= 0) st->by_type[type]++;
}

/* One "T<n>\tSource a b[;c d]\ttext" line: the span from its first start to its last end. */
static bool ee_source(const ee_doc *d, const char *line, uint32_t *s, uint32_t *e) {
  const char *tab = strchr(line, '\t');
  if (!tab || strncmp(tab + 1, "Source ", 7) != 0) return false;
  const char *p = tab + 8;
  unsigned long a, b, last = 0;
  int used;
  if (sscanf(p, "%lu %lu%n", &a, &b, &used) != 2) return false;
  for (last = b, p += used; *p == ';' && sscanf(p + 1, "%lu %lu%n", &b, &last, &used) == 2;)
    p += used + 1;
  if (a >= last || last > d->nch) return false;
  *s = d->c2b[a], *e = d->c2b[last];
  return true;
}

/* Reads the document through the library, then scores each named Source line of its
 * annotation file. */
static void ee_doc_run(ee_stats *st, const char *text_path, const char *ann_path) {
  FILE *ann = fopen(ann_path, "r");
  dossier_corpus *c = dossier_corpus_new(NULL);
  if (ann && dossier_corpus_add_path(c, text_path) == 1) {
    ds_article *a = c->articles.items[0];
    ee_doc d = {.text = a->raw, .len = a->raw_len};
    d.c2b = malloc((d.len + 1) * sizeof *d.c2b);
    for (size_t i = 0; i < d.len; i++)
      if (((unsigned char)d.text[i] & 0xC0) != 0x80) d.c2b[d.nch++] = (uint32_t)i;
    d.c2b[d.nch] = (uint32_t)d.len;
    ds_clean(a); /* only the stages entities need: the offset map stays */
    ds_segment(a);
    ds_tag_entities(a);
    st->docs++;
    char line[EE_MAX_LINE];
    uint32_t s, e;
    while (fgets(line, sizeof line, ann))
      if (ee_source(&d, line, &s, &e) && ee_named(&d, s, e)) ee_score(st, a, s, e);
    free(d.c2b);
  }
  dossier_corpus_free(c);
  if (ann) fclose(ann);
}

/* The first .ann in adir whose name is the text's stem, an underscore and an annotator. */
static bool ee_ann_for(const char *adir, const char *txt, char *out, size_t cap) {
  size_t stem = strlen(txt) - 4;
  DIR *dir = opendir(adir);
  bool found = false;
  char best[1024] = "";
  for (struct dirent *e; dir && (e = readdir(dir));) {
    if (strncmp(e->d_name, txt, stem) != 0 || e->d_name[stem] != '_') continue;
    if (!found || strcmp(e->d_name, best) < 0) snprintf(best, sizeof best, "%s", e->d_name);
    found = true;
  }
  if (dir) closedir(dir);
  if (found) snprintf(out, cap, "%s/%s", adir, best);
  return found;
}

static double ee_pct(size_t a, size_t b) { return b ? 100.0 * (double)a / (double)b : 0; }

/* The split's text and attribution folders, or false when either is missing. */
static bool ee_dirs(int argc, char **argv, char *tdir, char *adir, size_t cap) {
  const char *root = argc > 1 ? argv[1] : "../shared/data/polnear";
  const char *split = argc > 2 ? argv[2] : "dev";
  struct stat sb;
  snprintf(tdir, cap, "%s/%s/text", root, split);
  snprintf(adir, cap, "%s/%s/attributions", root, split);
  return stat(tdir, &sb) == 0 && stat(adir, &sb) == 0;
}

int main(int argc, char **argv) {
  char tdir[2048], adir[2048], tpath[4096], apath[4096];
  if (!ee_dirs(argc, argv, tdir, adir, sizeof tdir)) {
    printf("skipped: %s not found\n", tdir);
    return 0;
  }
  ee_stats st = {0};
  DIR *dir = opendir(tdir);
  for (struct dirent *e; dir && (e = readdir(dir));) {
    size_t n = strlen(e->d_name);
    if (n < 5 || strcmp(e->d_name + n - 4, ".txt") != 0) continue;
    if (!ee_ann_for(adir, e->d_name, apath, sizeof apath)) continue;
    snprintf(tpath, sizeof tpath, "%s/%s", tdir, e->d_name);
    ee_doc_run(&st, tpath, apath);
  }
  if (dir) closedir(dir);
  printf("PolNeAR %s: %zu documents, %zu named sources\n", argc > 2 ? argv[2] : "dev", st.docs,
         st.named);
  printf("overlapped by a person/organisation/group mention: %5.1f%% (%zu)\n",
         ee_pct(st.overlap, st.named), st.overlap);
  printf("with such a mention wholly inside:                 %5.1f%% (%zu)\n",
         ee_pct(st.inside, st.named), st.inside);
  printf("overlapped by any mention (places too):            %5.1f%% (%zu)\n",
         ee_pct(st.any, st.named), st.any);
  printf("first such mention's type: person %zu, organization %zu, group %zu\n",
         st.by_type[DS_ENT_PERSON], st.by_type[DS_ENT_ORG], st.by_type[DS_ENT_GROUP]);
  return 0;
}
