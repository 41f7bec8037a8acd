/* marketpress/marketpress.h - everything a plugin author includes: the
 * read-only model view and the plugin contract. */
#ifndef MARKETPRESS_MARKETPRESS_H
#define MARKETPRESS_MARKETPRESS_H
#include "chart.h"
#include "model.h"
#include "plugin.h"
#endif
