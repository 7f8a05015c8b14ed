/* dossier: the command line. Everything it does goes through include/dossier.h. */
#include <dossier.h>
#include <errno.h>
#include <getopt.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { EXIT_OK = 0, EXIT_SKIPPED = 1, EXIT_USAGE = 2, EXIT_NOTHING = 3, EXIT_WRITE = 4 };

static const char *S_usage =
    "usage: dossier analyze [options] PATH...   analyse a pile of news reports\n"
    "       dossier extract [options] PATH...   tag each article; one JSON object per line\n"
    "       dossier demo    [options]           analyse the built-in demo corpus\n"
    "       dossier --help | --version\n";

static const char *S_help =
    "\n"
    "PATH is a file (.txt or .md with optional --- front matter; .html/.htm; .jsonl with one\n"
    "article per line; any of them gzip'd as .gz), a directory (read recursively, sorted;\n"
    "other files are skipped with a notice), or - for standard input (JSON Lines when it\n"
    "starts with {, HTML when it starts with a doctype or <html>, else text).\n"
    "\n"
    "options:\n"
    "  -f, --format FMT      text (default), json, md or html; extract always writes JSON Lines\n"
    "  -o, --output FILE     write to FILE (atomically: a temporary, then rename) instead of\n"
    "                        standard output; - is standard output (./- names a file)\n"
    "  -j, --jobs N          tag articles on N threads (default 1)\n"
    "      --published FILE=YYYY-MM-DD\n"
    "                        set the publication date of FILE (path or base name); repeatable\n"
    "      --summary N       summary sentences (default 6)\n"
    "      --color WHEN      colour in the text report: auto (default; never with NO_COLOR),\n"
    "                        always or never\n"
    "      --width N         width of the text report (default: the terminal's, else 80)\n"
    "  -q, --quiet           no notices or progress on standard error\n"
    "  -h, --help            this help\n"
    "      --version         the version\n"
    "\n"
    "exit status: 0 all inputs read; 1 some inputs were skipped (each named on standard\n"
    "error) and the rest processed; 2 usage error; 3 nothing could be read; 4 the output\n"
    "could not be written (no partial file is left).\n"
    "\n"
    "The JSON contract (-f json, version 1) is documented in docs/json.md.\n";

typedef struct {
  dossier_format format;
  bool format_set;
  const char *output;
  dossier_options opts;
  bool quiet;
  int color; /* -1 auto, 0 never, 1 always */
} S_cli;

static int S_fail(const char *fmt, const char *arg) {
  fprintf(stderr, "dossier: ");
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\n%s", S_usage);
  return EXIT_USAGE;
}

static bool S_parse_format(const char *s, dossier_format *f) {
  static const struct {
    const char *name;
    dossier_format f;
  } fmts[] = {{"text", DOSSIER_FORMAT_TEXT}, {"json", DOSSIER_FORMAT_JSON},
              {"md", DOSSIER_FORMAT_MD},     {"markdown", DOSSIER_FORMAT_MD},
              {"html", DOSSIER_FORMAT_HTML}, {"jsonl", DOSSIER_FORMAT_JSONL}};
  for (size_t i = 0; i < sizeof fmts / sizeof *fmts; i++)
    if (strcmp(s, fmts[i].name) == 0) {
      *f = fmts[i].f;
      return true;
    }
  return false;
}

static bool S_parse_int(const char *s, int lo, int hi, int *out) {
  char *end;
  errno = 0;
  long v = strtol(s, &end, 10);
  if (errno || *end || end == s || v < lo || v > hi) return false;
  *out = (int)v;
  return true;
}

static void S_progress(void *ctx, size_t done, size_t total) {
  (void)ctx;
  fprintf(stderr, "\rdossier: tagging %zu of %zu articles", done, total);
  fflush(stderr);
}

/* Prints recorded errors; unsupported files in directories are notices. */
static void S_report_errors(const dossier_corpus *c, bool quiet) {
  for (size_t i = 0; i < dossier_corpus_error_count(c); i++) {
    const dossier_error *e = dossier_corpus_error(c, i);
    if (quiet && e->code == DOSSIER_ERR_UNSUPPORTED) continue;
    char msg[1024];
    dossier_error_format(e, msg, sizeof msg);
    fprintf(stderr, "dossier: %s%s\n", e->code == DOSSIER_ERR_UNSUPPORTED ? "note: " : "", msg);
  }
}

static int S_write_failed(const dossier_error *err) {
  char msg[1024];
  dossier_error_format(err, msg, sizeof msg);
  fprintf(stderr, "dossier: %s\n", msg);
  return EXIT_WRITE;
}

static int S_write(dossier_corpus *c, const S_cli *cli) {
  dossier_error err;
  bool ok = cli->output ? dossier_corpus_write_file(c, cli->format, cli->output, &err)
                        : dossier_corpus_write(c, cli->format, stdout, &err);
  if (cli->opts.progress && !cli->quiet) fputs("\r\033[K", stderr);
  return ok ? EXIT_OK : S_write_failed(&err);
}

/* extract streams: each batch of articles is written and freed as soon as it is
 * tagged, to a temporary that replaces -o FILE only when all went well. */
static int S_write_stream(dossier_corpus *c, dossier_output *out, const S_cli *cli) {
  dossier_error err;
  bool ok = dossier_corpus_write(c, DOSSIER_FORMAT_JSONL, dossier_output_stream(out), &err);
  if (cli->opts.progress && !cli->quiet) fputs("\r\033[K", stderr);
  if (!ok) {
    if (cli->output) snprintf(err.file, sizeof err.file, "%s", cli->output);
    dossier_output_discard(out, NULL);
    return S_write_failed(&err);
  }
  return dossier_output_commit(out, &err) ? EXIT_OK : S_write_failed(&err);
}

typedef struct {
  char **items; /* "FILE=DATE" arguments of --published, split at parse time */
  int len;
} S_pubs;

static int S_option(int opt, S_cli *cli, S_pubs *pubs) {
  switch (opt) {
  case 'f':
    if (!S_parse_format(optarg, &cli->format))
      return S_fail("unknown format '%s' (text, json, md, html)", optarg);
    cli->format_set = true;
    return -1;
  case 'o': cli->output = strcmp(optarg, "-") ? optarg : NULL; return -1; /* the usual "-" */
  case 'j':
    if (!S_parse_int(optarg, 1, 64, &cli->opts.threads))
      return S_fail("-j takes a number from 1 to 64, not '%s'", optarg);
    return -1;
  case 'p':
    if (!strchr(optarg, '=') || optarg[0] == '=')
      return S_fail("--published takes FILE=YYYY-MM-DD, not '%s'", optarg);
    pubs->items[pubs->len++] = optarg;
    return -1;
  case 's':
    if (!S_parse_int(optarg, 1, 50, &cli->opts.summary_sentences))
      return S_fail("--summary takes a number from 1 to 50, not '%s'", optarg);
    return -1;
  case 'c':
    if (strcmp(optarg, "auto") == 0) cli->color = -1;
    else if (strcmp(optarg, "always") == 0) cli->color = 1;
    else if (strcmp(optarg, "never") == 0) cli->color = 0;
    else return S_fail("--color takes auto, always or never, not '%s'", optarg);
    return -1;
  case 'w':
    if (!S_parse_int(optarg, 40, 1000, &cli->opts.width))
      return S_fail("--width takes a number from 40 to 1000, not '%s'", optarg);
    return -1;
  case 'q': cli->quiet = true; return -1;
  case 'h': printf("%s%s", S_usage, S_help); return EXIT_OK;
  case 'V': printf("dossier %s\n", dossier_version()); return EXIT_OK;
  default: fprintf(stderr, "%s", S_usage); return EXIT_USAGE;
  }
}

/* Returns an exit code, or -1 to go on; *first is the index of the first PATH. */
static int S_parse(int argc, char **argv, S_cli *cli, S_pubs *pubs, int *first) {
  static const struct option longs[] = {
      {"format", required_argument, 0, 'f'},  {"output", required_argument, 0, 'o'},
      {"jobs", required_argument, 0, 'j'},    {"published", required_argument, 0, 'p'},
      {"summary", required_argument, 0, 's'}, {"color", required_argument, 0, 'c'},
      {"colour", required_argument, 0, 'c'},  {"width", required_argument, 0, 'w'},
      {"quiet", no_argument, 0, 'q'},         {"help", no_argument, 0, 'h'},
      {"version", no_argument, 0, 'V'},       {0, 0, 0, 0}};
  int opt;
  while ((opt = getopt_long(argc, argv, "f:o:j:qh", longs, NULL)) != -1) {
    int rc = S_option(opt, cli, pubs);
    if (rc >= 0) return rc;
  }
  *first = optind;
  return -1;
}

static void S_finish_options(S_cli *cli) {
  bool tty_out = !cli->output && isatty(STDOUT_FILENO);
  const char *nc = getenv("NO_COLOR");
  cli->opts.color = cli->color == 1 || (cli->color == -1 && tty_out && !(nc && nc[0]));
  if (!cli->opts.width) {
    const char *cols = getenv("COLUMNS");
    int w;
    cli->opts.width = cols && S_parse_int(cols, 40, 1000, &w) ? w : 80;
  }
  if (!cli->quiet && isatty(STDERR_FILENO)) cli->opts.progress = S_progress;
}

/* dossier frees each article's arena (streaming extract: once written; analyze: once
 * compacted) and the next article takes the same memory again. glibc returns the free
 * top of the heap to the kernel past 128 KiB by default, so articles faulted their
 * pages back in: a fifth of extract's time went to the kernel. Keeping freed memory
 * (the next articles need it anyway) gave 1.7x on extract of JSONL, 1.3x on many small
 * files and 1.07x on analyze, at the same peak memory. */
#define DS_MALLOC_TRIM_THRESHOLD (256u << 20)
/* The largest mmap threshold glibc accepts on 64-bit (HEAP_MAX_SIZE / 2). */
#define DS_MALLOC_MMAP_THRESHOLD (32u << 20)

static void S_keep_freed_memory(void) {
#ifdef __GLIBC__
  mallopt(M_TRIM_THRESHOLD, (int)DS_MALLOC_TRIM_THRESHOLD);
  /* Setting the trim threshold turns off glibc's adaptive mmap threshold, which would
   * leave every block over 128 KiB (file buffers, arena blocks) to a fresh mmap. */
  mallopt(M_MMAP_THRESHOLD, (int)DS_MALLOC_MMAP_THRESHOLD);
#endif
}

static int S_run(const char *cmd, char **paths, int npaths, S_cli *cli, S_pubs *pubs) {
  dossier_corpus *c = dossier_corpus_new(&cli->opts);
  if (!c) return EXIT_NOTHING;
  for (int i = 0; i < pubs->len; i++) {
    char *eq = strrchr(pubs->items[i], '=');
    *eq = '\0';
    if (!dossier_corpus_set_published(c, pubs->items[i], eq + 1)) {
      dossier_corpus_free(c);
      return S_fail("--published: '%s' is not a date YYYY-MM-DD", eq + 1);
    }
  }
  dossier_output *out = NULL;
  if (strcmp(cmd, "extract") == 0) {
    dossier_error err;
    if (!(out = dossier_output_open(cli->output, &err))) {
      dossier_corpus_free(c);
      return S_write_failed(&err);
    }
    dossier_corpus_stream(c, dossier_output_stream(out));
  }
  if (strcmp(cmd, "demo") == 0) dossier_corpus_add_demo(c);
  for (int i = 0; i < npaths; i++) dossier_corpus_add_path(c, paths[i]);
  S_report_errors(c, cli->quiet);
  int rc;
  if (dossier_corpus_article_count(c) == 0) {
    fprintf(stderr, "dossier: nothing could be read\n");
    if (out) dossier_output_discard(out, NULL);
    rc = EXIT_NOTHING;
  } else {
    rc = out ? S_write_stream(c, out, cli) : S_write(c, cli);
    if (rc == EXIT_OK && dossier_corpus_skipped(c)) rc = EXIT_SKIPPED;
  }
  dossier_corpus_free(c);
  return rc;
}

int main(int argc, char **argv) {
  S_keep_freed_memory();
  if (argc < 2) {
    fprintf(stderr, "%s(dossier --help for more)\n", S_usage);
    return EXIT_USAGE;
  }
  const char *cmd = argv[1];
  if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
    printf("%s%s", S_usage, S_help);
    return EXIT_OK;
  }
  if (strcmp(cmd, "--version") == 0) {
    printf("dossier %s\n", dossier_version());
    return EXIT_OK;
  }
  if (strcmp(cmd, "analyse") == 0) cmd = "analyze";
  if (strcmp(cmd, "analyze") && strcmp(cmd, "extract") && strcmp(cmd, "demo"))
    return S_fail("unknown command '%s'", cmd);
  S_cli cli = {.format = DOSSIER_FORMAT_TEXT, .color = -1};
  S_pubs pubs = {calloc((size_t)argc, sizeof(char *)), 0};
  static char prog[] = "dossier";
  argv[1] = prog; /* getopt names argv[0] in its messages: "dossier: unrecognized option" */
  int first = 0, rc = S_parse(argc - 1, argv + 1, &cli, &pubs, &first);
  if (rc < 0) {
    first += 1;
    bool demo = strcmp(cmd, "demo") == 0;
    if (strcmp(cmd, "extract") == 0) {
      if (cli.format_set && cli.format != DOSSIER_FORMAT_JSONL && cli.format != DOSSIER_FORMAT_JSON)
        rc = S_fail("extract writes JSON Lines only (-f %s not available)", "text/md/html");
      cli.format = DOSSIER_FORMAT_JSONL;
    }
    if (rc < 0 && demo && first < argc) rc = S_fail("demo takes no PATH (got '%s')", argv[first]);
    if (rc < 0 && !demo && first >= argc) rc = S_fail("%s needs at least one PATH", cmd);
    if (rc < 0) {
      S_finish_options(&cli);
      rc = S_run(cmd, argv + first, argc - first, &cli, &pubs);
    }
  }
  free(pubs.items);
  return rc;
}
