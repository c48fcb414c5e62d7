/// The mock systems `lienthong mock NAME` can start, by name. Adding a system is one entry.
public enum MockSystemCatalog {
    /// Makes a system over the data generated from a seed.
    public typealias Factory = @Sendable (MockDataSet) -> any MockSystem

    public static let factories: [String: Factory] = [
        "population": { PopulationSystem(data: $0) },
        "land": { LandSystem(data: $0) },
        "business": { BusinessRegistrySystem(data: $0) },
        // "document-axis": added once the document-axis mock is in main.
    ]

    /// The known names, sorted, for usage messages.
    public static var names: [String] { factories.keys.sorted() }
}
