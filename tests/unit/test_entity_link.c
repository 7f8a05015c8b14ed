/* Entity linking across articles: spelling and transliteration variants, typos,
 * surnames alone, acronyms; and the people who must stay apart. Our own sentences. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "corpus.h"

static dossier_corpus *S_corpus;

/* Analyses up to four small articles (NULL-terminated). */
static dossier_corpus *S_link(const char *const *texts) {
  if (S_corpus) dossier_corpus_free(S_corpus);
  S_corpus = dossier_corpus_new(NULL);
  for (int i = 0; texts[i]; i++) {
    char buf[4096], name[32];
    int n = snprintf(buf, sizeof buf, "---\noutlet: Outlet%d\npublished: 2025-03-14\n---\n%s\n", i,
                     texts[i]);
    assert_true(n > 0 && (size_t)n < sizeof buf);
    snprintf(name, sizeof name, "a%d.txt", i);
    assert_int_equal(dossier_corpus_add_memory(S_corpus, name, buf, (size_t)n), 1);
  }
  dossier_corpus_analyze(S_corpus);
  return S_corpus;
}

static const ds_gentity *S_find(const dossier_corpus *c, const char *name) {
  for (size_t i = 0; i < c->entities.len; i++) {
    const ds_gentity *g = &c->entities.items[i];
    if (strcmp(g->name, name) == 0) return g;
    for (size_t k = 0; k < g->aliases.len; k++)
      if (strcmp(g->aliases.items[k], name) == 0) return g;
  }
  return NULL;
}

static bool S_alias(const ds_gentity *g, const char *s) {
  for (size_t k = 0; k < g->aliases.len; k++)
    if (strcmp(g->aliases.items[k], s) == 0) return true;
  return false;
}

/* The one corpus entity that every name (NULL-terminated) belongs to, or fails. */
static const ds_gentity *S_one(const dossier_corpus *c, const char *const *names) {
  const ds_gentity *g = S_find(c, names[0]);
  assert_non_null(g);
  for (int i = 1; names[i]; i++) assert_ptr_equal(g, S_find(c, names[i]));
  return g;
}

static void test_transliterations_merge(void **state) {
  (void)state;
  const char *t[] = {"Ukrainian President Bohdan Zelinsky spoke on Monday.",
                     "President Bohdan Zelinskyy said the line would hold.",
                     "Bohdan Zelinskiy warned of a wider war. Zelinskiy left.", NULL};
  const char *names[] = {"Bohdan Zelinsky", "Bohdan Zelinskyy", "Bohdan Zelinskiy", NULL};
  const ds_gentity *g = S_one(S_link(t), names);
  assert_int_equal(g->type, DS_ENT_PERSON);
  assert_int_equal(g->articles.len, 3);
  assert_int_equal(g->articles.items[0], 0);
  assert_int_equal(g->articles.items[2], 2);
  assert_int_equal(g->mentions, 4);
  assert_true(S_alias(g, "Zelinskiy"));
  /* the most mentioned spelling names it */
  assert_string_equal(g->name, "Bohdan Zelinskiy");
}

static void test_first_name_typo_merges(void **state) {
  (void)state;
  const char *t[] = {"Defence Secretary Floyd Barton arrived.", "Folyd Barton said little.", NULL};
  dossier_corpus *c = S_link(t);
  const ds_gentity *g = S_find(c, "Floyd Barton");
  assert_non_null(g);
  assert_ptr_equal(g, S_find(c, "Folyd Barton"));
  assert_string_equal(g->role, "Defence Secretary");
}

static void test_different_first_names_stay_apart(void **state) {
  (void)state;
  const char *t[] = {"Anna Petrova spoke in Vienna.", "Irina Petrova spoke in Vienna.",
                     "Anna Lee spoke in Vienna. Anna Lei answered.", NULL};
  dossier_corpus *c = S_link(t);
  assert_ptr_not_equal(S_find(c, "Anna Petrova"), S_find(c, "Irina Petrova"));
  assert_ptr_not_equal(S_find(c, "Anna Lee"), S_find(c, "Anna Lei"));
  const ds_gentity *v = S_find(c, "Vienna");
  assert_non_null(v);
  assert_int_equal(v->articles.len, 3);
  assert_int_equal(v->mentions, 3);
}

static void test_surname_alone_joins_only_bearer(void **state) {
  (void)state;
  const char *t[] = {"Navy spokesman Tomas Brede spoke.", "Brede said the ships were ready.", NULL};
  dossier_corpus *c = S_link(t);
  const ds_gentity *g = S_find(c, "Tomas Brede");
  assert_non_null(g);
  assert_ptr_equal(g, S_find(c, "Brede"));
  assert_int_equal(g->articles.len, 2);
  assert_string_equal(g->name, "Tomas Brede");
}

static void test_ambiguous_surname_stays_apart(void **state) {
  (void)state;
  const char *t[] = {"Anna Petrova spoke.", "Irina Petrova spoke.", "Petrova said it was over.",
                     NULL};
  dossier_corpus *c = S_link(t);
  const ds_gentity *p = S_find(c, "Petrova");
  assert_non_null(p);
  assert_string_equal(p->name, "Petrova");
  assert_ptr_not_equal(p, S_find(c, "Anna Petrova"));
  assert_ptr_not_equal(p, S_find(c, "Irina Petrova"));
}

static void test_acronym_across_articles(void **state) {
  (void)state;
  const char *t[] = {"The Coastal Intelligence Service (CIS) issued a warning.",
                     "A report from the CIS was leaked on Friday.", NULL};
  dossier_corpus *c = S_link(t);
  const ds_gentity *g = S_find(c, "Coastal Intelligence Service");
  assert_non_null(g);
  assert_ptr_equal(g, S_find(c, "CIS"));
  assert_int_equal(g->type, DS_ENT_ORG);
  assert_int_equal(g->articles.len, 2);
}

static void test_globals_set_and_ordered(void **state) {
  (void)state;
  const char *t[] = {"Russian troops left Kyiv. Russia denied it.", "Russian officials met.", NULL};
  dossier_corpus *c = S_link(t);
  const ds_gentity *r = S_find(c, "Russia");
  assert_non_null(r);
  assert_ptr_equal(r, &c->entities.items[0]); /* most mentioned first */
  assert_int_equal(r->mentions, 3);
  assert_true(S_alias(r, "Russian"));
  for (size_t a = 0; a < c->articles.len; a++) {
    const ds_article *art = c->articles.items[a];
    for (size_t e = 0; e < art->entities.len; e++) {
      int32_t g = art->entities.items[e].global;
      assert_true(g >= 0 && (size_t)g < c->entities.len);
    }
  }
  for (size_t i = 1; i < c->entities.len; i++)
    assert_true(c->entities.items[i - 1].mentions >= c->entities.items[i].mentions);
}

static void test_middle_initials_keep_people_apart(void **state) {
  (void)state;
  const char *t[] = {"Governor Carl W. Brandt spoke.", "Carl P. Brandt, his son, spoke.",
                     "Carl Brandt spoke again.", NULL};
  dossier_corpus *c = S_link(t);
  assert_ptr_not_equal(S_find(c, "Carl W. Brandt"), S_find(c, "Carl P. Brandt"));
  /* no middle initial: the same first name and surname join the first of them */
  assert_ptr_equal(S_find(c, "Carl Brandt"), S_find(c, "Carl W. Brandt"));
}

static void test_surname_typo_and_transposition_merge(void **state) {
  (void)state;
  /* a swapped pair of consonants, and a changed one, in the surname of one person */
  const char *t[] = {"Foreign Minister Karolina Vestergaard arrived.",
                     "Karolina Vestegraard said little.", "Karolina Vesternaard left.",
                     "Karolina Vestergard waved.", NULL};
  const char *names[] = {"Karolina Vestergaard", "Karolina Vestegraard", "Karolina Vesternaard",
                         "Karolina Vestergard", NULL};
  assert_int_equal(S_one(S_link(t), names)->articles.len, 4);
}

static void test_title_change_merges_role_conflict_does_not(void **state) {
  (void)state;
  /* one person named in full under two titles is one; a surname alone whose role
   * names another post is someone else */
  const char *t[] = {"Senator Helga Marwick spoke.", "Minister Helga Marwick resigned.",
                     "General Marwick said the troops had left.", NULL};
  dossier_corpus *c = S_link(t);
  const ds_gentity *g = S_find(c, "Helga Marwick");
  assert_non_null(g);
  assert_int_equal(g->articles.len, 2);
  const ds_gentity *gen = S_find(c, "Marwick");
  assert_non_null(gen);
  assert_ptr_not_equal(g, gen);
  /* the same surname with a role that agrees does join */
  const char *u[] = {"Senator Helga Marwick spoke.", "Senator Marwick said it was over.", NULL};
  c = S_link(u);
  assert_ptr_equal(S_find(c, "Helga Marwick"), S_find(c, "Marwick"));
}

static void test_shared_surname_different_first_names_with_typo_block(void **state) {
  (void)state;
  /* the first-name block must not join people whose surnames are far apart */
  const char *t[] = {"Anna Vestergaard spoke.", "Anna Vollmer spoke.", NULL};
  dossier_corpus *c = S_link(t);
  assert_ptr_not_equal(S_find(c, "Anna Vestergaard"), S_find(c, "Anna Vollmer"));
}

/* An organisation named without its country joins the one named with it, but only when
 * a single country's organisation bears that name. */
static void test_national_prefix(void **state) {
  (void)state;
  const char *t[] = {"A spokesman for the U.S. National Security Council said the talks would go on.",
                     "The National Security Council said the talks would go on.", NULL};
  const dossier_corpus *c = S_link(t);
  const char *same[] = {"U.S. National Security Council", "National Security Council", NULL};
  S_one(c, same);
  const char *u[] = {"The Polish Defence Ministry denied the report on Monday.",
                     "The Czech Defence Ministry confirmed the report on Monday.",
                     "The Defence Ministry declined to comment on Monday.", NULL};
  c = S_link(u);
  const ds_gentity *pl = S_find(c, "Polish Defence Ministry"), *cz = S_find(c, "Czech Defence Ministry"),
                   *bare = S_find(c, "Defence Ministry");
  assert_non_null(pl), assert_non_null(cz), assert_non_null(bare);
  assert_ptr_not_equal(pl, cz), assert_ptr_not_equal(bare, pl), assert_ptr_not_equal(bare, cz);
  const char *one[] = {"The Polish Defence Ministry denied the report on Monday.",
                       "The Defence Ministry declined to comment on Monday.", NULL};
  c = S_link(one);
  const char *joined[] = {"Polish Defence Ministry", "Defence Ministry", NULL};
  S_one(c, joined);
}

/* One word the tagger took for a person in one report and for a place in two is one
 * place; a person with a full name elsewhere keeps the surname. */
static void test_guessed_type_joins_majority(void **state) {
  (void)state;
  const char *t[] = {"Troops moved into Tarvosia on Monday.", "Convoys crossed into Tarvosia overnight.",
                     "Tarvosia denied the claim on Monday.", NULL};
  const dossier_corpus *c = S_link(t);
  assert_int_equal(c->articles.items[2]->entities.items[0].type, DS_ENT_PERSON); /* the guess */
  const ds_gentity *g = S_find(c, "Tarvosia");
  assert_non_null(g);
  assert_int_equal(g->type, DS_ENT_PLACE);
  assert_int_equal(g->articles.len, 3);
  const char *u[] = {"Senator Ada Brandt spoke in Brandt Valley on Monday.", "Brandt said the dam would hold.",
                     NULL};
  c = S_link(u);
  const char *same[] = {"Ada Brandt", "Brandt", NULL};
  assert_int_equal(S_one(c, same)->type, DS_ENT_PERSON);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_transliterations_merge),
      cmocka_unit_test(test_national_prefix),
      cmocka_unit_test(test_guessed_type_joins_majority),
      cmocka_unit_test(test_first_name_typo_merges),
      cmocka_unit_test(test_different_first_names_stay_apart),
      cmocka_unit_test(test_surname_alone_joins_only_bearer),
      cmocka_unit_test(test_ambiguous_surname_stays_apart),
      cmocka_unit_test(test_acronym_across_articles),
      cmocka_unit_test(test_globals_set_and_ordered),
      cmocka_unit_test(test_middle_initials_keep_people_apart),
      cmocka_unit_test(test_surname_typo_and_transposition_merge),
      cmocka_unit_test(test_title_change_merges_role_conflict_does_not),
      cmocka_unit_test(test_shared_surname_different_first_names_with_typo_block),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  if (S_corpus) dossier_corpus_free(S_corpus);
  return rc;
}
