/* Word lists compiled in from data/NAME.txt. Format: one entry per line; '#' starts a
 * comment line; an optional TAB separates the entry from its value. Keys are stored
 * ASCII-lower-cased, so lookups are case-insensitive; callers that care about case
 * check it themselves. The lists are built once (thread-safe) and never change, so
 * they are shared by every thread without locks. */
#ifndef DS_LEXICON_H
#define DS_LEXICON_H
#include <stdbool.h>
#include <stddef.h>

#include "util/hash.h"

/* Returns the list built from data/<name>.txt; aborts if there is no such file
 * (a programming error, caught by every test). The map belongs to the library. */
const ds_map *ds_lexicon(const char *name);
/* The value for key (any case) in a list fetched once with ds_lexicon(): for hot loops
 * that should not look the list up by name for every word. NULL when absent. */
const char *ds_lexicon_lookup(const ds_map *list, const char *key, size_t klen);
/* Same with lower_hash = ds_hash_lower(key, klen), for a caller that looks one token
 * up in several lists and hashes it once. */
const char *ds_lexicon_lookup_hashed(const ds_map *list, const char *key, size_t klen,
                                     uint64_t lower_hash);
/* True when key (any case) is in the list. */
bool ds_lexicon_has(const char *name, const char *key, size_t klen);
/* The value after the TAB for key, or NULL when absent; "" when the line had no value. */
const char *ds_lexicon_value(const char *name, const char *key, size_t klen);
/* Raw bytes of an embedded data file or demo file; NULL when absent. */
const char *ds_embedded_file(const char *name, size_t *len);
/* The demo corpus: returns the i-th file (name and bytes) or false past the end. */
bool ds_embedded_demo(size_t i, const char **name, const char **bytes, size_t *len);
#endif
