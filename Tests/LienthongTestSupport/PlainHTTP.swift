import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// An HTTP answer as the tests read it.
public struct HTTPReply: Sendable {
    public let status: Int
    /// Header names in lower case; repeated fields joined with ", ".
    public let headers: [String: String]
    public let body: Data

    public init(status: Int, headers: [String: String], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The answer of AsyncHTTPClient, its body read whole (at most 64 MiB).
    public init(_ response: HTTPClientResponse) async throws {
        let bytes = try await response.body.collect(upTo: 64 << 20)
        var fields: [String: String] = [:]
        for field in response.headers {
            let name = field.name.lowercased()
            fields[name] = fields[name].map { "\($0), \(field.value)" } ?? field.value
        }
        self.init(status: Int(response.status.code), headers: fields, body: Data(bytes.readableBytesView))
    }

    public var text: String { String(decoding: body, as: UTF8.self) }
    public var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }
    public subscript(header name: String) -> String? { headers[name.lowercased()] }

    /// The problem's name (`https://lienthong.vn/problems/<name>`) when this is problem+json.
    public var problem: String? {
        guard self[header: "Content-Type"]?.hasPrefix("application/problem+json") == true,
              let type = json?["type"] as? String
        else { return nil }
        return type.replacingOccurrences(of: "https://lienthong.vn/problems/", with: "")
    }

    /// Status, problem and body, for failure messages.
    public var summary: String {
        if self[header: "Content-Encoding"] == "gzip" { return "HTTP \(status) (\(body.count) bytes, gzip)" }
        return "HTTP \(status) \(text.prefix(600))"
    }
}

/// Plain HTTP: the local API, the mocks' control API, health checks.
///
/// AsyncHTTPClient rather than URLSession: on Linux, URLSession's `data(for:)` was seen never to
/// return under the proofs' load (a whole test run hung with no request in flight), and its
/// timeout did not end the wait. Every request here ends by its deadline.
public enum PlainHTTP {
    /// One client for the whole test run, never shut down. A short connect timeout: a refused
    /// connection is retried until it passes, and polls of a server that is not listening yet
    /// should fail fast.
    private static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration(
            timeout: .init(connect: .seconds(2)), decompression: .disabled)
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 64
        return HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
    }()

    public static func send(
        _ method: String, _ url: String, headers: [String: String] = [:], body: Data? = nil, timeout: TimeInterval = 60
    ) async throws -> HTTPReply {
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: method)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let deadline = NIODeadline.now() + .milliseconds(Int64(timeout * 1000))
        let response = try await client.execute(request, deadline: deadline)
        return try await HTTPReply(response)
    }

    public static func get(_ url: String, timeout: TimeInterval = 60) async throws -> HTTPReply {
        try await send("GET", url, timeout: timeout)
    }

    public static func postJSON(_ url: String, _ json: Any, headers: [String: String] = [:]) async throws -> HTTPReply {
        var all = headers
        all["Content-Type"] = "application/json"
        return try await send("POST", url, headers: all, body: try JSONSerialization.data(withJSONObject: json))
    }
}
