/*
 * gen_national: writes national-size synthetic input files (measures.csv
 * and workers.csv; 32,000 measures and 5,000 workers per unit of scale)
 * on the embedded Zuid-West registry, for the peak-memory run of
 * tests/bench/peak_memory.sh. The data is SYNTHETIC.
 *
 * usage: gen_national DIR [scale]
 */
#include "bench_util.h"

static int write_text(const char *dir, const char *name, const bench_text *t)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (jbw_write_file(path, t->data, t->len) != JBW_OK) {
        fprintf(stderr, "gen_national: %s\n", jbw_last_error());
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    bench_text m = {0}, w = {0};
    int scale = argc > 2 ? atoi(argv[2]) : 1;
    int rc;
    if (argc < 2 || scale < 1) {
        fprintf(stderr, "usage: gen_national DIR [scale]\n");
        return 2;
    }
    bench_national_csv(&m, &w, 32000 * (size_t)scale, 5000 * (size_t)scale, ',',
                       42);
    rc = write_text(argv[1], "measures.csv", &m) ||
         write_text(argv[1], "workers.csv", &w);
    free(m.data);
    free(w.data);
    return rc;
}
