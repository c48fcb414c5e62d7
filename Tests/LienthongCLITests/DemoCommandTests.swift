import Foundation
import Glibc
import LienthongTestSupport
import Synchronization
import Testing

/// `lienthong demo` run as a user would: the real binary, real TLS between the gateways, real
/// signatures, real SQLite, the mocks behind the adapters.
@Suite("Command line: demo")
struct DemoCommandTests {
    @Test func demoAnswersLookupsThroughBothGatewaysAndStopsOnSIGTERM() async throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let demo = try await DemoProcess.startOnSomeFreePorts(data: directory.appendingPathComponent("demo").path)
        defer { demo.kill() }

        let localAPI = try #require(demo.value(of: "local-api"))
        let apiKey = try #require(demo.value(of: "api-key"))
        let citizen = try #require(demo.value(of: "citizen"))
        let enterprise = try #require(demo.value(of: "enterprise"))
        #expect(localAPI.hasPrefix("http://127.0.0.1:"))

        let lookup = try await post(localAPI, "population.citizen.lookup/v1", apiKey, ["SoDinhDanh": citizen])
        #expect(lookup.status == 200, "\(lookup.body)")
        #expect(lookup.signature?.isEmpty == false)
        let record = try #require(lookup.json?["SoDinhDanh"] as? String)
        #expect(record == citizen)

        let business = try await post(localAPI, "business.enterprise.lookup/v1", apiKey, ["ENTERPRISE_GDT_CODE": enterprise])
        #expect(business.status == 200, "\(business.body)")
        #expect(business.signature?.isEmpty == false)
        #expect(business.json?["ENTERPRISE_GDT_CODE"] as? String == enterprise)

        // Without the key the province refuses before anything leaves it.
        let anonymous = try await post(localAPI, "population.citizen.lookup/v1", nil, ["SoDinhDanh": citizen])
        #expect(anonymous.status == 401)

        let status = try await demo.terminate()
        #expect(status == 0, "stderr: \(demo.errorOutput)")
    }

    @Test func laterRunsReuseThePKIAndTheAPIKey() async throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = directory.appendingPathComponent("demo")
        let first = try await DemoProcess.startOnSomeFreePorts(data: data.path)
        defer { first.kill() }
        let firstKey = try #require(first.value(of: "api-key"))
        #expect(try await first.terminate() == 0)
        let ca = try Data(contentsOf: data.appendingPathComponent("pki/ca.pem"))

        let second = try await DemoProcess.startOnSomeFreePorts(data: data.path)
        defer { second.kill() }
        #expect(second.value(of: "api-key") == firstKey)
        #expect(try Data(contentsOf: data.appendingPathComponent("pki/ca.pem")) == ca)
        let localAPI = try #require(second.value(of: "local-api"))
        let citizen = try #require(second.value(of: "citizen"))
        let lookup = try await post(localAPI, "population.citizen.lookup/v1", firstKey, ["SoDinhDanh": citizen])
        #expect(lookup.status == 200, "\(lookup.body)")
        #expect(try await second.terminate() == 0)
    }

    @Test func unwritableDataDirectoryIsAClearError() async throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A regular file where the data directory's parent should be: no one can create it.
        let file = directory.appendingPathComponent("not-a-directory")
        try Data("x".utf8).write(to: file)
        let result = try await CLI.run(["demo", "--base-port", "\(Int.random(in: 20_000...40_000))", "--data", file.appendingPathComponent("demo").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot create the directory"))
    }

    @Test func portInUseIsAClearError() async throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let listener = try LoopbackListener()
        defer { listener.close() }
        // The ministry's local API (base + 1) is taken.
        let result = try await CLI.run(["demo", "--base-port", "\(listener.port - 1)", "--data", directory.appendingPathComponent("demo").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("port \(listener.port) (ministry local API) is in use"))
    }

    @Test func basePortTooHighIsAUsageError() async throws {
        let result = try await CLI.run(["demo", "--base-port", "65530"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--base-port must be between"))
    }

    private struct Answer {
        let status: Int
        let signature: String?
        let body: String
        var json: [String: Any]? {
            (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any]
        }
    }

    private func post(_ localAPI: String, _ service: String, _ apiKey: String?, _ body: [String: String]) async throws -> Answer {
        var headers = ["Content-Type": "application/json"]
        if let apiKey { headers["Authorization"] = "Bearer \(apiKey)" }
        let reply = try await PlainHTTP.send(
            "POST", "\(localAPI)/v1/services/\(service)", headers: headers,
            body: try JSONSerialization.data(withJSONObject: body), timeout: 120)
        return Answer(status: reply.status, signature: reply[header: "Lienthong-Signature"], body: reply.text)
    }
}

/// A running `lienthong demo`, its output collected as it arrives.
private struct DemoProcess: Sendable {
    private let command: RunningCommand

    /// Starts the demo on a random base port in 20000-40000, retrying on another when the run ends
    /// before it is ready (a port taken by someone else), and returns once it printed its banner.
    static func startOnSomeFreePorts(data: String) async throws -> DemoProcess {
        var failures: [String] = []
        for _ in 0..<5 {
            let demo = DemoProcess(
                command: try RunningCommand.launch(["demo", "--base-port", "\(Int.random(in: 20_000...40_000))", "--data", data]))
            if try await demo.waitForBanner() { return demo }
            demo.kill()
            failures.append(demo.errorOutput)
        }
        Issue.record("the demo never became ready: \(failures)")
        throw DemoNotReady()
    }

    /// True once the banner is out; false when the process ended first. Bounded so a hang fails.
    private func waitForBanner() async throws -> Bool {
        for _ in 0..<1_200 {
            if value(of: "enterprise") != nil { return true }
            if !command.isRunning { return false }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    var errorOutput: String { command.errorOutput }

    /// The text after `name: ` on the first standard output line that starts with it.
    func value(of name: String) -> String? {
        for line in command.standardOutput.split(separator: "\n") where line.hasPrefix("\(name): ") {
            return String(line.dropFirst(name.count + 2))
        }
        return nil
    }

    func terminate() async throws -> Int32? { try await command.terminate() }

    func kill() { command.kill() }
}

private struct DemoNotReady: Error {}

/// A TCP socket listening on a free loopback port, to make a port busy.
private struct LoopbackListener {
    let descriptor: Int32
    let port: Int

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw ListenerError() }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = in_addr_t(UInt32(0x7F00_0001).bigEndian)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(descriptor, address, length) == 0 && listen(descriptor, 1) == 0
                    && getsockname(descriptor, address, &length) == 0
            }
        }
        let port = Int(UInt16(bigEndian: address.sin_port))
        // Port 0 and 1 leave no room for a base port below the listener's.
        guard bound, port > 1 else {
            Glibc.close(descriptor)
            throw ListenerError()
        }
        self.descriptor = descriptor
        self.port = port
    }

    func close() { Glibc.close(descriptor) }

    struct ListenerError: Error {}
}
