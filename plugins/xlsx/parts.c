/* parts.c - the lxw_tmpfile that libxlsxwriter stages each part of the
 * workbook in: a stream in memory that records a write that failed, so a
 * part cut short is an error instead of a broken workbook reported as
 * written.  Besides the entry, the one symbol xlsx.so exports. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "xlsx.h"

/* ---- the workbook's parts, in memory ----------------------------------------
 * libxlsxwriter writes each of the workbook's ~60 parts into a temporary
 * FILE from lxw_tmpfile() before zipping it, and never checks those writes:
 * on a full or small temporary filesystem a part is cut short and the
 * workbook is still "written".  It calls lxw_tmpfile through its symbol
 * table, and the plugin, loaded first among the libraries it brings, is
 * where that name is found: this lxw_tmpfile gives a stream in memory that
 * remembers any write that failed.  Should another build of the library
 * not call it, the parts go to the output's own folder (render() points
 * tmpdir there), on the filesystem the output must fit on anyway; `made`
 * counts the streams handed out, for a debugger. */

static struct {
    int made;                       /* streams handed out */
    int failed;                     /* errno of the first write that failed */
} parts;

void pt_reset(void)
{
    parts.made = parts.failed = 0;
}

/* The errno of the first write to a part that failed, or 0. */
int pt_failed(void)
{
    return parts.failed;
}

/* Only for the library version whose lxw_tmpfile this one stands in for;
 * with another, the library's own is used and so are these streams not. */
#if LXW_VERSION_ID == 114
typedef struct part {
    char *data;
    size_t len, cap, pos;
} part;

static ssize_t part_read(void *c, char *buf, size_t n)
{
    part *p = c;
    size_t left = p->pos < p->len ? p->len - p->pos : 0;
    if (n > left)
        n = left;
    memcpy(buf, p->data + p->pos, n);
    p->pos += n;
    return (ssize_t)n;
}

static ssize_t part_write(void *c, const char *buf, size_t n)
{
    part *p = c;
    if (p->pos + n > p->cap) {
        size_t cap = (p->pos + n) * 2 + 4096;
        char *d = realloc(p->data, cap);
        if (!d) {
            if (!parts.failed)
                parts.failed = ENOMEM;
            return 0; /* the stream's error flag is set */
        }
        p->data = d;
        p->cap = cap;
    }
    if (p->pos > p->len)
        memset(p->data + p->len, 0, p->pos - p->len);
    memcpy(p->data + p->pos, buf, n);
    p->pos += n;
    if (p->pos > p->len)
        p->len = p->pos;
    return (ssize_t)n;
}

static int part_seek(void *c, off64_t *off, int whence)
{
    part *p = c;
    off64_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? (off64_t)p->pos : (off64_t)p->len;
    if (base + *off < 0)
        return -1;
    p->pos = (size_t)(base + *off);
    *off = (off64_t)p->pos;
    return 0;
}

static int part_close(void *c)
{
    part *p = c;
    free(p->data);
    free(p);
    return 0;
}

MKP_EXPORT FILE *lxw_tmpfile(char *tmpdir)
{
    (void)tmpdir;
    static const cookie_io_functions_t io = {part_read, part_write, part_seek, part_close};
    part *p = calloc(1, sizeof *p);
    FILE *f = p ? fopencookie(p, "w+", io) : NULL;
    if (!f) {
        free(p);
        if (!parts.failed)
            parts.failed = ENOMEM;
        return NULL;
    }
    parts.made++;
    return f;
}
#endif
