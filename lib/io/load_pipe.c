/*
 * libjbw - loading measures.csv on two threads (jbw_load_options.threads):
 * a parse thread reads the file (or the text), tokenizes it and parses
 * its rows into batches, while the calling thread adds the rows of the
 * batches before to the snapshot, in file order (snapshot_load.c).
 *
 * The batches go round a small ring (RING of them, jbw__load_batch_rows
 * rows each, their strings in one arena a batch), so that the rows held
 * at a time are bounded whatever the size of the file. A batch is the
 * thread's until it is made, then the calling thread's until it gives it
 * back: the mutex only guards the counters. The thread parses on its own
 * jbw__row_parser (dates, enum codes), and copies the detail of a row
 * that fails into the batch, since the detail of an error is per thread.
 * How the reading ended (a tokenizer error, a reading error, out of
 * memory) comes with the last batch, after its rows, so that the calling
 * thread meets the errors in the order one thread would.
 */
#include "io/load_internal.h"

#include <string.h>
#if defined(JBW_HAVE_PTHREADS)
#include <pthread.h>
#include <signal.h>
#include <unistd.h>
#endif

size_t jbw__load_batch_rows = 2048;
size_t jbw__load_threads_min = JBW_LOAD_THREADS_MIN_BYTES;

#if defined(JBW_HAVE_PTHREADS)

/* Two batches are with the calling thread at most (the window of rows
 * not yet added spans two when a batch is shorter than it), so the
 * thread always has two to fill ahead. */
#define RING 4

struct load_pipe {
    jbw__csv_stream *s;
    size_t col[M_COLUMNS];
    int lenient;
    size_t batch_rows;
    jbw__row_parser P; /* the thread's */
    size_t rows;       /* the thread's: the rows read so far */
    jbw__load_batch batches[RING];
    pthread_mutex_t mu;
    pthread_cond_t made_one, freed_one;
    size_t made;     /* batches made (the thread writes it under mu) */
    size_t released; /* batches given back (the taker writes it under mu) */
    size_t taken;    /* the taker's */
    int ended;       /* the taker's: the last batch was taken */
    int stop;        /* under mu: the taker wants no more */
    pthread_t tid;
};

unsigned jbw__load_threads(unsigned threads)
{
    long n = threads ? (long)threads : sysconf(_SC_NPROCESSORS_ONLN);
    return n >= 2 ? 2 : 1;
}

/* Copies the thread's error detail into the batch; 0 when out of memory. */
static int keep_detail(jbw__load_batch *b, size_t *off)
{
    const char *d = jbw_last_error();
    *off = b->details.len;
    jbw__buf_append(&b->details, d, strlen(d));
    if (b->details.failed)
        return 0;
    b->details.len++; /* keep the NUL the buffer always ends in */
    return 1;
}

/* The reading ended with st: a tokenizer error (tail), or an error that
 * stops the load (end). Out of memory has no detail to copy. */
static void end_with(jbw__load_batch *b, jbw_status st, int is_tail)
{
    size_t off = IO_NULL;
    if (st != JBW_ENOMEM && !keep_detail(b, &off))
        st = JBW_ENOMEM, is_tail = 0;
    if (is_tail) {
        b->tail = st;
        b->tail_detail = off;
    } else {
        b->end = st;
        b->end_detail = off;
    }
}

/*
 * Fills a batch with the next rows. The last batch is the one where the
 * reading ended: at the end of the text, at a tokenizer error, at the
 * first row that fails in strict mode (parse errors: the rest is then
 * read only to check it, as on one thread), or at an error that stops
 * the load.
 */
static void fill(jbw__load_pipe *p, jbw__load_batch *b)
{
    jbw__csv_stream *s = p->s;
    int more = 1;
    jbw_status st;
    b->count = 0;
    b->arena.len = 0;
    b->details.len = 0;
    b->reserve = 0;
    b->last = 0;
    b->tail = b->end = JBW_OK;
    p->P.arena = &b->arena;
    for (;;) {
        jbw__measure_row *row;
        if (b->count == p->batch_rows)
            return; /* more to come */
        row = &b->rows[b->count];
        if ((st = jbw__csv_stream_next(s, &more)) != JBW_OK) {
            end_with(b, st, !s->read_failed && st != JBW_ENOMEM);
            break;
        }
        if (!more)
            break;
        if (++p->rows == IO_SIZE_AFTER) {
            b->reserve = 1;
            b->hint = jbw__csv_stream_rows_hint(s, p->rows);
        }
        st = jbw__load_measure_record(&p->P, row, &s->csv, p->col);
        if (st == JBW_ENOMEM) {
            end_with(b, st, 0);
            break;
        }
        b->count++;
        if (st != JBW_OK) {
            if (!keep_detail(b, &row->detail)) {
                b->count--;
                end_with(b, JBW_ENOMEM, 0);
                break;
            }
            if (!p->lenient)
                break;
        }
    }
    b->last = 1;
    if (b->end == JBW_OK && (st = jbw__csv_stream_drain(s)) != JBW_OK)
        end_with(b, st, 0);
}

static void *parse_main(void *arg)
{
    jbw__load_pipe *p = arg;
    int last = 0;
    while (!last) {
        jbw__load_batch *b;
        pthread_mutex_lock(&p->mu);
        while (!p->stop && p->made - p->released >= RING)
            pthread_cond_wait(&p->freed_one, &p->mu);
        if (p->stop) {
            pthread_mutex_unlock(&p->mu);
            break;
        }
        pthread_mutex_unlock(&p->mu);
        b = &p->batches[p->made % RING];
        fill(p, b);
        last = b->last;
        pthread_mutex_lock(&p->mu);
        p->made++;
        pthread_cond_signal(&p->made_one);
        pthread_mutex_unlock(&p->mu);
    }
    return NULL;
}

static void pipe_free(jbw__load_pipe *p)
{
    size_t k;
    for (k = 0; k < RING; k++) {
        jbw__free(p->batches[k].rows);
        jbw__buf_free(&p->batches[k].arena);
        jbw__buf_free(&p->batches[k].details);
    }
    jbw__free(p);
}

/*
 * Starts the parse thread with every signal blocked, so that the signals
 * of the process still reach the caller's own threads and never this one
 * (a library's thread has no business with them); 0 when it cannot be.
 */
static int start_thread(jbw__load_pipe *p)
{
    sigset_t all, old;
    int ok;
    sigfillset(&all);
    if (pthread_sigmask(SIG_SETMASK, &all, &old) != 0)
        return 0;
    ok = pthread_create(&p->tid, NULL, parse_main, p) == 0;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return ok;
}

jbw__load_pipe *jbw__load_pipe_start(jbw__csv_stream *s, const size_t *col,
                                     int lenient)
{
    jbw__load_pipe *p = jbw__calloc(1, sizeof *p);
    size_t k;
    int ok;
    if (!p)
        return NULL;
    p->s = s;
    memcpy(p->col, col, sizeof p->col);
    p->lenient = lenient;
    p->batch_rows = jbw__load_batch_rows ? jbw__load_batch_rows : 1;
    p->P.latest = JBW_DATE_NONE;
    for (k = 0, ok = 1; k < RING && ok; k++) {
        p->batches[k].rows =
            jbw__calloc(p->batch_rows, sizeof *p->batches[k].rows);
        ok = p->batches[k].rows != NULL;
    }
    if (!ok || pthread_mutex_init(&p->mu, NULL) != 0) {
        pipe_free(p);
        return NULL;
    }
    ok = pthread_cond_init(&p->made_one, NULL) == 0;
    if (ok && !(ok = pthread_cond_init(&p->freed_one, NULL) == 0))
        pthread_cond_destroy(&p->made_one);
    if (ok && !start_thread(p)) {
        pthread_cond_destroy(&p->made_one);
        pthread_cond_destroy(&p->freed_one);
        ok = 0;
    }
    if (!ok) {
        pthread_mutex_destroy(&p->mu);
        pipe_free(p);
        return NULL;
    }
    return p;
}

jbw__load_batch *jbw__load_pipe_take(jbw__load_pipe *p)
{
    jbw__load_batch *b;
    if (p->ended)
        return NULL;
    pthread_mutex_lock(&p->mu);
    while (p->made == p->taken)
        pthread_cond_wait(&p->made_one, &p->mu);
    pthread_mutex_unlock(&p->mu);
    b = &p->batches[p->taken % RING];
    p->taken++;
    p->ended = b->last;
    return b;
}

void jbw__load_pipe_release_done(jbw__load_pipe *p, size_t added)
{
    size_t n = 0;
    while (p->released + n < p->taken) {
        const jbw__load_batch *b = &p->batches[(p->released + n) % RING];
        if (b->first + b->count > added)
            break;
        n++;
    }
    if (!n)
        return;
    pthread_mutex_lock(&p->mu);
    p->released += n;
    pthread_cond_signal(&p->freed_one);
    pthread_mutex_unlock(&p->mu);
}

size_t jbw__load_pipe_held(const jbw__load_pipe *p)
{
    return p->taken - p->released;
}

size_t jbw__load_pipe_ring(const jbw__load_pipe *p)
{
    (void)p;
    return RING;
}

void jbw__load_pipe_finish(jbw__load_pipe *p, jbw_date *latest)
{
    if (!p)
        return;
    pthread_mutex_lock(&p->mu);
    p->stop = 1;
    pthread_cond_signal(&p->freed_one);
    pthread_mutex_unlock(&p->mu);
    pthread_join(p->tid, NULL);
    pthread_cond_destroy(&p->made_one);
    pthread_cond_destroy(&p->freed_one);
    pthread_mutex_destroy(&p->mu);
    if (p->P.latest != JBW_DATE_NONE &&
        (*latest == JBW_DATE_NONE || p->P.latest > *latest))
        *latest = p->P.latest;
    pipe_free(p);
}

#else /* no threads: every load runs on the calling thread */

unsigned jbw__load_threads(unsigned threads)
{
    (void)threads;
    return 1;
}

jbw__load_pipe *jbw__load_pipe_start(jbw__csv_stream *s, const size_t *col,
                                     int lenient)
{
    (void)s;
    (void)col;
    (void)lenient;
    return NULL;
}

jbw__load_batch *jbw__load_pipe_take(jbw__load_pipe *p)
{
    (void)p;
    return NULL;
}

void jbw__load_pipe_release_done(jbw__load_pipe *p, size_t added)
{
    (void)p;
    (void)added;
}

size_t jbw__load_pipe_held(const jbw__load_pipe *p)
{
    (void)p;
    return 0;
}

size_t jbw__load_pipe_ring(const jbw__load_pipe *p)
{
    (void)p;
    return 1;
}

void jbw__load_pipe_finish(jbw__load_pipe *p, jbw_date *latest)
{
    (void)p;
    (void)latest;
}

#endif
