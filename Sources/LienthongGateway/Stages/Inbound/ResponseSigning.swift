import Foundation
import LienthongCore
import LienthongCrypto

/// Signs a provider's answer and binds it to the request: the response envelope carries
/// `Lienthong-Correlation-Id` (the request's id) and the signed header a digest of the request
/// payload, so an answer cannot be replayed against another question.
public struct ResponseSigning: Sendable {
    public let signer: JWSSigner
    public let agency: AgencyCode

    public init(signer: JWSSigner, agency: AgencyCode) {
        self.signer = signer
        self.agency = agency
    }

    /// The response envelope and its compact JWS.
    public func sign(_ payload: [UInt8], answering request: Envelope) throws(Problem) -> (envelope: Envelope, jws: String) {
        let envelope = Envelope(
            from: agency, to: request.from, service: request.service, correlationID: request.id, payload: payload)
        do {
            let digest = try JWSSigner.requestDigest(of: request.payload)
            let jws = try signer.sign(envelope: envelope, extraHeader: [JWSHeaderMember.requestDigest: digest])
            return (envelope, jws)
        } catch {
            throw .internalError("cannot sign the response: \(error)")
        }
    }
}
