import Foundation
import LienthongCore
import LienthongCrypto

/// Verifies a message's JWS (401 on failure): signature, certificate chain, that the certificate
/// belongs to `From`, that every `Lienthong-*` header equals its signed value, and that the TLS
/// peer is the same agency as `From` (a gateway may not relay another agency's messages).
public struct SignatureCheck: Sendable {
    public let verifier: JWSVerifier

    public init(verifier: JWSVerifier) { self.verifier = verifier }

    public func verify(
        _ message: HTTPMessage, envelope: Envelope, tlsPeer: AgencyCode?, at date: Date = Date()
    ) throws(Problem) -> VerifiedJWS {
        guard let jws = message[header: HeaderName.signature] else {
            throw .badSignature("\(HeaderName.signature) is missing")
        }
        let verified: VerifiedJWS
        do { verified = try verifier.verify(jws, envelope: envelope, at: date) } catch {
            throw .badSignature(error.description)
        }
        if let tlsPeer, tlsPeer != envelope.from {
            throw .badSignature("the TLS client certificate belongs to \(tlsPeer), but the message is from \(envelope.from)")
        }
        return verified
    }
}
