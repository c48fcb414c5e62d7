import COpenSSL
import Foundation
import LienthongCore

/// An X.509 certificate, parsed once and read-only afterwards.
///
/// The fields a gateway reads on every message (names, validity, usages, subjectAltName) are
/// decoded when the certificate is loaded, so a certificate that cannot be read is refused at once
/// rather than failing later in the middle of a verification.
public final class Certificate: Sendable, Hashable, CustomStringConvertible {
    let handle: X509Handle
    /// The DER encoding, exactly as received.
    public let derEncoded: [UInt8]
    public let subject: DistinguishedName
    public let issuer: DistinguishedName
    /// The serial number in upper-case hexadecimal of whole bytes, without separators (as
    /// `openssl x509 -serial` prints it).
    public let serialNumber: String
    public let notBefore: Date
    public let notAfter: Date
    /// SHA-256 over the DER encoding.
    public let sha256Fingerprint: [UInt8]
    /// Whether basicConstraints says `CA:TRUE`.
    public let isCA: Bool
    /// The keyUsage extension, or nil when the certificate has none.
    public let keyUsage: KeyUsage?
    /// The extendedKeyUsage extension, or nil when the certificate has none.
    public let extendedKeyUsage: ExtendedKeyUsage?
    /// URIs, DNS names and IP addresses of the subjectAltName extension (empty without one).
    public let subjectAlternativeNames: SubjectAlternativeNames

    /// Loads one DER certificate.
    ///
    /// - Throws: `CertificateError.malformedDER` for anything that is not exactly one readable
    ///   certificate.
    public convenience init(derEncoded der: [UInt8]) throws(CertificateError) {
        OpenSSLError.clearQueue()
        guard let pointer = decodeDERFully(der, free: { X509_free($0) }, { d2i_X509(nil, $0, $1) }) else {
            let error = OpenSSLError.drain("d2i_X509")
            let reason = error.messages.isEmpty ? "not a single X.509 certificate" : error.messages.joined(separator: "; ")
            throw .malformedDER(reason: reason)
        }
        try self.init(X509Handle(taking: pointer), der: der)
    }

    /// Loads one PEM certificate (`-----BEGIN CERTIFICATE-----`).
    ///
    /// - Throws: `CertificateError.malformedPEM` (also when the text holds several blocks: use
    ///   `Certificate.chain(pemEncoded:)`), `.unexpectedPEMLabel` or `.malformedDER`.
    public convenience init(pemEncoded: String) throws(CertificateError) {
        let blocks = try Self.pemBlocks(pemEncoded)
        guard blocks.count == 1, let block = blocks.first else {
            throw .malformedPEM(reason: "expected one certificate, found \(blocks.count)")
        }
        try self.init(derEncoded: block.der)
    }

    /// Loads every certificate of a PEM document, in order (a chain is leaf first).
    ///
    /// - Throws: `CertificateError.malformedPEM` when there is no block or a block is damaged,
    ///   `.unexpectedPEMLabel` for a block that is not a certificate, `.malformedDER`.
    public static func chain(pemEncoded: String) throws(CertificateError) -> [Certificate] {
        var certificates: [Certificate] = []
        for block in try pemBlocks(pemEncoded) {
            certificates.append(try Certificate(derEncoded: block.der))
        }
        return certificates
    }

    private static func pemBlocks(_ text: String) throws(CertificateError) -> [PEMBlock] {
        let blocks: [PEMBlock]
        do { blocks = try PEMBlock.parseAll(Array(text.utf8)) } catch {
            throw .malformedPEM(reason: error.description)
        }
        for block in blocks where block.label != "CERTIFICATE" {
            throw .unexpectedPEMLabel(found: block.label, expected: "CERTIFICATE")
        }
        return blocks
    }

    /// Reads every field from a parsed certificate; `der` must be its encoding.
    init(_ handle: X509Handle, der: [UInt8]) throws(CertificateError) {
        let x509 = handle.pointer
        self.handle = handle
        self.derEncoded = der
        guard let subjectName = X509_get_subject_name(x509), let issuerName = X509_get_issuer_name(x509) else {
            throw .malformedDER(reason: "certificate without subject or issuer")
        }
        subject = try DistinguishedName(reading: subjectName)
        issuer = try DistinguishedName(reading: issuerName)
        serialNumber = try Self.serialNumber(of: x509)
        guard let start = X509_get0_notBefore(x509).flatMap(ASN1Time.date),
              let end = X509_get0_notAfter(x509).flatMap(ASN1Time.date)
        else { throw .malformedDER(reason: "unreadable validity dates") }
        notBefore = start
        notAfter = end
        do { sha256Fingerprint = try Digest.sha256(der) } catch { throw .openSSL(error) }
        // Computing the flags fills OpenSSL's extension cache now, while no other thread sees x509.
        let flags = X509_get_extension_flags(x509)
        guard flags & UInt32(EXFLAG_INVALID) == 0 else {
            throw .malformedDER(reason: "invalid or duplicate extensions")
        }
        isCA = flags & UInt32(EXFLAG_CA) != 0
        keyUsage = flags & UInt32(EXFLAG_KUSAGE) != 0 ? KeyUsage(rawValue: X509_get_key_usage(x509)) : nil
        extendedKeyUsage = flags & UInt32(EXFLAG_XKUSAGE) != 0
            ? ExtendedKeyUsage(rawValue: X509_get_extended_key_usage(x509)) : nil
        subjectAlternativeNames = try Self.subjectAlternativeNames(of: x509)
    }

    /// The certificate as PEM.
    public var pemEncoded: String { PEMBlock.encode(label: "CERTIFICATE", der: derEncoded) }

    /// Whether subject and issuer are the same name (a root or a self-signed leaf).
    public var isSelfIssued: Bool { subject == issuer }

    /// The certified public key.
    ///
    /// - Throws: `CertificateError.unsupportedPublicKey` for key types the gateway does not use
    ///   (a CA may have one; a signer may not).
    public func publicKey() throws(CertificateError) -> PublicKey {
        OpenSSLError.clearQueue()
        guard let key = X509_get_pubkey(handle.pointer) else {
            throw .unsupportedPublicKey(.malformedDER(reason: OpenSSLError.drain("X509_get_pubkey").description))
        }
        do {
            return try PublicKey(EVPKey(taking: key))
        } catch {
            throw .unsupportedPublicKey(error)
        }
    }

    /// The agency this certificate belongs to.
    ///
    /// The code is read from the one subjectAltName URI of the form `urn:lienthong:agency:<CODE>`
    /// (see `AgencyURI`), never from the subject: the CN is the agency's human name.
    ///
    /// - Throws: `CertificateError.missingAgencyCode` without such a URI,
    ///   `.multipleAgencyCodes` with more than one, `.invalidAgencyCode` when the code is malformed.
    public func agencyCode() throws(CertificateError) -> AgencyCode {
        try AgencyURI.agencyCode(in: subjectAlternativeNames.uris, subject: subject.description)
    }

    /// The SHA-256 fingerprint as colon-separated upper-case hex, as `openssl x509 -fingerprint` prints it.
    public var sha256FingerprintHex: String {
        sha256Fingerprint.map { byte in
            let hex = String(byte, radix: 16, uppercase: true)
            return byte < 16 ? "0" + hex : hex
        }.joined(separator: ":")
    }

    public static func == (lhs: Certificate, rhs: Certificate) -> Bool { lhs.derEncoded == rhs.derEncoded }

    public func hash(into hasher: inout Hasher) { hasher.combine(derEncoded) }

    public var description: String {
        "Certificate(subject: \(subject), issuer: \(issuer), serial: \(serialNumber), "
            + "valid: \(Timestamp.format(notBefore)) to \(Timestamp.format(notAfter)))"
    }

    // MARK: - Field decoding

    private static func serialNumber(of x509: OpaquePointer) throws(CertificateError) -> String {
        OpenSSLError.clearQueue()
        guard let integer = X509_get0_serialNumber(x509), let number = ASN1_INTEGER_to_BN(integer, nil) else {
            throw .malformedDER(reason: "unreadable serial number")
        }
        defer { BN_free(number) }
        guard let hex = BN_bn2hex(number) else { throw .openSSL(.drain("BN_bn2hex")) }
        defer { lt_OPENSSL_free(hex) }
        return String(cString: hex)
    }

    private static func subjectAlternativeNames(of x509: OpaquePointer) throws(CertificateError) -> SubjectAlternativeNames {
        var critical: Int32 = 0
        guard let names = X509_get_ext_d2i(x509, NID_subject_alt_name, &critical, nil) else {
            OpenSSLError.clearQueue()
            // -1: no such extension. Anything else (duplicates, undecodable) is a broken certificate.
            guard critical == -1 else { throw .malformedDER(reason: "unreadable subjectAltName extension") }
            return SubjectAlternativeNames()
        }
        let stack = OpaquePointer(names)
        defer { lt_GENERAL_NAMES_free(stack) }
        return SubjectAlternativeNames(reading: stack)
    }
}
