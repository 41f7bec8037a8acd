# marketpress - one plain Makefile.
#   make            build build/bin/marketpress and the plugins
#   make run        install what is missing (.ci/bootstrap), render the AIGC
#                   dataset with every plugin into out/
#   make test       the suite, then again under ASan+UBSan; says what is
#                   missing but installs nothing (`make deps` does)
#   make bench      timings and peak memory
#   make install    PREFIX=/usr/local, DESTDIR, BINDIR, LIBDIR, INCLUDEDIR,
#                   DATADIR, MANDIR, ... as the GNU conventions have them;
#                   the compiled-in paths follow them (a change rebuilds)
#   make uninstall  remove what install made, with the same variables
#   make dist       marketpress-VERSION.tar.gz from git HEAD, byte for byte
#                   the same each time; `make distcheck` builds and tests it
#   make deb        the Debian packages (dpkg-buildpackage -us -uc -b) into
#                   $(BUILD)/deb, and lintian on them
#   make deb-check  install the .deb in a fresh Debian 12 root and render
#                   there (debootstrap, as root; minutes)
#   make fuzz       run the fuzzers (FUZZ_TARGET: load, chart, render; all by
#                   default) for FUZZ_SECONDS each (needs clang)
#   make fresh-check  the README's two commands on a fresh Debian 12 root
#                   (debootstrap, as root; minutes)

VERSION   = 0.1.0
BUILD    ?= build
ifeq ($(origin CC),default)
CC        = gcc
endif

# Where `make install` puts things (GNU names, upper case as PREFIX always
# was).  The plugin and data folders are compiled into the program.
PREFIX       ?= /usr/local
BINDIR       ?= $(PREFIX)/bin
LIBDIR       ?= $(PREFIX)/lib
INCLUDEDIR   ?= $(PREFIX)/include
DATADIR      ?= $(PREFIX)/share
MANDIR       ?= $(DATADIR)/man
DOCDIR       ?= $(DATADIR)/doc/marketpress
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
BASHCOMPDIR  ?= $(DATADIR)/bash-completion/completions
ZSHCOMPDIR   ?= $(DATADIR)/zsh/site-functions
PLUGINDIR     = $(LIBDIR)/marketpress/plugins
PKGDATADIR    = $(DATADIR)/marketpress

WARN      = -Wall -Wextra -Werror -Wshadow -Wpointer-arith -Wstrict-prototypes \
            -Wmissing-prototypes -Wformat=2 -Wno-format-nonliteral
OPT      ?= -O2 -g
SAN_FLAGS = -fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=undefined,float-cast-overflow \
            -fno-omit-frame-pointer
ifeq ($(SAN),1)
OPT      := -O1 -g $(SAN_FLAGS)
LDSAN     = $(SAN_FLAGS)
endif
CFLAGS   ?=
CFLAGS   += -std=c11 $(OPT) $(WARN)
# What the caller gave (dpkg-buildflags' hardening, say) goes into the
# plugins too.
USER_CPPFLAGS := $(CPPFLAGS)
CPPFLAGS += -D_GNU_SOURCE -Iinclude -Icore -DMKP_VERSION='"$(VERSION)"' -MMD -MP
# The chart room's fonts (core/chart/fonts.c, the host's measure and SVG)
# load faces with FreeType and find them with fontconfig.  Expanded when a
# recipe runs, not when the Makefile is read: `make run` on a new machine
# installs the -dev packages (deps) after reading it.
FONT_CFLAGS   = $(shell pkg-config --cflags freetype2 fontconfig)
FONT_LIBS     = $(shell pkg-config --libs freetype2 fontconfig)
LDLIBS    = -lyaml -ldl -lm $(FONT_LIBS)

# The program, one folder per pipeline stage (docs/internals.md): data flows
# from cli/ down to base/, never up.
ROOMS     = base dataset forecast model chart host cli
CORE_SRC  = $(filter-out core/cli/main.c,$(foreach r,$(ROOMS),$(wildcard core/$(r)/*.c)))
# Plugin code the program links as it is: the one font finder (and the
# stderr capture it reports fontconfig's chatter with), whose rules the pdf
# plugin and the host's chart fonts share.  Only core/chart/fonts.c
# includes it.
CORE_SHARED = plugins/common/fontfind.c plugins/common/capture.c
CORE_OBJ  = $(CORE_SRC:%.c=$(BUILD)/obj/%.o) $(CORE_SHARED:%.c=$(BUILD)/obj/%.o)
$(BUILD)/obj/core/chart/fonts.o: CPPFLAGS += -Iplugins/common $(FONT_CFLAGS)
$(CORE_SHARED:%.c=$(BUILD)/obj/%.o): CPPFLAGS += $(FONT_CFLAGS)
MAIN_OBJ  = $(BUILD)/obj/core/cli/main.o
BIN       = $(BUILD)/bin/marketpress
PLUGDIR   = $(BUILD)/lib/marketpress/plugins

# One folder per plugin: plugins/<dir>/*.c -> <name>.so, with its libraries.
# A plugin is built once its folder has sources.
PLUGINS          = csv $(foreach p,svg pdf xlsx html,$(if $(wildcard plugins/$(p)/*.c),$(p)))
csv_DIR          = template
csv_LIBS         =
# <name>_COMMON: the files of plugins/common/ a plugin is built with
# (fontfind: fonts through fontconfig; capture: a library's stderr).
svg_DIR          = svg
svg_COMMON       =
svg_CFLAGS       = $(shell pkg-config --cflags cairo freetype2)
svg_LIBS         = $(shell pkg-config --libs cairo freetype2) -lm
pdf_DIR          = pdf
pdf_COMMON       = fontfind capture
# UAX #14 line breaking (libunibreak); English hyphenation is the plugin's
# own (plugins/pdf/hyph.c), and HYPHEN_DICT is where Debian's hyphen-en-us
# puts its patterns, looked for first at run time (plugins/pdf/breaks.c).
HYPHEN_DICT     ?= /usr/share/hyphen/hyph_en_US.dic
BREAK_CFLAGS     = $(shell pkg-config --cflags libunibreak) -DMKP_HYPHEN_DICT='"$(HYPHEN_DICT)"'
BREAK_LIBS       = $(shell pkg-config --libs libunibreak)
pdf_CFLAGS       = $(shell pkg-config --cflags fontconfig libpng) $(BREAK_CFLAGS)
pdf_LIBS         = -lhpdf $(shell pkg-config --libs fontconfig libpng) $(BREAK_LIBS) -lm
xlsx_DIR         = xlsx
xlsx_COMMON      = capture
xlsx_CFLAGS      = $(shell pkg-config --cflags xlsxwriter)
xlsx_LIBS        = $(shell pkg-config --libs xlsxwriter) -lm
# html: the report as one page, only the public headers (the host draws
# its charts), so no library of its own.
html_DIR         = html
html_COMMON      =
html_CFLAGS      =
html_LIBS        = -lm
PLUGIN_SO        = $(PLUGINS:%=$(PLUGDIR)/%.so)
PLUGIN_CFLAGS    = -fPIC -fvisibility=hidden
PLUGIN_CPPFLAGS  = -D_GNU_SOURCE -Iinclude $(USER_CPPFLAGS)

TEST_PLUGINS     = $(patsubst tests/plugins/%.c,$(BUILD)/tests/plugins/%.so,$(wildcard tests/plugins/*.c)) \
                   $(BUILD)/tests/plugins/abi10.so
UNIT_SRC         = $(wildcard tests/unit/*.c)
# plugin code the unit tests link as it is (it knows nothing of libharu)
UNIT_PLUGIN_OBJ  = $(BUILD)/obj/plugins/pdf/breaks.o $(BUILD)/obj/plugins/pdf/hyph.o
UNIT_BIN         = $(BUILD)/tests/unit_tests

.PHONY: all run test test-one bench install uninstall clean deps check-deps fuzz fresh-check dist distcheck \
        deb deb-check FORCE
# The themes that come with marketpress, beside the program as an install
# has them, so that --theme NAME finds them in the build tree too.
BUILD_THEMES = $(patsubst themes/%,$(BUILD)/share/marketpress/themes/%,$(wildcard themes/*.yaml themes/*.png themes/*.jpg))
$(BUILD)/share/marketpress/themes/%: themes/%
	@mkdir -p $(dir $@)
	cp $< $@

all: $(BIN) $(PLUGIN_SO) $(BUILD_THEMES)

deps:
	@sh .ci/bootstrap

# Says what is missing and how to install it, and installs nothing.
check-deps:
	@sh .ci/bootstrap --check

# The objects that compile in the install paths (and the version), rebuilt
# when they change: $(BUILD)/paths.stamp is rewritten only then.
PATH_OBJ  = $(BUILD)/obj/core/host/plugins.o $(BUILD)/obj/core/cli/main.o $(BUILD)/obj/core/host/table.o \
            $(BUILD)/obj/core/cli/editions.o
$(PATH_OBJ): CPPFLAGS += -DMKP_PLUGIN_DIR='"$(PLUGINDIR)"' -DMKP_DATA_DIR='"$(PKGDATADIR)"'
$(PATH_OBJ): $(BUILD)/paths.stamp
$(BUILD)/paths.stamp: FORCE
	@mkdir -p $(dir $@)
	@printf '%s\n' '$(VERSION)' '$(PLUGINDIR)' '$(PKGDATADIR)' >$@.new
	@if cmp -s $@.new $@; then rm -f $@.new; else mv $@.new $@; fi

# The frozen model is const: nothing in core may cast const away.
$(BUILD)/obj/core/%.o: core/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Wcast-qual -c $< -o $@

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(BIN): $(CORE_OBJ) $(MAIN_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(LDSAN) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# Plugins: hidden visibility, so only MKP_EXPORT'ed entry symbols leave the .so.
.SECONDEXPANSION:
$(PLUGDIR)/%.so: $$(wildcard plugins/$$($$*_DIR)/*.c) $$(addprefix plugins/common/,$$(addsuffix .c,$$($$*_COMMON))) \
                 plugins/common/*.h include/marketpress/*.h
	@mkdir -p $(dir $@)
	$(CC) $(PLUGIN_CPPFLAGS) $(CFLAGS) $(PLUGIN_CFLAGS) $($*_CFLAGS) -shared -o $@ \
	    $(filter %.c,$^) $(LDSAN) $(LDFLAGS) $($*_LIBS)

$(BUILD)/tests/plugins/%.so: tests/plugins/%.c tests/plugins/common.h include/marketpress/*.h
	@mkdir -p $(dir $@)
	$(CC) $(PLUGIN_CPPFLAGS) $(CFLAGS) $(PLUGIN_CFLAGS) -shared -o $@ $< $(LDSAN)

# Built against the frozen ABI 1.0 headers beside it, never include/: the
# plugin an author built then, which every 1.x host must still load.
$(BUILD)/tests/plugins/abi10.so: tests/plugins/abi10/abi10.c tests/plugins/abi10/marketpress/*.h
	@mkdir -p $(dir $@)
	$(CC) -D_GNU_SOURCE -Itests/plugins/abi10 $(USER_CPPFLAGS) $(CFLAGS) $(PLUGIN_CFLAGS) -shared -o $@ $< $(LDSAN)

$(UNIT_PLUGIN_OBJ): CPPFLAGS += $(BREAK_CFLAGS)
$(BUILD)/obj/tests/unit/test_fonts.o: CPPFLAGS += $(FONT_CFLAGS) -Iplugins/common

$(UNIT_BIN): $(UNIT_SRC:%.c=$(BUILD)/obj/%.o) $(CORE_OBJ) $(UNIT_PLUGIN_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(LDSAN) $(LDFLAGS) -o $@ $^ $(LDLIBS) $(BREAK_LIBS)

$(BUILD)/tests/gen_dataset: tests/gen_dataset.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O2 $(WARN) -o $@ $<

$(BUILD)/tests/bench: tests/bench.c tests/benchhelp.h $(CORE_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $(filter-out %.h,$^) $(LDLIBS)

run: deps all
	$(BIN) render datasets/aigc-foundation-models.yaml -o out
	@echo
	@$(BIN) forecast --summary datasets/aigc-foundation-models.yaml

# One pass of the suite over $(BUILD); `make test` runs it twice.
test-one: all $(UNIT_BIN) $(TEST_PLUGINS) $(BUILD)/tests/gen_dataset
	@sh tests/run.sh $(BUILD)

test: check-deps
	@rm -f build/.test-counts build/san/.test-counts
	@$(MAKE) --no-print-directory test-one BUILD=build; a=$$?; \
	 $(MAKE) --no-print-directory test-one BUILD=build/san SAN=1; b=$$?; \
	 sh tests/total.sh build/.test-counts build/san/.test-counts; t=$$?; \
	 [ $$a -eq 0 ] && [ $$b -eq 0 ] && [ $$t -eq 0 ]

$(BUILD)/tests/bench_holt: tests/bench_holt.c tests/benchhelp.h $(CORE_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $(filter-out %.h,$^) $(LDLIBS)

bench: deps all $(BUILD)/tests/bench $(BUILD)/tests/bench_holt $(BUILD)/tests/gen_dataset
	@sh tests/bench.sh $(BUILD)

fuzz:
	@sh tests/fuzz/run.sh $(BUILD) $${FUZZ_SECONDS:-60} $(FUZZ_TARGET)

fresh-check:
	@sh tests/fresh-machine.sh

# What install puts where: the lists uninstall removes again.
INST_DIRS = $(BINDIR) $(PLUGINDIR) $(INCLUDEDIR)/marketpress $(PKGCONFIGDIR) $(MANDIR)/man1 \
            $(PKGDATADIR)/datasets $(PKGDATADIR)/themes $(PKGDATADIR)/template $(DOCDIR) $(BASHCOMPDIR) $(ZSHCOMPDIR)
# The folders only marketpress uses, removed whole; the others only when
# install left them empty under a DESTDIR (a staging tree).
OWN_DIRS  = $(PLUGINDIR) $(LIBDIR)/marketpress $(INCLUDEDIR)/marketpress $(PKGDATADIR) $(DOCDIR)

install: all
	install -d $(addprefix $(DESTDIR),$(INST_DIRS))
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/marketpress
	install -m 644 $(PLUGIN_SO) $(DESTDIR)$(PLUGINDIR)/
	install -m 644 include/marketpress/*.h $(DESTDIR)$(INCLUDEDIR)/marketpress/
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|g' -e 's|@PLUGINDIR@|$(PLUGINDIR)|g' \
	    -e 's|@VERSION@|$(VERSION)|g' marketpress.pc.in >$(DESTDIR)$(PKGCONFIGDIR)/marketpress.pc
	chmod 644 $(DESTDIR)$(PKGCONFIGDIR)/marketpress.pc
	install -m 644 docs/marketpress.1 $(DESTDIR)$(MANDIR)/man1/marketpress.1
	install -m 644 datasets/*.yaml $(DESTDIR)$(PKGDATADIR)/datasets/
	install -m 644 themes/*.yaml themes/*.png themes/*.jpg $(DESTDIR)$(PKGDATADIR)/themes/
	install -m 644 plugins/template/* $(DESTDIR)$(PKGDATADIR)/template/
	install -m 644 README.md docs/*.md $(DESTDIR)$(DOCDIR)/
	install -m 644 completions/marketpress.bash $(DESTDIR)$(BASHCOMPDIR)/marketpress
	install -m 644 completions/_marketpress $(DESTDIR)$(ZSHCOMPDIR)/_marketpress

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/marketpress $(DESTDIR)$(PKGCONFIGDIR)/marketpress.pc \
	    $(DESTDIR)$(MANDIR)/man1/marketpress.1 $(DESTDIR)$(BASHCOMPDIR)/marketpress \
	    $(DESTDIR)$(ZSHCOMPDIR)/_marketpress
	rm -rf $(addprefix $(DESTDIR),$(OWN_DIRS))
	@if [ -n "$(DESTDIR)" ]; then \
	    for d in $(INST_DIRS); do \
	        while [ "$$d" != / ] && [ "$$d" != . ]; do \
	            if [ -d "$(DESTDIR)$$d" ]; then rmdir "$(DESTDIR)$$d" 2>/dev/null || break; fi; \
	            d=$$(dirname "$$d"); \
	        done; \
	    done; \
	fi

DIST = marketpress-$(VERSION)
# Only what is committed, with git's fixed order, owner and the commit's
# time, compressed without a name or a time stamp: the same bytes each time.
dist:
	@git rev-parse -q --verify HEAD >/dev/null || { echo "make dist: needs a git checkout" >&2; exit 2; }
	git archive --format=tar --prefix=$(DIST)/ HEAD | gzip -n -9 >$(DIST).tar.gz.part
	mv $(DIST).tar.gz.part $(DIST).tar.gz
	@sha256sum $(DIST).tar.gz

# The tarball on its own: it builds, passes one pass of the suite, and
# installs and uninstalls cleanly.
distcheck: dist
	@sh tests/distcheck.sh $(DIST).tar.gz

deb:
	@sh tests/deb.sh build $(BUILD)/deb

deb-check:
	@sh tests/deb.sh fresh $(BUILD)/deb

clean:
	rm -rf build

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
