import Foundation
import LienthongCore
import LienthongCrypto

/// Where a passphrase comes from: never from the command line itself, where `ps` would show it.
struct PassphraseSource {
    var environmentVariable: String?
    var file: String?

    func read() throws -> String? {
        if let environmentVariable {
            guard let value = ProcessInfo.processInfo.environment[environmentVariable], !value.isEmpty else {
                throw CommandFailure("the passphrase variable \(environmentVariable) is not set")
            }
            return value
        }
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CommandFailure("cannot read the passphrase file \(file)")
            }
            // A trailing newline from `echo secret > file` is not part of the passphrase.
            var text = String(decoding: data, as: UTF8.self)
            while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
            return text
        }
        return nil
    }
}

/// Reading and writing the PEM files the key commands work with, with readable failures.
enum KeyFiles {
    static func readText(_ path: String, what: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure("cannot read \(what) \(path)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func privateKey(_ path: String, passphrase: PassphraseSource) throws -> PrivateKey {
        let pem = try readText(path, what: "key file")
        do {
            return try PrivateKey(pemEncoded: pem, passphrase: try passphrase.read())
        } catch {
            throw CommandFailure("\(path): \(error)")
        }
    }

    static func certificateChain(_ path: String) throws -> [Certificate] {
        let pem = try readText(path, what: "certificate file")
        do {
            return try Certificate.chain(pemEncoded: pem)
        } catch {
            throw CommandFailure("\(path): \(error)")
        }
    }

    static func agency(_ text: String) throws -> AgencyCode {
        do { return try AgencyCode(parsing: text) } catch { throw CommandFailure(error.description) }
    }

    /// Writes `contents`, refusing to replace an existing file unless `force`; private keys get
    /// mode 0600 so other users cannot read them.
    static func write(_ contents: String, to path: String, force: Bool, secret: Bool = false) throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: path) && !force {
            throw CommandFailure("\(path) already exists; pass --force to replace it")
        }
        let attributes: [FileAttributeKey: Any]? = secret ? [.posixPermissions: 0o600] : nil
        if manager.fileExists(atPath: path) { try? manager.removeItem(atPath: path) }
        guard manager.createFile(atPath: path, contents: Data(contents.utf8), attributes: attributes) else {
            throw CommandFailure("cannot write \(path)")
        }
    }

    static func validity(days: Int) throws -> CertificateValidity {
        guard (1...36_500).contains(days) else { throw CommandFailure("--days must be between 1 and 36500, got \(days)") }
        return .days(days)
    }
}
