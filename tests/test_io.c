/*
 * Tests of the io module: CSV reading and writing of snapshots and
 * registries, whole-file reading and atomic writing. All data is
 * synthetic (tests/data/README.md).
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jbw_test.h"

/* ---- helpers --------------------------------------------------------- */

/* A pointer no load may write over a failure. */
#define SENTINEL_SNAP ((jbw_snapshot *)(uintptr_t)0x5A5A)
#define SENTINEL_REJ  ((jbw_rejects *)(uintptr_t)0xA5A5)

static const char WORKERS[] = "id,organisation,region,fte,hired,leaving\n"
                              "W1,JBWEST,ZHZ,0.8,2020-03-01,\n"
                              "W2,JBWEST,ZHZ,1,2023-09-01,\n";

/* The columns every measures file needs, nothing more. */
#define MHEAD "id,child_id,kind,organisation,region,start\n"
/* With the safety plan and the override columns of record version 2. */
#define MHEAD_V2                                                               \
    "id,child_id,kind,organisation,region,start,safety_plan,override_band,"    \
    "override_reason\n"

static jbw_registry *zuid_west(void)
{
    jbw_registry *reg = NULL;
    assert_ok(jbw_registry_zuid_west(&reg));
    return reg;
}

/* Loads two texts with the Zuid-West registry. */
static jbw_status load(jbw_snapshot **out, jbw_rejects **rej,
                       const char *measures, const char *workers,
                       const jbw_load_options *opts)
{
    jbw_registry *reg = zuid_west();
    jbw_status st = jbw_snapshot_load_csv_buffers(
        out, rej, reg, measures, strlen(measures), NULL, workers,
        strlen(workers), NULL, opts);
    jbw_registry_free(reg);
    return st;
}

/* Loads strictly and expects success. */
static jbw_snapshot *load_ok(const char *measures, const char *workers)
{
    jbw_snapshot *snap = NULL;
    assert_ok(load(&snap, NULL, measures, workers, NULL));
    assert_non_null(snap);
    return snap;
}

/* Expects a strict load to fail with `status` and leave *out alone. */
static void load_fails(const char *measures, const char *workers,
                       const jbw_load_options *opts, jbw_status status)
{
    jbw_snapshot *snap = SENTINEL_SNAP;
    jbw_rejects *rej = SENTINEL_REJ;
    assert_status(load(&snap, &rej, measures, workers, opts), status);
    assert_ptr_equal(snap, SENTINEL_SNAP);
    assert_ptr_equal(rej, SENTINEL_REJ);
}

static void get_measure(jbw_measure *m, const jbw_snapshot *snap,
                        const char *id)
{
    size_t index = 0;
    assert_ok(jbw_snapshot_find_measure(&index, snap, id));
    m->version = JBW_MEASURE_VERSION;
    assert_ok(jbw_snapshot_measure(m, snap, index));
}

static void get_worker(jbw_worker *w, const jbw_snapshot *snap, const char *id)
{
    size_t index = 0;
    assert_ok(jbw_snapshot_find_worker(&index, snap, id));
    w->version = JBW_WORKER_VERSION;
    assert_ok(jbw_snapshot_worker(w, snap, index));
}

/* NULL and "" are the same absent string in records read back. */
static const char *str(const char *s)
{
    return s ? s : "";
}

static void assert_measures_equal(const jbw_measure *a, const jbw_measure *b)
{
    assert_string_equal(str(a->id), str(b->id));
    assert_string_equal(str(a->child_id), str(b->child_id));
    assert_string_equal(str(a->family_id), str(b->family_id));
    assert_int_equal(a->kind, b->kind);
    assert_string_equal(str(a->organisation), str(b->organisation));
    assert_string_equal(str(a->region), str(b->region));
    assert_int_equal(a->start, b->start);
    assert_int_equal(a->end, b->end);
    assert_string_equal(str(a->worker_id), str(b->worker_id));
    assert_int_equal(a->first_assigned, b->first_assigned);
    assert_int_equal(a->waiting_since, b->waiting_since);
    assert_int_equal(a->previous_workers, b->previous_workers);
    assert_int_equal(a->safety, b->safety);
    assert_int_equal(a->placement, b->placement);
    assert_int_equal(a->birth_date, b->birth_date);
    assert_int_equal(a->last_contact, b->last_contact);
    assert_int_equal(a->jr_risk, b->jr_risk);
}

static void assert_workers_equal(const jbw_worker *a, const jbw_worker *b)
{
    assert_string_equal(str(a->id), str(b->id));
    assert_string_equal(str(a->organisation), str(b->organisation));
    assert_string_equal(str(a->region), str(b->region));
    assert_true(a->fte == b->fte); /* exact: the text must round-trip */
    assert_int_equal(a->hired, b->hired);
    assert_int_equal(a->leaving, b->leaving);
}

/* Every record of two snapshots, in order, field by field. */
static void assert_snapshots_equal(const jbw_snapshot *a, const jbw_snapshot *b)
{
    size_t i;
    assert_int_equal(jbw_snapshot_worker_count(a),
                     jbw_snapshot_worker_count(b));
    assert_int_equal(jbw_snapshot_measure_count(a),
                     jbw_snapshot_measure_count(b));
    for (i = 0; i < jbw_snapshot_worker_count(a); i++) {
        jbw_worker wa = JBW_WORKER_INIT, wb = JBW_WORKER_INIT;
        assert_ok(jbw_snapshot_worker(&wa, a, i));
        assert_ok(jbw_snapshot_worker(&wb, b, i));
        assert_workers_equal(&wa, &wb);
    }
    for (i = 0; i < jbw_snapshot_measure_count(a); i++) {
        jbw_measure ma = JBW_MEASURE_INIT, mb = JBW_MEASURE_INIT;
        assert_ok(jbw_snapshot_measure(&ma, a, i));
        assert_ok(jbw_snapshot_measure(&mb, b, i));
        assert_measures_equal(&ma, &mb);
    }
}

/* The fixture directory ctest passes; NULL skips the test. */
static const char *data_dir(void)
{
    const char *dir = getenv("JBW_TEST_DATA");
    return dir && *dir ? dir : NULL;
}

static char *data_path(const char *name)
{
    const char *dir = data_dir();
    char *p;
    if (!dir)
        return NULL;
    p = malloc(strlen(dir) + strlen(name) + 2);
    assert_non_null(p);
    sprintf(p, "%s/%s", dir, name);
    return p;
}

/* ---- fixtures -------------------------------------------------------- */

static void test_basic_fixture_reads_every_field(void **state)
{
    char *mp = data_path("measures_basic.csv");
    char *wp = data_path("workers_basic.csv");
    jbw_registry *reg;
    jbw_snapshot *snap = NULL;
    jbw_rejects *rej = SENTINEL_REJ;
    jbw_measure m = JBW_MEASURE_INIT;
    jbw_worker w = JBW_WORKER_INIT;
    (void)state;
    if (!mp) {
        free(wp);
        skip();
    }
    reg = zuid_west();
    assert_ok(jbw_snapshot_load_csv(&snap, &rej, reg, mp, wp, NULL));
    assert_null(rej); /* strict mode returns no list */
    assert_int_equal(jbw_snapshot_worker_count(snap), 3);
    assert_int_equal(jbw_snapshot_measure_count(snap), 4);
    /* Latest date: M2 ends 2025-09-01, so its last day 2025-08-31 beats
     * the latest start (M3, 2025-08-18) and last_contact (2025-08-20). */
    assert_int_equal(jbw_snapshot_reference_date(snap), D(2025, 8, 31));

    get_worker(&w, snap, "W1");
    assert_string_equal(w.organisation, "JBWEST");
    assert_string_equal(w.region, "ZHZ");
    assert_true(w.fte == 0.8);
    assert_int_equal(w.hired, D(2020, 3, 1));
    assert_int_equal(w.leaving, JBW_DATE_NONE);
    get_worker(&w, snap, "W3");
    assert_string_equal(str(w.region), ""); /* empty: none */
    assert_true(w.fte == 0.5);

    get_measure(&m, snap, "M1");
    assert_string_equal(m.child_id, "C1");
    assert_string_equal(m.family_id, "F1");
    assert_int_equal(m.kind, JBW_KIND_OTS);
    assert_string_equal(m.organisation, "JBWEST");
    assert_string_equal(m.region, "ZHZ");
    assert_int_equal(m.start, D(2025, 1, 10));
    assert_int_equal(m.end, JBW_DATE_NONE);
    assert_string_equal(m.worker_id, "W1");
    assert_int_equal(m.first_assigned, D(2025, 1, 14));
    assert_int_equal(m.waiting_since, JBW_DATE_NONE);
    assert_int_equal(m.previous_workers, 0);
    assert_int_equal(m.safety, JBW_SAFETY_SAFE);
    assert_int_equal(m.placement, JBW_PLACEMENT_PLACED);
    assert_int_equal(m.birth_date, D(2012, 5, 1));
    assert_int_equal(m.last_contact, D(2025, 8, 20));
    assert_int_equal(m.jr_risk, JBW_JR_RISK_UNKNOWN);

    get_measure(&m, snap, "M3");
    /* "Fam ""X""; a,b" unquotes to: Fam "X"; a,b */
    assert_string_equal(m.family_id, "Fam \"X\"; a,b");
    assert_string_equal(str(m.worker_id), "");
    /* nieuw without waiting_since: the snapshot settles on start */
    assert_int_equal(m.waiting_since, D(2025, 8, 18));

    get_measure(&m, snap, "M4");
    assert_int_equal(m.kind, JBW_KIND_JR_TB_GEDWONGEN);
    assert_string_equal(str(m.family_id), "");
    assert_int_equal(m.waiting_since, D(2025, 7, 1));
    assert_int_equal(m.previous_workers, 1);
    assert_int_equal(m.safety, JBW_SAFETY_CONCERNS);
    assert_int_equal(m.birth_date, D(2008, 2, 29));
    assert_int_equal(m.jr_risk, JBW_JR_RISK_HIGH);

    jbw_snapshot_free(snap);
    jbw_registry_free(reg);
    free(mp);
    free(wp);
}

/* BOM, ';', CRLF, decimal comma, Dutch dates, other column order and
 * header case, no final newline: the same records as the plain form. */
static void test_dutch_spreadsheet_export_equals_plain_form(void **state)
{
    char *paths[4] = {
        data_path("measures_basic.csv"), data_path("workers_basic.csv"),
        data_path("measures_excel_nl.csv"), data_path("workers_excel_nl.csv")};
    jbw_registry *reg;
    jbw_snapshot *a = NULL, *b = NULL;
    int i;
    (void)state;
    if (!paths[0]) {
        for (i = 0; i < 4; i++)
            free(paths[i]);
        skip();
    }
    reg = zuid_west();
    assert_ok(jbw_snapshot_load_csv(&a, NULL, reg, paths[0], paths[1], NULL));
    assert_ok(jbw_snapshot_load_csv(&b, NULL, reg, paths[2], paths[3], NULL));
    assert_int_equal(jbw_snapshot_reference_date(b), D(2025, 8, 31));
    assert_snapshots_equal(a, b);
    jbw_snapshot_free(a);
    jbw_snapshot_free(b);
    jbw_registry_free(reg);
    for (i = 0; i < 4; i++)
        free(paths[i]);
}

/* ---- text conventions ------------------------------------------------ */

static void test_bom_is_skipped(void **state)
{
    jbw_snapshot *snap;
    jbw_worker w = JBW_WORKER_INIT;
    (void)state;
    snap = load_ok("\xEF\xBB\xBF" MHEAD "M1,C1,OTS,JBWEST,ZHZ,2025-01-10\n",
                   "\xEF\xBB\xBF"
                   "id,organisation,fte,hired\n"
                   "W1,JBWEST,1,2020-03-01\n");
    /* Without the skip, the first column would be "\xEF\xBB\xBFid". */
    get_worker(&w, snap, "W1");
    assert_int_equal(jbw_snapshot_measure_count(snap), 1);
    jbw_snapshot_free(snap);
}

/* Excel's first line "sep=;" names its delimiter and is no header: it
 * is skipped, with CRLF or LF, after a BOM too; line numbers count it (a
 * bad date in the first row is on line 3). A header named "sep=x" with
 * more columns is still a header. */
static void test_excel_sep_line_is_skipped(void **state)
{
    jbw_snapshot *snap;
    jbw_worker w = JBW_WORKER_INIT;
    (void)state;
    snap = load_ok("sep=;\r\nid;child_id;kind;organisation;region;start\r\n"
                   "M1;C1;OTS;JBWEST;ZHZ;10-01-2025\r\n",
                   "\xEF\xBB\xBFSEP=,\n"
                   "id,organisation,fte,hired\n"
                   "W1,JBWEST,1,2020-03-01\n");
    get_worker(&w, snap, "W1");
    assert_int_equal(jbw_snapshot_measure_count(snap), 1);
    jbw_snapshot_free(snap);
    load_fails("sep=;\nid;child_id;kind;organisation;region;start\n"
               "M1;C1;OTS;JBWEST;ZHZ;32-01-2025\n",
               WORKERS, NULL, JBW_EPARSE);
    assert_error_contains("measures.csv line 3, column 'start'");
    load_fails("sep=x,child_id\nM1,C1\n", WORKERS, NULL, JBW_EPARSE);
    assert_error_contains("line 1");
}

static void test_semicolon_file_reads_decimal_comma(void **state)
{
    jbw_snapshot *snap;
    jbw_worker w = JBW_WORKER_INIT;
    (void)state;
    snap = load_ok(MHEAD, "id;organisation;fte;hired\n"
                          "W1;JBWEST;0,8;2020-03-01\n"
                          "W2;JBWEST;0.75;2020-03-01\n");
    get_worker(&w, snap, "W1");
    assert_true(w.fte == 0.8); /* "0,8" -> 0.8 */
    get_worker(&w, snap, "W2");
    assert_true(w.fte == 0.75); /* a point still works */
    jbw_snapshot_free(snap);
}

static void test_comma_file_refuses_decimal_comma(void **state)
{
    (void)state;
    load_fails(MHEAD,
               "id,organisation,fte,hired\n"
               "W1,JBWEST,\"0,8\",2020-03-01\n",
               NULL, JBW_EPARSE);
    assert_error_contains("workers.csv line 2, column 'fte': not a number "
                          "(a decimal comma is read only in files delimited "
                          "by ';'): '0,8'");
}

static void test_quoted_field_keeps_delimiter_quote_and_newline(void **state)
{
    /* Record 1's note runs over lines 2-3 (ids hold no line ends, so the
     * newline goes in a column the load is told to ignore). */
    static const char head[] =
        "id,child_id,family_id,kind,organisation,region,start,note\n"
        "M1,C1,\"a,b;\"\"c\"\"\",OTS,JBWEST,ZHZ,2025-01-10,\"line one\n"
        "line two, \"\"quoted\"\"\"\n"
        "M2,C2,  \"  spaced  \"  ,OTS,JBWEST,ZHZ,2025-01-10,\n"
        "M3,  C3  ,,OTS,JBWEST,ZHZ,2025-01-10,\n";
    char text[1024];
    jbw_load_options opts = JBW_LOAD_OPTIONS_INIT;
    jbw_snapshot *snap = NULL;
    jbw_measure m = JBW_MEASURE_INIT;
    (void)state;
    opts.allow_unknown_columns = 1;
    assert_ok(load(&snap, NULL, head, WORKERS, &opts));
    assert_int_equal(jbw_snapshot_measure_count(snap), 3);
    get_measure(&m, snap, "M1");
    assert_string_equal(m.family_id, "a,b;\"c\"");
    get_measure(&m, snap, "M2");
    assert_string_equal(m.family_id, "  spaced  "); /* quoted: kept */
    get_measure(&m, snap, "M3");
    assert_string_equal(m.child_id, "C3"); /* unquoted: trimmed */
    jbw_snapshot_free(snap);

    /* M1 on lines 2-3, M2 on 4, M3 on 5: M4 is on line 6. */
    snprintf(text, sizeof text, "%sM4,C4,,OTS,JBWEST,ZHZ,2025-13-01,\n", head);
    load_fails(text, WORKERS, &opts, JBW_EPARSE);
    assert_error_contains("measures.csv line 6, column 'start': not a date, "
                          "month 13 does not exist: '2025-13-01'");
}

static void test_crlf_and_lf_line_ends_read_alike(void **state)
{
    jbw_snapshot *a, *b;
    (void)state;
    a = load_ok(MHEAD "M1,C1,OTS,JBWEST,ZHZ,2025-01-10\n"
                      "M2,C2,VOTS,JBWEST,ZHZ,2025-02-10\n",
                WORKERS);
    b = load_ok("id,child_id,kind,organisation,region,start\r\n"
                "M1,C1,OTS,JBWEST,ZHZ,2025-01-10\r\n"
                "M2,C2,VOTS,JBWEST,ZHZ,2025-02-10\r\n",
                "id,organisation,region,fte,hired,leaving\r\n"
                "W1,JBWEST,ZHZ,0.8,2020-03-01,\r\n"
                "W2,JBWEST,ZHZ,1,2023-09-01,\r\n");
    assert_snapshots_equal(a, b);
    jbw_snapshot_free(a);
    jbw_snapshot_free(b);
}

static void test_last_line_without_newline_is_read(void **state)
{
    jbw_snapshot *snap;
    (void)state;
    snap = load_ok(MHEAD "M1,C1,OTS,JBWEST,ZHZ,2025-01-10\n"
                         "M2,C2,OTS,JBWEST,ZHZ,2025-01-11",
                   WORKERS);
    assert_int_equal(jbw_snapshot_measure_count(snap), 2);
    jbw_snapshot_free(snap);
}

static void test_blank_lines_are_skipped(void **state)
{
    jbw_snapshot *snap;
    jbw_rejects *rej = NULL;
    jbw_load_options opts = JBW_LOAD_OPTIONS_INIT;
    (void)state;
    opts.lenient = 1;
    /* An empty line, a line of spaces, a line of delimiters (as
     * spreadsheets write empty rows) and a trailing empty line. */
    assert_ok(load(&snap, &rej,
                   "\n" MHEAD "M1,C1,OTS,JBWEST,ZHZ,2025-01-10\n"
                   "\n"
                   "   \n"
                   ",,,,,\n"
                   "M2,C2,OTS,JBWEST,ZHZ,2025-01-11\n"
                   "\n",
                   WORKERS, &opts));
    assert_int_equal(jbw_snapshot_measure_count(snap), 2);
    assert_int_equal(jbw_rejects_count(rej), 0); /* skipped, not rejected */
    jbw_rejects_free(rej);
    jbw_snapshot_free(snap);
}

static void test_dutch_and_iso_dates_are_read(void **state)
{
    jbw_snapshot *snap;
    jbw_measure m = JBW_MEASURE_INIT;
    (void)state;
    snap = load_ok("id,child_id,kind,organisation,region,start,end,"
                   "birth_date\n"
                   "M1,C1,OTS,JBWEST,ZHZ,1-9-2025,01-10-2025,2012-05-01\n",
                   WORKERS);
    get_measure(&m, snap, "M1");
    assert_int_equal(m.start, D(2025, 9, 1));      /* 1-9-2025 */
    assert_int_equal(m.end, D(2025, 10, 1));       /* 01-10-2025 */
    assert_int_equal(m.birth_date, D(2012, 5, 1)); /* ISO */
    jbw_snapshot_free(snap);
}

/* Excel writes a date cell to CSV as the date and a time of midnight:
 * every date column reads it as the date; another time is refused. */
static void test_dates_with_a_time_of_midnight_are_read(void **state)
{
    static const char workers[] =
        "id;organisation;region;fte;hired;leaving\n"
        "W1;JBWEST;ZHZ;0,8;2020-03-01 00:00:00;1-1-2026 0:00\n";
    static const char measures[] =
        "id;child_id;kind;organisation;region;start;end;worker_id;"
        "first_assigned;waiting_since;previous_workers;birth_date;"
        "last_contact;term_end;help_requested;help_started\n"
        "M1;C1;OTS;JBWEST;ZHZ;10-9-2019 00:00:00;01-10-2025 00:00;W1;"
        "12-9-2019 0:00:00;;0;2012-05-01 0:00;;2020-09-09 00:00;"
        "\" 2019-09-20 00:00 \";2019-10-01 00:00:00\n"
        "M2;C2;OTS;JBWEST;ZHZ;2025-08-18 00:00;;;;18-8-2025 00:00;0;;"
        "25-8-2025 00:00:00;;;\n";
    jbw_snapshot *snap;
    jbw_measure m = JBW_MEASURE_INIT;
    jbw_worker w = JBW_WORKER_INIT;
    jbw_load_options opts = JBW_LOAD_OPTIONS_INIT;
    jbw_rejects *rej = NULL;
    const char *reason = NULL;
    static const char *const no_time[] = {
        "2019-09-10  00:00",   "2019-09-10 0",   "2019-09-10 00:00:00:00",
        "2019-09-10 000:00",   "2019-09-10 0:0", "2019-09-10t00:00",
        "2019-09-10 00:00:",   "x 00:00",        "2019-09-10T00:00:00.",
        "2019-09-10 00:00.000"};
    size_t line = 0, k;
    (void)state;
    snap = load_ok(measures, workers);
    get_worker(&w, snap, "W1");
    assert_int_equal(w.hired, D(2020, 3, 1));
    assert_int_equal(w.leaving, D(2026, 1, 1));
    get_measure(&m, snap, "M1");
    assert_int_equal(m.start, D(2019, 9, 10));
    assert_int_equal(m.end, D(2025, 10, 1));
    assert_int_equal(m.first_assigned, D(2019, 9, 12));
    assert_int_equal(m.birth_date, D(2012, 5, 1));
    assert_int_equal(m.term_end, D(2020, 9, 9));
    assert_int_equal(m.help_requested, D(2019, 9, 20));
    assert_int_equal(m.help_started, D(2019, 10, 1));
    get_measure(&m, snap, "M2");
    assert_int_equal(m.start, D(2025, 8, 18));
    assert_int_equal(m.waiting_since, D(2025, 8, 18));
    assert_int_equal(m.last_contact, D(2025, 8, 25));
    jbw_snapshot_free(snap);
    /* another time of day is refused, saying what to write */
    load_fails(MHEAD "M1,C1,OTS,JBWEST,ZHZ,2019-09-10 13:45\n", WORKERS, NULL,
               JBW_EPARSE);
    assert_error_contains("measures.csv line 2, column 'start': a time of day "
                          "is not allowed in a date (only the 00:00 Excel "
                          "writes after a date); write the date alone, "
                          "2019-09-10: '2019-09-10 13:45'");
    load_fails(MHEAD,
               "id,organisation,fte,hired\nW1,JBWEST,1,1-3-2020 0:00:01\n",
               NULL, JBW_EPARSE);
    assert_error_contains("workers.csv line 2, column 'hired': a time of day "
                          "is not allowed");
    /* ISO 8601's T, as a database writes it, and a fraction of a second
     * after the seconds: midnight is the date, another time is refused */
    {
        jbw_snapshot *iso =
            load_ok(MHEAD "M1,C1,OTS,JBWEST,ZHZ,2019-09-10T00:00:00\n"
                          "M2,C2,OTS,JBWEST,ZHZ,2019-09-11T00:00\n"
                          "M3,C3,OTS,JBWEST,ZHZ,2019-09-12 00:00:00.000\n"
                          "M4,C4,OTS,JBWEST,ZHZ,2019-09-13T00:00:00.0\n",
                    WORKERS);
        static const char *const ids[] = {"M1", "M2", "M3", "M4"};
        for (k = 0; k < 4; k++) {
            get_measure(&m, iso, ids[k]);
            assert_int_equal(m.start, D(2019, 9, 10 + (int)k));
        }
        jbw_snapshot_free(iso);
    }
    load_fails(MHEAD "M1,C1,OTS,JBWEST,ZHZ,2019-09-10T13:45:00\n", WORKERS,
               NULL, JBW_EPARSE);
    assert_error_contains("column 'start': a time of day is not allowed");
    load_fails(MHEAD "M1,C1,OTS,JBWEST,ZHZ,2019-09-10 00:00:00.001\n", WORKERS,
               NULL, JBW_EPARSE);
    assert_error_contains("column 'start': a time of day is not allowed");
    /* one space and H:MM or HH:MM (:SS or not) only: the rest is no
     * date; a day that does not exist is said as such */
    for (k = 0; k < sizeof no_time / sizeof no_time[0]; k++) {
        char text[160];
        snprintf(text, sizeof text, MHEAD "M1,C1,OTS,JBWEST,ZHZ,%s\n",
                 no_time[k]);
        load_fails(text, WORKERS, NULL, JBW_EPARSE);
        assert_error_contains("column 'start': not a date (expected");
    }
    load_fails(MHEAD "M1,C1,OTS,JBWEST,ZHZ,31-9-2019 00:00\n", WORKERS, NULL,
               JBW_EPARSE);
    assert_error_contains("column 'start': not a date, September 2019 has 30 "
                          "days: '31-9-2019'");
    /* lenient: the row with a time is rejected, the others kept */
    opts.lenient = 1;
    assert_ok(load(&snap, &rej,
                   MHEAD "M1,C1,OTS,JBWEST,ZHZ,2019-09-10 00:00\n"
                         "M2,C2,OTS,JBWEST,ZHZ,2019-09-10 8:30\n",
                   WORKERS, &opts));
    assert_int_equal(jbw_snapshot_measure_count(snap), 1);
    assert_int_equal(jbw_rejects_count(rej), 1);
    assert_ok(jbw_rejects_get(NULL, &line, &reason, rej, 0));
    assert_int_equal(line, 3);
    assert_non_null(strstr(reason, "a time of day is not allowed"));
    jbw_rejects_free(rej);
    jbw_snapshot_free(snap);
}

static void test_ambiguous_delimiter_is_refused(void **state)
{
    (void)state;
    load_fails(MHEAD, "id;organisation,fte;hired\n", NULL, JBW_EPARSE);
    assert_error_contains("workers.csv line 1: the header line holds both "
                          "',' and ';'");
}

/* ---- columns --------------------------------------------------------- */

static void test_columns_are_found_by_trimmed_case_blind_name(void **state)
{
    jbw_snapshot *snap;
    jbw_worker w = JBW_WORKER_INIT;
    (void)state;
    snap = load_ok(MHEAD, " Hired , FTE,ORGANISATION ,Id\n"
                          "2020-03-01,0.5,JBWEST,W7\n");
    get_worker(&w, snap, "W7");
    assert_true(w.fte == 0.5);
    assert_int_equal(w.hired, D(2020, 3, 1));
    assert_string_equal(w.organisation, "JBWEST");
    jbw_snapshot_free(snap);
    /* a no-break space (U+00A0, C2 A0) is trimmed as a space is, on
     * either side, beside spaces, quoted or not; 'Child_ID' + U+00A0 is
     * child_id */
    snap = load_ok("id;Child_ID\xC2\xA0;kind;\xC2\xA0 organisation;"
                   "\"region\xC2\xA0\xC2\xA0\";start\n"
                   "M1;C1;OTS;JBWEST;ZHZ;2025-01-10\n",
                   WORKERS);
    assert_int_equal(jbw_snapshot_measure_count(snap), 1);
    jbw_snapshot_free(snap);
}

static void test_missing_required_column_is_named(void **state)
{
    (void)state;
    load_fails("id,child_id,kind,organisation,region\n"
               "M1,C1,OTS,JBWEST,ZHZ\n",
               WORKERS, NULL, JBW_EPARSE);
    assert_error_contains("measures.csv line 1: required column 'start' is "
                          "missing");
    load_fails(MHEAD, "id,organisation,hired\n", NULL, JBW_EPARSE);
    assert_error_contains("workers.csv line 1: required column 'fte' is "
                          "missing");
}

/* worker_id is optional: without the column no measure has a worker. A
 * rule about the worker that fails then says the column is missing; with
 * the column present the same rule's error does not. */
static void test_missing_worker_id_column_is_hinted(void **state)
{
    static const char no_column[] =
        "id,child_id,kind,organisation,region,start,first_assigned\n"
        "M1,C1,OTS,JBWEST,ZHZ,2025-01-10,2025-01-13\n";
    static const char empty_worker[] =
        "id,child_id,kind,organisation,region,start,first_assigned,"
        "worker_id\n"
        "M1,C1,OTS,JBWEST,ZHZ,2025-01-10,2025-01-13,\n";
    static const char hint[] = "(the file has no 'worker_id' column, so no "
                               "measure has a worker)";
    jbw_load_options opts = JBW_LOAD_OPTIONS_INIT;
    jbw_snapshot *snap = NULL;
    jbw_rejects *rej = NULL;
    const char *reason = NULL;
    (void)state;
    load_fails(no_column, WORKERS, NULL, JBW_EINVAL);
    assert_error_contains("measures.csv line 2, column 'previous_workers': "
                          "first_assigned is set and "
                          "there is no worker now");
    assert_error_contains(hint);
    load_fails(empty_worker, WORKERS, NULL, JBW_EINVAL);
    assert_error_contains("there is no worker now");
    assert_null(strstr(jbw_last_error(), "'worker_id' column"));
    /* lenient: the rejected row's reason carries the hint too */
    opts.lenient = 1;
    assert_ok(load(&snap, &rej, no_column, WORKERS, &opts));
    assert_int_equal(jbw_snapshot_measure_count(snap), 0);
    assert_int_equal(jbw_rejects_count(rej), 1);
    assert_ok(jbw_rejects_get(NULL, NULL, &reason, rej, 0));
    assert_non_null(strstr(reason, hint));
    jbw_rejects_free(rej);
    jbw_snapshot_free(snap);
}

static void test_unknown_column_is_error_unless_allowed(void **state)
{
    jbw_load_options opts = JBW_LOAD_OPTIONS_INIT;
    jbw_snapshot *snap = NULL;
    const char *m = "id,child_id,kind,organisation,region,start,note\n"
                    "M1,C1,OTS,JBWEST,ZHZ,2025-01-10,\"anything, really\"\n";
    (void)state;
    load_fails(m, WORKERS, NULL, JBW_EPARSE);
    assert_error_contains("measures.csv line 1: unknown column 'note' "
                          "(known: id, child_id, family_id");
    /* renamed columns (a Dutch header): the required ones missing are
     * said with every unknown one, and the known columns the header
     * lacks, since allowing unknown columns would not mend it */
    load_fails("Maatregel_ID;Kind_ID;kind;organisation;region;Begindatum;"
               "Einddatum\n"
               "M1;C1;OTS;JBWEST;ZHZ;2025-01-10;\n",
               WORKERS, NULL, JBW_EPARSE);
    assert_string_equal(
        jbw_last_error(),
        "measures.csv line 1: required columns 'id', 'child_id' and 'start' "
        "are missing, and the header has unknown columns 'Maatregel_ID', "
        "'Kind_ID', 'Begindatum' and 'Einddatum': rename the ones that hold "
        "them (known, not in the header: id, child_id, family_id, start, "
        "end, worker_id, first_assigned, waiting_since, previous_workers, "
        "safety, placement, birth_date, last_contact, jr_risk, safety_plan, "
        "other_help, domestic_violence, term_end, override_band, "
        "override_reason, help_requested, help_started)");
    load_fails(MHEAD, "id,organisatie,fte,hired\n", NULL, JBW_EPARSE);
    assert_string_equal(jbw_last_error(),
                        "workers.csv line 1: required column 'organisation' "
                        "is missing, and the header has unknown column "
                        "'organisatie': rename the ones that hold them "
                        "(known, not in the header: organisation, region, "
                        "leaving)");
    opts.allow_unknown_columns = 1;
    assert_ok(load(&snap, NULL, m, WORKERS, &opts));
    assert_int_equal(jbw_snapshot_measure_count(snap), 1);
    jbw_snapshot_free(snap);
    snap = NULL;
    /* a tab-separated file is one column named by the whole header: said
     * as such, allowed unknown columns or not */
    load_fails("id\tchild_id\tkind\torganisation\tregion\tstart\n"
               "M1\tC1\tOTS\tJBWEST\tZHZ\t2025-01-10\n",
               WORKERS, NULL, JBW_EPARSE);
    assert_error_contains("measures.csv line 1: the header holds tabs: a "
                          "tab-separated file is not read; save it as CSV");
    assert_int_equal(load(&snap, NULL,
                          "id\tchild_id\tkind\torganisation\tregion\t"
                          "start\nM1\tC1\tOTS\tJBWEST\tZHZ\t2025-01-10\n",
                          WORKERS, &opts),
                     JBW_EPARSE);
    assert_null(snap);
}

static void test_duplicate_column_is_error(void **state)
{
    (void)state;
    load_fails(MHEAD, "id,organisation,fte,hired,FTE\n", NULL, JBW_EPARSE);
    assert_string_equal(jbw_last_error(),
                        "workers.csv line 1: column 'FTE' occurs twice "
                        "(fields 3 and 5)");
    /* 'Kind' (Dutch for child) beside kind: the required column missing
     * is named, since one of the two may be meant as it */
    load_fails("id;Kind;kind;organisation;region;start\n"
               "M1;C1;OTS;JBWEST;ZHZ;2025-01-10\n",
               WORKERS, NULL, JBW_EPARSE);
    assert_string_equal(jbw_last_error(),
                        "measures.csv line 1: column 'kind' occurs twice "
                        "(fields 2 and 3); required column 'child_id' is "
                        "missing: is one of the two meant as that column?");
    load_fails(MHEAD, "id,organisation,FTE,fte\n", NULL, JBW_EPARSE);
    assert_string_equal(jbw_last_error(),
                        "workers.csv line 1: column 'fte' occurs twice "
                        "(fields 3 and 4); required column 'hired' is "
                        "missing: is one of the two meant as that column?");
    load_fails("id,start,kind,organisation,region,Start\n", WORKERS, NULL,
               JBW_EPARSE);
    assert_string_equal(jbw_last_error(),
                        "measures.csv line 1: column 'Start' occurs twice "
                        "(fields 2 and 6); required column 'child_id' is "
                        "missing: is one of the two meant as that column?");
    load_fails("ID,Id,kind,organisation,region\n", WORKERS, NULL, JBW_EPARSE);
    assert_string_equal(jbw_last_error(),
                        "measures.csv line 1: column 'Id' occurs twice "
                        "(fields 1 and 2); required columns 'child_id' and "
                        "'start' are missing: is one of the two meant as one "
                        "of those columns?");
}

static void test_header_field_without_name_is_error(void **state)
{
    (void)state;
    load_fails(MHEAD, "id,organisation,,fte,hired\n", NULL, JBW_EPARSE);
    assert_error_contains("workers.csv line 1: field 3 of the header has no "
                          "column name");
    load_fails(MHEAD, "id,organisation,fte,hired,,\"\",region\n", NULL,
               JBW_EPARSE);
    assert_error_contains("workers.csv line 1: field 5 of the header has no "
                          "column name");
}

/* MHEAD_V2 and one field without a name. */
#define MHEAD_V2_NAMELESS                                                      \
    "id,child_id,kind,organisation,region,start,safety_plan,override_band,"    \
    "override_reason,\n"

/* Excel writes fields without a name after the last column when cells to
 * the right were touched: no column, as long as the rows leave them
 * empty. */
static void
test_nameless_fields_after_the_header_are_empty_columns(void **state)
{
    static const char workers[] =
        "id;organisation;region;fte;hired;leaving;;;\n"
        "W1;JBWEST;ZHZ;0,8;1-3-2020;;;;\n"
        "W2;JBWEST;ZHZ;1;1-9-2023;;; \"\" ;\n";
    static const char measures[] =
        MHEAD_V2_NAMELESS "M1,C1,OTS,JBWEST,ZHZ,2025-01-10,,,,\n"
                          "M2,C2,OTS,JBWEST,ZHZ,2025-01-10,,,,x\n"
                          "M3,C3,OTS,JBWEST,ZHZ,2025-01-10,,,,\n";
    jbw_load_options opts = JBW_LOAD_OPTIONS_INIT;
    jbw_snapshot *snap;
    jbw_rejects *rej = NULL;
    const char *file = NULL, *reason = NULL;
    size_t line = 0;
    (void)state;
    snap = load_ok(MHEAD_V2_NAMELESS "M1,C1,OTS,JBWEST,ZHZ,2025-01-10,,,,\n",
                   workers);
    assert_int_equal(jbw_snapshot_worker_count(snap), 2);
    assert_int_equal(jbw_snapshot_measure_count(snap), 1);
    jbw_snapshot_free(snap);
    /* a value there is refused, naming the field: line 3, field 10 */
    load_fails(measures, workers, NULL, JBW_EPARSE);
    assert_error_contains("measures.csv line 3: field 10 has a value but the "
                          "header gives it no column name: 'x'");
    load_fails(MHEAD,
               "id,organisation,fte,hired,,\nW1,JBWEST,1,2020-03-01,,0\n", NULL,
               JBW_EPARSE);
    assert_error_contains("workers.csv line 2: field 6 has a value but the "
                          "header gives it no column name: '0'");
    /* lenient: that row is rejected, the others kept */
    opts.lenient = 1;
    assert_ok(load(&snap, &rej, measures, workers, &opts));
    assert_int_equal(jbw_snapshot_measure_count(snap), 2);
    assert_int_equal(jbw_rejects_count(rej), 1);
    assert_ok(jbw_rejects_get(&file, &line, &reason, rej, 0));
    assert_string_equal(file, "measures.csv");
    assert_int_equal(line, 3);
    assert_non_null(strstr(reason, "field 10 has a value but the header "
                                   "gives it no column name"));
    jbw_rejects_free(rej);
    jbw_snapshot_free(snap);
    rej = NULL;
    /* unknown columns allowed: nameless ones are read and ignored, as
     * before */
    opts.lenient = 0;
    opts.allow_unknown_columns = 1;
    assert_ok(load(&snap, &rej, measures, workers, &opts));
    assert_int_equal(jbw_snapshot_measure_count(snap), 3);
    jbw_rejects_free(rej);
    jbw_snapshot_free(snap);
}

static void test_field_count_mismatch_names_line(void **state)
{
    (void)state;
    load_fails(MHEAD "M1,C1,OTS,JBWEST,ZHZ,2025-01-10\n"
                     "M2,C2,OTS,JBWEST,ZHZ\n",
               WORKERS, NULL, JBW_EPARSE);
    assert_error_contains("measures.csv line 3: 5 fields where the header "
                          "has 6");
}

/* ---- values ---------------------------------------------------------- */

static void test_bad_date_detail_names_file_line_column_value(void **state)
{
    (void)state;
    load_fails(MHEAD "M1,C1,OTS,JBWEST,ZHZ,2025-01-10\n"
                     "M2,C2,OTS,JBWEST,ZHZ,31-02-2025\n",
               WORKERS, NULL, JBW_EPARSE);
    /* Row 2 is on line 3; 31 February does not exist. */
    assert_error_contains("measures.csv line 3, column 'start': not a date, "
                          "February 2025 has 28 days: '31-02-2025'");
}

static void test_date_out_of_range_is_erange(void **state)
{
    (void)state;
    load_fails(MHEAD "M1,C1,OTS,JBWEST,ZHZ,2300-01-01\n", WORKERS, NULL,
               JBW_ERANGE);
    assert_error_contains("measures.csv line 2, column 'start': year 2300 is "
                          "outside the supported 1900..2199: '2300-01-01'");
}

static void test_empty_required_value_is_named(void **state)
{
    (void)state;
    load_fails(MHEAD "M1,C1,OTS,JBWEST,ZHZ,\n", WORKERS, NULL, JBW_EPARSE);
    assert_error_contains("measures.csv line 2, column 'start': a date is "
                          "required");
    load_fails(MHEAD "M1,C1,,JBWEST,ZHZ,2025-01-10\n", WORKERS, NULL,
               JBW_EPARSE);
    assert_error_contains("measures.csv line 2, column 'kind': a measure "
                          "kind is required");
    load_fails(MHEAD, "id,organisation,fte,hired\nW1,JBWEST,,2020-01-01\n",
               NULL, JBW_EPARSE);
    assert_error_contains("workers.csv line 2, column 'fte': a number is "
                          "required");
}

static void test_bad_codes_and_numbers_are_named(void **state)
{
    (void)state;
    load_fails(MHEAD "M1,C1,OTZ,JBWEST,ZHZ,2025-01-10\n", WORKERS, NULL,
               JBW_EPARSE);
    /* Each field refusal: where, why, then the value it refused. */
    assert_error_contains("measures.csv line 2, column 'kind': not a measure "
                          "kind (OTS, VOTS,");
    assert_reason_before_value("not a measure kind", "OTZ");
    load_fails("id,child_id,kind,organisation,region,start,safety\n"
               "M1,C1,OTS,JBWEST,ZHZ,2025-01-10,danger\n",
               WORKERS, NULL, JBW_EPARSE);
    assert_reason_before_value("column 'safety': not a safety code (unknown, "
                               "safe, concerns, unsafe, acute)",
                               "danger");
    load_fails("id,child_id,kind,organisation,region,start,previous_workers\n"
               "M1,C1,OTS,JBWEST,ZHZ,2025-01-10,1.5\n",
               WORKERS, NULL, JBW_EPARSE);
    assert_reason_before_value("column 'previous_workers': not a whole number",
                               "1.5");
    load_fails("id,child_id,kind,organisation,region,start,previous_workers\n"
               "M1,C1,OTS,JBWEST,ZHZ,2025-01-10,2000000\n",
               WORKERS, NULL, JBW_ERANGE);
    assert_reason_before_value("column 'previous_workers': out of range "
                               "-1000000..1000000",
                               "2000000");
    /* a whole number too large for any integer type is out of range too,
     * not "not a whole number" */
    load_fails("id,child_id,kind,organisation,region,start,previous_workers\n"
               "M1,C1,OTS,JBWEST,ZHZ,2025-01-10,99999999999999999999\n",
               WORKERS, NULL, JBW_ERANGE);
    assert_reason_before_value("column 'previous_workers': out of range "
                               "-1000000..1000000",
                               "99999999999999999999");
    /* ... but a long text of zeros before a small number is that number:
     * 32 zeros and 2 are 2 */
    {
        jbw_snapshot *snap =
            load_ok("id,child_id,kind,organisation,region,start,"
                    "previous_workers,waiting_since\n"
                    "M1,C1,OTS,JBWEST,ZHZ,2025-01-10,"
                    "000000000000000000000000000000002,2025-02-01\n",
                    WORKERS);
        jbw_measure m = JBW_MEASURE_INIT;
        get_measure(&m, snap, "M1");
        assert_int_equal(m.previous_workers, 2);
        jbw_snapshot_free(snap);
    }
    load_fails(MHEAD, "id,organisation,fte,hired\nW1,JBWEST,nan,2020-01-01\n",
               NULL, JBW_EPARSE);
    assert_reason_before_value("workers.csv line 2, column 'fte': not a number",
                               "nan");
}

static void test_snapshot_refusal_is_prefixed_with_file_and_line(void **state)
{
    static const char no_w9[] =
        "id,child_id,kind,organisation,region,start,worker_id\n"
        "M1,C1,OTS,JBWEST,ZHZ,2025-01-10,W9\n";
    jbw_load_options o = JBW_LOAD_OPTIONS_INIT;
    jbw_snapshot *snap = NULL;
    jbw_rejects *rej = NULL;
    const char *reason = NULL;
    (void)state;
    /* W9 is no worker: the snapshot refuses, the loader adds where, and
     * no advice on adding workers first (workers.csv is read first) */
    load_fails(no_w9, WORKERS, NULL, JBW_ENOTFOUND);
    assert_string_equal(jbw_last_error(),
                        "measures.csv line 2, column 'worker_id': worker 'W9' "
                        "is not among the workers (measure 'M1')");
    /* a lenient load gives the same reason for the row */
    o.lenient = 1;
    assert_ok(load(&snap, &rej, no_w9, WORKERS, &o));
    assert_int_equal(jbw_rejects_count(rej), 1);
    assert_ok(jbw_rejects_get(NULL, NULL, &reason, rej, 0));
    assert_string_equal(reason, "measures.csv line 2, column 'worker_id': "
                                "worker 'W9' is not among the workers "
                                "(measure 'M1')");
    jbw_rejects_free(rej);
    jbw_snapshot_free(snap);
    /* fte 1.5 is above the 1.2 the snapshot allows. */
    load_fails(MHEAD, "id,organisation,fte,hired\nW1,JBWEST,1.5,2020-01-01\n",
               NULL, JBW_ERANGE);
    assert_error_contains("workers.csv line 2, column 'fte': ");
}

/*
 * Registry keys are case-sensitive: a row naming 'jbwest' or 'zhz' (the
 * Zuid-West registry holds JBWEST and ZHZ) is refused with the key it
 * differs from in case only, as jbw_snapshot_counts_get() names it; a key
 * like none is refused without a hint.
 */
/*
 * A record the snapshot refuses names the column its rule is about, as a
 * value the reader refuses does: the measure's end before its start
 * (end), a first worker before the start (first_assigned), a worker of
 * another organisation (worker_id); a worker leaving before being hired
 * (leaving), an fte out of range (fte).
 */
static void test_refused_records_name_their_column(void **state)
{
    static const struct {
        const char *measures, *workers, *want;
    } cases[] = {
        {"id,child_id,kind,organisation,region,start,end\n"
         "M1,C1,OTS,JBWEST,ZHZ,2025-03-01,2025-02-01\n",
         WORKERS,
         "measures.csv line 2, column 'end': end 2025-02-01 is not "
         "after start 2025-03-01 (measure 'M1')"},
        {"id,child_id,kind,organisation,region,start,worker_id,"
         "first_assigned\n"
         "M1,C1,OTS,JBWEST,ZHZ,2025-03-01,W1,2025-02-01\n",
         WORKERS,
         "measures.csv line 2, column 'first_assigned': "
         "first_assigned 2025-02-01 is before start 2025-03-01"},
        {"id,child_id,kind,organisation,region,start,worker_id\n"
         "M1,C1,OTS,WSS,ZHZ,2025-03-01,W1\n",
         WORKERS,
         "measures.csv line 2, column 'worker_id': worker 'W1' "
         "belongs to organisation 'JBWEST', not 'WSS'"},
        {MHEAD,
         "id,organisation,region,fte,hired,leaving\n"
         "W1,JBWEST,ZHZ,1,2020-03-01,2020-02-01\n",
         "workers.csv line 2, column 'leaving': leaving 2020-02-01 is not "
         "after hired 2020-03-01 (worker 'W1')"},
        {MHEAD,
         "id,organisation,region,fte,hired\n"
         "W1,JBWEST,ZHZ,8,2020-03-01\n",
         "workers.csv line 2, column 'fte': fte 8 is outside 0 < fte <= "
         "1.2 (worker 'W1')"},
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        load_fails(cases[i].measures, cases[i].workers, NULL,
                   strstr(cases[i].want, "fte 8") ? JBW_ERANGE : JBW_EINVAL);
        assert_error_contains(cases[i].want);
    }
}

static void test_registry_key_in_other_case_is_named(void **state)
{
    (void)state;
    load_fails(MHEAD "A20,C1,OTS,jbwest,ZHZ,2025-01-10\n", WORKERS, NULL,
               JBW_ENOTFOUND);
    assert_string_equal(jbw_last_error(),
                        "measures.csv line 2, column 'organisation': "
                        "organisation 'jbwest' is not in "
                        "the registry (measure 'A20'); keys are "
                        "case-sensitive: did you mean 'JBWEST'?");
    load_fails(MHEAD "A20,C1,OTS,JBWEST,zhz,2025-01-10\n", WORKERS, NULL,
               JBW_ENOTFOUND);
    assert_string_equal(jbw_last_error(),
                        "measures.csv line 2, column 'region': region 'zhz' "
                        "is not in the "
                        "registry (measure 'A20'); keys are case-sensitive: "
                        "did you mean 'ZHZ'?");
    load_fails(MHEAD,
               "id,organisation,region,fte,hired\n"
               "W1,JbWest,ZHZ,1,2020-01-01\n",
               NULL, JBW_ENOTFOUND);
    assert_string_equal(jbw_last_error(),
                        "workers.csv line 2, column 'organisation': "
                        "organisation 'JbWest' is not in "
                        "the registry (worker 'W1'); keys are case-sensitive: "
                        "did you mean 'JBWEST'?");
    load_fails(MHEAD,
               "id,organisation,region,fte,hired\n"
               "W1,JBWEST,Zhz,1,2020-01-01\n",
               NULL, JBW_ENOTFOUND);
    assert_string_equal(jbw_last_error(),
                        "workers.csv line 2, column 'region': region 'Zhz' "
                        "is not in the "
                        "registry (worker 'W1'); keys are case-sensitive: "
                        "did you mean 'ZHZ'?");
    load_fails(MHEAD "A20,C1,OTS,JBWESTX,ZHZ,2025-01-10\n", WORKERS, NULL,
               JBW_ENOTFOUND);
    assert_string_equal(jbw_last_error(),
                        "measures.csv line 2, column 'organisation': "
                        "organisation 'JBWESTX' is not "
                        "in the registry (measure 'A20')");
}

/*
 * An export may write an organisation's or region's name where its key
 * belongs: the Zuid-West registry names JBWEST "Jeugdbescherming west",
 * HGL "Haaglanden" and ZHZ "Zuid-Holland Zuid". The row is still refused
 * (no silent mapping), and the error names the key of the entry whose
 * name the value is, in any ASCII case and with spaces around it; a
 * value that is no name gets no hint.
 */
static void test_registry_name_given_for_a_key_names_the_key(void **state)
{
    (void)state;
    load_fails(MHEAD "A20,C1,OTS,Jeugdbescherming west,ZHZ,2025-01-10\n",
               WORKERS, NULL, JBW_ENOTFOUND);
    assert_string_equal(jbw_last_error(),
                        "measures.csv line 2, column 'organisation': "
                        "organisation 'Jeugdbescherming "
                        "west' is not in the registry (measure 'A20'); did "
                        "you mean 'JBWEST', the key of Jeugdbescherming "
                        "west?");
    load_fails(MHEAD "A20,C1,OTS,JBWEST,\" haaglanden \",2025-01-10\n", WORKERS,
               NULL, JBW_ENOTFOUND);
    assert_error_contains("(measure 'A20'); did you mean 'HGL', the key of "
                          "Haaglanden?");
    load_fails(MHEAD,
               "id,organisation,region,fte,hired\n"
               "W1,JBWEST,Zuid-Holland Zuid,1,2020-01-01\n",
               NULL, JBW_ENOTFOUND);
    assert_string_equal(jbw_last_error(),
                        "workers.csv line 2, column 'region': region "
                        "'Zuid-Holland Zuid' is "
                        "not in the registry (worker 'W1'); did you mean "
                        "'ZHZ', the key of Zuid-Holland Zuid?");
    load_fails(MHEAD "A20,C1,OTS,JBWEST,Zuid-Holland,2025-01-10\n", WORKERS,
               NULL, JBW_ENOTFOUND);
    assert_string_equal(jbw_last_error(),
                        "measures.csv line 2, column 'region': region "
                        "'Zuid-Holland' is not "
                        "in the registry (measure 'A20')");
}

/* ---- malformed text -------------------------------------------------- */

static void test_empty_input_is_parse_error(void **state)
{
    (void)state;
    load_fails("", WORKERS, NULL, JBW_EPARSE);
    assert_error_contains("measures.csv is empty: no header line");
    load_fails(MHEAD, "\xEF\xBB\xBF\r\n\n", NULL, JBW_EPARSE);
    assert_error_contains("workers.csv is empty: no header line");
}

/*
 * A lenient load that rejects every row finds no date to infer the
 * reference date from (every row with a start or a hired was rejected:
 * here the dates are written 2025/01/10, a form no export gives): the
 * error says that the rows were rejected, how many (2 workers, 1
 * measure: 3) and the first reason, not only that the files hold no
 * date, which a given reference date would not mend.
 */
static void test_lenient_load_rejecting_every_dated_row_says_so(void **state)
{
    jbw_load_options opts = JBW_LOAD_OPTIONS_INIT;
    jbw_snapshot *snap = SENTINEL_SNAP;
    jbw_rejects *rej = SENTINEL_REJ;
    (void)state;
    opts.lenient = 1;
    assert_status(load(&snap, &rej, MHEAD "M1,C1,OTS,JBWEST,ZHZ,2025/01/10\n",
                       "id,organisation,fte,hired\n"
                       "W1,JBWEST,1,2020/03/01\n"
                       "W2,JBWEST,1,2020/03/02\n",
                       &opts),
                  JBW_EINVAL);
    assert_ptr_equal(snap, SENTINEL_SNAP);
    assert_ptr_equal(rej, SENTINEL_REJ);
    assert_error_contains("measures.csv, workers.csv: no dates to infer the "
                          "reference date from: every row was rejected (3 "
                          "rows; the first: workers.csv line 2, column "
                          "'hired': ");
    assert_error_contains("'2020/03/01')");
    /* strict, or lenient with nothing rejected: as before */
    load_fails(MHEAD, "id,organisation,fte,hired\n", &opts, JBW_EINVAL);
    assert_error_contains("no dates to infer the reference date from; set "
                          "reference_date in the load options");
}

static void test_header_only_gives_empty_snapshot(void **state)
{
    jbw_load_options opts = JBW_LOAD_OPTIONS_INIT;
    jbw_snapshot *snap = NULL;
    (void)state;
    /* No dates anywhere: the reference date cannot be inferred. */
    load_fails(MHEAD, "id,organisation,fte,hired\n", NULL, JBW_EINVAL);
    assert_error_contains("no dates to infer the reference date from");
    opts.reference_date = D(2025, 9, 1);
    assert_ok(load(&snap, NULL, MHEAD, "id,organisation,fte,hired\n", &opts));
    assert_int_equal(jbw_snapshot_measure_count(snap), 0);
    assert_int_equal(jbw_snapshot_worker_count(snap), 0);
    assert_int_equal(jbw_snapshot_reference_date(snap), D(2025, 9, 1));
    jbw_snapshot_free(snap);
}

static void test_unterminated_quote_names_its_starting_line(void **state)
{
    jbw_load_options opts = JBW_LOAD_OPTIONS_INIT;
    (void)state;
    load_fails("id,child_id,family_id,kind,organisation,region,start\n"
               "M1,C1,,OTS,JBWEST,ZHZ,2025-01-10\n"
               "M2,C2,\"open,OTS,JBWEST,ZHZ,2025-01-10\n"
               "M3,C3,,OTS,JBWEST,ZHZ,2025-01-10\n",
               WORKERS, NULL, JBW_EPARSE);
    assert_error_contains("measures.csv line 3: the quoted field "
                          "'family_id' that starts here never ends");
    /* It swallows the rest of the file: fatal in lenient mode too. */
    opts.lenient = 1;
    load_fails(MHEAD "M2,\"C2,OTS,JBWEST,ZHZ,2025-01-10\n", WORKERS, &opts,
               JBW_EPARSE);
    assert_error_contains("measures.csv line 2: the quoted field");
}

static void test_stray_quotes_are_refused(void **state)
{
    (void)state;
    load_fails(MHEAD "M1,C\"1,OTS,JBWEST,ZHZ,2025-01-10\n", WORKERS, NULL,
               JBW_EPARSE);
    assert_error_contains("measures.csv line 2, column 'child_id': a quote "
                          "inside an unquoted field");
    load_fails(MHEAD "M1,\"C1\"x,OTS,JBWEST,ZHZ,2025-01-10\n", WORKERS, NULL,
               JBW_EPARSE);
    assert_error_contains("measures.csv line 2, column 'child_id': text "
                          "after the closing quote: 'x,OTS");
}

static void test_lone_carriage_return_is_refused(void **state)
{
    (void)state;
    load_fails(MHEAD "M1,C1,OTS,JBWEST,ZHZ,2025-01-10\rM2", WORKERS, NULL,
               JBW_EPARSE);
    assert_error_contains("measures.csv line 2: a carriage return without a "
                          "line feed");
    /* A file with CR line ends, a ';' file whose rows hold a decimal
     * comma: the header line ends at its CR, so it is the CR that is
     * refused, not a delimiter made ambiguous by the rows' ','. */
    load_fails(MHEAD, "id;organisation;fte;hired\rW1;JBWEST;0,8;1-3-2020\r",
               NULL, JBW_EPARSE);
    assert_error_contains("workers.csv line 1: a carriage return without a "
                          "line feed");
}

static void test_nul_byte_is_refused(void **state)
{
    static const char m[] = MHEAD "M1,C\0001,OTS,JBWEST,ZHZ,2025-01-10\n";
    jbw_registry *reg = zuid_west();
    jbw_snapshot *snap = SENTINEL_SNAP;
    (void)state;
    assert_status(jbw_snapshot_load_csv_buffers(&snap, NULL, reg, m,
                                                sizeof m - 1, NULL, WORKERS,
                                                strlen(WORKERS), NULL, NULL),
                  JBW_EPARSE);
    assert_ptr_equal(snap, SENTINEL_SNAP);
    /* as the file reader refuses it: "M1,C" is 4 bytes, the NUL the 5th */
    assert_error_contains("measures.csv line 2, byte 5 of the line: NUL byte");
    jbw_registry_free(reg);
}

static void test_utf16_is_refused_with_advice(void **state)
{
    static const char m[] = "\xFF\xFEi\0d\0";
    jbw_registry *reg = zuid_west();
    jbw_snapshot *snap = SENTINEL_SNAP;
    (void)state;
    assert_status(jbw_snapshot_load_csv_buffers(&snap, NULL, reg, m,
                                                sizeof m - 1, NULL, WORKERS,
                                                strlen(WORKERS), NULL, NULL),
                  JBW_EPARSE);
    assert_error_contains("measures.csv is UTF-16");
    assert_error_contains("save it as UTF-8");
    jbw_registry_free(reg);
}

static void test_invalid_utf8_names_line_and_column(void **state)
{
    (void)state;
    /* "Jos\xE9" is Latin-1 for José: 0xE9 needs two continuation bytes. */
    load_fails("id,child_id,family_id,kind,organisation,region,start\n"
               "M1,C1,F1,OTS,JBWEST,ZHZ,2025-01-10\n"
               "M2,C2,Jos\xE9,OTS,JBWEST,ZHZ,2025-01-10\n",
               WORKERS, NULL, JBW_EPARSE);
    assert_error_contains("measures.csv line 3, column 'family_id': invalid "
                          "UTF-8 (byte 0xE9 at byte 4 of the field");
    /* Overlong encoding of '/' and an encoded surrogate are refused too. */
    load_fails(MHEAD "M1,C\xC0\xAF,OTS,JBWEST,ZHZ,2025-01-10\n", WORKERS, NULL,
               JBW_EPARSE);
    assert_error_contains("invalid UTF-8 (byte 0xC0 at byte 2");
    load_fails(MHEAD "M1,\"C\xED\xA0\x80\",OTS,JBWEST,ZHZ,2025-01-10\n",
               WORKERS, NULL, JBW_EPARSE);
    assert_error_contains("invalid UTF-8 (byte 0xED at byte 2");
}

static void test_valid_utf8_is_kept(void **state)
{
    jbw_snapshot *snap;
    jbw_measure m = JBW_MEASURE_INIT;
    (void)state;
    /* é (2 bytes), € (3 bytes), 😀 (4 bytes) */
    snap = load_ok("id,child_id,family_id,kind,organisation,region,start\n"
                   "M1,C1,Jos\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80,OTS,"
                   "JBWEST,ZHZ,2025-01-10\n",
                   WORKERS);
    get_measure(&m, snap, "M1");
    assert_string_equal(m.family_id,
                        "Jos\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80");
    jbw_snapshot_free(snap);
}

static void test_huge_field_is_cut_in_the_message(void **state)
{
    size_t big = 1000000, head = strlen(MHEAD "M1,C1,");
    char *m = malloc(head + big + 64);
    const char *detail;
    jbw_load_options opts = JBW_LOAD_OPTIONS_INIT;
    (void)state;
    assert_non_null(m);
    strcpy(m, MHEAD "M1,C1,");
    memset(m + head, 'X', big);
    strcpy(m + head + big, ",JBWEST,ZHZ,2025-01-10\n");
    /* The line limit (64 KiB by default) stops it first. */
    load_fails(m, WORKERS, NULL, JBW_ERANGE);
    assert_error_contains("measures.csv line 2 is longer than 65536 bytes");
    opts.max_line_bytes = SIZE_MAX;
    load_fails(m, WORKERS, &opts, JBW_EPARSE);
    detail = jbw_last_error();
    assert_error_contains("measures.csv line 2, column 'kind': not a measure "
                          "kind (");
    assert_error_contains(": 'XXXX");
    assert_error_contains("X\xE2\x80\xA6'"); /* cut with U+2026, at the end */
    assert_true(strlen(detail) < 400);       /* the value is cut, not copied */
    free(m);
}

/* ---- strict and lenient ---------------------------------------------- */

static const char FIVE[] =
    "id,child_id,kind,organisation,region,start,worker_id\n"
    "M1,C1,OTS,JBWEST,ZHZ,2025-01-10,W1\n"
    "M2,C2,OTS,JBWEST,ZHZ,2025-02-10,\n"
    "M3,C3,OTS,JBWEST,ZHZ,2025-03-10,W9\n"
    "M4,C4,OTS,JBWEST,ZHZ,2025-04-10,W2\n"
    "M5,C5,OTS,JBWEST,ZHZ,2025-05-10,\n";

static void test_strict_load_is_all_or_nothing(void **state)
{
    (void)state;
    /* Rows 1-2 are added before row 3 (line 4) fails on its unknown
     * worker: the half-built snapshot must vanish. */
    load_fails(FIVE, WORKERS, NULL, JBW_ENOTFOUND);
    assert_error_contains("measures.csv line 4, column 'worker_id': ");
}

static void test_lenient_load_keeps_good_rows_and_lists_the_rest(void **state)
{
    jbw_load_options opts = JBW_LOAD_OPTIONS_INIT;
    jbw_snapshot *snap = NULL;
    jbw_rejects *rej = NULL;
    const char *file = NULL, *reason = NULL;
    size_t line = 0, index;
    (void)state;
    opts.lenient = 1;
    /* W2's fte 2 is above 1.2: the snapshot refuses it, and M4 (line 5),
     * which names W2, goes with it. M3 (line 4) has no valid start. */
    assert_ok(load(&snap, &rej,
                   "id,child_id,kind,organisation,region,start,worker_id\n"
                   "M1,C1,OTS,JBWEST,ZHZ,2025-01-10,W1\n"
                   "M2,C2,OTS,JBWEST,ZHZ,2025-02-10,\n"
                   "M3,C3,OTS,JBWEST,ZHZ,2025-13-10,\n"
                   "M4,C4,OTS,JBWEST,ZHZ,2025-04-10,W2\n"
                   "M5,C5,OTS,JBWEST,ZHZ,2025-05-10,\n",
                   "id,organisation,fte,hired\n"
                   "W1,JBWEST,1,2020-03-01\n"
                   "W2,JBWEST,2,2020-03-01\n",
                   &opts));
    assert_int_equal(jbw_snapshot_measure_count(snap), 3); /* M1, M2, M5 */
    assert_int_equal(jbw_snapshot_worker_count(snap), 1);  /* W1 */
    assert_ok(jbw_snapshot_find_measure(&index, snap, "M5"));
    assert_int_equal(index, 2);
    assert_int_equal(jbw_rejects_count(rej), 3);

    assert_ok(jbw_rejects_get(&file, &line, &reason, rej, 0));
    assert_string_equal(file, "workers.csv");
    assert_int_equal(line, 3);
    assert_true(strncmp(reason, "workers.csv line 3, column 'fte': ", 34) == 0);
    assert_non_null(strstr(reason, "fte")); /* the snapshot's reason */

    assert_ok(jbw_rejects_get(&file, &line, &reason, rej, 1));
    assert_string_equal(file, "measures.csv");
    assert_int_equal(line, 4);
    assert_non_null(strstr(reason, "measures.csv line 4, column 'start': not a "
                                   "date, month 13 does not exist: "
                                   "'2025-13-10'"));

    assert_ok(jbw_rejects_get(&file, &line, &reason, rej, 2));
    assert_string_equal(file, "measures.csv");
    assert_int_equal(line, 5);
    assert_string_equal(reason, "measures.csv line 5, column 'worker_id': "
                                "worker 'W2' was rejected (workers.csv line "
                                "3)");

    /* Any output may be NULL; an index past the end is a range error. */
    assert_ok(jbw_rejects_get(NULL, NULL, NULL, rej, 2));
    assert_status(jbw_rejects_get(&file, &line, &reason, rej, 3), JBW_ERANGE);
    assert_status(jbw_rejects_get(&file, &line, &reason, NULL, 0), JBW_EINVAL);
    jbw_rejects_free(rej);
    jbw_snapshot_free(snap);
}

/*
 * A duplicate id names the line where the id was first taken, strict and
 * lenient, for workers and measures. M1's first record has a quoted
 * override reason over two lines (2 and 3), so the next record is on
 * line 4 and the second M1 on line 6: lines count as the file's, not as
 * records.
 */
static void test_duplicate_id_names_its_first_line(void **state)
{
    static const char measures[] =
        "id,child_id,kind,organisation,region,start,override_band,"
        "override_reason\n"
        "M1,C1,OTS,JBWEST,ZHZ,2025-01-10,hoog,\"a reason\n"
        "over two lines\"\n"
        "M2,C2,OTS,JBWEST,ZHZ,2025-02-10,,\n"
        "M3,C3,OTS,JBWEST,ZHZ,2025-03-10,,\n"
        "M1,C4,OTS,JBWEST,ZHZ,2025-04-10,,\n";
    static const char workers[] = "id,organisation,fte,hired\n"
                                  "W1,JBWEST,1,2020-03-01\n"
                                  "W2,JBWEST,1,2020-03-01\n"
                                  "W1,JBWEST,0.5,2021-03-01\n";
    jbw_load_options opts = JBW_LOAD_OPTIONS_INIT;
    jbw_snapshot *snap = NULL;
    jbw_rejects *rej = NULL;
    const char *file = NULL, *reason = NULL;
    size_t line = 0;
    (void)state;
    load_fails(measures, WORKERS, NULL, JBW_EDUPLICATE);
    assert_error_contains(
        "measures.csv line 6, column 'id': id is already used (measure "
        "'M1'), first on line 2");
    load_fails(MHEAD, workers, NULL, JBW_EDUPLICATE);
    assert_error_contains(
        "workers.csv line 4, column 'id': id is already used (worker "
        "'W1'), first on line 2");
    opts.lenient = 1;
    assert_ok(load(&snap, &rej, measures, workers, &opts));
    assert_int_equal(jbw_snapshot_measure_count(snap), 3);
    assert_int_equal(jbw_snapshot_worker_count(snap), 2);
    assert_int_equal(jbw_rejects_count(rej), 2);
    assert_ok(jbw_rejects_get(&file, &line, &reason, rej, 0));
    assert_int_equal(line, 4);
    assert_string_equal(reason,
                        "workers.csv line 4, column 'id': id is already used "
                        "(worker 'W1'), first on line 2");
    assert_ok(jbw_rejects_get(&file, &line, &reason, rej, 1));
    assert_int_equal(line, 6);
    assert_string_equal(reason,
                        "measures.csv line 6, column 'id': id is already used "
                        "(measure 'M1'), first on line 2");
    jbw_rejects_free(rej);
    jbw_snapshot_free(snap);
}

/* A JR measure of a child under 12 at its start (line 3: born
 * 2013-08-16, start 2025-08-15, 11 that day): the strict load fails
 * naming the line, the lenient load keeps M1 and M3 and rejects line 3. */
static const char JR_UNDER_12[] =
    "id,child_id,kind,organisation,region,start,birth_date\n"
    "M1,C1,JR_TB_GEDWONGEN,JBWEST,ZHZ,2025-08-15,2013-08-15\n"
    "M2,C2,JR_TB_GEDWONGEN,JBWEST,ZHZ,2025-08-15,2013-08-16\n"
    "M3,C3,OTS,JBWEST,ZHZ,2025-08-15,2020-01-01\n";

static void test_jr_under_12_is_an_input_error_strict_and_lenient(void **st)
{
    jbw_load_options opts = JBW_LOAD_OPTIONS_INIT;
    jbw_snapshot *snap = NULL;
    jbw_rejects *rej = NULL;
    const char *file = NULL, *reason = NULL;
    size_t line = 0, index;
    (void)st;
    load_fails(JR_UNDER_12, WORKERS, NULL, JBW_EINVAL);
    assert_error_contains("measures.csv line 3, column 'birth_date': "
                          "birth_date 2013-08-16: the "
                          "child is 11 at start 2025-08-15");
    opts.lenient = 1;
    assert_ok(load(&snap, &rej, JR_UNDER_12, WORKERS, &opts));
    assert_int_equal(jbw_snapshot_measure_count(snap), 2); /* M1, M3 */
    assert_status(jbw_snapshot_find_measure(&index, snap, "M2"), JBW_ENOTFOUND);
    assert_int_equal(jbw_rejects_count(rej), 1);
    assert_ok(jbw_rejects_get(&file, &line, &reason, rej, 0));
    assert_string_equal(file, "measures.csv");
    assert_int_equal(line, 3);
    assert_non_null(strstr(reason, "applies from 12"));
    jbw_rejects_free(rej);
    jbw_snapshot_free(snap);
}

/* An OTS born more than 43 weeks (301 days) after its start cannot be
 * an expected birth (line 3: start 2025-08-02, birth 2031-12-12, the
 * typo of the trial's export; line 2: 2026-05-30, day 301 of 2025-08-02:
 * Aug 29 + Sep 30 + Oct 31 + Nov 30 + Dec 31 + Jan 31 + Feb 28 + Mar 31
 * + Apr 30 = 271 days to 2026-04-30, and 30 more). The strict load names
 * the file, line, column and measure; the lenient load rejects the row. */
static const char UNBORN_TYPO[] =
    "id,child_id,kind,organisation,region,start,birth_date\n"
    "M1,C1,OTS,JBWEST,ZHZ,2025-08-02,2026-05-30\n"
    "M2,C2,OTS,JBWEST,ZHZ,2025-08-02,2031-12-12\n";

static void test_expected_birth_over_43_weeks_names_line_and_column(void **st)
{
    jbw_load_options opts = JBW_LOAD_OPTIONS_INIT;
    jbw_snapshot *snap = NULL;
    jbw_rejects *rej = NULL;
    const char *reason = NULL;
    size_t line = 0;
    (void)st;
    load_fails(UNBORN_TYPO, WORKERS, NULL, JBW_EINVAL);
    assert_error_contains("measures.csv line 3, column 'birth_date': "
                          "birth_date 2031-12-12 is more than 43 weeks (301 "
                          "days) after start 2025-08-02, so it cannot be an "
                          "expected birth");
    assert_error_contains("(measure 'M2')");
    opts.lenient = 1;
    assert_ok(load(&snap, &rej, UNBORN_TYPO, WORKERS, &opts));
    assert_int_equal(jbw_snapshot_measure_count(snap), 1); /* M1 */
    assert_int_equal(jbw_rejects_count(rej), 1);
    assert_ok(jbw_rejects_get(NULL, &line, &reason, rej, 0));
    assert_int_equal(line, 3);
    assert_non_null(strstr(reason, "column 'birth_date'"));
    jbw_rejects_free(rej);
    jbw_snapshot_free(snap);
}

static void test_lenient_rejects_short_rows_and_bad_worker_rows(void **state)
{
    jbw_load_options opts = JBW_LOAD_OPTIONS_INIT;
    jbw_snapshot *snap = NULL;
    jbw_rejects *rej = NULL;
    const char *reason = NULL;
    size_t line = 0;
    (void)state;
    opts.lenient = 1;
    opts.reference_date = D(2025, 6, 1);
    assert_ok(load(&snap, &rej,
                   "id,child_id,kind,organisation,region,start,worker_id\n"
                   "M1,C1,OTS,JBWEST,ZHZ,2025-01-10,W3\n"
                   "M2,C2,OTS\n",
                   "id,organisation,fte,hired\n"
                   "W3,JBWEST\n",
                   &opts));
    assert_int_equal(jbw_snapshot_measure_count(snap), 0);
    assert_int_equal(jbw_rejects_count(rej), 3);
    assert_ok(jbw_rejects_get(NULL, &line, &reason, rej, 0));
    assert_int_equal(line, 2);
    assert_string_equal(reason, "workers.csv line 2: 2 fields where the "
                                "header has 4");
    /* The short worker row still named W3, so M1 says why it went. */
    assert_ok(jbw_rejects_get(NULL, &line, &reason, rej, 1));
    assert_int_equal(line, 2);
    assert_non_null(strstr(reason, "worker 'W3' was rejected (workers.csv "
                                   "line 2)"));
    assert_ok(jbw_rejects_get(NULL, &line, &reason, rej, 2));
    assert_int_equal(line, 3);
    jbw_rejects_free(rej);
    jbw_snapshot_free(snap);
}

/*
 * A lenient load without a rejects list would drop its rejected rows
 * silently (FIVE's M3): it is refused with JBW_EINVAL before anything is
 * read, so a measures text that is not CSV at all (a quote never closed,
 * JBW_EPARSE once read) and a measures path that does not exist (JBW_EIO)
 * give the same refusal, and *out keeps what it held.
 */
static void test_lenient_without_rejects_list_is_refused_unread(void **state)
{
    static const char expected[] =
        ": a lenient load needs a rejects list: pass a jbw_rejects ** to "
        "receive the rows it leaves out, or load strictly (lenient = 0)";
    static const char unclosed[] = "\"id,child\n";
    jbw_load_options opts = JBW_LOAD_OPTIONS_INIT;
    jbw_snapshot *snap = SENTINEL_SNAP;
    jbw_registry *reg = zuid_west();
    char want[256];
    (void)state;
    opts.lenient = 1;
    snprintf(want, sizeof want, "jbw_snapshot_load_csv_buffers%s", expected);
    assert_status(load(&snap, NULL, FIVE, WORKERS, &opts), JBW_EINVAL);
    assert_string_equal(jbw_last_error(), want);
    assert_ptr_equal(snap, SENTINEL_SNAP);
    assert_status(load(&snap, NULL, unclosed, WORKERS, &opts), JBW_EINVAL);
    assert_string_equal(jbw_last_error(), want);
    assert_ptr_equal(snap, SENTINEL_SNAP);
    snprintf(want, sizeof want, "jbw_snapshot_load_csv%s", expected);
    assert_status(jbw_snapshot_load_csv(&snap, NULL, reg,
                                        "/nonexistent/measures.csv",
                                        "/nonexistent/workers.csv", &opts),
                  JBW_EINVAL);
    assert_string_equal(jbw_last_error(), want);
    assert_ptr_equal(snap, SENTINEL_SNAP);
    /* strict, the same calls read the texts: rejects may be NULL there */
    opts.lenient = 0;
    assert_status(load(&snap, NULL, unclosed, WORKERS, &opts), JBW_EPARSE);
    assert_status(jbw_snapshot_load_csv(&snap, NULL, reg,
                                        "/nonexistent/measures.csv",
                                        "/nonexistent/workers.csv", &opts),
                  JBW_EIO);
    assert_ptr_equal(snap, SENTINEL_SNAP);
    jbw_registry_free(reg);
}

/* ---- reference date -------------------------------------------------- */

static void test_reference_date_is_the_latest_date_in_either_file(void **s)
{
    jbw_snapshot *snap;
    jbw_load_options opts = JBW_LOAD_OPTIONS_INIT;
    (void)s;
    /* Candidates: start 2025-03-01, end 2025-05-01 - 1 = 2025-04-30,
     * last_contact 2025-04-15, hired 2020-03-01 and 2023-09-01 (WORKERS);
     * birth_date is no candidate. Latest: 2025-04-30. */
    snap = load_ok("id,child_id,kind,organisation,region,start,end,"
                   "last_contact,birth_date\n"
                   "M1,C1,OTS,JBWEST,ZHZ,2025-03-01,2025-05-01,2025-04-15,"
                   "2015-01-01\n",
                   WORKERS);
    assert_int_equal(jbw_snapshot_reference_date(snap), D(2025, 4, 30));
    jbw_snapshot_free(snap);

    /* A worker hired later than every measure date wins; leaving does
     * not count. */
    snap = load_ok(MHEAD "M1,C1,OTS,JBWEST,ZHZ,2025-03-01\n",
                   "id,organisation,fte,hired,leaving\n"
                   "W1,JBWEST,1,2025-07-01,2025-12-01\n");
    assert_int_equal(jbw_snapshot_reference_date(snap), D(2025, 7, 1));
    jbw_snapshot_free(snap);

    /* A given date wins over the files. */
    opts.reference_date = D(2026, 1, 31);
    assert_ok(load(&snap, NULL, MHEAD "M1,C1,OTS,JBWEST,ZHZ,2025-03-01\n",
                   WORKERS, &opts));
    assert_int_equal(jbw_snapshot_reference_date(snap), D(2026, 1, 31));
    jbw_snapshot_free(snap);
}

/* ---- writers and round trips ----------------------------------------- */

static void test_writers_give_header_iso_dates_and_lf(void **state)
{
    jbw_registry *reg = zuid_west();
    jbw_snapshot *snap = NULL;
    jbw_worker w = JBW_WORKER_INIT;
    jbw_measure m = JBW_MEASURE_INIT;
    char *text = NULL;
    size_t len = 0;
    (void)state;
    assert_ok(jbw_snapshot_new(&snap, reg, D(2025, 9, 1)));
    w.id = "W1";
    w.organisation = "JBWEST";
    w.region = "ZHZ";
    w.fte = 0.8;
    w.hired = D(2020, 3, 1);
    assert_ok(jbw_snapshot_add_worker(snap, &w));
    m.id = "M1";
    m.child_id = "C1";
    m.family_id = "F,1";
    m.kind = JBW_KIND_VOTS;
    m.organisation = "JBWEST";
    m.region = "ZHZ";
    m.start = D(2025, 8, 4);
    m.worker_id = "W1";
    m.first_assigned = D(2025, 8, 5);
    m.safety = JBW_SAFETY_ACUTE;
    assert_ok(jbw_snapshot_add_measure(snap, &m));

    assert_ok(jbw_snapshot_workers_csv(&text, &len, snap));
    assert_string_equal(text, "id,organisation,region,fte,hired,leaving\n"
                              "W1,JBWEST,ZHZ,0.8,2020-03-01,\n");
    assert_int_equal(len, strlen(text));
    jbw_free(text);

    assert_ok(jbw_snapshot_measures_csv(&text, NULL, snap));
    /* The family id holds a comma, so it is quoted; empty optional fields
     * stay empty; enum codes are the documented ones. */
    assert_string_equal(text,
                        "id,child_id,family_id,kind,organisation,region,"
                        "start,end,worker_id,first_assigned,waiting_since,"
                        "previous_workers,safety,placement,birth_date,"
                        "last_contact,jr_risk,safety_plan,other_help,"
                        "domestic_violence,term_end,override_band,"
                        "override_reason,help_requested,help_started\n"
                        "M1,C1,\"F,1\",VOTS,JBWEST,ZHZ,2025-08-04,,W1,"
                        "2025-08-05,,0,acute,none,,,unknown,,,,,,,,\n");
    jbw_free(text);

    text = (char *)(uintptr_t)0x1;
    assert_status(jbw_snapshot_measures_csv(&text, NULL, NULL), JBW_EINVAL);
    assert_status(jbw_snapshot_workers_csv(NULL, NULL, snap), JBW_EINVAL);
    assert_ptr_equal(text, (char *)(uintptr_t)0x1);
    jbw_snapshot_free(snap);
    jbw_registry_free(reg);
}

/* Builds a snapshot with every field used and awkward strings. */
static jbw_snapshot *awkward_snapshot(const jbw_registry *reg)
{
    jbw_snapshot *snap = NULL;
    jbw_worker w = JBW_WORKER_INIT;
    jbw_measure m = JBW_MEASURE_INIT;
    assert_ok(jbw_snapshot_new(&snap, reg, D(2025, 9, 1)));
    w.id = "W 1"; /* an inner space */
    w.organisation = "JBWEST";
    w.region = "ZHZ";
    w.fte = 0.1 + 0.2; /* 0.30000000000000004: needs 17 digits */
    w.hired = D(2019, 2, 28);
    w.leaving = D(2026, 1, 1);
    assert_ok(jbw_snapshot_add_worker(snap, &w));
    w.id = "W2";
    w.region = NULL;
    w.fte = 1.0 / 3.0;
    w.hired = D(2024, 2, 29);
    w.leaving = JBW_DATE_NONE;
    assert_ok(jbw_snapshot_add_worker(snap, &w));

    m.id = "M1";
    m.child_id = " C1 "; /* edge spaces survive only quoted */
    m.family_id = "F \"1\"; a,b";
    m.kind = JBW_KIND_OTS;
    m.organisation = "JBWEST";
    m.region = "HGL";
    m.start = D(2024, 1, 2);
    m.end = D(2025, 12, 31);
    m.worker_id = "W 1";
    m.first_assigned = D(2024, 1, 5);
    m.safety = JBW_SAFETY_UNSAFE;
    m.placement = JBW_PLACEMENT_PLACED;
    m.birth_date = D(2010, 6, 15);
    m.last_contact = D(2025, 8, 29);
    assert_ok(jbw_snapshot_add_measure(snap, &m));

    m = (jbw_measure)JBW_MEASURE_INIT;
    m.id = "M2";
    m.child_id = "C2";
    m.kind = JBW_KIND_JR_ITB_CRIEM;
    m.organisation = "JBWEST";
    m.region = "ZHZ";
    m.start = D(2025, 3, 3);
    m.first_assigned = D(2025, 3, 4);
    m.waiting_since = D(2025, 6, 30);
    m.previous_workers = 2;
    m.jr_risk = JBW_JR_RISK_MEDIUM;
    assert_ok(jbw_snapshot_add_measure(snap, &m));

    m = (jbw_measure)JBW_MEASURE_INIT;
    m.id = "M3";
    m.child_id = "C3";
    m.kind = JBW_KIND_VOOGDIJ;
    m.organisation = "JBWEST";
    m.region = "MH";
    m.start = D(2025, 8, 25); /* nieuw: waiting_since settles on start */
    assert_ok(jbw_snapshot_add_measure(snap, &m));
    return snap;
}

static void test_round_trip_gives_identical_text_and_records(void **state)
{
    jbw_registry *reg = zuid_west();
    jbw_snapshot *a = awkward_snapshot(reg), *b = NULL;
    jbw_load_options opts = JBW_LOAD_OPTIONS_INIT;
    char *m1 = NULL, *w1 = NULL, *m2 = NULL, *w2 = NULL;
    size_t m1len = 0, w1len = 0;
    (void)state;
    assert_ok(jbw_snapshot_measures_csv(&m1, &m1len, a));
    assert_ok(jbw_snapshot_workers_csv(&w1, &w1len, a));
    /* The fte 0.1 + 0.2 is written with all the digits it needs. */
    assert_non_null(strstr(w1, "0.30000000000000004"));
    assert_non_null(strstr(m1, "\" C1 \""));
    opts.reference_date = jbw_snapshot_reference_date(a);
    assert_ok(jbw_snapshot_load_csv_buffers(&b, NULL, reg, m1, m1len, NULL, w1,
                                            w1len, NULL, &opts));
    assert_snapshots_equal(a, b);
    assert_ok(jbw_snapshot_measures_csv(&m2, NULL, b));
    assert_ok(jbw_snapshot_workers_csv(&w2, NULL, b));
    assert_string_equal(m1, m2);
    assert_string_equal(w1, w2);
    jbw_free(m1);
    jbw_free(w1);
    jbw_free(m2);
    jbw_free(w2);
    jbw_snapshot_free(a);
    jbw_snapshot_free(b);
    jbw_registry_free(reg);
}

static jbw_registry *small_registry(void)
{
    jbw_registry *reg = NULL;
    assert_ok(jbw_registry_new(&reg));
    assert_ok(jbw_registry_add_region(reg, "R1", "Noord, Oost", "JZ01"));
    assert_ok(jbw_registry_add_region(reg, "R2", "Zuid \"Z\"", NULL));
    assert_ok(jbw_registry_add_municipality(reg, "Gem, A", "R1"));
    assert_ok(jbw_registry_add_organisation(reg, "ORG1", "GI, west"));
    assert_ok(jbw_registry_add_service(reg, "ORG1", "R1"));
    assert_ok(jbw_registry_add_service(reg, "ORG1", "R2"));
    assert_ok(jbw_registry_add_organisation(reg, "ORG2", "Solo"));
    return reg;
}

static const char SMALL_REGISTRY_CSV[] =
    "type,key,name,cbs_code,region\n"
    "region,R1,\"Noord, Oost\",JZ01,\n"
    "region,R2,\"Zuid \"\"Z\"\"\",,\n"
    "municipality,,\"Gem, A\",,R1\n"
    "organisation,ORG1,\"GI, west\",,R1|R2\n"
    "organisation,ORG2,Solo,,\n";

static void test_registry_csv_writes_one_row_per_entry(void **state)
{
    jbw_registry *reg = small_registry();
    char *text = NULL;
    size_t len = 0;
    (void)state;
    assert_ok(jbw_registry_csv(&text, &len, reg));
    assert_string_equal(text, SMALL_REGISTRY_CSV);
    assert_int_equal(len, sizeof SMALL_REGISTRY_CSV - 1);
    jbw_free(text);
    assert_status(jbw_registry_csv(&text, NULL, NULL), JBW_EINVAL);
    jbw_registry_free(reg);
}

static void test_registry_round_trip_keeps_names_with_commas(void **state)
{
    jbw_registry *a = small_registry(), *b = NULL;
    jbw_region_info r = {JBW_REGION_INFO_VERSION, NULL, NULL, NULL};
    jbw_organisation_info o = {JBW_ORGANISATION_INFO_VERSION, NULL, NULL, 0};
    char *t1 = NULL, *t2 = NULL;
    size_t len = 0;
    int serves = 0;
    (void)state;
    assert_ok(jbw_registry_csv(&t1, &len, a));
    assert_ok(jbw_registry_load_csv_buffer(&b, t1, len, NULL));
    assert_ok(jbw_registry_csv(&t2, NULL, b));
    assert_string_equal(t1, t2);
    assert_int_equal(jbw_registry_region_count(b), 2);
    assert_int_equal(jbw_registry_municipality_count(b), 1);
    assert_int_equal(jbw_registry_organisation_count(b), 2);
    assert_ok(jbw_registry_region(&r, b, 1));
    assert_string_equal(r.name, "Zuid \"Z\"");
    assert_string_equal(r.cbs_code, "");
    assert_ok(jbw_registry_organisation(&o, b, 0));
    assert_string_equal(o.name, "GI, west");
    assert_int_equal(o.region_count, 2);
    assert_ok(jbw_registry_serves(&serves, b, "ORG1", "R2"));
    assert_int_equal(serves, 1);
    assert_ok(jbw_registry_serves(&serves, b, "ORG2", "R1"));
    assert_int_equal(serves, 0);
    jbw_free(t1);
    jbw_free(t2);
    jbw_registry_free(a);
    jbw_registry_free(b);
}

static void test_registry_rows_may_come_in_any_order(void **state)
{
    char *path = data_path("registry_small.csv");
    jbw_registry *reg = NULL;
    jbw_municipality_info mi = {JBW_MUNICIPALITY_INFO_VERSION, NULL, NULL};
    jbw_region_info r = {JBW_REGION_INFO_VERSION, NULL, NULL, NULL};
    int serves = 0;
    (void)state;
    if (!path)
        skip();
    /* The organisation and a municipality come before their regions. */
    assert_ok(jbw_registry_load_csv(&reg, path));
    assert_int_equal(jbw_registry_region_count(reg), 2);
    assert_int_equal(jbw_registry_municipality_count(reg), 2);
    assert_int_equal(jbw_registry_organisation_count(reg), 2);
    assert_ok(jbw_registry_region(&r, reg, 0));
    assert_string_equal(r.key, "NRD");
    assert_string_equal(r.name, "Regio Noord, Kust");
    assert_string_equal(r.cbs_code, "JZ01");
    assert_ok(jbw_registry_municipality(&mi, reg, 0));
    assert_string_equal(mi.name, "Dorp, aan Zee");
    assert_string_equal(mi.region, "NRD");
    assert_ok(jbw_registry_serves(&serves, reg, "GI1", "ZUID"));
    assert_int_equal(serves, 1);
    assert_ok(jbw_registry_serves(&serves, reg, "GI2", "NRD"));
    assert_int_equal(serves, 0);
    jbw_registry_free(reg);
    free(path);
}

static void registry_fails(const char *text, jbw_status status)
{
    jbw_registry *reg = (jbw_registry *)(uintptr_t)0x77;
    assert_status(jbw_registry_load_csv_buffer(&reg, text, strlen(text), NULL),
                  status);
    assert_ptr_equal(reg, (jbw_registry *)(uintptr_t)0x77);
}

static void test_registry_errors_name_file_line_and_column(void **state)
{
    (void)state;
    registry_fails("type,key,name,cbs_code,region\n"
                   "province,P1,Een,,\n",
                   JBW_EPARSE);
    assert_error_contains("registry.csv line 2, column 'type': not a row "
                          "type (region, municipality, organisation): "
                          "'province'");
    registry_fails("type,key,name,region\n"
                   "region,R1,Een,\n"
                   "municipality,,Dorp,R9\n",
                   JBW_ENOTFOUND);
    assert_error_contains("registry.csv line 3: ");
    registry_fails("type,key,name,region\n"
                   "region,R1,Een,\n"
                   "municipality,M1,Dorp,R1\n",
                   JBW_EPARSE);
    assert_error_contains("registry.csv line 3, column 'key': a "
                          "municipality has no key; its name identifies it: "
                          "'M1'");
    registry_fails("type,key,name,region\n"
                   "region,R1,Een,\n"
                   "organisation,O1,Org,R1||R1\n",
                   JBW_EPARSE);
    assert_error_contains("registry.csv line 3, column 'region': an empty "
                          "region key");
    registry_fails("type,key,name,region\n"
                   "region,R1,Een,\n"
                   "region,R1,Twee,\n",
                   JBW_EDUPLICATE);
    assert_error_contains("registry.csv line 3: ");
    registry_fails("type,key,name\n", JBW_EPARSE);
    assert_error_contains("required column 'region' is missing");
    registry_fails("", JBW_EPARSE);
    assert_error_contains("registry.csv is empty");
}

/* ---- arguments ------------------------------------------------------- */

static void test_null_arguments_are_einval(void **state)
{
    jbw_registry *reg = zuid_west();
    jbw_snapshot *snap = SENTINEL_SNAP;
    jbw_registry *r2 = NULL;
    char *text = NULL;
    (void)state;
    assert_status(jbw_snapshot_load_csv_buffers(NULL, NULL, reg, MHEAD, 1, NULL,
                                                WORKERS, 1, NULL, NULL),
                  JBW_EINVAL);
    assert_status(jbw_snapshot_load_csv_buffers(&snap, NULL, NULL, MHEAD, 1,
                                                NULL, WORKERS, 1, NULL, NULL),
                  JBW_EINVAL);
    assert_status(jbw_snapshot_load_csv_buffers(&snap, NULL, reg, NULL, 0, NULL,
                                                WORKERS, 1, NULL, NULL),
                  JBW_EINVAL);
    assert_status(jbw_snapshot_load_csv_buffers(&snap, NULL, reg, MHEAD, 1,
                                                NULL, NULL, 0, NULL, NULL),
                  JBW_EINVAL);
    assert_ptr_equal(snap, SENTINEL_SNAP);
    assert_status(jbw_snapshot_load_csv(&snap, NULL, reg, NULL, "w", NULL),
                  JBW_EINVAL);
    assert_status(jbw_registry_load_csv_buffer(NULL, "x", 1, NULL), JBW_EINVAL);
    assert_status(jbw_registry_load_csv_buffer(&r2, NULL, 0, NULL), JBW_EINVAL);
    assert_status(jbw_registry_load_csv(&r2, NULL), JBW_EINVAL);
    assert_status(jbw_read_file(NULL, NULL, "x"), JBW_EINVAL);
    assert_status(jbw_read_file(&text, NULL, NULL), JBW_EINVAL);
    assert_status(jbw_write_file(NULL, "x", 1), JBW_EINVAL);
    assert_status(jbw_write_file("x", NULL, 1), JBW_EINVAL);
    assert_status(jbw_write_file("", "x", 1), JBW_EINVAL);
    assert_null(text);
    assert_null(r2);
    assert_int_equal(jbw_rejects_count(NULL), 0);
    jbw_rejects_free(NULL);
    jbw_registry_free(reg);
}

static void test_load_options_are_checked(void **state)
{
    jbw_load_options opts;
    (void)state;
    memset(&opts, 0x7F, sizeof opts);
    assert_ok(jbw_load_options_init(&opts, JBW_LOAD_OPTIONS_VERSION));
    assert_int_equal(opts.lenient, 0);
    assert_int_equal(opts.allow_unknown_columns, 0);
    assert_int_equal(opts.reference_date, JBW_DATE_NONE);
    assert_status(jbw_load_options_init(NULL, JBW_LOAD_OPTIONS_VERSION),
                  JBW_EINVAL);
    assert_status(jbw_load_options_init(&opts, 99), JBW_EVERSION);

    assert_int_equal(opts.threads, 1); /* no thread unless asked */
    opts.version = 4;                  /* versions 1 to 3 are known */
    load_fails(MHEAD, WORKERS, &opts, JBW_EVERSION);
    assert_error_contains("jbw_load_options: version 4 is not supported "
                          "(expected 1 to 3)");
    opts.version = 0;
    load_fails(MHEAD, WORKERS, &opts, JBW_EVERSION);
    opts.version = JBW_LOAD_OPTIONS_VERSION;
    opts.threads = JBW_LOAD_THREADS_MAX + 1;
    load_fails(MHEAD, WORKERS, &opts, JBW_EINVAL);
    assert_error_contains("threads");
    opts.threads = 0; /* all cores: accepted */
    {
        /* a version-2 record ends before threads: whatever lies there
         * is not read (here a value a version-3 record may not hold) */
        jbw_load_options v2;
        memset(&v2, 0, sizeof v2);
        assert_ok(jbw_load_options_init(&v2, 2));
        jbw_snapshot *snap = NULL;
        v2.threads = JBW_LOAD_THREADS_MAX + 1;
        assert_ok(load(&snap, NULL, MHEAD, WORKERS, &v2));
        jbw_snapshot_free(snap);
        assert_ok(jbw_load_options_init(&v2, 2));
        assert_int_equal(v2.threads, JBW_LOAD_THREADS_MAX + 1); /* untouched */
    }
    opts.lenient = 2;
    load_fails(MHEAD, WORKERS, &opts, JBW_EINVAL);
    opts.lenient = 0;
    opts.reference_date = JBW_DATE_NONE + 1; /* far before 1900 */
    load_fails(MHEAD, WORKERS, &opts, JBW_ERANGE);
    assert_error_contains("reference_date");
}

/* ---- files ----------------------------------------------------------- */

static char *temp_dir(void)
{
    const char *base = getenv("TMPDIR");
    char *dir = malloc(512);
    assert_non_null(dir);
    snprintf(dir, 512, "%s/jbw_io_XXXXXX", base && *base ? base : "/tmp");
    assert_non_null(mkdtemp(dir));
    return dir;
}

/* Number of entries in a directory besides . and .. */
static int dir_entries(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;
    assert_non_null(d);
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            n++;
    closedir(d);
    return n;
}

static char *join(const char *dir, const char *name)
{
    char *p = malloc(strlen(dir) + strlen(name) + 2);
    assert_non_null(p);
    sprintf(p, "%s/%s", dir, name);
    return p;
}

static void test_read_file_missing_path_is_eio_naming_it(void **state)
{
    char *dir = temp_dir(), *path = join(dir, "absent.csv");
    char *text = (char *)(uintptr_t)0x1;
    size_t len = 99;
    (void)state;
    assert_status(jbw_read_file(&text, &len, path), JBW_EIO);
    assert_error_contains(path);
    assert_error_contains(strerror(ENOENT));
    assert_ptr_equal(text, (char *)(uintptr_t)0x1);
    assert_int_equal(len, 99);
    /* A directory is refused too. */
    assert_status(jbw_read_file(&text, &len, dir), JBW_EIO);
    assert_error_contains(dir);
    assert_error_contains(strerror(EISDIR));
    assert_int_equal(rmdir(dir), 0);
    free(path);
    free(dir);
}

static void test_write_then_read_file_gives_the_same_bytes(void **state)
{
    static const char data[] = "a,b\n\0binary\xFF\n";
    char *dir = temp_dir(), *path = join(dir, "out.csv");
    char *text = NULL;
    size_t len = 0;
    (void)state;
    assert_ok(jbw_write_file(path, data, sizeof data - 1));
    assert_ok(jbw_read_file(&text, &len, path));
    assert_int_equal(len, sizeof data - 1);
    assert_memory_equal(text, data, sizeof data - 1);
    assert_int_equal(text[len], '\0'); /* NUL-terminated */
    jbw_free(text);
    /* Replacing it with nothing gives an empty file. */
    assert_ok(jbw_write_file(path, NULL, 0));
    assert_ok(jbw_read_file(&text, &len, path));
    assert_int_equal(len, 0);
    assert_string_equal(text, "");
    jbw_free(text);
    assert_int_equal(dir_entries(dir), 1); /* no temporary file left */
    unlink(path);
    rmdir(dir);
    free(path);
    free(dir);
}

static void test_write_file_failure_leaves_old_file_and_no_temp(void **state)
{
    char *dir = temp_dir(), name[251], *path, *sub;
    char *text = NULL;
    size_t len = 0;
    FILE *f;
    (void)state;
    /* A 250-byte name fits (the limit is 255), but the temporary name
     * beside it does not: the write fails before touching the file. */
    memset(name, 'a', 250);
    name[250] = '\0';
    path = join(dir, name);
    f = fopen(path, "wb");
    assert_non_null(f);
    fputs("old", f);
    fclose(f);
    assert_status(jbw_write_file(path, "new", 3), JBW_EIO);
    assert_error_contains("cannot create a temporary file");
    assert_ok(jbw_read_file(&text, &len, path));
    assert_string_equal(text, "old");
    jbw_free(text);
    assert_int_equal(dir_entries(dir), 1);
    unlink(path);
    free(path);

    /* A directory in the way: the data is written to a temporary file,
     * the rename fails, and the temporary file is removed. */
    sub = join(dir, "target");
    assert_int_equal(mkdir(sub, 0700), 0);
    assert_status(jbw_write_file(sub, "new", 3), JBW_EIO);
    assert_error_contains("cannot write");
    assert_error_contains(sub);
    assert_int_equal(dir_entries(dir), 1); /* just the directory */
    rmdir(sub);
    rmdir(dir);
    free(sub);
    free(dir);
}

static void test_write_file_keeps_the_mode_of_the_file_it_replaces(void **s)
{
    char *dir = temp_dir(), *path = join(dir, "m.csv");
    struct stat sb;
    (void)s;
    assert_ok(jbw_write_file(path, "1", 1));
    assert_int_equal(chmod(path, 0640), 0);
    assert_ok(jbw_write_file(path, "2", 1));
    assert_int_equal(stat(path, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0640);
    unlink(path);
    rmdir(dir);
    free(path);
    free(dir);
}

static void test_load_csv_names_the_unreadable_path(void **state)
{
    jbw_registry *reg = zuid_west();
    jbw_snapshot *snap = SENTINEL_SNAP;
    (void)state;
    assert_status(jbw_snapshot_load_csv(&snap, NULL, reg,
                                        "/nonexistent/measures.csv",
                                        "/nonexistent/workers.csv", NULL),
                  JBW_EIO);
    assert_error_contains("/nonexistent/");
    /* both missing: the first argument, measures, is the one named */
    assert_error_contains("measures.csv");
    assert_ptr_equal(snap, SENTINEL_SNAP);
    jbw_registry_free(reg);
}

/* ---- out of memory --------------------------------------------------- */

/* Writes the registry as CSV and reads it back. */
static int oom_registry_round_trip(void *ctx)
{
    char *text = NULL;
    jbw_registry *r2 = NULL;
    jbw_status st = jbw_registry_csv(&text, NULL, ctx);
    if (st == JBW_OK)
        st = jbw_registry_load_csv_buffer(&r2, text, strlen(text), NULL);
    jbw_free(text);
    jbw_registry_free(r2);
    return st;
}

static void test_every_allocation_failure_is_enomem_without_leaks(void **s)
{
    jbw_registry *reg = zuid_west();
    jbw_load_options opts = JBW_LOAD_OPTIONS_INIT;
    long k;
    int lenient;
    (void)s;
    for (lenient = 0; lenient <= 1; lenient++) {
        opts.lenient = lenient;
        for (k = 0;; k++) {
            jbw_snapshot *snap = SENTINEL_SNAP;
            jbw_rejects *rej = SENTINEL_REJ;
            jbw_status st;
            jbw_test_fail_only(k);
            st = jbw_snapshot_load_csv_buffers(&snap, &rej, reg, FIVE,
                                               strlen(FIVE), NULL, WORKERS,
                                               strlen(WORKERS), NULL, &opts);
            jbw_test_fail_only(-1);
            if (st == JBW_OK) {
                jbw_snapshot_free(snap);
                jbw_rejects_free(rej);
                break;
            }
            /* Strict mode fails on M3's unknown worker once memory
             * suffices; every earlier failure is out of memory. */
            if (!lenient && st == JBW_ENOTFOUND)
                break;
            assert_int_equal(st, JBW_ENOMEM);
            assert_ptr_equal(snap, SENTINEL_SNAP);
            assert_ptr_equal(rej, SENTINEL_REJ);
        }
    }
    jbw_test_alloc_reset();
    jbw_test_oom_sweep(oom_registry_round_trip, reg, 100000,
                       jbw_test_fail_only);
    jbw_registry_free(reg);
}

/* The columns of record version 2: yes/no answers (English or Dutch,
 * any case, empty is unknown), the term end, and the override with its
 * reason; they load, read back and write out again. */
static void test_model_v2_columns_load_and_write(void **state)
{
    static const char measures[] =
        "id,child_id,kind,organisation,region,start,safety_plan,other_help,"
        "domestic_violence,term_end,override_band,override_reason\n"
        "M1,C1,OTS,JBWEST,ZHZ,2025-08-04,nee,Yes,,2026-08-03,hoog,"
        "\"school meldt zorgen, moeder onbereikbaar\"\n"
        "M2,C2,OTS,JBWEST,ZHZ,2025-08-04,ja,onbekend,yes,,,\n";
    jbw_snapshot *snap;
    jbw_measure m;
    char *text = NULL;
    (void)state;
    snap = load_ok(measures, WORKERS);
    get_measure(&m, snap, "M1");
    assert_int_equal(m.safety_plan, JBW_YESNO_NO);
    assert_int_equal(m.other_help, JBW_YESNO_YES);
    assert_int_equal(m.domestic_violence, JBW_YESNO_UNKNOWN);
    assert_int_equal(m.term_end, D(2026, 8, 3));
    assert_int_equal(m.override_band, JBW_BAND_HOOG);
    assert_string_equal(m.override_reason,
                        "school meldt zorgen, moeder onbereikbaar");
    get_measure(&m, snap, "M2");
    assert_int_equal(m.safety_plan, JBW_YESNO_YES);
    assert_int_equal(m.domestic_violence, JBW_YESNO_YES);
    assert_int_equal(m.override_band, JBW_OVERRIDE_NONE);
    assert_null(m.override_reason);
    /* a record of version 1 gets only its own fields */
    memset(&m, 0x5a, sizeof m);
    m.version = 1;
    assert_ok(jbw_snapshot_measure(&m, snap, 0));
    assert_int_equal((int)m.safety_plan, 0x5a5a5a5a);
    assert_ok(jbw_snapshot_measures_csv(&text, NULL, snap));
    /* the two help columns of record version 3 follow, empty here */
    assert_non_null(strstr(text, ",no,yes,,2026-08-03,hoog,\"school meldt "
                                 "zorgen, moeder onbereikbaar\",,\n"));
    assert_non_null(strstr(text, ",yes,,yes,,,,,\n"));
    jbw_free(text);
    jbw_snapshot_free(snap);
}

/* An override without its reason, a reason without a band, a band or an
 * answer that is not one: refused with file, line, column and value. */
static void test_model_v2_columns_refuse_bad_values(void **state)
{
    (void)state;
    load_fails(MHEAD_V2 "M1,C1,OTS,JBWEST,ZHZ,2025-08-04,,acuut,\n", WORKERS,
               NULL, JBW_EINVAL);
    assert_error_contains("line 2");
    assert_error_contains("override_reason");
    load_fails(MHEAD_V2 "M1,C1,OTS,JBWEST,ZHZ,2025-08-04,,,reden\n", WORKERS,
               NULL, JBW_EINVAL);
    assert_error_contains("override_band");
    load_fails(MHEAD_V2 "M1,C1,OTS,JBWEST,ZHZ,2025-08-04,,urgent,reden\n",
               WORKERS, NULL, JBW_EPARSE);
    assert_error_contains("'urgent'");
    assert_error_contains("override_band");
    load_fails(MHEAD_V2 "M1,C1,OTS,JBWEST,ZHZ,2025-08-04,misschien,,\n",
               WORKERS, NULL, JBW_EPARSE);
    assert_error_contains("'misschien'");
    assert_error_contains("safety_plan");
    /* a reason of only blanks is no reason */
    load_fails(MHEAD_V2 "M1,C1,OTS,JBWEST,ZHZ,2025-08-04,,hoog,\"  \"\n",
               WORKERS, NULL, JBW_EINVAL);
    assert_error_contains("override_reason");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_basic_fixture_reads_every_field),
        cmocka_unit_test(test_dutch_spreadsheet_export_equals_plain_form),
        cmocka_unit_test(test_bom_is_skipped),
        cmocka_unit_test(test_excel_sep_line_is_skipped),
        cmocka_unit_test(test_semicolon_file_reads_decimal_comma),
        cmocka_unit_test(test_comma_file_refuses_decimal_comma),
        cmocka_unit_test(test_quoted_field_keeps_delimiter_quote_and_newline),
        cmocka_unit_test(test_crlf_and_lf_line_ends_read_alike),
        cmocka_unit_test(test_last_line_without_newline_is_read),
        cmocka_unit_test(test_blank_lines_are_skipped),
        cmocka_unit_test(test_dutch_and_iso_dates_are_read),
        cmocka_unit_test(test_dates_with_a_time_of_midnight_are_read),
        cmocka_unit_test(test_ambiguous_delimiter_is_refused),
        cmocka_unit_test(test_columns_are_found_by_trimmed_case_blind_name),
        cmocka_unit_test(test_missing_required_column_is_named),
        cmocka_unit_test(test_missing_worker_id_column_is_hinted),
        cmocka_unit_test(test_unknown_column_is_error_unless_allowed),
        cmocka_unit_test(test_duplicate_column_is_error),
        cmocka_unit_test(test_duplicate_id_names_its_first_line),
        cmocka_unit_test(test_header_field_without_name_is_error),
        cmocka_unit_test(
            test_nameless_fields_after_the_header_are_empty_columns),
        cmocka_unit_test(test_field_count_mismatch_names_line),
        cmocka_unit_test(test_bad_date_detail_names_file_line_column_value),
        cmocka_unit_test(test_date_out_of_range_is_erange),
        cmocka_unit_test(test_empty_required_value_is_named),
        cmocka_unit_test(test_bad_codes_and_numbers_are_named),
        cmocka_unit_test(test_snapshot_refusal_is_prefixed_with_file_and_line),
        cmocka_unit_test(test_refused_records_name_their_column),
        cmocka_unit_test(test_registry_key_in_other_case_is_named),
        cmocka_unit_test(test_registry_name_given_for_a_key_names_the_key),
        cmocka_unit_test(test_empty_input_is_parse_error),
        cmocka_unit_test(test_header_only_gives_empty_snapshot),
        cmocka_unit_test(test_lenient_load_rejecting_every_dated_row_says_so),
        cmocka_unit_test(test_unterminated_quote_names_its_starting_line),
        cmocka_unit_test(test_stray_quotes_are_refused),
        cmocka_unit_test(test_lone_carriage_return_is_refused),
        cmocka_unit_test(test_nul_byte_is_refused),
        cmocka_unit_test(test_utf16_is_refused_with_advice),
        cmocka_unit_test(test_invalid_utf8_names_line_and_column),
        cmocka_unit_test(test_valid_utf8_is_kept),
        cmocka_unit_test(test_huge_field_is_cut_in_the_message),
        cmocka_unit_test(test_strict_load_is_all_or_nothing),
        cmocka_unit_test(test_lenient_load_keeps_good_rows_and_lists_the_rest),
        cmocka_unit_test(test_jr_under_12_is_an_input_error_strict_and_lenient),
        cmocka_unit_test(
            test_expected_birth_over_43_weeks_names_line_and_column),
        cmocka_unit_test(test_lenient_rejects_short_rows_and_bad_worker_rows),
        cmocka_unit_test(test_lenient_without_rejects_list_is_refused_unread),
        cmocka_unit_test(test_reference_date_is_the_latest_date_in_either_file),
        cmocka_unit_test(test_writers_give_header_iso_dates_and_lf),
        cmocka_unit_test(test_round_trip_gives_identical_text_and_records),
        cmocka_unit_test(test_registry_csv_writes_one_row_per_entry),
        cmocka_unit_test(test_registry_round_trip_keeps_names_with_commas),
        cmocka_unit_test(test_registry_rows_may_come_in_any_order),
        cmocka_unit_test(test_registry_errors_name_file_line_and_column),
        cmocka_unit_test(test_null_arguments_are_einval),
        cmocka_unit_test(test_load_options_are_checked),
        cmocka_unit_test(test_read_file_missing_path_is_eio_naming_it),
        cmocka_unit_test(test_write_then_read_file_gives_the_same_bytes),
        cmocka_unit_test(test_write_file_failure_leaves_old_file_and_no_temp),
        cmocka_unit_test(
            test_write_file_keeps_the_mode_of_the_file_it_replaces),
        cmocka_unit_test(test_load_csv_names_the_unreadable_path),
        cmocka_unit_test(test_every_allocation_failure_is_enomem_without_leaks),
        cmocka_unit_test(test_model_v2_columns_load_and_write),
        cmocka_unit_test(test_model_v2_columns_refuse_bad_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
