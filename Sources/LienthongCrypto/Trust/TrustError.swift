import Foundation
import LienthongCore

/// Why a certificate chain is not trusted, naming the certificate at fault by its subject.
public enum TrustError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `verify` was given no certificate.
    case emptyChain
    /// A trust store was built from no certificates: it would trust nothing.
    case noTrustAnchors
    /// A trust store file could not be read.
    case unreadableFile(path: String, reason: String)
    /// A trust store certificate could not be loaded.
    case invalidTrustAnchor(CertificateError)
    /// The certificate's notAfter is before the verification time.
    case expired(subject: String, notAfter: Date)
    /// The certificate's notBefore is after the verification time.
    case notYetValid(subject: String, notBefore: Date)
    /// No trusted issuer was found for the certificate.
    case untrustedIssuer(subject: String, issuer: String)
    /// The chain ends in a self-signed certificate that is not in the trust store.
    case untrustedSelfSigned(subject: String)
    /// The certificate's signature does not verify with its issuer's key.
    case badSignature(subject: String)
    /// A CA certificate was presented as the leaf: CAs issue certificates, they do not sign messages.
    case caCertificateAsLeaf(subject: String)
    /// The leaf's keyUsage lacks digitalSignature (or it has no keyUsage at all).
    case missingDigitalSignatureUsage(subject: String)
    /// The chain is not valid for the requested purpose (e.g. no clientAuth for a TLS client).
    case purposeNotAllowed(subject: String, purpose: CertificatePurpose, reason: String)
    /// Any other verification failure, with OpenSSL's code and text.
    case rejected(subject: String, code: Int32, reason: String)
    /// The leaf does not name exactly one valid agency.
    case agencyUnavailable(CertificateError)
    /// The leaf belongs to another agency than the one expected.
    case agencyMismatch(certificate: AgencyCode, expected: AgencyCode)
    /// OpenSSL failed unexpectedly.
    case openSSL(OpenSSLError)

    public var description: String {
        switch self {
        case .emptyChain: "no certificate to verify"
        case .noTrustAnchors: "a trust store needs at least one CA certificate"
        case .unreadableFile(let path, let reason): "cannot read trust store file \(path): \(reason)"
        case .invalidTrustAnchor(let error): "invalid trust store certificate: \(error)"
        case .expired(let subject, let notAfter):
            "certificate '\(subject)' has expired (notAfter \(Timestamp.format(notAfter)))"
        case .notYetValid(let subject, let notBefore):
            "certificate '\(subject)' is not yet valid (notBefore \(Timestamp.format(notBefore)))"
        case .untrustedIssuer(let subject, let issuer):
            "certificate '\(subject)' is issued by '\(issuer)', which is not in the trust store"
        case .untrustedSelfSigned(let subject):
            "certificate '\(subject)' is self-signed and not in the trust store"
        case .badSignature(let subject): "the signature on certificate '\(subject)' does not verify"
        case .caCertificateAsLeaf(let subject):
            "certificate '\(subject)' is a CA certificate and cannot be used as a signer or TLS peer"
        case .missingDigitalSignatureUsage(let subject):
            "certificate '\(subject)' does not allow digitalSignature in its keyUsage"
        case .purposeNotAllowed(let subject, let purpose, let reason):
            "certificate '\(subject)' is not valid for \(purpose): \(reason)"
        case .rejected(let subject, let code, let reason):
            "certificate '\(subject)' rejected: \(reason) (X509_V_ERR \(code))"
        case .agencyUnavailable(let error): "the certificate does not identify an agency: \(error)"
        case .agencyMismatch(let certificate, let expected):
            "certificate belongs to \(certificate), not \(expected)"
        case .openSSL(let error): "certificate verification failed: \(error)"
        }
    }
}

/// What a verified certificate is going to be used for.
public enum CertificatePurpose: Sendable, Hashable, CustomStringConvertible {
    /// Signing exchange messages (JWS): keyUsage digitalSignature on a non-CA leaf.
    case signing
    /// A TLS client (mTLS peer): additionally extendedKeyUsage clientAuth if the leaf has one.
    case tlsClient
    /// A TLS server: additionally extendedKeyUsage serverAuth if the leaf has one.
    case tlsServer

    public var description: String {
        switch self {
        case .signing: "signing"
        case .tlsClient: "TLS client authentication"
        case .tlsServer: "TLS server authentication"
        }
    }
}
