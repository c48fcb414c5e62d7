import Testing

/// Runs `body`, expects it to throw an `E`, and checks that error with `matches` (usually a
/// `case` pattern), recording the actual error text when it is another case.
func expectError<E: Error, R>(
    _ errorType: E.Type,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> R,
    matches: (E) -> Bool
) {
    do {
        let value = try body()
        Issue.record("expected \(E.self) but got a result: \(value)", sourceLocation: sourceLocation)
    } catch let error as E {
        #expect(matches(error), "unexpected \(E.self): \(error)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected \(E.self) but got \(type(of: error)): \(error)", sourceLocation: sourceLocation)
    }
}
