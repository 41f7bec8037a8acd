/* table.c - the function table handed to every plugin, and option checks. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "chart/fonts.h"
#include "chart/layout.h"
#include "host/host.h"
#include "model/format.h"

/* The plugin's declaration of option `name`, or NULL. */
static const mkp_option *declared(const mkp_job *job, const char *name)
{
    const job_spec *js = job->host_data;
    const mkp_plugin *p = js->plugin->desc;
    const mkp_option *decl = NULL;
    for (size_t i = 0; name && i < p->n_options; i++)
        if (strcmp(p->options[i].name, name) == 0)
            decl = &p->options[i];
    return decl;
}

static const char *host_option(const mkp_job *job, const char *name)
{
    const job_spec *js = job->host_data;
    const mkp_plugin *p = js->plugin->desc;
    const mkp_option *decl = declared(job, name);
    if (!decl)
        return NULL;
    for (size_t i = js->n_opts; i-- > 0;)
        if (strcmp(js->opts[i].plugin, p->name) == 0 && strcmp(js->opts[i].key, name) == 0)
            return js->opts[i].value;
    return decl->default_value ? decl->default_value : "";
}

/* One line per message, written whole (see say()).  Plugins name the path
 * they were given, which is a temporary one: the line names the output's
 * final place instead, which is what the user knows. */
static void host_diag(const mkp_job *job, mkp_level level, const char *fmt, ...)
{
    job_spec *js = job->host_data;
    static const char *const names[] = {"note", "warning", "error"};
    if (level == MKP_FAIL)
        js->explained = 1;
    else if (diag_verbosity < VERBOSITY_NORMAL)
        return; /* -q: a plugin's notes and warnings are not errors */
    /* On the stack: a job short of memory can still say why it failed. */
    char msg[2048], line[4096];
    va_list ap;
    va_start(ap, fmt);
    if (vsnprintf(msg, sizeof msg, fmt, ap) < 0)
        msg[0] = '\0';
    va_end(ap);
    size_t o = 0, tl = js->tmp_out ? strlen(js->tmp_out) : 0, fl = js->final_path ? strlen(js->final_path) : 0;
    for (const char *s = msg; *s && o < sizeof line - 1;) {
        if (tl && fl && strncmp(s, js->tmp_out, tl) == 0 && o + fl < sizeof line - 1) {
            memcpy(line + o, js->final_path, fl);
            o += fl;
            s += tl;
            continue;
        }
        line[o++] = *s == '\n' || *s == '\r' ? ' ' : *s;
        s++;
    }
    line[o] = '\0';
    say("marketpress: %s: %s: %s: %s", js->plugin->desc->name, job->model->id,
        names[level >= MKP_NOTE && level <= MKP_FAIL ? level : MKP_FAIL], line);
}

static int parse_bool(const char *v)
{
    static const char *const t[] = {"true", "yes", "on", "1"}, *const f[] = {"false", "no", "off", "0"};
    for (size_t i = 0; i < 4; i++) {
        if (strcmp(v, t[i]) == 0)
            return 1;
        if (strcmp(v, f[i]) == 0)
            return 0;
    }
    return -1;
}

static int host_option_bool(const mkp_job *job, const char *name)
{
    const char *v = host_option(job, name);
    return v && parse_bool(v) == 1;
}

/* ABI 1.1: the words, unit and amounts of the job's language, from the
 * table the chart layout and the model's figure titles use too. */
static const char *host_label(const mkp_job *job, const char *key)
{
    const char *l = fmt_label(job->lang, key);
    return l ? l : key ? key : "";
}

static size_t host_format_unit(const mkp_job *job, char *buf, size_t cap)
{
    return fmt_unit(buf, cap, job->lang, job->model->currency, job->model->unit);
}

static size_t host_format_money(const mkp_job *job, char *buf, size_t cap, double v, int decimals)
{
    return fmt_money(buf, cap, job->lang, job->model->currency, job->model->unit, v, decimals);
}

static int host_value_decimals(const double *values, size_t n, mkp_number_kind kind)
{
    return values ? fmt_decimals(values, n, (int)kind, 1) : 0;
}

/* ABI 1.2: the content of Table `number`, built with the model. */
static const mkp_table *host_table_of(const mkp_job *job, int number)
{
    const mkp_model *m = job->model;
    for (size_t i = 0; m->table_data && i < m->n_tables; i++)
        if (m->table_data[i].number == number)
            return &m->table_data[i];
    return NULL;
}

/* A number option's value, by the same check the command line's -O went
 * through (option_check): only a default could still break it, and reads
 * as 0 then, as does a name not declared or of another type. */
static double option_value(const mkp_job *job, const char *name, int want_int)
{
    const mkp_option *decl = declared(job, name);
    if (!decl || !(decl->type == MKP_OPT_INT || (!want_int && decl->type == MKP_OPT_NUMBER)))
        return 0;
    const char *v = host_option(job, name);
    return v && !option_check(decl, v) ? strtod(v, NULL) : 0;
}

static long long host_option_int(const mkp_job *job, const char *name)
{
    double v = option_value(job, name, 1);
    /* a declaration without a range lets any whole number through */
    return v >= 9.2e18 ? LLONG_MAX : v <= -9.2e18 ? LLONG_MIN : (long long)v;
}

static double host_option_number(const mkp_job *job, const char *name)
{
    return option_value(job, name, 0);
}

/* ---- ABI 1.3: editions and the house style ---- */

const mkp_copy host_unlicensed = {.size = sizeof(mkp_copy), .edition = MKP_EDITION_FULL, .licensee = "",
                                  .licence_id = "", .licence_date = "", .watermark = "", .owner_password = "",
                                  .open_password = "", .slug = ""};

static const mkp_copy *copy_of(const mkp_job *job)
{
    return MKP_HAS(mkp_job, job, copy) && job->copy ? job->copy : &host_unlicensed;
}

static size_t host_licence_line(const mkp_job *job, char *buf, size_t cap)
{
    const mkp_copy *c = copy_of(job);
    if (!cap)
        return 0;
    buf[0] = '\0';
    if (!c->licensee || !*c->licensee)
        return 0;
    int zh = strncmp(job->lang, "zh", 2) == 0;
    const char *sep = zh ? "\xEF\xBC\x8C" : ", "; /* a full-width comma in Chinese */
    strbuf b = {0};
    sb_printf(&b, host_label(job, "licence-line"), c->licensee);
    if (c->licence_id && *c->licence_id) {
        sb_printf(&b, "%s", sep);
        sb_printf(&b, host_label(job, "licence-id"), c->licence_id);
    }
    if (c->seats) {
        sb_printf(&b, "%s", sep);
        if (c->seats == 1)
            sb_printf(&b, "%s", host_label(job, "seats-single"));
        else if (c->seats < 0)
            sb_printf(&b, "%s", host_label(job, "seats-site"));
        else
            sb_printf(&b, host_label(job, "seats-n"), c->seats);
    }
    /* as snprintf counts: the whole line's length, however much of it fitted */
    size_t n = b.len;
    snprintf(buf, cap, "%s", b.s ? b.s : "");
    free(b.s);
    return n;
}

static mkp_color host_series_color(const mkp_job *job, size_t i)
{
    const mkp_model *m = job->model;
    return chart_theme_color(MKP_HAS(mkp_model, m, theme) ? m->theme : NULL, i);
}

static int host_in_sample(const mkp_job *job, int number)
{
    const mkp_model *m = job->model;
    if (copy_of(job)->edition != MKP_EDITION_SAMPLE)
        return 1;
    /* The first figure of each chapter: of the market, then of each
     * dimension, in the order of the figure list. */
    for (size_t i = 0; i < m->n_figures; i++) {
        const mkp_figure *f = mkp_figure_at(m, i);
        if (f->number != number)
            continue;
        for (size_t k = 0; k < i; k++)
            if (strcmp(mkp_figure_at(m, k)->dimension, f->dimension) == 0)
                return 0;
        return 1;
    }
    return 0;
}

const mkp_host host_table = {
    .size = sizeof(mkp_host),
    .abi_major = MKP_ABI_MAJOR,
    .abi_minor = MKP_ABI_MINOR,
    .version = MKP_VERSION,
    .text = fmt_text,
    .format_number = fmt_number,
    .format_percent = fmt_percent,
    .round_shares = fmt_round_shares,
    .option = host_option,
    .diag = host_diag,
    .chart_layout = chart_layout,
    .scene_free = chart_scene_free,
    .option_bool = host_option_bool,
    .label = host_label,
    .format_unit = host_format_unit,
    .format_money = host_format_money,
    .value_decimals = host_value_decimals,
    .chart_reference = chart_reference,
    .table = host_table_of,
    .text_lang = fmt_text_lang,
    .option_int = host_option_int,
    .option_number = host_option_number,
    .fonts_open = chart_fonts_open,
    .fonts_close = chart_fonts_close,
    .measure = chart_fonts_measure,
    .text_glyphs = chart_fonts_glyphs,
    .font_file = chart_fonts_file,
    .scene_svg = chart_scene_svg,
    .svg_free = chart_svg_free,
    .licence_line = host_licence_line,
    .series_color = host_series_color,
    .in_sample = host_in_sample,
};


const char *option_check(const mkp_option *o, const char *v)
{
    char *end;
    switch (o->type) {
    case MKP_OPT_BOOL:
        return parse_bool(v) < 0 ? "must be true or false" : NULL;
    case MKP_OPT_INT:
    case MKP_OPT_NUMBER: {
        errno = 0;
        double d = strtod(v, &end);
        if (!*v || *end || errno || !isfinite(d))
            return o->type == MKP_OPT_INT ? "must be a whole number" : "must be a number";
        if (o->type == MKP_OPT_INT && d != floor(d))
            return "must be a whole number";
        if ((o->min < o->max) && (d < o->min || d > o->max))
            return "is out of range";
        return NULL;
    }
    case MKP_OPT_CHOICE: {
        const char *c = o->choices ? o->choices : "";
        size_t len = strlen(v);
        while (*c) {
            const char *bar = strchr(c, '|');
            size_t n = bar ? (size_t)(bar - c) : strlen(c);
            if (n == len && strncmp(c, v, n) == 0)
                return NULL;
            c += n + (bar != NULL);
        }
        return "is not one of the choices";
    }
    case MKP_OPT_STRING:
        return NULL;
    }
    return "has an unknown type";
}
