# fish completion for cstoref: written by `cstoref completion fish` from the app and the
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
            case years
                printf '%s\n' '2010' '2020' '2021' '2022'
            case event-years
                printf '%s\n' '1991' '1992' '1993' '1994' '1999' '2001' '2002' '2004' '2006' '2007' '2008' '2009' '2010' '2012' '2013' '2019' '2020' '2021' '2022' '2023' '2024' '2025' '2026'
            case speakers
                printf '%s\n' '@Fatinhom' '@mhaktr' 'Collective Security Treaty Organization (CSTO)' 'Irina Tsukerman' 'Kassym-Jomart Tokaev' 'Kassym-Jomart Tokayev' 'Kassym-Zhomart Tokayev' 'Ministry of Defence of Kazakhstan' 'Mitchell Belfer' 'Mohammed al-Khatib' 'Mohammed al-Khatib (@mhaktr)' 'Muhammad al-Khatib' 'Putin' 'Qasym-Jomart Toqaev' 'Rahhal al-Omar' 'Rahhal al-Omar (@Fatinhom)' 'Rahhal al-Umar' 'Stanislau Zas' 'Stanislav Zas' 'The leadership of Kazakhstan' 'Tokaev' 'Tokayev' 'Unattributed' 'Vladimir Putin' 'إيرينا تسوكرمان' 'القيادة الكازاخستانية' 'بوتين' 'بيلفر' 'تسوكرمان' 'توكايف' 'توكاييف' 'رحال العمر' 'رحّال العمر' 'رحّال العمر (@Fatinhom)' 'زاس' 'ستانيسلاف زاس' 'غير منسوب' 'فلاديمير بوتين' 'قاسم جومارت توكايف' 'قاسم جومارت توكاييف' 'محمد الخطيب' 'محمد الخطيب (@mhaktr)' 'منظمة معاهدة الأمن الجماعي' 'ميتشل بيلفر' 'وزارة الدفاع الكازاخستانية'
            case sources
                printf '%s\n' '000' '001' '002' '003' '004' '24kg' 'adilet91' 'afp' 'almanar22' 'ap22' 'apos' 'arm13' 'arm24' 'arm24b' 'arm24c' 'arm6' 'asb21' 'azat21' 'azat22' 'azat23' 'babel22' 'bek' 'belby23' 'belf' 'by103' 'bymfa' 'caliber25' 'cens' 'chair' 'chair21' 'chair21b' 'charter97' 'colr' 'crrf' 'crrf2' 'crrf3' 'csto23' 'dep9' 'dus07' 'ecns22' 'emed25' 'eur10' 'euvs22' 'gs22' 'hsc' 'ifx13' 'ifx22' 'ind' 'kar20' 'kaz10' 'kg10' 'kg150' 'kg24' 'kg25' 'khab' 'kos' 'kremlin09' 'kursiv22' 'kz24' 'kzcrrf' 'kzmod' 'mass' 'mass2' 'massis22' 'mfa21' 'min23' 'ms22' 'mt12' 'nat' 'nato30' 'naz' 'news18' 'nk' 'orda22' 'pacsto22' 'pan7' 'pash' 'reu' 'rt12' 'ru26' 'rub08' 'sb20' 'sb22' 'sc' 'sput6' 'tas23' 'tass12' 'tass21' 'tass21c' 'tass22i' 'tass22r' 'tass24' 'tass25' 'tassfeb' 'tasspa' 'timesca19' 'tj200' 'tjkg21' 'tok20k' 'tokreq' 'urdu13' 'ush' 'wd14' 'wp06' 'wp22' 'wpnow' 'wpres' 'yer22' 'zas20' 'zasfeb' 'zha'
            case ids
                printf '%s\n' '000' '001' '002' '003' '004' '24kg' 'adilet91' 'afg' 'afp' 'aktau' 'almanar22' 'almaty' 'ap22' 'apos' 'arm' 'arm13' 'arm24' 'arm24b' 'arm24c' 'arm6' 'asb21' 'astana' 'azat21' 'azat22' 'azat23' 'aze' 'babel22' 'baku' 'bek' 'belby23' 'belf' 'bishkek' 'blr' 'by103' 'bymfa' 'caliber25' 'caucasus' 'cens' 'central-asia' 'chair' 'chair21' 'chair21b' 'charter97' 'cis' 'colr' 'crrf' 'crrf2' 'crrf3' 'csto23' 'dep-2010-kgz' 'dep-2020-arm' 'dep-2021-arm' 'dep-2022-kaz' 'dep9' 'dus07' 'dushanbe' 'eastern-europe' 'eastern-ukraine' 'ecns22' 'egic' 'emed25' 'eur10' 'euvs22' 'ev-1991-12-16-kazakhstan-independence' 'ev-1992-05-15-treaty' 'ev-1993-09-24-azerbaijan-signs' 'ev-1993-12-09-georgia-signs' 'ev-1993-12-31-belarus-signs' 'ev-1994-04-20-treaty-in-force' 'ev-1999-04-02-renewal-protocol' 'ev-1999-aze-geo-uzb-leave' 'ev-2001-afghanistan-intervention' 'ev-2002-10-07-charter' 'ev-2004-un-observer' 'ev-2006-uzbekistan-rejoins' 'ev-2007-10-06-dushanbe-summit' 'ev-2008-07-22-rubezh-2008' 'ev-2009-02-04-crrf' 'ev-2009-06-14-crrf-agreement' 'ev-2009-10-20-belarus-crrf' 'ev-2010-06-kyrgyzstan-request-refused' 'ev-2012-06-20-uzbekistan-note' 'ev-2012-06-28-uzbekistan-suspension-public' 'ev-2012-12-19-uzbekistan-suspended' 'ev-2013-pa-observers' 'ev-2019-03-20-nazarbayev-resigns' 'ev-2020-01-01-zas-secretary-general' 'ev-2020-10-07-kremlin-karabakh' 'ev-2020-karabakh-war' 'ev-2021-04-28-kyrgyz-tajik-clashes' 'ev-2021-05-azerbaijani-incursion' 'ev-2021-09-16-armenia-chairs' 'ev-2022-01-02-protests' 'ev-2022-01-05-request' 'ev-2022-01-05-security-council' 'ev-2022-01-06-almaty-casualties' 'ev-2022-01-06-csc-decision' 'ev-2022-01-06-first-units' 'ev-2022-01-06-massimov-detained' 'ev-2022-01-07-armenia-100' 'ev-2022-01-07-kyrgyzstan-150' 'ev-2022-01-07-tokayev-20000-attackers' 'ev-2022-01-07-tweets' 'ev-2022-01-09-deployment-complete' 'ev-2022-01-10-mission-size' 'ev-2022-01-10-online-summit' 'ev-2022-01-13-withdrawal-begins' 'ev-2022-01-14-contingents-leave' 'ev-2022-01-19-withdrawal-complete' 'ev-2022-01-allies-blame-outside-forces' 'ev-2022-01-almaty-airport-seized' 'ev-2022-01-almaty-worst-hit' 'ev-2022-01-flights-suspended' 'ev-2022-01-state-of-emergency' 'ev-2022-01-tokayev-concessions' 'ev-2022-02-19-zas-ukraine' 'ev-2022-02-kazakhstan-stays-out-of-ukraine' 'ev-2022-04-14-military-committee' 'ev-2022-04-pashinyan-criticism' 'ev-2022-11-23-yerevan-summit' 'ev-2023-01-01-tasmagambetov' 'ev-2023-11-23-minsk-summit' 'ev-2023-belarus-chairs' 'ev-2024-02-22-armenia-freezes' 'ev-2024-05-armenia-stops-financing' 'ev-2024-06-12-armenia-will-leave' 'ev-2024-11-armenia-de-jure-member' 'ev-2024-kazakhstan-chairs' 'ev-2025-11-27-bishkek-summit' 'ev-2025-kyrgyzstan-chairs' 'ev-2026-01-01-masadykov' 'ev-2026-russia-chairs' 'f-abbreviation' 'f-area' 'f-assistance-mechanism' 'f-body-crrf' 'f-body-csc' 'f-body-military-committee' 'f-body-parliamentary-assembly' 'f-body-peacekeeping-forces' 'f-chair-2022-arm' 'f-chair-2023-blr' 'f-chair-2024-kaz' 'f-chair-2025-kgz' 'f-chair-2026-rus' 'f-chairmanship-rotation' 'f-collective-defence' 'f-consensus' 'f-exercises-2008' 'f-exercises-annual' 'f-founded' 'f-goals' 'f-in-force' 'f-military-committee-meetings' 'f-name' 'f-no-other-alliances' 'f-non-use-of-force' 'f-regional-concerns' 'f-seat' 'f-secretariat' 'f-sg-masadykov' 'f-sg-tasmagambetov' 'f-sg-zas' 'f-treaty' 'f-treaty-renewal' 'f-un-observer' 'federation-council' 'fig-almaty-police-injured' 'fig-almaty-police-killed' 'fig-ethnic-russians-kaz' 'fig-karabakh-2020-deaths' 'fig-kazakhstan-deaths-2022' 'fig-kazakhstan-injured-2022' 'fig-member-states' 'fig-nato-members' 'fig-peacekeeping-force' 'fig-rapid-reaction-force' 'fig-standby-force' 'fig-tokayev-attackers' 'fig-treaty-parties' 'fsb' 'geo' 'gs22' 'hsc' 'ifx13' 'ifx22' 'ind' 'kar20' 'kaz' 'kaz10' 'kazakh-freedom-front' 'kg10' 'kg150' 'kg24' 'kg25' 'kgb' 'kgz' 'khab' 'khabar-24' 'knb' 'kos' 'kremlin09' 'kursiv22' 'kyiv' 'kz24' 'kzcrrf' 'kzmod' 'mass' 'mass2' 'massis22' 'mfa21' 'min23' 'minsk' 'moscow' 'ms22' 'mt12' 'nagorno-karabakh' 'nat' 'nato' 'nato30' 'naz' 'news18' 'nk' 'orda22' 'osh' 'p-alkhatib' 'p-alomar' 'p-bekbolotov' 'p-belfer' 'p-kosachev' 'p-masadykov' 'p-massimov' 'p-nazarbayev' 'p-otunbayeva' 'p-pashinyan' 'p-putin' 'p-rahmon' 'p-serdyukov' 'p-sharifulin' 'p-suleiman' 'p-tasmagambetov' 'p-tokayev' 'p-tsukerman' 'p-zas' 'pacsto22' 'pan7' 'pash' 'q-alkhatib-freedom-front-000' 'q-alomar-kyrgyz-peacekeepers-000' 'q-belfer-belarus-003' 'q-belfer-kazakhstan-refused-003' 'q-belfer-kremlin-fears-003' 'q-belfer-two-ways-003' 'q-csto-kazakhstan-tasks-001' 'q-kazakh-leadership-terrorist-groups-002' 'q-kazakh-mod-military-committee-003' 'q-putin-colour-revolutions-004' 'q-putin-fast-changing-000' 'q-putin-fast-changing-002' 'q-tokayev-financially-motivated-001' 'q-tokayev-gangs-001' 'q-tsukerman-different-003' 'q-tsukerman-persuade-003' 'q-unattributed-armenia-azerbaijan-000' 'q-unattributed-armenia-azerbaijan-002' 'q-unattributed-counterweight-003' 'q-unattributed-destabilisation-000' 'q-unattributed-destabilisation-002' 'q-zas-force-sizes-003' 'q-zas-if-necessary-003' 'reu' 'rome' 'rt12' 'ru26' 'rub08' 'rus' 'sb20' 'sb22' 'sc' 'sky-news-arabia' 'soviet-union' 'sput6' 'sputnik' 'srb' 'tas23' 'tashkent' 'tass12' 'tass21' 'tass21c' 'tass22i' 'tass22r' 'tass24' 'tass25' 'tassfeb' 'tasspa' 'timesca19' 'tj200' 'tjk' 'tjkg21' 'tok20k' 'tokreq' 'un' 'union-state' 'urdu13' 'ush' 'uzb' 'warsaw-pact' 'wd14' 'wp06' 'wp22' 'wpnow' 'wpres' 'yer22' 'yerevan' 'zas20' 'zasfeb' 'zha' 'zhanaozen'
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
        else if contains -- $token --bidi --db --from --lang --limit --speaker --status --to
            set skip 1
        else if not string match -q -- '-*' $token
            return 1
        end
    end
    return 0
end

complete -c cstoref -f
complete -c cstoref -n '__fish_use_subcommand' -a 'about' -d 'An overview: names, founding, treaty, seat, chairmanship, bodies, force sizes.'
complete -c cstoref -n '__fish_use_subcommand' -a 'completion' -d 'Print the Tab-completion script for bash, fish or zsh, or install it with --install.'
complete -c cstoref -n '__fish_use_subcommand' -a 'deployment' -d 'The January 2022 Kazakhstan operation with every reported figure; with no YEAR, every decision.'
complete -c cstoref -n '__fish_use_subcommand' -a 'members' -d 'Who is in the CSTO, who left and when, who observes.'
complete -c cstoref -n '__fish_use_subcommand' -a 'quote' -d 'Who said what: the Arabic as the article printed it, and our English translation.'
complete -c cstoref -n '__fish_use_subcommand' -a 'search' -d 'Everything in the store that matches, in either language, ranked: its own name first, then its text, then mentions.'
complete -c cstoref -n '__fish_use_subcommand' -a 'show' -d 'One record of any kind as a card: every field, every claim with its mark, every citation with its excerpt.'
complete -c cstoref -n '__fish_use_subcommand' -a 'sources' -d 'The articles and reference pages, and what each one supports.'
complete -c cstoref -n '__fish_use_subcommand' -a 'timeline' -d 'Dated events, oldest first, each date at the precision known.'
complete -c cstoref -n '__fish_use_subcommand' -s h -l help -d 'Show this message and exit.'
complete -c cstoref -n '__fish_use_subcommand' -l install-completion -d 'Install Tab completion for your shell (from SHELL), per user.'
complete -c cstoref -n '__fish_use_subcommand' -l show-completion -d 'Show the Tab-completion script for your shell (from SHELL).'
complete -c cstoref -n '__fish_use_subcommand' -l version -d 'Show the version and exit.'
complete -c cstoref -n '__fish_seen_subcommand_from about' -l bidi -x -a 'auto visual logical' -d 'Arabic layout: visual (shaped, reordered), logical (as stored), or auto (from the terminal; default, also set by CSTOREF_BIDI).'
complete -c cstoref -n '__fish_seen_subcommand_from about' -l db -r -F -d 'Read this fact store instead of the bundled one (also CSTOREF_DB).'
complete -c cstoref -n '__fish_seen_subcommand_from about' -s h -l help -d 'Show this message and exit.'
complete -c cstoref -n '__fish_seen_subcommand_from about' -l json -d 'Print the full records as JSON (UTF-8, logical order).'
complete -c cstoref -n '__fish_seen_subcommand_from about' -l lang -x -a 'both en ar' -d 'Languages shown: both, en, or ar (a right-to-left table).'
complete -c cstoref -n '__fish_seen_subcommand_from about' -l no-color -d 'No colour (also NO_COLOR, TERM=dumb, or not a terminal).'
complete -c cstoref -n '__fish_seen_subcommand_from about' -l no-pager -d 'Never page the output (on a terminal, output taller than the screen goes through CSTOREF_PAGER, PAGER, or less -FRX).'
complete -c cstoref -n '__fish_seen_subcommand_from completion; and not __fish_seen_subcommand_from bash fish zsh' -a 'bash' -d 'The bash completion script (see the README to install it).'
complete -c cstoref -n '__fish_seen_subcommand_from completion; and not __fish_seen_subcommand_from bash fish zsh' -a 'fish' -d 'The fish completion script (see the README to install it).'
complete -c cstoref -n '__fish_seen_subcommand_from completion; and not __fish_seen_subcommand_from bash fish zsh' -a 'zsh' -d 'The zsh completion script (see the README to install it).'
complete -c cstoref -n '__fish_seen_subcommand_from completion; and not __fish_seen_subcommand_from bash fish zsh' -s h -l help -d 'Show this message and exit.'
complete -c cstoref -n '__fish_seen_subcommand_from completion; and __fish_seen_subcommand_from bash' -s h -l help -d 'Show this message and exit.'
complete -c cstoref -n '__fish_seen_subcommand_from completion; and __fish_seen_subcommand_from bash' -l install -d 'Install it for this user instead of printing it.'
complete -c cstoref -n '__fish_seen_subcommand_from completion; and __fish_seen_subcommand_from fish' -s h -l help -d 'Show this message and exit.'
complete -c cstoref -n '__fish_seen_subcommand_from completion; and __fish_seen_subcommand_from fish' -l install -d 'Install it for this user instead of printing it.'
complete -c cstoref -n '__fish_seen_subcommand_from completion; and __fish_seen_subcommand_from zsh' -s h -l help -d 'Show this message and exit.'
complete -c cstoref -n '__fish_seen_subcommand_from completion; and __fish_seen_subcommand_from zsh' -l install -d 'Install it for this user instead of printing it.'
complete -c cstoref -n '__fish_seen_subcommand_from deployment; and __cstoref_no_argument' -a '(__cstoref_values years)'
complete -c cstoref -n '__fish_seen_subcommand_from deployment' -l bidi -x -a 'auto visual logical' -d 'Arabic layout: visual (shaped, reordered), logical (as stored), or auto (from the terminal; default, also set by CSTOREF_BIDI).'
complete -c cstoref -n '__fish_seen_subcommand_from deployment' -l cite -d 'Print each row\'s sources under it, with their verbatim excerpts.'
complete -c cstoref -n '__fish_seen_subcommand_from deployment' -l csv -d 'Print CSV for a spreadsheet: UTF-8 with a byte-order mark, one row per record.'
complete -c cstoref -n '__fish_seen_subcommand_from deployment' -l db -r -F -d 'Read this fact store instead of the bundled one (also CSTOREF_DB).'
complete -c cstoref -n '__fish_seen_subcommand_from deployment' -s h -l help -d 'Show this message and exit.'
complete -c cstoref -n '__fish_seen_subcommand_from deployment' -l json -d 'Print the full records as JSON (UTF-8, logical order).'
complete -c cstoref -n '__fish_seen_subcommand_from deployment' -l lang -x -a 'both en ar' -d 'Languages shown: both, en, or ar (a right-to-left table).'
complete -c cstoref -n '__fish_seen_subcommand_from deployment' -l limit -x -d 'Show at most N records.'
complete -c cstoref -n '__fish_seen_subcommand_from deployment' -l no-color -d 'No colour (also NO_COLOR, TERM=dumb, or not a terminal).'
complete -c cstoref -n '__fish_seen_subcommand_from deployment' -l no-pager -d 'Never page the output (on a terminal, output taller than the screen goes through CSTOREF_PAGER, PAGER, or less -FRX).'
complete -c cstoref -n '__fish_seen_subcommand_from members' -l bidi -x -a 'auto visual logical' -d 'Arabic layout: visual (shaped, reordered), logical (as stored), or auto (from the terminal; default, also set by CSTOREF_BIDI).'
complete -c cstoref -n '__fish_seen_subcommand_from members' -l chart -d 'Draw each country\'s membership periods on a year axis.'
complete -c cstoref -n '__fish_seen_subcommand_from members' -l cite -d 'Print each row\'s sources under it, with their verbatim excerpts.'
complete -c cstoref -n '__fish_seen_subcommand_from members' -l csv -d 'Print CSV for a spreadsheet: UTF-8 with a byte-order mark, one row per record.'
complete -c cstoref -n '__fish_seen_subcommand_from members' -l db -r -F -d 'Read this fact store instead of the bundled one (also CSTOREF_DB).'
complete -c cstoref -n '__fish_seen_subcommand_from members' -s h -l help -d 'Show this message and exit.'
complete -c cstoref -n '__fish_seen_subcommand_from members' -l json -d 'Print the full records as JSON (UTF-8, logical order).'
complete -c cstoref -n '__fish_seen_subcommand_from members' -l lang -x -a 'both en ar' -d 'Languages shown: both, en, or ar (a right-to-left table).'
complete -c cstoref -n '__fish_seen_subcommand_from members' -l limit -x -d 'Show at most N records.'
complete -c cstoref -n '__fish_seen_subcommand_from members' -l no-color -d 'No colour (also NO_COLOR, TERM=dumb, or not a terminal).'
complete -c cstoref -n '__fish_seen_subcommand_from members' -l no-pager -d 'Never page the output (on a terminal, output taller than the screen goes through CSTOREF_PAGER, PAGER, or less -FRX).'
complete -c cstoref -n '__fish_seen_subcommand_from members' -l status -x -a 'member former observer all' -d 'Which countries: member, former, observer, or all.'
complete -c cstoref -n '__fish_seen_subcommand_from quote' -l bidi -x -a 'auto visual logical' -d 'Arabic layout: visual (shaped, reordered), logical (as stored), or auto (from the terminal; default, also set by CSTOREF_BIDI).'
complete -c cstoref -n '__fish_seen_subcommand_from quote' -l cite -d 'Print each row\'s sources under it, with their verbatim excerpts.'
complete -c cstoref -n '__fish_seen_subcommand_from quote' -l csv -d 'Print CSV for a spreadsheet: UTF-8 with a byte-order mark, one row per record.'
complete -c cstoref -n '__fish_seen_subcommand_from quote' -l db -r -F -d 'Read this fact store instead of the bundled one (also CSTOREF_DB).'
complete -c cstoref -n '__fish_seen_subcommand_from quote' -s h -l help -d 'Show this message and exit.'
complete -c cstoref -n '__fish_seen_subcommand_from quote' -l json -d 'Print the full records as JSON (UTF-8, logical order).'
complete -c cstoref -n '__fish_seen_subcommand_from quote' -l lang -x -a 'both en ar' -d 'Languages shown: both, en, or ar (a right-to-left table).'
complete -c cstoref -n '__fish_seen_subcommand_from quote' -l limit -x -d 'Show at most N records.'
complete -c cstoref -n '__fish_seen_subcommand_from quote' -l no-color -d 'No colour (also NO_COLOR, TERM=dumb, or not a terminal).'
complete -c cstoref -n '__fish_seen_subcommand_from quote' -l no-pager -d 'Never page the output (on a terminal, output taller than the screen goes through CSTOREF_PAGER, PAGER, or less -FRX).'
complete -c cstoref -n '__fish_seen_subcommand_from quote' -l random -d 'One matching quote, chosen at random.'
complete -c cstoref -n '__fish_seen_subcommand_from quote' -l speaker -x -a '(__cstoref_values speakers)' -d 'Who said it, in Arabic or English, in any spelling (e.g. Putin).'
complete -c cstoref -n '__fish_seen_subcommand_from search' -l all -d 'Every result, not only the best 10.'
complete -c cstoref -n '__fish_seen_subcommand_from search' -l bidi -x -a 'auto visual logical' -d 'Arabic layout: visual (shaped, reordered), logical (as stored), or auto (from the terminal; default, also set by CSTOREF_BIDI).'
complete -c cstoref -n '__fish_seen_subcommand_from search' -l cite -d 'Print each row\'s sources under it, with their verbatim excerpts.'
complete -c cstoref -n '__fish_seen_subcommand_from search' -l csv -d 'Print CSV for a spreadsheet: UTF-8 with a byte-order mark, one row per record.'
complete -c cstoref -n '__fish_seen_subcommand_from search' -l db -r -F -d 'Read this fact store instead of the bundled one (also CSTOREF_DB).'
complete -c cstoref -n '__fish_seen_subcommand_from search' -s h -l help -d 'Show this message and exit.'
complete -c cstoref -n '__fish_seen_subcommand_from search' -l json -d 'Print the full records as JSON (UTF-8, logical order).'
complete -c cstoref -n '__fish_seen_subcommand_from search' -l lang -x -a 'both en ar' -d 'Languages shown: both, en, or ar (a right-to-left table).'
complete -c cstoref -n '__fish_seen_subcommand_from search' -l limit -x -d 'Show at most N records.'
complete -c cstoref -n '__fish_seen_subcommand_from search' -l no-color -d 'No colour (also NO_COLOR, TERM=dumb, or not a terminal).'
complete -c cstoref -n '__fish_seen_subcommand_from search' -l no-pager -d 'Never page the output (on a terminal, output taller than the screen goes through CSTOREF_PAGER, PAGER, or less -FRX).'
complete -c cstoref -n '__fish_seen_subcommand_from show; and __cstoref_no_argument' -a '(__cstoref_values ids)'
complete -c cstoref -n '__fish_seen_subcommand_from show' -l bidi -x -a 'auto visual logical' -d 'Arabic layout: visual (shaped, reordered), logical (as stored), or auto (from the terminal; default, also set by CSTOREF_BIDI).'
complete -c cstoref -n '__fish_seen_subcommand_from show' -l db -r -F -d 'Read this fact store instead of the bundled one (also CSTOREF_DB).'
complete -c cstoref -n '__fish_seen_subcommand_from show' -s h -l help -d 'Show this message and exit.'
complete -c cstoref -n '__fish_seen_subcommand_from show' -l json -d 'Print the full records as JSON (UTF-8, logical order).'
complete -c cstoref -n '__fish_seen_subcommand_from show' -l lang -x -a 'both en ar' -d 'Languages shown: both, en, or ar (a right-to-left table).'
complete -c cstoref -n '__fish_seen_subcommand_from show' -l no-color -d 'No colour (also NO_COLOR, TERM=dumb, or not a terminal).'
complete -c cstoref -n '__fish_seen_subcommand_from show' -l no-pager -d 'Never page the output (on a terminal, output taller than the screen goes through CSTOREF_PAGER, PAGER, or less -FRX).'
complete -c cstoref -n '__fish_seen_subcommand_from sources; and __cstoref_no_argument' -a '(__cstoref_values sources)'
complete -c cstoref -n '__fish_seen_subcommand_from sources' -l bidi -x -a 'auto visual logical' -d 'Arabic layout: visual (shaped, reordered), logical (as stored), or auto (from the terminal; default, also set by CSTOREF_BIDI).'
complete -c cstoref -n '__fish_seen_subcommand_from sources' -l csv -d 'Print CSV for a spreadsheet: UTF-8 with a byte-order mark, one row per record.'
complete -c cstoref -n '__fish_seen_subcommand_from sources' -l db -r -F -d 'Read this fact store instead of the bundled one (also CSTOREF_DB).'
complete -c cstoref -n '__fish_seen_subcommand_from sources' -s h -l help -d 'Show this message and exit.'
complete -c cstoref -n '__fish_seen_subcommand_from sources' -l json -d 'Print the full records as JSON (UTF-8, logical order).'
complete -c cstoref -n '__fish_seen_subcommand_from sources' -l lang -x -a 'both en ar' -d 'Languages shown: both, en, or ar (a right-to-left table).'
complete -c cstoref -n '__fish_seen_subcommand_from sources' -l limit -x -d 'Show at most N records.'
complete -c cstoref -n '__fish_seen_subcommand_from sources' -l no-color -d 'No colour (also NO_COLOR, TERM=dumb, or not a terminal).'
complete -c cstoref -n '__fish_seen_subcommand_from sources' -l no-pager -d 'Never page the output (on a terminal, output taller than the screen goes through CSTOREF_PAGER, PAGER, or less -FRX).'
complete -c cstoref -n '__fish_seen_subcommand_from timeline' -l bidi -x -a 'auto visual logical' -d 'Arabic layout: visual (shaped, reordered), logical (as stored), or auto (from the terminal; default, also set by CSTOREF_BIDI).'
complete -c cstoref -n '__fish_seen_subcommand_from timeline' -l cite -d 'Print each row\'s sources under it, with their verbatim excerpts.'
complete -c cstoref -n '__fish_seen_subcommand_from timeline' -l csv -d 'Print CSV for a spreadsheet: UTF-8 with a byte-order mark, one row per record.'
complete -c cstoref -n '__fish_seen_subcommand_from timeline' -l db -r -F -d 'Read this fact store instead of the bundled one (also CSTOREF_DB).'
complete -c cstoref -n '__fish_seen_subcommand_from timeline' -l from -x -a '(__cstoref_values event-years)' -d 'Earliest date shown: YYYY, YYYY-MM or YYYY-MM-DD. An event dated only to its year or month is shown when that year or month reaches into the range.'
complete -c cstoref -n '__fish_seen_subcommand_from timeline' -s h -l help -d 'Show this message and exit.'
complete -c cstoref -n '__fish_seen_subcommand_from timeline' -l json -d 'Print the full records as JSON (UTF-8, logical order).'
complete -c cstoref -n '__fish_seen_subcommand_from timeline' -l lang -x -a 'both en ar' -d 'Languages shown: both, en, or ar (a right-to-left table).'
complete -c cstoref -n '__fish_seen_subcommand_from timeline' -l limit -x -d 'Show at most N records.'
complete -c cstoref -n '__fish_seen_subcommand_from timeline' -l no-color -d 'No colour (also NO_COLOR, TERM=dumb, or not a terminal).'
complete -c cstoref -n '__fish_seen_subcommand_from timeline' -l no-pager -d 'Never page the output (on a terminal, output taller than the screen goes through CSTOREF_PAGER, PAGER, or less -FRX).'
complete -c cstoref -n '__fish_seen_subcommand_from timeline' -l to -x -a '(__cstoref_values event-years)' -d 'Latest date shown: YYYY, YYYY-MM or YYYY-MM-DD.'
