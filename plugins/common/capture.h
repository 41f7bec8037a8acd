/* capture.h - what a library prints on standard error while a plugin calls
 * it (fontconfig, libxlsxwriter), caught in memory and handed on as one
 * line of the host's, so that a job's messages stay one line each and say
 * which plugin and dataset they are about.  Private to the plugins, and
 * to the program's chart fonts, which link the font finder as it is. */
#ifndef MKP_CAPTURE_H
#define MKP_CAPTURE_H

#include <marketpress/marketpress.h>

typedef struct cap_stderr {
    int saved;                      /* the real standard error, or -1 */
    int fd;                         /* the memory file it goes to meanwhile, or -1 */
} cap_stderr;

/* Sends standard error to memory until cap_end; does nothing (and standard
 * error stays as it was) when no memory file can be made. */
cap_stderr cap_begin(void);

/* Puts standard error back.  Unless `drop`, what was caught becomes one
 * warning: "WHO: first line (and N more lines)".  Safe to call twice. */
void cap_end(cap_stderr *c, const mkp_host *host, const mkp_job *job, const char *who, int drop);

#endif
