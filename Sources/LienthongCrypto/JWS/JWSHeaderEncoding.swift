import Foundation

/// Serialises a protected header deterministically.
///
/// Foundation's `JSONEncoder` writes the members in lexicographic order (`.sortedKeys`) without
/// escaping `/` (service ids contain one), so the same inputs always give the same bytes.
struct JWSHeaderEncoding: Encodable {
    enum KeyReference {
        case certificateChain([String])
        case keyID(String)
    }

    let algorithm: SignatureAlgorithm
    let keyReference: KeyReference
    /// String members: envelope fields and extras.
    let members: [String: String]

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: MemberKey.self)
        try container.encode(algorithm.name, forKey: MemberKey("alg"))
        try container.encode(false, forKey: MemberKey("b64"))
        try container.encode(["b64"], forKey: MemberKey("crit"))
        switch keyReference {
        case .certificateChain(let certificates): try container.encode(certificates, forKey: MemberKey("x5c"))
        case .keyID(let keyID): try container.encode(keyID, forKey: MemberKey("kid"))
        }
        for (name, value) in members { try container.encode(value, forKey: MemberKey(name)) }
    }

    /// The header as JSON bytes.
    func jsonBytes() throws(JWSError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do { return Array(try encoder.encode(self)) } catch {
            throw .headerEncodingFailed(reason: "\(error)")
        }
    }
}

/// A JSON object member name used as a coding key.
struct MemberKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
