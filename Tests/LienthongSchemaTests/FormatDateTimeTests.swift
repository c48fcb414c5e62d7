import Foundation
import Testing

@testable import LienthongSchema

@Suite struct FormatDateTimeTests {
    private func check(_ format: String, _ value: String) -> Bool? { FormatChecker.check(format, value) }

    /// Every (year, month, day) with day 1-31 is valid exactly when the Gregorian calendar has it;
    /// Foundation's calendar is the independent oracle.
    @Test(arguments: [1900, 1999, 2000, 2023, 2024, 2100, 2400])
    func dayValidityMatchesGregorianCalendar(year: Int) throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        for month in 1...12 {
            for day in 1...31 {
                let components = DateComponents(year: year, month: month, day: day)
                let date = try #require(calendar.date(from: components))
                let exists = calendar.component(.day, from: date) == day
                let text = String(format: "%04d-%02d-%02d", year, month, day)
                #expect(check("date", text) == exists, "\(text)")
            }
        }
    }

    @Test func leapYearRule() {
        #expect(DateTimeFormat.isLeapYear(2000))
        #expect(DateTimeFormat.isLeapYear(2024))
        #expect(!DateTimeFormat.isLeapYear(1900))
        #expect(!DateTimeFormat.isLeapYear(2023))
        #expect(check("date", "2000-02-29") == true)
        #expect(check("date", "1900-02-29") == false)
    }

    @Test func offsetsSpanPlusMinus23h59() {
        #expect(check("date-time", "2020-01-01T00:00:00+23:59") == true)
        #expect(check("date-time", "2020-01-01T00:00:00-23:59") == true)
        #expect(check("date-time", "2020-01-01T00:00:00-00:00") == true)
        #expect(check("date-time", "2020-01-01T00:00:00+24:00") == false)
        #expect(check("date-time", "2020-01-01T00:00:00+05:60") == false)
        // Offsets need two-digit hours and minutes, and a colon.
        #expect(check("date-time", "2020-01-01T00:00:00+5:00") == false)
        #expect(check("date-time", "2020-01-01T00:00:00+0500") == false)
        #expect(check("date-time", "2020-01-01T00:00:00+05:0") == false)
    }

    @Test func leapSecondMustBe235960InUTC() {
        #expect(check("date-time", "2016-12-31T23:59:60Z") == true)
        // 00:59:60 at +01:00 is 23:59:60 UTC on the previous day.
        #expect(check("date-time", "2017-01-01T00:59:60+01:00") == true)
        #expect(check("time", "12:59:60+13:00") == true)
        #expect(check("time", "10:29:60-13:30") == true)
        #expect(check("time", "23:59:60+00:01") == false)
        #expect(check("time", "23:59:60-00:01") == false)
        #expect(check("time", "12:00:60Z") == false)
        #expect(check("time", "23:59:61Z") == false)
    }

    @Test func separatorsAndFractions() {
        #expect(check("date-time", "2020-01-01t12:00:00z") == true)
        #expect(check("date-time", "2020-01-01T12:00:00.1Z") == true)
        // RFC 3339's ABNF requires "T"; a space, a missing fraction digit or a comma are not allowed.
        #expect(check("date-time", "2020-01-01 12:00:00Z") == false)
        #expect(check("date-time", "2020-01-01T12:00:00.Z") == false)
        #expect(check("date-time", "2020-01-01T12:00:00,5Z") == false)
        #expect(check("date-time", "2020-01-01T") == false)
        #expect(check("date-time", "2020-01-01") == false)
        #expect(check("time", "12:00:00") == false)
        #expect(check("time", "12:00Z") == false)
    }

    @Test(arguments: [
        ("P1Y", true), ("P1Y2M", true), ("P1Y2M3D", true), ("P2M3D", true), ("P3D", true),
        ("PT1H", true), ("PT1H2M", true), ("PT1H2M3S", true), ("PT2M3S", true), ("PT3S", true),
        ("P1DT1S", true), ("P1YT1H", true), ("P4W", true), ("P0W", true),
        ("P1Y3D", false), ("PT1H3S", false), ("P1M1Y", false), ("P4WT1H", false), ("P1D4W", false),
        ("P1Y2M3DT", false), ("PT", false), ("P", false), ("", false), ("P1H", false), ("PT1Y", false),
        ("p1y", false), ("P1y", false), ("P1.5Y", false), ("P1Y1Y", false), ("PT1M1M", false),
    ])
    func durationGrammar(value: String, valid: Bool) {
        #expect(check("duration", value) == valid, "\(value)")
    }
}
