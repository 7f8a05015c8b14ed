/* Streaming JSON writer into a ds_buf: no tree is built, so writing a large dossier
 * costs one pass. Commas are tracked per nesting level. Strings are escaped so that
 * no article text can break out (control characters, quotes, backslashes, and
 * "</" and U+2028/U+2029 so the output is also safe inside an HTML <script>). */
#ifndef DS_JSON_H
#define DS_JSON_H
#include <stdbool.h>
#include <stdint.h>

#include "util/buf.h"

#define DS_JSON_MAX_DEPTH 32 /* our contract nests 4 deep; 32 is generous */

typedef struct {
  ds_buf *out;
  int depth;
  bool need_comma[DS_JSON_MAX_DEPTH];
  bool after_key; /* the next value follows "key": on the same line */
  bool pretty;
} ds_jw;

void ds_jw_init(ds_jw *w, ds_buf *out, bool pretty);
void ds_jw_obj(ds_jw *w);  /* { */
void ds_jw_end_obj(ds_jw *w);
void ds_jw_arr(ds_jw *w);  /* [ */
void ds_jw_end_arr(ds_jw *w);
void ds_jw_key(ds_jw *w, const char *key);
void ds_jw_str(ds_jw *w, const char *s); /* NULL writes null */
void ds_jw_strn(ds_jw *w, const char *s, size_t n);
void ds_jw_int(ds_jw *w, int64_t v);
void ds_jw_num(ds_jw *w, double v);       /* integers print without a fraction */
void ds_jw_bool(ds_jw *w, bool v);
void ds_jw_null(ds_jw *w);
/* Appends s escaped as JSON string content (no surrounding quotes). */
void ds_json_escape(ds_buf *out, const char *s, size_t n);
#endif
