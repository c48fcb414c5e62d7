// swift-tools-version:6.0
import PackageDescription

let strictSwift: [SwiftSetting] = [.swiftLanguageMode(.v6)]

/// What every built-in adapter may use: the plugin contract, and the crypto module for the
/// digests some national systems require in their authorisation headers.
let pluginDependencies: [Target.Dependency] = [
    "LienthongPluginAPI", "LienthongCrypto", .product(name: "NIOCore", package: "swift-nio"),
]

let package = Package(
    name: "Lienthong",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lienthong", targets: ["lienthong"]),
        .library(name: "LienthongCore", targets: ["LienthongCore"]),
        .library(name: "LienthongCrypto", targets: ["LienthongCrypto"]),
        .library(name: "LienthongJSON", targets: ["LienthongJSON"]),
        .library(name: "LienthongSchema", targets: ["LienthongSchema"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.30.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // System libraries: the product signs with the system OpenSSL 3 and compresses with zlib.
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(name: "LienthongCore", swiftSettings: strictSwift),
        .target(
            name: "LienthongCrypto",
            dependencies: ["COpenSSL", "CZlib", "LienthongCore", "LienthongJSON"],
            swiftSettings: strictSwift
        ),
        .target(name: "LienthongJSON", swiftSettings: strictSwift),
        .target(name: "LienthongSchema", dependencies: ["LienthongJSON"], swiftSettings: strictSwift),
        .target(
            name: "LienthongPluginAPI",
            dependencies: [
                "LienthongCore", "LienthongSchema",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strictSwift
        ),
        .target(
            name: "LienthongYAML",
            dependencies: ["LienthongJSON", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSwift
        ),
        .target(
            name: "LienthongDeclarative",
            dependencies: [
                "LienthongCore", "LienthongPluginAPI", "LienthongSchema", "LienthongYAML",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSwift
        ),
        .target(
            name: "LienthongStore",
            dependencies: ["CSQLite", "LienthongCore", "LienthongCrypto", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSwift
        ),
        // The PostgreSQL store, in its own module so that only what chooses it links PostgresNIO.
        .target(
            name: "LienthongPostgres",
            dependencies: [
                "LienthongCore", "LienthongCrypto", "LienthongStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSwift
        ),
        .target(
            name: "LienthongMocks",
            dependencies: [
                "LienthongCore", "LienthongCrypto", "LienthongSchema",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSwift
        ),
        .target(name: "PopulationPlugin", dependencies: pluginDependencies, path: "Plugins/Population", swiftSettings: strictSwift),
        .target(name: "LandPlugin", dependencies: pluginDependencies, path: "Plugins/Land", swiftSettings: strictSwift),
        .target(
            name: "BusinessRegistryPlugin", dependencies: pluginDependencies, path: "Plugins/BusinessRegistry",
            swiftSettings: strictSwift),
        .target(
            name: "DocumentAxisPlugin", dependencies: pluginDependencies, path: "Plugins/DocumentAxis",
            swiftSettings: strictSwift),
        .target(
            name: "LienthongGateway",
            dependencies: [
                "LienthongCore", "LienthongCrypto", "LienthongSchema", "LienthongPluginAPI", "LienthongStore",
                "LienthongYAML", "LienthongDeclarative", "LienthongPostgres",
                "PopulationPlugin", "LandPlugin", "BusinessRegistryPlugin", "DocumentAxisPlugin",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdHTTP2", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "lienthong",
            dependencies: [
                "LienthongCore", "LienthongCrypto", "LienthongSchema", "LienthongStore", "LienthongMocks",
                "LienthongGateway", "LienthongDeclarative", "LienthongPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(name: "LienthongCoreTests", dependencies: ["LienthongCore"], swiftSettings: strictSwift),
        .testTarget(
            name: "LienthongCryptoTests",
            dependencies: ["LienthongCrypto", "LienthongCore"],
            exclude: ["Interop"],
            swiftSettings: strictSwift
        ),
        .testTarget(name: "LienthongJSONTests", dependencies: ["LienthongJSON"], swiftSettings: strictSwift),
        .testTarget(name: "LienthongSchemaTests", dependencies: ["LienthongSchema"], swiftSettings: strictSwift),
        .testTarget(
            name: "LienthongStoreTests",
            dependencies: [
                "LienthongStore", "LienthongCrypto", "LienthongPostgres",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSwift),
        .testTarget(
            name: "LienthongPluginsTests",
            dependencies: [
                "LienthongMocks", "LienthongPluginAPI", "PopulationPlugin", "LandPlugin", "BusinessRegistryPlugin",
                "DocumentAxisPlugin", "LienthongSchema", "LienthongCrypto", "LienthongCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strictSwift),
        .testTarget(
            name: "LienthongGatewayTests",
            dependencies: [
                "LienthongGateway", "LienthongCrypto", "LienthongSchema", "LienthongMocks", "LienthongDeclarative", "LandPlugin",
                "LienthongPostgres", "DocumentAxisPlugin",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strictSwift),
        .testTarget(
            name: "LienthongDeclarativeTests",
            dependencies: [
                "LienthongDeclarative", "LienthongPluginAPI", "LienthongSchema", "LienthongYAML", "LienthongCore",
                "LienthongMocks", "LienthongCrypto",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strictSwift),
        // Shared by the test targets that start real processes.
        .target(
            name: "LienthongTestSupport",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Tests/LienthongTestSupport", swiftSettings: strictSwift),
        .testTarget(
            name: "LienthongCLITests",
            dependencies: ["lienthong", "LienthongPostgres", "LienthongTestSupport", .product(name: "PostgresNIO", package: "postgres-nio")],
            swiftSettings: strictSwift
        ),
        // The exchange proved with real processes: `lienthong keys`, `mock`, `serve` and `audit`
        // driven as an operator would. The libraries only sign and compress as a test client.
        .testTarget(
            name: "LienthongEndToEndTests",
            dependencies: [
                "lienthong", "LienthongCore", "LienthongCrypto", "LienthongTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strictSwift
        ),
    ]
)
