import Foundation
import LienthongStore

/// When a failed delivery (or hand-over) is tried again, and when it is given up: exponential
/// back-off from `initialBackoff`, doubling per attempt up to `maxBackoff`, with jitter so that a
/// backlog released by a returning peer does not come back in lock-step; dead after `maxAttempts`
/// attempts or once older than `maxAge`, or at once when the failure is permanent.
public struct RetryPolicy: Sendable, Hashable {
    public var maxAttempts: Int
    public var maxAge: Duration
    public var initialBackoff: Duration
    public var maxBackoff: Duration

    public init(maxAttempts: Int, maxAge: Duration, initialBackoff: Duration, maxBackoff: Duration) {
        self.maxAttempts = max(1, maxAttempts)
        self.maxAge = maxAge
        self.initialBackoff = initialBackoff
        self.maxBackoff = max(initialBackoff, maxBackoff)
    }

    /// The policy of the `delivery:` settings.
    public init(_ settings: GatewayConfiguration.DeliverySettings) {
        self.init(
            maxAttempts: settings.maxAttempts, maxAge: .seconds(settings.maxAgeSeconds),
            initialBackoff: .milliseconds(settings.initialBackoffMilliseconds), maxBackoff: .seconds(settings.maxBackoffSeconds))
    }

    /// What to do after attempt number `attempt` (1-based) failed.
    public func disposition(
        afterAttempt attempt: Int, acceptedAt: Date, now: Date, permanent: Bool,
        using generator: inout some RandomNumberGenerator
    ) -> FailureDisposition {
        if permanent || attempt >= maxAttempts { return .dead }
        let age = now.timeIntervalSince(acceptedAt)
        if age >= Self.seconds(maxAge) { return .dead }
        return .retry(at: now.addingTimeInterval(Self.seconds(delay(afterAttempt: attempt, using: &generator))))
    }

    /// The nominal delay after attempt `attempt` is `initialBackoff · 2^(attempt-1)` capped at
    /// `maxBackoff`; the delay used is uniform between half of it and all of it.
    public func delay(afterAttempt attempt: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        let nominal = nominalDelay(afterAttempt: attempt)
        let seconds = Self.seconds(nominal)
        return .milliseconds(Int64((Double.random(in: (seconds / 2)...seconds, using: &generator) * 1_000).rounded()))
    }

    /// The delay before jitter.
    public func nominalDelay(afterAttempt attempt: Int) -> Duration {
        let exponent = min(max(attempt - 1, 0), 40)
        let scaled = Self.seconds(initialBackoff) * pow(2, Double(exponent))
        return min(.milliseconds(Int64((scaled * 1_000).rounded())), maxBackoff)
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
