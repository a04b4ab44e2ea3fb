/*
 * Writers of a calibration: JSON, CSV, text and a scenario file. They
 * read the result through the public getters only.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/base_internal.h"
#include "base/fixed.h"

/* Everything a writer needs, read once. */
typedef struct view {
    jbw_date date, from, to;
    int32_t months;
    size_t min_events;
    jbw_calibration_kind kinds[JBW_KIND_COUNT];
    jbw_calibration_staff staff;
    jbw_calibration_assignment assignment;
    const char *notice;
    const char *kind_notes[JBW_KIND_COUNT]; /* NULL: none */
    const char *staff_note;                 /* NULL: none */
} view;

/* Checks the arguments every writer takes and reads the calibration. */
static jbw_status read_view(view *v, char **out, const jbw_calibration *cal)
{
    jbw_status st;
    int i;
    memset(v, 0, sizeof *v);
    if (!out)
        return jbw__error(JBW_EINVAL, "out is NULL");
    if (!cal)
        return jbw__error(JBW_EINVAL, "calibration is NULL");
    v->date = jbw_calibration_date(cal);
    v->from = jbw_calibration_window_start(cal);
    v->to = v->date - 1;
    v->months = jbw_calibration_window_months(cal);
    v->min_events = jbw_calibration_min_events(cal);
    v->notice = jbw_calibration_data_notice(cal);
    for (i = 0; i < JBW_KIND_COUNT; i++) {
        v->kinds[i].version = JBW_CALIBRATION_KIND_VERSION;
        if ((st = jbw_calibration_kind_get(&v->kinds[i], cal, (jbw_kind)i)) !=
            JBW_OK)
            return st;
        v->kind_notes[i] = jbw_calibration_kind_note(cal, (jbw_kind)i);
    }
    v->staff_note = jbw_calibration_staff_note(cal);
    v->staff.version = JBW_CALIBRATION_STAFF_VERSION;
    v->assignment.version = JBW_CALIBRATION_ASSIGNMENT_VERSION;
    if ((st = jbw_calibration_staff_get(&v->staff, cal)) != JBW_OK ||
        (st = jbw_calibration_assignment_get(&v->assignment, cal)) != JBW_OK)
        return st;
    return JBW_OK;
}

/* A kind's note (jbw_calibration_kind_note); nothing without one. */
static void kind_note(jbw__buf *b, const jbw_calibration_kind *k, const view *v)
{
    if (v->kind_notes[k->kind])
        jbw__buf_puts(b, v->kind_notes[k->kind]);
}

/* The staff's note (jbw_calibration_staff_note); nothing without one. */
static void staff_note(jbw__buf *b, const view *v)
{
    if (v->staff_note)
        jbw__buf_puts(b, v->staff_note);
}

static void json_window(jbw__buf *b, const view *v)
{
    jbw__buf_putc(b, '{');
    jbw__notice_json(b, v->notice);
    jbw__buf_puts(b, "\"date\":\"");
    jbw__buf_date(b, v->date);
    jbw__buf_puts(b, "\",\"window\":{\"from\":\"");
    jbw__buf_date(b, v->from);
    jbw__buf_puts(b, "\",\"to\":\"");
    jbw__buf_date(b, v->to);
    jbw__buf_printf(b, "\",\"months\":%ld},\"min_events\":%zu", (long)v->months,
                    v->min_events);
}

/* A kind's figures, in every form (base_internal.h, jbw__row): the CSV
 * row of section "kind" (its mean duration in the column "value") and
 * the JSON object of the kind with its note (null when there is none). */
static void kind_fields(jbw__buf *b, int form, const jbw_calibration_kind *k,
                        const view *v)
{
    jbw__row w;
    jbw__row_init(&w, b, form, 1);
    jbw__row_text_as(&w, "section", NULL, "kind");
    jbw__row_text_as(&w, "key", "kind", jbw_kind_code(k->kind));
    jbw__row_size(&w, "started", k->started);
    jbw__row_number(&w, "inflow_per_month", k->inflow_per_month, 6);
    jbw__row_size(&w, "exits", k->exits);
    jbw__row_number(&w, "exposure_months", k->exposure_months, 6);
    jbw__row_number(&w, "mle_months", k->mle_months, 6);
    jbw__row_number(&w, "low_months", k->low_months, 6);
    jbw__row_number(&w, "high_months", k->high_months, 6);
    jbw__row_number_as(&w, "value", "mean_duration_months",
                       k->mean_duration_months, 6);
    jbw__row_text(&w, "basis", jbw_basis_code(k->basis));
    jbw__row_size(&w, "stock", k->stock);
    jbw__row_text(&w, "note", v->kind_notes[k->kind]);
}

/* The staff's figures in the columns of a kind's CSV row: hires as
 * started, hiring per month as inflow, leavers as exits, FTE-months of
 * exposure, the turnover estimates and the turnover used as value, the
 * workers as stock. */
static void staff_csv(jbw__buf *b, const view *v)
{
    const jbw_calibration_staff *s = &v->staff;
    jbw__row w;
    jbw__row_init(&w, b, JBW__ROW_CSV, 1);
    jbw__row_text(&w, "section", "staff");
    jbw__row_text(&w, "key", "staff");
    jbw__row_size(&w, "started", s->hires);
    jbw__row_number(&w, "inflow_per_month", s->hires_fte_per_month, 6);
    jbw__row_size(&w, "exits", s->leavers);
    jbw__row_number(&w, "exposure_months", s->fte_years * 12.0, 6);
    jbw__row_number(&w, "mle_months", s->mle_turnover, 6);
    jbw__row_number(&w, "low_months", s->low_turnover, 6);
    jbw__row_number(&w, "high_months", s->high_turnover, 6);
    jbw__row_number(&w, "value", s->turnover_annual, 6);
    jbw__row_text(&w, "basis", jbw_basis_code(s->basis));
    jbw__row_size(&w, "stock", s->workers);
    jbw__row_text(&w, "note", v->staff_note);
}

static void json_staff(jbw__buf *b, const view *v)
{
    const jbw_calibration_staff *s = &v->staff;
    jbw__row w;
    jbw__row_init(&w, b, JBW__ROW_JSON, 0);
    jbw__buf_puts(b, "\"staff\":{");
    jbw__row_number(&w, "fte", s->fte, 6);
    jbw__row_size(&w, "workers", s->workers);
    jbw__row_number(&w, "fte_years", s->fte_years, 6);
    jbw__row_size(&w, "leavers", s->leavers);
    jbw__row_number(&w, "leavers_fte", s->leavers_fte, 6);
    jbw__row_size(&w, "hires", s->hires);
    jbw__row_number(&w, "hires_fte", s->hires_fte, 6);
    jbw__row_number(&w, "hires_fte_per_month", s->hires_fte_per_month, 6);
    jbw__row_number(&w, "hazard_annual", s->hazard_annual, 6);
    jbw__row_number(&w, "mle_turnover", s->mle_turnover, 6);
    jbw__row_number(&w, "low_turnover", s->low_turnover, 6);
    jbw__row_number(&w, "high_turnover", s->high_turnover, 6);
    jbw__row_number(&w, "turnover_annual", s->turnover_annual, 6);
    jbw__row_text(&w, "basis", jbw_basis_code(s->basis));
    jbw__row_text(&w, "note", v->staff_note);
    jbw__buf_putc(b, '}');
}

static void json_assignment(jbw__buf *b, const jbw_calibration_assignment *a)
{
    jbw__row w;
    jbw__row_init(&w, b, JBW__ROW_JSON, 0);
    jbw__buf_puts(b, "\"assignment\":{");
    jbw__row_size(&w, "measures", a->measures);
    jbw__row_size(&w, "assigned", a->assigned);
    jbw__row_size(&w, "censored", a->censored);
    jbw__row_size(&w, "unknown", a->unknown);
    jbw__row_number(&w, "median_workdays", a->median_workdays, 6);
    jbw__row_number(&w, "p90_workdays", a->p90_workdays, 6);
    jbw__row_number(&w, "share_within_5", a->share_within_5, 6);
    jbw__row_text(&w, "basis", jbw_basis_code(a->basis));
    jbw__buf_putc(b, '}');
}

jbw_status jbw_calibration_json(char **out, size_t *len,
                                const jbw_calibration *cal)
{
    jbw__buf b = JBW__BUF_INIT;
    view v;
    jbw_status st;
    int i;
    if ((st = read_view(&v, out, cal)) != JBW_OK)
        return st;
    json_window(&b, &v);
    jbw__buf_puts(&b, ",\"kinds\":[");
    for (i = 0; i < JBW_KIND_COUNT; i++) {
        jbw__buf_puts(&b, i ? ",{" : "{");
        kind_fields(&b, JBW__ROW_JSON, &v.kinds[i], &v);
        jbw__buf_putc(&b, '}');
    }
    jbw__buf_puts(&b, "],");
    json_staff(&b, &v);
    jbw__buf_putc(&b, ',');
    json_assignment(&b, &v.assignment);
    jbw__buf_puts(&b, "}\n");
    return jbw__buf_finish(&b, out, len);
}

jbw_status jbw_calibration_csv(char **out, size_t *len,
                               const jbw_calibration *cal)
{
    jbw__buf b = JBW__BUF_INIT;
    view v;
    jbw_status st;
    int i;
    if ((st = read_view(&v, out, cal)) != JBW_OK)
        return st;
    kind_fields(&b, JBW__ROW_HEADER, &v.kinds[0], &v);
    jbw__notice_csv_header_end(&b, v.notice);
    for (i = 0; i < JBW_KIND_COUNT; i++) {
        kind_fields(&b, JBW__ROW_CSV, &v.kinds[i], &v);
        jbw__notice_csv_row_end(&b, v.notice);
    }
    staff_csv(&b, &v);
    jbw__notice_csv_row_end(&b, v.notice);
    return jbw__buf_finish(&b, out, len);
}

static void text_window(jbw__buf *b, const view *v)
{
    jbw__buf_puts(b, "Calibration on ");
    jbw__buf_date(b, v->date);
    jbw__buf_puts(b, " from the records of ");
    jbw__buf_date(b, v->from);
    jbw__buf_puts(b, " .. ");
    jbw__buf_date(b, v->to);
    jbw__buf_printf(b, " (%ld months; only what was known on ",
                    (long)v->months);
    jbw__buf_date(b, v->date);
    jbw__buf_puts(b, ")\n\n");
}

/* "12.3" or "-" for NaN, in a field of `width`. */
static void text_number(jbw__buf *b, int width, int decimals, double x)
{
    jbw__buf_putc(b, ' ');
    if (isfinite(x))
        jbw__buf_fixed(b, x, decimals, width);
    else
        jbw__buf_printf(b, "%*s", width, "-");
}

/* "lo-hi" with one decimal each into out[0..size), cut at size - 1 as
 * snprintf(out, size, "%.1f-%.1f", lo, hi) would, without printf. */
static void fixed_interval(char *out, size_t size, double lo, double hi)
{
    size_t n = jbw__fixed(out, size, lo, 1);
    if (n + 1 >= size)
        return;
    out[n] = '-';
    jbw__fixed(out + n + 1, size - n - 1, hi, 1);
}

static void text_kinds(jbw__buf *b, const view *v)
{
    int i;
    jbw__buf_printf(b, "%-20s %7s %9s %6s %10s %8s %17s %8s %6s  %s\n", "kind",
                    "started", "inflow/m", "exits", "exposure", "MLE m",
                    "95% interval", "used m", "stock", "note");
    for (i = 0; i < JBW_KIND_COUNT; i++) {
        const jbw_calibration_kind *k = &v->kinds[i];
        char interval[48] = "-";
        if (isfinite(k->low_months))
            fixed_interval(interval, sizeof interval, k->low_months,
                           k->high_months);
        jbw__buf_printf(b, "%-20s %7zu", jbw_kind_code(k->kind), k->started);
        text_number(b, 9, 2, k->inflow_per_month);
        jbw__buf_printf(b, " %6zu", k->exits);
        text_number(b, 10, 1, k->exposure_months);
        text_number(b, 8, 1, k->mle_months);
        jbw__buf_printf(b, " %17s", interval);
        text_number(b, 8, 1, k->mean_duration_months);
        jbw__buf_printf(b, " %6zu  ", k->stock);
        kind_note(b, k, v);
        jbw__buf_putc(b, '\n');
    }
}

static void text_staff(jbw__buf *b, const view *v)
{
    const jbw_calibration_staff *s = &v->staff;
    jbw__buf_puts(b, "\nstaff: ");
    jbw__buf_fixed(b, s->fte, 1, 0);
    jbw__buf_printf(b, " FTE on the date (%zu workers); ", s->workers);
    jbw__buf_fixed(b, s->fte_years, 1, 0);
    jbw__buf_printf(b, " FTE-years in the window\n  leavers %zu (", s->leavers);
    jbw__buf_fixed(b, s->leavers_fte, 1, 0);
    jbw__buf_puts(b, " FTE), hazard");
    text_number(b, 0, 3, s->hazard_annual);
    jbw__buf_puts(b, " a year; turnover");
    if (isfinite(s->mle_turnover)) {
        text_number(b, 0, 1, 100.0 * s->mle_turnover);
        jbw__buf_puts(b, "% (95%");
        text_number(b, 0, 1, 100.0 * s->low_turnover);
        jbw__buf_puts(b, " -");
        text_number(b, 0, 1, 100.0 * s->high_turnover);
        jbw__buf_puts(b, "%); used ");
    } else {
        /* no estimate, and so no interval: say why, not "-% (95% - -)" */
        jbw__buf_puts(b, s->leavers == 0
                             ? " not estimated (no leavers in the window)"
                             : " not estimated (no FTE-years in the window)");
        jbw__buf_puts(b, "; used ");
    }
    jbw__buf_fixed(b, 100.0 * s->turnover_annual, 1, 0);
    jbw__buf_putc(b, '%');
    if (s->basis != JBW_BASIS_ESTIMATED) {
        jbw__buf_puts(b, " (");
        staff_note(b, v);
        jbw__buf_putc(b, ')');
    }
    jbw__buf_printf(b, "\n  hires %zu (", s->hires);
    jbw__buf_fixed(b, s->hires_fte, 1, 0);
    jbw__buf_puts(b, " FTE): ");
    jbw__buf_fixed(b, s->hires_fte_per_month, 2, 0);
    jbw__buf_puts(b, " FTE a month\n");
}

static void text_assignment(jbw__buf *b, const view *v)
{
    const jbw_calibration_assignment *a = &v->assignment;
    jbw__buf_printf(b,
                    "\ntime to first assignment (werkdagen): %zu started in "
                    "the window, %zu assigned, %zu not (yet), %zu without a "
                    "date\n",
                    a->measures, a->assigned, a->censored, a->unknown);
    if (a->basis != JBW_BASIS_ESTIMATED) {
        jbw__buf_printf(b, "  fewer than %zu assignments: no estimate\n",
                        v->min_events);
        return;
    }
    jbw__buf_puts(b, "  median");
    text_number(b, 0, 0, a->median_workdays);
    jbw__buf_puts(b, ", p90");
    text_number(b, 0, 0, a->p90_workdays);
    jbw__buf_puts(b, ", within 5 werkdagen");
    text_number(b, 0, 1, 100.0 * a->share_within_5);
    jbw__buf_puts(b, "% (Kaplan-Meier: the measures not yet assigned "
                     "count as still waiting)\n");
}

jbw_status jbw_calibration_text(char **out, size_t *len,
                                const jbw_calibration *cal)
{
    jbw__buf b = JBW__BUF_INIT;
    view v;
    jbw_status st;
    if ((st = read_view(&v, out, cal)) != JBW_OK)
        return st;
    jbw__notice_text(&b, v.notice);
    text_window(&b, &v);
    text_kinds(&b, &v);
    text_staff(&b, &v);
    text_assignment(&b, &v);
    return jbw__buf_finish(&b, out, len);
}

static void scenario_line(jbw__buf *b, const char *key, const char *code,
                          double value)
{
    jbw__buf_puts(b, key);
    if (code) {
        jbw__buf_putc(b, '.');
        jbw__buf_puts(b, code);
    }
    jbw__buf_puts(b, " = ");
    jbw__buf_double(b, value);
    jbw__buf_putc(b, '\n');
}

static void scenario_kind(jbw__buf *b, const view *v,
                          const jbw_calibration_kind *k)
{
    const char *code = jbw_kind_code(k->kind);
    jbw__buf_printf(b,
                    "# inflow.%s: %zu measures started in the window / %ld "
                    "months\n",
                    code, k->started, (long)v->months);
    scenario_line(b, "inflow", code, k->inflow_per_month);
    jbw__buf_printf(b, "# duration.%s: ", code);
    if (k->basis == JBW_BASIS_ESTIMATED) {
        jbw__buf_fixed(b, k->exposure_months, 1, 0);
        jbw__buf_printf(b,
                        " measure-months of exposure / %zu exits (95%% "
                        "interval ",
                        k->exits);
        jbw__buf_fixed(b, k->low_months, 1, 0);
        jbw__buf_putc(b, '-');
        jbw__buf_fixed(b, k->high_months, 1, 0);
        jbw__buf_puts(b, " months)\n");
    } else {
        kind_note(b, k, v);
        jbw__buf_putc(b, '\n');
    }
    if (k->basis == JBW_BASIS_ESTIMATED && v->kind_notes[k->kind]) {
        /* unreliable (the only note of an estimate): not forecast on */
        jbw__buf_puts(b, "# ");
        kind_note(b, k, v);
        jbw__buf_printf(b,
                        "\n# so it is left out, and the forecast's own "
                        "duration.%s stands:\n# ",
                        code);
    }
    scenario_line(b, "duration", code, k->mean_duration_months);
}

jbw_status jbw_calibration_scenario(char **out, size_t *len,
                                    const jbw_calibration *cal)
{
    jbw__buf b = JBW__BUF_INIT;
    const jbw_calibration_staff *s;
    view v;
    jbw_status st;
    int i;
    if ((st = read_view(&v, out, cal)) != JBW_OK)
        return st;
    if (v.notice) {
        jbw__buf_puts(&b, "# ");
        jbw__notice_text(&b, v.notice);
    }
    jbw__buf_puts(&b, "# Calibrated on ");
    jbw__buf_date(&b, v.date);
    jbw__buf_puts(&b, " from the records of the window ");
    jbw__buf_date(&b, v.from);
    jbw__buf_puts(&b, " .. ");
    jbw__buf_date(&b, v.to);
    jbw__buf_printf(&b, " (%ld months), only what was known on ",
                    (long)v.months);
    jbw__buf_date(&b, v.date);
    jbw__buf_puts(&b, ".\n# Fewer than ");
    jbw__buf_printf(&b, "%zu events give the default, as noted.\n\n",
                    v.min_events);
    for (i = 0; i < JBW_KIND_COUNT; i++)
        scenario_kind(&b, &v, &v.kinds[i]);
    s = &v.staff;
    jbw__buf_puts(&b, "# turnover: ");
    if (s->basis == JBW_BASIS_ESTIMATED) {
        jbw__buf_puts(&b, "1 - exp(-h), h = ");
        jbw__buf_fixed(&b, s->leavers_fte, 2, 0);
        jbw__buf_printf(&b, " leavers' FTE (%zu leavers) / ", s->leavers);
        jbw__buf_fixed(&b, s->fte_years, 2, 0);
        jbw__buf_puts(&b, " FTE-years = ");
        jbw__buf_fixed(&b, s->hazard_annual, 4, 0);
        jbw__buf_puts(&b, " a year (95% interval ");
        jbw__buf_fixed(&b, 100.0 * s->low_turnover, 1, 0);
        jbw__buf_puts(&b, "%-");
        jbw__buf_fixed(&b, 100.0 * s->high_turnover, 1, 0);
        jbw__buf_puts(&b, "%)\n");
    } else {
        staff_note(&b, &v);
        jbw__buf_putc(&b, '\n');
    }
    scenario_line(&b, "turnover", NULL, s->turnover_annual);
    jbw__buf_puts(&b, "# hires_fte: ");
    jbw__buf_fixed(&b, s->hires_fte, 2, 0);
    jbw__buf_printf(&b, " FTE hired (%zu workers) in the window / %ld months\n",
                    s->hires, (long)v.months);
    scenario_line(&b, "hires_fte", NULL, s->hires_fte_per_month);
    return jbw__buf_finish(&b, out, len);
}
