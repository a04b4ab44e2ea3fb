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

/*
 * Reads a key = value file (norm, model, scenario) for its parser: at most
 * JBW__KV_FILE_MAX bytes (these files are small; a larger one is not one
 * of them), NUL bytes refused, read in chunks so that an endless input
 * stops at the limit. Free the text with jbw__free(). Errors: JBW_EIO
 * (with the system's reason: "Is a directory" for a directory),
 * JBW_ERANGE (too large, or a line over 64 KiB), JBW_EPARSE (NUL, UTF-16
 * or UTF-32), JBW_ENOMEM.
 */
#define JBW__KV_FILE_MAX ((size_t)1 << 20)
jbw_status jbw__kv_read(char **out, size_t *len, const char *path);

#endif /* JBW_IO_KV_H */
