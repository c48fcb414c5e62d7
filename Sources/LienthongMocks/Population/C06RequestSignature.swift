import LienthongCrypto

/// The C06 authorisation scheme the mock population database enforces: every request carries
/// the client id, the Unix time in seconds and
/// `hex(SHA-256(clientId "|" timestamp "|" hex(SHA-256(body)) "|" secret))`.
/// Binding the body digest and the time means a captured request cannot be altered or replayed
/// later than the ±5 minute window.
public enum C06RequestSignature {
    public static let clientIDHeader = "X-C06-ClientId"
    public static let timestampHeader = "X-C06-Timestamp"
    public static let signatureHeader = "X-C06-Signature"
    /// How far the request time may be from the server's clock.
    public static let allowedSkewSeconds: Int64 = 300

    /// The lowercase hexadecimal signature of a request.
    public static func signature(clientID: String, timestamp: Int64, body: [UInt8], secret: String) throws(OpenSSLError) -> String {
        let bodyDigest = hex(try Digest.sha256(body))
        let material = "\(clientID)|\(timestamp)|\(bodyDigest)|\(secret)"
        return hex(try Digest.sha256(Array(material.utf8)))
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return text
    }
}
