/* The figure tagger: every number form, every qualifier, ranges, number words, what
 * a figure counts, who claims it and as of when, and the numbers that are no figures.
 * The sentences are our own (a fictional crisis). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "corpus.h"
#include "test_util.h"

static dossier_corpus *S_corpus;

static const ds_article *S_tag(const char *text) { return tu_tag(&S_corpus, text); }

static const ds_figure *S_fig(const ds_article *a, size_t i) {
  assert_true(i < a->figures.len);
  return &a->figures.items[i];
}

static const char *S_text(const ds_article *a, const ds_figure *f) {
  static char buf[256];
  size_t n = f->end - f->start;
  if (n >= sizeof buf) n = sizeof buf - 1;
  memcpy(buf, a->body + f->start, n);
  buf[n] = 0;
  return buf;
}

static void S_one(const char *text, double value, const char *unit, const char *cls) {
  const ds_article *a = S_tag(text);
  assert_int_equal(a->figures.len, 1);
  const ds_figure *f = S_fig(a, 0);
  assert_true(f->value == value);
  if (unit) assert_string_equal(f->unit, unit);
  else assert_null(f->unit);
  if (cls) assert_string_equal(f->unit_class, cls);
}

static void test_digits(void **state) {
  (void)state;
  S_one("Officials said 3,000 soldiers crossed the river.", 3000, "soldier", "personnel");
  S_one("The convoy carried 2,500 shells to the front.", 2500, "shell", "munitions:shell");
  S_one("Only 740 servicemen remained in the garrison.", 740, "serviceman", "personnel");
  const ds_figure *f = S_fig(S_tag("Officials said 3,000 soldiers crossed the river."), 0);
  assert_string_equal(f->about, "soldiers");
  assert_null(f->qualifier);
  assert_true(f->low == 3000 && f->high == 3000);
}

static void test_decimals_and_scales(void **state) {
  (void)state;
  S_one("The state mobilised 1.4 million citizens.", 1400000, "citizen", "people");
  S_one("The repair bill reached 2.5 billion euros.", 2.5e9, "euro", "money:EUR");
  S_one("The fund holds 40k rubles.", 40000, "ruble", "money:RUB");
}

static void test_money(void **state) {
  (void)state;
  S_one("Parliament approved $50 billion in loans.", 5e10, "dollar", "money:USD");
  S_one("The ministry announced a \xE2\x82\xAC" "300 million package of aid.", 3e8, "euro", "money:EUR");
  S_one("It costs $5m a year to run the base.", 5e6, "dollar", NULL);
  const ds_article *a = S_tag("Parliament approved $50 billion in loans.");
  assert_string_equal(S_text(a, S_fig(a, 0)), "$50 billion");
}

static void test_rate_and_post_qualifier(void **state) {
  (void)state;
  const ds_article *a = S_tag("The army fired 330,000 shells, and it now fires 20,000 or more a day.");
  assert_int_equal(a->figures.len, 2);
  const ds_figure *f = S_fig(a, 1);
  assert_true(f->value == 20000);
  assert_string_equal(f->qualifier, "or more");
  assert_string_equal(f->unit, "shell"); /* the unit the sentence gave before */
  assert_string_equal(f->unit_class, "munitions:shell/day");
  assert_true(f->flags & DS_FIGF_RATE);
}

static void test_number_words(void **state) {
  (void)state;
  const ds_article *a = S_tag("Three generals and a dozen officers were captured.");
  assert_int_equal(a->figures.len, 2);
  assert_true(S_fig(a, 0)->value == 3);
  assert_string_equal(S_fig(a, 0)->unit_class, "commanders");
  assert_true(S_fig(a, 1)->value == 12);
  assert_string_equal(S_fig(a, 1)->unit, "officer");
  S_one("Twenty-five tanks rolled across the border.", 25, "tank", "equipment:vehicle");
  S_one("The rebels hold two hundred prisoners.", 200, "prisoner", "prisoners");
}

static void test_vague_amounts(void **state) {
  (void)state;
  const ds_article *a = S_tag("Hundreds of thousands of refugees fled the city.");
  assert_int_equal(a->figures.len, 1);
  const ds_figure *f = S_fig(a, 0);
  assert_true(f->low == 100000 && f->high == 1000000);
  assert_string_equal(f->unit, "refugee");
  assert_true(f->flags & DS_FIGF_VAGUE);
  assert_string_equal(S_text(a, f), "Hundreds of thousands");
  a = S_tag("Several thousand troops moved north.");
  f = S_fig(a, 0);
  assert_true(f->low == 3000 && f->high == 10000);
  assert_string_equal(f->qualifier, "Several");
  assert_string_equal(f->unit, "troop");
  a = S_tag("Dozens of drones struck the depot.");
  assert_int_equal(a->figures.len, 1);
  assert_true(S_fig(a, 0)->low == 24);
}

static void test_percentages(void **state) {
  (void)state;
  const ds_article *a = S_tag("Turnout fell to 40% from 52 percent, and to 38 per cent in the capital.");
  assert_int_equal(a->figures.len, 3);
  for (size_t i = 0; i < 3; i++) assert_string_equal(S_fig(a, i)->unit_class, "percent");
  assert_true(S_fig(a, 0)->value == 40);
  assert_true(S_fig(a, 1)->value == 52);
  assert_true(S_fig(a, 2)->value == 38);
  assert_string_equal(S_text(a, S_fig(a, 2)), "38 per cent");
}

static void S_range(const char *text, double low, double high, const char *qual) {
  const ds_article *a = S_tag(text);
  assert_int_equal(a->figures.len, 1);
  const ds_figure *f = S_fig(a, 0);
  assert_true(f->low == low);
  assert_true(f->high == high);
  assert_true(f->value == (low + high) / 2);
  if (qual) assert_string_equal(f->qualifier, qual);
  else assert_null(f->qualifier);
  assert_string_equal(f->unit_class, "personnel");
}

static void test_ranges(void **state) {
  (void)state;
  S_range("Between 1,500 and 3,000 troops arrived.", 1500, 3000, "between");
  S_range("Officials counted 10,000 to 12,000 soldiers.", 10000, 12000, NULL);
  S_range("Officials counted 10,000-12,000 soldiers.", 10000, 12000, NULL);
  S_range("Officials counted 10,000\xE2\x80\x93" "12,000 soldiers.", 10000, 12000, NULL);
  S_range("Two to three thousand marines landed.", 2000, 3000, NULL);
  S_range("Up to 5 to 6 million troops were mobilised.", 5e6, 6e6, "Up to");
}

static void test_qualifiers(void **state) {
  (void)state;
  static const char *const quals[] = {"at least", "up to", "about", "around", "roughly",
                                      "nearly", "more than", "some", "as many as", "over",
                                      "fewer than", "almost", "approximately", "an estimated"};
  for (size_t i = 0; i < sizeof quals / sizeof *quals; i++) {
    char text[200];
    snprintf(text, sizeof text, "Observers counted %s 4,000 troops near the lake.", quals[i]);
    const ds_article *a = S_tag(text);
    assert_int_equal(a->figures.len, 1);
    const ds_figure *f = S_fig(a, 0);
    assert_string_equal(f->qualifier, quals[i]);
    assert_true(f->value == 4000);
    char want[64];
    snprintf(want, sizeof want, "%s 4,000", quals[i]);
    assert_string_equal(S_text(a, f), want);
  }
  const ds_figure *f = S_fig(S_tag("Rebels sent another 1,500 fighters."), 0);
  assert_string_equal(f->qualifier, "another");
  assert_true(f->flags & DS_FIGF_INCREMENT);
}

static void S_none(const char *text) {
  const ds_article *a = S_tag(text);
  if (a->figures.len) fprintf(stderr, "unexpected figure in: %s\n", text);
  assert_int_equal(a->figures.len, 0);
}

static void test_not_figures(void **state) {
  (void)state;
  S_none("The war began in 2022 and flared again in 1999.");
  S_none("On October 23, the column moved; on 27 October 2024 it stopped.");
  S_none("The talks were set for October 27 or 28.");
  S_none("The 11th Army and the 4th brigade advanced.");
  S_none("They fired 155mm shells from F-16 jets and T-72 tanks.");
  S_none("Gunners used 152-mm rounds.");
  S_none("Call the hotline on 555-0100 or +1 202-555-0199.");
  S_none("The meeting starts at 10:30 and ends at 4 p.m.");
  S_none("Details are at https://example.org/2024/10/500-troops.html today.");
  S_none("Article 5 and Resolution 2231 were cited.");
  S_none("The 1990s were calmer.");
  S_none("One of the officers spoke; two others stayed.");
  S_none("The siege lasted three weeks.");
  S_none("The G7 and MH17 were discussed.");
  S_none("Investors in Fortune 500 companies and Route 66 motels were listed.");
  S_none("The old 486 machine was replaced; the index closed at 215.86.");
}

static void test_dates_next_to_figures(void **state) {
  (void)state;
  const ds_article *a = S_tag("On October 8, 4,000 troops crossed; by 2024 some 9,000 had followed.");
  assert_int_equal(a->figures.len, 2);
  assert_true(S_fig(a, 0)->value == 4000);
  assert_true(S_fig(a, 1)->value == 9000);
  assert_string_equal(S_fig(a, 1)->qualifier, "some");
}

static void test_source(void **state) {
  (void)state;
  const ds_article *a = S_tag("According to the Defence Ministry, 2,000 troops arrived overnight.");
  assert_string_equal(S_fig(a, 0)->source_name, "Defence Ministry");
  a = S_tag("Intelligence officials estimated that 5,000 soldiers were deployed.");
  assert_string_equal(S_fig(a, 0)->source_name, "Intelligence officials");
  a = S_tag("At least 800 soldiers were wounded, the regional governor said.");
  assert_string_equal(S_fig(a, 0)->source_name, "regional governor");
  a = S_tag("About 900 marines landed, the navy said. It has sent 400 more since, aiming for 2,000.");
  assert_int_equal(a->figures.len, 3);
  assert_string_equal(S_fig(a, 1)->source_name, "navy"); /* the next sentence goes on */
  assert_string_equal(S_fig(a, 2)->source_name, "navy");
  assert_true(S_fig(a, 2)->projection);
  a = S_tag("Rain fell as 700 soldiers marched.");
  assert_null(S_fig(a, 0)->source_name);
  assert_int_equal(S_fig(a, 0)->source, -1);
  /* the publisher of an article claims, not "the article" */
  a = S_tag("A Norwick Herald article reported that 300 homes lost power.");
  assert_string_equal(S_fig(a, 0)->source_name, "Norwick Herald");
  a = S_tag("A government report said 300 homes lost power.");
  assert_string_equal(S_fig(a, 0)->source_name, "government report");
}

static void test_as_of_and_projection(void **state) {
  (void)state;
  const ds_article *a = S_tag("The agency said on March 3 that 4,000 troops had arrived.");
  assert_string_equal(S_fig(a, 0)->as_of, "2025-03-03");
  assert_false(S_fig(a, 0)->projection);
  a = S_tag("About 4,000 troops have arrived.");
  assert_string_equal(S_fig(a, 0)->as_of, "2025-03-14");
  a = S_tag("The army plans to deploy 6,000 more soldiers.");
  assert_true(S_fig(a, 0)->projection);
  a = S_tag("Officials say the rebels could field as many as 9,000 fighters.");
  assert_true(S_fig(a, 0)->projection);
  assert_string_equal(S_fig(a, 0)->qualifier, "as many as");
}

static void test_about_and_key(void **state) {
  (void)state;
  const ds_article *a = S_tag("Up to 12,000 North Korean special forces troops in Russia were seen.");
  const ds_figure *f = S_fig(a, 0);
  assert_string_equal(f->about, "North Korean special forces troops in Russia");
  assert_string_equal(f->key, "North Korea");
  assert_string_equal(f->unit, "troop");
  a = S_tag("Belarus has sent another 1,500 troops to the border.");
  assert_string_equal(S_fig(a, 0)->key, "Belarus");
  assert_string_equal(S_fig(a, 0)->about, "troops to the border");
}

static void test_heads(void **state) {
  (void)state;
  const ds_article *a = S_tag("Some 2,500 Americans left the city.");
  assert_string_equal(S_fig(a, 0)->unit_class, "people");
  assert_string_equal(S_fig(a, 0)->key, "United States");
  a = S_tag("Seven people were killed and 12 people injured.");
  assert_int_equal(a->figures.len, 2);
  assert_string_equal(S_fig(a, 1)->unit, "people"); /* not "injured" */
  a = S_tag("The bank holds C$900 million in assets.");
  assert_string_equal(S_fig(a, 0)->unit_class, "money:CAD");
  a = S_tag("The firm employs 21,000 workers world-wide and 5,000 contractors.");
  assert_int_equal(a->figures.len, 2);
  assert_string_equal(S_fig(a, 0)->unit_class, "workers");
  assert_string_equal(S_fig(a, 1)->unit, "contractor"); /* a noun we have no class for */
  assert_null(S_fig(a, 1)->unit_class);
}

static void test_inherited_unit(void **state) {
  (void)state;
  const ds_article *a = S_tag("Russia sent 2,000 troops in May, bringing the total to 5,000.");
  assert_int_equal(a->figures.len, 2);
  assert_string_equal(S_fig(a, 1)->unit, "troop");
  assert_true(S_fig(a, 1)->flags & DS_FIGF_INHERITED);
  a = S_tag("The number of Belarusian soldiers in the area is now about 7,000.");
  assert_int_equal(a->figures.len, 1);
  assert_string_equal(S_fig(a, 0)->unit, "soldier");
  assert_string_equal(S_fig(a, 0)->key, "Belarus");
}

static int S_teardown(void **state) {
  (void)state;
  dossier_corpus_free(S_corpus);
  S_corpus = NULL;
  return 0;
}

/* A sum or a share is labelled by what it is of or for, else by its unit. */
static void test_about_sum_and_share(void **state) {
  (void)state;
  const ds_article *a = S_tag("The league spent $30 million in grants for young clubs.");
  assert_int_equal(a->figures.len, 1);
  assert_string_equal(S_fig(a, 0)->about, "grants");
  a = S_tag("Farmers sell 70 percent of their barley abroad.");
  assert_int_equal(a->figures.len, 1);
  assert_string_equal(S_fig(a, 0)->about, "barley");
  a = S_tag("The province received billions of dollars of modern and costly rail equipment along the coast.");
  assert_int_equal(a->figures.len, 1);
  assert_string_equal(S_fig(a, 0)->about, "costly rail equipment");
  a = S_tag("The museum raised $4 million, officials said.");
  assert_int_equal(a->figures.len, 1);
  assert_string_equal(S_fig(a, 0)->about, "dollar");
}

/* "from X to Y" is one range figure. */
static void test_from_to_range(void **state) {
  (void)state;
  const ds_article *a = S_tag("The garrison grew from 400 to 900 soldiers over the winter.");
  assert_int_equal(a->figures.len, 1);
  const ds_figure *f = S_fig(a, 0);
  assert_string_equal(S_text(a, f), "from 400 to 900");
  assert_true(f->low == 400 && f->high == 900 && f->value == 650);
  assert_string_equal(f->qualifier, "from");
  assert_string_equal(f->unit, "soldier");
}

/* A ratio is not a count: neither "every 15 soldiers" nor "two medics for each". */
static void test_ratio_not_count(void **state) {
  (void)state;
  const ds_article *a = S_tag("The brigade kept one truck for every 15 soldiers.");
  assert_int_equal(a->figures.len, 0);
  a = S_tag("The army assigned two medics for each platoon.");
  assert_int_equal(a->figures.len, 0);
  a = S_tag("Clinics saw 12 patients per doctor, and 3,000 patients in all.");
  assert_int_equal(a->figures.len, 1);
  assert_true(S_fig(a, 0)->value == 3000);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_digits),
      cmocka_unit_test(test_decimals_and_scales),
      cmocka_unit_test(test_money),
      cmocka_unit_test(test_rate_and_post_qualifier),
      cmocka_unit_test(test_number_words),
      cmocka_unit_test(test_vague_amounts),
      cmocka_unit_test(test_percentages),
      cmocka_unit_test(test_ranges),
      cmocka_unit_test(test_qualifiers),
      cmocka_unit_test(test_not_figures),
      cmocka_unit_test(test_dates_next_to_figures),
      cmocka_unit_test(test_source),
      cmocka_unit_test(test_as_of_and_projection),
      cmocka_unit_test(test_about_and_key),
      cmocka_unit_test(test_heads),
      cmocka_unit_test(test_inherited_unit),
      cmocka_unit_test(test_about_sum_and_share),
      cmocka_unit_test(test_from_to_range),
      cmocka_unit_test(test_ratio_not_count),
  };
  return cmocka_run_group_tests(tests, NULL, S_teardown);
}
