/*
 * Tests of lib/out: the charts (every one a well-formed, self-contained
 * SVG with a title, a text alternative, axis labels and, when asked, the
 * notice) and the council brief.
 */
#include "jbw_test.h"

#include <ctype.h>

/* ---- a small XML well-formedness check ---------------------------------- */

#define XML_DEPTH 64

static int name_char(char c, int first)
{
    return isalpha((unsigned char)c) || c == '_' || c == ':' ||
           (!first && (isdigit((unsigned char)c) || c == '-' || c == '.'));
}

/* Checks an entity at s ('&'); returns its length or 0. */
static size_t entity(const char *s)
{
    static const char *const named[] = {"&amp;", "&lt;", "&gt;", "&quot;",
                                        "&apos;"};
    size_t i;
    for (i = 0; i < 5; i++)
        if (strncmp(s, named[i], strlen(named[i])) == 0)
            return strlen(named[i]);
    if (s[1] == '#') {
        i = 2;
        while (isdigit((unsigned char)s[i]))
            i++;
        if (i > 2 && s[i] == ';')
            return i + 1;
    }
    return 0;
}

/*
 * Well-formed XML as the charts write it: an optional declaration, one
 * root element, elements that nest and close, quoted attribute values,
 * text without '<' and with known entities only, comments. Returns NULL
 * when well-formed, else what is wrong (with its offset in *at).
 */
static const char *xml_problem(const char *doc, size_t *at)
{
    char stack[XML_DEPTH][40];
    int depth = 0, root_done = 0;
    const char *s = doc;
    if (strncmp(s, "<?xml", 5) == 0) {
        s = strstr(s, "?>");
        if (!s)
            return "unclosed declaration";
        s += 2;
    }
    for (*at = 0; *s; *at = (size_t)(s - doc)) {
        if (*s == '<' && strncmp(s, "<!--", 4) == 0) {
            s = strstr(s, "-->");
            if (!s)
                return "unclosed comment";
            s += 3;
        } else if (*s == '<' && s[1] == '/') {
            size_t n = 0;
            s += 2;
            while (name_char(s[n], n == 0))
                n++;
            if (depth == 0 || strlen(stack[depth - 1]) != n ||
                strncmp(stack[depth - 1], s, n) != 0)
                return "end tag does not match";
            s += n;
            if (*s != '>')
                return "bad end tag";
            s++;
            if (--depth == 0)
                root_done = 1;
        } else if (*s == '<') {
            size_t n = 0;
            s++;
            if (root_done)
                return "a second root element";
            while (name_char(s[n], n == 0))
                n++;
            if (n == 0 || n >= sizeof stack[0])
                return "bad element name";
            if (depth >= XML_DEPTH)
                return "too deep";
            memcpy(stack[depth], s, n);
            stack[depth][n] = '\0';
            s += n;
            for (;;) {
                char q;
                int had_space = 0;
                while (isspace((unsigned char)*s)) {
                    s++;
                    had_space = 1;
                }
                if (*s == '/' && s[1] == '>') {
                    s += 2;
                    if (depth == 0)
                        root_done = 1;
                    break;
                }
                if (*s == '>') {
                    s++;
                    depth++;
                    break;
                }
                if (!had_space || !name_char(*s, 1))
                    return "bad attribute";
                while (name_char(*s, 0))
                    s++;
                if (*s++ != '=')
                    return "attribute without '='";
                q = *s++;
                if (q != '"' && q != '\'')
                    return "unquoted attribute value";
                while (*s && *s != q) {
                    if (*s == '<')
                        return "'<' in an attribute value";
                    if (*s == '&' && !entity(s))
                        return "bad entity in an attribute value";
                    s++;
                }
                if (!*s)
                    return "unclosed attribute value";
                s++;
            }
        } else {
            if (depth == 0 && !isspace((unsigned char)*s))
                return "text outside the root element";
            if (*s == '&') {
                size_t n = entity(s);
                if (!n)
                    return "bad entity";
                s += n;
            } else {
                s++;
            }
        }
    }
    if (depth != 0 || !root_done)
        return "unclosed element or no root";
    return NULL;
}

/* Asserts that `svg` is a well-formed, self-contained SVG with a title and
 * a text alternative. */
static void assert_chart(const char *svg)
{
    size_t at = 0;
    const char *problem = xml_problem(svg, &at);
    if (problem) {
        print_error("not well-formed at %zu (%s): %.60s\n", at, problem,
                    svg + at);
        fail();
    }
    assert_non_null(strstr(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert_non_null(strstr(svg, "<title id="));
    assert_non_null(strstr(svg, "<desc id="));
    assert_non_null(strstr(svg, "role=\"img\""));
    /* nothing to load: no links, images, scripts or external styles */
    assert_null(strstr(svg, "<script"));
    assert_null(strstr(svg, "<image"));
    assert_null(strstr(svg, "href"));
    assert_null(strstr(svg, "@import"));
}

static size_t occurrences(const char *hay, const char *needle)
{
    size_t n = 0;
    const char *p = hay;
    while ((p = strstr(p, needle)) != NULL) {
        n++;
        p += strlen(needle);
    }
    return n;
}

static void assert_contains(const char *hay, const char *needle)
{
    if (!strstr(hay, needle)) {
        print_error("'%s' not found\n", needle);
        fail();
    }
}

static void xml_check_finds_what_is_wrong(void **state)
{
    size_t at;
    (void)state;
    assert_null(xml_problem("<a x=\"1\"><b/>t &amp; u</a>", &at));
    assert_non_null(xml_problem("<a><b></a></b>", &at));
    assert_non_null(xml_problem("<a x=1/>", &at));
    assert_non_null(xml_problem("<a>x < y</a>", &at));
    assert_non_null(xml_problem("<a>AT&T</a>", &at));
    assert_non_null(xml_problem("<a></a><b/>", &at));
    assert_non_null(xml_problem("<a>", &at));
}

/* ---- the waiting series ------------------------------------------------- */

static void zhz_series_chart_states_the_letters_table(void **state)
{
    jbw_series *series = NULL;
    jbw_chart_options o = JBW_CHART_OPTIONS_INIT;
    char *svg = NULL;
    size_t len = 0;
    (void)state;
    assert_ok(jbw_example_series_zhz(&series));
    assert_ok(jbw_chart_series_svg(&svg, &len, series, &o));
    assert_int_equal(len, strlen(svg));
    assert_chart(svg);
    /* the Zuid-Holland Zuid council letter, the Zuid-Holland Zuid table: 41
     * nieuw and 72 bestaand on 20-9-2024 (41 + 72 = 113); 26 and 11 on 1-9-2025
     * (37) */
    assert_contains(svg, "20-9-2024: 41 nieuw, 72 bestaand, 113 totaal.");
    assert_contains(svg, "1-9-2025: 26 nieuw, 11 bestaand, 37 totaal.");
    assert_contains(svg, "jeugdigen (aantal)");
    assert_contains(svg, ">nieuw</text>");
    assert_contains(svg, ">bestaand</text>");
    assert_contains(svg, "Zuid-Holland Zuid");
    assert_null(strstr(svg, "SYNTHETIC"));
    /* published figures say so, with their source, in the text
     * alternative and in the band at the bottom */
    assert_int_equal(occurrences(svg, jbw_series_data_notice(series)), 2);
    /* and, in a Dutch chart, what the fixed English line means, under it
     * and in the text alternative (the brief's wording under its table) */
    assert_int_equal(occurrences(svg, "Gepubliceerde cijfers: "
                                      "raadsinformatiebrief van een gemeente "
                                      "in Zuid-Holland Zuid, najaar 2025."),
                     2);
    jbw_free(svg);
    /* the series' own notice, not the synthetic one the options give */
    o.lang = JBW_LANG_EN;
    o.notice = jbw_example_notice();
    assert_ok(jbw_chart_series_svg(&svg, NULL, series, &o));
    assert_chart(svg);
    assert_contains(svg, "20 Sep 2024: 41 nieuw, 72 bestaand, 113 in all.");
    assert_contains(svg, "children (number)");
    assert_contains(svg, "PUBLISHED figures: council information letter");
    assert_null(strstr(svg, "SYNTHETIC"));
    assert_null(strstr(svg, "Gepubliceerde"));
    jbw_free(svg);
    /* a series without a notice takes the options' */
    assert_ok(jbw_series_set_data_notice(series, NULL));
    assert_ok(jbw_chart_series_svg(&svg, NULL, series, &o));
    assert_contains(svg, jbw_example_notice());
    jbw_free(svg);
    jbw_series_free(series);
}

static void large_counts_have_the_languages_thousands_separator(void **state)
{
    jbw_series *series = NULL;
    jbw_chart_options o = JBW_CHART_OPTIONS_INIT;
    char *svg = NULL;
    (void)state;
    assert_ok(jbw_series_new(&series, NULL));
    assert_ok(jbw_series_add(series, D(2025, 1, 1), 4503, 1200));
    assert_ok(jbw_chart_series_svg(&svg, NULL, series, &o));
    /* Dutch groups thousands with a point: 4503 + 1200 = 5703 */
    assert_contains(svg, "4.503 nieuw, 1.200 bestaand, 5.703 totaal");
    jbw_free(svg);
    o.lang = JBW_LANG_EN;
    assert_ok(jbw_chart_series_svg(&svg, NULL, series, &o));
    assert_contains(svg, "4,503 nieuw, 1,200 bestaand, 5,703 in all");
    jbw_free(svg);
    jbw_series_free(series);
}

static void
small_counts_are_suppressed_and_rounded_for_publication(void **state)
{
    jbw_series *series = NULL;
    jbw_chart_options o = JBW_CHART_OPTIONS_INIT;
    char *svg = NULL;
    (void)state;
    assert_ok(jbw_series_new(&series, "test"));
    assert_ok(jbw_series_add(series, D(2025, 1, 1), 3, 72));
    assert_ok(jbw_series_add(series, D(2025, 2, 1), 41, 72));
    o.suppress_below = 5;
    assert_ok(jbw_chart_series_svg(&svg, NULL, series, &o));
    assert_chart(svg);
    /* 3 is below 5: "< 5"; 3 + 72 = 75 is shown */
    assert_contains(svg, "1-1-2025: &lt; 5 nieuw, 72 bestaand, 75 totaal.");
    assert_null(strstr(svg, " 3 nieuw"));
    /* the bar still reaches its total, 75: the hidden 3 = 75 - 72 as a
     * light segment on top. The axis runs 0..150 in steps of 50 (the
     * larger bar, 41 + 72 = 113, with room) over y 340..92, 248 px; the
     * segment spans 72..75: its top at 340 - 75 * 248/150 = 216, its
     * height 3 * 248/150 = 4.96, written to one decimal: 5 */
    assert_contains(svg, "verborgen (&lt; 5)</text>");
    assert_contains(svg, "x=\"80\" y=\"216\" width=\"40\" height=\"5\" "
                         "fill=\"#d9d9d9\"");
    jbw_free(svg);
    o.round_to = 5;
    assert_ok(jbw_chart_series_svg(&svg, NULL, series, &o));
    /* to the nearest 5: 41 -> 40, 72 -> 70, and the total 113 -> 115 is
     * rounded itself, not summed from the rounded parts (110) */
    assert_contains(svg, "1-2-2025: 40 nieuw, 70 bestaand, 115 totaal.");
    jbw_free(svg);
    o.suppress_below = 0;
    o.round_to = 10;
    assert_ok(jbw_chart_series_svg(&svg, NULL, series, &o));
    /* halves go up: 75 -> 80; 3 would round to 0 and read as none: a
     * count below the rounding base is hidden, "< 10" */
    assert_contains(svg, "1-1-2025: &lt; 10 nieuw, 70 bestaand, 80 totaal.");
    assert_null(strstr(svg, " 0 nieuw"));
    jbw_free(svg);
    jbw_series_free(series);
    /* without small counts hidden: no light segment, no legend for it */
    assert_ok(jbw_series_new(&series, "test"));
    assert_ok(jbw_series_add(series, D(2025, 1, 1), 1, 1));
    o = (jbw_chart_options)JBW_CHART_OPTIONS_INIT;
    assert_ok(jbw_chart_series_svg(&svg, NULL, series, &o));
    assert_null(strstr(svg, "verborgen"));
    assert_null(strstr(svg, "#d9d9d9\""));
    /* a count axis of whole steps: for a bar of 2 the ticks are 0..5,
     * each once (not 0, 0.5, 1, ... written 0, 1, 1, 2) */
    assert_int_equal(occurrences(svg, "text-anchor=\"end\" fill=\"#1a1a1a\">"
                                      "1</text>"),
                     1);
    assert_int_equal(occurrences(svg, "text-anchor=\"end\" fill=\"#1a1a1a\">"
                                      "5</text>"),
                     1);
    jbw_free(svg);
    jbw_series_free(series);
}

static void chart_text_is_escaped_and_stays_well_formed(void **state)
{
    jbw_series *series = NULL;
    jbw_chart_options o = JBW_CHART_OPTIONS_INIT;
    char *svg = NULL;
    (void)state;
    assert_ok(jbw_series_new(&series, "A & B <regio>"));
    assert_ok(jbw_series_add(series, D(2025, 1, 1), 1, 2));
    o.title = "\"Wachten\" & 'meer' \xff\xfe <b>";
    o.notice = "x\x01y";
    assert_ok(jbw_chart_series_svg(&svg, NULL, series, &o));
    assert_chart(svg);
    assert_contains(svg,
                    "&quot;Wachten&quot; &amp; &#39;meer&#39; ?? &lt;b&gt;");
    assert_contains(svg, "x y");
    jbw_free(svg);
    jbw_series_free(series);
}

static void chart_arguments_are_checked(void **state)
{
    jbw_series *series = NULL;
    jbw_chart_options o = JBW_CHART_OPTIONS_INIT;
    char *svg = NULL;
    (void)state;
    assert_ok(jbw_series_new(&series, NULL));
    assert_status(jbw_chart_series_svg(&svg, NULL, series, NULL), JBW_EINVAL);
    assert_error_contains("no points");
    assert_ok(jbw_series_add(series, D(2025, 1, 1), 1, 2));
    assert_status(jbw_chart_series_svg(NULL, NULL, series, NULL), JBW_EINVAL);
    assert_status(jbw_chart_series_svg(&svg, NULL, NULL, NULL), JBW_EINVAL);
    o.version = 99;
    assert_status(jbw_chart_series_svg(&svg, NULL, series, &o), JBW_EVERSION);
    assert_ok(jbw_chart_options_init(&o, JBW_CHART_OPTIONS_VERSION));
    o.lang = (jbw_lang)7;
    assert_status(jbw_chart_series_svg(&svg, NULL, series, &o), JBW_EINVAL);
    o.lang = JBW_LANG_NL;
    o.suppress_below = JBW_PUBLISH_MAX + 1;
    assert_status(jbw_chart_series_svg(&svg, NULL, series, &o), JBW_EINVAL);
    assert_null(svg);
    assert_status(jbw_chart_options_init(&o, 2), JBW_EVERSION);
    assert_status(jbw_chart_options_init(NULL, 1), JBW_EINVAL);
    assert_status(jbw_chart_scenarios_svg(&svg, NULL, NULL, NULL, 1, NULL),
                  JBW_EINVAL);
    assert_status(jbw_chart_bands_svg(&svg, NULL, NULL, NULL), JBW_EINVAL);
    assert_status(jbw_chart_forecast_svg(&svg, NULL, NULL, NULL), JBW_EINVAL);
    assert_status(jbw_chart_load_spread_svg(&svg, NULL, NULL, NULL),
                  JBW_EINVAL);
    assert_null(svg);
    jbw_series_free(series);
}

/* ---- caseload, spread and coupling on a small snapshot ----------------- */

/*
 * One region (ZHZ) of JBWEST: worker W1 (1.0 FTE, hired 2020) carries 6
 * children; 6 more wait (nieuw). Measures mx-1.., children cx-1...
 * Started in the coupling period (the
 * default: 3 months before 2025-09-01): mx-1 assigned 2025-08-04,
 * the Monday it started (0 werkdagen), mx-2 started Monday 2025-08-04 and
 * assigned Tuesday 2025-08-12 (6 werkdagen: past the norm).
 */
static jbw_snapshot *small_snapshot(void)
{
    jbw_registry *reg = NULL;
    jbw_snapshot *snap = NULL;
    char id[8][16], child[12][16];
    int i;
    assert_ok(jbw_registry_zuid_west(&reg));
    assert_ok(jbw_snapshot_new(&snap, reg, D(2025, 9, 1)));
    jbw_registry_free(reg);
    jbw_test_add_worker(snap, "W1", "JBWEST", "ZHZ", 1.0, D(2020, 1, 1),
                        JBW_DATE_NONE);
    for (i = 0; i < 12; i++) {
        jbw_measure m = JBW_MEASURE_INIT;
        snprintf(id[i % 8], sizeof id[0], "mx-%d", i + 1);
        snprintf(child[i], sizeof child[0], "cx-%d", i + 1);
        m.id = id[i % 8];
        m.child_id = child[i];
        m.organisation = "JBWEST";
        m.region = "ZHZ";
        m.start = D(2024, 1, 1);
        if (i < 6) {
            m.worker_id = "W1";
            m.first_assigned = m.start;
            if (i < 2) {
                m.start = D(2025, 8, 4);
                m.first_assigned = i == 0 ? D(2025, 8, 4) : D(2025, 8, 12);
            }
        } else {
            m.safety = i == 6 ? JBW_SAFETY_ACUTE : JBW_SAFETY_SAFE;
        }
        assert_ok(jbw_snapshot_add_measure(snap, &m));
    }
    return snap;
}

static jbw_caseload *small_caseload(const jbw_snapshot *snap)
{
    jbw_caseload *cl = NULL;
    jbw_norm *norm = NULL;
    jbw_calendar *cal = NULL;
    assert_ok(jbw_norm_new_default(&norm));
    assert_ok(jbw_calendar_new(&cal, NULL));
    assert_ok(jbw_caseload_compute(&cl, snap, norm, cal, NULL));
    jbw_calendar_free(cal);
    jbw_norm_free(norm);
    return cl;
}

static void caseload_chart_shows_load_and_demand_against_the_norm(void **state)
{
    jbw_snapshot *snap = small_snapshot();
    jbw_caseload *cl = small_caseload(snap);
    jbw_chart_options o = JBW_CHART_OPTIONS_INIT;
    char *svg = NULL;
    (void)state;
    o.registry = jbw_snapshot_registry(snap);
    assert_ok(jbw_chart_caseload_svg(&svg, NULL, cl, JBW_GROUP_REGION, &o));
    assert_chart(svg);
    /* the default norm counts 12 measures per FTE (each child here has
     * one measure): W1 carries 6 of 12 (50%); 12 active measures need
     * 12 / 12 = 1 FTE of the 1 there is (100%). Only Zuid-Holland Zuid has
     * workers or measures. */
    assert_contains(svg, "Zuid-Holland Zuid: caseload 50%, benodigd 100%.");
    assert_null(strstr(svg, "Haaglanden"));
    assert_contains(svg, "procent van de norm");
    assert_contains(svg, "12 maatregelen per fte");
    jbw_free(svg);
    o.registry = NULL;
    assert_ok(
        jbw_chart_caseload_svg(&svg, NULL, cl, JBW_GROUP_ORGANISATION, &o));
    assert_chart(svg);
    assert_contains(svg, "JBWEST: caseload 50%, benodigd 100%.");
    jbw_free(svg);
    assert_status(jbw_chart_caseload_svg(&svg, NULL, cl, (jbw_group)5, &o),
                  JBW_EINVAL);
    jbw_caseload_free(cl);
    jbw_snapshot_free(snap);
}

static void spread_chart_counts_workers_per_ratio_bin(void **state)
{
    jbw_snapshot *snap = small_snapshot();
    jbw_caseload *cl = small_caseload(snap);
    char *svg = NULL;
    (void)state;
    assert_ok(jbw_chart_load_spread_svg(&svg, NULL, cl, NULL));
    assert_chart(svg);
    /* one worker at 6 / 12 = 50%: in the bin 40-50%, under the norm */
    assert_contains(svg, "1 medewerkers; 0 zonder capaciteit");
    assert_contains(svg, " 40\xe2\x80\x93"
                         "50%: 1, 0, 0.");
    assert_contains(svg, "medewerkers (aantal)");
    jbw_free(svg);
    jbw_caseload_free(cl);
    jbw_snapshot_free(snap);
}

static void coupling_chart_gives_the_share_within_five_werkdagen(void **state)
{
    jbw_snapshot *snap = small_snapshot();
    jbw_caseload *cl = small_caseload(snap);
    jbw_chart_options o = JBW_CHART_OPTIONS_INIT;
    char *svg = NULL;
    (void)state;
    o.registry = jbw_snapshot_registry(snap);
    o.lang = JBW_LANG_EN;
    assert_ok(jbw_chart_coupling_svg(&svg, NULL, cl, JBW_GROUP_REGION, &o));
    assert_chart(svg);
    /* two starts in the period: mx-1 within 0 werkdagen, mx-2 after 6 (4-8
     * to 12-8-2025: 5, 6, 7, 8, 11, 12 August): 1 of 2 = 50%; the
     * median of 0 and 6 is 3 */
    assert_contains(svg,
                    "Zuid-Holland Zuid: 50% (1 of 2; median 3 werkdagen).");
    assert_contains(svg, "per cent within the norm");
    /* the subtitle says when a start counts (docs/norms.md) */
    assert_contains(svg, "counted after 5 werkdagen; share with a worker "
                         "within 5 werkdagen");
    jbw_free(svg);
    o.suppress_below = 3;
    assert_ok(jbw_chart_coupling_svg(&svg, NULL, cl, JBW_GROUP_REGION, &o));
    /* 1 and 2 are below 3: no share, no bar */
    assert_contains(svg, "Zuid-Holland Zuid: &lt; 3 of &lt; 3.");
    assert_null(strstr(svg, "50%"));
    jbw_free(svg);
    jbw_caseload_free(cl);
    jbw_snapshot_free(snap);
}

static void bands_chart_counts_the_waiting_list_per_band(void **state)
{
    jbw_snapshot *snap = small_snapshot();
    jbw_waitrisk_model *model = NULL;
    jbw_calendar *cal = NULL;
    jbw_triage *triage = NULL;
    char *svg = NULL;
    (void)state;
    /* version 1, whose points the comment below adds up */
    assert_ok(jbw_waitrisk_model_new_version(&model, 1));
    assert_ok(jbw_calendar_new(&cal, NULL));
    assert_ok(jbw_triage_new(&triage, model, cal, snap, JBW_DATE_NONE));
    assert_ok(jbw_chart_bands_svg(&svg, NULL, triage, NULL));
    assert_chart(svg);
    /* six nieuw waiting since 2024-01-01; mx-7 is acute: band acuut by
     * override. The other five under version 1: safe (0), OTS (10), waiting >
     * 65 werkdagen (35), age unknown (5), no contact > 20 werkdagen (20): 70
     * points, band hoog (50-79). */
    assert_contains(svg, " acuut: 1 nieuw, 0 bestaand.");
    assert_contains(svg, " hoog: 5 nieuw, 0 bestaand.");
    assert_contains(svg, " laag: 0 nieuw, 0 bestaand.");
    /* counts only: no measure or child id */
    assert_null(strstr(svg, "mx-"));
    assert_null(strstr(svg, "cx-"));
    jbw_free(svg);
    jbw_triage_free(triage);
    jbw_calendar_free(cal);
    jbw_waitrisk_model_free(model);
    jbw_snapshot_free(snap);
}

/* ---- forecasts ---------------------------------------------------------- */

static jbw_forecast *example_forecast(const jbw_snapshot *snap,
                                      size_t replicates, double turnover)
{
    jbw_forecast_params p;
    jbw_forecast_options fo = JBW_FORECAST_OPTIONS_INIT;
    jbw_forecast *fc = NULL;
    assert_ok(jbw_forecast_params_init(&p, JBW_FORECAST_PARAMS_VERSION));
    assert_ok(jbw_forecast_params_from_snapshot(&p, snap, NULL, JBW_DATE_NONE,
                                                NULL, NULL));
    p.months = 12;
    p.turnover = turnover;
    fo.replicates = replicates;
    assert_ok(jbw_forecast_run(&fc, &p, NULL, &fo));
    return fc;
}

static void forecast_chart_has_two_panels_with_their_axes(void **state)
{
    jbw_snapshot *snap = NULL;
    jbw_forecast *fc;
    jbw_chart_options o = JBW_CHART_OPTIONS_INIT;
    char *svg = NULL;
    (void)state;
    assert_ok(jbw_example_snapshot(&snap, JBW_EXAMPLE_SEED));
    fc = example_forecast(snap, 0, 0.0);
    o.notice = jbw_example_notice();
    assert_ok(jbw_chart_forecast_svg(&svg, NULL, fc, &o));
    assert_chart(svg);
    /* the example's waiting list on 2025-09-01 (docs/example.md): 96
     * nieuw + 45 bestaand = 141 */
    assert_contains(svg, "Begin: 96 nieuw, 45 bestaand, 141 totaal.");
    assert_contains(svg, "Prognose over 12 maanden vanaf sep 2025.");
    /* the last month's label (2025-09-01 + 12 months) is centred on the
     * axis' end, which leaves room for half of it: "sep 2026" at 11.5 units
     * in DejaVu Sans is about 53 wide (s .521, e .615, p .635, space .318,
     * digits .636 em), so its tick lies at least 27 from the edge of 760 */
    {
        const char *lab = strstr(svg, ">sep 2026</text>"), *x;
        assert_non_null(lab);
        x = lab;
        while (x > svg && strncmp(x, "<text x=\"", 9) != 0)
            x--;
        assert_true(strtod(x + 9, NULL) + 27.0 <= 760.0);
    }
    assert_contains(svg, "wachtend (maatregelen)");
    assert_contains(svg, ">capaciteit</text>");
    assert_contains(svg, ">caseload</text>");
    assert_contains(svg, ">totaal</text>");
    assert_contains(svg, jbw_example_notice());
    assert_null(strstr(svg, "90%-band"));
    jbw_free(svg);
    jbw_forecast_free(fc);
    fc = example_forecast(snap, 50, 0.0);
    assert_ok(jbw_chart_forecast_svg(&svg, NULL, fc, &o));
    assert_chart(svg);
    assert_contains(svg, "gemiddelde van 50 herhalingen (seed 1)");
    assert_contains(svg, "90%-band totaal");
    jbw_free(svg);
    jbw_forecast_free(fc);
    jbw_snapshot_free(snap);
}

static void scenario_chart_puts_each_forecast_in_its_panel(void **state)
{
    jbw_snapshot *snap = NULL;
    const jbw_forecast *fcs[9];
    const char *names[2] = {"Basis", "Verloop 20% & meer"};
    jbw_chart_options o = JBW_CHART_OPTIONS_INIT;
    char *svg = NULL;
    (void)state;
    assert_ok(jbw_example_snapshot(&snap, JBW_EXAMPLE_SEED));
    fcs[0] = example_forecast(snap, 0, 0.0);
    fcs[1] = example_forecast(snap, 20, 0.2);
    o.lang = JBW_LANG_EN;
    assert_ok(jbw_chart_scenarios_svg(&svg, NULL, fcs, names, 2, &o));
    assert_chart(svg);
    assert_contains(svg, "2 scenarios side by side on the same axis");
    assert_contains(svg, " Basis: from 141 to ");
    assert_contains(svg, " Verloop 20% &amp; meer: from 141 to ");
    assert_contains(svg, "90% band");
    jbw_free(svg);
    assert_ok(jbw_chart_scenarios_svg(&svg, NULL, fcs, NULL, 1, NULL));
    assert_contains(svg, " scenario 1: van 141 naar ");
    jbw_free(svg);
    svg = NULL;
    assert_status(jbw_chart_scenarios_svg(&svg, NULL, fcs, names, 0, NULL),
                  JBW_EINVAL);
    assert_status(jbw_chart_scenarios_svg(&svg, NULL, fcs, names, 9, NULL),
                  JBW_EINVAL);
    fcs[1 + 0] = fcs[1];
    {
        const jbw_forecast *with_null[2] = {fcs[0], NULL};
        assert_status(
            jbw_chart_scenarios_svg(&svg, NULL, with_null, NULL, 2, NULL),
            JBW_EINVAL);
    }
    assert_null(svg);
    jbw_forecast_free((jbw_forecast *)fcs[0]);
    jbw_forecast_free((jbw_forecast *)fcs[1]);
    jbw_snapshot_free(snap);
}

/* ---- the data notice in the chart's language -------------------------- */

/* The chart's height, the root element's height="...". */
static double svg_height(const char *svg)
{
    const char *h = strstr(svg, " height=\"");
    assert_non_null(h);
    return strtod(h + 9, NULL);
}

/* The Dutch line a Dutch chart of the embedded example adds under the fixed
 * English notice: the brief's wording (docs/brief.md). */
#define NOTICE_NL                                                              \
    "Synthetische voorbeeldgegevens: geen echte kinderen, medewerkers of "     \
    "organisaties."

/* Makes chart `which` (0..5) of the example in `lang` with its notice. */
static char *example_chart(int which, jbw_lang lang, const jbw_caseload *cl,
                           const jbw_triage *triage, const jbw_forecast *fc)
{
    jbw_chart_options o = JBW_CHART_OPTIONS_INIT;
    const jbw_forecast *fcs[1];
    char *svg = NULL;
    jbw_status st;
    fcs[0] = fc;
    o.lang = lang;
    o.notice = jbw_example_notice();
    switch (which) {
    case 0:
        st = jbw_chart_caseload_svg(&svg, NULL, cl, JBW_GROUP_REGION, &o);
        break;
    case 1:
        st = jbw_chart_load_spread_svg(&svg, NULL, cl, &o);
        break;
    case 2:
        st = jbw_chart_coupling_svg(&svg, NULL, cl, JBW_GROUP_REGION, &o);
        break;
    case 3:
        st = jbw_chart_bands_svg(&svg, NULL, triage, &o);
        break;
    case 4:
        st = jbw_chart_forecast_svg(&svg, NULL, fc, &o);
        break;
    default:
        st = jbw_chart_scenarios_svg(&svg, NULL, fcs, NULL, 1, &o);
        break;
    }
    assert_ok(st);
    assert_chart(svg);
    return svg;
}

static void example_chart_notice_is_in_the_charts_language(void **state)
{
    jbw_snapshot *snap = NULL;
    jbw_caseload *cl;
    jbw_waitrisk_model *model = NULL;
    jbw_calendar *cal = NULL;
    jbw_triage *triage = NULL;
    jbw_forecast *fc;
    char english[256], alt_nl[512];
    int which;
    (void)state;
    assert_ok(jbw_example_snapshot(&snap, JBW_EXAMPLE_SEED));
    cl = small_caseload(snap);
    assert_ok(jbw_waitrisk_model_new_version(&model, 2));
    assert_ok(jbw_calendar_new(&cal, NULL));
    assert_ok(jbw_triage_new(&triage, model, cal, snap, JBW_DATE_NONE));
    fc = example_forecast(snap, 0, 0.0);
    /* the notice's line on the chart, and the text alternative's end: the
     * fixed English line, then in a Dutch chart what it means in Dutch */
    snprintf(english, sizeof english, ">%s</text>", jbw_example_notice());
    snprintf(alt_nl, sizeof alt_nl, "%s \xE2\x80\x94 " NOTICE_NL "</desc>",
             jbw_example_notice());
    for (which = 0; which < 6; which++) {
        char *nl = example_chart(which, JBW_LANG_NL, cl, triage, fc);
        char *en = example_chart(which, JBW_LANG_EN, cl, triage, fc);
        /* Dutch: both lines in the band at the bottom, and in the text
         * alternative; the band is one 14 px line taller than the
         * English chart's, which has the English line only */
        assert_contains(nl, english);
        assert_contains(nl, ">" NOTICE_NL "</text>");
        assert_contains(nl, alt_nl);
        assert_contains(en, english);
        assert_null(strstr(en, "Synthetische"));
        assert_true(svg_height(nl) == svg_height(en) + 14.0);
        jbw_free(nl);
        jbw_free(en);
    }
    jbw_forecast_free(fc);
    jbw_triage_free(triage);
    jbw_calendar_free(cal);
    jbw_waitrisk_model_free(model);
    jbw_caseload_free(cl);
    jbw_snapshot_free(snap);
}

/*
 * A notice that begins with the example's, with more after " | " (jbw's
 * note of the rows a lenient load left out), still gets its Dutch line
 * in a Dutch chart; one that only looks like it does not.
 */
static void example_notice_with_more_keeps_its_dutch_line(void **state)
{
    jbw_snapshot *snap = NULL;
    jbw_caseload *cl;
    jbw_chart_options o = JBW_CHART_OPTIONS_INIT;
    char notice[512], *svg = NULL;
    (void)state;
    assert_ok(jbw_example_snapshot(&snap, JBW_EXAMPLE_SEED));
    cl = small_caseload(snap);
    o.lang = JBW_LANG_NL;
    o.notice = notice;
    snprintf(notice, sizeof notice, "%s | 1 rij is niet meegeteld",
             jbw_example_notice());
    assert_ok(jbw_chart_caseload_svg(&svg, NULL, cl, JBW_GROUP_REGION, &o));
    assert_contains(svg, ">" NOTICE_NL "</text>");
    jbw_free(svg);
    snprintf(notice, sizeof notice, "%sX", jbw_example_notice());
    assert_ok(jbw_chart_caseload_svg(&svg, NULL, cl, JBW_GROUP_REGION, &o));
    assert_null(strstr(svg, "Synthetische"));
    jbw_free(svg);
    jbw_caseload_free(cl);
    jbw_snapshot_free(snap);
}

/* ---- out of memory ------------------------------------------------------ */

typedef struct oom_ctx {
    const jbw_series *series;
    const jbw_caseload *cl;
    const jbw_forecast *fc;
} oom_ctx;

static int oom_charts(void *user)
{
    oom_ctx *c = user;
    char *svg[5] = {NULL, NULL, NULL, NULL, NULL};
    jbw_status st;
    int i;
    st = jbw_chart_series_svg(&svg[0], NULL, c->series, NULL);
    if (st == JBW_OK)
        st = jbw_chart_caseload_svg(&svg[1], NULL, c->cl, JBW_GROUP_REGION,
                                    NULL);
    if (st == JBW_OK)
        st = jbw_chart_load_spread_svg(&svg[2], NULL, c->cl, NULL);
    if (st == JBW_OK)
        st = jbw_chart_coupling_svg(&svg[3], NULL, c->cl,
                                    JBW_GROUP_ORGANISATION, NULL);
    if (st == JBW_OK)
        st = jbw_chart_forecast_svg(&svg[4], NULL, c->fc, NULL);
    for (i = 0; i < 5; i++)
        jbw_free(svg[i]);
    return st;
}

static void charts_fail_cleanly_when_memory_runs_out(void **state)
{
    jbw_snapshot *snap = small_snapshot();
    oom_ctx c;
    jbw_series *series = NULL;
    (void)state;
    assert_ok(jbw_example_series_zhz(&series));
    c.series = series;
    c.cl = small_caseload(snap);
    c.fc = example_forecast(snap, 0, 0.0);
    jbw_test_oom_sweep(oom_charts, &c, 2000, jbw_test_fail_after);
    jbw_test_oom_sweep(oom_charts, &c, 2000, jbw_test_fail_only);
    jbw_forecast_free((jbw_forecast *)c.fc);
    jbw_caseload_free((jbw_caseload *)c.cl);
    jbw_series_free(series);
    jbw_snapshot_free(snap);
}

/* ---- the brief ------------------------------------------------------------
 */

/* 1 when the text holds something shaped like an id of the example
 * (W0001, M00001, C00001, F00001: a letter and four or more digits). */
static int has_example_id(const char *s)
{
    const char *p;
    for (p = s; *p; p++) {
        int k = 0;
        if (!strchr("WMCF", *p) || (p > s && isalnum((unsigned char)p[-1])))
            continue;
        while (isdigit((unsigned char)p[1 + k]))
            k++;
        if (k >= 4)
            return 1;
    }
    return 0;
}

/* Every url( points inside the document (url(#...)), nothing loads. */
static void assert_self_contained(const char *html)
{
    const char *p = html;
    while ((p = strstr(p, "url(")) != NULL) {
        assert_int_equal(p[4], '#');
        p += 4;
    }
    assert_null(strstr(html, "<script"));
    assert_null(strstr(html, "href"));
    assert_null(strstr(html, "src="));
    assert_null(strstr(html, "@import"));
    assert_null(strstr(html, "<link"));
}

static jbw_brief *example_brief(jbw_snapshot **snap, jbw_series **series,
                                jbw_brief_options *o)
{
    jbw_brief *b = NULL;
    assert_ok(jbw_example_snapshot(snap, JBW_EXAMPLE_SEED));
    assert_ok(jbw_example_series_zhz(series));
    o->series = *series;
    o->notice = jbw_example_notice();
    o->replicates = 20;
    o->months = 12;
    assert_ok(jbw_brief_new(&b, *snap, o));
    return b;
}

/* The coupling section has a table per region and one per organisation,
 * as the waiting list has, each with its own caption and first header:
 * no table mixes regions and organisations. The example's four regions
 * (Haaglanden ... Zuid-Holland Zuid) and three organisations. */
static void coupling_tables_keep_regions_and_organisations_apart(void **state)
{
    jbw_snapshot *snap = NULL;
    jbw_series *series = NULL;
    jbw_brief_options o = JBW_BRIEF_OPTIONS_INIT;
    jbw_brief *b = example_brief(&snap, &series, &o);
    char *html = NULL, *regions, *orgs, *end;
    size_t len = 0;
    (void)state;
    assert_ok(jbw_brief_write(&html, &len, b, JBW_BRIEF_HTML));
    regions = strstr(html, "<table id=\"koppeling-regio\"><caption>Per "
                           "regio</caption>");
    orgs = strstr(html, "<table id=\"koppeling-organisatie\"><caption>Per "
                        "organisatie</caption>");
    assert_non_null(regions);
    assert_non_null(orgs);
    assert_true(regions < orgs);
    assert_null(strstr(html, "Regio of organisatie"));
    end = strstr(orgs, "</table>");
    assert_non_null(end);
    /* the regions' table ends before the organisations' begins, and
     * holds the four regions and no organisation */
    *end = '\0';
    assert_contains(orgs, "<th scope=\"col\">Organisatie</th>");
    assert_contains(orgs, "<th scope=\"row\">Jeugdbescherming west</th>");
    assert_contains(orgs, "<th scope=\"row\">William Schrikker Stichting</th>");
    assert_null(strstr(orgs, "Haaglanden"));
    *orgs = '\0';
    assert_contains(regions, "<th scope=\"col\">Regio</th>");
    assert_int_equal(occurrences(regions, "<th scope=\"row\">"), 4);
    assert_contains(regions, "<th scope=\"row\">Haaglanden</th>");
    assert_contains(regions, "<th scope=\"row\">Zuid-Holland Zuid</th>");
    assert_null(strstr(regions, "Jeugdbescherming west"));
    jbw_free(html);
    jbw_brief_free(b);
    jbw_series_free(series);
    jbw_snapshot_free(snap);
}

static void example_brief_has_every_section_and_the_letters_table(void **state)
{
    jbw_snapshot *snap = NULL;
    jbw_series *series = NULL;
    jbw_brief_options o = JBW_BRIEF_OPTIONS_INIT;
    jbw_brief *b = example_brief(&snap, &series, &o);
    char *html = NULL, *md = NULL;
    size_t len = 0, i, charts = jbw_brief_chart_count(b);
    static const char *const sections[] = {
        "<h2>Kerncijfers</h2>",
        "<h2>Maatregelen zonder vaste jeugdbeschermer</h2>",
        "<h2>Koppeling binnen 5 werkdagen</h2>",
        "<h2>Caseload tegen de norm</h2>",
        "<h2>Hoe de wachtlijst wordt geprioriteerd</h2>",
        "<h2>Prognose en scenario&#39;s</h2>",
        "<h2>Bronnen en definities</h2>"};
    (void)state;
    assert_ok(jbw_brief_write(&html, &len, b, JBW_BRIEF_HTML));
    assert_int_equal(len, strlen(html));
    assert_true(strncmp(html, "<!DOCTYPE html>\n<html lang=\"nl\">", 31) == 0);
    assert_self_contained(html);
    for (i = 0; i < sizeof sections / sizeof sections[0]; i++)
        assert_contains(html, sections[i]);
    /* the Zuid-Holland Zuid table of the Zuid-Holland Zuid council letter: 41 +
     * 72 = 113 on 20-9-2024, 26 + 11 = 37 on 1-9-2025 */
    assert_contains(html, "<th scope=\"row\">20-9-2024</th><td class=\"n\">41"
                          "</td><td class=\"n\">72</td><td class=\"n\">113"
                          "</td>");
    assert_contains(html, "<th scope=\"row\">1-9-2025</th><td class=\"n\">26"
                          "</td><td class=\"n\">11</td><td class=\"n\">37"
                          "</td>");
    /* the example on 2025-09-01 (docs/example.md): 4,503 running measures,
     * 96 nieuw + 45 bestaand = 141 waiting, 412 workers employed */
    assert_contains(html, "Lopende maatregelen</th><td class=\"n\">4.503</td>");
    assert_contains(html, "nieuw</th><td class=\"n\">96</td>");
    assert_contains(html, "bestaand</th><td class=\"n\">45</td>");
    assert_contains(html, "totaal</th><td class=\"n\">141</td>");
    assert_contains(html, "Medewerkers in dienst</th><td class=\"n\">412</td>");
    /* the norm's source in Dutch for a Dutch reader, in the caseload table
     * and under the sources, never the English wording */
    assert_int_equal(
        occurrences(html, "FNV\xE2\x80\x93GI-akkoord van maart 2023"), 2);
    assert_null(strstr(html, "agreement of March"));
    /* charts: at least three, each well-formed and inline; the synthetic
     * notice on every chart of the example's figures, at the top and
     * bottom, and for print on every page; the chart of the published
     * Zuid-Holland Zuid table says it is published and where from, as
     * the note under its table does */
    assert_true(charts >= 3);
    for (i = 0; i < charts; i++) {
        const char *name = NULL, *svg = NULL;
        assert_ok(jbw_brief_chart(&name, &svg, b, i));
        assert_chart(svg);
        if (strcmp(name, "series") == 0) {
            assert_contains(svg, jbw_series_data_notice(series));
            assert_contains(svg, ">Gepubliceerde cijfers: ");
            assert_null(strstr(svg, "SYNTHETIC"));
        } else {
            /* a Dutch brief: the fixed line and its Dutch line */
            assert_contains(svg, jbw_example_notice());
            assert_contains(svg, ">" NOTICE_NL "</text>");
            assert_null(strstr(svg, "PUBLISHED"));
        }
    }
    assert_int_equal(occurrences(html, "<svg xmlns"), charts);
    assert_null(strstr(html, "<?xml"));
    assert_true(occurrences(html, jbw_example_notice()) >=
                2 * (charts - 1) + 3);
    /* the chart (twice), the note under the table; the sources name the
     * public source in Dutch */
    assert_int_equal(occurrences(html, jbw_series_data_notice(series)), 3);
    assert_contains(html, "37</td></tr></tbody></table></div>\n"
                          "<p class=\"note\">PUBLISHED figures");
    /* the note under the table says in Dutch what the fixed English line
     * means, as the synthetic notice does, and so does the text
     * alternative of the series chart: twice */
    assert_int_equal(occurrences(html, "autumn 2025 (libjbw docs/sources.md) "
                                       "\xE2\x80\x94 Gepubliceerde cijfers: "
                                       "raadsinformatiebrief van een gemeente "
                                       "in Zuid-Holland Zuid, najaar 2025."),
                     2);
    assert_false(has_example_id(html));
    assert_ok(jbw_brief_write(&md, NULL, b, JBW_BRIEF_MARKDOWN));
    assert_true(strncmp(md, "> **SYNTHETIC", 13) == 0);
    assert_contains(md, "| 20-9-2024 | 41 | 72 | 113 |");
    assert_contains(md, "## Kerncijfers");
    assert_contains(md, "*Figuur: Jeugdigen zonder vaste jeugdbeschermer");
    assert_false(has_example_id(md));
    assert_status(jbw_brief_chart(NULL, NULL, b, charts), JBW_ERANGE);
    assert_status(jbw_brief_write(&md, NULL, b, (jbw_brief_format)2),
                  JBW_EINVAL);
    jbw_free(md);
    jbw_free(html);
    jbw_brief_free(b);
    jbw_series_free(series);
    jbw_snapshot_free(snap);
}

static void brief_holds_no_measure_child_or_worker_id(void **state)
{
    jbw_snapshot *snap = small_snapshot();
    jbw_brief *b = NULL;
    jbw_brief_options o = JBW_BRIEF_OPTIONS_INIT;
    char *html = NULL, *md = NULL;
    (void)state;
    o.replicates = 0;
    o.months = 6;
    assert_ok(jbw_brief_new(&b, snap, &o));
    assert_ok(jbw_brief_write(&html, NULL, b, JBW_BRIEF_HTML));
    assert_ok(jbw_brief_write(&md, NULL, b, JBW_BRIEF_MARKDOWN));
    /* measures mx-1.., children cx-1.., worker W1 */
    assert_null(strstr(html, "mx-"));
    assert_null(strstr(html, "cx-"));
    assert_null(strstr(html, ">W1<"));
    assert_null(strstr(md, "mx-"));
    assert_null(strstr(md, "cx-"));
    assert_null(strstr(md, " W1 "));
    /* no notice asked: none shown */
    assert_null(strstr(html, "class=\"notice\""));
    jbw_free(md);
    jbw_free(html);
    jbw_brief_free(b);
    jbw_snapshot_free(snap);
}

/*
 * A negative shortage reads as room. The small snapshot's 12 active
 * measures need 12 / 12 = 1.0 FTE; W1 (1.0) and W2 (0.5), both in post
 * since 2020, give 1.5 effective FTE: 0.5 to spare, not "Tekort -0,5".
 * Its base forecast hires no one and says so; relief_target 0 reads as
 * clearing the list.
 */
static void brief_says_room_and_a_base_without_hiring(void **state)
{
    jbw_snapshot *snap = small_snapshot();
    jbw_brief *b = NULL;
    jbw_brief_options o = JBW_BRIEF_OPTIONS_INIT;
    char *html = NULL;
    (void)state;
    jbw_test_add_worker(snap, "W2", "JBWEST", "ZHZ", 0.5, D(2020, 1, 1),
                        JBW_DATE_NONE);
    o.replicates = 0;
    o.months = 6;
    assert_ok(jbw_brief_new(&b, snap, &o));
    assert_ok(jbw_brief_write(&html, NULL, b, JBW_BRIEF_HTML));
    assert_contains(html, "Ruimte in fte</th><td class=\"n\">0,5</td><td>"
                          "effectief min benodigd");
    assert_null(strstr(html, "Tekort in fte"));
    /* the tables keep the sign, and their column says what it means */
    assert_contains(html, "<th scope=\"col\">tekort in fte (negatief: "
                          "ruimte)</th>");
    assert_contains(html, "De basis werft niemand");
    assert_contains(html, "Werving nodig om de wachtlijst binnen 12 maanden "
                          "weg te werken");
    assert_null(strstr(html, "hoogstens 0 wachtenden"));
    assert_null(strstr(html, "mediaan \xe2\x80\x93"));
    jbw_free(html);
    jbw_brief_free(b);
    /* 2 measures started in the coupling period (mx-1, mx-2): with counts
     * below 5 hidden, their median is left out as their share is */
    o.suppress_below = 5;
    assert_ok(jbw_brief_new(&b, snap, &o));
    assert_ok(jbw_brief_write(&html, NULL, b, JBW_BRIEF_HTML));
    assert_contains(html, "&lt; 5 van &lt; 5 maatregelen gestart");
    assert_contains(html, "mediaan \xe2\x80\x93 werkdagen");
    jbw_free(html);
    jbw_brief_free(b);
    jbw_snapshot_free(snap);
}

static void add_quality_case(jbw_snapshot *snap, const char *id, jbw_kind kind,
                             const char *region, jbw_placement placement,
                             jbw_date birth, jbw_date start)
{
    jbw_measure m = JBW_MEASURE_INIT;
    m.id = id;
    m.child_id = id;
    m.kind = kind;
    m.organisation = "JBWEST";
    m.region = region;
    m.placement = placement;
    m.birth_date = birth;
    m.start = start;
    assert_ok(jbw_snapshot_add_measure(snap, &m));
}

/* The brief's data-quality section, as Markdown, of `snap` within
 * `region` (NULL: all), counts below `suppress` hidden. */
static char *quality_section(const jbw_snapshot *snap, const char *region,
                             uint32_t suppress)
{
    jbw_brief *b = NULL;
    jbw_brief_options o = JBW_BRIEF_OPTIONS_INIT;
    char *md = NULL, *from, *to, *section;
    o.replicates = 0;
    o.region = region;
    o.suppress_below = suppress;
    assert_ok(jbw_brief_new(&b, snap, &o));
    assert_ok(jbw_brief_write(&md, NULL, b, JBW_BRIEF_MARKDOWN));
    jbw_brief_free(b);
    from = strstr(md, "## Datakwaliteit\n");
    assert_non_null(from);
    to = strstr(from + 3, "\n## ");
    assert_non_null(to);
    section = malloc((size_t)(to - from) + 1);
    assert_non_null(section);
    memcpy(section, from, (size_t)(to - from));
    section[to - from] = '\0';
    jbw_free(md);
    return section;
}

/*
 * The data-quality section counts the findings of the measures in the
 * brief's scope, per rule, and the measures with any. On 2025-09-01 (all
 * of JBWEST):
 *  vq-1 VOTS in ZHZ from 2025-05-01: 3 months on 08-01 -> vots
 *  vq-2 OTS in HGL, placed, born 2026-01-01, from 2025-08-01 -> unborn
 *  vq-3 VOTS in HGL, placed, born 2026-01-15 (289 days after its start: an
 * expected birth), from 2025-04-01
 *                                                  -> vots and unborn
 * All: 3 measures; vots 2, unborn 2, the other rules 0. ZHZ: vq-1 alone
 * (1 measure, vots 1). HGL: 2 measures, vots 1, unborn 2. The small
 * snapshot alone has no finding (no VOTS, no birth dates). With counts
 * below 5 hidden, 3 reads "minder dan 5" in the sentence and 2 "< 5" in
 * the table, where 0 stays 0.
 */
static void brief_counts_data_quality_findings_in_its_scope(void **state)
{
    jbw_snapshot *snap = small_snapshot();
    char *q;
    (void)state;
    q = quality_section(snap, NULL, 0);
    assert_contains(q, "kwam geen maatregel naar voren");
    assert_contains(q, "| VOTS langer dan 3 maanden | 0 |");
    free(q);
    add_quality_case(snap, "vq-1", JBW_KIND_VOTS, "ZHZ", JBW_PLACEMENT_NONE,
                     JBW_DATE_NONE, D(2025, 5, 1));
    add_quality_case(snap, "vq-2", JBW_KIND_OTS, "HGL", JBW_PLACEMENT_PLACED,
                     D(2026, 1, 1), D(2025, 8, 1));
    add_quality_case(snap, "vq-3", JBW_KIND_VOTS, "HGL", JBW_PLACEMENT_PLACED,
                     D(2026, 1, 15), D(2025, 4, 1));
    q = quality_section(snap, NULL, 0);
    assert_contains(q, "Bij 3 maatregelen klopt de registratie niet");
    assert_contains(q, "| VOTS langer dan 3 maanden | 2 |");
    assert_contains(q, "| uithuisplaatsing van een ongeboren kind | 2 |");
    assert_contains(q, "| jeugdreclassering bij 23 jaar of ouder | 0 |");
    assert_null(strstr(q, "vq-")); /* aggregates only */
    free(q);
    q = quality_section(snap, "ZHZ", 0);
    assert_contains(q, "Bij 1 maatregel klopt");
    assert_contains(q, "| VOTS langer dan 3 maanden | 1 |");
    assert_contains(q, "| uithuisplaatsing van een ongeboren kind | 0 |");
    free(q);
    q = quality_section(snap, "HGL", 0);
    assert_contains(q, "Bij 2 maatregelen klopt");
    assert_contains(q, "| VOTS langer dan 3 maanden | 1 |");
    assert_contains(q, "| uithuisplaatsing van een ongeboren kind | 2 |");
    free(q);
    q = quality_section(snap, NULL, 5);
    assert_contains(q, "Bij minder dan 5 maatregelen klopt");
    assert_contains(q, "| VOTS langer dan 3 maanden | < 5 |");
    assert_contains(q, "| jeugdreclassering bij 23 jaar of ouder | 0 |");
    free(q);
    jbw_snapshot_free(snap);
}

/* The brief of `snap` as Markdown (deterministic forecast), with
 * `series` (or none). */
static char *brief_md(const jbw_snapshot *snap, const jbw_series *series)
{
    jbw_brief *b = NULL;
    jbw_brief_options o = JBW_BRIEF_OPTIONS_INIT;
    char *md = NULL;
    o.replicates = 0;
    o.series = series;
    assert_ok(jbw_brief_new(&b, snap, &o));
    assert_ok(jbw_brief_write(&md, NULL, b, JBW_BRIEF_MARKDOWN));
    jbw_brief_free(b);
    return md;
}

/*
 * The forecast says why the list first grows fast when the start load
 * is above capacity. W1 (0.5 FTE, in post since 2020: capacity 0.5 x 12
 * = 6 measures) carries 9 OTS: 9 / 6 = 150%, and the note says so. The
 * small snapshot's W1 (1.0 FTE, 12) carries 6: 50%, no note. Its brief
 * has no series from another source, so no note on one either; the
 * example's brief shows the published series of Zuid-Holland Zuid with
 * the note that it may count otherwise.
 */
static void brief_explains_a_start_above_capacity(void **state)
{
    jbw_registry *reg = NULL;
    jbw_snapshot *snap = NULL;
    jbw_series *series = NULL;
    char *md;
    int i;
    (void)state;
    assert_ok(jbw_registry_zuid_west(&reg));
    assert_ok(jbw_snapshot_new(&snap, reg, D(2025, 9, 1)));
    jbw_registry_free(reg);
    jbw_test_add_worker(snap, "W1", "JBWEST", "ZHZ", 0.5, D(2020, 1, 1),
                        JBW_DATE_NONE);
    for (i = 0; i < 9; i++) {
        char id[16];
        snprintf(id, sizeof id, "ov-%d", i + 1);
        jbw_test_add_measure(snap, id, id, NULL, JBW_KIND_OTS, "JBWEST", "ZHZ",
                             D(2024, 1, 1), JBW_DATE_NONE, "W1", D(2024, 1, 1),
                             0, JBW_DATE_NONE);
    }
    md = brief_md(snap, NULL);
    assert_contains(md, "Bij de start is de caseload 150% van de capaciteit");
    jbw_free(md);
    jbw_snapshot_free(snap);
    snap = small_snapshot();
    md = brief_md(snap, NULL);
    assert_null(strstr(md, "Bij de start is de caseload"));
    assert_null(strstr(md, "uit een andere bron"));
    jbw_free(md);
    jbw_snapshot_free(snap);
    assert_ok(jbw_example_snapshot(&snap, JBW_EXAMPLE_SEED));
    assert_ok(jbw_example_series_zhz(&series));
    md = brief_md(snap, series);
    assert_contains(md, "Deze reeks komt uit een andere bron dan de stand "
                        "hierboven en kan anders tellen");
    jbw_free(md);
    jbw_series_free(series);
    jbw_snapshot_free(snap);
}

/*
 * The hiring a brief says is needed is rounded up to the 0.1 FTE it
 * shows, so that hiring it reaches the target: the example's base needs
 * the relief jbw_forecast_relief() finds for its parameters (target 0,
 * 12 months, the brief's defaults), whose tenths are not whole, and the
 * brief shows the next tenth up, where rounding to nearest would not.
 */
static void brief_rounds_the_hiring_needed_up(void **state)
{
    jbw_snapshot *snap = NULL;
    jbw_brief *b = NULL;
    jbw_brief_options o = JBW_BRIEF_OPTIONS_INIT;
    jbw_forecast_params p;
    double relief = 0, up;
    char *md = NULL, want[64], *comma;
    (void)state;
    assert_ok(jbw_example_snapshot(&snap, JBW_EXAMPLE_SEED));
    assert_ok(jbw_forecast_params_init(&p, JBW_FORECAST_PARAMS_VERSION));
    assert_ok(jbw_forecast_params_from_snapshot(&p, snap, NULL, JBW_DATE_NONE,
                                                NULL, NULL));
    assert_ok(jbw_forecast_relief(&relief, &p, NULL, 0.0, 12));
    /* the case tells the rules apart: to nearest would round down */
    assert_true(relief * 10 - floor(relief * 10) > 0.01);
    assert_true(relief * 10 - floor(relief * 10) < 0.5);
    up = ceil(relief * 10) / 10;
    snprintf(want, sizeof want, "| %.1f fte per maand |", up);
    comma = strchr(want, '.');
    assert_non_null(comma);
    *comma = ',';
    o.replicates = 0;
    assert_ok(jbw_brief_new(&b, snap, &o));
    assert_ok(jbw_brief_write(&md, NULL, b, JBW_BRIEF_MARKDOWN));
    assert_contains(md, want);
    assert_contains(md, "naar boven afgerond op 0,1 fte");
    jbw_free(md);
    jbw_brief_free(b);
    jbw_snapshot_free(snap);
}

/*
 * The note that bestaand is too low on a date before the data's is said
 * only when something happened after that date. The small snapshot is
 * of 2025-09-01; its latest day on which something happened is mx-2's
 * first worker, 2025-08-12 (starts 2024-01-01 and 2025-08-04, no
 * contacts). On 2025-08-10 that is later: the note. On 2025-08-20 the
 * records hold nothing later (the data's date is the snapshot's own, as
 * a planned end or hire would give it): no note.
 */
static void brief_notes_an_earlier_date_only_after_an_event(void **state)
{
    jbw_snapshot *snap = small_snapshot();
    jbw_brief *b = NULL;
    jbw_brief_options o = JBW_BRIEF_OPTIONS_INIT;
    char *md = NULL;
    (void)state;
    o.replicates = 0;
    o.months = 6;
    o.date = D(2025, 8, 10);
    assert_ok(jbw_brief_new(&b, snap, &o));
    assert_ok(jbw_brief_write(&md, NULL, b, JBW_BRIEF_MARKDOWN));
    assert_non_null(strstr(md, "De peildatum ligt v\xc3\xb3\xc3\xb3r de datum "
                               "van de gegevens (1-9-2025)."));
    jbw_free(md);
    jbw_brief_free(b);
    o.date = D(2025, 8, 20);
    assert_ok(jbw_brief_new(&b, snap, &o));
    assert_ok(jbw_brief_write(&md, NULL, b, JBW_BRIEF_MARKDOWN));
    assert_null(strstr(md, "De peildatum ligt v\xc3\xb3\xc3\xb3r"));
    jbw_free(md);
    jbw_brief_free(b);
    jbw_snapshot_free(snap);
}

/*
 * For print the notice stands in every page's bottom margin (@page
 * @bottom-center), where it covers no text; no element is fixed over the
 * body. Inside the CSS string a quote and a backslash are escaped, '<' is
 * \3C (the text cannot end the <style> element) and a control byte its
 * code: 'a"b\c</style>\x01' is a\"b\\c\3C /style>\1 .
 */
static void brief_prints_its_notice_in_the_page_margin(void **state)
{
    jbw_snapshot *snap = small_snapshot();
    jbw_brief *b = NULL;
    jbw_brief_options o = JBW_BRIEF_OPTIONS_INIT;
    char *html = NULL;
    (void)state;
    o.replicates = 0;
    o.months = 6;
    o.notice = "a\"b\\c</style>\x01";
    assert_ok(jbw_brief_new(&b, snap, &o));
    assert_ok(jbw_brief_write(&html, NULL, b, JBW_BRIEF_HTML));
    assert_contains(html, "@page{@bottom-center{content:\"a\\\"b\\\\c"
                          "\\3C /style>\\1 \";");
    assert_int_equal(occurrences(html, "</style>"), 1);
    assert_null(strstr(html, "position:fixed"));
    /* and on screen at the top, as text */
    assert_contains(html, "<p class=\"notice\">a&quot;b\\c&lt;/style&gt;");
    jbw_free(html);
    jbw_brief_free(b);
    /* without a notice, no rule for the page margin */
    o.notice = NULL;
    assert_ok(jbw_brief_new(&b, snap, &o));
    assert_ok(jbw_brief_write(&html, NULL, b, JBW_BRIEF_HTML));
    assert_null(strstr(html, "@bottom-center"));
    jbw_free(html);
    jbw_brief_free(b);
    jbw_snapshot_free(snap);
}

/*
 * One figure reads the same everywhere. The example's required FTE is
 * 4,503 active measures / 12 a full-time worker = 375.25, exactly halfway
 * and exact in binary (1501/4); every writer rounds it to nearest, ties
 * to even, as "%.1f" does: 375,2 (the report), so the brief says 375,2,
 * never 375,3.
 */
static void brief_rounds_a_halfway_figure_as_the_report_does(void **state)
{
    jbw_snapshot *snap = NULL;
    jbw_series *series = NULL;
    jbw_brief_options o = JBW_BRIEF_OPTIONS_INIT;
    jbw_report_options ro = JBW_REPORT_OPTIONS_INIT;
    jbw_brief *b = example_brief(&snap, &series, &o);
    jbw_caseload *cl = small_caseload(snap);
    jbw_caseload_totals t;
    char *html = NULL, *text = NULL;
    size_t len = 0;
    (void)state;
    t.version = JBW_CASELOAD_TOTALS_VERSION;
    assert_ok(jbw_caseload_totals_get(&t, cl));
    assert_true(t.required_fte == 375.25);
    assert_ok(jbw_caseload_report_text(&text, &len, cl, &ro));
    assert_contains(text, " 375,2");
    assert_null(strstr(text, "375,3"));
    assert_ok(jbw_brief_write(&html, NULL, b, JBW_BRIEF_HTML));
    assert_contains(html, "Benodigde fte volgens de norm</th>"
                          "<td class=\"n\">375,2</td>");
    assert_null(strstr(html, "375,3"));
    /* on a phone (under 600 px) a chart keeps 640 px and scrolls, as a
     * wide table does, so that its 11 px text is not shrunk to about 5 */
    assert_contains(html, "figure{overflow-x:auto}figure svg{max-width:none;"
                          "width:640px}}");
    /* the gap 375.25 - 351.575 = 23.675 rounds to 23,7, 0,1 more than
     * 375,2 - 351,6: its note says it is computed before rounding */
    assert_contains(html, "Tekort in fte</th><td class=\"n\">23,7</td><td>"
                          "benodigd min effectief, berekend v\xc3\xb3"
                          "\xc3\xb3r het afronden");
    jbw_free(text);
    jbw_free(html);
    jbw_caseload_free(cl);
    jbw_brief_free(b);
    jbw_series_free(series);
    jbw_snapshot_free(snap);
}

/*
 * The sources say what the data is and how its records relate to the key
 * figures. The example (docs/example.md): 4,850 measures, 4,503 of them
 * active on 2025-09-01; 420 workers, 412 employed on that day; it is the
 * synthetic example, not an export. The small snapshot with one measure
 * ended (2025-06-30) and one worker gone (2024-12-31) added: 13 measures,
 * 12 active; 2 workers, 1 employed; from files, so an export.
 */
static void brief_sources_say_which_records_count_on_the_date(void **state)
{
    jbw_snapshot *snap = NULL;
    jbw_series *series = NULL;
    jbw_brief_options o = JBW_BRIEF_OPTIONS_INIT;
    jbw_brief *b = example_brief(&snap, &series, &o);
    jbw_measure m = JBW_MEASURE_INIT;
    char *md = NULL;
    (void)state;
    assert_ok(jbw_brief_write(&md, NULL, b, JBW_BRIEF_MARKDOWN));
    assert_contains(md, "- Gegevens: het synthetische voorbeeld van libjbw met "
                        "4.850 maatregelen, waarvan 4.503 lopend op de "
                        "peildatum 1-9-2025, en 420 medewerkers, waarvan 412 "
                        "in dienst op die dag.");
    assert_null(strstr(md, "een export"));
    jbw_free(md);
    jbw_brief_free(b);
    jbw_series_free(series);
    jbw_snapshot_free(snap);

    snap = small_snapshot();
    jbw_test_add_worker(snap, "W2", "JBWEST", "ZHZ", 1.0, D(2020, 1, 1),
                        D(2024, 12, 31));
    m.id = "mx-ended";
    m.child_id = "cx-ended";
    m.organisation = "JBWEST";
    m.region = "ZHZ";
    m.start = D(2024, 1, 1);
    m.end = D(2025, 6, 30);
    m.worker_id = "W1";
    m.first_assigned = m.start;
    assert_ok(jbw_snapshot_add_measure(snap, &m));
    o = (jbw_brief_options)JBW_BRIEF_OPTIONS_INIT;
    o.replicates = 0;
    o.months = 6;
    assert_ok(jbw_brief_new(&b, snap, &o));
    assert_ok(jbw_brief_write(&md, NULL, b, JBW_BRIEF_MARKDOWN));
    assert_contains(md, "- Gegevens: een export met 13 maatregelen, waarvan 12 "
                        "lopend op de peildatum 1-9-2025, en 2 medewerkers, "
                        "waarvan 1 in dienst op die dag.");
    assert_null(strstr(md, "synthetische voorbeeld"));
    jbw_free(md);
    jbw_brief_free(b);
    jbw_snapshot_free(snap);
}

/* A count as the Dutch brief writes it: "1.234". */
static void dutch_count(char *buf, size_t size, size_t n)
{
    if (n >= 1000)
        snprintf(buf, size, "%zu.%03zu", n / 1000, n % 1000);
    else
        snprintf(buf, size, "%zu", n);
}

/* The group's totals, read from the caseload API. */
static void group_row(jbw_caseload_totals *out, const jbw_caseload *cl,
                      jbw_group g, const char *want)
{
    size_t i, n = jbw_caseload_group_count(cl, g);
    for (i = 0; i < n; i++) {
        const char *key = NULL;
        out->version = JBW_CASELOAD_TOTALS_VERSION;
        assert_ok(jbw_caseload_group_get(out, &key, cl, g, i));
        if (strcmp(key, want) == 0)
            return;
    }
    fail_msg("no group %s", want);
}

/* Asserts a row of the key figures: "<label></th><td class="n">value". */
static void assert_key_figure(const char *html, const char *label, size_t n)
{
    char want[200], v[32];
    dutch_count(v, sizeof v, n);
    snprintf(want, sizeof want, "%s</th><td class=\"n\">%s</td>", label, v);
    assert_contains(html, want);
}

/*
 * A brief of one region is that region's: the title names it, the key
 * figures are its row of the caseload (as `jbw report` has it per
 * region), the waiting list per band and the forecast say they are its.
 * Zuid-Holland Zuid of the example waits (docs/example.md, "Waiting
 * list"): nieuw 26 (JBWEST) + 3 (WSS) + 1 (LDH) = 30, bestaand 11 + 1 + 1
 * = 13, 43 in all; JB west in all regions: 77 nieuw, 35 bestaand, 112.
 * The whole example's 4,503 active measures and 141 waiting are not the
 * key figures of either.
 */
static void brief_of_one_region_has_that_regions_figures(void **state)
{
    jbw_snapshot *snap = NULL;
    jbw_series *series = NULL;
    jbw_brief_options o = JBW_BRIEF_OPTIONS_INIT;
    jbw_brief *b;
    jbw_caseload *cl;
    jbw_caseload_totals zhz;
    char *html = NULL;
    (void)state;
    o.region = "ZHZ";
    b = example_brief(&snap, &series, &o);
    cl = small_caseload(snap);
    group_row(&zhz, cl, JBW_GROUP_REGION, "ZHZ");
    assert_int_equal(zhz.waiting_nieuw, 30);
    assert_int_equal(zhz.waiting_bestaand, 13);
    assert_ok(jbw_brief_write(&html, NULL, b, JBW_BRIEF_HTML));
    assert_contains(html, "<h1>Jeugdbescherming en jeugdreclassering in "
                          "Zuid-Holland Zuid: stand van zaken op 1-9-2025"
                          "</h1>");
    assert_contains(html, "<h2>Kerncijfers: Zuid-Holland Zuid</h2>");
    assert_key_figure(html, "Lopende maatregelen", zhz.active_measures);
    assert_key_figure(html, "Jeugdigen met een maatregel", zhz.children);
    assert_key_figure(html, "Medewerkers in dienst", zhz.workers);
    assert_key_figure(html, "nieuw", 30);
    assert_key_figure(html, "bestaand", 13);
    assert_key_figure(html, "totaal", 43);
    assert_null(strstr(html, "Lopende maatregelen</th><td class=\"n\">4.503"));
    assert_null(strstr(html, "totaal</th><td class=\"n\">141<"));
    assert_contains(html, "Op 1-9-2025 hadden in Zuid-Holland Zuid 43 lopende "
                          "maatregelen geen vaste jeugdbeschermer");
    assert_contains(html, "Wachtenden per band in Zuid-Holland Zuid");
    assert_contains(html, "De prognose gaat over Zuid-Holland Zuid.");
    assert_contains(html, "ter vergelijking alle regio");
    /* the spread chart is of every worker, and says so beside it */
    assert_contains(html, "de spreiding van de caseload telt alle "
                          "medewerkers in de gegevens");
    jbw_free(html);
    jbw_caseload_free(cl);
    jbw_brief_free(b);
    jbw_series_free(series);
    jbw_snapshot_free(snap);

    o = (jbw_brief_options)JBW_BRIEF_OPTIONS_INIT;
    o.organisation = "JBWEST";
    b = example_brief(&snap, &series, &o);
    assert_ok(jbw_brief_write(&html, NULL, b, JBW_BRIEF_HTML));
    assert_contains(html, "<h1>Jeugdbescherming en jeugdreclassering bij "
                          "Jeugdbescherming west: stand van zaken op "
                          "1-9-2025</h1>");
    assert_key_figure(html, "nieuw", 77);
    assert_key_figure(html, "bestaand", 35);
    assert_key_figure(html, "totaal", 112);
    assert_contains(html, "De prognose gaat over Jeugdbescherming west.");
    jbw_free(html);
    jbw_brief_free(b);
    jbw_series_free(series);

    /* both: the region's figures, the forecast of the organisation in it */
    o = (jbw_brief_options)JBW_BRIEF_OPTIONS_INIT;
    o.organisation = "JBWEST";
    o.region = "ZHZ";
    o.replicates = 0;
    o.months = 6;
    assert_ok(jbw_brief_new(&b, snap, &o));
    assert_ok(jbw_brief_write(&html, NULL, b, JBW_BRIEF_HTML));
    assert_key_figure(html, "totaal", 43);
    assert_contains(html, "De prognose gaat over Jeugdbescherming west in "
                          "Zuid-Holland Zuid.");
    jbw_free(html);
    jbw_brief_free(b);
    o.organisation = NULL;
    o.region = "XX";
    assert_status(jbw_brief_new(&b, snap, &o), JBW_ENOTFOUND);
    o.region = NULL;
    o.organisation = "XX";
    assert_status(jbw_brief_new(&b, snap, &o), JBW_ENOTFOUND);
    jbw_snapshot_free(snap);
}

/*
 * What a council reads is Dutch and cites what a reader can find: the
 * sources name the published series' source (the council information
 * letter of a Zuid-Holland Zuid municipality on the inspections' report,
 * autumn 2025), not the fixed English notice nor a file of the
 * repository; the waiting section counts measures and says so; a
 * built-in norm has a Dutch name ("Significant (kinderen)").
 */
static void brief_speaks_dutch_and_cites_public_sources(void **state)
{
    jbw_snapshot *snap = NULL;
    jbw_series *series = NULL;
    jbw_brief_options o = JBW_BRIEF_OPTIONS_INIT;
    jbw_brief *b = example_brief(&snap, &series, &o);
    jbw_norm *norm = NULL;
    char *md = NULL;
    const char *sources, *p;
    (void)state;
    assert_ok(jbw_brief_write(&md, NULL, b, JBW_BRIEF_MARKDOWN));
    assert_contains(md, "## Maatregelen zonder vaste jeugdbeschermer\n");
    sources = strstr(md, "## Bronnen en definities");
    assert_non_null(sources);
    assert_contains(sources, "- Reeks: Zuid-Holland Zuid; gepubliceerde "
                             "cijfers uit de raadsinformatiebrief van een "
                             "gemeente in Zuid-Holland Zuid over het rapport "
                             "van de inspecties (najaar 2025).\n");
    /* every item of the list: no repository path, no English notice */
    for (p = sources; (p = strstr(p, "\n- ")) != NULL; p++) {
        const char *end = strchr(p + 1, '\n');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        char item[1024];
        snprintf(item, sizeof item, "%.*s", (int)n, p);
        assert_null(strstr(item, "docs/"));
        assert_null(strstr(item, "PUBLISHED"));
        assert_null(strstr(item, " see "));
    }
    jbw_free(md);
    jbw_brief_free(b);
    jbw_series_free(series);
    assert_ok(jbw_norm_new_named(&norm, "significant-children"));
    o = (jbw_brief_options)JBW_BRIEF_OPTIONS_INIT;
    o.norm = norm;
    o.replicates = 0;
    o.months = 3;
    assert_ok(jbw_brief_new(&b, snap, &o));
    assert_ok(jbw_brief_write(&md, NULL, b, JBW_BRIEF_MARKDOWN));
    assert_contains(md, "- Norm: Significant (kinderen); bron: Significant "
                        "Public voor Jeugdzorg Nederland (2022)");
    assert_contains(md, "| Caseloadnorm | 12 kinderen per fte | "
                        "Significant (kinderen); bron: ");
    jbw_free(md);
    jbw_brief_free(b);
    jbw_norm_free(norm);
    jbw_snapshot_free(snap);
}

/*
 * Published figures are public already: the rule for small counts leaves
 * them as published, in the table and in the chart. With rounding to 5,
 * the Zuid-Holland Zuid table keeps 41 + 72 = 113 (20-9-2024) and 26 + 11
 * = 37 (1-9-2025), where rounding would give 40, 70, 115 and 25, 10, 35;
 * the brief's own figures are rounded: 96 nieuw -> 95, 141 in all -> 140
 * (halves up: 45 stays 45).
 */
static void brief_leaves_published_figures_as_published(void **state)
{
    jbw_snapshot *snap = NULL;
    jbw_series *series = NULL;
    jbw_brief_options o = JBW_BRIEF_OPTIONS_INIT;
    jbw_brief *b;
    char *html = NULL;
    size_t i;
    (void)state;
    o.round_to = 5;
    b = example_brief(&snap, &series, &o);
    assert_ok(jbw_brief_write(&html, NULL, b, JBW_BRIEF_HTML));
    assert_contains(html, "<th scope=\"row\">20-9-2024</th><td class=\"n\">41"
                          "</td><td class=\"n\">72</td><td class=\"n\">113"
                          "</td>");
    assert_contains(html, "<th scope=\"row\">1-9-2025</th><td class=\"n\">26"
                          "</td><td class=\"n\">11</td><td class=\"n\">37"
                          "</td>");
    assert_contains(html, "Deze cijfers staan zoals ze zijn gepubliceerd");
    assert_contains(html, "nieuw</th><td class=\"n\">95</td>");
    assert_contains(html, "totaal</th><td class=\"n\">140</td>");
    for (i = 0; i < jbw_brief_chart_count(b); i++) {
        const char *name = NULL, *svg = NULL;
        assert_ok(jbw_brief_chart(&name, &svg, b, i));
        if (strcmp(name, "series") == 0) {
            assert_contains(svg, ">41 + 72</text>");
            assert_contains(svg, ">113</text>");
            assert_null(strstr(svg, ">40 + 70</text>"));
        }
    }
    jbw_free(html);
    jbw_brief_free(b);
    jbw_series_free(series);
    jbw_snapshot_free(snap);
}

/* The brief of `snap` with options `o` in Markdown (free with jbw_free). */
static char *markdown_of(const jbw_snapshot *snap, const jbw_brief_options *o)
{
    jbw_brief *b = NULL;
    char *md = NULL;
    assert_ok(jbw_brief_new(&b, snap, o));
    assert_ok(jbw_brief_write(&md, NULL, b, JBW_BRIEF_MARKDOWN));
    jbw_brief_free(b);
    return md;
}

/* Only the library's own published series is shown as published: a
 * series counted from exports whose notice (from a data_notice file, say)
 * claims "PUBLISHED figures" still follows the rule for small counts. */
static void brief_exempts_only_the_librarys_published_series(void **state)
{
    jbw_snapshot *snap = NULL;
    jbw_series *own = NULL;
    jbw_brief_options o = JBW_BRIEF_OPTIONS_INIT;
    char *md = NULL;
    (void)state;
    assert_ok(jbw_example_snapshot(&snap, JBW_EXAMPLE_SEED));
    assert_ok(jbw_series_new(&own, "exports"));
    assert_ok(jbw_series_add_snapshot(own, snap, D(2025, 9, 1), NULL, NULL));
    assert_ok(jbw_series_set_data_notice(own, "PUBLISHED figures: x"));
    o.series = own;
    o.suppress_below = 1000; /* 96, 45 and 141 are all below it */
    o.replicates = 0;
    o.months = 6;
    md = markdown_of(snap, &o);
    assert_contains(md, "| 1-9-2025 | < 1.000 | < 1.000 | < 1.000 |");
    assert_null(strstr(md, "| 1-9-2025 | 96 | 45 | 141 |"));
    assert_null(strstr(md, "zoals ze zijn gepubliceerd"));
    jbw_free(md);
    jbw_series_free(own);
    jbw_snapshot_free(snap);
}

/* A brief of one organisation: "bij" the organisation, and the forecast's
 * start (the data's own counts: LDH has 11 waiting on 1-9-2025, fewer than
 * 1,000) under the rule for small counts in its caption and table. */
static void brief_of_an_organisation_says_bij_and_hides_its_start(void **state)
{
    jbw_snapshot *snap = NULL;
    jbw_brief_options o = JBW_BRIEF_OPTIONS_INIT;
    char *md = NULL;
    (void)state;
    assert_ok(jbw_example_snapshot(&snap, JBW_EXAMPLE_SEED));
    o.organisation = "LDH";
    o.suppress_below = 1000;
    o.replicates = 0;
    o.months = 6;
    md = markdown_of(snap, &o);
    assert_contains(md, "Op 1-9-2025 hadden bij Leger des Heils");
    assert_contains(md, "\nBij Leger des Heils");
    assert_contains(md, "Wachtenden per band bij Leger des Heils");
    assert_null(strstr(md, "hadden in Leger"));
    assert_contains(md, "Begin: < 1.000 nieuw, < 1.000 bestaand, < 1.000 "
                        "totaal.");
    assert_contains(md, "| Start | < 1.000 wachtend;");
    jbw_free(md);
    jbw_snapshot_free(snap);
}

/* The prose paragraph of `md` that begins with `start` (up to its line's
 * end), for a look at its words. */
static char *paragraph_of(const char *md, const char *start)
{
    const char *p = strstr(md, start), *end;
    char *out;
    assert_non_null(p);
    end = strchr(p + 1, '\n'); /* `start` may begin with the line break */
    if (!end)
        end = p + strlen(p);
    out = malloc((size_t)(end - p) + 1);
    assert_non_null(out);
    memcpy(out, p, (size_t)(end - p));
    out[end - p] = '\0';
    return out;
}

/*
 * A hidden count inside a sentence reads "minder dan K" ("fewer than K"
 * in English); in a table's cell it stays "< K". The example on 1-9-2025
 * has 96 nieuw and 45 bestaand waiting (141), 4.850 measures of which
 * 4.503 active, 420 workers of which 412 employed, and 127 measures
 * waiting for help, 38 of them past 3 months (in Zuid-Holland Zuid 28
 * and 9): with suppress_below 1000 every count but the measures' is
 * hidden. Leger des Heils has 11 waiting.
 */
static void a_hidden_count_in_a_sentence_reads_minder_dan(void **state)
{
    jbw_snapshot *snap = NULL;
    jbw_brief_options o = JBW_BRIEF_OPTIONS_INIT;
    char *md = NULL, *para;
    (void)state;
    assert_ok(jbw_example_snapshot(&snap, JBW_EXAMPLE_SEED));
    o.suppress_below = 1000;
    o.replicates = 0;
    o.months = 6;
    md = markdown_of(snap, &o);
    assert_contains(md, "Op 1-9-2025 hadden minder dan 1.000 lopende "
                        "maatregelen geen vaste jeugdbeschermer: minder dan "
                        "1.000 nieuw (nog nooit een jeugdbeschermer gehad) en "
                        "minder dan 1.000 bestaand (de jeugdbeschermer is "
                        "weggevallen).");
    assert_contains(md, "- Gegevens: het synthetische voorbeeld van libjbw met "
                        "4.850 maatregelen, waarvan 4.503 lopend op de "
                        "peildatum 1-9-2025, en minder dan 1.000 medewerkers, "
                        "waarvan minder dan 1.000 in dienst op die dag.");
    assert_contains(md, "Op 1-9-2025 wachtten minder dan 1.000 maatregelen op "
                        "hulp die de GI had aangevraagd; bij minder dan 1.000 "
                        "daarvan was de aanvraag meer dan 3 maanden oud.");
    /* the cells keep "< K" */
    assert_contains(md, "| Zonder vaste jeugdbeschermer: totaal | < 1.000 |");
    assert_contains(md, "| Medewerkers in dienst | < 1.000 |");
    assert_contains(md, "| Zuid-Holland Zuid | < 1.000 | < 1.000 |\n");
    /* and the note says both */
    assert_contains(md, "Voor publicatie: aantallen van 1 tot 1.000 staan in "
                        "tabellen en grafieken als \"< 1.000\", in de tekst "
                        "als \"minder dan 1.000\"; ");
    /* hiding without rounding leaves every shown count exact */
    assert_null(strstr(md, "tellen de delen niet altijd op"));
    jbw_free(md);

    o.lang = JBW_LANG_EN;
    md = markdown_of(snap, &o);
    assert_contains(md, "On 1 Sep 2025, fewer than 1,000 active measures had "
                        "no fixed jeugdbeschermer: fewer than 1,000 nieuw "
                        "(never had one) and fewer than 1,000 bestaand");
    assert_contains(md, "and fewer than 1,000 workers, of which fewer than "
                        "1,000 employed on that day.");
    assert_contains(md, "On 1 Sep 2025, fewer than 1,000 measures waited for "
                        "help the GI had asked for; for fewer than 1,000 of "
                        "them");
    assert_contains(md, "| Without a fixed worker: in all | < 1,000 |");
    assert_contains(md, "For publication: counts from 1 to below 1,000 read "
                        "\"< 1,000\" in tables and charts, \"fewer than "
                        "1,000\" in the text; ");
    jbw_free(md);

    /* a brief of one organisation: its own sentences too (the coupling
     * paragraph of the scope, whatever its counts, holds no "< ") */
    o.lang = JBW_LANG_NL;
    o.organisation = "LDH";
    md = markdown_of(snap, &o);
    assert_contains(md, "Op 1-9-2025 hadden bij Leger des Heils "
                        "Jeugdbescherming & Reclassering minder dan 1.000 "
                        "lopende maatregelen");
    para = paragraph_of(md, "\nBij Leger des Heils Jeugdbescherming & "
                            "Reclassering: ");
    assert_contains(para, " binnen 5 werkdagen (");
    assert_null(strstr(para, "< "));
    free(para);
    jbw_free(md);
    jbw_snapshot_free(snap);
}

static void brief_suppresses_and_rounds_small_counts(void **state)
{
    jbw_snapshot *snap = NULL;
    jbw_series *series = NULL;
    jbw_brief_options o = JBW_BRIEF_OPTIONS_INIT;
    jbw_brief *b;
    char *html = NULL;
    (void)state;
    o.suppress_below = 50;
    b = example_brief(&snap, &series, &o);
    assert_ok(jbw_brief_write(&html, NULL, b, JBW_BRIEF_HTML));
    /* 45 bestaand is below 50; 96 nieuw is not */
    assert_contains(html, "bestaand</th><td class=\"n\">&lt; 50</td>");
    assert_contains(html, "nieuw</th><td class=\"n\">96</td>");
    assert_contains(html, "Voor publicatie: aantallen van 1 tot 50");
    jbw_free(html);
    jbw_brief_free(b);
    jbw_series_free(series);
    jbw_snapshot_free(snap);
    o.suppress_below = 0;
    o.round_to = 10;
    b = example_brief(&snap, &series, &o);
    jbw_snapshot_free(snap);
    assert_ok(jbw_brief_write(&html, NULL, b, JBW_BRIEF_HTML));
    /* to the nearest 10: 4503 -> 4500, 96 -> 100, 45 -> 50 (halves up),
     * the total 141 -> 140 */
    assert_contains(html, "Lopende maatregelen</th><td class=\"n\">4.500</td>");
    assert_contains(html, "bestaand</th><td class=\"n\">50</td>");
    assert_contains(html, "totaal</th><td class=\"n\">140</td>");
    /* rounding alone hides counts below its base, and says so */
    assert_contains(html, "Voor publicatie: aantallen van 1 tot 10 staan in "
                          "tabellen en grafieken als &quot;&lt; 10&quot;, in "
                          "de tekst als &quot;minder dan 10&quot;; aantallen "
                          "zijn afgerond op 10");
    /* 100 nieuw + 50 bestaand is not the 140 shown: the note says why */
    assert_contains(html, "Omdat elk aantal apart is afgerond, tellen de "
                          "delen niet altijd op tot het afgeronde totaal.");
    /* the sources name the inspections for the two time limits */
    assert_contains(html, "Termijnen: eerste contact met kind en ouders "
                          "binnen 5 werkdagen nadat de GI de maatregel kreeg, "
                          "en passende hulp binnen 3 maanden; bron: Inspectie "
                          "Gezondheidszorg en Jeugd");
    jbw_free(html);
    jbw_brief_free(b);
    jbw_series_free(series);
}

/*
 * Waiting for suitable help, where the data has help dates: the example
 * has 127 measures waiting on 2025-09-01, 38 of them past 3 months (in
 * Zuid-Holland Zuid 28 and 9), counted outside libjbw from its export by
 * the definition in docs/norms.md. Published with the brief's rule for
 * small counts: with suppress_below 10, ZHZ's 9 becomes "< 10". The small
 * snapshot has no help dates, so no such section.
 */
static void brief_has_waiting_for_help_where_the_data_has_it(void **state)
{
    jbw_snapshot *snap = NULL;
    jbw_series *series = NULL;
    jbw_brief_options o = JBW_BRIEF_OPTIONS_INIT;
    jbw_brief *b = example_brief(&snap, &series, &o);
    char *md = NULL;
    (void)state;
    assert_ok(jbw_brief_write(&md, NULL, b, JBW_BRIEF_MARKDOWN));
    assert_contains(md, "## Wachten op passende hulp\n");
    assert_contains(md, "Op 1-9-2025 wachtten 127 maatregelen op hulp die de "
                        "GI had aangevraagd; bij 38 daarvan");
    assert_contains(md, "| Zuid-Holland Zuid | 28 | 9 |\n");
    jbw_free(md);
    jbw_brief_free(b);
    jbw_series_free(series);
    jbw_snapshot_free(snap);
    o = (jbw_brief_options)JBW_BRIEF_OPTIONS_INIT;
    o.suppress_below = 10;
    b = example_brief(&snap, &series, &o);
    assert_ok(jbw_brief_write(&md, NULL, b, JBW_BRIEF_MARKDOWN));
    assert_contains(md, "| Zuid-Holland Zuid | 28 | < 10 |\n");
    jbw_free(md);
    jbw_brief_free(b);
    jbw_series_free(series);
    jbw_snapshot_free(snap);
    snap = small_snapshot();
    assert_ok(jbw_brief_new(&b, snap, NULL));
    assert_ok(jbw_brief_write(&md, NULL, b, JBW_BRIEF_MARKDOWN));
    /* no section (the sources still name the time limit) */
    assert_null(strstr(md, "## Wachten op passende hulp"));
    assert_null(strstr(md, "op hulp die de GI had aangevraagd"));
    jbw_free(md);
    jbw_brief_free(b);
    jbw_snapshot_free(snap);
}

static void brief_puts_scenarios_beside_their_assumptions(void **state)
{
    jbw_snapshot *snap = NULL;
    jbw_scenario *sc = NULL;
    const jbw_scenario *list[1];
    const char *names[1] = {"Verloop 30%"};
    jbw_brief_options o = JBW_BRIEF_OPTIONS_INIT;
    jbw_brief *b = NULL;
    char *html = NULL;
    const char *name = NULL;
    size_t i, n;
    int found = 0;
    (void)state;
    assert_ok(jbw_example_snapshot(&snap, JBW_EXAMPLE_SEED));
    assert_ok(jbw_scenario_parse(&sc, "turnover = 30%\n", 15, "t"));
    list[0] = sc;
    o.scenarios = list;
    o.scenario_names = names;
    o.scenario_count = 1;
    o.replicates = 0;
    o.months = 12;
    o.lang = JBW_LANG_EN;
    assert_ok(jbw_brief_new(&b, snap, &o));
    jbw_scenario_free(sc);
    assert_ok(jbw_brief_write(&html, NULL, b, JBW_BRIEF_HTML));
    assert_true(strncmp(html, "<!DOCTYPE html>\n<html lang=\"en\">", 31) == 0);
    assert_contains(html, "<h2>Key figures</h2>");
    assert_contains(html, "<th scope=\"col\">Verloop 30%</th>");
    /* the base keeps the default turnover, 20% a year (FTM/Pointer 2021),
     * and says it is the default; the scenario sets 30% */
    assert_contains(html, "Staff turnover a year</th><td>20% "
                          "(default)</td><td class=\"n\">30%</td>");
    n = jbw_brief_chart_count(b);
    for (i = 0; i < n; i++) {
        assert_ok(jbw_brief_chart(&name, NULL, b, i));
        found += strcmp(name, "scenarios") == 0;
    }
    assert_int_equal(found, 1);
    jbw_free(html);
    jbw_brief_free(b);
    jbw_snapshot_free(snap);
}

static void brief_options_are_checked(void **state)
{
    jbw_snapshot *snap = small_snapshot();
    jbw_brief_options o;
    jbw_brief *b = NULL;
    (void)state;
    assert_ok(jbw_brief_options_init(&o, JBW_BRIEF_OPTIONS_VERSION));
    assert_status(jbw_brief_new(&b, NULL, &o), JBW_EINVAL);
    assert_status(jbw_brief_new(NULL, snap, &o), JBW_EINVAL);
    o.scenario_count = 1;
    assert_status(jbw_brief_new(&b, snap, &o), JBW_EINVAL);
    o.scenario_count = 0;
    o.relief_months = 0;
    assert_status(jbw_brief_new(&b, snap, &o), JBW_EINVAL);
    o.relief_months = 12;
    o.queue_percent = 100;
    assert_status(jbw_brief_new(&b, snap, &o), JBW_EINVAL);
    o.queue_percent = 90;
    o.relief_target = NAN;
    assert_status(jbw_brief_new(&b, snap, &o), JBW_EINVAL);
    o.relief_target = 0;
    o.months = 601;
    assert_status(jbw_brief_new(&b, snap, &o), JBW_EINVAL);
    o.months = 0;
    o.round_to = JBW_PUBLISH_MAX + 1;
    assert_status(jbw_brief_new(&b, snap, &o), JBW_EINVAL);
    o.round_to = 0;
    o.version = 2;
    assert_status(jbw_brief_new(&b, snap, &o), JBW_EVERSION);
    assert_null(b);
    assert_status(jbw_brief_options_init(&o, 2), JBW_EVERSION);
    assert_int_equal(jbw_brief_chart_count(NULL), 0);
    jbw_brief_free(NULL);
    jbw_snapshot_free(snap);
}

/* The Markdown with images links chart i as "<prefix>-<i+1>.svg", once
 * each and in the order of the charts, above its caption; the text
 * without images has no link. */
static void markdown_links_every_chart_as_an_image(void **state)
{
    jbw_snapshot *snap = NULL;
    jbw_series *series = NULL;
    jbw_brief_options o = JBW_BRIEF_OPTIONS_INIT;
    jbw_brief *b = example_brief(&snap, &series, &o);
    char *md = NULL, *plain = NULL, link[64];
    const char *at = NULL, *prev;
    size_t i, charts = jbw_brief_chart_count(b), len = 0;
    (void)state;
    assert_ok(jbw_brief_write_markdown_images(&md, &len, b, "brief"));
    assert_int_equal(len, strlen(md));
    assert_ok(jbw_brief_write(&plain, NULL, b, JBW_BRIEF_MARKDOWN));
    assert_null(strstr(plain, "]("));
    assert_int_equal(occurrences(md, "\n!["), charts);
    prev = md;
    for (i = 0; i < charts; i++) {
        const char *name = NULL;
        assert_ok(jbw_brief_chart(&name, NULL, b, i));
        snprintf(link, sizeof link, "](brief-%zu.svg)\n\n*Figuur: ", i + 1);
        at = strstr(md, link);
        if (!at)
            fail_msg("no image link %s for chart %s", link, name);
        assert_int_equal(occurrences(md, link), 1);
        assert_true(at > prev);
        prev = at;
    }
    /* the first chart is the series: its title is the alternative text */
    assert_contains(md, "![Jeugdigen zonder vaste jeugdbeschermer \xe2\x80\x93 "
                        "Zuid-Holland Zuid](brief-1.svg)");
    jbw_free(md);
    /* a prefix with a folder, a blank, a bracket and a non-ASCII letter is
     * one relative link: percent-encoded, "/" kept */
    assert_ok(
        jbw_brief_write_markdown_images(&md, NULL, b, "fig/b [\xc3\xa9]"));
    assert_contains(md, "](fig/b%20%5B%C3%A9%5D-1.svg)");
    jbw_free(md);
    md = (char *)&md;
    assert_status(jbw_brief_write_markdown_images(&md, NULL, b, ""),
                  JBW_EINVAL);
    assert_status(jbw_brief_write_markdown_images(&md, NULL, b, "a\nb"),
                  JBW_EINVAL);
    assert_status(jbw_brief_write_markdown_images(&md, NULL, b, NULL),
                  JBW_EINVAL);
    assert_status(jbw_brief_write_markdown_images(&md, NULL, NULL, "x"),
                  JBW_EINVAL);
    assert_ptr_equal(md, (char *)&md);
    jbw_free(plain);
    jbw_brief_free(b);
    jbw_series_free(series);
    jbw_snapshot_free(snap);
}

typedef struct oom_brief_ctx {
    const jbw_snapshot *snap;
    const jbw_series *series; /* NULL: none */
    jbw_date date;            /* NONE: the snapshot's */
} oom_brief_ctx;

static int oom_brief(void *user)
{
    const oom_brief_ctx *c = user;
    jbw_brief_options o = JBW_BRIEF_OPTIONS_INIT;
    jbw_brief *b = NULL;
    char *html = NULL, *md = NULL;
    jbw_status st;
    o.replicates = 0;
    o.months = 2;
    o.relief_months = 2;
    o.series = c->series;
    o.date = c->date;
    st = jbw_brief_new(&b, c->snap, &o);
    if (st == JBW_OK)
        st = jbw_brief_write(&html, NULL, b, JBW_BRIEF_HTML);
    if (st == JBW_OK)
        st = jbw_brief_write(&md, NULL, b, JBW_BRIEF_MARKDOWN);
    jbw_free(md);
    md = NULL;
    if (st == JBW_OK)
        st = jbw_brief_write_markdown_images(&md, NULL, b, "brief");
    jbw_free(md);
    jbw_free(html);
    jbw_brief_free(b);
    return st;
}

/* The published ZHZ series with a point of the snapshot on 1-5-2025: a
 * series of both kinds. */
static jbw_series *mixed_series(const jbw_snapshot *snap)
{
    jbw_series *s = NULL;
    assert_ok(jbw_example_series_zhz(&s));
    assert_ok(jbw_series_add_snapshot(s, snap, D(2025, 5, 1), NULL, NULL));
    return s;
}

static void brief_fails_cleanly_when_memory_runs_out(void **state)
{
    jbw_snapshot *snap = small_snapshot();
    jbw_series *series = mixed_series(snap);
    oom_brief_ctx c = {NULL, NULL, JBW_DATE_NONE};
    (void)state;
    c.snap = snap;
    jbw_test_oom_sweep(oom_brief, &c, 20000, jbw_test_fail_after);
    /* a series cut at the brief's date, and one that begins after it */
    c.series = series;
    c.date = D(2025, 6, 1);
    jbw_test_oom_sweep(oom_brief, &c, 20000, jbw_test_fail_after);
    c.date = D(2024, 6, 1);
    jbw_test_oom_sweep(oom_brief, &c, 20000, jbw_test_fail_after);
    jbw_series_free(series);
    jbw_snapshot_free(snap);
}

/* A series cut at the brief's date keeps what each point is: the
 * snapshot's own point of 1-5-2025 stays under the rule for small counts
 * (the publication rule's exemption is for the library's published
 * series alone), and the points after 1-6-2025 are left out. */
static void a_cut_series_keeps_its_own_points_under_the_rule(void **state)
{
    jbw_snapshot *snap = small_snapshot();
    jbw_series *series = mixed_series(snap);
    jbw_brief_options o = JBW_BRIEF_OPTIONS_INIT;
    char *md = NULL;
    (void)state;
    o.replicates = 0;
    o.series = series;
    o.date = D(2025, 6, 1);
    o.suppress_below = 10;
    o.round_to = 5;
    md = markdown_of(snap, &o);
    /* the small snapshot has fewer than 10 measures in all: its point is
     * hidden (0 stays 0); the published 20-9-2024 point (41, 72) is not
     * exempt in a mixed series either */
    assert_contains(md, "| 1-5-2025 | < 10 | 0 | < 10 |");
    /* to the nearest 5: 41 -> 40, 72 -> 70, 113 -> 115 (rounded itself) */
    assert_contains(md, "| 20-9-2024 | 40 | 70 | 115 |");
    assert_contains(md, "De reeks loopt tot 1-9-2025; de punten na de "
                        "peildatum van dit stuk (1-6-2025) zijn weggelaten.");
    assert_null(strstr(md, "| 1-7-2025 |"));
    jbw_free(md);
    /* a brief before the series' first point shows its own point */
    o.date = D(2024, 6, 1);
    md = markdown_of(snap, &o);
    assert_contains(md, "De reeks Zuid-Holland Zuid begint op 20-9-2024, na "
                        "de peildatum van dit stuk; hieronder de stand op de "
                        "peildatum.");
    assert_null(strstr(md, "| 20-9-2024 |"));
    assert_contains(md, "| 1-6-2024 |");
    jbw_free(md);
    jbw_series_free(series);
    jbw_snapshot_free(snap);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(xml_check_finds_what_is_wrong),
        cmocka_unit_test(a_cut_series_keeps_its_own_points_under_the_rule),
        cmocka_unit_test(brief_has_waiting_for_help_where_the_data_has_it),
        cmocka_unit_test(zhz_series_chart_states_the_letters_table),
        cmocka_unit_test(markdown_links_every_chart_as_an_image),
        cmocka_unit_test(large_counts_have_the_languages_thousands_separator),
        cmocka_unit_test(
            small_counts_are_suppressed_and_rounded_for_publication),
        cmocka_unit_test(chart_text_is_escaped_and_stays_well_formed),
        cmocka_unit_test(chart_arguments_are_checked),
        cmocka_unit_test(caseload_chart_shows_load_and_demand_against_the_norm),
        cmocka_unit_test(spread_chart_counts_workers_per_ratio_bin),
        cmocka_unit_test(coupling_chart_gives_the_share_within_five_werkdagen),
        cmocka_unit_test(bands_chart_counts_the_waiting_list_per_band),
        cmocka_unit_test(forecast_chart_has_two_panels_with_their_axes),
        cmocka_unit_test(scenario_chart_puts_each_forecast_in_its_panel),
        cmocka_unit_test(example_chart_notice_is_in_the_charts_language),
        cmocka_unit_test(example_notice_with_more_keeps_its_dutch_line),
        cmocka_unit_test(charts_fail_cleanly_when_memory_runs_out),
        cmocka_unit_test(example_brief_has_every_section_and_the_letters_table),
        cmocka_unit_test(coupling_tables_keep_regions_and_organisations_apart),
        cmocka_unit_test(brief_holds_no_measure_child_or_worker_id),
        cmocka_unit_test(brief_prints_its_notice_in_the_page_margin),
        cmocka_unit_test(brief_notes_an_earlier_date_only_after_an_event),
        cmocka_unit_test(brief_says_room_and_a_base_without_hiring),
        cmocka_unit_test(brief_rounds_the_hiring_needed_up),
        cmocka_unit_test(brief_counts_data_quality_findings_in_its_scope),
        cmocka_unit_test(brief_explains_a_start_above_capacity),
        cmocka_unit_test(brief_suppresses_and_rounds_small_counts),
        cmocka_unit_test(a_hidden_count_in_a_sentence_reads_minder_dan),
        cmocka_unit_test(brief_rounds_a_halfway_figure_as_the_report_does),
        cmocka_unit_test(brief_sources_say_which_records_count_on_the_date),
        cmocka_unit_test(brief_of_one_region_has_that_regions_figures),
        cmocka_unit_test(brief_speaks_dutch_and_cites_public_sources),
        cmocka_unit_test(brief_leaves_published_figures_as_published),
        cmocka_unit_test(brief_exempts_only_the_librarys_published_series),
        cmocka_unit_test(brief_of_an_organisation_says_bij_and_hides_its_start),
        cmocka_unit_test(brief_puts_scenarios_beside_their_assumptions),
        cmocka_unit_test(brief_options_are_checked),
        cmocka_unit_test(brief_fails_cleanly_when_memory_runs_out),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
