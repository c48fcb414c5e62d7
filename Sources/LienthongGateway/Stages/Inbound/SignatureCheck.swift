import Foundation
import LienthongCore
import LienthongCrypto

/// Verifies a message's JWS (401 on failure): signature, certificate chain, that the certificate
/// belongs to `From`, that every `Lienthong-*` header equals its signed value, and that the TLS
/// peer is the same agency as `From` (a gateway may not relay another agency's messages). A JWS
/// that names its certificate by `x5t#S256` must name the TLS client certificate.
public struct SignatureCheck: Sendable {
    public let verifier: JWSVerifier

    public init(verifier: JWSVerifier) { self.verifier = verifier }

    public func verify(
        _ message: HTTPMessage, envelope: Envelope, tlsPeer: TLSPeer?, at date: Date = Date()
    ) throws(Problem) -> VerifiedJWS {
        guard let jws = message[header: HeaderName.signature] else {
            throw .badSignature("\(HeaderName.signature) is missing")
        }
        let verified: VerifiedJWS
        do { verified = try verifier.verify(jws, envelope: envelope, at: date, presented: tlsPeer?.certificate) } catch {
            throw .badSignature(error.description)
        }
        if let tlsPeer, tlsPeer.agency != envelope.from {
            throw .badSignature("the TLS client certificate belongs to \(tlsPeer.agency), but the message is from \(envelope.from)")
        }
        return verified
    }
}
