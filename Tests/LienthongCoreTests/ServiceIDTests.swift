import Testing
import LienthongCore

@Suite("ServiceID")
struct ServiceIDTests {
    @Test func parsesParts() throws {
        let id = try ServiceID(parsing: "population.citizen.lookup/v1")
        #expect(id.system == "population")
        #expect(id.resource == "citizen")
        #expect(id.action == "lookup")
        #expect(id.majorVersion == 1)
        #expect(id.rawValue == "population.citizen.lookup/v1")
        #expect(try ServiceID(parsing: "social-insurance.book2.lookup/v12").majorVersion == 12)
    }

    @Test(arguments: [
        ("population.citizen.lookup", "must have the form system.resource.action/vN (exactly one '/')"),
        ("population.citizen/v1", "the name must have three dot-separated parts (system.resource.action), found 2"),
        ("population..lookup/v1", "the resource part is empty"),
        ("Population.citizen.lookup/v1", "the system part \"Population\" must start with a lower-case letter"),
        ("population.citizen.look_up/v1", "the action part \"look_up\" may hold only a-z, 0-9 and '-'"),
        ("population.citizen.lookup/1", "the version \"1\" must be 'v' followed by the major version, e.g. v1"),
        ("population.citizen.lookup/v01", "the version \"v01\" must be 'v' followed by a positive integer without leading zeros"),
        ("population.citizen.lookup/v0", "the version \"v0\" must be 'v' followed by a positive integer without leading zeros"),
        ("population.citizen.lookup/v1/x", "must have the form system.resource.action/vN (exactly one '/')"),
    ])
    func refusesWithPreciseReason(_ input: String, _ reason: String) {
        let error = #expect(throws: IdentifierError.self) { try ServiceID(parsing: input) }
        #expect(error?.reason == reason)
        #expect(error?.kind == .serviceID)
    }
}
