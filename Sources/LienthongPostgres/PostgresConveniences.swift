import Logging
import PostgresNIO

extension PostgresConnection {
    /// Runs a statement and reads every row it returns.
    func rows(_ query: PostgresQuery, logger: Logger) async throws -> [PostgresRow] {
        try await self.query(query, logger: logger).collect()
    }
}

extension ByteBuffer {
    /// The readable bytes as an array (bytea columns).
    var bytes: [UInt8] { Array(readableBytesView) }
}
