/* theme.c - the house style (docs/themes.md): a theme file read with the
 * dataset's YAML reader and its file:line:col errors, the built-in
 * default, the checks a publisher wants before printing (contrast, series
 * colours that readers with a colour-vision deficiency cannot tell apart,
 * a logo that is what its name says), and the merge of the theme's
 * imprint into a dataset's model. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "dataset/loader.h"

#define LOGO_MAX_BYTES (4u << 20)
#define LOGO_MAX_PIXELS 6000
#define MAX_SERIES 16

static const char *const top_keys[] = {"name", "publisher", "logo", "palette", "fonts", "cover", "footer", "order",
                                       NULL};
static const char *const publisher_keys[] = {"name",  "copyright", "licence", "disclaimer",
                                             "about", "contact",   NULL};
static const char *const palette_keys[] = {"series", "values", "primary", "accent",      "on-primary", "ink",
                                           "muted",  "rule",   "zebra",   "header-fill", "header-ink", NULL};
static const char *const font_keys[] = {"body", "headings", "cjk", NULL};
static const char *const cover_names[] = {"band", "sidebar", "plain", NULL};

/* The look every built-in plugin had before themes: Okabe-Ito series,
 * the value-class colours of chart.h, navy and steel blue. */
static const mkp_color default_series[] = {{0, 114, 178, 255},  {230, 159, 0, 255},  {0, 158, 115, 255},
                                           {204, 121, 167, 255}, {86, 180, 233, 255}, {213, 94, 0, 255},
                                           {120, 120, 120, 255}, {240, 228, 66, 255}};

static ds_theme default_theme;

static mkp_color rgb(unsigned v)
{
    return (mkp_color){(unsigned char)(v >> 16), (unsigned char)(v >> 8), (unsigned char)v, 255};
}

static void set_defaults(mkp_theme *t)
{
    *t = (mkp_theme){.size = sizeof *t, .name = "default", .source_file = "", .logo = ""};
    t->n_series = sizeof default_series / sizeof default_series[0];
    t->series = default_series;
    for (int c = 0; c < MKP_VALUE_CLASSES; c++)
        t->values[c] = mkp_value_class_color((mkp_value_class)c);
    t->primary = rgb(0x1F3A5F);
    t->accent = rgb(0x2F7FB5);
    t->on_primary = rgb(0xFFFFFF);
    t->ink = rgb(0x1E2430);
    t->muted = rgb(0x5C6773);
    t->rule = rgb(0xB7C0CA);
    t->header_fill = rgb(0x1F3A5F);
    t->header_ink = rgb(0xFFFFFF);
    t->zebra = rgb(0xEEF2F6);
    t->font_body = t->font_heading = t->font_cjk = "";
    t->cover = MKP_COVER_BAND;
}

const ds_theme *ds_theme_default(void)
{
    if (!default_theme.pub.size)
        set_defaults(&default_theme.pub);
    return &default_theme;
}

/* ---- colours ------------------------------------------------------------ */

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* "#1F3A5F" or "#FA0": 0 and *out, or -1. */
int ds_parse_color(const char *s, mkp_color *out)
{
    size_t n = strlen(s);
    if (s[0] != '#' || (n != 7 && n != 4))
        return -1;
    int v[6];
    for (size_t i = 1; i < n; i++)
        if ((v[i - 1] = hexval(s[i])) < 0)
            return -1;
    if (n == 4)
        *out = (mkp_color){(unsigned char)(v[0] * 17), (unsigned char)(v[1] * 17), (unsigned char)(v[2] * 17), 255};
    else
        *out = (mkp_color){(unsigned char)(v[0] * 16 + v[1]), (unsigned char)(v[2] * 16 + v[3]),
                           (unsigned char)(v[4] * 16 + v[5]), 255};
    return 0;
}

static const char *color_text(arena *a, mkp_color c)
{
    return arena_printf(a, "#%02X%02X%02X", c.r, c.g, c.b);
}

static double linear(unsigned char v)
{
    double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

/* WCAG 2 contrast ratio of two colours, 1 to 21. */
double ds_contrast(mkp_color a, mkp_color b)
{
    double la = 0.2126 * linear(a.r) + 0.7152 * linear(a.g) + 0.0722 * linear(a.b);
    double lb = 0.2126 * linear(b.r) + 0.7152 * linear(b.g) + 0.0722 * linear(b.b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

/* Linear RGB -> CIE L*a*b* (D65). */
static void to_lab(const double rgb_lin[3], double lab[3])
{
    double x = (0.4124 * rgb_lin[0] + 0.3576 * rgb_lin[1] + 0.1805 * rgb_lin[2]) / 0.95047;
    double y = 0.2126 * rgb_lin[0] + 0.7152 * rgb_lin[1] + 0.0722 * rgb_lin[2];
    double z = (0.0193 * rgb_lin[0] + 0.1192 * rgb_lin[1] + 0.9505 * rgb_lin[2]) / 1.08883;
    double f[3], v[3] = {x, y, z};
    for (int i = 0; i < 3; i++)
        f[i] = v[i] > 216.0 / 24389 ? cbrt(v[i]) : (24389.0 / 27 * v[i] + 16) / 116;
    lab[0] = 116 * f[1] - 16;
    lab[1] = 500 * (f[0] - f[1]);
    lab[2] = 200 * (f[1] - f[2]);
}

/* How readers see a colour: normal vision, then the three dichromacies,
 * by the simulation matrices of Machado, Oliveira and Fernandes (2009) at
 * full severity, applied in linear RGB. */
enum { VISION_NORMAL, VISION_PROTAN, VISION_DEUTAN, VISION_TRITAN, VISIONS };
static const char *const vision_names[VISIONS] = {"any reader", "readers with protanopia",
                                                  "readers with deuteranopia", "readers with tritanopia"};
static const double vision_matrix[VISIONS][9] = {
    {1, 0, 0, 0, 1, 0, 0, 0, 1},
    {0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998},
    {0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.011820, 0.042940, 0.968881},
    {1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367, 0.303900},
};

static void seen_as(mkp_color c, int vision, double lab[3])
{
    double in[3] = {linear(c.r), linear(c.g), linear(c.b)}, out[3];
    const double *m = vision_matrix[vision];
    for (int i = 0; i < 3; i++) {
        double v = m[3 * i] * in[0] + m[3 * i + 1] * in[1] + m[3 * i + 2] * in[2];
        out[i] = v < 0 ? 0 : v > 1 ? 1 : v;
    }
    to_lab(out, lab);
}

/* The CIE76 colour difference between two colours as `vision` sees them. */
double ds_color_distance(mkp_color a, mkp_color b, int vision)
{
    double la[3], lb[3];
    seen_as(a, vision, la);
    seen_as(b, vision, lb);
    return sqrt((la[0] - lb[0]) * (la[0] - lb[0]) + (la[1] - lb[1]) * (la[1] - lb[1]) +
                (la[2] - lb[2]) * (la[2] - lb[2]));
}

/* Below this difference two series colours side by side read as one. */
#define SERIES_MIN_DISTANCE 10.0

/* Each pair of series colours that some readers cannot tell apart, once,
 * under the vision that confuses them most. */
static void check_series(loader *L, const ynode *at, const mkp_theme *t)
{
    int said = 0;
    for (size_t i = 0; i < t->n_series; i++)
        for (size_t k = i + 1; k < t->n_series && said < 4; k++) {
            int worst = 0;
            double d = 1e9;
            for (int v = 0; v < VISIONS; v++) {
                double dv = ds_color_distance(t->series[i], t->series[k], v);
                if (dv < d)
                    d = dv, worst = v;
            }
            if (d >= SERIES_MIN_DISTANCE)
                continue;
            diag_warning(L->d, at->line, at->col,
                         "series colours %zu (%s) and %zu (%s) look alike to %s (difference %.1f, below %.0f): "
                         "charts with both will be hard to read",
                         i + 1, color_text(L->a, t->series[i]), k + 1, color_text(L->a, t->series[k]),
                         vision_names[worst], d, SERIES_MIN_DISTANCE);
            said++;
        }
}

/* Text colours on their backgrounds: WCAG AA asks 4.5:1 of body text. */
static void check_contrast(loader *L, const ynode *pal, const mkp_theme *t)
{
    static const mkp_color white = {255, 255, 255, 255};
    struct {
        const char *fg, *bg;
        mkp_color a, b;
        double need;
    } pairs[] = {
        {"ink", "the white page", t->ink, white, 4.5},
        {"muted", "the white page", t->muted, white, 4.5},
        {"on-primary", "primary", t->on_primary, t->primary, 4.5},
        {"header-ink", "header-fill", t->header_ink, t->header_fill, 4.5},
        {"ink", "zebra", t->ink, t->zebra, 4.5},
        {"accent", "the white page", t->accent, white, 3.0},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        double r = ds_contrast(pairs[i].a, pairs[i].b);
        if (r >= pairs[i].need)
            continue;
        const ynode *n = ytree_get(pal, pairs[i].fg);
        n = n ? n : pal;
        diag_warning(L->d, n->line, n->col, "%s %s on %s %s has a contrast of %.2f:1, below the %.1f:1 text needs",
                     pairs[i].fg, color_text(L->a, pairs[i].a), pairs[i].bg, color_text(L->a, pairs[i].b), r,
                     pairs[i].need);
    }
}

static void get_color(loader *L, const ynode *n, const char *what, mkp_color *out)
{
    const char *s = ld_get_string(L, n, what);
    if (s && ds_parse_color(s, out) != 0)
        diag_error(L->d, n->line, n->col, "%s must be a colour such as \"#1F3A5F\", not '%s'", what, s);
}

static void load_series(loader *L, const ynode *n, mkp_theme *t)
{
    if (!ld_want_kind(L, n, Y_SEQ, "palette series"))
        return;
    if (n->n < 2 || n->n > MAX_SERIES) {
        diag_error(L->d, n->line, n->col, "palette series lists %zu colours; give from 2 to %d", n->n, MAX_SERIES);
        return;
    }
    mkp_color *c = arena_array(L->a, n->n, sizeof *c);
    for (size_t i = 0; i < n->n; i++)
        get_color(L, n->items[i], arena_printf(L->a, "palette series %zu", i + 1), &c[i]);
    t->n_series = n->n;
    t->series = c;
}

static void load_values(loader *L, const ynode *n, mkp_theme *t)
{
    static const char *const keys[] = {"published", "actual", "illustrative", "estimate", "scenario", NULL};
    if (!ld_want_kind(L, n, Y_MAP, "palette values"))
        return;
    ld_check_keys(L, n, "palette values", keys);
    for (int c = 0; c < MKP_VALUE_CLASSES; c++) {
        const ynode *v = ytree_get(n, keys[c]);
        if (v)
            get_color(L, v, arena_printf(L->a, "palette values %s", keys[c]), &t->values[c]);
    }
}

static void load_palette(loader *L, const ynode *p, mkp_theme *t)
{
    if (!ld_want_kind(L, p, Y_MAP, "palette"))
        return;
    ld_check_keys(L, p, "palette", palette_keys);
    struct {
        const char *key;
        mkp_color *to;
    } one[] = {{"primary", &t->primary}, {"accent", &t->accent},           {"on-primary", &t->on_primary},
               {"ink", &t->ink},         {"muted", &t->muted},             {"rule", &t->rule},
               {"zebra", &t->zebra},     {"header-fill", &t->header_fill}, {"header-ink", &t->header_ink}};
    for (size_t i = 0; i < sizeof one / sizeof one[0]; i++) {
        const ynode *v = ytree_get(p, one[i].key);
        if (v)
            get_color(L, v, arena_printf(L->a, "palette %s", one[i].key), one[i].to);
    }
    const ynode *n;
    if ((n = ytree_get(p, "series")))
        load_series(L, n, t);
    if ((n = ytree_get(p, "values")))
        load_values(L, n, t);
    if (L->d->errors)
        return;
    check_contrast(L, p, t);
    check_series(L, (n = ytree_get(p, "series")) ? n : p, t);
}

/* ---- the logo ----------------------------------------------------------- */

static unsigned be16(const unsigned char *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

static unsigned long be32(const unsigned char *p)
{
    return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3];
}

/* The pixel size of a JPEG from its first start-of-frame marker. */
static int jpeg_size(const unsigned char *b, size_t len, int *w, int *h)
{
    size_t p = 2;
    while (p + 9 < len) {
        if (b[p] != 0xFF)
            return -1;
        unsigned m = b[p + 1];
        if (m == 0xFF) {
            p++;
            continue;
        }
        size_t seg = be16(b + p + 2);
        if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
            *h = (int)be16(b + p + 5);
            *w = (int)be16(b + p + 7);
            return 0;
        }
        if (seg < 2)
            return -1;
        p += 2 + seg;
    }
    return -1;
}

/* What the logo file is and its size, from its first bytes: a PNG or a
 * JPEG whatever its name says; NULL, or the reason it cannot be used. */
static const char *logo_kind(loader *L, const char *path, mkp_theme *t)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return arena_printf(L->a, "cannot open %s: %s", path, strerror(errno));
    unsigned char *b = xmalloc(LOGO_MAX_BYTES + 1);
    size_t len = fread(b, 1, LOGO_MAX_BYTES + 1, f);
    fclose(f);
    const char *why = NULL;
    int w = 0, h = 0;
    if (len > LOGO_MAX_BYTES)
        why = arena_printf(L->a, "%s is larger than %u MiB", path, LOGO_MAX_BYTES >> 20);
    else if (len > 24 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0 && memcmp(b + 12, "IHDR", 4) == 0) {
        t->logo_format = MKP_IMAGE_PNG;
        w = (int)(be32(b + 16) > LOGO_MAX_PIXELS ? LOGO_MAX_PIXELS + 1 : be32(b + 16));
        h = (int)(be32(b + 20) > LOGO_MAX_PIXELS ? LOGO_MAX_PIXELS + 1 : be32(b + 20));
    } else if (len > 4 && b[0] == 0xFF && b[1] == 0xD8 && jpeg_size(b, len, &w, &h) == 0) {
        t->logo_format = MKP_IMAGE_JPEG;
    } else
        why = arena_printf(L->a, "%s is neither a PNG nor a JPEG image", path);
    free(b);
    if (!why && (w < 1 || h < 1 || w > LOGO_MAX_PIXELS || h > LOGO_MAX_PIXELS))
        why = arena_printf(L->a, "%s is %d x %d pixels; a logo is from 1 to %d pixels a side", path, w, h,
                           LOGO_MAX_PIXELS);
    t->logo_width = w;
    t->logo_height = h;
    return why;
}

static void load_logo(loader *L, const ynode *n, const char *dir, mkp_theme *t)
{
    const char *s = ld_get_string(L, n, "logo");
    if (!s)
        return;
    const char *path = s[0] == '/' || !*dir ? arena_strdup(L->a, s) : arena_printf(L->a, "%s/%s", dir, s);
    const char *why = logo_kind(L, path, t);
    if (why) {
        diag_error(L->d, n->line, n->col, "logo: %s", why);
        t->logo_format = MKP_IMAGE_NONE;
        return;
    }
    t->logo = path;
}

/* ---- the rest ------------------------------------------------------------ */

static void load_fonts(loader *L, const ynode *n, mkp_theme *t, int (*family_exists)(const char *))
{
    if (!ld_want_kind(L, n, Y_MAP, "fonts"))
        return;
    ld_check_keys(L, n, "fonts", font_keys);
    const char **to[] = {&t->font_body, &t->font_heading, &t->font_cjk};
    for (int i = 0; i < 3; i++) {
        const ynode *v = ytree_get(n, font_keys[i]);
        const char *s = v ? ld_get_string(L, v, arena_printf(L->a, "fonts %s", font_keys[i])) : NULL;
        if (!s)
            continue;
        if (family_exists && !family_exists(s))
            diag_error(L->d, v->line, v->col,
                       "fonts %s: no font of the family '%s' is installed (fc-list : family lists those that are)",
                       font_keys[i], s);
        *to[i] = s;
    }
}

static void load_cover(loader *L, const ynode *n, mkp_theme *t)
{
    const char *s = ld_get_string(L, n, "cover");
    for (int i = 0; s && cover_names[i]; i++)
        if (strcmp(s, cover_names[i]) == 0) {
            t->cover = (mkp_cover_layout)i;
            return;
        }
    if (s)
        diag_error(L->d, n->line, n->col, "cover must be band, sidebar or plain, not '%s'", s);
}

/* publisher: the name and the imprint, read by the dataset's own readers
 * into the theme's scratch model. */
static void load_publisher(loader *L, const ynode *n)
{
    if (!ld_want_kind(L, n, Y_MAP, "publisher"))
        return;
    ld_check_keys(L, n, "publisher", publisher_keys);
    const ynode *v = ytree_get(n, "name");
    if (v)
        L->doc->model->publisher = ld_get_name(L, v, "publisher name");
    ld_imprint(L, n);
}

static void load_root(loader *L, const ynode *root, ds_theme *th, int (*family_exists)(const char *))
{
    mkp_theme *t = &th->pub;
    ld_check_keys(L, root, "a theme", top_keys);
    const ynode *n;
    if ((n = ytree_get(root, "name"))) {
        const char *s = ld_get_id(L, n, "theme name");
        t->name = s ? s : t->name;
    }
    if ((n = ytree_get(root, "publisher")))
        load_publisher(L, n);
    if ((n = ytree_get(root, "logo")))
        load_logo(L, n, th->dir, t);
    if ((n = ytree_get(root, "palette")))
        load_palette(L, n, t);
    if ((n = ytree_get(root, "fonts")))
        load_fonts(L, n, t, family_exists);
    if ((n = ytree_get(root, "cover")))
        load_cover(L, n, t);
    if ((n = ytree_get(root, "footer")))
        t->footer = ld_get_text(L, n, "footer");
    if ((n = ytree_get(root, "order")))
        t->order = ld_get_text(L, n, "order");
}

/* The theme's name when it gives none: its file's, without .yaml. */
static const char *stem_name(arena *a, const char *path)
{
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    size_t n = strlen(base);
    if (n > 5 && strcmp(base + n - 5, ".yaml") == 0)
        n -= 5;
    return arena_strndup(a, base, n);
}

ds_theme *ds_theme_load(const char *path, diag_ctx *d, int (*family_exists)(const char *))
{
    size_t len;
    unsigned char *buf = ds_read_file(path, 1u << 20, &len, d);
    if (!buf)
        return NULL;
    ds_theme *th = ds_theme_load_buffer(path, buf, len, d, family_exists);
    free(buf);
    return th;
}

ds_theme *ds_theme_load_buffer(const char *path, const unsigned char *buf, size_t len, diag_ctx *d,
                               int (*family_exists)(const char *))
{
    ds_theme *th = xcalloc(1, sizeof *th);
    arena_init(&th->arena);
    set_defaults(&th->pub);
    th->pub.source_file = arena_strdup(&th->arena, path);
    th->pub.name = stem_name(&th->arena, path);
    const char *slash = strrchr(path, '/');
    th->dir = slash ? arena_strndup(&th->arena, path, (size_t)(slash - path)) : "";
    mkp_doc *scratch = arena_alloc(&th->arena, sizeof *scratch);
    scratch->model = &th->imprint;
    th->imprint.size = sizeof th->imprint;
    /* Any well-formed language tag: a theme serves datasets of every
     * language, and is not checked against one's list. */
    loader L = {.doc = scratch, .a = &th->arena, .d = d, .langs_bad = 1};
    int ok = 1;
    ynode *root = ytree_parse(&th->arena, d, buf, len, &ok);
    if (ok && !root)
        diag_error(d, 1, 1, "the file is empty: a theme needs at least a name or a palette");
    else if (ok && ld_want_kind(&L, root, Y_MAP, "a theme"))
        load_root(&L, root, th, family_exists);
    if (!ok || !root || d->errors) {
        ds_theme_free(th);
        return NULL;
    }
    return th;
}

void ds_theme_free(ds_theme *th)
{
    if (!th || th == &default_theme)
        return;
    arena_free(&th->arena);
    free(th);
}

static void take_text(mkp_text *to, mkp_text from)
{
    if (from.n)
        *to = from;
}

void ds_theme_apply(mkp_doc *doc, const ds_theme *th)
{
    mkp_model *m = doc->model;
    const mkp_model *i = &th->imprint;
    m->theme = &th->pub;
    take_text(&m->publisher, i->publisher);
    take_text(&m->copyright, i->copyright);
    take_text(&m->licence, i->licence);
    take_text(&m->disclaimer, i->disclaimer);
    take_text(&m->about, i->about);
    take_text(&m->contact_address, i->contact_address);
    /* A theme that names a publisher speaks for it: its contact replaces
     * the dataset's whole, so that no line of another house is left. */
    if (i->publisher.n || (i->contact_email && *i->contact_email) || (i->contact_web && *i->contact_web)) {
        m->contact_email = i->contact_email ? i->contact_email : "";
        m->contact_web = i->contact_web ? i->contact_web : "";
        m->contact_phone = i->contact_phone ? i->contact_phone : "";
        if (!i->contact_address.n && i->publisher.n)
            m->contact_address = (mkp_text){0, NULL};
    }
}
