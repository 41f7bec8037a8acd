/* marketpress/model.h - the read-only market model that every output
 * plugin presents.  The host builds it from a dataset, forecasts and
 * reconciles it, then freezes it; plugins only ever see it as const.
 * C99, self-contained.  Everything here is owned by the host: never free it. */
#ifndef MARKETPRESS_MODEL_H
#define MARKETPRESS_MODEL_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* One piece of human-readable text in several languages.  Look a language
 * up with the host's text() function, which falls back to English. */
typedef struct mkp_text_entry {
    const char *lang;               /* "en", "zh-CN", ... */
    const char *text;               /* UTF-8 */
} mkp_text_entry;

typedef struct mkp_text {
    size_t n;                       /* 0 when the dataset gave no text */
    const mkp_text_entry *v;
} mkp_text;

/* Where a figure comes from. */
typedef enum mkp_provenance {
    MKP_PUBLISHED = 0,              /* printed by the publisher */
    MKP_DERIVED = 1,                /* computed from published figures */
    MKP_ILLUSTRATIVE = 2            /* an estimate made for illustration */
} mkp_provenance;

/* Per-year flags of a series value (bit set). */
#define MKP_YEAR_HISTORY  0x01u     /* an actual from the dataset's history */
#define MKP_YEAR_ANCHOR   0x02u     /* a value given in the dataset (anchor) */
#define MKP_YEAR_FORECAST 0x04u     /* a year after the base year */

/* A node of the model: the market, a dimension (whose value is the market
 * total split another way), a segment or a sub-segment.  Every array that
 * is indexed by year has model->n_years entries; index 0 is
 * model->first_year. */
typedef struct mkp_node mkp_node;
struct mkp_node {
    const char *id;                 /* [a-z0-9-]+, unique among siblings */
    const char *path;               /* "market", "region", "region/americas",
                                       "model-type/diffusion/latent" */
    mkp_text title;
    mkp_text description;
    int depth;                      /* 0 market or dimension, 1 segment, 2 sub-segment */
    mkp_provenance provenance;
    const mkp_node *parent;         /* NULL for the market and dimensions */
    size_t n_children;
    const mkp_node *children;       /* array of n_children nodes */
    const double *value;            /* value per year, in the model's unit */
    const double *share;            /* share of the parent per year, 0..1
                                       (1 for the market and dimensions) */
    const unsigned char *flags;     /* MKP_YEAR_* per year */
    double cagr;                    /* over cagr_start..forecast_end, a fraction
                                       (0.0943 prints as 9.43%) */
    double growth;                  /* value(forecast_end) - value(cagr_start) */
    int rank;                       /* 1 = largest among siblings in forecast_end */
};

/* A block of a narrative section.  Paragraph texts may hold inline
 * emphasis: *italic* and **bold**. */
typedef enum mkp_block_kind {
    MKP_BLOCK_PARAGRAPH = 0,
    MKP_BLOCK_BULLETS = 1
} mkp_block_kind;

typedef struct mkp_block {
    mkp_block_kind kind;
    mkp_text text;                  /* MKP_BLOCK_PARAGRAPH */
    size_t n_items;                 /* MKP_BLOCK_BULLETS */
    const mkp_text *items;
} mkp_block;

typedef struct mkp_section {
    const char *id;
    mkp_text title;
    size_t n_blocks;
    const mkp_block *blocks;
} mkp_section;

typedef struct mkp_player {
    const char *id;
    mkp_text name;
    mkp_text description;
} mkp_player;

/* The whole model.  New members are only ever added at the end; check
 * `size` before reading a member a later minor version added. */
typedef struct mkp_model {
    size_t size;                    /* sizeof(mkp_model) of the host */
    const char *id;                 /* names the output files */
    const char *source_file;        /* the dataset file it was loaded from */
    mkp_text title;
    mkp_text subtitle;
    mkp_text publisher;
    const char *product_code;       /* "" when absent */
    const char *edition;            /* YYYY-MM-DD, "" when absent */
    long long edition_epoch;        /* edition at 00:00 UTC, seconds since 1970
                                       (SOURCE_DATE_EPOCH wins when set) */
    const char *currency;           /* ISO 4217, "USD" */
    const char *unit;               /* "million", "billion", "trillion" */
    mkp_text source;                /* source note for figures and tables */
    size_t n_languages;
    const char *const *languages;   /* "en" first */
    size_t n_keywords;
    const char *const *keywords;

    int base_year;
    int estimated_year;
    int forecast_end;
    int cagr_start;                 /* base_year unless the dataset says otherwise */
    int first_year;                 /* earliest history year, else base_year */
    int n_years;                    /* forecast_end - first_year + 1 */

    const mkp_node *market;         /* the market total */
    int has_published_cagr;
    double published_cagr;          /* as printed by the publisher, a fraction */

    size_t n_dimensions;
    const mkp_node *dimensions;     /* depth 0 nodes; children are segments */
    size_t n_sections;
    const mkp_section *sections;
    mkp_text landscape_intro;
    size_t n_players;
    const mkp_player *players;

    /* The numbered figures and tables (marketpress/chart.h), the same
     * for every plugin. */
    size_t n_figures;
    const struct mkp_figure *figures;
    size_t n_tables;
    const struct mkp_table_ref *tables;
} mkp_model;

/* Index of `year` in the year arrays, or -1 when outside the model. */
static inline int mkp_year_index(const mkp_model *m, int year)
{
    return (year < m->first_year || year > m->forecast_end) ? -1 : year - m->first_year;
}

#ifdef __cplusplus
}
#endif
#endif
