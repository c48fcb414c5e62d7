/// Refuses bodies larger than the configured limit (413), before anything reads them.
public struct BodySizeLimit: Sendable {
    public let maxBytes: Int

    public init(maxBytes: Int) { self.maxBytes = maxBytes }

    public func check(_ body: [UInt8]) throws(Problem) {
        guard body.count <= maxBytes else {
            throw .tooLarge("the body has \(body.count) bytes; at most \(maxBytes) are accepted")
        }
    }
}
