/* dossier: turn a pile of news reports about one event into a sourced dossier.
 *
 * The public API. Objects are opaque; every function that returns memory says who
 * frees it. The pipeline is read -> clean -> segment -> tag (per article) and
 * link -> report (across articles); see DESIGN.md. */
#ifndef DOSSIER_H
#define DOSSIER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DOSSIER_VERSION "0.1.0"
#define DOSSIER_JSON_VERSION 1

/* Error codes: stable numbers, tested by value. */
typedef enum {
  DOSSIER_OK = 0,
  DOSSIER_ERR_IO,          /* the file could not be opened or read */
  DOSSIER_ERR_GZIP,        /* a gzip stream is corrupt or truncated */
  DOSSIER_ERR_EMPTY,       /* the input holds no text */
  DOSSIER_ERR_JSON,        /* a JSONL line is not valid JSON */
  DOSSIER_ERR_NOT_OBJECT,  /* a JSONL line is valid JSON but not an object */
  DOSSIER_ERR_FIELD,       /* a JSONL object lacks text/html, or a field has the wrong type */
  DOSSIER_ERR_FRONTMATTER, /* front matter opened with --- but never closed */
  DOSSIER_ERR_TOO_LARGE,   /* the input exceeds a named limit (see limits.h) */
  DOSSIER_ERR_UNSUPPORTED, /* a file type dossier does not read (skipped in directories) */
  DOSSIER_ERR_HTML,        /* the HTML could not be parsed at all */
  DOSSIER_ERR_DATE,        /* a date given on the command line or in metadata is invalid */
  DOSSIER_ERR_WRITE,       /* the output could not be written */
} dossier_code;

/* An error with the byte (or, for JSONL, line) position where it was found.
 * Callers that do not care pass NULL wherever a dossier_error * is taken. */
typedef struct {
  dossier_code code;
  char file[512];     /* the input it concerns, "" when none */
  size_t line;        /* 1-based line for line-oriented input (JSONL, front matter), else 0 */
  size_t position;    /* byte offset in the (decompressed) input */
  char message[256];
} dossier_error;

/* Formats "file:line: message" or "file: byte N: message" into buf. */
void dossier_error_format(const dossier_error *err, char *buf, size_t size);

typedef enum {
  DOSSIER_FORMAT_TEXT,
  DOSSIER_FORMAT_JSON,
  DOSSIER_FORMAT_MD,
  DOSSIER_FORMAT_HTML,
  DOSSIER_FORMAT_JSONL, /* one article per line: the extract output */
} dossier_format;

typedef struct {
  int threads;        /* tagging threads; 0 or 1 = the calling thread only */
  int summary_sentences; /* 0 = the default (6) */
  bool color;         /* ANSI colour in the text report */
  int width;          /* text report width; 0 = 80 */
  /* Called now and then from the calling thread while articles are tagged (done of
   * total); NULL for none. */
  void (*progress)(void *ctx, size_t done, size_t total);
  void *progress_ctx;
} dossier_options;

typedef struct dossier_corpus dossier_corpus;

/* Creates an empty corpus. opts may be NULL. Free with dossier_corpus_free(). */
dossier_corpus *dossier_corpus_new(const dossier_options *opts);
void dossier_corpus_free(dossier_corpus *c);

/* Sets the publication date (YYYY-MM-DD) for every article read from `file`
 * (as given on the command line); basis "given". Returns false on a bad date. */
bool dossier_corpus_set_published(dossier_corpus *c, const char *file, const char *date);

/* Reads a path: a file (.txt, .md, .html, .htm, .jsonl, each optionally .gz), a
 * directory (recursive, sorted), or "-" for standard input. Errors for single inputs
 * are recorded (see dossier_corpus_error) and reading goes on. Returns the number
 * of articles added. */
size_t dossier_corpus_add_path(dossier_corpus *c, const char *path);
/* Adds one article from memory; name is its file name (extension picks the reader).
 * The bytes are copied. Returns the number of articles added. */
size_t dossier_corpus_add_memory(dossier_corpus *c, const char *name, const char *bytes,
                                 size_t len);
/* Adds the built-in demo corpus. */
size_t dossier_corpus_add_demo(dossier_corpus *c);

size_t dossier_corpus_article_count(const dossier_corpus *c);
/* Errors recorded so far; the pointers stay valid until dossier_corpus_free(). */
size_t dossier_corpus_error_count(const dossier_corpus *c);
const dossier_error *dossier_corpus_error(const dossier_corpus *c, size_t i);
/* Number of inputs that were skipped whole (exit code 1 when > 0). */
size_t dossier_corpus_skipped(const dossier_corpus *c);

/* Runs clean, segment and tag on every article not yet processed (threads from opts). */
void dossier_corpus_extract(dossier_corpus *c);
/* Runs extract, then the cross-article link stage. */
void dossier_corpus_analyze(dossier_corpus *c);

/* Writes the report in `format` to out. Returns false (and fills err) on a write error. */
bool dossier_corpus_write(dossier_corpus *c, dossier_format format, FILE *out,
                          dossier_error *err);
/* Writes the report to path atomically: a temporary in the same directory, then
 * rename(). On failure nothing is left behind. */
bool dossier_corpus_write_file(dossier_corpus *c, dossier_format format, const char *path,
                               dossier_error *err);

/* Streaming extract, for piles too large to hold: from this call on, the articles
 * read are tagged, written to out as JSON Lines (the DOSSIER_FORMAT_JSONL report) in
 * batches, and freed, so memory stays flat. End with dossier_corpus_write(c,
 * DOSSIER_FORMAT_JSONL, out, err), which writes the last batch and reports any write
 * error. After this call the corpus cannot be analysed or written in another format.
 * out stays the caller's; with threads > 1 other threads write to it until
 * dossier_corpus_write or dossier_corpus_free returns, so it must stay open, and not be
 * written to by the caller, until then. */
void dossier_corpus_stream(dossier_corpus *c, FILE *out);

/* An output that is never left half-written: open a path (NULL: standard output), write
 * to dossier_output_stream(), then commit (the temporary replaces the path) or discard
 * (the temporary is removed). A device or FIFO is written in place. Both commit and
 * discard free the object; the stream is closed unless it is standard output. */
typedef struct dossier_output dossier_output;
/* NULL (and err filled) when no temporary can be created or the device opened. */
dossier_output *dossier_output_open(const char *path, dossier_error *err);
FILE *dossier_output_stream(dossier_output *o);
/* Returns false (err filled, nothing left behind) when flushing or renaming fails. */
bool dossier_output_commit(dossier_output *o, dossier_error *err);
/* err, when not NULL, is filled with a write error naming the path. */
void dossier_output_discard(dossier_output *o, dossier_error *err);

const char *dossier_version(void);

#ifdef __cplusplus
}
#endif
#endif
