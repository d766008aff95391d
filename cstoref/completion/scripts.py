"""The bash, zsh and fish completion scripts, written from the command tree and a store's values.

Each script carries the commands, options, choices and the bundled store's values as data, so a
Tab on the bundled store runs only shell code.
"""

from __future__ import annotations

import re

from .tree import KINDS, Command, Values
from .tree import children as _children

# --- quoting for each shell -------------------------------------------------------------------


def _sh(text: str) -> str:
    """A word for bash and zsh: bare when safe, else single-quoted."""
    if re.fullmatch(r"[A-Za-z0-9_@%+,./-]+", text):
        return text
    return "'" + text.replace("'", "'\\''") + "'"


def _fish(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _words(values: Values | None) -> str:
    """A value spec as one shell word: 'choice a b c', 'years', 'files', 'text' or ''."""
    if values is None:
        return ""
    return " ".join([values.kind, *values.choices])

# --- bash -------------------------------------------------------------------------------------

_BASH = r"""# bash completion for cstoref: written by `cstoref completion bash` from the app and the
# bundled fact store; do not edit. Needs bash 4 or later, not the bash-completion package.

# What command $1 ('' for the program itself) takes: its options, and what its first
# positional word completes to.
_cstoref_command() {
    case $1 in
@COMMANDS@
        *) return 1 ;;
    esac
}

# What the value of option $2 of command $1 completes to; fails for flags.
_cstoref_option() {
    case "$1 $2" in
@OPTIONS@
        *) return 1 ;;
    esac
}

# The values of the bundled store, baked in so that a Tab starts no program.
_cstoref_store() {
    case $1 in
@STORE@
    esac
}

# The values of KIND $1, each after prefix $3. A store named by --db ($2) or CSTOREF_DB is
# asked through the program; it prints nothing if that store cannot be read.
_cstoref_values() {
    local v
    if [[ -n $2 || -n ${CSTOREF_DB-} ]]; then
        while IFS= read -r v; do
            cands+=("$3$v")
        done < <(cstoref completion values "$1" ${2:+--db "$2"} 2>/dev/null)
    else
        local -a vals=()
        _cstoref_store "$1"
        for v in "${vals[@]}"; do cands+=("$3$v"); done
    fi
}

# It reads only COMP_LINE and COMP_POINT, so a test or a benchmark can call it directly.
_cstoref() {
    local line=${COMP_LINE:0:COMP_POINT} c word='' quote='' started=''
    local -i i brk=0
    local -a words=()
    # Split the line into words as the shell will, quotes and backslashes removed. Readline
    # replaces only the text after the last unquoted COMP_WORDBREAKS character ("=" in
    # "--lang=ar"), so remember where that is: candidates are cut there. Not at "@", though:
    # bash keeps it in the word it replaces ("@mhaktr").
    for ((i = 0; i < ${#line}; i++)); do
        c=${line:i:1}
        case $quote in
            \\) word+=$c quote='' ;;
            \') if [[ $c == \' ]]; then quote=''; else word+=$c; fi ;;
            \") if [[ $c == \" ]]; then quote=''
                elif [[ $c == \\ && ${line:i+1:1} == [\"\\\$\`] ]]; then word+=${line:i+1:1}; i+=1
                else word+=$c; fi ;;
            *) case $c in
                   [[:space:]]) if [[ -n $started ]]; then words+=("$word"); fi
                                word='' started='' brk=0 ;;
                   \\|\'|\") quote=$c started=1 ;;
                   *) word+=$c started=1
                      if [[ $c != @ && $COMP_WORDBREAKS == *"$c"* ]]; then brk=${#word}; fi ;;
               esac ;;
        esac
    done

    # Which (sub)command the line is in, which option awaits a value, and the --db store.
    local cmd='' opts='' arg='' expect='' db='' w
    local -i npos=0
    _cstoref_command ''
    for w in "${words[@]:1}"; do
        if [[ -n $expect ]]; then
            if [[ $expect == --db ]]; then db=$w; fi
            expect=''
        elif [[ $w == --db=* ]]; then
            db=${w#--db=}
        elif [[ $w == -* ]]; then
            if [[ $w != *=* ]] && _cstoref_option "$cmd" "$w"; then expect=$w; fi
        elif ((npos == 0)) && [[ $arg == 'choice '* ]] && _cstoref_command "${cmd:+$cmd }$w"; then
            cmd=${cmd:+$cmd }$w
        else
            npos+=1
        fi
    done
    if [[ $db == '~/'* ]]; then db=$HOME/${db:2}; fi

    # Candidates are whole words: an option, or a value after its prefix ("--lang=").
    local value='' prefix='' escape='' REPLY
    local -a cands=()
    if [[ -n $expect ]]; then
        _cstoref_option "$cmd" "$expect" && value=$REPLY
    elif [[ $word == -*=* ]]; then
        prefix=${word%%=*}=
        _cstoref_option "$cmd" "${word%%=*}" && value=$REPLY
    elif [[ $word == -* ]]; then
        value="choice $opts"
    elif ((npos == 0)); then
        value=$arg
    fi
    case $value in
        choice\ *) for w in ${value#choice }; do cands+=("$prefix$w"); done ;;
        files) compopt -o filenames 2>/dev/null
               while IFS= read -r w; do cands+=("$prefix$w"); done < <(compgen -f -- "${word#"$prefix"}") ;;
        text | '') ;;
        # Store values may hold spaces ("Vladimir Putin"), so each must be quoted to complete
        # as one word. Outside quotes they are escaped here; inside an open quote readline
        # quotes them, as it quotes file names (the file-name mode is kept to that case, for
        # it also marks a value that names a folder here, such as 2022/, as a folder).
        *) if [[ -n $quote ]]; then compopt -o filenames 2>/dev/null; else escape=1; fi
           _cstoref_values "$value" "$db" "$prefix" ;;
    esac
    COMPREPLY=()
    for c in "${cands[@]}"; do
        if [[ $c == "$word"* ]]; then
            c=${c:brk}
            if [[ -n $escape ]]; then printf -v c %q "$c"; fi
            COMPREPLY+=("$c")
        fi
    done
}

complete -F _cstoref cstoref
"""


def _bash(commands: list[Command], values: dict[str, list[str]]) -> str:
    command_lines = [
        f"        {_sh(c.name)}) opts={_sh(' '.join(n for o in c.options for n in o.names))} arg={_sh(_words(c.argument))} ;;"
        for c in commands
    ]
    # One line per option and value spec, listing every command that has it.
    by_spec: dict[tuple[str, str], list[str]] = {}
    for command in commands:
        for option in command.options:
            if option.values:
                for name in option.names:
                    by_spec.setdefault((name, _words(option.values)), []).append(f"{command.name} {name}")
    option_lines = [
        f"        {' | '.join(_sh(p) for p in patterns)}) REPLY={_sh(spec)} ;;"
        for (_, spec), patterns in sorted(by_spec.items())
    ]
    store_lines = [f"        {kind}) vals=({' '.join(map(_sh, values[kind]))}) ;;" for kind in KINDS]
    return (
        _BASH.replace("@COMMANDS@", "\n".join(command_lines))
        .replace("@OPTIONS@", "\n".join(option_lines))
        .replace("@STORE@", "\n".join(store_lines))
    )


# --- zsh --------------------------------------------------------------------------------------

_ZSH = r"""#compdef cstoref
# zsh completion for cstoref: written by `cstoref completion zsh` from the app and the bundled
# fact store; do not edit. Load it from a directory in $fpath before compinit, or source it
# after compinit.

# The values of the KIND named last: baked in from the bundled store so that a Tab starts no
# program; a store named by --db or CSTOREF_DB is asked through the program (nothing if it cannot
# be read). _arguments puts its description options first: they go on to compadd.
_cstoref_values() {
    local kind=${@[-1]} db=${(Q)opt_args[--db]}
    local -a vals
    [[ $db == '~/'* ]] && db=$HOME/${db#??}
    if [[ -n $db || -n $CSTOREF_DB ]]; then
        local -a cmd=(cstoref completion values $kind)
        [[ -n $db ]] && cmd+=(--db $db)
        vals=(${(f)"$($cmd 2>/dev/null)"})
    else
        case $kind in
@STORE@
        esac
    fi
    compadd "${(@)@[1,-2]}" -a vals
}

@FUNCTIONS@

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
    # Autoloaded from $fpath: this file is the body of _cstoref, so run it for this Tab.
    _cstoref "$@"
else
    compdef _cstoref cstoref
fi
"""


def _zsh_desc(text: str) -> str:
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replace(":", "\\:")


def _zsh_action(values: Values) -> str:
    if values.kind == "choice":
        return "(" + " ".join(values.choices) + ")"
    if values.kind == "files":
        return "_files"
    if values.kind == "text":
        return " "
    return f"_cstoref_values {values.kind}"


def _zsh_function(command: Command, commands: list[Command]) -> str:
    name = "_cstoref" + "".join(f"__{p}" for p in command.path)
    specs = []
    for option in command.options:
        group = f"({' '.join(option.names)})" if len(option.names) > 1 else ""
        for opt in option.names:
            spec = f"{group}{opt}"
            if option.values:
                label = {"choice": opt.lstrip("-"), "files": "file"}.get(option.values.kind, option.values.kind)
                # "--lang=": the value may follow as the next word or after "=".
                spec += f"=[{_zsh_desc(option.help)}]:{label}:{_zsh_action(option.values)}"
            else:
                spec += f"[{_zsh_desc(option.help)}]"
            specs.append(_sh(spec))
    children = _children(command, commands)
    lines = [f"{name}() {{"]
    if children:
        lines += [
            "    local curcontext=$curcontext state state_descr line ret=1",
            "    typeset -A opt_args",
            "    _arguments -C \\",
            *[f"        {s} \\" for s in specs],
            "        ': :->command' '*:: :->args' && ret=0",
            "    case $state in",
            "        command)",
            "            local -a commands=(",
            *[f"                {_sh(c.path[-1] + ':' + c.help)}" for c in children],
            "            )",
            "            _describe -t commands command commands && ret=0 ;;",
            "        args)",
            "            curcontext=${curcontext%:*:*}:cstoref-$words[1]:",
            f"            (( $+functions[{name}__$words[1]] )) && {name}__$words[1] && ret=0 ;;",
            "    esac",
            "    return ret",
        ]
    else:
        argument = [_sh(f"1:{command.argument.kind}:{_zsh_action(command.argument)}")] if command.argument else []
        lines.append("    _arguments \\\n        " + " \\\n        ".join([*specs, *argument]))
    lines.append("}")
    return "\n".join(lines)


def _zsh(commands: list[Command], values: dict[str, list[str]]) -> str:
    store_lines = [f"            {kind}) vals=({' '.join(map(_sh, values[kind]))}) ;;" for kind in KINDS]
    functions = "\n\n".join(_zsh_function(c, commands) for c in commands)
    return _ZSH.replace("@STORE@", "\n".join(store_lines)).replace("@FUNCTIONS@", functions)


# --- fish -------------------------------------------------------------------------------------

_FISH = r"""# fish completion for cstoref: written by `cstoref completion fish` from the app and the
# bundled fact store; do not edit.

# The values of KIND: baked in from the bundled store so that a Tab starts no program; a store
# named by --db or CSTOREF_DB is asked through the program (nothing if it cannot be read).
function __cstoref_values -a kind
    set -l db
    set -l next
    for token in (commandline -opc)
        if test -n "$next"
            set db $token
            set next
        else if test "$token" = --db
            set next 1
        else if string match -q -- '--db=*' $token
            set db (string sub -s 6 -- $token)
        end
    end
    set db (string replace -r '^~/' "$HOME/" -- $db)
    if test -n "$db"
        cstoref completion values $kind --db $db 2>/dev/null
    else if test -n "$CSTOREF_DB"
        cstoref completion values $kind 2>/dev/null
    else
        switch $kind
@STORE@
        end
    end
end

# True while the subcommand has no positional word yet, so that `deployment 2022 <Tab>`
# offers no second year. Words after an option that takes a value are that option's.
function __cstoref_no_argument
    set -l tokens (commandline -opc)
    set -e tokens[1..2]
    set -l skip
    for token in $tokens
        if test -n "$skip"
            set skip
        else if contains -- $token @VALUED@
            set skip 1
        else if not string match -q -- '-*' $token
            return 1
        end
    end
    return 0
end

complete -c cstoref -f
@COMPLETES@
"""


def _fish_condition(command: Command, commands: list[Command]) -> str:
    if not command.path:
        return "__fish_use_subcommand"
    tests = [f"__fish_seen_subcommand_from {p}" for p in command.path]
    children = _children(command, commands)
    if children:
        tests.append(f"not __fish_seen_subcommand_from {' '.join(c.path[-1] for c in children)}")
    return "; and ".join(tests)


def _fish_values(values: Values) -> str:
    """The `complete` arguments for an option's value (-x: it needs one, and it is no file)."""
    if values.kind == "files":
        return "-r -F"
    if values.kind == "text":
        return "-x"
    return f"-x -a {_fish_candidates(values)}"


def _fish_candidates(values: Values) -> str:
    if values.kind == "choice":
        return _fish(" ".join(values.choices))
    return _fish(f"(__cstoref_values {values.kind})")


def _fish_completes(commands: list[Command]) -> list[str]:
    lines = []
    for command in commands:
        condition = f"-n {_fish(_fish_condition(command, commands))}"
        children = _children(command, commands)
        for child in children:
            lines.append(f"complete -c cstoref {condition} -a {_fish(child.path[-1])} -d {_fish(child.help)}")
        if command.argument and not children and command.argument.kind != "text":
            needs = _fish(f"{_fish_condition(command, commands)}; and __cstoref_no_argument")
            lines.append(f"complete -c cstoref -n {needs} -a {_fish_candidates(command.argument)}")
        for option in command.options:
            names = " ".join(f"-l {n[2:]}" if n.startswith("--") else f"-s {n[1:]}" for n in option.names)
            value = f" {_fish_values(option.values)}" if option.values else ""
            lines.append(f"complete -c cstoref {condition} {names}{value} -d {_fish(option.help)}")
    return lines


def _fish_script(commands: list[Command], values: dict[str, list[str]]) -> str:
    store_lines = []
    for kind in KINDS:
        store_lines += [f"            case {kind}", f"                printf '%s\\n' {' '.join(map(_fish, values[kind]))}"]
    valued = sorted({name for c in commands for o in c.options if o.values for name in o.names})
    return (
        _FISH.replace("@STORE@", "\n".join(store_lines))
        .replace("@VALUED@", " ".join(valued))
        .replace("@COMPLETES@", "\n".join(_fish_completes(commands)))
    )


WRITERS = {"bash": _bash, "zsh": _zsh, "fish": _fish_script}
