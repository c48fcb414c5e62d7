import Foundation
import Testing
import LienthongCore

@Suite("Envelope and timestamps")
struct EnvelopeTests {
    @Test func headerFieldsCarryEveryValueInWireOrder() throws {
        let request = MessageID()
        let envelope = Envelope(
            from: try AgencyCode(parsing: "000.00.00.G01"), to: try AgencyCode(parsing: "000.00.00.H41"),
            service: try ServiceID(parsing: "population.citizen.lookup/v1"),
            created: Date(timeIntervalSince1970: 1_795_233_600.9), correlationID: request, payload: Array("{}".utf8))
        let fields = envelope.headerFields
        #expect(fields.map(\.name) == [
            "Lienthong-Message-Id", "Lienthong-Service", "Lienthong-From", "Lienthong-To", "Lienthong-Created",
            "Lienthong-Correlation-Id",
        ])
        #expect(fields[4].value == "2026-11-21T04:00:00Z")
        #expect(fields[5].value == request.rawValue)
        #expect(envelope.created.timeIntervalSince1970 == 1_795_233_600)
    }

    @Test(arguments: [
        ("2026-11-21T04:00:00Z", 1_795_233_600.0),
        ("2026-11-21T11:00:00+07:00", 1_795_233_600.0),
        ("2026-11-21t04:00:00.250z", 1_795_233_600.25),
        ("2024-02-29T00:00:00Z", 1_709_164_800.0),
        ("1970-01-01T00:00:00Z", 0.0),
    ])
    func parsesRFC3339(_ text: String, _ seconds: Double) {
        #expect(Timestamp.parse(text)?.timeIntervalSince1970 == seconds)
    }

    @Test(arguments: [
        "2026-11-21 04:00:00Z", "2026-11-21T04:00:00", "2023-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
        "2026-11-21T24:00:00Z", "2026-11-21T04:00:00+7:00", "2026-11-21T04:00:00.Z", "2026-11-21T04:00:00Zjunk",
    ])
    func refusesMalformedTimestamps(_ text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    @Test func formatsKnownInstants() {
        #expect(Timestamp.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: 1_795_256_130.9)) == "2026-11-21T10:15:30Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: 253_402_300_799)) == "9999-12-31T23:59:59Z")
    }

    @Test func formatsLocalTimeAtAnOffset() {
        // Vietnam (+07:00) across a day boundary, and a negative offset.
        #expect(Timestamp.format(Date(timeIntervalSince1970: 1_795_256_130.9), utcOffsetSeconds: 7 * 3600)
            == "2026-11-21T17:15:30+07:00")
        #expect(Timestamp.format(Date(timeIntervalSince1970: 1_795_300_000), utcOffsetSeconds: 7 * 3600)
            == "2026-11-22T05:26:40+07:00")
        #expect(Timestamp.format(Date(timeIntervalSince1970: 0), utcOffsetSeconds: -(3 * 3600 + 30 * 60))
            == "1969-12-31T20:30:00-03:30")
        // The same text as Foundation's formatter, and the same instant read back.
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(secondsFromGMT: 7 * 3600)
        for seconds in stride(from: -1_000_000_000.0, through: 4_000_000_000.0, by: 86_399 * 53 + 0.5) {
            let date = Date(timeIntervalSince1970: seconds)
            let text = Timestamp.format(date, utcOffsetSeconds: 7 * 3600)
            #expect(text == formatter.string(from: date))
            #expect(Timestamp.parse(text) == Timestamp.truncatedToSeconds(date))
        }
    }

    @Test func formatsAndParsesBackAcrossCenturies() {
        for seconds in stride(from: -2_000_000_000.0, through: 4_000_000_000.0, by: 86_399 * 37) {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(Timestamp.parse(Timestamp.format(date)) == date)
        }
    }
}
