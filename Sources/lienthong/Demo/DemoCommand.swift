import ArgumentParser
import Foundation
import LienthongMocks
import Logging
import ServiceLifecycle

/// `lienthong demo`: a ministry gateway, a province gateway and the four mock national systems in
/// one process, with a development PKI, so that the whole exchange can be tried with one command.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run a province gateway, a ministry gateway and the mock national systems on loopback.",
        discussion: """
            On the first run, creates in --data a development CA, certificates and keys for the \
            ministry 000.00.00.G01 and the province 000.00.00.H41, and an API key for the demo \
            client; later runs reuse them. The configurations ministry.yaml and province.yaml are \
            rewritten on every run. Ports: province local API N, ministry local API N+1, ministry \
            exchange N+2, province exchange N+3, mocks population, land, business, document-axis \
            on N+10 to N+13 (N is --base-port). Prints `local-api: URL`, `api-key: KEY` and curl \
            examples once everything listens; SIGINT or SIGTERM stops everything gracefully.
            """)

    @Option(name: .customLong("base-port"), help: "The province's local API port; the others follow it.")
    var basePort: Int = 18_080

    @Option(help: "The directory of the PKI, the API key, the configurations and the audit data.")
    var data: String = "./lienthong-demo"

    @Flag(help: "The gateways call each other over HTTP/1.1 (exchange.outboundHTTP2: false) instead of HTTP/2.")
    var outboundHttp1 = false

    func validate() throws {
        guard (1...(65_535 - DemoLayout.highestPortOffset)).contains(basePort) else {
            throw ValidationError("--base-port must be between 1 and \(65_535 - DemoLayout.highestPortOffset)")
        }
    }

    func run() async throws {
        let directory = URL(fileURLWithPath: data, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL
        let layout = DemoLayout(directory: directory, basePort: basePort)
        for (port, owner) in layout.ports where !PortAvailability.isFree(port) {
            throw CommandFailure("port \(port) (\(owner)) is in use; choose another --base-port")
        }
        try DemoFiles.createDirectory(directory.path)
        let apiKey = try DemoPKI.prepare(layout)
        try DemoConfigurations.write(layout, apiKeySHA256: try DemoPKI.sha256Hex(apiKey), outboundHTTP2: !outboundHttp1)

        var logger = Logger(label: "lienthong.demo", factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = .notice
        let ministry = try await DemoGateway.assemble(
            name: "ministry", configurationFile: layout.ministryConfiguration, logger: logger)
        let province: DemoGateway
        do {
            province = try await DemoGateway.assemble(
                name: "province", configurationFile: layout.provinceConfiguration, logger: logger)
        } catch {
            await ministry.release()
            throw error
        }
        let services: [any Service]
        do {
            services = try makeServices(layout: layout, apiKey: apiKey, gateways: [ministry, province], logger: logger)
        } catch {
            await province.release()
            await ministry.release()
            throw error
        }
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) },
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        // The gateways are released by their GatewayRelease services, on success and failure.
        do { try await group.run() } catch { throw CommandFailure("demo stopped: \(error)") }
        logger.notice("lienthong demo stopped")
    }

    /// The mocks, then per gateway its release step and its two servers. The group stops them in
    /// reverse order: the province first, then the ministry, the mocks last.
    private func makeServices(
        layout: DemoLayout, apiKey: String, gateways: [DemoGateway], logger: Logger
    ) throws -> [any Service] {
        let data = MockDataSet(seed: DemoLayout.mockSeed)
        let readiness = DemoReadiness(expected: DemoLayout.mockNames.count + 2 * gateways.count) {
            FileHandle.standardOutput.write(Data(DemoBanner.text(layout: layout, apiKey: apiKey, data: data).utf8))
        }
        var services: [any Service] = []
        for name in DemoLayout.mockNames {
            guard let factory = MockSystemCatalog.factories[name] else {
                throw CommandFailure("no mock system \(name)")
            }
            let server = MockServer(
                system: factory(data), port: layout.mockPort(name), seed: DemoLayout.mockSeed, logger: logger)
            services.append(MockService(server: server) { _ in readiness.listening("mock \(name)") })
        }
        for gateway in gateways {
            let name = gateway.name
            services.append(GatewayRelease(gateway: gateway))
            services += try gateway.runtime.services(
                onLocalAPIRunning: { _ in readiness.listening("\(name) local API") },
                onExchangeRunning: { _ in readiness.listening("\(name) exchange API") })
        }
        return services
    }
}
