/* langs.c - the languages of a dataset: language tags checked against
 * BCP 47 (RFC 5646) and read in their canonical case, the report's
 * `languages` (en first), every text read as a string per language (a
 * plain string is English), and the texts that lack a declared language,
 * each warned about at its line and summed up per language. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "dataset/loader.h"

/* Warnings shown for texts missing in a language, over all languages; the
 * rest are counted in the note per language. */
#define MISSING_SHOWN 20

/* ---- BCP 47 -----------------------------------------------------------------
 * langtag = language ["-" extlang...] ["-" script] ["-" region]
 *           *("-" variant) *("-" extension) ["-" privateuse], or privateuse
 * alone; the grandfathered tags (i-klingon, zh-min-nan as one) are not
 * taken.  Canonical case: region upper, script title, the rest lower. */

typedef enum tag_part {
    PART_LANGUAGE,                  /* the language has been read */
    PART_EXTLANG,
    PART_SCRIPT,
    PART_REGION,
    PART_VARIANT,
    PART_SINGLETON,                 /* an extension's letter, waiting for its first subtag */
    PART_EXTENSION,
    PART_PRIVATE_START,             /* x, waiting for its first subtag */
    PART_PRIVATE
} tag_part;

static int all_alpha(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isalpha((unsigned char)s[i]))
            return 0;
    return 1;
}

static int all_digit(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return 0;
    return 1;
}

/* The subtag c[0..n) after `at`, in its canonical case; its new place, or
 * -1 when it has none there. */
static int next_part(tag_part at, int extlangs, char *c, size_t n)
{
    if (at == PART_PRIVATE_START || at == PART_PRIVATE)
        return PART_PRIVATE;
    if (at == PART_SINGLETON || at == PART_EXTENSION) {
        if (n >= 2)
            return PART_EXTENSION;
        return at == PART_EXTENSION ? (c[0] == 'x' ? PART_PRIVATE_START : PART_SINGLETON) : -1;
    }
    if (n == 1)
        return c[0] == 'x' ? PART_PRIVATE_START : PART_SINGLETON;
    if (n == 3 && all_alpha(c, n) && at <= PART_EXTLANG && extlangs < 3)
        return PART_EXTLANG;
    if (n == 4 && all_alpha(c, n) && at < PART_SCRIPT) {
        c[0] = (char)toupper((unsigned char)c[0]);
        return PART_SCRIPT;
    }
    if (((n == 2 && all_alpha(c, n)) || (n == 3 && all_digit(c, n))) && at < PART_REGION) {
        for (size_t i = 0; i < n; i++)
            c[i] = (char)toupper((unsigned char)c[i]);
        return PART_REGION;
    }
    if (n >= 5 || (n == 4 && isdigit((unsigned char)c[0])))
        return PART_VARIANT;
    return -1;
}

/* Where the first subtag puts the tag, or -1. */
static int first_part(const char *c, size_t n, int *short_language)
{
    *short_language = n <= 3;
    if (n == 1 && c[0] == 'x')
        return PART_PRIVATE_START;
    if (((n >= 2 && n <= 3) || (n >= 5 && n <= 8)) && all_alpha(c, n))
        return PART_LANGUAGE;
    return -1;
}

int ld_lang_tag(const char *s, char *canon, char *why, size_t cap)
{
    size_t len = strlen(s);
    const char *bad = NULL;
    if (len == 0 || len > LD_LANG_TAG_MAX)
        bad = len ? "it is longer than 63 characters" : "it is empty";
    for (size_t i = 0; !bad && i < len; i++)
        if (!isalnum((unsigned char)s[i]) && s[i] != '-')
            bad = "subtags are letters and digits joined by '-'";
    int part = 0, extlangs = 0, short_language = 0;
    for (size_t at = 0; !bad && at <= len;) {
        size_t n = strcspn(s + at, "-");
        char *c = canon + at;
        for (size_t i = 0; i < n; i++)
            c[i] = (char)tolower((unsigned char)s[at + i]);
        c[n] = s[at + n] ? '-' : '\0';
        if (n == 0 || n > 8) {
            bad = n ? "a subtag has at most 8 letters and digits" : "subtags are letters and digits joined by '-'";
            break;
        }
        int next = at == 0 ? first_part(c, n, &short_language) : next_part((tag_part)part, extlangs, c, n);
        if (next == PART_EXTLANG && !short_language)
            next = -1;
        extlangs += next == PART_EXTLANG;
        if (next < 0) {
            snprintf(why, cap, at == 0 ? "it must start with a language of 2-3 or 5-8 letters, not '%.*s'"
                                       : "'%.*s' is out of place (after the language come a script of 4 letters, a "
                                         "region of 2 letters or 3 digits, variants, then extensions)",
                     (int)n, s + at);
            return LD_LANG_BAD;
        }
        part = next;
        at += n + 1;
    }
    if (!bad && (part == PART_SINGLETON || part == PART_PRIVATE_START))
        bad = "a singleton (one letter) needs a subtag after it";
    if (bad) {
        snprintf(why, cap, "%s", bad);
        return LD_LANG_BAD;
    }
    return strcmp(canon, s) == 0 ? LD_LANG_OK : LD_LANG_CASE;
}

/* ---- the report's languages ------------------------------------------------ */

/* "en, zh": the declared languages, for a message. */
static const char *declared_list(loader *L)
{
    const mkp_model *m = L->doc->model;
    strbuf b = {0};
    for (size_t i = 0; i < m->n_languages; i++)
        sb_printf(&b, "%s%s", i ? ", " : "", m->languages[i]);
    const char *s = arena_strdup(L->a, b.s ? b.s : "");
    free(b.s);
    return s;
}

/* The tag of node k in its canonical case (arena), or NULL after an error.
 * A tag in another case is read as the canonical one, with one warning per
 * spelling and file. */
static const char *canonical_tag(loader *L, const ynode *k)
{
    char canon[LD_LANG_TAG_MAX + 1], why[200];
    int rc = ld_lang_tag(k->str, canon, why, sizeof why);
    if (rc == LD_LANG_BAD) {
        char fixed[LD_LANG_TAG_MAX + 1], alt[LD_LANG_TAG_MAX + 1], ignore[8];
        snprintf(fixed, sizeof fixed, "%s", k->str);
        for (char *p = fixed; *p; p++)
            *p = *p == '_' ? '-' : *p;
        int near = strchr(k->str, '_') && strlen(k->str) <= LD_LANG_TAG_MAX &&
                   ld_lang_tag(fixed, alt, ignore, sizeof ignore) != LD_LANG_BAD;
        diag_error(L->d, k->line, k->col, "'%s' is not a BCP 47 language tag such as en, de or zh-CN: %s%s%s%s",
                   k->str, why, near ? "; did you mean " : "", near ? alt : "", near ? "?" : "");
        return NULL;
    }
    if (rc == LD_LANG_OK)
        return k->str;
    int warned = 0;
    for (size_t i = 0; i < L->n_case_warned && !warned; i++)
        warned = strcmp(L->case_warned[i], k->str) == 0;
    if (!warned && L->n_case_warned < LD_CASE_WARNED)
        L->case_warned[L->n_case_warned++] = k->str;
    if (!warned)
        diag_warning(L->d, k->line, k->col, "language tag '%s' is written %s in canonical form; read as %s", k->str,
                     canon, canon);
    return arena_strdup(L->a, canon);
}

/* `languages: [en, ...]`: well-formed tags, each once, en first. */
static void check_declared(loader *L, const ynode *n, const char **v, size_t cnt)
{
    for (size_t i = 0; i < cnt; i++) {
        const ynode *item = n->items[i];
        for (size_t k = 0; k < i; k++)
            if (v[k] && v[i] && strcmp(v[k], v[i]) == 0)
                diag_error(L->d, item->line, item->col, "%s is listed twice in languages (first at %d:%d)", v[i],
                           n->items[k]->line, n->items[k]->col);
    }
    int has_en = 0;
    for (size_t i = 0; i < cnt; i++)
        has_en |= v[i] && strcmp(v[i], "en") == 0;
    if (v[0] && strcmp(v[0], "en") != 0)
        diag_error(L->d, n->items[0]->line, n->items[0]->col,
                   "languages must start with en, the language of plain strings and the one every text falls back "
                   "to%s",
                   has_en ? "; move en to the front" : "");
}

void ld_languages(loader *L, const ynode *r)
{
    mkp_model *m = L->doc->model;
    static const char *const en_only[] = {"en"};
    m->languages = en_only;
    m->n_languages = 1;
    const ynode *n = ytree_get(r, "languages");
    if (n && ld_want_kind(L, n, Y_SEQ, "languages")) {
        L->langs_line = n->line;
        L->langs_col = n->col;
        if (n->n == 0)
            diag_error(L->d, n->line, n->col, "languages must list at least en");
        const char **v = arena_array(L->a, n->n + 1, sizeof *v);
        size_t cnt = 0;
        for (size_t i = 0; i < n->n; i++)
            if (ld_get_string(L, n->items[i], "a language") && (v[i] = canonical_tag(L, n->items[i])))
                cnt++;
        int errors = L->d->errors;
        if (cnt == n->n && cnt)
            check_declared(L, n, v, cnt);
        L->langs_bad = L->d->errors != errors || cnt != n->n || !cnt;
        if (!L->langs_bad) {
            m->languages = v;
            m->n_languages = cnt;
        }
    }
    L->missing = arena_array(L->a, m->n_languages, sizeof *L->missing);
    L->missing_shown = arena_array(L->a, m->n_languages, sizeof *L->missing_shown);
}

/* ---- texts -------------------------------------------------------------- */

/* The index of `tag` among the declared languages, or -1 after an error
 * at k that names them (with the nearest as a hint). */
static int declared(loader *L, const ynode *k, const char *tag)
{
    const mkp_model *m = L->doc->model;
    if (L->langs_bad)
        return 0; /* the languages have their error already */
    const char *near = NULL;
    size_t base = strcspn(tag, "-");
    for (size_t i = 0; i < m->n_languages; i++) {
        const char *d = m->languages[i];
        if (strcmp(d, tag) == 0)
            return (int)i;
        /* The same language in another region or script: zh for zh-CN. */
        if (!near && strcspn(d, "-") == base && strncmp(d, tag, base) == 0)
            near = d;
    }
    const char *hint = near ? arena_printf(L->a, "; did you mean %s?", near) : "";
    if (L->langs_line)
        diag_error(L->d, k->line, k->col, "'%s' is not declared in languages [%s] (line %d)%s", tag, declared_list(L),
                   L->langs_line, hint);
    else
        diag_error(L->d, k->line, k->col,
                   "'%s' is not declared: the report has no languages, so its only language is en; add "
                   "'languages: [en, %s]' to the report",
                   tag, tag);
    return -1;
}

/* What the text read from `n` is called in a warning: "segment
 * 'region/americas' title". */
static const char *text_name(loader *L, const char *what)
{
    if (!L->owner_kind)
        return what;
    if (!L->owner_id)
        return arena_printf(L->a, "%s %s", L->owner_kind, what);
    return arena_printf(L->a, "%s '%s' %s", L->owner_kind, L->owner_id, what);
}

/* Warns for every declared language that text t (read from n) lacks. */
static void check_missing(loader *L, const ynode *n, mkp_text t, const char *what)
{
    const mkp_model *m = L->doc->model;
    for (size_t i = 0; i < m->n_languages && t.n; i++) {
        const char *lang = m->languages[i];
        int has = 0;
        for (size_t k = 0; k < t.n && !has; k++)
            has = strcmp(t.v[k].lang, lang) == 0;
        if (has)
            continue;
        L->missing[i]++;
        int show = L->n_shown < MISSING_SHOWN;
        L->n_shown += show;
        L->missing_shown[i] += show;
        if (!show) {
            diag_warning_bulk(L->d, 0, n->line, n->col, "%s", what); /* counted, not formatted */
            continue;
        }
        /* What fmt_text gives instead: English, else the first text. */
        const char *instead = strcmp(t.v[0].lang, "en") == 0 ? "English" : arena_printf(L->a, "its %s text", t.v[0].lang);
        diag_warning_bulk(L->d, 1, n->line, n->col, "%s has no %s text; the %s edition will show %s",
                          text_name(L, what), lang, lang, instead);
    }
}

/* A map of language -> string: each tag well-formed, declared and given
 * once; en first when present.  *refused counts the entries left out
 * after an error. */
static mkp_text text_map(loader *L, const ynode *n, const char *what, size_t *refused)
{
    mkp_text_entry *e = arena_array(L->a, n->n, sizeof *e);
    const ynode **from = arena_array(L->a, n->n, sizeof *from);
    size_t k = 0;
    for (size_t i = 0; i < n->n; i++) {
        const ynode *key = n->keys[i], *v = n->items[i];
        const char *tag = canonical_tag(L, key);
        ++*refused;
        if (!tag || declared(L, key, tag) < 0)
            continue;
        if (v->kind != Y_SCALAR || v->len == 0) {
            diag_error(L->d, v->line, v->col, "%s in %s must be text", what, key->str);
            continue;
        }
        size_t j = 0;
        while (j < k && strcmp(e[j].lang, tag) != 0)
            j++;
        if (j < k) {
            diag_error(L->d, key->line, key->col, "%s gives %s twice (first as '%s' at %d:%d)", what, tag,
                       from[j]->str, from[j]->line, from[j]->col);
            continue;
        }
        from[k] = key;
        e[k++] = (mkp_text_entry){tag, v->str};
        --*refused;
    }
    for (size_t j = 1; j < k; j++)
        if (strcmp(e[j].lang, "en") == 0) {
            mkp_text_entry en = e[j];
            memmove(e + 1, e, j * sizeof *e);
            e[0] = en;
        }
    return (mkp_text){k, e};
}

/* A string, or a map of language -> string; `translated` when every
 * declared language should have it. */
static mkp_text get_text(loader *L, const ynode *n, const char *what, int translated)
{
    mkp_text t = {0, NULL};
    size_t refused = 0;
    if (n->kind == Y_SCALAR) {
        if (n->len == 0) {
            diag_error(L->d, n->line, n->col, "%s must not be empty", what);
            return t;
        }
        mkp_text_entry *e = arena_alloc(L->a, sizeof *e);
        *e = (mkp_text_entry){"en", n->str};
        t = (mkp_text){1, e};
    } else if (n->kind != Y_MAP || n->n == 0) {
        diag_error(L->d, n->line, n->col, "%s must be text or a map of language to text, not %s", what,
                   ytree_kind_name(n));
        return t;
    } else {
        t = text_map(L, n, what, &refused);
    }
    /* A text with a wrong entry has its error; what it then lacks is no
     * news.  Nor is anything, when the languages are wrong. */
    if (translated && !refused && !L->langs_bad)
        check_missing(L, n, t, what);
    return t;
}

mkp_text ld_get_text(loader *L, const ynode *n, const char *what)
{
    return get_text(L, n, what, 1);
}

mkp_text ld_get_name(loader *L, const ynode *n, const char *what)
{
    return get_text(L, n, what, 0);
}

void ld_text_owner(loader *L, const char *kind, const char *id)
{
    L->owner_kind = kind;
    L->owner_id = id && *id ? id : NULL;
}

void ld_language_totals(loader *L)
{
    const mkp_model *m = L->doc->model;
    for (size_t i = 0; L->missing && i < m->n_languages; i++) {
        size_t n = L->missing[i], hidden = n - L->missing_shown[i];
        if (!n)
            continue;
        char more[64] = "";
        if (hidden)
            snprintf(more, sizeof more, " (%zu not shown above)", hidden);
        diag_note(L->d, 0, 0, "%s: %zu text%s missing%s", m->languages[i], n, n > 1 ? "s" : "", more);
    }
}
