/*
 * gen_rows: writes a measures.csv of ROWS minimal valid measures (the six
 * required columns, 44 bytes a row: "M0000001,C0000001,OTS,JBWEST,ZHZ,
 * 2025-01-10") and a workers.csv with only its header, for the load test
 * of tests/bench/load_test.sh. Streams the rows to the file, so it needs
 * no memory for them. The data is SYNTHETIC.
 *
 * usage: gen_rows DIR ROWS
 */
#include <stdio.h>
#include <stdlib.h>

static FILE *open_in(const char *dir, const char *name)
{
    char path[4096];
    FILE *f;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "wb");
    if (!f)
        perror(path);
    return f;
}

int main(int argc, char **argv)
{
    unsigned long rows, i;
    FILE *m, *w;
    char *end;
    if (argc != 3) {
        fprintf(stderr, "usage: gen_rows DIR ROWS\n");
        return 2;
    }
    rows = strtoul(argv[2], &end, 10);
    if (*end || rows == 0 || rows > 99999999UL) {
        fprintf(stderr, "gen_rows: ROWS is 1 to 99,999,999\n");
        return 2;
    }
    if (!(m = open_in(argv[1], "measures.csv")) ||
        !(w = open_in(argv[1], "workers.csv")))
        return 1;
    fputs("id,child_id,kind,organisation,region,start\n", m);
    for (i = 0; i < rows; i++)
        fprintf(m, "M%07lu,C%07lu,OTS,JBWEST,ZHZ,2025-01-10\n", i, i);
    fputs("id,organisation,fte,hired\n", w);
    if (fclose(m) != 0 || fclose(w) != 0) {
        perror("gen_rows");
        return 1;
    }
    return 0;
}
