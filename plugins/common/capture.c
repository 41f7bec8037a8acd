/* capture.c - a library's standard error in a memory file while it works;
 * see capture.h. */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <unistd.h>

#include "capture.h"

cap_stderr cap_begin(void)
{
    cap_stderr c = {-1, -1};
    fflush(stderr);
    c.fd = memfd_create("library-messages", MFD_CLOEXEC);
    c.saved = c.fd >= 0 ? dup(2) : -1;
    if (c.saved < 0 || dup2(c.fd, 2) < 0) {
        if (c.saved >= 0)
            close(c.saved);
        if (c.fd >= 0)
            close(c.fd);
        c.saved = c.fd = -1;
    }
    return c;
}

void cap_end(cap_stderr *c, const mkp_host *host, const mkp_job *job, const char *who, int drop)
{
    if (c->fd < 0)
        return;
    fflush(stderr);
    dup2(c->saved, 2);
    close(c->saved);
    char buf[2048];
    ssize_t n = drop ? 0 : pread(c->fd, buf, sizeof buf - 1, 0);
    size_t lines = 0;
    char more[4096];
    for (off_t at = 0, got; !drop && (got = pread(c->fd, more, sizeof more, at)) > 0; at += got)
        for (off_t i = 0; i < got; i++)
            lines += more[i] == '\n';
    close(c->fd);
    c->fd = c->saved = -1;
    if (n <= 0)
        return;
    buf[n] = '\0';
    char *first = buf + strspn(buf, "\n");
    first[strcspn(first, "\n")] = '\0';
    if (!lines)
        lines = 1; /* a last line without its newline */
    /* "Fontconfig error: ..." needs no "fontconfig: " in front. */
    size_t wl = strlen(who);
    const char *sep = strncasecmp(first, who, wl) == 0 ? "" : ": ";
    const char *name = *sep ? who : "";
    if (lines > 1)
        host->diag(job, MKP_WARNING, "%s%s%s (and %zu more line%s)", name, sep, first, lines - 1,
                   lines > 2 ? "s" : "");
    else
        host->diag(job, MKP_WARNING, "%s%s%s", name, sep, first);
}
