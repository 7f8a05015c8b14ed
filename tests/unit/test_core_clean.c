/* Unit tests of clean: boilerplate removal (kept in boilerplate_removed), reprint
 * notices, title, byline and dateline, page-break re-joining, markdown, and the map
 * from body offsets back to raw offsets. All text is invented for the tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "corpus.h"

/* Reads text as one article named name and cleans it; the corpus is kept in *c. */
static ds_article *S_clean(dossier_corpus **c, const char *name, const char *text) {
  *c = dossier_corpus_new(NULL);
  assert_int_equal(dossier_corpus_add_memory(*c, name, text, strlen(text)), 1);
  ds_article *a = (*c)->articles.items[0];
  ds_clean(a);
  assert_int_equal(strlen(a->body), a->body_len);
  return a;
}

/* The raw offset of a body offset, by the offset map. */
static uint32_t S_raw_of(const ds_article *a, uint32_t b) {
  uint32_t raw = 0, base = 0;
  for (size_t i = 0; i + 1 < a->offmap.len && a->offmap.items[i] <= b; i += 2)
    base = a->offmap.items[i], raw = a->offmap.items[i + 1];
  return raw + (b - base);
}

/* Every run the map names must be a verbatim copy of the raw text, up to the
 * separators (newline, space) that clean itself puts between lines. */
static void S_check_offmap(const ds_article *a) {
  assert_true(a->offmap.len % 2 == 0);
  for (size_t i = 0; i < a->offmap.len; i += 2) {
    uint32_t b = a->offmap.items[i], r = a->offmap.items[i + 1];
    uint32_t e = i + 2 < a->offmap.len ? a->offmap.items[i + 2] : a->body_len;
    assert_true(b < e);
    assert_true(i == 0 || b > a->offmap.items[i - 2]);
    while (e > b && (a->body[e - 1] == '\n' || a->body[e - 1] == ' ')) e--;
    assert_true(r + (e - b) <= a->raw_len);
    assert_memory_equal(a->body + b, a->raw + r, e - b);
  }
}

/* Wraps one line between two paragraphs of text, cleans, and checks the line went. */
static void S_removed(const char *line) {
  char text[600];
  snprintf(text, sizeof text,
           "Quay opens\n\nThe new quay opened on Monday.\n\n%s\n\nBoats lined up to use it.\n",
           line);
  dossier_corpus *c;
  ds_article *a = S_clean(&c, "quay.txt", text);
  if (strcmp(a->body, "The new quay opened on Monday.\n\nBoats lined up to use it.") != 0)
    fail_msg("line not removed: \"%s\" -> body \"%s\"", line, a->body);
  assert_int_equal(a->boilerplate.len, 1);
  assert_string_equal(a->boilerplate.items[0], line);
  S_check_offmap(a);
  dossier_corpus_free(c);
}

static void test_boilerplate_kinds(void **state) {
  (void)state;
  S_removed("Advertisement");
  S_removed("ADVERTISEMENT");
  S_removed("Story continues below advertisement");
  S_removed("Previous");
  S_removed("Next");
  S_removed("Next article");
  S_removed("Related Posts");
  S_removed("**Related Posts:**");
  S_removed("Other Topics of Interest");
  S_removed("Share this article");
  S_removed("Subscribe");
  S_removed("To contact the newsroom, email desk@quay.example");
  S_removed("To suggest a correction, write to fixes@quay.example");
  S_removed("(Photo: Tom Greer/Quay Courier)");
  S_removed("Photo by Tom Greer");
  S_removed("Getty Images");
  S_removed("(Flickr)");
  S_removed("https://quay.example/contact");
  S_removed("[Read the council report](https://quay.example/report)");
  S_removed("* * *");
  S_removed("All rights reserved.");
}

static void test_boilerplate_kept_text(void **state) {
  (void)state;
  /* lines that merely mention a boilerplate word are article text */
  dossier_corpus *c;
  ds_article *a = S_clean(&c, "t.txt",
                          "Quay opens\n\nNext week the quay opens.\n\nShare prices rose.\n\n"
                          "Photographers (and reporters) came.\n");
  assert_string_equal(a->body,
                      "Next week the quay opens.\n\nShare prices rose.\n\nPhotographers (and "
                      "reporters) came.");
  assert_int_equal(a->boilerplate.len, 0);
  dossier_corpus_free(c);
}

static void test_related_headlines(void **state) {
  (void)state;
  dossier_corpus *c;
  ds_article *a = S_clean(&c, "r.txt",
                          "Quay opens\n\nThe quay opened.\n\nRelated Posts\n\nStorm closes the old "
                          "pier\nCouncil debates harbour fees\n\nThe mayor cut the ribbon.\n");
  assert_string_equal(a->body, "The quay opened.\n\nThe mayor cut the ribbon.");
  assert_int_equal(a->boilerplate.len, 3);
  assert_string_equal(a->boilerplate.items[0], "Related Posts");
  assert_string_equal(a->boilerplate.items[1], "Storm closes the old pier");
  assert_string_equal(a->boilerplate.items[2], "Council debates harbour fees");
  dossier_corpus_free(c);
}

static void test_marker_runs(void **state) {
  (void)state;
  /* markers back to back: the last one takes the headlines after it */
  dossier_corpus *c;
  ds_article *a = S_clean(&c, "m.txt",
                          "Quay opens\n\nThe quay opened.\n\nRelated Posts\n\nNext\n\nStorm closes "
                          "the old pier\nCouncil debates harbour fees\n\nThe mayor cut the ribbon.\n");
  assert_string_equal(a->body, "The quay opened.\n\nThe mayor cut the ribbon.");
  assert_int_equal(a->boilerplate.len, 4);
  dossier_corpus_free(c);
  /* thousands of markers (a scraped index page) are all removed, in linear time */
  ds_buf b = DS_BUF_INIT;
  ds_buf_puts(&b, "Index\n\nThe quay opened.\n\n");
  for (int i = 0; i < 20000; i++) ds_buf_puts(&b, "Previous\n\nNext\n\n");
  ds_buf_puts(&b, "The mayor cut the ribbon.\n");
  a = S_clean(&c, "i.txt", b.ptr);
  ds_buf_free(&b);
  assert_string_equal(a->body, "The quay opened.\n\nThe mayor cut the ribbon.");
  assert_int_equal(a->boilerplate.len, 40000);
  dossier_corpus_free(c);
}

static void test_repeated_short_line(void **state) {
  (void)state;
  dossier_corpus *c;
  ds_article *a = S_clean(&c, "d.txt",
                          "Quay opens\n\nThe quay opened.\nHarbour view at dusk\nHarbour view at "
                          "dusk\nThe mayor spoke.\n");
  /* a removed line leaves a paragraph break behind */
  assert_string_equal(a->body, "The quay opened.\n\nThe mayor spoke.");
  assert_int_equal(a->boilerplate.len, 2);
  assert_string_equal(a->boilerplate.items[1], "Harbour view at dusk");
  dossier_corpus_free(c);
}

static void test_reprint_notice(void **state) {
  (void)state;
  dossier_corpus *c;
  ds_article *a = S_clean(&c, "p.txt",
                          "Quay opens\n\nThe quay opened.\n\nThis article was originally "
                          "published by The Skell Islander and is reprinted with permission.\n");
  assert_string_equal(a->body, "The quay opened.");
  assert_string_equal(a->reprint_from, "The Skell Islander");
  assert_int_equal(a->boilerplate.len, 1);
  dossier_corpus_free(c);

  a = S_clean(&c, "q.txt", "Quay opens\n\nThe quay opened.\n\n*Originally published in Harbour "
                           "Weekly.*\n");
  assert_string_equal(a->reprint_from, "Harbour Weekly");
  assert_string_equal(a->body, "The quay opened.");
  dossier_corpus_free(c);

  a = S_clean(&c, "n.txt", "Quay opens\n\nThe quay opened.\n");
  assert_null(a->reprint_from);
  dossier_corpus_free(c);
}

/* ---- title, byline, dateline ---- */

static void test_title_first_short_line(void **state) {
  (void)state;
  dossier_corpus *c;
  ds_article *a = S_clean(&c, "t.txt", "\n\n  Lorn Bay ferry returns after storm  \n\nThe ferry sailed.\n");
  assert_string_equal(a->title, "Lorn Bay ferry returns after storm");
  assert_string_equal(a->body, "The ferry sailed.");
  S_check_offmap(a);
  dossier_corpus_free(c);

  a = S_clean(&c, "h.md", "## Ferry *returns*\n\nThe ferry sailed.\n");
  assert_string_equal(a->title, "Ferry *returns*");
  assert_string_equal(a->body, "The ferry sailed.");
  dossier_corpus_free(c);

  a = S_clean(&c, "q.txt", "Will the ferry run this winter?\n\nNobody knows yet.\n");
  assert_string_equal(a->title, "Will the ferry run this winter?");
  dossier_corpus_free(c);

  /* a first line that is a sentence is the lede, not a title */
  a = S_clean(&c, "l.txt", "The ferry to Skell Island sailed again on Wednesday.\nIt was full.\n");
  assert_null(a->title);
  assert_string_equal(a->body, "The ferry to Skell Island sailed again on Wednesday.\nIt was full.");
  dossier_corpus_free(c);
}

static void test_title_after_byline(void **state) {
  (void)state;
  /* a byline or a date on the first line is not the title */
  dossier_corpus *c;
  ds_article *a = S_clean(&c, "b.txt", "By Ada Venn\nApril 3, 2025\n\nThe ferry sailed.\n");
  assert_null(a->title);
  assert_string_equal(a->author, "Ada Venn");
  assert_string_equal(a->published, "2025-04-03");
  assert_string_equal(a->body, "The ferry sailed.");
  dossier_corpus_free(c);
  /* a headline right after a leading dateline is the title */
  a = S_clean(&c, "d.txt", "April 3, 2025\n\nFerry returns\n\nThe ferry sailed.\n");
  assert_string_equal(a->title, "Ferry returns");
  assert_string_equal(a->published, "2025-04-03");
  assert_string_equal(a->body, "The ferry sailed.");
  dossier_corpus_free(c);
  /* "By" starting an ordinary headline */
  a = S_clean(&c, "h.txt", "By the sea, a town waits\n\nThe ferry sailed.\n");
  assert_string_equal(a->title, "By the sea, a town waits");
  assert_null(a->author);
  dossier_corpus_free(c);
}

static void test_title_repeated_after_front_matter(void **state) {
  (void)state;
  dossier_corpus *c;
  ds_article *a = S_clean(&c, "f.txt",
                          "---\ntitle: Ferry returns\n---\n# Ferry returns\n\nThe ferry sailed.\n");
  assert_string_equal(a->title, "Ferry returns");
  assert_string_equal(a->body, "The ferry sailed.");
  dossier_corpus_free(c);
}

static void test_byline_name_then_date(void **state) {
  (void)state;
  dossier_corpus *c;
  ds_article *a = S_clean(&c, "b.txt",
                          "Ferry returns\n\nBy Ada Venn\nApril 3, 2025\n\nThe ferry sailed.\n");
  assert_string_equal(a->author, "Ada Venn");
  assert_string_equal(a->published, "2025-04-03");
  assert_int_equal(a->published_basis, DS_BASIS_TEXT);
  assert_string_equal(a->body, "The ferry sailed.");
  dossier_corpus_free(c);

  /* no "By": a name line counts as a byline only when a date line follows */
  a = S_clean(&c, "b2.txt", "Ferry returns\n\nAda Venn\n\n3 April 2025\n\nThe ferry sailed.\n");
  assert_string_equal(a->author, "Ada Venn");
  assert_string_equal(a->published, "2025-04-03");
  assert_string_equal(a->body, "The ferry sailed.");
  dossier_corpus_free(c);
}

static void test_byline_one_line(void **state) {
  (void)state;
  dossier_corpus *c;
  ds_article *a = S_clean(&c, "b.txt",
                          "Ferry returns\nBy Ada Venn | March 16, 2025\nThe ferry sailed.\n");
  assert_string_equal(a->author, "Ada Venn");
  assert_string_equal(a->published, "2025-03-16");
  assert_int_equal(a->published_basis, DS_BASIS_TEXT);
  assert_string_equal(a->body, "The ferry sailed.");
  dossier_corpus_free(c);

  a = S_clean(&c, "u.txt", "Ferry returns\n\nUpdated Oct. 27, 2024 at 5 p.m.\n\nThe ferry sailed.\n");
  assert_null(a->author);
  assert_string_equal(a->published, "2024-10-27");
  assert_string_equal(a->body, "The ferry sailed.");
  dossier_corpus_free(c);
}

static void test_name_without_date_stays_text(void **state) {
  (void)state;
  dossier_corpus *c;
  ds_article *a = S_clean(&c, "n.txt", "Ferry returns\n\nMara Quint\n\nThe ferry sailed.\n");
  assert_null(a->author);
  assert_null(a->published);
  assert_int_equal(a->published_basis, DS_BASIS_UNKNOWN);
  assert_string_equal(a->body, "Mara Quint\n\nThe ferry sailed.");
  dossier_corpus_free(c);
}

static void test_dated_sentence_stays_text(void **state) {
  (void)state;
  dossier_corpus *c;
  ds_article *a = S_clean(&c, "s.txt",
                          "Pier vote delayed\n\nThe council met on March 3, 2025.\n\nIt adjourned.\n");
  assert_string_equal(a->body, "The council met on March 3, 2025.\n\nIt adjourned.");
  assert_null(a->published);
  dossier_corpus_free(c);
  /* the same for a hard-wrapped lede whose first line holds the date */
  a = S_clean(&c, "w.txt",
              "Pier vote delayed\n\nOn March 3, 2025, the council voted to\nextend the curfew.\n");
  assert_string_equal(a->body, "On March 3, 2025, the council voted to\nextend the curfew.");
  dossier_corpus_free(c);
}

static void test_metadata_date_wins(void **state) {
  (void)state;
  dossier_corpus *c;
  ds_article *a = S_clean(&c, "m.txt",
                          "---\npublished: 2025-01-01\nauthor: Ora Lund\n---\nPier vote\n\n"
                          "By Ada Venn | Oct. 3, 2024\n\nThe council met.\n");
  assert_string_equal(a->published, "2025-01-01");
  assert_int_equal(a->published_basis, DS_BASIS_METADATA);
  assert_string_equal(a->author, "Ora Lund");
  assert_string_equal(a->body, "The council met."); /* the byline line still goes */
  dossier_corpus_free(c);
}

/* ---- body ---- */

static void test_page_break_rejoin(void **state) {
  (void)state;
  dossier_corpus *c;
  ds_article *a = S_clean(&c, "j.txt",
                          "Curfew extended\n\nThe council agreed to\n\nAdvertisement\n\nextend the "
                          "curfew by two weeks.\n\nShops will close early.\n");
  assert_string_equal(a->body,
                      "The council agreed to extend the curfew by two weeks.\n\nShops will close early.");
  S_check_offmap(a);
  dossier_corpus_free(c);
  /* a blank line alone splits mid-sentence too */
  a = S_clean(&c, "k.txt", "Curfew\n\nThe council agreed to\n\nextend the curfew.\n");
  assert_string_equal(a->body, "The council agreed to extend the curfew.");
  dossier_corpus_free(c);
  /* no join after a full stop, nor before a capital */
  a = S_clean(&c, "l.txt", "Curfew\n\nThe council met.\n\nextend was the word.\n\nThe council "
                           "agreed to\n\nOstrenia objected.\n");
  assert_string_equal(a->body, "The council met.\n\nextend was the word.\n\nThe council agreed "
                               "to\n\nOstrenia objected.");
  dossier_corpus_free(c);
}

static void test_markdown(void **state) {
  (void)state;
  dossier_corpus *c;
  ds_article *a = S_clean(&c, "m.md",
                          "# Pier plan\n\nThe council meets *again* on **Friday** to vote on the "
                          "\\*plan\\*, see [the agenda](https://council.example/agenda) for "
                          "details.\n\n## Background\n\n> The pier dates from 1911.\n\n"
                          "A list: 5 * 3 = 15 and \\[not a link\\](x).\n");
  assert_string_equal(a->title, "Pier plan");
  assert_string_equal(a->body,
                      "The council meets again on Friday to vote on the *plan*, see the agenda for "
                      "details.\n\nBackground\n\nThe pier dates from 1911.\n\n"
                      "A list: 5 * 3 = 15 and [not a link](x).");
  S_check_offmap(a);
  dossier_corpus_free(c);
}

static void test_whitespace_edges(void **state) {
  (void)state;
  dossier_corpus *c;
  /* CRLF, tabs, trailing spaces and no-break spaces at line edges are trimmed */
  ds_article *a = S_clean(&c, "w.txt",
                          "Quay\r\n\r\n\tThe quay opened. \r\n\xC2\xA0It was windy.\xC2\xA0\r\n");
  assert_string_equal(a->body, "The quay opened.\nIt was windy.");
  S_check_offmap(a);
  dossier_corpus_free(c);
}

static void test_offmap(void **state) {
  (void)state;
  dossier_corpus *c;
  const char *raw = "Ferry returns\n\nBy Ada Venn\nApril 3, 2025\n\nThe ferry sailed at "
                    "dawn.\n\nAdvertisement\n\nHarbour master Ilse Rand said the crossing was "
                    "**calm** and the council agreed to\n\nContinue reading\n\nextend the "
                    "timetable.\n";
  ds_article *a = S_clean(&c, "o.txt", raw);
  assert_string_equal(a->raw, raw);
  S_check_offmap(a);
  const char *words[] = {"The ferry", "Harbour", "said the", "calm", "and the council", "extend",
                         "timetable."};
  for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
    const char *in_body = strstr(a->body, words[i]);
    assert_non_null(in_body);
    uint32_t r = S_raw_of(a, (uint32_t)(in_body - a->body));
    assert_int_equal(r, (uint32_t)(strstr(raw, words[i]) - raw));
  }
  assert_int_equal(a->offmap.items[0], 0);
  assert_int_equal(a->offmap.items[1], strstr(raw, "The ferry") - raw);
  dossier_corpus_free(c);
}

static void test_empty_after_clean(void **state) {
  (void)state;
  dossier_corpus *c;
  ds_article *a = S_clean(&c, "e.txt", "Advertisement\n\nShare this article\n");
  assert_string_equal(a->body, "");
  assert_int_equal(a->body_len, 0);
  assert_int_equal(a->boilerplate.len, 2);
  assert_int_equal(a->offmap.len, 0);
  dossier_corpus_free(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_boilerplate_kinds),
      cmocka_unit_test(test_boilerplate_kept_text),
      cmocka_unit_test(test_related_headlines),
      cmocka_unit_test(test_marker_runs),
      cmocka_unit_test(test_repeated_short_line),
      cmocka_unit_test(test_reprint_notice),
      cmocka_unit_test(test_title_first_short_line),
      cmocka_unit_test(test_title_after_byline),
      cmocka_unit_test(test_title_repeated_after_front_matter),
      cmocka_unit_test(test_byline_name_then_date),
      cmocka_unit_test(test_byline_one_line),
      cmocka_unit_test(test_name_without_date_stays_text),
      cmocka_unit_test(test_dated_sentence_stays_text),
      cmocka_unit_test(test_metadata_date_wins),
      cmocka_unit_test(test_page_break_rejoin),
      cmocka_unit_test(test_markdown),
      cmocka_unit_test(test_whitespace_edges),
      cmocka_unit_test(test_offmap),
      cmocka_unit_test(test_empty_after_clean),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
