import Foundation
import LienthongCore

/// Signs exchange messages as compact JWS with a detached, unencoded payload (RFC 7515, RFC 7797):
/// `BASE64URL(header) + ".." + BASE64URL(signature)`.
///
/// The signing input is `ASCII(BASE64URL(UTF8(header))) || "." || payload`: the payload bytes are
/// signed exactly as they travel in the HTTP body, never base64-encoded. The protected header is
/// `{"alg", "b64": false, "crit": ["b64"], "x5c", "x5t#S256" or "kid", <string members>}` with
/// members in lexicographic order (see `JWSHeader` for the member names).
///
/// A signer is immutable and safe to share between tasks.
public struct JWSSigner: Sendable {
    public let algorithm: SignatureAlgorithm
    private let key: PrivateKey
    private let keyReference: KeyReference

    private enum KeyReference: Sendable {
        /// Standard base64 (with padding) of each DER certificate, leaf first (RFC 7515 §4.1.6),
        /// and the leaf's `x5t#S256` thumbprint.
        case certificateChain([String], thumbprint: String)
        case keyID(String)
    }

    /// How a signer with a certificate names it in the header.
    public enum CertificateReference: Sendable {
        /// `x5c`: the whole chain, so the JWS can be checked alone (answers, receipts, anything a
        /// client keeps as evidence).
        case chain
        /// `x5t#S256`: the certificate's thumbprint, 43 characters instead of kilobytes, for a
        /// verifier that gets the certificate another way (the TLS client certificate between
        /// gateways).
        case thumbprint
    }

    /// A signer that sends its certificate chain in `x5c`.
    ///
    /// - Parameters:
    ///   - algorithm: defaults to the key type's default (`ES256`, `EdDSA`, `PS256`).
    ///   - certificateChain: the signer's certificate first, then intermediates (not the root).
    /// - Throws: `JWSError.algorithmDoesNotMatchKey`, `.emptyCertificateChain`,
    ///   `.certificateDoesNotMatchKey`.
    public init(key: PrivateKey, algorithm: SignatureAlgorithm? = nil, certificateChain: [Certificate]) throws(JWSError) {
        let algorithm = algorithm ?? key.type.defaultSignatureAlgorithm
        try Self.check(algorithm, key)
        guard let leaf = certificateChain.first else { throw .emptyCertificateChain }
        let certified: PublicKey
        do { certified = try leaf.publicKey() } catch { throw .certificateDoesNotMatchKey(subject: leaf.subject.description) }
        guard certified == key.publicKey else { throw .certificateDoesNotMatchKey(subject: leaf.subject.description) }
        self.key = key
        self.algorithm = algorithm
        self.keyReference = .certificateChain(
            certificateChain.map { Data($0.derEncoded).base64EncodedString() }, thumbprint: leaf.thumbprint)
    }

    /// The `x5t#S256` thumbprint this signer names its certificate by (nil for a `kid` signer).
    public var certificateThumbprint: String? {
        if case .certificateChain(_, let thumbprint) = keyReference { thumbprint } else { nil }
    }

    /// A signer that names its key with `kid` (the verifier knows the key in advance).
    ///
    /// - Throws: `JWSError.algorithmDoesNotMatchKey`, `.invalidKeyID`.
    public init(key: PrivateKey, algorithm: SignatureAlgorithm? = nil, keyID: String) throws(JWSError) {
        let algorithm = algorithm ?? key.type.defaultSignatureAlgorithm
        try Self.check(algorithm, key)
        guard !keyID.isEmpty, keyID.utf8.count <= 256,
              !keyID.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { throw .invalidKeyID(keyID) }
        self.key = key
        self.algorithm = algorithm
        self.keyReference = .keyID(keyID)
    }

    /// Signs `envelope.payload`, binding the envelope's `Lienthong-*` values (and `extraHeader`)
    /// into the protected header.
    ///
    /// - Parameter certificate: `x5c` or `x5t#S256` for a signer with a certificate; ignored by
    ///   a `kid` signer.
    /// - Returns: the compact JWS for the `Lienthong-Signature` header.
    /// - Throws: `JWSError.reservedHeaderMember` if an extra member would replace a JOSE or
    ///   envelope member, `.signatureOperationFailed` if OpenSSL fails.
    public func sign(
        envelope: Envelope, extraHeader: [String: String] = [:], certificate: CertificateReference = .chain
    ) throws(JWSError) -> String {
        var members: [String: String] = [:]
        for (name, value) in envelope.headerFields {
            members[JWSHeaderMember.envelopeMember(forHeader: name)] = value
        }
        let envelopeMembers = Set(JWSHeaderMember.envelopeHeaders.map(JWSHeaderMember.envelopeMember(forHeader:)))
        for (name, value) in extraHeader {
            guard !envelopeMembers.contains(name) else { throw .reservedHeaderMember(name) }
            members[name] = value
        }
        return try sign(members: members, extraNames: extraHeader.keys, payload: envelope.payload, certificate: certificate)
    }

    /// Signs any payload (e.g. a receipt) with the JOSE members and `header` as string members.
    ///
    /// - Throws: `JWSError.reservedHeaderMember`, `.signatureOperationFailed`.
    public func sign(header: [String: String], payload: [UInt8]) throws(JWSError) -> String {
        try sign(members: header, extraNames: header.keys, payload: payload, certificate: .chain)
    }

    /// The value of `lienthong-request-digest` for a response: base64url SHA-256 of the request payload.
    public static func requestDigest(of requestPayload: [UInt8]) throws(OpenSSLError) -> String {
        Base64URL.encode(try Digest.sha256(requestPayload))
    }

    private func sign(
        members: [String: String], extraNames: Dictionary<String, String>.Keys, payload: [UInt8],
        certificate: CertificateReference
    ) throws(JWSError) -> String {
        for name in extraNames where name.isEmpty || JWSHeaderMember.reserved.contains(name) {
            throw .reservedHeaderMember(name)
        }
        let reference: JWSHeaderEncoding.KeyReference = switch keyReference {
        case .certificateChain(let chain, let thumbprint):
            certificate == .chain ? .certificateChain(chain) : .certificateThumbprint(thumbprint)
        case .keyID(let keyID): .keyID(keyID)
        }
        let header = try JWSHeaderEncoding(algorithm: algorithm, keyReference: reference, members: members).jsonBytes()
        let encodedHeader = Base64URL.encode(header)
        let signingInput = JWSSigningInput.make(encodedHeader: encodedHeader, payload: payload)
        let signature: [UInt8]
        do { signature = try key.signature(for: signingInput, algorithm: algorithm) } catch {
            throw .signatureOperationFailed(error)
        }
        return encodedHeader + ".." + Base64URL.encode(signature)
    }

    private static func check(_ algorithm: SignatureAlgorithm, _ key: PrivateKey) throws(JWSError) {
        guard algorithm.accepts(key.type) else { throw .algorithmDoesNotMatchKey(algorithm: algorithm, keyType: key.type) }
    }
}
