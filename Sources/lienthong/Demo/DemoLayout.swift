import Foundation
import LienthongCore

/// Where the demo keeps its files and which ports it listens on, all derived from `--data` and
/// `--base-port` so that every part agrees.
struct DemoLayout: Sendable {
    static let ministry = "000.00.00.G01"
    static let province = "000.00.00.H41"
    /// The mocks in the order of their ports (base + 10, + 11, ...).
    static let mockNames = ["population", "land", "business", "document-axis"]
    /// The seed of the mocks' data, the same as `lienthong mock`'s default.
    static let mockSeed: UInt64 = 1
    /// The highest port the layout uses, relative to the base port.
    static let highestPortOffset = 10 + mockNames.count - 1

    let directory: URL
    let basePort: Int

    var provinceLocalPort: Int { basePort }
    var ministryLocalPort: Int { basePort + 1 }
    var ministryExchangePort: Int { basePort + 2 }
    var provinceExchangePort: Int { basePort + 3 }

    func mockPort(_ name: String) -> Int {
        basePort + 10 + (Self.mockNames.firstIndex(of: name) ?? 0)
    }

    /// Every port with what listens on it, for the start-up check.
    var ports: [(port: Int, owner: String)] {
        [
            (provinceLocalPort, "province local API"), (ministryLocalPort, "ministry local API"),
            (ministryExchangePort, "ministry exchange API"), (provinceExchangePort, "province exchange API"),
        ] + Self.mockNames.map { (mockPort($0), "mock \($0)") }
    }

    func path(_ relative: String) -> String { directory.appendingPathComponent(relative).path }

    var pkiDirectory: String { path("pki") }
    var caCertificate: String { path("pki/ca.pem") }
    var caKey: String { path("pki/ca-key.pem") }
    func chain(_ short: String) -> String { path("pki/\(short)-chain.pem") }
    func key(_ short: String) -> String { path("pki/\(short)-key.pem") }
    var apiKeyFile: String { path("api-key") }
    var ministryConfiguration: String { path("ministry.yaml") }
    var provinceConfiguration: String { path("province.yaml") }
    var ministryData: String { path("ministry-data") }
    var provinceData: String { path("province-data") }
}
