import COpenSSL
import Foundation
import LienthongCore

/// The CA certificates a gateway trusts, and verification of certificate chains against them.
///
/// Verification uses OpenSSL's `X509_verify_cert` with `X509_V_FLAG_X509_STRICT` (RFC 5280
/// conformance checks) at a given time, then applies the gateway's leaf rules: the leaf is not a
/// CA, allows digitalSignature, and names exactly one agency. Trust anchors are self-signed roots
/// (or self-signed agency certificates pinned directly); intermediates travel in the chain.
///
/// A store is safe to use from many tasks at once: each verification has its own
/// `X509_STORE_CTX`, and OpenSSL's `X509_STORE` is designed to be shared between threads.
public final class TrustStore: Sendable {
    private let store: X509StoreHandle
    /// The trusted certificates, in the order given.
    public let certificates: [Certificate]

    /// Trusts `certificates`.
    ///
    /// - Throws: `TrustError.noTrustAnchors` for an empty list, `.openSSL` if OpenSSL fails.
    public init(certificates: [Certificate]) throws(TrustError) {
        guard !certificates.isEmpty else { throw .noTrustAnchors }
        OpenSSLError.clearQueue()
        guard let store = X509_STORE_new() else { throw .openSSL(.drain("X509_STORE_new")) }
        self.store = X509StoreHandle(taking: store)
        for certificate in certificates {
            guard X509_STORE_add_cert(store, certificate.handle.pointer) == 1 else {
                throw .openSSL(.drain("X509_STORE_add_cert"))
            }
        }
        self.certificates = certificates
    }

    /// Trusts every certificate of a PEM document (a CA bundle).
    public convenience init(pemEncoded: String) throws(TrustError) {
        let certificates: [Certificate]
        do { certificates = try Certificate.chain(pemEncoded: pemEncoded) } catch {
            throw .invalidTrustAnchor(error)
        }
        try self.init(certificates: certificates)
    }

    /// Trusts every certificate of the PEM files at `paths`.
    public convenience init(pemFiles paths: [String]) throws(TrustError) {
        var certificates: [Certificate] = []
        for path in paths {
            let text: String
            do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
                throw .unreadableFile(path: path, reason: error.localizedDescription)
            }
            do { certificates += try Certificate.chain(pemEncoded: text) } catch {
                throw .invalidTrustAnchor(error)
            }
        }
        try self.init(certificates: certificates)
    }

    /// Verifies `chain` (leaf first, then any intermediates) at `date` for `purpose`.
    ///
    /// - Returns: the leaf and the agency it belongs to.
    /// - Throws: `TrustError` naming the failing certificate: `.expired`, `.notYetValid`,
    ///   `.untrustedIssuer`, `.untrustedSelfSigned`, `.badSignature`, `.caCertificateAsLeaf`,
    ///   `.missingDigitalSignatureUsage`, `.purposeNotAllowed`, `.rejected`, `.agencyUnavailable`.
    public func verify(
        chain: [Certificate], at date: Date = Date(), purpose: CertificatePurpose = .signing
    ) throws(TrustError) -> VerifiedCertificate {
        guard let leaf = chain.first else { throw .emptyChain }
        let built = try withExtendedLifetime(chain) { () throws(TrustError) -> [Certificate] in
            try buildVerifiedChain(leaf: leaf, intermediates: chain.dropFirst(), at: date, purpose: purpose, known: chain)
        }
        try Self.checkLeafRules(leaf)
        let agency: AgencyCode
        do { agency = try leaf.agencyCode() } catch { throw .agencyUnavailable(error) }
        return VerifiedCertificate(leaf: leaf, agency: agency, chain: built)
    }

    /// Verifies `chain` as `verify(chain:at:purpose:)` does and requires its leaf to belong to `agency`.
    ///
    /// - Throws: everything `verify(chain:at:purpose:)` throws, and `TrustError.agencyMismatch`
    ///   ("certificate belongs to X, not Y").
    public func verify(
        chain: [Certificate], belongsTo agency: AgencyCode, at date: Date = Date(),
        purpose: CertificatePurpose = .signing
    ) throws(TrustError) -> VerifiedCertificate {
        let verified = try verify(chain: chain, at: date, purpose: purpose)
        guard verified.agency == agency else { throw .agencyMismatch(certificate: verified.agency, expected: agency) }
        return verified
    }

    // MARK: - OpenSSL verification

    private func buildVerifiedChain(
        leaf: Certificate, intermediates: ArraySlice<Certificate>, at date: Date,
        purpose: CertificatePurpose, known: [Certificate]
    ) throws(TrustError) -> [Certificate] {
        OpenSSLError.clearQueue()
        guard let context = X509_STORE_CTX_new() else { throw .openSSL(.drain("X509_STORE_CTX_new")) }
        defer { X509_STORE_CTX_free(context) }
        guard let untrusted = lt_sk_X509_new_null() else { throw .openSSL(.drain("sk_X509_new_null")) }
        // The stack only borrows the certificates; `verify` keeps them alive.
        defer { lt_sk_X509_free(untrusted) }
        for certificate in intermediates where lt_sk_X509_push(untrusted, certificate.handle.pointer) <= 0 {
            throw .openSSL(.drain("sk_X509_push"))
        }
        guard X509_STORE_CTX_init(context, store.pointer, leaf.handle.pointer, untrusted) == 1 else {
            throw .openSSL(.drain("X509_STORE_CTX_init"))
        }
        X509_STORE_CTX_set_flags(context, UInt(X509_V_FLAG_X509_STRICT))
        X509_STORE_CTX_set_time(context, 0, time_t(date.timeIntervalSince1970.rounded(.down)))
        switch purpose {
        case .signing: break
        case .tlsClient: X509_STORE_CTX_set_purpose(context, X509_PURPOSE_SSL_CLIENT)
        case .tlsServer: X509_STORE_CTX_set_purpose(context, X509_PURPOSE_SSL_SERVER)
        }
        guard X509_verify_cert(context) == 1 else {
            OpenSSLError.clearQueue()
            throw Self.failure(of: context, purpose: purpose)
        }
        return try verifiedChain(of: context, known: known)
    }

    /// The chain OpenSSL built, as the `Certificate` objects already held where possible.
    private func verifiedChain(of context: OpaquePointer, known: [Certificate]) throws(TrustError) -> [Certificate] {
        guard let stack = X509_STORE_CTX_get1_chain(context) else { throw .openSSL(.drain("X509_STORE_CTX_get1_chain")) }
        defer { lt_sk_X509_pop_free(stack) }
        let candidates = known + certificates
        var chain: [Certificate] = []
        for index in 0..<lt_sk_X509_num(stack) {
            guard let x509 = lt_sk_X509_value(stack, index) else { continue }
            if let certificate = candidates.first(where: { $0.handle.pointer == x509 }) {
                chain.append(certificate)
                continue
            }
            let der: [UInt8]
            do { der = try encodeDER("i2d_X509") { i2d_X509(x509, $0) } } catch { throw .openSSL(error) }
            do { chain.append(try Certificate(derEncoded: der)) } catch {
                throw .openSSL(OpenSSLError(operation: "reading the verified chain", messages: [error.description], codes: []))
            }
        }
        return chain
    }

    /// Maps OpenSSL's verification error to a `TrustError` naming the certificate at fault.
    private static func failure(of context: OpaquePointer, purpose: CertificatePurpose) -> TrustError {
        let code = X509_STORE_CTX_get_error(context)
        let reason = X509_verify_cert_error_string(Int(code)).map { String(cString: $0) } ?? "unknown error"
        let current = X509_STORE_CTX_get_current_cert(context)
        let subject = current.flatMap { name(X509_get_subject_name($0)) } ?? "?"
        let issuer = current.flatMap { name(X509_get_issuer_name($0)) } ?? "?"
        switch code {
        case X509_V_ERR_CERT_HAS_EXPIRED:
            let notAfter = current.flatMap { X509_get0_notAfter($0) }.flatMap(ASN1Time.date) ?? .distantPast
            return .expired(subject: subject, notAfter: notAfter)
        case X509_V_ERR_CERT_NOT_YET_VALID:
            let notBefore = current.flatMap { X509_get0_notBefore($0) }.flatMap(ASN1Time.date) ?? .distantFuture
            return .notYetValid(subject: subject, notBefore: notBefore)
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY,
             X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
            return .untrustedIssuer(subject: subject, issuer: issuer)
        case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT, X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
            return .untrustedSelfSigned(subject: subject)
        case X509_V_ERR_CERT_SIGNATURE_FAILURE:
            return .badSignature(subject: subject)
        case X509_V_ERR_INVALID_PURPOSE:
            return .purposeNotAllowed(subject: subject, purpose: purpose, reason: reason)
        default:
            return .rejected(subject: subject, code: code, reason: reason)
        }
    }

    private static func name(_ name: OpaquePointer?) -> String? {
        guard let name else { return nil }
        return (try? DistinguishedName(reading: name))?.description
    }

    /// The gateway's own rules for the certificate that signs or authenticates.
    private static func checkLeafRules(_ leaf: Certificate) throws(TrustError) {
        let subject = leaf.subject.description
        guard !leaf.isCA else { throw .caCertificateAsLeaf(subject: subject) }
        guard leaf.keyUsage?.contains(.digitalSignature) == true else {
            throw .missingDigitalSignatureUsage(subject: subject)
        }
    }
}

/// Owns an OpenSSL `X509_STORE`.
///
/// `@unchecked Sendable` is safe because the store is filled once in `TrustStore.init` and only
/// read afterwards; OpenSSL locks its internal object cache for concurrent verifications.
final class X509StoreHandle: @unchecked Sendable {
    let pointer: OpaquePointer

    init(taking pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit { X509_STORE_free(pointer) }
}
