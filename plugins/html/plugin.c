/* plugin.c - the html plugin's descriptor, options and render(): the
 * whole report as one self-contained out/<id>.html, built in memory and
 * written in one write, checked up to the close. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"

static const mkp_host *host;

static const mkp_option options[] = {
    {"width", MKP_OPT_INT, "720",
     "width in points of the canvas each chart is laid out on (it is scaled to the page)", NULL, 400, 1600},
    {"typeface", MKP_OPT_CHOICE, "serif", "the body text: DejaVu Serif or DejaVu Sans (Chinese is always sans)",
     "serif|sans", 0, 0},
};

/* Whether the host's words are in the edition's language: a language it
 * has no words for gets English ones, and the page must say so. */
static const char *label_language(const mkp_job *job)
{
    if (strncmp(job->lang, "en", 2) == 0)
        return job->lang;
    return strcmp(host->label(job, "contents"), "Contents") == 0 ? "en" : job->lang;
}

static int write_file(const mkp_job *job, const ht_buf *b)
{
    FILE *f = fopen(job->output_path, "wb");
    if (!f) {
        host->diag(job, MKP_FAIL, "cannot create %s: %s", job->output_path, strerror(errno));
        return MKP_EIO;
    }
    errno = 0;
    int bad = fwrite(b->p, 1, b->len, f) != b->len;
    int e = errno;
    if (fclose(f) != 0 || bad) {
        e = errno ? errno : e;
        host->diag(job, MKP_FAIL, "cannot write %s: %s", job->output_path, strerror(e ? e : EIO));
        return MKP_EIO;
    }
    return MKP_OK;
}

static void release(ht_doc *d)
{
    for (size_t i = 0; i < d->n_toc; i++) {
        free(d->toc[i].anchor);
        free(d->toc[i].title);
        free(d->toc[i].lang);
    }
    free(d->toc);
    ht_free(&d->front);
    ht_free(&d->body);
    ht_theme_close(d);
    if (d->fonts)
        host->fonts_close(d->fonts);
}

static int render(const mkp_job *job)
{
    const mkp_model *m = job->model;
    if (!MKP_HAS(mkp_model, m, callouts)) {
        host->diag(job, MKP_FAIL, "this marketpress is older than ABI 1.2: no table contents");
        return MKP_ERROR;
    }
    ht_doc d = {0};
    d.job = job;
    d.host = host;
    d.m = m;
    d.lang = job->lang;
    d.label_lang = label_language(job);
    d.zh = strncmp(job->lang, "zh", 2) == 0;
    d.chart_width = (double)host->option_int(job, "width");
    if (ht_theme_open(&d) != 0) {
        release(&d);
        return MKP_ERROR; /* the logo cannot be read: the reason went to diag() */
    }
    /* the charts in the face of the headings and captions around them */
    d.fonts = host->fonts_open(job, d.theme->font_heading, d.theme->font_cjk);
    if (!d.fonts) {
        release(&d);
        return MKP_ERROR; /* the host said which font is missing */
    }
    ht_buf page = {0};
    int rc = ht_document(&d, &page);
    release(&d);
    if (rc != 0) {
        host->diag(job, MKP_FAIL, "out of memory building the page");
        ht_free(&page);
        return MKP_ERROR;
    }
    rc = write_file(job, &page);
    ht_free(&page);
    return rc;
}

MKP_DEFINE_PLUGIN(host, .name = "html", .version = "1.0.0",
                  .description = "the report as one self-contained HTML page with inline SVG charts",
                  .extension = "html", MKP_OPTIONS(options), .render = render);
