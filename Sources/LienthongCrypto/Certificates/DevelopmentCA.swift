import COpenSSL
import LienthongCore

/// A small certificate authority for development, tests and pilots (what `lienthong keys` uses):
/// a CA key with its certificate, issuing agency certificates that both sign messages (JWS) and
/// serve mutual TLS.
///
/// What it issues passes OpenSSL's strict RFC 5280 checks (`X509_V_FLAG_X509_STRICT`):
/// - CA: basicConstraints `CA:TRUE` (critical), keyUsage `keyCertSign, cRLSign` (critical),
///   subjectKeyIdentifier, authorityKeyIdentifier when issued by another CA.
/// - Agency: basicConstraints `CA:FALSE` (critical), keyUsage `digitalSignature` (critical; plus
///   `keyEncipherment` for RSA), extendedKeyUsage `serverAuth, clientAuth`, subjectAltName with
///   the agency URI and optional DNS names and IP addresses, subject and authority key
///   identifiers, a random 128-bit serial, SHA-256 signatures (none for Ed25519).
public struct DevelopmentCA: Sendable {
    public let key: PrivateKey
    public let certificate: Certificate

    /// Uses an existing CA key and certificate (e.g. loaded from disk).
    ///
    /// - Throws: `CertificateError.notACertificateAuthority` or `.keyDoesNotMatchCertificate`.
    public init(key: PrivateKey, certificate: Certificate) throws(CertificateError) {
        let subject = certificate.subject.description
        guard certificate.isCA, certificate.keyUsage?.contains(.keyCertSign) ?? true else {
            throw .notACertificateAuthority(subject: subject)
        }
        OpenSSLError.clearQueue()
        guard X509_check_private_key(certificate.handle.pointer, key.key.pointer) == 1 else {
            OpenSSLError.clearQueue()
            throw .keyDoesNotMatchCertificate(subject: subject)
        }
        self.key = key
        self.certificate = certificate
    }

    /// Creates a root CA with a self-signed certificate.
    public static func create(
        key: PrivateKey, commonName: String, organization: String? = nil,
        validity: CertificateValidity = .days(3650)
    ) throws(CertificateError) -> DevelopmentCA {
        let subject = DistinguishedName(commonName: commonName, organization: organization)
        let profile = CertificateProfile.authority(subject: subject, key: key.publicKey, validity: validity, pathLength: nil)
        let certificate = try CertificateBuilder.issue(profile, issuer: nil, signingKey: key)
        return try DevelopmentCA(key: key, certificate: certificate)
    }

    /// Issues an intermediate CA (pathLen 0: it may issue only agency certificates).
    public func issueIntermediate(
        key intermediateKey: PrivateKey, commonName: String, organization: String? = nil,
        validity: CertificateValidity = .days(1825)
    ) throws(CertificateError) -> DevelopmentCA {
        let subject = DistinguishedName(commonName: commonName, organization: organization)
        let profile = CertificateProfile.authority(
            subject: subject, key: intermediateKey.publicKey, validity: validity, pathLength: 0)
        let certificate = try CertificateBuilder.issue(profile, issuer: self.certificate, signingKey: key)
        return try DevelopmentCA(key: intermediateKey, certificate: certificate)
    }

    /// Issues an agency certificate for a request, copying its subject and requested
    /// subjectAltName (which must name exactly one agency).
    ///
    /// - Throws: `CertificateError.missingAgencyCode`/`.multipleAgencyCodes`/`.invalidAgencyCode`,
    ///   `.unsupportedPublicKey`, `.invalidValidity`.
    public func issueCertificate(
        for request: CertificateSigningRequest, validity: CertificateValidity = .days(365)
    ) throws(CertificateError) -> Certificate {
        _ = try request.agencyCode()
        let profile = CertificateProfile.agency(
            subject: request.subject, key: try request.publicKey(), validity: validity,
            alternativeNames: request.subjectAlternativeNames)
        return try CertificateBuilder.issue(profile, issuer: certificate, signingKey: key)
    }

    /// Issues an agency certificate for a public key directly (no request).
    public func issueCertificate(
        for publicKey: PublicKey, agency: AgencyCode, commonName: String, organization: String? = nil,
        dnsNames: [String] = [], ipAddresses: [String] = [], validity: CertificateValidity = .days(365)
    ) throws(CertificateError) -> Certificate {
        let profile = CertificateProfile.agency(
            subject: DistinguishedName(commonName: commonName, organization: organization), key: publicKey,
            validity: validity,
            alternativeNames: SubjectAlternativeNames(
                uris: [AgencyURI.uri(for: agency)], dnsNames: dnsNames, ipAddresses: ipAddresses))
        return try CertificateBuilder.issue(profile, issuer: certificate, signingKey: key)
    }

    /// A self-signed agency certificate (no CA): for two gateways that pin each other's
    /// certificate in their trust stores.
    public static func selfSignedCertificate(
        key: PrivateKey, agency: AgencyCode, commonName: String, organization: String? = nil,
        dnsNames: [String] = [], ipAddresses: [String] = [], validity: CertificateValidity = .days(365)
    ) throws(CertificateError) -> Certificate {
        let profile = CertificateProfile.agency(
            subject: DistinguishedName(commonName: commonName, organization: organization), key: key.publicKey,
            validity: validity,
            alternativeNames: SubjectAlternativeNames(
                uris: [AgencyURI.uri(for: agency)], dnsNames: dnsNames, ipAddresses: ipAddresses))
        return try CertificateBuilder.issue(profile, issuer: nil, signingKey: key)
    }
}
