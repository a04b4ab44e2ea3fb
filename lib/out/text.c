/*
 * Numbers, dates and counts for people (Dutch or English), and XML text:
 * the words the charts and the brief are made of.
 */
#include "out_internal.h"
#include "base/fixed.h"
#include "data/example_internal.h"

#include <math.h>
#include <string.h>

/* Digits of a non-negative whole number with a separator every three
 * (none when sep is '\0'). */
static size_t put_grouped(char *buf, unsigned long long n, char sep)
{
    char rev[32];
    size_t k = 0, i, out = 0;
    do {
        if (sep && k % 4 == 3)
            rev[k++] = sep;
        rev[k++] = (char)('0' + n % 10);
        n /= 10;
    } while (n && k < sizeof rev - 1);
    for (i = 0; i < k; i++)
        buf[out++] = rev[k - 1 - i];
    buf[out] = '\0';
    return out;
}

void jbw__fmt_number(char *buf, double v, int decimals, jbw_lang lang)
{
    static const double limit[] = {9e15, 9e14, 9e13, 9e12, 9e11, 9e10, 9e9};
    char thousands = lang == JBW_LANG_EN ? ',' : '.';
    char point = lang == JBW_LANG_EN ? '.' : ',';
    char digits[JBW__FIXED_SHORT];
    unsigned long long whole = 0;
    const char *p, *dot;
    size_t n = 0;
    int zero = 1;
    if (decimals < 0)
        decimals = 0;
    if (decimals > 6)
        decimals = 6;
    if (!isfinite(v) || fabs(v) >= limit[decimals]) {
        strcpy(buf, "\xe2\x80\x93"); /* an en dash */
        return;
    }
    /* The digits of "%.*f" (rounded to nearest, ties to even, on the
     * exact binary value), as every other writer of the library rounds:
     * 375.25 is "375,2" here as in the report. */
    jbw__fixed(digits, sizeof digits, fabs(v), decimals);
    dot = strchr(digits, '.');
    for (p = digits; *p; p++)
        if (*p >= '1' && *p <= '9')
            zero = 0;
    for (p = digits; *p && p != dot; p++)
        whole = whole * 10 + (unsigned long long)(*p - '0');
    if (v < 0 && !zero)
        buf[n++] = '-';
    n += put_grouped(buf + n, whole, thousands);
    if (dot) {
        buf[n++] = point;
        strcpy(buf + n, dot + 1);
    } else {
        buf[n] = '\0';
    }
}

void jbw__fmt_count(char *buf, size_t n, jbw_lang lang)
{
    put_grouped(buf, (unsigned long long)n, lang == JBW_LANG_EN ? ',' : '.');
}

void jbw__fmt_pct(char *buf, double pct, jbw_lang lang)
{
    jbw__fmt_number(buf, pct, 0, lang);
    if (isfinite(pct))
        strcat(buf, "%");
}

static const char *const month_nl[] = {"jan", "feb", "mrt", "apr",
                                       "mei", "jun", "jul", "aug",
                                       "sep", "okt", "nov", "dec"};
static const char *const month_en[] = {"Jan", "Feb", "Mar", "Apr",
                                       "May", "Jun", "Jul", "Aug",
                                       "Sep", "Oct", "Nov", "Dec"};

/* Writes a small non-negative number in decimal. */
static size_t put_int(char *buf, int v)
{
    return put_grouped(buf, (unsigned long long)(v < 0 ? 0 : v), '\0');
}

void jbw__fmt_date(char *buf, jbw_date d, jbw_lang lang)
{
    int y, m, day;
    size_t n = 0;
    if (d == JBW_DATE_NONE || jbw_date_to_ymd(&y, &m, &day, d) != JBW_OK) {
        strcpy(buf, "\xe2\x80\x93");
        return;
    }
    n += put_int(buf + n, day);
    if (lang == JBW_LANG_EN) {
        buf[n++] = ' ';
        strcpy(buf + n, month_en[m - 1]);
        n += 3;
        buf[n++] = ' ';
    } else {
        buf[n++] = '-';
        n += put_int(buf + n, m);
        buf[n++] = '-';
    }
    put_int(buf + n, y);
}

void jbw__fmt_month(char *buf, jbw_date d, jbw_lang lang)
{
    int y, m, day;
    if (d == JBW_DATE_NONE || jbw_date_to_ymd(&y, &m, &day, d) != JBW_OK) {
        strcpy(buf, "\xe2\x80\x93");
        return;
    }
    strcpy(buf, lang == JBW_LANG_EN ? month_en[m - 1] : month_nl[m - 1]);
    buf[3] = ' ';
    put_int(buf + 4, y);
}

const char *jbw__unit_words(jbw_unit unit, jbw_lang lang)
{
    switch (unit) {
    case JBW_UNIT_MEASURE:
        return JBW__T(lang, "maatregelen", "measures");
    case JBW_UNIT_FAMILY:
        return JBW__T(lang, "gezinnen", "families");
    default:
        return JBW__T(lang, "kinderen", "children");
    }
}

/* ---- publication of small counts --------------------------------------- */

jbw_status jbw__publish_check(const jbw__publish *p, const char *what)
{
    if (p->suppress_below > JBW_PUBLISH_MAX || p->round_to > JBW_PUBLISH_MAX)
        return jbw__error(
            JBW_EINVAL, "%s: suppress_below %u or round_to %u is above %u",
            what, p->suppress_below, p->round_to, JBW_PUBLISH_MAX);
    return JBW_OK;
}

unsigned int jbw__publish_floor(const jbw__publish *p)
{
    return p->round_to > p->suppress_below ? p->round_to : p->suppress_below;
}

int jbw__publish_hides(const jbw__publish *p, size_t n)
{
    return n > 0 && n < jbw__publish_floor(p);
}

/* A figure that may be a count: whole, not negative, within size_t.
 * Another is a model's figure, which publishing leaves as it is. */
static int is_count(double v)
{
    return v >= 0 && v < 1e15 && v == floor(v);
}

int jbw__publish_start(const jbw__publish *p, double *v)
{
    if (!is_count(*v))
        return 0;
    if (jbw__publish_hides(p, (size_t)*v))
        return 1;
    *v = jbw__publish_value(p, (size_t)*v);
    return 0;
}

double jbw__publish_value(const jbw__publish *p, size_t n)
{
    size_t r = p->round_to;
    if (jbw__publish_hides(p, n))
        return -1;
    if (r > 1)
        return (double)(((n + r / 2) / r) * r);
    return (double)n;
}

void jbw__fmt_published_figure(char *buf, const jbw__publish *p, double v,
                               jbw_lang lang)
{
    if (is_count(v))
        jbw__fmt_published(buf, p, (size_t)v, lang);
    else
        jbw__fmt_number(buf, v, 0, lang);
}

void jbw__fmt_published(char *buf, const jbw__publish *p, size_t n,
                        jbw_lang lang)
{
    double v = jbw__publish_value(p, n);
    if (v < 0) {
        strcpy(buf, "< ");
        jbw__fmt_count(buf + 2, jbw__publish_floor(p), lang);
        return;
    }
    jbw__fmt_count(buf, (size_t)v, lang);
}

void jbw__fmt_published_words(char *buf, const jbw__publish *p, size_t n,
                              jbw_lang lang)
{
    const char *fewer = JBW__T(lang, "minder dan ", "fewer than ");
    size_t k = strlen(fewer);
    if (jbw__publish_value(p, n) >= 0) {
        jbw__fmt_published(buf, p, n, lang);
        return;
    }
    memcpy(buf, fewer, k);
    jbw__fmt_count(buf + k, jbw__publish_floor(p), lang);
}

/* ---- XML text ---------------------------------------------------------- */

/* Length of the valid UTF-8 sequence at s (1..4), or 0 when invalid. */
static size_t utf8_length(const unsigned char *s)
{
    size_t n, i;
    unsigned int c = s[0], min;
    if (c < 0x80)
        return 1;
    if (c >= 0xc2 && c <= 0xdf) {
        n = 2;
        min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
        n = 3;
        min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
        n = 4;
        min = 0x10000;
    } else {
        return 0;
    }
    c &= 0x3fu >> (n - 1);
    for (i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3fu);
    }
    if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff) ||
        c == 0xfffe || c == 0xffff)
        return 0;
    return n;
}

void jbw__xml_text(jbw__buf *b, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    while (*p) {
        size_t n = utf8_length(p);
        if (n == 0) {
            jbw__buf_putc(b, '?');
            p++;
            continue;
        }
        if (n > 1) {
            jbw__buf_append(b, (const char *)p, n);
            p += n;
            continue;
        }
        switch (*p) {
        case '&':
            jbw__buf_puts(b, "&amp;");
            break;
        case '<':
            jbw__buf_puts(b, "&lt;");
            break;
        case '>':
            jbw__buf_puts(b, "&gt;");
            break;
        case '"':
            jbw__buf_puts(b, "&quot;");
            break;
        case '\'':
            jbw__buf_puts(b, "&#39;");
            break;
        default:
            jbw__buf_putc(b, *p < 0x20 || *p == 0x7f ? ' ' : (char)*p);
        }
        p++;
    }
}

void jbw__notice_text_lang(jbw__buf *b, const char *notice, jbw_lang lang)
{
    const char *nl = jbw__notice_nl(lang, notice);
    if (!notice)
        return;
    jbw__buf_puts(b, notice);
    if (nl) {
        jbw__buf_putc(b, '\n');
        jbw__buf_puts(b, nl);
    }
    jbw__buf_puts(b, "\n\n");
}

/* The notice is `fixed`, alone or before " | " and what a caller added
 * (jbw's note of the rows a lenient load left out). */
static int notice_begins(const char *notice, const char *fixed)
{
    size_t n = strlen(fixed);
    return strncmp(notice, fixed, n) == 0 &&
           (notice[n] == '\0' || strncmp(notice + n, " | ", 3) == 0);
}

const char *jbw__notice_nl(jbw_lang lang, const char *notice)
{
    if (lang != JBW_LANG_NL || !notice)
        return NULL;
    if (notice_begins(notice, jbw_example_notice()))
        return "Synthetische voorbeeldgegevens: geen echte kinderen, "
               "medewerkers of organisaties.";
    if (notice_begins(notice, jbw__example_zhz_notice))
        return "Gepubliceerde cijfers: raadsinformatiebrief van een gemeente "
               "in Zuid-Holland Zuid, najaar 2025.";
    return NULL;
}
