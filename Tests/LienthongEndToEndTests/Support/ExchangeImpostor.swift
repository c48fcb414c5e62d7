import Foundation
import LienthongCore
import LienthongCrypto
import LienthongTestSupport

/// A message for the exchange API, as a gateway would send it: the `Lienthong-*` headers, the
/// signature and the payload. Tests alter it after signing.
struct SignedMessage {
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    /// Replaces the value of header `name` (case-insensitive), keeping its place.
    mutating func set(_ name: String, _ value: String) {
        headers = headers.map { $0.name.lowercased() == name.lowercased() ? ($0.name, value) : $0 }
    }
}

/// Speaks the exchange API directly over mTLS with some certificate, as a misbehaving or forged
/// peer would, to see what the ministry's gateway refuses.
final class ExchangeImpostor: Sendable {
    private let client: TLSHTTPClient

    /// Connects with `tlsIdentity`'s certificate, trusting only the exchange CA.
    init(tlsIdentity: DevelopmentPKI.Identity, trustedCA: URL) throws {
        client = try TLSHTTPClient(trustedCA: trustedCA, identity: tlsIdentity)
    }

    /// A message from `from` to `to` signed with `signer`'s key and certificate (a real agency
    /// key, the JWS exactly as a gateway makes it).
    static func sign(
        _ payload: String, service: String, from: String = DevelopmentPKI.province, to: String = DevelopmentPKI.ministry,
        signer: DevelopmentPKI.Identity
    ) throws -> SignedMessage {
        let key = try PrivateKey(pemEncoded: try String(contentsOf: signer.key, encoding: .utf8))
        let chain = try Certificate.chain(pemEncoded: try String(contentsOf: signer.chain, encoding: .utf8))
        let envelope = Envelope(
            from: try AgencyCode(parsing: from), to: try AgencyCode(parsing: to), service: try ServiceID(parsing: service),
            payload: Array(payload.utf8))
        let jws = try JWSSigner(key: key, certificateChain: chain).sign(envelope: envelope)
        var headers = envelope.headerFields
        headers.append((HeaderName.signature, jws))
        headers.append(("Content-Type", "application/json"))
        return SignedMessage(headers: headers, body: envelope.payload)
    }

    func post(_ message: SignedMessage, to gateway: GatewayProcess) async throws -> HTTPReply {
        try await client.send(
            "POST", gateway.exchangeURL + "/exchange/v1/messages", headers: message.headers.map { ($0.name, $0.value) },
            body: message.body)
    }

    func shutdown() async { await client.shutdown() }

    /// Runs `body` with an impostor and shuts its client down afterwards.
    static func with<Result>(
        tlsIdentity: DevelopmentPKI.Identity, trustedCA: URL, _ body: (ExchangeImpostor) async throws -> Result
    ) async throws -> Result {
        let impostor = try ExchangeImpostor(tlsIdentity: tlsIdentity, trustedCA: trustedCA)
        do {
            let result = try await body(impostor)
            await impostor.shutdown()
            return result
        } catch {
            await impostor.shutdown()
            throw error
        }
    }
}
