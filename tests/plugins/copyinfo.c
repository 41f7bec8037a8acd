/* copyinfo.c - writes out what the host tells a plugin of the house style
 * and of the copy (ABI 1.3), one "key: value" line each, so that
 * tests/e2e/themes.sh reads the host's side with no renderer in between. */
#include <stdio.h>

#include "common.h"

static const mkp_host *host;

static void color(FILE *f, const char *key, mkp_color c)
{
    fprintf(f, "%s: #%02X%02X%02X\n", key, c.r, c.g, c.b);
}

static void theme_lines(FILE *f, const mkp_job *job)
{
    const mkp_model *m = job->model;
    const mkp_theme *t = m->theme;
    fprintf(f, "theme: %s\nlogo: %s %d %dx%d\ncover: %d\n", t->name, *t->logo ? "yes" : "none", (int)t->logo_format,
            t->logo_width, t->logo_height, (int)t->cover);
    fprintf(f, "fonts: %s|%s|%s\n", t->font_body, t->font_heading, t->font_cjk);
    fprintf(f, "footer: %s\norder: %s\n", host->text(&t->footer, job->lang), host->text(&t->order, job->lang));
    fprintf(f, "publisher: %s\ncontact: %s %s\n", host->text(&m->publisher, job->lang), m->contact_email,
            m->contact_web);
    color(f, "primary", t->primary);
    color(f, "header-fill", t->header_fill);
    for (size_t i = 0; i < 10; i++) {
        char key[32];
        snprintf(key, sizeof key, "series %zu", i + 1);
        color(f, key, host->series_color(job, i));
    }
}

static int render(const mkp_job *job)
{
    if (!MKP_HAS(mkp_host, host, in_sample) || !MKP_HAS(mkp_job, job, copy) || !MKP_HAS(mkp_model, job->model, theme))
        return MKP_EMODEL;
    FILE *f = fopen(job->output_path, "w");
    if (!f)
        return MKP_EIO;
    const mkp_copy *c = job->copy;
    char line[512];
    size_t whole = host->licence_line(job, line, sizeof line);
    char small[8];
    size_t counted = host->licence_line(job, small, sizeof small);
    fprintf(f, "licence line: %s\nedition: %d\nlicensee: %s\nslug: %s\nwatermark: %s\n", line, (int)c->edition,
            c->licensee, c->slug, c->watermark);
    fprintf(f, "licence length: %zu, in 8 bytes: %zu '%s'\n", whole, counted, small);
    fprintf(f, "protect: %d print %d copy %d modify %d owner %s open %s\n", c->protect, c->allow_print, c->allow_copy,
            c->allow_modify, c->owner_password, c->open_password);
    fprintf(f, "sample figures:");
    for (size_t i = 0; i < job->model->n_figures; i++) {
        const mkp_figure *fig = mkp_figure_at(job->model, i);
        if (host->in_sample(job, fig->number))
            fprintf(f, " %d", fig->number);
    }
    fprintf(f, "\n");
    theme_lines(f, job);
    return fclose(f) == 0 ? MKP_OK : MKP_EIO;
}

MKP_DEFINE_PLUGIN(host, TEST_FIELDS("copyinfo", render), .min_host_minor = 3);
