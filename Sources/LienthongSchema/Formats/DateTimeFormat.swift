/// `date`, `time` and `date-time` per RFC 3339 §5.6: `full-date`, `full-time` and `date-time`.
///
/// Only the RFC 3339 profile is accepted, not the rest of ISO 8601: four-digit years, two-digit
/// fields, a required offset (`Z` or `±hh:mm`), `T`/`Z` in either case (RFC 3339 §5.6 note).
enum DateTimeFormat {
    /// `full-date = date-fullyear "-" date-month "-" date-mday`, with the day checked against the
    /// month and the Gregorian leap-year rule.
    static func isValidDate(_ bytes: UTF8Bytes) -> Bool {
        bytes.count == 10 && isFullDate(bytes)
    }

    /// `full-time = partial-time time-offset`; a leap second must fall on 23:59:60 UTC.
    static func isValidTime(_ bytes: UTF8Bytes) -> Bool {
        isFullTime(bytes)
    }

    /// `date-time = full-date "T" full-time`.
    static func isValidDateTime(_ bytes: UTF8Bytes) -> Bool {
        guard bytes.count > 11, let separator = bytes.byte(at: 10), separator | 0x20 == UInt8(ascii: "t") else {
            return false
        }
        return isFullDate(bytes.rebased(0..<10)) && isFullTime(bytes.rebased(11..<bytes.count))
    }

    private static func isFullDate(_ bytes: UTF8Bytes) -> Bool {
        guard bytes.count == 10,
            bytes[4] == ASCII.hyphen, bytes[7] == ASCII.hyphen,
            let year = bytes.decimalValue(at: 0, length: 4),
            let month = bytes.decimalValue(at: 5, length: 2),
            let day = bytes.decimalValue(at: 8, length: 2),
            (1...12).contains(month)
        else { return false }
        return day >= 1 && day <= daysIn(month: month, year: year)
    }

    /// Days in `month` (1-12) of `year` in the proleptic Gregorian calendar (RFC 3339 Appendix C).
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    private static func isFullTime(_ bytes: UTF8Bytes) -> Bool {
        // partial-time = time-hour ":" time-minute ":" time-second [time-secfrac]
        guard bytes.count >= 9,
            bytes[2] == ASCII.colon, bytes[5] == ASCII.colon,
            let hour = bytes.decimalValue(at: 0, length: 2), hour <= 23,
            let minute = bytes.decimalValue(at: 3, length: 2), minute <= 59,
            let second = bytes.decimalValue(at: 6, length: 2), second <= 60
        else { return false }
        var index = 8
        if bytes[index] == ASCII.dot {  // time-secfrac = "." 1*DIGIT
            index += 1
            let fractionStart = index
            while let byte = bytes.byte(at: index), byte.isASCIIDigit { index += 1 }
            guard index > fractionStart else { return false }
        }
        guard let offsetMinutes = timeOffsetMinutes(bytes.rebased(index..<bytes.count)) else { return false }
        guard second == 60 else { return true }
        // A leap second is inserted at the end of a UTC day, so the time in UTC must be 23:59:60.
        let utcMinuteOfDay = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
        return utcMinuteOfDay == 23 * 60 + 59
    }

    /// `time-offset = "Z" / time-numoffset`, as minutes east of UTC; nil when malformed.
    private static func timeOffsetMinutes(_ bytes: UTF8Bytes) -> Int? {
        if bytes.count == 1, bytes[0] | 0x20 == UInt8(ascii: "z") { return 0 }
        // time-numoffset = ("+" / "-") time-hour ":" time-minute
        guard bytes.count == 6, bytes[3] == ASCII.colon,
            let hour = bytes.decimalValue(at: 1, length: 2), hour <= 23,
            let minute = bytes.decimalValue(at: 4, length: 2), minute <= 59
        else { return nil }
        switch bytes[0] {
        case ASCII.plus: return hour * 60 + minute
        case ASCII.hyphen: return -(hour * 60 + minute)
        default: return nil
        }
    }
}
