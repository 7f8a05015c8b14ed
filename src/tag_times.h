/* Time expressions: recognition and TIMEX3 normalisation (tag_times*.c). */
#ifndef DS_TAG_TIMES_H
#define DS_TAG_TIMES_H
#include <stddef.h>

#include "model.h"

/* Finds the time expressions in text[0, len) and resolves them against anchor
 * ("YYYY-MM-DD", or NULL when unknown: relative forms then get X placeholders).
 * Stores an arena array sorted by start in *out (sentence is 0) and returns its
 * length. A pure function: safe to call from any thread. */
size_t ds_time_scan(const char *text, size_t len, const char *anchor, ds_arena *arena,
                    ds_time **out);

/* Infers a publication date for an undated text: its dateline, else the latest
 * day-precision date it mentions outside a clause about the future and not after today;
 * a date without a year takes the year of the latest full date the text writes (or the
 * year a weekday beside it pins down), never a bare year ("the 2014 coup") or a month's
 * ("February 2022"), which name history as often as the present. Writes YYYY-MM-DD;
 * false when nothing fits. */
bool ds_time_infer_published(const char *text, size_t len, ds_arena *arena, char out[11]);
/* The same with its strength: 0 nothing fits, 1 the year was borrowed (from another
 * full date, or from near), 2 a date with its year (written or pinned by a weekday).
 * With near ("YYYY-MM-DD", e.g. the date of the corpus's other reports), dates without
 * a year take near's year and dates well after near are not candidates. */
int ds_time_infer(const char *text, size_t len, const char *near, ds_arena *arena, char out[11]);
/* Sets an article's publication date (basis inferred) and resolves its times again. */
void ds_time_reanchor(ds_article *a, const char *date);

/* A text tokenised once for several of the calls above (an undated article is scanned
 * to infer its date, then against it): open it, call the _text forms, close it. The
 * text must outlive it. Not shared between threads. */
typedef struct ds_time_text ds_time_text;
ds_time_text *ds_time_text_open(const char *text, size_t len);
void ds_time_text_close(ds_time_text *tt);
size_t ds_time_scan_text(ds_time_text *tt, const char *anchor, ds_arena *arena, ds_time **out);
int ds_time_infer_text(ds_time_text *tt, const char *near, ds_arena *arena, char out[11]);
/* ds_time_reanchor with tt opened on a->body. */
void ds_time_reanchor_text(ds_article *a, const char *date, ds_time_text *tt);

/* True when value is a calendar date of day precision ("2024-10-23", also with a
 * time-of-day suffix) or month precision ("2024-10"); stores the date part. */
bool ds_time_value_date(const char *value, int *y, int *m, int *d);
#endif
