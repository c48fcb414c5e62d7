import Foundation
import LienthongCore

/// Typed readers for the identifier and time columns of the messaging tables: a value that does
/// not parse is reported as an unreadable row, never read as something else.
struct MessagingRowReader {
    let row: SQLiteRow
    let table: String

    func messageID(_ index: Int) throws -> MessageID {
        let text = try row.text(index)
        do { return try MessageID(parsing: text) } catch { throw unreadable("\(row.name(at: index)): \(error)") }
    }

    func optionalMessageID(_ index: Int) throws -> MessageID? {
        row.isNull(index) ? nil : try messageID(index)
    }

    func agency(_ index: Int) throws -> AgencyCode {
        let text = try row.text(index)
        do { return try AgencyCode(parsing: text) } catch { throw unreadable("\(row.name(at: index)): \(error)") }
    }

    func service(_ index: Int) throws -> ServiceID {
        let text = try row.text(index)
        do { return try ServiceID(parsing: text) } catch { throw unreadable("\(row.name(at: index)): \(error)") }
    }

    func date(_ index: Int) throws -> Date { MessagingTime.date(try row.int64(index)) }

    func optionalDate(_ index: Int) throws -> Date? { row.isNull(index) ? nil : try date(index) }

    func count(_ index: Int) throws -> Int {
        let value = try row.int64(index)
        guard value >= 0, value <= Int64(Int32.max) else { throw unreadable("\(row.name(at: index)) is \(value)") }
        return Int(value)
    }

    func enumeration<Value: RawRepresentable>(_ index: Int, as type: Value.Type) throws -> Value where Value.RawValue == String {
        let text = try row.text(index)
        guard let value = Value(rawValue: text) else { throw unreadable("\(row.name(at: index)) is \"\(text)\"") }
        return value
    }

    func unreadable(_ reason: String) -> MessagingStoreError {
        .unreadableRow(table: table, reason: reason)
    }
}

/// Milliseconds since 1970 as the messaging tables store times.
enum MessagingTime {
    static func milliseconds(_ date: Date) -> Int64 { AuditTime.milliseconds(date) }

    static func date(_ milliseconds: Int64) -> Date { AuditTime.date(milliseconds: milliseconds) }

    /// `date + duration` in milliseconds, saturating rather than trapping on absurd durations.
    static func milliseconds(_ date: Date, plus duration: Duration) -> Int64 {
        let (sum, overflow) = milliseconds(date).addingReportingOverflow(milliseconds(duration))
        return overflow ? .max : sum
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000)
        guard !overflow else { return seconds < 0 ? .min : .max }
        let (sum, sumOverflow) = product.addingReportingOverflow(attoseconds / 1_000_000_000_000_000)
        return sumOverflow ? .max : sum
    }
}

extension SQLiteConnection {
    /// Every row mapped by `transform`, which may throw any error (the messaging rows report
    /// unparseable identifiers as `MessagingStoreError`); the first error stops the mapping.
    func rows<T>(_ sql: String, _ bindings: [SQLiteValue] = [], _ transform: (SQLiteRow) throws -> T) throws -> [T] {
        var results: [T] = []
        var failure: (any Error)?
        try forEachRow(sql, bindings) { row throws(SQLiteError) in
            guard failure == nil else { return }
            do { results.append(try transform(row)) } catch { failure = error }
        }
        if let failure { throw failure }
        return results
    }
}
