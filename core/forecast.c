/* forecast.c - the table of forecast modules. */
#include <string.h>

#include "forecast.h"

static const fc_module *const modules[] = {&fc_cagr};

const fc_module *fc_find(const char *name)
{
    for (size_t i = 0; i < sizeof modules / sizeof *modules; i++)
        if (strcmp(modules[i]->name, name) == 0)
            return modules[i];
    return NULL;
}
