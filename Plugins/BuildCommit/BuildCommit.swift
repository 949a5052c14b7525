// Records the git commit a build is made from, for `mml --version`: before every build it writes
// BuildCommit.swift (`buildCommit`, nil outside a git checkout) into the MMLCommandLine module,
// rewriting the file only when the commit changes, so an unchanged tree rebuilds nothing.
import Foundation
import PackagePlugin

@main
struct BuildCommit: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "generated")
        // A prebuild command may only run a program that is not built from source: the shell,
        // which asks git. A tree with uncommitted changes to tracked files is marked "+changes".
        let script = """
            set -u
            root=$1; out=$2/BuildCommit.swift
            mkdir -p "$2"
            if commit=$(git -C "$root" rev-parse --short=12 HEAD 2>/dev/null); then
                git -C "$root" diff --quiet HEAD -- 2>/dev/null || commit="$commit+changes"
                value="\\"$commit\\""
            else
                value=nil
            fi
            text="// Generated before each build by Plugins/BuildCommit (not committed).
            /// The git commit this program was built from, nil when it was not built in a git checkout.
            let buildCommit: String? = $value"
            [ -f "$out" ] && [ "$(cat "$out")" = "$text" ] || printf '%s\\n' "$text" > "$out"
            """
        return [
            .prebuildCommand(
                displayName: "Record the git commit for mml --version",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", script, "sh", context.package.directoryURL.path, output.path],
                environment: ["PATH": "/usr/local/bin:/usr/bin:/bin"],
                outputFilesDirectory: output),
        ]
    }
}
