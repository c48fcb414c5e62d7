import LienthongCore
import LienthongCrypto
import LienthongStore
import Logging

/// Writes one audit record per message in or out, keeping the payload as configured per service.
/// A refused message is recorded too, with `rejected:<problem>` as its outcome.
public struct AuditRecorder: Sendable {
    public let log: any AuditLog
    public let retention: GatewayConfiguration.AuditSettings

    public init(log: any AuditLog, retention: GatewayConfiguration.AuditSettings) {
        self.log = log
        self.retention = retention
    }

    /// Records `envelope` with `outcome`; an audit failure is a gateway fault (500).
    public func record(
        _ envelope: Envelope, direction: AuditDirection, outcome: String, jws: String?
    ) async throws(Problem) {
        let keep = retention.retention(for: envelope.service)
        let digest: [UInt8]
        do { digest = try Digest.sha256(keep == .none ? [] : envelope.payload) } catch {
            throw .internalError("cannot digest the payload for the audit log: \(error)")
        }
        let entry = AuditEntry(
            messageID: envelope.id, direction: direction, from: envelope.from, to: envelope.to, service: envelope.service,
            outcome: outcome, payloadDigest: digest, jws: jws, correlationID: envelope.correlationID,
            payload: keep == .full ? envelope.payload : nil, retention: keep)
        do { try await log.append(entry) } catch {
            throw .internalError("the audit log failed: \(error)")
        }
    }
}
