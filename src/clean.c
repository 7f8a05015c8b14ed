/* clean: raw text -> body. Drops boilerplate lines (data/boilerplate_*.txt), takes the
 * title and a byline/dateline date from the first lines, re-joins paragraphs that a page
 * break split mid-sentence, strips light markdown, and keeps a map from body offsets
 * back to raw offsets. One pass over the lines, one over the bytes. */
#include <ctype.h>
#include <string.h>

#include "corpus.h"
#include "util/date.h"
#include "util/lexicon.h"
#include "util/scan.h"
#include "util/utf8.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* A heading or byline is short; longer lines are always article text. */
#define DS_CLEAN_SHORT_LINE 160
/* Bylines and datelines sit within the first few lines after the title. */
#define DS_CLEAN_BYLINE_LINES 4
/* After a "Related Posts"-like marker, at most this many short headline lines follow. */
#define DS_CLEAN_MAX_RELATED 6
/* Markdown link targets longer than this are not treated as links (bounded scan). */
#define DS_CLEAN_MAX_LINK 512

typedef enum { L_BLANK, L_TEXT, L_BOILER, L_TITLE, L_META } S_kind;

typedef struct {
  uint32_t start, end; /* raw span without the newline and trailing spaces */
  uint8_t kind;
  bool marker; /* a navigation marker (Related Posts, Previous...) that drags headlines */
} S_line;

typedef DS_VEC(S_line) S_lines;

/* Blank at a line's edge: ASCII space, tab, CR and the no-break space (U+00A0). */
static uint32_t S_blank_at(const char *r, uint32_t p, uint32_t end) {
  if (p < end && (r[p] == ' ' || r[p] == '\t' || r[p] == '\r')) return 1;
  return p + 1 < end && (unsigned char)r[p] == 0xC2 && (unsigned char)r[p + 1] == 0xA0 ? 2 : 0;
}

static uint32_t S_blank_before(const char *r, uint32_t start, uint32_t t) {
  if (t > start && (r[t - 1] == ' ' || r[t - 1] == '\t' || r[t - 1] == '\r')) return 1;
  return t >= start + 2 && (unsigned char)r[t - 2] == 0xC2 && (unsigned char)r[t - 1] == 0xA0 ? 2 : 0;
}

static void S_split(ds_article *a, S_lines *out) {
  const char *r = a->raw;
  uint32_t p = 0, n = a->raw_len, k;
  while (p < n) {
    const char *eol = memchr(r + p, '\n', n - p);
    uint32_t e = eol ? (uint32_t)(eol - r) : n, s = p, t = e;
    while ((k = S_blank_at(r, s, t)) > 0) s += k;
    while ((k = S_blank_before(r, s, t)) > 0) t -= k;
    S_line *l = DS_PUSH_RAW(&a->arena, out); /* written whole below */
    *l = (S_line){s, t, s == t ? L_BLANK : L_TEXT, false};
    p = e + 1;
  }
}

static bool S_key_lead(char c) {
  return c == '#' || c == '*' || c == '_' || c == '>' || c == '-' || c == ' ' || c == '\t';
}

static bool S_key_trail(char c) {
  return c == '*' || c == '_' || c == ':' || c == '.' || c == '!' || c == '|' || c == ' ' ||
         c == '\t';
}

/* Copies n bytes with ASCII A-Z lower-cased; true when they hold a '*' or '_'. Sixteen
 * bytes a step where SSE2 is there: one pass instead of a copy and two searches. */
static bool S_lower_has_marks(char *out, const char *s, size_t n) {
  size_t i = 0;
  int marks = 0;
#ifdef __SSE2__
  const __m128i a1 = _mm_set1_epi8('A' - 1), z1 = _mm_set1_epi8('Z' + 1);
  const __m128i star = _mm_set1_epi8('*'), under = _mm_set1_epi8('_'), bit5 = _mm_set1_epi8(32);
  __m128i seen = _mm_setzero_si128();
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
    /* signed compares: bytes from 0x80 up are negative, never capitals */
    __m128i up = _mm_and_si128(_mm_cmpgt_epi8(v, a1), _mm_cmplt_epi8(v, z1));
    _mm_storeu_si128((__m128i *)(void *)(out + i), _mm_or_si128(v, _mm_and_si128(up, bit5)));
    seen = _mm_or_si128(seen, _mm_or_si128(_mm_cmpeq_epi8(v, star), _mm_cmpeq_epi8(v, under)));
    if (i + 16 < n && i + 32 > n) i = n - 32; /* the last step ends at n: no byte loop */
  }
  marks = _mm_movemask_epi8(seen);
#endif
  for (; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    out[i] = (char)((unsigned)(c - 'A') < 26u ? c + 32 : c);
    marks |= c == '*' || c == '_';
  }
  return marks != 0;
}

/* The comparison key of a line: lower-case, markdown marks and edge punctuation gone. */
static size_t S_key(const char *s, size_t n, char *out, size_t cap) {
  while (n && S_key_lead(s[0])) s++, n--;
  while (n && S_key_trail(s[n - 1])) n--;
  size_t k = 0;
  if (n < cap) { /* always, for our callers: lower-case it all, then drop the marks */
    if (!S_lower_has_marks(out, s, n)) k = n;
    else /* move the runs between marks down */
      for (size_t i = 0, e; i < n; i = e + 1) {
        e = ds_scan_any3(out, i, n, '*', '_', '_');
        memmove(out + k, out + i, e - i);
        k += e - i;
      }
    out[k] = '\0';
    return k;
  }
  for (size_t i = 0; i < n && k + 1 < cap; i++) {
    char c = s[i];
    if (c == '*' || c == '_') continue;
    out[k++] = (char)tolower((unsigned char)c);
  }
  out[k] = '\0';
  return k;
}

/* Longest entry of data/boilerplate_prefixes.txt is well under this; past it no prefix
 * can match, so the per-boundary lookups stop. */
#define DS_CLEAN_MAX_PREFIX 48

static bool S_alnum(char c) {
  return (unsigned)((c | 32) - 'a') < 26u || (unsigned)(c - '0') < 10u;
}

/* The first length S_has_prefix_entry tries on key: the end of its first word. */
static size_t S_first_probe(const char *key, size_t klen) {
  if (1 < klen && S_alnum(key[1]) && key[0] != ':') return ds_scan_not_alnum(key, 1, klen);
  return 1;
}

/* A bit per hash of each prefix entry's first probe: an entry that matches a key at some
 * probe shares the key's first probe, so a key whose first probe has no bit matches none
 * and costs one hash instead of one lookup per word. Built per thread per list. */
#define S_PROBE_BITS 1024
typedef struct {
  const ds_map *list;
  uint64_t bits[S_PROBE_BITS / 64];
} S_probe_filter;

static uint32_t S_probe_bit(const char *key, size_t n) {
  return (uint32_t)(ds_hash_word_lower(key, n) % S_PROBE_BITS);
}

static const S_probe_filter *S_first_probes(const ds_map *m) {
  static _Thread_local S_probe_filter f;
  if (f.list == m) return &f;
  memset(f.bits, 0, sizeof f.bits);
  for (size_t i = 0; i < m->cap; i++) {
    const ds_map_slot *e = &m->slots[i];
    if (!e->key || !e->klen) continue;
    uint32_t b = S_probe_bit(e->key, S_first_probe(e->key, e->klen));
    f.bits[b / 64] |= 1ull << (b % 64);
  }
  f.list = m;
  return &f;
}

static bool S_has_prefix_entry(const ds_map *m, const char *key, size_t klen) {
  size_t lim = klen < DS_CLEAN_MAX_PREFIX ? klen : DS_CLEAN_MAX_PREFIX;
  size_t first = S_first_probe(key, klen);
  if (first > lim) return false;
  uint32_t b = S_probe_bit(key, first);
  if (!((S_first_probes(m)->bits[b / 64] >> (b % 64)) & 1)) return false;
  for (size_t i = 1; i <= lim; i++) { /* every word boundary, and the whole key */
    if (i < klen && S_alnum(key[i]) && key[i - 1] != ':') {
      i = ds_scan_not_alnum(key, i, klen); /* inside a word: no boundary before its end */
      if (i > lim) break;
    }
    if (ds_map_get(m, key, i)) return true; /* key is lower-cased already */
  }
  return false;
}

/* "(Flickr)", "(Photo: Lena Ortiz/Harbor Daily)", "Getty Images": a caption or credit. */
static bool S_is_credit(const char *key, size_t klen) {
  if (klen < 3 || key[klen - 1] != ')') return false;
  const char *open = memchr(key, '(', klen);
  if (!open) return false;
  const char *w = open + 1, *end = key + klen - 1;
  while (w < end) {
    const char *e = w;
    while (e < end && (isalnum((unsigned char)*e) || *e == '-')) e++;
    if (e > w && ds_lexicon_has("boilerplate_credits", w, (size_t)(e - w))) return true;
    w = e + 1;
  }
  return false;
}

static bool S_only_link(const char *key, size_t klen) {
  if (klen && key[0] == '(') key++, klen--;
  if (!memchr(key, ' ', klen) && memchr(key, '.', klen) && memchr(key, '/', klen))
    return true; /* a bare address: https://x.org/contact, wsws.org/contact */
  const char *close = klen > 2 && key[0] == '[' ? memchr(key, ']', klen) : NULL;
  return close && close + 1 < key + klen && close[1] == '(' && key[klen - 1] == ')';
}

/* A set of ASCII bytes as 128 bits, tested without a call. NUL is in every set, as
 * strchr(set, c) finds the terminator. */
typedef struct {
  uint64_t lo, hi;
} S_byteset;
#define S_BIT(c) ((c) < 64 ? (uint64_t)1 << (c) : 0)
#define S_BIT_HI(c) ((c) >= 64 ? (uint64_t)1 << ((c)-64) : 0)
#define S_SET7(a, b, c, d, e, f, g)                                                        \
  {S_BIT(0) | S_BIT(a) | S_BIT(b) | S_BIT(c) | S_BIT(d) | S_BIT(e) | S_BIT(f) | S_BIT(g),     \
   S_BIT_HI(a) | S_BIT_HI(b) | S_BIT_HI(c) | S_BIT_HI(d) | S_BIT_HI(e) | S_BIT_HI(f) |       \
       S_BIT_HI(g)}

static inline bool S_in(S_byteset set, char c) {
  unsigned u = (unsigned char)c;
  return u < 64 ? (set.lo >> u) & 1 : u < 128 && (set.hi >> (u - 64)) & 1;
}

static bool S_ends_sentence(const char *s, size_t n) {
  static const S_byteset closers = S_SET7('"', '\'', ')', ']', '*', '_', ' ');
  static const S_byteset enders = S_SET7('.', '!', '?', ':', ';', ';', ';');
  while (n && S_in(closers, s[n - 1])) n--;
  if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
      ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99))
    n -= 3; /* closing curly quote */
  return n && S_in(enders, s[n - 1]);
}

/* A reprint notice names the original outlet after a cue ("originally published by X
 * and is reprinted with permission"): take the words up to the next clause break. */
static void S_reprint(ds_article *a, const char *s, size_t n) {
  static const char *stops[] = {" and ", ", ", ". ", "; ", " with ", " on "};
  const ds_map *cues = ds_lexicon("reprint_cues");
  for (size_t i = 0; i < cues->cap && !a->reprint_from; i++) {
    const ds_map_slot *c = &cues->slots[i];
    for (size_t p = 0; c->key && p + c->klen < n; p++) {
      /* first bytes equal but for case (bit 5), else no match: skips most calls */
      if ((c->klen && (s[p] | 32) != (c->key[0] | 32)) || strncasecmp(s + p, c->key, c->klen) != 0)
        continue;
      size_t from = p + c->klen, end = n;
      while (from < n && s[from] == ' ') from++;
      for (size_t j = 0; j < sizeof stops / sizeof *stops; j++) {
        const char *h = memmem(s + from, n - from, stops[j], strlen(stops[j]));
        if (h && (size_t)(h - s) < end) end = (size_t)(h - s);
      }
      while (end > from && strchr(".,;:*_ ", s[end - 1])) end--;
      if (end > from) a->reprint_from = ds_arena_strndup(&a->arena, s + from, end - from);
      break;
    }
  }
}

/* The boilerplate word lists, fetched once per article. */
typedef struct {
  const ds_map *lines, *prefixes;
} S_boiler_lists;

static bool S_boiler_line(ds_article *a, const S_boiler_lists *bl, const char *s, size_t n,
                          bool *marker) {
  char key[DS_MAX_BOILERPLATE_LINE + 1];
  *marker = false;
  if (n > DS_MAX_BOILERPLATE_LINE) return false;
  size_t k = S_key(s, n, key, sizeof key);
  if (!k) return true; /* only markdown marks or punctuation */
  const ds_map_slot *v = ds_map_get(bl->lines, key, k); /* key is lower-cased already */
  if (v) {
    *marker = strcmp((const char *)(uintptr_t)v->value, "nav") == 0;
    return true;
  }
  if (S_has_prefix_entry(bl->prefixes, key, k)) {
    if (!a->reprint_from) S_reprint(a, s, n);
    return true;
  }
  return (!S_ends_sentence(s, n) && S_is_credit(key, k)) || S_only_link(key, k);
}

/* A short line with no closing punctuation that is not a quotation: a headline. */
static bool S_headline_like(const char *s, size_t n) {
  if (n > DS_CLEAN_SHORT_LINE || n == 0) return false;
  if ((unsigned char)s[0] == 0xE2 || s[0] == '"') return false;
  return !S_ends_sentence(s, n) || s[n - 1] == '?';
}

static void S_mark_boilerplate(ds_article *a, S_lines *L) {
  const char *r = a->raw;
  S_boiler_lists bl = {ds_lexicon("boilerplate_lines"), ds_lexicon("boilerplate_prefixes")};
  for (size_t i = 0; i < L->len; i++) {
    S_line *l = &L->items[i];
    if (l->kind != L_TEXT) continue;
    size_t n = l->end - l->start;
    if (S_boiler_line(a, &bl, r + l->start, n, &l->marker)) l->kind = L_BOILER;
    /* the same short line twice in a row is UI debris (a credit, "Previous Previous") */
    if (i > 0 && L->items[i - 1].kind != L_BLANK && n < DS_CLEAN_SHORT_LINE &&
        !S_ends_sentence(r + l->start, n)) {
      S_line *p = &L->items[i - 1];
      if (p->end - p->start == n && memcmp(r + p->start, r + l->start, n) == 0)
        p->kind = l->kind = L_BOILER;
    }
  }
  /* headlines around a navigation marker ("Related Posts", "Next") are links */
  for (size_t i = 0; i < L->len; i++) {
    if (!L->items[i].marker) continue;
    int taken = 0;
    for (size_t j = i + 1; j < L->len && taken < DS_CLEAN_MAX_RELATED; j++) {
      S_line *l = &L->items[j];
      if (l->marker) break; /* the next marker takes over: a run of markers stays linear */
      if (l->kind == L_BLANK || l->kind == L_BOILER) continue;
      if (!S_headline_like(r + l->start, l->end - l->start)) break;
      l->kind = L_BOILER;
      taken++;
    }
    if (i > 0 && L->items[i - 1].kind == L_TEXT &&
        S_headline_like(r + L->items[i - 1].start, L->items[i - 1].end - L->items[i - 1].start) &&
        (i < 2 || L->items[i - 2].kind == L_BLANK))
      L->items[i - 1].kind = L_BOILER;
  }
}

static bool S_is_name_line(const char *s, size_t n) {
  /* "Peter Symonds", "By Anna Berg": 2-5 capitalised words, nothing else */
  if (n > 60) return false;
  if (n > 3 && strncasecmp(s, "by ", 3) == 0) s += 3, n -= 3;
  int words = 0;
  size_t i = 0;
  while (i < n) {
    while (i < n && s[i] == ' ') i++;
    if (i >= n) break;
    if (!isupper((unsigned char)s[i]) && (unsigned char)s[i] < 0x80) return false;
    while (i < n && s[i] != ' ') {
      if (strchr(".,;:!?()\"", s[i]) && !(s[i] == '.' && i > 0 && isupper((unsigned char)s[i - 1])))
        return false;
      i++;
    }
    words++;
  }
  return words >= 2 && words <= 5;
}

/* Lower-case words of three letters or more, not abbreviations: "the council met" has
 * three; the labels around a dateline ("on", "at 5 p.m.", "Updated", "by admin") have
 * at most one. */
static int S_prose_words(const char *s, size_t n) {
  int words = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && s[j] != ' ' && s[j] != ',') j++;
    size_t letters = 0;
    bool dotted = false;
    for (size_t k = i; k < j; k++) letters += islower((unsigned char)s[k]) != 0, dotted |= s[k] == '.';
    words += islower((unsigned char)s[i]) && letters >= 3 && !dotted;
    i = j + 1;
  }
  return words;
}

static void S_set_published(ds_article *a, ds_date d) {
  char buf[11];
  ds_date_format(d, buf);
  a->published = ds_arena_strdup(&a->arena, buf);
  a->published_basis = DS_BASIS_TEXT;
}

/* "By Jane Roe | March 16, 2025", "27 October 2024", "Published: Oct. 3, 2024": a short
 * line that is a date, or a byline around one. Takes the date and author when unknown. */
static bool S_byline(ds_article *a, const char *s, size_t n, bool next_is_date) {
  if (n > DS_CLEAN_SHORT_LINE) return false;
  ds_date d;
  size_t ds, de;
  if (ds_date_find(s, n, &d, &ds, &de)) {
    size_t other = n - (de - ds); /* what is left must be label or author, not a sentence */
    if (other > 60 || (S_ends_sentence(s, n) && s[n - 1] != '.')) return false;
    if (S_prose_words(s, ds) + S_prose_words(s + de, n - de) >= 2) return false; /* a sentence */
    if (ds > 0 && !a->author) {
      size_t k = ds;
      while (k && strchr(" |,-\xe2\x80\x94\xc2\xb7", s[k - 1])) k--; /* separators */
      if (S_is_name_line(s, k)) {
        const char *p = s;
        if (k > 3 && strncasecmp(p, "by ", 3) == 0) p += 3, k -= 3;
        a->author = ds_arena_strndup(&a->arena, p, k);
      }
    }
    if (!a->published) S_set_published(a, d);
    return true;
  }
  bool by = n > 3 && strncasecmp(s, "by ", 3) == 0;
  if ((by || next_is_date) && S_is_name_line(s, n) && !S_ends_sentence(s, n)) {
    if (!a->author) {
      if (n > 3 && strncasecmp(s, "by ", 3) == 0) s += 3, n -= 3;
      a->author = ds_arena_strndup(&a->arena, s, n);
    }
    return true;
  }
  return false;
}

/* A line that opens a byline block rather than a headline: "By Ada Venn ...", a date. */
static bool S_meta_first(const char *s, size_t n) {
  ds_date d;
  if (n > 3 && strncasecmp(s, "by ", 3) == 0 && isupper((unsigned char)s[3])) return true;
  return ds_date_parse(s, n, &d);
}

/* Takes line l as the title when it looks like one: short, a heading or a question,
 * or without closing punctuation. */
static bool S_take_title(ds_article *a, S_line *l) {
  size_t n = l->end - l->start;
  const char *s = a->raw + l->start;
  bool heading = s[0] == '#';
  bool question = n <= DS_CLEAN_SHORT_LINE && (s[n - 1] == '?' || s[n - 1] == '!');
  if (l->kind != L_TEXT || n > DS_MAX_TITLE_BYTES || !(heading || question || !S_ends_sentence(s, n)))
    return false;
  while (n && (*s == '#' || *s == ' ')) s++, n--;
  a->title = ds_arena_strndup(&a->arena, s, n);
  l->kind = L_TITLE;
  return true;
}

/* A one-line article is its own title and its own body: taking the only line as the
 * title must not leave the body empty. */
static void S_keep_some_text(S_lines *L) {
  size_t title = L->len;
  for (size_t i = 0; i < L->len; i++) {
    if (L->items[i].kind == L_TEXT) return;
    if (L->items[i].kind == L_TITLE && title == L->len) title = i;
  }
  if (title < L->len) L->items[title].kind = L_TEXT;
}

/* Title (when the metadata gave none) and byline lines at the top become metadata. */
static void S_mark_head(ds_article *a, S_lines *L) {
  const char *r = a->raw;
  size_t i = 0;
  while (i < L->len && L->items[i].kind != L_TEXT) i++;
  if (i == L->len) return;
  S_line *first = &L->items[i];
  size_t n = first->end - first->start;
  const char *s = r + first->start;
  bool meta_first = S_meta_first(s, n); /* the title, if any, comes after the byline */
  if (!a->title && !meta_first && S_take_title(a, first)) {
    i++;
  } else if (a->title && n <= DS_MAX_TITLE_BYTES) {
    char k1[DS_MAX_TITLE_BYTES + 1], k2[DS_MAX_TITLE_BYTES + 1];
    size_t l1 = S_key(s, n, k1, sizeof k1), l2 = S_key(a->title, strlen(a->title), k2, sizeof k2);
    if (l1 == l2 && memcmp(k1, k2, l1) == 0) first->kind = L_TITLE, i++; /* title repeated */
  }
  for (int seen = 0; i < L->len && seen < DS_CLEAN_BYLINE_LINES; i++) {
    S_line *l = &L->items[i];
    if (l->kind == L_BLANK || l->kind == L_BOILER) continue;
    seen++;
    size_t j = i + 1;
    while (j < L->len && L->items[j].kind == L_BLANK) j++;
    ds_date d;
    bool next_date = j < L->len && ds_date_parse(r + L->items[j].start,
                                                 L->items[j].end - L->items[j].start, &d);
    if (!S_byline(a, r + l->start, l->end - l->start, next_date)) break;
    l->kind = L_META;
  }
  while (i < L->len && L->items[i].kind == L_BLANK) i++;
  if (meta_first && !a->title && i < L->len) S_take_title(a, &L->items[i]);
  S_keep_some_text(L);
}

/* ---- emitting the body ---- */

typedef struct {
  ds_article *a;
  ds_buf body;
  uint32_t last_raw; /* raw offset just past the last copied byte */
} S_out;

static void S_copy(S_out *o, uint32_t raw, const char *s, size_t n) {
  if (!n) return;
  if (raw != o->last_raw || o->body.len == 0) {
    *DS_PUSH_RAW(&o->a->arena, &o->a->offmap) = (uint32_t)o->body.len;
    *DS_PUSH_RAW(&o->a->arena, &o->a->offmap) = raw;
  }
  ds_buf_put(&o->body, s, n);
  o->last_raw = raw + (uint32_t)n;
}

/* Length of a markdown link "[text](url)" at s, storing the text span; 0 if none. */
static size_t S_md_link(const char *s, size_t n, size_t *tlen) {
  size_t lim = n < DS_CLEAN_MAX_LINK ? n : DS_CLEAN_MAX_LINK;
  const char *close = memchr(s + 1, ']', lim > 1 ? lim - 1 : 0);
  if (!close || (size_t)(close - s) + 1 >= lim || close[1] != '(') return 0;
  const char *end = memchr(close + 2, ')', lim - (size_t)(close + 2 - s));
  if (!end || memchr(close + 2, ' ', (size_t)(end - close - 2))) return 0;
  *tlen = (size_t)(close - s - 1);
  return (size_t)(end - s) + 1;
}

/* Copies one line, dropping markdown: heading marks, emphasis asterisks, backslash
 * escapes and link targets. Plain text passes through untouched. */
static void S_emit_line(S_out *o, const char *r, uint32_t start, uint32_t end) {
  uint32_t p = start, run = start;
  while (p < end && (r[p] == '#' || r[p] == '>')) p++;
  if (p > start && p < end && r[p] == ' ') run = ++p;
  else p = run = start;
  for (; (p = (uint32_t)ds_scan_any3(r, p, end, '\\', '*', '[')) < end; p++) {
    char c = r[p];
    size_t skip = 0, tlen;
    if (c == '\\' && p + 1 < end && ispunct((unsigned char)r[p + 1])) {
      S_copy(o, run, r + run, p - run);
      run = ++p; /* the escaped mark is literal text: never emphasis or a link */
      continue;
    }
    else if (c == '*' && (p + 1 == end || r[p + 1] != ' ' || (p > start && r[p - 1] != ' '))) skip = 1;
    else if (c == '[' && (skip = S_md_link(r + p, end - p, &tlen)) > 0) {
      S_copy(o, run, r + run, p - run);
      S_emit_line(o, r, p + 1, p + 1 + (uint32_t)tlen);
      p += (uint32_t)skip - 1;
      run = p + 1;
      continue;
    }
    if (!skip) continue;
    S_copy(o, run, r + run, p - run);
    run = p + (uint32_t)skip;
  }
  S_copy(o, run, r + run, end - run);
}

static bool S_starts_lower(const char *s, size_t n) {
  size_t len;
  int32_t cp = ds_utf8_decode(s, n, &len);
  return ds_cp_is_alpha(cp) && !ds_cp_is_upper(cp);
}

static void S_emit(ds_article *a, S_lines *L) {
  S_out o = {.a = a, .body = DS_BUF_INIT, .last_raw = 0};
  ds_buf_reserve(&o.body, a->raw_len + 1); /* the body is rarely longer than the raw text */
  const char *r = a->raw;
  bool in_para = false, pending_break = false;
  for (size_t i = 0; i < L->len; i++) {
    S_line *l = &L->items[i];
    if (l->kind == L_BOILER) {
      *DS_PUSH(&a->arena, &a->boilerplate) = ds_arena_strndup(&a->arena, r + l->start, l->end - l->start);
      pending_break |= in_para;
      continue;
    }
    if (l->kind != L_TEXT) {
      pending_break |= in_para;
      continue;
    }
    if (pending_break) {
      /* a page break mid-sentence: the paragraph did not end and the next starts lower-case */
      bool join = !S_ends_sentence(o.body.ptr, o.body.len) && S_starts_lower(r + l->start, l->end - l->start);
      ds_buf_puts(&o.body, join ? " " : "\n\n");
    } else if (in_para) {
      ds_buf_putc(&o.body, '\n');
    }
    S_emit_line(&o, r, l->start, l->end);
    in_para = true;
    pending_break = false;
  }
  a->body = ds_arena_strndup(&a->arena, o.body.ptr, o.body.len);
  a->body_len = (uint32_t)o.body.len;
  ds_buf_free(&o.body);
}

void ds_clean(ds_article *a) {
  S_lines lines = {0};
  S_split(a, &lines);
  S_mark_boilerplate(a, &lines);
  S_mark_head(a, &lines);
  S_emit(a, &lines);
}
