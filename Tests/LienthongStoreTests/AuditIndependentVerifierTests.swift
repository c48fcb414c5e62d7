import Foundation
import LienthongCore
import Testing
@testable import LienthongStore

/// An auditor's own verifier, written in Python from the `AuditHash` documentation alone, must
/// agree with `verify()` on the same file: the documented encoding is the one really used.
@Suite("Audit log: an independent verifier agrees")
struct AuditIndependentVerifierTests {
    static let auditorScript = #"""
        import hashlib, sqlite3, struct, sys

        def field(value):
            if value is None:
                return b"\x00"
            if isinstance(value, str):
                value = value.encode("utf-8")
            return b"\x01" + struct.pack(">Q", len(value)) + value

        def integer(number):
            return struct.pack(">q", number)

        db = sqlite3.connect(sys.argv[1])
        rows = db.execute(
            "SELECT sequence, time_ms, message_id, direction, from_agency, to_agency, service, outcome,"
            " payload_digest, jws, correlation_id, retention, payload, previous_hash, hash"
            " FROM audit_records ORDER BY sequence")
        previous, expected = bytes(32), 1
        for row in rows:
            sequence = row[0]
            if sequence != expected:
                sys.exit(print(f"broken {expected} missing"))
            encoding = field(b"lienthong-audit-v1") + field(integer(sequence)) + field(integer(row[1]))
            encoding += b"".join(field(value) for value in row[2:14])
            if hashlib.sha256(encoding).digest() != row[14]:
                sys.exit(print(f"broken {sequence} contents"))
            if row[13] != previous:
                sys.exit(print(f"broken {sequence} link"))
            previous, expected = row[14], expected + 1
        print(f"intact {expected - 1}")
        """#

    @Test func pythonRecomputesTheSameChain() async throws {
        let directory = try TemporaryDirectory()
        let store = try await GatewayStore.open(dataDirectory: directory.path)
        let request = MessageID()
        try await store.auditLog.append(try Fixtures.entry(0, messageID: request, retention: .full))
        try await store.auditLog.append(try Fixtures.entry(1, correlationID: request, retention: .metadata))
        var withoutJWS = try Fixtures.entry(2, retention: .none)
        withoutJWS.jws = nil
        try await store.auditLog.append(withoutJWS)
        #expect(try Self.auditor(directory.databasePath) == "intact 3")
        #expect(try await store.auditLog.verify() == .intact(records: 3))

        try RawDatabase.tamper(directory.databasePath, "UPDATE audit_records SET to_agency = 'H55.242' WHERE sequence = 2")
        #expect(try Self.auditor(directory.databasePath) == "broken 2 contents")
        #expect(try await store.auditLog.verify() == .broken(sequence: 2, reason: "stored hash does not match its contents"))
        await store.close()
    }

    /// Runs the auditor script on `database` and returns its one-line verdict.
    static func auditor(_ database: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", auditorScript, database]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python3 failed; it needs only the standard library")
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
