/// A service identifier, `system.resource.action/vMAJOR`, e.g. `population.citizen.lookup/v1`.
///
/// Each of the three name parts starts with a lower-case letter and holds lower-case letters,
/// digits and hyphens; the major version is a positive integer without leading zeros.
public struct ServiceID: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public let system: String
    public let resource: String
    public let action: String
    public let majorVersion: Int

    public init(parsing text: String) throws(IdentifierError) {
        func fail(_ reason: String) -> IdentifierError {
            IdentifierError(kind: .serviceID, input: text, reason: reason)
        }
        guard text.utf8.count <= 128 else { throw fail("is longer than 128 characters") }
        let halves = text.split(separator: "/", omittingEmptySubsequences: false)
        guard halves.count == 2 else {
            throw fail("must have the form system.resource.action/vN (exactly one '/')")
        }
        let names = halves[0].split(separator: ".", omittingEmptySubsequences: false)
        guard names.count == 3 else {
            throw fail("the name must have three dot-separated parts (system.resource.action), found \(names.count)")
        }
        let partNames = ["system", "resource", "action"]
        for (index, part) in names.enumerated() {
            guard let first = part.utf8.first else { throw fail("the \(partNames[index]) part is empty") }
            guard (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) else {
                throw fail("the \(partNames[index]) part \"\(part)\" must start with a lower-case letter")
            }
            for byte in part.utf8 where !Self.isNameByte(byte) {
                throw fail("the \(partNames[index]) part \"\(part)\" may hold only a-z, 0-9 and '-'")
            }
        }
        let version = halves[1]
        guard version.first == "v", version.count > 1 else {
            throw fail("the version \"\(version)\" must be 'v' followed by the major version, e.g. v1")
        }
        let digits = version.dropFirst()
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.first != "0", digits.count <= 6,
              let major = Int(digits)
        else {
            throw fail("the version \"\(version)\" must be 'v' followed by a positive integer without leading zeros")
        }
        self.system = String(names[0])
        self.resource = String(names[1])
        self.action = String(names[2])
        self.majorVersion = major
    }

    public var rawValue: String { "\(system).\(resource).\(action)/v\(majorVersion)" }
    public var description: String { rawValue }

    public static func < (lhs: ServiceID, rhs: ServiceID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(parsing: text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || byte == UInt8(ascii: "-")
    }
}
