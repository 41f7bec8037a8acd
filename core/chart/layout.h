/* chart.h - the chart engine's layout step: a figure of the model becomes a
 * scene of primitives sized for one canvas, with text measured by the
 * renderer's own fonts.  Plugins reach it through host->chart_layout. */
#ifndef MKP_CHART_H
#define MKP_CHART_H
#include "marketpress/chart.h"

const mkp_scene *chart_layout(const mkp_figure *fig, const char *lang, double width, double height,
                              mkp_measure_fn measure, void *ctx);
void chart_scene_free(const mkp_scene *scene);

/* Nice axis: a 1-2-5 step so that [lo, hi] is covered in at most `max_ticks`
 * steps; writes the axis ends and returns the step. */
double chart_nice_step(double lo, double hi, int max_ticks, double *axis_lo, double *axis_hi);

/* The axis of a line chart whose values lie far from zero: from a nice
 * tick at or below `lo` to one at or above `hi`, in at most `max_ticks`
 * 1-2-5 steps.  Returns the step, or 0 (and the axes untouched) when the
 * values are near enough to zero that the axis should start there. */
double chart_zoom_axis(double lo, double hi, int max_ticks, double *axis_lo, double *axis_hi);

/* The reference canvas of a figure in `lang`: the smallest the house draws
 * it (the A4 report's text width; the report's height for the figure, or
 * more where its rows need it for 6.5 pt text).  Labels are decided there
 * for every canvas at least as large. */
void chart_reference(const mkp_figure *fig, const char *lang, double *width, double *height);

/* metrics.c: the widths the label decision is made with, the same whoever
 * draws the chart (an mkp_measure_fn; ctx is unused). */
double chart_ref_measure(void *ctx, const char *text, double size, int bold);

/* The palette: colour-blind-safe, distinct for at least twenty series. */
mkp_color chart_color(size_t series);
/* Series colour i of theme t (NULL: the default palette), extended for
 * long lists; chart_color() is that of the theme set by chart_use_theme(),
 * which the layouts of this process draw with (a job sets its model's). */
mkp_color chart_theme_color(const mkp_theme *t, size_t i);
void chart_use_theme(const mkp_theme *t);
#endif
