import AsyncHTTPClient
import DocumentAxisPlugin
import Foundation
import LienthongCore
import LienthongMocks
import LienthongPluginAPI
import LienthongSchema
import Logging
import NIOCore
import Testing

@Suite("DocumentAxis adapter against the mock")
struct DocumentAxisAdapterTests {
    static let nghean = "000.00.00.H41"
    static let governmentOffice = "000.00.00.G22"

    @Test("the descriptor names both services with the bundled schemas")
    func descriptor() throws {
        let catalog = try SchemaCatalog.load()
        let descriptor = DocumentAxisPluginFactory().descriptor
        #expect(descriptor.id == "document-axis")
        #expect(descriptor.services.map(\.service.rawValue) == ["document.edoc.send/v1", "document.status.update/v1"])
        for service in descriptor.services {
            let schemas = try #require(catalog.schemas(forService: service.service.rawValue))
            #expect(schemas.request.id == service.requestSchema)
            #expect(schemas.response.id == service.responseSchema)
        }
    }

    @Test("a document is sent and acknowledged with a DocId that validates against the response schema")
    func sendDocument() async throws {
        let catalog = try SchemaCatalog.load()
        let validator = try #require(catalog.schemas(forService: "document.edoc.send/v1")).response.validator
        let examples = try DocumentAxisFixtures.documentExamples()
        try await DocumentAxisTestServer.withMock { baseURL, stats in
            let plugin = try makePlugin(baseURL: baseURL)
            var docIDs: [String] = []
            for example in examples {
                let from = try #require(example[key: "MessageHeader"]?[key: "From"]?[key: "OrganId"]?.asString)
                let response = try await plugin.handle(request(DocumentAxisPluginFactory.edocSend, from: from, example))
                #expect(response.payload[key: "status"] == "OK")
                docIDs.append(try #require(response.payload[key: "DocId"]?.asString))
                let result = validator.validate(response.payload)
                #expect(result.errors.isEmpty, "\(result)")
            }
            // The first example is the seeded document (a re-delivery keeps its DocId); the second is new.
            #expect(docIDs == ["0193a5f0-0000-7000-8000-000000000001", "0193a5f0-0000-7000-8000-000000000002"])
            #expect(stats.snapshot()["edoc.send"] == examples.count)
        }
    }

    @Test("the axis receives the document with the gateway appended to its trace")
    func traceReachesTheAxis() async throws {
        let example = try #require(try DocumentAxisFixtures.documentExamples().first)
        let seed = DocumentAxisSeed(tokens: [DocumentAxisSeed.developmentToken], organs: DocumentAxisSeed.standard.organs)
        try await DocumentAxisTestServer.withMock(seed: seed) { baseURL, _ in
            let plugin = try makePlugin(baseURL: baseURL)
            let response = try await plugin.handle(request(DocumentAxisPluginFactory.edocSend, from: Self.nghean, example))
            let docID = try #require(response.payload[key: "DocId"]?.asString)
            var history = HTTPClientRequest(url: baseURL + "/edxml/v1/messages/\(docID)/status")
            history.headers.add(name: "Authorization", value: "Bearer \(DocumentAxisSeed.developmentToken)")
            let answer = try await HTTPClient.shared.execute(history, timeout: .seconds(30))
            let json = try JSONParser.parse(Array(buffer: try await answer.body.collect(upTo: 1 << 20)))
            #expect(json[key: "Trace"] == ["000.00.00.H41", "000.00.00.G09"])
        }
    }

    @Test("a status is recorded by the axis and appears in the document's history")
    func updateStatus() async throws {
        let catalog = try SchemaCatalog.load()
        let validator = try #require(catalog.schemas(forService: "document.status.update/v1")).response.validator
        let status = try #require(try DocumentAxisFixtures.statusExamples().first)
        try await DocumentAxisTestServer.withMock { baseURL, stats in
            let plugin = try makePlugin(baseURL: baseURL)
            let response = try await plugin.handle(request(DocumentAxisPluginFactory.statusUpdate, from: Self.governmentOffice, status))
            #expect(response.payload == ["status": "OK"])
            #expect(validator.validate(response.payload).errors.isEmpty)
            #expect(stats.snapshot()["status.update"] == 1)
        }
    }

    @Test("an unknown recipient is the axis' FAIL answer, valid against the response schema")
    func unknownRecipient() async throws {
        let catalog = try SchemaCatalog.load()
        let validator = try #require(catalog.schemas(forService: "document.edoc.send/v1")).response.validator
        let example = try #require(try DocumentAxisFixtures.documentExamples().first)
        let payload = DocumentAxisFixtures.replacing(
            ["MessageHeader", "To"], in: example, with: [["OrganId": "000.00.00.H99", "OrganName": "Không tồn tại"]])
        try await DocumentAxisTestServer.withMock { baseURL, stats in
            let plugin = try makePlugin(baseURL: baseURL)
            let response = try await plugin.handle(request(DocumentAxisPluginFactory.edocSend, from: Self.nghean, payload))
            #expect(response.payload[key: "status"] == "FAIL")
            #expect(response.payload[key: "ErrorCode"] == "E_RECIPIENT_UNKNOWN")
            #expect(validator.validate(response.payload).errors.isEmpty)
            #expect(stats.snapshot() == ["edoc.send.failed": 1])
        }
    }

    @Test("a message the axis refuses as invalid is reported as .rejected with the axis' reason")
    func refusedAsInvalid() async throws {
        let example = try #require(try DocumentAxisFixtures.documentExamples().last)
        let attachments = try #require(example[key: "Attachments"]?.asArray)
        // Schema-valid, but two attachments share a content id: the axis refuses the message.
        let payload = DocumentAxisFixtures.replacing(["Attachments"], in: example, with: .array(attachments + [attachments[0]]))
        try await DocumentAxisTestServer.withMock { baseURL, stats in
            let plugin = try makePlugin(baseURL: baseURL)
            let error = await #expect(throws: PluginError.self) {
                try await plugin.handle(request(DocumentAxisPluginFactory.edocSend, from: Self.governmentOffice, payload))
            }
            guard case .rejected(let reason) = error else {
                Issue.record("expected .rejected, got \(String(describing: error))")
                return
            }
            #expect(reason.hasPrefix("E_DUPLICATE_CONTENT_ID"))
            #expect(stats.snapshot() == ["edoc.send.rejected": 1])
        }
    }

    @Test("a document in another agency's name is rejected before it is sent")
    func senderMustBeRequester() async throws {
        let example = try #require(try DocumentAxisFixtures.documentExamples().first)
        try await DocumentAxisTestServer.withMock { baseURL, stats in
            let plugin = try makePlugin(baseURL: baseURL)
            await #expect(throws: PluginError.rejected(
                "From.OrganId 000.00.00.H41 is neither the requesting agency 000.00.00.H29 nor one of its units"))
            {
                try await plugin.handle(request(DocumentAxisPluginFactory.edocSend, from: "000.00.00.H29", example))
            }
            #expect(stats.snapshot().isEmpty)
        }
    }

    @Test("a unit of the requesting agency may send in its own name")
    func unitMaySend() async throws {
        let example = try #require(try DocumentAxisFixtures.documentExamples().first)
        let fromUnit = DocumentAxisFixtures.replacing(
            ["MessageHeader", "From"], in: example,
            with: ["OrganId": "000.00.12.H41", "OrganName": "Sở Tài chính tỉnh Nghệ An", "OrganInCharge": "Ủy ban nhân dân tỉnh Nghệ An"])
        let withNewID = DocumentAxisFixtures.replacing(["MessageHeader", "DocumentId"], in: fromUnit, with: "000.00.12.H41,2026/11/21,77/STC-NS")
        try await DocumentAxisTestServer.withMock { baseURL, stats in
            let plugin = try makePlugin(baseURL: baseURL)
            let response = try await plugin.handle(request(DocumentAxisPluginFactory.edocSend, from: Self.nghean, withNewID))
            #expect(response.payload[key: "status"] == "OK")
            #expect(stats.snapshot() == ["edoc.send": 1])
        }
    }

    @Test("a wrong token is reported as .unavailable: the gateway's configuration, not the request, is at fault")
    func wrongToken() async throws {
        let example = try #require(try DocumentAxisFixtures.documentExamples().first)
        try await DocumentAxisTestServer.withMock { baseURL, _ in
            let plugin = try makePlugin(baseURL: baseURL, token: "not-the-token")
            let error = await #expect(throws: PluginError.self) {
                try await plugin.handle(request(DocumentAxisPluginFactory.edocSend, from: Self.nghean, example))
            }
            guard case .unavailable = error else {
                Issue.record("expected .unavailable, got \(String(describing: error))")
                return
            }
        }
    }

    @Test("a stopped axis is .unavailable")
    func stoppedUpstream() async throws {
        let example = try #require(try DocumentAxisFixtures.documentExamples().first)
        let url = try await DocumentAxisTestServer.stoppedServerURL()
        // A refused connection is retried until the connect timeout: 1 s, well inside the generous
        // deadline a loaded machine needs.
        try await withHTTPClient(connectTimeout: .seconds(1)) { client in
            let plugin = try makePlugin(baseURL: url, timeoutMs: 15_000, client: client)
            let error = await #expect(throws: PluginError.self) {
                try await plugin.handle(request(DocumentAxisPluginFactory.edocSend, from: Self.nghean, example))
            }
            guard case .unavailable = error else {
                Issue.record("expected .unavailable, got \(String(describing: error))")
                return
            }
        }
    }

    @Test("an axis slower than the timeout is .timeout")
    func slowUpstream() async throws {
        let example = try #require(try DocumentAxisFixtures.documentExamples().first)
        try await DocumentAxisTestServer.withMock(delay: .seconds(2)) { baseURL, _ in
            let plugin = try makePlugin(baseURL: baseURL, timeoutMs: 200)
            let error = await #expect(throws: PluginError.self) {
                try await plugin.handle(request(DocumentAxisPluginFactory.edocSend, from: Self.nghean, example))
            }
            guard case .timeout = error else {
                Issue.record("expected .timeout, got \(String(describing: error))")
                return
            }
        }
    }

    @Test("under the mock server, an injected error or downtime is .unavailable, and samples name the seed")
    func underMockServerFaults() async throws {
        let example = try #require(try DocumentAxisFixtures.documentExamples().first)
        for faults in [MockFaults(errorRate: 1), MockFaults(down: true)] {
            try await RunningMock.with(DocumentAxisMock(), faults: faults) { mock in
                let plugin = try makePlugin(baseURL: mock.baseURL)
                let error = await #expect(throws: PluginError.self) {
                    try await plugin.handle(request(DocumentAxisPluginFactory.edocSend, from: Self.nghean, example))
                }
                guard case .unavailable(let reason) = error else {
                    Issue.record("expected .unavailable, got \(String(describing: error))")
                    return
                }
                #expect(reason.contains(faults.down ? "503" : "E_INTERNAL"))
            }
        }
        try await RunningMock.with(DocumentAxisMock()) { mock in
            let answer = try await HTTPClient.shared.execute(HTTPClientRequest(url: mock.baseURL + "/_mock/samples"), timeout: .seconds(30))
            let samples = try JSONParser.parse(Array(buffer: try await answer.body.collect(upTo: 1 << 20)))
            #expect(samples[key: "documents"]?[index: 0]?[key: "DocId"]?.asString == DocumentAxisSeed.standard.documents.first?.docID)
        }
    }

    @Test("a service the plugin does not provide is refused")
    func unsupportedService() async throws {
        let plugin = try makePlugin(baseURL: "http://127.0.0.1:9")
        let other = try ServiceID(parsing: "population.citizen.lookup/v1")
        await #expect(throws: PluginError.unsupportedService(other)) {
            try await plugin.handle(request(other, from: Self.nghean, [:]))
        }
    }

    // MARK: settings

    @Test("the token can come from a file or an environment variable")
    func tokenSources() async throws {
        let example = try #require(try DocumentAxisFixtures.documentExamples().first)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("axis-token-\(UUID().uuidString)")
        try Data("\(DocumentAxisSeed.developmentToken)\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        try await DocumentAxisTestServer.withMock { baseURL, stats in
            let environment = PluginEnvironment(httpClient: HTTPClient.shared, logger: Logger(label: "test"))
            let fromFile = try DocumentAxisPluginFactory().make(
                settings: ["baseURL": .string(baseURL + "/"), "tokenFile": .string(file.path)], environment: environment)
            let fromEnv = try DocumentAxisPluginFactory(environmentVariables: ["AXIS_TOKEN": DocumentAxisSeed.developmentToken])
                .make(settings: ["baseURL": .string(baseURL), "tokenEnv": "AXIS_TOKEN"], environment: environment)
            for plugin in [fromFile, fromEnv] {
                let response = try await plugin.handle(request(DocumentAxisPluginFactory.edocSend, from: Self.nghean, example))
                #expect(response.payload[key: "status"] == "OK")
            }
            #expect(stats.snapshot()["edoc.send"] == 2)
        }
    }

    @Test("settings that cannot be used are refused with the reason")
    func unusableSettings() throws {
        let environment = PluginEnvironment(httpClient: HTTPClient.shared, logger: Logger(label: "test"))
        let factory = DocumentAxisPluginFactory(environmentVariables: [:])
        #expect(throws: PluginConfigurationError(plugin: "document-axis", reason: "environment variable AXIS_TOKEN is not set")) {
            try factory.make(settings: ["baseURL": "https://axis.example", "tokenEnv": "AXIS_TOKEN"], environment: environment)
        }
        #expect(throws: PluginConfigurationError(plugin: "document-axis", reason: "cannot read the token file /nonexistent/token")) {
            try factory.make(settings: ["baseURL": "https://axis.example", "tokenFile": "/nonexistent/token"], environment: environment)
        }
        #expect(throws: PluginConfigurationError(plugin: "document-axis", reason: "give exactly one of token, tokenFile and tokenEnv")) {
            try factory.make(settings: ["baseURL": "https://axis.example"], environment: environment)
        }
    }

    @Test("the settings schema accepts a valid configuration and refuses two token sources")
    func settingsSchema() throws {
        let validator = try JSONSchemaValidator(schema: DocumentAxisPluginFactory().descriptor.settingsSchema)
        #expect(validator.validate(["baseURL": "https://axis.example/api", "tokenFile": "/etc/lienthong/axis.token", "timeoutMs": 10_000]).errors.isEmpty)
        #expect(!validator.validate(["baseURL": "https://axis.example", "token": "a", "tokenEnv": "B"]).errors.isEmpty)
        #expect(!validator.validate(["baseURL": "ftp://axis.example", "token": "a"]).errors.isEmpty)
        #expect(!validator.validate(["baseURL": "https://axis.example", "token": "a", "timeoutMs": 0]).errors.isEmpty)
    }

    // MARK: helpers

    private func makePlugin(
        baseURL: String, token: String = DocumentAxisSeed.developmentToken, timeoutMs: Int = 10_000,
        client: HTTPClient = .shared
    ) throws -> any LienthongPlugin {
        try DocumentAxisPluginFactory().make(
            settings: ["baseURL": .string(baseURL), "token": .string(token), "timeoutMs": .number(JSONNumber(timeoutMs))],
            environment: PluginEnvironment(httpClient: client, logger: Logger(label: "document-axis-test")))
    }

    private func request(_ service: ServiceID, from: String, _ payload: JSONValue) throws -> PluginRequest {
        PluginRequest(
            service: service, messageID: MessageID(), from: try AgencyCode(parsing: from),
            to: try AgencyCode(parsing: "000.00.00.G09"), payload: payload, timeout: .seconds(30))
    }
}
