/* marketpress/plugin.h - the contract between marketpress and its output
 * plugins.  A plugin is a shared object that exports one function,
 * MKP_ENTRY_NAME, returning a const descriptor.  This header (with model.h)
 * is all a plugin needs to build: no host library to link against.
 *
 * Compatibility: the ABI major is part of the entry symbol's name, so a
 * plugin built for another major is refused by name, never half-loaded.
 * Within a major, structures only grow at their end; every structure starts
 * with its size so both sides can tell what the other knows.  That cannot
 * protect an array: a plugin indexing model->figures[i] steps by the
 * sizeof it was compiled with.  So since ABI 1.2 every array of the model
 * and of a scene carries its element size (model->node_size, figure_size,
 * ..., scene->prim_size, a table's row_size): index with the stride, or
 * use the accessors (mkp_child_at(), mkp_figure_at(), mkp_row_at(),
 * mkp_prim_at(), ...), and a later minor may grow mkp_node or mkp_prim.
 * Within 1.2 no element grows, so 1.0 and 1.1 plugins keep working.  A
 * plugin's descriptor says which minor's header it was built against
 * (abi_minor) and, apart from that, the oldest host minor it runs on
 * (min_host_minor): rebuilding against a newer header does not make a
 * plugin refuse older hosts, and plugins built for an older minor keep
 * loading. */
#ifndef MARKETPRESS_PLUGIN_H
#define MARKETPRESS_PLUGIN_H

#include <stdarg.h>
#include <stddef.h>

#include "chart.h"
#include "model.h"

#ifdef __cplusplus
extern "C" {
#endif

#define MKP_ABI_MAJOR 1
#define MKP_ABI_MINOR 3

/* The entry symbol: "mkp_plugin_entry_v1" for ABI major 1. */
#define MKP_ENTRY mkp_plugin_entry_v1
#define MKP_ENTRY_NAME "mkp_plugin_entry_v1"

#if defined(__GNUC__)
#define MKP_EXPORT __attribute__((visibility("default")))
#else
#define MKP_EXPORT
#endif

/* Status codes returned by a plugin's render(), one comment each. */
typedef enum mkp_status {
    MKP_OK = 0,                     /* output written completely */
    MKP_ERROR = -1,                 /* failed; the reason went to diag() */
    MKP_EIO = -2,                   /* could not write the output */
    MKP_EMODEL = -3                 /* the model has something it cannot present */
} mkp_status;

/* Option types a plugin can declare. */
typedef enum mkp_option_type {
    MKP_OPT_BOOL = 0,               /* true|false|yes|no|1|0 */
    MKP_OPT_INT = 1,                /* a decimal integer within [min, max] */
    MKP_OPT_NUMBER = 2,             /* a decimal number within [min, max] */
    MKP_OPT_STRING = 3,             /* any text */
    MKP_OPT_CHOICE = 4              /* one of `choices`, separated by '|' */
} mkp_option_type;

typedef struct mkp_option {
    const char *name;               /* [a-z0-9-]+; set as -O plugin.name=value */
    mkp_option_type type;
    const char *default_value;      /* as it would be typed on the command line */
    const char *help;               /* one line */
    const char *choices;            /* MKP_OPT_CHOICE: "a4|letter" */
    double min, max;                /* MKP_OPT_INT and MKP_OPT_NUMBER */
} mkp_option;

/* Diagnostic levels for host->diag(). */
typedef enum mkp_level {
    MKP_NOTE = 0,
    MKP_WARNING = 1,
    MKP_FAIL = 2
} mkp_level;

typedef struct mkp_job mkp_job;

/* ---- ABI 1.3: this copy's edition and licence (job->copy) ---- */

typedef enum mkp_edition_kind {
    MKP_EDITION_FULL = 0,           /* the whole report */
    MKP_EDITION_SAMPLE = 1          /* the free sample (docs/editions.md): the cover, the executive
                                       summary, the key statistics, the full contents list with the
                                       pages of the full edition, the first figure of each chapter
                                       (host->in_sample) and the theme's call to order */
} mkp_edition_kind;

/* Whom one copy is licensed to and what its reader may do with it.  The
 * same for every plugin of one job's copy: the host reads it from the
 * command line (--licensee, --edition, ...) or a clients file. */
typedef struct mkp_copy {
    size_t size;                    /* sizeof(mkp_copy) of the host */
    mkp_edition_kind edition;
    const char *licensee;           /* "Acme Corp"; "" for a copy licensed to no one */
    const char *licence_id;         /* "L-1234", or "" */
    int seats;                      /* users the licence covers; 0 not stated, -1 a site licence */
    const char *licence_date;       /* YYYY-MM-DD, or "" */
    const char *watermark;          /* set diagonally across every page; "" for none (a sample
                                       edition has the host's word for it unless one is given) */
    /* Permissions, for formats that carry them (the PDF's, the workbook's
     * sheet protection).  protect 0: none are set, and the allow_ flags
     * and passwords are unused. */
    int protect;
    int allow_print;                /* print, at full quality */
    int allow_copy;                 /* copy text and images out */
    int allow_modify;               /* change the document, fill in, annotate */
    const char *owner_password;     /* never "" when protect is set: lifts the permissions */
    const char *open_password;      /* "" : the document opens without one */
    const char *slug;               /* the licensee's name as a folder name, "acme-corp";
                                       "sample" for an unlicensed sample; "" otherwise */
} mkp_copy;

/* The host's functions.  Append-only within an ABI major: a plugin that
 * uses a member added by a later minor checks `size` first. */
typedef struct mkp_host {
    size_t size;                    /* sizeof(mkp_host) of the host */
    int abi_major, abi_minor;
    const char *version;            /* marketpress version, "0.1.0" */

    /* Text in `lang`, falling back to "en", then to the first entry, then
     * to "".  Never NULL. */
    const char *(*text)(const mkp_text *t, const char *lang);

    /* Locale-independent number formatting into buf (always terminated).
     * format_number: fixed `decimals`, ',' thousands groups when `group`.
     * format_percent: a fraction as a percentage, 0.0943 -> "9.43%".
     * Both return the length written. */
    size_t (*format_number)(char *buf, size_t cap, double v, int decimals, int group);
    size_t (*format_percent)(char *buf, size_t cap, double fraction, int decimals);

    /* Shares of a sibling set rounded to `decimals` places so that the
     * rounded values add up to exactly 100 (largest remainder).  Writes n
     * percentages into out. */
    void (*round_shares)(const double *fractions, size_t n, int decimals, double *out);

    /* The value of an option declared by the plugin, as text (the default
     * when not set on the command line).  NULL for an undeclared name. */
    const char *(*option)(const mkp_job *job, const char *name);

    /* Report a note, warning or failure; the host prefixes the plugin's
     * name and the dataset. */
    void (*diag)(const mkp_job *job, mkp_level level, const char *fmt, ...)
#if defined(__GNUC__)
        __attribute__((format(printf, 3, 4)))
#endif
        ;

    /* The chart engine: lay `figure` out on a width x height canvas in
     * `lang`, measuring text with `measure`.  Returns a scene that the
     * caller frees with scene_free().  Should memory run out in this or any
     * host function, the job ends and marketpress reports it. */
    const mkp_scene *(*chart_layout)(const mkp_figure *figure, const char *lang, double width, double height,
                                     mkp_measure_fn measure, void *measure_ctx);
    void (*scene_free)(const mkp_scene *scene);

    /* A MKP_OPT_BOOL option as 1 or 0, however the user spelled it
     * (true/yes/on/1, false/no/off/0).  0 for an undeclared name. */
    int (*option_bool)(const mkp_job *job, const char *name);

    /* ---- ABI 1.1 (check MKP_HAS(mkp_host, host, label) first) ---- */

    /* marketpress's own word for `key` in the job's language, the same
     * one the chart engine and every built-in plugin use: "cagr" is "CAGR"
     * in English and 年复合增长率 in Chinese.  Some labels are printf
     * formats ("figure": "Figure %d"); docs/plugin-guide.md lists every key
     * with its arguments.  A key this host does not know comes back as
     * itself.  Never NULL. */
    const char *(*label)(const mkp_job *job, const char *key);

    /* The unit of every value of the model in the job's language,
     * "USD billion" or 十亿美元.  Returns the length written. */
    size_t (*format_unit)(const mkp_job *job, char *buf, size_t cap);

    /* An amount of the model's unit as running text in the job's
     * language, `decimals` places as in a table: 28.46 -> "USD 28.46
     * billion", or in Chinese 284.6亿美元 (counted in 万, 亿 and 万亿). */
    size_t (*format_money)(const mkp_job *job, char *buf, size_t cap, double v, int decimals);

    /* ---- ABI 1.2 (check MKP_HAS(mkp_host, host, chart_reference) first) ---- */

    /* The decimals of n values shown together (a table column, an axis,
     * the labels of a chart), by the rule every figure's `decimals`
     * follows: from their kind and magnitude (an amount: 0 from 1,000, 1
     * from 100, else 2; a share 1; a rate 2), then more, up to 3, until no
     * two values that differ show the same and no value but zero shows
     * as 0. */
    int (*value_decimals)(const double *values, size_t n, mkp_number_kind kind);

    /* The reference canvas of `figure` in `lang`: the chart engine
     * decides which values get a label, and at what size, once on this
     * canvas, and every layout at least this large shows exactly those
     * labels; a smaller one decides on its own size and labels fewer.  A
     * renderer that shrinks charts to fit its pages stops here. */
    void (*chart_reference)(const mkp_figure *figure, const char *lang, double *width, double *height);

    /* ---- ABI 1.2 (plugin SDK 1.1: the tables' contents, the language a
     * text is shown in, typed options; check MKP_HAS(mkp_host, host,
     * table) first) ---- */

    /* What Table `number` holds (chart.h: rows, columns, values, notes),
     * the same content every built-in plugin prints; NULL for a number
     * the model does not have.  The model's table_data, found by number. */
    const mkp_table *(*table)(const mkp_job *job, int number);

    /* The language of the text text() returns for `lang`: `lang` itself,
     * else "en", else the first entry's; "" for an empty text.  For a
     * lang attribute (HTML, SVG) that must say what the words really are:
     * a text missing in Chinese is shown, and marked, in English. */
    const char *(*text_lang)(const mkp_text *t, const char *lang);

    /* A MKP_OPT_INT option's value as a number (option_number: also a
     * MKP_OPT_NUMBER's), however it was spelled ("7", "+7", "7.0"); the
     * host checked it against the declared range before the job started.
     * 0 for an undeclared name, an option of another type, or a default
     * that breaks its own declaration. */
    long long (*option_int)(const mkp_job *job, const char *name);
    double (*option_number)(const mkp_job *job, const char *name);

    /* ---- ABI 1.2: the host's fonts and SVG charts (check MKP_HAS(mkp_host, host, svg_free) first) ---- */

    /* The fonts the svg plugin draws with, found for this job through
     * fontconfig by the pdf plugin's rules (TrueType outlines of exactly
     * the family asked for): `family` regular and bold for Latin text
     * (NULL or "": DejaVu Sans), `cjk_family` for Chinese (NULL or "":
     * Droid Sans Fallback, else the best TrueType font for zh-cn, else
     * none: boxes, with one warning).  A character is set in the CJK face
     * when it is wide (mkp_is_wide) or the Latin face lacks it; bold CJK
     * text is emboldened.  NULL, after one diag() line naming what is
     * missing, when a family cannot be had.  The fonts belong to the
     * caller until fonts_close(); open them once per job (fontconfig takes
     * a few milliseconds). */
    mkp_fonts *(*fonts_open)(const mkp_job *job, const char *family, const char *cjk_family);
    void (*fonts_close)(mkp_fonts *fonts);

    /* The width of `text` in those fonts (ctx: the mkp_fonts), from the
     * unhinted advances scene_svg places its glyphs at: hand it to
     * chart_layout with the fonts as measure_ctx, and measure your own
     * strings with it, so that what the layout checked is what is drawn. */
    mkp_measure_fn measure;

    /* The glyphs of `text` at `size` points as measure counts them and
     * scene_svg draws them, one per code point: writes at most `cap` into
     * `out` and returns how many there are.  For a plugin that draws text
     * itself in the host's faces (font_file). */
    size_t (*text_glyphs)(mkp_fonts *fonts, const char *text, double size, int bold, mkp_glyph *out, size_t cap);

    /* The font file of face `face` (MKP_FACE_*) and, in *index, the face's
     * number inside it (a .ttc collection); *embolden is 1 for a face the
     * host emboldens by an em/24 (as FreeType's FT_Outline_EmboldenXY and
     * cairo's CAIRO_FT_SYNTHESIZE_BOLD do).  NULL for a face these fonts
     * do not have (no CJK font).  The string lives as long as the fonts. */
    const char *(*font_file)(const mkp_fonts *fonts, int face, int *index, int *embolden);

    /* `scene` as a standalone SVG 1.1 document, byte for byte what the
     * svg plugin writes for it: shapes as SVG elements, every text as
     * glyph outlines in `fonts` (never <text>, so it looks the same with
     * no fonts installed), each text group with its words in aria-label,
     * its role in class (title, axis, value-label, legend, category,
     * note) and, for a value label, data-series, data-category and
     * data-value.  The root is role="img" with `title` as its aria-label
     * and <title> (NULL: the scene's title texts), so that a page may
     * inline it.  Every id starts with `id_prefix` (NULL or "": none;
     * give each chart of one HTML page its own, [A-Za-z0-9_-]).  The same
     * scene and fonts give the same bytes.  Returns the document,
     * NUL-terminated, its length in *len when len is not NULL; the caller
     * frees it with svg_free().  NULL only for a NULL fonts or scene. */
    char *(*scene_svg)(mkp_fonts *fonts, const mkp_scene *scene, const char *title, const char *id_prefix,
                       size_t *len);
    void (*svg_free)(char *svg);

    /* ---- ABI 1.3: house style and editions (check MKP_HAS(mkp_host, host, in_sample) first) ---- */

    /* The line a licensed copy prints at the foot of every page, in the
     * job's language: "Licensed to Acme Corp, licence L-1234, single
     * user".  Returns the line's whole length, as snprintf does: a
     * result of cap or more means it was cut, and a buffer of that length
     * plus one holds it.  Writes "" and returns 0 for a copy licensed to
     * no one. */
    size_t (*licence_line)(const mkp_job *job, char *buf, size_t cap);

    /* Chart series colour i of the job's theme, the one the chart engine
     * gives series i: the theme's series, then the same lighter, then
     * darker, for longer lists. */
    mkp_color (*series_color)(const mkp_job *job, size_t i);

    /* Whether the sample edition shows figure `number`: the first figure
     * of each chapter (the market's, then each dimension's).  1 for every
     * figure of a full edition. */
    int (*in_sample)(const mkp_job *job, int number);
} mkp_host;

/* ABI 1.2: primitive `i` of a scene, by the scene's stride where the host
 * has one (see mkp_scene.prim_size). */
static inline const mkp_prim *mkp_prim_at(const mkp_host *host, const mkp_scene *s, size_t i)
{
    size_t stride = MKP_HAS(mkp_host, host, table) && s->prim_size ? s->prim_size : sizeof(mkp_prim);
    return MKP_AT(mkp_prim, s->prims, stride, i);
}

/* One rendering job: one model, one plugin, one output. */
struct mkp_job {
    size_t size;                    /* sizeof(mkp_job) of the host */
    const mkp_host *host;
    const mkp_model *model;
    const char *lang;               /* "en" or "zh-CN", ... */
    /* Where to write.  For a single-file plugin, a file path the plugin
     * creates; for a MKP_PLUGIN_DIRECTORY plugin, an existing empty folder
     * that the plugin fills.  It is a temporary name: the host moves it into
     * place when render() returns MKP_OK, and removes it otherwise.  Write
     * nowhere else. */
    const char *output_path;
    const char *plugin_dir;         /* the folder the plugin was loaded from */
    void *host_data;                /* the host's; do not touch */
    /* ---- ABI 1.3: check MKP_HAS(mkp_job, job, copy) ---- */
    const mkp_copy *copy;           /* never NULL on a 1.3 host: an unlicensed full edition
                                       has edition MKP_EDITION_FULL and licensee "" */
};

/* Descriptor flags. */
#define MKP_PLUGIN_DIRECTORY 0x01u  /* writes several files into a folder
                                       DIR/<id>-<name>/ instead of DIR/<id>.<ext> */

typedef struct mkp_plugin {
    size_t size;                    /* sizeof(mkp_plugin) the plugin was built with */
    int abi_major;                  /* MKP_ABI_MAJOR */
    int abi_minor;                  /* MKP_ABI_MINOR: the header it was built against */
    const char *name;               /* [a-z0-9-]+, unique: "pdf", "csv" */
    const char *version;            /* the plugin's own version */
    const char *description;        /* one line */
    const char *extension;          /* output file extension, "pdf" */
    unsigned flags;                 /* MKP_PLUGIN_* */
    size_t n_options;
    const mkp_option *options;
    /* Render job->model into job->output_path.  Runs in its own process:
     * a crash costs only this output.  Return MKP_OK or a negative status. */
    int (*render)(const mkp_job *job);

    /* ---- ABI 1.2 ---- */

    /* The oldest host minor the plugin runs on, whatever header it was
     * built against: 0 when it calls only ABI 1.0 host functions and reads
     * only 1.0 model members, or checks MKP_HAS before anything newer; else
     * the minor that added the newest one it uses unchecked (1 for
     * host->label, 2 for host->value_decimals).  A host whose minor is
     * lower refuses the plugin, saying so; a host of any minor from this
     * one up loads it.  MKP_DEFINE_PLUGIN leaves it 0 unless given.  A
     * descriptor built before 1.2 ends before this member, and its
     * abi_minor is then taken as its minimum, as hosts always did. */
    int min_host_minor;
} mkp_plugin;

/* MKP_HAS(type, ptr, member), whether a structure that starts with its
 * size holds `member`, is defined in model.h (its accessors use it). */

/* Declares the descriptor and the exported entry in one go (C99 and
 * later; C++ before C++20 has no designated initializers: write the long
 * form below with the members in order).  `host_var` is the plugin's
 * `static const mkp_host *` that the entry fills in; the rest are the
 * descriptor's members as designated initializers:
 *
 *     static const mkp_host *host;
 *     ...
 *     MKP_DEFINE_PLUGIN(host, .name = "csv", .version = "1.0.0",
 *                       .description = "tidy CSV of every series", .extension = "csv",
 *                       MKP_OPTIONS(options), .render = render);
 *
 * min_host_minor is 0 unless given (`.min_host_minor = 1` among the
 * members): a plugin that uses a 1.1 or 1.2 host function without checking
 * MKP_HAS first says so there.  A plugin that must declare an older
 * abi_minor writes the long form.
 *
 * The long form it stands for:
 *
 *     static const mkp_plugin descriptor = {
 *         .size = sizeof(mkp_plugin), .abi_major = MKP_ABI_MAJOR, .abi_minor = MKP_ABI_MINOR,
 *         .name = "csv", ..., .render = render, .min_host_minor = 0};
 *     MKP_EXPORT const mkp_plugin *MKP_ENTRY(const mkp_host *h) { host = h; return &descriptor; } */
#define MKP_DEFINE_PLUGIN(host_var, ...)                                                                             \
    static const mkp_plugin mkp_plugin_descriptor_ = {                                                               \
        .size = sizeof(mkp_plugin), .abi_major = MKP_ABI_MAJOR, .abi_minor = MKP_ABI_MINOR, __VA_ARGS__};          \
    MKP_EXPORT const mkp_plugin *MKP_ENTRY(const mkp_host *mkp_host_arg_)                                           \
    {                                                                                                                 \
        host_var = mkp_host_arg_;                                                                                     \
        return &mkp_plugin_descriptor_;                                                                               \
    }                                                                                                                 \
    MKP_EXPORT const mkp_plugin *MKP_ENTRY(const mkp_host *mkp_host_arg_) /* takes the `;` after the macro */

/* A plugin's option table as the descriptor's n_options and options. */
#define MKP_OPTIONS(table) .n_options = sizeof(table) / sizeof((table)[0]), .options = (table)

/* The one symbol a plugin exports.  The host passes its function table,
 * which stays valid for as long as the plugin is loaded. */
typedef const mkp_plugin *(*mkp_entry_fn)(const mkp_host *host);

/* Define it in your plugin as:
 *     MKP_EXPORT const mkp_plugin *MKP_ENTRY(const mkp_host *host) { ... } */
MKP_EXPORT const mkp_plugin *MKP_ENTRY(const mkp_host *host);

#ifdef __cplusplus
}
#endif
#endif
