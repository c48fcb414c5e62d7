/// Base64url without padding (RFC 4648 §5, as JOSE uses it: RFC 7515 §2).
///
/// Decoding is strict: padding, whitespace, characters outside `A-Z a-z 0-9 - _`, impossible
/// lengths and non-zero unused bits are all refused, so every value has exactly one encoding.
public enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    private static let decodingTable: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(index) }
        return table
    }()

    /// Encodes `bytes` without padding.
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count * 4 + 2) / 3)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = buffer << 8 | UInt32(byte)
            bits += 8
            while bits >= 6 {
                bits -= 6
                output.append(alphabet[Int((buffer >> UInt32(bits)) & 0x3F)])
            }
        }
        if bits > 0 { output.append(alphabet[Int((buffer << UInt32(6 - bits)) & 0x3F)]) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes unpadded base64url text.
    ///
    /// - Throws: `Base64URLError` naming the offending character and its position.
    public static func decode(_ text: some StringProtocol) throws(Base64URLError) -> [UInt8] {
        let input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 3 / 4)
        var written = 0
        var buffer: UInt32 = 0
        var bits = 0
        var invalidPosition: Int?
        // Pointer loops: this runs over every header of every message (several kB with x5c).
        decodingTable.withUnsafeBufferPointer { table in
            output.withUnsafeMutableBufferPointer { out in
                for position in input.indices {
                    let value = table[Int(input[position])]
                    if value == 0xFF {
                        invalidPosition = position
                        return
                    }
                    buffer = buffer << 6 | UInt32(value)
                    bits += 6
                    if bits >= 8 {
                        bits -= 8
                        out[written] = UInt8(truncatingIfNeeded: buffer >> UInt32(bits))
                        written += 1
                    }
                }
            }
        }
        if let position = invalidPosition {
            let byte = input[position]
            let shown = byte == UInt8(ascii: "=") ? "padding '='" : (32..<127).contains(byte)
                ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
            throw Base64URLError(reason: "\(shown) at position \(position) is not allowed")
        }
        output.removeLast(output.count - written)
        guard input.count % 4 != 1 else {
            throw Base64URLError(reason: "length \(input.count) is impossible for base64url")
        }
        guard buffer & ((1 << UInt32(bits)) - 1) == 0 else {
            throw Base64URLError(reason: "the last character has non-zero unused bits (not canonical)")
        }
        return output
    }
}

/// Why text is not valid unpadded base64url.
public struct Base64URLError: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: String

    public init(reason: String) {
        self.reason = reason
    }

    public var description: String { "invalid base64url: \(reason)" }
}
