/* libFuzzer harness for the whole pipeline: the input is split into articles at lines
 * "%%%%" (up to S_MAX_PIECES); each piece is read as JSONL when it starts with '{', as
 * HTML when it starts with '<', else as text. Then extract, the cross-article link
 * stage and every report format; the JSON report must parse back. */
#include "fuzz_common.h"

/* Enough articles for every link stage to find groups, few enough to stay fast. */
#define S_MAX_PIECES 8

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *S_name(const char *p, size_t n, int i, char buf[32]) {
  const char *ext = n && p[0] == '{' ? "jsonl" : n && p[0] == '<' ? "html" : "txt";
  snprintf(buf, 32, "piece%d.%s", i, ext);
  return buf;
}

static void S_add_pieces(dossier_corpus *c, const char *s, size_t size) {
  static const char sep[] = "\n%%%%\n";
  size_t pos = 0;
  for (int i = 0; pos <= size && i < S_MAX_PIECES; i++) {
    const char *hit = i + 1 < S_MAX_PIECES ? memmem(s + pos, size - pos, sep, sizeof sep - 1) : NULL;
    size_t n = hit ? (size_t)(hit - (s + pos)) : size - pos;
    char name[32];
    dossier_corpus_add_memory(c, S_name(s + pos, n, i, name), s + pos, n);
    if (!hit) break;
    pos += n + sizeof sep - 1;
  }
}

static void S_render(dossier_corpus *c, ds_buf *b) {
  ds_buf_clear(b);
  ds_report_json(c, b);
  S_fuzz_json(b->ptr, b->len, 0);
  ds_buf_clear(b);
  ds_report_md(c, b);
  ds_buf_clear(b);
  ds_report_html(c, b);
  ds_buf_clear(b);
  ds_report_text(c, b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  dossier_options opts = {.threads = 1, .width = 60};
  dossier_corpus *c = dossier_corpus_new(&opts);
  S_add_pieces(c, (const char *)data, size);
  dossier_corpus_analyze(c);
  for (size_t i = 0; i < c->articles.len; i++) S_fuzz_spans(c->articles.items[i]);
  ds_buf b = DS_BUF_INIT;
  S_render(c, &b);
  ds_buf_free(&b);
  dossier_corpus_free(c);
  return 0;
}
