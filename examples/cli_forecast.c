/*
 * jbw forecast and jbw staffing.
 */
#include "cli.h"

#include <stdio.h>

int jbw_cli_forecast(jbw_cli *cli)
{
    (void)cli;
    fprintf(stderr, "jbw: forecast is not available in this build\n");
    return 1;
}

int jbw_cli_staffing(jbw_cli *cli)
{
    (void)cli;
    fprintf(stderr, "jbw: staffing is not available in this build\n");
    return 1;
}
