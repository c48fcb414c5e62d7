import Foundation
import LienthongCore
import Testing
@testable import LienthongGateway

/// The `delivery:` section of the configuration.
@Suite("Configuration: delivery")
struct DeliveryConfigurationTests {
    typealias Files = ConfigurationLoaderTests.Files

    func load(
        _ delivery: String, clientServices: String = "[population.citizen.lookup/v1]", files: Files, limits: String? = nil
    ) throws(ConfigurationError) -> GatewayConfiguration {
        var yaml = ConfigurationLoaderTests.validYAML.replacingOccurrences(
            of: "services: [population.citizen.lookup/v1]", with: "services: \(clientServices)") + "\n" + delivery
        if let limits { yaml = yaml.replacingOccurrences(of: "  replayWindowSeconds: 120", with: "  replayWindowSeconds: 120\n" + limits) }
        return try ConfigurationLoader(environment: [:], plugins: PluginRegistry([FakePopulationFactory()]))
            .load(yaml: yaml, file: "province.yaml", baseDirectory: files.directory)
    }

    func issues(_ delivery: String, clientServices: String = "[population.citizen.lookup/v1]", files: Files) -> [String] {
        do {
            _ = try load(delivery, clientServices: clientServices, files: files)
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    @Test("every delivery setting is read; received services may be allowed to clients")
    func everySetting() throws {
        let files = try Files()
        defer { files.remove() }
        let configuration = try load(
            """
            delivery:
              maxAttempts: 5
              maxAgeSeconds: 3600
              initialBackoffMilliseconds: 250
              maxBackoffSeconds: 60
              perPeerConcurrency: 3
              concurrency: 10
              batchSize: 4
              leaseSeconds: 90
              pollMilliseconds: 200
              receive:
                document.status.update/v1: [000.00.00.G01]
                document.edoc.send/v1: all
              webhook:
                url: http://127.0.0.1:9000/inbox
                timeoutSeconds: 5
            """, clientServices: "[population.citizen.lookup/v1, document.status.update/v1]", files: files)
        let delivery = configuration.delivery
        #expect(delivery.maxAttempts == 5 && delivery.maxAgeSeconds == 3600)
        #expect(delivery.initialBackoffMilliseconds == 250 && delivery.maxBackoffSeconds == 60)
        #expect(delivery.perPeerConcurrency == 3 && delivery.concurrency == 10 && delivery.batchSize == 4)
        #expect(delivery.leaseSeconds == 90 && delivery.pollMilliseconds == 200)
        let status = TestServices.service("document.status.update/v1")
        #expect(delivery.receive[status] == .some([TestPKI.ministryAgency]))
        #expect(delivery.receive[TestServices.service("document.edoc.send/v1")] == .some(nil))
        #expect(delivery.webhook == .init(url: try #require(URL(string: "http://127.0.0.1:9000/inbox")), timeoutSeconds: 5))
        #expect(configuration.clients.first?.allowedServices.contains(status) == true)
    }

    @Test("defaults apply without a delivery section")
    func defaults() throws {
        let files = try Files()
        defer { files.remove() }
        #expect(try load("", files: files).delivery == GatewayConfiguration.DeliverySettings())
        // The default lease outlasts a long request timeout.
        let slow = try load("", files: files, limits: "  requestTimeoutSeconds: 300")
        #expect(slow.delivery.leaseSeconds == 600)
    }

    @Test("bad delivery settings are reported with their location")
    func badSettings() throws {
        let files = try Files()
        defer { files.remove() }
        let found = issues(
            """
            delivery:
              maxAttempts: 0
              batchSize: 257
              leaseSeconds: 10
              retries: 3
              receive:
                document.nothing.here/v1: all
              webhook:
                url: ftp://127.0.0.1/inbox
            """, files: files)
        #expect(found.contains { $0.contains("delivery.maxAttempts") }, "\(found)")
        #expect(found.contains { $0.contains("delivery.batchSize") && $0.contains("256") }, "\(found)")
        #expect(found.contains { $0.contains("delivery.leaseSeconds: must be longer than limits.requestTimeoutSeconds") }, "\(found)")
        #expect(found.contains { $0.contains("unknown setting \"retries\"") }, "\(found)")
        #expect(found.contains { $0.contains("no request/response schemas for document.nothing.here/v1") }, "\(found)")
        #expect(found.contains { $0.contains("is not an http:// or https:// URL") }, "\(found)")
    }

    @Test("a client may not be allowed a service that is neither routed, provided nor received")
    func clientServiceMustBeKnown() throws {
        let files = try Files()
        defer { files.remove() }
        let found = issues("", clientServices: "[document.status.update/v1]", files: files)
        #expect(found.contains { $0.contains("neither routed (routes), provided (services) nor received (delivery.receive)") }, "\(found)")
    }
}
