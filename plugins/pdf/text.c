/* text.c - our own line breaker.  libharu cannot break Chinese (TextRect
 * fails, MeasureText returns 0), so every paragraph becomes boxes (words,
 * single ideographs) and glue (spaces), measured with the embedded faces'
 * widths, broken greedily and justified by spreading the slack over the
 * spaces and the gaps between ideographs. */
#include <stdlib.h>
#include <string.h>

#include "pdf.h"

void tx_reset(tx_para *p, double size, uint32_t rgb)
{
    p->blen = p->n = p->nl = 0;
    p->size = size;
    p->rgb = rgb;
    p->open_word = 0;
}

void tx_free(tx_para *p)
{
    free(p->buf);
    free(p->box);
    free(p->line);
    memset(p, 0, sizeof *p);
}

static tx_box *push_box(pdf_doc *d, tx_para *p, unsigned char kind, int face)
{
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 256;
        p->box = xrealloc(d, p->box, p->cap * sizeof *p->box);
    }
    tx_box *b = &p->box[p->n++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    b->face = (unsigned char)face;
    b->off = (uint32_t)p->blen;
    return b;
}

static void push_cp(pdf_doc *d, tx_para *p, tx_box *b, uint32_t cp)
{
    if (p->blen + 4 > p->bcap) {
        p->bcap = p->bcap ? p->bcap * 2 : 1024;
        p->buf = xrealloc(d, p->buf, p->bcap);
    }
    size_t n = pf_put(p->buf + p->blen, cp);
    p->blen += n;
    b->len += (uint32_t)n;
    b->w += (float)(pf_cp_width(d, b->face, cp) * p->size / 1000.0);
}

/* Punctuation that must not start a line (it closes something). */
static int closing(uint32_t c)
{
    static const uint32_t set[] = {0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF01, 0xFF1F, 0xFF09, 0xFF3D,
                                   0xFF5D, 0x300D, 0x300F, 0x3011, 0x300B, 0x3009, 0x3015, 0x3017, 0x201D, 0x2019,
                                   0x2026, 0xFF05, 0x30FC, 0x00B7, ',', '.', ';', ':', '!', '?', ')', ']', '}', '%'};
    for (size_t i = 0; i < sizeof set / sizeof set[0]; i++)
        if (set[i] == c)
            return 1;
    return 0;
}

/* Punctuation that must not end a line (it opens something). */
static int opening(uint32_t c)
{
    static const uint32_t set[] = {0xFF08, 0xFF3B, 0xFF5B, 0x300C, 0x300E, 0x3010, 0x300A, 0x3008,
                                   0x3014, 0x3016, 0x201C, 0x2018, '(', '[', '{'};
    for (size_t i = 0; i < sizeof set / sizeof set[0]; i++)
        if (set[i] == c)
            return 1;
    return 0;
}

static int is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

static int breaks_after(uint32_t c)
{
    return c == '-' || c == '/' || c == 0x2013 || c == 0x2014;
}

/* Appends text in one style.  Words running across a style change
 * ("**bold**text") stay one unbreakable sequence of boxes. */
void tx_add(pdf_doc *d, tx_para *p, const char *s, size_t len, const pf_style *st)
{
    size_t i = 0, cp_start = 0;
    uint32_t cp = len ? pf_next_char(s, len, &i) : 0, prev = 0;
    while (cp_start < len) {
        size_t cp_end = i;
        uint32_t next = cp_end < len ? pf_next_char(s, len, &i) : 0;
        if (cp == 0x20 || cp == 0x3000) {
            p->open_word = 0;
            if (!p->n || p->box[p->n - 1].kind != TX_GLUE) {
                tx_box *g = push_box(d, p, TX_GLUE, pf_latin(st));
                g->w = (float)(pf_cp_width(d, pf_latin(st), 0x20) * p->size / 1000.0);
            }
        } else {
            int face = pf_pick(d, st, cp);
            tx_box *b;
            if (face == PF_CJK) {
                p->open_word = 0;
                b = push_box(d, p, TX_CJK, face);
                b->flags = (unsigned char)((closing(cp) ? TX_CLOSE : 0) | (opening(cp) ? TX_OPEN : 0) |
                                           (st->bold ? TX_FAKE : 0));
            } else if (p->open_word && p->box[p->n - 1].face == face) {
                b = &p->box[p->n - 1];
            } else {
                b = push_box(d, p, TX_WORD, face);
                b->flags = closing(cp) ? TX_CLOSE : 0;
                p->open_word = 1;
            }
            int first = b->len == 0;
            push_cp(d, p, b, cp);
            if (face != PF_CJK) {
                b->flags = (unsigned char)((b->flags & ~TX_OPEN) | (opening(cp) ? TX_OPEN : 0));
                /* "open-weight": a line may end after the hyphen, but a
                 * leading minus sign stays with its number, and a range of
                 * numbers ("2025-2032") stays whole: cut after its dash it
                 * reads as one number to a text extractor ("20252032"). */
                if (!first && breaks_after(cp) && next && next != 0x20 && !closing(next) &&
                    !(cp != '/' && is_digit(prev) && is_digit(next))) {
                    b->flags |= TX_BRK;
                    p->open_word = 0;
                }
            }
        }
        cp_start = cp_end;
        prev = cp;
        cp = next;
    }
}

/* A '*' that closes a single-star emphasis later in s. */
static int has_single_star(const char *s)
{
    for (; *s; s++) {
        if (*s != '*')
            continue;
        if (s[1] == '*') {
            s++;
            continue;
        }
        return 1;
    }
    return 0;
}

/* Appends text with the dataset's inline emphasis: **bold** and *italic*.
 * A marker without a partner is printed as it stands. */
void tx_add_marked(pdf_doc *d, tx_para *p, const char *s, const pf_style *st)
{
    int bold = 0, italic = 0;
    const char *seg = s, *q = s;
    while (*q) {
        if (*q != '*') {
            q++;
            continue;
        }
        int dbl = q[1] == '*';
        int toggle = dbl ? (bold || strstr(q + 2, "**") != NULL) : (italic || has_single_star(q + 1));
        if (!toggle) {
            q += dbl ? 2 : 1;
            continue;
        }
        pf_style cur = *st;
        cur.bold = (unsigned char)(st->bold || bold);
        cur.italic = (unsigned char)(st->italic || italic);
        tx_add(d, p, seg, (size_t)(q - seg), &cur);
        if (dbl)
            bold = !bold;
        else
            italic = !italic;
        q += dbl ? 2 : 1;
        seg = q;
    }
    pf_style cur = *st;
    cur.bold = (unsigned char)(st->bold || bold);
    cur.italic = (unsigned char)(st->italic || italic);
    tx_add(d, p, seg, (size_t)(q - seg), &cur);
}

static int can_break(const tx_para *p, size_t i)
{
    const tx_box *a = &p->box[i], *b = &p->box[i + 1];
    if ((a->flags & TX_OPEN) || (b->flags & TX_CLOSE))
        return 0;
    return (a->flags & TX_BRK) || a->kind == TX_CJK || b->kind == TX_CJK;
}

/* Cuts a word wider than the line into pieces of at least one character
 * that fit, each but the last open to a break after it; writes them to out
 * when it is given, and returns how many there are. */
static size_t cut_word(pdf_doc *d, const tx_para *p, tx_box whole, double width, tx_box *out)
{
    const char *s = p->buf + whole.off;
    size_t k = 0, piece = 0;
    double w = 0;
    tx_box b = whole;
    b.len = 0;
    b.w = 0;
    while (k < whole.len) {
        size_t at = k;
        uint32_t cp = pf_next_char(s, whole.len, &k);
        double cw = pf_cp_width(d, whole.face, cp) * p->size / 1000.0;
        if (w + cw > width && b.len > 0) {
            b.flags = (unsigned char)((b.flags & ~TX_OPEN) | TX_BRK);
            if (out)
                out[piece] = b;
            piece++;
            memset(&b, 0, sizeof b);
            b.kind = TX_WORD;
            b.face = whole.face;
            b.off = whole.off + (uint32_t)at;
            w = 0;
        }
        b.len += (uint32_t)(k - at);
        b.w += (float)cw;
        w += cw;
    }
    b.flags = whole.flags & (unsigned char)~TX_CLOSE;
    if (out)
        out[piece] = b;
    return piece + 1;
}

/* A word wider than the line (a long URL, a narrow table column) is cut
 * between characters so that nothing runs past the margin.  The pieces are
 * counted first and the boxes moved once, from the end: inserting each
 * piece in place would move every later box again, quadratic in a long
 * text. */
static void split_long(pdf_doc *d, tx_para *p, double width)
{
    size_t extra = 0, wide = 0;
    for (size_t i = 0; i < p->n; i++)
        if (p->box[i].kind == TX_WORD && p->box[i].w > width) {
            wide++;
            extra += cut_word(d, p, p->box[i], width, NULL) - 1;
        }
    if (!wide)
        return;
    size_t n = p->n + extra, j = n;
    if (n > p->cap) {
        p->cap = n;
        p->box = xrealloc(d, p->box, p->cap * sizeof *p->box);
    }
    for (size_t i = p->n; i-- > 0;) {
        tx_box whole = p->box[i];
        if (whole.kind != TX_WORD || whole.w <= width) {
            p->box[--j] = whole;
            continue;
        }
        j -= cut_word(d, p, whole, width, NULL);
        cut_word(d, p, whole, width, &p->box[j]);
    }
    p->n = n;
}

static void push_line(pdf_doc *d, tx_para *p, size_t a, size_t b)
{
    size_t end = b;
    while (end > a && p->box[end - 1].kind == TX_GLUE)
        end--;
    size_t rest = b;
    while (rest < p->n && p->box[rest].kind == TX_GLUE)
        rest++;
    if (p->nl == p->lcap) {
        p->lcap = p->lcap ? p->lcap * 2 : 32;
        p->line = xrealloc(d, p->line, p->lcap * sizeof *p->line);
    }
    tx_line *l = &p->line[p->nl++];
    l->a = (uint32_t)a;
    l->b = (uint32_t)end;
    l->w = 0;
    for (size_t k = a; k < end; k++)
        l->w += p->box[k].w;
    l->last = rest >= p->n;
}

/* Greedy first fit: each line takes as many boxes as fit and ends at the
 * last break opportunity.  Returns the number of lines. */
size_t tx_break(pdf_doc *d, tx_para *p, double width)
{
    split_long(d, p, width);
    p->nl = 0;
    size_t i = 0;
    while (i < p->n) {
        while (i < p->n && p->box[i].kind == TX_GLUE)
            i++;
        if (i >= p->n)
            break;
        size_t start = i, cand = 0, end = p->n;
        int have = 0;
        double w = 0;
        for (size_t j = start; j < p->n; j++) {
            const tx_box *b = &p->box[j];
            if (b->kind == TX_GLUE) {
                cand = j;
                have = 1;
                w += b->w;
                continue;
            }
            if (j > start && w + b->w > width + 0.01) {
                end = have ? cand : j;
                break;
            }
            w += b->w;
            if (j + 1 < p->n && p->box[j + 1].kind != TX_GLUE && can_break(p, j)) {
                cand = j + 1;
                have = 1;
            }
        }
        push_line(d, p, start, end);
        i = end;
    }
    return p->nl;
}

static int cjk_gap(const tx_para *p, size_t j)
{
    const tx_box *a = &p->box[j], *b = &p->box[j + 1];
    return a->kind != TX_GLUE && b->kind != TX_GLUE && (a->kind == TX_CJK || b->kind == TX_CJK);
}

/* Draws line `li` with its left end at x on baseline y.  Justified lines
 * share the slack between spaces and the gaps around ideographs; a line
 * that would need gaps wider than two and a half ems stays ragged. */
void tx_draw_line(pdf_doc *d, const tx_para *p, size_t li, double x, double y, double width, int justify)
{
    const tx_line *l = &p->line[li];
    size_t stretch = 0;
    for (size_t j = l->a; j < l->b; j++)
        stretch += p->box[j].kind == TX_GLUE || (j + 1 < l->b && cjk_gap(p, j));
    double extra = 0;
    if (justify && !l->last && stretch && l->w < width) {
        extra = (width - l->w) / (double)stretch;
        if (extra > p->size * 2.5)
            extra = 0;
    }
    HPDF_Page_BeginText(d->page);
    pf_rgb_fill(d, p->rgb);
    double cx = x, line_x = 0;
    int pen_here = 0, fake = 0;
    for (size_t j = l->a; j < l->b; j++) {
        const tx_box *b = &p->box[j];
        if (b->kind == TX_GLUE) {
            cx += b->w + extra;
            pen_here = 0;
            continue;
        }
        if (!pen_here) {
            HPDF_Page_MoveTextPos(d->page, (HPDF_REAL)(cx - line_x), (HPDF_REAL)(j == l->a ? y : 0));
            line_x = cx;
        }
        pf_set_font(d, b->face, p->size);
        int want = (b->flags & TX_FAKE) != 0;
        if (want != fake) {
            HPDF_Page_SetTextRenderingMode(d->page, want ? HPDF_FILL_THEN_STROKE : HPDF_FILL);
            if (want) {
                HPDF_Page_SetLineWidth(d->page, (HPDF_REAL)(p->size * 0.035));
                pf_rgb_stroke(d, p->rgb);
            }
            fake = want;
        }
        pf_show(d, p->buf + b->off, b->len);
        cx += b->w;
        pen_here = 1;
        if (j + 1 < l->b && extra > 0 && cjk_gap(p, j)) {
            cx += extra;
            pen_here = 0;
        }
    }
    if (fake)
        HPDF_Page_SetTextRenderingMode(d->page, HPDF_FILL);
    HPDF_Page_EndText(d->page);
}

/* Plain text in one style, broken for `width`; returns the line count. */
size_t tx_lines(pdf_doc *d, tx_para *p, const char *s, const pf_style *st, double width)
{
    tx_reset(p, st->size, st->rgb);
    tx_add(d, p, s, strlen(s), st);
    return tx_break(d, p, width);
}
