/* Named limits, each with the reason it exists (after md4c). Inputs beyond a limit
 * are cut or refused with a message; none can make a stage quadratic. */
#ifndef DS_LIMITS_H
#define DS_LIMITS_H

/* Largest article we process: the longest real news articles are ~200 KB of text;
 * 64 MiB leaves room for huge HTML pages while keeping uint32 offsets far from overflow. */
#define DS_MAX_ARTICLE_BYTES ((size_t)64 << 20)
/* Largest decompressed gzip input: a zip bomb must not exhaust memory. */
#define DS_MAX_INPUT_BYTES ((size_t)1 << 30)
/* Longest JSONL line we parse as one article (a line carries a whole article). */
#define DS_MAX_JSONL_LINE DS_MAX_ARTICLE_BYTES
/* Longest line clean treats as a possible boilerplate line; longer lines are text. */
#define DS_MAX_BOILERPLATE_LINE 200
/* A title is a short first line; longer ones are the lede. */
#define DS_MAX_TITLE_BYTES 300
/* Longest sentence in tokens: past it we force a break so per-sentence work
 * (speaker search, figure heads) stays bounded on text with no punctuation. */
#define DS_MAX_SENTENCE_TOKENS 400
/* Longest direct quotation we pair marks across: real quotes run a few paragraphs;
 * an unmatched mark must not make us scan the rest of a 10 MB file for each mark. */
#define DS_MAX_QUOTE_BYTES 4000
/* Front matter is a few short lines; a missing closing --- must not swallow a book. */
#define DS_MAX_FRONTMATTER_BYTES 8192
/* Errors kept per input file: a JSONL file of a million bad lines must not keep a
 * million ~800-byte error records; the first ones show what is wrong, a last one
 * counts the rest. */
#define DS_MAX_ERRORS_PER_INPUT 1000
/* Directory recursion depth: guards against symlink loops and absurd trees. */
#define DS_MAX_DIR_DEPTH 32
/* Lines of the text report per section, to keep the terminal view readable. */
#define DS_MAX_REPORT_ROWS 200

#endif
