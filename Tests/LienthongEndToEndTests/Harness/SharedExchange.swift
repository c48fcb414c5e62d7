import Testing

/// A suite trait that starts one `EndToEndExchange` for the whole suite (process starts are the
/// expensive part) and stops it after the suite's last test, also when a test fails. Tests read
/// it from `EndToEndExchange.current`.
struct SharedExchange: SuiteTrait, TestScoping {
    let label: String

    /// Once around the suite, not once per test.
    var isRecursive: Bool { false }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        try await EndToEndExchange.with(label: label) { exchange in
            try await EndToEndExchange.$current.withValue(exchange) { try await function() }
        }
    }
}

extension Trait where Self == SharedExchange {
    /// One exchange of real processes shared by the suite's tests.
    static func sharedExchange(_ label: String) -> SharedExchange { SharedExchange(label: label) }
}

extension EndToEndExchange {
    /// The suite's shared exchange; fails the test when it runs outside such a suite.
    static func shared() throws -> EndToEndExchange {
        try #require(current, "this test needs the suite trait .sharedExchange")
    }
}
