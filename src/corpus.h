/* The corpus: the articles, the errors met while reading them, and the results of the
 * cross-article link stage. Link results live in the corpus arena. */
#ifndef DS_CORPUS_H
#define DS_CORPUS_H

#include <stdio.h>

#include "model.h"
#include "util/hash.h"

typedef struct {
  uint32_t article; /* index into corpus->articles */
  uint32_t index;   /* index into that article's quotes / figures / ... */
} ds_ref;

typedef DS_VEC(uint32_t) ds_u32vec;
typedef DS_VEC(ds_ref) ds_refvec;

typedef struct {
  const char *name;
  ds_ent_type type;
  const char *role;   /* most frequent role, or NULL */
  ds_strvec aliases;  /* every other spelling seen */
  ds_u32vec articles; /* article indexes, ascending */
  uint32_t mentions;
} ds_gentity;

typedef enum { DS_SPEAKERS_AGREE, DS_SPEAKERS_CONFLICT, DS_SPEAKERS_UNKNOWN } ds_speakers;
typedef struct {
  ds_refvec quotes;
  bool same_wording;   /* wording "same" (else "variant") */
  ds_speakers speakers;
  uint32_t n_outlets;  /* independent outlets (reprints not counted) */
} ds_quote_group;

typedef enum { DS_FIG_CONSISTENT, DS_FIG_EVOLVING, DS_FIG_CONFLICTING } ds_fig_status;
typedef struct {
  const char *about;
  ds_refvec figures;   /* in as-of date order */
  ds_fig_status status;
  uint32_t n_outlets;
} ds_figure_group;

typedef struct {
  const char *date;    /* TIMEX3 date (day or month precision) */
  const char *text;    /* the event: main verb and participants */
  ds_u32vec articles;
  ds_refvec times;     /* the time expressions it came from */
  uint32_t n_outlets;
} ds_timeline_entry;

typedef struct {
  const char *text;
  ds_u32vec articles;  /* every article reporting the same fact */
  ds_ref sentence;     /* (article, sentence index) the text was taken from */
} ds_summary_sentence;

typedef struct {
  char *file;
  char date[11];
} ds_published_override;

typedef struct ds_pipe ds_pipe;

struct dossier_corpus {
  dossier_options opts;
  ds_arena arena; /* link results and corpus-wide strings */
  DS_VEC(ds_article *) articles;
  DS_VEC(dossier_error) errors;
  DS_VEC(ds_published_override) published;
  size_t skipped;

  /* link results */
  bool linked;
  DS_VEC(ds_gentity) entities;
  DS_VEC(ds_quote_group) quote_groups;
  DS_VEC(ds_figure_group) figure_groups;
  DS_VEC(ds_timeline_entry) timeline;
  DS_VEC(ds_summary_sentence) summary;
  /* first global number of each article's quotes and figures (ids "q<n>", "f<n>") */
  uint32_t *quote_base, *figure_base;

  /* streaming extract (dossier_corpus_stream): read articles are tagged, written as
   * JSON Lines and freed in batches, so memory stays flat however large the input */
  FILE *stream;        /* NULL: every article is kept */
  bool stream_ok;      /* no write error so far */
  int stream_errno;    /* errno of the first failed write: the batches are written while
                        * reading, and the pipe's in other threads (errno is per thread) */
  size_t streamed;     /* articles written and freed */
  size_t stream_bytes; /* raw bytes of the pending batch */
  ds_map stream_ids;   /* ids given so far: they stay unique across batches */
  size_t ids_checked;  /* articles [0, ids_checked) have their unique id */
  ds_pipe *pipe;       /* with several threads: the batches being tagged and written */
  /* analyze: articles are tagged (and their raw text freed) in batches as they are read */
  size_t tagged;       /* articles [0, tagged) are tagged */
};

/* Called by the readers between articles: writes a batch when one is full. */
void ds_corpus_stream_point(dossier_corpus *c);

/* Streaming extract on several threads (pipeline_stream.c). The reader hands each full
 * batch over and goes on reading while the threads tag it; every JSON line is written
 * as soon as the lines before it are, in corpus order whatever the thread count.
 * new: starts `workers` threads (0 is fine: the reader then does all the work).
 * hand: takes the articles (the array is copied); returns once the reader may go on.
 * finish: writes everything handed over, stops the threads, frees the pipe; false when
 * a write failed, with its errno in *err. abandon: the same, writing nothing more (a corpus freed unwritten). */
ds_pipe *ds_pipe_new(FILE *out, int workers, const dossier_options *opts);
void ds_pipe_hand(ds_pipe *p, ds_article **items, size_t n);
bool ds_pipe_finish(ds_pipe *p, int *err);
void ds_pipe_abandon(ds_pipe *p);
/* Tags a streamed article, renders its JSON line into line and frees it. */
void ds_article_extract_line(ds_article *a, ds_buf *line);

/* Records an error; file may be NULL. */
void ds_corpus_error(dossier_corpus *c, dossier_code code, const char *file, size_t line,
                     size_t position, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* Article life cycle: the article struct itself is malloc'd, its contents in its arena. */
ds_article *ds_article_new(const char *file);
void ds_article_free(ds_article *a);
/* Appends a read article to the corpus (takes ownership); assigns index and id. */
void ds_corpus_push(dossier_corpus *c, ds_article *a);

/* Readers (read_*.c): parse bytes into articles and push them; return articles added.
 * Errors are recorded with the file name and position. */
size_t ds_read_text(dossier_corpus *c, const char *file, const char *bytes, size_t len);
size_t ds_read_jsonl(dossier_corpus *c, const char *file, const char *bytes, size_t len);
size_t ds_read_html(dossier_corpus *c, const char *file, const char *bytes, size_t len);
/* The JSONL reader in pieces, for a file read in chunks: feed complete lines in order. */
typedef struct {
  size_t line, pos;          /* lines and bytes fed so far */
  size_t added, bad, first_error, dropped;
} ds_jsonl;
void ds_jsonl_begin(dossier_corpus *c, ds_jsonl *st);
void ds_jsonl_feed(dossier_corpus *c, ds_jsonl *st, const char *file, const char *bytes, size_t len);
size_t ds_jsonl_end(dossier_corpus *c, ds_jsonl *st, const char *file);
/* Dispatches on the file name's extension (after stripping .gz). */
size_t ds_read_bytes(dossier_corpus *c, const char *file, const char *bytes, size_t len);

/* Per-article stages (pure functions of one article). */
void ds_clean(ds_article *a);
void ds_segment(ds_article *a);
void ds_tag_entities(ds_article *a);
void ds_tag_times(ds_article *a);
void ds_tag_quotes(ds_article *a);
void ds_tag_figures(ds_article *a);
/* Runs clean, segment and every tagger on one article, then compacts it. */
void ds_article_process(ds_article *a);
/* Frees the raw text and the stages' scratch: keeps the model's fields (corpus_compact.c). */
void ds_article_compact(ds_article *a);
/* A stage that reads a compacted article's tokens brackets the reads with these: load
 * decodes the packed tokens into buf (reused from article to article) and points
 * a->tokens.items at them; unload points it back at nothing. No-ops on an article whose
 * tokens are not packed. */
typedef struct {
  ds_token *items;
  size_t cap;
} ds_token_buf;
void ds_tokens_load(ds_article *a, ds_token_buf *buf);
void ds_tokens_unload(ds_article *a);
void ds_token_buf_free(ds_token_buf *buf);

/* Cross-article stages (link_*.c), run in this order by dossier_corpus_analyze. The
 * first re-anchors undated reports to the corpus's dates (times and figures re-tagged). */
void ds_link_anchor(dossier_corpus *c);
void ds_link_duplicates(dossier_corpus *c);
void ds_link_summary(dossier_corpus *c);
void ds_link_entities(dossier_corpus *c);
void ds_link_quotes(dossier_corpus *c);
void ds_link_figures(dossier_corpus *c);
void ds_link_timeline(dossier_corpus *c);

/* Reports (report_*.c): append the whole report to out. */
void ds_report_json(dossier_corpus *c, ds_buf *out);
/* The same, handing the output to flush (which writes and clears out) now and then. */
void ds_report_json_to(dossier_corpus *c, ds_buf *out, void (*flush)(void *ctx, ds_buf *out),
                       void *ctx);
void ds_report_jsonl_article(const ds_article *a, ds_buf *out);
void ds_report_md(dossier_corpus *c, ds_buf *out);
void ds_report_html(dossier_corpus *c, ds_buf *out);
void ds_report_text(dossier_corpus *c, ds_buf *out);

extern const char *const ds_figure_flag_names[4];

/* Ids used in every report. */
const char *ds_entity_id(dossier_corpus *c, int32_t global, char buf[16]);

/* Helpers shared by the readers (read_text.c). */
bool ds_article_set_field(ds_article *a, const char *key, size_t klen, const char *val,
                          size_t vlen, ds_basis basis);
void ds_article_set_raw(ds_article *a, const char *text, size_t n);
#endif
