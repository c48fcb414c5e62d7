import LienthongSchema

/// Parses a body as strict JSON (400 with the parser's reason otherwise).
public struct JSONBodyParser: Sendable {
    public let limits: JSONParser.Limits

    public init(maxBytes: Int) {
        self.limits = JSONParser.Limits(maxDocumentBytes: maxBytes)
    }

    public func parse(_ body: [UInt8]) throws(Problem) -> JSONValue {
        do { return try JSONParser.parse(body, limits: limits) } catch {
            throw .badJSON("\(error)")
        }
    }
}
