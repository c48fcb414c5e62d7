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
        let present = [members["x5c"], members[thumbprintMember], members["kid"]].compactMap { $0 }
        guard !present.isEmpty else { throw .missingKeyReference }
        guard present.count == 1 else { throw .ambiguousKeyReference }
        switch (members["x5c"], members[thumbprintMember], members["kid"]) {
        case (.strings(let chain), _, _):
            guard !chain.isEmpty else { throw .invalidCertificateChain(reason: "'x5c' is empty") }
            return .certificateChain(chain)
        case (.some, _, _): throw .invalidHeaderMember(name: "x5c", reason: "must be an array of base64 strings")
        case (_, .string(let thumbprint), _):
            // 32 bytes of SHA-256 are exactly 43 base64url characters.
            guard thumbprint.utf8.count == 43, (try? Base64URL.decode(thumbprint))?.count == Digest.sha256Length else {
                throw .invalidHeaderMember(name: thumbprintMember, reason: "must be the base64url SHA-256 of a certificate (43 characters)")
            }
            return .certificateThumbprint(thumbprint)
        case (_, .some, _): throw .invalidHeaderMember(name: thumbprintMember, reason: "must be a string")
        case (_, _, .string(let keyID)): return .keyID(keyID)
        default: throw .invalidHeaderMember(name: "kid", reason: "must be a string")
        }
    }
}
