/*
 * libjbw - the options of a snapshot load (jbw_load_options) and the
 * limits of its readers (docs/formats.md, "Limits").
 */
#include "io/io_internal.h"

jbw_status jbw__io_options(jbw_load_options *o, const jbw_load_options *given)
{
    static const jbw_load_options defaults = JBW_LOAD_OPTIONS_INIT;
    *o = defaults;
    if (!given)
        return JBW_OK;
    if (given->version < 1 || given->version > JBW_LOAD_OPTIONS_VERSION)
        return jbw__error_version(given->version, 1, JBW_LOAD_OPTIONS_VERSION,
                                  "jbw_load_options:");
    /* A version-1 record ends after reference_date: read no further. */
    o->lenient = given->lenient;
    o->allow_unknown_columns = given->allow_unknown_columns;
    o->reference_date = given->reference_date;
    if (given->version >= 2) {
        o->max_file_bytes = given->max_file_bytes;
        o->max_line_bytes = given->max_line_bytes;
    }
    if (given->version >= 3)
        o->threads = given->threads;
    if (o->threads > JBW_LOAD_THREADS_MAX)
        return jbw__error(JBW_EINVAL,
                          "jbw_load_options: threads is %u: at most %d (0: "
                          "one per core)",
                          o->threads, JBW_LOAD_THREADS_MAX);
    if ((o->lenient != 0 && o->lenient != 1) ||
        (o->allow_unknown_columns != 0 && o->allow_unknown_columns != 1))
        return jbw__error(JBW_EINVAL, "jbw_load_options: lenient and "
                                      "allow_unknown_columns must be 0 or 1");
    if (o->reference_date != JBW_DATE_NONE &&
        !jbw__date_in_range(o->reference_date))
        return jbw__error(JBW_ERANGE,
                          "jbw_load_options: reference_date %ld is outside "
                          "the supported years %d-%d",
                          (long)o->reference_date, JBW_YEAR_MIN, JBW_YEAR_MAX);
    return JBW_OK;
}

void jbw__io_limits(jbw__text_limits *lim, const jbw_load_options *o)
{
    lim->max_bytes =
        o->max_file_bytes ? o->max_file_bytes : JBW_LOAD_MAX_FILE_BYTES_DEFAULT;
    lim->max_line =
        o->max_line_bytes ? o->max_line_bytes : JBW_LOAD_MAX_LINE_BYTES_DEFAULT;
    lim->settable = 1;
}

jbw_status jbw__io_scan_text(const char *text, size_t len, const char *name,
                             const jbw__text_limits *lim)
{
    jbw__text_scan sc;
    if (len > lim->max_bytes)
        return jbw__text_size_refused(name, (unsigned long long)len, lim);
    jbw__text_scan_init(&sc, lim, name, 1);
    return jbw__text_scan_chunk(&sc, text, len);
}

jbw_status jbw_load_options_init(jbw_load_options *opts, unsigned int version)
{
    static const jbw_load_options init = JBW_LOAD_OPTIONS_INIT;
    if (!opts)
        return jbw__error(JBW_EINVAL, "jbw_load_options_init: opts is NULL");
    if (version < 1 || version > JBW_LOAD_OPTIONS_VERSION)
        return jbw__error_version(version, 1, JBW_LOAD_OPTIONS_VERSION,
                                  "jbw_load_options_init:");
    /* A record has room for the fields of its version only. */
    opts->version = version;
    opts->lenient = init.lenient;
    opts->allow_unknown_columns = init.allow_unknown_columns;
    opts->reference_date = init.reference_date;
    if (version >= 2) {
        opts->max_file_bytes = 0;
        opts->max_line_bytes = 0;
    }
    if (version >= 3)
        opts->threads = init.threads;
    return jbw__ok();
}
