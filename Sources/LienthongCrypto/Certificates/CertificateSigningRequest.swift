import COpenSSL
import LienthongCore

/// A PKCS#10 certificate signing request for an agency gateway: subject (CN = human name,
/// optional O), the agency URI and optional TLS names in a requested subjectAltName, signed by the
/// requester's key.
public final class CertificateSigningRequest: Sendable, CustomStringConvertible {
    let handle: X509RequestHandle
    /// The DER encoding.
    public let derEncoded: [UInt8]
    public let subject: DistinguishedName
    /// The requested subjectAltName (agency URI, DNS names, IP addresses).
    public let subjectAlternativeNames: SubjectAlternativeNames

    /// Creates and signs a request.
    ///
    /// - Parameters:
    ///   - key: the key to certify; it signs the request.
    ///   - agency: written as the subjectAltName URI `urn:lienthong:agency:<CODE>`.
    ///   - commonName: the agency's human name (CN).
    ///   - dnsNames, ipAddresses: extra subjectAltName entries for TLS.
    /// - Throws: `CertificateError.invalidName` for unusable names, `.openSSL` otherwise.
    public convenience init(
        key: PrivateKey, agency: AgencyCode, commonName: String, organization: String? = nil,
        dnsNames: [String] = [], ipAddresses: [String] = []
    ) throws(CertificateError) {
        try self.init(
            key: key, subject: DistinguishedName(commonName: commonName, organization: organization),
            alternativeNames: SubjectAlternativeNames(
                uris: [AgencyURI.uri(for: agency)], dnsNames: dnsNames, ipAddresses: ipAddresses))
    }

    /// Creates and signs a request with any subject and subjectAltName (tests use it to build
    /// requests the public initialiser cannot, e.g. without an agency).
    convenience init(
        key: PrivateKey, subject: DistinguishedName, alternativeNames: SubjectAlternativeNames
    ) throws(CertificateError) {
        try self.init(derEncoded: Self.build(key: key, subject: subject, alternativeNames: alternativeNames))
    }

    /// Loads a PEM request (`-----BEGIN CERTIFICATE REQUEST-----`) and checks its self-signature.
    ///
    /// - Throws: `CertificateError.malformedPEM`, `.unexpectedPEMLabel`, `.malformedDER` or
    ///   `.invalidRequestSignature`.
    public convenience init(pemEncoded: String) throws(CertificateError) {
        let block: PEMBlock
        do { block = try PEMBlock.parseSingle(Array(pemEncoded.utf8)) } catch {
            throw .malformedPEM(reason: error.description)
        }
        guard block.label == "CERTIFICATE REQUEST" || block.label == "NEW CERTIFICATE REQUEST" else {
            throw .unexpectedPEMLabel(found: block.label, expected: "CERTIFICATE REQUEST")
        }
        try self.init(derEncoded: block.der)
    }

    /// Loads a DER request and checks its self-signature.
    public init(derEncoded der: [UInt8]) throws(CertificateError) {
        OpenSSLError.clearQueue()
        guard let request = decodeDERFully(der, free: { X509_REQ_free($0) }, { d2i_X509_REQ(nil, $0, $1) }) else {
            throw .malformedDER(reason: "not a PKCS#10 request: " + OpenSSLError.drain("d2i_X509_REQ").messages.joined(separator: "; "))
        }
        handle = X509RequestHandle(taking: request)
        derEncoded = der
        guard let name = X509_REQ_get_subject_name(request) else { throw .malformedDER(reason: "request without subject") }
        subject = try DistinguishedName(reading: name)
        guard let key = X509_REQ_get0_pubkey(request), X509_REQ_verify(request, key) == 1 else {
            OpenSSLError.clearQueue()
            throw .invalidRequestSignature(subject: subject.description)
        }
        subjectAlternativeNames = try Self.requestedAlternativeNames(request)
    }

    /// The request as PEM.
    public var pemEncoded: String { PEMBlock.encode(label: "CERTIFICATE REQUEST", der: derEncoded) }

    /// The key to be certified.
    ///
    /// - Throws: `CertificateError.unsupportedPublicKey` for key types the gateway does not use.
    public func publicKey() throws(CertificateError) -> PublicKey {
        OpenSSLError.clearQueue()
        guard let key = X509_REQ_get_pubkey(handle.pointer) else {
            throw .unsupportedPublicKey(.malformedDER(reason: OpenSSLError.drain("X509_REQ_get_pubkey").description))
        }
        do { return try PublicKey(EVPKey(taking: key)) } catch { throw .unsupportedPublicKey(error) }
    }

    /// The agency named by the requested subjectAltName URI (see `Certificate.agencyCode()`).
    public func agencyCode() throws(CertificateError) -> AgencyCode {
        try AgencyURI.agencyCode(in: subjectAlternativeNames.uris, subject: subject.description)
    }

    public var description: String { "CertificateSigningRequest(subject: \(subject))" }

    // MARK: - OpenSSL

    private static func build(
        key: PrivateKey, subject: DistinguishedName, alternativeNames: SubjectAlternativeNames
    ) throws(CertificateError) -> [UInt8] {
        OpenSSLError.clearQueue()
        guard let request = X509_REQ_new() else { throw .openSSL(.drain("X509_REQ_new")) }
        defer { X509_REQ_free(request) }
        let name = try subject.makeX509Name()
        defer { X509_NAME_free(name) }
        guard X509_REQ_set_version(request, 0) == 1,  // PKCS#10 knows only version 1 (0)
              X509_REQ_set_subject_name(request, name) == 1,
              X509_REQ_set_pubkey(request, key.key.pointer) == 1
        else { throw .openSSL(.drain("filling X509_REQ")) }
        try addAlternativeNames(alternativeNames, to: request)
        let digest: OpaquePointer? = key.type == .ed25519 ? nil : EVP_sha256()
        guard X509_REQ_sign(request, key.key.pointer, digest) > 0 else { throw .openSSL(.drain("X509_REQ_sign")) }
        do { return try encodeDER("i2d_X509_REQ") { i2d_X509_REQ(request, $0) } } catch { throw .openSSL(error) }
    }

    private static func addAlternativeNames(_ names: SubjectAlternativeNames, to request: OpaquePointer) throws(CertificateError) {
        let generalNames = try names.makeGeneralNames()
        defer { lt_GENERAL_NAMES_free(generalNames) }
        var extensions = lt_sk_X509_EXTENSION_new_null()
        defer { lt_sk_X509_EXTENSION_pop_free(extensions) }
        guard extensions != nil,
              X509V3_add1_i2d(&extensions, NID_subject_alt_name, UnsafeMutableRawPointer(generalNames), 0, UInt(X509V3_ADD_DEFAULT)) == 1,
              X509_REQ_add_extensions(request, extensions) == 1
        else { throw .openSSL(.drain("adding the requested subjectAltName")) }
    }

    private static func requestedAlternativeNames(_ request: OpaquePointer) throws(CertificateError) -> SubjectAlternativeNames {
        guard let extensions = X509_REQ_get_extensions(request) else {
            OpenSSLError.clearQueue()
            return SubjectAlternativeNames()
        }
        defer { lt_sk_X509_EXTENSION_pop_free(extensions) }
        var critical: Int32 = 0
        guard let names = X509V3_get_d2i(extensions, NID_subject_alt_name, &critical, nil) else {
            OpenSSLError.clearQueue()
            guard critical == -1 else { throw .malformedDER(reason: "unreadable requested subjectAltName") }
            return SubjectAlternativeNames()
        }
        let stack = OpaquePointer(names)
        defer { lt_GENERAL_NAMES_free(stack) }
        return SubjectAlternativeNames(reading: stack)
    }
}
