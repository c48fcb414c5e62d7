import Foundation
import LienthongCore
import LienthongCrypto

/// The demo's development PKI and API key: made on the first run, read back on later runs so
/// that certificates and the key a user has copied keep working.
enum DemoPKI {
    /// Makes the CA, both agency certificates and the API key unless all already exist.
    /// - Returns: the demo client's API key.
    static func prepare(_ layout: DemoLayout) throws -> String {
        try DemoFiles.createDirectory(layout.pkiDirectory)
        let files = [
            layout.caCertificate, layout.caKey, layout.chain("g01"), layout.key("g01"), layout.chain("h41"),
            layout.key("h41"),
        ]
        if !files.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) {
            try create(layout)
        }
        return try apiKey(layout)
    }

    private static func create(_ layout: DemoLayout) throws {
        do {
            let ca = try DevelopmentCA.create(
                key: try PrivateKey.generate(.p256), commonName: "Lienthong demo CA", organization: "Lienthong demo")
            try DemoFiles.write(ca.certificate.pemEncoded, to: layout.caCertificate)
            try DemoFiles.write(try ca.key.pemEncoded(), to: layout.caKey, secret: true)
            for (short, agency, name) in [
                ("g01", DemoLayout.ministry, "Bộ Công an (demo)"), ("h41", DemoLayout.province, "UBND tỉnh Nghệ An (demo)"),
            ] {
                let key = try PrivateKey.generate(.p256)
                // localhost and 127.0.0.1 so that TLS host checks pass on loopback.
                let certificate = try ca.issueCertificate(
                    for: key.publicKey, agency: try AgencyCode(parsing: agency), commonName: name,
                    organization: "Lienthong demo", dnsNames: ["localhost"], ipAddresses: ["127.0.0.1"])
                try DemoFiles.write(certificate.pemEncoded, to: layout.chain(short))
                try DemoFiles.write(try key.pemEncoded(), to: layout.key(short), secret: true)
            }
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure("cannot create the demo PKI in \(layout.pkiDirectory): \(error)")
        }
    }

    /// The stored API key, or a new random one (32 bytes, base64url) stored for the next run.
    private static func apiKey(_ layout: DemoLayout) throws -> String {
        if let data = FileManager.default.contents(atPath: layout.apiKeyFile) {
            let key = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if !key.isEmpty { return key }
        }
        let key: String
        do { key = Base64URL.encode(try SecureRandom.bytes(count: 32)) } catch {
            throw CommandFailure("cannot draw a random API key: \(error)")
        }
        try DemoFiles.write(key + "\n", to: layout.apiKeyFile, secret: true)
        return key
    }

    /// The hex SHA-256 of the key, as the gateway configuration expects it.
    static func sha256Hex(_ key: String) throws -> String {
        do {
            return try Digest.sha256(Array(key.utf8)).map { String(format: "%02x", $0) }.joined()
        } catch {
            throw CommandFailure("cannot hash the API key: \(error)")
        }
    }
}

/// Writing the demo's files, with failures that name the path.
enum DemoFiles {
    static func createDirectory(_ path: String) throws {
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw CommandFailure("cannot create the directory \(path): \(error.localizedDescription)")
        }
    }

    /// Writes `text` to `path`; `secret` files are readable by their owner only.
    static func write(_ text: String, to path: String, secret: Bool = false) throws {
        let attributes: [FileAttributeKey: Any] = [.posixPermissions: secret ? 0o600 : 0o644]
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: attributes) else {
            throw CommandFailure("cannot write \(path) (is the directory writable?)")
        }
    }
}
