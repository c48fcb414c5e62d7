import Foundation

/// A message identifier: a UUID of version 7 (RFC 9562), time-ordered so that ids sort by creation.
public struct MessageID: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public let uuid: UUID

    /// A new id for the current time.
    public init() { self.init(date: Date()) }

    /// A new id whose timestamp is `date`, with 74 random bits.
    public init(date: Date) {
        var generator = SystemRandomNumberGenerator()
        self.init(milliseconds: UInt64(max(0, date.timeIntervalSince1970 * 1000)), using: &generator)
    }

    /// Builds an id from a millisecond timestamp and a random source (injectable for tests).
    public init(milliseconds: UInt64, using generator: inout some RandomNumberGenerator) {
        let ms = milliseconds & 0xFFFF_FFFF_FFFF
        let randA = UInt16.random(in: 0...0x0FFF, using: &generator)
        let randB = UInt64.random(in: 0...UInt64.max, using: &generator)
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: ms >> (8 * (5 - index))) }
        bytes[6] = 0x70 | UInt8(randA >> 8)
        bytes[7] = UInt8(truncatingIfNeeded: randA)
        for index in 0..<8 { bytes[8 + index] = UInt8(truncatingIfNeeded: randB >> (8 * (7 - index))) }
        bytes[8] = 0x80 | (bytes[8] & 0x3F)
        self.uuid = UUID(uuid: (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }

    /// Parses the canonical 8-4-4-4-12 form and refuses any UUID that is not version 7, RFC variant.
    public init(parsing text: String) throws(IdentifierError) {
        guard text.utf8.count == 36, let uuid = UUID(uuidString: text) else {
            throw IdentifierError(kind: .messageID, input: text, reason: "is not a UUID in the 8-4-4-4-12 hexadecimal form")
        }
        let version = uuid.uuid.6 >> 4
        guard version == 7 else {
            throw IdentifierError(kind: .messageID, input: text, reason: "is a version \(version) UUID; version 7 is required")
        }
        guard uuid.uuid.8 & 0xC0 == 0x80 else {
            throw IdentifierError(kind: .messageID, input: text, reason: "does not have the RFC 9562 variant bits (10xx)")
        }
        self.uuid = uuid
    }

    /// The creation time carried in the id, to the millisecond.
    public var timestamp: Date {
        let u = uuid.uuid
        let ms = [u.0, u.1, u.2, u.3, u.4, u.5].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return Date(timeIntervalSince1970: Double(ms) / 1000)
    }

    /// Lower-case canonical text, as carried in `Lienthong-Message-Id`.
    /// Formatted from the bytes directly: Foundation's `uuidString` plus a Unicode-aware
    /// `lowercased()` showed up in profiles of the exchange, which formats ids several times.
    public var rawValue: String {
        withUnsafeBytes(of: uuid.uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { text in
                let digits: StaticString = "0123456789abcdef"
                var position = 0
                for (index, byte) in bytes.enumerated() {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        text[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    text[position] = digits.utf8Start[Int(byte >> 4)]
                    text[position + 1] = digits.utf8Start[Int(byte & 0x0F)]
                    position += 2
                }
                return position
            }
        }
    }
    public var description: String { rawValue }

    /// The order of the canonical text, which is the order of the bytes (UUIDv7: creation time first).
    public static func < (lhs: MessageID, rhs: MessageID) -> Bool {
        withUnsafeBytes(of: lhs.uuid.uuid) { left in
            withUnsafeBytes(of: rhs.uuid.uuid) { right in left.lexicographicallyPrecedes(right) }
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(parsing: text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
