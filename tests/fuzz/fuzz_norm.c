/*
 * Fuzzes jbw_norm_parse. Properties: a failing parse returns a documented
 * status with a detail and writes nothing; a parsed norm holds values in
 * their domain (caseload > 0, weights >= 0, ramp fractions in [0, 1],
 * under_below <= over_above, all finite); parse -> save -> parse -> save
 * gives identical text.
 */
#include <math.h>

#include "fuzz_util.h"

static void check_norm(const jbw_norm *norm)
{
    int k;
    int32_t months[] = {INT32_MIN, -1, 0, 1, 2, 3, 6, 12, 600, INT32_MAX};
    size_t i;
    double c = jbw_norm_caseload_per_fte(norm);
    double u = jbw_norm_under_below(norm), o = jbw_norm_over_above(norm);
    FUZZ_CHECK(isfinite(c) && c > 0.0, "caseload_per_fte %g", c);
    FUZZ_CHECK(isfinite(u) && isfinite(o) && u <= o, "thresholds %g %g", u, o);
    FUZZ_CHECK(jbw_norm_unit(norm) <= JBW_UNIT_FAMILY, "unit");
    FUZZ_CHECK(jbw_norm_name(norm) != NULL, "no name");
    for (k = 0; k < JBW_KIND_COUNT; k++) {
        double w = jbw_norm_weight(norm, (jbw_kind)k);
        FUZZ_CHECK(isfinite(w) && w >= 0.0, "weight[%d] %g", k, w);
    }
    for (i = 0; i < sizeof months / sizeof months[0]; i++) {
        double r = jbw_norm_ramp(norm, months[i]);
        FUZZ_CHECK(r >= 0.0 && r <= 1.0, "ramp(%ld) = %g", (long)months[i], r);
        if (months[i] < 0)
            FUZZ_CHECK(r == 0.0, "ramp(%ld) = %g, not 0", (long)months[i], r);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    jbw_norm *norm = (jbw_norm *)FUZZ_SENTINEL, *again = NULL, *copy = NULL;
    char *t1 = NULL, *t2 = NULL, *t3 = NULL;
    size_t l1 = 0, l2 = 0, l3 = 0;
    jbw_status st =
        jbw_norm_parse(&norm, (const char *)data, size, "fuzz.norm");
    if (st != JBW_OK) {
        FUZZ_CHECK_FAILURE(st, "norm_parse");
        FUZZ_CHECK(norm == (jbw_norm *)FUZZ_SENTINEL,
                   "norm written on failure");
        return 0;
    }
    check_norm(norm);
    st = jbw_norm_save(&t1, &l1, norm);
    FUZZ_CHECK(st == JBW_OK && strlen(t1) == l1, "norm_save: %d", (int)st);
    st = jbw_norm_parse(&again, t1, l1, "saved");
    FUZZ_CHECK(st == JBW_OK, "a saved norm does not parse: %d\n%s", (int)st,
               t1);
    st = jbw_norm_save(&t2, &l2, again);
    FUZZ_CHECK(st == JBW_OK, "norm_save again: %d", (int)st);
    if (!fuzz_same(t1, l1, t2, l2))
        fuzz_diff_abort("norm", t1, l1, t2, l2);
    st = jbw_norm_clone(&copy, norm);
    FUZZ_CHECK(st == JBW_OK, "norm_clone: %d", (int)st);
    st = jbw_norm_save(&t3, &l3, copy);
    FUZZ_CHECK(st == JBW_OK, "norm_save clone: %d", (int)st);
    if (!fuzz_same(t1, l1, t3, l3))
        fuzz_diff_abort("norm clone", t1, l1, t3, l3);
    jbw_free(t1);
    jbw_free(t2);
    jbw_free(t3);
    jbw_norm_free(copy);
    jbw_norm_free(again);
    jbw_norm_free(norm);
    return 0;
}
