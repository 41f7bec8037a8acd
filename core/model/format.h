/* format.h - locale-independent number presentation shared by the CLI and
 * the plugins (through the host table). */
#ifndef MKP_FORMAT_H
#define MKP_FORMAT_H
#include <stddef.h>

#include "marketpress/model.h"

size_t fmt_number(char *buf, size_t cap, double v, int decimals, int group);
size_t fmt_percent(char *buf, size_t cap, double fraction, int decimals);
void fmt_round_shares(const double *fractions, size_t n, int decimals, double *out);
/* The decimals of a set of values read together (one series of a chart,
 * the bars of one axis, a table column), from their kind (mkp_number_kind:
 * an amount, a share or a growth rate, both in percent) and their
 * magnitude, raised until no value but zero shows as zero and, when
 * `distinct`, no two values that differ at FMT_DECIMALS_CAP places show
 * the same.  Non-finite values are ignored. */
#define FMT_DECIMALS_CAP 3
int fmt_decimals(const double *values, size_t n, int kind, int distinct);
/* The same from `decimals` up, whatever the values' magnitude: a group of
 * values within a larger set whose magnitude chose the decimals. */
int fmt_decimals_from(const double *values, size_t n, int decimals, int distinct);
const char *fmt_text(const mkp_text *t, const char *lang);
/* The language of the entry fmt_text shows for `lang`; "" for an empty text. */
const char *fmt_text_lang(const mkp_text *t, const char *lang);

/* labels.c: marketpress's own words in `lang` (zh, zh-CN, zh-Hans-CN:
 * Chinese; any other: English).  NULL for a key the table does not hold.
 * fmt_label_key(i) walks the keys (NULL past the last), for tests. */
int fmt_is_zh(const char *lang);
const char *fmt_label(const char *lang, const char *key);
const char *fmt_label_key(size_t i);
/* The unit of every value: "USD billion", "十亿美元". */
size_t fmt_unit(char *buf, size_t cap, const char *lang, const char *currency, const char *unit);
/* An amount in running text: "USD 28.46 billion", "284.6亿美元". */
size_t fmt_money(char *buf, size_t cap, const char *lang, const char *currency, const char *unit, double v,
                 int decimals);

/* A value and where it came from, for ordering: fmt_cmp_ranked sorts the
 * largest first, NaN last, equal values in the order they came (qsort). */
typedef struct fmt_ranked {
    double value;
    size_t at;
} fmt_ranked;
int fmt_cmp_ranked(const void *a, const void *b);
#endif
