/*
 * Shared plumbing of the jbw command: the table of options, the table of
 * commands with the options each takes, loading inputs, writing outputs
 * and reporting library errors. Not part of the library.
 *
 * Adding a command: write `int run(jbw_cli *)` (in a file of its own if it
 * is large), add a row to the commands table in jbw.c naming the options it
 * takes (JBW_CLI_OPT(...) bits) and its positional arguments. Adding an
 * option: a value in jbw_cli_opt, a row in the options table in cli.c, a
 * field in jbw_cli. Parsing, `jbw CMD --help` and the refusal of options a
 * command does not take then follow from the tables.
 */
#ifndef JBW_CLI_H
#define JBW_CLI_H

#include <jbw.h>

#include <stdio.h>

typedef enum {
    JBW_CLI_TEXT = 0,
    JBW_CLI_JSON = 1,
    JBW_CLI_CSV = 2,
    JBW_CLI_HTML = 3, /* brief only */
    JBW_CLI_MD = 4,   /* brief only */
    JBW_CLI_TABLE = 5 /* report only: the complete analyst tables */
} jbw_cli_format;

/* Most --scenario files one command takes (the brief compares them). */
#define JBW_CLI_SCENARIOS_MAX 8

/* The caseload charts `report --svg F --chart C` writes. */
enum { JBW_CLI_CHART_CASELOAD, JBW_CLI_CHART_SPREAD, JBW_CLI_CHART_KOPPELING };

/* Every option of the jbw command; the order is the order of --help. */
typedef enum jbw_cli_opt {
    JBW_OPT_MEASURES,
    JBW_OPT_WORKERS,
    JBW_OPT_REGISTRY,
    JBW_OPT_LENIENT,
    JBW_OPT_ALLOW_UNKNOWN_COLUMNS,
    JBW_OPT_MAX_FILE_BYTES,
    JBW_OPT_MAX_LINE_BYTES,
    JBW_OPT_DATE,
    JBW_OPT_FORMAT,
    JBW_OPT_LANG,
    JBW_OPT_NORM,
    JBW_OPT_MODEL,
    JBW_OPT_TOP,
    JBW_OPT_SCENARIO,
    JBW_OPT_MONTHS,
    JBW_OPT_REPLICATES,
    JBW_OPT_SEED,
    JBW_OPT_THREADS,
    JBW_OPT_SVG,
    JBW_OPT_ORGANISATION,
    JBW_OPT_REGION,
    JBW_OPT_TARGET,
    JBW_OPT_WITHIN_WORKDAYS,
    JBW_OPT_PERCENT,
    JBW_OPT_DIR,
    JBW_OPT_WINDOW_MONTHS,
    JBW_OPT_SCENARIO_OUT,
    JBW_OPT_FROM,
    JBW_OPT_HISTORY,
    JBW_OPT_PROBABILITY,
    JBW_OPT_OUT,
    JBW_OPT_SUPPRESS_BELOW,
    JBW_OPT_ROUND_TO,
    JBW_OPT_MODEL_VERSION,
    JBW_OPT_CARD,
    JBW_OPT_REGISTER,
    JBW_OPT_WORKERS_TABLE,
    JBW_OPT_YEAR,
    JBW_OPT_CALENDAR,
    JBW_OPT_HIRING_PLAN,
    JBW_OPT_CHART,
    JBW_OPT_COUNT_
} jbw_cli_opt;

#define JBW_CLI_STR_(x) #x
#define JBW_CLI_STR(x)  JBW_CLI_STR_(x)
#define JBW_CLI_OPT(o)  (1ull << (o))
/* How input files are read: --measures/--workers and --history. */
#define JBW_CLI_LOAD_OPTIONS                                                   \
    (JBW_CLI_OPT(JBW_OPT_LENIENT) |                                            \
     JBW_CLI_OPT(JBW_OPT_ALLOW_UNKNOWN_COLUMNS) |                              \
     JBW_CLI_OPT(JBW_OPT_MAX_FILE_BYTES) |                                     \
     JBW_CLI_OPT(JBW_OPT_MAX_LINE_BYTES) | JBW_CLI_OPT(JBW_OPT_THREADS))
/* The input files (default: the embedded synthetic example) and how they
 * are read. */
#define JBW_CLI_INPUTS                                                         \
    (JBW_CLI_OPT(JBW_OPT_MEASURES) | JBW_CLI_OPT(JBW_OPT_WORKERS) |            \
     JBW_CLI_OPT(JBW_OPT_REGISTRY) | JBW_CLI_LOAD_OPTIONS)
/* Options every command takes (the one language choice). */
#define JBW_CLI_ALWAYS JBW_CLI_OPT(JBW_OPT_LANG)

typedef struct jbw_cli {
    const char *measures, *workers, *registry;
    const char *norm, *model, *scenario;
    const char *hiring_plan; /* forecast/staffing --hiring-plan F */
    const char *dir, *svg;
    const char *organisation, *region; /* forecast/staffing scope */
    int lenient;
    int allow_unknown_columns; /* columns libjbw does not read */
    int workers_table;         /* report: add the per-worker table */
    size_t max_file_bytes, max_line_bytes; /* 0: the library's defaults */
    jbw_date date; /* JBW_DATE_NONE: the data's own date */
    jbw_cli_format format;
    size_t top;      /* 0: all */
    jbw_lang lang;   /* default JBW_LANG_NL for every command */
    long months;     /* 0: not given */
    long replicates; /* -1: not given */
    unsigned long long seed;
    int seed_given;
    long threads;             /* loading, replicates; 0: all cores */
    double target;            /* staffing --target; NaN: not given */
    long within_workdays;     /* staffing; -1: not given */
    double percent;           /* staffing, in %; NaN: not given */
    long window_months;       /* calibrate/backtest; 0: not given */
    const char *scenario_out; /* calibrate */
    jbw_date from;            /* backtest D0; JBW_DATE_NONE: not given */
    const char *history;      /* --history DIR */
    double probability;       /* staffing --probability; NaN: not given */
    const char *out;          /* brief: --out F; NULL: standard output */
    int chart_given;          /* report --chart */
    int chart;                /* JBW_CLI_CHART_*; default caseload */
    jbw_group chart_group;    /* default per region */
    const char *scenarios[JBW_CLI_SCENARIOS_MAX]; /* every --scenario */
    int scenario_count;
    long suppress_below, round_to; /* brief: small counts; 0: off */
    long model_version;            /* --model-version; 0: not given */
    int card, register_entry;      /* jbw model --card, --register */
    int year;                      /* regions --year; 0: not given */
    jbw_calendar_preset calendar;  /* calendar, workdays; default CAO */
    const char *positional[4];
    int positional_count;
    int example;              /* the input is the embedded example */
    unsigned long long given; /* JBW_CLI_OPT bits of the options given */
    const struct jbw_cli_command *command;
} jbw_cli;

typedef struct jbw_cli_command {
    const char *name;
    int (*run)(jbw_cli *cli);
    unsigned long long options; /* JBW_CLI_OPT bits it takes */
    const char *args;           /* positional synopsis ("YEAR"), or "" */
    int min_args, max_args;     /* positional arguments */
    const char *summary;        /* one line for --help */
    const char *formats;        /* --format help if not "text, json or csv" */
    const char *threads; /* --threads help if threads do more than load */
} jbw_cli_command;

/* The table of commands (jbw.c), ended by a row with a NULL name. */
extern const jbw_cli_command jbw_cli_commands[];

/*
 * Parses the options of `cmd`. Returns 0; 2 after printing a usage error
 * (an option the command does not take is refused with the list of those it
 * takes); or -1 after printing the command's help (--help, -h: exit 0).
 */
int jbw_cli_parse(jbw_cli *cli, const jbw_cli_command *cmd, int argc,
                  char **argv);
/* Prints the usage of one command (its options with their help) to f. */
void jbw_cli_command_help(const jbw_cli_command *cmd, FILE *f);
/* Prints "jbw: <why>" and a hint; returns 2. */
int jbw_cli_usage(const char *why);
/* Non-zero (after printing the library's message) when st is an error. */
int jbw_cli_check(jbw_status st);
/*
 * Loads the snapshot from --measures/--workers or the example; 0, 1 (bad
 * input, with a hint when the files look swapped) or 2 (--date after the
 * data's reference date, an unknown --organisation or --region: the list of
 * valid keys is printed).
 */
int jbw_cli_load(jbw_cli *cli, jbw_snapshot **out);
/*
 * --organisation and --region against the registry of `snap`: 0, or 2
 * after printing the key that is not in it and the valid keys with their
 * names (as jbw_cli_load does; the exports of --history are checked with
 * it too, so that the user reads the option, not a library function).
 */
int jbw_cli_check_scope(const jbw_cli *cli, const jbw_snapshot *snap);
/*
 * The registry of --registry, read within the limits of the command line,
 * or the embedded Zuid-West registry; 0, or 1 after the library's message.
 */
int jbw_cli_registry(const jbw_cli *cli, jbw_registry **out);
/*
 * Loads one export, `measures` and `workers`, as every command reads
 * files: with the load options of the command line (--lenient,
 * --allow-unknown-columns, the limits, --threads) and `date` as the
 * reference date (JBW_DATE_NONE: the latest date in the files; files
 * without any date are of --date, and without --date refused with a
 * message asking for it). Each rejected row is listed on stderr ("jbw:
 * rejected: FILE line N, ..."), *left_out receives their number; the
 * data_notice beside `measures` becomes the snapshot's. 0, or 1 after a
 * message (an export whose every measure row was rejected too; after an
 * unknown column, with a hint of --allow-unknown-columns).
 */
int jbw_cli_load_files(const jbw_cli *cli, const jbw_registry *reg,
                       const char *measures, const char *workers, jbw_date date,
                       jbw_snapshot **out, size_t *left_out);
/* The most exports a note of rows left out names by their dates; more
 * are counted. */
#define JBW_CLI_LEFT_OUT_DATES 8
/*
 * Says in the snapshot's data notice, and so in every output made from
 * it, that `n` rows were left out with --lenient (nothing when n is 0).
 * `exports` is the number of exports of a --history that left rows out
 * (0: the files of --measures/--workers), `dates` the dates of the
 * first JBW_CLI_LEFT_OUT_DATES of them, in order. The outputs for
 * analysts name the option, in Dutch and English; a brief, which a
 * council reads, says it in plain words of its --lang, without options.
 */
void jbw_cli_note_left_out(const jbw_cli *cli, jbw_snapshot *snap, size_t n,
                           const jbw_date *dates, size_t exports);
/*
 * The data notice of an export: the file data_notice in the folder of
 * `measures` (jbw export and Python's save_csv write it beside the CSV
 * files) becomes the snapshot's, so that every output still says where
 * the data come from. No such file: real data, 0. 1 when the file cannot
 * be read or its text is refused (the reason and the file on stderr).
 */
int jbw_cli_load_notice(jbw_snapshot *snap, const char *measures);
int jbw_cli_norm(const jbw_cli *cli, jbw_norm **out);
int jbw_cli_model(const jbw_cli *cli, jbw_waitrisk_model **out);
/* Writes a result to stdout. (The library's writers carry the data
 * notice of synthetic data themselves: jbw_snapshot_data_notice.) */
int jbw_cli_emit(const char *text, size_t len);
int jbw_cli_write_in_dir(const char *dir, const char *name, const char *text,
                         size_t len);
/* Removes DIR/name when it exists; 0, or 1 (the reason on stderr). */
int jbw_cli_remove_in_dir(const char *dir, const char *name);
/* The length of DIR without its trailing slashes ("exports/" is 7), so
 * that DIR/name has one slash; "/" keeps its one. */
int jbw_cli_dir_len(const char *dir);

/* Chart options for the command: its language, the snapshot's data
 * notice (without a snapshot: the embedded example's when the command runs
 * on it), the snapshot's registry names (snap may be NULL). */
void jbw_cli_chart_options(const jbw_cli *cli, const jbw_snapshot *snap,
                           jbw_chart_options *opts);
/* Writes a chart made with status `made` to path and frees it; 0 or 1. */
int jbw_cli_write_svg(const char *path, jbw_status made, char *svg, size_t len);
/* Writes a series: its chart to --svg when given, then the series in the
 * command's format to standard output; 0 or 1. */
int jbw_cli_emit_series(const jbw_cli *cli, const jbw_series *series);

int jbw_cli_forecast(jbw_cli *cli);
/* jbw model (cli_model.c): the model file, --card or --register. */
int jbw_cli_model_cmd(jbw_cli *cli);
int jbw_cli_staffing(jbw_cli *cli);
int jbw_cli_calibrate(jbw_cli *cli);
int jbw_cli_backtest(jbw_cli *cli);
int jbw_cli_series_history(jbw_cli *cli);
int jbw_cli_brief(jbw_cli *cli);
/* The series of a --history folder (one point per export) and the latest
 * export's snapshot (the caller frees both); 0, or 1 after a message (2:
 * --organisation or --region is not in the registry). */
int jbw_cli_history_series(jbw_cli *cli, jbw_series **series,
                           jbw_snapshot **latest);

#endif
