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
        for (name, member) in members where name != "alg" && name != "kid" {
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
        switch (members["x5c"], members["kid"]) {
        case (nil, nil): throw .missingKeyReference
        case (.some, .some): throw .ambiguousKeyReference
        case (.strings(let chain), nil):
            guard !chain.isEmpty else { throw .invalidCertificateChain(reason: "'x5c' is empty") }
            return .certificateChain(chain)
        case (.some, nil): throw .invalidHeaderMember(name: "x5c", reason: "must be an array of base64 strings")
        case (nil, .string(let keyID)): return .keyID(keyID)
        case (nil, .some): throw .invalidHeaderMember(name: "kid", reason: "must be a string")
        }
    }
}
