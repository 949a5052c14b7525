// Grading one submission, in the process `mml grade` starts for it: the submission runs in a
// workspace of its own under its own file policy; then the check script runs in a fresh
// workspace that holds the givens it sets up and the submission's answers only (AnswerSheet).
// What happens is reported as CheckReport lines; what the submission prints counts for nothing.

/// One learner's submission, read and ready to run.
public struct Submission {
    public var text: String
    /// The name its errors show (`alice/solution.mml`).
    public var name: String
    /// What it may read and write: its own folder.
    public var fileAccess: FileAccessPolicy

    public init(text: String, name: String, fileAccess: FileAccessPolicy) {
        self.text = text
        self.name = name
        self.fileAccess = fileAccess
    }
}

/// A check script and how to grade a submission with it.
public struct SubmissionGrading {
    public var checks: String
    public var checksName: String
    /// What the check script may read (its givens' data files).
    public var checksAccess: FileAccessPolicy

    public init(checks: String, checksName: String, checksAccess: FileAccessPolicy) {
        self.checks = checks
        self.checksName = checksName
        self.checksAccess = checksAccess
    }

    /// Grades `submission` (nil: no submission, as for a learner who handed nothing in, and to
    /// learn which checks there are). `output` gets what the submission prints, `report` the
    /// report lines as they happen, so a submission stopped midway keeps the checks it passed.
    public func run(_ submission: Submission?, output: @escaping (String) -> Void, report: @escaping (String) -> Void) {
        var home: Interpreter?
        if let submission {
            let session = Session(SessionConfiguration(fileAccess: submission.fileAccess))
            let result = session.run(submission.text, name: submission.name) { event in
                if case .output(let text) = event { output(text) }
            }
            let renderer = DiagnosticRenderer(sources: session.sources)
            // Syntax errors stop a script before any of it runs.
            let ranNothing = !result.diagnostics.isEmpty && result.diagnostics.allSatisfy { $0.kind == .syntax }
            report(CheckReport.submissionLine(stop: result.stop, errors: result.diagnostics.map(renderer.render).joined(), ranNothing: ranNothing))
            home = session.interpreter
        }
        let session = Session(SessionConfiguration(fileAccess: checksAccess))
        let sheet = AnswerSheet(submission: home)
        session.interpreter.answerSheet = sheet
        let result = session.run(checks, name: checksName) { event in
            if case .check(let outcome) = event { report(CheckReport.line(for: outcome)) }
        }
        for name in sheet.unanswered { report(CheckReport.unansweredLine(name)) }
        let renderer = DiagnosticRenderer(sources: session.sources)
        if !result.succeeded {
            let byUnanswered = result.diagnostics.contains { sheet.isNotAnswered(MMLError($0)) }
            report(CheckReport.checksStoppedLine(result.diagnostics.map(renderer.render).joined(), byUnanswered: byUnanswered))
        } else if sheet.declared == nil {
            report(CheckReport.checksStoppedLine("the check script does not say which names are answers: start it with answers(\"name\", …)\n", byUnanswered: false))
        }
        report(CheckReport.endLine(session.checks))
    }
}
