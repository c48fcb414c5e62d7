import Foundation

/// Best and median wall-clock time of repeated runs of the same work.
struct BenchTiming {
    let best: Duration
    let median: Duration

    /// Runs `work` once to warm caches, then `repetitions` times, timing each run with the wall clock.
    static func measure(repetitions: Int, _ work: () throws -> Void) rethrows -> BenchTiming {
        let clock = ContinuousClock()
        try work()
        var samples: [Duration] = []
        for _ in 0..<max(1, repetitions) {
            samples.append(try clock.measure(work))
        }
        samples.sort()
        return BenchTiming(best: samples[0], median: samples[samples.count / 2])
    }

    /// Throughput in megabytes (10^6 bytes) per second for `bytes` processed in `duration`.
    static func megabytesPerSecond(_ bytes: Int, in duration: Duration) -> Double {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        return seconds > 0 ? Double(bytes) / 1e6 / seconds : .infinity
    }
}
