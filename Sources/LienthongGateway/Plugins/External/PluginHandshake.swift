/// The first line an external plugin prints on standard output: `LIENTHONG-PLUGIN 1 unix PATH`.
///
/// The line names the protocol version the plugin speaks and where it serves it. Version 1 is
/// HTTP/1.1 with JSON on a Unix domain socket (`GET /descriptor`, `POST /handle`). Anything else is
/// refused with a reason that names what the plugin printed, so an operator can tell a plugin that
/// is too new from one that prints a banner first.
public struct PluginHandshake: Sendable, Hashable {
    /// The protocol version this gateway speaks.
    public static let supportedVersion = 1
    /// The word every handshake line starts with.
    public static let magic = "LIENTHONG-PLUGIN"
    /// The longest socket path a Unix socket address holds (`sun_path` is 108 bytes with its NUL).
    public static let maxSocketPathBytes = 107

    /// The protocol version the plugin speaks (only `supportedVersion` is accepted).
    public let version: Int
    /// Absolute path of the Unix socket the plugin listens on.
    public let socketPath: String

    public init(version: Int, socketPath: String) {
        self.version = version
        self.socketPath = socketPath
    }

    /// Parses one line (without its newline; a trailing carriage return is tolerated).
    public init(parsing line: String) throws(PluginHandshakeError) {
        let trimmed = line.hasSuffix("\r") ? String(line.dropLast()) : line
        let fields = trimmed.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard fields.first == Self.magic else { throw .notAHandshake(Self.excerpt(trimmed)) }
        guard fields.count >= 2, let version = Int(fields[1]), version > 0, fields[1].allSatisfy(\.isASCII) else {
            throw .malformed("expected \"\(Self.magic) <version> unix <socket path>\", found \"\(Self.excerpt(trimmed))\"")
        }
        guard version == Self.supportedVersion else { throw .unsupportedVersion(version) }
        guard fields.count == 4 else {
            throw .malformed(
                "expected \"\(Self.magic) 1 unix <socket path>\" (4 fields separated by single spaces), found \"\(Self.excerpt(trimmed))\"")
        }
        guard fields[2] == "unix" else { throw .unsupportedTransport(Self.excerpt(fields[2])) }
        let path = fields[3]
        guard path.hasPrefix("/") else { throw .badSocketPath(Self.excerpt(path), "the path must be absolute") }
        guard path.utf8.count <= Self.maxSocketPathBytes else {
            throw .badSocketPath(Self.excerpt(path), "longer than \(Self.maxSocketPathBytes) bytes, the limit of a Unix socket address")
        }
        guard !path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw .badSocketPath(Self.excerpt(path), "the path holds control characters")
        }
        self.init(version: version, socketPath: path)
    }

    /// The line a plugin prints for `socketPath`.
    public static func line(socketPath: String) -> String { "\(magic) \(supportedVersion) unix \(socketPath)" }

    /// At most 120 characters of `text`, with control characters escaped, for log lines.
    static func excerpt(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars.prefix(120) {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return text.unicodeScalars.count > 120 ? result + "…" : result
    }
}

/// Why a plugin's first line is not a handshake this gateway accepts.
public enum PluginHandshakeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The line does not start with `LIENTHONG-PLUGIN`: the program is not a Lienthong plugin, or it
    /// printed something else first.
    case notAHandshake(String)
    /// The line starts like a handshake but its fields are wrong.
    case malformed(String)
    /// The plugin speaks a protocol version this gateway does not.
    case unsupportedVersion(Int)
    /// The plugin offers a transport other than `unix`.
    case unsupportedTransport(String)
    /// The socket path is unusable.
    case badSocketPath(String, String)

    public var description: String {
        switch self {
        case .notAHandshake(let line):
            "the first line on standard output is not a handshake (expected \"\(PluginHandshake.magic) \(PluginHandshake.supportedVersion) unix <socket path>\"): \"\(line)\""
        case .malformed(let reason): "malformed handshake: \(reason)"
        case .unsupportedVersion(let version):
            "the plugin speaks protocol version \(version); this gateway speaks version \(PluginHandshake.supportedVersion)"
        case .unsupportedTransport(let transport):
            "the plugin offers transport \"\(transport)\"; protocol version 1 supports only \"unix\""
        case .badSocketPath(let path, let reason): "unusable socket path \"\(path)\": \(reason)"
        }
    }
}
