import LienthongJSON

/// Serialises a protected header deterministically: members in lexicographic order, `/` not
/// escaped (service ids contain one), so the same inputs always give the same bytes.
struct JWSHeaderEncoding {
    enum KeyReference {
        case certificateChain([String])
        case keyID(String)
    }

    let algorithm: SignatureAlgorithm
    let keyReference: KeyReference
    /// String members: envelope fields and extras.
    let members: [String: String]

    /// The header as JSON bytes.
    func jsonBytes() throws(JWSError) -> [UInt8] {
        var object = JSONObject()
        object["alg"] = .string(algorithm.name)
        object["b64"] = .bool(false)
        object["crit"] = .array([.string("b64")])
        switch keyReference {
        case .certificateChain(let certificates): object["x5c"] = .array(certificates.map { .string($0) })
        case .keyID(let keyID): object["kid"] = .string(keyID)
        }
        for (name, value) in members {
            guard object[name] == nil else {
                throw .headerEncodingFailed(reason: "the member \(name) is reserved for the JOSE header")
            }
            object[name] = .string(value)
        }
        return JSONValue.object(object).serializedBytes(options: .sortedKeys)
    }
}
