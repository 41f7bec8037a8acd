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

/* Whether a structure that starts with its size (mkp_model, mkp_host,
 * mkp_job, ...) is large enough to hold `member`: a host or model of an
 * older minor version may end before a member this header declares.
 *     if (MKP_HAS(mkp_model, job->model, figures)) ... */
#define MKP_HAS(type, ptr, member) ((ptr)->size >= offsetof(type, member) + sizeof(((type *)0)->member))

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
#define MKP_YEAR_PUBLISHED 0x08u    /* ABI 1.1: an anchor the publisher printed
                                       (an anchor without it is illustrative) */
#define MKP_YEAR_SCENARIO 0x10u     /* ABI 1.1: moved by the scenario presented */

/* What one value is, from its year flags: every plugin shows these the
 * same way (the chart engine's colours, the workbook's and the CSV's
 * provenance column).  A host of ABI 1.0 sets neither of the 1.1 flags, so
 * its anchors all read as illustrative: check host->abi_minor >= 1. */
typedef enum mkp_value_class {
    MKP_VALUE_PUBLISHED = 0,        /* an anchor the publisher printed */
    MKP_VALUE_ACTUAL = 1,           /* an actual from the dataset's history */
    MKP_VALUE_ILLUSTRATIVE = 2,     /* an anchor that is an illustrative assumption */
    MKP_VALUE_ESTIMATE = 3,         /* interpolated between anchors, or forecast */
    MKP_VALUE_SCENARIO = 4          /* changed by the scenario the model presents */
} mkp_value_class;
#define MKP_VALUE_CLASSES 5

static inline mkp_value_class mkp_value_class_of(unsigned flags)
{
    if (flags & MKP_YEAR_SCENARIO)
        return MKP_VALUE_SCENARIO;
    if (flags & MKP_YEAR_HISTORY)
        return MKP_VALUE_ACTUAL;
    if (flags & MKP_YEAR_ANCHOR)
        return (flags & MKP_YEAR_PUBLISHED) ? MKP_VALUE_PUBLISHED : MKP_VALUE_ILLUSTRATIVE;
    return MKP_VALUE_ESTIMATE;
}

/* The class's name in machine-readable outputs (the CSV, the workbook's
 * Data table): "published", "actual", "illustrative", "estimate",
 * "scenario".  For people, the host's label() of the same key. */
static inline const char *mkp_value_class_name(mkp_value_class c)
{
    static const char *const names[MKP_VALUE_CLASSES] = {"published", "actual", "illustrative", "estimate",
                                                         "scenario"};
    return (unsigned)c < MKP_VALUE_CLASSES ? names[c] : "estimate";
}

/* ABI 1.2: what a set of numbers is, for the one rule of their decimals
 * (host->value_decimals): the decimals follow the kind and the magnitude,
 * then grow until two different values never read the same. */
typedef enum mkp_number_kind {
    MKP_NUMBER_AMOUNT = 0,          /* money in the model's unit: 0 decimals from 1,000,
                                       1 from 100, else 2 */
    MKP_NUMBER_SHARE = 1,           /* a percentage of a whole (0..100): 1 decimal */
    MKP_NUMBER_RATE = 2             /* a growth rate in percent (a CAGR): 2 decimals */
} mkp_number_kind;

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

/* A named what-if: growth adjustments applied to the base forecast. */
typedef struct mkp_scenario {
    const char *id;                 /* "base", "optimistic", "tariffs-2025" */
    mkp_text title;
    mkp_text description;
    const double *market;           /* the market per year under this scenario */
    double cagr;                    /* of that market, cagr_start..forecast_end */
} mkp_scenario;

/* ABI 1.2: one segment or sub-segment with its one-line definition, for
 * a report's scope table.  model->definitions lists every segment of every
 * dimension in the order of the tree (a segment, then its sub-segments).
 * Nodes stay in arrays whose stride a plugin compiled against an earlier
 * header relies on, so mkp_node itself never grows: what a node gains
 * comes in arrays of the model like this one. */
typedef struct mkp_definition {
    const mkp_node *node;           /* depth 1 segment or depth 2 sub-segment */
    mkp_text text;                  /* n == 0 when the dataset gives none */
} mkp_definition;

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

    /* Scenarios: scenarios[0] is always the base case.  `scenario` is the
     * one this model presents (render --scenario), else scenarios[0]. */
    size_t n_scenarios;
    const mkp_scenario *scenarios;
    const mkp_scenario *scenario;

    /* ---- ABI 1.2, the publisher's imprint and the scope: check
     * MKP_HAS(mkp_model, m, definitions) first (a 1.1 host ends before
     * them).  Every text has n == 0 when the dataset
     * gives none: a plugin then uses the host's words (label() keys
     * "licence-terms", "disclaimer-terms"). ---- */
    mkp_text copyright;             /* the holder after "(c) YEAR"; n 0: the publisher */
    mkp_text licence;               /* the terms the client may use the report under */
    mkp_text disclaimer;            /* what the figures are and are not */
    mkp_text about;                 /* about the publisher, a paragraph */
    const char *contact_email;      /* "" when absent, else checked: "sales@example.com" */
    const char *contact_web;        /* "" or "https://..." */
    const char *contact_phone;      /* "" or digits, spaces and + ( ) - . / */
    mkp_text contact_address;       /* one line */
    size_t n_definitions;           /* every segment and sub-segment */
    const mkp_definition *definitions;

    /* ---- ABI 1.2, element sizes and what the tables and callouts hold:
     * check MKP_HAS(mkp_model, m, node_size) first. ----
     *
     * The distance in bytes from one element to the next of every array
     * of the model.  An element structure (mkp_node, mkp_figure, ...) may
     * grow at its end in a later minor, and then an array of them is no
     * longer indexed by the sizeof a plugin was compiled with: index with
     * these strides, which the accessors below (mkp_child_at(),
     * mkp_figure_at(), ...) do for you, falling back to the compiled size
     * on a host older than ABI 1.2.  Within ABI 1.2 every stride equals
     * the sizeof of this header, so plugins built for 1.0 and 1.1, which
     * index with their own sizeof, keep working; a later minor that grows
     * an element must keep them working too. */
    size_t node_size;               /* dimensions[], every node's children[] */
    size_t text_size;               /* mkp_text arrays: a block's items[], a figure's
                                       categories[] and category_groups[] */
    size_t text_entry_size;         /* every mkp_text's v[] */
    size_t section_size;            /* sections[] */
    size_t block_size;              /* every section's blocks[] */
    size_t player_size;             /* players[] */
    size_t scenario_size;           /* scenarios[] */
    size_t definition_size;         /* definitions[] */
    size_t figure_size;             /* figures[] (chart.h) */
    size_t series_size;             /* every figure's series[] */
    size_t table_ref_size;          /* tables[] */
    size_t table_size;              /* table_data[] */

    /* What the numbered tables hold (chart.h, mkp_table): table_data[i]
     * is the content of tables[i], n_tables of them, built once by the
     * host; host->table(job, number) finds one by its number.  Every
     * built-in plugin prints its tables from these. */
    const struct mkp_table *table_data;

    /* figures[i]'s callout in every language marketpress has words for
     * (n_figures of them; n == 0 for a figure without one), where the
     * figure's `callout` member is English only. */
    const mkp_text *callouts;

    /* ---- ABI 1.3: check MKP_HAS(mkp_model, m, theme) first ---- */

    /* The house style the model is presented in (chart.h, mkp_theme):
     * never NULL on a 1.3 host. */
    const struct mkp_theme *theme;
} mkp_model;

/* ABI 1.2: element `i` of an array whose elements lie `stride` bytes apart. */
#define MKP_AT(type, array, stride, i)                                                                             \
    ((const type *)(const void *)((const char *)(array) + (size_t)(i) * (stride)))

/* The stride of the model's arrays of `type`, from its member `size_member`
 * (node_size, figure_size, ...): on a host older than ABI 1.2, which has
 * none, the size this plugin was compiled with, which is then right. */
#define MKP_STRIDE(m, size_member, type)                                                                           \
    (MKP_HAS(mkp_model, (m), size_member) && (m)->size_member ? (m)->size_member : sizeof(type))

/* Index of `year` in the year arrays, or -1 when outside the model. */
static inline int mkp_year_index(const mkp_model *m, int year)
{
    return (year < m->first_year || year > m->forecast_end) ? -1 : year - m->first_year;
}

/* ABI 1.2: the elements of the model's arrays, by their stride (see
 * node_size).  Index with these, not with [i], and a later minor may grow
 * the element structures without breaking your plugin. */
static inline const mkp_node *mkp_dimension_at(const mkp_model *m, size_t i)
{
    return MKP_AT(mkp_node, m->dimensions, MKP_STRIDE(m, node_size, mkp_node), i);
}

static inline const mkp_node *mkp_child_at(const mkp_model *m, const mkp_node *n, size_t i)
{
    return MKP_AT(mkp_node, n->children, MKP_STRIDE(m, node_size, mkp_node), i);
}

static inline const mkp_section *mkp_section_at(const mkp_model *m, size_t i)
{
    return MKP_AT(mkp_section, m->sections, MKP_STRIDE(m, section_size, mkp_section), i);
}

static inline const mkp_block *mkp_block_at(const mkp_model *m, const mkp_section *s, size_t i)
{
    return MKP_AT(mkp_block, s->blocks, MKP_STRIDE(m, block_size, mkp_block), i);
}

static inline const mkp_text *mkp_item_at(const mkp_model *m, const mkp_block *b, size_t i)
{
    return MKP_AT(mkp_text, b->items, MKP_STRIDE(m, text_size, mkp_text), i);
}

static inline const mkp_player *mkp_player_at(const mkp_model *m, size_t i)
{
    return MKP_AT(mkp_player, m->players, MKP_STRIDE(m, player_size, mkp_player), i);
}

static inline const mkp_scenario *mkp_scenario_at(const mkp_model *m, size_t i)
{
    return MKP_AT(mkp_scenario, m->scenarios, MKP_STRIDE(m, scenario_size, mkp_scenario), i);
}

/* A 1.1 host has no definitions: check MKP_HAS(mkp_model, m, definitions). */
static inline const mkp_definition *mkp_definition_at(const mkp_model *m, size_t i)
{
    return MKP_AT(mkp_definition, m->definitions, MKP_STRIDE(m, definition_size, mkp_definition), i);
}

#ifdef __cplusplus
}
#endif
#endif
