/* tables.c - the numbered tables as host->table() holds them, so that
 * the page's Table 2 has the rows, years, shares and digits of the PDF's:
 * a caption, column and row headers with their scope, numbers formatted
 * by the host, the notes under the table.  Also the cover's three
 * headline figures, taken from the key statistics. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "html.h"

/* The content of the table whose id is `id`, or whose dimension is
 * `dimension`; NULL when the model has none. */
const mkp_table *ht_table_by_id(const ht_doc *d, const char *id, const char *dimension)
{
    for (size_t i = 0; i < d->m->n_tables; i++) {
        const mkp_table_ref *r = mkp_table_ref_at(d->m, i);
        if ((id && strcmp(r->id, id) == 0) || (dimension && strcmp(r->dimension, dimension) == 0))
            return d->host->table(d->job, r->number);
    }
    return NULL;
}

/* A cell as the PDF prints it: "1,234.5", "9.43%", "55.0%"; an empty
 * share prints nothing, a CAGR that cannot be computed the host's n/a. */
static void cell_text(const ht_doc *d, char *buf, size_t cap, const mkp_table_column *c, double v)
{
    if (isnan(v) && c->kind == MKP_COLUMN_SHARE) {
        buf[0] = '\0';
        return;
    }
    int percent = c->kind != MKP_COLUMN_YEAR;
    size_t n = d->host->format_number(buf, cap - 1, v, c->decimals, !percent);
    if (percent && isfinite(v) && n + 1 < cap) {
        buf[n] = '%';
        buf[n + 1] = '\0';
    }
}

/* A statistic's value: an amount in words ("USD 28.46 billion", with *
 * when the publisher did not print it) or a rate ("9.43%"). */
static int statistic_text(const ht_doc *d, char *buf, size_t cap, const mkp_table_row *r)
{
    if (r->number != MKP_NUMBER_AMOUNT) {
        d->host->format_percent(buf, cap, r->values[0] / 100.0, r->decimals);
        return 0;
    }
    d->host->format_money(d->job, buf, cap, r->values[0], r->decimals);
    mkp_value_class c = (mkp_value_class)r->classes[0];
    return !isnan(r->values[0]) && c != MKP_VALUE_PUBLISHED && c != MKP_VALUE_ACTUAL;
}

/* "Table 2: Title" with the number in a span of its own, by the host's
 * caption format ("%s: %s", "%s：%s"). */
void ht_caption(ht_doc *d, const char *number, const mkp_text *title)
{
    const char *fmt = ht_label(d, "caption"), *a = strstr(fmt, "%s"), *b = a ? strstr(a + 2, "%s") : NULL;
    if (!a || !b) { /* a host whose caption is not two strings */
        fmt = "%s: %s";
        a = fmt;
        b = fmt + 4;
    }
    ht_escape_n(d->out, fmt, (size_t)(a - fmt));
    ht_put(d->out, "<span class=\"caption-number\">");
    ht_escape(d->out, number);
    ht_put(d->out, "</span>");
    ht_escape_n(d->out, a + 2, (size_t)(b - a - 2));
    ht_put(d->out, "<span class=\"caption-title\"");
    ht_lang_attr(d, d->out, title);
    ht_put(d->out, ">");
    ht_escape(d->out, ht_text(d, title));
    ht_put(d->out, "</span>");
    ht_escape(d->out, b + 2);
}

static void open_table(ht_doc *d, const mkp_table *t, const char *cls)
{
    char number[64];
    snprintf(number, sizeof number, ht_label(d, "table"), t->number);
    /* a wide table scrolls on its own, and the keyboard can scroll it */
    ht_printf(d->out,
              "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"table-%d-c\" tabindex=\"0\">\n"
              "<table class=\"%s\" id=\"table-%d\">\n<caption id=\"table-%d-c\">",
              t->number, cls, t->number, t->number);
    ht_caption(d, number, t->title);
    ht_put(d->out, "</caption>\n");
}

static void notes(ht_doc *d, const mkp_table *t)
{
    ht_put(d->out, "</table>\n</div>\n");
    if (!t->n_notes)
        return;
    ht_put(d->out, "<div class=\"notes\">\n");
    for (size_t i = 0; i < t->n_notes; i++)
        ht_paragraph(d, MKP_AT(mkp_text, t->notes, MKP_STRIDE(d->m, text_size, mkp_text), i), NULL);
    ht_put(d->out, "</div>\n");
}

static void head_cell(ht_doc *d, const mkp_text *t, const char *cls)
{
    ht_printf(d->out, "<th scope=\"col\" class=\"%s\"", cls);
    ht_lang_attr(d, d->out, t);
    ht_put(d->out, ">");
    ht_escape(d->out, ht_text(d, t));
    ht_put(d->out, "</th>");
}

static void row_head(ht_doc *d, const mkp_table_row *r)
{
    ht_printf(d->out, "<th scope=\"row\"%s", r->level > 0 ? " class=\"sub\"" : "");
    ht_lang_attr(d, d->out, r->label);
    ht_put(d->out, ">");
    ht_escape(d->out, ht_text(d, r->label));
    ht_put(d->out, "</th>");
}

/* Key statistics: indicator, year (or years), value; the publisher's
 * CAGR only when it reads otherwise than the CAGR, as in the PDF. */
static void statistics(ht_doc *d, const mkp_table *t)
{
    open_table(d, t, "data statistics");
    ht_put(d->out, "<thead><tr>");
    head_cell(d, t->row_heading, "label");
    ht_put(d->out, "<th scope=\"col\" class=\"num\"");
    ht_label_lang(d, d->out);
    ht_put(d->out, ">");
    ht_escape(d->out, ht_label(d, "year"));
    ht_put(d->out, "</th>");
    head_cell(d, mkp_column_at(t, 0)->heading, "num");
    ht_put(d->out, "</tr></thead>\n<tbody>\n");
    char cagr[96] = "";
    for (size_t i = 0; i < t->n_rows; i++) {
        const mkp_table_row *r = mkp_row_at(t, i);
        char v[96], years[64];
        int star = statistic_text(d, v, sizeof v, r);
        if (strcmp(r->key, "cagr-published") == 0 && strcmp(v, cagr) == 0)
            continue;
        if (strcmp(r->key, "cagr") == 0)
            snprintf(cagr, sizeof cagr, "%s", v);
        if (r->year_from != r->year)
            snprintf(years, sizeof years, ht_label(d, "year-range"), r->year_from, r->year);
        else
            snprintf(years, sizeof years, "%d", r->year);
        ht_put(d->out, "<tr>");
        row_head(d, r);
        ht_printf(d->out, "<td class=\"num\">%s</td><td class=\"num\">", years);
        ht_escape(d->out, v);
        ht_put(d->out, star ? "<span class=\"mark\">*</span></td></tr>\n" : "</td></tr>\n");
    }
    ht_put(d->out, "</tbody>\n");
    notes(d, t);
}

static const char *row_class(const mkp_table_row *r)
{
    if (r->kind == MKP_ROW_TOTAL)
        return " class=\"total\"";
    if (r->flags & MKP_ROW_STRONG)
        return " class=\"strong\"";
    return r->kind == MKP_ROW_SUB_SEGMENT ? " class=\"sub\"" : "";
}

/* A dimension's segments, or the scenarios, by year with the CAGR and
 * share columns. */
static void series(ht_doc *d, const mkp_table *t)
{
    open_table(d, t, "data series");
    ht_put(d->out, "<thead><tr>");
    head_cell(d, t->row_heading, "label");
    for (size_t c = 0; c < t->n_columns; c++) {
        const mkp_table_column *col = mkp_column_at(t, c);
        head_cell(d, col->heading, col->kind == MKP_COLUMN_YEAR ? "num" : "num rate");
    }
    ht_put(d->out, "</tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < t->n_rows; i++) {
        const mkp_table_row *r = mkp_row_at(t, i);
        ht_printf(d->out, "<tr%s>", row_class(r));
        row_head(d, r);
        for (size_t c = 0; c < t->n_columns; c++) {
            const mkp_table_column *col = mkp_column_at(t, c);
            char v[96];
            cell_text(d, v, sizeof v, col, r->values[c]);
            ht_printf(d->out, "<td class=\"%s\">", col->kind == MKP_COLUMN_YEAR ? "num" : "num rate");
            ht_escape(d->out, v);
            ht_put(d->out, "</td>");
        }
        ht_put(d->out, "</tr>\n");
    }
    ht_put(d->out, "</tbody>\n");
    notes(d, t);
}

void ht_table(ht_doc *d, const mkp_table *t)
{
    ht_table_shown(d, t->number);
    if (t->kind == MKP_TABLE_STATISTICS)
        statistics(d, t);
    else
        series(d, t);
}

static const mkp_table_row *statistic(const mkp_table *t, const char *key)
{
    for (size_t i = 0; t && i < t->n_rows; i++)
        if (strcmp(mkp_row_at(t, i)->key, key) == 0)
            return mkp_row_at(t, i);
    return NULL;
}

/* The cover's headline figures: the base-year and forecast-year market
 * and the CAGR, from the key statistics. */
void ht_key_tiles(ht_doc *d)
{
    static const char *const keys[] = {"base-year", "forecast-year", "cagr"};
    const mkp_table *t = ht_table_by_id(d, "key-statistics", NULL);
    ht_put(d->out, "<div class=\"tiles\">\n");
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        const mkp_table_row *r = statistic(t, keys[k]);
        if (!r)
            continue;
        char v[96], label[160], years[64];
        int star = statistic_text(d, v, sizeof v, r);
        if (r->year_from != r->year) {
            snprintf(years, sizeof years, ht_label(d, "year-range"), r->year_from, r->year);
            snprintf(label, sizeof label, "%s %s", ht_text(d, r->label), years);
        } else {
            snprintf(label, sizeof label, "%s %d", ht_text(d, r->label), r->year);
        }
        ht_put(d->out, "<div class=\"tile\"><p class=\"tile-label\">");
        ht_escape(d->out, label);
        ht_put(d->out, "</p><p class=\"tile-value\">");
        ht_escape(d->out, v);
        ht_put(d->out, star ? "<span class=\"mark\">*</span></p></div>\n" : "</p></div>\n");
    }
    ht_put(d->out, "</div>\n");
}
