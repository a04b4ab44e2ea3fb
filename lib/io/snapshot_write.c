/*
 * libjbw - writing a snapshot as workers.csv and measures.csv, and the
 * CSV field helpers the registry writer shares.
 */
#include "io/io_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ====================================================================== */
/* Writers                                                                 */
/* ====================================================================== */

/*
 * A text field. Readers trim unquoted fields, so a value with a leading
 * or trailing space or tab is quoted too (jbw__buf_csv_field quotes only
 * for delimiters, quotes and line ends).
 */
void jbw__io_put_text(jbw__buf *b, const char *s)
{
    size_t n;
    if (!s)
        return;
    n = strlen(s);
    if (n &&
        (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t') &&
        !strpbrk(s, ",;\"\r\n")) {
        jbw__buf_putc(b, '"');
        jbw__buf_append(b, s, n); /* no quote inside: checked above */
        jbw__buf_putc(b, '"');
        return;
    }
    jbw__buf_csv_field(b, s);
}

/* A code string that may be NULL for a value out of range. */
static void put_code(jbw__buf *b, const char *code)
{
    if (code)
        jbw__buf_puts(b, code);
}

/*
 * The shortest decimal form of v that reads back as exactly v, with a
 * '.' whatever the C locale's decimal point.
 */
static void put_double(jbw__buf *b, double v)
{
    char tmp[48];
    int prec;
    size_t i;
    for (prec = 1; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*g", prec, v);
        if (strtod(tmp, NULL) == v)
            break;
    }
    for (i = 0; tmp[i]; i++)
        if (tmp[i] == ',')
            tmp[i] = '.';
    jbw__buf_puts(b, tmp);
}

const char *jbw__io_key(const jbw__strmap *m, uint32_t index)
{
    return index == JBW__NONE ? NULL : jbw__strmap_key(m, index);
}

static void put_measure(jbw__buf *b, const jbw_snapshot *s, size_t i)
{
    const jbw__measures *m = &s->m;
    const jbw_registry *r = s->registry;
    jbw__io_put_text(b, jbw__strmap_key(&s->measure_ids, i));
    jbw__buf_putc(b, ',');
    jbw__io_put_text(b, jbw__io_key(&s->child_ids, m->child[i]));
    jbw__buf_putc(b, ',');
    if (m->family_given[i])
        jbw__io_put_text(b, jbw__io_key(&s->family_ids, m->family[i]));
    jbw__buf_putc(b, ',');
    put_code(b, jbw_kind_code((jbw_kind)m->kind[i]));
    jbw__buf_putc(b, ',');
    jbw__io_put_text(b, jbw__io_key(&r->org_keys, m->org[i]));
    jbw__buf_putc(b, ',');
    jbw__io_put_text(b, jbw__io_key(&r->region_keys, m->region[i]));
    jbw__buf_putc(b, ',');
    jbw__buf_date(b, m->start[i]);
    jbw__buf_putc(b, ',');
    jbw__buf_date(b, m->end[i]);
    jbw__buf_putc(b, ',');
    jbw__io_put_text(b, jbw__io_key(&s->worker_ids, m->worker[i]));
    jbw__buf_putc(b, ',');
    jbw__buf_date(b, m->first_assigned[i]);
    jbw__buf_putc(b, ',');
    jbw__buf_date(b, m->waiting_since[i]);
    jbw__buf_printf(b, ",%ld,", (long)m->previous_workers[i]);
    put_code(b, jbw_safety_code((jbw_safety)m->safety[i]));
    jbw__buf_putc(b, ',');
    put_code(b, jbw_placement_code((jbw_placement)m->placement[i]));
    jbw__buf_putc(b, ',');
    jbw__buf_date(b, m->birth_date[i]);
    jbw__buf_putc(b, ',');
    jbw__buf_date(b, m->last_contact[i]);
    jbw__buf_putc(b, ',');
    put_code(b, jbw_jr_risk_code((jbw_jr_risk)m->jr_risk[i]));
    /* record version 2; the unknown answers and no override stay empty */
    jbw__buf_putc(b, ',');
    if (jbw__measure_safety_plan(m, i))
        put_code(b, jbw_yesno_code(jbw__measure_safety_plan(m, i)));
    jbw__buf_putc(b, ',');
    if (jbw__measure_other_help(m, i))
        put_code(b, jbw_yesno_code(jbw__measure_other_help(m, i)));
    jbw__buf_putc(b, ',');
    if (jbw__measure_domestic_violence(m, i))
        put_code(b, jbw_yesno_code(jbw__measure_domestic_violence(m, i)));
    jbw__buf_putc(b, ',');
    jbw__buf_date(b, jbw__measure_term_end(m, i));
    jbw__buf_putc(b, ',');
    if (jbw__measure_override_band(m, i) >= 0)
        put_code(b, jbw_band_code((jbw_band)jbw__measure_override_band(m, i)));
    jbw__buf_putc(b, ',');
    if (jbw__measure_override_reason(m, i) != JBW__NONE)
        jbw__io_put_text(b,
                         jbw__strmap_key(&s->override_reasons,
                                         jbw__measure_override_reason(m, i)));
    /* record version 3 */
    jbw__buf_putc(b, ',');
    jbw__buf_date(b, jbw__measure_help_requested(m, i));
    jbw__buf_putc(b, ',');
    jbw__buf_date(b, jbw__measure_help_started(m, i));
    jbw__buf_putc(b, '\n');
}

void jbw__io_put_header(jbw__buf *b, const char *const *names, size_t n)
{
    size_t k;
    for (k = 0; k < n; k++) {
        if (k)
            jbw__buf_putc(b, ',');
        jbw__buf_puts(b, names[k]);
    }
    jbw__buf_putc(b, '\n');
}

jbw_status jbw_snapshot_measures_csv(char **out, size_t *len,
                                     const jbw_snapshot *snap)
{
    jbw__buf b = JBW__BUF_INIT;
    size_t i;
    jbw_status st;
    if (!out || !snap)
        return jbw__error(JBW_EINVAL,
                          "jbw_snapshot_measures_csv: out and snap must not "
                          "be NULL");
    jbw__io_put_header(&b, jbw__io_measure_names, M_COLUMNS);
    for (i = 0; i < snap->m.count && !b.failed; i++)
        put_measure(&b, snap, i);
    st = jbw__buf_finish(&b, out, len);
    return st == JBW_OK ? jbw__ok() : st;
}

jbw_status jbw_snapshot_workers_csv(char **out, size_t *len,
                                    const jbw_snapshot *snap)
{
    jbw__buf b = JBW__BUF_INIT;
    const jbw__workers *w;
    const jbw_registry *r;
    size_t i;
    jbw_status st;
    if (!out || !snap)
        return jbw__error(JBW_EINVAL,
                          "jbw_snapshot_workers_csv: out and snap must not "
                          "be NULL");
    w = &snap->w;
    r = snap->registry;
    jbw__io_put_header(&b, jbw__io_worker_names, W_COLUMNS);
    for (i = 0; i < w->count && !b.failed; i++) {
        jbw__io_put_text(&b, jbw__strmap_key(&snap->worker_ids, i));
        jbw__buf_putc(&b, ',');
        jbw__io_put_text(&b, jbw__io_key(&r->org_keys, w->org[i]));
        jbw__buf_putc(&b, ',');
        jbw__io_put_text(&b, jbw__io_key(&r->region_keys, w->region[i]));
        jbw__buf_putc(&b, ',');
        put_double(&b, w->fte[i]);
        jbw__buf_putc(&b, ',');
        jbw__buf_date(&b, w->hired[i]);
        jbw__buf_putc(&b, ',');
        jbw__buf_date(&b, w->leaving[i]);
        jbw__buf_putc(&b, '\n');
    }
    st = jbw__buf_finish(&b, out, len);
    return st == JBW_OK ? jbw__ok() : st;
}
