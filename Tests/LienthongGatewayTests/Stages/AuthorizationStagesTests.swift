import Foundation
import LienthongCore
import LienthongCrypto
import Testing
@testable import LienthongGateway

@Suite("Authentication, authorisation and routing stages")
struct AuthorizationStagesTests {
    static func client(key: String, services: Set<ServiceID>) throws -> GatewayConfiguration.LocalClient {
        GatewayConfiguration.LocalClient(name: "portal", apiKeySHA256: try Digest.sha256(Array(key.utf8)), allowedServices: services)
    }

    @Test("clients are identified by the SHA-256 of their bearer key")
    func clientAuthentication() throws {
        let authentication = ClientAuthentication(clients: [try Self.client(key: "secret-1", services: [])])
        let found = try authentication.authenticate(HTTPMessage(headers: [("authorization", "Bearer secret-1")]))
        #expect(found.name == "portal")
        for headers in [[("Authorization", "Bearer secret-2")], [("Authorization", "Basic secret-1")], []] {
            do {
                _ = try authentication.authenticate(HTTPMessage(headers: headers))
                Issue.record("accepted \(headers)")
            } catch { #expect(error.status == 401 && error.name == "unknown-client") }
        }
    }

    @Test("a client may use only its services")
    func serviceAuthorization() throws {
        let client = try Self.client(key: "k", services: [TestServices.lookup])
        try ServiceAuthorization().authorize(client, for: TestServices.lookup)
        do {
            try ServiceAuthorization().authorize(client, for: TestServices.verify)
            Issue.record("an unlisted service was allowed")
        } catch { #expect(error.status == 403) }
    }

    @Test("agencies are authorised per provided service; unknown services are 404")
    func agencyAuthorization() throws {
        let authorization = AgencyAuthorization(allowed: [
            TestServices.lookup: nil, TestServices.verify: [TestPKI.provinceAgency],
        ])
        try authorization.authorize(TestPKI.otherProvinceAgency, for: TestServices.lookup)
        try authorization.authorize(TestPKI.provinceAgency, for: TestServices.verify)
        do {
            try authorization.authorize(TestPKI.otherProvinceAgency, for: TestServices.verify)
            Issue.record("an agency not listed was allowed")
        } catch { #expect(error.status == 403) }
        do {
            try authorization.authorize(TestPKI.provinceAgency, for: TestServices.service("land.parcel.lookup/v1"))
            Issue.record("a service not provided was allowed")
        } catch { #expect(error.status == 404) }
    }

    @Test("only messages addressed to us are accepted")
    func recipient() throws {
        let check = RecipientCheck(agency: TestPKI.ministryAgency)
        let ours = Envelope(from: TestPKI.provinceAgency, to: TestPKI.ministryAgency, service: TestServices.lookup, payload: [])
        try check.check(ours)
        var other = ours
        other.to = TestPKI.otherProvinceAgency
        do {
            try check.check(other)
            Issue.record("a message for another agency was accepted")
        } catch { #expect(error.status == 403 && error.name == "wrong-recipient") }
    }

    @Test("routes pick the provider; Lienthong-To overrides; missing routes and peers are 404")
    func routing() throws {
        let urls = [URL(string: "https://a.example"), URL(string: "https://b.example")].compactMap { $0 }
        let routing = PeerRouting(
            routes: [TestServices.lookup: TestPKI.ministryAgency],
            peers: [TestPKI.ministryAgency: urls, TestPKI.otherProvinceAgency: [urls[1]]])
        let routed = try routing.route(TestServices.lookup, requestedProvider: nil)
        #expect(routed.agency == TestPKI.ministryAgency && routed.urls == urls)
        let named = try routing.route(TestServices.lookup, requestedProvider: "000.00.00.H01")
        #expect(named.agency == TestPKI.otherProvinceAgency)
        for (service, provider, status) in [
            (TestServices.verify, nil, 404), (TestServices.lookup, "000.00.00.H99", 404), (TestServices.lookup, "bad code", 400),
        ] as [(ServiceID, String?, Int)] {
            do {
                _ = try routing.route(service, requestedProvider: provider)
                Issue.record("routed \(service) to \(provider ?? "nil")")
            } catch { #expect(error.status == status) }
        }
    }

    @Test("a message id seen before, or a Created outside the window, is a replay")
    func replay() async throws {
        let check = ReplayCheck(replayGuard: InMemoryReplayGuard(), windowSeconds: 60)
        let now = Date()
        let envelope = Envelope(
            from: TestPKI.provinceAgency, to: TestPKI.ministryAgency, service: TestServices.lookup, created: now, payload: [])
        try await check.check(envelope, now: now)
        do {
            try await check.check(envelope, now: now)
            Issue.record("a replay was accepted")
        } catch { #expect(error.status == 409) }
        for offset in [-61.0, 61.0] {
            let stale = Envelope(
                from: TestPKI.provinceAgency, to: TestPKI.ministryAgency, service: TestServices.lookup,
                created: now.addingTimeInterval(offset), payload: [])
            do {
                try await check.check(stale, now: now)
                Issue.record("Created \(offset) s away was accepted")
            } catch { #expect(error.status == 409) }
        }
    }
}
