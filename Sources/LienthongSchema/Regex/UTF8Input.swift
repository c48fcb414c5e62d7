/// Reading scalars out of a Swift string's UTF-8 bytes, forwards and backwards.
///
/// Matchers work on the bytes directly (positions are byte offsets at scalar boundaries), so a
/// match needs no decoded copy of the input. Swift strings are always valid UTF-8, so the lead
/// byte tells the length and the continuation bytes are there.
enum UTF8Input {
    /// The scalar starting at `index` (which must be below `bytes.count`) and its length in bytes.
    @inline(__always)
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 {
            return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1]) & 0x3F, 2)
        }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | (UInt32(bytes[index + 1]) & 0x3F) << 6 | UInt32(bytes[index + 2]) & 0x3F, 3)
        }
        let value = (lead & 0x07) << 18 | (UInt32(bytes[index + 1]) & 0x3F) << 12
            | (UInt32(bytes[index + 2]) & 0x3F) << 6 | UInt32(bytes[index + 3]) & 0x3F
        return (value, 4)
    }

    /// The scalar ending at `index` (which must be above zero) and its length in bytes.
    @inline(__always)
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, before index: Int) -> (value: UInt32, length: Int) {
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(in: bytes, at: start)
    }

    /// Whether the scalar before `index` is a word character (`\w` is ASCII-only, so one byte decides).
    @inline(__always)
    static func isWordBefore(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        index > 0 && StandardClasses.isWordByte(bytes[index - 1])
    }

    /// Whether the scalar at `index` is a word character.
    @inline(__always)
    static func isWordAt(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        index < bytes.count && StandardClasses.isWordByte(bytes[index])
    }

    /// The UTF-8 encoding of scalar values (lone surrogates have none and give nil).
    static func encode(_ values: [UInt32]) -> [UInt8]? {
        var bytes: [UInt8] = []
        for value in values {
            guard let scalar = Unicode.Scalar(value) else { return nil }
            bytes.append(contentsOf: UTF8.encode(scalar).map { Array($0) } ?? [])
        }
        return bytes
    }

    /// The first offset at or after `from` where `needle` occurs in `bytes`.
    static func firstOffset(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int = 0) -> Int? {
        guard let first = needle.first else { return from }
        guard bytes.count >= needle.count else { return nil }
        let last = bytes.count - needle.count
        var index = from
        while index <= last {
            if bytes[index] == first {
                var offset = 1
                while offset < needle.count, bytes[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return index }
            }
            index += 1
        }
        return nil
    }
}

/// A set of byte values, for skipping quickly to the bytes a match can start with.
struct ByteSet: Sendable, Equatable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init() {}

    mutating func insert(_ byte: UInt8) {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    mutating func insert(_ bytes: ClosedRange<UInt8>) {
        for byte in bytes { insert(byte) }
    }

    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        let word: UInt64
        switch byte >> 6 {
        case 0: word = words.0
        case 1: word = words.1
        case 2: word = words.2
        default: word = words.3
        }
        return (word >> UInt64(byte & 63)) & 1 == 1
    }

    static func == (lhs: ByteSet, rhs: ByteSet) -> Bool {
        lhs.words == rhs.words
    }
}
