/// Why a piece of text is not a valid identifier; the message names the input and the reason.
public struct IdentifierError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case agencyCode = "agency code"
        case serviceID = "service id"
        case messageID = "message id"
    }

    public let kind: Kind
    public let input: String
    public let reason: String

    public init(kind: Kind, input: String, reason: String) {
        self.kind = kind
        self.input = input
        self.reason = reason
    }

    public var description: String { "invalid \(kind.rawValue) \"\(input)\": \(reason)" }
}
