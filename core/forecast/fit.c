/* fit.c - least squares and minimisation for the forecast modules.  The
 * problems are tiny (a few parameters, tens of points), so everything
 * works on fixed-size arrays on the stack and the residual vector. */
#include "base/alloc.h"
#include "forecast/fit.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int fit_line(const double *x, const double *y, size_t n, double *a, double *b)
{
    if (n < 2)
        return -1;
    double mx = 0, my = 0;
    for (size_t i = 0; i < n; i++) {
        mx += x[i];
        my += y[i];
    }
    mx /= (double)n;
    my /= (double)n;
    double sxx = 0, sxy = 0;
    for (size_t i = 0; i < n; i++) {
        sxx += (x[i] - mx) * (x[i] - mx);
        sxy += (x[i] - mx) * (y[i] - my);
    }
    if (!(sxx > 0))
        return -1;
    *b = sxy / sxx;
    *a = my - *b * mx;
    return 0;
}

double fit_line_sse(const double *x, const double *y, size_t n, double a, double b)
{
    double sse = 0;
    for (size_t i = 0; i < n; i++)
        sse += (y[i] - a - b * x[i]) * (y[i] - a - b * x[i]);
    return sse;
}

static void clamp_box(int n, double *x, const double *lo, const double *hi)
{
    for (int j = 0; j < n; j++)
        x[j] = x[j] < lo[j] ? lo[j] : x[j] > hi[j] ? hi[j] : x[j];
}

/* One Nelder-Mead descent from x; returns the best value and moves x there. */
static double nm_descend(fit_cost f, void *ctx, int n, double *x, const double *lo, const double *hi, double step,
                         double xtol, double ftol, int *evals, int max_eval)
{
    double s[FIT_MAX_PAR + 1][FIT_MAX_PAR] = {{0}}, fs[FIT_MAX_PAR + 1];
    double c[FIT_MAX_PAR] = {0}, xr[FIT_MAX_PAR] = {0}, xt[FIT_MAX_PAR] = {0};
    for (int i = 0; i <= n; i++) {
        memcpy(s[i], x, sizeof *x * (size_t)n);
        if (i > 0)
            s[i][i - 1] += s[i][i - 1] + step <= hi[i - 1] ? step : -step;
        clamp_box(n, s[i], lo, hi);
        fs[i] = f(s[i], ctx);
        (*evals)++;
    }
    for (;;) {
        /* Order the vertices, best first (insertion sort: n is tiny). */
        for (int i = 1; i <= n; i++)
            for (int k = i; k > 0 && fs[k] < fs[k - 1]; k--) {
                double tf = fs[k];
                fs[k] = fs[k - 1];
                fs[k - 1] = tf;
                memcpy(xt, s[k], sizeof xt);
                memcpy(s[k], s[k - 1], sizeof xt);
                memcpy(s[k - 1], xt, sizeof xt);
            }
        double size = 0;
        for (int i = 1; i <= n; i++)
            for (int j = 0; j < n; j++)
                size = fmax(size, fabs(s[i][j] - s[0][j]));
        if ((size <= xtol && fs[n] - fs[0] <= ftol * (fabs(fs[0]) + ftol)) || *evals >= max_eval)
            break;
        for (int j = 0; j < n; j++) {
            c[j] = 0;
            for (int i = 0; i < n; i++)
                c[j] += s[i][j];
            c[j] /= n;
            xr[j] = 2 * c[j] - s[n][j];
        }
        clamp_box(n, xr, lo, hi);
        double fr = f(xr, ctx);
        (*evals)++;
        if (fr < fs[0]) {
            for (int j = 0; j < n; j++)
                xt[j] = 3 * c[j] - 2 * s[n][j];
            clamp_box(n, xt, lo, hi);
            double fe = f(xt, ctx);
            (*evals)++;
            memcpy(s[n], fe < fr ? xt : xr, sizeof *x * (size_t)n);
            fs[n] = fe < fr ? fe : fr;
            continue;
        }
        if (fr < fs[n - 1]) {
            memcpy(s[n], xr, sizeof *x * (size_t)n);
            fs[n] = fr;
            continue;
        }
        int outside = fr < fs[n];
        for (int j = 0; j < n; j++)
            xt[j] = outside ? c[j] + 0.5 * (xr[j] - c[j]) : c[j] + 0.5 * (s[n][j] - c[j]);
        double fc = f(xt, ctx);
        (*evals)++;
        if (outside ? fc <= fr : fc < fs[n]) {
            memcpy(s[n], xt, sizeof *x * (size_t)n);
            fs[n] = fc;
            continue;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 0; j < n; j++)
                s[i][j] = s[0][j] + 0.5 * (s[i][j] - s[0][j]);
            fs[i] = f(s[i], ctx);
            (*evals)++;
        }
    }
    memcpy(x, s[0], sizeof *x * (size_t)n);
    return fs[0];
}

double fit_nelder_mead(fit_cost f, void *ctx, int n, double *x, const double *lo, const double *hi, double step,
                       double xtol, double ftol, int max_eval)
{
    int evals = 0;
    clamp_box(n, x, lo, hi);
    double best = nm_descend(f, ctx, n, x, lo, hi, step, xtol, ftol, &evals, max_eval);
    /* A simplex pressed against the box can lose a dimension; a fresh,
     * smaller one from the best point finds what it missed. */
    for (int r = 0; r < 3 && evals < max_eval; r++) {
        double y[FIT_MAX_PAR];
        memcpy(y, x, sizeof *x * (size_t)n);
        step = fmax(step * 0.1, 10 * xtol);
        double v = nm_descend(f, ctx, n, y, lo, hi, step, xtol, ftol, &evals, max_eval);
        if (!(v < best - ftol * (fabs(best) + ftol))) {
            if (v < best) {
                best = v;
                memcpy(x, y, sizeof *x * (size_t)n);
            }
            break;
        }
        best = v;
        memcpy(x, y, sizeof *x * (size_t)n);
    }
    return best;
}

double fit_sse(fit_curve f, void *ctx, const double *t, const double *y, size_t n, const double *par)
{
    double sse = 0;
    for (size_t i = 0; i < n; i++) {
        double r = y[i] - f(t[i], par, ctx);
        sse += r * r;
    }
    return isfinite(sse) ? sse : HUGE_VAL;
}

/* Solves the k x k system m d = g in place by Gaussian elimination with
 * partial pivoting; -1 when it is singular. */
static int solve(int k, double m[FIT_MAX_PAR][FIT_MAX_PAR], double *g, double *d)
{
    for (int c = 0; c < k; c++) {
        int p = c;
        for (int r = c + 1; r < k; r++)
            if (fabs(m[r][c]) > fabs(m[p][c]))
                p = r;
        if (!(fabs(m[p][c]) > 0))
            return -1;
        if (p != c) {
            for (int j = 0; j < k; j++) {
                double t = m[c][j];
                m[c][j] = m[p][j];
                m[p][j] = t;
            }
            double t = g[c];
            g[c] = g[p];
            g[p] = t;
        }
        for (int r = c + 1; r < k; r++) {
            double q = m[r][c] / m[c][c];
            for (int j = c; j < k; j++)
                m[r][j] -= q * m[c][j];
            g[r] -= q * g[c];
        }
    }
    for (int r = k - 1; r >= 0; r--) {
        double s = g[r];
        for (int j = r + 1; j < k; j++)
            s -= m[r][j] * d[j];
        d[r] = s / m[r][r];
        if (!isfinite(d[r]))
            return -1;
    }
    return 0;
}

/* d curve / d par[p] at every t by central differences, one-sided where
 * the other side would leave the box. */
static void derivative(fit_curve f, void *ctx, const double *t, size_t n, const double *par, int n_par, int p,
                       double lo, double hi, double *out)
{
    double q[FIT_MAX_PAR];
    memcpy(q, par, sizeof *par * (size_t)n_par);
    double h = 1e-6 * fmax(fabs(par[p]), 1e-3);
    double up = fmin(par[p] + h, hi), down = fmax(par[p] - h, lo);
    if (!(up > down)) {
        for (size_t i = 0; i < n; i++)
            out[i] = 0;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        q[p] = up;
        double a = f(t[i], q, ctx);
        q[p] = down;
        double b = f(t[i], q, ctx);
        out[i] = (a - b) / (up - down);
        if (!isfinite(out[i]))
            out[i] = 0;
    }
}

double fit_levmar(fit_curve f, void *ctx, const double *t, const double *y, size_t n, int n_par, double *par,
                  const int *is_free, const double *lo, const double *hi, int max_iter)
{
    int idx[FIT_MAX_PAR], k = 0;
    if (n_par > FIT_MAX_PAR)
        n_par = FIT_MAX_PAR;
    for (int i = 0; i < n_par; i++)
        if (is_free[i])
            idx[k++] = i;
    double sse = fit_sse(f, ctx, t, y, n, par);
    if (k == 0 || !isfinite(sse) || n == 0)
        return sse;
    double *jac = xmalloc(sizeof *jac * n * (size_t)k), *res = xmalloc(sizeof *res * n);
    double lambda = 1e-3;
    for (int iter = 0; iter < max_iter && sse > 0; iter++) {
        for (size_t i = 0; i < n; i++)
            res[i] = y[i] - f(t[i], par, ctx);
        for (int j = 0; j < k; j++)
            derivative(f, ctx, t, n, par, n_par, idx[j], lo[idx[j]], hi[idx[j]], jac + (size_t)j * n);
        double a[FIT_MAX_PAR][FIT_MAX_PAR], g[FIT_MAX_PAR];
        for (int r = 0; r < k; r++) {
            g[r] = 0;
            for (size_t i = 0; i < n; i++)
                g[r] += jac[(size_t)r * n + i] * res[i];
            for (int c = 0; c < k; c++) {
                a[r][c] = 0;
                for (size_t i = 0; i < n; i++)
                    a[r][c] += jac[(size_t)r * n + i] * jac[(size_t)c * n + i];
            }
        }
        int moved = 0;
        double gain = 0;
        while (lambda < 1e16) {
            double m[FIT_MAX_PAR][FIT_MAX_PAR], rhs[FIT_MAX_PAR], d[FIT_MAX_PAR], trial[FIT_MAX_PAR];
            memcpy(m, a, sizeof m);
            memcpy(rhs, g, sizeof rhs);
            for (int r = 0; r < k; r++)
                m[r][r] += lambda * (a[r][r] > 0 ? a[r][r] : 1e-12);
            if (solve(k, m, rhs, d) != 0) {
                lambda *= 10;
                continue;
            }
            memcpy(trial, par, sizeof *par * (size_t)n_par);
            for (int j = 0; j < k; j++) {
                int p = idx[j];
                double v = par[p] + d[j];
                trial[p] = v < lo[p] ? lo[p] : v > hi[p] ? hi[p] : v;
            }
            double ts = fit_sse(f, ctx, t, y, n, trial);
            if (ts < sse) {
                gain = (sse - ts) / sse;
                sse = ts;
                memcpy(par, trial, sizeof *par * (size_t)n_par);
                lambda = fmax(lambda / 10, 1e-12);
                moved = 1;
                break;
            }
            lambda *= 10;
        }
        if (!moved || gain < 1e-10)
            break;
    }
    free(jac);
    free(res);
    return sse;
}
