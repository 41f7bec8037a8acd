/* imprint.c - what a publisher prints about itself and its rights: the
 * copyright holder, the licence the client reads the report under, the
 * disclaimer, a paragraph about the publisher and how to reach it.  All
 * optional; the outputs fall back on the publisher's name and the host's
 * house wording. */
#include <ctype.h>
#include <string.h>

#include "dataset/loader.h"

static const char *const contact_keys[] = {"email", "web", "phone", "address", NULL};

/* name@host.tld: one '@', no space, a dot inside the host part. */
static int valid_email(const char *s)
{
    const char *at = strchr(s, '@');
    if (!at || at == s || strchr(at + 1, '@') || strlen(s) > 254)
        return 0;
    const char *dot = strrchr(at + 1, '.');
    if (!dot || dot == at + 1 || !dot[1] || strstr(at + 1, ".."))
        return 0;
    for (const char *p = s; *p; p++)
        if ((unsigned char)*p <= ' ' || *p == '<' || *p == '>' || *p == '"' || *p == ',')
            return 0;
    return 1;
}

/* http(s)://host.tld[/...]: a reader copies it into a browser. */
static int valid_web(const char *s)
{
    size_t skip = strncmp(s, "https://", 8) == 0 ? 8 : strncmp(s, "http://", 7) == 0 ? 7 : 0;
    if (!skip || strlen(s) > 2000)
        return 0;
    const char *host = s + skip;
    size_t len = strcspn(host, "/?#");
    const char *dot = memchr(host, '.', len);
    if (!dot || dot == host || dot + 1 >= host + len)
        return 0;
    for (const char *p = s; *p; p++)
        if ((unsigned char)*p <= ' ' || *p == '<' || *p == '>' || *p == '"')
            return 0;
    return 1;
}

/* Digits with the signs people write in telephone numbers, five digits
 * at least. */
static int valid_phone(const char *s)
{
    size_t digits = 0;
    for (const char *p = s; *p; p++) {
        if (isdigit((unsigned char)*p))
            digits++;
        else if (!strchr("+ ()-./", *p))
            return 0;
    }
    return digits >= 5 && strlen(s) <= 40;
}

/* One field of `contact`: a string that passes `valid`, else "" after
 * an error that shows the shape wanted. */
static const char *contact_field(loader *L, const ynode *c, const char *key, int (*valid)(const char *),
                                 const char *example)
{
    const ynode *n = ytree_get(c, key);
    const char *what = arena_printf(L->a, "contact %s", key);
    const char *s = n ? ld_get_string(L, n, what) : NULL;
    if (!s)
        return "";
    if (valid(s))
        return s;
    diag_error(L->d, n->line, n->col, "%s must be %s, not '%s'", what, example, s);
    return "";
}

static void load_contact(loader *L, const ynode *c)
{
    mkp_model *m = L->doc->model;
    if (!ld_want_kind(L, c, Y_MAP, "contact"))
        return;
    ld_check_keys(L, c, "contact", contact_keys);
    m->contact_email = contact_field(L, c, "email", valid_email, "an address such as sales@example.com");
    m->contact_web = contact_field(L, c, "web", valid_web, "a web address such as https://www.example.com");
    m->contact_phone = contact_field(L, c, "phone", valid_phone,
                                     "a telephone number of digits, spaces and + ( ) - such as +44 20 7946 0000");
    const ynode *n = ytree_get(c, "address");
    /* An address is written the way the post needs it, in any edition. */
    if (n)
        m->contact_address = ld_get_name(L, n, "contact address");
}

void ld_imprint(loader *L, const ynode *r)
{
    mkp_model *m = L->doc->model;
    m->contact_email = m->contact_web = m->contact_phone = "";
    const ynode *n;
    /* The holder is a name, as the publisher is. */
    if ((n = ytree_get(r, "copyright")))
        m->copyright = ld_get_name(L, n, "copyright");
    if ((n = ytree_get(r, "licence")))
        m->licence = ld_get_text(L, n, "licence");
    if ((n = ytree_get(r, "disclaimer")))
        m->disclaimer = ld_get_text(L, n, "disclaimer");
    if ((n = ytree_get(r, "about")))
        m->about = ld_get_text(L, n, "about");
    if ((n = ytree_get(r, "contact")))
        load_contact(L, n);
}
