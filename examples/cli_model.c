/*
 * jbw model: the waiting-risk model itself. Without options it prints the
 * model file (every parameter); --card prints the model card and
 * --register the entry for the Algoritmeregister, both generated from the
 * model's own data (docs/model-card.md). --model-version V or --model F
 * choose the model, as for triage and allocate.
 */
#include "cli.h"

int jbw_cli_model_cmd(jbw_cli *cli)
{
    jbw_waitrisk_model *model = NULL;
    char *text = NULL;
    size_t len = 0;
    jbw_status st;
    int rc;
    if (cli->card && cli->register_entry)
        return jbw_cli_usage("--card and --register exclude each other");
    if (!cli->register_entry && (cli->given & JBW_CLI_OPT(JBW_OPT_FORMAT)) &&
        cli->format != JBW_CLI_TEXT &&
        !(cli->card && cli->format == JBW_CLI_MD))
        return jbw_cli_usage(cli->card ? "--card writes text or md; --format "
                                         "json goes with --register"
                                       : "--format json or md goes with "
                                         "--register (md with --card too)");
    if (cli->format == JBW_CLI_CSV)
        return jbw_cli_usage("jbw model writes text, json or md, not csv");
    if ((rc = jbw_cli_model(cli, &model)) != 0)
        return rc;
    if (cli->register_entry)
        st = jbw_waitrisk_model_register(&text, &len, model,
                                         cli->format == JBW_CLI_JSON
                                             ? JBW_MODEL_FORMAT_JSON
                                             : JBW_MODEL_FORMAT_MARKDOWN);
    else if (cli->card)
        st = jbw_waitrisk_model_card(&text, &len, model);
    else
        st = jbw_waitrisk_model_save(&text, &len, model);
    rc = jbw_cli_check(st) ? 1 : jbw_cli_emit(text, len);
    jbw_free(text);
    jbw_waitrisk_model_free(model);
    return rc;
}
