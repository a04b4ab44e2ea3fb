/*
 * Shared plumbing of the jbw command: options, loading inputs, writing
 * outputs and reporting library errors. Not part of the library.
 */
#ifndef JBW_CLI_H
#define JBW_CLI_H

#include <jbw.h>

typedef enum { JBW_CLI_TEXT = 0, JBW_CLI_JSON = 1, JBW_CLI_CSV = 2 } jbw_cli_format;

typedef struct jbw_cli {
    const char *measures, *workers, *registry;
    const char *norm, *model, *scenario;
    const char *dir, *svg;
    const char *organisation, *region; /* forecast/staffing scope */
    int lenient;
    jbw_date date;            /* JBW_DATE_NONE: the data's own date */
    jbw_cli_format format;
    size_t top;
    jbw_lang lang;
    long months;              /* 0: not given */
    long replicates;          /* -1: not given */
    unsigned long long seed;
    int seed_given;
    double target;            /* staffing --target; NaN: not given */
    long within_workdays;     /* staffing; -1: not given */
    double percent;           /* staffing; NaN: not given */
    const char *positional[4];
    int positional_count;
    int example;              /* the input is the embedded example */
} jbw_cli;

typedef struct jbw_cli_command {
    const char *name;
    int (*run)(jbw_cli *cli);
} jbw_cli_command;

/* Parses options; returns 0, or 2 after printing a usage error. */
int jbw_cli_parse(jbw_cli *cli, int argc, char **argv);
/* Prints "jbw: <why>" and a hint; returns 2. */
int jbw_cli_usage(const char *why);
/* Non-zero (after printing the library's message) when st is an error. */
int jbw_cli_check(jbw_status st);
/* Loads the snapshot from --measures/--workers or the example; 0 or 1. */
int jbw_cli_load(jbw_cli *cli, jbw_snapshot **out);
int jbw_cli_norm(const jbw_cli *cli, jbw_norm **out);
int jbw_cli_model(const jbw_cli *cli, jbw_waitrisk_model **out);
/* Writes a result to stdout, marking example-based output synthetic. */
int jbw_cli_emit(const jbw_cli *cli, const char *text, size_t len);
int jbw_cli_emit_plain(const char *text, size_t len);
int jbw_cli_write_in_dir(const char *dir, const char *name, const char *text,
                         size_t len);

int jbw_cli_forecast(jbw_cli *cli);
int jbw_cli_staffing(jbw_cli *cli);

#endif
