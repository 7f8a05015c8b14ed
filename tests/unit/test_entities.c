/* The entity tagger: people with their titles split off, organisations, places and
 * nationality words, surnames and descriptions linked back, possessives, acronyms,
 * and the capitalised words that are no entities. Our own sentences about a
 * fictional crisis in the Marnic Sea. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "corpus.h"
#include "test_util.h"
#include "entities.h"

static dossier_corpus *S_corpus;

static const ds_article *S_tag(const char *text) { return tu_tag(&S_corpus, text); }

/* The entity called name, or fails. */
static const ds_entity *S_ent(const ds_article *a, const char *name) {
  for (size_t e = 0; e < a->entities.len; e++)
    if (strcmp(a->entities.items[e].name, name) == 0) return &a->entities.items[e];
  fail_msg("no entity \"%s\"", name);
  return NULL;
}

static int32_t S_idx(const ds_article *a, const char *name) {
  return (int32_t)(S_ent(a, name) - a->entities.items);
}

static bool S_has(const ds_article *a, const char *name) {
  for (size_t e = 0; e < a->entities.len; e++)
    if (strcmp(a->entities.items[e].name, name) == 0) return true;
  return false;
}

/* The text of the i-th mention. */
static const char *S_mtext(const ds_article *a, size_t i) {
  static char buf[256];
  assert_true(i < a->mentions.len);
  const ds_mention *m = &a->mentions.items[i];
  size_t n = m->end - m->start;
  assert_true(n < sizeof buf);
  memcpy(buf, a->body + m->start, n);
  buf[n] = 0;
  return buf;
}

/* Number of mentions of entity e whose text is `text`. */
static int S_mentions_as(const ds_article *a, int32_t e, const char *text) {
  int n = 0;
  for (size_t i = 0; i < a->mentions.len; i++)
    if (a->mentions.items[i].entity == e && strcmp(S_mtext(a, i), text) == 0) n++;
  return n;
}

static uint32_t S_pos(const ds_article *a, const char *needle) {
  const char *p = strstr(a->body, needle);
  assert_non_null(p);
  return (uint32_t)(p - a->body);
}

static void test_title_before_name(void **state) {
  (void)state;
  const ds_article *a = S_tag("US Defence Secretary Marta Quillon said the patrols would go on.");
  const ds_entity *p = S_ent(a, "Marta Quillon");
  assert_int_equal(p->type, DS_ENT_PERSON);
  assert_string_equal(p->role, "US Defence Secretary");
  const ds_entity *us = S_ent(a, "United States");
  assert_int_equal(us->type, DS_ENT_PLACE);
  assert_int_equal(a->mentions.len, 2);
  assert_string_equal(S_mtext(a, 0), "US");
  assert_string_equal(S_mtext(a, 1), "Marta Quillon");
}

static void test_lowercase_role_and_org(void **state) {
  (void)state;
  const ds_article *a = S_tag("The talks stalled, National Security Council spokesman Tomas Brede "
                              "told reporters on Friday.");
  const ds_entity *p = S_ent(a, "Tomas Brede");
  assert_string_equal(p->role, "National Security Council spokesman");
  assert_int_equal(S_ent(a, "National Security Council")->type, DS_ENT_ORG);
  assert_false(S_has(a, "Friday"));
  assert_false(S_has(a, "The"));
}

static void test_apposition_role(void **state) {
  (void)state;
  const ds_article *a = S_tag("Tomas Brede, White House national security spokesman, called the "
                              "move reckless.");
  assert_string_equal(S_ent(a, "Tomas Brede")->role, "White House national security spokesman");
  assert_int_equal(S_ent(a, "White House")->type, DS_ENT_ORG);
  a = S_tag("Ilse Varga, the Austrian minister for maritime affairs, declared the strait open.");
  assert_string_equal(S_ent(a, "Ilse Varga")->role, "Austrian minister for maritime affairs");
}

static void test_surname_and_description(void **state) {
  (void)state;
  const ds_article *a = S_tag(
      "Pentagon spokeswoman Dana Okafor spoke on Monday. Okafor said the convoy had turned "
      "back.\n\nThe spokeswoman added that no shots were fired.");
  int32_t e = S_idx(a, "Dana Okafor");
  assert_string_equal(a->entities.items[e].role, "Pentagon spokeswoman");
  assert_int_equal(a->entities.items[e].n_mentions, 3);
  assert_int_equal(S_mentions_as(a, e, "Okafor"), 1);
  assert_int_equal(S_mentions_as(a, e, "The spokeswoman"), 1);
  assert_int_equal(S_ent(a, "Pentagon")->type, DS_ENT_ORG);
  assert_false(S_has(a, "Monday"));
}

static void test_description_needs_matching_role(void **state) {
  (void)state;
  /* "the minister" must not latch onto a spokesman; with no minister it links nowhere */
  const ds_article *a = S_tag("Navy spokesman Paul Ferrant said the ships were ready. The minister "
                              "declined to comment.");
  assert_int_equal(S_ent(a, "Paul Ferrant")->n_mentions, 1);
  assert_int_equal(a->entities.len, 1);
}

static void test_possessive(void **state) {
  (void)state;
  const ds_article *a = S_tag("Defence Secretary Marta Quillon spoke in Oslo. Quillon's office "
                              "later confirmed Norway's offer.");
  int32_t e = S_idx(a, "Marta Quillon");
  assert_int_equal(S_mentions_as(a, e, "Quillon"), 1);
  int32_t no = S_idx(a, "Norway");
  assert_int_equal(S_mentions_as(a, no, "Norway"), 1);
  assert_int_equal(S_ent(a, "Oslo")->type, DS_ENT_PLACE);
}

static void test_demonyms(void **state) {
  (void)state;
  const ds_article *a = S_tag("North Korean troops and Ukrainian drones were seen near the border. "
                              "Many North Koreans stayed behind.");
  int32_t nk = S_idx(a, "North Korea");
  assert_int_equal(a->entities.items[nk].type, DS_ENT_PLACE);
  assert_int_equal(S_mentions_as(a, nk, "North Korean"), 1);
  assert_int_equal(S_mentions_as(a, nk, "North Koreans"), 1);
  assert_int_equal(S_ent(a, "Ukraine")->n_mentions, 1);
}

static void test_acronym(void **state) {
  (void)state;
  const ds_article *a = S_tag("The Coastal Intelligence Service (CIS) briefed lawmakers on "
                              "Tuesday. Later the CIS said the tanker had left port.");
  const ds_entity *o = S_ent(a, "Coastal Intelligence Service");
  assert_int_equal(o->type, DS_ENT_ORG);
  assert_int_equal(o->n_mentions, 3);
  assert_int_equal(o->n_aliases, 1);
  assert_string_equal(o->aliases[0], "CIS");
  assert_false(S_has(a, "CIS"));
}

static void test_known_organisations(void **state) {
  (void)state;
  const ds_article *a = S_tag("The Kremlin said the State Duma would vote, and the Pentagon said "
                              "NATO was watching.");
  assert_int_equal(S_ent(a, "Kremlin")->type, DS_ENT_ORG);
  assert_int_equal(S_ent(a, "State Duma")->type, DS_ENT_ORG);
  assert_int_equal(S_ent(a, "Pentagon")->type, DS_ENT_ORG);
  assert_int_equal(S_ent(a, "NATO")->type, DS_ENT_ORG);
  assert_int_equal(a->entities.len, 4);
}

static void test_org_with_of(void **state) {
  (void)state;
  const ds_article *a = S_tag("A report by the Ministry of Coastal Affairs was leaked.");
  assert_int_equal(S_ent(a, "Ministry of Coastal Affairs")->type, DS_ENT_ORG);
  assert_int_equal(a->entities.len, 1);
}

static void test_not_entities(void **state) {
  (void)state;
  const ds_article *a = S_tag(
      "However, the plan failed. According to the report, talks resume in March. Advertisement "
      "revenue fell. On Wednesday officials met. Commenting on the delay, officials were calm. "
      "Many were commenting on it.");
  assert_int_equal(a->entities.len, 0);
  assert_int_equal(a->mentions.len, 0);
}

static void test_same_surname_two_people(void **state) {
  (void)state;
  const ds_article *a = S_tag("Anna Varga met Ivan Varga in Vienna. Anna Varga left first.");
  assert_int_equal(S_ent(a, "Anna Varga")->n_mentions, 2);
  assert_int_equal(S_ent(a, "Ivan Varga")->n_mentions, 1);
}

static void test_surname_links_to_most_recent(void **state) {
  (void)state;
  const ds_article *a = S_tag("Anna Varga spoke first. Ivan Varga answered. Varga said no more.");
  int32_t ivan = S_idx(a, "Ivan Varga");
  assert_int_equal(a->mentions.items[a->mentions.len - 1].entity, ivan);
}

static void test_headline_links_only(void **state) {
  (void)state;
  /* the first line is the title; a subheading inside the body is a headline too */
  const ds_article *a = S_tag("Talks resume\n\nDefence Secretary Marta Quillon warned of "
                              "escalation on Monday.\n\nQuillon Warns Of Escalation In Marnic "
                              "Waters\n\nThe talks went on.");
  int32_t e = S_idx(a, "Marta Quillon");
  assert_int_equal(a->entities.items[e].n_mentions, 2);
  assert_int_equal(S_mentions_as(a, e, "Quillon"), 1);
  assert_false(S_has(a, "Escalation"));
  assert_false(S_has(a, "Marnic Waters"));
  assert_false(S_has(a, "Quillon Warns"));
  assert_int_equal(a->entities.len, 1);
}

static void test_titled_single_and_cue(void **state) {
  (void)state;
  const ds_article *a = S_tag("President Orlov arrived late. Brandt said the vote would wait.");
  const ds_entity *o = S_ent(a, "Orlov");
  assert_int_equal(o->type, DS_ENT_PERSON);
  assert_string_equal(o->role, "President");
  assert_int_equal(S_ent(a, "Brandt")->type, DS_ENT_PERSON);
}

static void test_full_name_absorbs_titled_surname(void **state) {
  (void)state;
  const ds_article *a = S_tag("President Orlov arrived late. Viktor Orlov then spoke.");
  const ds_entity *o = S_ent(a, "Viktor Orlov");
  assert_int_equal(o->n_mentions, 2);
  assert_string_equal(o->role, "President");
  assert_false(S_has(a, "Orlov"));
}

static void test_places_by_context(void **state) {
  (void)state;
  const ds_article *a = S_tag("Troops moved into Dravnik on Sunday and shelled the Polvar region.");
  assert_int_equal(S_ent(a, "Dravnik")->type, DS_ENT_PLACE);
  assert_int_equal(S_ent(a, "Polvar")->type, DS_ENT_PLACE);
}

static void test_first_name_that_is_a_country(void **state) {
  (void)state;
  const ds_article *a = S_tag("The striker Jordan Pellew scored twice.");
  assert_int_equal(S_ent(a, "Jordan Pellew")->type, DS_ENT_PERSON);
  assert_false(S_has(a, "Jordan"));
}

static void test_not_a_person_org_words(void **state) {
  (void)state;
  /* "national" and "interest" are written in lower case too: no person "National Interest" */
  const ds_article *a = S_tag("A fellow at the National Interest said the national interest "
                              "came first.");
  assert_false(S_has(a, "National Interest"));
}

static void test_quote_flag_and_sentence(void **state) {
  (void)state;
  const ds_article *a = S_tag("“We trust Lena Moreau,” Karl Jansen said.");
  int32_t m = ds_entity_mention_at(a, 0, a->body_len);
  assert_true(m >= 0);
  assert_true(a->mentions.items[m].in_quote);
  assert_int_equal(a->mentions.items[m].sentence, 0);
  assert_false(a->mentions.items[m + 1].in_quote);
}

static void test_query_api(void **state) {
  (void)state;
  const ds_article *a = S_tag("Defence Secretary Marta Quillon visited Oslo. She said the navy was "
                              "ready. The Coastal Agency said it agreed.");
  int32_t q = S_idx(a, "Marta Quillon"), oslo = S_idx(a, "Oslo");
  uint32_t she = S_pos(a, "She"), it = S_pos(a, "it agreed");
  assert_int_equal(ds_entity_resolve_pronoun(a, she, false), q);
  assert_int_equal(ds_entity_resolve_pronoun(a, it, true), S_idx(a, "Coastal Agency"));
  uint32_t s = S_pos(a, "Marta");
  int32_t m = ds_entity_mention_at(a, s, s + 13);
  assert_true(m >= 0);
  assert_int_equal(a->mentions.items[m].entity, q);
  assert_int_equal(ds_entity_mention_at(a, s, s + 5), -1); /* only part of the name */
  assert_true(ds_entity_mention_overlapping(a, s, s + 5) >= 0);
  assert_int_equal(ds_entity_find_span(a, 0, she, DS_ENT_PLACE), oslo);
  assert_int_equal(ds_entity_find_span(a, 0, she, DS_ENT_PERSON), q);
  assert_int_equal(ds_entity_last_in(a, 0, she, DS_ENT_ANY), oslo);
  assert_int_equal(ds_entity_sentence_of(a, she), 1);
  assert_true(ds_entity_is_title_word("spokesman", 9));
  assert_false(ds_entity_is_title_word("troops", 6));
  assert_int_equal(ds_entity_resolve_pronoun(a, 0, false), -1);
}

static void test_pronoun_skips_quoted_names(void **state) {
  (void)state;
  const ds_article *a = S_tag("Karl Jansen spoke at noon. “Lena Moreau is wrong,” he said.");
  uint32_t he = S_pos(a, "he said");
  assert_int_equal(ds_entity_resolve_pronoun(a, he, false), S_idx(a, "Karl Jansen"));
}

static void test_mentions_sorted_and_disjoint(void **state) {
  (void)state;
  const ds_article *a = S_tag("The US defence secretary met Ukrainian President Ostap Melnyk in "
                              "Kyiv, and the president thanked the US.");
  for (size_t i = 1; i < a->mentions.len; i++)
    assert_true(a->mentions.items[i - 1].end <= a->mentions.items[i].start);
  int32_t e = S_idx(a, "Ostap Melnyk");
  assert_string_equal(a->entities.items[e].role, "Ukrainian President");
  assert_int_equal(S_mentions_as(a, e, "the president"), 1);
}

static void test_empty(void **state) {
  (void)state;
  const ds_article *a = S_tag("nothing at all happened here.");
  assert_int_equal(a->entities.len, 0);
  assert_int_equal(ds_entity_resolve_pronoun(a, 0, false), -1);
  assert_int_equal(ds_entity_mention_at(a, 0, 10), -1);
}

static void test_title_of_field(void **state) {
  (void)state;
  const ds_article *a = S_tag("The vote was close. Minister of Coastal Affairs Ilse Varga agreed.");
  const ds_entity *p = S_ent(a, "Ilse Varga");
  assert_string_equal(p->role, "Minister of Coastal Affairs");
  assert_int_equal(a->entities.len, 1);
}

static void test_things_and_place_names(void **state) {
  (void)state;
  const ds_article *a = S_tag("The Fifth Amendment was cited. Since the Cold War ended, ships "
                              "sailed from Dravnik City to Port Halvar daily.");
  assert_false(S_has(a, "Fifth Amendment"));
  assert_false(S_has(a, "Cold War"));
  assert_int_equal(S_ent(a, "Dravnik City")->type, DS_ENT_PLACE);
  assert_int_equal(S_ent(a, "Port Halvar")->type, DS_ENT_PLACE);
  assert_int_equal(a->entities.len, 2);
  /* a speech verb does not make a person of a word also written as a place */
  a = S_tag("Troops gathered in Tarvo on Monday. It was a provocation, a charge Tarvo denied.");
  assert_int_equal(S_ent(a, "Tarvo")->type, DS_ENT_PLACE);
  a = S_tag("Weapons reached Tarvo on Monday. It was a provocation, a charge Tarvo denied.");
  assert_int_equal(S_ent(a, "Tarvo")->type, DS_ENT_PERSON); /* no place evidence: the guess stands */
  /* an indefinite pronoun opening a quotation is no name */
  a = S_tag("\xE2\x80\x9CNobody tells us anything,\xE2\x80\x9D said a shopkeeper in Tarvo.");
  assert_false(S_has(a, "Nobody"));
  /* streets, roads and bridges are places, not people */
  a = S_tag("The school on Harrow Street moved its drills. Trucks crossed the Tesvar Bridge.");
  assert_int_equal(S_ent(a, "Harrow Street")->type, DS_ENT_PLACE);
  assert_int_equal(S_ent(a, "Tesvar Bridge")->type, DS_ENT_PLACE);
}

static void test_extra_word_trimmed(void **state) {
  (void)state;
  /* a nickname or a verb glued to a known full name is that person */
  const ds_article *a = S_tag("Crafty Lena Moreau won again. Everyone cheered Lena Moreau.");
  const ds_entity *p = S_ent(a, "Lena Moreau");
  assert_int_equal(p->n_mentions, 2);
  assert_false(S_has(a, "Crafty Lena Moreau"));
}

static void test_all_caps_run_only_links(void **state) {
  (void)state;
  const ds_article *a = S_tag("The boats left. BREAKER REEF lies to the north. KARL JANSEN waved.");
  assert_int_equal(a->entities.len, 0);
}

static void test_by_role_and_capitalised_description(void **state) {
  (void)state;
  const ds_article *a = S_tag("Tomas Brede, Coastal Security Council spokesman, spoke first. "
                              "Later the Coastal Security Council spokesman said no.");
  int32_t e = S_idx(a, "Tomas Brede");
  assert_int_equal(S_mentions_as(a, e, "the Coastal Security Council spokesman"), 1);
  const char *role = "the coastal security council spokesman";
  uint32_t end = (uint32_t)a->body_len;
  assert_int_equal(ds_entity_by_role(a, role, strlen(role), end), e);
  assert_int_equal(ds_entity_by_role(a, "Council spokesman", 17, end), e);
  assert_int_equal(ds_entity_by_role(a, "minister", 8, end), -1);
  assert_int_equal(ds_entity_by_role(a, role, strlen(role), 0), -1);
}

static void test_name_stops_at_known_org_and_gerund(void **state) {
  (void)state;
  const ds_article *a = S_tag("It was the Lena Moreau White House that won. Electing Lena Moreau "
                              "was the aim.");
  assert_int_equal(S_ent(a, "Lena Moreau")->n_mentions, 2);
  assert_int_equal(S_ent(a, "White House")->type, DS_ENT_ORG);
  assert_int_equal(a->entities.len, 2);
}

static void test_honorific_title_word_and_congress(void **state) {
  (void)state;
  const ds_article *a = S_tag("The bill passed. Mr. King said Congress would act.");
  assert_int_equal(S_ent(a, "King")->type, DS_ENT_PERSON);
  assert_int_equal(S_ent(a, "Congress")->type, DS_ENT_ORG);
  assert_int_equal(a->entities.len, 2);
}

static void test_groups(void **state) {
  (void)state;
  /* a listed armed group speaks as a group, not as a person called "Hamas" */
  const ds_article *a = S_tag("Hamas said the crossing would stay shut. The Taliban denied it.");
  assert_int_equal(S_ent(a, "Hamas")->type, DS_ENT_GROUP);
  assert_int_equal(S_ent(a, "Taliban")->type, DS_ENT_GROUP);
  assert_int_equal(a->entities.len, 2);
  /* a run ending in a group head word; a description with that head links back */
  a = S_tag("The Ridgeback Militia seized the pass at dawn. The militia later withdrew.");
  int32_t g = S_idx(a, "Ridgeback Militia");
  assert_int_equal(a->entities.items[g].type, DS_ENT_GROUP);
  assert_int_equal(S_mentions_as(a, g, "The militia"), 1);
  /* a listed multi-word group, and a nationality-like word mapped to its group */
  a = S_tag("Officials blamed Islamic State for the blast near Kirkuk. Kurdish fighters "
            "held the road.");
  assert_int_equal(S_ent(a, "Islamic State")->type, DS_ENT_GROUP);
  assert_int_equal(S_ent(a, "Kurds")->type, DS_ENT_GROUP);
}

static void test_not_groups(void **state) {
  (void)state;
  /* "Group" alone makes an organisation (firms are groups too); a demonym with a
   * common noun is the country, never a group */
  const ds_article *a = S_tag("Talvik Group bought the port. Ukrainian troops guarded it.");
  assert_int_equal(S_ent(a, "Talvik Group")->type, DS_ENT_ORG);
  assert_int_equal(S_ent(a, "Ukraine")->type, DS_ENT_PLACE);
  assert_int_equal(a->entities.len, 2);
  /* a group head word in lower case names nothing */
  a = S_tag("A local militia blocked the road near Tarsk.");
  assert_int_equal(a->entities.len, 1);
  assert_int_equal(S_ent(a, "Tarsk")->type, DS_ENT_PLACE);
}

static void test_group_pronoun(void **state) {
  (void)state;
  const ds_article *a = S_tag("The Hollow Creek Rebels took the bridge. They said it was theirs.");
  int32_t g = S_idx(a, "Hollow Creek Rebels");
  assert_int_equal(a->entities.items[g].type, DS_ENT_GROUP);
  assert_int_equal(ds_entity_resolve_pronoun(a, S_pos(a, "They said"), true), g);
  assert_int_equal(ds_entity_resolve_pronoun(a, S_pos(a, "They said"), false), -1);
}

static void test_first_name_alone(void **state) {
  (void)state;
  /* a first name alone stands for the one person who bears it */
  const ds_article *a = S_tag("Senator Wilma Arroway toured the dam. Later Wilma said it would hold.");
  int32_t e = S_idx(a, "Wilma Arroway");
  assert_int_equal(S_mentions_as(a, e, "Wilma"), 1);
  assert_int_equal(a->entities.len, 1);
  /* two people share it: it stands for neither, and makes no person of its own */
  a = S_tag("Wilma Arroway met Wilma Stenk in Tarsk. Wilma said nothing.");
  assert_int_equal(S_mentions_as(a, S_idx(a, "Wilma Arroway"), "Wilma"), 0);
  assert_int_equal(S_mentions_as(a, S_idx(a, "Wilma Stenk"), "Wilma"), 0);
  assert_false(S_has(a, "Wilma"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_title_before_name),
      cmocka_unit_test(test_lowercase_role_and_org),
      cmocka_unit_test(test_apposition_role),
      cmocka_unit_test(test_surname_and_description),
      cmocka_unit_test(test_description_needs_matching_role),
      cmocka_unit_test(test_possessive),
      cmocka_unit_test(test_demonyms),
      cmocka_unit_test(test_acronym),
      cmocka_unit_test(test_known_organisations),
      cmocka_unit_test(test_org_with_of),
      cmocka_unit_test(test_not_entities),
      cmocka_unit_test(test_same_surname_two_people),
      cmocka_unit_test(test_surname_links_to_most_recent),
      cmocka_unit_test(test_headline_links_only),
      cmocka_unit_test(test_titled_single_and_cue),
      cmocka_unit_test(test_full_name_absorbs_titled_surname),
      cmocka_unit_test(test_places_by_context),
      cmocka_unit_test(test_first_name_that_is_a_country),
      cmocka_unit_test(test_not_a_person_org_words),
      cmocka_unit_test(test_quote_flag_and_sentence),
      cmocka_unit_test(test_query_api),
      cmocka_unit_test(test_pronoun_skips_quoted_names),
      cmocka_unit_test(test_mentions_sorted_and_disjoint),
      cmocka_unit_test(test_empty),
      cmocka_unit_test(test_title_of_field),
      cmocka_unit_test(test_things_and_place_names),
      cmocka_unit_test(test_extra_word_trimmed),
      cmocka_unit_test(test_all_caps_run_only_links),
      cmocka_unit_test(test_by_role_and_capitalised_description),
      cmocka_unit_test(test_name_stops_at_known_org_and_gerund),
      cmocka_unit_test(test_honorific_title_word_and_congress),
      cmocka_unit_test(test_groups),
      cmocka_unit_test(test_not_groups),
      cmocka_unit_test(test_group_pronoun),
      cmocka_unit_test(test_first_name_alone),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  if (S_corpus) dossier_corpus_free(S_corpus);
  return rc;
}
