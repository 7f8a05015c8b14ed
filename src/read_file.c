/* Reading inputs: files (optionally gzip'd), directories (recursive, sorted), standard
 * input; dispatch on the file name to the text, JSONL or HTML reader. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

#include "corpus.h"

static bool S_ends_with(const char *s, size_t n, const char *suffix) {
  size_t k = strlen(suffix);
  return n >= k && strncasecmp(s + n - k, suffix, k) == 0;
}

typedef enum { DS_KIND_NONE, DS_KIND_TEXT, DS_KIND_JSONL, DS_KIND_HTML } ds_kind;

/* The reader for a name, looking through a trailing .gz. */
static ds_kind S_kind(const char *name) {
  size_t n = strlen(name);
  if (S_ends_with(name, n, ".gz")) n -= 3;
  if (S_ends_with(name, n, ".txt") || S_ends_with(name, n, ".md") ||
      S_ends_with(name, n, ".text"))
    return DS_KIND_TEXT;
  if (S_ends_with(name, n, ".jsonl") || S_ends_with(name, n, ".ndjson")) return DS_KIND_JSONL;
  if (S_ends_with(name, n, ".html") || S_ends_with(name, n, ".htm") ||
      S_ends_with(name, n, ".xhtml"))
    return DS_KIND_HTML;
  return DS_KIND_NONE;
}

static bool S_is_gzip(const char *bytes, size_t len) {
  return len >= 2 && (unsigned char)bytes[0] == 0x1f && (unsigned char)bytes[1] == 0x8b;
}

/* Inflates a whole gzip stream (several members allowed) into out; on error records
 * the compressed byte position where the stream broke. */
static bool S_gunzip(dossier_corpus *c, const char *file, const char *bytes, size_t len,
                     ds_buf *out) {
  z_stream z;
  memset(&z, 0, sizeof z);
  if (inflateInit2(&z, 15 + 32) != Z_OK) abort();
  z.next_in = (Bytef *)bytes;
  z.avail_in = (uInt)len;
  int rc = Z_OK;
  while (rc != Z_STREAM_END || z.avail_in > 0) {
    if (rc == Z_STREAM_END) inflateReset(&z); /* next gzip member */
    ds_buf_reserve(out, 65536);
    z.next_out = (Bytef *)out->ptr + out->len;
    z.avail_out = (uInt)(out->cap - out->len - 1);
    size_t before = z.avail_out;
    rc = inflate(&z, Z_NO_FLUSH);
    out->len += before - z.avail_out;
    out->ptr[out->len] = '\0';
    if (out->len > DS_MAX_INPUT_BYTES) {
      ds_corpus_error(c, DOSSIER_ERR_TOO_LARGE, file, 0, (size_t)z.total_in,
                      "decompressed input exceeds %zu bytes", DS_MAX_INPUT_BYTES);
      break;
    }
    if (rc == Z_STREAM_END) continue;
    if (rc != Z_OK || (z.avail_in == 0 && before == z.avail_out)) {
      ds_corpus_error(c, DOSSIER_ERR_GZIP, file, 0, (size_t)z.total_in,
                      "corrupt or truncated gzip data (%s)", z.msg ? z.msg : "unexpected end");
      break;
    }
  }
  bool ok = rc == Z_STREAM_END && z.avail_in == 0 && out->len <= DS_MAX_INPUT_BYTES;
  inflateEnd(&z);
  return ok;
}

static size_t S_dispatch(dossier_corpus *c, const char *file, ds_kind kind, const char *bytes,
                         size_t len) {
  switch (kind) {
  case DS_KIND_JSONL: return ds_read_jsonl(c, file, bytes, len);
  case DS_KIND_HTML: return ds_read_html(c, file, bytes, len);
  default: return ds_read_text(c, file, bytes, len);
  }
}

/* A named input without a known extension (standard input, /dev/stdin, a pipe) is
 * recognised by its first bytes: '{' starts JSON Lines, an HTML doctype, <html> or an
 * XML declaration a page (the HTML parser keeps an XML file's text, not its tags);
 * anything else is text. */
static ds_kind S_sniff(const char *bytes, size_t len) {
  size_t i = 0;
  while (i < len && strchr(" \t\r\n", bytes[i])) i++;
  if (i < len && bytes[i] == '{') return DS_KIND_JSONL;
  if (len - i >= 5 && (strncasecmp(bytes + i, "<!doc", 5) == 0 || strncasecmp(bytes + i, "<html", 5) == 0 ||
                       strncmp(bytes + i, "<?xml", 5) == 0))
    return DS_KIND_HTML;
  return DS_KIND_TEXT;
}

size_t ds_read_bytes(dossier_corpus *c, const char *file, const char *bytes, size_t len) {
  ds_kind kind = S_kind(file);
  if (!S_is_gzip(bytes, len)) {
    size_t n = S_dispatch(c, file, kind == DS_KIND_NONE ? S_sniff(bytes, len) : kind, bytes, len);
    if (!n) c->skipped++;
    return n;
  }
  ds_buf raw = DS_BUF_INIT;
  size_t n = 0;
  if (S_gunzip(c, file, bytes, len, &raw))
    n = S_dispatch(c, file, kind == DS_KIND_NONE ? S_sniff(raw.ptr, raw.len) : kind, raw.ptr, raw.len);
  if (!n) c->skipped++;
  ds_buf_free(&raw);
  return n;
}

static bool S_slurp(FILE *f, ds_buf *out) {
  char chunk[65536];
  size_t got;
  while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
    ds_buf_put(out, chunk, got);
    if (out->len > DS_MAX_INPUT_BYTES) return false;
  }
  return !ferror(f);
}

/* Drops the first n bytes of b. */
static void S_consume(ds_buf *b, size_t n) {
  memmove(b->ptr, b->ptr + n, b->len - n);
  b->len -= n;
  b->ptr[b->len] = '\0';
}

/* Feeds the complete lines in b (a newline among its last `fresh` bytes ends them);
 * a line longer than any article is fed alone (the reader reports it) and the rest of
 * it skipped. Returns true while skipping. */
static bool S_feed_lines(dossier_corpus *c, ds_jsonl *st, const char *name, ds_buf *b,
                         size_t fresh, bool skipping) {
  const char *nl = fresh ? memrchr(b->ptr + b->len - fresh, '\n', fresh) : NULL;
  if (skipping) {
    const char *first = fresh ? memchr(b->ptr + b->len - fresh, '\n', fresh) : NULL;
    size_t drop = first ? (size_t)(first - b->ptr) + 1 : b->len;
    st->pos += drop;
    S_consume(b, drop);
    if (!first) return true;
    nl = memrchr(b->ptr, '\n', b->len);
  }
  if (nl) {
    size_t n = (size_t)(nl - b->ptr) + 1;
    ds_jsonl_feed(c, st, name, b->ptr, n);
    S_consume(b, n);
  } else if (b->len > DS_MAX_JSONL_LINE) {
    ds_jsonl_feed(c, st, name, b->ptr, b->len);
    S_consume(b, b->len);
    return true;
  }
  return false;
}

/* A .jsonl file is read in chunks and fed line by line, so it never sits whole in
 * memory (with a streaming extract, neither do its articles). */
static size_t S_jsonl_chunks(dossier_corpus *c, FILE *f, const char *path, const char *name,
                             ds_buf *b) {
  ds_jsonl st;
  ds_jsonl_begin(c, &st);
  char chunk[65536];
  bool skipping = S_feed_lines(c, &st, name, b, b->len, false);
  size_t got;
  while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
    ds_buf_put(b, chunk, got);
    skipping = S_feed_lines(c, &st, name, b, got, skipping);
  }
  if (ferror(f))
    ds_corpus_error(c, DOSSIER_ERR_IO, path, 0, st.pos + b->len, "cannot read: %s", strerror(errno));
  if (b->len && !skipping) ds_jsonl_feed(c, &st, name, b->ptr, b->len);
  size_t n = ds_jsonl_end(c, &st, name);
  if (!n) c->skipped++;
  return n;
}

/* The first chunk of a file: enough to tell gzip from JSON Lines. */
static bool S_first_chunk(FILE *f, ds_buf *out) {
  char chunk[65536];
  size_t got = fread(chunk, 1, sizeof chunk, f);
  ds_buf_put(out, chunk, got);
  return !ferror(f);
}

static size_t S_read_open(dossier_corpus *c, FILE *f, const char *path, const char *name) {
  ds_buf b = DS_BUF_INIT;
  size_t n = 0;
  bool ok = S_first_chunk(f, &b);
  if (ok && S_kind(name) == DS_KIND_JSONL && !S_is_gzip(b.ptr, b.len)) {
    n = S_jsonl_chunks(c, f, path, name, &b);
    ds_buf_free(&b);
    return n;
  }
  ok = ok && S_slurp(f, &b);
  if (!ok) {
    ds_corpus_error(c, b.len > DS_MAX_INPUT_BYTES ? DOSSIER_ERR_TOO_LARGE : DOSSIER_ERR_IO,
                    path, 0, b.len, "cannot read: %s",
                    b.len > DS_MAX_INPUT_BYTES ? "input too large" : strerror(errno));
    c->skipped++;
  } else {
    n = ds_read_bytes(c, name, b.ptr, b.len);
  }
  ds_buf_free(&b);
  return n;
}

static size_t S_add_file(dossier_corpus *c, const char *path, const char *name) {
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  if (!f) {
    ds_corpus_error(c, DOSSIER_ERR_IO, path, 0, 0, "cannot open: %s", strerror(errno));
    c->skipped++;
    return 0;
  }
  size_t n = S_read_open(c, f, path, name);
  if (f != stdin) fclose(f);
  ds_corpus_stream_point(c);
  return n;
}

static int S_cmp_names(const void *x, const void *y) {
  return strcmp(*(char *const *)x, *(char *const *)y);
}

static size_t S_add(dossier_corpus *c, const char *path, int depth, bool named);

/* Directory entries in sorted order, so the output never depends on the file system. */
static size_t S_add_dir(dossier_corpus *c, const char *path, int depth) {
  DIR *d = opendir(path);
  if (!d) {
    ds_corpus_error(c, DOSSIER_ERR_IO, path, 0, 0, "cannot open directory: %s", strerror(errno));
    c->skipped++;
    return 0;
  }
  DS_VEC(char *) names = {0};
  ds_arena tmp = {0};
  struct dirent *e;
  int plen = (int)strlen(path);
  while (plen > 1 && path[plen - 1] == '/') plen--; /* "dir/" names "dir/a.txt", not "dir//a.txt" */
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.') continue; /* hidden files, . and .. */
    *DS_PUSH(&tmp, &names) = ds_arena_printf(&tmp, "%.*s/%s", plen, path, e->d_name);
  }
  closedir(d);
  if (names.len) qsort(names.items, names.len, sizeof *names.items, S_cmp_names);
  size_t n = 0;
  for (size_t i = 0; i < names.len; i++) n += S_add(c, names.items[i], depth + 1, false);
  ds_arena_free(&tmp);
  return n;
}

static size_t S_add(dossier_corpus *c, const char *path, int depth, bool named) {
  if (strcmp(path, "-") == 0) return S_add_file(c, "-", "-");
  struct stat st;
  if (stat(path, &st) != 0) {
    ds_corpus_error(c, DOSSIER_ERR_IO, path, 0, 0, "cannot open: %s", strerror(errno));
    c->skipped++;
    return 0;
  }
  struct stat lst;
  if (!named && S_ISDIR(st.st_mode) && lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
    /* two links to "." would make 2^32 paths within the depth limit */
    ds_corpus_error(c, DOSSIER_ERR_UNSUPPORTED, path, 0, 0,
                    "a symbolic link to a directory: not followed");
    return 0;
  }
  if (S_ISDIR(st.st_mode)) {
    if (depth >= DS_MAX_DIR_DEPTH) {
      ds_corpus_error(c, DOSSIER_ERR_TOO_LARGE, path, 0, 0,
                      "directory nested deeper than %d levels: skipped", DS_MAX_DIR_DEPTH);
      c->skipped++;
      return 0;
    }
    return S_add_dir(c, path, depth);
  }
  if (!named && S_kind(path) == DS_KIND_NONE) {
    ds_corpus_error(c, DOSSIER_ERR_UNSUPPORTED, path, 0, 0,
                    "not a .txt, .md, .html, .htm or .jsonl file (or .gz of one): skipped");
    return 0; /* a notice, not a failure: directories hold other files */
  }
  return S_add_file(c, path, path);
}

size_t dossier_corpus_add_path(dossier_corpus *c, const char *path) {
  return S_add(c, path, 0, true);
}
