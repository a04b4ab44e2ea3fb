/*
 * libjbw - the triage writers: JSON, CSV and the text list.
 */
#include "base/table.h"
#include "waitrisk/waitrisk_internal.h"

#include <stdio.h>
#include <string.h>

/* ---- triage output --------------------------------------------------- */

jbw_status jbw__wr_out_args(char **out, const void *obj, jbw_lang lang,
                            const char *fn)
{
    if (!out || !obj)
        return jbw__error(JBW_EINVAL, "%s: %s is NULL", fn,
                          out ? "the result" : "out");
    if (lang != JBW_LANG_NL && lang != JBW_LANG_EN)
        return jbw__error(JBW_EINVAL,
                          "%s: language %d is not JBW_LANG_NL "
                          "or JBW_LANG_EN",
                          fn, (int)lang);
    return JBW_OK;
}

/*
 * The writers read the triage through the public getters, as a user of
 * the API would: a row is the case and the score of jbw_triage_get(), the
 * measure state of jbw_triage_state(), and the reasons of
 * jbw_waitrisk_reason().
 */
typedef struct row {
    jbw_wait_case c;
    jbw_score s;
    int state;
} row;

/* 256 bytes hold every reason (jbw_waitrisk_reason). */
#define REASON_SIZE 256

static size_t row_count(const jbw_triage *t, size_t top)
{
    size_t n = jbw_triage_count(t);
    return top == 0 || top > n ? n : top;
}

/* Row r of the triage; r is below the count, so the getter cannot fail. */
static void row_get(row *w, const jbw_triage *t, size_t r)
{
    (void)jbw_wait_case_init(&w->c, JBW_WAIT_CASE_VERSION);
    memset(&w->s, 0, sizeof w->s);
    w->s.version = JBW_SCORE_VERSION;
    (void)jbw_triage_get(&w->c, &w->s, t, r);
    w->state = jbw_triage_state(t, r);
}

static int overridden(const row *w)
{
    return w->c.override_band != JBW_OVERRIDE_NONE;
}

/* The band the model computed for row w. */
static const char *computed_band(const jbw_triage *t, const row *w)
{
    return jbw_band_code(
        (jbw_band)jbw_waitrisk_computed_band(jbw_triage_model(t), &w->s));
}

/* 1 with the reason of item i in `reason` when the item scored. */
static int item_reason(char *reason, const jbw_triage *t, const row *w, int i,
                       jbw_lang lang)
{
    if (!(w->s.items & (1u << i)))
        return 0;
    if (jbw_waitrisk_reason(reason, REASON_SIZE, jbw_triage_model(t), &w->c,
                            &w->s, (jbw_item)i, lang) != JBW_OK)
        reason[0] = '\0';
    return 1;
}

jbw_status jbw__wr_finish(jbw__buf *b, char **out, size_t *len)
{
    jbw_status st = jbw__buf_finish(b, out, len);
    return st == JBW_OK ? jbw__ok() : st;
}

static void json_items(jbw__buf *b, const jbw_triage *t, const row *w,
                       jbw_lang lang)
{
    char reason[REASON_SIZE];
    int i, first = 1, n = jbw_waitrisk_model_item_count(jbw_triage_model(t));
    jbw__buf_puts(b, "\"items\":[");
    for (i = 0; i < n; i++) {
        if (!item_reason(reason, t, w, i, lang))
            continue;
        jbw__buf_puts(b, first ? "{\"item\":" : ",{\"item\":");
        jbw__buf_json_string(b, jbw_item_code((jbw_item)i));
        jbw__buf_printf(b, ",\"points\":%d,\"reason\":", w->s.item_points[i]);
        jbw__buf_json_string(b, reason);
        jbw__buf_putc(b, '}');
        first = 0;
    }
    jbw__buf_putc(b, ']');
}

void jbw__wr_json_model(jbw__buf *b, const jbw_waitrisk_model *m)
{
    const char *name = jbw_waitrisk_model_name(m);
    int base = jbw_waitrisk_model_base_version(m);
    jbw__buf_puts(b, "\"model\":{\"name\":");
    jbw__buf_json_string(b, name);
    jbw__buf_printf(b, ",\"version\":%d", jbw_waitrisk_model_version(m));
    /* a region's own model names the version it builds on */
    if (base >= 2 && strcmp(name, WR_DEFAULT_NAME) != 0)
        jbw__buf_printf(b, ",\"base_version\":%d", base);
    jbw__buf_putc(b, '}');
}

/* ,"overridden":true,"computed_band":..,"override":{"band","reason"} of
 * an overridden case; nothing for the others. */
static void json_override(jbw__buf *b, const jbw_triage *t, const row *w)
{
    if (!overridden(w))
        return;
    jbw__buf_printf(b,
                    ",\"overridden\":true,\"computed_band\":\"%s\","
                    "\"override\":{\"band\":\"%s\",\"reason\":",
                    computed_band(t, w),
                    jbw_band_code((jbw_band)w->c.override_band));
    jbw__buf_json_string(b, w->c.override_reason);
    jbw__buf_putc(b, '}');
}

/* 1 when the CSV carries the override columns: always for model version
 * 2; for version 1 (whose 0.1.0 form stays as it was) only when a listed
 * case is overridden. */
static int csv_override_columns(const jbw_triage *t, size_t rows)
{
    size_t r;
    row w;
    if (jbw_waitrisk_model_base_version(jbw_triage_model(t)) >= 2)
        return 1;
    for (r = 0; r < rows; r++) {
        row_get(&w, t, r);
        if (overridden(&w))
            return 1;
    }
    return 0;
}

jbw_status jbw_triage_json(char **out, size_t *len, const jbw_triage *triage,
                           size_t top, jbw_lang lang)
{
    jbw__buf b = JBW__BUF_INIT;
    size_t r, rows;
    row w;
    jbw_status st = jbw__wr_out_args(out, triage, lang, "jbw_triage_json");
    if (st != JBW_OK)
        return st;
    rows = row_count(triage, top);
    jbw__buf_putc(&b, '{');
    jbw__notice_json(&b, jbw_triage_data_notice(triage));
    jbw__wr_json_model(&b, jbw_triage_model(triage));
    jbw__buf_puts(&b, ",\"date\":\"");
    jbw__buf_date(&b, jbw_triage_date(triage));
    jbw__buf_printf(&b, "\",\"waiting\":%lu,\"cases\":[",
                    (unsigned long)jbw_triage_count(triage));
    for (r = 0; r < rows; r++) {
        const jbw_score *s = &w.s;
        row_get(&w, triage, r);
        jbw__buf_puts(&b, r ? ",{\"id\":" : "{\"id\":");
        jbw__buf_json_string(&b, w.c.id);
        jbw__buf_printf(&b,
                        ",\"rank\":%lu,\"band\":\"%s\",\"points\":%d,"
                        "\"workdays_waiting\":%ld,\"next_contact_due\":\"",
                        (unsigned long)(r + 1), jbw_band_code(s->band),
                        s->points, (long)s->workdays_waiting);
        jbw__buf_date(&b, s->next_contact_due);
        jbw__buf_puts(&b, "\",");
        json_items(&b, triage, &w, lang);
        jbw__buf_puts(&b, ",\"organisation\":");
        jbw__buf_json_string(&b, w.c.organisation);
        jbw__buf_puts(&b, ",\"region\":");
        jbw__buf_json_string(&b, w.c.region);
        jbw__buf_printf(&b, ",\"state\":\"%s\",\"workdays_no_contact\":%ld",
                        jbw_measure_state_code((jbw_measure_state)w.state),
                        (long)s->workdays_no_contact);
        json_override(&b, triage, &w);
        jbw__buf_putc(&b, '}');
    }
    jbw__buf_puts(&b, "]}\n");
    return jbw__wr_finish(&b, out, len);
}

jbw_status jbw_triage_csv(char **out, size_t *len, const jbw_triage *triage,
                          size_t top, jbw_lang lang)
{
    jbw__buf b = JBW__BUF_INIT;
    char reason[REASON_SIZE];
    size_t r, rows;
    int i, n, with_override;
    row w;
    jbw_status st = jbw__wr_out_args(out, triage, lang, "jbw_triage_csv");
    if (st != JBW_OK)
        return st;
    rows = row_count(triage, top);
    n = jbw_waitrisk_model_item_count(jbw_triage_model(triage));
    with_override = csv_override_columns(triage, rows);
    jbw__buf_puts(&b, "rank,id,organisation,region,state,band,points,"
                      "workdays_waiting,workdays_no_contact,age_years,"
                      "next_contact_due");
    for (i = 0; i < n; i++)
        jbw__buf_printf(&b, ",%s", jbw_item_code((jbw_item)i));
    jbw__buf_puts(&b, with_override ? ",reasons,model,model_version,"
                                      "computed_band,override_reason"
                                    : ",reasons,model,model_version");
    jbw__notice_csv_header_end(&b, jbw_triage_data_notice(triage));
    for (r = 0; r < rows; r++) {
        const jbw_score *s = &w.s;
        jbw__buf reasons = JBW__BUF_INIT;
        row_get(&w, triage, r);
        jbw__buf_printf(&b, "%lu,", (unsigned long)(r + 1));
        jbw__buf_csv_field(&b, w.c.id);
        jbw__buf_putc(&b, ',');
        jbw__buf_csv_field(&b, w.c.organisation);
        jbw__buf_putc(&b, ',');
        jbw__buf_csv_field(&b, w.c.region);
        jbw__buf_printf(&b, ",%s,%s,%d,%ld,%ld,",
                        jbw_measure_state_code((jbw_measure_state)w.state),
                        jbw_band_code(s->band), s->points,
                        (long)s->workdays_waiting,
                        (long)s->workdays_no_contact);
        if (s->age_years >= 0)
            jbw__buf_printf(&b, "%ld", (long)s->age_years);
        jbw__buf_putc(&b, ',');
        jbw__buf_date(&b, s->next_contact_due);
        for (i = 0; i < n; i++)
            jbw__buf_printf(&b, ",%d", s->item_points[i]);
        for (i = 0; i < n; i++) {
            if (!item_reason(reason, triage, &w, i, lang))
                continue;
            if (reasons.len)
                jbw__buf_puts(&reasons, " | ");
            jbw__buf_puts(&reasons, reason);
        }
        jbw__buf_putc(&b, ',');
        if (reasons.failed)
            b.failed = 1;
        else if (reasons.len)
            jbw__buf_csv_field(&b, reasons.data);
        jbw__buf_free(&reasons);
        jbw__buf_putc(&b, ',');
        jbw__buf_csv_field(&b,
                           jbw_waitrisk_model_name(jbw_triage_model(triage)));
        jbw__buf_printf(&b, ",%d",
                        jbw_waitrisk_model_version(jbw_triage_model(triage)));
        if (with_override) {
            jbw__buf_printf(&b, ",%s,", computed_band(triage, &w));
            if (overridden(&w))
                jbw__buf_csv_field(&b, w.c.override_reason);
        }
        jbw__notice_csv_row_end(&b, jbw_triage_data_notice(triage));
    }
    return jbw__wr_finish(&b, out, len);
}

/* A line of the text list: rank, id, band, points, werkdagen, contact. */
static void text_row(jbw__buf *b, const char *rank, const char *id,
                     const char *band, const char *points, const char *workdays,
                     const char *due)
{
    jbw__table_put(b, "", rank, 5, JBW__RIGHT, 0);
    jbw__table_put(b, "  ", id, 16, JBW__LEFT, 0);
    jbw__table_put(b, " ", band, 7, JBW__LEFT, 0);
    jbw__table_put(b, " ", points, 6, JBW__RIGHT, 0);
    jbw__table_put(b, " ", workdays, 9, JBW__RIGHT, 0);
    jbw__table_put(b, "  ", due, 0, JBW__LEFT, 1);
    jbw__buf_putc(b, '\n');
}

jbw_status jbw_triage_text(char **out, size_t *len, const jbw_triage *triage,
                           size_t top, jbw_lang lang)
{
    jbw__buf b = JBW__BUF_INIT;
    char reason[REASON_SIZE], date[JBW_DATE_BUFSIZE];
    char rank[24], points[16], workdays[24];
    size_t r, rows;
    int i, n, nl = lang == JBW_LANG_NL;
    row w;
    jbw_status st = jbw__wr_out_args(out, triage, lang, "jbw_triage_text");
    if (st != JBW_OK)
        return st;
    rows = row_count(triage, top);
    jbw__wr_fmt_date(date, jbw_triage_date(triage));
    jbw__notice_text_lang(&b, jbw_triage_data_notice(triage), lang);
    jbw__buf_printf(&b,
                    nl ? "Wachtlijst op %s (model %s versie %d): %lu wachtend"
                       : "Waiting list on %s (model %s version %d): %lu "
                         "waiting",
                    date, jbw_waitrisk_model_name(jbw_triage_model(triage)),
                    jbw_waitrisk_model_version(jbw_triage_model(triage)),
                    (unsigned long)jbw_triage_count(triage));
    if (rows < jbw_triage_count(triage))
        jbw__buf_printf(&b, nl ? ", eerste %lu" : ", first %lu",
                        (unsigned long)rows);
    jbw__buf_puts(&b, "\n\n");
    text_row(&b, nl ? "rang" : "rank", "id", "band", nl ? "punten" : "points",
             nl ? "werkdagen" : "workdays",
             nl ? "contact uiterlijk" : "contact due");
    n = jbw_waitrisk_model_item_count(jbw_triage_model(triage));
    for (r = 0; r < rows; r++) {
        const jbw_score *s = &w.s;
        row_get(&w, triage, r);
        jbw__wr_fmt_date(date, s->next_contact_due);
        snprintf(rank, sizeof rank, "%lu", (unsigned long)(r + 1));
        snprintf(points, sizeof points, "%d", s->points);
        snprintf(workdays, sizeof workdays, "%ld", (long)s->workdays_waiting);
        text_row(&b, rank, w.c.id ? w.c.id : "", jbw_band_code(s->band), points,
                 workdays, date);
        for (i = 0; i < n; i++) {
            if (!item_reason(reason, triage, &w, i, lang))
                continue;
            snprintf(points, sizeof points, "%+d", s->item_points[i]);
            jbw__table_put(&b, "", "", 7, JBW__RIGHT, 0);
            jbw__table_put(&b, "", points, 5, JBW__RIGHT, 0);
            jbw__table_put(&b, "  ", reason, 0, JBW__LEFT, 1);
            jbw__buf_putc(&b, '\n');
        }
        if (overridden(&w)) {
            /* the reason is free text: a line break in it would break
             * the table, so it stands on the row's one line */
            jbw__buf_printf(&b,
                            nl ? "%7s  overschreven naar %s (berekend: %s): "
                               : "%7s  overridden to %s (computed: %s): ",
                            "", jbw_band_code(s->band),
                            computed_band(triage, &w));
            jbw__buf_line(&b, w.c.override_reason);
            jbw__buf_putc(&b, '\n');
        }
    }
    return jbw__wr_finish(&b, out, len);
}
