/// Why the mock axis refused a message, as the axis reports it: an error code, a readable
/// description, and whether the message itself was invalid (HTTP 400) or only could not be
/// delivered (HTTP 200 with status FAIL).
struct AxisRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    enum Kind: Sendable, Hashable {
        /// The message is malformed or incomplete: answered 400.
        case invalid
        /// The message is valid but cannot be acted on (unknown recipient or document): 200 FAIL.
        case undeliverable
    }

    let code: String
    let reason: String
    let kind: Kind

    static func invalid(_ code: String, _ reason: String) -> AxisRefusal { AxisRefusal(code: code, reason: reason, kind: .invalid) }
    static func undeliverable(_ code: String, _ reason: String) -> AxisRefusal {
        AxisRefusal(code: code, reason: reason, kind: .undeliverable)
    }

    var description: String { "\(code): \(reason)" }
}
