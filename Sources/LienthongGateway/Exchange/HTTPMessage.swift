/// A request or response as the pipelines see it: header fields and a complete body.
///
/// The pipelines work on this plain value rather than on a server framework's types, so each
/// direction can be tested without sockets and the servers stay thin adapters.
public struct HTTPMessage: Sendable {
    /// Header fields in order; names compare case-insensitively.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.headers = headers
        self.body = body
    }

    /// The first value of the header `name` (case-insensitive).
    public subscript(header name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }
}

/// What a pipeline answers: a status, header fields and a body.
public struct HTTPAnswer: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A problem document answer.
    public init(problem: Problem) {
        self.init(status: problem.status, headers: [("Content-Type", Problem.mediaType)], body: problem.body)
    }

    /// The first value of the header `name` (case-insensitive).
    public subscript(header name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }
}
