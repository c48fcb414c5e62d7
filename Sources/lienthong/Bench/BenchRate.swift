import Foundation

/// Operations per second of a repeated operation, measured for at least a given wall-clock time.
enum BenchRate {
    /// Runs `operation` in growing batches until `seconds` have passed; returns operations/s.
    static func measure(seconds: Double, _ operation: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        try operation()  // warm-up: first-use costs are not part of the rate
        var count = 0
        var batch = 1
        let start = clock.now
        while true {
            for _ in 0..<batch { try operation() }
            count += batch
            let elapsed = start.duration(to: clock.now)
            let elapsedSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            if elapsedSeconds >= seconds { return Double(count) / elapsedSeconds }
            batch = min(batch * 2, 4096)
        }
    }

    static func format(_ rate: Double) -> String {
        rate >= 100 ? String(Int(rate.rounded())) : String(format: "%.1f", rate)
    }
}

/// Fixed-width table columns for benchmark reports.
func benchColumn(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
}
