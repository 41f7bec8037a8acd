/* date.c - calendar arithmetic and SOURCE_DATE_EPOCH; see date.h. */
#include "base/date.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>

long long date_days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int date_source_epoch(long long *epoch)
{
    const char *env = getenv("SOURCE_DATE_EPOCH");
    if (!env || !*env)
        return 0;
    char *end;
    errno = 0;
    long long e = strtoll(env, &end, 10);
    if (*end || errno || e < 0 || e > DATE_EPOCH_MAX || !isdigit((unsigned char)env[0]))
        return -1;
    *epoch = e;
    return 1;
}
