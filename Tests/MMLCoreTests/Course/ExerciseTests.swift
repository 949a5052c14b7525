// Every exercise under Exercises/ has a solution of the same name; every solution passes all
// its checks; every unsolved exercise runs to its end and fails every check.
import Foundation
import MMLTestSupport
import Testing
@testable import MMLCore

struct ExerciseFile: CustomTestStringConvertible, Sendable {
    var path: String
    var testDescription: String { path }
}

/// The exercises themselves: every .mml under Exercises/ outside Exercises/solutions/.
let exerciseFiles = repositoryFiles(under: "Exercises", withExtension: "mml")
    .filter { !$0.hasPrefix("Exercises/solutions/") }.map { ExerciseFile(path: $0) }
let solutionFiles = repositoryFiles(under: "Exercises/solutions", withExtension: "mml").map { ExerciseFile(path: $0) }

/// Runs a script the way `mml test` does, with the repository root as working directory
/// (exercises read Samples/data/… from there), and counts its ✓ and ✗ lines.
private func runExercise(_ path: String) throws -> (result: ScriptResult, passed: Int, failed: Int) {
    let text = try readRepositoryFile(path)
    _ = FileManager.default.changeCurrentDirectoryPath(repositoryRoot)
    let result = runMML(text, name: path)
    let lines = result.stdout.split(separator: "\n")
    return (result, lines.filter { $0.hasPrefix("✓") }.count, lines.filter { $0.hasPrefix("✗") }.count)
}

@Test("solution passes every check", arguments: solutionFiles)
func solutionPasses(_ file: ExerciseFile) throws {
    let (result, passed, failed) = try runExercise(file.path)
    #expect(result.diagnostics.isEmpty, "\(file.path) stopped with an error:\n\(result.stderr)")
    #expect(failed == 0, "\(file.path) has failing checks:\n\(result.stdout)")
    #expect(passed >= 3, "\(file.path) should check its answers with at least three check() calls")
    #expect(result.status == 0)
}

@Test("unsolved exercise runs to the end and fails every check", arguments: exerciseFiles)
func exerciseStartsUnsolved(_ file: ExerciseFile) throws {
    let text = try readRepositoryFile(file.path)
    #expect(text.contains("YOUR ANSWER"), "\(file.path) should mark the learner's part with YOUR ANSWER")
    let (result, passed, failed) = try runExercise(file.path)
    // A starting value that already passes a check would tell the learner nothing; an error
    // would hide every later ✗ line.
    #expect(result.diagnostics.isEmpty, "\(file.path) stops with an error before its checks:\n\(result.stderr)")
    #expect(failed > 0 && passed == 0, "\(file.path): \(passed) checks pass before the learner wrote anything")
    // An expected value printed as 1.000000000095369 is numerical noise around 1: the
    // learner should be shown the exact value.
    for line in result.stdout.split(separator: "\n") where line.hasPrefix("✗") {
        guard let r = line.range(of: ": expected "), let end = line[r.upperBound...].firstIndex(of: ","),
              let x = Double(line[r.upperBound..<end]) else { continue }
        let shown = String(line[r.upperBound..<end])
        let rounded = Double(String(format: "%.6g", x))!
        #expect(!(shown.count >= 14 && rounded != x && abs(rounded - x) <= 1e-9 * abs(x)),
                "\(file.path) shows a noisy expected value: \(line)")
    }
}

@Test func everyExerciseHasASolutionAndViceVersa() {
    let exercises = Set(exerciseFiles.map { String($0.path.dropFirst("Exercises/".count)) })
    let solutions = Set(solutionFiles.map { String($0.path.dropFirst("Exercises/solutions/".count)) })
    #expect(exercises.subtracting(solutions).sorted() == [], "exercises without a solution")
    #expect(solutions.subtracting(exercises).sorted() == [], "solutions without an exercise")
}

@Test func everyModuleHasThreeExercises() {
    let modules = ["01-linear-algebra", "02-calculus", "03-probability-statistics",
                   "04-programming-mathematics", "05-integration", "06-final-project"]
    for module in modules {
        let count = exerciseFiles.filter { $0.path.hasPrefix("Exercises/\(module)/") }.count
        #expect(count >= 3, "Exercises/\(module) has \(count) exercises; the course wants at least three")
    }
}
