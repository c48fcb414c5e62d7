/// A value bound to a statement parameter, in SQLite's storage classes.
public enum SQLiteValue: Sendable, Hashable {
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
    case null

    /// `.text`, or `.null` for nil.
    public static func optionalText(_ value: String?) -> SQLiteValue { value.map(SQLiteValue.text) ?? .null }
    /// `.blob`, or `.null` for nil.
    public static func optionalBlob(_ value: [UInt8]?) -> SQLiteValue { value.map(SQLiteValue.blob) ?? .null }
}

/// The storage class SQLite holds in a column of a result row.
public enum SQLiteColumnType: String, Sendable, Hashable {
    case integer = "INTEGER"
    case real = "REAL"
    case text = "TEXT"
    case blob = "BLOB"
    case null = "NULL"
}
