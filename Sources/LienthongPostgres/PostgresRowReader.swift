import Foundation
import LienthongCore
import LienthongStore
import PostgresNIO

/// Reads the columns of one messaging row by position, turning every failure (a wrong type, an
/// altered value) into `MessagingStoreError.unreadableRow` naming the table and column.
struct PostgresRowReader {
    let row: PostgresRandomAccessRow
    let table: String

    init(_ row: PostgresRow, table: String) {
        self.row = row.makeRandomAccess()
        self.table = table
    }

    func value<T: PostgresDecodable>(_ index: Int, _ type: T.Type = T.self) throws(MessagingStoreError) -> T {
        do { return try row[index].decode(T.self) } catch {
            throw .unreadableRow(table: table, reason: "column \(row[index].columnName): \(PostgresErrorText.describe(error))")
        }
    }

    func optional<T: PostgresDecodable>(_ index: Int, _ type: T.Type = T.self) throws(MessagingStoreError) -> T?
    where T._DecodableType == T {
        do { return try row[index].decode(T?.self) } catch {
            throw .unreadableRow(table: table, reason: "column \(row[index].columnName): \(PostgresErrorText.describe(error))")
        }
    }

    func bytes(_ index: Int) throws(MessagingStoreError) -> [UInt8] { try value(index, ByteBuffer.self).bytes }

    func optionalBytes(_ index: Int) throws(MessagingStoreError) -> [UInt8]? { try optional(index, ByteBuffer.self)?.bytes }

    func int(_ index: Int) throws(MessagingStoreError) -> Int { Int(try value(index, Int64.self)) }

    func date(_ index: Int) throws(MessagingStoreError) -> Date { AuditTime.date(milliseconds: try value(index, Int64.self)) }

    func optionalDate(_ index: Int) throws(MessagingStoreError) -> Date? {
        try optional(index, Int64.self).map { AuditTime.date(milliseconds: $0) }
    }

    func messageID(_ index: Int) throws(MessagingStoreError) -> MessageID {
        try parsed(index) { try MessageID(parsing: $0) }
    }

    func optionalMessageID(_ index: Int) throws(MessagingStoreError) -> MessageID? {
        guard try optional(index, String.self) != nil else { return nil }
        return try messageID(index)
    }

    func agency(_ index: Int) throws(MessagingStoreError) -> AgencyCode {
        try parsed(index) { try AgencyCode(parsing: $0) }
    }

    func service(_ index: Int) throws(MessagingStoreError) -> ServiceID {
        try parsed(index) { try ServiceID(parsing: $0) }
    }

    func enumeration<T: RawRepresentable>(_ index: Int, as type: T.Type) throws(MessagingStoreError) -> T
    where T.RawValue == String {
        try parsed(index) { T(rawValue: $0) }
    }

    private func parsed<T>(_ index: Int, _ make: (String) throws -> T?) throws(MessagingStoreError) -> T {
        let text = try value(index, String.self)
        let result: T?
        do { result = try make(text) } catch {
            throw .unreadableRow(table: table, reason: "column \(row[index].columnName): \(error)")
        }
        guard let result else {
            throw .unreadableRow(table: table, reason: "column \(row[index].columnName): \"\(text)\" is not valid")
        }
        return result
    }
}

/// Millisecond times of the messaging tables (the precision the contracts promise).
enum MessagingMilliseconds {
    static func of(_ date: Date) -> Int64 { AuditTime.milliseconds(date) }

    /// `date + duration`, saturating rather than trapping.
    static func of(_ date: Date, plus duration: Duration) -> Int64 {
        let (sum, overflow) = of(date).addingReportingOverflow(ReplayRetention.milliseconds(duration))
        return overflow ? .max : sum
    }
}
