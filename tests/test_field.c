/*
 * Tests of the fast paths of the field readers (lib/io/field.c,
 * lib/io/io_internal.h) and of the exact date reader (lib/data/date.c,
 * lib/data/date_internal.h) against the general paths and against a
 * reference written here from the rules of docs/formats.md:
 *
 *  - jbw__date_iso_exact() and jbw__date_parse_exact() against a plain
 *    reference reader (digits one by one, the Gregorian leap rule,
 *    jbw__days_from_civil()) and jbw_date_parse(), on every day of
 *    1900-01-01..2199-12-31 as YYYY-MM-DD, D-M-YYYY and DD-MM-YYYY, and on
 *    malformed texts: every byte value at every position, 29 February of
 *    common years, month 00 and 13, day 00 and 32 and one past a month's
 *    end, years 1899 and 2200, cut and lengthened texts, spaces around;
 *  - jbw__io_date() (inline: empty, YYYY-MM-DD) against
 *    jbw__io_date_other() (all forms and the errors): the same status,
 *    value and message for all those texts as a field;
 *  - jbw__io_enum_value() (inline: empty, a code in the memo) against
 *    jbw__io_enum_other() with an empty memo and the public *_from_code():
 *    every code of every enum in four spellings, and texts that differ
 *    from a code in one byte or in length, with the memo holding the
 *    code, and the messages for unknown codes as written by hand;
 *  - jbw__io_number() (plain decimals read by hand) against
 *    jbw__parse_double() (strtod()): the same double, bit for bit, for
 *    300,000 short decimals, 100,000 random ones of up to 16 digits and
 *    the texts by hand, in ',' and ';' files, and the messages.
 *
 * Every field is copied into a heap block of exactly its length, so that
 * a read past its end shows under valgrind and ASan. Linked with the
 * library's objects: the readers are internal. All data is synthetic.
 */
#include "jbw_test.h"

#include "io/io_internal.h"

/* ---- a one-field CSV record ------------------------------------------- */

/* A reader holding one record of one field named `name`, line 2 of
 * test.csv, the field's text set by set_field(). */
typedef struct field_rec {
    jbw__csv c;
    const char *ptrs[1];
    size_t lens[1];
    size_t name_offs[1];
    char names[32];
    char *block; /* the field's text: a heap block of exactly its length */
} field_rec;

static void rec_init(field_rec *r, const char *name)
{
    memset(r, 0, sizeof *r);
    snprintf(r->names, sizeof r->names, "%s", name);
    r->c.source = "test.csv";
    r->c.delim = ',';
    r->c.line = r->c.record_line = 2;
    r->c.ptrs = r->ptrs;
    r->c.lens = r->lens;
    r->c.count = 1;
    r->c.names = r->names;
    r->c.name_offs = r->name_offs;
    r->c.name_count = 1;
}

static void set_field(field_rec *r, const char *s, size_t n)
{
    free(r->block);
    r->block = malloc(n ? n : 1);
    assert_non_null(r->block);
    if (n)
        memcpy(r->block, s, n);
    r->ptrs[0] = r->block;
    r->lens[0] = n;
}

static void rec_free(field_rec *r)
{
    free(r->block);
    r->block = NULL;
}

/* A copy of the thread's detail, which the next call may overwrite. */
static void keep_detail(char *dst, size_t size)
{
    snprintf(dst, size, "%s", jbw_last_error());
}

/* ---- the reference date reader ----------------------------------------- */

static int ref_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int ref_month_len(int y, int m)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && ref_leap(y) ? 29 : len[m - 1];
}

/* Digits s[at..at+k) as a number, or -1 when one is not a digit. */
static int ref_digits(const char *s, size_t at, size_t k)
{
    int v = 0;
    size_t i;
    for (i = at; i < at + k; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static int ref_ymd(int32_t *out, int y, int m, int d)
{
    if (y < 0 || m < 0 || d < 0 || y < JBW_YEAR_MIN || y > JBW_YEAR_MAX ||
        m < 1 || m > 12 || d < 1 || d > ref_month_len(y, m))
        return 0;
    *out = jbw__days_from_civil(y, m, d);
    return 1;
}

/* YYYY-MM-DD exactly, naming a day in range. */
static int ref_iso(int32_t *out, const char *s, size_t n)
{
    if (n != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    return ref_ymd(out, ref_digits(s, 0, 4), ref_digits(s, 5, 2),
                   ref_digits(s, 8, 2));
}

/* YYYY-MM-DD, or D-M-YYYY with one or two digits for day and month. */
static int ref_exact(int32_t *out, const char *s, size_t n)
{
    size_t dl, ml;
    if (n == 10 && s[4] == '-')
        return ref_iso(out, s, n);
    for (dl = 1; dl <= 2; dl++)
        for (ml = 1; ml <= 2; ml++)
            if (n == dl + ml + 6 && s[dl] == '-' && s[dl + ml + 1] == '-')
                return ref_ymd(out, ref_digits(s, dl + ml + 2, 4),
                               ref_digits(s, dl + 1, ml), ref_digits(s, 0, dl));
    return 0;
}

/* ---- one date text through every reader -------------------------------- */

static long texts_checked, texts_accepted;

static void check_date_text(field_rec *r, const char *s, size_t n)
{
    int32_t want = 0, got = 0, fast = 0, slow = 0;
    int ok = ref_exact(&want, s, n), blank = 0, required;
    char fast_msg[512], slow_msg[512];
    size_t i;
    for (i = 0; i < n; i++)
        blank |= s[i] == ' ' || s[i] == '\t';
    texts_checked++;
    texts_accepted += ok;
    set_field(r, s, n);
    if (n == 10) {
        int hit = jbw__date_iso_exact(&got, r->block);
        int32_t iso = 0;
        int iso_ok = ref_iso(&iso, s, n);
        if (hit != iso_ok || (hit && got != iso)) {
            print_error("'%.*s': iso_exact %d (%ld), reference %d (%ld)\n",
                        (int)n, s, hit, (long)got, iso_ok, (long)iso);
            fail();
        }
    }
    got = 0;
    if (jbw__date_parse_exact(&got, r->block, n) != ok || (ok && got != want)) {
        print_error("'%.*s': parse_exact %ld, reference %d (%ld)\n", (int)n, s,
                    (long)got, ok, (long)want);
        fail();
    }
    /* jbw_date_parse() reads what the reference reads and, without
     * blanks around, nothing else */
    got = 0;
    if (ok) {
        assert_ok(jbw_date_parse(&got, r->block, n));
        assert_int_equal(got, want);
    } else if (!blank && jbw_date_parse(&got, r->block, n) == JBW_OK) {
        print_error("'%.*s': jbw_date_parse accepts it\n", (int)n, s);
        fail();
    }
    /* as a field: the inline reader against the general one */
    for (required = 0; required <= 1; required++) {
        jbw_status a, b;
        fast = slow = 12345;
        jbw__error(JBW_OK, "stale");
        a = jbw__io_date(&fast, &r->c, 0, required);
        keep_detail(fast_msg, sizeof fast_msg);
        jbw__error(JBW_OK, "stale");
        b = jbw__io_date_other(&slow, &r->c, 0, required);
        keep_detail(slow_msg, sizeof slow_msg);
        if (a != b || fast != slow ||
            (a != JBW_OK && strcmp(fast_msg, slow_msg) != 0)) {
            print_error("'%.*s' (required %d): io_date %d %ld '%s', "
                        "io_date_other %d %ld '%s'\n",
                        (int)n, s, required, (int)a, (long)fast, fast_msg,
                        (int)b, (long)slow, slow_msg);
            fail();
        }
        if (ok && (a != JBW_OK || fast != want)) {
            print_error("'%.*s': io_date %d %ld, want %ld\n", (int)n, s, (int)a,
                        (long)fast, (long)want);
            fail();
        }
    }
}

static void check_date_str(field_rec *r, const char *s)
{
    check_date_text(r, s, strlen(s));
}

/* ---- dates ------------------------------------------------------------- */

/* Every day of the range in the three forms; each is read as that day. */
static void test_every_day(void **state)
{
    field_rec r;
    int32_t z;
    char iso[16], dm[16], ddmm[16];
    (void)state;
    rec_init(&r, "start");
    texts_checked = texts_accepted = 0;
    for (z = JBW__DAY_MIN; z <= JBW__DAY_MAX; z++) {
        int y, m, d;
        int32_t back = 0;
        jbw__date_iso(iso, z);
        jbw__civil_from_days(z, &y, &m, &d);
        snprintf(dm, sizeof dm, "%d-%d-%04d", d, m, y);
        snprintf(ddmm, sizeof ddmm, "%02d-%02d-%04d", d, m, y);
        check_date_str(&r, iso);
        check_date_str(&r, dm);
        check_date_str(&r, ddmm);
        assert_int_equal(jbw__date_iso_exact(&back, iso), 1);
        assert_int_equal(back, z);
    }
    /* 300 years of 365 days and 73 leap days (1904..2196 but 2100), each
     * in three forms, all of them read */
    assert_int_equal(300 * 365 + 73, JBW__DAY_COUNT);
    assert_int_equal(texts_accepted, 3 * (long)JBW__DAY_COUNT);
    assert_int_equal(texts_checked, 3 * (long)JBW__DAY_COUNT);
    rec_free(&r);
}

/* The edges, by hand: the range, leap years, month ends. */
static void test_date_edges(void **state)
{
    static const struct {
        const char *text;
        long day; /* days since 1970-01-01; -1: refused */
    } cases[] = {
        {"1900-01-01", -25567}, {"2199-12-31", 84005}, {"1970-01-01", 0},
        {"2000-02-29", 11016},  {"2000-03-01", 11017}, {"1904-02-29", -24048},
        {"2196-02-29", 82604},  {"2100-02-28", 47540}, {"2100-03-01", 47541},
        {"2101-01-01", 47847},  {"1900-02-29", -1},    {"2100-02-29", -1},
        {"2001-02-29", -1},     {"2025-02-29", -1},    {"1899-12-31", -1},
        {"2200-01-01", -1},     {"0000-01-01", -1},    {"9999-12-31", -1},
        {"2024-00-10", -1},     {"2024-13-10", -1},    {"2024-01-00", -1},
        {"2024-01-32", -1},     {"2024-04-31", -1},    {"2024-06-31", -1},
        {"2024-09-31", -1},     {"2024-11-31", -1},    {"2024/01/10", -1},
        {"2024.01.10", -1},     {"2024-01/10", -1},    {"2024_01-10", -1},
        {"2024-1-10", -1},      {"2024-01-1", -1},     {"2024-01-100", -1},
        {"12024-01-10", -1},    {" 2024-01-10", -1},   {"2024-01-10 ", -1},
        {"31-12-2024", 20088},  {"1-1-1900", -25567},  {"29-2-2100", -1},
        {"29-02-1900", -1},     {"9-9-2024", 19975},   {"09-9-2024", 19975},
        {"9-09-2024", 19975},   {"0-1-2024", -1},      {"1-0-2024", -1},
        {"32-1-2024", -1},      {"1-13-2024", -1},     {"1-1-24", -1},
        {"1-1-02024", -1},      {"001-1-2024", -1},
    };
    field_rec r;
    size_t i;
    (void)state;
    rec_init(&r, "start");
    check_date_text(&r, "", 0);
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *s = cases[i].text;
        int32_t got = 0;
        int hit = jbw__date_parse_exact(&got, s, strlen(s));
        if (hit != (cases[i].day != -1) || (hit && got != cases[i].day)) {
            print_error("'%s': parse_exact %d (%ld), want %ld\n", s, hit,
                        (long)got, cases[i].day);
            fail();
        }
        check_date_str(&r, s);
    }
    rec_free(&r);
}

/* Every byte value at every position of dates of the edge years and
 * months, as YYYY-MM-DD and DD-MM-YYYY; and the texts one shorter, one
 * longer and with blanks around. */
static void test_date_bytes(void **state)
{
    static const char *const base[] = {
        "1900-01-01", "1900-02-28", "1900-12-31", "1904-02-29",
        "1969-12-31", "1999-09-09", "2000-02-29", "2024-10-20",
        "2099-12-31", "2100-02-28", "2100-03-01", "2199-12-31",
        "01-01-1900", "29-02-2000", "31-12-2199", "28-02-2100"};
    field_rec r;
    size_t b, i;
    int v;
    char s[16];
    (void)state;
    rec_init(&r, "start");
    for (b = 0; b < sizeof base / sizeof base[0]; b++) {
        for (i = 0; i < 10; i++)
            for (v = 0; v < 256; v++) {
                memcpy(s, base[b], 10);
                s[i] = (char)v;
                check_date_text(&r, s, 10);
            }
        memcpy(s, base[b], 10);
        check_date_text(&r, s, 9);
        check_date_text(&r, s + 1, 9);
        for (v = 0; v < 256; v++) {
            memcpy(s, base[b], 10);
            s[10] = (char)v;
            check_date_text(&r, s, 11);
            s[0] = (char)v;
            memcpy(s + 1, base[b], 10);
            check_date_text(&r, s, 11);
        }
        snprintf(s, sizeof s, " %s ", base[b]);
        check_date_text(&r, s, 12);
        snprintf(s, sizeof s, "\t%s", base[b]);
        check_date_text(&r, s, 11);
        snprintf(s, sizeof s, "%s 0:00", base[b]);
        check_date_text(&r, s, strlen(s));
    }
    rec_free(&r);
}

/* 29 February, day 0, day 32, month 0 and 13 of every year in range and
 * the years around it, as YYYY-MM-DD; the last day of every month of
 * every year and the day after it. */
static void test_date_every_year(void **state)
{
    field_rec r;
    int y, m;
    char s[64];
    (void)state;
    rec_init(&r, "start");
    for (y = JBW_YEAR_MIN - 2; y <= JBW_YEAR_MAX + 2; y++) {
        snprintf(s, sizeof s, "%04d-02-29", y);
        check_date_text(&r, s, 10);
        snprintf(s, sizeof s, "%04d-00-10", y);
        check_date_text(&r, s, 10);
        snprintf(s, sizeof s, "%04d-13-10", y);
        check_date_text(&r, s, 10);
        snprintf(s, sizeof s, "29-2-%04d", y);
        check_date_text(&r, s, 9);
        for (m = 1; m <= 12; m++) {
            int last = y >= 1 ? ref_month_len(y, m) : 31;
            snprintf(s, sizeof s, "%04d-%02d-00", y, m);
            check_date_text(&r, s, 10);
            snprintf(s, sizeof s, "%04d-%02d-%02d", y, m, last);
            check_date_text(&r, s, 10);
            snprintf(s, sizeof s, "%04d-%02d-%02d", y, m, last + 1);
            check_date_text(&r, s, 10);
            snprintf(s, sizeof s, "%04d-%02d-32", y, m);
            check_date_text(&r, s, 10);
        }
    }
    rec_free(&r);
}

/* The messages of refused dates, as written by hand. */
static void test_date_messages(void **state)
{
    field_rec r;
    jbw_date d = 0;
    (void)state;
    rec_init(&r, "start");
    set_field(&r, "", 0);
    assert_status(jbw__io_date(&d, &r.c, 0, 1), JBW_EPARSE);
    assert_string_equal(jbw_last_error(),
                        "test.csv line 2, column 'start': a date is required");
    assert_ok(jbw__io_date(&d, &r.c, 0, 0));
    assert_int_equal(d, JBW_DATE_NONE);
    assert_status(jbw__io_date(&d, &r.c, JBW__CSV_ABSENT, 1), JBW_EPARSE);
    assert_string_equal(jbw_last_error(),
                        "test.csv line 2: a date is required");
    d = 0;
    assert_ok(jbw__io_date(&d, &r.c, JBW__CSV_ABSENT, 0));
    assert_int_equal(d, JBW_DATE_NONE);
    set_field(&r, "2100-02-29", 10);
    assert_status(jbw__io_date(&d, &r.c, 0, 0), JBW_EPARSE);
    assert_string_equal(jbw_last_error(),
                        "test.csv line 2, column 'start': not a date, "
                        "February 2100 has 28 days: '2100-02-29'");
    set_field(&r, "2024-13-01", 10);
    assert_status(jbw__io_date(&d, &r.c, 0, 0), JBW_EPARSE);
    assert_string_equal(jbw_last_error(),
                        "test.csv line 2, column 'start': not a date, "
                        "month 13 does not exist: '2024-13-01'");
    set_field(&r, "2200-01-01", 10);
    assert_status(jbw__io_date(&d, &r.c, 0, 0), JBW_ERANGE);
    assert_string_equal(jbw_last_error(),
                        "test.csv line 2, column 'start': year 2200 is "
                        "outside the supported 1900..2199: '2200-01-01'");
    set_field(&r, "2024:01-01", 10);
    assert_status(jbw__io_date(&d, &r.c, 0, 0), JBW_EPARSE);
    assert_string_equal(jbw_last_error(),
                        "test.csv line 2, column 'start': not a date "
                        "(expected YYYY-MM-DD, D-M-YYYY or DD-MM-YYYY): "
                        "'2024:01-01'");
    set_field(&r, "2024-01-01 00:00", 16);
    assert_ok(jbw__io_date(&d, &r.c, 0, 0));
    assert_int_equal(d, 19723);
    rec_free(&r);
}

/* ---- enum codes -------------------------------------------------------- */

typedef struct enum_info {
    jbw__io_enum which;
    const char *column;
    int empty; /* the value of an empty field; -2: refused */
} enum_info;

static const enum_info enums[IO_ENUMS] = {
    {IO_KIND, "kind", -2},          {IO_SAFETY, "safety", 0},
    {IO_PLACEMENT, "placement", 0}, {IO_JR_RISK, "jr_risk", 0},
    {IO_YESNO, "safety_plan", 0},   {IO_BAND, "override_band", -1}};

/* The public reader of an enum: status and value. */
static jbw_status public_code(int *out, jbw__io_enum which, const char *s,
                              size_t n)
{
    jbw_status st = JBW_EINVAL;
    switch (which) {
#define READ(type, fn)                                                         \
    {                                                                          \
        type v;                                                                \
        st = fn(&v, s, n);                                                     \
        if (st == JBW_OK)                                                      \
            *out = (int)v;                                                     \
        break;                                                                 \
    }
    case IO_KIND:
        READ(jbw_kind, jbw_kind_from_code)
    case IO_SAFETY:
        READ(jbw_safety, jbw_safety_from_code)
    case IO_PLACEMENT:
        READ(jbw_placement, jbw_placement_from_code)
    case IO_JR_RISK:
        READ(jbw_jr_risk, jbw_jr_risk_from_code)
    case IO_YESNO:
        READ(jbw_yesno, jbw_yesno_from_code)
    case IO_BAND:
        READ(jbw_band, jbw_band_from_code)
#undef READ
    }
    return st;
}

/* The codes of an enum, value v; NULL past the last. */
static const char *enum_code(jbw__io_enum which, int v)
{
    static const char *const dutch[] = {"onbekend", "nee", "ja"};
    switch (which) {
    case IO_KIND:
        return jbw_kind_code((jbw_kind)v);
    case IO_SAFETY:
        return jbw_safety_code((jbw_safety)v);
    case IO_PLACEMENT:
        return jbw_placement_code((jbw_placement)v);
    case IO_JR_RISK:
        return jbw_jr_risk_code((jbw_jr_risk)v);
    case IO_YESNO:
        return v < 3 ? jbw_yesno_code((jbw_yesno)v) : v < 6 ? dutch[v - 3] : 0;
    case IO_BAND:
        return jbw_band_code((jbw_band)v);
    }
    return NULL;
}

/*
 * s[0..n) in the column of enum e: jbw__io_enum_value() with `memo`
 * against jbw__io_enum_other() with an empty memo, and against the public
 * reader. Returns the status.
 */
static jbw_status check_enum_text(field_rec *r, jbw__io_memo *memo,
                                  const enum_info *e, const char *s, size_t n)
{
    jbw__io_memo empty;
    int fast = 77, slow = 77, pub = 77;
    jbw_status a, b, p;
    char fast_msg[512], slow_msg[512];
    memset(&empty, 0, sizeof empty);
    set_field(r, s, n);
    jbw__error(JBW_OK, "stale");
    a = jbw__io_enum_value(&fast, memo, &r->c, 0, e->which);
    keep_detail(fast_msg, sizeof fast_msg);
    jbw__error(JBW_OK, "stale");
    b = jbw__io_enum_other(&slow, &empty, &r->c, 0, e->which);
    keep_detail(slow_msg, sizeof slow_msg);
    if (a != b || fast != slow ||
        (a != JBW_OK && strcmp(fast_msg, slow_msg) != 0)) {
        print_error("%s '%.*s': enum_value %d %d '%s', enum_other %d %d "
                    "'%s'\n",
                    e->column, (int)n, s, (int)a, fast, fast_msg, (int)b, slow,
                    slow_msg);
        fail();
    }
    if (n > 0) {
        p = public_code(&pub, e->which, r->block, n);
        if ((p == JBW_OK) != (a == JBW_OK) || (p == JBW_OK && pub != fast)) {
            print_error("%s '%.*s': enum_value %d %d, public %d %d\n",
                        e->column, (int)n, s, (int)a, fast, (int)p, pub);
            fail();
        }
    } else if (e->empty == -2 ? a == JBW_OK : a != JBW_OK || fast != e->empty) {
        print_error("%s empty: %d %d\n", e->column, (int)a, fast);
        fail();
    }
    return a;
}

/* A code in one of four spellings: as written, lower case, upper case,
 * first letter changed in case. */
static void spell(char *dst, const char *code, int how)
{
    size_t i, n = strlen(code);
    for (i = 0; i <= n; i++) {
        char ch = code[i];
        if (how == 1 && ch >= 'A' && ch <= 'Z')
            ch = (char)(ch - 'A' + 'a');
        if (how == 2 && ch >= 'a' && ch <= 'z')
            ch = (char)(ch - 'a' + 'A');
        if (how == 3 && i == 0)
            ch = (char)(ch >= 'a' && ch <= 'z'   ? ch - 'a' + 'A'
                        : ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a'
                                                 : ch);
        dst[i] = ch;
    }
}

/* Every code of every enum in four spellings, each read twice (the
 * second time from the memo), then every text one byte away from it or
 * one byte longer or shorter, with the memo holding the code. */
static void test_enum_codes(void **state)
{
    static const char other[] = {'_', 'x', 'X', '0', ' ', '-', '\x80', '\0'};
    unsigned e;
    long codes = 0, hits = 0;
    (void)state;
    for (e = 0; e < IO_ENUMS; e++) {
        const enum_info *en = &enums[e];
        jbw__io_memo memo;
        field_rec r;
        int v, how;
        memset(&memo, 0, sizeof memo);
        rec_init(&r, en->column);
        check_enum_text(&r, &memo, en, "", 0);
        for (v = 0; enum_code(en->which, v); v++)
            for (how = 0; how < 4; how++) {
                char s[64], t[64];
                uint64_t key[3];
                size_t n, i, k;
                spell(s, enum_code(en->which, v), how);
                n = strlen(s);
                assert_int_equal(check_enum_text(&r, &memo, en, s, n), JBW_OK);
                assert_int_equal(check_enum_text(&r, &memo, en, s, n), JBW_OK);
                codes++;
                /* the memo holds the code: the second read was a hit */
                jbw__io_memo_key(key, s, n);
                for (i = 0; i < IO_MEMO_SLOTS; i++)
                    if (jbw__io_memo_is(&memo, (unsigned)i, key, n))
                        hits++;
                for (i = 0; i < n; i++)
                    for (k = 0; k < sizeof other; k++) {
                        memcpy(t, s, n);
                        if (t[i] == other[k])
                            continue;
                        t[i] = other[k];
                        check_enum_text(&r, &memo, en, t, n);
                    }
                for (k = 0; k < sizeof other; k++) {
                    memcpy(t, s, n);
                    t[n] = other[k];
                    check_enum_text(&r, &memo, en, t, n + 1);
                    t[0] = other[k];
                    memcpy(t + 1, s, n);
                    check_enum_text(&r, &memo, en, t, n + 1);
                }
                check_enum_text(&r, &memo, en, s, n - 1);
                check_enum_text(&r, &memo, en, s + 1, n - 1);
                assert_int_equal(check_enum_text(&r, &memo, en, s, n), JBW_OK);
            }
        rec_free(&r);
    }
    /* 12 kinds, 5 safety codes, 3 placements, 4 risks, 6 yes/no words and
     * 4 bands, four spellings each */
    assert_int_equal(codes, 4 * (12 + 5 + 3 + 4 + 6 + 4));
    assert_int_equal(hits, codes);
}

/* Codes the memo cannot keep (longer than IO_MEMO_MAX) and codes that
 * differ from a kept one only inside, for every length up to 30. */
static void test_enum_lengths(void **state)
{
    field_rec r;
    jbw__io_memo memo;
    char s[40], t[40];
    size_t n, i;
    (void)state;
    memset(&memo, 0, sizeof memo);
    rec_init(&r, "kind");
    for (n = 1; n <= 30; n++) {
        for (i = 0; i < n; i++)
            s[i] = (char)('a' + i % 26);
        check_enum_text(&r, &memo, &enums[IO_KIND], s, n);
        for (i = 0; i < n; i++) {
            memcpy(t, s, n);
            t[i] = 'Z';
            check_enum_text(&r, &memo, &enums[IO_KIND], t, n);
        }
    }
    /* a kept code of 18 bytes, then texts of 18 bytes differing from it
     * in one byte: none is read from the memo */
    check_enum_text(&r, &memo, &enums[IO_KIND], "TIJDELIJKE_VOOGDIJ", 18);
    for (i = 0; i < 18; i++) {
        memcpy(t, "TIJDELIJKE_VOOGDIJ", 18);
        t[i] = '#';
        assert_int_equal(check_enum_text(&r, &memo, &enums[IO_KIND], t, 18),
                         JBW_EPARSE);
    }
    rec_free(&r);
}

/* The messages of unknown and missing codes, as written by hand. */
static void test_enum_messages(void **state)
{
    field_rec r;
    jbw__io_memo memo;
    int v = 0;
    (void)state;
    memset(&memo, 0, sizeof memo);
    rec_init(&r, "kind");
    set_field(&r, "OTS", 3);
    assert_ok(jbw__io_enum_value(&v, &memo, &r.c, 0, IO_KIND));
    assert_int_equal(v, JBW_KIND_OTS);
    set_field(&r, "OTZ", 3);
    assert_status(jbw__io_enum_value(&v, &memo, &r.c, 0, IO_KIND), JBW_EPARSE);
    assert_string_equal(
        jbw_last_error(),
        "test.csv line 2, column 'kind': not a measure kind (OTS, VOTS, "
        "VOOGDIJ, VOORLOPIGE_VOOGDIJ, TIJDELIJKE_VOOGDIJ, JR_TB_GEDWONGEN, "
        "JR_TB_VRIJWILLIG, JR_ITB_HARDE_KERN, JR_ITB_CRIEM, JR_STP, JR_GBM, "
        "JR_VGBM): 'OTZ'");
    set_field(&r, "", 0);
    assert_status(jbw__io_enum_value(&v, &memo, &r.c, 0, IO_KIND), JBW_EPARSE);
    assert_string_equal(jbw_last_error(), "test.csv line 2, column 'kind': a "
                                          "measure kind is required");
    rec_free(&r);
    rec_init(&r, "safety_plan");
    set_field(&r, "yes", 3);
    assert_ok(jbw__io_enum_value(&v, &memo, &r.c, 0, IO_YESNO));
    assert_int_equal(v, JBW_YESNO_YES);
    set_field(&r, "yess", 4);
    assert_status(jbw__io_enum_value(&v, &memo, &r.c, 0, IO_YESNO), JBW_EPARSE);
    assert_string_equal(jbw_last_error(),
                        "test.csv line 2, column 'safety_plan': not yes, no "
                        "or unknown (unknown, no, yes): 'yess'");
    v = 5;
    assert_ok(jbw__io_enum_value(&v, &memo, &r.c, JBW__CSV_ABSENT, IO_BAND));
    assert_int_equal(v, -1);
    v = 5;
    assert_ok(jbw__io_enum_value(&v, &memo, &r.c, JBW__CSV_ABSENT, IO_YESNO));
    assert_int_equal(v, 0);
    rec_free(&r);
}

/* ---- numbers ----------------------------------------------------------- */

static uint64_t rng_state = 0x6A62772D66746531ull; /* "jbw-fte1" */

static uint64_t rng_next(void)
{
    /* xorshift64* (Vigna 2016) */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1Dull;
}

static long numbers_checked;

/*
 * s[0..n) as fte in a ',' file and in a ';' file: jbw__io_number() (plain
 * decimals read by hand) against jbw__parse_double() (strtod()): the same
 * status and the same double, bit for bit; a refused text gives the
 * message of before.
 */
static void check_number_text(field_rec *r, const char *s, size_t n)
{
    int semi;
    set_field(r, s, n);
    for (semi = 0; semi <= 1; semi++) {
        double fast = -7.0, slow = -7.0;
        jbw_status a;
        int b;
        r->c.delim = semi ? ';' : ',';
        a = jbw__io_number(&fast, &r->c, 0);
        b = n ? jbw__parse_double(&slow, r->block, n, semi) : -1;
        if ((a == JBW_OK) != (b == 0) ||
            memcmp(&fast, &slow, sizeof fast) != 0) {
            print_error("'%.*s' (%c file): io_number %d %.17g, "
                        "parse_double %d %.17g\n",
                        (int)n, s, r->c.delim, (int)a, fast, b, slow);
            fail();
        }
    }
    numbers_checked++;
    r->c.delim = ',';
}

static void check_number_str(field_rec *r, const char *s)
{
    check_number_text(r, s, strlen(s));
}

/* Plain decimals of up to 15 digits and their neighbours: every a.b with
 * a below 100 and b of one to three digits, random ones of 1..16 digits
 * with the point anywhere or nowhere, and the texts by hand. */
static void test_number_plain(void **state)
{
    static const char *const cases[] = {"0",
                                        "1",
                                        "0.9",
                                        "0,9",
                                        "1.0",
                                        "0.75",
                                        "0,75",
                                        "00.50",
                                        "999999999999999",
                                        "99999999999999.9",
                                        "0.00000000000001",
                                        "9999999999999999",
                                        "123456789012345",
                                        "0.1234567890123",
                                        "1.",
                                        ".5",
                                        "1..2",
                                        "1.2.3",
                                        "1,2.3",
                                        "-1",
                                        "+1",
                                        "-0.5",
                                        " 1",
                                        "1 ",
                                        "1e3",
                                        "1E-2",
                                        "0x10",
                                        "inf",
                                        "nan",
                                        "1,",
                                        ",5",
                                        "1.5x",
                                        "",
                                        "1;5",
                                        "\xc2\xbd"};
    field_rec r;
    int a, b, k;
    char s[40];
    size_t i;
    (void)state;
    rec_init(&r, "fte");
    numbers_checked = 0;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_number_str(&r, cases[i]);
    for (a = 0; a < 100; a++)
        for (b = 0; b < 1000; b++) {
            snprintf(s, sizeof s, "%d.%d", a, b);
            check_number_str(&r, s);
            snprintf(s, sizeof s, "%d,%02d", a, b % 100);
            check_number_str(&r, s);
            snprintf(s, sizeof s, "%d.%03d", a, b);
            check_number_str(&r, s);
        }
    for (k = 0; k < 100000; k++) {
        size_t n = 1 + (size_t)(rng_next() % 16),
               at = (size_t)(rng_next() % (n + 1));
        for (i = 0; i < n; i++)
            s[i] = (char)('0' + rng_next() % 10);
        if (at > 0 && at < n)
            s[at] = rng_next() % 2 ? '.' : ',';
        check_number_text(&r, s, n);
    }
    assert_int_equal(numbers_checked, (long)(sizeof cases / sizeof cases[0]) +
                                          3 * 100 * 1000 + 100000);
    rec_free(&r);
}

/* The messages of refused numbers, as written by hand. */
static void test_number_messages(void **state)
{
    field_rec r;
    double v = 0;
    (void)state;
    rec_init(&r, "fte");
    set_field(&r, "0,9", 3);
    assert_status(jbw__io_number(&v, &r.c, 0), JBW_EPARSE);
    assert_string_equal(jbw_last_error(),
                        "test.csv line 2, column 'fte': not a number (a "
                        "decimal comma is read only in files delimited by "
                        "';'): '0,9'");
    r.c.delim = ';';
    assert_ok(jbw__io_number(&v, &r.c, 0));
    assert_true(v == 0.9);
    set_field(&r, "1.5.", 4);
    assert_status(jbw__io_number(&v, &r.c, 0), JBW_EPARSE);
    assert_string_equal(jbw_last_error(),
                        "test.csv line 2, column 'fte': not a number: '1.5.'");
    set_field(&r, "", 0);
    assert_status(jbw__io_number(&v, &r.c, 0), JBW_EPARSE);
    assert_string_equal(jbw_last_error(),
                        "test.csv line 2, column 'fte': a number is required");
    rec_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_day),
        cmocka_unit_test(test_date_edges),
        cmocka_unit_test(test_date_bytes),
        cmocka_unit_test(test_date_every_year),
        cmocka_unit_test(test_date_messages),
        cmocka_unit_test(test_enum_codes),
        cmocka_unit_test(test_enum_lengths),
        cmocka_unit_test(test_enum_messages),
        cmocka_unit_test(test_number_plain),
        cmocka_unit_test(test_number_messages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
