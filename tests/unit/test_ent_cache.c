/* The entity tagger's speed caches must not change what it finds: a lone capitalised
 * word is resolved from a note made at its first mention, so later mentions, case
 * variants and names the Unicode fold joins must still link as if looked up afresh.
 * Our own sentences about a fictional port town. */
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

/* Mentions whose text is `text`, and the entity they all link to (-1 if they differ). */
static int S_linked(const ds_article *a, const char *text, int32_t *entity) {
  int n = 0;
  *entity = -1;
  for (size_t i = 0; i < a->mentions.len; i++) {
    const ds_mention *m = &a->mentions.items[i];
    if (m->end - m->start != strlen(text) || memcmp(a->body + m->start, text, strlen(text)))
      continue;
    if (n++ && *entity != m->entity) *entity = -2;
    else if (n == 1) *entity = m->entity;
  }
  return n;
}

/* In the article made of text, `one` is written n1 times and `two` n2 times, and
 * all those mentions link to one entity. */
static void S_joined(const char *text, const char *one, int n1, const char *two, int n2) {
  const ds_article *a = tu_tag(&S_corpus, text);
  int32_t e1, e2;
  assert_int_equal(S_linked(a, one, &e1), n1);
  assert_int_equal(S_linked(a, two, &e2), n2);
  assert_true(e1 >= 0);
  assert_int_equal(e1, e2);
}

/* "Lódz" met before "LÓDZ" is made an entity, then again after: the second links to it
 * (the two differ beyond ASCII case, so they are two words to the caches). */
static void test_fold_joins_late(void **state) {
  (void)state;
  S_joined("Yesterday Lódz was quiet.\n\n"
           "The report from LÓDZ came later that week.\n\n"
           "Then Lódz was quiet again.",
           "LÓDZ", 1, "Lódz", 1);
}

/* An acronym made an organisation at its first lone mention keeps every later one,
 * in any ASCII case. */
static void test_repeated_word(void **state) {
  (void)state;
  S_joined("Dock workers at the harbour met VARL on Monday. "
           "Later VARL said the cranes would stop. "
           "The union praised VARL again, and Varl thanked it.",
           "VARL", 3, "Varl", 1);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_fold_joins_late),
      cmocka_unit_test(test_repeated_word),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  if (S_corpus) dossier_corpus_free(S_corpus);
  return rc;
}
