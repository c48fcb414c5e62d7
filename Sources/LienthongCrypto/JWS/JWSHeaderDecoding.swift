import Foundation
import LienthongJSON

/// The members of a received protected header, sorted by JSON type, before any JOSE rule is applied.
///
/// Parsed with `LienthongJSON`'s strict parser: it keeps `false` and `0` apart (the `b64` rule depends
/// on it) and refuses a header that names a member twice, which RFC 7515 §4 forbids.
struct JWSHeaderDecoding {
    enum Member: Equatable {
        case string(String)
        case bool(Bool)
        case strings([String])
        case other
    }

    let members: [String: Member]

    /// Parses header JSON bytes.
    static func parse(_ json: [UInt8]) throws(JWSError) -> JWSHeaderDecoding {
        let value: JSONValue
        do { value = try JSONParser.parse(json, limits: headerLimits) } catch {
            throw .headerNotJSONObject(reason: "not valid JSON (\(error))")
        }
        guard case .object(let object) = value else {
            throw .headerNotJSONObject(reason: "the JSON value is not an object")
        }
        var members: [String: Member] = [:]
        for (name, member) in object {
            switch member {
            case .string(let text): members[name] = .string(text)
            case .bool(let flag): members[name] = .bool(flag)
            case .array(let items):
                let strings = items.compactMap(\.asString)
                members[name] = strings.count == items.count ? .strings(strings) : .other
            default: members[name] = .other
            }
        }
        return JWSHeaderDecoding(members: members)
    }

    /// A protected header is a flat object; deep nesting is never legitimate.
    private static let headerLimits = JSONParser.Limits(maxDepth: 8)

    /// Applies the JOSE and RFC 7797 rules and returns the key reference to resolve.
    func validated() throws(JWSError) -> (algorithm: SignatureAlgorithm, keyReference: JWSHeaderEncoding.KeyReference, members: [String: String]) {
        let algorithm = try self.algorithm()
        try checkUnencodedPayload()
        let keyReference = try self.keyReference()
        var strings: [String: String] = [:]
        for (name, member) in members where name != "alg" && name != "kid" && name != JWSHeaderEncoding.thumbprintMember {
            if case .string(let value) = member { strings[name] = value }
        }
        return (algorithm, keyReference, strings)
    }

    private func algorithm() throws(JWSError) -> SignatureAlgorithm {
        guard let member = members["alg"] else { throw .missingAlgorithm }
        guard case .string(let name) = member else { throw .invalidHeaderMember(name: "alg", reason: "must be a string") }
        guard name != "none" else { throw .algorithmNone }
        guard let algorithm = SignatureAlgorithm(rawValue: name) else { throw .unsupportedAlgorithm(name) }
        return algorithm
    }

    /// RFC 7797: `b64` must be `false` and understood, so `crit` must list it; any other critical
    /// extension is unknown to this verifier and makes the JWS invalid (RFC 7515 §4.1.11).
    private func checkUnencodedPayload() throws(JWSError) {
        switch members["b64"] {
        case .bool(false): break
        case .bool(true): throw .b64NotFalse(found: "true")
        case nil: throw .b64NotFalse(found: "no b64 member")
        case .some: throw .b64NotFalse(found: "a non-boolean value")
        }
        guard let crit = members["crit"] else { throw .critMissingB64 }
        guard case .strings(let names) = crit, !names.isEmpty else {
            throw .invalidHeaderMember(name: "crit", reason: "must be a non-empty array of strings")
        }
        for name in names where name != "b64" { throw .unknownCriticalExtension(name) }
        guard names.contains("b64") else { throw .critMissingB64 }
    }

    private func keyReference() throws(JWSError) -> JWSHeaderEncoding.KeyReference {
        let thumbprintMember = JWSHeaderEncoding.thumbprintMember
        let x5c = members["x5c"], thumbprint = members[thumbprintMember], kid = members["kid"]
        if x5c == nil && thumbprint == nil && kid == nil { throw .missingKeyReference }
        // `x5c` may come with the `x5t#S256` of its first certificate (RFC 7515 allows both, and
        // JOSE libraries add it); any other pair is ambiguous.
        if kid != nil && (x5c != nil || thumbprint != nil) { throw .ambiguousKeyReference }
        let named = try thumbprint.map { member throws(JWSError) in try Self.thumbprint(member) }
        switch x5c {
        case .strings(let chain)?:
            guard let first = chain.first else { throw .invalidCertificateChain(reason: "'x5c' is empty") }
            if let named {
                guard let der = Data(base64Encoded: first), (try? Base64URL.encode(Digest.sha256(der))) == named else {
                    throw .invalidHeaderMember(name: thumbprintMember, reason: "is not the SHA-256 of the first 'x5c' certificate")
                }
            }
            return .certificateChain(chain)
        case .some: throw .invalidHeaderMember(name: "x5c", reason: "must be an array of base64 strings")
        case nil: break
        }
        if let named { return .certificateThumbprint(named) }
        guard case .string(let keyID)? = kid else { throw .invalidHeaderMember(name: "kid", reason: "must be a string") }
        return .keyID(keyID)
    }

    private static func thumbprint(_ member: Member) throws(JWSError) -> String {
        let name = JWSHeaderEncoding.thumbprintMember
        guard case .string(let thumbprint) = member else { throw .invalidHeaderMember(name: name, reason: "must be a string") }
        // 32 bytes of SHA-256 are exactly 43 base64url characters.
        guard thumbprint.utf8.count == 43, (try? Base64URL.decode(thumbprint))?.count == Digest.sha256Length else {
            throw .invalidHeaderMember(name: name, reason: "must be the base64url SHA-256 of a certificate (43 characters)")
        }
        return thumbprint
    }
}
