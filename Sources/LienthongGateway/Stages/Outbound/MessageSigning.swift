import LienthongCore
import LienthongCrypto

/// Signs an outgoing request envelope (JWS, detached payload), naming the signing certificate by
/// thumbprint (`x5t#S256`) or by chain (`x5c`).
public struct MessageSigning: Sendable {
    public let signer: JWSSigner
    public let certificate: JWSSigner.CertificateReference

    public init(signer: JWSSigner, certificate: JWSSigner.CertificateReference = .chain) {
        self.signer = signer
        self.certificate = certificate
    }

    /// Whether a JWS naming its certificate by `thumbprint` is what this signing makes now: the
    /// same certificate, named the same way.
    public func namesCertificate(byThumbprint thumbprint: String) -> Bool {
        certificate == .thumbprint && signer.certificateThumbprint == thumbprint
    }

    public func sign(_ envelope: Envelope) throws(Problem) -> String {
        do { return try signer.sign(envelope: envelope, certificate: certificate) } catch {
            throw .internalError("cannot sign the request: \(error)")
        }
    }
}
