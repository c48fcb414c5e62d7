import LienthongCore
import LienthongCrypto
import Synchronization

/// The `TLSPeer` of each TLS client certificate, remembered by the certificate's DER bytes.
///
/// Parsing an X.509 certificate with OpenSSL 3.0 (its public key goes through the provider
/// decoders) cost more CPU than anything else in an exchange (~14% in a profile), and a peer
/// presents the same certificate on every request. NIOSSL has verified the chain during the
/// handshake, so the mapping from bytes to agency and certificate is all that is cached; it is
/// bounded and starts over when full.
final class TLSPeerCache: Sendable {
    /// One per process: both servers' clients present the same few certificates.
    static let shared = TLSPeerCache()

    private let entries = Mutex<[[UInt8]: TLSPeer]>([:])
    private let capacity: Int

    init(capacity: Int = 1024) {
        self.capacity = capacity
    }

    func peer(forCertificate der: [UInt8]) throws -> TLSPeer {
        if let known = entries.withLock({ $0[der] }) { return known }
        let peer = try TLSPeer(certificate: try Certificate(derEncoded: der))
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[der] = peer
        }
        return peer
    }
}
