import Foundation
import LienthongCore
import LienthongCrypto
import LienthongDeclarative
import LienthongPluginAPI
import LienthongSchema
import Synchronization
import Testing
@testable import LienthongGateway

/// The commented examples in examples/adapters/ work as documented: each runs behind a ministry
/// gateway, called through a province gateway, against an upstream answering as the example's
/// comments describe (JSON for the health insurance registry, SOAP for the civil status database).
@Suite("The example manifests through two gateways")
struct ExampleManifestsExchangeTests {
    static let apiKey = "portal-key"
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples/adapters")

    /// The examples copied to a temporary directory, their secrets moved to files there.
    struct Copies {
        let directory: URL

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("lienthong-examples-\(UUID().uuidString)")
            try FileManager.default.copyItem(at: ExampleManifestsExchangeTests.examples, to: directory)
            try Data("bhyt-token\n".utf8).write(to: directory.appendingPathComponent("token"))
            try Data("hotich-pass\n".utf8).write(to: directory.appendingPathComponent("password"))
            try rewrite("health-insurance/health-insurance.yaml", "env: BHYT_API_TOKEN", "file: \(directory.path)/token")
            try rewrite("civil-status/civil-status.yaml", "file: /etc/lienthong/secrets/hotich.password", "file: \(directory.path)/password")
        }

        func remove() { try? FileManager.default.removeItem(at: directory) }

        private func rewrite(_ name: String, _ old: String, _ new: String) throws {
            let url = directory.appendingPathComponent(name)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.contains(old), "the example \(name) no longer has \(old)")
            try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
        }
    }

    /// The upstream of both examples: a REST card registry under /api and a SOAP service.
    static func upstream(_ request: UpstreamServer.Received) -> UpstreamServer.Answer {
        if request.path.hasPrefix("/api/v2/the-bhyt/") {
            return .init(status: 200, body: """
                {"data": {"ma_the": "DN4010123456789", "ho_ten": "Nguyễn Thị D", "ngay_sinh": "1990-01-31",
                 "gia_tri_tu": "2026-01-01", "gia_tri_den": "2026-12-31", "noi_dkbd": {"ma": "40001", "ten": "BV Đa khoa Nghệ An"},
                 "muc_huong": "80", "qua_trinh": [{"tu_ngay": "2025-01-01", "den_ngay": "2025-12-31", "ma_dvi": "DN0001"}]}}
                """)
        }
        if request.path == "/HoTichService.svc" {
            return .init(status: 200, contentType: "text/xml; charset=utf-8", body: """
                <?xml version="1.0" encoding="utf-8"?>
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
                  <TraCuuKhaiSinhResponse xmlns="http://hotich.gov.vn/"><TimThay>true</TimThay>
                    <KetQua><SoDinhDanh>040090001234</SoDinhDanh><HoTen>Hồ Văn E</HoTen><NgaySinh>1990-05-02</NgaySinh>
                      <GioiTinh>Nam</GioiTinh><SoDangKy>123/1990</SoDangKy><NoiDangKy>UBND xã Hưng Lộc</NoiDangKy>
                      <Me><HoTen>Lê Thị F</HoTen></Me></KetQua>
                  </TraCuuKhaiSinhResponse></soap:Body></soap:Envelope>
                """)
        }
        return .init(status: 404, body: "{}")
    }

    @Test("health-insurance (REST, JSON) and civil-status (SOAP, XML) answer through both gateways")
    func examples() async throws {
        let copies = try Copies()
        defer { copies.remove() }
        let manifests = try ManifestLoader().load(paths: [
            copies.directory.appendingPathComponent("health-insurance").path, copies.directory.appendingPathComponent("civil-status").path,
        ])
        let card = try ServiceID(parsing: "health-insurance.card.lookup/v1")
        let birth = try ServiceID(parsing: "civil-status.birth.lookup/v1")
        let seen = Mutex<[UpstreamServer.Received]>([])
        try await UpstreamServer.run(respond: { request in
            seen.withLock { $0.append(request) }
            return Self.upstream(request)
        }) { upstreamURL in
            let pki = try TestPKI()
            let plugins = GatewayConfiguration.PluginSettings(manifestPaths: [], manifests: manifests)
            let ministryConfiguration = GatewayHarness.configuration(
                agency: TestPKI.ministryAgency,
                services: [
                    card: .init(adapter: "health-insurance", settings: ["baseURL": .string(upstreamURL + "/api")], allowedAgencies: nil),
                    birth: .init(adapter: "civil-status", settings: ["baseURL": .string(upstreamURL)], allowedAgencies: nil),
                ],
                plugins: plugins)
            try await GatewayHarness.withGateway(ministryConfiguration, identity: pki.ministry) { ministry in
                let provinceConfiguration = GatewayHarness.configuration(
                    agency: TestPKI.provinceAgency, peers: [TestPKI.ministryAgency: [ministry.exchangeURL]],
                    routes: [card: TestPKI.ministryAgency, birth: TestPKI.ministryAgency],
                    clients: [.init(name: "portal", apiKeySHA256: try Digest.sha256(Array(Self.apiKey.utf8)), allowedServices: [card, birth])],
                    plugins: plugins)
                try await GatewayHarness.withGateway(provinceConfiguration, identity: pki.province) { province in
                    let clients = TestClients()
                    defer { Task { await clients.shutdown() } }
                    let cardAnswer = try await clients.callLocal(
                        province, service: card.rawValue, body: #"{"maThe": "DN4010123456789", "hoTen": "Nguyễn Thị D"}"#, apiKey: Self.apiKey)
                    #expect(cardAnswer.status == 200, "\(String(decoding: cardAnswer.body, as: UTF8.self))")
                    #expect(try JSONParser.parse(cardAnswer.body) == [
                        "maThe": "DN4010123456789", "hoTen": "Nguyễn Thị D", "ngaySinh": "1990-01-31", "giaTriTu": "2026-01-01",
                        "giaTriDen": "2026-12-31", "noiDangKy": ["ma": "40001", "ten": "BV Đa khoa Nghệ An"], "mucHuong": 80,
                        "quaTrinh": [["tu": "2025-01-01", "den": "2025-12-31", "donVi": "DN0001"]],
                    ])
                    let birthAnswer = try await clients.callLocal(
                        province, service: birth.rawValue, body: #"{"soDinhDanh": "040090001234"}"#, apiKey: Self.apiKey)
                    #expect(birthAnswer.status == 200, "\(String(decoding: birthAnswer.body, as: UTF8.self))")
                    #expect(try JSONParser.parse(birthAnswer.body) == [
                        "soDinhDanh": "040090001234", "hoTen": "Hồ Văn E", "ngaySinh": "1990-05-02", "gioiTinh": "Nam",
                        "soDangKy": "123/1990", "noiDangKy": "UBND xã Hưng Lộc", "me": "Lê Thị F",
                    ])
                    let requests = seen.withLock { $0 }
                    #expect(requests.map(\.path) == ["/api/v2/the-bhyt/DN4010123456789", "/HoTichService.svc"])
                    #expect(requests.first?.query == "hoTen=Nguy%E1%BB%85n%20Th%E1%BB%8B%20D")
                    #expect(requests.last?.body.contains("<ht:MatKhau>hotich-pass</ht:MatKhau>") == true)
                    #expect(requests.last?.body.contains("<ht:SoDinhDanh>040090001234</ht:SoDinhDanh>") == true)
                    #expect(requests.last?.body.contains("<ht:TenDangNhap>lienthong-000.00.00.G01</ht:TenDangNhap>") == true)
                }
            }
        }
    }
}
