/// An agency's electronic identification code (mã định danh) under Decision 20/2020/QĐ-TTg.
///
/// Dot-separated groups of digits and capital letters, at most 35 characters, for example
/// `000.00.00.G01` (Ministry of Public Security) or `000.00.00.H41` (Nghệ An People's Committee).
/// Which codes exist is configuration; this type only guarantees the shape.
public struct AgencyCode: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public static let maximumLength = 35

    public let rawValue: String

    /// Parses a code, refusing anything that is not dot-separated groups of `0-9` and `A-Z`.
    public init(parsing text: String) throws(IdentifierError) {
        guard !text.isEmpty else { throw IdentifierError(kind: .agencyCode, input: text, reason: "is empty") }
        let count = text.utf8.count
        guard count <= Self.maximumLength else {
            throw IdentifierError(
                kind: .agencyCode, input: text,
                reason: "is \(count) characters long; at most \(Self.maximumLength) are allowed")
        }
        var groupLength = 0
        var groupIndex = 1
        var position = 0
        for byte in text.utf8 {
            position += 1
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                groupLength += 1
            case UInt8(ascii: "."):
                guard groupLength > 0 else {
                    throw IdentifierError(
                        kind: .agencyCode, input: text,
                        reason: "has an empty group \(groupIndex) (a dot at position \(position))")
                }
                groupLength = 0
                groupIndex += 1
            default:
                let character = Self.character(at: position, in: text)
                throw IdentifierError(
                    kind: .agencyCode, input: text,
                    reason: "has \(character) at position \(position); only 0-9, A-Z and dots are allowed")
            }
        }
        guard groupLength > 0 else {
            throw IdentifierError(kind: .agencyCode, input: text, reason: "ends with a dot")
        }
        self.rawValue = text
    }

    /// The dot-separated groups, left to right.
    public var groups: [Substring] { rawValue.split(separator: ".") }

    /// Whether the last group marks a central body (`G…`) or a province (`H…`), when it does.
    public var level: Level? {
        switch groups.last?.first {
        case "G": .central
        case "H": .provincial
        default: nil
        }
    }

    public enum Level: Sendable { case central, provincial }

    public var description: String { rawValue }

    public static func < (lhs: AgencyCode, rhs: AgencyCode) -> Bool { lhs.rawValue < rhs.rawValue }

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

    private static func character(at utf8Position: Int, in text: String) -> String {
        // Name the offending character (which may be multi-byte) rather than a raw byte.
        var offset = 0
        for scalar in text.unicodeScalars {
            offset += String(scalar).utf8.count
            if offset >= utf8Position {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                return "'\(scalar)' (U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex))"
            }
        }
        return "an invalid character"
    }
}
