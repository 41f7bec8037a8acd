/* seal.c - what a licensed copy carries over its pages: the watermark, set
 * diagonally across every page above everything else, translucent so that
 * the figures under it stay legible; and the permissions, as libharu's
 * RC4 128-bit encryption with an owner password, an optional open
 * password and what a reader may do without the owner password.
 *
 * libharu 2.3.0 makes an encrypted document's identifier (which the
 * encryption key is made from) from the clock, so that the same report
 * would differ every second.  libharu calls its own exported functions
 * through the dynamic symbol table, so this file defines
 * HPDF_EncryptDict_CreateID: built against 2.3.0 and running on it, the
 * identifier is an MD5 of the copy's identity (the report, the language,
 * the edition, the licence), and the permission bits are the ones asked
 * for (2.3.0 sets all the others).  On any other libharu it is libharu's
 * own, and the document is said not to be byte-reproducible. */
#include <dlfcn.h>
#include <hpdf_encrypt.h>
#include <hpdf_encryptdict.h>
#include <hpdf_version.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "pdf.h"

#define MARK_ALPHA 0.35             /* the watermark's opacity: light on white, and seen on the cover's band */
#define MARK_MAX 120.0              /* its largest size, points */
#define MARK_MIN 16.0
#define MARK_LENGTH 0.72            /* of the page's diagonal */

/* ---- the watermark --------------------------------------------------------- */

/* The copy's watermark; a sample edition has the host's word when the
 * copy names none. */
static const char *mark_text(const pdf_doc *d)
{
    if (!d->copy)
        return "";
    if (d->copy->watermark && *d->copy->watermark)
        return d->copy->watermark;
    return d->pass == PASS_SAMPLE ? d->host->label(d->job, "sample-mark") : "";
}

/* The watermark on every page, the cover included: bold, along the
 * diagonal from the lower left, centred on the page, as large as
 * MARK_LENGTH of the diagonal allows up to MARK_MAX points. */
void sl_watermark(pdf_doc *d)
{
    const char *text = str_short(d, mark_text(d));
    if (!*text)
        return;
    pf_style st = {1, 0, MARK_MAX, d->col.rule};
    /* Chinese has no bold face here, and a translucent stroke over the
     * fill of a made-up bold would outline every stroke: regular. */
    for (size_t i = 0; text[i];)
        if (mkp_is_wide(pf_next_char(text, (size_t)-1, &i)))
            st.bold = 0;
    double room = hypot(d->pw, d->ph) * MARK_LENGTH, w = pf_width(d, text, &st);
    if (w > room)
        st.size = floor(MARK_MAX * room / w * 2) / 2;
    if (st.size < MARK_MIN) {
        st.size = MARK_MIN;
        text = pf_fit(d, text, &st, room);
    }
    w = pf_width(d, text, &st);
    double a = atan2(d->ph, d->pw), c = cos(a), s = sin(a), half = st.size * 0.36; /* half a capital's height */
    double x = d->pw / 2 - w / 2 * c + half * s, y = d->ph / 2 - w / 2 * s - half * c;
    HPDF_ExtGState gs = HPDF_CreateExtGState(d->pdf);
    if (!gs)
        return; /* libharu's error, reported before saving */
    HPDF_ExtGState_SetAlphaFill(gs, (HPDF_REAL)MARK_ALPHA);
    HPDF_ExtGState_SetAlphaStroke(gs, (HPDF_REAL)MARK_ALPHA);
    for (size_t k = 0; k < d->main.n + d->front.n; k++) {
        d->page = k < d->main.n ? d->main.v[k].page : d->front.v[k - d->main.n].page;
        HPDF_Page_GSave(d->page);
        HPDF_Page_SetExtGState(d->page, gs);
        pf_draw_rotated(d, x, y, a * 180 / 3.14159265358979323846, text, &st);
        HPDF_Page_GRestore(d->page);
        d->font_page = NULL; /* the font chosen inside is gone with the state */
    }
}

/* ---- the permissions -------------------------------------------------------- */

/* What HPDF_EncryptDict_CreateID gives the document being saved. */
static struct {
    int on;
    HPDF_BYTE id[HPDF_ID_LEN];
    HPDF_INT permission;
} seal;

static void add(HPDF_MD5_CTX *ctx, const char *s)
{
    s = s ? s : "";
    HPDF_MD5Update(ctx, (const HPDF_BYTE *)s, (HPDF_UINT32)strlen(s) + 1); /* with its NUL: "ab","c" != "a","bc" */
}

/* The identifier: the same copy of the same report has the same one,
 * whoever renders it and when; the passwords are not in it (it is
 * written in the clear). */
static void identity(pdf_doc *d, HPDF_BYTE out[HPDF_ID_LEN])
{
    const mkp_copy *c = d->copy;
    HPDF_MD5_CTX ctx;
    char n[96];
    HPDF_MD5Init(&ctx);
    add(&ctx, "marketpress pdf");
    add(&ctx, d->m->id);
    add(&ctx, txt(d, &d->m->title));
    add(&ctx, d->lang);
    add(&ctx, d->m->edition);
    add(&ctx, d->m->product_code);
    add(&ctx, d->m->scenario ? d->m->scenario->id : "");
    snprintf(n, sizeof n, "%d %d %d %d %d", (int)c->edition, c->seats, c->allow_print, c->allow_copy,
             c->allow_modify);
    add(&ctx, n);
    add(&ctx, c->licensee);
    add(&ctx, c->licence_id);
    add(&ctx, c->licence_date);
    add(&ctx, c->watermark);
    HPDF_MD5Final(out, &ctx);
}

/* The permission bits (PDF 1.7, table 22): print (3) and high-quality
 * print (12); modify (4), annotate (6), fill in forms (9) and assemble
 * (11); copy (5).  Extracting for accessibility (10) stays allowed, so
 * that a screen reader can read the report to its reader. */
static HPDF_INT permission(const mkp_copy *c)
{
    HPDF_UINT32 p = 0xFFFFF0C0u | 1u << 9;
    if (c->allow_print)
        p |= 1u << 2 | 1u << 11;
    if (c->allow_modify)
        p |= 1u << 3 | 1u << 5 | 1u << 8 | 1u << 10;
    if (c->allow_copy)
        p |= 1u << 4;
    return (HPDF_INT)p;
}

#if HPDF_VERSION_ID == 20300
MKP_EXPORT void HPDF_EncryptDict_CreateID(HPDF_EncryptDict dict, HPDF_Dict info, HPDF_Xref xref)
{
    HPDF_Encrypt attr = HPDF_EncryptDict_GetAttr(dict);
    if (seal.on && attr) {
        memcpy(attr->encrypt_id, seal.id, HPDF_ID_LEN);
        attr->permission = seal.permission;
        return;
    }
    void (*own)(HPDF_EncryptDict, HPDF_Dict, HPDF_Xref);
    *(void **)&own = dlsym(RTLD_NEXT, "HPDF_EncryptDict_CreateID");
    if (own)
        own(dict, info, xref);
}
#define SEAL_BUILT 1
#else
#define SEAL_BUILT 0
#endif

/* Turns encryption on for a copy with protect set: returns 0, or -1
 * after saying why it cannot be. */
int sl_protect(pdf_doc *d)
{
    const mkp_copy *c = d->copy;
    if (!c || !c->protect)
        return 0;
    const char *owner = c->owner_password ? c->owner_password : "";
    const char *open = c->open_password ? c->open_password : "";
    if (!*owner || strcmp(owner, open) == 0) {
        d->host->diag(d->job, MKP_FAIL, "%s", !*owner ? "protecting the PDF needs an owner password"
                                                      : "the owner password and the open password must differ");
        return -1;
    }
    HPDF_UINT perm = HPDF_ENABLE_READ | (c->allow_print ? HPDF_ENABLE_PRINT : 0) |
                     (c->allow_modify ? HPDF_ENABLE_EDIT_ALL | HPDF_ENABLE_EDIT : 0) |
                     (c->allow_copy ? HPDF_ENABLE_COPY : 0);
    HPDF_SetPassword(d->pdf, owner, open);
    HPDF_SetPermission(d->pdf, perm);
    HPDF_SetEncryptionMode(d->pdf, HPDF_ENCRYPT_R3, 16);
    if (SEAL_BUILT && strcmp(HPDF_GetVersion(), HPDF_VERSION_TEXT) == 0) {
        identity(d, seal.id);
        seal.permission = permission(c);
        seal.on = 1;
    } else {
        d->host->diag(d->job, MKP_NOTE,
                      "libharu %s makes the encrypted PDF's identifier from the clock: two renders differ "
                      "(byte-reproducible on libharu %s only)",
                      HPDF_GetVersion(), HPDF_VERSION_TEXT);
    }
    return 0;
}

/* After saving: the next document starts unsealed. */
void sl_done(void)
{
    memset(&seal, 0, sizeof seal);
}
