# labels.sh - marketpress's own words come from one table (core/model/
# labels.c): every key the chart layout, the model's titles and the
# built-in plugins ask for is in it, and every word in it is asked for.
. tests/lib.sh
table=core/model/labels.c
sed -n 's/^    {"\([a-z0-9-]*\)",.*/\1/p' "$table" | sort -u >"$T/have"
{
    # the plugins' own tables of keys, and keys asked for by name
    sed -n 's/^ *\[L_[A-Z_]*\] = "\([a-z0-9-]*\)",.*/\1/p' plugins/*/*.c
    grep -ho 'label([^,()]*, "[a-z0-9-]*")' plugins/*/*.c core/*/*.c | sed 's/.*"\([a-z0-9-]*\)")/\1/'
    grep -ho 'word(L, "[a-z0-9-]*")' core/chart/layout.c | sed 's/.*"\([a-z0-9-]*\)")/\1/'
    grep -ho 'fmt_label([^,()]*, "[a-z0-9-]*")' core/*/*.c | sed 's/.*"\([a-z0-9-]*\)")/\1/'
    grep -ho 'titled([^,()]*, "[a-z0-9-]*"' core/model/*.c | sed 's/.*"\([a-z0-9-]*\)"$/\1/'
    grep -ho 'label_text([^,()]*, "[a-z0-9-]*")' core/model/*.c | sed 's/.*"\([a-z0-9-]*\)")/\1/'
    grep -ho 'MKP_CHART_[A-Z_]*, "[a-z0-9-]*"' core/model/figures.c | sed 's/.*"\([a-z0-9-]*\)"$/\1/'
    # the words of the kinds of value: "class-" and each name of
    # mkp_value_class_name(), where a source makes the key so
    if grep -q '"class-%s"' plugins/*/*.c core/chart/*.c; then
        sed -n '/mkp_value_class_name/,/^}/p' include/marketpress/model.h | grep -o '"[a-z]*"' | tr -d '"' |
            sed 's/^/class-/'
    fi
} | grep -v "^$" | sort -u >"$T/used"
missing=$(comm -13 "$T/have" "$T/used" | tr '\n' ' ')
unused=$(comm -23 "$T/have" "$T/used" | tr '\n' ' ')
n=$(wc -l <"$T/used")
if [ -z "$missing" ] && [ "$n" -gt 100 ]; then ok "every one of the $n keys asked for is in the table"; else
    fail "label keys" "asked for but not in $table: ${missing:-none} ($n keys found)"; fi
if [ -z "$unused" ]; then ok "every word of the table is used"; else fail "label keys" "never asked for: $unused"; fi

# No built-in plugin keeps words of its own for a language.
stray=$(grep -ln '"目录"\|"年复合增长率"\|"复合年增长率"\|"十亿"\|"美元"' plugins/*/*.c core/chart/*.c || true)
if [ -z "$stray" ]; then ok "no plugin or chart code has its own Chinese labels"; else
    fail "own Chinese labels" "in $stray"; fi
