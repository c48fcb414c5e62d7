/// `json-pointer` (RFC 6901 §3) and `relative-json-pointer` (draft-handrews-relative-json-pointer-01 §3).
enum JSONPointerFormat {
    /// `json-pointer = *( "/" reference-token )`, where a `~` must be escaped as `~0` or `~1`.
    /// Any other character may appear as is: the check runs on the decoded JSON string.
    static func isValidPointer(_ bytes: UTF8Bytes) -> Bool {
        guard let first = bytes.byte(at: 0) else { return true }
        guard first == ASCII.slash else { return false }
        var index = 1
        while index < bytes.count {
            if bytes[index] == ASCII.tilde {
                guard let escaped = bytes.byte(at: index + 1), escaped == ASCII.zero || escaped == ASCII.one else {
                    return false
                }
                index += 2
            } else {
                index += 1
            }
        }
        return true
    }

    /// `relative-json-pointer = non-negative-integer ( "#" / json-pointer )`, where
    /// `non-negative-integer = "0" / %x31-39 *%x30-39` (no sign, no leading zero).
    static func isValidRelativePointer(_ bytes: UTF8Bytes) -> Bool {
        guard let first = bytes.byte(at: 0), first.isASCIIDigit else { return false }
        var index = 1
        if first != ASCII.zero {
            while index < bytes.count, bytes[index].isASCIIDigit { index += 1 }
        }
        if bytes.byte(at: index) == ASCII.numberSign { return index + 1 == bytes.count }
        return isValidPointer(bytes.rebased(index..<bytes.count))
    }
}
