/// Checks and wraps standard base64 text (RFC 4648 §4) without decoding it, so that a large
/// attachment is never held twice in memory just to be checked.
enum Base64Text {
    /// Whether `text` is padded standard base64: A-Z a-z 0-9 + /, length a multiple of 4, and `=`
    /// only as one or two final characters.
    static func isValid(_ text: Substring.UTF8View) -> Bool {
        let count = text.count
        guard count % 4 == 0 else { return false }
        var position = 0
        var padding = 0
        for byte in text {
            position += 1
            if byte == UInt8(ascii: "=") {
                // Padding may only close the text: at most two, nothing after them.
                guard position > count - 2 else { return false }
                padding += 1
                continue
            }
            guard padding == 0, isAlphabet(byte) else { return false }
        }
        return true
    }

    static func isValid(_ text: String) -> Bool { isValid(Substring(text).utf8) }

    /// `text` without the ASCII whitespace a writer may have used to break it into lines.
    static func removingLineBreaks(_ text: String) -> String {
        String(decoding: text.utf8.filter { !isLineWhitespace($0) }, as: UTF8.self)
    }

    /// `text` in lines of at most `width` characters, each ended by a line feed (MIME style).
    static func wrapped(_ text: String, width: Int = 76) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + text.utf8.count / width + 1)
        var line = 0
        for byte in text.utf8 {
            bytes.append(byte)
            line += 1
            if line == width {
                bytes.append(UInt8(ascii: "\n"))
                line = 0
            }
        }
        if line > 0 { bytes.append(UInt8(ascii: "\n")) }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isAlphabet(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"):
            true
        default:
            false
        }
    }

    private static func isLineWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }
}
