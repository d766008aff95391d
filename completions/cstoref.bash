# bash completion for cstoref: written by `cstoref completion bash` from the app and the
# bundled fact store; do not edit. Needs bash 4 or later, not the bash-completion package.

# What command $1 ('' for the program itself) takes: its options, and what its first
# positional word completes to.
_cstoref_command() {
    case $1 in
        '') opts='-h --help --install-completion --show-completion --version' arg='choice about completion deployment members quote search show sources timeline' ;;
        about) opts='--bidi --db -h --help --json --lang --no-color --no-pager' arg='' ;;
        completion) opts='-h --help' arg='choice bash fish zsh' ;;
        'completion bash') opts='-h --help --install' arg='' ;;
        'completion fish') opts='-h --help --install' arg='' ;;
        'completion zsh') opts='-h --help --install' arg='' ;;
        deployment) opts='--bidi --cite --csv --db -h --help --json --lang --limit --no-color --no-pager' arg=years ;;
        members) opts='--bidi --chart --cite --csv --db -h --help --json --lang --limit --no-color --no-pager --status' arg='' ;;
        quote) opts='--bidi --cite --csv --db -h --help --json --lang --limit --no-color --no-pager --random --speaker' arg=text ;;
        search) opts='--all --bidi --cite --csv --db -h --help --json --lang --limit --no-color --no-pager' arg=text ;;
        show) opts='--bidi --db -h --help --json --lang --no-color --no-pager' arg=text ;;
        sources) opts='--bidi --csv --db -h --help --json --lang --limit --no-color --no-pager' arg=sources ;;
        timeline) opts='--bidi --cite --csv --db --from -h --help --json --lang --limit --no-color --no-pager --to' arg='' ;;
        *) return 1 ;;
    esac
}

# What the value of option $2 of command $1 completes to; fails for flags.
_cstoref_option() {
    case "$1 $2" in
        'about --bidi' | 'deployment --bidi' | 'members --bidi' | 'quote --bidi' | 'search --bidi' | 'show --bidi' | 'sources --bidi' | 'timeline --bidi') REPLY='choice auto visual logical' ;;
        'about --db' | 'deployment --db' | 'members --db' | 'quote --db' | 'search --db' | 'show --db' | 'sources --db' | 'timeline --db') REPLY=files ;;
        'timeline --from') REPLY=event-years ;;
        'about --lang' | 'deployment --lang' | 'members --lang' | 'quote --lang' | 'search --lang' | 'show --lang' | 'sources --lang' | 'timeline --lang') REPLY='choice both en ar' ;;
        'deployment --limit' | 'members --limit' | 'quote --limit' | 'search --limit' | 'sources --limit' | 'timeline --limit') REPLY=text ;;
        'quote --speaker') REPLY=speakers ;;
        'members --status') REPLY='choice member former observer all' ;;
        'timeline --to') REPLY=event-years ;;
        *) return 1 ;;
    esac
}

# The values of the bundled store, baked in so that a Tab starts no program.
_cstoref_store() {
    case $1 in
        years) vals=(2010 2020 2021 2022) ;;
        event-years) vals=(1991 1992 1993 1994 1999 2001 2002 2004 2006 2007 2008 2009 2010 2012 2013 2019 2020 2021 2022 2023 2024 2025 2026) ;;
        speakers) vals=(@Fatinhom @mhaktr 'Collective Security Treaty Organization (CSTO)' 'Irina Tsukerman' 'Kassym-Jomart Tokaev' 'Kassym-Jomart Tokayev' 'Kassym-Zhomart Tokayev' 'Ministry of Defence of Kazakhstan' 'Mitchell Belfer' 'Mohammed al-Khatib' 'Mohammed al-Khatib (@mhaktr)' 'Muhammad al-Khatib' Putin 'Qasym-Jomart Toqaev' 'Rahhal al-Omar' 'Rahhal al-Omar (@Fatinhom)' 'Rahhal al-Umar' 'Stanislau Zas' 'Stanislav Zas' 'The leadership of Kazakhstan' Tokaev Tokayev Unattributed 'Vladimir Putin' 'إيرينا تسوكرمان' 'القيادة الكازاخستانية' 'بوتين' 'بيلفر' 'تسوكرمان' 'توكايف' 'توكاييف' 'رحال العمر' 'رحّال العمر' 'رحّال العمر (@Fatinhom)' 'زاس' 'ستانيسلاف زاس' 'غير منسوب' 'فلاديمير بوتين' 'قاسم جومارت توكايف' 'قاسم جومارت توكاييف' 'محمد الخطيب' 'محمد الخطيب (@mhaktr)' 'منظمة معاهدة الأمن الجماعي' 'ميتشل بيلفر' 'وزارة الدفاع الكازاخستانية') ;;
        sources) vals=(000 001 002 003 004 24kg adilet91 afp almanar22 ap22 apos arm13 arm24 arm24b arm24c arm6 asb21 azat21 azat22 azat23 babel22 bek belby23 belf by103 bymfa caliber25 cens chair chair21 chair21b charter97 colr crrf crrf2 crrf3 csto23 dep9 dus07 ecns22 emed25 eur10 euvs22 gs22 hsc ifx13 ifx22 ind kar20 kaz10 kg10 kg150 kg24 kg25 khab kos kremlin09 kursiv22 kz24 kzcrrf kzmod mass mass2 massis22 mfa21 min23 ms22 mt12 nat nato30 naz news18 nk orda22 pacsto22 pan7 pash reu rt12 ru26 rub08 sb20 sb22 sc sput6 tas23 tass12 tass21 tass21c tass22i tass22r tass24 tass25 tassfeb tasspa timesca19 tj200 tjkg21 tok20k tokreq urdu13 ush wd14 wp06 wp22 wpnow wpres yer22 zas20 zasfeb zha) ;;
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
