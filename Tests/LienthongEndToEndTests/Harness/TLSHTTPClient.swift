import AsyncHTTPClient
import Foundation
import LienthongTestSupport
import NIOCore
import NIOHTTP1
import NIOSSL

/// HTTPS with an explicit trusted CA and, for the exchange API, a client certificate.
/// URLSession on Linux can do neither, so this one client is AsyncHTTPClient.
final class TLSHTTPClient: Sendable {
    private let client: HTTPClient

    /// - Parameters:
    ///   - trustedCA: the only CA the server's certificate may chain to.
    ///   - identity: the client certificate and key to present (mTLS), if any.
    init(trustedCA: URL, identity: DevelopmentPKI.Identity? = nil) throws {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(trustedCA.path))
        tls.certificateVerification = .fullVerification
        if let identity {
            tls.certificateChain = try NIOSSLCertificate.fromPEMFile(identity.chain.path).map { .certificate($0) }
            tls.privateKey = .privateKey(try NIOSSLPrivateKey(file: identity.key.path, format: .pem))
        }
        var configuration = HTTPClient.Configuration()
        configuration.tlsConfiguration = tls
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    func send(
        _ method: String, _ url: String, headers: [(String, String)] = [], body: [UInt8]? = nil,
        timeout: Duration = .seconds(60)
    ) async throws -> HTTPReply {
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: method)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await client.execute(request, timeout: .seconds(Int64(timeout.components.seconds)))
        return try await HTTPReply(response)
    }

    func shutdown() async { try? await client.shutdown() }
}
