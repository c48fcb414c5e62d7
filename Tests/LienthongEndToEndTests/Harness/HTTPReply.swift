import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An HTTP answer as the tests read it.
struct HTTPReply: Sendable {
    let status: Int
    /// Header names in lower case.
    let headers: [String: String]
    let body: Data

    var text: String { String(decoding: body, as: UTF8.self) }
    var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }
    subscript(header name: String) -> String? { headers[name.lowercased()] }

    /// The problem's name (`https://lienthong.vn/problems/<name>`) when this is problem+json.
    var problem: String? {
        guard self[header: "Content-Type"]?.hasPrefix("application/problem+json") == true,
              let type = json?["type"] as? String
        else { return nil }
        return type.replacingOccurrences(of: "https://lienthong.vn/problems/", with: "")
    }

    /// Status, problem and body, for failure messages.
    var summary: String {
        if self[header: "Content-Encoding"] == "gzip" { return "HTTP \(status) (\(body.count) bytes, gzip)" }
        return "HTTP \(status) \(text.prefix(600))"
    }
}

/// Plain HTTP with URLSession: the local API, the mocks' control API, health checks.
enum PlainHTTP {
    static func send(
        _ method: String, _ url: String, headers: [String: String] = [:], body: Data? = nil, timeout: TimeInterval = 60
    ) async throws -> HTTPReply {
        guard let target = URL(string: url) else { throw HarnessError("bad URL \(url)") }
        var request = URLRequest(url: target)
        request.httpMethod = method
        request.timeoutInterval = timeout
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        let (data, response) = try await URLSession.shared.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw HarnessError("\(url) gave no HTTP answer") }
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name.lowercased()] = value }
        }
        return HTTPReply(status: http.statusCode, headers: fields, body: data)
    }

    static func get(_ url: String, timeout: TimeInterval = 60) async throws -> HTTPReply {
        try await send("GET", url, timeout: timeout)
    }

    static func postJSON(_ url: String, _ json: Any, headers: [String: String] = [:]) async throws -> HTTPReply {
        var all = headers
        all["Content-Type"] = "application/json"
        return try await send("POST", url, headers: all, body: try JSONSerialization.data(withJSONObject: json))
    }
}
