/// Escapes text for XML 1.0 element content and attribute values.
public enum XMLTextEscaping {
    /// `text` with `& < > " '` as entity references and carriage returns as `&#13;` (a parser would
    /// otherwise turn them into line feeds). Refuses characters XML 1.0 cannot carry at all.
    public static func escaped(_ text: String) throws(XMLUnrepresentableCharacter) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\r": result += "&#13;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            default:
                guard scalar.value >= 0x20, scalar.value != 0xFFFE, scalar.value != 0xFFFF else {
                    throw XMLUnrepresentableCharacter(scalar: scalar.value)
                }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

/// A character that XML 1.0 cannot carry, not even escaped (most C0 controls, U+FFFE, U+FFFF).
public struct XMLUnrepresentableCharacter: Error, Sendable, Hashable, CustomStringConvertible {
    public let scalar: UInt32

    public init(scalar: UInt32) { self.scalar = scalar }

    public var description: String {
        "U+\(String(scalar, radix: 16, uppercase: true)), which XML 1.0 cannot carry"
    }
}
