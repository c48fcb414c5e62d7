import LienthongCore
import LienthongCrypto

/// Signs an outgoing request envelope (JWS with `x5c`, detached payload).
public struct MessageSigning: Sendable {
    public let signer: JWSSigner

    public init(signer: JWSSigner) { self.signer = signer }

    public func sign(_ envelope: Envelope) throws(Problem) -> String {
        do { return try signer.sign(envelope: envelope) } catch {
            throw .internalError("cannot sign the request: \(error)")
        }
    }
}
