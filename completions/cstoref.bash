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
        show) opts='--bidi --db -h --help --json --lang --no-color --no-pager' arg=ids ;;
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
        ids) vals=(000 001 002 003 004 24kg adilet91 afg afp aktau almanar22 almaty ap22 apos arm arm13 arm24 arm24b arm24c arm6 asb21 astana azat21 azat22 azat23 aze babel22 baku bek belby23 belf bishkek blr by103 bymfa caliber25 caucasus cens central-asia chair chair21 chair21b charter97 cis colr crrf crrf2 crrf3 csto23 dep-2010-kgz dep-2020-arm dep-2021-arm dep-2022-kaz dep9 dus07 dushanbe eastern-europe eastern-ukraine ecns22 egic emed25 eur10 euvs22 ev-1991-12-16-kazakhstan-independence ev-1992-05-15-treaty ev-1993-09-24-azerbaijan-signs ev-1993-12-09-georgia-signs ev-1993-12-31-belarus-signs ev-1994-04-20-treaty-in-force ev-1999-04-02-renewal-protocol ev-1999-aze-geo-uzb-leave ev-2001-afghanistan-intervention ev-2002-10-07-charter ev-2004-un-observer ev-2006-uzbekistan-rejoins ev-2007-10-06-dushanbe-summit ev-2008-07-22-rubezh-2008 ev-2009-02-04-crrf ev-2009-06-14-crrf-agreement ev-2009-10-20-belarus-crrf ev-2010-06-kyrgyzstan-request-refused ev-2012-06-20-uzbekistan-note ev-2012-06-28-uzbekistan-suspension-public ev-2012-12-19-uzbekistan-suspended ev-2013-pa-observers ev-2019-03-20-nazarbayev-resigns ev-2020-01-01-zas-secretary-general ev-2020-10-07-kremlin-karabakh ev-2020-karabakh-war ev-2021-04-28-kyrgyz-tajik-clashes ev-2021-05-azerbaijani-incursion ev-2021-09-16-armenia-chairs ev-2022-01-02-protests ev-2022-01-05-request ev-2022-01-05-security-council ev-2022-01-06-almaty-casualties ev-2022-01-06-csc-decision ev-2022-01-06-first-units ev-2022-01-06-massimov-detained ev-2022-01-07-armenia-100 ev-2022-01-07-kyrgyzstan-150 ev-2022-01-07-tokayev-20000-attackers ev-2022-01-07-tweets ev-2022-01-09-deployment-complete ev-2022-01-10-mission-size ev-2022-01-10-online-summit ev-2022-01-13-withdrawal-begins ev-2022-01-14-contingents-leave ev-2022-01-19-withdrawal-complete ev-2022-01-allies-blame-outside-forces ev-2022-01-almaty-airport-seized ev-2022-01-almaty-worst-hit ev-2022-01-flights-suspended ev-2022-01-state-of-emergency ev-2022-01-tokayev-concessions ev-2022-02-19-zas-ukraine ev-2022-02-kazakhstan-stays-out-of-ukraine ev-2022-04-14-military-committee ev-2022-04-pashinyan-criticism ev-2022-11-23-yerevan-summit ev-2023-01-01-tasmagambetov ev-2023-11-23-minsk-summit ev-2023-belarus-chairs ev-2024-02-22-armenia-freezes ev-2024-05-armenia-stops-financing ev-2024-06-12-armenia-will-leave ev-2024-11-armenia-de-jure-member ev-2024-kazakhstan-chairs ev-2025-11-27-bishkek-summit ev-2025-kyrgyzstan-chairs ev-2026-01-01-masadykov ev-2026-russia-chairs f-abbreviation f-area f-assistance-mechanism f-body-crrf f-body-csc f-body-military-committee f-body-parliamentary-assembly f-body-peacekeeping-forces f-chair-2022-arm f-chair-2023-blr f-chair-2024-kaz f-chair-2025-kgz f-chair-2026-rus f-chairmanship-rotation f-collective-defence f-consensus f-exercises-2008 f-exercises-annual f-founded f-goals f-in-force f-military-committee-meetings f-name f-no-other-alliances f-non-use-of-force f-regional-concerns f-seat f-secretariat f-sg-masadykov f-sg-tasmagambetov f-sg-zas f-treaty f-treaty-renewal f-un-observer federation-council fig-almaty-police-injured fig-almaty-police-killed fig-ethnic-russians-kaz fig-karabakh-2020-deaths fig-kazakhstan-deaths-2022 fig-kazakhstan-injured-2022 fig-member-states fig-nato-members fig-peacekeeping-force fig-rapid-reaction-force fig-standby-force fig-tokayev-attackers fig-treaty-parties fsb geo gs22 hsc ifx13 ifx22 ind kar20 kaz kaz10 kazakh-freedom-front kg10 kg150 kg24 kg25 kgb kgz khab khabar-24 knb kos kremlin09 kursiv22 kyiv kz24 kzcrrf kzmod mass mass2 massis22 mfa21 min23 minsk moscow ms22 mt12 nagorno-karabakh nat nato nato30 naz news18 nk orda22 osh p-alkhatib p-alomar p-bekbolotov p-belfer p-kosachev p-masadykov p-massimov p-nazarbayev p-otunbayeva p-pashinyan p-putin p-rahmon p-serdyukov p-sharifulin p-suleiman p-tasmagambetov p-tokayev p-tsukerman p-zas pacsto22 pan7 pash q-alkhatib-freedom-front-000 q-alomar-kyrgyz-peacekeepers-000 q-belfer-belarus-003 q-belfer-kazakhstan-refused-003 q-belfer-kremlin-fears-003 q-belfer-two-ways-003 q-csto-kazakhstan-tasks-001 q-kazakh-leadership-terrorist-groups-002 q-kazakh-mod-military-committee-003 q-putin-colour-revolutions-004 q-putin-fast-changing-000 q-putin-fast-changing-002 q-tokayev-financially-motivated-001 q-tokayev-gangs-001 q-tsukerman-different-003 q-tsukerman-persuade-003 q-unattributed-armenia-azerbaijan-000 q-unattributed-armenia-azerbaijan-002 q-unattributed-counterweight-003 q-unattributed-destabilisation-000 q-unattributed-destabilisation-002 q-zas-force-sizes-003 q-zas-if-necessary-003 reu rome rt12 ru26 rub08 rus sb20 sb22 sc sky-news-arabia soviet-union sput6 sputnik srb tas23 tashkent tass12 tass21 tass21c tass22i tass22r tass24 tass25 tassfeb tasspa timesca19 tj200 tjk tjkg21 tok20k tokreq un union-state urdu13 ush uzb warsaw-pact wd14 wp06 wp22 wpnow wpres yer22 yerevan zas20 zasfeb zha zhanaozen) ;;
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
