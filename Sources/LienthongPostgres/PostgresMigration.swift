/// One versioned step of the PostgreSQL schema. Applied steps are recorded in `schema_migrations`;
/// a released step is never edited, later changes get a new version at the end of the list.
struct PostgresMigration: Sendable {
    let version: Int
    let name: String
    /// Statements run in order in the migration's transaction (one statement each: the extended
    /// query protocol takes no scripts).
    let statements: [String]
}
