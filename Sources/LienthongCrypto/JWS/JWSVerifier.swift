import Foundation
import LienthongCore

/// A public key known in advance under a `kid`, and the agency it belongs to.
public struct TrustedKey: Sendable {
    public let publicKey: PublicKey
    public let agency: AgencyCode

    public init(publicKey: PublicKey, agency: AgencyCode) {
        self.publicKey = publicKey
        self.agency = agency
    }
}

/// The result of a successful verification.
public struct VerifiedJWS: Sendable {
    public let header: JWSHeader
    /// The agency that signed: from the verified certificate, or the `kid`'s trusted key.
    public let signer: AgencyCode
    /// The verified signer certificate: the `x5c` leaf or the presented certificate that
    /// `x5t#S256` names (nil when the key came from `kid`).
    public let certificate: Certificate?
}

/// Verifies compact JWS with detached, unencoded payloads as `JWSSigner` makes them.
///
/// Checks, in order: size and shape (three parts, empty payload part), base64url, a JSON object
/// header, `alg` (never `none`), `b64: false` with `crit: ["b64"]` and no other critical
/// extension, exactly one of `x5c` (verified against the trust store at the given time, for
/// signing), `x5t#S256` (the thumbprint of a certificate presented with the message, such as the
/// TLS client certificate, verified the same way) or `kid` (looked up among the trusted keys), an
/// `alg` matching the signer key type,
/// the signature length, the signature itself, and finally, for an envelope, that the signer is
/// the envelope's `From` and that every `Lienthong-*` value equals the signed one.
///
/// A verifier is immutable and safe to share between tasks.
public struct JWSVerifier: Sendable {
    /// The default longest JWS accepted: room for an `x5c` chain of three RSA-4096 certificates.
    public static let defaultMaximumLength = 65_536

    private let trustStore: TrustStore?
    private let trustedKeys: [String: TrustedKey]
    private let maximumLength: Int
    private let chainCache: VerifiedChainCache<[String]>
    private let thumbprintCache: VerifiedChainCache<String>

    /// - Parameters:
    ///   - trustStore: verifies `x5c` chains; without one, `x5c` is refused.
    ///   - trustedKeys: keys by `kid`; without any, `kid` is refused.
    ///   - maximumLength: the longest compact JWS accepted, in bytes.
    ///   - cachedChains: how many verified `x5c` chains to remember (0 verifies every time); a
    ///     remembered chain is reused only while all its certificates are valid.
    public init(
        trustStore: TrustStore?, trustedKeys: [String: TrustedKey] = [:],
        maximumLength: Int = defaultMaximumLength, cachedChains: Int = 256
    ) {
        self.trustStore = trustStore
        self.trustedKeys = trustedKeys
        self.maximumLength = maximumLength
        self.chainCache = VerifiedChainCache(capacity: cachedChains)
        self.thumbprintCache = VerifiedChainCache(capacity: cachedChains)
    }

    /// Verifies the signature of a message and binds it to the message's metadata.
    ///
    /// - Parameters:
    ///   - jws: the `Lienthong-Signature` value.
    ///   - envelope: the message as received: metadata from the HTTP headers, payload from the body
    ///     (after decompression).
    ///   - date: the time at which the signer certificate must be valid.
    ///   - presented: the certificate that came with the message out of band (over mTLS, the TLS
    ///     client certificate); a JWS with `x5t#S256` verifies only when it names this certificate.
    /// - Throws: a `JWSError` naming the first check that failed.
    public func verify(
        _ jws: String, envelope: Envelope, at date: Date = Date(), presented: PresentedCertificate? = nil
    ) throws(JWSError) -> VerifiedJWS {
        let verified = try verify(jws, payload: envelope.payload, at: date, presented: presented)
        guard verified.signer == envelope.from else { throw .signerNotSender(signer: verified.signer, from: envelope.from) }
        try EnvelopeBinding.check(verified.header, against: envelope)
        return verified
    }

    /// Verifies the signature over any payload (e.g. a receipt), without envelope checks.
    public func verify(
        _ jws: String, payload: [UInt8], at date: Date = Date(), presented: PresentedCertificate? = nil
    ) throws(JWSError) -> VerifiedJWS {
        let parts = try CompactParts(jws, maximumLength: maximumLength)
        let headerJSON: [UInt8]
        do { headerJSON = try Base64URL.decode(parts.header) } catch {
            throw .invalidBase64URL(part: "protected header", reason: error.reason)
        }
        let (algorithm, keyReference, members) = try JWSHeaderDecoding.parse(headerJSON).validated()
        let signature: [UInt8]
        do { signature = try Base64URL.decode(parts.signature) } catch {
            throw .invalidBase64URL(part: "signature", reason: error.reason)
        }
        let signer = try resolveSigner(keyReference, at: date, presented: presented)
        guard algorithm.accepts(signer.key.type) else {
            throw .algorithmDoesNotMatchKey(algorithm: algorithm, keyType: signer.key.type)
        }
        let signingInput = JWSSigningInput.make(encodedHeader: parts.header, payload: payload)
        try Self.checkSignature(signature, over: signingInput, key: signer.key, algorithm: algorithm)
        let keyID: String? = if case .keyID(let keyID) = keyReference { keyID } else { nil }
        let thumbprint: String? = if case .certificateThumbprint(let thumbprint) = keyReference { thumbprint } else { nil }
        let header = JWSHeader(
            algorithm: algorithm, keyID: keyID, certificateChain: thumbprint == nil ? signer.chain : [],
            certificateThumbprint: thumbprint, members: members)
        return VerifiedJWS(header: header, signer: signer.agency, certificate: signer.chain.first)
    }

    private static func checkSignature(
        _ signature: [UInt8], over signingInput: [UInt8], key: PublicKey, algorithm: SignatureAlgorithm
    ) throws(JWSError) {
        let valid: Bool
        do { valid = try key.isValidSignature(signature, for: signingInput, algorithm: algorithm) } catch {
            switch error {
            case .invalidSignatureLength(let algorithm, let expected, let actual):
                throw .invalidSignatureLength(algorithm: algorithm, expected: expected, actual: actual)
            case .algorithmDoesNotMatchKey(let algorithm, let keyType):
                throw .algorithmDoesNotMatchKey(algorithm: algorithm, keyType: keyType)
            default:
                throw .signatureOperationFailed(error)
            }
        }
        guard valid else { throw .signatureMismatch }
    }

    private struct Signer {
        let key: PublicKey
        let agency: AgencyCode
        let chain: [Certificate]
    }

    private func resolveSigner(
        _ reference: JWSHeaderEncoding.KeyReference, at date: Date, presented: PresentedCertificate?
    ) throws(JWSError) -> Signer {
        switch reference {
        case .keyID(let keyID):
            guard let trusted = trustedKeys[keyID] else { throw .unknownKeyID(keyID) }
            return Signer(key: trusted.publicKey, agency: trusted.agency, chain: [])
        case .certificateChain(let encoded):
            guard trustStore != nil else { throw .certificatesNotAccepted }
            if let cached = chainCache.entry(for: encoded, at: date) {
                return Signer(key: cached.key, agency: cached.agency, chain: cached.chain)
            }
            var chain: [Certificate] = []
            for (index, text) in encoded.enumerated() {
                guard let der = Data(base64Encoded: text) else {
                    throw .invalidCertificateChain(reason: "entry \(index) is not standard base64")
                }
                do { chain.append(try Certificate(derEncoded: Array(der))) } catch {
                    throw .invalidCertificateChain(reason: "entry \(index): \(error)")
                }
            }
            return try verifiedSigner(chain, at: date, cache: chainCache, key: encoded)
        case .certificateThumbprint(let thumbprint):
            guard trustStore != nil else { throw .certificatesNotAccepted }
            // Only the presented certificate can be the signer's: the JWS alone does not say which
            // certificate it means, and a verifier that remembered others would give answers that
            // depend on what it saw before.
            guard let presented, presented.thumbprint == thumbprint else { throw .certificateNotPresented(thumbprint: thumbprint) }
            if let cached = thumbprintCache.entry(for: thumbprint, at: date) {
                return Signer(key: cached.key, agency: cached.agency, chain: cached.chain)
            }
            return try verifiedSigner(presented.chain, at: date, cache: thumbprintCache, key: thumbprint)
        }
    }

    /// Verifies a signer's chain against the trust store, for signing, and remembers it.
    private func verifiedSigner<Key>(
        _ chain: [Certificate], at date: Date, cache: VerifiedChainCache<Key>, key cacheKey: Key
    ) throws(JWSError) -> Signer {
        guard let trustStore else { throw .certificatesNotAccepted }
        let verified: VerifiedCertificate
        do { verified = try trustStore.verify(chain: chain, at: date, purpose: .signing) } catch {
            throw .untrustedCertificate(error)
        }
        let key: PublicKey
        do { key = try verified.leaf.publicKey() } catch { throw .unsupportedSignerKey(reason: error.description) }
        cache.store(cacheKey, chain: chain, anchoredChain: verified.chain, publicKey: key, agency: verified.agency)
        return Signer(key: key, agency: verified.agency, chain: chain)
    }
}

/// The three parts of a compact JWS with a detached payload.
private struct CompactParts {
    let header: Substring
    let signature: Substring

    init(_ jws: String, maximumLength: Int) throws(JWSError) {
        let length = jws.utf8.count
        guard length <= maximumLength else { throw .tooLarge(length: length, limit: maximumLength) }
        // Split the UTF-8 bytes: String.split walks grapheme clusters, which on a JWS of several
        // kilobytes (x5c) cost more than the signature check itself.
        let parts = jws.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).map { Substring($0) }
        guard parts.count == 3 else {
            throw .malformedCompactSerialization(reason: "expected 3 dot-separated parts, found \(parts.count)")
        }
        guard parts[1].isEmpty else { throw .attachedPayload }
        guard !parts[0].isEmpty else { throw .missingProtectedHeader }
        guard !parts[2].isEmpty else { throw .missingSignature }
        header = parts[0]
        signature = parts[2]
    }
}
