/*
 * libjbw internal: the council brief as a document of blocks (headings,
 * paragraphs, tables, charts) that brief_doc.c renders as HTML or
 * Markdown, and the state the sections of the brief share. Nothing here
 * is exported.
 */
#ifndef JBW_BRIEF_INTERNAL_H
#define JBW_BRIEF_INTERNAL_H

#include "out_internal.h"

typedef enum jbw__block_kind {
    JBW__BLOCK_H1 = 0,
    JBW__BLOCK_H2 = 1,
    JBW__BLOCK_H3 = 2,
    JBW__BLOCK_P = 3,
    JBW__BLOCK_NOTE = 4,  /* a remark set apart (assumptions, caveats) */
    JBW__BLOCK_ITEM = 5,  /* one item of a bulleted list */
    JBW__BLOCK_TABLE = 6, /* cells row by row; the first row is the header */
    JBW__BLOCK_CHART = 7  /* the chart with index `chart` */
} jbw__block_kind;

typedef struct jbw__block {
    jbw__block_kind kind;
    char *text;   /* heading, paragraph or item text; table caption */
    char *id;     /* table: an id for readers and tests ("kerncijfers") */
    char **cells; /* table cells, row-major */
    size_t cols, cell_count, cell_cap;
    size_t chart; /* chart index */
} jbw__block;

/* The document: blocks and the charts they show. Appends that run out of
 * memory set `failed` and do nothing more. */
typedef struct jbw__doc {
    jbw_lang lang;
    char *title;
    char *notice; /* NULL: none */
    jbw__block *blocks;
    size_t block_count, block_cap;
    char **chart_svg;        /* the charts' SVG documents */
    const char **chart_name; /* their stable names (static strings) */
    size_t chart_count, chart_cap;
    int failed;
} jbw__doc;

void jbw__doc_free(jbw__doc *d);
/* Appends a heading, paragraph, note or list item; printf-style (numbers
 * formatted beforehand with jbw__fmt_*: never %f). */
void jbw__doc_text(jbw__doc *d, jbw__block_kind kind, const char *fmt, ...)
    JBW__PRINTF(3, 4);
/* Starts a table of `cols` columns with an id and a caption (either may be
 * NULL); jbw__doc_cell() then appends cells row by row (header first). */
void jbw__doc_table(jbw__doc *d, const char *id, const char *caption,
                    size_t cols);
void jbw__doc_cell(jbw__doc *d, const char *text);
/* Appends a row of `cols` cells to the current table. */
void jbw__doc_row(jbw__doc *d, size_t cols, ...);
/* Takes an SVG document (allocated with the library's allocator; the doc
 * owns it from here, also on failure) as a chart named `name` and shows it
 * here. */
void jbw__doc_chart(jbw__doc *d, const char *name, char *svg);
/* Records a failed chart or computation: ENOMEM sets `failed`. */
void jbw__doc_status(jbw__doc *d, jbw_status st);

/* Renders the document. Errors: JBW_ENOMEM. */
jbw_status jbw__doc_html(const jbw__doc *d, char **out, size_t *len);
/* The Markdown; with image_prefix, chart i is linked as an image at
 * "<image_prefix>-<i+1>.svg" (percent-encoded) above its caption. */
jbw_status jbw__doc_markdown(const jbw__doc *d, const char *image_prefix,
                             char **out, size_t *len);

/* ---- the sections -------------------------------------------------------- */

/* What the sections of a brief share while it is computed. */
typedef struct jbw__brief_ctx {
    jbw__doc *doc;
    const jbw_brief_options *opts;
    const jbw_snapshot *snap;
    const jbw_registry *registry; /* the snapshot's */
    const jbw_norm *norm;
    const jbw_calendar *cal;
    const jbw_waitrisk_model *model;
    jbw_caseload *cl;
    jbw_date date;
    jbw_lang lang;
    jbw__publish publish;
    const char *notice;      /* the options' or the snapshot's; NULL: none */
    jbw_chart_options chart; /* language, notice, rules, registry */
    /* The scope of the brief (the options' region or organisation; with
     * both, the region: the organisation then narrows the forecast only).
     * scope_key NULL: the whole data set. `scope` holds its totals. */
    jbw_group scope_group;
    const char *scope_key;
    const char *scope_name; /* the registry's name of the scope */
    jbw_caseload_totals scope;
} jbw__brief_ctx;

/* Sets the scope (c->scope_*) and its totals from the options, once the
 * caseload is computed. Errors: JBW_ENOTFOUND (a key not in the
 * registry). */
jbw_status jbw__brief_scope(jbw__brief_ctx *c);
/* Under the introduction: what a brief of one region or organisation
 * covers (nothing for the whole data set). */
void jbw__brief_scope_note(jbw__brief_ctx *c);
/* The preposition before the scope's name: "in" a region, "bij" (English
 * "at") an organisation; with `capital` "In" / "Bij" / "At". */
const char *jbw__brief_scope_prep(const jbw__brief_ctx *c, int capital);
/* In a brief of one region or organisation, a note that the tables and
 * charts per region and organisation show every group, for comparison;
 * with `spread`, also that the spread of caseload counts every worker. */
void jbw__brief_compare_note(jbw__brief_ctx *c, int spread);
/* The notice on every page (brief_doc.c): the options' notice, with its
 * Dutch words after it in a Dutch brief; NULL without a notice or when
 * out of memory. Free with jbw__free(). */
char *jbw__brief_page_notice(const jbw__brief_ctx *c);
/* The scope in words for a sentence: its name, or "alle organisaties en
 * regio's in de gegevens" for the whole data set. */
const char *jbw__brief_scope_words(const jbw__brief_ctx *c);

/* Adds a chart made with status st (its SVG owned by the document from
 * here) to the document; returns st, or JBW_ENOMEM. */
jbw_status jbw__brief_add_chart(jbw__brief_ctx *c, const char *name,
                                jbw_status st, char *svg);

/* Sections in brief.c and brief_forecast.c. Each returns JBW_OK or the
 * error that stops the brief (out of memory, bad input). */
jbw_status jbw__brief_forecast(jbw__brief_ctx *c);
jbw_status jbw__brief_priority(jbw__brief_ctx *c);
jbw_status jbw__brief_sources(jbw__brief_ctx *c);
/* The section on the coupling norm (brief_coupling.c). */
jbw_status jbw__brief_coupling(jbw__brief_ctx *c);
/* Starts a table per organisation or region (brief.c): its caption ("Per
 * regio") and the first header cell ("Regio"); the caller adds the other
 * header cells. */
void jbw__brief_group_table(jbw__brief_ctx *c, jbw_group g, const char *id,
                            size_t cols);
/* A share of exact counts as a percentage in buf (JBW__FMT_SIZE bytes),
 * left out ("\xe2\x80\x93") when either count is hidden (brief.c). */
const char *jbw__brief_share(char *buf, const jbw__brief_ctx *c, size_t part,
                             size_t whole);
/* A median of the waits of `n` measures in whole werkdagen, left out as
 * the share is when n is hidden: of a few measures it tells nearly each
 * one (brief.c). */
const char *jbw__brief_median(char *buf, const jbw__brief_ctx *c, double median,
                              size_t n);
/* The section on data quality: the caseload's findings in the brief's
 * scope, per rule (brief_quality.c). Errors: JBW_ENOMEM. */
jbw_status jbw__brief_quality(jbw__brief_ctx *c);
/* Waiting for suitable help (brief_help.c); nothing without help dates. */
jbw_status jbw__brief_help(jbw__brief_ctx *c);

#endif /* JBW_BRIEF_INTERNAL_H */
