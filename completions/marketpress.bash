# bash completion for marketpress: commands, each command's options, the
# plugin names after -f and the plugin.key= of -O (both as `marketpress
# plugins` lists them), folders after -o and -P, datasets and plugin files.
# The option lists are checked against each command's --help by
# tests/e2e/manual.sh.

_marketpress_opts()
{
    local common="-q --quiet -v --verbose -h --help"
    case $1 in
    validate) echo "--strict $common" ;;
    forecast) echo "--summary --csv --json -l --lang -s --scenario $common" ;;
    render)
        echo "-f --format -o --output -P --plugin-dir -O --option -l --lang -s --scenario -j --jobs" \
            "-t --timeout --times --memory-limit --cpu-limit --no-fsync --strict --theme --licensee" \
            "--licence-id --seats --licence-date --watermark --edition --permissions --owner-password-file" \
            "--open-password-file --clients $common"
        ;;
    plugins) echo "-P --plugin-dir $common" ;;
    plugin-check) echo "-t --timeout --memory-budget --no-namespace $common" ;;
    '') echo "-q --quiet -v --verbose -V --version -h --help" ;;
    esac
}

_marketpress_commands="validate forecast render plugins plugin-check help"

# The plugins the program on the line finds (first column of its table).
_marketpress_plugin_names()
{
    "$1" plugins 2>/dev/null | awk 'NR > 1 && /^[a-z0-9-]+ / { print $1 }'
}

_marketpress_option_keys()
{
    "$1" plugins 2>/dev/null | sed -n 's/^    -O \([a-z0-9-]*\.[a-z0-9-]*=\).*/\1/p'
}

_marketpress()
{
    local mkp=${COMP_WORDS[0]} cur=${COMP_WORDS[COMP_CWORD]} prev= cmd= i
    [ "$COMP_CWORD" -gt 0 ] && prev=${COMP_WORDS[COMP_CWORD - 1]}
    # --opt=value: bash splits at '=' (COMP_WORDBREAKS)
    if [ "$cur" = "=" ]; then
        cur=
    elif [ "$prev" = "=" ] && [ "$COMP_CWORD" -gt 1 ]; then
        prev=${COMP_WORDS[COMP_CWORD - 2]}
    fi
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
        -*) ;;
        *) cmd=${COMP_WORDS[i]}; break ;;
        esac
    done
    COMPREPLY=()
    case $prev in
    -f | --format)
        local done_part=
        [[ $cur == *,* ]] && done_part=${cur%,*},
        COMPREPLY=($(compgen -P "$done_part" -W "$(_marketpress_plugin_names "$mkp")" -- "${cur##*,}"))
        compopt -o nospace 2>/dev/null
        return
        ;;
    -O | --option)
        COMPREPLY=($(compgen -W "$(_marketpress_option_keys "$mkp")" -- "$cur"))
        compopt -o nospace 2>/dev/null
        return
        ;;
    -o | --output)
        COMPREPLY=($(compgen -d -- "$cur"))
        [ -z "$cur" ] || [ "$cur" = - ] && COMPREPLY+=(-)
        return
        ;;
    -P | --plugin-dir)
        COMPREPLY=($(compgen -d -- "$cur"))
        return
        ;;
    -l | --lang)
        COMPREPLY=($(compgen -W "all en zh-CN" -- "$cur"))
        return
        ;;
    --theme)
        COMPREPLY=($(compgen -W "default harbour ember" -- "$cur") $(compgen -f -X '!*.yaml' -- "$cur"))
        return
        ;;
    --clients | --owner-password-file | --open-password-file)
        COMPREPLY=($(compgen -f -- "$cur"))
        return
        ;;
    --edition)
        COMPREPLY=($(compgen -W "full sample" -- "$cur"))
        return
        ;;
    --permissions)
        COMPREPLY=($(compgen -W "none print print,copy print,copy,modify" -- "$cur"))
        return
        ;;
    -s | --scenario | -j | --jobs | -t | --timeout | --memory-limit | --cpu-limit | --memory-budget | --licensee | \
        --licence-id | --seats | --licence-date | --watermark)
        return
        ;;
    esac
    if [ -z "$cmd" ]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "$(_marketpress_opts '')" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$_marketpress_commands" -- "$cur"))
        fi
        return
    fi
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_marketpress_opts "$cmd")" -- "$cur"))
        return
    fi
    case $cmd in
    help) COMPREPLY=($(compgen -W "$_marketpress_commands" -- "$cur")) ;;
    plugins) ;;
    plugin-check) COMPREPLY=($(compgen -f -X '!*.so' -- "$cur") $(compgen -d -- "$cur")) ;;
    *) COMPREPLY=($(compgen -f -X '!*.y*ml' -- "$cur") $(compgen -d -- "$cur")) ;;
    esac
}
complete -F _marketpress marketpress
