import Foundation
import LienthongCrypto
import LienthongStore
import Synchronization

/// The certificates that received JWS name by `x5t#S256`, read back from the audit trail (where
/// the gateway kept each when it verified the message), so that a local system given a sender's
/// JWS can verify it alone.
public final class SignerCertificates: Sendable {
    /// The header a webhook push carries the certificate in: standard base64 of its DER, as one
    /// `x5c` entry.
    public static let header = "Lienthong-Signer-Certificate"

    private let log: any AuditLog
    private let known = Mutex<[String: [UInt8]]>([:])

    public init(log: any AuditLog) {
        self.log = log
    }

    /// The DER certificate `jws` names by `x5t#S256`: nil when the JWS carries `x5c` or `kid` (or
    /// the trail does not hold it). Throws when the audit trail cannot be read.
    public func certificate(namedBy jws: String) async throws -> [UInt8]? {
        guard let thumbprint = JWSHeader.unverifiedCertificateThumbprint(of: jws) else { return nil }
        if let der = known.withLock({ $0[thumbprint] }) { return der }
        // The table is append-only but not hash-chained: a row that is not what it is named by
        // is not handed out.
        guard let der = try await log.certificate(thumbprint: thumbprint), try AuditCertificate.thumbprint(of: der) == thumbprint
        else { return nil }
        known.withLock { known in
            if known.count >= 1024 { known.removeAll(keepingCapacity: true) }
            known[thumbprint] = der
        }
        return der
    }

    /// `certificate(namedBy:)` in standard base64, as a JSON member or header value.
    public func base64Certificate(namedBy jws: String) async throws -> String? {
        try await certificate(namedBy: jws).map { Data($0).base64EncodedString() }
    }
}
