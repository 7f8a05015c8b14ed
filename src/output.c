/* An output file that is never left half-written: the bytes go to a temporary beside
 * the target, which replaces it only on commit. A device, FIFO or terminal
 * (-o /dev/stdout, /dev/full) is written in place, since renaming a temporary over it
 * would replace the device with a regular file. NULL path: standard output. */
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dossier.h"

/* Room for ".tmp<pid>.<counter>" after the target's path. */
#define DS_TEMP_SUFFIX_MAX 40

struct dossier_output {
  FILE *out;
  char *path; /* the target, or NULL for standard output */
  char *tmp;  /* the temporary, or NULL when written in place */
};

static void S_error(dossier_error *err, const char *path, const char *what) {
  if (!err) return;
  int saved = errno;
  memset(err, 0, sizeof *err);
  err->code = DOSSIER_ERR_WRITE;
  snprintf(err->file, sizeof err->file, "%s", path ? path : "<output>");
  snprintf(err->message, sizeof err->message, "%s: %s", what, strerror(saved));
}

/* Creates "<path>.tmp<pid>.<k>" with O_EXCL and mode 0666, so the process umask applies
 * as for any new file (mkstemp would make it 0600, and reading the umask means changing
 * it, which is process-wide). Returns the descriptor or -1. */
static int S_create_temp(const char *path, char *tmp, size_t size) {
  static atomic_uint counter;
  for (int tries = 0; tries < 100; tries++) {
    snprintf(tmp, size, "%s.tmp%ld.%u", path, (long)getpid(), atomic_fetch_add(&counter, 1));
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0 || errno != EEXIST) return fd;
  }
  return -1;
}

static dossier_output *S_new(FILE *out, const char *path, char *tmp) {
  dossier_output *o = calloc(1, sizeof *o);
  if (!o || (path && !(o->path = strdup(path)))) abort();
  o->out = out;
  o->tmp = tmp;
  return o;
}

static dossier_output *S_open_temp(const char *path, dossier_error *err) {
  size_t size = strlen(path) + DS_TEMP_SUFFIX_MAX;
  char *tmp = malloc(size);
  if (!tmp) abort();
  int fd = S_create_temp(path, tmp, size);
  FILE *out = fd >= 0 ? fdopen(fd, "wb") : NULL;
  if (!out) {
    S_error(err, path, "cannot create a temporary file beside it");
    if (fd >= 0) close(fd), unlink(tmp);
    free(tmp);
    return NULL;
  }
  return S_new(out, path, tmp);
}

dossier_output *dossier_output_open(const char *path, dossier_error *err) {
  if (!path) return S_new(stdout, NULL, NULL);
  struct stat st;
  if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
    FILE *out = fopen(path, "wb");
    if (!out) {
      S_error(err, path, "cannot open");
      return NULL;
    }
    return S_new(out, path, NULL);
  }
  return S_open_temp(path, err);
}

FILE *dossier_output_stream(dossier_output *o) { return o->out; }

static void S_free(dossier_output *o) {
  free(o->path);
  free(o->tmp);
  free(o);
}

bool dossier_output_commit(dossier_output *o, dossier_error *err) {
  errno = 0;
  bool ok = fflush(o->out) == 0 && !ferror(o->out);
  if (o->path && fclose(o->out) != 0) ok = false;
  if (!ok) S_error(err, o->path, "cannot write");
  if (ok && o->tmp && rename(o->tmp, o->path) != 0) {
    ok = false;
    S_error(err, o->path, "cannot rename the temporary file");
  }
  if (!ok && o->tmp) unlink(o->tmp);
  S_free(o);
  return ok;
}

void dossier_output_discard(dossier_output *o, dossier_error *err) {
  S_error(err, o->path, "cannot write");
  if (o->path) fclose(o->out);
  if (o->tmp) unlink(o->tmp);
  S_free(o);
}
