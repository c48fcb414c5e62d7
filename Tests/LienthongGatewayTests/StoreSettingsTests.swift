import Foundation
import LienthongPostgres
import Testing
@testable import LienthongGateway

@Suite("Configuration: the store setting")
struct StoreSettingsTests {
    typealias Files = ConfigurationLoaderTests.Files
    let loader = ConfigurationLoaderTests()

    func yaml(_ store: String) -> String { ConfigurationLoaderTests.validYAML + "\n" + store + "\n" }

    /// The PostgreSQL configuration a file (and environment) gives; fails the test for SQLite.
    func postgres(_ yaml: String, environment: [String: String] = [:], files: Files) throws -> PostgresStoreConfiguration {
        let location = try loader.load(yaml, environment: environment, files: files).store
        guard case .postgres(let configuration) = location else {
            Issue.record("expected a PostgreSQL store, got \(location)")
            throw PostgresStoreError.invalidURL("not PostgreSQL")
        }
        return configuration
    }

    @Test("without a store setting the gateway keeps SQLite in its data directory")
    func sqliteByDefault() throws {
        let files = try Files()
        defer { files.remove() }
        #expect(try loader.load(ConfigurationLoaderTests.validYAML, files: files).store == .sqlite)
        #expect(try loader.load(yaml("store: sqlite"), files: files).store == .sqlite)
    }

    @Test("a postgres URL selects PostgreSQL")
    func postgresURL() throws {
        let files = try Files()
        defer { files.remove() }
        let configuration = try postgres(
            yaml("store: postgres://gateway:pw@db.example:5433/lienthong?schema=h41&sslmode=require"), files: files)
        #expect(configuration.host == "db.example")
        #expect(configuration.port == 5433)
        #expect(configuration.username == "gateway")
        #expect(configuration.password == "pw")
        #expect(configuration.database == "lienthong")
        #expect(configuration.schema == "h41")
        #expect(configuration.tls == .require)
    }

    @Test("the password may come from a file next to the configuration")
    func passwordFile() throws {
        let files = try Files()
        defer { files.remove() }
        try Data("from-the-file\n".utf8).write(to: URL(fileURLWithPath: files.directory + "/store-password"))
        let configuration = try postgres(
            yaml("store:\n  url: postgres://gateway@db/lienthong\n  passwordFile: store-password"), files: files)
        #expect(configuration.password == "from-the-file")
    }

    @Test("the environment replaces the URL and the password")
    func environmentOverrides() throws {
        let files = try Files()
        defer { files.remove() }
        let configuration = try postgres(
            yaml("store: postgres://gateway:pw@db.example/lienthong"),
            environment: [
                "LIENTHONG_STORE_URL": "postgres://replica@10.0.0.5:6432/shared",
                "LIENTHONG_STORE_PASSWORD": "from-the-environment",
            ], files: files)
        #expect(configuration.host == "10.0.0.5")
        #expect(configuration.username == "replica")
        #expect(configuration.database == "shared")
        #expect(configuration.password == "from-the-environment")
        let fromEnvironmentOnly = try postgres(
            ConfigurationLoaderTests.validYAML,
            environment: ["LIENTHONG_STORE_URL": "postgres://replica@db/shared"], files: files)
        #expect(fromEnvironmentOnly.database == "shared")
    }

    @Test("a bad store URL is reported at its line and column, without the password")
    func badURL() throws {
        let files = try Files()
        defer { files.remove() }
        let found = loader.issues(yaml("store: postgres://gateway:hunter2@db/lienthong?sslmode=sometimes"), files: files)
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.hasPrefix("province.yaml:34:8: store: invalid PostgreSQL store URL: sslmode sometimes") == true, "\(found)")
        #expect(found.first?.contains("hunter2") == false)
        let fromEnvironment = loader.issues(
            ConfigurationLoaderTests.validYAML, environment: ["LIENTHONG_STORE_URL": "mysql://x@y/z"], files: files)
        #expect(fromEnvironment.first?.contains("(from LIENTHONG_STORE_URL)") == true, "\(fromEnvironment)")
    }

    @Test("a store section needs a url and takes no unknown settings")
    func storeSectionChecked() throws {
        let files = try Files()
        defer { files.remove() }
        let found = loader.issues(yaml("store:\n  uri: postgres://gateway@db/lienthong"), files: files)
        #expect(found.contains { $0.contains("store: missing required setting \"url\"") }, "\(found)")
        #expect(found.contains { $0.contains("store: unknown setting \"uri\"") }, "\(found)")
    }
}
