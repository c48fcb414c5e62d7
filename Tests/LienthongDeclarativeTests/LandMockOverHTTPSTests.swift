import AsyncHTTPClient
import Foundation
import LienthongCore
import LienthongCrypto
import LienthongJSON
import LienthongMocks
import LienthongPluginAPI
import Logging
import Testing
@testable import LienthongDeclarative

/// A manifest instead of Swift code for the land database: the mock's REST API over https, its
/// certificate issued by a CA of its own that only `caFile` trusts.
@Suite("Declarative adapters: the land mock's REST API over https")
struct LandMockOverHTTPSTests {
    static let manifest = """
        id: land-declarative
        version: 1.0.0
        summary: National land database, parcel lookup, declared
        secrets:
          apiKey: {env: LAND_API_KEY}
        upstream:
          baseURL: https://land.invalid
          headers:
            X-API-Key: "{secret:apiKey}"
        services:
          land.parcel.lookup/v1:
            requestSchema: schemas/thing.request.json
            responseSchema: schemas/thing.response.json
            request:
              method: GET
              path: /api/v1/thua-dat
              query:
                maXa: "{/MaXa}"
                soTo: "{/SoHieuToBanDo}"
                soThua: "{/SoThuTuThua}"
            response:
              body:
                MaXa: "{/data/maXa}"
                SoHieuToBanDo: "{/data/soHieuToBanDo}"
                SoThuTuThua: "{/data/soThuTuThua}"
                DienTich: "{/data/dienTich}"
                MucDich:
                  $each: "{/data/mucDichSuDung}"
                  $map: "{@/kyHieu}"
            errors:
              notFound: [404]
              rejected: [400]
              message: "{/error/message?}"
        """

    @Test("found, not found and a refused CA, through the manifest")
    func lookups() async throws {
        let files = try ManifestFiles()
        defer { files.remove() }
        try files.writeOpenSchemas("thing")
        try files.write("land.yaml", Self.manifest)
        let manifest = try files.load("land.yaml")

        let upstreamCA = try DevelopmentCA.create(key: try PrivateKey.generate(.p256), commonName: "National systems CA")
        let otherCA = try DevelopmentCA.create(key: try PrivateKey.generate(.p256), commonName: "Exchange CA")
        let serverKey = try PrivateKey.generate(.p256)
        let server = try upstreamCA.issueCertificate(
            for: serverKey.publicKey, agency: try AgencyCode(parsing: "000.00.00.G09"), commonName: "land database",
            dnsNames: ["localhost"], ipAddresses: ["127.0.0.1"])
        let caFile = try files.write("upstream-ca.pem", upstreamCA.certificate.pemEncoded)
        let otherCAFile = try files.write("other-ca.pem", otherCA.certificate.pemEncoded)
        let chain = try files.write("server-chain.pem", server.pemEncoded + upstreamCA.certificate.pemEncoded)
        let key = try files.write("server-key.pem", try serverKey.pemEncoded())

        let data = MockDataSet(seed: 42)
        let mock = MockServer(
            system: LandSystem(data: data), port: 0, tls: try MockTLS(certificateFile: chain, keyFile: key),
            logger: Logger(label: "land", factory: { _ in SwiftLogNoOpLogHandler() }))
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let running = Task { try await mock.run { continuation.yield($0) } }
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        // Stop the mock and the client, and wait for both, whether or not the checks throw.
        let outcome: Result<Void, any Error>
        do {
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            try await exercise(manifest: manifest, port: port, client: client, caFile: caFile, otherCAFile: otherCAFile, data: data)
            outcome = .success(())
        } catch {
            outcome = .failure(error)
        }
        running.cancel()
        _ = try? await running.value
        try? await client.shutdown()
        try outcome.get()
    }

    private func exercise(
        manifest: AdapterManifest, port: Int, client: HTTPClient, caFile: String, otherCAFile: String, data: MockDataSet
    ) async throws {
        let parcel = try #require(data.parcels.first)
        let environment = PluginEnvironment(httpClient: client, logger: Logger(label: "test"))
        let factory = DeclarativeAdapterFactory(manifest: manifest, processEnvironment: ["LAND_API_KEY": "land-dev-key"])
        // A short timeout only where no answer is expected: the client retries a refused handshake until then.
        func plugin(caFile: String, timeoutMs: Int = 30_000) throws -> any LienthongPlugin {
            try factory.make(
                settings: ["baseURL": .string("https://127.0.0.1:\(port)"), "caFile": .string(caFile), "timeoutMs": .number(JSONNumber(timeoutMs))],
                environment: environment)
        }
        func request(_ payload: JSONValue) throws -> PluginRequest {
            PluginRequest(
                service: try ServiceID(parsing: "land.parcel.lookup/v1"), messageID: MessageID(),
                from: try AgencyCode(parsing: "000.00.00.H41"), to: try AgencyCode(parsing: "000.00.00.G12"), payload: payload,
                timeout: .seconds(60))
        }
        let found: JSONValue = [
            "MaXa": .string(parcel.communeCode), "SoHieuToBanDo": .number(JSONNumber(parcel.mapSheet)),
            "SoThuTuThua": .number(JSONNumber(parcel.parcelNumber)),
        ]

        let answer = try await plugin(caFile: caFile).handle(try request(found)).payload
        #expect(answer[key: "MaXa"] == .string(parcel.communeCode))
        #expect(answer[key: "SoThuTuThua"] == .number(JSONNumber(parcel.parcelNumber)))
        #expect(answer[key: "MucDich"]?.asArray?.map { $0.asString } == parcel.uses.map { $0.code })

        let missing: JSONValue = ["MaXa": .string(parcel.communeCode), "SoHieuToBanDo": 99_999, "SoThuTuThua": 99_999]
        await #expect(throws: PluginError.notFound("land-declarative answered HTTP 404: Không tìm thấy thửa đất")) {
            try await plugin(caFile: caFile).handle(try request(missing))
        }
        // The upstream's certificate does not chain to that CA: no answer, whatever the pooled client trusts.
        await #expect {
            try await plugin(caFile: otherCAFile, timeoutMs: 3000).handle(try request(found))
        } throws: { error in
            switch error as? PluginError {
            case .unavailable, .timeout: true  // no answer, whichever comes first on a loaded machine
            default: false
            }
        }
        #expect {
            _ = try factory.make(settings: ["baseURL": "http://127.0.0.1:1", "caFile": .string(caFile)], environment: environment)
        } throws: { error in
            (error as? PluginConfigurationError)?.reason.contains("is not https") == true
        }
    }
}
