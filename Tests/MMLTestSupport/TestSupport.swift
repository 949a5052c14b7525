// Helpers shared by MML's test suites.
import MMLCore

/// The repository's root folder, found from this file's location.
public let repositoryRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/MMLTestSupport/TestSupport.swift
    return parts.joined(separator: "/")
}()
