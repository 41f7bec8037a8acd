/* common.h - a descriptor builder for the deliberately broken test
 * plugins; each .c file here breaks exactly one rule. */
#ifndef TEST_PLUGIN_COMMON_H
#define TEST_PLUGIN_COMMON_H
#include <marketpress/marketpress.h>

#define TEST_DESCRIPTOR(NAME, RENDER)                                                                                 \
    static const mkp_plugin descriptor = {                                                                            \
        .size = sizeof(mkp_plugin),                                                                                   \
        .abi_major = MKP_ABI_MAJOR,                                                                                   \
        .abi_minor = MKP_ABI_MINOR,                                                                                   \
        .name = NAME,                                                                                                 \
        .version = "0.0.1",                                                                                           \
        .description = "test plugin",                                                                                 \
        .extension = NAME,                                                                                            \
        .render = RENDER,                                                                                             \
    }
#endif
