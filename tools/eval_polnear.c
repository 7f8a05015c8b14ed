/* Evaluates quotation and speaker finding on PolNeAR (brat standoff: .txt + .ann with
 * Source, Cue and Content spans tied by Attribution events).
 *
 *   eval_polnear [DATA_DIR [SPLIT]]     defaults: ../shared/data/polnear dev
 *
 * Each document's text goes through the library's public API as a .txt article; the
 * predicted quotes (body offsets) are mapped back to the input through the article's
 * offset map. A predicted quote matches a gold Content when at least half of it lies
 * inside that content. "Direct" gold = content holding a quotation mark; direct
 * predictions = kinds direct and partial. Speaker accuracy is measured on matched gold
 * attributions whose Source names someone (a capitalised word, not a pronoun): right
 * when the predicted speaker phrase overlaps the Source, or the predicted speaker is the
 * entity mentioned in the Source. Only the first annotator's file of a document is used.
 *
 * EVAL_VERBOSE=1 prints each false positive (FP), each missed gold attribution (FN, or
 * FN-SPAN when a prediction overlaps it but fails the half rule) with the text before it
 * (CTX) and the overlapping prediction (PRED), and wrong speakers (SPK, SPKD);
 * EVAL_TP=1 adds a line per prediction with its raw offsets (TP, FPO), for tallies by cue. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "corpus.h"
#include "entities.h"

#define EV_MAX_SPANS 8   /* discontinuous pieces of one brat span */
#define EV_MAX_LINE 65536

typedef struct {
  uint32_t s[EV_MAX_SPANS], e[EV_MAX_SPANS];
  int n;
} ev_span;

typedef struct {
  char id[16];
  char type[16];
  ev_span sp;
} ev_text;

typedef struct {
  ev_span content, source, cue;
  bool has_cue;
  bool has_source, direct, named;
} ev_attr;

typedef struct {
  size_t pred, pred_ok, gold, gold_ok;
} ev_prf;

typedef struct {
  ev_prf direct, all;
  size_t sp_total, sp_ok, sp_direct_total, sp_direct_ok;
  size_t docs;
  bool verbose;
} ev_stats;

static char *S_slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *b = malloc((size_t)n + 1);
  if (b && fread(b, 1, (size_t)n, f) != (size_t)n) n = 0;
  if (b) b[n] = 0;
  fclose(f);
  *len = (size_t)n;
  return b;
}

static int S_cmp_str(const void *x, const void *y) {
  return strcmp(*(char *const *)x, *(char *const *)y);
}

/* Sorted names in dir ending in suffix (caller frees). */
static char **S_list(const char *dir, const char *suffix, size_t *n) {
  DIR *d = opendir(dir);
  *n = 0;
  if (!d) return NULL;
  size_t cap = 64, sl = strlen(suffix);
  char **v = malloc(cap * sizeof *v);
  for (struct dirent *e; (e = readdir(d));) {
    size_t l = strlen(e->d_name);
    if (l <= sl || strcmp(e->d_name + l - sl, suffix) != 0) continue;
    if (*n == cap) v = realloc(v, (cap *= 2) * sizeof *v);
    v[(*n)++] = strdup(e->d_name);
  }
  closedir(d);
  qsort(v, *n, sizeof *v, S_cmp_str);
  return v;
}

/* Character offsets (code points) to byte offsets. */
static uint32_t *S_char_to_byte(const char *t, size_t len, size_t *nchars) {
  uint32_t *m = malloc((len + 2) * sizeof *m);
  size_t c = 0;
  for (size_t i = 0; i < len; i++)
    if (((unsigned char)t[i] & 0xC0) != 0x80) m[c++] = (uint32_t)i;
  m[c] = (uint32_t)len;
  *nchars = c;
  return m;
}

static bool S_parse_span(const char *s, ev_span *sp, const uint32_t *c2b, size_t nch) {
  sp->n = 0;
  while (*s && sp->n < EV_MAX_SPANS) {
    unsigned long a, b;
    int used;
    if (sscanf(s, "%lu %lu%n", &a, &b, &used) != 2) return false;
    if (a > nch || b > nch) return false;
    sp->s[sp->n] = c2b[a], sp->e[sp->n] = c2b[b], sp->n++;
    s += used;
    if (*s != ';') break;
    s++;
  }
  return sp->n > 0;
}

static bool S_has_mark(const char *t, const ev_span *sp) {
  static const char *marks[] = {"\"", "''", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xC2\xAB", "\xC2\xBB", "\xE2\x80\x98", NULL};
  for (int k = 0; k < sp->n; k++)
    for (int m = 0; marks[m]; m++) {
      size_t ml = strlen(marks[m]);
      for (uint32_t i = sp->s[k]; i + ml <= sp->e[k]; i++)
        if (memcmp(t + i, marks[m], ml) == 0) return true;
    }
  return false;
}

static bool S_is_named(const char *t, const ev_span *sp) {
  static const char *pron[] = {"he", "she", "it", "they", "we", "i", "you", "his", "her", "their", NULL};
  uint32_t s = sp->s[0], e = sp->e[sp->n - 1];
  if (e - s < 12) {
    for (int k = 0; pron[k]; k++)
      if (e - s == strlen(pron[k]) && strncasecmp(t + s, pron[k], e - s) == 0) return false;
  }
  for (uint32_t i = s; i < e; i++) {
    bool start = i == s || t[i - 1] == ' ';
    if (start && t[i] >= 'A' && t[i] <= 'Z') return true;
  }
  return false;
}

/* Reads the .ann into attributions. */
static size_t S_read_ann(const char *ann, const char *text, const uint32_t *c2b, size_t nch,
                         ev_attr **out) {
  size_t nt = 0, cap = 256, na = 0;
  ev_text *ts = malloc(cap * sizeof *ts);
  ev_attr *as = malloc(cap * sizeof *as);
  char id[16], rest[EV_MAX_LINE];
  for (const char *p = ann; *p;) {
    const char *eol = strchr(p, '\n');
    size_t l = eol ? (size_t)(eol - p) : strlen(p);
    if (l < sizeof rest && p[0] == 'T') {
      memcpy(rest, p, l), rest[l] = 0;
      char *tab1 = strchr(rest, '\t'), *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
      if (tab1 && tab2) {
        *tab1 = 0, *tab2 = 0;
        if (nt == cap) ts = realloc(ts, (cap *= 2) * sizeof *ts), as = realloc(as, cap * sizeof *as);
        ev_text *t = &ts[nt];
        size_t il = strlen(rest);
        if (il < sizeof t->id) memcpy(t->id, rest, il + 1);
        char *sp = strchr(tab1 + 1, ' ');
        if (sp && il < sizeof t->id && (size_t)(sp - tab1 - 1) < sizeof t->type) {
          memcpy(t->type, tab1 + 1, (size_t)(sp - tab1 - 1));
          t->type[sp - tab1 - 1] = 0;
          if (S_parse_span(sp + 1, &t->sp, c2b, nch)) nt++;
        }
      }
    }
    p = eol ? eol + 1 : p + l;
  }
  for (const char *p = ann; *p;) {
    const char *eol = strchr(p, '\n');
    size_t l = eol ? (size_t)(eol - p) : strlen(p);
    if (l < sizeof rest && p[0] == 'E') {
      memcpy(rest, p, l), rest[l] = 0;
      ev_attr at = {0};
      bool has_content = false;
      for (char *tok = strtok(rest, " \t"); tok; tok = strtok(NULL, " \t")) {
        char *colon = strchr(tok, ':');
        if (!colon) continue;
        *colon = 0;
        size_t il = strlen(colon + 1);
        if (il >= sizeof id) continue;
        memcpy(id, colon + 1, il + 1);
        for (size_t k = 0; k < nt; k++) {
          if (strcmp(ts[k].id, id) != 0) continue;
          if (strcmp(tok, "Content") == 0) at.content = ts[k].sp, has_content = true;
          if (strcmp(tok, "Source") == 0) at.source = ts[k].sp, at.has_source = true;
          if (strcmp(tok, "Cue") == 0) at.cue = ts[k].sp, at.has_cue = true;
        }
      }
      if (has_content) {
        if (na == cap) ts = realloc(ts, (cap *= 2) * sizeof *ts), as = realloc(as, cap * sizeof *as);
        at.direct = S_has_mark(text, &at.content);
        at.named = at.has_source && S_is_named(text, &at.source);
        as[na++] = at;
      }
    }
    p = eol ? eol + 1 : p + l;
  }
  free(ts);
  *out = as;
  return na;
}

/* How far ahead in the input the alignment looks for a body byte (a dropped line). */
#define EV_MAX_SKIP 4096

/* Body offset -> input offset, for articles whose offset map was dropped after
 * tagging: the body is the input with lines removed and spaces changed, so a greedy
 * walk that matches each body byte to the next equal input byte aligns them. */
static uint32_t *S_align(const char *body, size_t blen, const char *raw, size_t rlen) {
  uint32_t *m = malloc((blen + 1) * sizeof *m);
  size_t j = 0;
  for (size_t i = 0; i < blen; i++) {
    size_t k = j;
    while (k < rlen && k - j < EV_MAX_SKIP && raw[k] != body[i]) k++;
    if (k < rlen && raw[k] == body[i]) j = k;
    m[i] = (uint32_t)(j < rlen ? j : rlen);
    if (j < rlen && raw[j] == body[i]) j++;
  }
  m[blen] = (uint32_t)(j < rlen ? j : rlen);
  return m;
}

static const uint32_t *S_map; /* the current article's S_align, when it has no offset map */

static uint32_t S_to_raw(const ds_article *a, uint32_t b) {
  if (!a->offmap.len && S_map) return S_map[b];
  uint32_t raw = b;
  for (size_t i = 0; i + 1 < a->offmap.len; i += 2)
    if (a->offmap.items[i] <= b) raw = a->offmap.items[i + 1] + (b - a->offmap.items[i]);
    else break;
  return raw;
}

static uint32_t S_inside(uint32_t s, uint32_t e, const ev_span *sp) {
  uint32_t in = 0;
  for (int k = 0; k < sp->n; k++) {
    uint32_t lo = s > sp->s[k] ? s : sp->s[k], hi = e < sp->e[k] ? e : sp->e[k];
    if (hi > lo) in += hi - lo;
  }
  return in;
}

static bool S_match(uint32_t s, uint32_t e, const ev_span *content) {
  return e > s && S_inside(s, e, content) * 2 >= e - s;
}

static bool S_speaker_ok(const ds_article *a, const ds_quote *q, const ev_attr *g) {
  if (q->speaker_end > q->speaker_start &&
      S_inside(S_to_raw(a, q->speaker_start), S_to_raw(a, q->speaker_end), &g->source) > 0)
    return true;
  if (q->speaker < 0) return false;
  for (size_t m = 0; m < a->mentions.len; m++) {
    const ds_mention *mt = &a->mentions.items[m];
    if (mt->entity == q->speaker && S_inside(S_to_raw(a, mt->start), S_to_raw(a, mt->end), &g->source))
      return true;
  }
  return false;
}

/* Prints label and text[s, e) on one line (newlines as spaces), for EVAL_VERBOSE. */
static void S_print_flat(const char *label, const char *text, uint32_t s, uint32_t e) {
  printf("%s [", label);
  for (uint32_t i = s; i < e; i++) putchar(text[i] == '\n' ? ' ' : text[i]);
  printf("]\n");
}

static void S_score(ev_stats *st, const ds_article *a, const ev_attr *gold, size_t ng,
                    const char *text, const char *name) {
  size_t nq = a->quotes.len;
  for (size_t i = 0; i < nq; i++) {
    const ds_quote *q = &a->quotes.items[i];
    uint32_t s = S_to_raw(a, q->start), e = S_to_raw(a, q->end);
    bool direct = q->kind != DS_QUOTE_INDIRECT, hit_any = false, hit_direct = false;
    for (size_t g = 0; g < ng; g++)
      if (S_match(s, e, &gold[g].content)) hit_any = true, hit_direct |= gold[g].direct;
    st->all.pred++, st->all.pred_ok += hit_any;
    if (direct) st->direct.pred++, st->direct.pred_ok += hit_direct;
    if (st->verbose && hit_any && getenv("EVAL_TP"))
      printf("TP %s %s cue=[%s] %u %u\n", name, ds_quote_kind_name(q->kind), q->cue ? q->cue : "", s, e);
    if (st->verbose && !hit_any && getenv("EVAL_TP"))
      printf("FPO %s %s cue=[%s] %u %u\n", name, ds_quote_kind_name(q->kind), q->cue ? q->cue : "", s, e);
    if (st->verbose && !hit_any)
      printf("FP %s %s cue=[%s] [%.*s]\n", name, ds_quote_kind_name(q->kind), q->cue ? q->cue : "",
             (int)(e - s), text + s);
  }
  for (size_t g = 0; g < ng; g++) {
    /* the first prediction (in text order) matching the gold content speaks for it */
    const ds_quote *best = NULL, *best_direct = NULL;
    for (size_t i = 0; i < nq; i++) {
      const ds_quote *q = &a->quotes.items[i];
      if (!S_match(S_to_raw(a, q->start), S_to_raw(a, q->end), &gold[g].content)) continue;
      if (!best) best = q;
      if (!best_direct && q->kind != DS_QUOTE_INDIRECT) best_direct = q;
    }
    st->all.gold++, st->all.gold_ok += best != NULL;
    if (gold[g].direct) st->direct.gold++, st->direct.gold_ok += best_direct != NULL;
    const ev_span *c = &gold[g].content;
    const ds_quote *over = NULL; /* a prediction touches the content but fails the half rule */
    for (size_t i = 0; st->verbose && !best && !over && i < nq; i++)
      if (S_inside(S_to_raw(a, a->quotes.items[i].start), S_to_raw(a, a->quotes.items[i].end),
                   &gold[g].content) > 0)
        over = &a->quotes.items[i];
    bool overlap = over != NULL;
    if (st->verbose && !best)
      printf("FN%s %s %s cue=[%.*s] [%.*s]\n", overlap ? "-SPAN" : "", name,
             gold[g].direct ? "direct" : "indirect",
             gold[g].has_cue ? (int)(gold[g].cue.e[0] - gold[g].cue.s[0]) : 0,
             gold[g].has_cue ? text + gold[g].cue.s[0] : "", (int)(c->e[c->n - 1] - c->s[0]),
             text + c->s[0]);
    if (st->verbose && !best) {
      uint32_t b0 = c->s[0] > 160 ? c->s[0] - 160 : 0;
      if (gold[g].has_cue && gold[g].cue.s[0] < b0) b0 = gold[g].cue.s[0];
      if (gold[g].has_source && gold[g].source.s[0] < b0) b0 = gold[g].source.s[0];
      S_print_flat("  CTX", text, b0, c->s[0]);
    }
    if (over)
      S_print_flat("  PRED", text, S_to_raw(a, over->start), S_to_raw(a, over->end));
    if (!gold[g].named || !best) continue;
    bool ok = S_speaker_ok(a, best, &gold[g]);
    st->sp_total++, st->sp_ok += ok;
    if (gold[g].direct && best_direct) {
      bool okd = S_speaker_ok(a, best_direct, &gold[g]);
      st->sp_direct_total++, st->sp_direct_ok += okd;
      if (st->verbose && !okd)
        printf("SPKD %s [%.*s] got [%s] for [%.*s]\n", name,
               (int)(gold[g].source.e[0] - gold[g].source.s[0]), text + gold[g].source.s[0],
               best_direct->speaker_name ? best_direct->speaker_name : "-",
               (int)(c->e[0] - c->s[0] < 60 ? c->e[0] - c->s[0] : 60), text + c->s[0]);
    }
    if (st->verbose && !ok)
      printf("SPK %s [%.*s] got [%s] for [%.*s]\n", name, (int)(gold[g].source.e[0] - gold[g].source.s[0]),
             text + gold[g].source.s[0], best->speaker_name ? best->speaker_name : "-",
             (int)(c->e[0] - c->s[0] < 60 ? c->e[0] - c->s[0] : 60), text + c->s[0]);
  }
}

static void S_doc(ev_stats *st, const char *dir, const char *split, const char *txtname,
                  char **anns, size_t nann) {
  char path[4096], stem[1024];
  size_t sl = strlen(txtname) - 4;
  snprintf(stem, sizeof stem, "%.*s_", (int)sl, txtname);
  const char *ann_name = NULL;
  for (size_t i = 0; i < nann && !ann_name; i++)
    if (strncmp(anns[i], stem, strlen(stem)) == 0) ann_name = anns[i];
  if (!ann_name) return;
  size_t tlen, alen;
  snprintf(path, sizeof path, "%s/%s/text/%s", dir, split, txtname);
  char *text = S_slurp(path, &tlen);
  snprintf(path, sizeof path, "%s/%s/attributions/%s", dir, split, ann_name);
  char *ann = S_slurp(path, &alen);
  if (text && ann) {
    size_t nch;
    uint32_t *c2b = S_char_to_byte(text, tlen, &nch);
    ev_attr *gold;
    size_t ng = S_read_ann(ann, text, c2b, nch, &gold);
    dossier_corpus *c = dossier_corpus_new(NULL);
    if (dossier_corpus_add_memory(c, txtname, text, tlen) == 1) {
      dossier_corpus_extract(c);
      const ds_article *a = c->articles.items[0];
      uint32_t *map = a->offmap.len ? NULL : S_align(a->body, a->body_len, text, tlen);
      S_map = map;
      S_score(st, a, gold, ng, text, txtname);
      S_map = NULL;
      free(map);
      st->docs++;
    }
    dossier_corpus_free(c);
    free(gold);
    free(c2b);
  }
  free(text);
  free(ann);
}

static void S_print_prf(const char *what, const ev_prf *p) {
  double P = p->pred ? (double)p->pred_ok / p->pred : 0, R = p->gold ? (double)p->gold_ok / p->gold : 0;
  double F = P + R > 0 ? 2 * P * R / (P + R) : 0;
  printf("%-16s P %.3f (%zu/%zu)  R %.3f (%zu/%zu)  F1 %.3f\n", what, P, p->pred_ok, p->pred, R,
         p->gold_ok, p->gold, F);
}

int main(int argc, char **argv) {
  const char *dir = argc > 1 ? argv[1] : "../shared/data/polnear";
  const char *split = argc > 2 ? argv[2] : "dev";
  ev_stats st = {.verbose = getenv("EVAL_VERBOSE") != NULL};
  char tdir[4096], adir[4096];
  snprintf(tdir, sizeof tdir, "%s/%s/text", dir, split);
  snprintf(adir, sizeof adir, "%s/%s/attributions", dir, split);
  struct stat sb;
  if (stat(tdir, &sb) != 0 || stat(adir, &sb) != 0) {
    printf("skipped: %s not found\n", tdir);
    return 0;
  }
  size_t ntxt, nann;
  char **txts = S_list(tdir, ".txt", &ntxt), **anns = S_list(adir, ".ann", &nann);
  for (size_t i = 0; i < ntxt; i++) S_doc(&st, dir, split, txts[i], anns, nann);
  printf("PolNeAR %s: %zu documents\n", split, st.docs);
  S_print_prf("direct quotes", &st.direct);
  S_print_prf("all attributions", &st.all);
  printf("speaker accuracy (named sources, matched direct): %.3f (%zu/%zu)\n",
         st.sp_direct_total ? (double)st.sp_direct_ok / st.sp_direct_total : 0, st.sp_direct_ok,
         st.sp_direct_total);
  printf("speaker accuracy (named sources, matched all):    %.3f (%zu/%zu)\n",
         st.sp_total ? (double)st.sp_ok / st.sp_total : 0, st.sp_ok, st.sp_total);
  for (size_t i = 0; i < ntxt; i++) free(txts[i]);
  for (size_t i = 0; i < nann; i++) free(anns[i]);
  free(txts);
  free(anns);
  return 0;
}
