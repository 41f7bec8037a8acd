/* style.c - the house style and the copy as the workbook shows them: the
 * theme's colours and font (on a host older than themes, the look the
 * workbook always had), the logo in the printed header and the theme's
 * footer and licence line in the printed footer, the licence among the
 * custom document properties, the sheets with formulas locked for a
 * protected copy, and the figures a sample edition keeps. */
#include <string.h>

#include "xlsx.h"

#define HF_MAX 250                  /* Excel holds 255 characters per header or footer */
#define HF_SIZE "&8"                /* the theme's footer and the licence line, in 8 points */
#define FONT_SCALE 1.25             /* DejaVu's digits against Calibri's: 0.64 em to 0.51 */

/* The palette of a host without themes: Okabe-Ito, then black and grey. */
static const lxw_color_t old_palette[] = {0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7, 0x56B4E9,
                                          0xD55E00, 0xF0E442, 0x000000, 0x999999};

/* libxlsxwriter reads 0 as "no colour": black is a colour of its own. */
static lxw_color_t rgb(mkp_color c)
{
    lxw_color_t v = (lxw_color_t)c.r << 16 | (lxw_color_t)c.g << 8 | c.b;
    return v ? v : LXW_COLOR_BLACK;
}

/* The host's ABI 1.3 functions, when it has them. */
static int has_copy_functions(void)
{
    return MKP_HAS(mkp_host, host, in_sample) && host->licence_line && host->series_color && host->in_sample;
}

/* The theme, the copy, the licence line and the font, before any sheet. */
void st_init(book *b)
{
    b->theme = MKP_HAS(mkp_model, b->m, theme) ? b->m->theme : NULL;
    b->copy = MKP_HAS(mkp_job, b->job, copy) ? b->job->copy : NULL;
    b->sample = b->copy && b->copy->edition == MKP_EDITION_SAMPLE && has_copy_functions();
    b->protect = b->copy && b->copy->protect && !b->copy->allow_modify;
    b->licence[0] = '\0';
    if (has_copy_functions())
        host->licence_line(b->job, b->licence, sizeof b->licence);
    /* A Chinese workbook is set in the theme's CJK font when it names one:
     * a cell has one font, and that one has the Latin letters too. */
    const mkp_theme *t = b->theme;
    const char *font = !t ? NULL : b->zh && t->font_cjk && *t->font_cjk ? t->font_cjk : t->font_body;
    b->font = font && *font ? font : NULL;
    b->font_scale = b->font ? FONT_SCALE : 1.0;
    lg_make(b);
}

static const mkp_color *theme_color(const book *b, int which)
{
    const mkp_theme *t = b->theme;
    if (!t)
        return NULL;
    switch (which) {
    case ST_PRIMARY: return &t->primary;
    case ST_MUTED: return &t->muted;
    case ST_HEAD_FILL: return &t->header_fill;
    case ST_HEAD_INK: return &t->header_ink;
    case ST_ZEBRA: return &t->zebra;
    }
    return NULL;
}

/* Whether colour `which` is set: a theme's when it is not transparent;
 * without a theme, only the header fill and the notes' grey. */
int st_has(const book *b, int which)
{
    const mkp_color *c = theme_color(b, which);
    if (b->theme)
        return c && c->a != 0;
    return which == ST_HEAD_FILL || which == ST_MUTED;
}

lxw_color_t st_color(const book *b, int which)
{
    const mkp_color *c = theme_color(b, which);
    if (c && c->a)
        return rgb(*c);
    return which == ST_HEAD_FILL ? 0xD9E1F2 : which == ST_MUTED ? 0x595959 : LXW_COLOR_BLACK;
}

/* Chart series i in the colour the chart engine gives it everywhere else. */
lxw_color_t st_series(const book *b, size_t i)
{
    if (b->theme && has_copy_functions())
        return rgb(host->series_color(b->job, i));
    return old_palette[i % (sizeof old_palette / sizeof old_palette[0])];
}

lxw_color_t st_value_class(const book *b, mkp_value_class c)
{
    if (b->theme && (unsigned)c < MKP_VALUE_CLASSES && b->theme->values[c].a)
        return rgb(b->theme->values[c]);
    return rgb(mkp_value_class_color(c));
}

/* The sample edition keeps the figures the host puts in the sample that
 * sit on Summary, the one sheet of tables it keeps. */
int st_keeps(const book *b, const mkp_figure *f)
{
    if (!b->sample)
        return 1;
    if ((f->dimension && *f->dimension) || strcmp(f->id, "scenario-comparison") == 0)
        return 0;
    return host->in_sample(b->job, f->number);
}

/* ---- the printed header and footer -------------------------------------- */

/* Code points of a UTF-8 string. */
static size_t points(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* Appends one section of a header or footer: `code` ("&L", "&R"), the
 * size, then `s` with every '&' doubled (a single one starts a code), cut
 * at a character when *left code points run out.  Nothing for "". */
static size_t hf_section(char *out, size_t cap, size_t o, const char *code, const char *s, size_t *left)
{
    const unsigned char *p = (const unsigned char *)s;
    if (!*p || *left < 8 || o + 8 > cap)
        return o;
    /* a digit right after the size would be read as part of it */
    o = tx_cat(out, cap, o, "%s%s%s", code, HF_SIZE, *p >= '0' && *p <= '9' ? " " : "");
    *left -= 5;
    while (*p) {
        size_t n = 1;
        while ((p[n] & 0xC0) == 0x80)
            n++;
        size_t wide = *p == '&' ? 2 : 1;
        if (wide > *left || o + n + wide > cap - 1)
            break;
        if (*p == '&')
            out[o++] = '&';
        memcpy(out + o, p, n);
        o += n;
        p += n;
        *left -= wide;
    }
    out[o] = '\0';
    return o;
}

/* The logo at the left of the header, with the top margin it needs. */
static void hf_logo(book *b, sheet *sh)
{
    if (!b->logo)
        return;
    lxw_header_footer_options o = {.margin = ST_HEADER_MARGIN, .image_left = b->logo};
    note_err(b, worksheet_set_header_opt(sh->ws, "&L&[Picture]", &o));
}

/* The footer: the theme's footer line at the left, the page number in
 * the middle and the licence line at the right, in Excel's 255
 * characters; the page number alone for a copy without either. */
void st_header_footer(book *b, sheet *sh)
{
    const char *page = lb(b, L_PAGE);
    const char *foot = b->theme ? tx_xml(b, tx(b, &b->theme->footer)) : "";
    const char *lic = tx_xml(b, b->licence);
    hf_logo(b, sh);
    if (!*foot && !*lic) {
        note_err(b, worksheet_set_footer(sh->ws, page));
        return;
    }
    /* The licence line gets half the room at least, and what the footer
     * line leaves of its half. */
    char buf[1024];
    size_t used = points(page), left = used < HF_MAX ? HF_MAX - used : 0;
    size_t share = *lic ? left / 2 : left, spare = share;
    size_t o = hf_section(buf, sizeof buf, 0, "&L", foot, &spare);
    left -= share - spare;
    o = tx_cat(buf, sizeof buf, o, "%s", page);
    hf_section(buf, sizeof buf, o, "&R", lic, &left);
    note_err(b, worksheet_set_footer(sh->ws, buf));
}

/* ---- properties and protection ------------------------------------------ */

static void custom(book *b, const char *name, const char *value)
{
    if (value && *value)
        note_err(b, workbook_set_custom_property_string(b->wb, name, (char *)tx_xml(b, value)));
}

/* Whom the copy is licensed to, in custom properties that scripts and
 * document managers read in every language: "Edition" is "full" or
 * "sample", "Seats" a number or "site". */
void st_properties(book *b)
{
    const mkp_copy *c = b->copy;
    if (!c || (!b->sample && !*b->licence))
        return;
    char seats[32] = "";
    if (c->seats > 0)
        tx_cat(seats, sizeof seats, 0, "%d", c->seats);
    else if (c->seats < 0)
        tx_cat(seats, sizeof seats, 0, "site");
    if (*b->licence) {
        custom(b, "Licensee", c->licensee);
        custom(b, "Licence", c->licence_id);
        custom(b, "Seats", seats);
        custom(b, "Licence date", c->licence_date);
    }
    custom(b, "Edition", b->sample ? "sample" : "full");
}

/* A protected copy locks the sheets whose cells are formulas (Summary, the
 * dimensions, Scenarios, Chart data) with the owner's password: their cells
 * can be selected and copied, columns and rows widened, nothing changed.
 * Data, the long table that is there to be filtered and pivoted, and the
 * Notes stay open.  A copy that allows changes is not protected. */
void st_protect(book *b)
{
    if (!b->protect)
        return;
    lxw_protection o = {.format_columns = 1, .format_rows = 1};
    const char *pw = b->copy->owner_password && *b->copy->owner_password ? b->copy->owner_password : NULL;
    sheet *locked[] = {&b->summary, &b->scenarios, &b->chart_data};
    for (size_t i = 0; i < sizeof locked / sizeof locked[0]; i++)
        if (locked[i]->ws)
            worksheet_protect(locked[i]->ws, pw, &o);
    for (size_t d = 0; b->dims && d < b->m->n_dimensions; d++)
        if (b->dims[d].ws)
            worksheet_protect(b->dims[d].ws, pw, &o);
}
