import Foundation

/// The members of a received protected header, sorted by JSON type, before any JOSE rule is applied.
///
/// `JSONDecoder` is used rather than `JSONSerialization` because it keeps `false` and `0` apart,
/// which the `b64` rule depends on.
struct JWSHeaderDecoding: Decodable {
    enum Member: Equatable {
        case string(String)
        case bool(Bool)
        case strings([String])
        case other
    }

    let members: [String: Member]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: MemberKey.self)
        var members: [String: Member] = [:]
        for key in container.allKeys {
            if let text = try? container.decode(String.self, forKey: key) {
                members[key.stringValue] = .string(text)
            } else if let flag = try? container.decode(Bool.self, forKey: key) {
                members[key.stringValue] = .bool(flag)
            } else if let list = try? container.decode([String].self, forKey: key) {
                members[key.stringValue] = .strings(list)
            } else {
                members[key.stringValue] = .other
            }
        }
        self.members = members
    }

    /// Parses header JSON bytes.
    static func parse(_ json: [UInt8]) throws(JWSError) -> JWSHeaderDecoding {
        do {
            return try JSONDecoder().decode(JWSHeaderDecoding.self, from: Data(json))
        } catch DecodingError.typeMismatch {
            throw .headerNotJSONObject(reason: "the JSON value is not an object")
        } catch {
            throw .headerNotJSONObject(reason: "not valid JSON")
        }
    }

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
