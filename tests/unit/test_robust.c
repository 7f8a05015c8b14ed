/* Hostile input: pathological sizes and shapes (each must finish, in time linear in
 * its size; we assert the output is sane, not the time), bad bytes, bad files, full
 * disks, and article text that tries to break out of the JSON, Markdown, HTML and
 * terminal reports. Crashes found by the fuzzers (tests/fuzz/) are kept here as
 * regression tests. All text is invented for the tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <jansson.h>
#include <utf8proc.h>
#include <zlib.h>

#include "corpus.h"
#include "test_util.h"

#if defined(__SANITIZE_ADDRESS__)
#define S_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define S_ASAN 1
#endif
#endif

#define S_MB ((size_t)10 << 20)

/* ---- helpers ---- */

static dossier_corpus *S_new(void) {
  dossier_options o = {.threads = 1};
  dossier_corpus *c = dossier_corpus_new(&o);
  assert_non_null(c);
  return c;
}

static char *S_repeat(const char *unit, size_t total) {
  size_t k = strlen(unit);
  char *s = malloc(total + 1);
  assert_non_null(s);
  for (size_t i = 0; i < total; i++) s[i] = unit[i % k];
  s[total] = '\0';
  return s;
}

static bool S_valid_utf8(const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
    if (k <= 0 || cp == 0) return false;
    i += (size_t)k;
  }
  return true;
}

/* Every span of every stage lies inside the body; the body is NUL-free UTF-8. */
static void S_check_article(const ds_article *a) {
  assert_int_equal(strlen(a->body), a->body_len);
  assert_true(S_valid_utf8(a->body, a->body_len));
  for (size_t i = 0; i < a->sentences.len; i++) {
    const ds_sentence *s = &a->sentences.items[i];
    assert_true(s->tok_start < s->tok_end && s->tok_end <= a->tokens.len);
    assert_true(s->tok_end - s->tok_start <= DS_MAX_SENTENCE_TOKENS);
    assert_true(s->end <= a->body_len);
  }
  for (size_t i = 0; i < a->quotes.len; i++) {
    assert_true(a->quotes.items[i].start <= a->quotes.items[i].end);
    assert_true(a->quotes.items[i].end <= a->body_len);
  }
  for (size_t i = 0; i < a->figures.len; i++) assert_true(a->figures.items[i].end <= a->body_len);
  for (size_t i = 0; i < a->times.len; i++) assert_true(a->times.items[i].end <= a->body_len);
  for (size_t i = 0; i < a->mentions.len; i++) assert_true(a->mentions.items[i].end <= a->body_len);
}

/* The JSON report parses back; returns the tree (caller decrefs). */
static json_t *S_json_report(dossier_corpus *c) {
  dossier_corpus_analyze(c);
  ds_buf b = DS_BUF_INIT;
  ds_report_json(c, &b);
  json_error_t err;
  json_t *root = json_loadb(b.ptr, b.len, 0, &err);
  if (!root) fail_msg("JSON report does not parse: %s at byte %d", err.text, err.position);
  ds_buf_free(&b);
  return root;
}

/* One article from memory, analysed; the JSON report must parse. */
static dossier_corpus *S_one(const char *name, const char *bytes, size_t len) {
  dossier_corpus *c = S_new();
  assert_int_equal(dossier_corpus_add_memory(c, name, bytes, len), 1);
  json_decref(S_json_report(c));
  for (size_t i = 0; i < c->articles.len; i++) S_check_article(c->articles.items[i]);
  return c;
}

static char *S_tmpdir(void) {
  char tmpl[] = "/tmp/dossier-robust.XXXXXX";
  char *d = mkdtemp(tmpl);
  assert_non_null(d);
  return strdup(d);
}

static void S_rmtree(const char *dir) {
  char cmd[600];
  snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s' && rm -rf '%s'", dir, dir);
  assert_int_equal(system(cmd), 0);
}

static size_t S_dir_entries(const char *dir) {
  char cmd[600];
  snprintf(cmd, sizeof cmd, "ls -A '%s' | wc -l", dir);
  FILE *p = popen(cmd, "r");
  assert_non_null(p);
  size_t n = 0;
  assert_int_equal(fscanf(p, "%zu", &n), 1);
  pclose(p);
  return n;
}

/* Occurrences of needle in s (case-sensitive). */
static size_t S_count(const char *s, const char *needle) {
  size_t n = 0, k = strlen(needle);
  for (const char *p = s; (p = strstr(p, needle)) != NULL; p += k) n++;
  return n;
}

/* ---- pathological sizes ---- */

static void test_unmatched_quotes_10mb(void **state) {
  (void)state;
  /* every kind of mark, none ever closed by its partner within reach */
  char *s = S_repeat("\" He said \xE2\x80\x9C no \xC2\xAB wait \xE2\x80\x98 x ", S_MB);
  dossier_corpus *c = S_one("quotes.txt", s, S_MB);
  const ds_article *a = c->articles.items[0];
  assert_true(a->body_len > S_MB - 100);
  for (size_t i = 0; i < a->quotes.len; i++)
    assert_true(a->quotes.items[i].end - a->quotes.items[i].start <= DS_MAX_QUOTE_BYTES);
  dossier_corpus_free(c);
  free(s);
  /* and nothing but straight quote marks */
  s = S_repeat("\"", S_MB);
  c = S_one("marks.txt", s, S_MB);
  a = c->articles.items[0];
  assert_int_equal(a->tokens.len, S_MB);
  assert_int_equal(a->sentences.len, (S_MB + DS_MAX_SENTENCE_TOKENS - 1) / DS_MAX_SENTENCE_TOKENS);
  dossier_corpus_free(c);
  free(s);
}

static void test_digits_10mb(void **state) {
  (void)state;
  char *s = S_repeat("0123456789", S_MB);
  dossier_corpus *c = S_one("digits.txt", s, S_MB);
  const ds_article *a = c->articles.items[0];
  assert_int_equal(a->body_len, S_MB);
  assert_int_equal(a->tokens.len, 1);
  ds_token_buf tb = {0}; /* a compacted article's tokens are packed: decode them */
  ds_tokens_load((ds_article *)a, &tb);
  assert_int_equal(a->tokens.items[0].kind, DS_TOK_NUMBER);
  ds_tokens_unload((ds_article *)a);
  ds_token_buf_free(&tb);
  dossier_corpus_free(c);
  free(s);
  /* thousands separators and decimals all the way */
  s = S_repeat("1,000.5,", S_MB);
  c = S_one("separators.txt", s, S_MB);
  assert_true(c->articles.items[0]->tokens.len >= 1);
  dossier_corpus_free(c);
  free(s);
}

static void test_single_line_10mb(void **state) {
  (void)state;
  /* no newline and no sentence end: sentences are cut at DS_MAX_SENTENCE_TOKENS */
  char *s = S_repeat("Minister Ada Lark said officials met 3 envoys in Tarn on Monday ", S_MB);
  dossier_corpus *c = S_one("line.txt", s, S_MB);
  const ds_article *a = c->articles.items[0];
  assert_int_equal(a->body_len, S_MB - 1); /* the trailing space is trimmed */
  assert_true(a->tokens.len > S_MB / 8);
  assert_int_equal(a->sentences.len,
                   (a->tokens.len + DS_MAX_SENTENCE_TOKENS - 1) / DS_MAX_SENTENCE_TOKENS);
  dossier_corpus_free(c);
  free(s);
}

/* depth opening tags, a paragraph of text, depth closing tags (or none). */
static char *S_nested_html(const char *open, const char *close, size_t depth, size_t *len) {
  static const char text[] = "<p>Deep inside, the mayor said the bridge would reopen on Friday.</p>";
  size_t ko = strlen(open), kc = close ? strlen(close) : 0;
  char *s = malloc(depth * (ko + kc) + sizeof text + 64);
  assert_non_null(s);
  size_t n = 0;
  n += (size_t)sprintf(s, "<html><body>");
  for (size_t i = 0; i < depth; i++, n += ko) memcpy(s + n, open, ko);
  memcpy(s + n, text, sizeof text - 1), n += sizeof text - 1;
  for (size_t i = 0; close && i < depth; i++, n += kc) memcpy(s + n, close, kc);
  n += (size_t)sprintf(s + n, "</body></html>");
  *len = n;
  return s;
}

/* Nested 100,000 deep: either read (the text kept) or refused with a message, never
 * a stack overflow in a recursive walk. */
static void S_deep(const char *open, const char *close) {
  size_t len;
  char *s = S_nested_html(open, close, 100000, &len);
  dossier_corpus *c = S_new();
  size_t got = ds_read_html(c, "deep.html", s, len);
  if (got) {
    dossier_corpus_analyze(c);
    const ds_article *a = c->articles.items[0];
    S_check_article(a);
    assert_non_null(strstr(a->body, "the bridge would reopen on Friday"));
  } else {
    assert_true(dossier_corpus_error_count(c) >= 1);
    assert_string_equal(dossier_corpus_error(c, 0)->file, "deep.html");
  }
  dossier_corpus_free(c);
  c = S_new();
  dossier_corpus_add_memory(c, "deep.html", s, len); /* the same through the dispatcher */
  json_decref(S_json_report(c));
  dossier_corpus_free(c);
  free(s);
}

static void test_html_nested_100k(void **state) {
  (void)state;
  S_deep("<div>", "</div>");
  S_deep("<div><span>", NULL); /* never closed */
  S_deep("<b><i>", "</i></b>");
  S_deep("<table><tr><td>", "</td></tr></table>");
}

/* ASan roughly triples the memory of each small article; keep the test's RSS sane. */
#ifdef S_ASAN
#define S_MANY_ARTICLES 200000
#else
#define S_MANY_ARTICLES 1000000
#endif

static void test_million_articles(void **state) {
  (void)state;
  ds_buf in = DS_BUF_INIT;
  /* one thousand distinct words, so reprint and entity linking see big buckets too */
  for (size_t i = 0; i < S_MANY_ARTICLES; i++) ds_buf_printf(&in, "{\"text\":\"Word%zu.\"}\n", i % 1000);
  dossier_corpus *c = S_new();
  assert_int_equal(dossier_corpus_add_memory(c, "many.jsonl", in.ptr, in.len), S_MANY_ARTICLES);
  ds_buf_free(&in);
  assert_int_equal(dossier_corpus_error_count(c), 0);
  dossier_corpus_analyze(c);
  for (size_t i = 0; i < S_MANY_ARTICLES; i += 997) {
    const ds_article *a = c->articles.items[i];
    char want[32];
    snprintf(want, sizeof want, "Word%zu.", i % 1000);
    assert_string_equal(a->body, want);
    assert_int_equal(a->words, 1);
  }
  FILE *devnull = fopen("/dev/null", "wb");
  assert_non_null(devnull);
  assert_true(dossier_corpus_write(c, DOSSIER_FORMAT_JSON, devnull, NULL));
  fclose(devnull);
  dossier_corpus_free(c);
}

/* Ten thousand bad lines must not pile up unbounded error records (each is ~800
 * bytes); the good lines among them are all read. */
static void test_many_bad_jsonl_lines(void **state) {
  (void)state;
  ds_buf in = DS_BUF_INIT;
  for (int i = 0; i < 100000; i++) ds_buf_puts(&in, i % 1000 ? "[1]\n" : "{\"text\":\"Fine.\"}\n");
  dossier_corpus *c = S_new();
  assert_int_equal(dossier_corpus_add_memory(c, "bad.jsonl", in.ptr, in.len), 100);
  ds_buf_free(&in);
  size_t n = dossier_corpus_error_count(c);
  assert_int_equal(n, DS_MAX_ERRORS_PER_INPUT + 1); /* the first ones, then a count */
  assert_non_null(strstr(dossier_corpus_error(c, n - 1)->message, "98900 more errors"));
  assert_int_equal(dossier_corpus_error(c, 0)->line, 2);
  assert_int_equal(dossier_corpus_error(c, 0)->code, DOSSIER_ERR_NOT_OBJECT);
  assert_int_equal(dossier_corpus_skipped(c), 99900);
  dossier_corpus_free(c);
}

/* ---- bad bytes and bad files ---- */

static void test_jsonl_line_not_object(void **state) {
  (void)state;
  static const char in[] = "[\"an\",\"array\"]\n"
                           "{\"id\":\"ok\",\"text\":\"The pier reopened on Sunday.\"}\n"
                           "42\n"
                           "\"a string\"\n"
                           "null\n"
                           "{\"title\":\"no text\"}\n"
                           "{\"text\":[\"not\",\"a string\"]}\n"
                           "{\"text\": \"cut off";
  dossier_corpus *c = S_new();
  assert_int_equal(dossier_corpus_add_memory(c, "mixed.jsonl", in, sizeof in - 1), 1);
  assert_string_equal(c->articles.items[0]->id, "ok");
  static const struct {
    size_t line;
    dossier_code code;
  } want[] = {{1, DOSSIER_ERR_NOT_OBJECT}, {3, DOSSIER_ERR_NOT_OBJECT}, {4, DOSSIER_ERR_NOT_OBJECT},
              {5, DOSSIER_ERR_NOT_OBJECT}, {6, DOSSIER_ERR_FIELD},      {7, DOSSIER_ERR_FIELD},
              {8, DOSSIER_ERR_JSON}};
  assert_int_equal(dossier_corpus_error_count(c), sizeof want / sizeof *want);
  for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
    const dossier_error *e = dossier_corpus_error(c, i);
    assert_int_equal(e->line, want[i].line);
    assert_int_equal(e->code, want[i].code);
    assert_string_equal(e->file, "mixed.jsonl");
    char msg[1024], prefix[32];
    dossier_error_format(e, msg, sizeof msg);
    snprintf(prefix, sizeof prefix, "mixed.jsonl:%zu: ", want[i].line);
    assert_memory_equal(msg, prefix, strlen(prefix));
  }
  assert_int_equal(dossier_corpus_skipped(c), 7);
  dossier_corpus_free(c);
}

static void test_nul_bytes(void **state) {
  (void)state;
  static const char in[] = "---\ntitle: Nul\0ls\n---\nThe dam\0 held, the engineer said.\n\0\0\nIt rained.\n";
  dossier_corpus *c = S_one("nul.txt", in, sizeof in - 1);
  const ds_article *a = c->articles.items[0];
  assert_string_equal(a->title, "Nulls");
  assert_string_equal(a->body, "The dam held, the engineer said.\n\nIt rained.");
  dossier_corpus_free(c);
  /* an escaped NUL in JSONL, and raw NULs in HTML */
  static const char jl[] = "{\"title\":\"T\",\"text\":\"Water\\u0000 rose.\"}\n";
  c = S_one("nul.jsonl", jl, sizeof jl - 1);
  assert_string_equal(c->articles.items[0]->body, "Water rose.");
  dossier_corpus_free(c);
  static const char html[] = "<html><body><p>The ferry\0 sailed at dawn, its captain said.</p></body></html>";
  c = S_new();
  if (dossier_corpus_add_memory(c, "nul.html", html, sizeof html - 1)) {
    json_decref(S_json_report(c));
    S_check_article(c->articles.items[0]);
    assert_null(memchr(c->articles.items[0]->body, '\0', c->articles.items[0]->body_len));
  }
  dossier_corpus_free(c);
}

static void test_invalid_utf8(void **state) {
  (void)state;
  /* a stray byte, an overlong NUL, a surrogate, a code point past U+10FFFF, a cut
   * sequence at the very end */
  static const char in[] = "Title\n\nA\xFF" "b \xC0\x80 c \xED\xA0\x80 d \xF4\x90\x80\x80 e \xE2\x82";
  dossier_corpus *c = S_one("bad.txt", in, sizeof in - 1);
  const ds_article *a = c->articles.items[0];
  assert_true(S_valid_utf8(a->body, a->body_len));
  assert_memory_equal(a->body, "A\xEF\xBF\xBD" "b ", 6);
  assert_true(S_count(a->body, "\xEF\xBF\xBD") >= 5);
  dossier_corpus_free(c);
  /* the same bytes in a JSONL line (jansson alone would refuse it) and in HTML */
  static const char jl[] = "{\"text\":\"Bad \xFF byte.\"}\n";
  c = S_one("bad.jsonl", jl, sizeof jl - 1);
  assert_string_equal(c->articles.items[0]->body, "Bad \xEF\xBF\xBD byte.");
  dossier_corpus_free(c);
  static const char html[] = "<html><body><p>Bad \xFF\xFE bytes in a page, the editor said.</p></body></html>";
  c = S_one("bad.html", html, sizeof html - 1);
  assert_true(S_valid_utf8(c->articles.items[0]->body, c->articles.items[0]->body_len));
  dossier_corpus_free(c);
}

static size_t S_gzip(const char *text, unsigned char *out, size_t cap) {
  z_stream z = {0};
  assert_int_equal(deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
  z.next_in = (Bytef *)text;
  z.avail_in = (uInt)strlen(text);
  z.next_out = out;
  z.avail_out = (uInt)cap;
  assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
  size_t n = z.total_out;
  deflateEnd(&z);
  return n;
}

/* Broken gzip and empty files each name the file; the good file beside them is read. */
static void test_broken_gzip_and_empty_files(void **state) {
  (void)state;
  char *dir = S_tmpdir();
  static const char good[] = "The harbour reopened on Tuesday, the port said.\n";
  tu_write_file(dir, "a-good.txt", good, sizeof good - 1);
  unsigned char gz[4096];
  size_t n = S_gzip("A long enough text for the deflate stream to be cut in the middle of it.\n", gz, sizeof gz);
  tu_write_file(dir, "b-truncated.txt.gz", gz, n / 2);
  gz[n / 2] ^= 0xFF; /* corrupt, not cut */
  tu_write_file(dir, "c-corrupt.txt.gz", gz, n);
  tu_write_file(dir, "d-header-only.txt.gz", "\x1f\x8b", 2);
  tu_write_file(dir, "e-empty.txt", "", 0);
  tu_write_file(dir, "f-blank.md", " \n\t\r\n", 5);
  tu_write_file(dir, "g-empty.jsonl", "\n\n", 2);
  tu_write_file(dir, "h-empty.html", "", 0);
  n = S_gzip("", gz, sizeof gz);
  tu_write_file(dir, "i-empty.txt.gz", gz, n);
  dossier_corpus *c = S_new();
  assert_int_equal(dossier_corpus_add_path(c, dir), 1);
  assert_int_equal(dossier_corpus_skipped(c), 8);
  static const struct {
    const char *file;
    dossier_code code;
  } want[] = {{"b-truncated.txt.gz", DOSSIER_ERR_GZIP}, {"c-corrupt.txt.gz", DOSSIER_ERR_GZIP},
              {"d-header-only.txt.gz", DOSSIER_ERR_GZIP}, {"e-empty.txt", DOSSIER_ERR_EMPTY},
              {"f-blank.md", DOSSIER_ERR_EMPTY},        {"g-empty.jsonl", DOSSIER_ERR_EMPTY},
              {"h-empty.html", DOSSIER_ERR_EMPTY},      {"i-empty.txt.gz", DOSSIER_ERR_EMPTY}};
  assert_int_equal(dossier_corpus_error_count(c), 8);
  for (size_t i = 0; i < 8; i++) {
    const dossier_error *e = dossier_corpus_error(c, i);
    const char *base = strrchr(e->file, '/');
    assert_non_null(base);
    assert_string_equal(base + 1, want[i].file);
    if (want[i].code == DOSSIER_ERR_EMPTY && e->code == DOSSIER_ERR_HTML)
      assert_non_null(strstr(e->message, "empty")); /* the HTML reader's own code for it */
    else
      assert_int_equal(e->code, want[i].code);
    char msg[1024];
    dossier_error_format(e, msg, sizeof msg);
    if (e->code == DOSSIER_ERR_GZIP) assert_non_null(strstr(msg, ": byte "));
  }
  dossier_corpus_free(c);
  S_rmtree(dir);
  free(dir);
}

static void test_unreadable_paths(void **state) {
  (void)state;
  char *dir = S_tmpdir();
  static const char good[] = "The ferry ran on time, the operator said.\n";
  tu_write_file(dir, "good.txt", good, sizeof good - 1);
  char notdir[600], locked[600], missing[600];
  snprintf(notdir, sizeof notdir, "%s/good.txt/inner.txt", dir); /* a file used as a directory */
  snprintf(locked, sizeof locked, "%s/locked", dir);
  snprintf(missing, sizeof missing, "%s/missing.txt", dir);
  assert_int_equal(mkdir(locked, 0700), 0);
  tu_write_file(locked, "hidden.txt", good, sizeof good - 1);
  assert_int_equal(chmod(locked, 0), 0);
  bool root = geteuid() == 0; /* root reads a mode-000 directory anyway */
  dossier_corpus *c = S_new();
  assert_int_equal(dossier_corpus_add_path(c, notdir), 0);
  assert_int_equal(dossier_corpus_add_path(c, missing), 0);
  assert_int_equal(dossier_corpus_add_path(c, locked), root ? 1 : 0);
  assert_int_equal(dossier_corpus_add_path(c, dir), root ? 2 : 1);
  assert_int_equal(dossier_corpus_error(c, 0)->code, DOSSIER_ERR_IO);
  assert_string_equal(dossier_corpus_error(c, 0)->file, notdir);
  assert_int_equal(dossier_corpus_error(c, 1)->code, DOSSIER_ERR_IO);
  assert_string_equal(dossier_corpus_error(c, 1)->file, missing);
  if (!root) {
    assert_int_equal(dossier_corpus_error(c, 2)->code, DOSSIER_ERR_IO);
    assert_string_equal(dossier_corpus_error(c, 2)->file, locked);
    assert_non_null(strstr(dossier_corpus_error(c, 2)->message, "ermission"));
  }
  dossier_corpus_free(c);
  S_rmtree(dir);
  free(dir);
}

/* Two links back to the top of the tree would make 2^DS_MAX_DIR_DEPTH walks if links
 * were followed; they are noted and skipped, the real file is read once. */
static void test_symlink_loops(void **state) {
  (void)state;
  char *dir = S_tmpdir();
  static const char good[] = "The tram line opened on Monday, the city said.\n";
  tu_write_file(dir, "news.txt", good, sizeof good - 1);
  char link[600];
  for (int i = 0; i < 2; i++) {
    snprintf(link, sizeof link, "%s/loop%d", dir, i);
    assert_int_equal(symlink(dir, link), 0);
  }
  dossier_corpus *c = S_new();
  assert_int_equal(dossier_corpus_add_path(c, dir), 1);
  assert_int_equal(dossier_corpus_skipped(c), 0);
  assert_int_equal(dossier_corpus_error_count(c), 2);
  assert_int_equal(dossier_corpus_error(c, 0)->code, DOSSIER_ERR_UNSUPPORTED);
  dossier_corpus_free(c);
  c = S_new(); /* a link named on the command line is followed */
  assert_int_equal(dossier_corpus_add_path(c, link), 1);
  dossier_corpus_free(c);
  S_rmtree(dir);
  free(dir);
}

/* ---- writing: full disks and unwritable places leave nothing behind ---- */

static dossier_corpus *S_demo(void) {
  dossier_corpus *c = S_new();
  assert_true(dossier_corpus_add_demo(c) > 0);
  return c;
}

static void test_write_dev_full(void **state) {
  (void)state;
  dossier_corpus *c = S_demo();
  static const dossier_format fmts[] = {DOSSIER_FORMAT_JSON, DOSSIER_FORMAT_MD, DOSSIER_FORMAT_HTML,
                                        DOSSIER_FORMAT_TEXT, DOSSIER_FORMAT_JSONL};
  for (size_t i = 0; i < sizeof fmts / sizeof *fmts; i++) {
    FILE *full = fopen("/dev/full", "wb");
    if (!full) skip();
    dossier_error err;
    memset(&err, 0, sizeof err);
    assert_false(dossier_corpus_write(c, fmts[i], full, &err));
    assert_int_equal(err.code, DOSSIER_ERR_WRITE);
    assert_true(err.message[0] != '\0');
    fclose(full);
  }
  /* through the file API: written in place (never renamed over the device) and failing */
  struct stat before, after;
  assert_int_equal(stat("/dev/full", &before), 0);
  dossier_error err;
  assert_false(dossier_corpus_write_file(c, DOSSIER_FORMAT_JSON, "/dev/full", &err));
  assert_int_equal(err.code, DOSSIER_ERR_WRITE);
  assert_string_equal(err.file, "/dev/full");
  assert_int_equal(stat("/dev/full", &after), 0);
  assert_true(S_ISCHR(after.st_mode) && after.st_rdev == before.st_rdev);
  dossier_corpus_free(c);
}

static void test_write_file_failures_leave_nothing(void **state) {
  (void)state;
  char *dir = S_tmpdir();
  dossier_corpus *c = S_demo();
  char path[600];
  dossier_error err;
  snprintf(path, sizeof path, "%s/no/such/dir/out.json", dir);
  assert_false(dossier_corpus_write_file(c, DOSSIER_FORMAT_JSON, path, &err));
  assert_int_equal(err.code, DOSSIER_ERR_WRITE);
  assert_string_equal(err.file, path);
  snprintf(path, sizeof path, "%s/adir", dir); /* the output is a directory */
  assert_int_equal(mkdir(path, 0700), 0);
  assert_false(dossier_corpus_write_file(c, DOSSIER_FORMAT_JSON, path, &err));
  assert_int_equal(err.code, DOSSIER_ERR_WRITE);
  assert_int_equal(S_dir_entries(dir), 1); /* adir only: no temporary left */
  assert_int_equal(S_dir_entries(path), 0);
  snprintf(path, sizeof path, "%s/ok.json", dir); /* and a good write still works */
  assert_true(dossier_corpus_write_file(c, DOSSIER_FORMAT_JSON, path, &err));
  assert_int_equal(S_dir_entries(dir), 2);
  dossier_corpus_free(c);
  S_rmtree(dir);
  free(dir);
}

/* dossier_output: a discarded output leaves neither the target nor a temporary, a
 * committed one replaces the old file whole, and a streaming extract written through
 * it holds one line per article. */
static void test_output_commit_and_discard(void **state) {
  (void)state;
  char *dir = S_tmpdir();
  char path[600];
  snprintf(path, sizeof path, "%s/out.jsonl", dir);
  dossier_error err;
  dossier_output *o = dossier_output_open(path, &err);
  assert_non_null(o);
  fputs("partial", dossier_output_stream(o));
  dossier_output_discard(o, &err);
  assert_int_equal(err.code, DOSSIER_ERR_WRITE);
  assert_int_equal(S_dir_entries(dir), 0);
  tu_write_file(dir, "out.jsonl", "old\n", 4);
  o = dossier_output_open(path, &err);
  dossier_corpus *c = dossier_corpus_new(NULL);
  dossier_corpus_stream(c, dossier_output_stream(o));
  assert_int_equal(dossier_corpus_add_demo(c), 6);
  assert_true(dossier_corpus_write(c, DOSSIER_FORMAT_JSONL, dossier_output_stream(o), &err));
  assert_false(dossier_corpus_write(c, DOSSIER_FORMAT_JSON, dossier_output_stream(o), &err));
  assert_true(dossier_output_commit(o, &err));
  assert_int_equal(S_dir_entries(dir), 1);
  FILE *f = fopen(path, "r");
  int lines = 0, ch;
  while ((ch = fgetc(f)) != EOF) lines += ch == '\n';
  fclose(f);
  assert_int_equal(lines, 6);
  dossier_corpus_free(c);
  S_rmtree(dir);
  free(dir);
}

/* Runs the CLI (run-tests.sh exports DOSSIER); returns its exit status. */
static int S_cli(const char *args) {
  const char *bin = getenv("DOSSIER");
  if (!bin || access(bin, X_OK) != 0) return -1;
  char cmd[2048];
  snprintf(cmd, sizeof cmd, "'%s' %s >/dev/null 2>&1", bin, args);
  int st = system(cmd);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -2;
}

static void test_cli_output_unwritable(void **state) {
  (void)state;
  if (S_cli("--version") != 0) skip(); /* no CLI binary named in $DOSSIER */
  char *dir = S_tmpdir();
  char args[1024];
  snprintf(args, sizeof args, "demo -f json -o '%s/missing/out.json'", dir);
  assert_int_equal(S_cli(args), 4);
  assert_int_equal(S_dir_entries(dir), 0);
  assert_int_equal(S_cli("demo -f html -o /dev/full"), 4);
  struct stat st;
  assert_int_equal(stat("/dev/full", &st), 0);
  assert_true(S_ISCHR(st.st_mode));
  FILE *p = popen("ls -A /dev | grep -c '^full\\.tmp'", "r");
  assert_non_null(p);
  int leftovers = -1;
  assert_int_equal(fscanf(p, "%d", &leftovers), 1);
  pclose(p);
  assert_int_equal(leftovers, 0);
  S_rmtree(dir);
  free(dir);
}

/* ---- escaping ---- */

#define S_EVIL_TITLE                                                                     \
  "Quote \" back\\slash </script><script>alert(1)</script> \"><img src=x onerror=alert(1)> a | b"
static const char S_evil_text[] =
    "---\n"
    "title: " S_EVIL_TITLE "\n"
    "outlet: Pipe | Press </script>\n"
    "published: 2025-04-01\n"
    "---\n"
    "Minister Ada Lark said \"we will act | now </script><script>alert(1)</script>\" on Monday.\n"
    "\n"
    "A backslash \\ and \\\" and control \x01\x02\x1b[2J\x7f bytes, a tab\there, \"><img src=x "
    "onerror=alert(1)> and | pipes | in | cells |, said Lark, according to the ministry.\n"
    "\n"
    "About 1,200 | troops were sent on March 3, 2025, the ministry said.\n";

static dossier_corpus *S_evil(void) {
  dossier_corpus *c = S_new();
  assert_int_equal(dossier_corpus_add_memory(c, "evil|<b>.txt", S_evil_text, sizeof S_evil_text - 1), 1);
  assert_int_equal(dossier_corpus_add_memory(c, "evil2.txt", S_evil_text, sizeof S_evil_text - 1), 1);
  dossier_corpus_analyze(c);
  return c;
}

static void S_render(dossier_corpus *c, void (*fn)(dossier_corpus *, ds_buf *), ds_buf *out) {
  ds_buf_clear(out);
  fn(c, out);
}

/* A placeholder report still falls back to JSON: the property is checked once the
 * real one lands. */
static bool S_is_placeholder(const ds_buf *b) { return b->len && b->ptr[0] == '{'; }

static void test_escape_json(void **state) {
  (void)state;
  dossier_corpus *c = S_evil();
  json_t *root = S_json_report(c);
  json_t *art = json_array_get(json_object_get(root, "articles"), 0);
  assert_non_null(art);
  const ds_article *a = c->articles.items[0];
  assert_string_equal(json_string_value(json_object_get(art, "title")), S_EVIL_TITLE);
  assert_string_equal(json_string_value(json_object_get(art, "outlet")), "Pipe | Press </script>");
  assert_string_equal(json_string_value(json_object_get(art, "file")), "evil|<b>.txt");
  json_t *body = json_object_get(art, "body");
  assert_int_equal(json_string_length(body), a->body_len);
  assert_memory_equal(json_string_value(body), a->body, a->body_len);
  assert_non_null(strstr(a->body, "control \x01\x02\x1b[2J\x7f bytes"));
  /* every quote's text is the body span it names */
  json_t *q;
  size_t i;
  json_array_foreach(json_object_get(root, "quotes"), i, q) {
    json_int_t s = json_integer_value(json_object_get(q, "start"));
    json_int_t e = json_integer_value(json_object_get(q, "end"));
    if (strcmp(json_string_value(json_object_get(q, "article")), a->id) != 0) continue;
    assert_true(s >= 0 && s <= e && (size_t)e <= a->body_len);
    assert_memory_equal(json_string_value(json_object_get(q, "text")), a->body + s, (size_t)(e - s));
  }
  json_decref(root);
  /* the raw JSON never carries "</script" (safe to embed in a page) nor raw controls */
  ds_buf b = DS_BUF_INIT;
  S_render(c, ds_report_json, &b);
  assert_null(strstr(b.ptr, "</script"));
  for (size_t k = 0; k < b.len; k++) assert_true((unsigned char)b.ptr[k] >= 0x20 || b.ptr[k] == '\n');
  /* the extract lines too: one line per article, each parsing back */
  ds_buf_clear(&b);
  ds_report_jsonl_article(a, &b);
  assert_ptr_equal(strchr(b.ptr, '\n'), b.ptr + b.len - 1);
  json_t *line = json_loadb(b.ptr, b.len, 0, NULL);
  assert_non_null(line);
  assert_string_equal(json_string_value(json_object_get(line, "title")), S_EVIL_TITLE);
  json_decref(line);
  ds_buf_free(&b);
  dossier_corpus_free(c);
}

/* Pipes in a Markdown table row that are not escaped (\|) split cells. */
static size_t S_md_cells(const char *line, size_t n) {
  size_t pipes = 0;
  for (size_t i = 0; i < n; i++) {
    if (line[i] == '\\' && i + 1 < n) i++;
    else if (line[i] == '|') pipes++;
  }
  return pipes;
}

/* Occurrences of needle not escaped by a backslash before it. */
static size_t S_count_unescaped(const char *s, const char *needle) {
  size_t n = 0, k = strlen(needle);
  for (const char *p = s; (p = strstr(p, needle)) != NULL; p += k)
    if (p == s || p[-1] != '\\') n++;
  return n;
}

static void test_escape_markdown(void **state) {
  (void)state;
  dossier_corpus *c = S_evil();
  ds_buf b = DS_BUF_INIT;
  S_render(c, ds_report_md, &b);
  if (S_is_placeholder(&b)) {
    ds_buf_free(&b);
    dossier_corpus_free(c);
    skip();
  }
  /* each table keeps the column count of its header row */
  size_t header = 0, rows = 0;
  for (const char *l = b.ptr; *l;) {
    const char *e = strchr(l, '\n');
    size_t n = e ? (size_t)(e - l) : strlen(l);
    if (n && l[0] == '|') {
      size_t cells = S_md_cells(l, n);
      if (!header) header = cells;
      else assert_int_equal(cells, header), rows++;
    } else {
      header = 0;
    }
    l += n + (e ? 1 : 0);
  }
  assert_true(rows > 0);
  /* inline HTML from an article is inert: no raw tag survives */
  assert_int_equal(S_count_unescaped(b.ptr, "<script"), 0);
  assert_int_equal(S_count_unescaped(b.ptr, "<img"), 0);
  assert_int_equal(S_count_unescaped(b.ptr, "</script"), 0);
  assert_null(strchr(b.ptr, '\x1b'));
  ds_buf_free(&b);
  dossier_corpus_free(c);
}

static void test_escape_html(void **state) {
  (void)state;
  dossier_corpus *c = S_evil();
  ds_buf b = DS_BUF_INIT;
  S_render(c, ds_report_html, &b);
  if (S_is_placeholder(&b)) {
    ds_buf_free(&b);
    dossier_corpus_free(c);
    skip();
  }
  /* only the report's own script, if any: every <script opens one that closes */
  size_t open = S_count(b.ptr, "<script"), close = S_count(b.ptr, "</script");
  assert_true(open <= 1);
  assert_int_equal(open, close);
  assert_null(strstr(b.ptr, "alert(1)</script"));
  assert_null(strstr(b.ptr, "<script>alert"));
  assert_null(strstr(b.ptr, "<img"));
  assert_null(strchr(b.ptr, '\x1b'));
  assert_null(strchr(b.ptr, '\x01'));
  ds_buf_free(&b);
  dossier_corpus_free(c);
}

/* The terminal view must not pass an article's escape sequences to the terminal. */
static void test_escape_text(void **state) {
  (void)state;
  dossier_corpus *c = S_evil();
  c->opts.color = false;
  ds_buf b = DS_BUF_INIT;
  S_render(c, ds_report_text, &b);
  if (S_is_placeholder(&b)) {
    ds_buf_free(&b);
    dossier_corpus_free(c);
    skip();
  }
  for (size_t k = 0; k < b.len; k++)
    assert_true((unsigned char)b.ptr[k] >= 0x20 || b.ptr[k] == '\n' || b.ptr[k] == '\t');
  ds_buf_free(&b);
  dossier_corpus_free(c);
}

/* JSONL numbers are read digit by digit (the line is not NUL-terminated): a numeric id
 * keeps its sign and digits. */
static void test_jsonl_numeric_ids(void **state) {
  (void)state;
  static const char lines[] = "{\"id\":-12,\"text\":\"One.\"}\n{\"id\":123456789012345678,\"text\":\"Two.\"}";
  dossier_corpus *c = S_new();
  assert_int_equal(dossier_corpus_add_memory(c, "ids.jsonl", lines, sizeof lines - 1), 2);
  assert_string_equal(c->articles.items[0]->id, "-12");
  assert_string_equal(c->articles.items[1]->id, "123456789012345678");
  dossier_corpus_free(c);
}

/* ---- regressions found by the fuzzers ---- */

/* Short inputs that reached a NULL pointer with length 0 in qsort/memcpy (undefined
 * behaviour; the sanitizer build aborts): no entity candidates, an empty timeline. */
#define S_CASE(name, lit) {name, lit, sizeof lit - 1}
static void test_fuzz_regressions(void **state) {
  (void)state;
  static const struct {
    const char *name, *bytes;
    size_t len;
  } cases[] = {
      S_CASE("r1.txt", "Bad bytes \xff\xfe here, a NUL \0 there.\n\xe2\x80\x9c" "Curly,\xe2\x80\x9d she said.\n"),
      S_CASE("r2.txt", "x\n"),
      S_CASE("r3.txt", "---\r"),
      S_CASE("r4.jsonl", "{\"text\":\"a\"}\n"),
      S_CASE("r5.html", "<p>a</p>"),
      /* a number at the very end of the input: strtoll read past the buffer */
      S_CASE("r6.jsonl", "{\"text\":\"a\",\"id\":12"),
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    dossier_corpus *c = S_new();
    dossier_corpus_add_memory(c, cases[i].name, cases[i].bytes, cases[i].len);
    json_decref(S_json_report(c));
    ds_buf b = DS_BUF_INIT;
    ds_report_md(c, &b);
    ds_report_html(c, &b);
    ds_report_text(c, &b);
    ds_buf_free(&b);
    dossier_corpus_free(c);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_unmatched_quotes_10mb),
      cmocka_unit_test(test_digits_10mb),
      cmocka_unit_test(test_single_line_10mb),
      cmocka_unit_test(test_html_nested_100k),
      cmocka_unit_test(test_million_articles),
      cmocka_unit_test(test_many_bad_jsonl_lines),
      cmocka_unit_test(test_jsonl_line_not_object),
      cmocka_unit_test(test_nul_bytes),
      cmocka_unit_test(test_invalid_utf8),
      cmocka_unit_test(test_broken_gzip_and_empty_files),
      cmocka_unit_test(test_unreadable_paths),
      cmocka_unit_test(test_symlink_loops),
      cmocka_unit_test(test_write_dev_full),
      cmocka_unit_test(test_write_file_failures_leave_nothing),
      cmocka_unit_test(test_cli_output_unwritable),
      cmocka_unit_test(test_output_commit_and_discard),
      cmocka_unit_test(test_escape_json),
      cmocka_unit_test(test_escape_markdown),
      cmocka_unit_test(test_escape_html),
      cmocka_unit_test(test_escape_text),
      cmocka_unit_test(test_fuzz_regressions),
      cmocka_unit_test(test_jsonl_numeric_ids),
  };
  /* ROBUST_ONLY / ROBUST_SKIP (glob patterns) pick tests when running by hand */
  if (getenv("ROBUST_ONLY")) cmocka_set_test_filter(getenv("ROBUST_ONLY"));
  if (getenv("ROBUST_SKIP")) cmocka_set_skip_filter(getenv("ROBUST_SKIP"));
  return cmocka_run_group_tests(tests, NULL, NULL);
}
