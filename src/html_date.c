/* Dates found in page metadata, normalised to YYYY-MM-DD: ISO 8601 and its
 * slash/dot/compact variants, "October 24, 2024", "Thu, 24 Oct 2024 09:00 GMT".
 * The time of day and zone are ignored: the date is the one the page wrote. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read_html.h"
#include "util/lexicon.h"

/* Tokens we look at: a weekday, day, month, year and a little slack. */
#define S_MAX_TOK 6

typedef struct {
  const char *s;
  size_t n;
  bool num;
} S_tok;

static bool S_digit(char c) { return c >= '0' && c <= '9'; }
static bool S_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

static int S_num(const S_tok *t) {
  int v = 0;
  for (size_t i = 0; i < t->n; i++) v = v * 10 + (t->s[i] - '0');
  return v;
}

static int S_month(const S_tok *t) {
  if (t->num) return 0;
  const char *v = ds_lexicon_value("months", t->s, t->n);
  return v ? (int)strtol(v, NULL, 10) : 0;
}

static bool S_out(int y, int m, int d, char out[11]) {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
  return true;
}

/* "2024-10-24", "2024/10/24", "2024.10.24", "20241024", with anything after. */
static bool S_iso(const char *s, size_t n, char out[11]) {
  size_t digits = 0;
  while (digits < n && S_digit(s[digits])) digits++;
  if (digits == 8) {
    S_tok y = {s, 4, true}, m = {s + 4, 2, true}, d = {s + 6, 2, true};
    return S_out(S_num(&y), S_num(&m), S_num(&d), out);
  }
  if (n < 8 || !S_digit(s[0]) || !S_digit(s[1]) || !S_digit(s[2]) || !S_digit(s[3]))
    return false;
  char sep = s[4];
  if (sep != '-' && sep != '/' && sep != '.') return false;
  size_t i = 5, mlen = 0, dlen = 0;
  while (i < n && S_digit(s[i]) && mlen < 2) i++, mlen++;
  if (!mlen || i >= n || s[i] != sep) return false;
  size_t dstart = ++i;
  while (i < n && S_digit(s[i]) && dlen < 2) i++, dlen++;
  if (!dlen || (i < n && S_digit(s[i]))) return false;
  S_tok y = {s, 4, true}, m = {s + 5, mlen, true}, d = {s + dstart, dlen, true};
  return S_out(S_num(&y), S_num(&m), S_num(&d), out);
}

static size_t S_tokens(const char *s, size_t n, S_tok *t) {
  size_t k = 0, i = 0;
  while (i < n && k < S_MAX_TOK) {
    if (S_digit(s[i]) || S_alpha(s[i])) {
      bool num = S_digit(s[i]);
      size_t j = i;
      while (j < n && (num ? S_digit(s[j]) : S_alpha(s[j]))) j++;
      t[k++] = (S_tok){s + i, j - i, num};
      i = j;
    } else {
      i++;
    }
  }
  return k;
}

/* "October 24, 2024", "24 October 2024", "Thu, 24 Oct 2024": a month name between
 * or before two numbers, one of them four digits. */
static bool S_words(const char *s, size_t n, char out[11]) {
  S_tok t[S_MAX_TOK];
  size_t k = S_tokens(s, n, t);
  for (size_t i = 0; i < k; i++) {
    int m = S_month(&t[i]);
    if (!m) continue;
    if (i + 2 < k && t[i + 1].num && t[i + 1].n <= 2 && t[i + 2].num && t[i + 2].n == 4)
      return S_out(S_num(&t[i + 2]), m, S_num(&t[i + 1]), out);
    if (i >= 1 && i + 1 < k && t[i - 1].num && t[i - 1].n <= 2 && t[i + 1].num &&
        t[i + 1].n == 4)
      return S_out(S_num(&t[i + 1]), m, S_num(&t[i - 1]), out);
    return false;
  }
  return false;
}

bool ds_html_date(const char *s, size_t n, char out[11]) {
  while (n && (*s == ' ' || *s == '\t' || *s == '\n')) s++, n--;
  if (!n) return false;
  if (S_digit(s[0]) && S_iso(s, n, out)) return true;
  return S_words(s, n, out);
}
