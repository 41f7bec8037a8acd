/* plugin.c - the pdf plugin's entry point: options, the document's memory,
 * and render(), which lays out the body, inserts the contents in front of
 * it, back-fills running heads and "Page X of Y", and saves.  The report's
 * structure is in report.c; docs/pdf-report.md describes the whole. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pdf.h"

static const mkp_host *host;

static const mkp_option options[] = {
    {"paper", MKP_OPT_CHOICE, "a4", "page size: A4 (595 x 842 pt) or US Letter (612 x 792 pt)", "a4|letter", 0, 0},
    {"typeface", MKP_OPT_CHOICE, "auto", "DejaVu Serif or Sans for the whole report; auto: Sans beside Chinese",
     "auto|serif|sans", 0, 0},
    {"font", MKP_OPT_STRING, "",
     "the Latin font family instead of the typeface's, as fontconfig names it (fc-list : family); TrueType only",
     NULL, 0, 0},
    {"cjk-font", MKP_OPT_STRING, "",
     "the font family for Chinese; empty: Droid Sans Fallback, else the best TrueType font for zh-cn", NULL, 0, 0},
    {"compress", MKP_OPT_CHOICE, "auto",
     "what is deflated: all streams (smallest file), or pages only (fonts stored as they are: faster, larger); "
     "auto: all for Chinese, whose font is large, pages otherwise",
     "auto|all|pages", 0, 0},
    {"hyphen-dict", MKP_OPT_STRING, "",
     "the hyphenation patterns for English (hyph_en_US.dic, as Debian's hyphen-en-us has them); empty: the one the build names, else the first in "
     "the usual folders",
     NULL, 0, 0},
};

/* ---- memory: everything hangs off the document and goes in one cleanup ---- */

struct ar_block {
    ar_block *next;
    size_t used, cap;
    _Alignas(16) char data[];
};

void *xrealloc(pdf_doc *d, void *p, size_t size)
{
    void *q = realloc(p, size ? size : 1);
    if (!q)
        longjmp(d->oom, 1);
    return q;
}

void *ar_alloc(pdf_doc *d, size_t size)
{
    size = (size + 15) & ~(size_t)15;
    ar_block *b = d->arena;
    if (!b || b->cap - b->used < size) {
        size_t cap = size > 65536 ? size : 65536;
        b = malloc(sizeof *b + cap);
        if (!b)
            longjmp(d->oom, 1);
        b->next = d->arena;
        b->used = 0;
        b->cap = cap;
        d->arena = b;
    }
    void *p = b->data + b->used;
    b->used += size;
    return memset(p, 0, size);
}

char *ar_strdup(pdf_doc *d, const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(ar_alloc(d, n), s, n);
}

char *ar_printf(pdf_doc *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = ar_alloc(d, n > 0 ? (size_t)n + 1 : 1);
    va_start(ap, fmt);
    if (n > 0)
        vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

const char *txt(const pdf_doc *d, const mkp_text *t)
{
    return d->host->text(t, d->lang);
}

const char *txt_short(pdf_doc *d, const mkp_text *t)
{
    return str_short(d, txt(d, t));
}

const char *str_short(pdf_doc *d, const char *s)
{
    size_t len = strlen(s), keep = 0;
    if (len <= SHORT_TEXT_MAX)
        return s;
    for (size_t i = 0; i < SHORT_TEXT_MAX;) {
        mkp_utf8_next(s, len, &i);
        if (i <= SHORT_TEXT_MAX)
            keep = i;
    }
    return ar_printf(d, "%.*s\xE2\x80\xA6", (int)keep, s);
}

/* ---- the document ------------------------------------------------------- */

static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void *user)
{
    pdf_doc *d = user;
    if (!d->err) {
        d->err = error;
        d->err_detail = detail;
    }
}

/* Whether libharu has failed, keeping its error in d->err.  Some of its
 * checks (a number out of range, a string too long) only record the error,
 * without calling on_error, and every later call then fails. */
int pdf_failed(pdf_doc *d)
{
    HPDF_STATUS pending = d->pdf ? HPDF_GetError(d->pdf) : HPDF_OK;
    if (!d->err && pending != HPDF_OK) {
        d->err = pending;
        d->err_detail = HPDF_GetErrorDetail(d->pdf);
    }
    return d->err != HPDF_OK;
}

/* The digits of market values in text and tables: those of the market
 * chart, which the model chose by its one rule (28.46 billion, 1,553
 * million); the same rule when there is no figure. */
static int value_decimals(const mkp_model *m)
{
    for (size_t i = 0; MKP_HAS(mkp_model, m, figures) && i < m->n_figures; i++)
        if (strcmp(m->figures[i].id, "market-size") == 0)
            return m->figures[i].decimals;
    double max = 0;
    for (int i = 0; i < m->n_years; i++)
        if (m->market->value[i] > max)
            max = m->market->value[i];
    return max < 100 ? 2 : max < 1000 ? 1 : 0;
}

/* Title, author, subject, keywords and dates.  The date is the edition's,
 * never the clock's, so that two renders are byte-identical. */
static void set_info(pdf_doc *d)
{
    const mkp_model *m = d->m;
    HPDF_SetInfoAttr(d->pdf, HPDF_INFO_TITLE, txt_short(d, &m->title));
    if (*txt(d, &m->publisher))
        HPDF_SetInfoAttr(d->pdf, HPDF_INFO_AUTHOR, txt_short(d, &m->publisher));
    /* A licensed copy's subject and keywords also say whose it is. */
    const char *subject = str_short(d, lc_subject(d, txt_short(d, &m->subtitle)));
    if (*subject)
        HPDF_SetInfoAttr(d->pdf, HPDF_INFO_SUBJECT, subject);
    size_t len = 1;
    for (size_t i = 0; i < m->n_keywords; i++)
        len += strlen(m->keywords[i]) + 2;
    char *k = ar_alloc(d, len), *o = k;
    for (size_t i = 0; i < m->n_keywords; i++)
        o += sprintf(o, "%s%s", i ? ", " : "", m->keywords[i]);
    const char *keywords = lc_keywords(d, k);
    if (*keywords)
        HPDF_SetInfoAttr(d->pdf, HPDF_INFO_KEYWORDS, str_short(d, keywords));
    HPDF_SetInfoAttr(d->pdf, HPDF_INFO_CREATOR, ar_printf(d, "marketpress %s (pdf plugin)", d->host->version));
    time_t t = (time_t)m->edition_epoch;
    struct tm tm;
    if (m->edition_epoch > 0 && gmtime_r(&t, &tm) && tm.tm_year + 1900 <= 9999) {
        HPDF_Date date = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, 'Z', 0, 0};
        HPDF_SetInfoDateAttr(d->pdf, HPDF_INFO_CREATION_DATE, date);
        HPDF_SetInfoDateAttr(d->pdf, HPDF_INFO_MOD_DATE, date);
    }
}

static void doc_free(pdf_doc *d)
{
    if (d->pdf)
        HPDF_Free(d->pdf);
    pf_close(d);
    br_hyph_close(d->hyph);
    tx_free(&d->para);
    tx_free(&d->cell);
    nav_free(d);
    free(d->main.v);
    free(d->front.v);
    free(d->tmp);
    while (d->arena) {
        ar_block *next = d->arena->next;
        free(d->arena);
        d->arena = next;
    }
    free(d);
}

/* Writes the saved document out.  libharu's own file writer neither checks
 * the close (where a full disk often shows) nor says why a write failed:
 * the document is saved into libharu's memory stream and written here.
 * Returns 0 or an errno. */
static int save(pdf_doc *d, const char *path)
{
    HPDF_UINT32 size = HPDF_GetStreamSize(d->pdf);
    unsigned char *buf = xrealloc(d, NULL, size ? size : 1);
    HPDF_UINT32 got = size;
    if (HPDF_ReadFromStream(d->pdf, buf, &got) != HPDF_OK && !(got == size && d->err == HPDF_STREAM_EOF)) {
        free(buf);
        return EIO;
    }
    FILE *f = fopen(path, "wb");
    int err = f ? 0 : errno ? errno : EIO;
    if (f) {
        errno = 0;
        if (fwrite(buf, 1, got, f) != got)
            err = errno ? errno : EIO;
        if (fclose(f) != 0 && !err)
            err = errno ? errno : EIO;
    }
    free(buf);
    return err;
}

/* The document's settings, fonts and first state, before any page. */
static int doc_start(pdf_doc *d)
{
    const mkp_job *job = d->job;
    th_setup(d);
    if (pf_open(d) != 0)
        return -1;
    d->pdf = HPDF_New(on_error, d);
    if (!d->pdf) {
        host->diag(job, MKP_FAIL, "libharu could not start a document");
        return -1;
    }
    /* libharu deflates each font file in small steps: for a report in
     * DejaVu only, storing the fonts as they are halves the time spent
     * saving and the file stays near 0.5 MB; Droid Sans Fallback would
     * take it past 1 MB. */
    const char *compress = d->host->option(job, "compress");
    int all = compress && (strcmp(compress, "all") == 0 || (strcmp(compress, "auto") == 0 && d->zh));
    HPDF_SetCompressionMode(d->pdf, all ? HPDF_COMP_ALL : HPDF_COMP_TEXT | HPDF_COMP_IMAGE);
    HPDF_UseUTFEncodings(d->pdf);
    HPDF_SetCurrentEncoder(d->pdf, "UTF-8");
    d->utf8 = HPDF_GetEncoder(d->pdf, "UTF-8");
    if (th_logo_load(d) != 0)
        return -1;
    d->decimals = value_decimals(d->m);
    d->unit_label = lb_unit(d);
    lc_init(d);
    set_info(d);
    pg_setup(d, d->host->option(job, "paper"));
    nav_init(d);
    return 0;
}

/* Every page, the front matter last, then the running heads and feet and
 * what lies over the pages. */
static void lay_out(pdf_doc *d)
{
    rp_cover(d);
    if (d->pass == PASS_SAMPLE) {
        sm_body(d);
        sm_lists(d);
    } else {
        rp_body(d);
        rp_back(d);
    }
    nav_front(d);
    if (d->pass == PASS_MEASURE)
        return;
    pg_decorate(d);
    sl_watermark(d);
    HPDF_SetPageMode(d->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
    pf_complete_subsets(d);
}

/* Saves the laid-out document to job->output_path. */
static int finish(pdf_doc *d)
{
    const mkp_job *job = d->job;
    int rc = MKP_OK;
    if (pdf_failed(d)) {
        host->diag(job, MKP_FAIL, "libharu error 0x%04X (detail %u) while laying out the report", (unsigned)d->err,
                   (unsigned)d->err_detail);
        rc = MKP_ERROR;
    } else if (sl_protect(d) != 0) {
        rc = MKP_ERROR;
    } else if (HPDF_SaveToStream(d->pdf) != HPDF_OK || d->err) {
        host->diag(job, MKP_FAIL, "libharu error 0x%04X (detail %u) while saving the report", (unsigned)d->err,
                   (unsigned)d->err_detail);
        rc = MKP_ERROR;
    } else {
        int err = save(d, job->output_path);
        if (err) {
            host->diag(job, MKP_FAIL, "cannot write %s: %s", job->output_path, strerror(err));
            rc = MKP_EIO;
        }
    }
    sl_done();
    return rc;
}

/* One layout of the report (PASS_*): saved, or for PASS_MEASURE its
 * contents kept in `plan`. */
static int run(const mkp_job *job, int pass, sm_plan *plan)
{
    pdf_doc *d = calloc(1, sizeof *d);
    if (!d) {
        host->diag(job, MKP_FAIL, "out of memory");
        return MKP_ERROR;
    }
    d->job = job;
    d->host = job->host ? job->host : host;
    d->m = job->model;
    d->lang = job->lang ? job->lang : "en";
    d->zh = strncmp(d->lang, "zh", 2) == 0;
    d->pass = pass;
    d->plan = plan;
    const char *face = d->host->option(job, "typeface");
    /* Droid Sans Fallback is a sans (hei) design: Latin text beside it
     * looks of a piece in DejaVu Sans. */
    d->sans = face && (strcmp(face, "sans") == 0 || (strcmp(face, "auto") == 0 && d->zh));
    d->typeface = face && strcmp(face, "auto") != 0;
    d->font = d->host->option(job, "font");
    d->cjk_font = d->host->option(job, "cjk-font");
    int jumped = setjmp(d->oom);
    if (jumped) {
        if (jumped == PDF_JMP_HPDF)
            host->diag(job, MKP_FAIL, "libharu error 0x%04X (detail %u) while laying out the report",
                       (unsigned)d->err, (unsigned)d->err_detail);
        else
            host->diag(job, MKP_FAIL, "out of memory");
        sl_done();
        doc_free(d);
        return MKP_ERROR;
    }
    if (doc_start(d) != 0) {
        doc_free(d);
        return MKP_ERROR;
    }
    lay_out(d);
    int rc = MKP_OK;
    if (pass == PASS_MEASURE)
        sm_keep(d);
    else
        rc = finish(d);
    doc_free(d);
    return rc;
}

/* The report; a sample edition is laid out twice, the full edition first
 * for the page numbers its contents lists. */
static int render(const mkp_job *job)
{
    if (!sm_is_sample(job))
        return run(job, PASS_FULL, NULL);
    sm_plan plan = {NULL, 0};
    int rc = run(job, PASS_MEASURE, &plan);
    if (rc == MKP_OK)
        rc = run(job, PASS_SAMPLE, &plan);
    sm_plan_free(&plan);
    return rc;
}

/* The descriptor and the one exported symbol, which keeps the host's table
 * in `host` (plugin.h shows what the macro stands for). */
MKP_DEFINE_PLUGIN(host, .name = "pdf", .version = "1.0.0",
                  .description = "client-ready PDF report: cover, contents, tables, vector charts, bookmarks (libharu)",
                  .extension = "pdf", .flags = 0, MKP_OPTIONS(options), .render = render);
