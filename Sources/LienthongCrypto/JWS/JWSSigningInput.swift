/// The bytes a detached, unencoded-payload JWS signs (RFC 7797 §3):
/// `ASCII(BASE64URL(UTF8(header))) || "." || payload`, the payload exactly as sent.
enum JWSSigningInput {
    static func make(encodedHeader: some StringProtocol, payload: [UInt8]) -> [UInt8] {
        var input: [UInt8] = []
        input.reserveCapacity(encodedHeader.utf8.count + 1 + payload.count)
        // Copy the header in one piece when its UTF-8 is contiguous (it is for native strings).
        if encodedHeader.utf8.withContiguousStorageIfAvailable({ input.append(contentsOf: $0) }) == nil {
            input.append(contentsOf: encodedHeader.utf8)
        }
        input.append(UInt8(ascii: "."))
        input.append(contentsOf: payload)
        return input
    }
}
