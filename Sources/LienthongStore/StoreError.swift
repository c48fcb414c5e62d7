/// A store failure that is not SQLite's own: what was found in the database does not make sense.
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stored audit record cannot be read back as a record (a column was altered or corrupted).
    case unreadableAuditRecord(sequence: Int64, reason: String)
    /// The data directory for the store does not exist or is not a directory.
    case dataDirectoryMissing(path: String)
    /// The database file expected in the data directory is not there.
    case databaseMissing(path: String)

    public var description: String {
        switch self {
        case .unreadableAuditRecord(let sequence, let reason):
            "audit record \(sequence) cannot be read: \(reason)"
        case .dataDirectoryMissing(let path):
            "data directory \(path) does not exist or is not a directory"
        case .databaseMissing(let path):
            "no gateway database at \(path)"
        }
    }
}
