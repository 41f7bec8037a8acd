/* formats.c - the cell formats every sheet shares, made once before any
 * sheet is written, and the "#,##0.00" number formats of value cells and
 * chart labels. */
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
    return f;
}

/* "#,##0.00" for 2 decimals, with `suffix` appended ("" or "\"%\""). */
void fm_number(char *buf, size_t cap, int decimals, const char *suffix)
{
    decimals = decimals < 0 ? 0 : decimals > DECIMALS_MAX ? DECIMALS_MAX : decimals;
    snprintf(buf, cap, "#,##0%s%.*s%s", decimals ? "." : "", decimals, "000000", suffix);
}

/* Every format the sheets use; b->f holds them for the whole workbook. */
void fm_make(book *b)
{
    formats *f = &b->f;
    char num[32];
    fm_number(num, sizeof num, b->decimals, "");
    f->title = fm_new(b, 1, 16, NULL);
    f->subtitle = fm_new(b, 0, 12, NULL);
    format_set_italic(f->subtitle);
    f->caption = fm_new(b, 1, 12, NULL);
    f->note = fm_new(b, 0, 0, NULL);
    format_set_font_color(f->note, 0x595959);
    f->head = fm_new(b, 1, 0, NULL);
    format_set_bg_color(f->head, 0xD9E1F2);
    format_set_bottom(f->head, LXW_BORDER_THIN);
    format_set_align(f->head, LXW_ALIGN_CENTER);
    format_set_align(f->head, LXW_ALIGN_VERTICAL_CENTER);
    f->head_left = fm_new(b, 1, 0, NULL);
    format_set_bg_color(f->head_left, 0xD9E1F2);
    format_set_bottom(f->head_left, LXW_BORDER_THIN);
    format_set_align(f->head_left, LXW_ALIGN_VERTICAL_CENTER);
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
    f->head_year = fm_new(b, 1, 0, "0");
    format_set_bg_color(f->head_year, 0xD9E1F2);
    format_set_bottom(f->head_year, LXW_BORDER_THIN);
    format_set_align(f->head_year, LXW_ALIGN_CENTER);
    format_set_align(f->head_year, LXW_ALIGN_VERTICAL_CENTER);
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
}
