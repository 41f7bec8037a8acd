/* date.h - calendar dates as the program needs them: days since 1970 of a
 * Gregorian date, and SOURCE_DATE_EPOCH read in one place. */
#ifndef MKP_BASE_DATE_H
#define MKP_BASE_DATE_H

/* The last second of 9999: every date a plugin writes has four digits. */
#define DATE_EPOCH_MAX 253402300799LL

/* Days since 1970-01-01 of a proleptic Gregorian date. */
long long date_days_from_civil(int y, int m, int d);
/* SOURCE_DATE_EPOCH: 0 when unset, 1 with *epoch set, -1 when it is not
 * whole seconds from 0 to DATE_EPOCH_MAX. */
int date_source_epoch(long long *epoch);
#endif
