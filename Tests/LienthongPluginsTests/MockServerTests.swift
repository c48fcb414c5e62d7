import AsyncHTTPClient
import LienthongMocks
import LienthongSchema
import Testing

@Suite("Mock server: control API and faults")
struct MockServerTests {
    let system = LandSystem(data: TestData.shared)

    func lookupURL(_ mock: RunningMock) -> String {
        let parcel = TestData.shared.parcels[0]
        return mock.baseURL + "/api/v1/thua-dat?maXa=\(parcel.communeCode)&soTo=\(parcel.mapSheet)&soThua=\(parcel.parcelNumber)"
    }

    @Test("stats count answers by kind and reset clears them")
    func stats() async throws {
        try await RunningMock.with(system) { mock in
            try await withHTTPClient { client in
                let key = [("X-API-Key", "land-dev-key")]
                #expect(try await exchange(client, .GET, lookupURL(mock), headers: key).status == 200)
                #expect(try await exchange(client, .GET, lookupURL(mock), headers: key).status == 200)
                #expect(try await exchange(client, .GET, lookupURL(mock)).status == 401)
                let stats = try await exchange(client, .GET, mock.baseURL + "/_mock/stats")
                #expect(stats.body?[key: "system"] == "land")
                #expect(stats.body?[key: "requests"]?[key: "parcel.lookup"] == 2)
                #expect(stats.body?[key: "requests"]?[key: "parcel.lookup.unauthorized"] == 1)
                #expect(try await exchange(client, .POST, mock.baseURL + "/_mock/reset").status == 200)
                let after = try await exchange(client, .GET, mock.baseURL + "/_mock/stats")
                #expect(after.body?[key: "requests"] == [:])
            }
        }
    }

    @Test("down answers 503 to the system's API but not to /_mock, and can be lifted")
    func down() async throws {
        try await RunningMock.with(system) { mock in
            try await withHTTPClient { (client: HTTPClient) async throws in
                let key = [("X-API-Key", "land-dev-key")]
                #expect(try await setFaults(client, mock, ["down": true]) == 200)
                #expect(try await exchange(client, .GET, lookupURL(mock), headers: key).status == 503)
                #expect(try await exchange(client, .GET, mock.baseURL + "/_mock/stats").status == 200)
                #expect(try await setFaults(client, mock, ["down": false]) == 200)
                #expect(try await exchange(client, .GET, lookupURL(mock), headers: key).status == 200)
            }
        }
    }

    @Test("invalid faults are refused with a reason")
    func invalidFaults() async throws {
        try await RunningMock.with(system) { mock in
            try await withHTTPClient { client in
                let refused = try await exchange(client, .POST, mock.baseURL + "/_mock/faults", json: ["errorRate": 1.5])
                #expect(refused.status == 400)
                #expect(refused.body?[key: "error"]?.asString?.contains("errorRate") == true)
                #expect(try await setFaults(client, mock, ["slowness": 3]) == 400)
                #expect(mock.server.faults == .none)
            }
        }
    }

    @Test("an error rate fails requests with the system's own error body, the same ones for the same seed")
    func errorRateIsSeeded() async throws {
        func pattern(seed: UInt64) async throws -> [Int] {
            try await RunningMock.with(system, faults: MockFaults(errorRate: 0.5), seed: seed) { mock in
                try await withHTTPClient { client in
                    var statuses: [Int] = []
                    for _ in 0..<20 {
                        let answer = try await exchange(client, .GET, lookupURL(mock), headers: [("X-API-Key", "land-dev-key")])
                        if answer.status == 500 { #expect(answer.body?[key: "error"]?[key: "code"] == "INTERNAL_ERROR") }
                        statuses.append(answer.status)
                    }
                    return statuses
                }
            }
        }
        let first = try await pattern(seed: 3)
        #expect(first.contains(500) && first.contains(200))
        #expect(try await pattern(seed: 3) == first)
    }

    @Test("samples name records that exist")
    func samples() async throws {
        try await RunningMock.with(PopulationSystem(data: TestData.shared)) { mock in
            try await withHTTPClient { client in
                let samples = try await exchange(client, .GET, mock.baseURL + "/_mock/samples")
                let numbers = samples.body?[key: "citizens"]?.asArray?.compactMap(\.asString) ?? []
                #expect(!numbers.isEmpty)
                #expect(numbers.allSatisfy { TestData.shared.citizens.citizen(soDinhDanh: $0) != nil })
            }
        }
    }
}

@Suite("Mock answers are reproducible")
struct MockReproducibilityTests {
    /// What a business mock over data from `seed` answers for its first three samples.
    func answers(seed: UInt64) async throws -> [JSONValue] {
        let data = MockDataSet(seed: seed, sizes: .init(citizens: 200, enterprises: 50, parcels: 10))
        return try await RunningMock.with(BusinessRegistrySystem(data: data)) { mock in
            try await withHTTPClient { client in
                let samples = try await exchange(client, .GET, mock.baseURL + "/_mock/samples")
                let codes = samples.body?[key: "enterprises"]?.asArray?.compactMap(\.asString) ?? []
                var answers: [JSONValue] = []
                for code in codes.prefix(3) {
                    let answer = try await exchange(
                        client, .GET, mock.baseURL + BusinessRegistrySystem.enterprisePathPrefix + "/" + code,
                        headers: [("Authorization", "Bearer ngsp-dev-token")])
                    answers.append(answer.body ?? .null)
                }
                return answers
            }
        }
    }

    @Test("two mocks started with the same seed answer the same; another seed answers otherwise")
    func sameSeedSameAnswers() async throws {
        let first = try await answers(seed: 11)
        #expect(first.count == 3)
        #expect(first.allSatisfy { $0[key: "Data"]?[key: "NAME"] != nil })
        #expect(try await answers(seed: 11) == first)
        #expect(try await answers(seed: 12) != first)
    }
}
