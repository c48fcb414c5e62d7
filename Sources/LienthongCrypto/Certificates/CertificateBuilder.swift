import COpenSSL

/// The contents of a certificate the development PKI issues.
struct CertificateProfile {
    var subject: DistinguishedName
    var subjectKey: PublicKey
    var validity: CertificateValidity
    var isCA: Bool
    /// basicConstraints pathLenConstraint, for CAs only.
    var pathLength: Int?
    var keyUsage: KeyUsage
    var extendedKeyUsage: ExtendedKeyUsage?
    var subjectAlternativeNames: SubjectAlternativeNames

    /// An end-entity certificate for an agency gateway: it signs messages and serves mTLS.
    static func agency(
        subject: DistinguishedName, key: PublicKey, validity: CertificateValidity,
        alternativeNames: SubjectAlternativeNames
    ) -> CertificateProfile {
        var usage: KeyUsage = .digitalSignature
        // TLS with RSA key exchange encrypts to the certificate key.
        if case .rsa = key.type { usage.insert(.keyEncipherment) }
        return CertificateProfile(
            subject: subject, subjectKey: key, validity: validity, isCA: false, pathLength: nil,
            keyUsage: usage, extendedKeyUsage: [.serverAuth, .clientAuth],
            subjectAlternativeNames: alternativeNames)
    }

    /// A certificate authority (root when self-signed, intermediate otherwise).
    static func authority(
        subject: DistinguishedName, key: PublicKey, validity: CertificateValidity, pathLength: Int?
    ) -> CertificateProfile {
        CertificateProfile(
            subject: subject, subjectKey: key, validity: validity, isCA: true, pathLength: pathLength,
            keyUsage: [.keyCertSign, .cRLSign], extendedKeyUsage: nil,
            subjectAlternativeNames: SubjectAlternativeNames())
    }
}

/// Builds and signs X.509 v3 certificates with OpenSSL.
enum CertificateBuilder {
    /// Issues a certificate for `profile`, signed by `signingKey`: by `issuer`'s key, or
    /// self-signed when `issuer` is nil (then `signingKey` must be the subject key).
    ///
    /// SHA-256 is the digest for ECDSA and RSA (PKCS#1 v1.5); Ed25519 signs without one. The serial
    /// is 128 random bits.
    static func issue(
        _ profile: CertificateProfile, issuer: Certificate?, signingKey: PrivateKey
    ) throws(CertificateError) -> Certificate {
        try profile.validity.validate()
        OpenSSLError.clearQueue()
        guard let x509 = X509_new() else { throw .openSSL(.drain("X509_new")) }
        defer { X509_free(x509) }
        guard X509_set_version(x509, Int(X509_VERSION_3)) == 1 else { throw .openSSL(.drain("X509_set_version")) }
        try setRandomSerial(x509)
        try setNames(x509, subject: profile.subject, issuer: issuer)
        guard let notBefore = X509_getm_notBefore(x509), ASN1Time.set(notBefore, to: profile.validity.notBefore),
              let notAfter = X509_getm_notAfter(x509), ASN1Time.set(notAfter, to: profile.validity.notAfter)
        else { throw .openSSL(.drain("ASN1_TIME_set")) }
        guard X509_set_pubkey(x509, profile.subjectKey.key.pointer) == 1 else {
            throw .openSSL(.drain("X509_set_pubkey"))
        }
        try addExtensions(profile, to: x509, issuer: issuer?.handle.pointer)
        let digest: OpaquePointer? = signingKey.type == .ed25519 ? nil : EVP_sha256()
        guard X509_sign(x509, signingKey.key.pointer, digest) > 0 else { throw .openSSL(.drain("X509_sign")) }
        let der: [UInt8]
        do { der = try encodeDER("i2d_X509") { i2d_X509(x509, $0) } } catch { throw .openSSL(error) }
        // Re-parse: every Certificate wraps an X509 decoded from DER and never modified.
        return try Certificate(derEncoded: der)
    }

    private static func setRandomSerial(_ x509: OpaquePointer) throws(CertificateError) {
        var bytes: [UInt8]
        do {
            repeat { bytes = try SecureRandom.bytes(count: 16) } while bytes.allSatisfy { $0 == 0 }
        } catch { throw .openSSL(error) }
        guard let number = BN_bin2bn(bytes, Int32(bytes.count), nil) else { throw .openSSL(.drain("BN_bin2bn")) }
        defer { BN_free(number) }
        guard BN_to_ASN1_INTEGER(number, X509_get_serialNumber(x509)) != nil else {
            throw .openSSL(.drain("BN_to_ASN1_INTEGER"))
        }
    }

    private static func setNames(_ x509: OpaquePointer, subject: DistinguishedName, issuer: Certificate?) throws(CertificateError) {
        guard subject.commonName != nil else { throw .invalidName(reason: "the subject needs a common name (CN)") }
        let subjectName = try subject.makeX509Name()
        defer { X509_NAME_free(subjectName) }
        guard X509_set_subject_name(x509, subjectName) == 1 else { throw .openSSL(.drain("X509_set_subject_name")) }
        let issuerName = issuer.flatMap { X509_get_subject_name($0.handle.pointer) } ?? subjectName
        guard X509_set_issuer_name(x509, issuerName) == 1 else { throw .openSSL(.drain("X509_set_issuer_name")) }
    }

    private static func addExtensions(
        _ profile: CertificateProfile, to x509: OpaquePointer, issuer: OpaquePointer?
    ) throws(CertificateError) {
        var context = X509V3_CTX()
        X509V3_set_ctx(&context, issuer ?? x509, x509, nil, nil, 0)
        var basicConstraints = profile.isCA ? "critical,CA:TRUE" : "critical,CA:FALSE"
        if profile.isCA, let pathLength = profile.pathLength { basicConstraints += ",pathlen:\(pathLength)" }
        try add(NID_basic_constraints, basicConstraints, to: x509, context: &context)
        try add(NID_key_usage, "critical," + profile.keyUsage.description, to: x509, context: &context)
        if let extendedKeyUsage = profile.extendedKeyUsage {
            try add(NID_ext_key_usage, extendedKeyUsage.description, to: x509, context: &context)
        }
        try add(NID_subject_key_identifier, "hash", to: x509, context: &context)
        if issuer != nil {
            try add(NID_authority_key_identifier, "keyid:always", to: x509, context: &context)
        }
        if !profile.subjectAlternativeNames.isEmpty {
            let names = try profile.subjectAlternativeNames.makeGeneralNames()
            defer { lt_GENERAL_NAMES_free(names) }
            guard X509_add1_ext_i2d(x509, NID_subject_alt_name, UnsafeMutableRawPointer(names), 0, UInt(X509V3_ADD_DEFAULT)) == 1 else {
                throw .openSSL(.drain("adding subjectAltName"))
            }
        }
    }

    /// Adds one extension from a fixed OpenSSL configuration value (never from caller text).
    private static func add(
        _ nid: Int32, _ value: String, to x509: OpaquePointer, context: inout X509V3_CTX
    ) throws(CertificateError) {
        guard let ext = X509V3_EXT_conf_nid(nil, &context, nid, value) else {
            throw .openSSL(.drain("building extension \(value)"))
        }
        defer { X509_EXTENSION_free(ext) }
        guard X509_add_ext(x509, ext, -1) == 1 else { throw .openSSL(.drain("X509_add_ext")) }
    }
}
