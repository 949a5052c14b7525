// Grading in the core: check's points= and hidden=, answers(…), the checks running apart from
// the submission (each trick a learner may try costs only that learner's points), the report
// channel, and the gradebook built from reports.
import Foundation
import MMLTestSupport
import Testing
@testable import MMLCore

/// Grades `submission` (nil: none) with `checks` in this process, as `mml grade`'s child does.
func gradeInProcess(checks: String, submission: String?, folder: String = NSTemporaryDirectory()) -> (report: CheckReport, output: String) {
    var lines = "", output = ""
    let grading = SubmissionGrading(checks: checks, checksName: "checks.mml", checksAccess: .forScript(at: nil, workingDirectory: folder))
    let graded = submission.map {
        Submission(text: $0, name: "learner/lab.mml", fileAccess: .forScript(at: folder + "/lab.mml", workingDirectory: folder))
    }
    grading.run(graded, output: { output += $0 }, report: { lines += $0 })
    return (CheckReport(parsing: lines), output)
}

/// The check script most tests use: two number answers and a function answer, a given `f`.
let labChecks = """
    answers("d", "root", "g")
    A = [2, 1; 1, 3]
    f(t) = t^2 - 2
    check("determinant", d, det(A), points=2)
    check("f(root) = 0", f(root), 0, 1e-9)
    check("g(3)", g(3), 6)
    check("g(-1)", g(-1), -2, hidden=true, points=3)
    """

@Suite("Grading: checks apart from the submission")
struct GradingTests {
    @Test("check takes points= and hidden=, and a script run shows it as before")
    func pointsAndHidden() throws {
        let session = Session()
        let result = session.run("check(\"a\", 1, 1, points=2)\ncheck(\"b\", 1, 2, hidden=true)\n", name: "t.mml")
        let outcomes = result.events.compactMap { event -> CheckOutcome? in
            if case .check(let outcome) = event { return outcome }
            return nil
        }
        #expect(outcomes.map(\.points) == [2, 1])
        #expect(outcomes.map(\.hidden) == [false, true])
        #expect(runMML("check(\"a\", 1, 1, points=2)").stdout == "✓ a\n1 passed, 0 failed\n")
        #expect(runMML("check(\"a\", 1, 1, points=-1)").stderr.contains("`points` must be a number of points, 0 or more"))
        #expect(runMML("check(\"a\", 1, 1, hidden=2)").stderr.contains("`hidden` must be true or false"))
    }

    @Test("answers(…) outside mml grade only checks its names")
    func answersOutsideGrading() {
        #expect(runMML("answers(\"d\", \"f\")").status == 0)
        #expect(runMML("answers(\"2d\")").stderr.contains("each answer is the name of a variable or function"))
        #expect(runMML("answers()").stderr.contains("answers needs the names of the answers"))
    }

    @Test("a correct submission gets every point, hidden checks included")
    func correctSubmission() {
        let (report, output) = gradeInProcess(checks: labChecks, submission: """
            A = [2, 1; 1, 3]
            d = det(A)
            root = sqrt(2)
            g(t) = 2*t
            print("done")
            """)
        #expect(report.finished && report.checksStopped == nil)
        #expect(report.submission?.stop == "completed")
        #expect(report.entries.map(\.passed) == [true, true, true, true])
        #expect(report.entries.map(\.points) == [2, 1, 1, 3])
        #expect(report.entries.map(\.hidden) == [false, false, false, true])
        #expect(output == "done\n")
    }

    @Test("no submission: every check is not answered, and the checks all still run")
    func nothingAnswered() {
        let (report, _) = gradeInProcess(checks: labChecks, submission: nil)
        #expect(report.entries.count == 4)
        #expect(report.entries.allSatisfy { !$0.passed && $0.notAnswered })
        #expect(report.entries[0].problem == "not answered: `d` is not defined in the submission")
        #expect(report.unanswered == ["d", "root", "g"])
    }

    @Test("redefining check, printing ✓ lines, calling check: nothing a submission prints or runs counts")
    func submissionCannotFakeChecks() {
        let (report, output) = gradeInProcess(checks: labChecks, submission: """
            check(label, actual, expected, tol) = 1
            fn check(label, a, b) { print("✓ " + label) }
            print("✓ determinant\\n✓ f(root) = 0\\n4 passed, 0 failed")
            d = 0
            root = 1
            fn g(t) { print("✓ g"); return 0 }
            """)
        #expect(output.contains("✓ determinant"))
        #expect(report.entries.allSatisfy { !$0.passed }, "\(report.entries)")
        #expect(report.entries.count == 4)
    }

    @Test("a learner's function runs in its own workspace: what it prints or checks is dropped, only its value counts")
    func functionAnswersRunApart() {
        let (report, output) = gradeInProcess(checks: labChecks, submission: """
            helper(t) = 2*t
            fn g(t) { print("computing"); check("g fakes a pass", 1, 1); return helper(t) }
            """)
        #expect(report.entries.map(\.label) == ["determinant", "f(root) = 0", "g(3)", "g(-1)"])
        #expect(report.entries.map(\.passed) == [false, false, true, true])
        #expect(output.isEmpty, "\(output)")
    }

    @Test("redefining a given changes nothing: the checks use their own")
    func givensAreTheChecks() {
        let (report, _) = gradeInProcess(checks: labChecks, submission: """
            f(t) = 0
            A = eye(2)
            d = det(A)
            root = 7
            """)
        #expect(report.entries[0].passed == false)  // d = 1, for the learner's own A
        #expect(report.entries[1].passed == false)  // f is the given one: f(7) = 47
        #expect(report.entries[1].problem == "expected 0, got 47")
    }

    @Test("an error in the submission: the answers before it are graded; one after it is not answered")
    func runtimeErrorKeepsEarlierAnswers() {
        let (report, _) = gradeInProcess(checks: labChecks, submission: """
            d = 5
            root = [1, 2] * [3, 4]
            g(t) = 2*t
            """)
        #expect(report.submission?.stop == "failed")
        #expect(report.submission?.errors.contains("learner/lab.mml:2") == true, "\(report.submission?.errors ?? "")")
        #expect(report.entries.map(\.passed) == [true, false, false, false])
        #expect(report.entries[1].notAnswered)
    }

    @Test("a learner's function that fails fails its check only, with where it failed")
    func failingFunction() {
        let (report, _) = gradeInProcess(checks: labChecks, submission: "d = 5\nfn g(t) { return t * undefined_name }\n")
        #expect(report.entries[2].passed == false && !report.entries[2].notAnswered)
        #expect(report.entries[2].problem == "g(…) failed: unknown name `undefined_name` (at learner/lab.mml:2:22)")
        #expect(report.entries[0].passed)
    }

    @Test("a submission cannot read the check script or a neighbour's folder")
    func fileAccessIsItsOwnFolder() throws {
        let classFolder = NSTemporaryDirectory() + "mml-grade-\(UUID().uuidString)"
        for folder in ["ada", "ben"] {
            try FileManager.default.createDirectory(atPath: classFolder + "/" + folder, withIntermediateDirectories: true)
        }
        try "x\n1\n".write(toFile: classFolder + "/ada/answers.csv", atomically: true, encoding: .utf8)
        try "x\n5\n".write(toFile: classFolder + "/ben/mine.csv", atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: classFolder) }
        for path in ["../ada/answers.csv", classFolder + "/ada/answers.csv", "../checks.mml", "/proc/self/fd/3"] {
            let (report, _) = gradeInProcess(checks: labChecks, submission: "t = read_csv(\"\(path)\")\nd = 5\n", folder: classFolder + "/ben")
            #expect(report.submission?.stop == "failed", "\(path)")
            #expect(report.submission?.errors.contains("error") == true, "\(path): \(report.submission?.errors ?? "")")
            #expect(report.entries[0].notAnswered, "\(path)")
        }
        let own = gradeInProcess(checks: labChecks, submission: "t = read_csv(\"mine.csv\")\nd = t.x[1]\n", folder: classFolder + "/ben")
        #expect(own.report.entries[0].passed, "\(own.report.submission?.errors ?? "")")
    }

    @Test("the check script itself: a broken label is its own error; one never declaring answers is reported")
    func checkScriptErrors() {
        let broken = gradeInProcess(checks: "answers(\"d\")\ncheck(d, 1, 1)\n", submission: "d = 1\n").report
        #expect(broken.checksStopped?.contains("`label` must be a string") == true, "\(broken.checksStopped ?? "")")
        #expect(broken.checksStoppedByUnanswered == false)
        let undeclared = gradeInProcess(checks: "check(\"one\", 1, 1)\n", submission: "d = 1\n").report
        #expect(undeclared.checksStopped?.contains("start it with answers") == true)
        let outside = gradeInProcess(checks: "answers(\"d\")\ny = d + 1\ncheck(\"y\", y, 2)\n", submission: nil).report
        #expect(outside.checksStoppedByUnanswered)
    }

    @Test("the report channel carries points, hidden, not answered and the grading lines")
    func reportRoundTrip() {
        var outcome = CheckOutcome(label: "a\tb", passed: false, problem: "x\ny", actual: .nothing, expected: .nothing)
        outcome.points = 2.5
        outcome.hidden = true
        outcome.notAnswered = true
        let text = CheckReport.line(for: outcome) + CheckReport.submissionLine(stop: .failed, errors: "error: no\n")
            + CheckReport.unansweredLine("d") + CheckReport.checksStoppedLine("stop\n", byUnanswered: true) + CheckReport.endLine(CheckTally(failed: 1))
        let report = CheckReport(parsing: text)
        #expect(report.entries == [CheckReport.Entry(label: "a\tb", passed: false, problem: "x\ny", points: 2.5, hidden: true, notAnswered: true)])
        #expect(report.submission?.stop == "failed" && report.submission?.errors == "error: no\n")
        #expect(report.unanswered == ["d"] && report.checksStopped == "stop\n" && report.checksStoppedByUnanswered && report.finished)
        // The old four-field line still reads.
        #expect(CheckReport(parsing: "check\t1\told\t\n").entries == [CheckReport.Entry(label: "old", passed: true, problem: nil)])
    }

    @Test("the gradebook: points per check, totals, checks a submission never reached, hidden checks only in totals")
    func gradebook() throws {
        let expected = gradeInProcess(checks: labChecks, submission: nil).report
        let ada = gradeInProcess(checks: labChecks, submission: "d = 5\nroot = sqrt(2)\ng(t) = 2*t\n").report
        let ben = gradeInProcess(checks: labChecks, submission: "d = 4\ng(t) = 6\n").report
        let book = Gradebook(expected: expected, submissions: [
            GradedSubmission(learner: "ada", file: "ada/lab.mml", report: ada, ending: .finished),
            GradedSubmission(learner: "ben", file: "ben/lab.mml", report: ben, ending: .finished),
            GradedSubmission(learner: "cy", file: "cy/lab.mml", report: CheckReport(parsing: ""), ending: .timedOut(seconds: 2)),
        ])
        #expect(book.maximum == 7)
        #expect(try book.csv() == "learner,total,determinant,f(root) = 0,g(3),g(-1)\nada,7,2,1,1,3\nben,1,0,0,1,0\ncy,0,0,0,0,0\n")
        #expect(book.passCounts == [1, 1, 2, 1])
        let feedback = book.feedback(for: book.rows[1])
        #expect(feedback.hasPrefix("ben: 1 of 7 points\n"))
        #expect(feedback.contains("✗ determinant  [0 of 2 points]: expected 5, got 4"))
        #expect(feedback.contains("✗ f(root) = 0  [0 of 1 point]: not answered: `root` is not defined in the submission"))
        #expect(!feedback.contains("g(-1)") && feedback.contains("1 hidden check: 0 of 3 points"))
        #expect(book.feedback(for: book.rows[1], reveal: true).contains("✗ g(-1)  [0 of 3 points]: expected -2, got 6"))
        #expect(book.feedback(for: book.rows[2]).contains("not run: stopped after 2 s"))
        let json = try JSONSerialization.jsonObject(with: Data(book.json().utf8)) as? [String: Any]
        let grades = json?["grades"] as? [[String: Any]]
        #expect(grades?.map { $0["total"] as? Int } == [7, 1, 0])
        #expect((grades?[2]["status"] as? String) == "timed out")
        #expect(try book.chart().renderSVG().contains("<title>Learners who passed each check (of 3)</title>"))
        #expect(book.summary().contains(" 4. g(-1)        3 points, hidden    passed by 1 of 3\n"))
    }
}
