import LienthongPluginAPI

/// How a value is written where a template puts it. Each context escapes what could change the
/// meaning of the surrounding text, so that a request field cannot add a path segment, a query
/// parameter, a header or an XML element.
public enum TemplateEscaping {
    /// One URL path segment: everything but RFC 3986 unreserved characters percent-encoded (a `/`
    /// in a value becomes `%2F`); `.` and `..` are refused, since they would move up the path.
    public static func pathSegment(_ value: String) throws(TemplateFillError) -> String {
        guard value != "." && value != ".." else {
            throw TemplateFillError(placeholder: "path", reason: "\"\(value)\" cannot be a path segment")
        }
        return percentEncoded(value)
    }

    /// A query name or value (`application/x-www-form-urlencoded` bodies too): everything but the
    /// unreserved characters percent-encoded.
    public static func queryComponent(_ value: String) -> String { percentEncoded(value) }

    /// A header value: control characters (CR, LF, NUL…) would split or corrupt the header and are refused.
    public static func headerValue(_ value: String) throws(TemplateFillError) -> String {
        if let bad = value.unicodeScalars.first(where: { ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F }) {
            throw TemplateFillError(
                placeholder: "header", reason: "holds U+\(String(bad.value, radix: 16, uppercase: true)), which a header cannot carry")
        }
        return value
    }

    /// XML element content or attribute value: `& < > " '` as entities.
    public static func xml(_ value: String) throws(TemplateFillError) -> String {
        do throws(XMLUnrepresentableCharacter) { return try XMLTextEscaping.escaped(value) } catch {
            throw TemplateFillError(placeholder: "XML body", reason: "holds \(error)")
        }
    }

    static func percentEncoded(_ value: String) -> String {
        var result = ""
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                result.unicodeScalars.append("%")
                result.unicodeScalars.append(hex[Int(byte >> 4)])
                result.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return result
    }
}
