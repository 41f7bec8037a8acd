/* text.c - our own line breaker.  libharu cannot break Chinese (TextRect
 * fails, MeasureText returns 0), so every paragraph becomes boxes (words,
 * single ideographs) and glue (spaces), measured with the embedded faces'
 * widths, broken greedily where Unicode's line breaking (UAX #14, with the
 * report's own rules: breaks.c) allows, and justified by spreading the
 * slack over the spaces and the gaps between ideographs.  A justified
 * English line that would stretch its spaces too far takes the first part
 * of the next word, cut with a hyphen where the dictionary allows. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdf.h"

/* A justified line may widen its spaces to this many times their natural
 * width before the next word is hyphenated; beyond it a line shows rivers. */
#define SPACE_LIMIT 2.0
/* Hyphenated lines in a row, at most: a ladder of hyphens at the right
 * edge is as visible as a river. */
#define HYPH_RUN 2

void tx_reset(tx_para *p, double size, uint32_t rgb)
{
    p->blen = p->n = p->nl = p->nrun = 0;
    p->size = size;
    p->rgb = rgb;
}

void tx_free(tx_para *p)
{
    free(p->buf);
    free(p->run);
    free(p->brk);
    free(p->box);
    free(p->line);
    free(p->cand);
    memset(p, 0, sizeof *p);
}

static tx_box *push_box(pdf_doc *d, tx_para *p, unsigned char kind, int face, size_t off)
{
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 256;
        p->box = xrealloc(d, p->box, p->cap * sizeof *p->box);
    }
    tx_box *b = &p->box[p->n++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    b->face = (unsigned char)face;
    b->off = (uint32_t)off;
    return b;
}

static int is_space(uint32_t cp)
{
    return cp == 0x20 || cp == 0x3000;
}

/* Appends text in one style.  Only the characters and their faces are
 * kept here: where a line may break depends on what comes after, in this
 * text or the next one given ("**bold**text" is one word), so the boxes
 * are made by tx_break from the whole paragraph. */
void tx_add(pdf_doc *d, tx_para *p, const char *s, size_t len, const pf_style *st)
{
    size_t i = 0;
    while (i < len) {
        uint32_t cp = pf_next_char(s, len, &i);
        int face = is_space(cp) ? pf_latin(d, st) : pf_pick(d, st, cp);
        unsigned char flags = face == PF_CJK && st->bold ? TX_FAKE : 0;
        if (!p->nrun || p->run[p->nrun - 1].face != face || p->run[p->nrun - 1].flags != flags) {
            if (p->nrun == p->rcap) {
                p->rcap = p->rcap ? p->rcap * 2 : 16;
                p->run = xrealloc(d, p->run, p->rcap * sizeof *p->run);
            }
            p->run[p->nrun++] = (tx_run){(uint32_t)p->blen, (unsigned char)face, flags};
        }
        if (p->blen + 4 > p->bcap) {
            p->bcap = p->bcap ? p->bcap * 2 : 1024;
            p->buf = xrealloc(d, p->buf, p->bcap);
        }
        p->blen += pf_put(p->buf + p->blen, cp);
    }
}

/* Appends text with the dataset's inline emphasis, **bold** and *italic*,
 * as the one tokenizer of text.h reads it (a marker without a partner, a
 * lone star and \* print as a star). */
void tx_add_marked(pdf_doc *d, tx_para *p, const char *s, const pf_style *st)
{
    mkp_emphasis e;
    mkp_emphasis_run r;
    mkp_emphasis_begin(&e, s);
    while (mkp_emphasis_next(&e, &r)) {
        pf_style cur = *st;
        cur.bold = (unsigned char)(st->bold ? st->bold : (r.style & MKP_EMPH_BOLD) != 0);
        cur.italic = (unsigned char)(st->italic || (r.style & MKP_EMPH_ITALIC));
        tx_add(d, p, s + r.start, r.len, &cur);
    }
}

/* The boxes of the paragraph: a run of spaces is one glue, an ideograph
 * one box (justification may widen the gaps beside it), and Latin text a
 * box per stretch of one face between two break opportunities.  A box that
 * a line may end after carries TX_BRK; so does a glue after which a line
 * may start (not "( x", nor "x !"). */
static void segment(pdf_doc *d, tx_para *p)
{
    p->n = 0;
    if (!p->blen)
        return;
    if (p->brkcap < p->blen) {
        p->brkcap = p->blen;
        p->brk = xrealloc(d, p->brk, p->brkcap);
    }
    br_opportunities(p->buf, p->blen, d->lang, p->brk);
    size_t i = 0, r = 0;
    int open = 0; /* the last box still takes characters */
    while (i < p->blen) {
        size_t at = i;
        uint32_t cp = pf_next_char(p->buf, p->blen, &i);
        while (r + 1 < p->nrun && p->run[r + 1].off <= at)
            r++;
        const tx_run *ru = &p->run[r];
        int allow = p->brk[i - 1] == BR_ALLOW;
        tx_box *b = p->n ? &p->box[p->n - 1] : NULL;
        if (is_space(cp)) {
            if (!b || b->kind != TX_GLUE) {
                b = push_box(d, p, TX_GLUE, ru->face, at);
                b->w = (float)(pf_cp_width(d, ru->face, 0x20) * p->size / 1000.0);
            }
            b->flags = allow ? TX_BRK : 0;
            open = 0;
            continue;
        }
        if (!open || b->face != ru->face) {
            b = push_box(d, p, ru->face == PF_CJK ? TX_CJK : TX_WORD, ru->face, at);
            b->flags = ru->flags;
        }
        b->len += (uint32_t)(i - at);
        b->w += (float)(pf_cp_width(d, b->face, cp) * p->size / 1000.0);
        if (allow)
            b->flags |= TX_BRK;
        open = b->kind == TX_WORD && !allow;
    }
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
            b.flags |= TX_BRK;
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
    b.flags = whole.flags;
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

/* Line [a, b) without its trailing glue; its first `skip` bytes
 * (`skipw` points) were shown, hyphenated, at the end of the line before. */
static void fill_line(const tx_para *p, tx_line *l, size_t a, size_t b, uint32_t skip, double skipw)
{
    size_t end = b;
    while (end > a && p->box[end - 1].kind == TX_GLUE)
        end--;
    size_t rest = b;
    while (rest < p->n && p->box[rest].kind == TX_GLUE)
        rest++;
    memset(l, 0, sizeof *l);
    l->a = (uint32_t)a;
    l->b = (uint32_t)end;
    l->skip = skip;
    l->skipw = (float)skipw;
    double w = -skipw;
    for (size_t k = a; k < end; k++)
        w += p->box[k].w;
    l->w = (float)w;
    l->last = rest >= p->n;
}

static void need_lines(pdf_doc *d, tx_para *p, size_t n)
{
    if (n > p->lcap) {
        p->lcap = n > 2 * p->lcap ? n : 2 * p->lcap;
        p->line = xrealloc(d, p->line, p->lcap * sizeof *p->line);
    }
}

static tx_line *push_line(pdf_doc *d, tx_para *p, size_t a, size_t b, uint32_t skip, double skipw)
{
    need_lines(d, p, p->nl + 1 < 32 ? 32 : p->nl + 1);
    tx_line *l = &p->line[p->nl++];
    fill_line(p, l, a, b, skip, skipw);
    return l;
}

/* Makes l end after `cut` bytes (`cutw` points) of box k, and a hyphen. */
static void end_with_hyphen(pdf_doc *d, const tx_para *p, tx_line *l, size_t k, uint32_t cut, double cutw)
{
    double w = -l->skipw;
    for (size_t j = l->a; j < k; j++)
        w += p->box[j].w;
    l->b = (uint32_t)(k + 1);
    l->cut = cut;
    l->cutw = (float)cutw;
    l->w = (float)(w + cutw + pf_cp_width(d, p->box[k].face, '-') * p->size / 1000.0);
    l->hyph = 1;
    l->last = 0;
}

/* Greedy first fit: the end of the line that starts at box `start` (less
 * `skipw` points already shown on the line before) after the last break
 * opportunity that fits, or at the first box that does not fit when there
 * is none. */
static size_t fit_line(const tx_para *p, size_t start, double skipw, double width)
{
    size_t cand = 0;
    int have = 0;
    double w = -skipw;
    for (size_t j = start; j < p->n; j++) {
        const tx_box *b = &p->box[j];
        if (b->kind == TX_GLUE) {
            if (b->flags & TX_BRK) {
                cand = j;
                have = 1;
            }
            w += b->w;
            continue;
        }
        if (j > start && w + b->w > width + 0.01)
            return have ? cand : j;
        w += b->w;
        if (j + 1 < p->n && p->box[j + 1].kind != TX_GLUE && (b->flags & TX_BRK)) {
            cand = j + 1;
            have = 1;
        }
    }
    return p->n;
}

/* The dictionary, loaded the first time a line needs it; without one,
 * English is set without hyphens and the job says so once. */
static br_hyph *hyphenator(pdf_doc *d)
{
    if (d->hyph_state == 0) {
        const char *want = d->host->option(d->job, "hyphen-dict");
        const char *path = br_hyph_find(want);
        d->hyph = br_hyph_open(path);
        d->hyph_state = d->hyph ? 1 : -1;
        int say = d->pass != PASS_MEASURE; /* a sample's full layout, not saved: the sample's says it */
        if (say && !d->hyph && want && *want)
            d->host->diag(d->job, MKP_WARNING,
                          "cannot read the hyphenation dictionary %s (option hyphen-dict): English is set "
                          "without hyphenation",
                          want);
        else if (say && !d->hyph)
            d->host->diag(d->job, MKP_WARNING,
                          "no English hyphenation dictionary (%s, Debian package hyphen-en-us): English is set "
                          "without hyphenation",
                          path ? path : "none found");
    }
    return d->hyph;
}

static double run_width(pdf_doc *d, const tx_para *p, int face, const char *s, size_t len)
{
    double w = 0;
    for (size_t i = 0; i < len;)
        w += pf_cp_width(d, face, pf_next_char(s, len, &i));
    return w * p->size / 1000.0;
}

/* The places where box k may be cut with a hyphen: a word of its own
 * after a space, not one that goes on past its box (a change of style
 * inside it) nor the paragraph's last word. */
static size_t word_points(pdf_doc *d, tx_para *p, size_t k, uint32_t *at, size_t cap)
{
    const tx_box *b = &p->box[k];
    if (b->kind != TX_WORD || k == 0 || p->box[k - 1].kind != TX_GLUE ||
        (k + 1 < p->n && p->box[k + 1].kind != TX_GLUE && !(b->flags & TX_BRK)))
        return 0;
    size_t more = k + 1;
    while (more < p->n && p->box[more].kind == TX_GLUE)
        more++;
    if (more >= p->n)
        return 0;
    return br_hyphenate(hyphenator(d), p->buf + b->off, b->len, at, cap);
}

/* The greedy fit's hyphenation: when line l, justified, would widen its
 * spaces beyond SPACE_LIMIT times their width, it takes the longest first
 * part of the next word that fits, and a hyphen.  Returns the cut word's
 * box, or 0. */
static size_t hyphenate(pdf_doc *d, tx_para *p, tx_line *l, double width)
{
    size_t glue = 0;
    double space = 0;
    for (size_t j = l->a; j < l->b; j++)
        if (p->box[j].kind == TX_GLUE) {
            glue++;
            space += p->box[j].w;
        }
    if (glue && width - l->w <= (SPACE_LIMIT - 1) * space)
        return 0;
    size_t k = l->b;
    double lead = l->w;
    for (; k < p->n && p->box[k].kind == TX_GLUE; k++)
        lead += p->box[k].w;
    if (k >= p->n || k == l->b)
        return 0;
    uint32_t at[24];
    size_t n = word_points(d, p, k, at, sizeof at / sizeof at[0]);
    double hyphen = pf_cp_width(d, p->box[k].face, '-') * p->size / 1000.0;
    while (n-- > 0) {
        double first = run_width(d, p, p->box[k].face, p->buf + p->box[k].off, at[n]);
        if (lead + first + hyphen <= width + 0.01) {
            end_with_hyphen(d, p, l, k, at[n], first);
            return k;
        }
    }
    return 0;
}

/* ---- the optimal fit of justified English ---------------------------------
 * The breaks of the whole paragraph are chosen together, as TeX does, so
 * that no line is left with wide spaces because the line before took one
 * word too many.  Each line costs its demerits: (1 + badness)², where the
 * badness grows with the cube of its stretch and jumps past SPACE_LIMIT; a
 * hyphen costs more than any spacing within the limit, so a word is cut
 * only where the paragraph cannot be set within the limit otherwise. */

enum { C_START, C_GLUE, C_BOX, C_HYPH, C_END };
#define OVER_LIMIT 1e4              /* badness added to a line past SPACE_LIMIT */
#define HYPH_DEMERITS 1e6           /* about a hundred lines at the limit */
/* Paragraphs of more boxes are fitted greedily: a candidate takes about
 * 100 bytes, too much for each space of a hostile megabyte paragraph. */
#define FIT_MAX_BOXES 20000

static tx_cand *add_cand(pdf_doc *d, tx_para *p, int kind, size_t box, double end, double start, size_t glue_end,
                         size_t glue_start)
{
    if (p->ncand == p->ccap) {
        p->ccap = p->ccap ? p->ccap * 2 : 256;
        p->cand = xrealloc(d, p->cand, p->ccap * sizeof *p->cand);
    }
    tx_cand *c = &p->cand[p->ncand++];
    memset(c, 0, sizeof *c);
    c->kind = (unsigned char)kind;
    c->box = (uint32_t)box;
    c->end = end;
    c->start = start;
    c->glue_end = (uint32_t)glue_end;
    c->glue_start = (uint32_t)glue_start;
    for (int r = 0; r <= HYPH_RUN; r++) {
        c->cost[r] = HUGE_VAL;
        c->from[r] = -1;
    }
    return c;
}

/* Every place a line may end, in the order of the text, with the running
 * width and count of glue where a line ending there ends and where the
 * next one starts. */
static void candidates(pdf_doc *d, tx_para *p)
{
    p->ncand = 0;
    size_t a = 0, g = 0;
    double w = 0;
    for (; a < p->n && p->box[a].kind == TX_GLUE; a++, g++)
        w += p->box[a].w;
    add_cand(d, p, C_START, a, w, w, g, g);
    double content = w;
    size_t content_g = g;
    for (size_t k = a; k < p->n; k++) {
        const tx_box *b = &p->box[k];
        if (b->kind == TX_GLUE) {
            if ((b->flags & TX_BRK) && k + 1 < p->n)
                add_cand(d, p, C_GLUE, k + 1, w, w + b->w, g, g + 1);
            w += b->w;
            g++;
            continue;
        }
        uint32_t at[24];
        size_t np = word_points(d, p, k, at, sizeof at / sizeof at[0]);
        double hyphen = pf_cp_width(d, b->face, '-') * p->size / 1000.0;
        for (size_t q = 0; q < np; q++) {
            double first = run_width(d, p, b->face, p->buf + b->off, at[q]);
            tx_cand *c = add_cand(d, p, C_HYPH, k, w + first + hyphen, w + first, g, g);
            c->cut = at[q];
            c->cutw = (float)first;
        }
        w += b->w;
        if ((b->flags & TX_BRK) && k + 1 < p->n && p->box[k + 1].kind != TX_GLUE)
            add_cand(d, p, C_BOX, k + 1, w, w, g, g);
        content = w;
        content_g = g;
    }
    add_cand(d, p, C_END, p->n, content, content, content_g, content_g);
}

static double demerits(const tx_cand *from, const tx_cand *to, double width, double space)
{
    if (to->kind == C_END)
        return 0; /* the last line is not justified */
    double slack = width - (to->end - from->start), bad;
    size_t glue = to->glue_end - from->glue_start;
    if (!glue && slack < 0.5) {
        bad = 0;
    } else {
        /* one word alone is as bad as one space taking all the slack: it
         * cannot be justified at all */
        double r = slack / (double)(glue ? glue : 1) / ((SPACE_LIMIT - 1) * space);
        bad = 100 * r * r * r + (r > 1 || !glue ? OVER_LIMIT : 0);
    }
    return (1 + bad) * (1 + bad) + (to->kind == C_HYPH ? HYPH_DEMERITS : 0);
}

/* The lines of the path that ends at candidate `last` with `run` hyphens
 * in a row. */
static void take_path(pdf_doc *d, tx_para *p, size_t last, int run)
{
    size_t n = 0;
    for (int32_t at = (int32_t)(last * 3 + (size_t)run); p->cand[at / 3].from[at % 3] >= 0;
         at = p->cand[at / 3].from[at % 3])
        n++;
    need_lines(d, p, n);
    p->nl = n;
    for (int32_t at = (int32_t)(last * 3 + (size_t)run); n > 0; at = p->cand[at / 3].from[at % 3]) {
        const tx_cand *to = &p->cand[at / 3], *from = &p->cand[to->from[at % 3] / 3];
        tx_line *l = &p->line[--n];
        fill_line(p, l, from->box, to->box, from->kind == C_HYPH ? from->cut : 0,
                  from->kind == C_HYPH ? from->cutw : 0);
        if (to->kind == C_HYPH)
            end_with_hyphen(d, p, l, to->box, to->cut, to->cutw);
    }
}

/* Fits the paragraph with the least total demerits; returns 0 when no
 * set of breaks keeps every line within the width (an unbreakable run of
 * boxes wider than it), for the greedy fit to force a break. */
static int optimal_fit(pdf_doc *d, tx_para *p, double width)
{
    candidates(d, p);
    tx_cand *c = p->cand;
    size_t m = p->ncand;
    double space = pf_cp_width(d, PF_REGULAR, ' ') * p->size / 1000.0;
    c[0].cost[0] = 0;
    for (size_t i = 1; i < m; i++)
        for (size_t j = i; j-- > 0;) {
            double w = c[i].end - c[j].start;
            if (w > width + 0.01)
                break; /* an earlier start only makes the line longer */
            if (w <= 0)
                continue;
            double dm = demerits(&c[j], &c[i], width, space);
            for (int r = 0; r <= HYPH_RUN; r++) {
                int r2 = c[i].kind == C_HYPH ? r + 1 : 0;
                if (r2 > HYPH_RUN || c[j].cost[r] == HUGE_VAL || c[j].cost[r] + dm >= c[i].cost[r2])
                    continue;
                c[i].cost[r2] = c[j].cost[r] + dm;
                c[i].from[r2] = (int32_t)(j * 3 + (size_t)r);
            }
        }
    int best = 0;
    for (int r = 1; r <= HYPH_RUN; r++)
        if (c[m - 1].cost[r] < c[m - 1].cost[best])
            best = r;
    if (c[m - 1].cost[best] == HUGE_VAL)
        return 0;
    take_path(d, p, m - 1, best);
    return 1;
}

static int hyphenates(const pdf_doc *d, int mode)
{
    const char *l = d->lang;
    return mode == TX_JUSTIFY && l[0] == 'e' && l[1] == 'n' && (l[2] == '\0' || l[2] == '-' || l[2] == '_');
}

/* Breaks the paragraph into lines of `width`; returns the number of lines.
 * TX_JUSTIFY: English lines that would be too loose are hyphenated, never
 * more than HYPH_RUN in a row. */
size_t tx_break(pdf_doc *d, tx_para *p, double width, int mode)
{
    segment(d, p);
    split_long(d, p, width);
    p->nl = 0;
    int hyph = hyphenates(d, mode);
    if (hyph && p->n <= FIT_MAX_BOXES && optimal_fit(d, p, width))
        return p->nl;
    size_t i = 0, run = 0;
    uint32_t skip = 0;
    double skipw = 0;
    while (i < p->n) {
        while (!skip && i < p->n && p->box[i].kind == TX_GLUE)
            i++;
        if (i >= p->n)
            break;
        size_t end = fit_line(p, i, skipw, width);
        tx_line *l = push_line(d, p, i, end, skip, skipw);
        size_t k = hyph && !l->last && run < HYPH_RUN ? hyphenate(d, p, l, width) : 0;
        if (k) {
            run++;
            i = k;
            skip = l->cut;
            skipw = l->cutw;
        } else {
            run = 0;
            i = end;
            skip = 0;
            skipw = 0;
        }
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
        /* the part of a hyphenated word that is on this line */
        size_t from = j == l->a ? l->skip : 0, to = j + 1 == l->b && l->hyph ? l->cut : b->len;
        double bw = (j + 1 == l->b && l->hyph ? l->cutw : b->w) - (j == l->a ? l->skipw : 0);
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
        pf_show(d, p->buf + b->off + from, to - from);
        if (j + 1 == l->b && l->hyph)
            pf_show(d, "-", 1);
        cx += bw;
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
    return tx_break(d, p, width, TX_RAGGED);
}
