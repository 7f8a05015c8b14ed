/* The HTML reader: each metadata source (Open Graph, JSON-LD with @graph, <time>,
 * article:published_time, <title> suffixes), main-text extraction (furniture, hidden
 * nodes, scripts and styles dropped; paragraphs kept), legacy encodings, malformed
 * markup, and pages with no article. Fixtures are our own pages under
 * tests/fixtures/html/ (fictional events). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "corpus.h"
#include "read_html.h"
#include "util/buf.h"

static char *S_load(const char *name, size_t *len) {
  char path[1024];
  snprintf(path, sizeof path, "%s/tests/fixtures/html/%s", DOSSIER_SOURCE_DIR, name);
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  rewind(f);
  char *b = malloc((size_t)n + 1);
  assert_int_equal(fread(b, 1, (size_t)n, f), (size_t)n);
  fclose(f);
  b[n] = '\0';
  *len = (size_t)n;
  return b;
}

/* Extracts a fixture into d (arena a); returns ds_html_extract's answer. */
static bool S_extract(const char *name, ds_arena *a, ds_html_doc *d) {
  size_t len;
  char *b = S_load(name, &len);
  bool ok = ds_html_extract(b, len, a, d);
  free(b);
  return ok;
}

static bool S_has(const char *text, const char *needle) { return strstr(text, needle) != NULL; }

static void test_open_graph_meta(void **state) {
  (void)state;
  ds_arena a = {0};
  ds_html_doc d;
  assert_true(S_extract("og.html", &a, &d));
  assert_string_equal(d.title, "Velmora lighthouse will be restored, harbour authority says");
  assert_string_equal(d.outlet, "Velmora Gazette");
  assert_string_equal(d.author, "Ilse Marren");
  assert_string_equal(d.published, "2031-05-06"); /* article:published_time */
  assert_string_equal(d.url, "https://gazette.example/velmora/lighthouse");
  ds_arena_free(&a);
}

static void test_furniture_dropped(void **state) {
  (void)state;
  ds_arena a = {0};
  ds_html_doc d;
  assert_true(S_extract("og.html", &a, &d));
  assert_true(S_has(d.text, "The harbour authority of Velmora confirmed on Tuesday"));
  assert_true(S_has(d.text, "a steel frame."));
  static const char *const never[] = {
      "scriptmarker", "stylemarker", "color: red", "Hiddenmarker", "Captionmarker",
      "cookies",      "Sport",       "Related",    "Harbour fees",  "newsletter",
      "Copyright",    "Tweet",       "Velmora lighthouse will be restored"};
  for (size_t i = 0; i < sizeof never / sizeof *never; i++) {
    if (S_has(d.text, never[i])) fail_msg("text holds \"%s\"", never[i]);
  }
  ds_arena_free(&a);
}

static void test_paragraph_breaks(void **state) {
  (void)state;
  ds_arena a = {0};
  ds_html_doc d;
  assert_true(S_extract("og.html", &a, &d));
  /* blocks are separated by a blank line, headings are their own paragraph, list
   * items are lines, and nothing leads or trails */
  assert_true(S_has(d.text, "corroded by salt.\n\nEngineers expect"));
  assert_true(S_has(d.text, "had requested.\n\nDecades of debate\n\nResidents who"));
  assert_true(S_has(d.text, "steel frame.\n\nWork starts in June.\nThe light stays on throughout."));
  assert_int_equal(strncmp(d.text, "The harbour", 11), 0);
  assert_int_equal(d.text[d.text_len - 1], '.');
  assert_int_equal(strlen(d.text), d.text_len);
  ds_arena_free(&a);
}

static void test_jsonld_graph(void **state) {
  (void)state;
  ds_arena a = {0};
  ds_html_doc d;
  assert_true(S_extract("jsonld_graph.html", &a, &d));
  assert_string_equal(d.title, "Council approves a second night bus line");
  assert_string_equal(d.outlet, "Vale Courier"); /* publisher by @id reference */
  assert_string_equal(d.author, "Tomas Reyl, Ana Dvorak");
  assert_string_equal(d.published, "2031-11-17");
  assert_null(d.url);
  assert_true(S_has(d.text, "weekdays.\n\nCouncil members said"));
  ds_arena_free(&a);
}

static void test_time_title_byline(void **state) {
  (void)state;
  ds_arena a = {0};
  ds_html_doc d;
  assert_true(S_extract("time_title.html", &a, &d));
  /* "<title> - The Kesra Herald" loses its site suffix */
  assert_string_equal(d.title, "Small earthquake shakes Kesra, no injuries reported");
  assert_string_equal(d.published, "2031-03-08"); /* <time datetime> */
  assert_string_equal(d.author, "Marta Olen");    /* byline class, "By" dropped */
  assert_null(d.outlet);
  assert_false(S_has(d.text, "By Marta Olen"));
  assert_true(S_has(d.text, "not been affected.\nSecond line after a break.")); /* <br> */
  ds_arena_free(&a);
}

static void test_legacy_encodings(void **state) {
  (void)state;
  static const char *const files[] = {"legacy_1252.html", "legacy_latin1.html"};
  for (size_t i = 0; i < 2; i++) {
    ds_arena a = {0};
    ds_html_doc d;
    assert_true(S_extract(files[i], &a, &d));
    assert_string_equal(d.title, "Br\xC3\xA9van r\xC3\xA9nove son \xC3\xA9" "cole");
    assert_true(S_has(d.text, "Le conseil municipal de Br\xC3\xA9van a adopt\xC3\xA9 jeudi"));
    assert_true(S_has(d.text, "les \xC3\xA9l\xC3\xA8ves retrouveront"));
    ds_arena_free(&a);
  }
  ds_arena a = {0};
  ds_html_doc d;
  assert_true(S_extract("legacy_1252.html", &a, &d)); /* 0x92 is a curly apostrophe */
  assert_true(S_has(d.text, "de l\xE2\x80\x99\xC3\xA9" "cole \xC3\xA9l\xC3\xA9mentaire"));
  assert_true(S_has(d.text, "\xC2\xAB si la m\xC3\xA9t\xC3\xA9o le permet \xC2\xBB"));
  ds_arena_free(&a);
}

static void test_encoding_edges(void **state) {
  (void)state;
  ds_arena a = {0};
  ds_html_doc d;
  /* labelled windows-1251 but written in UTF-8: the valid UTF-8 is trusted */
  const char *lying = "<html><head><meta charset=\"windows-1251\"></head><body><p>"
                      "Caf\xC3\xA9 owners in Velmora reopened their terraces on Friday.</p></body></html>";
  assert_true(ds_html_extract(lying, strlen(lying), &a, &d));
  assert_string_equal(d.text, "Caf\xC3\xA9 owners in Velmora reopened their terraces on Friday.");
  /* a stray invalid byte in a UTF-8 page becomes U+FFFD, the rest is kept */
  const char *stray = "<p>Ferry tickets cost 12\xFF euros from the first of June onwards.</p>";
  assert_true(ds_html_extract(stray, strlen(stray), &a, &d));
  assert_string_equal(d.text, "Ferry tickets cost 12\xEF\xBF\xBD euros from the first of June onwards.");
  /* binary data is no page */
  char bin[4096];
  for (size_t i = 0; i < sizeof bin; i++) bin[i] = (char)(0x80 + (i * 37) % 0x7F);
  assert_false(ds_html_extract(bin, sizeof bin, &a, &d));
  ds_arena_free(&a);
}

static void test_malformed(void **state) {
  (void)state;
  ds_arena a = {0};
  ds_html_doc d;
  assert_true(S_extract("malformed.html", &a, &d));
  assert_string_equal(d.title, "Oak saplings planted along the Tesk");
  assert_true(S_has(d.text, "a century ago.\n\nThe organisers said"));
  assert_true(S_has(d.text, "before the frost.\n\nFarmers who own land"));
  assert_true(S_has(d.text, "summer hay harvest."));
  ds_arena_free(&a);
}

static void test_no_article(void **state) {
  (void)state;
  ds_arena a = {0};
  ds_html_doc d;
  assert_false(S_extract("nav_only.html", &a, &d));
  assert_string_equal(d.text, "");
  assert_string_equal(d.title, "Site map");
  assert_false(ds_html_extract("", 0, &a, &d));
  ds_arena_free(&a);

  dossier_corpus *c = dossier_corpus_new(NULL);
  size_t len;
  char *b = S_load("nav_only.html", &len);
  assert_int_equal(dossier_corpus_add_memory(c, "nav_only.html", b, len), 0);
  assert_int_equal(dossier_corpus_error_count(c), 1);
  const dossier_error *e = dossier_corpus_error(c, 0);
  assert_int_equal(e->code, DOSSIER_ERR_HTML);
  assert_string_equal(e->file, "nav_only.html");
  assert_string_equal(e->message, "no article text found in the HTML page");
  free(b);
  dossier_corpus_free(c);
}

static void test_reader_article(void **state) {
  (void)state;
  dossier_corpus *c = dossier_corpus_new(NULL);
  size_t len;
  char *b = S_load("og.html", &len);
  assert_int_equal(dossier_corpus_add_memory(c, "pages/og.html", b, len), 1);
  const ds_article *a = c->articles.items[0];
  assert_string_equal(a->title, "Velmora lighthouse will be restored, harbour authority says");
  assert_string_equal(a->outlet, "Velmora Gazette");
  assert_string_equal(a->published, "2031-05-06");
  assert_int_equal(a->published_basis, DS_BASIS_METADATA);
  assert_true(a->raw_is_html);
  assert_int_equal(strlen(a->raw), a->raw_len);
  assert_true(S_has(a->raw, "Decades of debate"));
  free(b);
  dossier_corpus_free(c);
}

static void test_retry_fewer_rules(void **state) {
  (void)state;
  /* the only prose sits in a box whose class says "comments": the strict pass drops
   * it and finds nothing, the retry without class rules keeps it */
  ds_buf b = DS_BUF_INIT;
  ds_buf_puts(&b, "<html><body><nav><a href=\"/\">Home</a></nav><div class=\"comments\">");
  for (int i = 0; i < 4; i++)
    ds_buf_printf(&b, "<p>Paragraph %d of the notice: the marina at Velmora closes for dredging "
                      "work from the first of October, and boats must moor at the east quay.</p>", i);
  ds_buf_puts(&b, "</div></body></html>");
  ds_arena a = {0};
  ds_html_doc d;
  assert_true(ds_html_extract(b.ptr, b.len, &a, &d));
  assert_true(S_has(d.text, "Paragraph 0 of the notice"));
  assert_true(S_has(d.text, "Paragraph 3 of the notice"));
  assert_false(S_has(d.text, "Home"));
  ds_arena_free(&a);
  ds_buf_free(&b);
}

static void test_author_forms(void **state) {
  (void)state;
  static const char *const cases[][2] = {
      {"By Ana Lind", "Ana Lind"},
      {"by Ana Lind - May 6, 2031", "Ana Lind"},
      {"Par Marc Olier", "Marc Olier"},
      {"Di Wang", "Di Wang"}, /* a name, not Italian "by" */
      {"Ana Lind \xE2\x80\x94", "Ana Lind"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char page[512];
    snprintf(page, sizeof page,
             "<html><head><meta name=\"author\" content=\"%s\"></head><body><p>The ferry to "
             "the island runs twice a day in summer, and once a day in winter.</p></body></html>",
             cases[i][0]);
    ds_arena a = {0};
    ds_html_doc d;
    assert_true(ds_html_extract(page, strlen(page), &a, &d));
    assert_string_equal(d.author, cases[i][1]);
    ds_arena_free(&a);
  }
}

static void test_dates(void **state) {
  (void)state;
  char d[11];
  static const char *const ok[][2] = {
      {"2031-05-06T09:30:00+02:00", "2031-05-06"}, {"2031/5/6", "2031-05-06"},
      {"20310506", "2031-05-06"},                  {"May 6, 2031", "2031-05-06"},
      {"Tue, 06 May 2031 09:30:00 GMT", "2031-05-06"}, {"6 May 2031", "2031-05-06"},
      {" 2031-12-31 ", "2031-12-31"}};
  for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
    assert_true(ds_html_date(ok[i][0], strlen(ok[i][0]), d));
    assert_string_equal(d, ok[i][1]);
  }
  static const char *const bad[] = {"", "yesterday", "2031-13-01", "1700000000", "May 2031"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
    assert_false(ds_html_date(bad[i], strlen(bad[i]), d));
}

static void test_whole_page_text(void **state) {
  (void)state;
  ds_arena a = {0};
  ds_html_doc d;
  const char *page = "<div><p>One <b>two</b></p><script>x()</script><ul><li>three<li>four</ul></div>";
  assert_true(ds_html_to_text(page, strlen(page), &a, &d));
  assert_string_equal(d.text, "One two\n\nthree\nfour");
  ds_arena_free(&a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_open_graph_meta), cmocka_unit_test(test_furniture_dropped),
      cmocka_unit_test(test_paragraph_breaks), cmocka_unit_test(test_jsonld_graph),
      cmocka_unit_test(test_time_title_byline), cmocka_unit_test(test_legacy_encodings),
      cmocka_unit_test(test_encoding_edges),   cmocka_unit_test(test_malformed),        cmocka_unit_test(test_no_article),
      cmocka_unit_test(test_reader_article),   cmocka_unit_test(test_author_forms),
      cmocka_unit_test(test_retry_fewer_rules),   cmocka_unit_test(test_dates),
      cmocka_unit_test(test_whole_page_text),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
