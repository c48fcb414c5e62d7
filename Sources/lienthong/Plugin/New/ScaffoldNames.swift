import LienthongCore

/// The names a scaffold is built from, all derived from the adapter id and the service id and
/// validated once, so that every template can put them into YAML, JSON, Python, Swift and shell
/// text without escaping: they hold only a-z, A-Z, 0-9, '-', '_', '.' and '/'.
struct ScaffoldNames: Sendable {
    /// The adapter id (`adapter:` in the gateway configuration), e.g. `civil-status`.
    let id: String
    let service: ServiceID
    /// `CivilStatus`: the prefix of the Swift types and module (`CivilStatusPlugin`).
    let typePrefix: String
    /// `CIVIL_STATUS_TOKEN`: the environment variable holding the upstream's API token.
    let tokenVariable: String

    init(id: String, service: String?) throws {
        guard Self.isAdapterID(id) else {
            throw CommandFailure(
                "invalid plugin name \"\(id)\": an adapter id is lower-case letters, digits and hyphens, starting with a letter, "
                    + "at most 64 characters, without a trailing or doubled hyphen (e.g. civil-status)")
        }
        let serviceText = service ?? "\(id).record.lookup/v1"
        do { self.service = try ServiceID(parsing: serviceText) } catch {
            throw CommandFailure("invalid --service \"\(serviceText)\": \(error.reason)")
        }
        self.id = id
        self.typePrefix = id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        self.tokenVariable = id.uppercased().replacingOccurrences(of: "-", with: "_") + "_TOKEN"
    }

    /// `civil-status.record.lookup.request.v1` style base of the schema file names.
    private var schemaStem: String { "\(service.resource).\(service.action)" }

    /// Schema paths relative to the scaffold's `schemas/` directory.
    var requestSchemaPath: String { "\(id)/\(schemaStem).request.v\(service.majorVersion).json" }
    var responseSchemaPath: String { "\(id)/\(schemaStem).response.v\(service.majorVersion).json" }

    /// Schema `$id`s: under the adapters' namespace, so they never collide with the bundled ones.
    var requestSchemaID: String { "https://schemas.lienthong.vn/adapters/\(requestSchemaPath)" }
    var responseSchemaID: String { "https://schemas.lienthong.vn/adapters/\(responseSchemaPath)" }

    /// Lower-case letters, digits and single hyphens, starting with a letter, at most 64: the
    /// gateway's adapter id rule, stricter about hyphens so that the Swift type name is clean.
    static func isAdapterID(_ text: String) -> Bool {
        guard let first = text.utf8.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first), text.utf8.count <= 64,
              !text.hasSuffix("-"), !text.contains("--")
        else { return false }
        return text.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-")
        }
    }
}

/// The upstream system's base URL as the scaffold writes it into manifests, settings and
/// scripts: `http(s)://host[:port][/path]`, from a small character set so it needs no quoting.
struct ScaffoldUpstream: Sendable {
    let baseURL: String
    /// The port the mock upstream listens on, when the URL is on this machine.
    let mockPort: Int?

    static let defaultURL = "http://127.0.0.1:9180"

    init(_ text: String) throws {
        var url = text
        while url.hasSuffix("/") { url.removeLast() }
        let scheme = url.hasPrefix("http://") ? "http://" : url.hasPrefix("https://") ? "https://" : nil
        guard let scheme else { throw CommandFailure("invalid --upstream \"\(text)\": expected an http:// or https:// URL") }
        let rest = url.dropFirst(scheme.count)
        let allowed = rest.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || ".-_:/".unicodeScalars.contains($0)
        }
        let authority = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let hostAndPort = authority.split(separator: ":", omittingEmptySubsequences: false)
        guard allowed, !authority.isEmpty, let host = hostAndPort.first, !host.isEmpty, hostAndPort.count <= 2 else {
            throw CommandFailure(
                "invalid --upstream \"\(text)\": expected http(s)://host[:port][/path] with letters, digits, '.', '-', '_' and '/' only")
        }
        var port: Int?
        if hostAndPort.count == 2 {
            guard let number = Int(hostAndPort[1]), (1...65535).contains(number) else {
                throw CommandFailure("invalid --upstream \"\(text)\": the port must be a number from 1 to 65535")
            }
            port = number
        }
        self.baseURL = url
        let local = ["127.0.0.1", "localhost"].contains(String(host))
        self.mockPort = local && scheme == "http://" ? (port ?? 80) : nil
    }
}
