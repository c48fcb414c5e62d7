import Foundation
import Testing
@testable import LienthongGateway

/// `plugins.external` in the gateway configuration.
@Suite("External plugin configuration")
struct ExternalPluginConfigurationTests {
    typealias Files = ConfigurationLoaderTests.Files

    static let schemas = ExternalPluginExchangeTests.exampleDirectory.appendingPathComponent("schemas").path
    static let program = ExternalPluginExchangeTests.exampleDirectory.appendingPathComponent("plugin.py").path

    func yaml(plugins: String, adapter: String = "social-insurance") -> String {
        """
        agency: 000.00.00.G12
        dataDirectory: /tmp/lienthong
        exchange:
          certificateChain: chain.pem
          privateKey: key.pem
          trustedCAs: [ca.pem]
        schemaDirectories: [\(Self.schemas)]
        services:
          socialinsurance.participant.lookup/v1:
            adapter: \(adapter)
            settings: {includeHistory: false}
        plugins:
        \(plugins)
        """
    }

    func load(_ text: String, files: Files, environment: [String: String] = ["PATH": "/usr/local/bin:/usr/bin:/bin"])
        -> Result<GatewayConfiguration, ConfigurationError>
    {
        do throws(ConfigurationError) {
            return .success(try ConfigurationLoader(environment: environment).load(
                yaml: text, file: "ministry.yaml", baseDirectory: files.directory))
        } catch {
            return .failure(error)
        }
    }

    @Test("every setting is read; relative paths are resolved against the configuration's directory")
    func everySetting() throws {
        let files = try Files()
        defer { files.remove() }
        try FileManager.default.createDirectory(atPath: files.directory + "/si", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.program, toPath: files.directory + "/si/plugin.py")
        let text = yaml(plugins: """
              external:
                social-insurance:
                  command: [si/plugin.py, --verbose]
                  workingDirectory: si
                  environment: {SOCIAL_INSURANCE_DATA: data.json}
                  inheritEnvironment: [SI_TOKEN]
                  startTimeoutMs: 15000
                  callTimeoutMs: 4000
                  maxResponseBytes: 65536
                  healthCheck: {intervalMs: 2000, timeoutMs: 1000, failuresBeforeRestart: 3}
                  restart: {initialBackoffMs: 250, maxBackoffMs: 8000, resetAfterMs: 30000}
                  stopGraceMs: 2500
            """)
        let configuration = try load(text, files: files).get()
        let plugin = try #require(configuration.externalPlugins.first)
        #expect(configuration.externalPlugins.count == 1)
        #expect(plugin.id == "social-insurance")
        #expect(plugin.command == [files.directory + "/si/plugin.py", "--verbose"])
        #expect(plugin.workingDirectory == files.directory + "/si")
        #expect(plugin.environment == ["SOCIAL_INSURANCE_DATA": "data.json"])
        #expect(plugin.inheritEnvironment == ["SI_TOKEN"])
        #expect(plugin.startTimeout == .seconds(15))
        #expect(plugin.callTimeout == .seconds(4))
        #expect(plugin.maxResponseBytes == 65536)
        #expect(plugin.healthCheck == .init(interval: .seconds(2), timeout: .seconds(1), failuresBeforeRestart: 3))
        #expect(plugin.restart == .init(initialBackoff: .milliseconds(250), maxBackoff: .seconds(8), resetAfter: .seconds(30)))
        #expect(plugin.stopGrace == .milliseconds(2500))
        // The service's adapter and settings are kept for the start, when the descriptor is known.
        let service = try #require(configuration.services[ExternalPluginExchangeTests.socialInsurance])
        #expect(service.adapter == "social-insurance")
    }

    @Test("a bare program name is looked up on PATH; the defaults apply")
    func defaults() throws {
        let files = try Files()
        defer { files.remove() }
        let text = yaml(plugins: """
              external:
                social-insurance:
                  command: [python3, \(Self.program)]
            """)
        let environment = ["PATH": (ExternalPluginTesting.python as NSString).deletingLastPathComponent]
        let plugin = try #require(try load(text, files: files, environment: environment).get().externalPlugins.first)
        #expect(plugin.command == ["python3", Self.program])
        #expect(plugin.workingDirectory == files.directory)
        #expect(plugin.callTimeout == nil)
        #expect(plugin == ExternalPluginConfiguration(id: "social-insurance", command: plugin.command, workingDirectory: files.directory))
    }

    @Test("mistakes are reported with their place: missing program, unknown setting, bad id, built-in id, bad values")
    func mistakes() throws {
        let files = try Files()
        defer { files.remove() }
        let text = yaml(plugins: """
              external:
                social-insurance:
                  command: [missing/plugin.py]
                  stopGraceSeconds: 3
                Bad_Id:
                  command: [python3]
                population:
                  command: [python3]
                other:
                  command: [no-such-program-anywhere]
                  workingDirectory: nowhere
                  restart: {initialBackoffMs: 5000, maxBackoffMs: 1000}
                  healthCheck: {failuresBeforeRestart: 0}
                empty:
                  command: []
                  environment: {"BAD=NAME": x, LIENTHONG_PLUGIN_SOCKET: /tmp/x}
                  inheritEnvironment: [9LIVES]
              manifest: []
            """)
        guard case .failure(let error) = load(text, files: files) else {
            Issue.record("accepted a configuration with mistakes")
            return
        }
        let found = error.issues.map(\.description)
        func expectIssue(_ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(found.contains { $0.contains(fragment) }, "no issue with \"\(fragment)\" in \(found)", sourceLocation: sourceLocation)
        }
        expectIssue("plugins.external.social-insurance.command[0]: program \(files.directory)/missing/plugin.py does not exist")
        expectIssue("plugins.external.social-insurance: unknown setting \"stopGraceSeconds\"")
        expectIssue("plugins.external.Bad_Id: an adapter id is lower-case letters")
        expectIssue("plugins.external.population: \"population\" is the id of a built-in adapter")
        expectIssue("plugins.external.other.command[0]: program \"no-such-program-anywhere\" is not on PATH")
        expectIssue("plugins.external.other.workingDirectory: directory \(files.directory)/nowhere does not exist")
        expectIssue("plugins.external.other.restart.maxBackoffMs: maxBackoffMs is below initialBackoffMs")
        expectIssue("plugins.external.other.healthCheck.failuresBeforeRestart: 0 is outside 1...100")
        expectIssue("plugins.external.empty.command: needs at least the program to run")
        expectIssue("plugins: unknown setting \"manifest\"")
        expectIssue("plugins.external.empty.environment.BAD=NAME: \"BAD=NAME\" is not an environment variable name")
        expectIssue("plugins.external.empty.environment.LIENTHONG_PLUGIN_SOCKET: LIENTHONG_PLUGIN_SOCKET is set by the gateway")
        expectIssue("plugins.external.empty.inheritEnvironment: \"9LIVES\" is not an environment variable name")
        // Every issue carries its line.
        #expect(error.issues.allSatisfy { $0.line != nil })
    }

    @Test("a service naming an adapter that is neither built in nor external is refused, listing the external ones")
    func unknownAdapter() throws {
        let files = try Files()
        defer { files.remove() }
        let text = yaml(plugins: """
              external:
                social-insurance:
                  command: [\(Self.program)]
            """, adapter: "social-insurence")
        guard case .failure(let error) = load(text, files: files) else {
            Issue.record("accepted an unknown adapter")
            return
        }
        #expect(error.issues.contains { $0.message.contains("no adapter \"social-insurence\"") && $0.message.contains("social-insurance") })
    }
}
