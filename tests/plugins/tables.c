/* tables.c - a good third-party plugin that prints every numbered table
 * from host->table alone, formatted as the host's functions format
 * numbers, so that tests/e2e/tables.sh can hold its numbers against the
 * PDF's.  One line per row: "T<number>\t<cell>\t<cell>...", the cells of a
 * statistics row being its years and its value.  A first line says which
 * language the host's texts are shown in (text_lang). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "common.h"

static const mkp_host *host;

static void cell(const mkp_job *job, char *buf, size_t cap, const mkp_table_column *c, const mkp_table_row *r,
                 double v)
{
    if (c->kind == MKP_COLUMN_STATISTIC) {
        if (r->number == MKP_NUMBER_AMOUNT)
            host->format_money(job, buf, cap, v, r->decimals);
        else
            host->format_percent(buf, cap, v / 100.0, r->decimals);
        return;
    }
    if (isnan(v)) {
        buf[0] = '\0';
        return;
    }
    if (c->kind == MKP_COLUMN_YEAR) {
        host->format_number(buf, cap, v, c->decimals, 1);
        return;
    }
    size_t n = host->format_number(buf, cap - 1, v, c->decimals, 0);
    if (isfinite(v))
        strcpy(buf + n, "%");
}

static void table(FILE *f, const mkp_job *job, const mkp_table *t)
{
    for (size_t i = 0; i < t->n_rows; i++) {
        const mkp_table_row *r = mkp_row_at(t, i);
        fprintf(f, "T%d", t->number);
        if (r->kind == MKP_ROW_STATISTIC && r->year_from != r->year) {
            char range[64];
            snprintf(range, sizeof range, host->label(job, "year-range"), r->year_from, r->year);
            fprintf(f, "\t%s", range);
        } else if (r->kind == MKP_ROW_STATISTIC)
            fprintf(f, "\t%d", r->year);
        for (size_t c = 0; c < t->n_columns; c++) {
            char b[96];
            cell(job, b, sizeof b, mkp_column_at(t, c), r, r->values[c]);
            if (*b)
                fprintf(f, "\t%s", b);
        }
        fputc('\n', f);
    }
}

static int render(const mkp_job *job)
{
    const mkp_model *m = job->model;
    if (!MKP_HAS(mkp_host, host, table) || !MKP_HAS(mkp_model, m, callouts))
        return MKP_ERROR;
    FILE *f = fopen(job->output_path, "w");
    if (!f)
        return MKP_EIO;
    fprintf(f, "lang title=%s subtitle=%s callout=%s:%s\n", host->text_lang(&m->title, job->lang),
            host->text_lang(&m->subtitle, job->lang), host->text_lang(&m->callouts[0], job->lang),
            host->text(&m->callouts[0], job->lang));
    for (size_t i = 0; i < m->n_tables; i++) {
        const mkp_table *t = host->table(job, mkp_table_ref_at(m, i)->number);
        if (t)
            table(f, job, t);
    }
    return host->table(job, 0) == NULL && fclose(f) == 0 ? MKP_OK : MKP_EIO;
}

MKP_DEFINE_PLUGIN(host, TEST_FIELDS("tables", render));
