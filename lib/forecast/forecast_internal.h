/*
 * libjbw internal: what the files of lib/forecast share: the parameter
 * limits, the generator and samplers, the stock-flow model and its state,
 * and the layout of a forecast result.
 */
#ifndef JBW_FORECAST_INTERNAL_H
#define JBW_FORECAST_INTERNAL_H

#include "base/rng.h"
#include "data/snapshot_internal.h"

/*
 * Contraction into fused multiply-adds would change roundings and so the
 * draws (sampler.c). The build turns it off for the whole library
 * (-ffp-contract=off, CMakeLists.txt); the pragma says so to clang here
 * too, for a build that does not pass the flag.
 */
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#endif

#define FC_K    JBW_KIND_COUNT
#define FC_RING (JBW_TENURE_SLOTS - 1) /* tenure 0..35; 36+ kept apart */

/* Domain limits of the parameters (docs/forecast.md). */
#define FC_MAX_COUNT      1e9    /* measures in a start stock */
#define FC_MAX_INFLOW     1e7    /* measures a month */
#define FC_MAX_DURATION   1200.0 /* months (100 years) */
#define FC_MAX_FTE        1e6    /* FTE in a tenure slot */
#define FC_MAX_HIRES      1e5    /* FTE hired a month */
#define FC_MAX_MONEY      1e12
#define FC_MAX_MULTIPLIER 1000.0
#define FC_MAX_SHOCKS     10000
#define FC_MAX_SLOTS      100000000.0

/* ---- elementary functions, generator and samplers (sampler.c) --------- */

/*
 * A replicate's generator, with the run's table of ln k! for small k
 * (shared, read-only; the values of jbw__fc_log_factorial, cached).
 */
#define FC_LF_TABLE 2048
typedef struct jbw__fc_rng {
    uint64_t s[4]; /* xoshiro256** (base/rng.h) */
    const double *lf;
} jbw__fc_rng;

/* A Poisson sampler for one mean, set up once and shared by replicates. */
typedef struct jbw__fc_poisson {
    double mean;
    double exp_neg; /* e^-mean, inversion (mean < 10) */
    /* PTRS constants (mean >= 10) */
    double b, a, vr, log_mean, log_inv_alpha;
} jbw__fc_poisson;

/*
 * Binomial(n, p) draws, n a whole number held in a double. The constants
 * of one p are set up once for the many n it is drawn for (the exits of
 * a kind, the leavers), with q^n for small n when a table is given: the
 * same values fc_powi gives, so the draws do not depend on the table.
 */
#define FC_QPOW 256
typedef struct jbw__fc_binom {
    double p, q, s; /* p <= 0.5 after the flip; q = 1 - p; s = p / q */
    int flip, all,
        none;           /* flip: n - Bin(n, 1 - p); all: p >= 1; none: p <= 0 */
    const double *qpow; /* q^n for n < FC_QPOW, or NULL */
} jbw__fc_binom;

/* ln k!: a table below 16, Stirling's series above (absolute error below
 * 2e-14). */
double jbw__fc_log_factorial(double k);
/* y^(1/12) for y in [0, 1] by Newton's method (the monthly turnover). */
double jbw__fc_root12(double y);
void jbw__fc_poisson_setup(jbw__fc_poisson *ps, double mean);
double jbw__fc_poisson_draw(const jbw__fc_poisson *ps, jbw__fc_rng *g);
/* `table`, when not NULL, holds FC_QPOW doubles and is filled here. */
void jbw__fc_binom_setup(jbw__fc_binom *b, double p, double *table);
double jbw__fc_binom_draw(const jbw__fc_binom *b, double n, jbw__fc_rng *g);

/* ---- parameter checks (params.c) -------------------------------------- */

/* The checks of every field of p (`stochastic`: also those only a
 * stochastic run needs), and of the horizon alone. */
jbw_status jbw__fc_check_params(const jbw_forecast_params *p, int stochastic);

/* Reads a params record of any supported version into a record of the
 * current version (fields a version lacks get their defaults).
 * Errors: JBW_EINVAL (NULL), JBW_EVERSION. */
jbw_status jbw__fc_params_read(jbw_forecast_params *out,
                               const jbw_forecast_params *in);
/* Writes `full` back into `out`, only the fields of out->version (kept). */
void jbw__fc_params_write(jbw_forecast_params *out,
                          const jbw_forecast_params *full);
jbw_status jbw__fc_check_horizon(const jbw_forecast_params *p);

/* ---- the stock-flow model (model.c) ----------------------------------- */

/* The quantities of a month, in the order of jbw_forecast_month. */
enum {
    FCQ_ASSIGNED,
    FCQ_WAITING_NIEUW,
    FCQ_WAITING_BESTAAND,
    FCQ_WAITING,
    FCQ_ACTIVE,
    FCQ_INFLOW,
    FCQ_EXITS,
    FCQ_ORPHANED,
    FCQ_INTAKE,
    FCQ_LEAVERS_FTE,
    FCQ_HIRES_FTE,
    FCQ_FTE,
    FCQ_EFFECTIVE_FTE,
    FCQ_CAPACITY,
    FCQ_LOAD,
    FCQ_FREE_CAPACITY,
    FCQ_REVENUE,
    FCQ_STAFF_COST,
    FCQ_FIXED_COSTS,
    FCQ_MARGIN,
    FCQ_COVERAGE,
    FCQ_COUNT
};

/* After the FCQ_COUNT quantities of jbw_forecast_month, per kind k its
 * active measures (w 0) and its waiting list (w 1). */
#define FCQ_KIND(k, w) (FCQ_COUNT + 2 * (k) + (w))
#define FCQ_ALL        (FCQ_COUNT + 2 * FC_K)

/* The quantities' names in output, by FCQ_ index. */
extern const char *const jbw__fc_quantity_names[FCQ_COUNT];

#define FC_STATS         4
#define FC_LIST_NIEUW    0
#define FC_LIST_BESTAAND 1

/* A group of waiting lists that free capacity takes pro rata. */
typedef struct jbw__fc_tier {
    int count;
    uint8_t kind[2 * FC_K];
    uint8_t list[2 * FC_K];
} jbw__fc_tier;

/* A cohort of the hiring plan, by the month it is hired. */
typedef struct jbw__fc_cohort {
    double fte, workers; /* 0: no cohort that month */
    double fraction;     /* carried in the first `onboarding` months */
    int32_t onboarding;  /* -1: the norm's ramp */
} jbw__fc_cohort;

/* Everything a month step needs that does not change between replicates. */
typedef struct jbw__fc_model {
    int32_t months;
    int live[FC_K]; /* kinds that ever hold a measure */
    int nlive;
    double exit_p[FC_K]; /* 1 / duration */
    double cost[FC_K];   /* norm units per measure: upm x weight */
    double tariff_month[FC_K];
    double ramp[JBW_TENURE_SLOTS];
    double caseload_per_fte;
    double leave_rate;       /* monthly */
    double leave_rate_first; /* monthly, tenure 0..11 */
    double vots_to_ots;
    double bestaand_share;         /* < 0: the tiers' order */
    int tier_bestaand, tier_nieuw; /* their tiers' indices; -1: none */
    double hires_fte;
    int32_t hire_months;
    double hire_workers;  /* workers per month of hires (stochastic) */
    jbw__fc_cohort *plan; /* months + 1, by hire month; NULL: no plan */
    double fte_per_worker;
    int finance;
    double staff_cost_month, fixed_month;
    jbw__fc_tier tiers[3];
    int ntiers;
    double *inflow_mean;        /* (months + 1) x FC_K; row t = month t */
    jbw__fc_poisson *inflow_ps; /* idem, stochastic runs only */
    double *lf;                 /* ln k! for k < FC_LF_TABLE, stochastic runs */
    jbw__fc_binom binom[FC_K + 3]; /* exits per kind, leavers, first-year
                                      leavers, VOTS continuing; stochastic */
    double *qpow;                  /* their tables, FC_QPOW each */
} jbw__fc_model;
#define FC_LEAVE_BINOM       FC_K
#define FC_LEAVE_FIRST_BINOM (FC_K + 1)
#define FC_CONTINUE_BINOM    (FC_K + 2)
#define FC_FIRST_YEAR        12 /* months of tenure with the first-year rate */

/* The state of one replicate (or of the deterministic run). */
typedef struct jbw__fc_state {
    double a[FC_K], wn[FC_K], wb[FC_K];
    double fte[FC_RING], workers[FC_RING]; /* ring: tenure j at head + j */
    double senior_fte, senior_workers;     /* tenure 36 and more */
    /* the hiring plan's cohorts, in the same ring (tenure j at head + j
       was hired in month `month` - j), apart for their own ramps */
    double plan_fte[FC_RING], plan_workers[FC_RING];
    int32_t month; /* the month of the last step; 0: the start */
    unsigned head;
    jbw__fc_rng rng;
} jbw__fc_state;

/* The product of the shocks' multipliers on the inflow of kind in month. */
double jbw__fc_shock_multiplier(const jbw_forecast_params *p, int kind,
                                int32_t month);
/* Builds the model of a run from checked parameters; free it with
 * jbw__fc_model_free (also after a failure). */
jbw_status jbw__fc_model_init(jbw__fc_model *m, const jbw_forecast_params *p,
                              const jbw_norm *norm, int stochastic);
void jbw__fc_model_free(jbw__fc_model *m);
/* The start state of a run, and one month's step (q: its quantities). */
void jbw__fc_state_init(jbw__fc_state *s, const jbw__fc_model *m,
                        const jbw_forecast_params *p);
void jbw__fc_step(const jbw__fc_model *m, jbw__fc_state *s, int32_t t,
                  jbw__fc_rng *g, double *q);
/* The quantities of month 0 (the start state). */
void jbw__fc_observe_start(const jbw__fc_model *m, const jbw__fc_state *s,
                           double *q);

/* ---- the result (run.c) ----------------------------------------------- */

struct jbw_forecast {
    int32_t months;
    jbw_date start;
    size_t replicates;
    uint64_t seed;
    int finance;
    double turnover; /* the run's assumptions, printed with it */
    double hires_fte;
    int32_t hire_months;
    double plan_fte;  /* the hiring plan's FTE within the horizon */
    int plan_cohorts; /* and its cohorts (0: no plan) */
    int nstats;       /* 1 deterministic, FC_STATS stochastic */
    jbw_date *dates;  /* months + 1 */
    /* months + 1: the parameters' inflow with shocks (month 0: none) */
    double *inflow_expected;
    double *values;    /* [(month x nstats + stat) x FCQ_ALL + q] */
    char *data_notice; /* owned copy; NULL: none */
};

/* The threads for `work` independent items when `threads` were asked
 * for (0: one per online core): 1..JBW_FORECAST_THREADS_MAX and at most
 * `work`; 1 without POSIX threads. */
size_t jbw__fc_threads(unsigned threads, size_t work);
/* Calls fn(args + i x size) for every i in [0, n), item 0 on the calling
 * thread and each other on a thread of its own (on the calling thread
 * when one cannot be started); returns when all are done. */
void jbw__fc_parallel(size_t n, void (*fn)(void *), void *args, size_t size);

/* The FCQ_ALL values of statistic `stat` of month `month`. */
double *jbw__fc_values(const jbw_forecast *fc, int32_t month, int stat);

/* ---- scenarios (scenario.c) ------------------------------------------- */

/* Appends a checked shock to the scenario. */
jbw_status jbw__sc_push_shock(jbw_scenario *sc, const jbw_shock *s);
/* Drops the shocks after the first `count` (undoes a failed add). */
void jbw__sc_drop_shocks(jbw_scenario *sc, size_t count);

/* Where the cohort of `month` (1..JBW_FORECAST_MONTHS_MAX) was given: its
 * line, 0 when none; *from_csv 1 when a hiring-plan CSV gave it. */
size_t jbw__sc_hire_line(const jbw_scenario *sc, int32_t month, int *from_csv);
/* Appends a checked cohort whose month has none yet, given on `line`. */
jbw_status jbw__sc_push_hire(jbw_scenario *sc, const jbw_hire *h, size_t line,
                             int from_csv);
/* Drops the cohorts after the first `count` (undoes a failed add). */
void jbw__sc_drop_hires(jbw_scenario *sc, size_t count);

#endif /* JBW_FORECAST_INTERNAL_H */
