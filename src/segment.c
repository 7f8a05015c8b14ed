/* segment: body -> tokens and sentences, in one pass over the bytes. Handles
 * abbreviations (data/abbreviations.txt), initials (George H.W. Bush), decimals and
 * thousands separators (1.4, 3,000), and quotation marks with open/close flags. */
#include <string.h>

#include "corpus.h"
#include "util/lexicon.h"
#include "util/scan.h"
#include "util/utf8.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Longest abbreviation we look up, in bytes ("lt.-gen." is 8). */
#define DS_SEG_MAX_ABBREV 12

/* Where tokens go while tokenizing (a->tokens at the end). Apart from S_seg so that the
 * tokenizer's loop keeps a copy in registers, handing it back around the helpers. */
typedef struct {
  ds_token *tok;
  size_t ntok, cap;
  uint32_t words;   /* word and number tokens pushed */
  uint16_t pending; /* flags for the next token (space before, paragraph start) */
} S_out;

typedef struct {
  ds_article *a;
  const char *s;
  uint32_t n;
  S_out o;
  const ds_map *abbrev, *starters; /* word lists, fetched once per article */
} S_seg;

static bool S_is_digit(char c) { return c >= '0' && c <= '9'; }

/* What the token rate up to byte `at` predicts for the whole text. */
static size_t S_projected(const S_seg *g, uint32_t at) {
  return g->o.ntok + (size_t)(g->n - at) * g->o.ntok / (at ? at : 1) + 16;
}

static void S_move_tokens(S_seg *g, size_t cap) {
  ds_token *fresh = ds_arena_alloc_raw(&g->a->arena, cap * sizeof *fresh);
  memcpy(fresh, g->o.tok, g->o.ntok * sizeof *fresh);
  g->o.tok = fresh, g->o.cap = cap;
}

/* Past the reserve (text denser in tokens than the sample promised): one move to what
 * the rate so far predicts for the rest, at least doubling. */
static __attribute__((noinline)) void S_grow(S_seg *g, uint32_t at) {
  size_t want = S_projected(g, at);
  S_move_tokens(g, want < 2 * g->o.cap ? 2 * g->o.cap : want);
}

/* Pushes a token to o, g's or the tokenizer's copy of it. */
static inline void S_put(S_seg *g, S_out *o, uint32_t start, uint32_t end, ds_tok_kind kind,
                         uint16_t flags) {
  if (o->ntok == o->cap) {
    g->o = *o;
    S_grow(g, start);
    *o = g->o;
  }
  o->tok[o->ntok++] = (ds_token){start, end, (uint16_t)kind, (uint16_t)(flags | o->pending)};
  o->pending = 0;
}

static inline void S_push(S_seg *g, uint32_t start, uint32_t end, ds_tok_kind kind,
                          uint16_t flags) {
  S_put(g, &g->o, start, end, kind, flags);
}

/* Digits with inner separators: 3,000  1.4  90,000  2024-10-24 is three tokens. */
static uint32_t S_number(S_seg *g, uint32_t p) {
  while (p < g->n) {
    if (S_is_digit(g->s[p])) p++;
    else if ((g->s[p] == ',' || g->s[p] == '.') && p + 1 < g->n && S_is_digit(g->s[p + 1])) p++;
    else break;
  }
  return p;
}

static bool S_word_cp(int32_t cp) {
  return ds_cp_is_alpha(cp) || (cp >= '0' && cp <= '9') || (cp >= 0x300 && cp <= 0x36F);
}

/* A word: letters and digits, with an inner apostrophe, hyphen or period joining more.
 * Runs of ASCII letters and digits are skipped sixteen bytes at a time. Out of line:
 * S_word below handles the common plain ASCII word itself. */
static __attribute__((noinline)) uint32_t S_word_joined(S_seg *g, uint32_t p) {
  const unsigned char *s = (const unsigned char *)g->s;
  const uint32_t n = g->n;
  for (;;) {
    size_t len;
    for (;;) {
      p = (uint32_t)ds_scan_not_alnum(g->s, p, n);
      if (p >= n || s[p] < 0x80) break;
      int32_t cp = ds_utf8_decode(g->s + p, n - p, &len);
      if (!S_word_cp(cp)) break;
      p += (uint32_t)len;
    }
    if (p >= n) return p;
    size_t jl = 1;
    unsigned char c = s[p];
    if (c != '\'' && c != '-') { /* else only a right single quote joins: U+2019 */
      if (c != 0xE2 || p + 2 >= n || s[p + 1] != 0x80 || s[p + 2] != 0x99) return p;
      jl = 3;
    }
    if (p + jl >= n) return p;
    int32_t next = ds_utf8_decode(g->s + p + jl, n - p - jl, &len);
    if (!S_word_cp(next)) return p;
    p += (uint32_t)jl;
  }
}

/* s and n passed in: g's fields could alias the token stores, so would be reloaded */
static inline uint32_t S_word(S_seg *g, const char *s, uint32_t n, uint32_t p) {
  p = (uint32_t)ds_scan_not_alnum(s, p, n);
  if (p >= n) return p;
  unsigned char c = (unsigned char)s[p];
  if (c < 0x80 && c != '\'' && c != '-') return p; /* a space or punctuation: the word ends */
  return S_word_joined(g, p);
}

/* U.S., H.W., a.m.: single letters each followed by a period. Rare: kept out of line
 * so the common word path stays small. */
static __attribute__((noinline)) uint32_t S_dotted(S_seg *g, uint32_t start) {
  uint32_t p = start;
  int letters = 0;
  while (p + 1 < g->n && ds_cp_is_alpha((unsigned char)g->s[p]) && (unsigned char)g->s[p] < 0x80 &&
         g->s[p + 1] == '.') {
    p += 2;
    letters++;
    if (p < g->n && (unsigned char)g->s[p] < 0x80 && ds_cp_is_alpha((unsigned char)g->s[p]) &&
        !(p + 1 < g->n && g->s[p + 1] == '.'))
      return start; /* "e.g" followed by more letters: not a dotted abbreviation */
  }
  return letters >= 2 ? p : start;
}

static __attribute__((noinline)) uint16_t S_case_flags(const char *s, uint32_t start,
                                                       uint32_t end) {
  size_t len;
  int32_t cp = ds_utf8_decode(s + start, end - start, &len);
  if (!ds_cp_is_upper(cp)) return 0;
  uint16_t f = DS_TF_CAP;
  bool all = true;
  int letters = 0;
  for (uint32_t p = start; p < end; p += (uint32_t)len) {
    cp = ds_utf8_decode(s + p, end - p, &len);
    if (ds_cp_is_alpha(cp)) letters++, all &= ds_cp_is_upper(cp);
  }
  if (all && letters >= 2) f |= DS_TF_UPPER;
  return f;
}

/* DS_TF_UPPER for a word starting with an ASCII capital when every letter in it is a
 * capital and there are two or more; stops at the first small letter. */
static __attribute__((noinline)) uint16_t S_upper_flag_slow(const char *s, uint32_t start,
                                                            uint32_t end) {
  uint32_t letters = 0;
  for (uint32_t p = start; p < end;) {
    unsigned c = (unsigned char)s[p];
    if (c < 0x80) {
      if (c - 'a' < 26u) return 0;
      letters += c - 'A' < 26u;
      p++;
      continue;
    }
    size_t len;
    int32_t cp = ds_utf8_decode(s + p, end - p, &len);
    if (ds_cp_is_alpha(cp)) {
      if (!ds_cp_is_upper(cp)) return 0;
      letters++;
    }
    p += (uint32_t)len;
  }
  return letters >= 2 ? DS_TF_UPPER : 0;
}

/* S_upper_flag_slow for a word of up to sixteen ASCII bytes, with one load when the text
 * has sixteen bytes from start (n is the text's length): no small letter, two capitals. */
static inline uint16_t S_upper_flag(const char *s, uint32_t start, uint32_t end, uint32_t n) {
#ifdef __SSE2__
  if (end - start <= 16 && n - start >= 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + start));
    /* signed compares: bytes from 0x80 up are negative, in neither range */
    __m128i lo = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('a' - 1)),
                               _mm_cmplt_epi8(v, _mm_set1_epi8('z' + 1)));
    __m128i up = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)),
                               _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
    unsigned in = (1u << (end - start)) - 1;
    if (!(_mm_movemask_epi8(v) & in)) { /* all ASCII */
      if (_mm_movemask_epi8(lo) & in) return 0;
      unsigned caps = (unsigned)_mm_movemask_epi8(up) & in;
      return caps & (caps - 1) ? DS_TF_UPPER : 0; /* two capitals or more */
    }
  }
#else
  (void)n;
#endif
  return S_upper_flag_slow(s, start, end);
}

/* Pushes the word [start, end) with its case flags, taking a following period when the
 * word is an abbreviation or an initial. */
static uint32_t S_push_word(S_seg *g, uint32_t start, uint32_t end, uint16_t flags) {
  if (end < g->n && g->s[end] == '.') {
    uint32_t len = end + 1 - start;
    bool initial = len == 2 && ds_cp_is_upper((unsigned char)g->s[start]);
    if (initial || (len <= DS_SEG_MAX_ABBREV && ds_lexicon_lookup(g->abbrev, g->s + start, len)))
      end++, flags |= DS_TF_ABBREV;
  }
  S_push(g, start, end, DS_TOK_WORD, flags);
  g->o.words++;
  return end;
}

/* Emits a word token, taking a following period when the word is an abbreviation. The
 * tokenizer emits plain ASCII words itself; this takes the rest (a period after, U+0080 up). */
static uint32_t S_emit_word(S_seg *g, uint32_t start) {
  bool dot = start + 1 < g->n && g->s[start + 1] == '.'; /* false for nearly every word */
  uint32_t end = dot ? S_dotted(g, start) : start;
  if (end > start) {
    S_push(g, start, end, DS_TOK_WORD, DS_TF_ABBREV | S_case_flags(g->s, start, end));
    g->o.words++;
    return end;
  }
  end = S_word(g, g->s, g->n, start);
  unsigned char c0 = (unsigned char)g->s[start];
  uint16_t flags = 0;
  if (c0 >= 0x80) flags = S_case_flags(g->s, start, end);
  else if ((unsigned)c0 - 'A' < 26u) flags = DS_TF_CAP | S_upper_flag(g->s, start, end, g->n);
  return S_push_word(g, start, end, flags);
}

/* An ASCII word whose end [p, e) is known, on the general path: a word joined on past
 * e, or one followed by a period, goes to the helpers above. */
static uint32_t S_ascii_word_from(S_seg *g, uint32_t p, uint32_t e) {
  const unsigned char *s = (const unsigned char *)g->s;
  unsigned c = s[p];
  if (e < g->n && (s[e] >= 0x80 || s[e] == '\'' || s[e] == '-')) e = S_word_joined(g, e);
  if (e == p + 1 && e < g->n && s[e] == '.') return S_emit_word(g, p); /* an initial, U.S. */
  return S_push_word(g, p, e, c - 'A' < 26u ? DS_TF_CAP | S_upper_flag(g->s, p, e, g->n) : 0);
}

#ifdef __SSE2__
/* Bit i set when byte i of v is outside [lo, lo + k): x - lo < k unsigned, as a signed
 * compare once the add has moved lo to -128 (bytes from 0x80 up land outside too). */
static inline unsigned S_outside(__m128i v, unsigned char lo, unsigned char k) {
  __m128i moved = _mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - lo)));
  return (unsigned)_mm_movemask_epi8(_mm_cmpgt_epi8(moved, _mm_set1_epi8((char)(k - 129))));
}
#endif

/* Bytes below 64 after which an ASCII word goes on or needs a look: ' - . and digits */
#define S_WORD_GOES_ON ((1ull << '\'') | (1ull << '-') | (1ull << '.') | (0x3FFull << '0'))

static inline bool S_goes_on(unsigned c) {
  return c >= 0x80 || (c < 64 && (S_WORD_GOES_ON >> c) & 1);
}

#ifdef __SSE2__
/* Bit i for byte i of the 32 at w: not a letter, a space. */
typedef struct {
  uint64_t not_letter, space;
} S_block;

static inline S_block S_block_at(const unsigned char *w) {
  S_block b = {0, 0};
  for (int half = 0; half < 32; half += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(w + half));
    __m128i sp = _mm_cmpeq_epi8(v, _mm_set1_epi8(' '));
    b.not_letter |= (uint64_t)S_outside(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 26) << half;
    b.space |= (uint64_t)(unsigned)_mm_movemask_epi8(sp) << half;
  }
  return b;
}

/* The plain ASCII words in the 32 bytes at p (a letter there; the text has them), at one
 * go: runs of letters between single or repeated spaces, up to the first byte that is
 * neither, each ending at a space or a punctuation mark after which no word goes on.
 * Returns where the last one ends, p when the first word is not plain; *cut tells that
 * a word follows that is not. */
static inline uint32_t S_plain_words(S_seg *g, S_out *o, uint32_t p, bool *cut) {
  const unsigned char *w = (const unsigned char *)g->s + p;
  S_block b = S_block_at(w);
  uint64_t other = b.not_letter & ~b.space;
  unsigned lim = (unsigned)__builtin_ctzll(other | 1ull << 32);
  uint64_t below = (1ull << lim) - 1, letters = ~b.not_letter & below;
  bool last_open = (letters >> (lim - 1) & 1) && lim == 32; /* the next block sees it */
  *cut = (letters >> (lim - 1) & 1) && lim < 32 && S_goes_on(w[lim]);
  if (*cut || last_open) {
    uint64_t gaps = b.not_letter & below; /* the last word may go on: left to the caller */
    letters &= gaps ? (1ull << (64 - __builtin_clzll(gaps))) - 1 : 0;
  }
  if (!letters) return p;
  if (o->cap - o->ntok < 16) { /* at most 16 words in 32 bytes */
    g->o = *o;
    S_grow(g, p);
    *o = g->o;
  }
  uint32_t end = p;
  do {
    unsigned a = (unsigned)__builtin_ctzll(letters);
    unsigned e = a + (unsigned)__builtin_ctzll(b.not_letter >> a);
    uint16_t flags = o->pending;
    if ((unsigned)w[a] - 'A' < 26u) /* all capitals: only when the second letter is one */
      flags |= DS_TF_CAP | (e - a >= 2 && (unsigned)w[a + 1] - 'A' < 26u
                                ? S_upper_flag_slow(g->s, p + a, p + e) : 0);
    o->tok[o->ntok++] = (ds_token){p + a, p + e, DS_TOK_WORD, flags};
    o->pending = DS_TF_SPACE_BEFORE;
    o->words++;
    end = p + e;
    letters &= ~0ull << e;
  } while (letters);
  o->pending = 0;
  return end;
}
#endif

static bool S_space_or_open(int32_t cp) {
  return ds_cp_is_space(cp) || cp == '(' || cp == '[' || cp == 0x2014 || cp == 0x2013 || cp == '-';
}

/* S_space_or_open for an ASCII byte, without the call: space, \t-\r, ( [ - */
static inline bool S_ascii_space_or_open(unsigned c) {
  return c == ' ' || c - 9 < 5u || c == '(' || c == '[' || c == '-';
}

/* A quotation mark, with open/close decided by the mark or by its neighbours. */
static void S_emit_quote(S_seg *g, uint32_t p, uint32_t len, int32_t cp) {
  uint16_t f;
  if (cp == 0x201C || cp == 0x2018 || cp == 0xAB || cp == 0x201E) f = DS_TF_OPEN;
  else if (cp == 0x201D || cp == 0xBB) f = DS_TF_CLOSE;
  else if (cp == 0x2019 && p > 0 && !S_space_or_open((unsigned char)g->s[p - 1])) f = DS_TF_CLOSE;
  else if (p == 0 || (unsigned char)g->s[p - 1] < 0x80) { /* the common case: no decoding */
    f = p == 0 || S_ascii_space_or_open((unsigned char)g->s[p - 1]) ? DS_TF_OPEN : DS_TF_CLOSE;
  } else {
    size_t l;
    int32_t before = ds_utf8_decode(g->s + p - ds_utf8_prev_len(g->s, p), 4, &l);
    f = (S_space_or_open(before) || before == 0x201C) ? DS_TF_OPEN : DS_TF_CLOSE;
  }
  S_push(g, p, p + len, DS_TOK_QUOTE, f);
}

/* ASCII symbols as bits, for the common case: $ % # & + = (below 64) and @ */
#define S_ASCII_SYMBOLS ((1ull << '$') | (1ull << '%') | (1ull << '#') | (1ull << '&') | \
                         (1ull << '+') | (1ull << '='))

static bool S_is_symbol(int32_t cp) {
  return cp == '$' || cp == '%' || cp == 0x20AC || cp == 0xA3 || cp == 0xA5 || cp == 0x20BD ||
         cp == 0x20B4 || cp == '#' || cp == '@' || cp == '&' || cp == '+' || cp == '=';
}

/* An ASCII byte other than space, letter or digit: a quote mark or punctuation. Returns
 * where the next token begins. */
static uint32_t S_ascii_other(S_seg *g, uint32_t p, unsigned char c) {
  if (c == '"' || c == '\'') {
    unsigned before = p ? (unsigned char)g->s[p - 1] : ' ';
    if (before >= 0x80) S_emit_quote(g, p, 1, c);
    else S_push(g, p, p + 1, DS_TOK_QUOTE, S_ascii_space_or_open(before) ? DS_TF_OPEN : DS_TF_CLOSE);
    return p + 1;
  }
  bool sym = c < 64 ? (S_ASCII_SYMBOLS >> c) & 1 : c == '@';
  S_push(g, p, p + 1, sym ? DS_TOK_SYMBOL : DS_TOK_PUNCT, 0);
  return p + 1;
}

/* A non-ASCII code point at p: the same cases as ASCII, decoded. Returns its end. */
static uint32_t S_other(S_seg *g, uint32_t p) {
  size_t len;
  int32_t cp = ds_utf8_decode(g->s + p, g->n - p, &len);
  if (ds_cp_is_space(cp)) {
    g->o.pending |= DS_TF_SPACE_BEFORE;
  } else if (S_word_cp(cp)) {
    return S_emit_word(g, p);
  } else if (cp == 0x201C || cp == 0x201D || cp == 0xAB || cp == 0xBB || cp == 0x201E ||
             cp == 0x2018 || cp == 0x2019) {
    S_emit_quote(g, p, (uint32_t)len, cp);
  } else {
    S_push(g, p, p + (uint32_t)len, S_is_symbol(cp) ? DS_TOK_SYMBOL : DS_TOK_PUNCT, 0);
  }
  return p + (uint32_t)len;
}

/* Tokens from byte p until one ends at or past stop (the plain words of a block may go
 * a little past); returns where the next begins. The common case, plain ASCII words and
 * the spaces between, is done here with o in registers; g->o is o around the helpers. */
static uint32_t S_tokenize_to(S_seg *g, uint32_t p, uint32_t stop) {
  const unsigned char *s = (const unsigned char *)g->s;
  const uint32_t n = g->n;
  S_out o = g->o;
  while (p < stop) {
    unsigned c = s[p];
    if ((c | 32) - 'a' < 26u) {
      uint32_t e = p;
      bool cut = false;
#ifdef __SSE2__
      if (n - p >= 32) e = S_plain_words(g, &o, p, &cut);
#endif
      bool general = e == p;
      if (!general) {
        p = e;
        if (s[p] == ' ') o.pending = DS_TF_SPACE_BEFORE, p++;
        general = cut && (s[p] | 32u) - 'a' < 26u; /* the word there is not plain */
      }
      if (general) {
        g->o = o;
        p = S_ascii_word_from(g, p, (uint32_t)ds_scan_not_alnum(g->s, p, n));
        o = g->o;
      }
    } else if (c == ' ') {
      o.pending |= DS_TF_SPACE_BEFORE;
      p++;
    } else if (c - '0' < 10u) {
      uint32_t e = S_number(g, p);
      S_put(g, &o, p, e, DS_TOK_NUMBER, 0);
      o.words++;
      p = e;
    } else if (c - 9 < 5u) { /* \t \n \v \f \r */
      if (c == '\n' && p + 1 < n && s[p + 1] == '\n') o.pending |= DS_TF_PARA_START;
      o.pending |= DS_TF_SPACE_BEFORE;
      p++;
    } else {
      g->o = o;
      p = c >= 0x80 ? S_other(g, p) : S_ascii_other(g, p, (unsigned char)c);
      o = g->o;
    }
  }
  g->o = o;
  return p;
}

/* The reserve comes from a guess for news prose; text far denser in tokens (markup,
 * tables) would outgrow it late and move every token. The first bytes are a sample:
 * when their rate predicts more, the move happens there, while it is cheap. */
#define DS_SEG_SAMPLE_BYTES 4096

static void S_tokenize(S_seg *g) {
  g->o.pending = DS_TF_PARA_START;
  uint32_t p = S_tokenize_to(g, 0, g->n < DS_SEG_SAMPLE_BYTES ? g->n : DS_SEG_SAMPLE_BYTES);
  if (p >= g->n) return;
  size_t want = S_projected(g, p);
  if (want > g->o.cap) S_move_tokens(g, want + want / 8); /* a margin for variation */
  S_tokenize_to(g, p, g->n);
}

/* ---- sentences ---- */

static bool S_tok_is(const S_seg *g, const ds_token *t, const char *lit) {
  size_t k = strlen(lit);
  return t->end - t->start == k && memcmp(g->s + t->start, lit, k) == 0;
}

static bool S_terminal(const S_seg *g, const ds_token *t) {
  if (t->kind != DS_TOK_PUNCT) return false;
  if (t->end - t->start == 1) {
    char c = g->s[t->start];
    return c == '.' || c == '!' || c == '?';
  }
  return S_tok_is(g, t, "\xE2\x80\xA6"); /* an ellipsis */
}

/* Whether the token after a sentence-final candidate can start a new sentence. */
static bool S_starter(const S_seg *g, const ds_token *t) {
  if (t->flags & DS_TF_PARA_START) return true;
  const ds_token *last = g->a->tokens.items + g->a->tokens.len - 1;
  while (t < last && (S_tok_is(g, t, "(") || S_tok_is(g, t, "["))) t++; /* "said. (It was late.)" */
  if (t->kind == DS_TOK_QUOTE) return (t->flags & DS_TF_OPEN) != 0;
  if (t->kind == DS_TOK_NUMBER) return true;
  return (t->flags & DS_TF_CAP) != 0;
}

/* Does an abbreviation token end its sentence, given the next token? */
static bool S_abbrev_ends(const S_seg *g, const ds_token *t, const ds_token *next) {
  uint32_t k = t->end - t->start;
  const char *cls = k <= DS_SEG_MAX_ABBREV ? ds_lexicon_lookup(g->abbrev, g->s + t->start, k) : NULL;
  if (next->flags & DS_TF_PARA_START) return true;
  if (!cls) return false; /* an initial: H.W. Bush, John F. Kennedy */
  if (strcmp(cls, "title") == 0) return false;
  if (strcmp(cls, "month") == 0) return next->kind != DS_TOK_NUMBER && (next->flags & DS_TF_CAP);
  if (!(next->flags & DS_TF_CAP)) return false;
  return ds_lexicon_lookup(g->starters, g->s + next->start, next->end - next->start) != NULL;
}

static void S_close_sentence(S_seg *g, uint32_t tok_start, uint32_t tok_end, uint32_t para) {
  if (tok_end <= tok_start) return;
  ds_article *a = g->a;
  ds_sentence *s = DS_PUSH_RAW(&a->arena, &a->sentences); /* every field set below */
  s->tok_start = tok_start;
  s->tok_end = tok_end;
  s->start = a->tokens.items[tok_start].start;
  s->end = a->tokens.items[tok_end - 1].end;
  s->para = para;
  a->tokens.items[tok_start].flags |= DS_TF_SENT_START;
}

/* Index just past a run of closing quotes and brackets after position i. */
static size_t S_after_closers(const S_seg *g, size_t i, size_t n) {
  const ds_token *t = g->a->tokens.items;
  while (i < n && !(t[i].flags & DS_TF_PARA_START) && /* never past a paragraph */
         ((t[i].kind == DS_TOK_QUOTE && (t[i].flags & DS_TF_CLOSE)) ||
                   (t[i].end - t[i].start == 1 && (g->s[t[i].start] == ')' || g->s[t[i].start] == ']'))))
    i++;
  return i;
}

/* Index of the first token from i below lim that can end or split a sentence: a
 * punctuation mark, an abbreviation or a paragraph start. Most tokens are none. */
static size_t S_next_break(const ds_token *t, size_t i, size_t lim) {
  while (i < lim && t[i].kind != DS_TOK_PUNCT && !(t[i].flags & (DS_TF_PARA_START | DS_TF_ABBREV)))
    i++;
  return i;
}

static void S_sentences(S_seg *g) {
  ds_token *t = g->a->tokens.items;
  size_t n = g->a->tokens.len, start = 0;
  uint32_t para = 0;
  for (size_t i = 0; i < n; i++) {
    /* tokens before the sentence's length limit that are none of the cases below */
    size_t cap = start + DS_MAX_SENTENCE_TOKENS - 1;
    if ((i = S_next_break(t, i, cap < n ? cap : n)) >= n) break;
    if (i > start && (t[i].flags & DS_TF_PARA_START)) {
      S_close_sentence(g, (uint32_t)start, (uint32_t)i, para);
      start = i;
    }
    if (t[i].flags & DS_TF_PARA_START && i > 0) para++;
    bool end = false;
    size_t after = i + 1;
    if (S_terminal(g, &t[i])) {
      after = S_after_closers(g, i + 1, n);
      end = after >= n || S_starter(g, &t[after]);
    } else if (t[i].flags & DS_TF_ABBREV && i + 1 < n) {
      end = S_abbrev_ends(g, &t[i], &t[i + 1]);
    }
    if (!end && i + 1 - start >= DS_MAX_SENTENCE_TOKENS) end = true, after = i + 1;
    if (end) {
      S_close_sentence(g, (uint32_t)start, (uint32_t)after, para);
      start = after;
      i = after - 1;
    }
  }
  S_close_sentence(g, (uint32_t)start, (uint32_t)n, para);
}

void ds_segment(ds_article *a) {
  S_seg g = {.a = a, .s = a->body, .n = a->body_len, .abbrev = ds_lexicon("abbreviations"),
             .starters = ds_lexicon("sentence_starters")};
  a->tokens.len = a->sentences.len = 0;
  /* news text averages one token per ~5.5 bytes: reserve once instead of regrowing */
  size_t guess = a->body_len / 5 + 16;
  if (a->tokens.cap < guess) {
    /* not zeroed: every token up to len is written before it is read */
    a->tokens.items = ds_arena_alloc_raw(&a->arena, guess * sizeof *a->tokens.items);
    a->tokens.cap = guess;
  }
  g.o.tok = a->tokens.items, g.o.cap = a->tokens.cap;
  S_tokenize(&g);
  a->tokens.items = g.o.tok, a->tokens.len = g.o.ntok, a->tokens.cap = g.o.cap;
  S_sentences(&g);
  a->words = g.o.words;
}
