import LienthongCore
import LienthongCrypto
import LienthongStore
import Logging
import Synchronization

/// Writes one audit record per message in or out, keeping the payload as configured per service.
/// A refused message is recorded too, with `rejected:<problem>` as its outcome.
public struct AuditRecorder: Sendable {
    public let log: any AuditLog
    public let retention: GatewayConfiguration.AuditSettings
    private let keptThumbprints = KeptThumbprints()

    public init(log: any AuditLog, retention: GatewayConfiguration.AuditSettings) {
        self.log = log
        self.retention = retention
    }

    /// Keeps the signer certificate of a JWS that names it by `x5t#S256`, so that the audit trail
    /// can show it beside the JWS; a certificate is written once, the first time it is seen.
    public func keepSigner(of verified: VerifiedJWS) async throws(Problem) {
        guard verified.header.certificateThumbprint != nil, let certificate = verified.certificate else { return }
        try await keep(certificate)
    }

    /// Keeps `certificate` in the audit trail unless it was kept since this gateway started.
    public func keep(_ certificate: Certificate) async throws(Problem) {
        let thumbprint = certificate.thumbprint
        guard !keptThumbprints.contains(thumbprint) else { return }
        do { try await log.keepCertificate(certificate.derEncoded) } catch {
            throw .storeUnavailable("the audit log cannot keep the certificate \(certificate.subject): \(error)")
        }
        keptThumbprints.insert(thumbprint)
    }

    /// What one message contributes to the trail: the envelope, which way it went, its outcome and
    /// the JWS that signed it.
    public struct Event: Sendable {
        public var envelope: Envelope
        public var direction: AuditDirection
        public var outcome: String
        public var jws: String?

        public init(_ envelope: Envelope, _ direction: AuditDirection, outcome: String, jws: String?) {
            self.envelope = envelope
            self.direction = direction
            self.outcome = outcome
            self.jws = jws
        }
    }

    /// Records `envelope` with `outcome`; an audit failure is a gateway fault (500).
    public func record(
        _ envelope: Envelope, direction: AuditDirection, outcome: String, jws: String?
    ) async throws(Problem) {
        try await record([Event(envelope, direction, outcome: outcome, jws: jws)])
    }

    /// Records `events` as consecutive records in one durable write: an exchange's request and
    /// answer cost one commit.
    public func record(_ events: [Event]) async throws(Problem) {
        let entries = try self.entries(for: events)
        do { try await log.append(contentsOf: entries) } catch {
            throw .internalError("the audit log failed: \(error)")
        }
    }

    /// The records `events` make, for a store write that appends them in its own transaction
    /// (the outbox and the inbox record a change of state and its audit records in one commit).
    public func entries(for events: [Event]) throws(Problem) -> [AuditEntry] {
        var entries: [AuditEntry] = []
        entries.reserveCapacity(events.count)
        for event in events { entries.append(try entry(for: event)) }
        return entries
    }

    private func entry(for event: Event) throws(Problem) -> AuditEntry {
        let envelope = event.envelope
        let keep = retention.retention(for: envelope.service)
        let digest: [UInt8]
        do { digest = try Digest.sha256(keep == .none ? [] : envelope.payload) } catch {
            throw .internalError("cannot digest the payload for the audit log: \(error)")
        }
        return AuditEntry(
            messageID: envelope.id, direction: event.direction, from: envelope.from, to: envelope.to,
            service: envelope.service, outcome: event.outcome, payloadDigest: digest, jws: event.jws,
            correlationID: envelope.correlationID, payload: keep == .full ? envelope.payload : nil, retention: keep)
    }
}

/// The thumbprints of certificates already in the audit trail, so each is written once per run.
private final class KeptThumbprints: Sendable {
    private let thumbprints = Mutex<Set<String>>([])

    func contains(_ thumbprint: String) -> Bool { thumbprints.withLock { $0.contains(thumbprint) } }

    func insert(_ thumbprint: String) { _ = thumbprints.withLock { $0.insert(thumbprint) } }
}
