/*
 * The brief as a document of blocks, rendered as one self-contained HTML
 * file (inline CSS and SVG, no script, nothing to load; printable to A4,
 * readable on a phone) or as Markdown with tables.
 */
#include "brief_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void jbw__doc_free(jbw__doc *d)
{
    size_t i, j;
    for (i = 0; i < d->block_count; i++) {
        jbw__block *b = &d->blocks[i];
        jbw__free(b->text);
        jbw__free(b->id);
        for (j = 0; j < b->cell_count; j++)
            jbw__free(b->cells[j]);
        jbw__free(b->cells);
    }
    for (i = 0; i < d->chart_count; i++)
        jbw__free(d->chart_svg[i]);
    jbw__free(d->blocks);
    jbw__free(d->chart_svg);
    jbw__free(d->chart_name);
    jbw__free(d->title);
    jbw__free(d->notice);
    memset(d, 0, sizeof *d);
}

/* A new zeroed block, or NULL (and failed) when out of memory. */
static jbw__block *new_block(jbw__doc *d, jbw__block_kind kind)
{
    jbw__block *b;
    if (d->failed)
        return NULL;
    if (jbw__grow((void **)&d->blocks, &d->block_cap, d->block_count + 1,
                  sizeof *d->blocks) != 0) {
        d->failed = 1;
        return NULL;
    }
    b = &d->blocks[d->block_count++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    return b;
}

static char *vformat(const char *fmt, va_list ap)
{
    jbw__buf b = JBW__BUF_INIT;
    char *out = NULL;
    va_list copy;
    int n;
    va_copy(copy, ap);
    n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0 || jbw__buf_reserve(&b, (size_t)n + 1) != 0) {
        jbw__buf_free(&b);
        return NULL;
    }
    vsnprintf(b.data, (size_t)n + 1, fmt, ap);
    b.len = (size_t)n;
    if (jbw__buf_finish(&b, &out, NULL) != JBW_OK)
        return NULL;
    return out;
}

void jbw__doc_text(jbw__doc *d, jbw__block_kind kind, const char *fmt, ...)
{
    jbw__block *b = new_block(d, kind);
    va_list ap;
    if (!b)
        return;
    va_start(ap, fmt);
    b->text = vformat(fmt, ap);
    va_end(ap);
    if (!b->text)
        d->failed = 1;
}

void jbw__doc_table(jbw__doc *d, const char *id, const char *caption,
                    size_t cols)
{
    jbw__block *b = new_block(d, JBW__BLOCK_TABLE);
    if (!b)
        return;
    b->cols = cols;
    b->id = jbw__strdup(id);
    b->text = jbw__strdup(caption);
    if ((id && !b->id) || (caption && !b->text))
        d->failed = 1;
}

void jbw__doc_cell(jbw__doc *d, const char *text)
{
    jbw__block *b;
    char *copy;
    if (d->failed || d->block_count == 0)
        return;
    b = &d->blocks[d->block_count - 1];
    if (b->kind != JBW__BLOCK_TABLE)
        return;
    copy = jbw__strdup(text ? text : "");
    if (!copy || jbw__grow((void **)&b->cells, &b->cell_cap, b->cell_count + 1,
                           sizeof *b->cells) != 0) {
        jbw__free(copy);
        d->failed = 1;
        return;
    }
    b->cells[b->cell_count++] = copy;
}

void jbw__doc_row(jbw__doc *d, size_t cols, ...)
{
    va_list ap;
    size_t i;
    va_start(ap, cols);
    for (i = 0; i < cols; i++)
        jbw__doc_cell(d, va_arg(ap, const char *));
    va_end(ap);
}

void jbw__doc_chart(jbw__doc *d, const char *name, char *svg)
{
    jbw__block *b;
    if (!svg)
        return;
    if (d->failed || jbw__grow((void **)&d->chart_svg, &d->chart_cap,
                               d->chart_count + 1, sizeof *d->chart_svg) != 0) {
        jbw__free(svg);
        d->failed = 1;
        return;
    }
    /* chart_name follows chart_svg's capacity */
    {
        void *p = jbw__reallocarray((void *)d->chart_name, d->chart_cap,
                                    sizeof *d->chart_name);
        if (!p) {
            jbw__free(svg);
            d->failed = 1;
            return;
        }
        d->chart_name = p;
    }
    d->chart_svg[d->chart_count] = svg;
    d->chart_name[d->chart_count] = name;
    b = new_block(d, JBW__BLOCK_CHART);
    if (b)
        b->chart = d->chart_count;
    d->chart_count++;
}

void jbw__doc_status(jbw__doc *d, jbw_status st)
{
    if (st == JBW_ENOMEM)
        d->failed = 1;
}

/* ---- HTML --------------------------------------------------------------- */

static const char css[] =
    "body{font-family:'DejaVu Sans',Arial,Helvetica,sans-serif;"
    "font-size:11pt;line-height:1.45;color:#1a1a1a;background:#fff;"
    "max-width:50em;margin:0 auto;padding:1em 1.2em 3em}"
    "h1{font-size:1.6em;line-height:1.2;margin:.3em 0 .2em}"
    "h2{font-size:1.25em;border-bottom:2px solid #1f4e79;margin:1.6em 0 .5em;"
    "break-after:avoid}"
    "h3{font-size:1.05em;margin:1.2em 0 .4em;break-after:avoid}"
    "p{margin:.5em 0}"
    ".lead{color:#404040}"
    ".notice{background:#fff2cc;border:1px solid #d6b656;padding:.45em .7em;"
    "font-weight:bold;margin:.6em 0}"
    ".note{border-left:4px solid #a6a6a6;background:#f5f5f5;"
    "padding:.3em .8em;margin:.6em 0}"
    ".wrap{overflow-x:auto;margin:.6em 0 1em}"
    "table{border-collapse:collapse;width:100%;font-size:.95em}"
    "caption{text-align:left;font-weight:bold;padding:.2em 0 .35em}"
    "th,td{border:1px solid #bfbfbf;padding:.25em .45em;text-align:left;"
    "vertical-align:top}"
    "thead th{background:#dde6f0}"
    "td.n{text-align:right;white-space:nowrap}"
    "table.wide{font-size:.85em}table.wide th,table.wide td{padding:.25em .3em}"
    "figure{margin:1em 0;break-inside:avoid}"
    "figure svg{display:block;max-width:100%;height:auto}"
    "ul{padding-left:1.3em}"
    "footer{margin-top:2em;border-top:1px solid #bfbfbf;padding-top:.5em;"
    "font-size:.9em;color:#404040}"
    "@page{size:A4;margin:16mm 14mm 22mm}"
    "@media print{body{max-width:none;padding:0;font-size:10pt}"
    /* a long table goes on where the page has room, by whole rows under
     * its repeated head, rather than leaving the rest of a page empty */
    ".wrap{overflow:visible}figure,tr{break-inside:avoid}"
    "thead{display:table-header-group}caption{break-after:avoid}}"
    "@media (max-width:600px){body{font-size:10.5pt;padding:.6em}"
    "th,td{padding:.2em .3em}h1{font-size:1.35em}"
    /* on a phone a chart keeps a readable width and scrolls sideways, as
     * a wide table does, instead of shrinking its text below 6 px */
    "figure{overflow-x:auto}figure svg{max-width:none;width:640px}}";

/* A cell that is a number alone is right-aligned: "4.503", "71%", "< 5",
 * "-2,5", "21,8"; not "12 kinderen per fte". */
static int numeric(const char *s)
{
    int digits = 0;
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9')
            digits++;
        else if (!strchr(".,% <-", *s))
            return 0;
    }
    return digits > 0;
}

/* Tables of this many columns or more are set smaller: the caseload by
 * organisation (8 columns, with names such as "Leger des Heils
 * Jeugdbescherming & Reclassering") was wider than the page and lost its
 * last column on paper. */
#define WIDE_COLS 8

static void html_table(jbw__buf *b, const jbw__block *t)
{
    size_t r, c, rows = t->cols ? t->cell_count / t->cols : 0;
    jbw__buf_puts(b, "<div class=\"wrap\"><table");
    if (t->cols >= WIDE_COLS)
        jbw__buf_puts(b, " class=\"wide\"");
    if (t->id) {
        jbw__buf_puts(b, " id=\"");
        jbw__xml_text(b, t->id);
        jbw__buf_putc(b, '"');
    }
    jbw__buf_puts(b, ">");
    if (t->text) {
        jbw__buf_puts(b, "<caption>");
        jbw__xml_text(b, t->text);
        jbw__buf_puts(b, "</caption>");
    }
    for (r = 0; r < rows; r++) {
        if (r == 0)
            jbw__buf_puts(b, "\n<thead>");
        if (r == 1)
            jbw__buf_puts(b, "\n<tbody>");
        jbw__buf_puts(b, "\n<tr>");
        for (c = 0; c < t->cols; c++) {
            const char *cell = t->cells[r * t->cols + c];
            if (r == 0)
                jbw__buf_puts(b, "<th scope=\"col\">");
            else if (c == 0)
                jbw__buf_puts(b, "<th scope=\"row\">");
            else
                jbw__buf_puts(b, numeric(cell) ? "<td class=\"n\">" : "<td>");
            jbw__xml_text(b, cell);
            jbw__buf_puts(b, r == 0 || c == 0 ? "</th>" : "</td>");
        }
        jbw__buf_puts(b, "</tr>");
        if (r == 0)
            jbw__buf_puts(b, "</thead>");
    }
    if (rows > 1)
        jbw__buf_puts(b, "</tbody>");
    jbw__buf_puts(b, "</table></div>\n");
}

/*
 * `s` inside a CSS string in a <style> element: a quote, a backslash, '<'
 * (no "</style>" can end the element) and control bytes as CSS escapes;
 * UTF-8 as it is.
 */
static void css_string(jbw__buf *b, const char *s)
{
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '"' || ch == '\\')
            jbw__buf_printf(b, "\\%c", ch);
        else if (ch < 0x20 || ch == 0x7F || ch == '<')
            jbw__buf_printf(b, "\\%X ", (unsigned)ch);
        else
            jbw__buf_putc(b, (char)ch);
    }
}

/* The chart without its XML declaration (HTML has none inside). */
static void html_chart(jbw__buf *b, const char *svg)
{
    if (strncmp(svg, "<?xml", 5) == 0) {
        const char *p = strstr(svg, "?>");
        if (p) {
            svg = p + 2;
            while (*svg == '\n')
                svg++;
        }
    }
    jbw__buf_puts(b, "<figure>\n");
    jbw__buf_puts(b, svg);
    jbw__buf_puts(b, "</figure>\n");
}

jbw_status jbw__doc_html(const jbw__doc *d, char **out, size_t *len)
{
    jbw__buf b = JBW__BUF_INIT;
    size_t i;
    int in_list = 0;
    jbw__buf_printf(&b,
                    "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta "
                    "charset=\"utf-8\">\n<meta name=\"viewport\" "
                    "content=\"width=device-width, initial-scale=1\">\n"
                    "<title>",
                    d->lang == JBW_LANG_EN ? "en" : "nl");
    jbw__xml_text(&b, d->title);
    jbw__buf_puts(&b, "</title>\n<style>");
    jbw__buf_puts(&b, css);
    if (d->notice) {
        /* on every printed page, in the page's bottom margin, where it
         * covers no text (a fixed element would lie over the body) */
        jbw__buf_puts(&b, "@page{@bottom-center{content:\"");
        css_string(&b, d->notice);
        jbw__buf_puts(&b, "\";font-size:7.5pt;color:#000;"
                          "vertical-align:middle}}");
    }
    jbw__buf_puts(&b, "</style>\n</head>\n<body>\n");
    if (d->notice) {
        jbw__buf_puts(&b, "<p class=\"notice\">");
        jbw__xml_text(&b, d->notice);
        jbw__buf_puts(&b, "</p>\n");
    }
    for (i = 0; i < d->block_count; i++) {
        const jbw__block *bl = &d->blocks[i];
        if (in_list && bl->kind != JBW__BLOCK_ITEM) {
            jbw__buf_puts(&b, "</ul>\n");
            in_list = 0;
        }
        switch (bl->kind) {
        case JBW__BLOCK_H1:
        case JBW__BLOCK_H2:
        case JBW__BLOCK_H3:
            jbw__buf_printf(&b, "<h%d>", (int)bl->kind + 1);
            jbw__xml_text(&b, bl->text);
            jbw__buf_printf(&b, "</h%d>\n", (int)bl->kind + 1);
            break;
        case JBW__BLOCK_P:
        case JBW__BLOCK_NOTE:
            jbw__buf_puts(&b, bl->kind == JBW__BLOCK_NOTE ? "<p class=\"note\">"
                                                          : "<p>");
            jbw__xml_text(&b, bl->text);
            jbw__buf_puts(&b, "</p>\n");
            break;
        case JBW__BLOCK_ITEM:
            if (!in_list)
                jbw__buf_puts(&b, "<ul>\n");
            in_list = 1;
            jbw__buf_puts(&b, "<li>");
            jbw__xml_text(&b, bl->text);
            jbw__buf_puts(&b, "</li>\n");
            break;
        case JBW__BLOCK_TABLE:
            html_table(&b, bl);
            break;
        case JBW__BLOCK_CHART:
            html_chart(&b, d->chart_svg[bl->chart]);
            break;
        }
    }
    if (in_list)
        jbw__buf_puts(&b, "</ul>\n");
    if (d->notice) {
        jbw__buf_puts(&b, "<p class=\"notice\">");
        jbw__xml_text(&b, d->notice);
        jbw__buf_puts(&b, "</p>\n");
    }
    jbw__buf_printf(&b, "<footer>%s libjbw %s.</footer>\n</body>\n</html>\n",
                    JBW__T(d->lang, "Gemaakt met", "Made with"), jbw_version());
    if (jbw__buf_finish(&b, out, len) != JBW_OK)
        return jbw__enomem();
    return JBW_OK;
}

/* ---- Markdown ----------------------------------------------------------- */

/* Text for Markdown: line breaks become spaces; in a table cell '|' is
 * escaped. */
static void md_text(jbw__buf *b, const char *s, int cell)
{
    for (; s && *s; s++) {
        if (*s == '\n' || *s == '\r')
            jbw__buf_putc(b, ' ');
        else if (cell && *s == '|')
            jbw__buf_puts(b, "\\|");
        else
            jbw__buf_putc(b, *s);
    }
}

/* The text of an element of the chart (<title> or <desc>), unescaped. */
static void md_svg_text(jbw__buf *b, const char *svg, const char *tag)
{
    static const char *const ent[][2] = {{"&amp;", "&"},
                                         {"&lt;", "<"},
                                         {"&gt;", ">"},
                                         {"&quot;", "\""},
                                         {"&#39;", "'"}};
    const char *p = strstr(svg, tag), *end;
    size_t k;
    if (!p || !(p = strchr(p, '>')))
        return;
    p++;
    end = strstr(p, "</");
    while (p && end && p < end) {
        for (k = 0; k < 5; k++)
            if (strncmp(p, ent[k][0], strlen(ent[k][0])) == 0)
                break;
        if (k < 5) {
            jbw__buf_puts(b, ent[k][1]);
            p += strlen(ent[k][0]);
        } else {
            jbw__buf_putc(b, *p == '\n' ? ' ' : *p);
            p++;
        }
    }
}

/* 1 when every non-empty body cell of column c is a number. */
static int numeric_column(const jbw__block *t, size_t c)
{
    size_t r, rows = t->cols ? t->cell_count / t->cols : 0, n = 0;
    for (r = 1; r < rows; r++) {
        const char *cell = t->cells[r * t->cols + c];
        if (!*cell)
            continue;
        if (!numeric(cell))
            return 0;
        n++;
    }
    return n > 0;
}

static void md_table(jbw__buf *b, const jbw__block *t)
{
    size_t r, c, rows = t->cols ? t->cell_count / t->cols : 0;
    if (t->text) {
        jbw__buf_puts(b, "**");
        md_text(b, t->text, 0);
        jbw__buf_puts(b, "**\n\n");
    }
    for (r = 0; r < rows; r++) {
        jbw__buf_putc(b, '|');
        for (c = 0; c < t->cols; c++) {
            jbw__buf_putc(b, ' ');
            md_text(b, t->cells[r * t->cols + c], 1);
            jbw__buf_puts(b, " |");
        }
        jbw__buf_putc(b, '\n');
        if (r == 0) {
            jbw__buf_putc(b, '|');
            for (c = 0; c < t->cols; c++)
                jbw__buf_puts(b, numeric_column(t, c) ? "---:|" : "---|");
            jbw__buf_putc(b, '\n');
        }
    }
    jbw__buf_putc(b, '\n');
}

/* A relative link: bytes outside the unreserved set and '/' are
 * percent-encoded, so spaces, brackets and non-ASCII names stay one link. */
static void md_link(jbw__buf *b, const char *prefix, size_t n)
{
    const char *p;
    for (p = prefix; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
            c == '~' || c == '/')
            jbw__buf_putc(b, (char)c);
        else
            jbw__buf_printf(b, "%%%02X", c);
    }
    jbw__buf_printf(b, "-%zu.svg", n);
}

/* Chart i as an image: its title as the alternative ('[', ']' and '\'
 * escaped), the link to its file. */
static void md_image(jbw__buf *b, const jbw__doc *d, size_t i,
                     const char *prefix)
{
    jbw__buf alt = JBW__BUF_INIT;
    const char *p;
    md_svg_text(&alt, d->chart_svg[i], "<title");
    jbw__buf_puts(b, "![");
    for (p = alt.data; p && *p; p++) {
        if (*p == '[' || *p == ']' || *p == '\\')
            jbw__buf_putc(b, '\\');
        jbw__buf_putc(b, *p);
    }
    if (alt.failed)
        b->failed = 1;
    jbw__buf_free(&alt);
    jbw__buf_puts(b, "](");
    md_link(b, prefix, i + 1);
    jbw__buf_puts(b, ")\n\n");
}

jbw_status jbw__doc_markdown(const jbw__doc *d, const char *image_prefix,
                             char **out, size_t *len)
{
    jbw__buf b = JBW__BUF_INIT;
    size_t i;
    if (d->notice) {
        jbw__buf_puts(&b, "> **");
        md_text(&b, d->notice, 0);
        jbw__buf_puts(&b, "**\n\n");
    }
    for (i = 0; i < d->block_count; i++) {
        const jbw__block *bl = &d->blocks[i];
        switch (bl->kind) {
        case JBW__BLOCK_H1:
        case JBW__BLOCK_H2:
        case JBW__BLOCK_H3:
            jbw__buf_printf(&b, "%.*s ", (int)bl->kind + 1, "###");
            md_text(&b, bl->text, 0);
            jbw__buf_puts(&b, "\n\n");
            break;
        case JBW__BLOCK_P:
            md_text(&b, bl->text, 0);
            jbw__buf_puts(&b, "\n\n");
            break;
        case JBW__BLOCK_NOTE:
            jbw__buf_puts(&b, "> ");
            md_text(&b, bl->text, 0);
            jbw__buf_puts(&b, "\n\n");
            break;
        case JBW__BLOCK_ITEM:
            jbw__buf_puts(&b, "- ");
            md_text(&b, bl->text, 0);
            jbw__buf_puts(&b, i + 1 < d->block_count &&
                                      d->blocks[i + 1].kind == JBW__BLOCK_ITEM
                                  ? "\n"
                                  : "\n\n");
            break;
        case JBW__BLOCK_TABLE:
            md_table(&b, bl);
            break;
        case JBW__BLOCK_CHART:
            if (image_prefix)
                md_image(&b, d, bl->chart, image_prefix);
            jbw__buf_printf(&b, "*%s: ", JBW__T(d->lang, "Figuur", "Figure"));
            md_svg_text(&b, d->chart_svg[bl->chart], "<title");
            jbw__buf_puts(&b, ".* ");
            md_svg_text(&b, d->chart_svg[bl->chart], "<desc");
            jbw__buf_puts(&b, "\n\n");
            break;
        }
    }
    if (d->notice) {
        jbw__buf_puts(&b, "> **");
        md_text(&b, d->notice, 0);
        jbw__buf_puts(&b, "**\n\n");
    }
    jbw__buf_printf(&b, "*%s libjbw %s.*\n",
                    JBW__T(d->lang, "Gemaakt met", "Made with"), jbw_version());
    if (jbw__buf_finish(&b, out, len) != JBW_OK)
        return jbw__enomem();
    return JBW_OK;
}

/*
 * The notice on every page. The library's notices are one fixed English
 * line wherever they appear (outputs can be searched for them); a Dutch
 * brief of the embedded example adds what it means in Dutch, because a
 * council reads it.
 */
char *jbw__brief_page_notice(const jbw__brief_ctx *c)
{
    static const char dash[] = " \xE2\x80\x94 ";
    const char *nl = jbw__notice_nl(c->lang, c->notice);
    char *s;
    size_t n, k;
    if (!c->notice)
        return NULL;
    if (!nl)
        return jbw__strdup(c->notice);
    n = strlen(c->notice);
    k = strlen(nl);
    if (!(s = jbw__malloc(n + sizeof dash - 1 + k + 1)))
        return NULL;
    memcpy(s, c->notice, n);
    memcpy(s + n, dash, sizeof dash - 1);
    memcpy(s + n + sizeof dash - 1, nl, k + 1);
    return s;
}
