/* formats.c - the cell formats every sheet shares, made once before any
 * sheet is written in the theme's colours and font (style.c says which),
 * their shaded twins for the zebra rows of the long tables, and the
 * "#,##0.00" number formats of value cells and chart labels. */
#include <stdio.h>

#include "xlsx.h"

static lxw_format *fm_new(book *b, int bold, double size, const char *num)
{
    lxw_format *f = workbook_add_format(b->wb);
    if (bold)
        format_set_bold(f);
    if (size > 0)
        format_set_font_size(f, size);
    if (num)
        format_set_num_format(f, num);
    if (b->font)
        format_set_font_name(f, b->font);
    return f;
}

/* "#,##0.00" for 2 decimals, with `suffix` appended ("" or "\"%\""). */
void fm_number(char *buf, size_t cap, int decimals, const char *suffix)
{
    decimals = decimals < 0 ? 0 : decimals > DECIMALS_MAX ? DECIMALS_MAX : decimals;
    snprintf(buf, cap, "#,##0%s%.*s%s", decimals ? "." : "", decimals, "000000", suffix);
}

/* A header cell: the theme's fill and ink (a host older than themes: the
 * light blue the workbook always had), a rule below, centred or not. */
static lxw_format *fm_head(book *b, const char *num, int center)
{
    lxw_format *f = fm_new(b, 1, 0, num);
    format_set_bg_color(f, st_color(b, ST_HEAD_FILL));
    if (st_has(b, ST_HEAD_INK))
        format_set_font_color(f, st_color(b, ST_HEAD_INK));
    format_set_bottom(f, LXW_BORDER_THIN);
    if (center)
        format_set_align(f, LXW_ALIGN_CENTER);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    return f;
}

/* The twin of a body format on a zebra row: the same, on the theme's
 * zebra colour.  Only made when the theme has one. */
static lxw_format *fm_shaded(book *b, int bold, const char *num, int indent, int center)
{
    lxw_format *f = fm_new(b, bold, 0, num);
    format_set_bg_color(f, st_color(b, ST_ZEBRA));
    if (indent)
        format_set_indent(f, 2);
    if (center)
        format_set_align(f, LXW_ALIGN_CENTER);
    return f;
}

static void fm_zebra(book *b, const char *num)
{
    formats *f = &b->f;
    if (!st_has(b, ST_ZEBRA))
        return;
    f->z_text = fm_shaded(b, 0, NULL, 0, 0);
    f->z_bold = fm_shaded(b, 1, NULL, 0, 0);
    f->z_indent = fm_shaded(b, 0, NULL, 1, 0);
    f->z_value = fm_shaded(b, 0, num, 0, 0);
    f->z_pct = fm_shaded(b, 0, "0.00%", 0, 0);
    f->z_center = fm_shaded(b, 0, NULL, 0, 1);
}

/* Format `f` of body row `index` (from 0) of a long table (a dimension's,
 * Data): its shaded twin on every other row when the theme shades rows.
 * NULL stands for the plain text format. */
lxw_format *fm_band(const book *b, lxw_format *f, size_t index)
{
    const formats *z = &b->f;
    if (!f)
        f = z->plain;
    if (!(index & 1) || !z->z_text)
        return f;
    if (f == z->bold)
        return z->z_bold;
    if (f == z->indent)
        return z->z_indent;
    if (f == z->value)
        return z->z_value;
    if (f == z->pct)
        return z->z_pct;
    if (f == z->center)
        return z->z_center;
    return z->z_text;
}

/* Text in the theme's colour `which`, when the theme has it. */
static void fm_ink(book *b, lxw_format *f, int which)
{
    if (st_has(b, which))
        format_set_font_color(f, st_color(b, which));
}

/* Every format the sheets use; b->f holds them for the whole workbook. */
void fm_make(book *b)
{
    formats *f = &b->f;
    char num[32];
    fm_number(num, sizeof num, b->decimals, "");
    f->title = fm_new(b, 1, 16, NULL);
    fm_ink(b, f->title, ST_PRIMARY);
    f->subtitle = fm_new(b, 0, 12, NULL);
    format_set_italic(f->subtitle);
    f->caption = fm_new(b, 1, 12, NULL);
    fm_ink(b, f->caption, ST_PRIMARY);
    f->note = fm_new(b, 0, 0, NULL);
    format_set_font_color(f->note, st_color(b, ST_MUTED));
    f->notice = fm_new(b, 1, 0, NULL);
    fm_ink(b, f->notice, ST_PRIMARY);
    f->order = fm_new(b, 0, 0, NULL);
    format_set_text_wrap(f->order);
    format_set_align(f->order, LXW_ALIGN_VERTICAL_TOP);
    fm_ink(b, f->order, ST_PRIMARY);
    f->head = fm_head(b, NULL, 1);
    f->head_left = fm_head(b, NULL, 0);
    /* Cells that had no format get one only to carry the theme's font. */
    f->plain = b->font ? fm_new(b, 0, 0, NULL) : NULL;
    f->text = fm_new(b, 0, 0, NULL);
    f->bold = fm_new(b, 1, 0, NULL);
    f->indent = fm_new(b, 0, 0, NULL);
    format_set_indent(f->indent, 2);
    f->value = fm_new(b, 0, 0, num);
    f->value_bold = fm_new(b, 1, 0, num);
    format_set_top(f->value_bold, LXW_BORDER_THIN);
    f->pct = fm_new(b, 0, 0, "0.00%");
    f->pct_bold = fm_new(b, 1, 0, "0.00%");
    format_set_top(f->pct_bold, LXW_BORDER_THIN);
    /* Years are numbers, so that they sort and compute, shown without a
     * thousands separator. */
    f->head_year = fm_head(b, "0", 1);
    f->year = fm_new(b, 0, 0, "0");
    format_set_align(f->year, LXW_ALIGN_LEFT);
    /* Labels between right-aligned numbers, so they do not touch them. */
    f->center = fm_new(b, 0, 0, NULL);
    format_set_align(f->center, LXW_ALIGN_CENTER);
    f->wrap = fm_new(b, 0, 0, NULL);
    format_set_text_wrap(f->wrap);
    format_set_align(f->wrap, LXW_ALIGN_VERTICAL_TOP);
    for (int d = 0; d <= DECIMALS_MAX; d++) {
        fm_number(num, sizeof num, d, "");
        b->f.fig[d] = fm_new(b, 0, 0, num);
        /* percentages are fractions, shown as "0.0%" */
        snprintf(num, sizeof num, "0%s%.*s%%", d ? "." : "", d, "000000");
        b->f.fig_pct[d] = fm_new(b, 0, 0, num);
    }
    fm_number(num, sizeof num, b->decimals, "");
    fm_zebra(b, num);
}
