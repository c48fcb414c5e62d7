import Foundation
import LienthongCore
import LienthongCrypto

/// Checks a provider's answer before it reaches the local client (502 when anything is off): the
/// signature and its chain, that the signer is the provider, that the answer is addressed to us
/// and correlates to our request, and that the signed request digest matches what we sent.
public struct ResponseVerification: Sendable {
    public let verifier: JWSVerifier
    public let decoding: BodyDecoding

    public init(verifier: JWSVerifier, decoding: BodyDecoding) {
        self.verifier = verifier
        self.decoding = decoding
    }

    /// The verified response envelope (payload decompressed) and its JWS.
    public func verify(
        _ answer: HTTPAnswer, request: Envelope, provider: AgencyCode
    ) throws(Problem) -> (envelope: Envelope, jws: String) {
        let message = HTTPMessage(headers: answer.headers, body: answer.body)
        let payload: [UInt8]
        do { payload = try decoding.decode(answer.body, contentEncoding: answer[header: "Content-Encoding"]) } catch {
            throw .peerUnavailable("the provider's answer cannot be decoded: \(error.detail)")
        }
        let envelope: Envelope
        do { envelope = try EnvelopeReader().read(message, payload: payload) } catch {
            throw .peerUnavailable("the provider's answer has bad headers: \(error.detail)")
        }
        guard let jws = answer[header: HeaderName.signature] else {
            throw .peerUnavailable("the provider's answer is not signed")
        }
        let verified: VerifiedJWS
        do { verified = try verifier.verify(jws, envelope: envelope) } catch {
            throw .peerUnavailable("the provider's signature is not valid: \(error)")
        }
        guard envelope.from == provider else {
            throw .peerUnavailable("the answer is from \(envelope.from), not the provider \(provider)")
        }
        guard envelope.to == request.from, envelope.service == request.service else {
            throw .peerUnavailable("the answer is addressed to \(envelope.to) for \(envelope.service)")
        }
        guard envelope.correlationID == request.id else {
            throw .peerUnavailable(
                "the answer correlates to \(envelope.correlationID?.rawValue ?? "nothing"), not our request \(request.id)")
        }
        let expectedDigest: String
        do { expectedDigest = try JWSSigner.requestDigest(of: request.payload) } catch {
            throw .internalError("cannot digest our request: \(error)")
        }
        guard verified.header[JWSHeaderMember.requestDigest] == expectedDigest else {
            throw .peerUnavailable("the answer's signed request digest does not match our request")
        }
        return (envelope, jws)
    }
}
