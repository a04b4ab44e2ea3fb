/*
 * Tests of the fast paths of the snapshot's checks (data/snapshot_check.c)
 * against the rules they shortcut:
 *
 *  - the dates: a date in range, or an optional date not given, passes
 *    without the slow check; every date field of a measure and a worker
 *    is tried with every day around both ends of the range, JBW_DATE_NONE
 *    and far values, and the outcome (status and the exact detail) must
 *    be the rule's, written out here from snapshot.h;
 *  - the ids' lengths and hashes the CSV loader takes from a row's fields
 *    and hands to the snapshot (jbw__snapshot_add_measure_hashed), which
 *    then measures no id again: generated measures, their ids of length
 *    0, 1, JBW_ID_MAX and JBW_ID_MAX + 1, with control characters,
 *    repeated or missing, are added once through that path and once
 *    through jbw_snapshot_add_measure(), which measures and hashes every
 *    id itself, and the outcomes (status, detail, what was stored) must
 *    be the same; and the same measures loaded from CSV text (lenient)
 *    must be taken or refused as the public path takes or refuses them,
 *    with its detail;
 *  - the ids: a valid id (1 to JBW_ID_MAX bytes, no control character)
 *    passes inline; every byte value, ids of 0 to 20 bytes with a control
 *    character at each place, and ids around JBW_ID_MAX, in each id field
 *    and through both paths, give the rule's status and exact detail;
 *  - the registry's keys: a key of 1 to 8 bytes is looked up as one
 *    number read without a loop; registries with keys of 1 to 12 bytes
 *    (and one too large for the table) are searched with their keys,
 *    every key with each byte changed, cut, lengthened and in other case,
 *    and each must find what the registry's map finds (or fail as the
 *    rule says);
 *  - the copies: a short field or key is copied without a call, in
 *    overlapping moves; keys of 0 to 300 bytes interned into a map, and
 *    ids of 1 to 40 and 250 to 255 bytes loaded from CSV text, must read
 *    back byte for byte;
 *  - the family map: an own family (a measure without a family id) is an
 *    index without a key; the map's slots must still fit every index.
 *
 * Linked with the library's objects: the fast paths are internal. All data
 * is synthetic.
 */
#include "jbw_test.h"

#include "data/snapshot_check.h"

/* ---- fixture ------------------------------------------------------------ */

/* Regions R1, R2 and Noord; G1 serves all three, G2 only R1, GI-Oost
 * R2 and Noord. */
static jbw_registry *fixture_registry(void)
{
    jbw_registry *reg = NULL;
    assert_ok(jbw_registry_new(&reg));
    assert_ok(jbw_registry_add_region(reg, "R1", "Regio een", NULL));
    assert_ok(jbw_registry_add_region(reg, "R2", "Regio twee", NULL));
    assert_ok(jbw_registry_add_organisation(reg, "G1", "GI een"));
    assert_ok(jbw_registry_add_organisation(reg, "G2", "GI twee"));
    assert_ok(jbw_registry_add_service(reg, "G1", "R1"));
    assert_ok(jbw_registry_add_service(reg, "G1", "R2"));
    assert_ok(jbw_registry_add_service(reg, "G2", "R1"));
    assert_ok(jbw_registry_add_region(reg, "Noord", "Regio noord", NULL));
    assert_ok(jbw_registry_add_organisation(reg, "GI-Oost", "GI oost"));
    assert_ok(jbw_registry_add_service(reg, "G1", "Noord"));
    assert_ok(jbw_registry_add_service(reg, "GI-Oost", "R2"));
    assert_ok(jbw_registry_add_service(reg, "GI-Oost", "Noord"));
    return reg;
}

static jbw_snapshot *new_snapshot(const jbw_registry *reg)
{
    jbw_snapshot *snap = NULL;
    assert_ok(jbw_snapshot_new(&snap, reg, D(2025, 9, 1)));
    return snap;
}

/* Fails unless the last call gave `expected` with exactly `detail` (any
 * detail when NULL); `what` names the case. */
static void expect_outcome(jbw_status got, jbw_status expected,
                           const char *detail, const char *what)
{
    if (got != expected) {
        print_error("%s: status %d, expected %d; detail: %s\n", what, (int)got,
                    (int)expected, jbw_last_error());
        fail();
    }
    if (detail && strcmp(jbw_last_error(), detail) != 0) {
        print_error("%s: detail '%s', expected '%s'\n", what, jbw_last_error(),
                    detail);
        fail();
    }
}

/* ---- dates -------------------------------------------------------------- */

#define DAY_MIN ((jbw_date)-25567) /* 1900-01-01 */
#define DAY_MAX ((jbw_date)84005)  /* 2199-12-31 */

/* A date as the checks write it in a detail. */
static const char *date_text(char *buf, size_t size, jbw_date d)
{
    if (jbw_date_format(buf, size, d) != JBW_OK)
        snprintf(buf, size, "day %ld", (long)d);
    return buf;
}

/* The date fields of a measure; start is the one required. */
enum {
    F_START,
    F_END,
    F_FIRST,
    F_WAITING,
    F_BIRTH,
    F_CONTACT,
    F_TERM_END,
    F_HELP_REQUESTED,
    F_HELP_STARTED,
    F_COUNT
};
static const char *const field_names[F_COUNT] = {
    "start",        "end",      "first_assigned", "waiting_since", "birth_date",
    "last_contact", "term_end", "help_requested", "help_started"};

/*
 * A valid OTS (G1, R1) whose date field f is d. The other dates are set
 * so that no rule between dates can fail on an in-range d: start is the
 * first day of the range (the last one when birth_date, which may not be
 * after it, is tried), and a measure with first_assigned had a worker
 * before and waits since start.
 */
static jbw_measure dated_measure(int f, jbw_date d)
{
    jbw_measure m = JBW_MEASURE_INIT;
    jbw_date *fields[F_COUNT];
    m.id = "M1";
    m.child_id = "C1";
    m.organisation = "G1";
    m.region = "R1";
    m.kind = JBW_KIND_OTS;
    m.start = f == F_BIRTH ? DAY_MAX : DAY_MIN;
    if (f == F_FIRST) {
        m.previous_workers = 1;
        m.waiting_since = DAY_MIN;
    }
    fields[F_START] = &m.start;
    fields[F_END] = &m.end;
    fields[F_FIRST] = &m.first_assigned;
    fields[F_WAITING] = &m.waiting_since;
    fields[F_BIRTH] = &m.birth_date;
    fields[F_CONTACT] = &m.last_contact;
    fields[F_TERM_END] = &m.term_end;
    fields[F_HELP_REQUESTED] = &m.help_requested;
    fields[F_HELP_STARTED] = &m.help_started;
    *fields[f] = d;
    return m;
}

/* What the rules say of date field f (of `what` `id`, required or not)
 * holding d: the status, and the detail in *detail ("" for JBW_OK). The
 * one rule between dates an in-range d can break here is end after
 * start (both the first day). */
static jbw_status date_rule(char *detail, size_t size, const char *field,
                            int required, jbw_date d, const char *what,
                            const char *id, int end_on_start)
{
    char t[32], s[32];
    detail[0] = '\0';
    if (d == JBW_DATE_NONE) {
        if (!required)
            return JBW_OK;
        snprintf(detail, size, "%s is missing (%s '%s')", field, what, id);
        return JBW_EINVAL;
    }
    if (d < DAY_MIN || d > DAY_MAX) {
        snprintf(detail, size,
                 "%s (%s) is outside 1900-01-01..2199-12-31 (%s '%s')", field,
                 date_text(t, sizeof t, d), what, id);
        return JBW_ERANGE;
    }
    if (end_on_start) {
        snprintf(detail, size, "%s %s is not after %s %s (%s '%s')", field,
                 date_text(t, sizeof t, d),
                 strcmp(what, "worker") == 0 ? "hired" : "start",
                 date_text(s, sizeof s, DAY_MIN), what, id);
        return JBW_EINVAL;
    }
    return JBW_OK;
}

/* The days tried: JBW_DATE_NONE and its neighbour, every day within 40
 * of either end of the range, the extremes of the type, and days spread
 * over the range and beyond it. */
static size_t date_cases(jbw_date *out)
{
    static const jbw_date far[] = {INT32_MIN + 1,
                                   INT32_MAX,
                                   INT32_MAX - 1,
                                   -1000000,
                                   1000000,
                                   -1,
                                   0,
                                   1,
                                   20000,
                                   -25568 - 1000,
                                   84006 + 1000};
    size_t n = 0, k;
    jbw_date d;
    out[n++] = JBW_DATE_NONE;
    for (d = DAY_MIN - 40; d <= DAY_MIN + 40; d++)
        out[n++] = d;
    for (d = DAY_MAX - 40; d <= DAY_MAX + 40; d++)
        out[n++] = d;
    for (k = 0; k < sizeof far / sizeof *far; k++)
        out[n++] = far[k];
    for (d = DAY_MIN; d <= DAY_MAX; d += 997)
        out[n++] = d;
    return n;
}

static void test_measure_dates(void **state)
{
    jbw_registry *reg = fixture_registry();
    jbw_date days[400];
    size_t n = date_cases(days), k;
    int f;
    (void)state;
    for (f = 0; f < F_COUNT; f++) {
        for (k = 0; k < n; k++) {
            jbw_snapshot *snap = new_snapshot(reg);
            jbw_measure m = dated_measure(f, days[k]);
            char detail[256], what[96];
            jbw_status want = date_rule(detail, sizeof detail, field_names[f],
                                        f == F_START, days[k], "measure", "M1",
                                        f == F_END && days[k] == DAY_MIN);
            jbw_status got = jbw_snapshot_add_measure(snap, &m);
            snprintf(what, sizeof what, "measure %s = %ld", field_names[f],
                     (long)days[k]);
            expect_outcome(got, want, want == JBW_OK ? NULL : detail, what);
            assert_int_equal(jbw_snapshot_measure_count(snap),
                             want == JBW_OK ? 1 : 0);
            jbw_snapshot_free(snap);
        }
    }
    jbw_registry_free(reg);
}

static void test_worker_dates(void **state)
{
    jbw_registry *reg = fixture_registry();
    jbw_date days[400];
    size_t n = date_cases(days), k;
    int f;
    (void)state;
    for (f = 0; f < 2; f++) { /* hired (required), leaving */
        for (k = 0; k < n; k++) {
            jbw_snapshot *snap = new_snapshot(reg);
            jbw_worker w = JBW_WORKER_INIT;
            char detail[256], what[96];
            jbw_status want, got;
            w.id = "W1";
            w.organisation = "G1";
            w.hired = f == 0 ? days[k] : DAY_MIN;
            if (f == 1)
                w.leaving = days[k];
            want = date_rule(detail, sizeof detail,
                             f == 0 ? "hired" : "leaving", f == 0, days[k],
                             "worker", "W1", f == 1 && days[k] == DAY_MIN);
            got = jbw_snapshot_add_worker(snap, &w);
            snprintf(what, sizeof what, "worker %s = %ld",
                     f == 0 ? "hired" : "leaving", (long)days[k]);
            expect_outcome(got, want, want == JBW_OK ? NULL : detail, what);
            jbw_snapshot_free(snap);
        }
    }
    jbw_registry_free(reg);
}

/* ---- ids -------------------------------------------------------------- */

static jbw__measure_keys keys_of(const jbw_measure *m);

/* The id fields of a measure, in the order of the checks. */
static const char *const id_fields[4] = {"id", "child_id", "family_id",
                                         "worker_id"};

/*
 * What the rules say of a measure (id "M1" unless field 0 is tried) whose
 * id field f holds id (n bytes, NULL when not given): the status and
 * exact detail, or JBW_OK, or for a valid worker id JBW_ENOTFOUND (no
 * such worker).
 */
static jbw_status id_rule(char *detail, size_t size, int f, const char *id,
                          size_t n)
{
    char q[JBW__SHOWN], shown[JBW__SHOWN];
    size_t k;
    detail[0] = '\0';
    if (n == 0 && (f == 2 || f == 3))
        return JBW_OK; /* an own family; no worker */
    if (n == 0 && f == 0) {
        snprintf(detail, size, "id is missing: every measure needs one");
        return JBW_EINVAL;
    }
    if (n == 0) {
        snprintf(detail, size, "%s is missing (measure 'M1')", id_fields[f]);
        return JBW_EINVAL;
    }
    jbw__quote_value(q, sizeof q, id, n);
    /* the record's own id is shown only once it is valid */
    snprintf(shown, sizeof shown, "%s", f == 0 ? "" : "M1");
    if (n > JBW_ID_MAX) {
        snprintf(detail, size,
                 "%s is longer than %d bytes (%zu bytes): '%s' (measure '%s')",
                 id_fields[f], JBW_ID_MAX, n, q, shown);
        return JBW_ERANGE;
    }
    for (k = 0; k < n; k++) {
        unsigned char c = (unsigned char)id[k];
        if (c < 0x20 || c == 0x7f) {
            snprintf(detail, size,
                     "%s holds a control character (byte %zu): '%s' (measure "
                     "'%s')",
                     id_fields[f], k + 1, q, shown);
            return JBW_EINVAL;
        }
    }
    return f == 3 ? JBW_ENOTFOUND : JBW_OK;
}

/* Adds a measure whose id field f is id (n bytes) through both paths,
 * each into a fresh snapshot, and compares both with the rule. */
static void try_id(const jbw_registry *reg, int f, const char *id, size_t n)
{
    char detail[1024], what[64];
    int path;
    jbw_status want = id_rule(detail, sizeof detail, f, id, n);
    for (path = 0; path < 2; path++) {
        jbw_snapshot *snap = new_snapshot(reg);
        jbw_measure m = dated_measure(F_START, D(2024, 1, 1));
        jbw_status got;
        const char **fields[4];
        fields[0] = &m.id;
        fields[1] = &m.child_id;
        fields[2] = &m.family_id;
        fields[3] = &m.worker_id;
        *fields[f] = id;
        if (path == 0) {
            got = jbw_snapshot_add_measure(snap, &m);
        } else {
            jbw__measure_keys keys = keys_of(&m);
            const char *column;
            int worker_fault;
            got = jbw__snapshot_add_measure_hashed(snap, &m, &keys,
                                                   &worker_fault, &column);
        }
        snprintf(what, sizeof what, "%s of %zu bytes (path %d)", id_fields[f],
                 n, path);
        expect_outcome(got, want,
                       want == JBW_OK || want == JBW_ENOTFOUND ? NULL : detail,
                       what);
        jbw_snapshot_free(snap);
    }
}

static void test_id_rules(void **state)
{
    jbw_registry *reg = fixture_registry();
    char id[JBW_ID_MAX + 8];
    size_t n, at;
    int f, b;
    (void)state;
    for (f = 0; f < 4; f++) {
        try_id(reg, f, NULL, 0);
        try_id(reg, f, "", 0);
        /* every byte value alone, and between others */
        for (b = 1; b < 256; b++) {
            id[0] = (char)b;
            id[1] = '\0';
            try_id(reg, f, id, 1);
            snprintf(id, sizeof id, "Q%cr", (char)b);
            try_id(reg, f, id, 3);
        }
        /* a control character at each place of ids of 1 to 20 bytes */
        for (n = 1; n <= 20; n++) {
            for (at = 0; at <= n; at++) {
                memset(id, 'a', n);
                id[n] = '\0';
                if (at < n)
                    id[at] = at % 2 ? '\x7f' : '\x1f';
                try_id(reg, f, id, n);
            }
        }
        /* around JBW_ID_MAX, with a control character last or not */
        for (n = JBW_ID_MAX - 2; n <= JBW_ID_MAX + 2; n++) {
            memset(id, 'b', n);
            id[n] = '\0';
            try_id(reg, f, id, n);
            id[n - 1] = '\t';
            try_id(reg, f, id, n);
        }
    }
    jbw_registry_free(reg);
}

/* ---- the registry's keys ----------------------------------------------- */

/* A registry whose `count` organisations and regions have keys of 1 to 12
 * bytes: k in base 62, padded with '-' to 1 + k % 12 bytes. Every
 * organisation serves the first region, the first organisation every
 * region. */
static jbw_registry *keys_registry(size_t count)
{
    static const char digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                 "abcdefghijklmnopqrstuvwxyz";
    jbw_registry *reg = NULL;
    char key[16];
    size_t k, n;
    assert_ok(jbw_registry_new(&reg));
    for (k = 0; k < count; k++) {
        n = 0;
        if (k >= 62)
            key[n++] = digits[k / 62 % 62];
        key[n++] = digits[k % 62];
        while (n < 1 + k % 12)
            key[n++] = '-';
        key[n] = '\0';
        assert_ok(jbw_registry_add_organisation(reg, key, "GI"));
        assert_ok(jbw_registry_add_region(reg, key, "Regio", NULL));
    }
    for (k = 0; k < count; k++) {
        assert_ok(
            jbw_registry_add_service(reg, jbw__strmap_key(&reg->org_keys, k),
                                     jbw__strmap_key(&reg->region_keys, 0)));
        assert_ok(
            jbw_registry_add_service(reg, jbw__strmap_key(&reg->org_keys, 0),
                                     jbw__strmap_key(&reg->region_keys, k)));
    }
    return reg;
}

/* Looks up `key` as organisation (or region; the other is the first key)
 * through both paths, and compares with the registry's map. */
static void try_key(const jbw_registry *reg, const char *key, int as_region)
{
    const jbw__strmap *keys = as_region ? &reg->region_keys : &reg->org_keys;
    long want = jbw__strmap_find(keys, key, strlen(key));
    int path;
    for (path = 0; path < 2; path++) {
        jbw_snapshot *snap = new_snapshot(reg);
        jbw_measure m = dated_measure(F_START, D(2024, 1, 1));
        jbw_status got;
        m.organisation = as_region ? jbw__strmap_key(&reg->org_keys, 0) : key;
        m.region = as_region ? key : jbw__strmap_key(&reg->region_keys, 0);
        if (path == 0) {
            got = jbw_snapshot_add_measure(snap, &m);
        } else {
            jbw__measure_keys k = keys_of(&m);
            const char *column;
            int worker_fault;
            got = jbw__snapshot_add_measure_hashed(snap, &m, &k, &worker_fault,
                                                   &column);
        }
        if (want < 0 && !*key) {
            assert_int_equal(got, JBW_EINVAL);
            assert_error_contains("is missing");
        } else if (want < 0) {
            if (got != JBW_ENOTFOUND) {
                print_error("key '%s' (path %d): status %d, not found "
                            "expected\n",
                            key, path, (int)got);
                fail();
            }
            assert_error_contains("is not in the registry");
        } else {
            if (got != JBW_OK) {
                print_error("key '%s' (path %d): %s\n", key, path,
                            jbw_last_error());
                fail();
            }
            assert_int_equal(as_region ? snap->m.region[0] : snap->m.org[0],
                             (uint32_t)want);
        }
        jbw_snapshot_free(snap);
    }
}

/* Every key of reg as it is, with each byte changed, cut, lengthened and
 * in the other case. */
static void try_keys(const jbw_registry *reg)
{
    static const unsigned char bytes[] = {'a',  'Z',  '0',  '_',  ' ',
                                          0x80, 0xC3, 0xE9, 0xFF, 0x01};
    size_t k, j, b;
    int r;
    for (r = 0; r < 2; r++) {
        const jbw__strmap *keys = r ? &reg->region_keys : &reg->org_keys;
        for (k = 0; k < keys->count; k++) {
            const char *key = jbw__strmap_key(keys, k);
            size_t n = strlen(key);
            char s[32];
            try_key(reg, key, r);
            for (j = 0; j <= n; j++) {
                for (b = 0; b < sizeof bytes; b++) {
                    memcpy(s, key, n + 1);
                    if (j < n) { /* a byte changed */
                        s[j] = (char)bytes[b];
                    } else { /* one or two bytes more */
                        s[n] = (char)bytes[b];
                        s[n + 1] = '\0';
                        try_key(reg, s, r);
                        s[n + 1] = 'q';
                        s[n + 2] = '\0';
                    }
                    try_key(reg, s, r);
                }
                memcpy(s, key, j); /* cut */
                s[j] = '\0';
                try_key(reg, s, r);
            }
            for (j = 0; j < n; j++)
                s[j] = (char)(key[j] ^ 0x20);
            s[n] = '\0';
            try_key(reg, s, r);
        }
    }
}

static void test_registry_keys(void **state)
{
    jbw_registry *reg = keys_registry(30);
    (void)state;
    try_keys(reg);
    jbw_registry_free(reg);
}

/* A registry with more keys than the small table takes: the map alone. */
static void test_registry_keys_map(void **state)
{
    jbw_registry *reg = keys_registry(140);
    jbw_snapshot *snap = new_snapshot(reg);
    (void)state;
    assert_int_equal(snap->org_codes.in_use, 0);
    jbw_snapshot_free(snap);
    try_key(reg, jbw__strmap_key(&reg->org_keys, 139), 0);
    try_key(reg, jbw__strmap_key(&reg->region_keys, 77), 1);
    try_key(reg, jbw__strmap_key(&reg->region_keys, 3), 1);
    try_key(reg, "A-------", 0);
    try_key(reg, "A------", 0);
    try_key(reg, "Nope", 1);
    jbw_registry_free(reg);
}

/* ---- copies ------------------------------------------------------------ */

/* Byte k of the test string number i of n bytes: no NUL, no two places
 * alike within 62, so a byte copied to the wrong place shows. */
static char pattern(size_t i, size_t n, size_t k)
{
    static const char digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                 "abcdefghijklmnopqrstuvwxyz";
    return digits[(i * 7 + n * 3 + k) % 62];
}

static void test_copied_keys(void **state)
{
    jbw__strmap m;
    char key[310];
    size_t n, k, index;
    int inserted;
    (void)state;
    memset(&m, 0, sizeof m);
    for (n = 0; n <= 300; n++) {
        for (k = 0; k < n; k++)
            key[k] = pattern(n, n, k);
        assert_int_equal(jbw__strmap_intern(&m, key, n, &index, &inserted),
                         JBW_OK);
        assert_true(inserted);
        assert_int_equal(index, n);
    }
    for (n = 0; n <= 300; n++) {
        const char *got = jbw__strmap_key(&m, n);
        for (k = 0; k < n; k++)
            key[k] = pattern(n, n, k);
        assert_int_equal(strlen(got), n);
        assert_memory_equal(got, key, n);
        assert_int_equal(jbw__strmap_find(&m, key, n), (long)n);
    }
    jbw__strmap_free(&m);
}

static void test_copied_fields(void **state)
{
    static const char workers[] = "id,organisation,region,fte,hired\n"
                                  "W1,G1,,1,2020-01-01\n";
    jbw_registry *reg = fixture_registry();
    jbw_snapshot *snap = NULL;
    jbw_load_options o = JBW_LOAD_OPTIONS_INIT;
    jbw__buf text = JBW__BUF_INIT;
    char id[JBW_ID_MAX + 1];
    size_t lens[52], count = 0, i, n, k, f;
    (void)state;
    for (n = 1; n <= 40; n++)
        lens[count++] = n;
    for (n = JBW_ID_MAX - 5; n <= JBW_ID_MAX; n++)
        lens[count++] = n;
    jbw__buf_puts(&text, "id,child_id,family_id,kind,organisation,region,"
                         "start,worker_id\n");
    for (i = 0; i < count; i++) {
        for (f = 0; f < 3; f++) { /* id, child, family: one pattern each */
            for (k = 0; k < lens[i]; k++)
                id[k] = pattern(i * 3 + f, lens[i], k);
            id[lens[i]] = '\0';
            jbw__buf_puts(&text, id);
            jbw__buf_puts(&text, ",");
        }
        jbw__buf_puts(&text, "OTS,G1,R1,2024-01-01,W1\n");
    }
    assert_false(text.failed);
    o.reference_date = D(2025, 9, 1);
    assert_ok(jbw_snapshot_load_csv_buffers(
        &snap, NULL, reg, text.data, text.len, "measures.csv", workers,
        strlen(workers), "workers.csv", &o));
    assert_int_equal(jbw_snapshot_measure_count(snap), count);
    for (i = 0; i < count; i++) {
        const jbw__strmap *maps[3];
        maps[0] = &snap->measure_ids;
        maps[1] = &snap->child_ids;
        maps[2] = &snap->family_ids;
        for (f = 0; f < 3; f++) {
            const char *got = jbw__strmap_key(maps[f], i);
            for (k = 0; k < lens[i]; k++)
                id[k] = pattern(i * 3 + f, lens[i], k);
            assert_int_equal(strlen(got), lens[i]);
            assert_memory_equal(got, id, lens[i]);
        }
        assert_int_equal(snap->m.worker[i], 0);
    }
    jbw__buf_free(&text);
    jbw_snapshot_free(snap);
    jbw_registry_free(reg);
}

/* ---- own families ------------------------------------------------------ */

/*
 * A measure without a family id is its child's own family: an index in
 * the family map without a key. Here 300 children come without a family
 * id first, then 40 families of two children each: the family indices
 * then run far past the slots the 40 keys alone would need, and every
 * sibling must still find its family (index 300 + f, by hand).
 */
static void test_own_families(void **state)
{
    jbw_registry *reg = fixture_registry();
    jbw_snapshot *snap = new_snapshot(reg);
    char id[32], child[32], family[32];
    size_t k, f, index;
    (void)state;
    for (k = 0; k < 300; k++) {
        jbw_measure m = dated_measure(F_START, D(2024, 1, 1));
        snprintf(id, sizeof id, "M%zu", k);
        snprintf(child, sizeof child, "C%zu", k);
        m.id = id;
        m.child_id = child;
        assert_ok(jbw_snapshot_add_measure(snap, &m));
    }
    for (k = 0; k < 2; k++) {
        for (f = 0; f < 40; f++) {
            jbw_measure m = dated_measure(F_START, D(2024, 1, 1));
            snprintf(id, sizeof id, "N%zu-%zu", f, k);
            snprintf(child, sizeof child, "D%zu-%zu", f, k);
            snprintf(family, sizeof family, "F%zu", f);
            m.id = id;
            m.child_id = child;
            m.family_id = family;
            assert_ok(jbw_snapshot_add_measure(snap, &m));
            assert_ok(jbw_snapshot_find_measure(&index, snap, id));
            assert_int_equal(snap->m.family[index], 300 + f);
        }
    }
    assert_int_equal(snap->family_ids.count, 340);
    assert_int_equal(snap->family_ids.unkeyed, 300);
    jbw_snapshot_free(snap);
    jbw_registry_free(reg);
}

/* ---- the ids' lengths -------------------------------------------------- */

#define IDS_SEED 0x6A62772D69647331ull /* "jbw-ids1" */
#define MEASURES 3000

static uint64_t rng_state = IDS_SEED;

static uint64_t rng(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1Dull;
}

static size_t pick(size_t n)
{
    return (size_t)(rng() % n);
}

/* An id of `len` bytes: prefix and index, padded with 'x' (len >= 1);
 * with `control`, one byte (not the first) is 0x01 or 0x7F. */
static void make_id(char *out, size_t len, char prefix, size_t index,
                    int control)
{
    char head[32];
    size_t n, k;
    snprintf(head, sizeof head, "%c%zu", prefix, index);
    n = strlen(head);
    for (k = 0; k < len; k++)
        out[k] = k < n ? head[k] : 'x';
    out[len] = '\0';
    if (len > 1 && control)
        out[1 + pick(len - 1)] = pick(2) ? '\x01' : '\x7f';
}

/* An id drawn from the cases: not given (NULL, if `null_ok`), empty, of
 * 1 byte, short (often one seen before: the pool holds `pool` ids of each
 * prefix), of JBW_ID_MAX or JBW_ID_MAX + 1 bytes, or holding a control
 * character. Returns out or NULL. */
static const char *draw_id(char *out, char prefix, size_t pool, int null_ok)
{
    size_t r = pick(100);
    if (r < 3 && null_ok)
        return NULL;
    if (r < 6) {
        out[0] = '\0';
        return out;
    }
    if (r < 9) {
        out[0] = prefix;
        out[1] = '\0';
        return out;
    }
    if (r < 12) {
        make_id(out, JBW_ID_MAX, prefix, pick(pool), 0);
        return out;
    }
    if (r < 14) {
        make_id(out, JBW_ID_MAX + 1, prefix, pick(pool), 0);
        return out;
    }
    if (r < 17) {
        make_id(out, 2 + pick(20), prefix, pick(pool), 1);
        return out;
    }
    snprintf(out, JBW_ID_MAX + 2, "%c%zu", prefix, pick(pool));
    return out;
}

typedef struct case_ids {
    char id[JBW_ID_MAX + 2], child[JBW_ID_MAX + 2];
    char family[JBW_ID_MAX + 2], worker[JBW_ID_MAX + 2];
} case_ids;

/* A measure of the cases: its ids drawn (the strings in c), its
 * organisation and region those of the fixture or not, a worker or not,
 * a start in range. */
static jbw_measure draw_measure(case_ids *c, int csv)
{
    static const char *const orgs[] = {"G1", "G1", "G1",      "GI-Oost",
                                       "G1", "G1", "GI-Oost", "GX"};
    static const char *const regions[] = {"R1",    "R1", "Noord", "R2",
                                          "Noord", "R2", "RX",    "R1"};
    jbw_measure m = JBW_MEASURE_INIT;
    size_t w = pick(10);
    m.id = draw_id(c->id, 'M', MEASURES, !csv);
    m.child_id = draw_id(c->child, 'C', MEASURES / 3, !csv);
    m.family_id = pick(2) ? draw_id(c->family, 'F', MEASURES / 4, 1) : NULL;
    m.organisation = orgs[pick(8)];
    m.region = regions[pick(8)];
    m.kind = JBW_KIND_OTS;
    m.start = D(2024, 1, 1) + (jbw_date)pick(300);
    if (w < 4) {
        m.worker_id = w < 2 ? "W1" : "W2";
    } else if (w < 6) {
        m.worker_id = draw_id(c->worker, 'W', 4, 1);
    } else if (w < 7) {
        strcpy(c->worker, "WX");
        m.worker_id = c->worker;
    }
    return m;
}

/* The snapshot's workers: W1 of G1, W2 of G2. */
static void add_workers(jbw_snapshot *snap)
{
    jbw_worker w = JBW_WORKER_INIT;
    w.id = "W1";
    w.organisation = "G1";
    w.hired = D(2020, 1, 1);
    assert_ok(jbw_snapshot_add_worker(snap, &w));
    w.id = "W2";
    w.organisation = "G2";
    assert_ok(jbw_snapshot_add_worker(snap, &w));
}

/* The keys as the loader takes them from the fields (load_rows.c). */
static jbw__measure_keys keys_of(const jbw_measure *m)
{
    jbw__measure_keys k;
    k.len[JBW__KEY_MEASURE] = m->id ? strlen(m->id) : 0;
    k.len[JBW__KEY_CHILD] = m->child_id ? strlen(m->child_id) : 0;
    k.len[JBW__KEY_FAMILY] = m->family_id ? strlen(m->family_id) : 0;
    k.len[JBW__KEY_WORKER] = m->worker_id ? strlen(m->worker_id) : 0;
    k.org_len = m->organisation ? strlen(m->organisation) : 0;
    k.region_len = m->region ? strlen(m->region) : 0;
    k.hash[JBW__KEY_MEASURE] =
        jbw__hash(m->id ? m->id : "", k.len[JBW__KEY_MEASURE]);
    k.hash[JBW__KEY_CHILD] =
        jbw__hash(m->child_id ? m->child_id : "", k.len[JBW__KEY_CHILD]);
    k.hash[JBW__KEY_FAMILY] =
        jbw__family_key_hash(m->family_id, k.len[JBW__KEY_FAMILY]);
    k.hash[JBW__KEY_WORKER] =
        m->worker_id ? jbw__hash(m->worker_id, k.len[JBW__KEY_WORKER]) : 0;
    return k;
}

/* The last measure stored in a and b is the same. */
static void same_last_measure(const jbw_snapshot *a, const jbw_snapshot *b)
{
    size_t i = a->m.count - 1;
    assert_int_equal(a->m.child[i], b->m.child[i]);
    assert_int_equal(a->m.family[i], b->m.family[i]);
    assert_int_equal(a->m.org[i], b->m.org[i]);
    assert_int_equal(a->m.region[i], b->m.region[i]);
    assert_int_equal(a->m.worker[i], b->m.worker[i]);
    assert_int_equal(a->m.family_given[i], b->m.family_given[i]);
}

#define WORKER_ADVICE ": add workers before their measures"

static void test_keyed_measures(void **state)
{
    jbw_registry *reg = fixture_registry();
    jbw_snapshot *a = new_snapshot(reg), *b = new_snapshot(reg);
    size_t k, taken = 0;
    (void)state;
    rng_state = IDS_SEED;
    add_workers(a);
    add_workers(b);
    for (k = 0; k < MEASURES; k++) {
        case_ids c;
        jbw_measure m = draw_measure(&c, 0);
        jbw__measure_keys keys = keys_of(&m);
        char detail_a[1024];
        const char *column;
        int worker_fault;
        jbw_status sa = jbw_snapshot_add_measure(a, &m), sb;
        snprintf(detail_a, sizeof detail_a, "%s", jbw_last_error());
        sb = jbw__snapshot_add_measure_hashed(b, &m, &keys, &worker_fault,
                                              &column);
        if (sa != sb) {
            print_error("measure %zu: status %d through the public path, %d "
                        "with the loader's keys (%s)\n",
                        k, (int)sa, (int)sb, detail_a);
            fail();
        }
        if (sb != JBW_OK) {
            char detail_b[1024];
            snprintf(detail_b, sizeof detail_b, "%s%s", jbw_last_error(),
                     worker_fault == JBW__WORKER_UNKNOWN ? WORKER_ADVICE : "");
            if (strcmp(detail_a, detail_b) != 0) {
                print_error("measure %zu: '%s' through the public path, '%s' "
                            "with the loader's keys\n",
                            k, detail_a, detail_b);
                fail();
            }
        } else {
            taken++;
            same_last_measure(a, b);
        }
        assert_int_equal(a->m.count, b->m.count);
        assert_int_equal(a->child_ids.count, b->child_ids.count);
        assert_int_equal(a->family_ids.count, b->family_ids.count);
    }
    /* the cases reach both outcomes often */
    print_message("%zu of %d taken\n", taken, MEASURES);
    assert_true(taken > MEASURES / 5 && taken < MEASURES * 4 / 5);
    jbw_snapshot_free(a);
    jbw_snapshot_free(b);
    jbw_registry_free(reg);
}

/* Appends a field to the CSV text (NULL: empty). */
static void put_field(jbw__buf *t, const char *s, int last)
{
    if (s)
        jbw__buf_puts(t, s);
    jbw__buf_puts(t, last ? "\n" : ",");
}

/* The loader refuses an id over JBW_ID_MAX bytes itself, naming its
 * column: the first of them in the row's order. The start of the
 * detail it gives then, or NULL. */
static char *too_long(const jbw_measure *m)
{
    const char *ids[4],
        *names[4] = {"id", "child_id", "family_id", "worker_id"};
    char buf[128];
    size_t k;
    ids[0] = m->id;
    ids[1] = m->child_id;
    ids[2] = m->family_id;
    ids[3] = m->worker_id;
    for (k = 0; k < 4; k++) {
        size_t n = ids[k] ? strlen(ids[k]) : 0;
        if (n > JBW_ID_MAX) {
            char *out;
            snprintf(buf, sizeof buf,
                     "column '%s': an id has at most %d bytes, this one %zu: "
                     "'",
                     names[k], JBW_ID_MAX, n);
            out = malloc(strlen(buf) + 1);
            assert_non_null(out);
            strcpy(out, buf);
            return out;
        }
    }
    return NULL;
}

static void test_loaded_measures(void **state)
{
    static const char header[] =
        "id,child_id,family_id,kind,organisation,region,start,worker_id\n";
    static const char workers[] = "id,organisation,region,fte,hired\n"
                                  "W1,G1,,1,2020-01-01\n"
                                  "W2,G2,,1,2020-01-01\n";
    jbw_registry *reg = fixture_registry();
    jbw_snapshot *a = new_snapshot(reg), *loaded = NULL;
    jbw_rejects *rej = NULL;
    jbw_load_options o = JBW_LOAD_OPTIONS_INIT;
    jbw__buf text = JBW__BUF_INIT;
    char *details[MEASURES];
    size_t k, r = 0, lines[MEASURES], taken = 0;
    (void)state;
    rng_state = IDS_SEED ^ 1;
    add_workers(a);
    jbw__buf_puts(&text, header);
    for (k = 0; k < MEASURES; k++) {
        case_ids c;
        jbw_measure m = draw_measure(&c, 1);
        char day[16];
        jbw_status st;
        put_field(&text, m.id, 0);
        put_field(&text, m.child_id, 0);
        put_field(&text, m.family_id, 0);
        put_field(&text, "OTS", 0);
        put_field(&text, m.organisation, 0);
        put_field(&text, m.region, 0);
        assert_ok(jbw_date_format(day, sizeof day, m.start));
        put_field(&text, day, 0);
        put_field(&text, m.worker_id, 1);
        /* as the loader gives them: an empty optional field is none */
        if (m.family_id && !*m.family_id)
            m.family_id = NULL;
        if (m.worker_id && !*m.worker_id)
            m.worker_id = NULL;
        st = jbw_snapshot_add_measure(a, &m);
        details[k] = too_long(&m);
        if (details[k]) {
            assert_int_not_equal(st, JBW_OK);
            lines[r++] = k + 2;
        } else if (st != JBW_OK) {
            const char *d = jbw_last_error();
            size_t n = strlen(d), adv = strlen(WORKER_ADVICE);
            if (n > adv && strcmp(d + n - adv, WORKER_ADVICE) == 0)
                n -= adv;
            details[k] = malloc(n + 1);
            assert_non_null(details[k]);
            memcpy(details[k], d, n);
            details[k][n] = '\0';
            lines[r++] = k + 2;
        } else {
            taken++;
        }
    }
    assert_false(text.failed);
    o.lenient = 1;
    o.reference_date = D(2025, 9, 1);
    assert_ok(jbw_snapshot_load_csv_buffers(
        &loaded, &rej, reg, text.data, text.len, "measures.csv", workers,
        strlen(workers), "workers.csv", &o));
    /* the same rows refused, each with the public path's detail */
    assert_int_equal(jbw_rejects_count(rej), r);
    assert_int_equal(jbw_snapshot_measure_count(loaded), taken);
    for (k = 0, r = 0; k < MEASURES; k++) {
        const char *file, *reason;
        size_t line;
        if (!details[k])
            continue;
        assert_ok(jbw_rejects_get(&file, &line, &reason, rej, r));
        assert_int_equal(line, lines[r]);
        if (!strstr(reason, details[k])) {
            print_error("line %zu: the loader says '%s', the public path "
                        "'%s'\n",
                        line, reason, details[k]);
            fail();
        }
        free(details[k]);
        r++;
    }
    /* and the same measures stored, in the same order */
    assert_int_equal(loaded->m.count, a->m.count);
    assert_int_equal(loaded->child_ids.count, a->child_ids.count);
    assert_int_equal(loaded->family_ids.count, a->family_ids.count);
    for (k = 0; k < a->m.count; k++) {
        assert_int_equal(loaded->m.child[k], a->m.child[k]);
        assert_int_equal(loaded->m.family[k], a->m.family[k]);
        assert_int_equal(loaded->m.worker[k], a->m.worker[k]);
        assert_int_equal(loaded->m.org[k], a->m.org[k]);
        assert_int_equal(loaded->m.region[k], a->m.region[k]);
    }
    jbw__buf_free(&text);
    jbw_rejects_free(rej);
    jbw_snapshot_free(loaded);
    jbw_snapshot_free(a);
    jbw_registry_free(reg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_measure_dates),
        cmocka_unit_test(test_worker_dates),
        cmocka_unit_test(test_id_rules),
        cmocka_unit_test(test_registry_keys),
        cmocka_unit_test(test_registry_keys_map),
        cmocka_unit_test(test_copied_keys),
        cmocka_unit_test(test_copied_fields),
        cmocka_unit_test(test_own_families),
        cmocka_unit_test(test_keyed_measures),
        cmocka_unit_test(test_loaded_measures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
