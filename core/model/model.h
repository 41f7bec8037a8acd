/* model.h - the model room: from a dataset as read (dataset/) to the frozen
 * mkp_model every plugin sees.  mdl_build forecasts every series (through
 * the forecast room), reconciles children to their parents, works out the
 * scenarios, derives shares, CAGRs, growth and ranks, freezes the model and
 * lists its figures and tables.  Prefix mdl_; number formatting is fmt_
 * (format.h). */
#ifndef MKP_MODEL_H
#define MKP_MODEL_H
#include "base/diag.h"
#include "dataset/dataset.h"

/* Loads a dataset with the forecast methods known here (methods.c). */
mkp_doc *mdl_load_buffer(const char *name, const unsigned char *buf, size_t len, diag_ctx *d);
mkp_doc *mdl_load_file(const char *path, diag_ctx *d);

/* Forecasts, reconciles, works out the scenarios, derives, freezes and
 * lists figures and tables.  Returns 0, or -1 after reporting to d.  After
 * it, doc->model is final and nothing writes it again. */
int mdl_build(mkp_doc *doc, diag_ctx *d);

/* Loads, builds and (unless quiet) checks a dataset, printing problems to
 * stderr as file:line:col; NULL on failure.  Free with ds_free. */
mkp_doc *mdl_open(const char *path, int quiet_warnings);
/* The same, presenting scenario `scenario` (NULL: the base case). */
mkp_doc *mdl_open_scenario(const char *path, int quiet_warnings, const char *scenario);
/* The same with the consistency checks when `checks`, and with `strict`
 * (--strict) every warning failing the dataset like an error, wherever it
 * comes from (loader, forecast, consistency). */
mkp_doc *mdl_open_checked(const char *path, const char *scenario, int checks, int strict);
/* The same for a dataset already read into memory (standard input), whose
 * messages name it `name` ("<stdin>"). */
mkp_doc *mdl_open_buffer_checked(const char *name, const unsigned char *buf, size_t len, const char *scenario,
                                 int checks, int strict);

/* Consistency checks that warn without failing (the published CAGR against
 * the range the rounded anchors allow, a growth step between anchors that
 * departs from its neighbour's, published segments against their parent).
 * Returns the number of warnings.  On a built model. */
int mdl_check_consistency(const mkp_doc *doc, diag_ctx *d);

/* ---- the steps of mdl_build, one file each ------------------------------ */

/* The forecast of one series of the dataset: the spec's method and
 * parameters (cagr when none) over `pts`; errors and warnings go to d at
 * the method's line (methods.c).  Returns 0 or -1. */
int mdl_forecast_spec(const spec *s, const ypoints *pts, int first_year, int n_years, double *out, diag_ctx *d);

/* Scales the children of `parent` in every year so that they add up to it
 * (reconcile.c).  Children built bottom-up keep their value and the others
 * share what is left; nothing goes below 0. */
void mdl_reconcile(mkp_doc *doc, spec *parent, diag_ctx *d);

/* Shares, CAGR, growth and rank of every node from the builder's current
 * values (derive.c). */
void mdl_derive(mkp_doc *doc);

/* Works out every scenario's market and, when doc->want_scenario names one,
 * moves the whole model onto it (scenario.c).  Returns 0 or -1. */
int mdl_apply_scenarios(mkp_doc *doc, diag_ctx *d);

/* Errors for every series beyond DS_VALUE_MAX or not finite (bounds.c):
 * after forecasting (sc NULL, at the series' line), or with scenario sc
 * applied (at the scenario's line).  Returns how many. */
int mdl_check_bounds(const mkp_doc *doc, const scenario_spec *sc, diag_ctx *d);

/* Publishes the builder's arrays into the public nodes (freeze.c): from
 * here on the model is read-only. */
void mdl_freeze(mkp_doc *doc);

/* The numbered figure and table list, from the frozen model (figures.c),
 * with each figure's callout in every language (model->callouts). */
void mdl_build_figures(mkp_doc *doc);

/* What every numbered table holds (tables.c: model->table_data), from the
 * frozen model and its figures, whose decimals the tables share. */
void mdl_build_tables(mkp_doc *doc);

/* Texts the model makes itself, in every language marketpress has words
 * for (figures.c): `word` writes the text in `lang` into buf. */
typedef void (*mdl_word_fn)(char *buf, size_t cap, const char *lang, const void *ctx);
const mkp_text *mdl_words(arena *a, mdl_word_fn word, const void *ctx);
/* The label `key` as it stands (a label without arguments). */
const mkp_text *mdl_label_text(arena *a, const char *key);
/* The label `key`, a format taking the title `name` in that language (when
 * given) and then two numbers. */
const mkp_text *mdl_titled(arena *a, const char *key, const mkp_text *name, int n0, int n1);

/* Warns where published segment anchors do not add up to their parent's
 * value in their year (consistency.c); returns the number of warnings. */
int mdl_check_published_sums(const mkp_doc *doc, diag_ctx *d);
#endif
