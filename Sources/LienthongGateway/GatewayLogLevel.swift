import Logging

/// Log levels by name, for the command line (which does not depend on swift-log itself).
public enum GatewayLogLevel: String, Sendable, CaseIterable {
    case trace, debug, info, notice, warning, error, critical

    public var level: Logger.Level {
        switch self {
        case .trace: .trace
        case .debug: .debug
        case .info: .info
        case .notice: .notice
        case .warning: .warning
        case .error: .error
        case .critical: .critical
        }
    }
}
