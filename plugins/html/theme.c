/* theme.c - the house style on the page: the theme's colours written
 * into the stylesheet with the tints the page derives from them, its
 * font families at the head of the font stacks, and its logo as a data:
 * URI (the file's bytes in base64, read once per page).  A host older
 * than ABI 1.3 has no theme and no copy: the page then has the built-in
 * default, whose colours are the ones this plugin always drew with. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"

static const mkp_color okabe_ito[] = {{0, 114, 178, 255},  {230, 159, 0, 255}, {0, 158, 115, 255},
                                      {204, 121, 167, 255}, {86, 180, 233, 255}, {213, 94, 0, 255},
                                      {120, 120, 120, 255}, {240, 228, 66, 255}};

static const mkp_theme default_theme = {
    .size = sizeof(mkp_theme),
    .name = "default",
    .source_file = "",
    .logo = "",
    .n_series = sizeof okabe_ito / sizeof okabe_ito[0],
    .series = okabe_ito,
    .values = {{0, 114, 178, 255}, {110, 110, 110, 255}, {230, 159, 0, 255}, {86, 180, 233, 255}, {213, 94, 0, 255}},
    .primary = {0x1f, 0x3a, 0x5f, 255},
    .accent = {0x2f, 0x7f, 0xb5, 255},
    .on_primary = {0xff, 0xff, 0xff, 255},
    .ink = {0x1e, 0x24, 0x30, 255},
    .muted = {0x5c, 0x67, 0x73, 255},
    .rule = {0xb7, 0xc0, 0xca, 255},
    .header_fill = {0x1f, 0x3a, 0x5f, 255},
    .header_ink = {0xff, 0xff, 0xff, 255},
    .zebra = {0xee, 0xf2, 0xf6, 255},
    .font_body = "",
    .font_heading = "",
    .font_cjk = "",
    .cover = MKP_COVER_BAND,
};

static const mkp_copy default_copy = {
    .size = sizeof(mkp_copy),
    .edition = MKP_EDITION_FULL,
    .licensee = "",
    .licence_id = "",
    .licence_date = "",
    .watermark = "",
    .owner_password = "",
    .open_password = "",
    .slug = "",
};

static const mkp_color white = {255, 255, 255, 255};

/* "#1f3a5f", or "#fff" where each byte is one digit twice, as the
 * stylesheet always wrote its colours. */
void ht_color(ht_buf *b, mkp_color c)
{
    if (c.r % 17 == 0 && c.g % 17 == 0 && c.b % 17 == 0)
        ht_printf(b, "#%x%x%x", c.r / 17, c.g / 17, c.b / 17);
    else
        ht_printf(b, "#%02x%02x%02x", c.r, c.g, c.b);
}

static int same_color(mkp_color a, mkp_color b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b;
}

static unsigned char channel(long v)
{
    return (unsigned char)(v < 0 ? 0 : v > 255 ? 255 : v);
}

/* Colours mixed by weights in thousandths (they add up to 1000),
 * rounded to the nearest. */
static mkp_color mix(mkp_color a, int wa, mkp_color b, int wb, mkp_color c, int wc)
{
    mkp_color m = {0, 0, 0, 255};
    m.r = channel((a.r * wa + b.r * wb + c.r * wc + 500) / 1000);
    m.g = channel((a.g * wa + b.g * wb + c.g * wc + 500) / 1000);
    m.b = channel((a.b * wa + b.b * wb + c.b * wc + 500) / 1000);
    return m;
}

/* A tint the default's designer set by eye, not by a formula: the
 * theme's mix of accent and on_primary, moved by as much as the
 * designed colour lies off the default's mix, so that the default theme
 * keeps it exactly and any other theme gets the same relation. */
static mkp_color tint(const ht_doc *d, int accent_weight, mkp_color designed)
{
    const mkp_theme *t = d->theme;
    mkp_color ours = mix(t->accent, accent_weight, t->on_primary, 1000 - accent_weight, white, 0);
    mkp_color base = mix(default_theme.accent, accent_weight, default_theme.on_primary, 1000 - accent_weight, white, 0);
    mkp_color c = {0, 0, 0, 255};
    c.r = channel((long)ours.r + designed.r - base.r);
    c.g = channel((long)ours.g + designed.g - base.g);
    c.b = channel((long)ours.b + designed.b - base.b);
    return c;
}

/* The value of a $name in the stylesheet; 0 for a name it does not know. */
static int token(const ht_doc *d, ht_buf *b, const char *name, size_t n)
{
    const mkp_theme *t = d->theme;
    static const struct {
        const char *name;
        size_t offset;
    } plain[] = {
        {"primary", offsetof(mkp_theme, primary)},       {"accent", offsetof(mkp_theme, accent)},
        {"ink", offsetof(mkp_theme, ink)},               {"muted", offsetof(mkp_theme, muted)},
        {"rule", offsetof(mkp_theme, rule)},             {"zebra", offsetof(mkp_theme, zebra)},
        {"on-primary", offsetof(mkp_theme, on_primary)}, {"header-ink", offsetof(mkp_theme, header_ink)},
    };
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++)
        if (strlen(plain[i].name) == n && strncmp(name, plain[i].name, n) == 0) {
            mkp_color c;
            memcpy(&c, (const char *)t + plain[i].offset, sizeof c);
            ht_color(b, c);
            return 1;
        }
#define IS(s) (n == sizeof(s) - 1 && strncmp(name, s, n) == 0)
    if (IS("shadow"))
        ht_printf(b, "rgba(%d,%d,%d,.12)", t->primary.r, t->primary.g, t->primary.b);
    else if (IS("header-fill") && same_color(t->header_fill, t->primary))
        ht_put(b, "var(--navy)");
    else if (IS("header-fill"))
        ht_color(b, t->header_fill);
    else if (IS("desk")) /* the desk the sheet lies on: paper greyed by the rules */
        ht_color(b, mix(t->rule, 270, t->zebra, 350, white, 380));
    else if (IS("lead"))
        ht_color(b, mix(t->ink, 767, t->muted, 233, white, 0));
    else if (IS("kind")) /* the small line above the title on the band */
        ht_color(b, tint(d, 500, (mkp_color){0x9d, 0xbc, 0xdd, 255}));
    else if (IS("subtitle"))
        ht_color(b, tint(d, 220, (mkp_color){0xd6, 0xe2, 0xef, 255}));
    else if (IS("cell-rule")) /* between the rows of a table */
        ht_color(b, mix(t->zebra, 920, t->primary, 80, white, 0));
    else if (IS("zebra-row")) /* every other row, at half the strength of the PDF's */
        ht_color(b, mix(t->zebra, 500, white, 500, white, 0));
    else if (IS("frame")) /* around a chart on screen */
        ht_color(b, mix(t->zebra, 922, t->muted, 78, white, 0));
    else
        return 0;
#undef IS
    return 1;
}

/* The stylesheet `css` with each $name replaced by its colour. */
void ht_style(const ht_doc *d, ht_buf *b, const char *css)
{
    const char *p = css;
    for (const char *q; (q = strchr(p, '$')) != NULL;) {
        const char *e = q + 1;
        while ((*e >= 'a' && *e <= 'z') || *e == '-')
            e++;
        ht_printf(b, "%.*s", (int)(q - p), p);
        if (!token(d, b, q + 1, (size_t)(e - q - 1)))
            ht_printf(b, "%.*s", (int)(e - q), q); /* not a colour: as it stands */
        p = e;
    }
    ht_put(b, p);
}

/* s as a CSS string: quotes and backslashes escaped, '<' as \3c so that
 * no text can close the stylesheet, controls left out. */
void ht_css_string(ht_buf *b, const char *s)
{
    ht_put(b, "\"");
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            ht_printf(b, "\\%c", c);
        else if (c == '<')
            ht_put(b, "\\3c ");
        else if (c >= 0x20 && c != 0x7F)
            ht_printf(b, "%c", c);
    }
    ht_put(b, "\"");
}

/* A family of the theme before a fallback list, unless the list has it
 * already or it is "". */
static void family(ht_buf *b, const char *name, const char *fallbacks)
{
    char quoted[160];
    if (!name || !*name || snprintf(quoted, sizeof quoted, "\"%s\"", name) >= (int)sizeof quoted ||
        strstr(fallbacks, quoted))
        return;
    ht_css_string(b, name);
    ht_put(b, ",");
}

static void stack(ht_buf *b, const char *name, const char *latin_fallbacks, const char *cjk, const char *cjk_fallbacks)
{
    family(b, name, latin_fallbacks);
    ht_put(b, latin_fallbacks);
    family(b, cjk, cjk_fallbacks);
    ht_put(b, cjk_fallbacks);
}

/* The two font stacks: --body (the running text, serif or sans by the
 * typeface option) and --sans (headings, tables, captions).  The theme's
 * families come first, a CJK family after the Latin ones so that Latin
 * text keeps its face; the plugin's own choices follow as fallbacks. */
void ht_font_stacks(const ht_doc *d, ht_buf *b, int sans)
{
    const mkp_theme *t = d->theme;
    static const char sans_latin[] = "\"DejaVu Sans\",";
    static const char sans_cjk[] = "\"Droid Sans Fallback\",\"Noto Sans CJK SC\",\"WenQuanYi Zen Hei\",sans-serif";
    ht_put(b, ":root{--body:");
    if (sans && (!t->font_body || !*t->font_body))
        ht_put(b, "var(--sans)");
    else if (sans)
        stack(b, t->font_body, sans_latin, t->font_cjk, sans_cjk);
    else
        stack(b, t->font_body, "\"DejaVu Serif\",Georgia,", t->font_cjk,
              "\"Droid Sans Fallback\",\"Noto Serif CJK SC\",serif");
    ht_put(b, "}\n");
    /* Chinese text reads better in a sans face beside the CJK one */
    ht_put(b, ":lang(zh){--body:var(--sans)}\n");
    ht_put(b, ":root{--navy:");
    ht_style(d, b, "$primary;--accent:$accent;--text:$ink;--muted:$muted;--rule:$rule;--shade:$zebra;--sans:");
    stack(b, t->font_heading, sans_latin, t->font_cjk, sans_cjk);
    ht_put(b, "}\n");
}

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* n bytes as base64 (RFC 4648, padded, no line breaks) after `prefix`:
 * a new string, NULL when memory runs out. */
static char *base64(const char *prefix, const unsigned char *p, size_t n)
{
    size_t lp = strlen(prefix), len = lp + (n + 2) / 3 * 4;
    char *s = malloc(len + 1), *o = s + lp;
    if (!s)
        return NULL;
    memcpy(s, prefix, lp);
    for (size_t i = 0; i < n; i += 3) {
        unsigned long v = (unsigned long)p[i] << 16;
        if (i + 1 < n)
            v |= (unsigned long)p[i + 1] << 8;
        if (i + 2 < n)
            v |= p[i + 2];
        *o++ = b64[v >> 18 & 63];
        *o++ = b64[v >> 12 & 63];
        *o++ = i + 1 < n ? b64[v >> 6 & 63] : '=';
        *o++ = i + 2 < n ? b64[v & 63] : '=';
    }
    *o = '\0';
    return s;
}

/* The whole file at `path`, into *p (freed by the caller) and *n. */
static int slurp(const char *path, unsigned char **p, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t cap = 1 << 16;
    *p = malloc(cap);
    *n = 0;
    while (*p) {
        *n += fread(*p + *n, 1, cap - *n, f);
        if (*n < cap)
            break;
        unsigned char *q = realloc(*p, cap *= 2);
        if (!q)
            free(*p);
        *p = q;
    }
    int bad = !*p || ferror(f);
    fclose(f);
    return bad ? -1 : 0;
}

static int load_logo(ht_doc *d)
{
    const mkp_theme *t = d->theme;
    if (!t->logo || !*t->logo || (t->logo_format != MKP_IMAGE_PNG && t->logo_format != MKP_IMAGE_JPEG))
        return 0;
    unsigned char *p = NULL;
    size_t n = 0;
    errno = 0;
    if (slurp(t->logo, &p, &n) != 0) {
        d->host->diag(d->job, MKP_FAIL, "cannot read the logo %s: %s", t->logo, strerror(errno ? errno : EIO));
        free(p);
        return -1;
    }
    d->logo = base64(t->logo_format == MKP_IMAGE_PNG ? "data:image/png;base64," : "data:image/jpeg;base64,", p, n);
    free(p);
    if (!d->logo)
        d->failed = 1;
    return 0;
}

/* The theme and the copy the page is made for, the licence line and the
 * logo; -1 (after a diag line) when the logo cannot be read. */
int ht_theme_open(ht_doc *d)
{
    const mkp_job *job = d->job;
    int v13 = MKP_HAS(mkp_host, d->host, in_sample);
    d->theme = v13 && MKP_HAS(mkp_model, d->m, theme) && d->m->theme ? d->m->theme : &default_theme;
    d->copy = v13 && MKP_HAS(mkp_job, job, copy) && job->copy ? job->copy : &default_copy;
    d->sample = d->copy->edition == MKP_EDITION_SAMPLE;
    d->watermark = d->copy->watermark ? d->copy->watermark : "";
    d->licence[0] = '\0';
    if (v13 && d->copy->licensee && *d->copy->licensee)
        d->host->licence_line(job, d->licence, sizeof d->licence);
    if (d->sample) {
        d->shown_tables = calloc(d->m->n_tables + 2, 1);
        if (!d->shown_tables)
            d->failed = 1;
    }
    return load_logo(d);
}

void ht_theme_close(ht_doc *d)
{
    free(d->logo);
    free(d->shown_tables);
    ht_free(&d->hidden);
    ht_free(&d->opening);
}

/* The theme's line for the foot of every page, "" for none. */
const char *ht_footer_text(const ht_doc *d)
{
    return d->theme->footer.n ? ht_text(d, &d->theme->footer) : "";
}

/* Whether the page shows figure `number`: every figure of a full
 * edition, the host's choice in a sample. */
int ht_in_sample(const ht_doc *d, int figure_number)
{
    return !d->sample || d->host->in_sample(d->job, figure_number);
}
