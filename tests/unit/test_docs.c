/* The documentation's examples are tested, so the README and docs/json.md cannot drift
 * from what the tool does:
 *  - the README's abridged demo output: every line it shows is a line of the real text
 *    report (width 88, no colour), in the same order ("…" alone marks an elision);
 *  - the README's front-matter example gives those fields to the article;
 *  - every key of the contract block in docs/json.md is a key of the demo's JSON, and
 *    every value the demo gives an enumerated key ("kind":"direct|partial|indirect") is
 *    one the contract lists;
 *  - every option the README's command-line section names is in `dossier --help`
 *    (through the CLI named by $DOSSIER, which scripts/run-tests.sh sets).
 * When a wording in the docs is on purpose abridged, it must still be a real line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "corpus.h"
#include "dossier.h"
#include "test_util.h"

#ifndef DOSSIER_SOURCE_DIR
#define DOSSIER_SOURCE_DIR "."
#endif

/* The whole file as a NUL-terminated malloc'd string (the caller frees it). */
static char *S_slurp(const char *rel) {
  char path[1024];
  snprintf(path, sizeof path, "%s/%s", DOSSIER_SOURCE_DIR, rel);
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  char *buf = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&buf, &len);
  assert_non_null(mem);
  int ch;
  while ((ch = fgetc(f)) != EOF) fputc(ch, mem);
  fclose(f);
  fclose(mem);
  return buf;
}

/* The body of the first ``` block after `marker` (the caller frees it); the fence's own
 * indentation is removed from every line. */
static char *S_block_after(const char *doc, const char *marker) {
  const char *m = strstr(doc, marker);
  assert_non_null(m);
  const char *fence = strstr(m, "```");
  assert_non_null(fence);
  size_t indent = 0;
  while (fence - indent > doc && fence[-1 - (long)indent] == ' ') indent++;
  const char *p = strchr(fence, '\n') + 1;
  char *out = calloc(1, strlen(p) + 1);
  size_t n = 0;
  while (*p) {
    const char *eol = strchr(p, '\n');
    size_t len = eol ? (size_t)(eol - p) : strlen(p);
    size_t skip = 0;
    while (skip < indent && skip < len && p[skip] == ' ') skip++;
    if (len - skip >= 3 && memcmp(p + skip, "```", 3) == 0) break;
    memcpy(out + n, p + skip, len - skip);
    n += len - skip;
    out[n++] = '\n';
    p = eol ? eol + 1 : p + len;
  }
  return out;
}

static dossier_corpus *S_demo(const dossier_options *o) {
  dossier_corpus *c = dossier_corpus_new(o);
  assert_true(dossier_corpus_add_demo(c) > 0);
  dossier_corpus_analyze(c);
  return c;
}

/* True when the line is only an elision mark. */
static bool S_elision(const char *line, size_t len) {
  while (len && (*line == ' ')) line++, len--;
  return len == strlen("…") && memcmp(line, "…", len) == 0;
}

/* Finds `line` as a whole line of `text` (which starts with '\n') at or after *from;
 * on success *from points at the newline that ends it. */
static bool S_find_line(const char **from, const char *line, size_t len) {
  for (const char *p = strchr(*from, '\n'); p; p = strchr(p + 1, '\n')) {
    if (strncmp(p + 1, line, len) == 0 && (p[1 + len] == '\n' || p[1 + len] == '\0')) {
      *from = p + 1 + len;
      return true;
    }
  }
  return false;
}

static void test_readme_demo_output(void **state) {
  (void)state;
  char *readme = S_slurp("README.md");
  char *block = S_block_after(readme, "`make demo`), abridged:");
  dossier_options o = {.width = 88};
  dossier_corpus *c = S_demo(&o);
  char *full = tu_render(c, DOSSIER_FORMAT_TEXT);
  /* A leading newline lets the first report line match as a whole line too. */
  size_t flen = strlen(full);
  char *text = malloc(flen + 2);
  text[0] = '\n';
  memcpy(text + 1, full, flen + 1);
  const char *from = text, *p = block;
  size_t checked = 0;
  while (*p) {
    const char *eol = strchr(p, '\n');
    size_t len = (size_t)(eol - p);
    if (len && !S_elision(p, len)) {
      if (!S_find_line(&from, p, len))
        fail_msg("README demo line not in the report (or out of order): %.*s", (int)len, p);
      checked++;
    }
    p = eol + 1;
  }
  assert_true(checked >= 10);
  free(text), free(full), free(block), free(readme);
  dossier_corpus_free(c);
}

static void test_readme_front_matter(void **state) {
  (void)state;
  char *readme = S_slurp("README.md");
  char *block = S_block_after(readme, "plain text with optional front matter:");
  dossier_corpus *c = dossier_corpus_new(NULL);
  assert_int_equal(dossier_corpus_add_memory(c, "example.txt", block, strlen(block)), 1);
  dossier_corpus_extract(c);
  const ds_article *a = c->articles.items[0];
  assert_string_equal(a->title, "Valdorian troops enter Karsovia");
  assert_string_equal(a->outlet, "Continental Press Agency");
  assert_string_equal(a->url, "https://cpa.example/valdoria");
  assert_string_equal(a->published, "2025-03-10");
  assert_string_equal(a->author, "Marta Keel");
  assert_int_equal(a->published_basis, DS_BASIS_METADATA);
  dossier_corpus_free(c);
  free(block), free(readme);
}

/* Every key (and every value of every key) found anywhere in the JSON: keys go to
 * `keys` as "name", string values as "section.name=value", where section is the
 * top-level key the value lies under ("type" means one thing for entities, another
 * for times). */
static void S_collect(json_t *j, json_t *keys, const char *section) {
  const char *k;
  json_t *v;
  size_t i;
  if (json_is_object(j)) {
    json_object_foreach(j, k, v) {
      json_object_set_new(keys, k, json_true());
      if (json_is_string(v)) {
        char kv[512];
        snprintf(kv, sizeof kv, "%s.%s=%s", section, k, json_string_value(v));
        json_object_set_new(keys, kv, json_true());
      }
      S_collect(v, keys, *section ? section : k);
    }
  } else if (json_is_array(j)) {
    json_array_foreach(j, i, v) S_collect(v, keys, section);
  }
}

/* Checks one documented key (and its '|'-separated values, when given) against the
 * demo's keys: the key appears, and every value the demo gives it is documented. */
static void S_check_key(json_t *seen, const char *section, const char *key,
                        const char *values) {
  if (!json_object_get(seen, key)) fail_msg("docs/json.md key \"%s\" not in the demo JSON", key);
  if (!values || !strchr(values, '|')) return;
  const char *k;
  json_t *v;
  char path[128];
  size_t plen = (size_t)snprintf(path, sizeof path, "%s.%s=", section, key);
  json_object_foreach(seen, k, v) {
    if (strncmp(k, path, plen) != 0) continue;
    const char *val = k + plen;
    size_t vlen = strlen(val);
    bool ok = false;
    for (const char *p = values; *p;) {
      const char *bar = strchr(p, '|');
      size_t n = bar ? (size_t)(bar - p) : strlen(p);
      if (n == vlen && memcmp(p, val, n) == 0) ok = true;
      p += n + (bar ? 1 : 0);
    }
    if (!ok) fail_msg("demo JSON gives \"%s\":\"%s\", not among \"%s\" in docs/json.md", key, val, values);
  }
}

static void test_json_contract_keys(void **state) {
  (void)state;
  char *doc = S_slurp("docs/json.md");
  char *block = S_block_after(doc, "# The JSON contract");
  dossier_corpus *c = S_demo(NULL);
  char *out = tu_render(c, DOSSIER_FORMAT_JSON);
  json_error_t jerr;
  json_t *root = json_loads(out, 0, &jerr);
  assert_non_null(root);
  json_t *seen = json_object();
  S_collect(root, seen, "");
  size_t keys = 0;
  char section[64] = "";
  for (const char *p = strchr(block, '"'); p; p = strchr(p, '"')) {
    const char *end = strchr(p + 1, '"');
    assert_non_null(end);
    bool is_value = p > block && p[-1] == ':';
    if (!is_value) {
      char key[64] = {0}, values[256] = {0};
      snprintf(key, sizeof key, "%.*s", (int)(end - p - 1), p + 1);
      if (end[1] == ':' && end[2] == '"') {
        const char *vend = strchr(end + 3, '"');
        snprintf(values, sizeof values, "%.*s", (int)(vend - end - 3), end + 3);
      }
      if (p[-1] == ' ' && p[-2] == ' ' && p[-3] == '\n') snprintf(section, sizeof section, "%s", key);
      S_check_key(seen, section, key, values);
      keys++;
    }
    p = end + 1;
  }
  assert_true(keys >= 40);
  json_decref(seen), json_decref(root);
  free(out), free(block), free(doc);
  dossier_corpus_free(c);
}

static void test_readme_options_in_help(void **state) {
  (void)state;
  const char *cli = getenv("DOSSIER");
  if (!cli) skip(); /* run through scripts/run-tests.sh, which names the CLI */
  char cmd[1200];
  snprintf(cmd, sizeof cmd, "'%s' --help", cli);
  FILE *p = popen(cmd, "r");
  assert_non_null(p);
  char help[16384];
  size_t n = fread(help, 1, sizeof help - 1, p);
  help[n] = '\0';
  assert_int_equal(pclose(p), 0);
  char *readme = S_slurp("README.md");
  const char *sec = strstr(readme, "## Command line");
  const char *endsec = strstr(sec, "\n## Inputs");
  assert_non_null(endsec);
  size_t opts = 0;
  for (const char *q = sec; (q = strchr(q, '`')) && q < endsec; q++) {
    if (q[1] != '-' || q[2] == ' ') continue; /* only `-x` / `--long` spans */
    size_t len = strspn(q + 1, "-abcdefghijklmnopqrstuvwxyz");
    char opt[32];
    snprintf(opt, sizeof opt, "%.*s", (int)len, q + 1);
    if (!strstr(help, opt)) fail_msg("README option %s is not in dossier --help", opt);
    opts++;
  }
  assert_true(opts >= 8);
  free(readme);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_readme_demo_output),
      cmocka_unit_test(test_readme_front_matter),
      cmocka_unit_test(test_json_contract_keys),
      cmocka_unit_test(test_readme_options_in_help),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
