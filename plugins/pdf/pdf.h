/* pdf.h - the pdf plugin's internal interfaces: the document state that the
 * font, text, page, table, chart, navigation and report files share.  Only
 * the plugin entry leaves pdf.so (hidden visibility); everything declared
 * here is private to the plugin. */
#ifndef MKP_PDF_H
#define MKP_PDF_H

#include <hpdf.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>

#include <marketpress/marketpress.h>

#include "../common/fontfind.h"
#include "breaks.h"

/* ---- faces and styles (fonts.c) ------------------------------------------ */

/* One Latin family in three faces (option font, else DejaVu Serif or Sans
 * as option typeface says, else the theme's body family), a CJK font
 * (option cjk-font, else the theme's, else Droid Sans Fallback) and, when
 * the theme sets headings in a family of their own, that family's bold
 * face, found through fontconfig (plugins/common/fontfind.c) when the job
 * starts.  Faces are loaded on first use, and a report without Chinese
 * never loads the CJK font.  Latin text is set in
 * single-byte WinAnsi fonts: libharu builds a UTF-8 font by looking up all
 * 65,536 code points in the font's cmap, about 7 ms each, so the UTF-8
 * font of a Latin face is only made for characters outside cp1252. */
enum {
    PF_REGULAR = FF_REGULAR,
    PF_BOLD = FF_BOLD,              /* headings, table heads, **bold** */
    PF_ITALIC = FF_ITALIC,          /* *italic* */
    PF_CJK = FF_CJK,                /* ideographs and CJK punctuation, any style */
    PF_HEADING = FF_HEADING,        /* the theme's heading family, bold (pf_style.bold == PF_HEAD) */
    PF_NFACES = FF_NFACES
};

/* pf_style.bold for a heading: bold, in the heading family when the theme
 * gives one, else in the body's bold face. */
#define PF_HEAD 2

typedef struct pf_style {
    unsigned char bold, italic;     /* bold: 0, 1 or PF_HEAD */
    double size;                    /* points */
    uint32_t rgb;                   /* 0xRRGGBB */
} pf_style;

/* The colours the report draws with, 0xRRGGBB, from the theme (theme.c). */
typedef struct pdf_colors {
    uint32_t primary;               /* the cover, headings, the rules of tables */
    uint32_t accent;                /* chapter numbers, bullets, the cover's stripe */
    uint32_t on_primary;            /* text on primary */
    uint32_t ink;                   /* running text, table cells */
    uint32_t muted;                 /* running heads and feet, notes, labels */
    uint32_t rule;                  /* thin lines */
    uint32_t header_fill, header_ink; /* a table's header row */
    uint32_t zebra;                 /* shaded table rows, the cover's key figures */
    uint32_t sub, kicker;           /* tints of on_primary over primary: the cover's subtitle
                                       and its "Market Research Report" */
    uint32_t values[MKP_VALUE_CLASSES]; /* each kind of value, as the charts show it */
} pdf_colors;

typedef struct pdf_face {
    HPDF_Font font;                 /* Latin faces: WinAnsi (cp1252), quick to make;
                                       the CJK face: UTF-8 */
    HPDF_Font font_utf;             /* Latin faces: UTF-8, made on the first character
                                       outside cp1252 (libharu takes ~7 ms per font) */
    const char *name;               /* libharu's name of the loaded file */
    int16_t *width;                 /* advance per BMP code point, 1/1000 em; -1 = not asked yet */
    int state;                      /* 0 not loaded, 1 ready, -1 unavailable */
} pdf_face;

/* ---- text layout (text.c) ----------------------------------------------- */

enum { TX_WORD = 0, TX_GLUE = 1, TX_CJK = 2 };

/* Box flags. */
#define TX_BRK   0x01u              /* a line may end after this box (glue: after the space) */
#define TX_FAKE  0x08u              /* bold CJK: the face has no bold, so stroke it */

typedef struct tx_box {
    uint32_t off, len;              /* bytes in tx_para.buf */
    float w;                        /* natural width, points */
    unsigned char kind, face, flags;
} tx_box;

/* A line is boxes [a, b).  After a hyphenated line the next one starts
 * inside its first box: `skip` bytes of box a (`skipw` points) belong to
 * the line before, which shows only `cut` bytes (`cutw` points) of its last
 * box and a hyphen. */
typedef struct tx_line {
    uint32_t a, b;                  /* boxes [a, b), trailing glue dropped */
    uint32_t skip, cut;             /* 0: the whole box */
    float skipw, cutw;
    float w;                        /* natural width, the hyphen included */
    unsigned char last;             /* the paragraph's last line: never justified */
    unsigned char hyph;             /* ends with a hyphen */
} tx_line;

/* What tx_add was given: its text (spaces included) and, for each change
 * of face or of fake bold, where it starts; tx_break makes the boxes. */
typedef struct tx_run {
    uint32_t off;
    unsigned char face, flags;      /* flags: TX_FAKE */
} tx_run;

/* A place where a justified English line may end, for the optimal fit
 * (text.c): after a glue, between two boxes, inside a word at a hyphen;
 * with the running widths where the line ending here ends and where the
 * next one starts, and the least demerits of the lines up to here for 0, 1
 * and 2 hyphenated lines in a row. */
typedef struct tx_cand {
    double end, start;              /* running width (points) */
    double cost[3];
    int32_t from[3];                /* candidate * 3 + hyphens in a row before, or -1 */
    uint32_t box, cut;              /* the box the next line starts with; a hyphen after `cut` bytes */
    uint32_t glue_end, glue_start;  /* running count of glue */
    float cutw;
    unsigned char kind;
} tx_cand;

typedef struct tx_para {
    char *buf;
    size_t blen, bcap;
    tx_run *run;
    size_t nrun, rcap;
    char *brk;                      /* break opportunities of buf (breaks.h) */
    size_t brkcap;
    tx_box *box;
    size_t n, cap;
    tx_line *line;
    size_t nl, lcap;
    tx_cand *cand;
    size_t ncand, ccap;
    double size;
    uint32_t rgb;
} tx_para;

/* tx_break's modes */
#define TX_RAGGED  0                /* headings, cells, captions: no hyphenation */
#define TX_JUSTIFY 1                /* justified running text: English may be hyphenated */

/* ---- navigation (nav.c) ------------------------------------------------- */

enum { NAV_CHAPTER = 1, NAV_SECTION = 2, NAV_FIGURE = 3, NAV_TABLE = 4 };

typedef struct nav_entry {
    int kind;                       /* NAV_* */
    const char *number;             /* "3", "3.1", "Figure 4" (arena) */
    const char *title;              /* arena */
    size_t page;                    /* index into the main pages */
    HPDF_Destination dest;
    int chapter;                    /* the chapter it is in (d->chapter when recorded) */
    size_t full;                    /* the sample edition: its page in the full edition (0: none) */
    int out;                        /* the sample edition: in the full edition only */
} nav_entry;

typedef struct nav_list {
    nav_entry *v;
    size_t n, cap;
} nav_list;

/* ---- pages (page.c) ----------------------------------------------------- */

typedef struct pdf_page {
    HPDF_Page page;
    const char *running;            /* chapter title for the running head, or NULL */
} pdf_page;

typedef struct pdf_pages {
    pdf_page *v;
    size_t n, cap;
} pdf_pages;

/* ---- the document ------------------------------------------------------- */

typedef struct ar_block ar_block;

typedef struct pdf_alpha {
    unsigned key;                   /* fill alpha << 8 | stroke alpha */
    HPDF_ExtGState gs;
} pdf_alpha;

/* A place on a page, in PDF points (y up): x, y its bottom left corner. */
typedef struct pdf_box {
    double x, y, w, h;
} pdf_box;

typedef struct pdf_doc {
    const mkp_job *job;
    const mkp_host *host;
    const mkp_model *m;
    const char *lang;
    int zh;                         /* Chinese labels and number words */
    int sans;                       /* typeface=sans */
    int typeface;                   /* option typeface given (serif or sans, not auto) */
    const char *font, *cjk_font;    /* options font and cjk-font: a family, or "" for the default */

    /* the house style (theme.c) */
    const mkp_theme *theme;         /* NULL before ABI 1.3 */
    pdf_colors col;
    mkp_cover_layout cover;
    HPDF_Image logo;                /* NULL: none */
    double logo_aspect;             /* width / height */
    const char *footer;             /* the theme's footer line, "" none */
    pdf_box cover_free;             /* what the cover leaves empty near its foot (cover.c) */
    jmp_buf oom;                    /* out of memory (1), libharu failed (PDF_JMP_HPDF): render() cleans up, fails */

    HPDF_Doc pdf;
    HPDF_STATUS err, err_detail;    /* libharu's first error */
    HPDF_Encoder utf8;
    pdf_face face[PF_NFACES];
    ff_fonts fonts;                 /* the file and face index of each face */

    /* geometry: the page and the content box, in PDF points (y up) */
    double pw, ph, left, right, top, bottom, tw;

    pdf_pages main;                 /* cover and body, in order */
    pdf_pages front;                /* contents and lists, inserted after the cover */
    int in_front;
    HPDF_Page page;                 /* the page being filled */
    double y;                       /* top of the free space on it */
    int fresh;                      /* nothing placed on `page` yet */
    const char *running;            /* running head for new body pages */

    /* font last selected on `font_page`, to skip redundant Tf operators */
    HPDF_Page font_page;
    HPDF_Font font_cur;
    int face_cur;
    double font_size;

    int chapter, section;
    HPDF_Outline outline_chapter;
    HPDF_Outline outline_front[4];  /* contents, figures, tables, the copyright page */
    nav_list toc, figs, tabs;

    int decimals;                   /* digits of market values in tables and text */
    const char *unit_label;         /* "USD billion" */

    tx_para para, cell;             /* scratch paragraphs */
    br_hyph *hyph;                  /* English hyphenation (breaks.c), loaded on first need */
    int hyph_state;                 /* 0 not tried, 1 loaded, -1 unavailable (said once) */
    pdf_alpha alpha[16];            /* translucent chart colours */
    size_t n_alpha;
    char *tmp;                      /* scratch text for drawing one run */
    size_t tmp_cap;
    ar_block *arena;

    /* this copy (licence.c, seal.c, sample.c) */
    const mkp_copy *copy;           /* the host's, or NULL on a host before ABI 1.3 */
    const char *licence;            /* host->licence_line(): "" for a copy licensed to no one */
    struct sm_plan *plan;           /* the sample edition: the full edition's contents */
    int pass;                       /* PASS_* */
} pdf_doc;

/* What one layout of the document is for. */
enum {
    PASS_FULL = 0,                  /* the report, saved */
    PASS_MEASURE = 1,               /* the full edition laid out for its page numbers, not saved */
    PASS_SAMPLE = 2                 /* the sample edition, saved */
};

/* ---- plugin.c ----------------------------------------------------------- */
#define PDF_JMP_HPDF 2              /* longjmp(d->oom, ...) for an error libharu recorded in d->err */
int pdf_failed(pdf_doc *d);
void *xrealloc(pdf_doc *d, void *p, size_t size);
void *ar_alloc(pdf_doc *d, size_t size);
char *ar_strdup(pdf_doc *d, const char *s);
char *ar_printf(pdf_doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
const char *txt(const pdf_doc *d, const mkp_text *t);
/* A text for one place (the document's info, the cover, a running head, a
 * bookmark): at most SHORT_TEXT_MAX bytes, cut at a character boundary with
 * an ellipsis.  libharu refuses a string object over 65,535 bytes (and then
 * every page after), and a cover has room for a few lines. */
#define SHORT_TEXT_MAX 1000
const char *txt_short(pdf_doc *d, const mkp_text *t);
const char *str_short(pdf_doc *d, const char *s);

/* ---- fonts.c ------------------------------------------------------------ */

/* A string member a host may leave NULL, as "". */
static inline const char *or_empty(const char *s)
{
    return s ? s : "";
}

/* The code point at s[*i] as the report can set it, advancing *i:
 * mkp_utf8_next's, with C0 controls and DEL as a space and anything beyond
 * the Basic Multilingual Plane as U+FFFD, since libharu's encoders and
 * pf_put stop at U+FFFF.  Whatever measures or shows text on a page reads
 * it through this, so that what is measured is what is drawn. */
static inline uint32_t pf_next_char(const char *s, size_t len, size_t *i)
{
    uint32_t c = mkp_utf8_next(s, len, i);
    return c < 0x20 || c == 0x7F ? 0x20 : c > 0xFFFF ? 0xFFFD : c;
}

int pf_open(pdf_doc *d);
void pf_close(pdf_doc *d);
const char *pf_file(const pdf_doc *d, int face);
void pf_complete_subsets(pdf_doc *d);
size_t pf_put(char *o, uint32_t c);
int pf_pick(pdf_doc *d, const pf_style *st, uint32_t cp);
double pf_cp_width(pdf_doc *d, int face, uint32_t cp);
double pf_width(pdf_doc *d, const char *s, const pf_style *st);
double pf_draw(pdf_doc *d, double x, double y, const char *s, const pf_style *st);
void pf_draw_rotated(pdf_doc *d, double x, double y, double degrees, const char *s, const pf_style *st);
void pf_set_font(pdf_doc *d, int face, double size);
void pf_show(pdf_doc *d, const char *s, size_t len);
double pf_measure_cb(void *ctx, const char *text, double size, int bold);
void pf_rgb_fill(pdf_doc *d, uint32_t rgb);
void pf_rgb_stroke(pdf_doc *d, uint32_t rgb);
int pf_latin(const pdf_doc *d, const pf_style *st);
char *pf_fit(pdf_doc *d, const char *s, const pf_style *st, double width);

/* ---- text.c ------------------------------------------------------------- */
void tx_reset(tx_para *p, double size, uint32_t rgb);
void tx_free(tx_para *p);
void tx_add(pdf_doc *d, tx_para *p, const char *s, size_t len, const pf_style *st);
void tx_add_marked(pdf_doc *d, tx_para *p, const char *s, const pf_style *st);
size_t tx_break(pdf_doc *d, tx_para *p, double width, int mode);
void tx_draw_line(pdf_doc *d, const tx_para *p, size_t line, double x, double y, double width, int justify);
size_t tx_lines(pdf_doc *d, tx_para *p, const char *s, const pf_style *st, double width);

/* ---- page.c ------------------------------------------------------------- */
void pg_setup(pdf_doc *d, const char *paper);
void pg_new(pdf_doc *d);
int pg_room(const pdf_doc *d, double h);
void pg_need(pdf_doc *d, double h);
void pg_gap(pdf_doc *d, double h);
void pg_take(pdf_doc *d, double h);
size_t pg_number(const pdf_doc *d, size_t main_index);
void pg_decorate(pdf_doc *d);
void pg_rect(pdf_doc *d, double x, double y, double w, double h, uint32_t fill);
void pg_line(pdf_doc *d, double x1, double y1, double x2, double y2, double width, uint32_t rgb);

/* ---- flow.c: headings, paragraphs, lists, captions ---------------------- */
void fl_chapter(pdf_doc *d, const char *title);
void fl_section(pdf_doc *d, const char *title, double keep);
void fl_heading(pdf_doc *d, const char *title, double keep);
void fl_paragraph(pdf_doc *d, const char *marked, int justify);
void fl_bullets(pdf_doc *d, const mkp_text *items, size_t n);
void fl_bullet_text(pdf_doc *d, const char *marked);
void fl_blocks(pdf_doc *d, const mkp_section *s);
double fl_lead(pdf_doc *d, const char *marked);
void fl_caption(pdf_doc *d, const char *text);
void fl_note(pdf_doc *d, const char *text);

/* ---- table.c ------------------------------------------------------------ */
enum { TB_LEFT = 0, TB_RIGHT = 1 };
#define TB_BOLD  0x01u              /* row in bold */
#define TB_TOTAL 0x02u              /* rule above, bold */
#define TB_LEAD  0x04u              /* the first cell in bold, the others regular */

typedef struct tb_table {
    pdf_doc *d;
    size_t ncols;
    double *w;                      /* column widths */
    const unsigned char *align;     /* TB_* per column */
    const char *const *head;
    const char *cont;               /* caption repeated on continuation pages */
    double size;
    size_t rows;
} tb_table;

double tb_col_width(pdf_doc *d, const char *s, int bold, double size);
void tb_begin(tb_table *t, const char *caption, double keep_rows);
void tb_head(tb_table *t, const char *caption);
void tb_row(tb_table *t, const char *const *cells, unsigned flags, int indent);
void tb_end(tb_table *t);

/* ---- chart.c ------------------------------------------------------------ */
void ch_figure(pdf_doc *d, const mkp_figure *f, const mkp_figure *next);
double ch_need(pdf_doc *d, const mkp_figure *f);

/* ---- nav.c -------------------------------------------------------------- */
void nav_init(pdf_doc *d);
HPDF_Destination nav_here(pdf_doc *d, double y);
void nav_add(pdf_doc *d, int kind, const char *number, const char *title, double y);
void nav_front(pdf_doc *d);
void nav_front_title(pdf_doc *d, int label, HPDF_Outline o);
void nav_free(pdf_doc *d);

/* ---- i18n.c ------------------------------------------------------------- */
enum {
    L_CONTENTS, L_LIST_FIGURES, L_LIST_TABLES, L_FIGURE, L_TABLE, L_TABLE_CONT, L_PAGE_OF,
    L_EXEC, L_MARKET, L_DIM_CHAPTER, L_SCENARIOS, L_LANDSCAPE, L_METHOD, L_PROVENANCE,
    L_CAGR_METHOD, L_BASE_YEAR, L_EST_YEAR, L_FC_YEAR, L_CAGR, L_INDICATOR, L_YEAR, L_VALUE,
    L_SEGMENT, L_TOTAL, L_SHARE, L_CAGR_RANGE, L_SCENARIO, L_PUBLISHED, L_DERIVED,
    L_ILLUSTRATIVE, L_REPORT_KIND, L_PRODUCT, L_EDITION, L_PUBLISHED_BY, L_UNITS, L_SHARE_NOTE,
    L_SEGMENT_TABLE, L_DIM_FIGURES, L_CHART_MISSING, L_PRESENTED, L_SHARE_PARENT, L_RIGHTS_PAGE, L_RIGHTS,
    L_LICENCE, L_LICENCE_TERMS, L_DISCLAIMER, L_DISCLAIMER_TERMS, L_ABOUT, L_PUBLISHED_LINE, L_PUBLISHER,
    L_CONTACT, L_EMAIL, L_WEB, L_PHONE, L_ADDRESS, L_SCOPE, L_SCOPE_CONT, L_SCOPE_INTRO, L_DEFINITION, L_N
};
const char *lb(const pdf_doc *d, int label);
const char *lb_unit(pdf_doc *d);
void lb_money(pdf_doc *d, char *buf, size_t cap, double v);
void lb_value(const pdf_doc *d, char *buf, size_t cap, double v);
void lb_pct(const pdf_doc *d, char *buf, size_t cap, double fraction);
const char *lb_percent(pdf_doc *d, double fraction);
const char *lb_date(pdf_doc *d);
const char *lb_day(pdf_doc *d, const char *iso);
const char *lb_copyright(pdf_doc *d);
int lb_is_published(const pdf_doc *d, unsigned char flags);
unsigned lb_class_color(const pdf_doc *d, mkp_value_class c);
const char *lb_class(const pdf_doc *d, mkp_value_class c);
const char *lb_provenance(const pdf_doc *d, mkp_provenance p);
const char *lb_numbered(pdf_doc *d, int label, int number);
const char *lb_caption(pdf_doc *d, int label, int number, const char *title);

/* ---- theme.c ------------------------------------------------------------ */
void th_setup(pdf_doc *d);
int th_logo_load(pdf_doc *d);
double th_logo_width(const pdf_doc *d, double h, double max_w);
double th_logo_draw(pdf_doc *d, double x, double y, double h, double max_w);

/* ---- cover.c ------------------------------------------------------------ */
/* The top of the clear block the cover leaves near its foot, for a line
 * printed on one copy (the licensee's): from there down to
 * d->cover_free.y, from d->cover_free.x over d->cover_free.w, nothing is
 * drawn in any layout.  Valid once rp_cover has run; d->page is then
 * still the cover. */
double pdf_cover_free_y(const pdf_doc *d);

/* ---- report.c / data.c / prose.c / imprint.c ------------------------------ */
void rp_cover(pdf_doc *d);
void rp_body(pdf_doc *d);
void rp_rights(pdf_doc *d);
void rp_back(pdf_doc *d);
void dt_key_statistics(pdf_doc *d, const mkp_table_ref *t);
void dt_dimension(pdf_doc *d, const mkp_node *dim, const mkp_table_ref *t);
void dt_scenarios(pdf_doc *d, const mkp_table_ref *t);
void pr_market(pdf_doc *d, int overview);
void pr_dimension(pdf_doc *d, const mkp_node *dim);
void pr_summary(pdf_doc *d);
void pr_methodology(pdf_doc *d);
void pr_scenarios(pdf_doc *d);
void rp_summary(pdf_doc *d);
void rp_contact(pdf_doc *d);

/* ---- licence.c: whom the copy is licensed to ------------------------------ */
void lc_init(pdf_doc *d);
void lc_cover(pdf_doc *d);
void lc_foot(pdf_doc *d, double y);
const char *lc_rights(pdf_doc *d);
const char *lc_subject(pdf_doc *d, const char *subject);
const char *lc_keywords(pdf_doc *d, const char *keywords);

/* ---- seal.c: the watermark and the permissions ----------------------------- */
void sl_watermark(pdf_doc *d);
int sl_protect(pdf_doc *d);
void sl_done(void);

/* ---- sample.c: the sample edition -------------------------------------- */

/* One entry of the full edition's contents and lists, kept from its
 * layout (PASS_MEASURE) for the sample's (PASS_SAMPLE). */
typedef struct sm_entry {
    int kind;                       /* NAV_* */
    char *number, *title;
    size_t page;                    /* its page number in the full edition */
    int chapter;                    /* the chapter it is in */
    int figure;                     /* NAV_FIGURE: the figure's number */
} sm_entry;

typedef struct sm_plan {
    sm_entry *v;
    size_t n;
} sm_plan;

int sm_is_sample(const mkp_job *job);
void sm_keep(pdf_doc *d);
void sm_plan_free(sm_plan *p);
void sm_body(pdf_doc *d);
void sm_lists(pdf_doc *d);
void sm_contents_note(pdf_doc *d);
double sm_mark_room(pdf_doc *d, const nav_entry *e);
void sm_mark(pdf_doc *d, double right, double y);

#endif
