import LienthongCore

/// The verified protected header of a Lienthong JWS.
///
/// Besides the JOSE members (`alg`, `b64: false`, `crit: ["b64"]`, and one of `x5c`, `x5t#S256`
/// and `kid`), the header carries the message's `Lienthong-*` values under their lower-case
/// header names (`"lienthong-message-id"`, `"lienthong-service"`, `"lienthong-from"`,
/// `"lienthong-to"`, `"lienthong-created"`, `"lienthong-correlation-id"`) and any extra string
/// members such as `"lienthong-request-digest"`.
public struct JWSHeader: Sendable, Equatable {
    public let algorithm: SignatureAlgorithm
    /// The `kid`, when the signer is identified by key id.
    public let keyID: String?
    /// The `x5c` certificates, leaf first, when the signer sent its chain.
    public let certificateChain: [Certificate]
    /// The `x5t#S256` thumbprint, when the signer named its certificate instead of sending it.
    public let certificateThumbprint: String?
    /// Every string-valued member other than `alg`, `kid` and `x5t#S256` (envelope fields and extras).
    /// Members of other JSON types are not kept.
    public let members: [String: String]

    /// A string member, e.g. `header["lienthong-request-digest"]`.
    public subscript(member: String) -> String? { members[member] }
}

/// Names of the header members the gateway defines.
public enum JWSHeaderMember {
    /// The base64url SHA-256 of the request payload, signed into a response to bind it to its
    /// request (see `JWSSigner.requestDigest(of:)`).
    public static let requestDigest = "lienthong-request-digest"

    /// The member carrying an envelope header: its name in lower case, e.g. `lienthong-from`.
    public static func envelopeMember(forHeader name: String) -> String { name.lowercased() }

    /// The `Lienthong-*` header names that `JWSSigner.sign(envelope:)` signs.
    public static let envelopeHeaders = [
        HeaderName.messageID, HeaderName.service, HeaderName.from, HeaderName.to,
        HeaderName.created, HeaderName.correlationID,
    ]

    /// JOSE members the signer sets or that would change how the JWS is verified; extras may
    /// not use them.
    static let reserved: Set<String> = [
        "alg", "b64", "crit", "kid", "x5c", "x5u", "x5t", "x5t#S256", "jku", "jwk", "enc", "zip",
    ]
}

extension JWSHeader {
    /// The `x5t#S256` member of a compact JWS's protected header, read without verifying anything:
    /// for tools that look up the certificate a stored JWS names (`audit show`). Nil when the JWS
    /// is malformed or names its signer another way.
    public static func unverifiedCertificateThumbprint(of jws: String) -> String? {
        guard let headerPart = jws.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).first,
              let json = try? Base64URL.decode(Substring(headerPart)),
              let decoded = try? JWSHeaderDecoding.parse(json),
              case .string(let thumbprint) = decoded.members[JWSHeaderEncoding.thumbprintMember]
        else { return nil }
        return thumbprint
    }
}
