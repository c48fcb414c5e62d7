import Foundation
import LienthongCore
import LienthongStore

/// Refuses replays (409): a `Created` time outside ±window of now, or an id already seen from the
/// same sender within the window.
public struct ReplayCheck: Sendable {
    public let replayGuard: any ReplayGuard
    public let windowSeconds: Int

    public init(replayGuard: any ReplayGuard, windowSeconds: Int) {
        self.replayGuard = replayGuard
        self.windowSeconds = windowSeconds
    }

    public func check(_ envelope: Envelope, now: Date = Date()) async throws(Problem) {
        let skew = envelope.created.timeIntervalSince(now)
        guard abs(skew) <= Double(windowSeconds) else {
            throw .replay("Created \(Timestamp.format(envelope.created)) is \(Int(skew.rounded())) s from now; "
                + "the window is ±\(windowSeconds) s")
        }
        let first: Bool
        do {
            // Ids are remembered for two windows: a message is accepted up to one window in the
            // future and one in the past.
            first = try await replayGuard.firstSighting(
                of: envelope.id, from: envelope.from, at: now, retention: .seconds(2 * windowSeconds))
        } catch {
            throw .internalError("the replay guard failed: \(error)")
        }
        guard first else { throw .replay("message \(envelope.id) from \(envelope.from) was already received") }
    }
}
