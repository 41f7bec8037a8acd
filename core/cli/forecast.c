/* forecast.c - the `validate` and `forecast` commands: a dataset checked,
 * and its key statistics and every series printed as text, CSV or JSON,
 * at full precision and whatever the locale. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "cli/cli.h"
#include "model/format.h"
#include "model/model.h"

int cmd_validate(int argc, char **argv)
{
    const cli_cmd *c = cli_find_command("validate");
    int bad = 0, flags = OPEN_CHECKS, k;
    cli_parser p;
    cli_begin(&p, c, argc, argv);
    while ((k = cli_next(&p)) >= 0)
        if (k == OPT_STRICT)
            flags |= OPEN_STRICT;
    cli_end(&p);
    if (k != CLI_END)
        return k == CLI_HELP ? 0 : 2;
    char **files = argv + p.first;
    size_t n = (size_t)(argc - p.first);
    if (!n) {
        cli_usage_error(c, "no dataset given");
        return 2;
    }
    if (cmd_one_stdin(c, files, n) != 0)
        return 2;
    for (size_t i = 0; i < n; i++) {
        mkp_doc *doc = cmd_open(files[i], NULL, flags);
        if (!doc) {
            bad++;
            continue;
        }
        /* The theme a dataset names is part of it: checked as render would. */
        edition_set es = {0};
        if (doc->theme_path && cmd_themes(&(edition_args){0}, &es, &doc, 1) != 0) {
            cmd_editions_free(&es);
            ds_free(doc);
            bad++;
            continue;
        }
        const mkp_model *m = doc->model;
        printf("%s: ok: %s, %d-%d, %zu dimensions, %zu segments, %s %s\n", cmd_dataset_name(files[i]), m->id,
               m->first_year, m->forecast_end, m->n_dimensions, doc->n_nodes, m->currency, m->unit);
        cmd_editions_free(&es);
        ds_free(doc);
    }
    return bad ? 2 : 0;
}

/* The shortest decimal that reads back as the same double. */
static void exact(char *buf, size_t cap, double v)
{
    for (int p = 15; p <= 17; p++) {
        snprintf(buf, cap, "%.*g", p, v);
        if (strtod(buf, NULL) == v)
            return;
    }
}

typedef void (*node_fn)(const mkp_model *m, const mkp_node *n, void *ctx);

static void walk(const mkp_model *m, const mkp_node *n, node_fn fn, void *ctx)
{
    fn(m, n, ctx);
    for (size_t i = 0; i < n->n_children; i++)
        walk(m, &n->children[i], fn, ctx);
}

static void walk_model(const mkp_model *m, node_fn fn, void *ctx)
{
    fn(m, m->market, ctx);
    for (size_t d = 0; d < m->n_dimensions; d++)
        for (size_t i = 0; i < m->dimensions[d].n_children; i++)
            walk(m, &m->dimensions[d].children[i], fn, ctx);
}

static void csv_row(const mkp_model *m, const mkp_node *n, void *ctx)
{
    (void)ctx;
    char buf[40];
    for (int i = 0; i < m->n_years; i++) {
        exact(buf, sizeof buf, n->value[i]);
        printf("%s,%d,%s\n", n->path, m->first_year + i, buf);
    }
}

static void json_string(const char *s)
{
    putchar('"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            printf("\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", stdout);
        else if (*p < 0x20)
            printf("\\u%04x", *p);
        else
            putchar(*p);
    }
    putchar('"');
}

static void json_number(double v)
{
    char buf[40];
    if (!isfinite(v)) {
        fputs("null", stdout);
        return;
    }
    exact(buf, sizeof buf, v);
    fputs(buf, stdout);
}

static const char *provenance_name(mkp_provenance p)
{
    return p == MKP_PUBLISHED ? "published" : p == MKP_DERIVED ? "derived" : "illustrative";
}

/* {"2025": v, "2026": v, ...} for one per-year array. */
static void json_years(const mkp_model *m, const double *v)
{
    putchar('{');
    for (int i = 0; i < m->n_years; i++) {
        printf("%s\"%d\": ", i ? ", " : "", m->first_year + i);
        json_number(v[i]);
    }
    putchar('}');
}

typedef struct json_ctx {
    const char *lang;
    int first;
} json_ctx;

static void json_node(const mkp_model *m, const mkp_node *n, void *ctx)
{
    json_ctx *j = ctx;
    printf("%s\n    {\"series\": ", j->first ? "" : ",");
    j->first = 0;
    json_string(n->path);
    fputs(", \"title\": ", stdout);
    json_string(fmt_text(&n->title, j->lang));
    printf(", \"depth\": %d, \"provenance\": \"%s\", \"rank\": %d, \"cagr\": ", n->depth,
           provenance_name(n->provenance), n->rank);
    json_number(n->cagr);
    fputs(", \"growth\": ", stdout);
    json_number(n->growth);
    fputs(",\n     \"values\": ", stdout);
    json_years(m, n->value);
    fputs(",\n     \"shares\": ", stdout);
    json_years(m, n->share);
    /* what each value is: published, actual, illustrative, estimate, scenario */
    fputs(",\n     \"kinds\": {", stdout);
    for (int i = 0; i < m->n_years; i++)
        printf("%s\"%d\": \"%s\"", i ? ", " : "", m->first_year + i,
               mkp_value_class_name(mkp_value_class_of(n->flags[i])));
    fputs("}}", stdout);
}

static void print_json(const mkp_model *m, const char *lang)
{
    const double *v = m->market->value;
    fputs("{\n  \"id\": ", stdout);
    json_string(m->id);
    fputs(",\n  \"title\": ", stdout);
    json_string(fmt_text(&m->title, lang));
    printf(",\n  \"currency\": \"%s\", \"unit\": \"%s\",\n", m->currency, m->unit);
    printf("  \"first_year\": %d, \"base_year\": %d, \"estimated_year\": %d, \"forecast_end\": %d, "
           "\"cagr_start\": %d,\n",
           m->first_year, m->base_year, m->estimated_year, m->forecast_end, m->cagr_start);
    printf("  \"key_statistics\": {\"base\": ");
    json_number(v[mkp_year_index(m, m->base_year)]);
    fputs(", \"estimated\": ", stdout);
    json_number(v[mkp_year_index(m, m->estimated_year)]);
    fputs(", \"forecast\": ", stdout);
    json_number(v[mkp_year_index(m, m->forecast_end)]);
    fputs(", \"cagr\": ", stdout);
    json_number(m->market->cagr);
    fputs("},\n  \"scenario\": ", stdout);
    json_string(m->scenario->id);
    fputs(",\n  \"scenarios\": [", stdout);
    for (size_t k = 0; k < m->n_scenarios; k++) {
        const mkp_scenario *sc = &m->scenarios[k];
        fputs(k ? ",\n    {\"id\": " : "\n    {\"id\": ", stdout);
        json_string(sc->id);
        fputs(", \"title\": ", stdout);
        json_string(fmt_text(&sc->title, lang));
        fputs(", \"cagr\": ", stdout);
        json_number(sc->cagr);
        fputs(", \"market\": ", stdout);
        json_years(m, sc->market);
        putchar('}');
    }
    fputs("\n  ],\n  \"series\": [", stdout);
    json_ctx j = {lang, 1};
    walk_model(m, json_node, &j);
    fputs("\n  ]\n}\n", stdout);
}

typedef struct text_ctx {
    int width;
} text_ctx;

static void text_row(const mkp_model *m, const mkp_node *n, void *ctx)
{
    text_ctx *t = ctx;
    char buf[48];
    printf("%-*s", t->width, n->path);
    for (int i = 0; i < m->n_years; i++) {
        fmt_number(buf, sizeof buf, n->value[i], 2, 1);
        printf(" %9s", buf);
    }
    fmt_percent(buf, sizeof buf, n->cagr, 2);
    printf(" %8s\n", buf);
}

static void width_of(const mkp_model *m, const mkp_node *n, void *ctx)
{
    (void)m;
    text_ctx *t = ctx;
    int w = (int)strlen(n->path);
    if (w > t->width)
        t->width = w;
}

static void print_text(const mkp_model *m, const char *lang, int summary_only)
{
    char buf[48];
    const double *v = m->market->value;
    printf("%s\n", fmt_text(&m->title, lang));
    printf("Key market statistics (%s %s)\n", m->currency, m->unit);
    struct {
        const char *label;
        int year;
    } rows[] = {{"Base year", m->base_year}, {"Estimated year", m->estimated_year}, {"Forecast year", m->forecast_end}};
    for (size_t i = 0; i < 3; i++) {
        char label[48];
        snprintf(label, sizeof label, "%s %d", rows[i].label, rows[i].year);
        int yi = mkp_year_index(m, rows[i].year);
        fmt_number(buf, sizeof buf, v[yi], 2, 1);
        /* what a figure is when the publisher did not print it */
        mkp_value_class c = mkp_value_class_of(m->market->flags[yi]);
        int printed = c == MKP_VALUE_PUBLISHED || c == MKP_VALUE_ACTUAL;
        printf("  %-22s %10s%s%s\n", label, buf, printed ? "" : "  ", printed ? "" : mkp_value_class_name(c));
    }
    char label[48];
    snprintf(label, sizeof label, "CAGR %d-%d", m->cagr_start, m->forecast_end);
    fmt_percent(buf, sizeof buf, m->market->cagr, 2);
    printf("  %-22s %10s\n", label, buf);
    if (m->n_scenarios > 1) {
        printf("\nScenarios (%s %s)\n  %-24s %10d %10d %10d %8s\n", m->currency, m->unit, "scenario", m->base_year,
               m->estimated_year, m->forecast_end, "CAGR");
        for (size_t k = 0; k < m->n_scenarios; k++) {
            const mkp_scenario *sc = &m->scenarios[k];
            printf("  %-24s", sc->id);
            int years[3] = {m->base_year, m->estimated_year, m->forecast_end};
            for (int y = 0; y < 3; y++) {
                fmt_number(buf, sizeof buf, sc->market[mkp_year_index(m, years[y])], 2, 1);
                printf(" %10s", buf);
            }
            fmt_percent(buf, sizeof buf, sc->cagr, 2);
            printf(" %8s%s\n", buf, sc == m->scenario ? "  <- shown" : "");
        }
    }
    if (summary_only)
        return;
    text_ctx t = {6};
    walk_model(m, width_of, &t);
    printf("\nSeries (%s %s)\n%-*s", m->currency, m->unit, t.width, "series");
    for (int i = 0; i < m->n_years; i++)
        printf(" %9d", m->first_year + i);
    printf(" %8s\n", "CAGR");
    walk_model(m, text_row, &t);
}

int cmd_forecast(int argc, char **argv)
{
    const cli_cmd *c = cli_find_command("forecast");
    const char *lang = NULL, *scenario = NULL;
    int mode = 0; /* 0 text, 1 csv, 2 json, 3 key statistics only */
    int k;
    cli_parser p;
    cli_begin(&p, c, argc, argv);
    while ((k = cli_next(&p)) >= 0) {
        if (k == OPT_CSV || k == OPT_JSON || k == OPT_SUMMARY)
            mode = k == OPT_CSV ? 1 : k == OPT_JSON ? 2 : 3;
        else if (k == 'l')
            lang = p.value;
        else if (k == 's')
            scenario = p.value;
    }
    cli_end(&p);
    if (k != CLI_END)
        return k == CLI_HELP ? 0 : 2;
    if (p.first >= argc) {
        cli_usage_error(c, "no dataset given");
        return 2;
    }
    if (argc - p.first > 1) {
        cli_usage_error(c, "one dataset at a time");
        return 2;
    }
    const char *file = argv[p.first];
    mkp_doc *doc = cmd_open(file, scenario, mode == 1 || mode == 2 ? 0 : OPEN_CHECKS);
    if (!doc)
        return 2;
    const mkp_model *m = doc->model;
    const char *shown = lang ? cmd_find_lang(m, lang) : m->languages[0];
    if (!shown) {
        cmd_no_lang("forecast", lang, cmd_dataset_name(file), m);
        ds_free(doc);
        return 2;
    }
    lang = shown;
    if (mode == 1) {
        puts("series,year,value");
        walk_model(m, csv_row, NULL);
    } else if (mode == 2) {
        print_json(m, lang);
    } else {
        print_text(m, lang, mode == 3);
    }
    ds_free(doc);
    return 0;
}

