/* A tiny program that uses libjbw the way a consumer would. */
#include <jbw.h>
#include <stdio.h>

int main(void)
{
    jbw_calendar *cal = NULL;
    jbw_date from, to;
    int32_t n = 0;
    if (jbw_calendar_new(&cal, NULL) != JBW_OK ||
        jbw_date_parse(&from, "2025-12-19", (size_t)-1) != JBW_OK ||
        jbw_date_parse(&to, "2-1-2026", (size_t)-1) != JBW_OK ||
        jbw_calendar_workdays_between(&n, cal, from, to) != JBW_OK) {
        fprintf(stderr, "consumer: %s\n", jbw_last_error());
        jbw_calendar_free(cal);
        return 1;
    }
    jbw_calendar_free(cal);
    /* 22, 23, 24, 29, 30, 31 Dec and 2 Jan: 7 werkdagen. */
    printf("libjbw %s: %d werkdagen\n", jbw_version(), (int)n);
    return n == 7 ? 0 : 1;
}
