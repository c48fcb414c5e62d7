import CSQLite

/// The current row of a statement being stepped, with typed readers that refuse a column holding
/// another storage class than expected (a tampered or corrupt database must not be read as zero).
/// Valid only inside the closure it is passed to; it is not `Sendable` and must not be kept.
public struct SQLiteRow {
    let statement: SQLiteStatement

    /// The number of columns in the row.
    public var columnCount: Int { Int(sqlite3_column_count(statement.handle)) }

    /// The storage class of column `index` (0-based) in this row.
    public func type(at index: Int) -> SQLiteColumnType {
        switch sqlite3_column_type(statement.handle, Int32(index)) {
        case SQLITE_INTEGER: .integer
        case SQLITE_FLOAT: .real
        case SQLITE_TEXT: .text
        case SQLITE_BLOB: .blob
        default: .null
        }
    }

    /// The declared name of column `index`.
    public func name(at index: Int) -> String {
        sqlite3_column_name(statement.handle, Int32(index)).map { String(cString: $0) } ?? "column \(index)"
    }

    /// True when column `index` is NULL.
    public func isNull(_ index: Int) -> Bool { type(at: index) == .null }

    /// An INTEGER column.
    public func int64(_ index: Int) throws(SQLiteError) -> Int64 {
        try expect(.integer, at: index)
        return sqlite3_column_int64(statement.handle, Int32(index))
    }

    /// A REAL column.
    public func double(_ index: Int) throws(SQLiteError) -> Double {
        try expect(.real, at: index)
        return sqlite3_column_double(statement.handle, Int32(index))
    }

    /// A TEXT column as a string (invalid UTF-8 is repaired; use `textBytes` to hash).
    public func text(_ index: Int) throws(SQLiteError) -> String {
        String(decoding: try textBytes(index), as: UTF8.self)
    }

    /// The exact bytes of a TEXT column, without any UTF-8 repair (what hashes must see).
    public func textBytes(_ index: Int) throws(SQLiteError) -> [UInt8] {
        try expect(.text, at: index)
        return rawBytes(index)
    }

    /// A BLOB column; a zero-length blob reads as `[]`.
    public func blob(_ index: Int) throws(SQLiteError) -> [UInt8] {
        try expect(.blob, at: index)
        return rawBytes(index)
    }

    /// A TEXT column, or nil when NULL.
    public func optionalText(_ index: Int) throws(SQLiteError) -> String? {
        isNull(index) ? nil : try text(index)
    }

    /// The bytes of a TEXT column, or nil when NULL.
    public func optionalTextBytes(_ index: Int) throws(SQLiteError) -> [UInt8]? {
        isNull(index) ? nil : try textBytes(index)
    }

    /// A BLOB column, or nil when NULL.
    public func optionalBlob(_ index: Int) throws(SQLiteError) -> [UInt8]? {
        isNull(index) ? nil : try blob(index)
    }

    private func rawBytes(_ index: Int) -> [UInt8] {
        // Ask for the pointer first, then the size, as SQLite documents.
        guard let pointer = sqlite3_column_blob(statement.handle, Int32(index)) else { return [] }
        let count = Int(sqlite3_column_bytes(statement.handle, Int32(index)))
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    private func expect(_ expected: SQLiteColumnType, at index: Int) throws(SQLiteError) {
        let actual = type(at: index)
        guard actual == expected else {
            throw SQLiteError(
                code: SQLITE_MISMATCH,
                message: "column \(name(at: index)) holds \(actual.rawValue), expected \(expected.rawValue)",
                sql: statement.sql)
        }
    }
}
