import LienthongSchema

/// Faults a mock injects before its system answers: added latency, a share of requests answered
/// with a server error, or being down altogether (503 to everything but `/_mock/*`).
public struct MockFaults: Sendable, Hashable, CustomStringConvertible {
    /// Milliseconds to wait before answering each request.
    public var latencyMs: Int
    /// Share of requests, 0.0 to 1.0, answered with 500 in the system's own error shape.
    public var errorRate: Double
    /// Whether the system answers 503 to every request of its own API.
    public var down: Bool

    public init(latencyMs: Int = 0, errorRate: Double = 0, down: Bool = false) {
        self.latencyMs = latencyMs
        self.errorRate = errorRate
        self.down = down
    }

    /// No faults.
    public static let none = MockFaults()

    /// Whether the values are in range: latency 0 to 10 minutes, error rate 0 to 1.
    public func validated() throws(MockFaultsError) -> MockFaults {
        guard (0...600_000).contains(latencyMs) else {
            throw MockFaultsError("latencyMs must be between 0 and 600000, got \(latencyMs)")
        }
        guard errorRate.isFinite, (0...1).contains(errorRate) else {
            throw MockFaultsError("errorRate must be between 0.0 and 1.0, got \(errorRate)")
        }
        return self
    }

    /// These faults changed by the members of `json` (`latencyMs`, `errorRate`, `down`); members
    /// left out keep their value, unknown members are refused.
    public func updated(with json: JSONValue) throws(MockFaultsError) -> MockFaults {
        guard case .object(let object) = json else { throw MockFaultsError("the faults must be a JSON object") }
        var result = self
        for (key, value) in object {
            switch key {
            case "latencyMs":
                guard let number = value.asNumber, let latency = number.intValue else {
                    throw MockFaultsError("latencyMs must be an integer number of milliseconds")
                }
                result.latencyMs = latency
            case "errorRate":
                guard let number = value.asNumber else { throw MockFaultsError("errorRate must be a number") }
                result.errorRate = number.doubleValue
            case "down":
                guard let down = value.asBool else { throw MockFaultsError("down must be true or false") }
                result.down = down
            default:
                throw MockFaultsError("unknown fault \"\(key)\" (known: latencyMs, errorRate, down)")
            }
        }
        return try result.validated()
    }

    public var json: JSONValue {
        ["latencyMs": .number(JSONNumber(latencyMs)), "errorRate": .number(JSONNumber(errorRate)), "down": .bool(down)]
    }

    public var description: String { "latency \(latencyMs) ms, error rate \(errorRate), down \(down)" }
}

/// Faults that cannot be applied, with the reason.
public struct MockFaultsError: Error, Sendable, Hashable, CustomStringConvertible {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { "invalid faults: \(reason)" }
}
