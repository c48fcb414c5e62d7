import AsyncHTTPClient
import LienthongPluginAPI

/// Sends one upstream request, retrying a bounded number of times (only when the manifest allows,
/// i.e. for idempotent calls) after a connection failure, a timeout or HTTP 502/503/504, with a
/// doubling pause, and never past the request's own deadline.
struct RetryingCall {
    let call: UpstreamCall
    let attemptTimeout: Duration
    let retries: Int
    let firstDelay: Duration

    /// Statuses that say "try again later" rather than "no".
    static let retryableStatuses: Set<Int> = [502, 503, 504]

    func perform(_ request: HTTPClientRequest, deadline: ContinuousClock.Instant) async throws(PluginError) -> UpstreamCall.Answer {
        var attempt = 0
        var delay = firstDelay
        while true {
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else { throw .timeout("\(call.system) did not answer in time") }
            let outcome: Result<UpstreamCall.Answer, PluginError>
            do throws(PluginError) {
                outcome = .success(try await call.perform(request, timeout: min(attemptTimeout, remaining)))
            } catch {
                outcome = .failure(error)
            }
            guard attempt < retries, Self.isRetryable(outcome) else { return try outcome.get() }
            // Do not start a retry that could not finish before the deadline anyway.
            guard ContinuousClock.now.duration(to: deadline) > delay else { return try outcome.get() }
            do { try await Task.sleep(for: delay) } catch { return try outcome.get() }
            attempt += 1
            delay = delay * 2
        }
    }

    static func isRetryable(_ outcome: Result<UpstreamCall.Answer, PluginError>) -> Bool {
        switch outcome {
        case .success(let answer): retryableStatuses.contains(answer.status)
        case .failure(.timeout), .failure(.unavailable): true
        case .failure: false
        }
    }
}
