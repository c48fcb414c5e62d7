import Foundation
import LienthongStore
import Testing
@testable import LienthongGateway

/// A generator with a fixed sequence, so the jitter is reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state
    }
}

@Suite("Retry policy")
struct RetryPolicyTests {
    let policy = RetryPolicy(maxAttempts: 5, maxAge: .seconds(3600), initialBackoff: .seconds(1), maxBackoff: .seconds(10))
    let accepted = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func theNominalDelayDoublesUpToTheCap() {
        #expect((1...6).map { policy.nominalDelay(afterAttempt: $0) } == [
            .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(10), .seconds(10),
        ])
        #expect(policy.nominalDelay(afterAttempt: 10_000) == .seconds(10), "no overflow for absurd attempt numbers")
    }

    @Test func jitterStaysBetweenHalfAndAllOfTheNominalDelay() {
        var generator = SeededGenerator(state: 42)
        var seen = Set<Duration>()
        for attempt in 1...4 {
            let nominal = policy.nominalDelay(afterAttempt: attempt)
            for _ in 0..<200 {
                let delay = policy.delay(afterAttempt: attempt, using: &generator)
                #expect(delay >= nominal / 2 && delay <= nominal)
                seen.insert(delay)
            }
        }
        #expect(seen.count > 100, "the delays are spread, not one value")
    }

    @Test func aFailureIsRetriedUntilTheAttemptsRunOut() {
        var generator = SeededGenerator(state: 7)
        let now = accepted.addingTimeInterval(5)
        guard case .retry(let at) = policy.disposition(afterAttempt: 2, acceptedAt: accepted, now: now, permanent: false, using: &generator)
        else {
            Issue.record("the second attempt must be retried")
            return
        }
        #expect(at >= now.addingTimeInterval(1) && at <= now.addingTimeInterval(2))
        #expect(policy.disposition(afterAttempt: 5, acceptedAt: accepted, now: now, permanent: false, using: &generator) == .dead)
    }

    @Test func aPermanentFailureOrAnOldMessageIsDeadAtOnce() {
        var generator = SeededGenerator(state: 7)
        #expect(policy.disposition(afterAttempt: 1, acceptedAt: accepted, now: accepted, permanent: true, using: &generator) == .dead)
        let late = accepted.addingTimeInterval(3600)
        #expect(policy.disposition(afterAttempt: 1, acceptedAt: accepted, now: late, permanent: false, using: &generator) == .dead)
    }
}

@Suite("Wake-up signal", .timeLimit(.minutes(1)))
struct WakeUpSignalTests {
    @Test func aSignalGivenBeforeTheWaitIsKept() async {
        let signal = WakeUpSignal()
        signal.signal()
        // Would wait an hour if the signal had been lost.
        await signal.wait(upTo: .seconds(3600))
    }

    @Test func aSignalWakesAWaitingLoop() async {
        let signal = WakeUpSignal()
        async let waited: Void = signal.wait(upTo: .seconds(3600))
        try? await Task.sleep(for: .milliseconds(20))
        signal.signal()
        await waited
    }

    @Test func cancellationEndsAWait() async {
        let signal = WakeUpSignal()
        let task = Task { await signal.wait(upTo: .seconds(3600)) }
        task.cancel()
        await task.value
    }
}
