import LienthongJSON
import LienthongPluginAPI

/// What placeholders read: the document being mapped (the request payload, or the upstream's
/// answer as JSON or as an XML tree), the exchange's envelope and the adapter's secrets.
public struct TemplateInput: Sendable {
    public enum Document: Sendable {
        case json(JSONValue)
        case xml(XMLElementNode)
    }

    public let document: Document
    public let envelope: [Placeholder.EnvelopeField: String]
    public let secrets: [String: String]

    public init(document: Document, envelope: [Placeholder.EnvelopeField: String], secrets: [String: String] = [:]) {
        self.document = document
        self.envelope = envelope
        self.secrets = secrets
    }
}

/// Why a template could not be filled for one message. The adapter maps it by side: on the
/// request side it is the caller's request (422), on the response side the upstream's answer (502).
public struct TemplateFillError: Error, Sendable, Hashable, CustomStringConvertible {
    public let placeholder: String
    public let reason: String

    public init(placeholder: String, reason: String) {
        self.placeholder = placeholder
        self.reason = reason
    }

    public var description: String { "\(placeholder): \(reason)" }
}
