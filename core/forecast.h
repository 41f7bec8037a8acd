/* forecast.h - the forecast module interface.  A module fills every year
 * of one series from what the dataset gives; a new method is one new file
 * plus one line in the table in forecast.c. */
#ifndef MKP_FORECAST_H
#define MKP_FORECAST_H
#include "model_int.h"

typedef struct fc_input {
    const ypoints *points;          /* known values (history and anchors), by year */
    int has_rate;
    double rate;                    /* percent per year, to extrapolate from one point */
    int first_year, n_years;
} fc_input;

typedef struct fc_module {
    const char *name;
    const char *params;             /* one line, for --help and the docs */
    /* Writes n_years values to out; returns 0, or -1 when the input cannot
     * make a series (the caller has validated the common cases). */
    int (*fill)(const fc_input *in, double *out);
} fc_module;

const fc_module *fc_find(const char *name);
extern const fc_module fc_cagr;
#endif
