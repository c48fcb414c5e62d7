/// `uuid`: the hyphenated hex form of RFC 4122 §3 (`8-4-4-4-12`), any case, any version and variant.
enum UUIDFormat {
    static func isValid(_ bytes: UTF8Bytes) -> Bool {
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            switch index {
            case 8, 13, 18, 23: guard byte == ASCII.hyphen else { return false }
            default: guard byte.isASCIIHexDigit else { return false }
            }
        }
        return true
    }
}
