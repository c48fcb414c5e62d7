import Synchronization

/// Counts the servers that are listening and reports once, when the last one is.
final class DemoReadiness: Sendable {
    private let expected: Int
    private let listening = Mutex<Set<String>>([])
    private let report: @Sendable () -> Void

    init(expected: Int, report: @escaping @Sendable () -> Void) {
        self.expected = expected
        self.report = report
    }

    /// Marks `name` as listening (a server restarting its listener counts once).
    func listening(_ name: String) {
        let complete = listening.withLock { names -> Bool in
            let inserted = names.insert(name).inserted
            return inserted && names.count == expected
        }
        if complete { report() }
    }
}
