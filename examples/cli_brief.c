/*
 * jbw brief, and the charts that `jbw series`, `jbw report` and
 * `jbw forecast` write with --svg F.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

void jbw_cli_chart_options(const jbw_cli *cli, const jbw_snapshot *snap,
                           jbw_chart_options *opts)
{
    jbw_chart_options_init(opts, JBW_CHART_OPTIONS_VERSION);
    opts->lang = cli->lang;
    opts->notice = cli->example ? jbw_example_notice() : NULL;
    opts->registry = snap ? jbw_snapshot_registry(snap) : NULL;
}

int jbw_cli_write_svg(const char *path, jbw_status made, char *svg, size_t len)
{
    int rc =
        jbw_cli_check(made) || jbw_cli_check(jbw_write_file(path, svg, len));
    jbw_free(svg);
    return rc;
}
