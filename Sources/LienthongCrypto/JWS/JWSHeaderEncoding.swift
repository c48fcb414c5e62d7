import LienthongJSON

/// Serialises a protected header deterministically: members in lexicographic order, `/` not
/// escaped (service ids contain one), so the same inputs always give the same bytes.
struct JWSHeaderEncoding {
    enum KeyReference {
        case certificateChain([String])
        /// `x5t#S256`: base64url SHA-256 of the signer certificate's DER.
        case certificateThumbprint(String)
        case keyID(String)
    }

    /// The header member naming the signer certificate by thumbprint (RFC 7515 §4.1.8).
    static let thumbprintMember = "x5t#S256"

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
        case .certificateThumbprint(let thumbprint): object[Self.thumbprintMember] = .string(thumbprint)
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
