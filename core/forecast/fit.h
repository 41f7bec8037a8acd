/* fit.h - the small numerical helpers that the forecast modules share:
 * a straight-line least-squares fit, a bounded Nelder-Mead minimiser and
 * a Levenberg-Marquardt least-squares fit for curves of a few parameters. */
#ifndef MKP_FIT_H
#define MKP_FIT_H
#include <stddef.h>

#define FIT_MAX_PAR 4

/* y = a + b x by ordinary least squares.  Returns 0, or -1 when fewer
 * than two distinct x are given. */
int fit_line(const double *x, const double *y, size_t n, double *a, double *b);
/* The squared error of y = a + b x at the n points. */
double fit_line_sse(const double *x, const double *y, size_t n, double a, double b);

/* Minimises f over the box lo <= x <= hi (n <= FIT_MAX_PAR coordinates),
 * starting from x with a simplex of edge `step`; trial points outside the
 * box are moved onto it.  Stops when the simplex is smaller than xtol in
 * every coordinate and its values agree within ftol, or after max_eval
 * evaluations.  Leaves the best point in x and returns its value. */
typedef double (*fit_cost)(const double *x, void *ctx);
double fit_nelder_mead(fit_cost f, void *ctx, int n, double *x, const double *lo, const double *hi, double step,
                       double xtol, double ftol, int max_eval);

/* The value of a curve at t with parameters par. */
typedef double (*fit_curve)(double t, const double *par, void *ctx);

/* Least squares of curve(t[i], par) against y[i] over the parameters
 * whose is_free[] flag is set (the others stay as given), within lo..hi, by
 * Levenberg-Marquardt with a central-difference Jacobian.  par is the
 * starting point on entry and the best point found on return; returns
 * the sum of squared residuals there (HUGE_VAL when the curve cannot be
 * evaluated at the start). */
double fit_levmar(fit_curve f, void *ctx, const double *t, const double *y, size_t n, int n_par, double *par,
                  const int *is_free, const double *lo, const double *hi, int max_iter);

/* Sum of squared residuals of curve against (t, y); HUGE_VAL when the
 * curve is not finite somewhere. */
double fit_sse(fit_curve f, void *ctx, const double *t, const double *y, size_t n, const double *par);
#endif
