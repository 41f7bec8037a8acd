/* marketpress/marketpress.h - everything a plugin author includes: the
 * read-only model view, the plugin contract and the text helpers. */
#ifndef MARKETPRESS_MARKETPRESS_H
#define MARKETPRESS_MARKETPRESS_H
#include "chart.h"
#include "model.h"
#include "plugin.h"
#include "text.h"
#endif
