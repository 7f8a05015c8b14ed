/* The human-readable reports (text, Markdown, HTML) through the public API: the
 * sections are there, hostile article text is escaped, colour only when asked, the
 * width is respected. The articles are our own prose about an invented event. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dossier.h"
#include "report_html.h"
#include "test_util.h"

static const char *S_a =
    "---\ntitle: Dam gates opened on the Ressel after week of rain\noutlet: Lowland Post\n"
    "published: 2030-09-16\n---\n\n"
    "HARLEN, Sept 16 (LP) - Engineers opened all four gates of the Ressel dam on Monday after a week "
    "of heavy rain raised the reservoir to its highest level since 2011, the regional water board said.\n\n"
    "About 3,000 residents of the lower valley were told to leave their homes by Sunday evening, "
    "according to the water board.\n\n"
    "\"We would rather move people twice than too late once,\" said Anna Verhoek, the board's director.\n\n"
    "The river is expected to peak on Wednesday at Harlen, where the town council has closed two bridges.\n";

static const char *S_b =
    "---\ntitle: Valley evacuated as Ressel reservoir nears the top\noutlet: Harlen Evening News\n"
    "published: 2030-09-17\n---\n\n"
    "The regional water board opened all four gates of the Ressel dam on Monday, after rain pushed the "
    "reservoir to its highest level since 2011.\n\n"
    "At least 3,500 people in the lower valley left their homes on Sunday, the board said, more than "
    "it had first announced.\n\n"
    "\"We would rather move people twice than too late once,\" said Anna Verhoek, the director of the "
    "water board.\n\n"
    "Shops in Harlen sold out of sandbags by noon on Tuesday, and the town council closed two bridges.\n";

/* Hostile: markup and Markdown in every field a report shows. */
static const char *S_evil =
    "---\ntitle: <b>Bold</b> \"title\" & 'more'\noutlet: Evil <i>Outlet</i> | [x](javascript:alert(2))\n"
    "published: 2030-09-18\n---\n\n"
    "The dam report said <script>alert(1)</script> was found in the control room on Tuesday.\n\n"
    "An engineer wrote \"><img src=x onerror=alert(1)> on the board, and *nobody* | cared `at all`.\n\n"
    "\"<script>alert(3)</script> is a quote,\" said Mallory Keyes, a hacker.\n";

static dossier_corpus *S_corpus(const dossier_options *o, bool evil) {
  dossier_corpus *c = dossier_corpus_new(o);
  assert_int_equal(dossier_corpus_add_memory(c, "a.txt", S_a, strlen(S_a)), 1);
  assert_int_equal(dossier_corpus_add_memory(c, "b.txt", S_b, strlen(S_b)), 1);
  if (evil) assert_int_equal(dossier_corpus_add_memory(c, "evil.txt", S_evil, strlen(S_evil)), 1);
  dossier_corpus_analyze(c);
  return c;
}

static char *S_write(dossier_corpus *c, dossier_format f) { return tu_render(c, f); }

static size_t S_count(const char *hay, const char *needle) {
  size_t n = 0;
  for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle)) n++;
  return n;
}

static void test_text_sections(void **state) {
  (void)state;
  dossier_corpus *c = S_corpus(NULL, false);
  char *out = S_write(c, DOSSIER_FORMAT_TEXT);
  const char *sections[] = {"DOSSIER: 2 articles from 2 outlets, 2030-09-16 to 2030-09-17", "\nSOURCES\n",
                            "\nSUMMARY\n", "\nFIGURES\n", "\nWHO SAID WHAT\n", "\nTIMELINE\n",
                            "\nPEOPLE & ORGANISATIONS\n"};
  for (size_t i = 0; i < sizeof sections / sizeof *sections; i++) assert_non_null(strstr(out, sections[i]));
  assert_non_null(strstr(out, "Lowland Post"));
  assert_non_null(strstr(out, "Harlen Evening News"));
  assert_non_null(strstr(out, "Anna Verhoek"));
  assert_null(strstr(out, "\x1b[")); /* no colour unless asked */
  /* each summary sentence is followed by its citations in brackets */
  assert_non_null(strstr(out, "      [Lowland Post"));
  free(out);
  dossier_corpus_free(c);
}

/* A title or file name stands in for an unnamed outlet in the tables, but the headline
 * counts only outlets the sources name, in every format. */
static void test_unnamed_outlets_not_counted(void **state) {
  (void)state;
  const char *bare = "Dam gates opened\n\nEngineers opened the gates of the Ressel dam on Monday.\n";
  dossier_corpus *c = dossier_corpus_new(NULL);
  assert_int_equal(dossier_corpus_add_memory(c, "a.txt", S_a, strlen(S_a)), 1);
  assert_int_equal(dossier_corpus_add_memory(c, "bare.txt", bare, strlen(bare)), 1);
  const dossier_format fmts[] = {DOSSIER_FORMAT_TEXT, DOSSIER_FORMAT_MD, DOSSIER_FORMAT_HTML};
  for (size_t i = 0; i < 3; i++) {
    char *out = S_write(c, fmts[i]);
    assert_non_null(strstr(out, "2 articles from 1 outlet (outlet unknown for 1)"));
    free(out);
  }
  dossier_corpus_free(c);
  c = dossier_corpus_new(NULL);
  assert_int_equal(dossier_corpus_add_memory(c, "bare.txt", bare, strlen(bare)), 1);
  char *out = S_write(c, DOSSIER_FORMAT_TEXT);
  assert_non_null(strstr(out, "DOSSIER: 1 article (no outlet named)"));
  free(out);
  dossier_corpus_free(c);
}

static void test_text_color_only_when_asked(void **state) {
  (void)state;
  dossier_options o = {.color = true};
  dossier_corpus *c = S_corpus(&o, false);
  char *out = S_write(c, DOSSIER_FORMAT_TEXT);
  assert_non_null(strstr(out, "\x1b[1mSOURCES\x1b[0m"));
  free(out);
  dossier_corpus_free(c);
}

/* Every line within the width, counted in code points (the output has "…" and “”). */
static size_t S_widest(const char *s) {
  size_t widest = 0, w = 0;
  for (; *s; s++) {
    if (*s == '\n') {
      if (w > widest) widest = w;
      w = 0;
    } else if (((unsigned char)*s & 0xC0) != 0x80) {
      w++;
    }
  }
  return w > widest ? w : widest;
}

static void test_text_width(void **state) {
  (void)state;
  int widths[] = {40, 52, 80, 120};
  for (size_t i = 0; i < 4; i++) {
    dossier_options o = {.width = widths[i]};
    dossier_corpus *c = S_corpus(&o, true);
    char *out = S_write(c, DOSSIER_FORMAT_TEXT);
    assert_true(S_widest(out) <= (size_t)widths[i]);
    if (widths[i] == 80) assert_int_equal(S_widest(out), 80); /* the rule under the title */
    free(out);
    dossier_corpus_free(c);
  }
}

static void test_md_sections_and_escaping(void **state) {
  (void)state;
  dossier_corpus *c = S_corpus(NULL, true);
  char *out = S_write(c, DOSSIER_FORMAT_MD);
  const char *sections[] = {"# Dossier\n", "\n## Sources\n", "\n## Summary\n", "\n## Figures\n",
                            "\n## Who said what\n", "\n## Timeline\n", "\n## People & organisations\n"};
  for (size_t i = 0; i < sizeof sections / sizeof *sections; i++) assert_non_null(strstr(out, sections[i]));
  for (const char *p = strchr(out, '<'); p; p = strchr(p + 1, '<')) assert_int_equal(p[-1], '\\');
  for (const char *p = strchr(out, '['); p; p = strchr(p + 1, '[')) assert_int_equal(p[-1], '\\');
  assert_null(strstr(out, "\\\\")); /* no escape was itself escaped away */
  assert_non_null(strstr(out, "Evil \\<i\\>Outlet\\</i\\> \\| \\[x\\](javascript:alert(2))"));
  assert_non_null(strstr(out, "\\<b\\>Bold\\</b\\> \"title\" \\& 'more'"));
  assert_non_null(strstr(out, "\\<script\\>alert(3)\\</script\\>")); /* in Mallory Keyes' quote */
  /* a summary sentence carries its citations */
  assert_non_null(strstr(out, "\n1. "));
  assert_true(strstr(out, " \\[Lowland Post") || strstr(out, " \\[Harlen Evening News"));
  free(out);
  dossier_corpus_free(c);
}

static void test_html_sections(void **state) {
  (void)state;
  dossier_corpus *c = S_corpus(NULL, false);
  char *out = S_write(c, DOSSIER_FORMAT_HTML);
  const char *ids[] = {"id=\"sources\"", "id=\"summary\"", "id=\"figures\"", "id=\"quotes\"",
                       "id=\"timeline\"", "id=\"entities\"", "id=\"articles\"", "id=\"art-1\"",
                       "id=\"art-2\"", "id=\"q1\"", "href=\"#q1\"", "id=\"f1\"", "href=\"#f1\"",
                       "class=\"sortable\"", "<svg class=\"timeline\"", "href=\"#s1\"", "id=\"s1\""};
  for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
    if (!strstr(out, ids[i])) fail_msg("missing %s", ids[i]);
  }
  assert_true(strncmp(out, "<!DOCTYPE html>", 15) == 0);
  assert_non_null(strstr(out, "Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-"));
  assert_int_equal(S_count(out, "<script"), 1);
  /* self-contained: nothing loaded from anywhere */
  assert_null(strstr(out, "src=\"http"));
  assert_null(strstr(out, "href=\"http"));
  assert_null(strstr(out, "@import"));
  assert_null(strstr(out, "url("));
  free(out);
  dossier_corpus_free(c);
}

static void test_html_escapes_everything(void **state) {
  (void)state;
  dossier_corpus *c = S_corpus(NULL, true);
  char *out = S_write(c, DOSSIER_FORMAT_HTML);
  assert_int_equal(S_count(out, "<script"), 1); /* ours only */
  assert_null(strstr(out, "<script>alert"));
  assert_null(strstr(out, "<img"));
  assert_null(strstr(out, "onerror=alert(1)>"));
  assert_null(strstr(out, "<i>Outlet"));
  assert_null(strstr(out, "<b>Bold"));
  assert_non_null(strstr(out, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  assert_non_null(strstr(out, "&lt;img src=x onerror=alert(1)&gt;"));
  assert_non_null(strstr(out, "&quot;<span") ? out : strstr(out, "&quot;&gt;&lt;img"));
  assert_non_null(strstr(out, "Evil &lt;i&gt;Outlet&lt;/i&gt;"));
  assert_non_null(strstr(out, "&lt;b&gt;Bold&lt;/b&gt; &quot;title&quot; &amp; &#39;more&#39;"));
  /* the script holds no input text */
  const char *js = strstr(out, "<script>");
  assert_non_null(js);
  const char *end = strstr(js, "</script>");
  assert_non_null(end);
  assert_null(memmem(js, (size_t)(end - js), "alert", 5));
  assert_null(memmem(js, (size_t)(end - js), "Verhoek", 7));
  free(out);
  dossier_corpus_free(c);
}

static void test_html_csp_hash_matches_script(void **state) {
  (void)state;
  unsigned char d[32];
  ds_html_sha256("abc", 3, d); /* the FIPS 180-2 example */
  static const unsigned char abc[32] = {0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40,
                                        0xde, 0x5d, 0xae, 0x22, 0x23, 0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17,
                                        0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad};
  assert_memory_equal(d, abc, 32);
  ds_buf b = DS_BUF_INIT;
  ds_html_csp_hash("abc", 3, &b);
  assert_string_equal(b.ptr, "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='");
  ds_buf_free(&b);
  /* the page's CSP names the hash of its own script */
  dossier_corpus *c = S_corpus(NULL, false);
  char *out = S_write(c, DOSSIER_FORMAT_HTML);
  const char *js = strstr(out, "<script>") + 8, *end = strstr(js, "</script>");
  ds_html_csp_hash(js, (size_t)(end - js), &b);
  const char *csp = strstr(out, "script-src 'sha256-");
  assert_non_null(csp);
  assert_memory_equal(csp + 11, b.ptr, b.len);
  ds_buf_free(&b);
  free(out);
  dossier_corpus_free(c);
}

static void test_reprint_shown(void **state) {
  (void)state;
  dossier_corpus *c = dossier_corpus_new(NULL);
  assert_int_equal(dossier_corpus_add_demo(c), 6);
  char *text = S_write(c, DOSSIER_FORMAT_TEXT);
  char *md = S_write(c, DOSSIER_FORMAT_MD);
  char *html = S_write(c, DOSSIER_FORMAT_HTML);
  assert_non_null(strstr(text, "reprint of a2 (Northbank Herald)"));
  /* the demo's quote told differently by two outlets (designed into examples/demo) */
  assert_non_null(strstr(text, "VARIANT WORDING"));
  assert_non_null(strstr(html, "variant wording"));
  assert_non_null(strstr(md, "**reprint of a2 (Northbank Herald)**"));
  assert_non_null(strstr(html, "reprint</span> of <a href=\"#art-2\">Northbank Herald</a>"));
  free(text), free(md), free(html);
  dossier_corpus_free(c);
}

static void test_rows_capped(void **state) {
  (void)state;
  /* more sources than DS_MAX_REPORT_ROWS (200): the rest are counted, not listed */
  dossier_corpus *c = dossier_corpus_new(NULL);
  char name[32], text[160];
  for (int i = 0; i < 205; i++) {
    snprintf(name, sizeof name, "n%03d.txt", i);
    snprintf(text, sizeof text, "---\noutlet: Outlet %03d\n---\n\nA short note number %d about the dam.\n", i, i);
    dossier_corpus_add_memory(c, name, text, strlen(text));
  }
  char *out = S_write(c, DOSSIER_FORMAT_TEXT);
  assert_non_null(strstr(out, "Outlet 199"));
  assert_null(strstr(out, "Outlet 200"));
  assert_non_null(strstr(out, "… 5 more articles not shown"));
  free(out);
  dossier_corpus_free(c);
}

/* A corpus of the one text t, analysed; the caller frees it. */
static dossier_corpus *S_analyzed(const char *t) {
  dossier_corpus *c = dossier_corpus_new(NULL);
  assert_int_equal(dossier_corpus_add_memory(c, "one.txt", t, strlen(t)), 1);
  dossier_corpus_analyze(c);
  return c;
}

/* A report that says where it first appeared shows that beside its source. */
static void test_stated_origin_shown(void **state) {
  (void)state;
  const char *t = "This article was originally published by Harbour Gazette and is reprinted with "
                  "permission.\n\nThe ferry to the outer islands sailed again on Monday, the harbour "
                  "office said.\n";
  dossier_corpus *c = S_analyzed(t);
  char *text = S_write(c, DOSSIER_FORMAT_TEXT);
  char *md = S_write(c, DOSSIER_FORMAT_MD);
  char *html = S_write(c, DOSSIER_FORMAT_HTML);
  assert_non_null(strstr(text, "reprinted from Harbour Gazette (the article says so)"));
  assert_non_null(strstr(md, "| reprinted from Harbour Gazette (the article says so) |"));
  assert_non_null(strstr(html, "<td>reprinted from Harbour Gazette (the article says so)</td>"));
  free(text), free(md), free(html);
  dossier_corpus_free(c);
}

/* A sum written without its sign says its currency in the report; one with the sign
 * does not repeat it. */
static void test_money_unit_shown_without_sign(void **state) {
  (void)state;
  const char *t = "---\noutlet: Lowland Post\npublished: 2030-09-16\n---\n\n"
                  "The board has spent tens of billions of dollars on dams since 2011. "
                  "It approved $40 million for the Ressel gates on Monday.\n";
  dossier_corpus *c = S_analyzed(t);
  char *out = S_write(c, DOSSIER_FORMAT_TEXT);
  assert_non_null(strstr(out, "tens of billions (dollar)"));
  assert_non_null(strstr(out, "$40 million —"));
  free(out);
  dossier_corpus_free(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_text_sections),
      cmocka_unit_test(test_money_unit_shown_without_sign),
      cmocka_unit_test(test_unnamed_outlets_not_counted),
      cmocka_unit_test(test_text_color_only_when_asked),
      cmocka_unit_test(test_text_width),
      cmocka_unit_test(test_md_sections_and_escaping),
      cmocka_unit_test(test_html_sections),
      cmocka_unit_test(test_html_escapes_everything),
      cmocka_unit_test(test_html_csp_hash_matches_script),
      cmocka_unit_test(test_reprint_shown),
      cmocka_unit_test(test_stated_origin_shown),
      cmocka_unit_test(test_rows_capped),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
