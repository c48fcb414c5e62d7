import LienthongStore
import NIOCore
import PostgresNIO

/// Every SQL statement of the PostgreSQL audit trail. The columns and their meaning are those of
/// the SQLite trail, so both hash the same bytes (`AuditHash`) and `audit verify` reads either.
enum PostgresAuditSQL {
    static let migration = PostgresMigration(
        version: 1, name: "audit trail",
        statements: [
            """
            CREATE TABLE audit_records (
                sequence bigint PRIMARY KEY,
                time_ms bigint NOT NULL,
                message_id text NOT NULL,
                direction text NOT NULL,
                from_agency text NOT NULL,
                to_agency text NOT NULL,
                service text NOT NULL,
                outcome text NOT NULL,
                payload_digest bytea NOT NULL,
                jws text,
                correlation_id text,
                retention text NOT NULL,
                payload bytea,
                previous_hash bytea NOT NULL,
                hash bytea NOT NULL
            )
            """,
            "CREATE INDEX audit_records_by_message ON audit_records (message_id)",
            "CREATE INDEX audit_records_by_correlation ON audit_records (correlation_id) WHERE correlation_id IS NOT NULL",
            // The row every appender locks first: replicas sharing the database append one batch at a time.
            """
            CREATE TABLE audit_append_lock (
                singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton)
            )
            """,
            "INSERT INTO audit_append_lock DEFAULT VALUES",
            // Append-only for the gateway; someone who can drop triggers is what the hash chain is for.
            """
            CREATE FUNCTION audit_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'audit records are append-only'; END $$
            """,
            """
            CREATE TRIGGER audit_records_no_change BEFORE UPDATE OR DELETE ON audit_records
            FOR EACH ROW EXECUTE FUNCTION audit_records_append_only()
            """,
            """
            CREATE TRIGGER audit_records_no_truncate BEFORE TRUNCATE ON audit_records
            FOR EACH STATEMENT EXECUTE FUNCTION audit_records_append_only()
            """,
        ])

    /// The columns in the order `row(_:)` reads them.
    static let columns = """
        sequence, time_ms, message_id, direction, from_agency, to_agency, service, outcome, \
        payload_digest, jws, correlation_id, retention, payload, previous_hash, hash
        """

    static let lockForAppend: PostgresQuery = "SELECT singleton FROM audit_append_lock FOR UPDATE"

    static let tip: PostgresQuery = "SELECT sequence, hash FROM audit_records ORDER BY sequence DESC LIMIT 1"

    /// The certificates that audited JWS name by `x5t#S256` (see `AuditSQL.certificatesMigration`).
    static let certificatesMigration = PostgresMigration(
        version: 6, name: "audit certificates",
        statements: [
            "CREATE TABLE audit_certificates (thumbprint text PRIMARY KEY, der bytea NOT NULL)",
            """
            CREATE FUNCTION audit_certificates_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'audit certificates are append-only'; END $$
            """,
            """
            CREATE TRIGGER audit_certificates_append_only BEFORE UPDATE OR DELETE ON audit_certificates
            FOR EACH ROW EXECUTE FUNCTION audit_certificates_append_only()
            """,
            """
            CREATE TRIGGER audit_certificates_no_truncate BEFORE TRUNCATE ON audit_certificates
            FOR EACH STATEMENT EXECUTE FUNCTION audit_certificates_append_only()
            """,
        ])

    static func keepCertificate(thumbprint: String, der: [UInt8]) -> PostgresQuery {
        PostgresQuery(
            unsafeSQL: "INSERT INTO audit_certificates (thumbprint, der) VALUES ($1, $2) ON CONFLICT (thumbprint) DO NOTHING",
            binds: bindings {
                $0.append(thumbprint)
                $0.append(ByteBuffer(bytes: der))
            })
    }

    static func certificate(thumbprint: String) -> PostgresQuery {
        PostgresQuery(unsafeSQL: "SELECT der FROM audit_certificates WHERE thumbprint = $1", binds: bindings { $0.append(thumbprint) })
    }

    static let highestSequence: PostgresQuery = "SELECT COALESCE(MAX(sequence), 0) FROM audit_records"

    static func byMessage(_ id: String) -> PostgresQuery {
        PostgresQuery(
            unsafeSQL: "SELECT \(columns) FROM audit_records WHERE message_id = $1 OR correlation_id = $1 ORDER BY sequence",
            binds: bindings { $0.append(id) })
    }

    /// One page of the chain: rows after `after`, up to `last`, at most `limit`.
    static func page(after: Int64, upTo last: Int64, limit: Int64) -> PostgresQuery {
        PostgresQuery(
            unsafeSQL: """
                SELECT \(columns) FROM audit_records WHERE sequence > $1 AND sequence <= $2 ORDER BY sequence LIMIT $3
                """,
            binds: bindings {
                $0.append(after)
                $0.append(last)
                $0.append(limit)
            })
    }

    /// One multi-row INSERT for a whole batch.
    static func insert(_ rows: [(fields: AuditHashInput, hash: [UInt8])]) -> PostgresQuery {
        var sql = "INSERT INTO audit_records (\(columns)) VALUES "
        var binds = PostgresBindings(capacity: rows.count * 15)
        for (index, row) in rows.enumerated() {
            let base = index * 15
            sql += (index == 0 ? "(" : ", (") + (1...15).map { "$\(base + $0)" }.joined(separator: ", ") + ")"
            let fields = row.fields
            binds.append(fields.sequence)
            binds.append(fields.timeMilliseconds)
            binds.append(text(fields.messageID))
            binds.append(text(fields.direction))
            binds.append(text(fields.from))
            binds.append(text(fields.to))
            binds.append(text(fields.service))
            binds.append(text(fields.outcome))
            binds.append(ByteBuffer(bytes: fields.payloadDigest))
            binds.append(fields.jws.map(text))
            binds.append(fields.correlationID.map(text))
            binds.append(text(fields.retention))
            binds.append(fields.payload.map { ByteBuffer(bytes: $0) })
            binds.append(ByteBuffer(bytes: fields.previousHash))
            binds.append(ByteBuffer(bytes: row.hash))
        }
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }

    /// The most records one INSERT carries: 15 parameters each, within the protocol's 65,535.
    static let maximumRowsPerInsert = 4_000

    /// Reads a row selected with `columns`.
    static func row(_ row: PostgresRow) throws -> AuditRow {
        let (sequence, time, messageID, direction, from, to, service, outcome, digest, jws, correlation, retention,
             payload, previous, hash) = try row.decode(
            (Int64, Int64, String, String, String, String, String, String, ByteBuffer, String?, String?, String,
             ByteBuffer?, ByteBuffer, ByteBuffer).self)
        return AuditRow(
            fields: AuditHashInput(
                sequence: sequence, timeMilliseconds: time, messageID: Array(messageID.utf8),
                direction: Array(direction.utf8), from: Array(from.utf8), to: Array(to.utf8),
                service: Array(service.utf8), outcome: Array(outcome.utf8), payloadDigest: digest.bytes,
                jws: jws.map { Array($0.utf8) }, correlationID: correlation.map { Array($0.utf8) },
                retention: Array(retention.utf8), payload: payload?.bytes, previousHash: previous.bytes),
            storedHash: hash.bytes)
    }

    private static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    private static func bindings(_ fill: (inout PostgresBindings) -> Void) -> PostgresBindings {
        var binds = PostgresBindings()
        fill(&binds)
        return binds
    }
}
