import Foundation
import LienthongCore
import LienthongStore
import Testing

/// `lienthong audit verify` and `audit show`, run as the real binary against a real database.
@Suite("Command line: audit")
struct AuditCommandTests {
    static let province = "000.00.00.H41"
    static let ministry = "000.00.00.G01"

    /// A data directory holding a gateway database with `count` records: a request and its answer,
    /// repeated.
    final class DataDirectory {
        let url: URL
        var path: String { url.path }
        var database: String { url.appendingPathComponent(GatewayStore.fileName).path }

        init(records count: Int) async throws {
            url = try CLI.temporaryDirectory()
            let store = try await GatewayStore.open(dataDirectory: url.path)
            for _ in 0..<count {
                try await store.auditLog.append(try Self.entry(MessageID()))
            }
            await store.close()
        }

        deinit { try? FileManager.default.removeItem(at: url) }

        static func entry(_ id: MessageID, answering request: MessageID? = nil) throws -> AuditEntry {
            AuditEntry(
                messageID: id, direction: request == nil ? .outbound : .inbound,
                from: try AgencyCode(parsing: request == nil ? province : ministry),
                to: try AgencyCode(parsing: request == nil ? ministry : province),
                service: try ServiceID(parsing: "population.citizen.lookup/v1"),
                outcome: request == nil ? "delivered" : "answered",
                payloadDigest: Array(repeating: 0xAB, count: 32),
                jws: "eyJhbGciOiJFUzI1NiJ9..c2lnbmF0dXJl-\(id)", correlationID: request)
        }
    }

    @Test func verifyReportsAnIntactTrail() async throws {
        let data = try await DataDirectory(records: 4)
        let result = try await CLI.run(["audit", "verify", "--data", data.path])
        #expect(result.status == 0)
        #expect(result.stdout == "audit trail intact: 4 records\n")
    }

    @Test func verifyNamesTheTamperedRecord() async throws {
        let data = try await DataDirectory(records: 5)
        let tamper = SQLiteDatabaseFile(path: data.database)
        try tamper.run(
            "DROP TRIGGER audit_records_no_update; UPDATE audit_records SET outcome = 'answered' WHERE sequence = 4")
        let result = try await CLI.run(["audit", "verify", "--data", data.path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr == "lienthong: audit trail broken at record 4: stored hash does not match its contents\n")
    }

    @Test func verifyNamesADeletedRecord() async throws {
        let data = try await DataDirectory(records: 5)
        try SQLiteDatabaseFile(path: data.database).run(
            "DROP TRIGGER audit_records_no_delete; DELETE FROM audit_records WHERE sequence = 2")
        let result = try await CLI.run(["audit", "verify", "--data", data.path])
        #expect(result.status == 1)
        #expect(result.stderr == "lienthong: audit trail broken at record 2: the record is missing\n")
    }

    @Test func showPrintsARequestAndItsAnswerWithTheJWSOnItsOwnLine() async throws {
        let data = try await DataDirectory(records: 1)
        let request = MessageID()
        let answer = MessageID()
        let store = try await GatewayStore.open(dataDirectory: data.path)
        let sent = try await store.auditLog.append(try DataDirectory.entry(request))
        try await store.auditLog.append(try DataDirectory.entry(answer, answering: request))
        await store.close()

        let result = try await CLI.run(["audit", "show", request.rawValue, "--data", data.path])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("record ") } == ["record 2", "record 3"])
        #expect(lines.contains("  route:       \(Self.province) → \(Self.ministry)"))
        #expect(lines.contains("  route:       \(Self.ministry) → \(Self.province)"))
        #expect(lines.contains("  service:     population.citizen.lookup/v1"))
        #expect(lines.contains("  outcome:     delivered"))
        #expect(lines.contains("  digest:      " + String(repeating: "ab", count: 32)))
        #expect(lines.contains("  answers:     \(request)"))
        let jwsLines = lines.indices.filter { lines[$0] == "  jws:" }.map { lines[$0 + 1] }
        #expect(jwsLines == ["eyJhbGciOiJFUzI1NiJ9..c2lnbmF0dXJl-\(request)", "eyJhbGciOiJFUzI1NiJ9..c2lnbmF0dXJl-\(answer)"])
        // RFC 3339 in UTC with the milliseconds the record keeps.
        let time = try #require(lines.first { $0.hasPrefix("  time:") })
        #expect(time.hasPrefix("  time:        " + Timestamp.format(sent.time).dropLast() + "."))
        #expect(time.hasSuffix("Z") && time.count == "  time:        2026-01-01T00:00:00.000Z".count)
    }

    @Test func showSaysWhereALaterRecordsJWSIs() async throws {
        let data = try await DataDirectory(records: 0)
        let id = MessageID()
        var later = try DataDirectory.entry(id)
        later.jws = nil
        let store = try await GatewayStore.open(dataDirectory: data.path)
        try await store.auditLog.append(later)
        await store.close()

        let result = try await CLI.run(["audit", "show", id.rawValue, "--data", data.path])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let jwsLine = try #require(lines.firstIndex(of: "  jws:").map { lines[$0 + 1] })
        #expect(jwsLine == "(none: the record that queued or stored this message has its JWS)")
    }

    @Test func showPrintsTheKeptCertificateAfterAJWSNamingItByThumbprint() async throws {
        let data = try await DataDirectory(records: 0)
        // Any bytes will do for the trail: it keeps certificates by SHA-256, as x5t#S256 names them.
        let certificate = Array("a DER certificate, as far as the trail goes".utf8)  // one PEM line
        let thumbprint = try AuditCertificate.thumbprint(of: certificate)
        func jws(naming thumbprint: String) -> String {
            let header = Data(#"{"alg":"ES256","x5t#S256":"\#(thumbprint)"}"#.utf8).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
            return header + "..c2lnbmF0dXJl"
        }
        let kept = MessageID()
        let missing = MessageID()
        let store = try await GatewayStore.open(dataDirectory: data.path)
        try await store.auditLog.keepCertificate(certificate)
        var entry = try DataDirectory.entry(kept)
        entry.jws = jws(naming: thumbprint)
        try await store.auditLog.append(entry)
        entry = try DataDirectory.entry(missing)
        entry.jws = jws(naming: String(repeating: "A", count: 43))
        try await store.auditLog.append(entry)
        await store.close()

        let shown = try await CLI.run(["audit", "show", kept.rawValue, "--data", data.path])
        #expect(shown.status == 0, "\(shown.stderr)")
        let lines = shown.stdout.split(separator: "\n").map(String.init)
        let index = try #require(lines.firstIndex(of: "  certificate (x5t#S256 of the jws):"), "\(shown.stdout)")
        let pem = lines[(index + 1)...].joined(separator: "\n")
        #expect(pem == "-----BEGIN CERTIFICATE-----\n\(Data(certificate).base64EncodedString())\n-----END CERTIFICATE-----")

        let notKept = try await CLI.run(["audit", "show", missing.rawValue, "--data", data.path])
        #expect(notKept.status == 0, "\(notKept.stderr)")
        #expect(notKept.stdout.hasSuffix("  certificate (x5t#S256 of the jws):\n(not kept in this audit trail)\n"), "\(notKept.stdout)")

        // Someone with the file swaps the kept certificate: it is not shown as the signer's.
        try SQLiteDatabaseFile(path: data.database).run(
            "DROP TRIGGER audit_certificates_no_update; UPDATE audit_certificates SET der = X'00'")
        let altered = try await CLI.run(["audit", "show", kept.rawValue, "--data", data.path])
        #expect(altered.status == 0, "\(altered.stderr)")
        #expect(altered.stdout.hasSuffix(
            "  certificate (x5t#S256 of the jws):\n(the kept certificate does not match the thumbprint: altered)\n"), "\(altered.stdout)")
    }

    @Test func showWithoutRecordsFails() async throws {
        let data = try await DataDirectory(records: 2)
        let unknown = MessageID()
        let result = try await CLI.run(["audit", "show", unknown.rawValue, "--data", data.path])
        #expect(result.status == 1)
        #expect(result.stderr == "lienthong: no audit records for message \(unknown)\n")
    }

    @Test func showRefusesAMalformedID() async throws {
        let data = try await DataDirectory(records: 1)
        let result = try await CLI.run(["audit", "show", "not-an-id", "--data", data.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("invalid message id \"not-an-id\""))
    }

    @Test func aMissingDataDirectoryIsNamed() async throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("lienthong-absent-\(UUID())").path
        let result = try await CLI.run(["audit", "verify", "--data", missing])
        #expect(result.status == 1)
        #expect(result.stderr == "lienthong: data directory \(missing) does not exist or is not a directory\n")
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test func aDirectoryWithoutADatabaseIsNamed() async throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try await CLI.run(["audit", "verify", "--data", directory.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no gateway database at "))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent(GatewayStore.fileName).path))
    }

    @Test func aFileThatIsNotADatabaseIsRefused() async throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(repeating: 0x41, count: 8192).write(to: directory.appendingPathComponent(GatewayStore.fileName))
        let result = try await CLI.run(["audit", "verify", "--data", directory.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot open the gateway database in \(directory.path): file is not a database"))
    }

    @Test func theStoreMustBeNamed() async throws {
        let result = try await CLI.run(["audit", "verify"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("name the store: --data DIR (SQLite) or --store postgres://… (PostgreSQL)"))
        let both = try await CLI.run(["audit", "verify", "--data", "/tmp", "--store", "postgres://u@h/d"])
        #expect(both.status == 2)
        #expect(both.stderr.contains("give either --data or --store, not both"))
    }
}

/// Edits the database file with the system `sqlite3` library, as someone with the file could.
struct SQLiteDatabaseFile {
    let path: String

    func run(_ script: String) throws {
        let connection = try SQLiteConnection(path: path, options: .init(create: false))
        try connection.executeScript(script)
        connection.close()
    }
}
