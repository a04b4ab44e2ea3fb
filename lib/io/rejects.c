/*
 * libjbw - the rejected rows of a lenient snapshot load (jbw_rejects).
 */
#include "io/io_internal.h"

#include <string.h>

/* ====================================================================== */
/* Rejected rows                                                           */
/* ====================================================================== */

typedef struct reject {
    size_t line;
    size_t reason;      /* offset in text */
    unsigned char file; /* 0 measures, 1 workers */
} reject;

struct jbw_rejects {
    char *files[2];
    reject *items;
    size_t count, cap;
    jbw__buf text; /* the reasons, each NUL-terminated */
};

size_t jbw_rejects_count(const jbw_rejects *rejects)
{
    return rejects ? rejects->count : 0;
}

jbw_status jbw_rejects_get(const char **file, size_t *line, const char **reason,
                           const jbw_rejects *rejects, size_t index)
{
    const reject *r;
    if (!rejects)
        return jbw__error(JBW_EINVAL, "jbw_rejects_get: rejects is NULL");
    if (index >= rejects->count)
        return jbw__error(JBW_ERANGE,
                          "jbw_rejects_get: index %zu, but there are %zu "
                          "rejected rows",
                          index, rejects->count);
    r = &rejects->items[index];
    if (file)
        *file = rejects->files[r->file];
    if (line)
        *line = r->line;
    if (reason)
        *reason = rejects->text.data + r->reason;
    return jbw__ok();
}

void jbw_rejects_free(jbw_rejects *rejects)
{
    if (!rejects)
        return;
    jbw__free(rejects->files[0]);
    jbw__free(rejects->files[1]);
    jbw__free(rejects->items);
    jbw__buf_free(&rejects->text);
    jbw__free(rejects);
}

jbw_rejects *jbw__io_rejects_new(const char *measures_name,
                                 const char *workers_name)
{
    jbw_rejects *r = jbw__calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->files[IO_MEASURES] = jbw__strdup(measures_name);
    r->files[IO_WORKERS] = jbw__strdup(workers_name);
    if (!r->files[0] || !r->files[1]) {
        jbw_rejects_free(r);
        return NULL;
    }
    return r;
}

/* Stores a reason; *offset receives where. */
jbw_status jbw__io_reason(jbw_rejects *r, size_t *offset, const char *text)
{
    *offset = r->text.len;
    jbw__buf_append(&r->text, text, strlen(text) + 1);
    return r->text.failed ? jbw__enomem() : JBW_OK;
}

jbw_status jbw__io_reject_add(jbw_rejects *r, int file, size_t line,
                              size_t reason)
{
    void *p = r->items;
    if (jbw__grow(&p, &r->cap, r->count + 1, sizeof(reject)) != 0)
        return jbw__enomem();
    r->items = p;
    r->items[r->count].line = line;
    r->items[r->count].reason = reason;
    r->items[r->count].file = (unsigned char)file;
    r->count++;
    return JBW_OK;
}
