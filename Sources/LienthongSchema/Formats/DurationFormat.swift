/// `duration` per RFC 3339 Appendix A (the ISO 8601 duration profile):
///
///     duration  = "P" (dur-date / dur-time / dur-week)
///     dur-date  = (dur-day / dur-month / dur-year) [dur-time]
///     dur-time  = "T" (dur-hour / dur-minute / dur-second)
///     dur-year  = 1*DIGIT "Y" [dur-month]     dur-hour   = 1*DIGIT "H" [dur-minute]
///     dur-month = 1*DIGIT "M" [dur-day]       dur-minute = 1*DIGIT "M" [dur-second]
///     dur-day   = 1*DIGIT "D"                 dur-second = 1*DIGIT "S"
///     dur-week  = 1*DIGIT "W"
///
/// So the elements present must be consecutive (`P1Y2M` but not `P1Y2D`), weeks stand alone,
/// `T` must be followed by at least one element and values are whole numbers. Designators are
/// upper case as in ISO 8601; RFC 3339 allows lower case only for the `T` and `Z` of timestamps.
enum DurationFormat {
    static func isValid(_ bytes: UTF8Bytes) -> Bool {
        guard bytes.byte(at: 0) == UInt8(ascii: "P"), bytes.count > 1 else { return false }
        var index = 1
        if bytes[index] != UInt8(ascii: "T") {
            // dur-week is a number and "W" that must end the string.
            if let afterNumber = endOfNumber(bytes, from: index), bytes.byte(at: afterNumber) == UInt8(ascii: "W") {
                return afterNumber + 1 == bytes.count
            }
            guard let next = consumeRun(bytes, from: index, designators: dateDesignators) else { return false }
            index = next
            if index == bytes.count { return true }
        }
        guard bytes.byte(at: index) == UInt8(ascii: "T"),
            let end = consumeRun(bytes, from: index + 1, designators: timeDesignators)
        else { return false }
        return end == bytes.count
    }

    private static let dateDesignators: [UInt8] = [UInt8(ascii: "Y"), UInt8(ascii: "M"), UInt8(ascii: "D")]
    private static let timeDesignators: [UInt8] = [UInt8(ascii: "H"), UInt8(ascii: "M"), UInt8(ascii: "S")]

    /// Consumes one or more `number designator` elements whose designators are consecutive entries
    /// of `designators`, and returns the index after them; nil when there is none or one is malformed.
    private static func consumeRun(_ bytes: UTF8Bytes, from start: Int, designators: [UInt8]) -> Int? {
        var index = start
        var nextAllowed = 0  // position in `designators` the next element may use, at the earliest
        var previous: Int?  // position used by the previous element
        while let afterNumber = endOfNumber(bytes, from: index) {
            guard let designator = bytes.byte(at: afterNumber),
                let position = designators[nextAllowed...].firstIndex(of: designator)
            else { break }
            // After the first element, each one must use the very next designator.
            if let previous, position != previous + 1 { return nil }
            previous = position
            nextAllowed = position + 1
            index = afterNumber + 1
            if nextAllowed == designators.count { break }
        }
        guard previous != nil else { return nil }
        // Anything left that is a number means an element without a (valid) designator.
        if endOfNumber(bytes, from: index) != nil { return nil }
        return index
    }

    /// The index after one or more ASCII digits starting at `start`; nil when there is no digit.
    private static func endOfNumber(_ bytes: UTF8Bytes, from start: Int) -> Int? {
        var index = start
        while let byte = bytes.byte(at: index), byte.isASCIIDigit { index += 1 }
        return index > start ? index : nil
    }
}
