import Foundation
import LienthongCore
import LienthongCrypto
@testable import LienthongStore

/// A temporary data directory, removed when the test is done with it.
struct TemporaryDirectory: ~Copyable {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("lienthong-store-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    var databasePath: String { URL(fileURLWithPath: path).appendingPathComponent(GatewayStore.fileName).path }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

enum Fixtures {
    static let province = try! AgencyCode(parsing: "000.00.00.H41")
    static let ministry = try! AgencyCode(parsing: "000.00.00.G01")
    static let service = try! ServiceID(parsing: "population.citizen.lookup/v1")

    /// A plausible entry; `index` makes each one different.
    static func entry(
        _ index: Int = 0, messageID: MessageID = MessageID(), correlationID: MessageID? = nil,
        retention: PayloadRetention = .full
    ) throws -> AuditEntry {
        let payload = Array("{\"citizen\":\"\(index)\"}".utf8)
        return AuditEntry(
            messageID: messageID, direction: index.isMultiple(of: 2) ? .outbound : .inbound,
            from: province, to: ministry, service: service, outcome: "answered",
            payloadDigest: try Digest.sha256(payload), jws: "eyJhbGciOiJFUzI1NiJ9..sig\(index)",
            correlationID: correlationID, payload: payload, retention: retention)
    }
}

/// Edits the database file behind the store's back, as an attacker with the file could.
enum RawDatabase {
    static func tamper(_ path: String, _ sql: String) throws {
        let connection = try SQLiteConnection(path: path, options: .init(create: false))
        try connection.executeScript(
            "DROP TRIGGER IF EXISTS audit_records_no_update; DROP TRIGGER IF EXISTS audit_records_no_delete; \(sql)")
        connection.close()
    }
}
