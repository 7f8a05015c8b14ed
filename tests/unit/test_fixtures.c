/* Fixture tests through the library: every tests/fixtures/NAME.<ext> that has a
 * NAME.expected.jsonl is read with dossier_corpus_add_path and written as JSON Lines;
 * the output must equal the expected file byte for byte (scripts/update-fixtures.sh
 * regenerates them with the CLI, which must agree). Also: the core fields of our own
 * fixtures, gzip input, threads, and atomic writes. */
#include <dirent.h>
#include <jansson.h>
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
#include <zlib.h>

#include <cmocka.h>

#include "corpus.h"

#define FIXTURES DOSSIER_SOURCE_DIR "/tests/fixtures"

/* Reads a whole file into a malloc'd NUL-terminated string, or NULL. */
static char *S_slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  ds_buf b = DS_BUF_INIT;
  char chunk[4096];
  size_t got;
  while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) ds_buf_put(&b, chunk, got);
  fclose(f);
  if (len) *len = b.len;
  return ds_buf_detach(&b);
}

/* The JSON Lines output of a corpus, malloc'd. */
static char *S_jsonl(dossier_corpus *c) {
  char *out = NULL;
  size_t n = 0;
  FILE *f = open_memstream(&out, &n);
  assert_non_null(f);
  dossier_error err;
  assert_true(dossier_corpus_write(c, DOSSIER_FORMAT_JSONL, f, &err));
  fclose(f);
  return out;
}

/* Extracts one fixture file (a name relative to the fixtures directory). */
static char *S_extract(const char *name, const dossier_options *opts) {
  dossier_corpus *c = dossier_corpus_new(opts);
  assert_true(dossier_corpus_add_path(c, name) > 0);
  char *out = S_jsonl(c);
  dossier_corpus_free(c);
  return out;
}

/* Points at the first difference, so a failing fixture says where. */
static void S_same(const char *name, const char *got, const char *want) {
  if (strcmp(got, want) == 0) return;
  size_t i = 0, line = 1, col = 0;
  for (; got[i] && got[i] == want[i]; i++, col++)
    if (got[i] == '\n') line++, col = 0;
  size_t from = i > 40 ? i - 40 : 0;
  fail_msg("%s: output differs at line %zu, column %zu:\n  got:  ...%.80s\n  want: ...%.80s\n"
           "(scripts/update-fixtures.sh regenerates; review the diff)",
           name, line, col, got + from, want + from);
}

static bool S_ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), k = strlen(suffix);
  return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* The input file of NAME.expected.jsonl: NAME.<ext>, the first in name order. */
static bool S_input_of(const char *base, char *out, size_t cap) {
  DIR *d = opendir(".");
  assert_non_null(d);
  size_t bl = strlen(base);
  bool found = false;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    const char *n = e->d_name;
    if (strncmp(n, base, bl) != 0 || n[bl] != '.' || strstr(n + bl, ".expected.")) continue;
    if (!found || strcmp(n, out) < 0) snprintf(out, cap, "%s", n);
    found = true;
  }
  closedir(d);
  return found;
}

static void test_fixtures_match(void **state) {
  (void)state;
  assert_int_equal(chdir(FIXTURES), 0);
  DIR *d = opendir(".");
  assert_non_null(d);
  struct dirent *e;
  int checked = 0;
  while ((e = readdir(d)) != NULL) {
    if (!S_ends_with(e->d_name, ".expected.jsonl")) continue;
    char base[256], input[300];
    snprintf(base, sizeof base, "%.*s", (int)(strlen(e->d_name) - strlen(".expected.jsonl")),
             e->d_name);
    if (!S_input_of(base, input, sizeof input)) fail_msg("%s has no input file", e->d_name);
    char *want = S_slurp(e->d_name, NULL);
    assert_non_null(want);
    char *got = S_extract(input, NULL);
    S_same(input, got, want);
    free(got);
    free(want);
    checked++;
  }
  closedir(d);
  print_message("%d fixture(s) compared\n", checked);
}

/* The fields that do not depend on the taggers, checked by value. */
static void test_fixture_core_fields(void **state) {
  (void)state;
  assert_int_equal(chdir(FIXTURES), 0);
  dossier_corpus *c = dossier_corpus_new(NULL);
  assert_int_equal(dossier_corpus_add_path(c, "frontmatter.txt"), 1);
  assert_int_equal(dossier_corpus_add_path(c, "byline.txt"), 1);
  assert_int_equal(dossier_corpus_add_path(c, "wire.jsonl"), 2);
  assert_int_equal(dossier_corpus_add_path(c, "notes.md"), 1);
  dossier_corpus_extract(c);
  ds_article **a = c->articles.items;

  assert_string_equal(a[0]->title, "Skell Island ferry strike ends after nine days");
  assert_string_equal(a[0]->published, "2025-04-03");
  assert_int_equal(a[0]->published_basis, DS_BASIS_METADATA);
  assert_int_equal(a[0]->boilerplate.len, 2);
  assert_string_equal(a[0]->boilerplate.items[1], "Share this article");
  assert_null(strstr(a[0]->body, "Advertisement"));
  assert_true(strncmp(a[0]->body, "LORN BAY - Crews", 16) == 0);

  assert_string_equal(a[1]->author, "Mara Quint");
  assert_string_equal(a[1]->published, "2025-04-05");
  assert_int_equal(a[1]->published_basis, DS_BASIS_TEXT);
  assert_string_equal(a[1]->reprint_from, "The Skell Islander");
  assert_non_null(strstr(a[1]->body, "the council hopes to reopen the pier")); /* re-joined */
  assert_int_equal(a[1]->boilerplate.len, 5);

  assert_string_equal(a[2]->id, "wire-1");
  assert_string_equal(a[3]->id, "wire-2");
  assert_int_equal(a[3]->published_basis, DS_BASIS_GIVEN);
  assert_null(a[3]->author);

  assert_string_equal(a[4]->title, "Will the Lorn Bay pier reopen by summer?");
  assert_non_null(strstr(a[4]->body, "meets again on Friday to vote on the repair plan, see the "
                                     "agenda for details."));
  assert_non_null(strstr(a[4]->body, "from Holm & Sons,"));
  for (size_t i = 0; i < c->articles.len; i++) {
    assert_true(a[i]->tokens.len > 0);
    assert_true(a[i]->sentences.len > 1);
  }
  dossier_corpus_free(c);
}

/* A gzip'd fixture gives the same articles as the plain file. */
static void test_fixture_gzip(void **state) {
  (void)state;
  assert_int_equal(chdir(FIXTURES), 0);
  size_t n;
  char *text = S_slurp("frontmatter.txt", &n);
  assert_non_null(text);
  uLongf cap = compressBound(n) + 64;
  unsigned char *gz = malloc(cap);
  z_stream z;
  memset(&z, 0, sizeof z);
  assert_int_equal(deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
  z.next_in = (Bytef *)text, z.avail_in = (uInt)n;
  z.next_out = gz, z.avail_out = (uInt)cap;
  assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
  size_t gzlen = z.total_out;
  deflateEnd(&z);

  dossier_corpus *c = dossier_corpus_new(NULL);
  assert_int_equal(dossier_corpus_add_memory(c, "frontmatter.txt", (char *)gz, gzlen), 1);
  char *from_gz = S_jsonl(c);
  dossier_corpus_free(c);
  char *plain = S_extract("frontmatter.txt", NULL);
  S_same("frontmatter.txt (gzip'd)", from_gz, plain);
  free(plain);
  free(from_gz);
  free(gz);
  free(text);
}

/* Tagging on several threads must give exactly the single-thread output. */
static void test_threads_same_output(void **state) {
  (void)state;
  dossier_options one = {.threads = 1}, four = {.threads = 4};
  char *out[2];
  for (int k = 0; k < 2; k++) {
    dossier_corpus *c = dossier_corpus_new(k ? &four : &one);
    assert_true(dossier_corpus_add_demo(c) >= 5);
    assert_int_equal(chdir(FIXTURES), 0);
    const char *names[] = {"frontmatter.txt", "byline.txt", "wire.jsonl", "notes.md", "html"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) dossier_corpus_add_path(c, names[i]);
    out[k] = S_jsonl(c);
    dossier_corpus_free(c);
  }
  S_same("demo + fixtures on 4 threads", out[1], out[0]);
  free(out[0]);
  free(out[1]);
}

static size_t S_count_entries(const char *dir) {
  DIR *d = opendir(dir);
  assert_non_null(d);
  size_t n = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) n += e->d_name[0] != '.';
  closedir(d);
  return n;
}

static void test_write_file_atomic(void **state) {
  (void)state;
  char dir[] = "/tmp/dossier-fixture-XXXXXX";
  assert_non_null(mkdtemp(dir));
  char path[600], bad[600];
  snprintf(path, sizeof path, "%s/out.jsonl", dir);
  snprintf(bad, sizeof bad, "%s/missing/out.jsonl", dir);
  assert_int_equal(chdir(FIXTURES), 0);
  dossier_corpus *c = dossier_corpus_new(NULL);
  dossier_corpus_add_path(c, "frontmatter.txt");
  dossier_error err;
  assert_true(dossier_corpus_write_file(c, DOSSIER_FORMAT_JSONL, path, &err));
  assert_int_equal(S_count_entries(dir), 1); /* the file, and no temporary beside it */
  char *written = S_slurp(path, NULL), *direct = S_jsonl(c);
  assert_string_equal(written, direct);
  free(written);
  free(direct);
  struct stat st;
  assert_int_equal(stat(path, &st), 0);
  assert_true(st.st_mode & S_IRUSR);

  memset(&err, 0, sizeof err);
  assert_false(dossier_corpus_write_file(c, DOSSIER_FORMAT_JSONL, bad, &err));
  assert_int_equal(err.code, DOSSIER_ERR_WRITE);
  assert_string_equal(err.file, bad);
  assert_int_equal(S_count_entries(dir), 1);
  dossier_corpus_free(c);
  assert_int_equal(unlink(path), 0);
  assert_int_equal(rmdir(dir), 0);
}

/* An extract line lists each entity's own mentions, in text order. */
static void test_jsonl_entity_mentions(void **state) {
  (void)state;
  ds_article *a = ds_article_new("m.txt");
  a->id = "m1";
  a->body = "Ada met Bo and Ada left";
  a->body_len = (uint32_t)strlen(a->body);
  const char *names[] = {"Ada", "Bo", "Nobody"};
  for (int i = 0; i < 3; i++) {
    ds_entity *e = DS_PUSH(&a->arena, &a->entities);
    memset(e, 0, sizeof *e);
    e->name = names[i];
    e->global = -1;
  }
  uint32_t spans[][3] = {{0, 3, 0}, {8, 10, 1}, {11, 14, 7 /* out of range: skipped */}, {15, 18, 0}};
  for (int i = 0; i < 4; i++) {
    ds_mention *m = DS_PUSH(&a->arena, &a->mentions);
    memset(m, 0, sizeof *m);
    m->start = spans[i][0], m->end = spans[i][1], m->entity = (int32_t)spans[i][2];
  }
  ds_buf out = DS_BUF_INIT;
  ds_report_jsonl_article(a, &out);
  assert_non_null(strstr(out.ptr, "\"id\":\"m1.e1\",\"name\":\"Ada\""));
  assert_non_null(strstr(out.ptr, "\"mentions\":[{\"start\":0,\"end\":3,\"text\":\"Ada\"},"
                                  "{\"start\":15,\"end\":18,\"text\":\"Ada\"}]}"));
  assert_non_null(strstr(out.ptr, "\"name\":\"Bo\",\"type\":\"person\",\"role\":null,"
                                  "\"aliases\":[],\"mentions\":[{\"start\":8,\"end\":10,\"text\":\"Bo\"}]}"));
  assert_non_null(strstr(out.ptr, "\"name\":\"Nobody\",\"type\":\"person\",\"role\":null,"
                                  "\"aliases\":[],\"mentions\":[]}"));
  assert_int_equal(out.ptr[out.len - 1], '\n');
  ds_buf_free(&out);
  ds_article_free(a);
}

/* Runs the CLI (run-tests.sh exports DOSSIER) through the shell; returns its exit code. */
static int S_cli(const char *args) {
  char cmd[2048];
  snprintf(cmd, sizeof cmd, "'%s' %s >/dev/null 2>&1", getenv("DOSSIER"), args);
  int rc = system(cmd);
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

static void test_cli_output_atomic(void **state) {
  (void)state;
  const char *bin = getenv("DOSSIER");
  if (!bin || access(bin, X_OK) != 0) skip(); /* run through scripts/run-tests.sh */
  char dir[] = "/tmp/dossier-cli-XXXXXX", args[1024], path[600];
  assert_non_null(mkdtemp(dir));
  snprintf(path, sizeof path, "%s/out.json", dir);
  snprintf(args, sizeof args, "analyze -f json -o %s %s/frontmatter.txt", path, FIXTURES);
  assert_int_equal(S_cli(args), 0);
  assert_int_equal(S_count_entries(dir), 1); /* out.json and no temporary */
  char *out = S_slurp(path, NULL);
  const char *head = "{\n  \"dossier_version\": 1,";
  assert_true(strncmp(out, head, strlen(head)) == 0);
  free(out);
  /* nothing readable: the old output stays as it was */
  FILE *f = fopen(path, "w");
  fputs("old", f);
  fclose(f);
  snprintf(args, sizeof args, "analyze -o %s %s/no-such-input.txt", path, dir);
  assert_int_equal(S_cli(args), 3);
  out = S_slurp(path, NULL);
  assert_string_equal(out, "old");
  free(out);
  /* a directory that does not exist: exit 4, nothing created */
  snprintf(args, sizeof args, "analyze -o %s/missing/out.json %s/frontmatter.txt", dir, FIXTURES);
  assert_int_equal(S_cli(args), 4);
  assert_int_equal(S_count_entries(dir), 1);
  unlink(path);
  assert_int_equal(rmdir(dir), 0);
}

/* The contract's top-level keys and each article's keys, on the demo corpus. */
static void test_demo_json_contract(void **state) {
  (void)state;
  dossier_corpus *c = dossier_corpus_new(NULL);
  assert_true(dossier_corpus_add_demo(c) >= 5);
  char *out = NULL;
  size_t n = 0;
  FILE *f = open_memstream(&out, &n);
  assert_true(dossier_corpus_write(c, DOSSIER_FORMAT_JSON, f, NULL));
  fclose(f);
  json_error_t jerr;
  json_t *root = json_loads(out, 0, &jerr);
  if (!root) fail_msg("-f json is not JSON: %s at line %d", jerr.text, jerr.line);
  assert_int_equal(json_integer_value(json_object_get(root, "dossier_version")), 1);
  const char *arrays[] = {"articles", "entities",      "quotes",   "quote_groups", "times",
                          "figures",  "figure_groups", "timeline", "summary"};
  for (size_t i = 0; i < sizeof arrays / sizeof *arrays; i++)
    if (!json_is_array(json_object_get(root, arrays[i]))) fail_msg("no array \"%s\"", arrays[i]);
  json_t *arts = json_object_get(root, "articles");
  assert_int_equal(json_array_size(arts), dossier_corpus_article_count(c));
  const char *keys[] = {"id",   "file",  "title", "outlet", "url", "published", "published_basis",
                        "words", "body", "boilerplate_removed", "duplicate_of"};
  size_t i;
  json_t *art;
  json_array_foreach(arts, i, art) {
    for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
      if (!json_object_get(art, keys[k])) fail_msg("article %zu lacks \"%s\"", i, keys[k]);
    assert_true(json_is_string(json_object_get(art, "id")));
    assert_true(json_is_string(json_object_get(art, "body")));
  }
  json_decref(root);
  free(out);
  dossier_corpus_free(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_fixtures_match),     cmocka_unit_test(test_fixture_core_fields),
      cmocka_unit_test(test_fixture_gzip),       cmocka_unit_test(test_threads_same_output),
      cmocka_unit_test(test_write_file_atomic),  cmocka_unit_test(test_cli_output_atomic),
      cmocka_unit_test(test_demo_json_contract), cmocka_unit_test(test_jsonl_entity_mentions),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
