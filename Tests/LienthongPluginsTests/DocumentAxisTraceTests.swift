import Foundation
import LienthongCore
import LienthongSchema
import Testing

@testable import DocumentAxisPlugin

@Suite("DocumentAxis gateway trace")
struct DocumentAxisTraceTests {
    let gateway: AgencyCode

    init() throws {
        gateway = try AgencyCode(parsing: "000.00.00.G09")
    }

    @Test("the gateway appends itself with the time in UTC+07:00")
    func appends() throws {
        let example = try #require(try DocumentAxisFixtures.documentExamples().first)
        let date = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18T11:06:40Z
        let traced = GatewayTrace.appending(gateway, at: date, to: example)
        let entries = try #require(traced[key: "TraceHeaderList"]?[key: "TraceHeader"]?.asArray)
        #expect(entries.count == 2)
        #expect(entries.first == example[key: "TraceHeaderList"]?[key: "TraceHeader"]?[index: 0])
        #expect(entries.last == ["OrganId": "000.00.00.G09", "Timestamp": "2026-11-18T18:06:40+07:00"])
        let validator = try #require(try SchemaCatalog.load().schemas(forService: "document.edoc.send/v1")).request.validator
        #expect(validator.validate(traced).errors.isEmpty)
    }

    @Test("the gateway is not added twice, nor to a full trace")
    func notTwiceNorBeyondTheLimit() throws {
        let example = try #require(try DocumentAxisFixtures.documentExamples().first)
        let once = GatewayTrace.appending(gateway, at: Date(), to: example)
        #expect(GatewayTrace.appending(gateway, at: Date(), to: once) == once)
        let full: JSONValue = .array((0..<GatewayTrace.maxEntries).map { _ in ["OrganId": "000.00.00.H41", "Timestamp": "2026-11-21T09:15:00+07:00"] })
        let fullPayload = DocumentAxisFixtures.replacing(["TraceHeaderList", "TraceHeader"], in: example, with: full)
        #expect(GatewayTrace.appending(gateway, at: Date(), to: fullPayload) == fullPayload)
    }
}
