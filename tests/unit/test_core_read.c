/* Unit tests of the readers: text with front matter, JSONL, gzip, directories,
 * standard files and their errors, UTF-8 repair at the boundary, --published. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cmocka.h>

#include "corpus.h"
#include "test_util.h"
#include "util/buf.h"

static ds_article *S_art(dossier_corpus *c, size_t i) {
  assert_true(i < c->articles.len);
  return c->articles.items[i];
}

static const dossier_error *S_err(dossier_corpus *c, size_t i) {
  assert_true(i < dossier_corpus_error_count(c));
  return dossier_corpus_error(c, i);
}

static size_t S_add(dossier_corpus *c, const char *name, const char *text) {
  return dossier_corpus_add_memory(c, name, text, strlen(text));
}

/* ---- text and front matter ---- */

static const char *S_ferry =
    "---\n"
    "title: \"Ferry service resumes at Lorn Bay\"\n"
    "outlet: Lorn Bay Courier\n"
    "url: https://courier.example/ferry\n"
    "published: 2025-04-02\n"
    "author: Ada Venn\n"
    "---\n"
    "\n"
    "The ferry sailed at dawn.\n";

static void test_front_matter(void **state) {
  (void)state;
  dossier_corpus *c = dossier_corpus_new(NULL);
  assert_int_equal(S_add(c, "ferry.txt", S_ferry), 1);
  ds_article *a = S_art(c, 0);
  assert_string_equal(a->id, "a1");
  assert_string_equal(a->file, "ferry.txt");
  assert_string_equal(a->title, "Ferry service resumes at Lorn Bay"); /* quotes dropped */
  assert_string_equal(a->outlet, "Lorn Bay Courier");
  assert_string_equal(a->url, "https://courier.example/ferry");
  assert_string_equal(a->published, "2025-04-02");
  assert_int_equal(a->published_basis, DS_BASIS_METADATA);
  assert_string_equal(a->author, "Ada Venn");
  assert_string_equal(a->raw, "\nThe ferry sailed at dawn.\n");
  assert_int_equal(a->raw_len, strlen(a->raw));
  assert_int_equal(dossier_corpus_error_count(c), 0);
  assert_int_equal(dossier_corpus_skipped(c), 0);
  dossier_corpus_free(c);
}

static void test_front_matter_crlf_and_dates(void **state) {
  (void)state;
  dossier_corpus *c = dossier_corpus_new(NULL);
  S_add(c, "crlf.txt", "---\r\ntitle: Gate closes\r\ndate: 3 April 2025\r\n---\r\nText here.\r\n");
  ds_article *a = S_art(c, 0);
  assert_string_equal(a->title, "Gate closes");
  assert_string_equal(a->published, "2025-04-03"); /* any date form, normalised */
  assert_string_equal(a->raw, "Text here.\r\n");
  dossier_corpus_free(c);
}

static void test_front_matter_unclosed(void **state) {
  (void)state;
  dossier_corpus *c = dossier_corpus_new(NULL);
  const char *t = "---\ntitle: Lost header\nid: nope\nThe storm reached the coast.\n";
  assert_int_equal(S_add(c, "open.txt", t), 1); /* the text is still read */
  const dossier_error *e = S_err(c, 0);
  assert_int_equal(e->code, DOSSIER_ERR_FRONTMATTER);
  assert_string_equal(e->file, "open.txt");
  assert_int_equal(e->line, 1);
  assert_int_equal(e->position, 0);
  ds_article *a = S_art(c, 0);
  assert_string_equal(a->raw, t); /* read as plain text, from the first byte */
  assert_string_equal(a->id, "a1"); /* nothing from the unclosed block is kept */
  assert_null(a->title);
  assert_null(a->published);
  assert_int_equal(dossier_corpus_skipped(c), 0);
  dossier_corpus_free(c);
}

static void test_front_matter_bad_date(void **state) {
  (void)state;
  dossier_corpus *c = dossier_corpus_new(NULL);
  const char *t = "---\ntitle: Dock strike\npublished: next Tuesday\n---\nThe strike went on.\n";
  assert_int_equal(S_add(c, "strike.txt", t), 1);
  const dossier_error *e = S_err(c, 0);
  assert_int_equal(e->code, DOSSIER_ERR_DATE);
  assert_int_equal(e->line, 3);
  assert_int_equal(e->position, 23); /* the line's first byte */
  ds_article *a = S_art(c, 0);
  assert_string_equal(a->title, "Dock strike");
  assert_null(a->published);
  assert_int_equal(a->published_basis, DS_BASIS_UNKNOWN);
  dossier_corpus_free(c);
}

static void test_bom_and_cr_only(void **state) {
  (void)state;
  dossier_corpus *c = dossier_corpus_new(NULL);
  S_add(c, "bom.txt", "\xEF\xBB\xBF---\ntitle: Quay lights\n---\nLamps were lit.\n");
  ds_article *a = S_art(c, 0);
  assert_string_equal(a->title, "Quay lights");
  assert_string_equal(a->raw, "Lamps were lit.\n");
  /* old Mac line ends: no '\n' anywhere, so no front matter can be read */
  S_add(c, "cr.txt", "---\rtitle: x\rBody");
  assert_string_equal(S_art(c, 1)->raw, "---\rtitle: x\rBody");
  assert_null(S_art(c, 1)->title);
  dossier_corpus_free(c);
}

static void test_empty(void **state) {
  (void)state;
  dossier_corpus *c = dossier_corpus_new(NULL);
  assert_int_equal(S_add(c, "empty.txt", ""), 0);
  assert_int_equal(S_add(c, "blank.txt", " \n\t\r\n\n"), 0);
  assert_int_equal(S_add(c, "meta-only.txt", "---\ntitle: Nothing\n---\n\n"), 0);
  assert_int_equal(dossier_corpus_article_count(c), 0);
  assert_int_equal(dossier_corpus_error_count(c), 3);
  for (size_t i = 0; i < 3; i++) assert_int_equal(S_err(c, i)->code, DOSSIER_ERR_EMPTY);
  assert_string_equal(S_err(c, 1)->file, "blank.txt");
  assert_int_equal(dossier_corpus_skipped(c), 3);
  dossier_corpus_free(c);
}

static void test_invalid_utf8(void **state) {
  (void)state;
  dossier_corpus *c = dossier_corpus_new(NULL);
  const char t[] = "Caf\xE9 reopens\n\nThe caf\xE9 and the \xC3\xA9picerie\0 opened.\n";
  dossier_corpus_add_memory(c, "latin1.txt", t, sizeof t - 1);
  ds_article *a = S_art(c, 0);
  assert_string_equal(a->raw, "Caf\xEF\xBF\xBD reopens\n\nThe caf\xEF\xBF\xBD and the "
                              "\xC3\xA9picerie opened.\n");
  assert_int_equal(a->raw_len, strlen(a->raw));
  dossier_corpus_free(c);
}

static void test_ids_in_order(void **state) {
  (void)state;
  dossier_corpus *c = dossier_corpus_new(NULL);
  S_add(c, "one.txt", "First text.");
  S_add(c, "two.md", "Second text.");
  S_add(c, "three.text", "---\nid: custom-3\n---\nThird text.");
  assert_int_equal(dossier_corpus_add_memory(c, NULL, "Nameless.", 9), 1); /* read as text */
  assert_string_equal(S_art(c, 3)->file, "-");
  assert_string_equal(S_art(c, 0)->id, "a1");
  assert_string_equal(S_art(c, 1)->id, "a2");
  assert_string_equal(S_art(c, 2)->id, "custom-3");
  assert_int_equal(S_art(c, 2)->index, 2);
  dossier_corpus_free(c);

  /* ids stay unique: a repeated JSONL id, or one a generated id already took */
  c = dossier_corpus_new(NULL);
  S_add(c, "ids.jsonl", "{\"id\":\"x\",\"text\":\"One.\"}\n{\"id\":\"x\",\"text\":\"Two.\"}\n"
                        "{\"text\":\"Three.\"}\n{\"id\":\"a3\",\"text\":\"Four.\"}\n");
  dossier_corpus_extract(c);
  assert_string_equal(S_art(c, 0)->id, "x");
  assert_string_equal(S_art(c, 1)->id, "a2");
  assert_string_equal(S_art(c, 2)->id, "a3");
  assert_string_equal(S_art(c, 3)->id, "a4");
  dossier_corpus_free(c);
}

/* ---- --published ---- */

static void test_published_override(void **state) {
  (void)state;
  dossier_corpus *c = dossier_corpus_new(NULL);
  assert_true(dossier_corpus_set_published(c, "ferry.txt", "2025-05-01"));
  assert_true(dossier_corpus_set_published(c, "feeds/quay.txt", "2025-06-07"));
  S_add(c, "archive/ferry.txt", S_ferry); /* matched by base name; beats the front matter */
  S_add(c, "feeds/quay.txt", "Quay report.");
  S_add(c, "quay.txt", "Not the same path.");
  assert_true(dossier_corpus_set_published(c, "./dock/pier.txt", "2025-06-08"));
  S_add(c, "dock/pier.txt", "Dotted path.");
  assert_string_equal(S_art(c, 3)->published, "2025-06-08");
  /* the command line also beats a JSONL "published", for text and html lines alike */
  assert_true(dossier_corpus_set_published(c, "w.jsonl", "2025-07-01"));
  S_add(c, "w.jsonl", "{\"published\":\"2020-01-01\",\"text\":\"Plain.\"}\n"
                      "{\"published\":\"2020-01-01\",\"html\":\"<html><body><p>Marked up "
                      "text that is long enough to be an article body.</p></body></html>\"}\n");
  assert_int_equal(dossier_corpus_article_count(c), 6);
  for (size_t i = 4; i < 6; i++) {
    assert_string_equal(S_art(c, i)->published, "2025-07-01");
    assert_int_equal(S_art(c, i)->published_basis, DS_BASIS_GIVEN);
  }
  assert_string_equal(S_art(c, 0)->published, "2025-05-01");
  assert_int_equal(S_art(c, 0)->published_basis, DS_BASIS_GIVEN);
  assert_string_equal(S_art(c, 1)->published, "2025-06-07");
  assert_null(S_art(c, 2)->published);
  dossier_corpus_free(c);
}

static void test_published_bad(void **state) {
  (void)state;
  dossier_corpus *c = dossier_corpus_new(NULL);
  assert_false(dossier_corpus_set_published(c, "x.txt", "yesterday"));
  assert_false(dossier_corpus_set_published(c, "x.txt", "2025-13-01"));
  assert_false(dossier_corpus_set_published(c, "x.txt", "2025-02-31"));
  assert_false(dossier_corpus_set_published(c, "x.txt", "2025-04-01x"));
  assert_false(dossier_corpus_set_published(c, "x.txt", "25-04-01"));
  assert_false(dossier_corpus_set_published(c, "x.txt", ""));
  assert_false(dossier_corpus_set_published(c, NULL, "2025-04-01"));
  assert_true(dossier_corpus_set_published(c, "x.txt", "2024-02-29"));
  dossier_corpus_free(c);
}

/* ---- JSONL ---- */

static const char *S_jsonl =
    /* 1 */ "{\"id\":\"n1\",\"title\":\"Tide gauge fails\",\"outlet\":\"Harbour Wire\","
            "\"url\":\"https://hw.example/1\",\"published\":\"2025-04-05\",\"author\":\"Ora Lund\","
            "\"text\":\"The gauge stopped at noon.\"}\n"
    /* 2 */ "{\"text\": \"ok\", oops}\n"
    /* 3 */ "[1,2]\n"
    /* 4 */ "\n"
    /* 5 */ "{\"title\":\"no text\"}\n"
    /* 6 */ "{\"id\":7,\"text\":\"Second story.\",\"published\":\"soon\"}\n"
    /* 7 */ "\"only a string\"\n"
    /* 8 */ "{\"text\":12}\n"
    /* 9 */ "{\"text\":\"Third story, no newline at the end.\"}";

static void test_jsonl(void **state) {
  (void)state;
  dossier_corpus *c = dossier_corpus_new(NULL);
  assert_int_equal(S_add(c, "wire.jsonl", S_jsonl), 3);
  ds_article *a = S_art(c, 0);
  assert_string_equal(a->id, "n1");
  assert_string_equal(a->file, "wire.jsonl");
  assert_string_equal(a->title, "Tide gauge fails");
  assert_string_equal(a->outlet, "Harbour Wire");
  assert_string_equal(a->url, "https://hw.example/1");
  assert_string_equal(a->author, "Ora Lund");
  assert_string_equal(a->published, "2025-04-05");
  assert_int_equal(a->published_basis, DS_BASIS_GIVEN);
  assert_string_equal(a->raw, "The gauge stopped at noon.");
  assert_string_equal(S_art(c, 1)->id, "7"); /* a numeric id becomes a string */
  assert_null(S_art(c, 1)->published);
  assert_string_equal(S_art(c, 1)->raw, "Second story.");
  assert_string_equal(S_art(c, 2)->raw, "Third story, no newline at the end.");

  size_t line2 = (size_t)(strchr(S_jsonl, '\n') - S_jsonl) + 1;
  struct {
    dossier_code code;
    size_t line;
  } want[] = {{DOSSIER_ERR_JSON, 2},       {DOSSIER_ERR_NOT_OBJECT, 3}, {DOSSIER_ERR_FIELD, 5},
              {DOSSIER_ERR_DATE, 6},       {DOSSIER_ERR_NOT_OBJECT, 7}, {DOSSIER_ERR_FIELD, 8}};
  assert_int_equal(dossier_corpus_error_count(c), 6);
  for (size_t i = 0; i < 6; i++) {
    assert_int_equal(S_err(c, i)->code, want[i].code);
    assert_int_equal(S_err(c, i)->line, want[i].line);
    assert_string_equal(S_err(c, i)->file, "wire.jsonl");
  }
  /* the parser stops just past the offending token "oops" */
  assert_int_equal(S_err(c, 0)->position, line2 + strlen("{\"text\": \"ok\", oops"));
  assert_int_equal(S_err(c, 1)->position, line2 + strlen("{\"text\": \"ok\", oops}\n"));
  char msg[600];
  dossier_error_format(S_err(c, 0), msg, sizeof msg);
  assert_true(strncmp(msg, "wire.jsonl:2: invalid JSON", 26) == 0);
  assert_int_equal(dossier_corpus_skipped(c), 5); /* each bad line; the date is only a note */
  dossier_corpus_free(c);
}

static void test_jsonl_bad_only(void **state) {
  (void)state;
  dossier_corpus *c = dossier_corpus_new(NULL);
  assert_int_equal(S_add(c, "bad.jsonl", "{\"a\":1}\nnot json\n"), 0);
  assert_int_equal(dossier_corpus_skipped(c), 2);
  assert_int_equal(S_err(c, 1)->code, DOSSIER_ERR_JSON);
  assert_int_equal(S_err(c, 1)->line, 2);
  assert_int_equal(S_add(c, "blank.jsonl", "\n  \n"), 0);
  assert_int_equal(S_err(c, 2)->code, DOSSIER_ERR_EMPTY);
  assert_int_equal(dossier_corpus_skipped(c), 3);
  /* a BOM before the first line, CRLF line ends, duplicate keys refused */
  assert_int_equal(S_add(c, "win.jsonl", "\xEF\xBB\xBF{\"text\":\"Windows line.\"}\r\n"
                                          "{\"text\":\"a\",\"text\":\"b\"}\r\n"),
                   1);
  assert_string_equal(S_art(c, 0)->raw, "Windows line.");
  assert_int_equal(S_err(c, 3)->code, DOSSIER_ERR_JSON);
  assert_int_equal(S_err(c, 3)->line, 2);
  dossier_corpus_free(c);
}

static void test_jsonl_invalid_utf8(void **state) {
  (void)state;
  dossier_corpus *c = dossier_corpus_new(NULL);
  /* raw Latin-1 bytes inside a JSON string: repaired, not a lost line */
  assert_int_equal(S_add(c, "u.jsonl", "{\"title\":\"Caf\xE9\",\"text\":\"caf\\u00e9 and caf\xE9\"}\n"), 1);
  assert_string_equal(S_art(c, 0)->raw, "caf\xC3\xA9 and caf\xEF\xBF\xBD");
  assert_string_equal(S_art(c, 0)->title, "Caf\xEF\xBF\xBD");
  /* an escape spelling a lone surrogate is invalid JSON (jansson's rule) */
  assert_int_equal(S_add(c, "s.jsonl", "{\"text\":\"a \\ud800 b\"}\n"), 0);
  assert_int_equal(S_err(c, 0)->code, DOSSIER_ERR_JSON);
  assert_int_equal(dossier_corpus_error_count(c), 1);
  dossier_corpus_free(c);
}

/* ---- gzip ---- */

/* Compresses text as one gzip member into out. */
static void S_gzip(const char *text, size_t n, ds_buf *out) {
  z_stream z;
  memset(&z, 0, sizeof z);
  assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
  ds_buf_reserve(out, deflateBound(&z, n) + 32);
  z.next_in = (Bytef *)text;
  z.avail_in = (uInt)n;
  z.next_out = (Bytef *)out->ptr + out->len;
  z.avail_out = (uInt)(out->cap - out->len - 1);
  assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
  out->len += z.total_out;
  deflateEnd(&z);
}

static void test_gzip(void **state) {
  (void)state;
  ds_buf gz = DS_BUF_INIT;
  S_gzip(S_ferry, strlen(S_ferry), &gz);
  dossier_corpus *c = dossier_corpus_new(NULL);
  assert_int_equal(dossier_corpus_add_memory(c, "ferry.txt.gz", gz.ptr, gz.len), 1);
  assert_string_equal(S_art(c, 0)->title, "Ferry service resumes at Lorn Bay");
  assert_string_equal(S_art(c, 0)->file, "ferry.txt.gz");
  /* two members back to back are one stream (as `cat a.gz b.gz` makes) */
  const char *l2 = "{\"text\":\"Gz line two.\"}\n";
  ds_buf two = DS_BUF_INIT;
  S_gzip("{\"text\":\"Gz line one.\"}\n", 24, &two);
  S_gzip(l2, strlen(l2), &two);
  assert_int_equal(dossier_corpus_add_memory(c, "w.jsonl.gz", two.ptr, two.len), 2);
  assert_string_equal(S_art(c, 2)->raw, "Gz line two.");
  assert_int_equal(dossier_corpus_error_count(c), 0);
  ds_buf_free(&two);
  ds_buf_free(&gz);
  dossier_corpus_free(c);
}

static void test_gzip_truncated(void **state) {
  (void)state;
  ds_buf gz = DS_BUF_INIT;
  S_gzip(S_ferry, strlen(S_ferry), &gz);
  dossier_corpus *c = dossier_corpus_new(NULL);
  assert_int_equal(dossier_corpus_add_memory(c, "cut.txt.gz", gz.ptr, gz.len - 12), 0);
  assert_int_equal(dossier_corpus_add_memory(c, "nocrc.txt.gz", gz.ptr, gz.len - 4), 0);
  gz.ptr[gz.len / 2] ^= 0x55; /* corrupt the middle */
  gz.ptr[gz.len / 2 + 1] ^= 0x55;
  assert_int_equal(dossier_corpus_add_memory(c, "bad.txt.gz", gz.ptr, gz.len), 0);
  assert_int_equal(dossier_corpus_article_count(c), 0);
  assert_int_equal(dossier_corpus_error_count(c), 3);
  assert_int_equal(S_err(c, 0)->code, DOSSIER_ERR_GZIP);
  assert_string_equal(S_err(c, 0)->file, "cut.txt.gz");
  assert_int_equal(S_err(c, 0)->position, gz.len - 12); /* it broke at the end of the input */
  assert_int_equal(S_err(c, 1)->code, DOSSIER_ERR_GZIP);
  assert_int_equal(S_err(c, 2)->code, DOSSIER_ERR_GZIP);
  assert_int_equal(dossier_corpus_skipped(c), 3);
  ds_buf_free(&gz);
  dossier_corpus_free(c);
}

/* ---- files and directories ---- */

static void S_rmtree(const char *dir) {
  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  assert_int_equal(system(cmd), 0);
}

static void test_directory(void **state) {
  (void)state;
  char dir[] = "/tmp/dossier-test-XXXXXX";
  assert_non_null(mkdtemp(dir));
  char sub[600];
  snprintf(sub, sizeof sub, "%s/sub", dir);
  assert_int_equal(mkdir(sub, 0755), 0);
  tu_write_file(dir, "b.txt", "Bravo text.", 11);
  tu_write_file(dir, "a.md", "Alpha text.", 11);
  tu_write_file(dir, "notes.pdf", "%PDF", 4);
  tu_write_file(dir, ".hidden.txt", "Hidden text.", 12);
  tu_write_file(dir, "sub/c.jsonl", "{\"text\":\"Charlie text.\"}\n", 25);
  ds_buf gz = DS_BUF_INIT;
  S_gzip("Delta text.", 11, &gz);
  tu_write_file(dir, "sub/d.txt.gz", gz.ptr, gz.len);
  ds_buf_free(&gz);

  dossier_corpus *c = dossier_corpus_new(NULL);
  char with_slash[600];
  snprintf(with_slash, sizeof with_slash, "%s/", dir);
  assert_int_equal(dossier_corpus_add_path(c, with_slash), 4);
  const char *want[] = {"a.md", "b.txt", "sub/c.jsonl", "sub/d.txt.gz"};
  const char *body[] = {"Alpha text.", "Bravo text.", "Charlie text.", "Delta text."};
  for (size_t i = 0; i < 4; i++) {
    char path[700];
    snprintf(path, sizeof path, "%s/%s", dir, want[i]);
    assert_string_equal(S_art(c, i)->file, path);
    assert_string_equal(S_art(c, i)->raw, body[i]);
  }
  assert_int_equal(dossier_corpus_error_count(c), 1); /* a notice, not a failure */
  assert_int_equal(S_err(c, 0)->code, DOSSIER_ERR_UNSUPPORTED);
  assert_non_null(strstr(S_err(c, 0)->file, "notes.pdf"));
  assert_int_equal(dossier_corpus_skipped(c), 0);

  /* a link back up the tree is not followed (named on the command line, it would be) */
  char link[700];
  snprintf(link, sizeof link, "%s/sub/up", dir);
  assert_int_equal(symlink("..", link), 0);
  dossier_corpus *loop = dossier_corpus_new(NULL);
  assert_int_equal(dossier_corpus_add_path(loop, dir), 4);
  assert_int_equal(dossier_corpus_error_count(loop), 2);
  assert_int_equal(S_err(loop, 1)->code, DOSSIER_ERR_UNSUPPORTED);
  assert_non_null(strstr(S_err(loop, 1)->file, "sub/up"));
  assert_int_equal(dossier_corpus_skipped(loop), 0);
  dossier_corpus_free(loop);

  /* named on the command line, an unknown extension is read as text */
  char pdf[700];
  snprintf(pdf, sizeof pdf, "%s/notes.pdf", dir);
  assert_int_equal(dossier_corpus_add_path(c, pdf), 1);
  dossier_corpus_free(c);
  S_rmtree(dir);
}

static void test_missing_and_unreadable(void **state) {
  (void)state;
  dossier_corpus *c = dossier_corpus_new(NULL);
  assert_int_equal(dossier_corpus_add_path(c, "/nonexistent/dossier/missing.txt"), 0);
  const dossier_error *e = S_err(c, 0);
  assert_int_equal(e->code, DOSSIER_ERR_IO);
  assert_string_equal(e->file, "/nonexistent/dossier/missing.txt");
  assert_non_null(strstr(e->message, "No such file"));
  assert_int_equal(dossier_corpus_skipped(c), 1);
  /* a file that opens but cannot be read (works even as root): reading fails at once */
  FILE *probe = fopen("/proc/self/mem", "rb");
  if (probe) {
    fclose(probe);
    assert_int_equal(dossier_corpus_add_path(c, "/proc/self/mem"), 0);
    assert_int_equal(S_err(c, 1)->code, DOSSIER_ERR_IO);
    assert_non_null(strstr(S_err(c, 1)->message, "cannot read"));
    assert_int_equal(dossier_corpus_skipped(c), 2);
  }
  /* permissions only bind a non-root user */
  if (geteuid() != 0) {
    char dir[] = "/tmp/dossier-test-XXXXXX";
    assert_non_null(mkdtemp(dir));
    tu_write_file(dir, "locked.txt", "Secret.", 7);
    char path[600];
    snprintf(path, sizeof path, "%s/locked.txt", dir);
    chmod(path, 0);
    size_t before = dossier_corpus_error_count(c);
    assert_int_equal(dossier_corpus_add_path(c, path), 0);
    assert_int_equal(S_err(c, before)->code, DOSSIER_ERR_IO);
    assert_non_null(strstr(S_err(c, before)->message, "Permission denied"));
    S_rmtree(dir);
  }
  assert_int_equal(dossier_corpus_article_count(c), 0);
  dossier_corpus_free(c);
}

static void test_error_format(void **state) {
  (void)state;
  dossier_error e = {.code = DOSSIER_ERR_JSON, .line = 4, .position = 90};
  snprintf(e.file, sizeof e.file, "w.jsonl");
  snprintf(e.message, sizeof e.message, "invalid JSON");
  char buf[128];
  dossier_error_format(&e, buf, sizeof buf);
  assert_string_equal(buf, "w.jsonl:4: invalid JSON");
  e.line = 0, e.code = DOSSIER_ERR_GZIP;
  dossier_error_format(&e, buf, sizeof buf);
  assert_string_equal(buf, "w.jsonl: byte 90: invalid JSON");
  e.position = 0, e.code = DOSSIER_ERR_IO, e.file[0] = '\0';
  dossier_error_format(&e, buf, sizeof buf);
  assert_string_equal(buf, "dossier: invalid JSON");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_front_matter),
      cmocka_unit_test(test_front_matter_crlf_and_dates),
      cmocka_unit_test(test_front_matter_unclosed),
      cmocka_unit_test(test_front_matter_bad_date),
      cmocka_unit_test(test_bom_and_cr_only),
      cmocka_unit_test(test_empty),
      cmocka_unit_test(test_invalid_utf8),
      cmocka_unit_test(test_ids_in_order),
      cmocka_unit_test(test_published_override),
      cmocka_unit_test(test_published_bad),
      cmocka_unit_test(test_jsonl),
      cmocka_unit_test(test_jsonl_bad_only),
      cmocka_unit_test(test_jsonl_invalid_utf8),
      cmocka_unit_test(test_gzip),
      cmocka_unit_test(test_gzip_truncated),
      cmocka_unit_test(test_directory),
      cmocka_unit_test(test_missing_and_unreadable),
      cmocka_unit_test(test_error_format),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
