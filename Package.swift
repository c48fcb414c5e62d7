// swift-tools-version:6.0
import PackageDescription

let strictSwift: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "Lienthong",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lienthong", targets: ["lienthong"]),
        .library(name: "LienthongCore", targets: ["LienthongCore"]),
        .library(name: "LienthongCrypto", targets: ["LienthongCrypto"]),
        .library(name: "LienthongSchema", targets: ["LienthongSchema"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
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
        .target(name: "LienthongCore", swiftSettings: strictSwift),
        .target(
            name: "LienthongCrypto",
            dependencies: ["COpenSSL", "CZlib", "LienthongCore"],
            swiftSettings: strictSwift
        ),
        .target(name: "LienthongSchema", swiftSettings: strictSwift),
        .executableTarget(
            name: "lienthong",
            dependencies: [
                "LienthongCore", "LienthongCrypto", "LienthongSchema",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(name: "LienthongCoreTests", dependencies: ["LienthongCore"], swiftSettings: strictSwift),
        .testTarget(
            name: "LienthongCryptoTests",
            dependencies: ["LienthongCrypto", "LienthongCore"],
            swiftSettings: strictSwift
        ),
        .testTarget(name: "LienthongSchemaTests", dependencies: ["LienthongSchema"], swiftSettings: strictSwift),
        .testTarget(
            name: "LienthongCLITests",
            dependencies: ["lienthong"],
            swiftSettings: strictSwift
        ),
    ]
)
