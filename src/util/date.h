/* Calendar helpers and a parser for the absolute date forms found in metadata and
 * bylines: 2024-10-27 (with any time after it), 2024/10/27, 27 October 2024,
 * October 27, 2024, Oct. 27 2024, Sunday, October 27, 2024, 20241027. */
#ifndef DS_DATE_H
#define DS_DATE_H
#include <stdbool.h>
#include <stddef.h>

typedef struct {
  int y, m, d;
} ds_date;

bool ds_date_valid(int y, int m, int d);
int ds_days_in_month(int y, int m);
/* Days since 1970-01-01 (proleptic Gregorian) and back. */
long ds_date_to_days(ds_date dt);
ds_date ds_days_to_date(long days);
/* 0 = Monday ... 6 = Sunday */
int ds_date_weekday(ds_date dt);
/* Parses a whole string (surrounding spaces allowed) holding one absolute date with
 * day precision. Returns false when it is not exactly that. */
bool ds_date_parse(const char *s, size_t n, ds_date *out);
/* Finds the first day-precision absolute date inside a short line; stores its span. */
bool ds_date_find(const char *s, size_t n, ds_date *out, size_t *start, size_t *end);
/* Writes YYYY-MM-DD (11 bytes with the NUL). */
void ds_date_format(ds_date dt, char out[11]);
/* Month number for a month name or abbreviation (any case), 0 if none. */
int ds_month_number(const char *s, size_t n);
#endif
