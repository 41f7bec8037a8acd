/* fuzz_chart.c - libFuzzer target for the chart engine: a fuzzed dataset
 * (YAML, as for fuzz_load) is loaded and built, and every figure of the
 * model is laid out with chart_layout() in English and Chinese on a full
 * and a cramped canvas, with a deterministic text measure.  Besides
 * crashes, sanitizer reports and leaks, a finding is a layout that does not
 * end (libFuzzer's -timeout), or a scene a renderer could not draw: a NULL
 * text or point list, a number that is not finite, a kind or role outside
 * its enum, or a text cut inside a UTF-8 sequence.  Each of these aborts, so
 * that libFuzzer keeps the input. */
#include <math.h>
#include <string.h>

#include "chart/layout.h"
#include "fuzz.h"

/* The SVG plugin's canvas, and one small enough that every piece of the
 * layout has to shrink, thin out or give up. */
static const double sizes[][2] = {{720, 440}, {200, 150}};
static const char *const langs[] = {"en", "zh-CN"};

static void bad_scene(const mkp_figure *f, const char *lang, const double *wh, size_t i, const char *what)
{
    fprintf(stderr, "fuzz_chart: figure %d (%s) [%s] at %gx%g: primitive %zu: %s\n", f->number,
            f->id ? f->id : "?", lang, wh[0], wh[1], i, what);
    abort();
}

/* Whether `s` is well-formed UTF-8: mkp_utf8_next reads a broken byte as
 * U+FFFD and moves on by one, where a real U+FFFD takes three bytes. */
static int utf8_ok(const char *s)
{
    for (size_t i = 0; s[i];) {
        size_t at = i;
        if (mkp_utf8_next(s, (size_t)-1, &i) == 0xFFFD && i == at + 1)
            return 0;
    }
    return 1;
}

/* Reads every primitive the way a renderer would, so that ASan sees any
 * pointer that leads nowhere, and checks what a renderer relies on. */
static void check_scene(const mkp_scene *sc, const mkp_figure *f, const char *lang, const double *wh,
                        int texts_utf8)
{
    if (!sc)
        bad_scene(f, lang, wh, 0, "chart_layout returned no scene");
    if (sc->width != wh[0] || sc->height != wh[1])
        bad_scene(f, lang, wh, 0, "the scene is not the size asked for");
    if (sc->n && !sc->prims)
        bad_scene(f, lang, wh, 0, "primitives counted but not given");
    for (size_t i = 0; i < sc->n; i++) {
        const mkp_prim *p = &sc->prims[i];
        if ((unsigned)p->kind > MKP_PRIM_CIRCLE || (unsigned)p->role > MKP_ROLE_BACKGROUND ||
            (unsigned)p->anchor > MKP_ANCHOR_END)
            bad_scene(f, lang, wh, i, "kind, role or anchor out of range");
        const double nums[] = {p->line_width, p->x, p->y, p->w, p->h, p->x2, p->y2, p->font_size, p->angle};
        for (size_t k = 0; k < sizeof nums / sizeof nums[0]; k++)
            if (!isfinite(nums[k]))
                bad_scene(f, lang, wh, i, "a coordinate, size or width is not finite");
        if (p->kind == MKP_PRIM_PATH) {
            if (p->n_points && !p->points)
                bad_scene(f, lang, wh, i, "a path without its points");
            for (size_t k = 0; k < 2 * p->n_points; k++)
                if (!isfinite(p->points[k]))
                    bad_scene(f, lang, wh, i, "a path point is not finite");
        }
        if (p->kind == MKP_PRIM_TEXT) {
            if (!p->text)
                bad_scene(f, lang, wh, i, "a text primitive without text");
            if (!(p->font_size > 0))
                bad_scene(f, lang, wh, i, "a text set at no size");
            if (texts_utf8 && !utf8_ok(p->text))
                bad_scene(f, lang, wh, i, "a text cut inside a UTF-8 sequence");
        }
    }
}

/* Whether every text the figure gives the layout is well-formed UTF-8, so
 * that a broken one in the scene can only be the layout's doing.  (The
 * loader takes YAML, which is UTF-8, so this should always hold.) */
static int text_ok(const mkp_text *t)
{
    for (size_t i = 0; t && i < t->n; i++)
        if (t->v[i].text && !utf8_ok(t->v[i].text))
            return 0;
    return 1;
}

static int figure_utf8(const mkp_figure *f)
{
    int ok = text_ok(f->title) && text_ok(f->source) && (!f->callout || utf8_ok(f->callout)) &&
             (!f->unit || utf8_ok(f->unit));
    for (size_t c = 0; ok && c < f->n_categories; c++)
        ok = text_ok(&f->categories[c]) && (!f->category_groups || text_ok(&f->category_groups[c]));
    for (size_t s = 0; ok && s < f->n_series; s++)
        ok = text_ok(f->series[s].name);
    return ok;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    mkp_doc *doc = fuzz_model(data, size);
    if (!doc)
        return 0;
    const mkp_model *m = doc->model;
    for (size_t i = 0; i < m->n_figures; i++) {
        const mkp_figure *f = &m->figures[i];
        int texts_utf8 = figure_utf8(f);
        for (size_t l = 0; l < sizeof langs / sizeof langs[0]; l++)
            for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++) {
                const mkp_scene *sc = chart_layout(f, langs[l], sizes[z][0], sizes[z][1], fuzz_measure, NULL);
                check_scene(sc, f, langs[l], sizes[z], texts_utf8);
                chart_scene_free(sc);
            }
    }
    ds_free(doc);
    return 0;
}
