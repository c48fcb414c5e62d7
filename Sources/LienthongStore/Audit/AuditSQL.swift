/// Every SQL statement of the SQLite audit trail, in one place (a PostgreSQL store will have its own).
enum AuditSQL {
    /// The audit table. `sequence` is the rowid, assigned by the writer as last + 1 (never by
    /// SQLite) so the chain and the numbering cannot disagree. Triggers make the table append-only
    /// for the gateway; someone with the file can still drop them, which is what the hash chain is for.
    static let migration = SQLiteMigration(
        version: 1, name: "audit trail",
        sql: """
            CREATE TABLE audit_records (
                sequence INTEGER PRIMARY KEY,
                time_ms INTEGER NOT NULL,
                message_id TEXT NOT NULL,
                direction TEXT NOT NULL,
                from_agency TEXT NOT NULL,
                to_agency TEXT NOT NULL,
                service TEXT NOT NULL,
                outcome TEXT NOT NULL,
                payload_digest BLOB NOT NULL,
                jws TEXT,
                correlation_id TEXT,
                retention TEXT NOT NULL,
                payload BLOB,
                previous_hash BLOB NOT NULL,
                hash BLOB NOT NULL
            );
            CREATE INDEX audit_records_by_message ON audit_records (message_id);
            CREATE INDEX audit_records_by_correlation ON audit_records (correlation_id) WHERE correlation_id IS NOT NULL;
            CREATE TRIGGER audit_records_no_update BEFORE UPDATE ON audit_records
            BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
            CREATE TRIGGER audit_records_no_delete BEFORE DELETE ON audit_records
            BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
            """)

    /// The certificates that audited JWS name by `x5t#S256`, by thumbprint. Append-only like the
    /// records; the thumbprint in a record's signed header is their integrity check.
    static let certificatesMigration = SQLiteMigration(
        version: 8, name: "audit certificates",
        sql: """
            CREATE TABLE audit_certificates (
                thumbprint TEXT PRIMARY KEY,
                der BLOB NOT NULL
            ) WITHOUT ROWID;
            CREATE TRIGGER audit_certificates_no_update BEFORE UPDATE ON audit_certificates
            BEGIN SELECT RAISE(ABORT, 'audit certificates are append-only'); END;
            CREATE TRIGGER audit_certificates_no_delete BEFORE DELETE ON audit_certificates
            BEGIN SELECT RAISE(ABORT, 'audit certificates are append-only'); END;
            """)

    static let keepCertificate = "INSERT INTO audit_certificates (thumbprint, der) VALUES (?1, ?2) ON CONFLICT (thumbprint) DO NOTHING"

    static let certificate = "SELECT der FROM audit_certificates WHERE thumbprint = ?1"

    /// The columns in the order `AuditRow` reads them.
    static let columns = """
        sequence, time_ms, message_id, direction, from_agency, to_agency, service, outcome, \
        payload_digest, jws, correlation_id, retention, payload, previous_hash, hash
        """

    static let insert = "INSERT INTO audit_records (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

    static let tip = "SELECT sequence, hash FROM audit_records ORDER BY sequence DESC LIMIT 1"

    static let byMessage = """
        SELECT \(columns) FROM audit_records WHERE message_id = ?1 OR correlation_id = ?1 ORDER BY sequence
        """

    static let highestSequence = "SELECT MAX(sequence) FROM audit_records"

    /// One page of the chain, for verifying without loading it all: rows after ?1, up to ?2.
    static let page = """
        SELECT \(columns) FROM audit_records WHERE sequence > ?1 AND sequence <= ?2 ORDER BY sequence LIMIT ?3
        """

    static func insertBindings(_ fields: AuditHashInput, hash: [UInt8]) -> [SQLiteValue] {
        [
            .integer(fields.sequence), .integer(fields.timeMilliseconds), text(fields.messageID),
            text(fields.direction), text(fields.from), text(fields.to), text(fields.service),
            text(fields.outcome), .blob(fields.payloadDigest), fields.jws.map(text) ?? .null,
            fields.correlationID.map(text) ?? .null, text(fields.retention), .optionalBlob(fields.payload),
            .blob(fields.previousHash), .blob(hash),
        ]
    }

    private static func text(_ bytes: [UInt8]) -> SQLiteValue { .text(String(decoding: bytes, as: UTF8.self)) }
}
