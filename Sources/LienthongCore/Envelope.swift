import Foundation

/// One message between gateways: its metadata (carried in `Lienthong-*` headers and signed in the
/// JWS protected header) and the payload bytes exactly as they travel.
public struct Envelope: Sendable, Equatable {
    public var id: MessageID
    public var from: AgencyCode
    public var to: AgencyCode
    public var service: ServiceID
    /// Creation time, second precision on the wire (RFC 3339, UTC).
    public var created: Date
    /// The id of the request this message answers, if it is a response.
    public var correlationID: MessageID?
    public var contentType: String
    public var payload: [UInt8]

    public init(
        id: MessageID = MessageID(), from: AgencyCode, to: AgencyCode, service: ServiceID,
        created: Date = Date(), correlationID: MessageID? = nil,
        contentType: String = "application/json", payload: [UInt8]
    ) {
        self.id = id
        self.from = from
        self.to = to
        self.service = service
        self.created = Timestamp.truncatedToSeconds(created)
        self.correlationID = correlationID
        self.contentType = contentType
        self.payload = payload
    }

    /// The `Lienthong-*` header values of this envelope, in wire order.
    public var headerFields: [(name: String, value: String)] {
        var fields: [(String, String)] = [
            (HeaderName.messageID, id.rawValue),
            (HeaderName.service, service.rawValue),
            (HeaderName.from, from.rawValue),
            (HeaderName.to, to.rawValue),
            (HeaderName.created, Timestamp.format(created)),
        ]
        if let correlationID { fields.append((HeaderName.correlationID, correlationID.rawValue)) }
        return fields
    }

    public static func == (lhs: Envelope, rhs: Envelope) -> Bool {
        lhs.id == rhs.id && lhs.from == rhs.from && lhs.to == rhs.to && lhs.service == rhs.service
            && lhs.created == rhs.created && lhs.correlationID == rhs.correlationID
            && lhs.contentType == rhs.contentType && lhs.payload == rhs.payload
    }
}

/// Names of the metadata headers of the exchange protocol (DESIGN.md, `/exchange/v1`).
public enum HeaderName {
    public static let messageID = "Lienthong-Message-Id"
    public static let service = "Lienthong-Service"
    public static let from = "Lienthong-From"
    public static let to = "Lienthong-To"
    public static let created = "Lienthong-Created"
    public static let correlationID = "Lienthong-Correlation-Id"
    public static let signature = "Lienthong-Signature"
}

/// RFC 3339 timestamps in UTC with second precision, the one form used on the wire.
public enum Timestamp {
    /// `date` as RFC 3339 with second precision: in UTC with `Z`, or, given `utcOffsetSeconds`
    /// (a whole number of minutes), as the local time at that offset with `±HH:MM` (the document
    /// axis writes Vietnam's time, +07:00).
    public static func format(_ date: Date, utcOffsetSeconds: Int = 0) -> String {
        let offset = Int64(utcOffsetSeconds) / 60 * 60
        let seconds = Int64(floor(date.timeIntervalSince1970)) + offset
        let days = Int64(floor(Double(seconds) / 86_400))
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civilDate(fromDays: days)
        // Written digit by digit: this runs for every message, and interpolating padded pieces
        // allocated a string per field. Years outside 0...9999 keep their full digits.
        var text: [UInt8] = []
        text.reserveCapacity(20)
        func append(_ value: Int64, width: Int) {
            if value < 0 { text.append(UInt8(ascii: "-")) }
            let digits = Array(String(abs(value)).utf8)
            if digits.count < width { text.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - digits.count)) }
            text.append(contentsOf: digits)
        }
        func append2(_ value: Int64) {
            text.append(UInt8(ascii: "0") + UInt8(value / 10))
            text.append(UInt8(ascii: "0") + UInt8(value % 10))
        }
        if (0...9999).contains(year) {
            append2(year / 100)
            append2(year % 100)
        } else {
            append(year, width: 4)
        }
        text.append(UInt8(ascii: "-"))
        append2(month)
        text.append(UInt8(ascii: "-"))
        append2(day)
        text.append(UInt8(ascii: "T"))
        append2(secondOfDay / 3600)
        text.append(UInt8(ascii: ":"))
        append2(secondOfDay / 60 % 60)
        text.append(UInt8(ascii: ":"))
        append2(secondOfDay % 60)
        if offset == 0 {
            text.append(UInt8(ascii: "Z"))
        } else {
            text.append(offset < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            append2(abs(offset) / 3600)
            text.append(UInt8(ascii: ":"))
            append2(abs(offset) / 60 % 60)
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; returns nil for anything else.
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20 else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for index in range {
                guard index < bytes.count, (48...57).contains(bytes[index]) else { return nil }
                value = value * 10 + Int64(bytes[index] - 48)
            }
            return value
        }
        guard let year = number(0..<4), bytes[4] == 45, let month = number(5..<7), bytes[7] == 45,
              let day = number(8..<10), bytes[10] == 84 || bytes[10] == 116,
              let hour = number(11..<13), bytes[13] == 58, let minute = number(14..<16), bytes[16] == 58,
              let second = number(17..<19)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              hour < 24, minute < 60, second < 60
        else { return nil }
        var index = 19
        var fraction = 0.0
        if bytes[index] == 46 {
            index += 1
            var scale = 0.1
            let start = index
            while index < bytes.count, (48...57).contains(bytes[index]) {
                fraction += Double(bytes[index] - 48) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        guard index < bytes.count else { return nil }
        var offset: Int64 = 0
        switch bytes[index] {
        case 90, 122:
            index += 1
        case 43, 45:
            guard let oh = number(index + 1..<index + 3), index + 3 < bytes.count, bytes[index + 3] == 58,
                  let om = number(index + 4..<index + 6), oh < 24, om < 60
            else { return nil }
            offset = (oh * 60 + om) * 60 * (bytes[index] == 45 ? -1 : 1)
            index += 6
        default:
            return nil
        }
        guard index == bytes.count else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    public static func truncatedToSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: floor(date.timeIntervalSince1970))
    }

    static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // Howard Hinnant's days-from-civil algorithms: exact proleptic Gregorian arithmetic.
    static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilDate(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
