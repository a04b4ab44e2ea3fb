/*
 * Fuzzes jbw_wait_cases_set_text. The first byte picks the field, the
 * second whether the count given is the number of values in the text or
 * one off it; the rest is the text (copied to a buffer of exactly its
 * size, so a read past it is caught under the sanitizers). Properties: a
 * success needs a text of exactly `count` NUL-terminated values; string
 * fields then point at those values one after the other, dates are none
 * or in the supported range, codes name a value of their enum, and the
 * other fields keep their defaults; a failure returns a documented status
 * with a detail.
 */
#include "fuzz_util.h"

static const char *const fields[] = {"id",
                                     "child_id",
                                     "family_id",
                                     "organisation",
                                     "region",
                                     "kind",
                                     "safety",
                                     "placement",
                                     "jr_risk",
                                     "waiting_since",
                                     "birth_date",
                                     "last_contact",
                                     "previous_workers",
                                     "safety_plan",
                                     "other_help",
                                     "domestic_violence",
                                     "term_end",
                                     "override_band",
                                     "override_reason"};

#define FIELD_COUNT (sizeof fields / sizeof fields[0])
#define CASES_MAX   4096

static const char **string_field(jbw_wait_case *c, const char *name)
{
    if (strcmp(name, "id") == 0)
        return &c->id;
    if (strcmp(name, "child_id") == 0)
        return &c->child_id;
    if (strcmp(name, "family_id") == 0)
        return &c->family_id;
    if (strcmp(name, "organisation") == 0)
        return &c->organisation;
    if (strcmp(name, "region") == 0)
        return &c->region;
    if (strcmp(name, "override_reason") == 0)
        return &c->override_reason;
    return NULL;
}

static int date_ok(jbw_date d)
{
    return d == JBW_DATE_NONE || jbw_date_to_ymd(NULL, NULL, NULL, d) == JBW_OK;
}

/* The value of a date or code field is one its field may hold. */
static void check_value(const jbw_wait_case *c, const char *name)
{
    if (strcmp(name, "kind") == 0)
        FUZZ_CHECK(jbw_kind_code(c->kind) != NULL, "kind %d", (int)c->kind);
    else if (strcmp(name, "safety") == 0)
        FUZZ_CHECK(jbw_safety_code(c->safety) != NULL, "safety %d",
                   (int)c->safety);
    else if (strcmp(name, "placement") == 0)
        FUZZ_CHECK(jbw_placement_code(c->placement) != NULL, "placement %d",
                   (int)c->placement);
    else if (strcmp(name, "jr_risk") == 0)
        FUZZ_CHECK(jbw_jr_risk_code(c->jr_risk) != NULL, "jr_risk %d",
                   (int)c->jr_risk);
    else if (strcmp(name, "safety_plan") == 0 ||
             strcmp(name, "other_help") == 0 ||
             strcmp(name, "domestic_violence") == 0)
        FUZZ_CHECK(jbw_yesno_code(c->safety_plan) &&
                       jbw_yesno_code(c->other_help) &&
                       jbw_yesno_code(c->domestic_violence),
                   "yes/no out of range");
    else if (strcmp(name, "override_band") == 0)
        FUZZ_CHECK(c->override_band >= JBW_OVERRIDE_NONE &&
                       c->override_band <= JBW_BAND_ACUUT,
                   "override_band %d", c->override_band);
    FUZZ_CHECK(date_ok(c->waiting_since) && date_ok(c->birth_date) &&
                   date_ok(c->last_contact) && date_ok(c->term_end),
               "a date out of range");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *name;
    jbw_wait_case *cases;
    char *text;
    size_t n, values = 0, count, i, len;
    jbw_status st;
    if (size < 2)
        return 0;
    name = fields[data[0] % FIELD_COUNT];
    len = size - 2;
    for (i = 0; i < len; i++)
        values += data[2 + i] == 0;
    count = data[1] % 3 == 0   ? values
            : data[1] % 3 == 1 ? values + 1
                               : values - (values > 0);
    if (count > CASES_MAX)
        return 0;
    n = count ? count : 1;
    cases = malloc(n * sizeof *cases);
    text = malloc(len ? len : 1);
    if (!cases || !text) {
        free(cases);
        free(text);
        return 0;
    }
    memcpy(text, data + 2, len);
    for (i = 0; i < n; i++)
        jbw_wait_case_init(&cases[i], JBW_WAIT_CASE_VERSION);

    st = jbw_wait_cases_set_text(cases, count, name, text, len);
    if (st != JBW_OK) {
        FUZZ_CHECK_FAILURE(st, "jbw_wait_cases_set_text");
    } else if (count > 0) {
        const char *p = text;
        FUZZ_CHECK(count == values && text[len - 1] == '\0',
                   "accepted %lu values with count %lu", (unsigned long)values,
                   (unsigned long)count);
        for (i = 0; i < count; i++) {
            const char **s = string_field(&cases[i], name);
            if (s) {
                FUZZ_CHECK(*s == p, "row %lu of '%s' points elsewhere",
                           (unsigned long)i, name);
                p += strlen(p) + 1;
            } else {
                check_value(&cases[i], name);
            }
            if (strcmp(name, "region") != 0)
                FUZZ_CHECK(cases[i].region == NULL, "region written");
            if (strcmp(name, "previous_workers") != 0 &&
                strcmp(name, "kind") != 0)
                FUZZ_CHECK(cases[i].previous_workers == 0 &&
                               cases[i].kind == JBW_KIND_OTS,
                           "another field written");
        }
    }
    free(text);
    free(cases);
    return 0;
}
