import LienthongCore

/// Why a JWS could not be made or verified. Each failure has its own case, so callers can map
/// them to distinct problem types, and each description says what was wrong.
public enum JWSError: Error, Sendable, Equatable, CustomStringConvertible {
    // MARK: Signing
    /// A signer needs at least its own certificate for `x5c`.
    case emptyCertificateChain
    /// The first certificate of the chain does not certify the signing key.
    case certificateDoesNotMatchKey(subject: String)
    /// A `kid` must be 1 to 256 bytes of text without control characters.
    case invalidKeyID(String)
    /// An extra header member would overwrite one the signer sets itself.
    case reservedHeaderMember(String)
    /// The header could not be serialised.
    case headerEncodingFailed(reason: String)

    // MARK: Parsing
    /// The JWS is longer than the verifier accepts.
    case tooLarge(length: Int, limit: Int)
    /// Not three dot-separated parts.
    case malformedCompactSerialization(reason: String)
    /// The middle (payload) part is not empty: this protocol only uses detached payloads.
    case attachedPayload
    /// The first part is empty.
    case missingProtectedHeader
    /// The last part is empty.
    case missingSignature
    /// A part is not valid unpadded base64url.
    case invalidBase64URL(part: String, reason: String)
    /// The protected header is not a JSON object.
    case headerNotJSONObject(reason: String)
    /// A header member has the wrong JSON type.
    case invalidHeaderMember(name: String, reason: String)
    /// The header has no `alg`.
    case missingAlgorithm
    /// `alg: none` (an unsigned JWS) is never accepted.
    case algorithmNone
    /// An `alg` the gateway does not implement.
    case unsupportedAlgorithm(String)
    /// `b64` is missing or not `false`: the payload must be unencoded (RFC 7797).
    case b64NotFalse(found: String)
    /// `crit` is missing or does not list `b64`.
    case critMissingB64
    /// `crit` names an extension this verifier does not understand.
    case unknownCriticalExtension(String)
    /// None of `x5c`, `x5t#S256` and `kid` says which key signed.
    case missingKeyReference
    /// `kid` together with `x5c` or `x5t#S256`.
    case ambiguousKeyReference

    // MARK: Keys and trust
    /// An `x5c` entry is not standard base64 of a DER certificate.
    case invalidCertificateChain(reason: String)
    /// `x5c` or `x5t#S256` is used but the verifier has no trust store.
    case certificatesNotAccepted
    /// The `x5c` chain does not verify against the trust store.
    case untrustedCertificate(TrustError)
    /// The signer certificate's key is not usable for signatures.
    case unsupportedSignerKey(reason: String)
    /// No trusted key has this `kid`.
    case unknownKeyID(String)
    /// The header names its certificate by `x5t#S256`, and the certificate presented alongside the
    /// message (over mTLS, the TLS client certificate) is not that one, or there is none.
    case certificateNotPresented(thumbprint: String)
    /// The `alg` needs another key type than the signer's key (algorithm confusion).
    case algorithmDoesNotMatchKey(algorithm: SignatureAlgorithm, keyType: KeyType)
    /// The signature cannot be of this algorithm and key.
    case invalidSignatureLength(algorithm: SignatureAlgorithm, expected: Int, actual: Int)
    /// The signature does not verify over the protected header and payload.
    case signatureMismatch

    // MARK: Envelope binding
    /// The signer's agency is not the envelope's `From`.
    case signerNotSender(signer: AgencyCode, from: AgencyCode)
    /// A `Lienthong-*` header of the message is not in the signed header.
    case envelopeFieldNotSigned(field: String)
    /// A `Lienthong-*` header differs from the signed value.
    case envelopeFieldMismatch(field: String, signed: String, received: String)
    /// The signed header carries a `Lienthong-*` value the message does not.
    case envelopeFieldMissing(field: String, signed: String)

    /// Signing or verifying failed inside OpenSSL (not a mismatch: an operational failure).
    case signatureOperationFailed(SignatureError)

    public var description: String {
        switch self {
        case .emptyCertificateChain: "a JWS signer needs a certificate chain with at least its own certificate"
        case .certificateDoesNotMatchKey(let subject): "certificate '\(subject)' does not certify the signing key"
        case .invalidKeyID(let kid): "invalid kid '\(kid)': it must be 1 to 256 bytes without control characters"
        case .reservedHeaderMember(let name): "header member '\(name)' is set by the signer and cannot be given as extra"
        case .headerEncodingFailed(let reason): "cannot encode the JWS header: \(reason)"
        case .tooLarge(let length, let limit): "JWS of \(length) bytes exceeds the limit of \(limit)"
        case .malformedCompactSerialization(let reason): "malformed JWS compact serialization: \(reason)"
        case .attachedPayload: "the JWS payload part must be empty (detached payload)"
        case .missingProtectedHeader: "the JWS protected header part is empty"
        case .missingSignature: "the JWS signature part is empty"
        case .invalidBase64URL(let part, let reason): "JWS \(part) is not base64url: \(reason)"
        case .headerNotJSONObject(let reason): "the JWS protected header is not a JSON object: \(reason)"
        case .invalidHeaderMember(let name, let reason): "JWS header member '\(name)' \(reason)"
        case .missingAlgorithm: "the JWS header has no 'alg'"
        case .algorithmNone: "'alg: none' (an unsigned JWS) is not accepted"
        case .unsupportedAlgorithm(let name):
            "unsupported JWS algorithm '\(name)'; supported: " + SignatureAlgorithm.allCases.map(\.name).joined(separator: ", ")
        case .b64NotFalse(let found): "the JWS header must have \"b64\": false (RFC 7797), found \(found)"
        case .critMissingB64: "the JWS header must have \"crit\": [\"b64\"]"
        case .unknownCriticalExtension(let name): "the JWS header marks unknown extension '\(name)' as critical"
        case .missingKeyReference: "the JWS header has none of 'x5c', 'x5t#S256' and 'kid'"
        case .ambiguousKeyReference: "the JWS header names its key both by 'kid' and by certificate ('x5c' or 'x5t#S256'); give one"
        case .invalidCertificateChain(let reason): "invalid 'x5c' certificate chain: \(reason)"
        case .certificatesNotAccepted: "'x5c' and 'x5t#S256' are not accepted: no trust store is configured"
        case .certificateNotPresented(let thumbprint):
            "the JWS names its signer certificate by 'x5t#S256' \(thumbprint), and no certificate with that thumbprint was presented with the message"
        case .untrustedCertificate(let error): "the signer certificate is not trusted: \(error)"
        case .unsupportedSignerKey(let reason): "the signer key cannot be used: \(reason)"
        case .unknownKeyID(let kid): "no trusted key has kid '\(kid)'"
        case .algorithmDoesNotMatchKey(let algorithm, let keyType):
            "JWS algorithm \(algorithm) does not match the signer's \(keyType) key"
        case .invalidSignatureLength(let algorithm, let expected, let actual):
            "\(algorithm) signature must be \(expected) bytes, got \(actual)"
        case .signatureMismatch: "the JWS signature does not match the header and payload"
        case .signerNotSender(let signer, let from): "message signed by \(signer), but its From is \(from)"
        case .envelopeFieldNotSigned(let field): "header \(field) is not covered by the signature"
        case .envelopeFieldMismatch(let field, let signed, let received):
            "header \(field) is '\(received)' but the signed value is '\(signed)'"
        case .envelopeFieldMissing(let field, let signed):
            "the signature covers \(field) '\(signed)' but the message has no such header"
        case .signatureOperationFailed(let error): "JWS signature operation failed: \(error)"
        }
    }
}
