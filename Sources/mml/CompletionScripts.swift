// `mml --generate-completion-script bash|zsh|fish`: ArgumentParser's completion scripts, generated
// from the one command-line declaration, with mml's first word put right. ArgumentParser assumes
// a command takes either positional arguments or subcommands; mml takes both, deciding as main.swift
// does — the first word is a subcommand when it names one, else the script. Unchanged, the
// scripts read every word as the script's (bash: `mml test <Tab>` offers nothing, zsh: two rules
// for the first word, fish: subcommands offered as the second word). Each correction below
// rewrites one spot of the generated text; the committed scripts (Packaging/completions, checked
// by PackagingFilesTests) show the result, and a changed generator shows up there as a diff.
import ArgumentParser

enum CompletionScripts {
    /// The completion script for `shell`, with the first word completed and dispatched as mml reads it.
    static func script(for shell: CompletionShell) -> String {
        let generated = MML.completionScript(for: shell)
        // ArgumentParser adds a `help` subcommand to every command that has subcommands.
        let subcommands = MML.configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        switch shell {
        case .bash: return bash(generated, subcommands: subcommands)
        case .zsh: return zsh(generated)
        case .fish: return fish(generated)
        default: return generated
        }
    }

    /// Bash: the root function `_mml` hands a line whose first word is a subcommand to that
    /// subcommand's function, and offers the subcommands beside the script files as the first word.
    /// The `#!/bin/bash` line goes: bash-completion sources the file, it is not a program.
    static func bash(_ script: String, subcommands: [String]) -> String {
        let names = subcommands.joined(separator: " ")
        var text = script
        if text.hasPrefix("#!"), let newline = text.firstIndex(of: "\n") {
            text.removeSubrange(...newline)
            while text.hasPrefix("\n") { text.removeFirst() }
        }
        text.replaceFirst("    __mml_offer_flags_options -1\n", with: """
                # The first word names a subcommand or the script (mml reads it so).
                if [[ "${COMP_CWORD}" -ge 2 && " \(names) " == *" ${COMP_WORDS[1]} "* ]]; then
                    unparsed_words=("${unparsed_words[@]:1}")
                    "_mml_${COMP_WORDS[1]}"
                    return
                fi
                __mml_offer_flags_options -1

            """)
        text.replaceFirst("    case \"${positional_number}\" in\n    1)\n", with: """
                case "${positional_number}" in
                1)
                    COMPREPLY+=($(compgen -W '\(names)' -- "${cur}"))

            """)
        return text
    }

    /// Zsh: the root's positional rules go (they clash with its subcommand rules for the first
    /// word); the first word's file completion joins the subcommand list instead.
    static func zsh(_ script: String) -> String {
        guard let start = script.firstRange(of: "_mml() {"), let end = script[start.upperBound...].firstRange(of: "\n}\n") else {
            return script
        }
        var root = String(script[start.lowerBound..<end.upperBound])
        var firstWordAction: String?
        var kept: [Substring] = []
        for line in root.split(separator: "\n", omittingEmptySubsequences: false) {
            let spec = line.drop { $0 == " " }
            if spec.hasPrefix("':") || spec.hasPrefix("'*:") {
                // ':name:ACTION' (quotes inside escaped as '\'') — the action after the second colon.
                if firstWordAction == nil, spec.hasPrefix("':") {
                    let unquoted = String(spec.dropFirst().dropLast()).replacing("'\\''", with: "'")
                    firstWordAction = unquoted.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).dropFirst(2).first.map(String.init)
                }
                continue
            }
            kept.append(line)
        }
        root = kept.joined(separator: "\n")
        if let action = firstWordAction, !action.isEmpty {
            root.replaceFirst("        _describe -V subcommand subcommands && ret=0\n", with: """
                        _describe -V subcommand subcommands && ret=0
                        \(action) && ret=0

                """)
        }
        var text = script
        text.replaceSubrange(start.lowerBound..<end.upperBound, with: root)
        return text
    }

    /// Fish: the root takes no positional words before its subcommand, so the first word is
    /// parsed as a subcommand name when it is one, and subcommands are offered as the first word.
    static func fish(_ script: String) -> String {
        var text = script
        let rootParse = "case 'mml'\n        __mml_parse_subcommand -r "
        if let start = text.firstRange(of: rootParse), let space = text[start.upperBound...].firstIndex(of: " ") {
            text.replaceSubrange(start.lowerBound...space, with: "case 'mml'\n        __mml_parse_subcommand 0 ")
        }
        return text.replacing("'__mml_should_offer_completions_for_positional \"mml\" -eq 2' -fa",
                              with: "'__mml_should_offer_completions_for_positional \"mml\" -eq 1' -fa")
    }
}

extension String {
    /// Replaces the first occurrence of `target`, if any.
    fileprivate mutating func replaceFirst(_ target: String, with replacement: String) {
        if let range = firstRange(of: target) { replaceSubrange(range, with: replacement) }
    }
}
