import Hummingbird
import LienthongSchema

/// Largest request body a mock reads: every mocked API takes a small JSON object.
let mockMaxRequestBytes = 64 * 1024

extension Response {
    /// A JSON response with `value` serialised compactly.
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: value.serializedBytes())))
    }
}

/// Why a mock could not read a request body as JSON.
enum MockBodyError: Error, CustomStringConvertible {
    case tooLarge
    case malformed(String)

    var description: String {
        switch self {
        case .tooLarge: "the request body is larger than \(mockMaxRequestBytes) bytes"
        case .malformed(let reason): "the request body is not JSON: \(reason)"
        }
    }
}

extension Request {
    /// The raw body bytes, at most `mockMaxRequestBytes`.
    mutating func bodyBytes() async throws(MockBodyError) -> [UInt8] {
        do {
            let buffer = try await collectBody(upTo: mockMaxRequestBytes)
            return Array(buffer.readableBytesView)
        } catch {
            throw .tooLarge
        }
    }
}

/// Parses a request body as JSON.
func parseJSONBody(_ bytes: [UInt8]) throws(MockBodyError) -> JSONValue {
    do {
        return try JSONParser.parse(bytes)
    } catch {
        throw .malformed(String(describing: error))
    }
}

extension Request {
    /// The first value of header `name` (case-insensitive).
    func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.canonicalName == lowered }?.value
    }
}
