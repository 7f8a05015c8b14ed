#include "util/date.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/lexicon.h"

bool ds_date_valid(int y, int m, int d) {
  return y >= 1000 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= ds_days_in_month(y, m);
}

int ds_days_in_month(int y, int m) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return days[m - 1] + (m == 2 && leap);
}

/* Howard Hinnant's days_from_civil / civil_from_days. */
long ds_date_to_days(ds_date dt) {
  int y = dt.y - (dt.m <= 2);
  long era = (y >= 0 ? y : y - 399) / 400;
  unsigned yoe = (unsigned)(y - era * 400);
  unsigned doy = (unsigned)((153 * (dt.m + (dt.m > 2 ? -3 : 9)) + 2) / 5 + dt.d - 1);
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (long)doe - 719468;
}

ds_date ds_days_to_date(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  unsigned doe = (unsigned)(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = (long)yoe + era * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  unsigned d = doy - (153 * mp + 2) / 5 + 1;
  unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return (ds_date){(int)(y + (m <= 2)), (int)m, (int)d};
}

int ds_date_weekday(ds_date dt) {
  long days = ds_date_to_days(dt); /* 1970-01-01 was a Thursday (3) */
  return (int)(((days % 7) + 7 + 3) % 7);
}

void ds_date_format(ds_date dt, char out[11]) {
  unsigned y = (unsigned)dt.y % 10000u, m = (unsigned)dt.m % 100u, d = (unsigned)dt.d % 100u;
  out[0] = (char)('0' + y / 1000), out[1] = (char)('0' + y / 100 % 10);
  out[2] = (char)('0' + y / 10 % 10), out[3] = (char)('0' + y % 10), out[4] = '-';
  out[5] = (char)('0' + m / 10), out[6] = (char)('0' + m % 10), out[7] = '-';
  out[8] = (char)('0' + d / 10), out[9] = (char)('0' + d % 10), out[10] = '\0';
}

int ds_month_number(const char *s, size_t n) {
  const char *v = ds_lexicon_value("months", s, n);
  return v ? atoi(v) : 0;
}

/* A tiny cursor over the string for the hand-written date grammar. */
typedef struct {
  const char *p, *end;
} S_cur;

static void S_skip(S_cur *c) {
  while (c->p < c->end && (isspace((unsigned char)*c->p) || *c->p == ',')) c->p++;
}

static int S_num(S_cur *c, int maxdigits, int *ndigits) {
  int v = 0, k = 0;
  while (c->p < c->end && k < maxdigits && isdigit((unsigned char)*c->p)) v = v * 10 + (*c->p++ - '0'), k++;
  if (c->p < c->end && isdigit((unsigned char)*c->p)) k = 0; /* too many digits */
  *ndigits = k;
  return v;
}

static int S_month(S_cur *c) {
  const char *s = c->p;
  while (c->p < c->end && isalpha((unsigned char)*c->p)) c->p++;
  if (c->p < c->end && *c->p == '.') c->p++;
  int m = ds_month_number(s, (size_t)(c->p - s));
  if (!m) c->p = s;
  return m;
}

static void S_skip_weekday(S_cur *c) {
  static const char *days[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                               "saturday", "sunday"};
  for (int i = 0; i < 7; i++) {
    size_t k = strlen(days[i]);
    if ((size_t)(c->end - c->p) >= k && strncasecmp(c->p, days[i], k) == 0) {
      c->p += k;
      S_skip(c);
      return;
    }
  }
}

/* Tries each grammar at c->p; on success moves c->p past the date. */
static bool S_date_at(S_cur *c, ds_date *out) {
  S_cur s = *c;
  S_skip_weekday(&s);
  int nd, y = 0, m = 0, d = 0;
  const char *start = s.p;
  int first = S_num(&s, 8, &nd);
  if (nd == 4 && s.p < s.end && (*s.p == '-' || *s.p == '/' || *s.p == '.')) {
    char sep = *s.p++;
    y = first;
    m = S_num(&s, 2, &nd);
    if (!nd || s.p >= s.end || *s.p++ != sep) return false;
    d = S_num(&s, 2, &nd);
    if (!nd) return false;
  } else if (nd == 8 && s.p - start == 8) {
    y = first / 10000, m = first / 100 % 100, d = first % 100;
  } else if (nd >= 1 && nd <= 2) { /* 27 October 2024 */
    d = first;
    S_skip(&s);
    if (!(m = S_month(&s))) return false;
    S_skip(&s);
    y = S_num(&s, 4, &nd);
    if (nd != 4) return false;
  } else if (nd == 0 && (m = S_month(&s))) { /* October 27, 2024 */
    S_skip(&s);
    d = S_num(&s, 2, &nd);
    if (!nd) return false;
    if (s.p + 1 < s.end && (s.p[0] == 's' || s.p[0] == 'n' || s.p[0] == 'r' || s.p[0] == 't') &&
        isalpha((unsigned char)s.p[1]))
      s.p += 2; /* 27th, 1st, 2nd, 3rd */
    S_skip(&s);
    y = S_num(&s, 4, &nd);
    if (nd != 4) return false;
  } else {
    return false;
  }
  if (!ds_date_valid(y, m, d)) return false;
  *out = (ds_date){y, m, d};
  c->p = s.p;
  return true;
}

bool ds_date_parse(const char *str, size_t n, ds_date *out) {
  S_cur c = {str, str + n};
  S_skip(&c);
  if (!S_date_at(&c, out)) return false;
  /* an ISO date may carry a time and zone: 2024-10-27T08:00:00+02:00 */
  if (c.p < c.end && (*c.p == 'T' || *c.p == ' ') && c.p + 1 < c.end && isdigit((unsigned char)c.p[1]))
    return true;
  S_skip(&c);
  return c.p == c.end;
}

/* Every date the grammar accepts writes its day or year in digits. */
static bool S_has_digit(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if ((unsigned)(s[i] - '0') < 10) return true;
  return false;
}

bool ds_date_find(const char *s, size_t n, ds_date *out, size_t *start, size_t *end) {
  if (!S_has_digit(s, n)) return false; /* most lines: no need to try the grammar per word */
  for (size_t i = 0; i < n; i++) {
    if (i > 0 && isalnum((unsigned char)s[i - 1])) continue; /* start of a word only */
    if (!isalnum((unsigned char)s[i])) continue;
    S_cur c = {s + i, s + n};
    if (S_date_at(&c, out)) {
      *start = i;
      *end = (size_t)(c.p - s);
      while (*end > *start && (s[*end - 1] == ' ' || s[*end - 1] == ',')) (*end)--;
      return true;
    }
  }
  return false;
}
