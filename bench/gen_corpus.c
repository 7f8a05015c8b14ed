/* gen_corpus: writes a synthetic news corpus as JSON Lines, for benchmarks.
 *   gen_corpus N [SEED] > corpus.jsonl
 * Articles (about 5 KB each) come from our own templates and vocabulary: many stories,
 * several outlets per story with differing figures, dates relative to each article's
 * publication day, quotes with speakers, boilerplate debris, and reprints. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/date.h"
#include "util/json.h"

static uint64_t S_rng;
static uint32_t S_rand(void) { /* xorshift64*: fast, deterministic for a seed */
  S_rng ^= S_rng >> 12, S_rng ^= S_rng << 25, S_rng ^= S_rng >> 27;
  return (uint32_t)((S_rng * 0x2545F4914F6CDD1Dull) >> 32);
}
#define PICK(arr) (arr[S_rand() % (sizeof arr / sizeof *arr)])

static const char *COUNTRIES[] = {"Valdoria", "Karsovia", "Ostrenia", "Meridia", "Talvane",
                                  "Corvenia", "Lusaria", "Brantia", "Elmora", "Quessa"};
static const char *DEMONYMS[] = {"Valdorian", "Karsovian", "Ostrenian", "Meridian", "Talvanese",
                                 "Corvenian", "Lusarian", "Brantian", "Elmoran", "Quessan"};
static const char *CITIES[] = {"Velmar", "Ustrel", "Radan", "Kellen", "Port Asca", "Dorvik",
                               "Sarnow", "Lidda", "Maret", "Tobrany", "Kesh", "Arven"};
static const char *FIRST[] = {"Ilse", "Petra", "Volkan", "Tomas", "Anton", "Marta", "Jonas",
                              "Lena", "Rick", "Oskar", "Hana", "Dario", "Sofia", "Emil"};
static const char *LAST[] = {"Marren", "Vonk", "Dereli", "Ekberg", "Feld", "Keel", "Pell",
                             "Ortiz", "Sandow", "Hallberg", "Novak", "Brandt", "Ruiz", "Lind"};
static const char *ROLES[] = {"Defence Minister", "Foreign Minister", "President",
                              "ministry spokeswoman", "army spokesman", "National Security Adviser",
                              "Gen.", "Interior Minister", "Prime Minister"};
static const char *OUTLETS[] = {"Continental Press Agency", "Northbank Herald", "Voice of Valdoria",
                                "Meridian Institute", "The Daily Flare", "Borderlands Review",
                                "Harbor Daily", "The Evening Lantern", "Global Wire Service",
                                "The Capital Ledger", "Riverside Times", "Eastern Observer"};
static const char *UNITS[] = {"troops", "soldiers", "refugees", "shells", "containers", "vehicles",
                              "drones", "workers"};
static const char *QUALS[] = {"at least ", "about ", "up to ", "nearly ", "more than ", "some ",
                              "around ", "as many as ", ""};
static const char *VERBS[] = {"said", "told reporters", "warned", "claimed", "added", "stated"};
static const char *EVENTS[] = {"ratified the treaty", "closed the border crossing",
                               "announced new sanctions", "began joint exercises",
                               "recalled its ambassador", "opened a humanitarian corridor",
                               "summoned the envoy", "approved an aid package"};
static const char *WHEN[] = {"last Thursday", "on Friday", "earlier this month", "two days ago",
                             "yesterday", "last week", "on Monday", "this week"};
static const char *DEBRIS[] = {"Advertisement", "Related Posts", "Share this article",
                               "Subscribe to our newsletter", "Previous", "Next"};

typedef struct {
  int country, ally, city, speaker_first, speaker_last, role, event, unit;
  long day; /* days since epoch of the story's start */
  int base;  /* the true figure; outlets report variations */
} S_story;

static void S_story_new(S_story *s, long day0) {
  s->country = (int)(S_rand() % 10);
  s->ally = (s->country + 1 + (int)(S_rand() % 9)) % 10;
  s->city = (int)(S_rand() % 12);
  s->speaker_first = (int)(S_rand() % 14);
  s->speaker_last = (int)(S_rand() % 14);
  s->role = (int)(S_rand() % 9);
  s->event = (int)(S_rand() % 8);
  s->unit = (int)(S_rand() % 8);
  s->day = day0 + (long)(S_rand() % 700);
  s->base = (int)(500 + S_rand() % 20000);
}

static void S_num(ds_buf *b, int v) {
  if (v >= 1000) ds_buf_printf(b, "%d,%03d", v / 1000, v % 1000);
  else ds_buf_printf(b, "%d", v);
}

static void S_paragraph(ds_buf *b, const S_story *s, int k) {
  const char *dem = DEMONYMS[s->country], *ally = COUNTRIES[s->ally];
  switch (S_rand() % 6) {
  case 0:
    ds_buf_printf(b, "%s %s %s %s, according to officials in %s. ", dem, "authorities",
                  EVENTS[s->event], PICK(WHEN), CITIES[s->city]);
    ds_buf_printf(b, "The move followed weeks of talks between %s and %s.", COUNTRIES[s->country], ally);
    break;
  case 1:
    ds_buf_printf(b, "\xE2\x80\x9CWe will not accept any threat to our people,\xE2\x80\x9D %s %s %s %s, adding that the situation in %s remained tense.",
                  ROLES[s->role], FIRST[s->speaker_first], LAST[s->speaker_last], PICK(VERBS), CITIES[s->city]);
    break;
  case 2:
    ds_buf_printf(b, "%s intelligence estimated that %s", ally, PICK(QUALS));
    S_num(b, s->base + (int)(S_rand() % 5) * 500 * (k % 2));
    ds_buf_printf(b, " %s %s had been moved to %s by %s %d.", dem, UNITS[s->unit], CITIES[s->city],
                  "March", 1 + (int)(S_rand() % 28));
    break;
  case 3:
    ds_buf_printf(b, "%s %s said that the government had approved $%d million in aid over the past two years, and that %d percent of it had been spent.",
                  LAST[s->speaker_last], "also", 10 + (int)(S_rand() % 400), (int)(S_rand() % 100));
    break;
  case 4:
    ds_buf_printf(b, "Residents of %s described convoys moving at night. \xE2\x80\x9CNobody tells us anything,\xE2\x80\x9D said one shopkeeper, who asked not to be named. Dr. %s of the U.S. institute in %s said the numbers were hard to verify.",
                  CITIES[s->city], LAST[(s->speaker_last + 3) % 14], CITIES[(s->city + 1) % 12]);
    break;
  default:
    ds_buf_printf(b, "Between %d and %d %s were reported near the border on Wednesday, while analysts expected as many as %d by the end of the year.",
                  s->base / 2, s->base, UNITS[s->unit], s->base * 2);
  }
}

static void S_article(ds_buf *b, ds_buf *text, const S_story *s, long id, int outlet, long day) {
  ds_buf_clear(text);
  int paras = 24 + (int)(S_rand() % 12); /* ~5 KB, a typical news story */
  for (int k = 0; k < paras; k++) {
    S_paragraph(text, s, k);
    ds_buf_puts(text, "\n\n");
    if (S_rand() % 7 == 0) ds_buf_printf(text, "%s\n\n", PICK(DEBRIS));
  }
  char date[11];
  ds_date_format(ds_days_to_date(day), date);
  ds_jw w;
  ds_jw_init(&w, b, false);
  ds_jw_obj(&w);
  ds_jw_key(&w, "id"), ds_jw_int(&w, id);
  ds_jw_key(&w, "outlet"), ds_jw_str(&w, OUTLETS[outlet]);
  ds_jw_key(&w, "published"), ds_jw_str(&w, date);
  ds_buf title = DS_BUF_INIT;
  ds_buf_printf(&title, "%s forces %s as tension grows near %s", DEMONYMS[s->country],
                EVENTS[s->event], CITIES[s->city]);
  ds_jw_key(&w, "title"), ds_jw_str(&w, title.ptr);
  ds_buf_free(&title);
  ds_jw_key(&w, "text"), ds_jw_strn(&w, text->ptr, text->len);
  ds_jw_end_obj(&w);
  ds_buf_putc(b, '\n');
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: gen_corpus N_ARTICLES [SEED] > corpus.jsonl\n");
    return 2;
  }
  long n = atol(argv[1]);
  S_rng = argc > 2 ? strtoull(argv[2], NULL, 10) * 2654435761ull + 1 : 88172645463325252ull;
  long stories = n / 20 + 1, day0 = ds_date_to_days((ds_date){2024, 1, 1});
  S_story *st = calloc((size_t)stories, sizeof *st);
  for (long i = 0; i < stories; i++) S_story_new(&st[i], day0);
  ds_buf out = DS_BUF_INIT, text = DS_BUF_INIT, prev = DS_BUF_INIT;
  for (long i = 0; i < n; i++) {
    const S_story *s = &st[S_rand() % stories];
    if (i > 0 && S_rand() % 25 == 0) { /* a reprint of the previous article, under a new id */
      const char *comma = strchr(prev.ptr, ',');
      printf("{\"id\":%ld%s", i + 1, comma);
      continue;
    }
    ds_buf_clear(&out);
    S_article(&out, &text, s, i + 1, (int)(S_rand() % 12), s->day + (long)(S_rand() % 10));
    ds_buf_clear(&prev);
    ds_buf_put(&prev, out.ptr, out.len);
    fwrite(out.ptr, 1, out.len, stdout);
  }
  ds_buf_free(&out), ds_buf_free(&text), ds_buf_free(&prev), free(st);
  return 0;
}
