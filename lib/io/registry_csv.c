/*
 * libjbw - reading and writing the registry CSV (regions,
 * municipalities, organisations and the service relation).
 */
#include "io/io_internal.h"

#include <string.h>

/* ====================================================================== */
/* Registry files                                                          */
/* ====================================================================== */

enum { R_TYPE, R_KEY, R_NAME, R_CBS, R_REGION, R_COLUMNS };
static const char *const registry_names[R_COLUMNS] = {"type", "key", "name",
                                                      "cbs_code", "region"};
static const unsigned char registry_required[R_COLUMNS] = {1, 1, 1, 0, 1};

typedef enum row_type { IO_REGION, IO_MUNICIPALITY, IO_ORGANISATION } row_type;

static jbw_status registry_type(row_type *out, const jbw__csv *c, size_t col)
{
    char shown[IO_SHOWN];
    size_t n;
    const char *s = jbw__csv_field(c, col, &n);
    if (jbw__name_eq_n(s, n, "region"))
        *out = IO_REGION;
    else if (jbw__name_eq_n(s, n, "municipality"))
        *out = IO_MUNICIPALITY;
    else if (jbw__name_eq_n(s, n, "organisation"))
        *out = IO_ORGANISATION;
    else {
        jbw__csv_quote(shown, sizeof shown, s, n);
        return jbw__csv_error(c, col, JBW_EPARSE,
                              "not a row type (region, municipality, "
                              "organisation): '%s'",
                              shown);
    }
    return JBW_OK;
}

/* A column that this row type leaves empty. */
static jbw_status registry_empty(const jbw__csv *c, size_t col, const char *why)
{
    char shown[IO_SHOWN];
    size_t n;
    const char *s = jbw__io_text(c, col, &n);
    if (!s || n == 0)
        return JBW_OK;
    jbw__csv_quote(shown, sizeof shown, s, n);
    return jbw__csv_error(c, col, JBW_EPARSE, "%s: '%s'", why, shown);
}

/* Prefixes the registry's own detail with the file and line. */
static jbw_status registry_refused(const jbw__csv *c, jbw_status st)
{
    if (st == JBW_OK || st == JBW_ENOMEM)
        return st;
    return jbw__error(st, "%s line %zu: %s", c->source, c->record_line,
                      jbw_last_error());
}

/* Adds the services of an organisation: region keys separated by '|'. */
static jbw_status registry_services(jbw_registry *reg, const jbw__csv *c,
                                    size_t col, const char *org)
{
    size_t n;
    const char *s = jbw__csv_field(c, col, &n), *end = s + n;
    while (n && s <= end) {
        const char *bar = memchr(s, '|', (size_t)(end - s));
        const char *e = bar ? bar : end, *b = s;
        char *key;
        jbw_status st;
        while (b < e && (*b == ' ' || *b == '\t'))
            b++;
        while (e > b && (e[-1] == ' ' || e[-1] == '\t'))
            e--;
        if (b == e)
            return jbw__csv_error(c, col, JBW_EPARSE,
                                  "an empty region key in the list (keys "
                                  "are separated by '|')");
        key = jbw__strndup(b, (size_t)(e - b));
        if (!key)
            return jbw__enomem();
        st = jbw_registry_add_service(reg, org, key);
        jbw__free(key);
        if (st != JBW_OK)
            return registry_refused(c, st);
        if (!bar)
            break;
        s = bar + 1;
    }
    return JBW_OK;
}

/* The text fields of a registry row as C strings (cbs NULL if absent). */
typedef struct row_fields {
    char *key, *name, *region, *cbs;
} row_fields;

static void rrow_free(row_fields *r)
{
    jbw__free(r->key);
    jbw__free(r->name);
    jbw__free(r->region);
    jbw__free(r->cbs);
}

static char *field_dup(const jbw__csv *c, size_t col, int *failed)
{
    size_t n;
    const char *s;
    char *copy;
    if (col == JBW__CSV_ABSENT)
        return NULL;
    s = jbw__csv_field(c, col, &n);
    copy = jbw__strndup(s, n);
    if (!copy)
        *failed = 1;
    return copy;
}

/*
 * Adds what the row holds for this pass. Pass 0 checks every row and adds
 * the regions; pass 1 adds the municipalities and organisations, which
 * refer to regions, so the rows may come in any order.
 */
static jbw_status registry_add(jbw_registry *reg, const jbw__csv *c,
                               const size_t *col, row_type type,
                               const row_fields *r, int pass)
{
    jbw_status st;
    if (pass == 0) {
        if (type == IO_REGION)
            return registry_refused(
                c, jbw_registry_add_region(reg, r->key, r->name, r->cbs));
        if (type == IO_MUNICIPALITY &&
            (st = registry_empty(c, col[R_KEY],
                                 "a municipality has no key; its name "
                                 "identifies it")) != JBW_OK)
            return st;
        return registry_empty(c, col[R_CBS], "only regions have a cbs_code");
    }
    if (type == IO_MUNICIPALITY)
        return registry_refused(
            c, jbw_registry_add_municipality(reg, r->name, r->region));
    if (type == IO_ORGANISATION) {
        st = registry_refused(
            c, jbw_registry_add_organisation(reg, r->key, r->name));
        return st == JBW_OK ? registry_services(reg, c, col[R_REGION], r->key)
                            : st;
    }
    return registry_empty(c, col[R_REGION],
                          "a region row has no region column value");
}

static jbw_status registry_row(jbw_registry *reg, const jbw__csv *c,
                               const size_t *col, int pass)
{
    row_fields r = {NULL, NULL, NULL, NULL};
    row_type type = IO_REGION;
    int failed = 0;
    jbw_status st = jbw__csv_check_width(c);
    if (st == JBW_OK)
        st = registry_type(&type, c, col[R_TYPE]);
    if (st != JBW_OK)
        return st;
    r.key = field_dup(c, col[R_KEY], &failed);
    r.name = field_dup(c, col[R_NAME], &failed);
    r.region = field_dup(c, col[R_REGION], &failed);
    r.cbs = field_dup(c, col[R_CBS], &failed);
    st = failed ? jbw__enomem() : registry_add(reg, c, col, type, &r, pass);
    rrow_free(&r);
    return st;
}

static jbw_status registry_pass(jbw_registry *reg, const char *text, size_t len,
                                const char *name, int pass)
{
    size_t col[R_COLUMNS];
    jbw__csv c;
    int more = 1;
    jbw_status st = jbw__csv_open(&c, text, len, name);
    if (st != JBW_OK)
        return st;
    st = jbw__csv_columns(col, &c, registry_names, registry_required, R_COLUMNS,
                          0);
    while (st == JBW_OK && (st = jbw__csv_next(&c, &more)) == JBW_OK && more)
        st = registry_row(reg, &c, col, pass);
    jbw__csv_close(&c);
    return st;
}

/* Both passes over a text already within the limits. */
static jbw_status registry_load(jbw_registry **out, const char *text,
                                size_t len, const char *name)
{
    jbw_registry *reg = NULL;
    jbw_status st = jbw_registry_new(&reg);
    if (st == JBW_OK)
        st = registry_pass(reg, text, len, name, 0);
    if (st == JBW_OK)
        st = registry_pass(reg, text, len, name, 1);
    if (st != JBW_OK) {
        jbw_registry_free(reg);
        return st;
    }
    *out = reg;
    return jbw__ok();
}

jbw_status jbw_registry_load_csv_buffer(jbw_registry **out, const char *text,
                                        size_t len, const char *name)
{
    jbw__text_limits lim;
    jbw_load_options o;
    jbw_status st;
    if (!out || !text)
        return jbw__error(JBW_EINVAL,
                          "jbw_registry_load_csv_buffer: out and text must "
                          "not be NULL");
    if (!name)
        name = "registry.csv";
    jbw__io_options(&o, NULL);
    jbw__io_limits(&lim, &o);
    if ((st = jbw__io_scan_text(text, len, name, &lim)) != JBW_OK)
        return st;
    return registry_load(out, text, len, name);
}

jbw_status jbw_registry_load_csv_opts(jbw_registry **out, const char *path,
                                      const jbw_load_options *opts)
{
    char *text = NULL;
    size_t len = 0;
    jbw__text_limits lim;
    jbw_load_options o;
    jbw_status st;
    if (!out || !path)
        return jbw__error(JBW_EINVAL,
                          "jbw_registry_load_csv_opts: out and path must "
                          "not be NULL");
    if ((st = jbw__io_options(&o, opts)) != JBW_OK)
        return st;
    jbw__io_limits(&lim, &o);
    st = jbw__read_text(&text, &len, path, &lim, 1);
    if (st == JBW_OK)
        st = registry_load(out, text, len, path);
    jbw__free(text);
    return st;
}

jbw_status jbw_registry_load_csv(jbw_registry **out, const char *path)
{
    return jbw_registry_load_csv_opts(out, path, NULL);
}

jbw_status jbw_registry_csv(char **out, size_t *len, const jbw_registry *reg)
{
    jbw__buf b = JBW__BUF_INIT, list = JBW__BUF_INIT;
    size_t i, k;
    jbw_status st;
    if (!out || !reg)
        return jbw__error(JBW_EINVAL,
                          "jbw_registry_csv: out and reg must not be NULL");
    jbw__io_put_header(&b, registry_names, R_COLUMNS);
    for (i = 0; i < reg->region_keys.count; i++) {
        jbw__buf_puts(&b, "region,");
        jbw__io_put_text(&b, jbw__strmap_key(&reg->region_keys, i));
        jbw__buf_putc(&b, ',');
        jbw__io_put_text(&b, reg->region_names[i]);
        jbw__buf_putc(&b, ',');
        jbw__io_put_text(&b, reg->region_cbs[i]);
        jbw__buf_puts(&b, ",\n");
    }
    for (i = 0; i < reg->municipality_names.count; i++) {
        jbw__buf_puts(&b, "municipality,,");
        jbw__io_put_text(&b, jbw__strmap_key(&reg->municipality_names, i));
        jbw__buf_puts(&b, ",,");
        jbw__io_put_text(
            &b, jbw__io_key(&reg->region_keys, reg->municipality_region[i]));
        jbw__buf_putc(&b, '\n');
    }
    for (i = 0; i < reg->org_keys.count; i++) {
        jbw__buf_puts(&b, "organisation,");
        jbw__io_put_text(&b, jbw__strmap_key(&reg->org_keys, i));
        jbw__buf_putc(&b, ',');
        jbw__io_put_text(&b, reg->org_names[i]);
        jbw__buf_puts(&b, ",,");
        /* Registries are small: a scan of the service pairs per
         * organisation costs nothing worth an index. */
        list.len = 0;
        for (k = 0; k < reg->service_count; k++) {
            if (reg->service_org[k] != i)
                continue;
            if (list.len)
                jbw__buf_putc(&list, '|');
            jbw__buf_puts(
                &list, jbw__io_key(&reg->region_keys, reg->service_region[k]));
        }
        if (list.failed)
            b.failed = 1;
        else if (list.len)
            jbw__io_put_text(&b, list.data);
        jbw__buf_putc(&b, '\n');
    }
    jbw__buf_free(&list);
    st = jbw__buf_finish(&b, out, len);
    return st == JBW_OK ? jbw__ok() : st;
}
