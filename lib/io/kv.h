/*
 * libjbw internal: the reader of key = value files (io/kv.c), used by the
 * norm, model and scenario files.
 */
#ifndef JBW_IO_KV_H
#define JBW_IO_KV_H

#include "base/base_internal.h"

/*
 * Parses "key = value" lines. '#' starts a comment (outside the value),
 * blank lines are skipped, keys are [A-Za-z0-9_.]+, values are trimmed.
 * Calls `fn` for each pair; a non-zero status from fn stops the parse
 * and is returned (fn sets the detail; `line` is 1-based). Malformed
 * lines give JBW_EPARSE naming `source` and the line.
 */
typedef jbw_status (*jbw__kv_fn)(void *user, const char *key, const char *value,
                                 size_t line);
jbw_status jbw__kv_parse(const char *text, size_t len, const char *source,
                         jbw__kv_fn fn, void *user);

#endif /* JBW_IO_KV_H */
