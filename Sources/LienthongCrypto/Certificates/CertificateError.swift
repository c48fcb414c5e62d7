/// Why a certificate or certificate request could not be read, built or interpreted.
public enum CertificateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is not PEM or a block is damaged.
    case malformedPEM(reason: String)
    /// The bytes are not a DER certificate (or request), or hold unreadable fields.
    case malformedDER(reason: String)
    /// A PEM block of another kind, e.g. a private key where a certificate was expected.
    case unexpectedPEMLabel(found: String, expected: String)
    /// The certificate (or request) names no `urn:lienthong:agency:` URI in its subjectAltName.
    case missingAgencyCode(subject: String)
    /// The certificate names several agency URIs; one certificate belongs to one agency.
    case multipleAgencyCodes(subject: String, uris: [String])
    /// The agency URI does not hold a valid agency code.
    case invalidAgencyCode(subject: String, uri: String, reason: String)
    /// The certified public key is not one the gateway signs or verifies with.
    case unsupportedPublicKey(KeyError)
    /// A name given to build a certificate or request is unusable (empty, too long, bad DNS/IP).
    case invalidName(reason: String)
    /// The validity period is empty, reversed or outside what X.509 can encode.
    case invalidValidity(reason: String)
    /// The private key does not belong to the certificate.
    case keyDoesNotMatchCertificate(subject: String)
    /// The certificate cannot issue certificates (no CA:TRUE or no keyCertSign).
    case notACertificateAuthority(subject: String)
    /// The certificate request's self-signature does not verify.
    case invalidRequestSignature(subject: String)
    /// OpenSSL failed unexpectedly.
    case openSSL(OpenSSLError)

    public var description: String {
        switch self {
        case .malformedPEM(let reason): "malformed PEM certificate: \(reason)"
        case .malformedDER(let reason): "malformed DER certificate: \(reason)"
        case .unexpectedPEMLabel(let found, let expected): "the PEM block is '\(found)', expected '\(expected)'"
        case .missingAgencyCode(let subject):
            "certificate '\(subject)' has no agency: expected one subjectAltName URI \(AgencyURI.prefix)<CODE>"
        case .multipleAgencyCodes(let subject, let uris):
            "certificate '\(subject)' names \(uris.count) agencies (\(uris.joined(separator: ", "))); exactly one is allowed"
        case .invalidAgencyCode(let subject, let uri, let reason):
            "certificate '\(subject)' has an invalid agency URI '\(uri)': \(reason)"
        case .unsupportedPublicKey(let error): "the certified public key cannot be used: \(error)"
        case .invalidName(let reason): "invalid name: \(reason)"
        case .invalidValidity(let reason): "invalid validity period: \(reason)"
        case .keyDoesNotMatchCertificate(let subject): "the private key does not belong to certificate '\(subject)'"
        case .notACertificateAuthority(let subject):
            "certificate '\(subject)' is not a certificate authority (needs CA:TRUE and keyCertSign)"
        case .invalidRequestSignature(let subject):
            "the certificate request for '\(subject)' is not signed by its own key"
        case .openSSL(let error): "certificate operation failed: \(error)"
        }
    }
}
