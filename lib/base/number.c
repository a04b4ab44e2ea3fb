/*
 * libjbw - strict number parsing for key = value files and CSV fields:
 * the whole text must be a finite number.
 */
#include "base/base_internal.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>

/* ---- numbers --------------------------------------------------------- */

int jbw__parse_double(double *out, const char *s, size_t n, int decimal_comma)
{
    char tmp[64];
    char *end;
    size_t i;
    double v;
    char dp = jbw__decimal_point();
    while (n && isspace((unsigned char)*s)) {
        s++;
        n--;
    }
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    if (n == 0 || n >= sizeof tmp)
        return -1;
    for (i = 0; i < n; i++) {
        char c = s[i];
        if (c == ',' && decimal_comma)
            c = '.';
        /* Only plain decimal notation: no hex, no inf/nan, no spaces. */
        if (!(isdigit((unsigned char)c) || c == '.' || c == '-' || c == '+' ||
              c == 'e' || c == 'E'))
            return -1;
        tmp[i] = c == '.' ? dp : c;
    }
    tmp[n] = '\0';
    errno = 0;
    v = strtod(tmp, &end);
    if (end != tmp + n || errno == ERANGE || !isfinite(v))
        return -1;
    *out = v;
    return 0;
}

int jbw__parse_int(long long *out, const char *s, size_t n)
{
    char tmp[32];
    char *end;
    long long v;
    size_t i;
    while (n && isspace((unsigned char)*s)) {
        s++;
        n--;
    }
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    if (n == 0 || n >= sizeof tmp)
        return -1;
    for (i = 0; i < n; i++) {
        if (!(isdigit((unsigned char)s[i]) ||
              (i == 0 && (s[i] == '-' || s[i] == '+'))))
            return -1;
        tmp[i] = s[i];
    }
    tmp[n] = '\0';
    errno = 0;
    v = strtoll(tmp, &end, 10);
    if (end != tmp + n || errno == ERANGE)
        return -1;
    *out = v;
    return 0;
}
