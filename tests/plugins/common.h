/* common.h - descriptor builders for the deliberately broken test
 * plugins; each .c file here breaks exactly one rule. */
#ifndef TEST_PLUGIN_COMMON_H
#define TEST_PLUGIN_COMMON_H
#include <marketpress/marketpress.h>

/* What a test plugin's descriptor says about itself, as designated
 * initializers. */
#define TEST_FIELDS(NAME, RENDER)                                                                                     \
    .name = NAME, .version = "0.0.1", .description = "test plugin", .extension = NAME, .render = RENDER

/* The descriptor and the entry, through MKP_DEFINE_PLUGIN, for a plugin
 * whose descriptor and entry are right, whatever else it gets wrong.  The
 * entry keeps the host's table in `test_host`, which these plugins never
 * read; one that does declares its own and writes
 * MKP_DEFINE_PLUGIN(host, TEST_FIELDS(NAME, RENDER));. */
#define TEST_PLUGIN(NAME, RENDER)                                                                                     \
    static const mkp_host *test_host;                                                                                 \
    MKP_DEFINE_PLUGIN(test_host, TEST_FIELDS(NAME, RENDER))

/* The descriptor alone, as `descriptor`, for a plugin that spells its
 * entry out by hand, mostly because the entry is the broken part (a made-up
 * name, another ABI's). */
#define TEST_DESCRIPTOR(NAME, RENDER)                                                                                 \
    static const mkp_plugin descriptor = {                                                                            \
        .size = sizeof(mkp_plugin),                                                                                   \
        .abi_major = MKP_ABI_MAJOR,                                                                                   \
        .abi_minor = MKP_ABI_MINOR,                                                                                   \
        TEST_FIELDS(NAME, RENDER),                                                                                    \
    }

/* The entry written out by hand, for a plugin whose descriptor is the
 * broken part. */
#define TEST_ENTRY(DESCRIPTOR)                                                                                        \
    MKP_EXPORT const mkp_plugin *MKP_ENTRY(const mkp_host *host)                                                      \
    {                                                                                                                 \
        (void)host;                                                                                                   \
        return &(DESCRIPTOR);                                                                                         \
    }
#endif
