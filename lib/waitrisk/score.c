/*
 * libjbw - scoring waiting cases against the waiting-risk model (one
 * case and a batch), with the codes of bands and items.
 */
#include "waitrisk/waitrisk_internal.h"

#include <stdio.h>
#include <string.h>

/* ====================================================================== */
/* Codes                                                                   */
/* ====================================================================== */

const char *jbw_band_code(jbw_band band)
{
    switch (band) {
    case JBW_BAND_LAAG:
        return "laag";
    case JBW_BAND_MIDDEN:
        return "midden";
    case JBW_BAND_HOOG:
        return "hoog";
    case JBW_BAND_ACUUT:
        return "acuut";
    default:
        return NULL;
    }
}

const char *jbw_item_code(jbw_item item)
{
    switch (item) {
    case JBW_ITEM_ACUTE:
        return "acute";
    case JBW_ITEM_SAFETY:
        return "safety";
    case JBW_ITEM_MEASURE:
        return "measure";
    case JBW_ITEM_TIME_WAITED:
        return "time_waited";
    case JBW_ITEM_BESTAAND:
        return "bestaand";
    case JBW_ITEM_AGE:
        return "age";
    case JBW_ITEM_NO_CONTACT:
        return "no_contact";
    case JBW_ITEM_HANDOVERS:
        return "handovers";
    case JBW_ITEM_SAFETY_PLAN:
        return "safety_plan";
    case JBW_ITEM_OTHER_HELP:
        return "other_help";
    case JBW_ITEM_DOMESTIC_VIOLENCE:
        return "domestic_violence";
    case JBW_ITEM_TERM_END:
        return "term_end";
    default:
        return NULL;
    }
}

jbw_status jbw_band_from_code(jbw_band *out, const char *code, size_t len)
{
    static const char *const codes[] = {"laag", "midden", "hoog", "acuut"};
    size_t i, k;
    if (!out || !code)
        return jbw__error(JBW_EINVAL, "jbw_band_from_code: %s is NULL",
                          out ? "code" : "out");
    if (len == (size_t)-1)
        len = strlen(code);
    for (i = 0; i < 4; i++) {
        if (strlen(codes[i]) != len)
            continue;
        for (k = 0; k < len; k++) {
            char ch = code[k];
            if (ch >= 'A' && ch <= 'Z')
                ch = (char)(ch - 'A' + 'a');
            if (ch != codes[i][k])
                break;
        }
        if (k == len) {
            *out = (jbw_band)i;
            return jbw__ok();
        }
    }
    {
        char q[JBW__SHOWN];
        return jbw__error(JBW_ENOTFOUND,
                          "not a band (laag, midden, hoog or acuut): '%s'",
                          jbw__quote_value(q, sizeof q, code, len));
    }
}

jbw_status jbw_wait_case_init(jbw_wait_case *c, unsigned int version)
{
    static const jbw_wait_case init = JBW_WAIT_CASE_INIT;
    if (c && version == 1) {
        /* a record of libjbw 0.1 is smaller: write only its fields */
        memcpy(c, &init, WR_CASE_V1_SIZE);
        c->version = 1;
        return jbw__ok();
    }
    if (c && version - 1u > (unsigned)JBW_WAIT_CASE_VERSION - 1u)
        return jbw__error_version(version, 1, JBW_WAIT_CASE_VERSION,
                                  "jbw_wait_case_init:");
    return jbw__record_init(c, &init, sizeof init, version,
                            JBW_WAIT_CASE_VERSION, "jbw_wait_case_init");
}

const jbw_wait_case *jbw__wr_case_at(const jbw_wait_case *cases, size_t i)
{
    size_t stride = cases[0].version == 1 ? WR_CASE_V1_SIZE : sizeof *cases;
    return (const jbw_wait_case *)(const void *)((const char *)cases +
                                                 i * stride);
}

const jbw_wait_case *jbw__wr_case_full(jbw_wait_case *tmp,
                                       const jbw_wait_case *c)
{
    static const jbw_wait_case init = JBW_WAIT_CASE_INIT;
    if (JBW__LIKELY(c->version != 1))
        return c;
    *tmp = init;
    memcpy(tmp, c, WR_CASE_V1_SIZE);
    return tmp;
}

int jbw__wr_overridden(const jbw_wait_case *c)
{
    return c->version >= 2 && c->override_band != JBW_OVERRIDE_NONE;
}

jbw_band jbw__wr_band_of(const jbw_waitrisk_model *m, const jbw_score *s)
{
    const int *v = m->v;
    if (s->item_points[JBW_ITEM_ACUTE] != 0)
        return JBW_BAND_ACUUT;
    return (jbw_band)((s->points >= v[WR_T_BAND_MIDDEN]) +
                      (s->points >= v[WR_T_BAND_HOOG]) +
                      (s->points >= v[WR_T_BAND_ACUUT]));
}

int jbw_waitrisk_computed_band(const jbw_waitrisk_model *model,
                               const jbw_score *score)
{
    if (!model || !score)
        return -1;
    return (int)jbw__wr_band_of(model, score);
}

/* ====================================================================== */
/* Scoring                                                                 */
/* ====================================================================== */

jbw_status jbw__wr_ctx_init(jbw__wr_ctx *x, const jbw_waitrisk_model *m,
                            const jbw_calendar *cal, jbw_date date,
                            const char *fn)
{
    if (!jbw__date_in_range(date)) {
        if (date == JBW_DATE_NONE)
            return jbw__error(JBW_ERANGE, "%s: the date is JBW_DATE_NONE", fn);
        return jbw__error(JBW_ERANGE,
                          "%s: the date (day %ld) is outside "
                          "1900-01-01..2199-12-31",
                          fn, (long)date);
    }
    x->m = m;
    x->cal = cal;
    x->date = date;
    x->first = (uint32_t)jbw__days_from_civil(JBW_YEAR_MIN, 1, 1);
    x->span = (uint32_t)jbw__days_from_civil(JBW_YEAR_MAX, 12, 31) - x->first;
    jbw__civil_from_days(date, &x->year, &x->month, &x->day);
    x->t = NULL;
    return JBW_OK;
}

/* 1 when d lies in 1900-01-01..2199-12-31 (JBW_DATE_NONE does not). */
static int in_range(const jbw__wr_ctx *x, jbw_date d)
{
    return (uint32_t)d - x->first <= x->span;
}

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/*
 * Fills the tables of a batch. The latest birth date that makes someone
 * k years old on the date is the same month and day k years earlier; for
 * a date on 29 February in a year k years back without one it is
 * 28 February (born 29 February: a year older on 1 March).
 */
static void tables_fill(jbw__wr_tables *t, jbw__wr_ctx *x)
{
    uint32_t j, back = (uint32_t)x->date - x->first;
    int k;
    t->due[0] = x->date;
    for (j = 1; j <= WR_CONTACT_MAX; j++)
        if (jbw_calendar_add_workdays(&t->due[j], x->cal, x->date,
                                      (int32_t)j) != JBW_OK)
            t->due[j] = JBW_DATE_NONE;
    t->back = back < WR_BACK_DAYS ? back : WR_BACK_DAYS;
    t->workdays[0] = 0;
    for (j = 1; j <= t->back; j++) {
        if (jbw_calendar_workdays_between(&t->workdays[j], x->cal,
                                          x->date - (jbw_date)j,
                                          x->date) != JBW_OK) {
            t->back = j - 1; /* the per-case path takes over */
            break;
        }
    }
    for (k = 0; k <= WR_AGE_MAX + 1; k++) {
        int y = x->year - k;
        int d = x->month == 2 && x->day == 29 && !is_leap(y) ? 28 : x->day;
        t->age_days[k] = x->date - jbw__days_from_civil(y, x->month, d);
    }
    x->t = t;
}

/* Werkdagen from `from` (not after the date) to the date. */
static jbw_status workdays_to(int32_t *out, const jbw__wr_ctx *x, jbw_date from)
{
    uint32_t back = (uint32_t)x->date - (uint32_t)from;
    if (x->t && back <= x->t->back) {
        *out = x->t->workdays[back];
        return JBW_OK;
    }
    return jbw_calendar_workdays_between(out, x->cal, from, x->date);
}

/* Whole years from birth (not after the date) to the date: a year is
 * complete on the birthday; born 29 February, on 1 March in a common
 * year, which the month-day comparison gives by itself. */
static int32_t age_on(const jbw__wr_ctx *x, jbw_date birth)
{
    int y, m, d;
    if (x->t) {
        const int32_t *ad = x->t->age_days;
        int32_t days = x->date - birth;
        /* days / 365.2425, then the exact step */
        int32_t k = (int32_t)(((int64_t)days * 2871) >> 20);
        if (k > WR_AGE_MAX)
            k = WR_AGE_MAX;
        while (k > 0 && ad[k] > days)
            k--;
        while (k < WR_AGE_MAX && ad[k + 1] <= days)
            k++;
        return k;
    }
    jbw__civil_from_days(birth, &y, &m, &d);
    return (int32_t)(x->year - y - (x->month * 32 + x->day < m * 32 + d));
}

/* Quick test of everything scoring needs; the explanation of a failure
 * is in case_error(). Dates compare as integers: JBW_DATE_NONE is
 * INT32_MIN, below every date of the range. */
static int case_ok(const jbw_wait_case *c, const jbw__wr_ctx *x)
{
    jbw_date ws = c->waiting_since, b = c->birth_date, lc = c->last_contact;
    int v2 = x->m->base >= 2;
    if (c->version - 1u > (unsigned)JBW_WAIT_CASE_VERSION - 1u ||
        (unsigned)c->kind >= (unsigned)JBW_KIND_COUNT ||
        (unsigned)c->safety > (unsigned)JBW_SAFETY_ACUTE ||
        (unsigned)c->placement > (unsigned)JBW_PLACEMENT_CRISIS ||
        (unsigned)c->jr_risk > (unsigned)JBW_JR_RISK_HIGH ||
        c->previous_workers < 0)
        return 0;
    if (!in_range(x, ws) || ws > x->date)
        return 0;
    /* version 2: a prenatal measure, an unborn child */
    if (b != JBW_DATE_NONE &&
        (!in_range(x, b) || (v2 ? b > x->date + JBW__UNBORN_DAYS_MAX : b > ws)))
        return 0;
    if (lc != JBW_DATE_NONE &&
        (!in_range(x, lc) || lc > x->date || (lc < b && (!v2 || b <= ws))))
        return 0;
    if ((unsigned)c->safety_plan > (unsigned)JBW_YESNO_YES ||
        (unsigned)c->other_help > (unsigned)JBW_YESNO_YES ||
        (unsigned)c->domestic_violence > (unsigned)JBW_YESNO_YES ||
        (c->term_end != JBW_DATE_NONE && !in_range(x, c->term_end)) ||
        c->override_band < JBW_OVERRIDE_NONE ||
        c->override_band > (int)JBW_BAND_ACUUT)
        return 0;
    if ((c->override_band != JBW_OVERRIDE_NONE) !=
        jbw__has_text(c->override_reason))
        return 0;
    return 1;
}

void jbw__wr_fmt_date(char *buf, jbw_date d)
{
    if (jbw_date_format(buf, JBW_DATE_BUFSIZE, d) != JBW_OK)
        snprintf(buf, JBW_DATE_BUFSIZE, "%s",
                 d == JBW_DATE_NONE ? "none" : "?");
}

/* Names a case in a message: "cases[3] (id 'M-1')" or "wait case 'M-1'". */
static void case_name(char *buf, size_t size, const jbw_wait_case *c,
                      size_t index)
{
    const char *id = c->id ? c->id : "(no id)";
    if (index == (size_t)-1)
        snprintf(buf, size, "wait case '%.60s'", id);
    else
        snprintf(buf, size, "cases[%lu] (id '%.60s')", (unsigned long)index,
                 id);
}

/* A date field that must lie in the library's range. */
static jbw_status range_field(const char *who, const char *field, jbw_date d)
{
    return jbw__error(JBW_ERANGE,
                      "%s: field '%s' (day %ld) is outside "
                      "1900-01-01..2199-12-31",
                      who, field, (long)d);
}

/* Explains why case_ok() refused a case. */
static jbw_status case_error(const jbw_wait_case *c, const jbw__wr_ctx *x,
                             size_t index)
{
    char who[128], a[JBW_DATE_BUFSIZE], b[JBW_DATE_BUFSIZE];
    jbw_date ws = c->waiting_since, bd = c->birth_date, lc = c->last_contact;
    int v2 = x->m->base >= 2;
    if (c->version - 1u > (unsigned)JBW_WAIT_CASE_VERSION - 1u) {
        /* other fields of an unknown version cannot be trusted */
        if (index == (size_t)-1)
            return jbw__error_version(c->version, 1, JBW_WAIT_CASE_VERSION,
                                      "wait case");
        return jbw__error_version(c->version, 1, JBW_WAIT_CASE_VERSION,
                                  "cases[%lu]: wait case",
                                  (unsigned long)index);
    }
    case_name(who, sizeof who, c, index);
    if ((unsigned)c->kind >= (unsigned)JBW_KIND_COUNT)
        return jbw__error(JBW_EINVAL,
                          "%s: field 'kind': %d is not a measure "
                          "kind (0..%d)",
                          who, (int)c->kind, JBW_KIND_COUNT - 1);
    if ((unsigned)c->safety > (unsigned)JBW_SAFETY_ACUTE)
        return jbw__error(JBW_EINVAL,
                          "%s: field 'safety': %d is not a safety "
                          "level (0..4)",
                          who, (int)c->safety);
    if ((unsigned)c->placement > (unsigned)JBW_PLACEMENT_CRISIS)
        return jbw__error(JBW_EINVAL,
                          "%s: field 'placement': %d is not a "
                          "placement (0..2)",
                          who, (int)c->placement);
    if ((unsigned)c->jr_risk > (unsigned)JBW_JR_RISK_HIGH)
        return jbw__error(JBW_EINVAL,
                          "%s: field 'jr_risk': %d is not a risk "
                          "level (0..3)",
                          who, (int)c->jr_risk);
    if (c->previous_workers < 0)
        return jbw__error(JBW_EINVAL,
                          "%s: field 'previous_workers': %d is "
                          "negative",
                          who, c->previous_workers);
    jbw__wr_fmt_date(b, x->date);
    if (ws == JBW_DATE_NONE)
        return jbw__error(JBW_EINVAL, "%s: field 'waiting_since' is required",
                          who);
    if (!jbw__date_in_range(ws))
        return range_field(who, "waiting_since", ws);
    jbw__wr_fmt_date(a, ws);
    if (ws > x->date)
        return jbw__error(JBW_EINVAL,
                          "%s: field 'waiting_since' (%s) is "
                          "after the date %s",
                          who, a, b);
    if (bd != JBW_DATE_NONE) {
        if (!jbw__date_in_range(bd))
            return range_field(who, "birth_date", bd);
        jbw__wr_fmt_date(b, bd);
        if (!v2 && bd > ws)
            return jbw__error(JBW_EINVAL,
                              "%s: field 'birth_date' (%s) is "
                              "after waiting_since (%s)",
                              who, b, a);
        if (v2 && bd > x->date + JBW__UNBORN_DAYS_MAX)
            return jbw__error(JBW_EINVAL,
                              "%s: field 'birth_date' (%s) is more than 43 "
                              "weeks (%d days) after the date: it cannot be "
                              "an expected birth",
                              who, b, JBW__UNBORN_DAYS_MAX);
    }
    if (lc != JBW_DATE_NONE) {
        if (!jbw__date_in_range(lc))
            return range_field(who, "last_contact", lc);
        jbw__wr_fmt_date(a, lc);
        jbw__wr_fmt_date(b, x->date);
        if (lc > x->date)
            return jbw__error(JBW_EINVAL,
                              "%s: field 'last_contact' (%s) is "
                              "after the date %s",
                              who, a, b);
        jbw__wr_fmt_date(b, bd);
        if (lc < bd && (!v2 || bd <= ws))
            return jbw__error(JBW_EINVAL,
                              "%s: field 'last_contact' (%s) is "
                              "before birth_date (%s)",
                              who, a, b);
    }
    if ((unsigned)c->safety_plan > (unsigned)JBW_YESNO_YES ||
        (unsigned)c->other_help > (unsigned)JBW_YESNO_YES ||
        (unsigned)c->domestic_violence > (unsigned)JBW_YESNO_YES)
        return jbw__error(JBW_EINVAL,
                          "%s: field '%s': %d is not a yes/no/unknown value "
                          "(0..2)",
                          who,
                          (unsigned)c->safety_plan > 2  ? "safety_plan"
                          : (unsigned)c->other_help > 2 ? "other_help"
                                                        : "domestic_violence",
                          (unsigned)c->safety_plan > 2 ? (int)c->safety_plan
                          : (unsigned)c->other_help > 2
                              ? (int)c->other_help
                              : (int)c->domestic_violence);
    if (c->term_end != JBW_DATE_NONE && !jbw__date_in_range(c->term_end))
        return range_field(who, "term_end", c->term_end);
    if (c->override_band < JBW_OVERRIDE_NONE ||
        c->override_band > (int)JBW_BAND_ACUUT)
        return jbw__error(JBW_EINVAL,
                          "%s: field 'override_band': %d is not a band "
                          "(0..3) or JBW_OVERRIDE_NONE",
                          who, c->override_band);
    if (c->override_band != JBW_OVERRIDE_NONE)
        return jbw__error(JBW_EINVAL,
                          "%s: field 'override_reason' is required with "
                          "override_band '%s': an override needs a written "
                          "reason",
                          who, jbw_band_code((jbw_band)c->override_band));
    if (jbw__has_text(c->override_reason))
        return jbw__error(JBW_EINVAL,
                          "%s: field 'override_reason' is given without "
                          "override_band",
                          who);
    return jbw__error(JBW_EINVAL, "%s: invalid", who);
}

/*
 * The next contact: `interval` werkdagen after the last contact (or the
 * wait start), never before the date itself (an overdue contact is due
 * now). An acuut case that has had no contact since the wait began is due
 * on the date itself: the noodoplossing is the same working day.
 */
static jbw_status next_due(jbw_date *due, const jbw__wr_ctx *x,
                           const jbw_wait_case *c, int32_t no_contact,
                           jbw_band band)
{
    int32_t ahead = (int32_t)x->m->contact[band] - no_contact;
    if (ahead <= 0 ||
        (band == JBW_BAND_ACUUT && c->last_contact == JBW_DATE_NONE)) {
        *due = x->date;
        return JBW_OK;
    }
    /* due - date = interval - (werkdagen already passed since the base) */
    if (x->t && x->t->due[ahead] != JBW_DATE_NONE) {
        *due = x->t->due[ahead];
        return JBW_OK;
    }
    return jbw_calendar_add_workdays(due, x->cal, x->date, ahead);
}

/*
 * The points of the stepped items. Written as sums of comparisons rather
 * than branches: on a mixed waiting list the branches would be guessed
 * wrong half the time, and batch scoring is the hot path.
 */
static int time_points(const int *v, int32_t w)
{
    return v[WR_P_TIME_0] +
           (w > v[WR_T_TIME_1]) * (v[WR_P_TIME_1] - v[WR_P_TIME_0]) +
           (w > v[WR_T_TIME_2]) * (v[WR_P_TIME_2] - v[WR_P_TIME_1]) +
           (w > v[WR_T_TIME_3]) * (v[WR_P_TIME_3] - v[WR_P_TIME_2]);
}

static int age_points(const int *v, int32_t age)
{
    int known =
        v[WR_P_AGE_OLDER] +
        (age < v[WR_T_AGE_2]) * (v[WR_P_AGE_MIDDLE] - v[WR_P_AGE_OLDER]) +
        (age < v[WR_T_AGE_1]) * (v[WR_P_AGE_YOUNG] - v[WR_P_AGE_MIDDLE]);
    return age < 0 ? v[WR_P_AGE_UNKNOWN] : known;
}

/* The parameter of a yes/no/unknown answer: [unknown, no, yes]. */
static const int safety_plan_param[3] = {
    WR_P_SAFETY_PLAN_UNKNOWN, WR_P_SAFETY_PLAN_NO, WR_P_SAFETY_PLAN_YES};
static const int other_help_param[3] = {
    WR_P_OTHER_HELP_UNKNOWN, WR_P_OTHER_HELP_NO, WR_P_OTHER_HELP_YES};
static const int dv_param[3] = {WR_P_DV_UNKNOWN, WR_P_DV_NO, WR_P_DV_YES};

/* The term-end points: werkdagen from the date to the end of the term;
 * a term that ended on or before the date counts as about to end. */
static jbw_status term_points(int *out, const jbw__wr_ctx *x, jbw_date end)
{
    const int *v = x->m->v;
    int32_t wd = 0;
    *out = 0;
    if (end == JBW_DATE_NONE)
        return JBW_OK;
    if (end > x->date) {
        jbw_status st =
            jbw_calendar_workdays_between(&wd, x->cal, x->date, end);
        if (st != JBW_OK)
            return st;
    }
    if (wd <= v[WR_T_TERM_1])
        *out = v[WR_P_TERM_NEAR];
    else if (wd <= v[WR_T_TERM_2])
        *out = v[WR_P_TERM_SOON];
    return JBW_OK;
}

/* The items only version 2 scores, and its corrections of version 1. */
static jbw_status score_v2(int *ip, const jbw__wr_ctx *x,
                           const jbw_wait_case *c, int32_t age)
{
    const int *v = x->m->v;
    int needs_plan = c->safety == JBW_SAFETY_UNKNOWN ||
                     c->safety == JBW_SAFETY_CONCERNS ||
                     c->safety == JBW_SAFETY_UNSAFE;
    /* the days of a wait without a recorded contact count once, as the
     * time waited */
    if (c->last_contact == JBW_DATE_NONE)
        ip[JBW_ITEM_NO_CONTACT] = 0;
    if (age == JBW_AGE_UNBORN || (age >= 0 && age < v[WR_T_AGE_0]))
        ip[JBW_ITEM_AGE] = v[WR_P_AGE_BABY];
    ip[JBW_ITEM_SAFETY_PLAN] =
        needs_plan * v[safety_plan_param[c->safety_plan]];
    ip[JBW_ITEM_OTHER_HELP] = v[other_help_param[c->other_help]];
    ip[JBW_ITEM_DOMESTIC_VIOLENCE] = v[dv_param[c->domestic_violence]];
    return term_points(&ip[JBW_ITEM_TERM_END], x, c->term_end);
}

static int no_contact_points(const int *v, int32_t n)
{
    return (n > v[WR_T_NO_CONTACT_1]) * v[WR_P_NO_CONTACT_1] +
           (n > v[WR_T_NO_CONTACT_2]) *
               (v[WR_P_NO_CONTACT_2] - v[WR_P_NO_CONTACT_1]);
}

/* Scores a case that passed case_ok(). */
static jbw_status score_case(jbw_score *s, const jbw__wr_ctx *x,
                             const jbw_wait_case *c)
{
    const jbw_waitrisk_model *m = x->m;
    const int *v = m->v;
    int *ip = s->item_points;
    int total, band, acute = c->safety == JBW_SAFETY_ACUTE;
    int32_t waited, no_contact, age;
    jbw_date base =
        c->last_contact != JBW_DATE_NONE ? c->last_contact : c->waiting_since;
    jbw_status st;
    uint32_t items = 0;
    int i;
    st = workdays_to(&waited, x, c->waiting_since);
    if (JBW__LIKELY(st == JBW_OK))
        st = workdays_to(&no_contact, x, base);
    if (JBW__UNLIKELY(st != JBW_OK))
        return st;
    if (c->birth_date == JBW_DATE_NONE)
        age = -1;
    else if (c->birth_date > x->date)
        age = JBW_AGE_UNBORN; /* version 2 only: version 1 refuses it */
    else
        age = age_on(x, c->birth_date);

    memset(ip, 0, sizeof s->item_points);
    ip[JBW_ITEM_ACUTE] = acute * v[WR_P_ACUTE];
    ip[JBW_ITEM_SAFETY] = m->safety_points[c->safety];
    ip[JBW_ITEM_MEASURE] = m->measure_points[jbw__wr_measure_cell(
        (int)c->kind, (int)c->placement, (int)c->jr_risk)];
    ip[JBW_ITEM_TIME_WAITED] = time_points(v, waited);
    ip[JBW_ITEM_BESTAAND] = (c->previous_workers > 0) * v[WR_P_BESTAAND];
    ip[JBW_ITEM_AGE] = age_points(v, age);
    ip[JBW_ITEM_NO_CONTACT] = no_contact_points(v, no_contact);
    ip[JBW_ITEM_HANDOVERS] =
        (c->previous_workers >= v[WR_T_HANDOVERS]) * v[WR_P_HANDOVERS];
    if (m->base >= 2) {
        st = score_v2(ip, x, c, age);
        if (JBW__UNLIKELY(st != JBW_OK))
            return st;
    }
    total = 0;
    for (i = 0; i < JBW_ITEM_COUNT; i++) {
        total += ip[i];
        items |= (uint32_t)(ip[i] != 0) << i;
    }
    band = (total >= v[WR_T_BAND_MIDDEN]) + (total >= v[WR_T_BAND_HOOG]) +
           (total >= v[WR_T_BAND_ACUUT]);
    band = acute ? JBW_BAND_ACUUT : band;
    /* the professional override sets the band that ranks and the contact */
    if (jbw__wr_overridden(c))
        band = c->override_band;
    st = next_due(&s->next_contact_due, x, c, no_contact, (jbw_band)band);
    if (JBW__UNLIKELY(st != JBW_OK))
        return st;
    s->version = JBW_SCORE_VERSION;
    s->points = total;
    s->band = (jbw_band)band;
    s->workdays_waiting = waited;
    s->workdays_no_contact = no_contact;
    s->age_years = age;
    s->items = items;
    return JBW_OK;
}

static jbw_status check_args(const jbw_waitrisk_model *model,
                             const jbw_calendar *cal, const void *cases,
                             const void *out, const char *fn)
{
    if (!out || !model || !cal || !cases)
        return jbw__error(JBW_EINVAL, "%s: %s is NULL", fn,
                          !out     ? "out"
                          : !model ? "model"
                          : !cal   ? "cal"
                                   : "the case");
    return JBW_OK;
}

/* A failure after validation (a due date past 2199) names the case. */
static jbw_status case_failed(jbw_status st, const jbw_wait_case *c,
                              size_t index)
{
    char who[128], msg[400];
    case_name(who, sizeof who, c, index);
    snprintf(msg, sizeof msg, "%s", jbw_last_error());
    return jbw__error(st, "%s: %s", who, msg);
}

jbw_status jbw_waitrisk_score(jbw_score *out, const jbw_waitrisk_model *model,
                              const jbw_calendar *cal,
                              const jbw_wait_case *wait_case, jbw_date date)
{
    jbw_score s;
    jbw__wr_ctx x;
    jbw_wait_case full;
    jbw_status st =
        check_args(model, cal, wait_case, out, "jbw_waitrisk_score");
    if (st != JBW_OK)
        return st;
    if (out->version != JBW_SCORE_VERSION)
        return jbw__error_version(out->version, JBW_SCORE_VERSION,
                                  JBW_SCORE_VERSION,
                                  "jbw_waitrisk_score: score");
    st = jbw__wr_ctx_init(&x, model, cal, date, "jbw_waitrisk_score");
    if (st != JBW_OK)
        return st;
    wait_case = jbw__wr_case_full(&full, wait_case);
    if (!case_ok(wait_case, &x))
        return case_error(wait_case, &x, (size_t)-1);
    st = score_case(&s, &x, wait_case);
    if (st != JBW_OK)
        return case_failed(st, wait_case, (size_t)-1);
    *out = s;
    return jbw__ok();
}

/* The loop of a batch, shared with triage. */
jbw_status jbw__wr_score_many(jbw_score *out, const jbw__wr_ctx *x0,
                              const jbw_wait_case *cases, size_t count)
{
    jbw__wr_tables t;
    jbw__wr_ctx x = *x0;
    size_t i;
    if (count >= WR_TABLES_MIN)
        tables_fill(&t, &x);
    for (i = 0; i < count; i++) {
        jbw_wait_case full;
        const jbw_wait_case *c =
            jbw__wr_case_full(&full, jbw__wr_case_at(cases, i));
        jbw_status st;
        if (JBW__UNLIKELY(!case_ok(c, &x)))
            return case_error(c, &x, i);
        st = score_case(&out[i], &x, c);
        if (JBW__UNLIKELY(st != JBW_OK))
            return case_failed(st, c, i);
    }
    return JBW_OK;
}

jbw_status jbw_waitrisk_score_batch(jbw_score *out,
                                    const jbw_waitrisk_model *model,
                                    const jbw_calendar *cal,
                                    const jbw_wait_case *cases, size_t count,
                                    jbw_date date)
{
    jbw__wr_ctx x;
    jbw_status st;
    if (count == 0 && model && cal)
        return jbw__ok();
    st = check_args(model, cal, cases, out, "jbw_waitrisk_score_batch");
    if (st != JBW_OK)
        return st;
    st = jbw__wr_ctx_init(&x, model, cal, date, "jbw_waitrisk_score_batch");
    if (st != JBW_OK)
        return st;
    st = jbw__wr_score_many(out, &x, cases, count);
    return st == JBW_OK ? jbw__ok() : st;
}
