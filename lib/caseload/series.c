/*
 * libjbw - the series of children waiting without a fixed
 * jeugdbeschermer (jbw_series): points by date and their getters.
 */
#include "caseload/caseload_internal.h"

#include <limits.h>
#include <math.h>
#include <string.h>

/* ====================================================================== */
/* Series of children without a fixed jeugdbeschermer                     */
/* ====================================================================== */

typedef struct series_pt {
    jbw_date date;
    size_t nieuw;
    size_t bestaand;
    int from_snapshot; /* added by jbw_series_add_snapshot */
} series_pt;

struct jbw_series {
    char *title;
    char *notice; /* NULL: none */
    series_pt *pts;
    size_t count;
    size_t cap;
};

/* Counts above this would overflow the signed changes. */
#define JBW__SERIES_MAX ((size_t)(LLONG_MAX / 2))

jbw_status jbw_series_new(jbw_series **out, const char *title)
{
    jbw_series *s;
    if (!out)
        return jbw__error(JBW_EINVAL, "jbw_series_new: out is NULL");
    s = jbw__calloc(1, sizeof *s);
    if (!s)
        return jbw__enomem();
    s->title = jbw__strdup(title ? title : "");
    if (!s->title) {
        jbw__free(s);
        return jbw__enomem();
    }
    *out = s;
    return jbw__ok();
}

void jbw_series_free(jbw_series *series)
{
    if (!series)
        return;
    jbw__free(series->title);
    jbw__free(series->notice);
    jbw__free(series->pts);
    jbw__free(series);
}

/* Index of the first point not before `date`. */
static size_t series_find(const jbw_series *s, jbw_date date)
{
    size_t lo = 0, hi = s->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->pts[mid].date < date)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

jbw_status jbw_series_add(jbw_series *series, jbw_date date, size_t nieuw,
                          size_t bestaand)
{
    char tmp[JBW_DATE_BUFSIZE];
    void *pts;
    size_t at;
    if (!series)
        return jbw__error(JBW_EINVAL, "jbw_series_add: series is NULL");
    if (!jbw__date_in_range(date))
        return jbw__error(
            JBW_ERANGE, "series date is %s",
            date == JBW_DATE_NONE ? "not set" : "outside the supported range");
    if (nieuw > JBW__SERIES_MAX || bestaand > JBW__SERIES_MAX)
        return jbw__error(JBW_ERANGE, "series count %zu is too large",
                          nieuw > bestaand ? nieuw : bestaand);
    at = series_find(series, date);
    if (at < series->count && series->pts[at].date == date) {
        jbw_date_format(tmp, sizeof tmp, date);
        return jbw__error(JBW_EDUPLICATE, "series already has a point on %s",
                          tmp);
    }
    pts = series->pts;
    if (jbw__grow(&pts, &series->cap, series->count + 1, sizeof *series->pts) !=
        0)
        return jbw__enomem();
    series->pts = pts;
    memmove(series->pts + at + 1, series->pts + at,
            (series->count - at) * sizeof *series->pts);
    series->pts[at].date = date;
    series->pts[at].nieuw = nieuw;
    series->pts[at].bestaand = bestaand;
    series->pts[at].from_snapshot = 0;
    series->count++;
    return jbw__ok();
}

jbw_status jbw_series_set_data_notice(jbw_series *series, const char *notice)
{
    char *copy;
    jbw_status st;
    if (!series)
        return jbw__error(JBW_EINVAL,
                          "jbw_series_set_data_notice: series is NULL");
    if ((st = jbw__notice_dup(&copy, notice, "series notice")) != JBW_OK)
        return st;
    jbw__free(series->notice);
    series->notice = copy;
    return jbw__ok();
}

const char *jbw_series_data_notice(const jbw_series *series)
{
    return series ? series->notice : NULL;
}

/* The series' notice with `add` after it ("a; b"), or NULL when `add`
 * is already in it (*same = 1) or out of memory (*same = 0). */
static char *joined_notice(const jbw_series *s, const char *add, int *same)
{
    size_t a, b;
    char *out;
    *same = s->notice && strstr(s->notice, add) != NULL;
    if (*same)
        return NULL;
    a = s->notice ? strlen(s->notice) : 0;
    b = strlen(add);
    out = jbw__malloc(a + b + 3);
    if (!out)
        return NULL;
    if (a) {
        memcpy(out, s->notice, a);
        memcpy(out + a, "; ", 2);
        a += 2;
    }
    memcpy(out + a, add, b + 1);
    return out;
}

jbw_status jbw_series_add_snapshot(jbw_series *series, const jbw_snapshot *snap,
                                   jbw_date date, const char *organisation,
                                   const char *region)
{
    jbw_snapshot_counts c;
    const char *add;
    char *notice = NULL;
    int same = 1;
    jbw_status st;
    if (!series || !snap)
        return jbw__error(JBW_EINVAL, "jbw_series_add_snapshot: %s is NULL",
                          !series ? "series" : "snapshot");
    memset(&c, 0, sizeof c);
    c.version = JBW_SNAPSHOT_COUNTS_VERSION;
    st = jbw_snapshot_counts_get(&c, snap, date, organisation, region);
    if (st != JBW_OK)
        return st;
    /* The notice is made first, so that a failure leaves the series as
     * it was. */
    add = jbw_snapshot_data_notice(snap);
    if (add && !(notice = joined_notice(series, add, &same)) && !same)
        return jbw__enomem();
    st = jbw_series_add(series, date, c.waiting_nieuw, c.waiting_bestaand);
    if (st != JBW_OK) {
        jbw__free(notice);
        return st;
    }
    if (notice) {
        jbw__free(series->notice);
        series->notice = notice;
    }
    series->pts[series_find(series, date)].from_snapshot = 1;
    return jbw__ok();
}

size_t jbw__series_snapshot_points(const jbw_series *series)
{
    size_t i, n = 0;
    for (i = 0; series && i < series->count; i++)
        n += series->pts[i].from_snapshot ? 1u : 0u;
    return n;
}

jbw_status jbw__series_until(jbw_series **out, const jbw_series *series,
                             jbw_date last)
{
    jbw_series *s;
    size_t n = 0;
    jbw_status st = jbw_series_new(&s, series->title);
    if (st != JBW_OK)
        return st;
    while (n < series->count && series->pts[n].date <= last)
        n++;
    if ((series->notice && !(s->notice = jbw__strdup(series->notice))) ||
        (n && !(s->pts = jbw__calloc(n, sizeof *s->pts)))) {
        jbw_series_free(s);
        return jbw__enomem();
    }
    if (n)
        memcpy(s->pts, series->pts, n * sizeof *s->pts);
    s->count = s->cap = n; /* each point says what it is */
    *out = s;
    return JBW_OK;
}

int jbw_series_counts_measures(const jbw_series *series)
{
    return series && series->count > 0 &&
           jbw__series_snapshot_points(series) == series->count;
}

const char *jbw_series_title(const jbw_series *series)
{
    return series ? series->title : NULL;
}

size_t jbw_series_count(const jbw_series *series)
{
    return series ? series->count : 0;
}

/* Fills a point without the version check. */
static void series_point(jbw_series_point *out, const jbw_series *s, size_t i)
{
    const series_pt *p = &s->pts[i];
    out->date = p->date;
    out->nieuw = p->nieuw;
    out->bestaand = p->bestaand;
    out->total = p->nieuw + p->bestaand;
    out->share_bestaand =
        out->total ? (double)p->bestaand / (double)out->total : NAN;
    if (i == 0) {
        out->change_nieuw = out->change_bestaand = out->change_total = 0;
    } else {
        const series_pt *q = &s->pts[i - 1];
        out->change_nieuw = (long long)p->nieuw - (long long)q->nieuw;
        out->change_bestaand = (long long)p->bestaand - (long long)q->bestaand;
        out->change_total = out->change_nieuw + out->change_bestaand;
    }
}

jbw_status jbw_series_get(jbw_series_point *out, const jbw_series *series,
                          size_t index)
{
    if (!out || !series)
        return jbw__error(JBW_EINVAL, "jbw_series_get: %s is NULL",
                          !out ? "out" : "series");
    if (out->version != JBW_SERIES_POINT_VERSION)
        return jbw__error_version(out->version, JBW_SERIES_POINT_VERSION,
                                  JBW_SERIES_POINT_VERSION,
                                  "jbw_series_get: jbw_series_point");
    if (index >= series->count)
        return jbw__error(JBW_ERANGE, "series index %zu: there are %zu", index,
                          series->count);
    series_point(out, series, index);
    return jbw__ok();
}
