import Foundation
import LienthongCore
import LienthongStore
import Testing
@testable import LienthongGateway

@Suite("Configuration loading")
struct ConfigurationLoaderTests {
    /// A directory with the files a configuration names (the loader checks that they exist).
    struct Files {
        let directory: String

        init() throws {
            directory = NSTemporaryDirectory() + "lienthong-config-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for name in ["chain.pem", "key.pem", "ca.pem"] {
                try Data("placeholder".utf8).write(to: URL(fileURLWithPath: directory + "/" + name))
            }
        }

        func remove() { try? FileManager.default.removeItem(atPath: directory) }
    }

    static let hashOfTest = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

    static let validYAML = """
        agency: 000.00.00.H41
        dataDirectory: /tmp/lienthong
        localAPI:
          host: 127.0.0.1
          port: 8080
        exchange:
          port: 8443
          certificateChain: chain.pem
          privateKey: key.pem
          trustedCAs: [ca.pem]
        peers:
          000.00.00.G01:
            - https://g01.example.vn:8443
            - https://g01-dr.example.vn:8443
        routes:
          population.citizen.lookup/v1: 000.00.00.G01
        clients:
          one-stop-shop:
            apiKeySHA256: \(hashOfTest)
            services: [population.citizen.lookup/v1]
        services:
          population.citizen.verify/v1:
            adapter: population
            settings:
              baseURL: http://c06.internal:9000
            allowedAgencies: [000.00.00.H01]
        limits:
          replayWindowSeconds: 120
          compressionThresholdBytes: 1024
        audit:
          payloadRetention: none
          services:
            population.citizen.verify/v1: full
        """

    func load(_ yaml: String, environment: [String: String] = [:], files: Files) throws(ConfigurationError) -> GatewayConfiguration {
        try ConfigurationLoader(environment: environment, plugins: PluginRegistry([FakePopulationFactory()]))
            .load(yaml: yaml, file: "province.yaml", baseDirectory: files.directory)
    }

    func issues(_ yaml: String, environment: [String: String] = [:], files: Files) -> [String] {
        do {
            _ = try load(yaml, environment: environment, files: files)
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    @Test("a valid file gives every setting, paths resolved against the file's directory")
    func validFile() throws {
        let files = try Files()
        defer { files.remove() }
        let configuration = try load(Self.validYAML, files: files)
        #expect(configuration.agency.rawValue == "000.00.00.H41")
        #expect(configuration.localAPI == GatewayConfiguration.Listener(host: "127.0.0.1", port: 8080))
        #expect(configuration.exchange.listener.port == 8443)
        #expect(configuration.exchange.certificateChainFile == files.directory + "/chain.pem")
        #expect(configuration.exchange.trustedCAFiles == [files.directory + "/ca.pem"])
        let g01 = TestPKI.ministryAgency
        #expect(configuration.peers[g01]?.map(\.absoluteString) == ["https://g01.example.vn:8443", "https://g01-dr.example.vn:8443"])
        #expect(configuration.routes[TestServices.lookup] == g01)
        #expect(configuration.clients.first?.name == "one-stop-shop")
        #expect(configuration.clients.first?.apiKeySHA256?.count == 32)
        #expect(configuration.clients.first?.allowedServices == [TestServices.lookup])
        #expect(configuration.services[TestServices.verify]?.adapter == "population")
        #expect(configuration.services[TestServices.verify]?.allowedAgencies == [TestPKI.otherProvinceAgency])
        #expect(configuration.limits.replayWindowSeconds == 120)
        #expect(configuration.limits.compressionThresholdBytes == 1024)
        #expect(configuration.limits.maxBodyBytes == GatewayConfiguration.Limits().maxBodyBytes)
        #expect(configuration.audit.retention(for: TestServices.verify) == .full)
        #expect(configuration.audit.retention(for: TestServices.lookup) == PayloadRetention.none)
    }

    @Test("calls to peers use HTTP/2 where offered unless outboundHTTP2 is false; a non-boolean is refused")
    func outboundHTTPVersion() throws {
        let files = try Files()
        defer { files.remove() }
        let identity = try TestPKI().province
        let tls = TLSSetup(certificateChain: identity.certificateChain, privateKey: identity.privateKey, trustedCAs: identity.trustedCAs)
        let byDefault = try load(Self.validYAML, files: files)
        #expect(byDefault.exchange.outboundHTTP2)
        #expect(try GatewayRuntime.peerClientConfiguration(byDefault, tls: tls).httpVersion == .automatic)
        let http1YAML = Self.validYAML.replacingOccurrences(of: "  trustedCAs: [ca.pem]", with: "  trustedCAs: [ca.pem]\n  outboundHTTP2: false")
        let http1 = try load(http1YAML, files: files)
        #expect(!http1.exchange.outboundHTTP2)
        #expect(try GatewayRuntime.peerClientConfiguration(http1, tls: tls).httpVersion == .http1Only)
        let wrong = issues(Self.validYAML.replacingOccurrences(of: "  trustedCAs: [ca.pem]", with: "  trustedCAs: [ca.pem]\n  outboundHTTP2: sometimes"), files: files)
        #expect(wrong.contains { $0.hasPrefix("province.yaml:11:18: exchange.outboundHTTP2: expected true or false") }, "\(wrong)")
    }

    @Test("requests name the signing certificate by thumbprint unless signerCertificate is chain; other values are refused")
    func signerCertificate() throws {
        let files = try Files()
        defer { files.remove() }
        #expect(try load(Self.validYAML, files: files).exchange.signerCertificate == .thumbprint)
        let chainYAML = Self.validYAML.replacingOccurrences(of: "  trustedCAs: [ca.pem]", with: "  trustedCAs: [ca.pem]\n  signerCertificate: chain")
        #expect(try load(chainYAML, files: files).exchange.signerCertificate == .chain)
        let wrong = issues(
            Self.validYAML.replacingOccurrences(of: "  trustedCAs: [ca.pem]", with: "  trustedCAs: [ca.pem]\n  signerCertificate: x5c"), files: files)
        #expect(wrong.contains { $0.hasPrefix("province.yaml:11:22: exchange.signerCertificate: expected thumbprint or chain, found \"x5c\"") }, "\(wrong)")
    }

    @Test("an invalid service id is reported with its line and column")
    func invalidServiceID() throws {
        let files = try Files()
        defer { files.remove() }
        let yaml = Self.validYAML.replacingOccurrences(
            of: "  population.citizen.lookup/v1: 000.00.00.G01", with: "  population.x: 000.00.00.G01")
        let found = issues(yaml, files: files)
        #expect(found.contains { $0.hasPrefix("province.yaml:16:3: routes.\"population.x\": not a service id") }, "\(found)")
    }

    @Test("unknown keys are reported, not ignored")
    func unknownKeys() throws {
        let files = try Files()
        defer { files.remove() }
        let yaml = Self.validYAML.replacingOccurrences(of: "  replayWindowSeconds: 120", with: "  replayWindowSecond: 120")
            + "\nroutess: {}\n"
        let found = issues(yaml, files: files)
        #expect(found.contains { $0.hasPrefix("province.yaml:28:3: limits: unknown setting \"replayWindowSecond\"") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("province.yaml:34:1: unknown setting \"routess\"") }, "\(found)")
        #expect(found.count == 2, "\(found.joined(separator: "\n"))")
    }

    @Test("every problem is reported at once, with its location")
    func everyProblemAtOnce() throws {
        let files = try Files()
        defer { files.remove() }
        let yaml = """
            agency: 000.00.00.h41
            exchange:
              port: 99999
              certificateChain: missing-chain.pem
              privateKey: key.pem
              trustedCAs: [ca.pem]
            routes:
              population.citizen.lookup/v1: 000.00.00.G22
            clients:
              portal:
                apiKeySHA256: abc
                services: [land.parcel.lookup/v1]
            services:
              population.citizen.verify/v1:
                adapter: populaton
              population.citizen.lookup/v1:
                adapter: population
                settings:
                  baseURL: ftp://c06
                  retries: 3
            """
        let found = issues(yaml, files: files)
        #expect(found.contains { $0.hasPrefix("province.yaml:1:9: agency: not an agency code") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("province.yaml:3:9: exchange.port: 99999 is outside 0...65535") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("province.yaml:4:21: exchange.certificateChain: file ") && $0.hasSuffix("does not exist") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("province.yaml:8:33: routes.\"population.citizen.lookup/v1\": routes to 000.00.00.G22, which has no entry under peers") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("province.yaml:11:19: clients.portal.apiKeySHA256: must be 64 hexadecimal digits") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("province.yaml:12:16: clients.portal.services: land.parcel.lookup/v1 is neither routed") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("province.yaml:15:14: services.\"population.citizen.verify/v1\".adapter: no adapter \"populaton\"") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("province.yaml:20:16: services.\"population.citizen.lookup/v1\".settings: /retries") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("province.yaml:19:16: services.\"population.citizen.lookup/v1\".settings: /baseURL") }, "\(found)")
        #expect(found.count == 9, "\(found.joined(separator: "\n"))")
    }

    @Test("a routed service without schemas is reported where it is routed")
    func serviceWithoutSchemas() throws {
        let files = try Files()
        defer { files.remove() }
        let yaml = Self.validYAML.replacingOccurrences(
            of: "  population.citizen.lookup/v1: 000.00.00.G01", with: "  population.citizen.lookup/v9: 000.00.00.G01")
            .replacingOccurrences(of: "services: [population.citizen.lookup/v1]", with: "services: [population.citizen.lookup/v9]")
        let found = issues(yaml, files: files)
        #expect(found == ["province.yaml:16:33: routes.\"population.citizen.lookup/v9\": no request/response schemas for population.citizen.lookup/v9 in the bundled schemas or schemaDirectories"])
    }

    @Test("environment variables override secrets and paths")
    func environmentOverrides() throws {
        let files = try Files()
        defer { files.remove() }
        let otherHash = String(repeating: "ab", count: 32)
        let configuration = try load(Self.validYAML, environment: [
            "LIENTHONG_DATA_DIR": "/srv/lienthong",
            "LIENTHONG_TLS_KEY_PASSPHRASE": "s3cret",
            "LIENTHONG_CLIENT_ONE_STOP_SHOP_API_KEY_SHA256": otherHash,
        ], files: files)
        #expect(configuration.dataDirectory == "/srv/lienthong")
        #expect(configuration.exchange.keyPassphrase == "s3cret")
        #expect(configuration.clients.first?.apiKeySHA256 == [UInt8](repeating: 0xAB, count: 32))
    }

    @Test("a client's API key hash may come from the environment only")
    func apiKeyFromEnvironmentOnly() throws {
        let files = try Files()
        defer { files.remove() }
        let yaml = Self.validYAML.replacingOccurrences(of: "    apiKeySHA256: \(Self.hashOfTest)\n", with: "")
        #expect(issues(yaml, files: files).contains { $0.contains("missing apiKeySHA256 (or the environment variable LIENTHONG_CLIENT_ONE_STOP_SHOP_API_KEY_SHA256) or certificateAgency") })
        let configuration = try load(yaml, environment: ["LIENTHONG_CLIENT_ONE_STOP_SHOP_API_KEY_SHA256": Self.hashOfTest], files: files)
        #expect(configuration.clients.count == 1)
    }

    @Test("clients may authenticate by certificate when the local API asks for certificates")
    func certificateClients() throws {
        let files = try Files()
        defer { files.remove() }
        let withCertificate = Self.validYAML.replacingOccurrences(
            of: "    apiKeySHA256: \(Self.hashOfTest)\n", with: "    certificateAgency: 000.01.00.H41\n")
        let refused = issues(withCertificate, files: files)
        #expect(refused.contains { $0.hasPrefix("province.yaml:19:24: clients.one-stop-shop.certificateAgency: needs localAPI.clientCertificates: true") }, "\(refused)")
        let accepted = try load(
            withCertificate.replacingOccurrences(of: "  port: 8080\n", with: "  port: 8080\n  clientCertificates: true\n"),
            files: files)
        #expect(accepted.localAPI.clientCertificates)
        #expect(accepted.clients.first?.certificateAgency == TestPKI.agency("000.01.00.H41"))
        #expect(accepted.clients.first?.apiKeySHA256 == nil)
    }

    @Test("YAML syntax errors carry their position")
    func syntaxError() throws {
        let files = try Files()
        defer { files.remove() }
        let found = issues("agency: [000.00.00.H41\nexchange: {}\n", files: files)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("province.yaml:") == true)
        #expect(found.first?.contains("YAML:") == true)
    }

    @Test("the example deployment files pass every check with the built-in adapters")
    func exampleFiles() throws {
        let deploy = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("deploy")
        let files = try Files()
        defer { files.remove() }
        let environment = [
            "LIENTHONG_TLS_CERTIFICATE_CHAIN": files.directory + "/chain.pem",
            "LIENTHONG_TLS_PRIVATE_KEY": files.directory + "/key.pem",
            "LIENTHONG_TRUSTED_CA_FILES": files.directory + "/ca.pem",
        ]
        for name in ["province.yaml", "ministry.yaml"] {
            let loader = ConfigurationLoader(environment: environment, plugins: .builtIn)
            do {
                _ = try loader.load(file: deploy.appendingPathComponent(name).path)
            } catch {
                Issue.record("\(name): \(error)")
            }
        }
    }
}
