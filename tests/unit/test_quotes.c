/* Unit tests of the quotation tagger: direct quotes (straight, curly, guillemets, ''),
 * attribution before and after, pronoun speakers, carried speakers, split quotes,
 * quotes over several paragraphs, partial quotes, indirect speech, and the quoted
 * names and unmatched marks that must NOT give a quotation. All text is invented. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "corpus.h"

static dossier_corpus *S_corpus;

static int S_teardown(void **state) {
  (void)state;
  dossier_corpus_free(S_corpus);
  S_corpus = NULL;
  return 0;
}

/* Runs the per-article pipeline on text (a .txt article) and returns it. */
static ds_article *S_tag(const char *text) {
  dossier_corpus_free(S_corpus);
  S_corpus = dossier_corpus_new(NULL);
  assert_int_equal(dossier_corpus_add_memory(S_corpus, "t.txt", text, strlen(text)), 1);
  dossier_corpus_extract(S_corpus);
  return S_corpus->articles.items[0];
}

/* The quote whose text is exactly want; fails the test when there is none. */
static const ds_quote *S_quote(const ds_article *a, const char *want) {
  for (size_t i = 0; i < a->quotes.len; i++) {
    const ds_quote *q = &a->quotes.items[i];
    if (q->end - q->start == strlen(want) && memcmp(a->body + q->start, want, q->end - q->start) == 0)
      return q;
  }
  for (size_t i = 0; i < a->quotes.len; i++)
    fprintf(stderr, "  have [%.*s]\n", (int)(a->quotes.items[i].end - a->quotes.items[i].start),
            a->body + a->quotes.items[i].start);
  fail_msg("no quote [%s]", want);
  return NULL;
}

static size_t S_count(const ds_article *a, ds_quote_kind kind) {
  size_t n = 0;
  for (size_t i = 0; i < a->quotes.len; i++) n += a->quotes.items[i].kind == kind;
  return n;
}

static void S_expect(const ds_quote *q, ds_quote_kind kind, const char *speaker, const char *cue) {
  assert_int_equal(q->kind, kind);
  if (speaker) assert_non_null(q->speaker_name), assert_string_equal(q->speaker_name, speaker);
  else assert_null(q->speaker_name), assert_int_equal(q->speaker, -1);
  if (cue) assert_non_null(q->cue), assert_string_equal(q->cue, cue);
}

static void test_direct_after(void **state) {
  (void)state;
  ds_article *a = S_tag("Heavy rain hit Norwick overnight.\n\n"
                        "\xE2\x80\x9CThe bridge will reopen on Monday,\xE2\x80\x9D said Mayor Helena Brandt.\n");
  assert_int_equal(a->quotes.len, 1);
  const ds_quote *q = S_quote(a, "The bridge will reopen on Monday");
  S_expect(q, DS_QUOTE_DIRECT, "Helena Brandt", "say");
  assert_true(q->speaker >= 0);
  assert_string_equal(a->entities.items[q->speaker].name, "Helena Brandt");
}

static void test_direct_before_colon(void **state) {
  (void)state;
  ds_article *a = S_tag("Omar Reyes said: \"The pumps are working again.\"\n");
  assert_int_equal(a->quotes.len, 1);
  S_expect(S_quote(a, "The pumps are working again."), DS_QUOTE_DIRECT, "Omar Reyes", "say");
}

static void test_straight_and_double_apostrophes(void **state) {
  (void)state;
  ds_article *a = S_tag("''We stayed up all night,'' Omar Reyes told reporters.\n\n"
                        "\xC2\xAB" "Every pump was running\xC2\xBB, Reyes added.\n");
  S_expect(S_quote(a, "We stayed up all night"), DS_QUOTE_DIRECT, "Omar Reyes", "tell");
  S_expect(S_quote(a, "Every pump was running"), DS_QUOTE_DIRECT, "Omar Reyes", "add");
}

static void test_pronoun_speaker(void **state) {
  (void)state;
  ds_article *a = S_tag("Helena Brandt visited the flooded school on Friday.\n\n"
                        "\xE2\x80\x9CWe are ready for the next storm,\xE2\x80\x9D she said.\n");
  const ds_quote *q = S_quote(a, "We are ready for the next storm");
  S_expect(q, DS_QUOTE_DIRECT, "Helena Brandt", "say");
  /* the speaker phrase is where the text names her: the pronoun */
  assert_memory_equal(a->body + q->speaker_start, "she", 3);
}

static void test_carried_speaker(void **state) {
  (void)state;
  ds_article *a = S_tag("\xE2\x80\x9CThe water has gone down,\xE2\x80\x9D Omar Reyes said. "
                        "\xE2\x80\x9CSchools will open on Tuesday.\xE2\x80\x9D\n\n"
                        "Responding to a question, Helena Brandt remarked, "
                        "\xE2\x80\x9CNobody was hurt.\xE2\x80\x9D\n");
  S_expect(S_quote(a, "The water has gone down"), DS_QUOTE_DIRECT, "Omar Reyes", "say");
  S_expect(S_quote(a, "Schools will open on Tuesday."), DS_QUOTE_DIRECT, "Omar Reyes", NULL);
  S_expect(S_quote(a, "Nobody was hurt."), DS_QUOTE_DIRECT, "Helena Brandt", "remark");
}

static void test_split_quote(void **state) {
  (void)state;
  ds_article *a = S_tag("\xE2\x80\x9CThe dam held,\xE2\x80\x9D Omar Reyes said, "
                        "\xE2\x80\x9C" "but the old road did not.\xE2\x80\x9D\n");
  assert_int_equal(S_count(a, DS_QUOTE_DIRECT), 2);
  const ds_quote *x = S_quote(a, "The dam held"), *y = S_quote(a, "but the old road did not.");
  S_expect(x, DS_QUOTE_DIRECT, "Omar Reyes", "say");
  S_expect(y, DS_QUOTE_DIRECT, "Omar Reyes", "say");
  assert_int_equal(x->speaker, y->speaker);
  assert_true(x->start < y->start);
}

static void test_multi_paragraph(void **state) {
  (void)state;
  ds_article *a = S_tag("Helena Brandt read a statement:\n\n"
                        "\xE2\x80\x9CThe first crews reached the valley at dawn.\n\n"
                        "\xE2\x80\x9CThe second crews arrived at noon.\xE2\x80\x9D\n");
  assert_int_equal(a->quotes.len, 1);
  const ds_quote *q = &a->quotes.items[0];
  const char *b = a->body + q->start;
  assert_memory_equal(b, "The first crews", 15);
  assert_memory_equal(a->body + q->end - 8, "at noon.", 8);
  S_expect(q, DS_QUOTE_DIRECT, "Helena Brandt", NULL);
}

static void test_partial(void **state) {
  (void)state;
  ds_article *a = S_tag("Helena Brandt called the flooding \xE2\x80\x9C" "a clear warning\xE2\x80\x9D for the region.\n");
  assert_int_equal(a->quotes.len, 1);
  S_expect(S_quote(a, "a clear warning"), DS_QUOTE_PARTIAL, "Helena Brandt", "call");
}

static void test_indirect(void **state) {
  (void)state;
  ds_article *a = S_tag("Helena Brandt said that the bridge would stay closed until March.\n\n"
                        "Omar Reyes told reporters the pumps were working.\n\n"
                        "According to Helena Brandt, the levels fell overnight.\n\n"
                        "The repairs will cost millions, Omar Reyes warned.\n");
  assert_int_equal(S_count(a, DS_QUOTE_INDIRECT), 4);
  S_expect(S_quote(a, "the bridge would stay closed until March"), DS_QUOTE_INDIRECT, "Helena Brandt", "say");
  S_expect(S_quote(a, "the pumps were working"), DS_QUOTE_INDIRECT, "Omar Reyes", "tell");
  S_expect(S_quote(a, "the levels fell overnight"), DS_QUOTE_INDIRECT, "Helena Brandt", "according to");
  S_expect(S_quote(a, "The repairs will cost millions"), DS_QUOTE_INDIRECT, "Omar Reyes", "warn");
}

/* "think" before "tank" is part of a noun: the clause's cue is "reported" */
static void test_think_tank(void **state) {
  (void)state;
  ds_article *a = S_tag("The Harbour Policy Institute, a Tollan-based think tank, also reported "
                        "that ferry traffic had doubled.\n");
  assert_int_equal(S_count(a, DS_QUOTE_INDIRECT), 1);
  S_expect(S_quote(a, "ferry traffic had doubled"), DS_QUOTE_INDIRECT, "Harbour Policy Institute", "report");
}

static void test_organisation_speaks(void **state) {
  (void)state;
  ds_article *a = S_tag("\xE2\x80\x9CRepairs will take weeks,\xE2\x80\x9D the Norwick Water Board warned.\n\n"
                        "The regional ministry confirmed that two roads were closed.\n");
  const ds_quote *q = S_quote(a, "Repairs will take weeks");
  assert_int_equal(q->kind, DS_QUOTE_DIRECT);
  assert_non_null(q->speaker_name);
  assert_non_null(strstr(q->speaker_name, "Norwick Water Board"));
  assert_string_equal(q->cue, "warn");
  q = S_quote(a, "two roads were closed");
  assert_non_null(q->speaker_name);
  assert_string_equal(q->speaker_name, "The regional ministry");
  assert_string_equal(q->cue, "confirm");
}

static void test_not_quotes(void **state) {
  (void)state;
  ds_article *a = S_tag("Volunteers joined the \xE2\x80\x9C" "Blue Shield Brigade\xE2\x80\x9D after the storm.\n\n"
                        "The \xE2\x80\x9C" "Dry Homes for All\xE2\x80\x9D project handed out sandbags.\n\n"
                        "The river was high. Were the \"Storm Corps\" there?\n");
  assert_int_equal(a->quotes.len, 0);
}

static void test_no_speaker(void **state) {
  (void)state;
  ds_article *a = S_tag("Flood waters rose quickly in the valley.\n\n"
                        "\xE2\x80\x9CNobody expected this much water.\xE2\x80\x9D\n");
  assert_int_equal(a->quotes.len, 1);
  S_expect(&a->quotes.items[0], DS_QUOTE_DIRECT, NULL, NULL);
  assert_null(a->quotes.items[0].cue);
}

static void test_unmatched_marks(void **state) {
  (void)state;
  /* an opening mark never closed, then a long text: no quote, and no scan past the limit */
  size_t n = DS_MAX_QUOTE_BYTES * 4;
  char *text = malloc(n + 64);
  strcpy(text, "Omar Reyes said \xE2\x80\x9Cthe storm ");
  size_t len = strlen(text);
  while (len + 40 < n) {
    memcpy(text + len, "and the rain went on and on and on ", 35);
    len += 35;
  }
  strcpy(text + len, "until dawn.\n");
  ds_article *a = S_tag(text);
  assert_int_equal(S_count(a, DS_QUOTE_DIRECT) + S_count(a, DS_QUOTE_PARTIAL), 0);
  free(text);
}

/* "(D-Wis.)" and ", R-Ky.," after a lawmaker's name: the period inside ends nothing. */
static void test_party_tags(void **state) {
  (void)state;
  ds_article *a = S_tag("\"The dam plan is a mistake,\" Rep. Jane Doran (D-Wis.) said Friday.\n\n"
                        "\"The veto will stand,\" Senate Leader Mitch Connell, R-Ky., said Tuesday.\n\n"
                        "\"We will fight it,\" Rep. Tom Jordell (R-Ohio), a panel member, said.\n");
  S_expect(S_quote(a, "The dam plan is a mistake"), DS_QUOTE_DIRECT, "Jane Doran", "say");
  S_expect(S_quote(a, "The veto will stand"), DS_QUOTE_DIRECT, "Mitch Connell", "say");
  S_expect(S_quote(a, "We will fight it"), DS_QUOTE_DIRECT, "Tom Jordell", "say");
}

/* Two appositives, one holding the noun "states" (no cue verb after "the"). */
static void test_appositives(void **state) {
  (void)state;
  ds_article *a = S_tag("\"It is an overreach,\" Paul Verdan, the attorney general of Montana, one of the "
                        "states suing the agency, said at a forum.\n");
  S_expect(S_quote(a, "It is an overreach"), DS_QUOTE_DIRECT, "Paul Verdan", "say");
}

/* A title with "of" before a name belongs to the name; a role "at" an organisation is
 * someone else than the organisation. */
static void test_title_with_of(void **state) {
  (void)state;
  ds_article *a = S_tag("Harbour Secretary of Fisheries Ilse Varga said on Monday that the quota would rise.\n\n"
                        "A senior fellow at the Norwick Maritime Institute said the rise was too small.\n\n"
                        "The Director of the Norwick Water Board said the pipes were old.\n");
  const ds_quote *q = S_quote(a, "the quota would rise");
  S_expect(q, DS_QUOTE_INDIRECT, "Ilse Varga", "say");
  assert_true(q->speaker >= 0);
  q = S_quote(a, "the rise was too small");
  S_expect(q, DS_QUOTE_INDIRECT, "A senior fellow at the Norwick Maritime Institute", "say");
  q = S_quote(a, "the pipes were old");
  S_expect(q, DS_QUOTE_INDIRECT, "Director of the Norwick Water Board", "say");
}

/* A report inside a relative clause on its speaker ends where the clause does. */
static void test_relative_clause_report(void **state) {
  (void)state;
  ds_article *a = S_tag("The ferry company, which has denied the claims, could lose its licence.\n\n"
                        "Mayor Ilse Varga, who said the pier was unsafe, closed it on Friday.\n");
  S_expect(S_quote(a, "the claims"), DS_QUOTE_INDIRECT, "The ferry company", "deny");
  S_expect(S_quote(a, "the pier was unsafe"), DS_QUOTE_INDIRECT, "Ilse Varga", "say");
}

/* "It should be noted that …" names nobody (not the last place mentioned); "is
 * defending" is not a passive. */
static void test_impersonal_passive(void **state) {
  (void)state;
  ds_article *a = S_tag("The minister flew to Norwick on a coastal tour.\n\n"
                        "It should also be noted that the harbour was closed for repairs.\n\n"
                        "Mayor Ilse Varga is defending the closure of the pier.\n");
  S_expect(S_quote(a, "the harbour was closed for repairs"), DS_QUOTE_INDIRECT, NULL, "note");
  S_expect(S_quote(a, "the closure of the pier"), DS_QUOTE_INDIRECT, "Ilse Varga", "defend");
}

/* A byline under the quote, a dash before it, "Said X:", "as X put it". */
static void test_dash_and_inverted(void **state) {
  (void)state;
  ds_article *a = S_tag("Residents of Norwick spoke out.\n\n"
                        "\xE2\x80\x9CNobody asked us about the dam.\xE2\x80\x9D \xE2\x80\x95 Carla Munez\n\n"
                        "Critics included the former candidate Mark Romano -- \"It is wrong to hide the "
                        "accounts\" -- and a former auditor.\n\n"
                        "Experts disagree. Said Ellison: \"I do not think she cares about the budget.\"\n\n"
                        "As Steven Rosen, a tax lawyer, recently put it, \"Did he lower his taxes legally?\"\n");
  S_expect(S_quote(a, "Nobody asked us about the dam."), DS_QUOTE_DIRECT, "Carla Munez", NULL);
  S_expect(S_quote(a, "It is wrong to hide the accounts"), DS_QUOTE_PARTIAL, "Mark Romano", NULL);
  S_expect(S_quote(a, "I do not think she cares about the budget."), DS_QUOTE_DIRECT, "Ellison", "say");
  S_expect(S_quote(a, "Did he lower his taxes legally?"), DS_QUOTE_DIRECT, "Steven Rosen", "put it");
}

/* "During …, X attacked …, saying, “…”": the subject after the leading adverbial. */
static void test_lead_adverbial(void **state) {
  (void)state;
  ds_article *a = S_tag("During a speech earlier in the day, Tom Brack attacked the council for its "
                        "plans, saying, \"They are reckless and very unstable.\"\n");
  S_expect(S_quote(a, "They are reckless and very unstable."), DS_QUOTE_DIRECT, "Tom Brack", "say");
}

/* A cue right after the quote whose phrase we cannot read: no speaker, not the
 * previous quote's. */
static void test_unread_speaker_not_carried(void **state) {
  (void)state;
  ds_article *a = S_tag("\"The levee held,\" said Omar Reyes.\n\n"
                        "\"The rationale does not hold water,\" said 9/11 widow Terry Strand.\n");
  S_expect(S_quote(a, "The levee held"), DS_QUOTE_DIRECT, "Omar Reyes", "say");
  const ds_quote *q = S_quote(a, "The rationale does not hold water");
  assert_int_not_equal(q->speaker, a->quotes.items[0].speaker);
}

/* A single word in marks with no cue is a scare quote; "agreed during his visit"
 * reports nothing, "agreed that …" does. */
static void test_scare_quote_and_agree(void **state) {
  (void)state;
  ds_article *a = S_tag("The council unveiled its so-called \"reset\" of the harbour budget on Monday.\n\n"
                        "Mayor Helena Brandt agreed during her visit to the harbour in May.\n\n"
                        "Omar Reyes agreed that the levy was fair to the fishermen.\n");
  for (size_t i = 0; i < a->quotes.len; i++) {
    const ds_quote *q = &a->quotes.items[i];
    assert_false(q->end - q->start == 5 && memcmp(a->body + q->start, "reset", 5) == 0);
    assert_false(q->speaker_name && strcmp(q->speaker_name, "Helena Brandt") == 0);
  }
  S_expect(S_quote(a, "the levy was fair to the fishermen"), DS_QUOTE_INDIRECT, "Omar Reyes", "agree");
}

/* "It said" goes to the organisation that is the previous sentence's subject, not
 * to the person named later in it; "she added" to the quote's speaker. */
static void test_it_said(void **state) {
  (void)state;
  ds_article *a = S_tag("Storm hits Norwick.\n\n"
                        "The Norwick Harbour Authority closed the port on Monday after Mayor Helena Brandt "
                        "visited the docks. It said the storm had damaged two cranes.\n\n"
                        "\"We lost power twice,\" Brandt said. \"We will rebuild,\" she added.\n");
  S_expect(S_quote(a, "the storm had damaged two cranes"), DS_QUOTE_INDIRECT, "Norwick Harbour Authority", "say");
  S_expect(S_quote(a, "We lost power twice"), DS_QUOTE_DIRECT, "Helena Brandt", "say");
  S_expect(S_quote(a, "We will rebuild"), DS_QUOTE_DIRECT, "Helena Brandt", "add");
}

/* A fragment inside reported speech is the report's speaker's, even when "he"
 * introduces it; the indirect report keeps its own entry. */
static void test_fragment_inside_report(void **state) {
  (void)state;
  ds_article *a = S_tag("Harbour row in Norwick.\n\n"
                        "Secretary General Ana Kemp condemned what he called a \"brazen breach\" of the "
                        "harbour rules.\n\n"
                        "Brad Holm, the city attorney, said in the letter that the advert \"wrongfully\" suggests "
                        "the port backs the plan.\n");
  S_expect(S_quote(a, "brazen breach"), DS_QUOTE_PARTIAL, "Ana Kemp", "call");
  S_expect(S_quote(a, "wrongfully"), DS_QUOTE_PARTIAL, "Brad Holm", "say");
  S_expect(S_quote(a, "the advert \"wrongfully\" suggests the port backs the plan"), DS_QUOTE_INDIRECT,
           "Brad Holm", "say");
}

/* A statement announced by a colon, a byline paragraph under a quote, a sentence
 * opening with "And then". */
static void test_statement_byline_conj(void **state) {
  (void)state;
  ds_article *a = S_tag("Harbour row in Norwick.\n\n"
                        "In response, Mayor Walt Brandt issued the following statement:\n\n"
                        "\"Our thoughts are with the fishermen.\"\n\n"
                        "\"The whole idea is something that we hear about all the time.\"\n\n"
                        "- Michelle Marks, Springfield.\n\n"
                        "And then Tom Brack went on the attack, saying, \"Is the council going to resign?\"\n");
  S_expect(S_quote(a, "Our thoughts are with the fishermen."), DS_QUOTE_DIRECT, "Walt Brandt", NULL);
  S_expect(S_quote(a, "The whole idea is something that we hear about all the time."), DS_QUOTE_DIRECT,
           "Michelle Marks", NULL);
  S_expect(S_quote(a, "Is the council going to resign?"), DS_QUOTE_DIRECT, "Tom Brack", "say");
}

static void test_sorted_and_in_body(void **state) {
  (void)state;
  ds_article *a = S_tag("\xE2\x80\x9C" "First,\xE2\x80\x9D said Omar Reyes. Helena Brandt said the second came later.\n");
  assert_int_equal(a->quotes.len, 2);
  assert_true(a->quotes.items[0].start < a->quotes.items[1].start);
  for (size_t i = 0; i < a->quotes.len; i++) assert_true(a->quotes.items[i].end <= a->body_len);
}

/* Content ends before a second predicate, a closing relative clause or ", and" + clause. */
static void test_content_ends(void **state) {
  (void)state;
  ds_article *a = S_tag("Mayor Lena Voss said the ferry fares would rise and urged riders to plan ahead.\n\n"
                        "Officer Paul Dunne said the bridge reopened for Carla Mendes, who runs the bakery by the river.\n\n"
                        "Judge Irma Kell said the hearing was over, and the clerk closed the file.\n\n"
                        "Anton Riis said the town needed roads, schools, and clinics.\n");
  S_expect(S_quote(a, "the ferry fares would rise"), DS_QUOTE_INDIRECT, "Lena Voss", "say");
  S_expect(S_quote(a, "the bridge reopened for Carla Mendes"), DS_QUOTE_INDIRECT, "Paul Dunne", "say");
  S_expect(S_quote(a, "the hearing was over"), DS_QUOTE_INDIRECT, "Irma Kell", "say");
  /* negative: the last item of a list stays in the report */
  S_expect(S_quote(a, "the town needed roads, schools, and clinics"), DS_QUOTE_INDIRECT, "Anton Riis", "say");
}

/* "Just 31 percent of tenants said …": a counted group speaks, unnamed. */
static void test_counted_group(void **state) {
  (void)state;
  ds_article *a = S_tag("In the survey, just 31 percent of tenants said the landlord answered their calls.\n");
  const ds_quote *q = S_quote(a, "the landlord answered their calls");
  S_expect(q, DS_QUOTE_INDIRECT, NULL, "say");
  assert_int_equal(a->body + q->speaker_start - a->body, strstr(a->body, "31 percent") - a->body);
}

/* "Voss's claim that …", "her belief that …"; no possessor ("the claim that") is no report. */
static void test_noun_cues(void **state) {
  (void)state;
  ds_article *a = S_tag("Hana Petrov's claim that the depot was unsafe drew a sharp reply.\n\n"
                        "The claim that the depot flooded twice was never checked.\n\n"
                        "Mayor Ivo Brandt arrived. His view that night was of the harbour lights.\n");
  S_expect(S_quote(a, "the depot was unsafe drew a sharp reply"), DS_QUOTE_INDIRECT, "Hana Petrov", "claim");
  assert_int_equal(a->quotes.len, 1);
}

/* Belief and documents: "X think …", "polls show …" (no "that" needed after a
 * document); a person's "show" without "that" is no report. */
static void test_belief_and_documents(void **state) {
  (void)state;
  ds_article *a = S_tag("Harbour pilots think the new channel will silt up within a year.\n\n"
                        "Two recent polls show the mayor trailing her rival by six points.\n\n"
                        "Mayor Ivo Brandt will show the plans to the council on Monday.\n");
  S_expect(S_quote(a, "the new channel will silt up within a year"), DS_QUOTE_INDIRECT, NULL, "think");
  S_expect(S_quote(a, "the mayor trailing her rival by six points"), DS_QUOTE_INDIRECT, NULL, "show");
  assert_int_equal(a->quotes.len, 2);
}

/* "according to" names a source even when it is no name, and may follow a lead. */
static void test_according_unnamed(void **state) {
  (void)state;
  ds_article *a = S_tag("The ferry carried 212 passengers, according to early harbour counts.\n\n"
                        "In addition, according to the port office, two cranes were idle.\n");
  const ds_quote *q = S_quote(a, "The ferry carried 212 passengers");
  S_expect(q, DS_QUOTE_INDIRECT, NULL, "according to");
  assert_int_equal(q->speaker_start, strstr(a->body, "early harbour counts") - a->body);
  S_expect(S_quote(a, "two cranes were idle"), DS_QUOTE_INDIRECT, "the port office", "according to");
}

/* "Roe: claim." headline lines; a list of names after a colon is none. */
static void test_headline(void **state) {
  (void)state;
  ds_article *a = S_tag("Ivo Brandt: The harbour levy will be scrapped next spring.\n\n"
                        "Ivo Brandt spoke on Monday.\n\n"
                        "Panel: Ivo Brandt, Hana Petrov, Carla Mendes, Paul Dunne and Irma Kell.\n");
  S_expect(S_quote(a, "The harbour levy will be scrapped next spring"), DS_QUOTE_INDIRECT, "Ivo Brandt", "headline");
  assert_int_equal(a->quotes.len, 1);
}

/* "she said" skips a man named "Mr." for the woman before him; with no woman in
 * reach the speaker stays unnamed rather than wrong. */
static void test_pronoun_gender(void **state) {
  (void)state;
  ds_article *a = S_tag("Mayor Hana Petrov met the harbour master on Monday. Mr. Paul Dunne showed her the silted channel.\n"
                        "She said the dredging would start in May.\n\n"
                        "Later, Mr. Anton Riis toured the docks.\n\n"
                        "She said the cranes were too old.\n");
  S_expect(S_quote(a, "the dredging would start in May"), DS_QUOTE_INDIRECT, "Hana Petrov", "say");
  const ds_quote *q = S_quote(a, "the cranes were too old");
  assert_true(q->speaker_name == NULL || strcmp(q->speaker_name, "Anton Riis") != 0);
}

/* A spaced dash ends reported content; before a trailing "according to" the report
 * starts after a colon or dash. A hyphen inside a word is no dash. */
static void test_dash_asides(void **state) {
  (void)state;
  ds_article *a = S_tag("Mayor Ivo Brandt said the toll-free bridge would open in May - a date the council disputes.\n\n"
                        "The levy is unpopular: fares rose by a third, according to the port office.\n");
  S_expect(S_quote(a, "the toll-free bridge would open in May"), DS_QUOTE_INDIRECT, "Ivo Brandt", "say");
  S_expect(S_quote(a, "fares rose by a third"), DS_QUOTE_INDIRECT, "the port office", "according to");
}


/* A subject the walk misses: a name after a long lead, a name before a capitalised
 * appositive; "said that, if elected, …" keeps the aside in the report. */
static void test_subject_fallback(void **state) {
  (void)state;
  ds_article *a = S_tag("In a May meeting with the board of the Daily Ledger Mayor Dana Whitfield said that the "
                        "harbour tax may need to be cut.\n\n"
                        "Omar Reyes, Democrat of Eastport, said the toll scheme has hurt commuters.\n\n"
                        "Whitfield said that, if elected, she would leave the ferry contract to the port board.\n");
  S_expect(S_quote(a, "the harbour tax may need to be cut"), DS_QUOTE_INDIRECT, "Dana Whitfield", "say");
  S_expect(S_quote(a, "the toll scheme has hurt commuters"), DS_QUOTE_INDIRECT, "Omar Reyes", "say");
  S_expect(S_quote(a, "if elected, she would leave the ferry contract to the port board"), DS_QUOTE_INDIRECT,
           "Dana Whitfield", "say");
  assert_int_equal(a->quotes.len, 3);
}

/* "said that" with a subject nobody names is a report with no speaker; nouns that
 * look like cues ("states", "remarks", "backing from") report nothing. */
static void test_unnamed_subject(void **state) {
  (void)state;
  ds_article *a = S_tag("All the pilots I interviewed said that the channel is too shallow.\n\n"
                        "The states voting on Tuesday are Ohio and Iowa.\n\n"
                        "The mayor's remarks were short.\n\n"
                        "The bridge drew backing from three unions.\n");
  S_expect(S_quote(a, "the channel is too shallow"), DS_QUOTE_INDIRECT, NULL, "say");
  assert_int_equal(a->quotes.len, 1);
}

/* An attribution inside its report: the report is the sentence around it; after a
 * long clause, or before "but", the part before the attribution is the report. */
static void test_parenthetical(void **state) {
  (void)state;
  ds_article *a = S_tag("The harbour plan, officials said, will cost more than the council expected.\n\n"
                        "Recently, Omar Reyes said, the council has ignored the fishermen.\n\n"
                        "The ferry fare rose by a third, the port said in a report.\n\n"
                        "The levy will fall, Reyes said, but the council disagreed.\n");
  S_expect(S_quote(a, "The harbour plan, officials said, will cost more than the council expected"),
           DS_QUOTE_INDIRECT, "officials", "say");
  S_expect(S_quote(a, "Recently, Omar Reyes said, the council has ignored the fishermen"), DS_QUOTE_INDIRECT,
           "Omar Reyes", "say");
  S_expect(S_quote(a, "The ferry fare rose by a third"), DS_QUOTE_INDIRECT, NULL, "say");
  S_expect(S_quote(a, "The levy will fall"), DS_QUOTE_INDIRECT, "Omar Reyes", "say");
  assert_int_equal(a->quotes.len, 4);
}

/* Content ends at an appositive or a writer's clause after a comma, not at a short
 * lead ("that earlier this year, a …"); a lead adverbial before the subject is no
 * report. */
static void test_content_appositive(void **state) {
  (void)state;
  ds_article *a = S_tag("Omar Reyes said the fares rose by a third, a rise the council disputes.\n\n"
                        "Reyes said that earlier this year, a ferry ran aground.\n\n"
                        "In a speech on Friday, Reyes called on the council to act.\n");
  S_expect(S_quote(a, "the fares rose by a third"), DS_QUOTE_INDIRECT, "Omar Reyes", "say");
  S_expect(S_quote(a, "earlier this year, a ferry ran aground"), DS_QUOTE_INDIRECT, "Omar Reyes", "say");
  S_expect(S_quote(a, "on the council to act"), DS_QUOTE_INDIRECT, "Omar Reyes", "call");
  assert_int_equal(a->quotes.len, 3);
}

/* "is expected to …": nobody is named; a stance on a name ("endorsed Jo Roe") is
 * reported, a stance on a pronoun alone is not. */
static void test_passive_and_stance(void **state) {
  (void)state;
  ds_article *a = S_tag("The mayor is expected to sign the order next week.\n\n"
                        "The union endorsed Mayor Dana Whitfield.\n\n"
                        "The poll, released on Friday by the harbour board, showed Whitfield leading by five points.\n\n"
                        "The union endorsed him.\n");
  const ds_quote *q = S_quote(a, "to sign the order next week");
  S_expect(q, DS_QUOTE_INDIRECT, NULL, "expect");
  S_expect(S_quote(a, "Mayor Dana Whitfield"), DS_QUOTE_INDIRECT, NULL, "endorse");
  S_expect(S_quote(a, "Whitfield leading by five points"), DS_QUOTE_INDIRECT, NULL, "show");
  assert_int_equal(a->quotes.len, 3);
}

/* Before a trailing "according to" the report is the last clause: after ", with",
 * ", and" + clause or at ", which"; a list's last item is no clause. */
static void test_according_last_clause(void **state) {
  (void)state;
  ds_article *a = S_tag("Ferry use fell in May, with 40 percent of riders staying home, according to the port "
                        "office.\n\n"
                        "The pier needs new piles, beams, and planks, according to the harbour engineer.\n");
  S_expect(S_quote(a, "40 percent of riders staying home"), DS_QUOTE_INDIRECT, "the port office",
           "according to");
  S_expect(S_quote(a, "The pier needs new piles, beams, and planks"), DS_QUOTE_INDIRECT, NULL,
           "according to");
  assert_int_equal(a->quotes.len, 2);
}

/* A headline in title case reports ("Mayor Says …"); the same words later in the
 * body do not. */
static void test_title_case_headline(void **state) {
  (void)state;
  ds_article *a = S_tag("Mayor Whitfield Says Pier Will Reopen in June.\n\n"
                        "The Harbor Says Festival opened on Friday with music for the whole town.\n");
  S_expect(S_quote(a, "Pier Will Reopen in June"), DS_QUOTE_INDIRECT, "Whitfield", "say");
  assert_int_equal(a->quotes.len, 1);
  /* a first paragraph in sentence case is no headline */
  a = S_tag("The Harbor Says Festival opened on Friday with music for the whole town and the pier.\n");
  assert_int_equal(a->quotes.len, 0);
}

/* Transcript turns "NAME: …" are the speaker's whole paragraph; a lone capital
 * label is no turn. */
static void test_transcript(void **state) {
  (void)state;
  ds_article *a = S_tag("UPDATE: The pier reopened on Friday after repairs.\n\n"
                        "Partial transcript:\n\n"
                        "HARLOW: Why is the ferry late again? We need answers.\n\n"
                        "REYES: The engine failed. It will be fixed by May.\n");
  S_expect(S_quote(a, "Why is the ferry late again? We need answers."), DS_QUOTE_INDIRECT, "HARLOW", "transcript");
  S_expect(S_quote(a, "The engine failed. It will be fixed by May."), DS_QUOTE_INDIRECT, "REYES", "transcript");
  assert_int_equal(a->quotes.len, 2);
}

/* A straight mark opening a paragraph that quotes in curly marks is a stray: the
 * curly quote is the quotation, not the whole paragraph. */
static void test_stray_straight_mark(void **state) {
  (void)state;
  ds_article *a = S_tag("\"Mayor Dana Whitfield arrived late. \xE2\x80\x9CWe are ready,\xE2\x80\x9D Whitfield said.\n\n"
                        "\"The crowd cheered loudly at the pier,\" Omar Reyes said.\n");
  S_expect(S_quote(a, "We are ready"), DS_QUOTE_DIRECT, "Dana Whitfield", "say");
  S_expect(S_quote(a, "The crowd cheered loudly at the pier"), DS_QUOTE_DIRECT, "Omar Reyes", "say");
  assert_int_equal(a->quotes.len, 2);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_teardown(test_direct_after, S_teardown),
      cmocka_unit_test_teardown(test_direct_before_colon, S_teardown),
      cmocka_unit_test_teardown(test_straight_and_double_apostrophes, S_teardown),
      cmocka_unit_test_teardown(test_pronoun_speaker, S_teardown),
      cmocka_unit_test_teardown(test_carried_speaker, S_teardown),
      cmocka_unit_test_teardown(test_split_quote, S_teardown),
      cmocka_unit_test_teardown(test_multi_paragraph, S_teardown),
      cmocka_unit_test_teardown(test_partial, S_teardown),
      cmocka_unit_test_teardown(test_indirect, S_teardown),
      cmocka_unit_test_teardown(test_think_tank, S_teardown),
      cmocka_unit_test_teardown(test_organisation_speaks, S_teardown),
      cmocka_unit_test_teardown(test_not_quotes, S_teardown),
      cmocka_unit_test_teardown(test_no_speaker, S_teardown),
      cmocka_unit_test_teardown(test_unmatched_marks, S_teardown),
      cmocka_unit_test_teardown(test_party_tags, S_teardown),
      cmocka_unit_test_teardown(test_appositives, S_teardown),
      cmocka_unit_test_teardown(test_dash_and_inverted, S_teardown),
      cmocka_unit_test_teardown(test_lead_adverbial, S_teardown),
      cmocka_unit_test_teardown(test_unread_speaker_not_carried, S_teardown),
      cmocka_unit_test_teardown(test_scare_quote_and_agree, S_teardown),
      cmocka_unit_test_teardown(test_it_said, S_teardown),
      cmocka_unit_test_teardown(test_fragment_inside_report, S_teardown),
      cmocka_unit_test_teardown(test_statement_byline_conj, S_teardown),
      cmocka_unit_test_teardown(test_sorted_and_in_body, S_teardown),
      cmocka_unit_test_teardown(test_content_ends, S_teardown),
      cmocka_unit_test_teardown(test_counted_group, S_teardown),
      cmocka_unit_test_teardown(test_noun_cues, S_teardown),
      cmocka_unit_test_teardown(test_belief_and_documents, S_teardown),
      cmocka_unit_test_teardown(test_according_unnamed, S_teardown),
      cmocka_unit_test_teardown(test_headline, S_teardown),
      cmocka_unit_test_teardown(test_pronoun_gender, S_teardown),
      cmocka_unit_test_teardown(test_dash_asides, S_teardown),
      cmocka_unit_test_teardown(test_subject_fallback, S_teardown),
      cmocka_unit_test_teardown(test_unnamed_subject, S_teardown),
      cmocka_unit_test_teardown(test_parenthetical, S_teardown),
      cmocka_unit_test_teardown(test_content_appositive, S_teardown),
      cmocka_unit_test_teardown(test_passive_and_stance, S_teardown),
      cmocka_unit_test_teardown(test_according_last_clause, S_teardown),
      cmocka_unit_test_teardown(test_title_case_headline, S_teardown),
      cmocka_unit_test_teardown(test_transcript, S_teardown),
      cmocka_unit_test_teardown(test_stray_straight_mark, S_teardown),
      cmocka_unit_test_teardown(test_title_with_of, S_teardown),
      cmocka_unit_test_teardown(test_relative_clause_report, S_teardown),
      cmocka_unit_test_teardown(test_impersonal_passive, S_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
