/* libFuzzer harness: arbitrary bytes read as a .jsonl file, then clean, segment and
 * every tagger, with the invariants of fuzz_common.h checked on each article. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  S_fuzz_extract("fuzz.jsonl", data, size);
  return 0;
}
