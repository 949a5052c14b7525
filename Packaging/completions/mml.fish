function __mml_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __mml_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __mml_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __mml_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __mml_parse_tokens -S
    set -l unparsed_tokens (__mml_tokens -pc)
    switch $unparsed_tokens[1]
    case 'mml'
        __mml_parse_subcommand 0 'e=' 'no-color' 'timeout=' 'plots=' 'max-memory=' 'allow-read=+' 'allow-write=+' 'allow-all' 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'test'
            __mml_parse_subcommand -r 1 'update' 'timeout=' 'max-memory=' 'version' 'h/help'
        case 'grade'
            __mml_parse_subcommand -r 2 'output=' 'timeout=' 'max-memory=' 'jobs=' 'reveal' 'version' 'h/help'
        case 'kernel'
            __mml_parse_subcommand 0 'f/connection-file=' 'version' 'h/help'
        case 'jupyter'
            __mml_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'install'
                __mml_parse_subcommand 0 'user' 'sys-prefix' 'prefix=' 'mml=' 'version' 'h/help'
            case 'uninstall'
                __mml_parse_subcommand 0 'user' 'sys-prefix' 'prefix=' 'version' 'h/help'
            end
        case 'notebook'
            __mml_parse_subcommand 1 'to=' 'o=' 'version' 'h/help'
        case 'lsp'
            __mml_parse_subcommand 0 'stdio' 'version' 'h/help'
        case 'help'
            __mml_parse_subcommand -r 1 'version'
        end
    end
end

function __mml_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __mml_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __mml_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __mml_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__mml_tokens -p)
    if test -z "$(__mml_tokens -t)"
        set -l index (count (__mml_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'mml' -f
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml" e' -s 'e' -d 'Evaluate this text and show its values, as the REPL would.' -rfka ''
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml" no-color' -l 'no-color' -d 'Never colour the output.'
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml" timeout' -l 'timeout' -d 'Stop the program after this many seconds (exit status 124).' -rfka ''
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml" plots' -l 'plots' -d 'Also save every figure as DIR/figN.svg, numbered after the figures already there.' -rfa '(__mml_complete_directories)'
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml" max-memory' -l 'max-memory' -d 'The memory budget for the program\'s data, e.g. 8G or 512M (default: 75% of memory).' -rfka ''
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml"' -l 'allow-read' -d 'Let the script read files under PATH too (repeatable).' -rF
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml"' -l 'allow-write' -d 'Let the script write files under PATH too (repeatable).' -rF
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml" allow-all' -l 'allow-all' -d 'Let the script read and write any file you can (for scripts you trust).'
complete -c 'mml' -n '__mml_should_offer_completions_for_positional "mml" -eq 1' -fa '(set -l exts \'mml\' \'ipynb\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml" version' -l 'version' -d 'Show the version.'
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mml' -n '__mml_should_offer_completions_for_positional "mml" -eq 1' -fa 'test' -d 'Run .mml scripts and .ipynb notebooks and compare each with the .out file beside it.'
complete -c 'mml' -n '__mml_should_offer_completions_for_positional "mml" -eq 1' -fa 'grade' -d 'Grade a class: run each learner\'s submission against a check script.'
complete -c 'mml' -n '__mml_should_offer_completions_for_positional "mml" -eq 1' -fa 'kernel' -d 'Run a Jupyter kernel (Jupyter starts it; `mml jupyter install` tells Jupyter how).'
complete -c 'mml' -n '__mml_should_offer_completions_for_positional "mml" -eq 1' -fa 'jupyter' -d 'Install or remove MML\'s Jupyter kernel (its kernelspec).'
complete -c 'mml' -n '__mml_should_offer_completions_for_positional "mml" -eq 1' -fa 'notebook' -d 'Turn a commented script into a Jupyter notebook, or a notebook back into a script.'
complete -c 'mml' -n '__mml_should_offer_completions_for_positional "mml" -eq 1' -fa 'lsp' -d 'Run MML\'s language server (an editor starts it; see Docs/editors.md).'
complete -c 'mml' -n '__mml_should_offer_completions_for_positional "mml" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'mml' -n '__mml_should_offer_completions_for_positional "mml test" -ge 1' -fa '(set -l exts \'mml\' \'ipynb\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml test" update' -l 'update' -d 'Rewrite each script\'s .out file with what it printed now.'
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml test" timeout' -l 'timeout' -d 'Stop a script that runs longer than this.' -rfka ''
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml test" max-memory' -l 'max-memory' -d 'The memory budget of each script, e.g. 512M or 2G (default: 75% of memory).' -rfka ''
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml test" version' -l 'version' -d 'Show the version.'
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml test" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml grade" output' -l 'output' -d 'Where the gradebook, summary and feedback go.' -rfka ''
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml grade" timeout' -l 'timeout' -d 'Stop a submission that runs longer than this.' -rfka ''
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml grade" max-memory' -l 'max-memory' -d 'The memory budget of each submission, e.g. 512M or 2G.' -rfka ''
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml grade" jobs' -l 'jobs' -d 'How many submissions run at once (default: one per processor).' -rfka ''
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml grade" reveal' -l 'reveal' -d 'Show the hidden checks\' labels and values in the learners\' feedback too.'
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml grade" version' -l 'version' -d 'Show the version.'
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml grade" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml kernel" connection-file f' -s 'f' -l 'connection-file' -d 'The connection file Jupyter wrote (transport, ports, signing key).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml kernel" version' -l 'version' -d 'Show the version.'
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml kernel" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml jupyter" version' -l 'version' -d 'Show the version.'
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml jupyter" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mml' -n '__mml_should_offer_completions_for_positional "mml jupyter" -eq 1' -fa 'install' -d 'Install the MML kernelspec, so Jupyter lists MML among its kernels.'
complete -c 'mml' -n '__mml_should_offer_completions_for_positional "mml jupyter" -eq 1' -fa 'uninstall' -d 'Remove the MML kernelspec from the place `install` with the same option put it.'
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml jupyter install" user' -l 'user' -d 'For the current user only (in Jupyter\'s data folder, ~/.local/share/jupyter).'
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml jupyter install" sys-prefix' -l 'sys-prefix' -d 'Into the Python environment whose `jupyter` is on PATH (a virtual environment, conda).'
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml jupyter install" prefix' -l 'prefix' -d 'Under DIR/share/jupyter (point JUPYTER_PATH at DIR/share/jupyter to use it).' -rfa '(__mml_complete_directories)'
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml jupyter install" mml' -l 'mml' -d 'Start this mml, an absolute path (default: this one); for packages, which write the kernelspec into a staging folder.' -rF
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml jupyter install" version' -l 'version' -d 'Show the version.'
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml jupyter install" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml jupyter uninstall" user' -l 'user' -d 'For the current user only (in Jupyter\'s data folder, ~/.local/share/jupyter).'
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml jupyter uninstall" sys-prefix' -l 'sys-prefix' -d 'Into the Python environment whose `jupyter` is on PATH (a virtual environment, conda).'
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml jupyter uninstall" prefix' -l 'prefix' -d 'Under DIR/share/jupyter (point JUPYTER_PATH at DIR/share/jupyter to use it).' -rfa '(__mml_complete_directories)'
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml jupyter uninstall" version' -l 'version' -d 'Show the version.'
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml jupyter uninstall" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mml' -n '__mml_should_offer_completions_for_positional "mml notebook" -eq 1' -fa '(set -l exts \'mml\' \'ipynb\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml notebook" to' -l 'to' -d 'What to make: ipynb (from a script) or mml (from a notebook); by default the other kind than the input.' -rfka 'ipynb mml'
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml notebook" o' -s 'o' -d 'Where to write it (- for standard output).' -rF
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml notebook" version' -l 'version' -d 'Show the version.'
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml notebook" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml lsp" stdio' -l 'stdio' -d 'Talk over standard input and output (the only transport; some editors pass it).'
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml lsp" version' -l 'version' -d 'Show the version.'
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml lsp" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mml' -n '__mml_should_offer_completions_for_flags_or_options "mml help" version' -l 'version' -d 'Show the version.'
