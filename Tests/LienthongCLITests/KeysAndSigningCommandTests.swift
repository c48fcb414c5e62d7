import Foundation
import Testing

/// The PKI and signing commands, run as an operator would, in a scratch directory.
@Suite("Command line: keys, sign and verify")
struct KeysAndSigningCommandTests {
    /// A development PKI: a CA and an issued certificate for Nghệ An (000.00.00.H41).
    final class PKI {
        let directory: URL

        init(algorithm: String = "ES256") async throws {
            directory = try CLI.temporaryDirectory()
            try await expectSuccess(["keys", "generate", "--alg", "ES256", "--out", "ca.key"])
            try await expectSuccess(["keys", "ca", "--key", "ca.key", "--name", "Lienthong Test CA", "--out", "ca.pem"])
            try await expectSuccess(["keys", "generate", "--alg", algorithm, "--bits", "2048", "--out", "h41.key"])
            try await expectSuccess([
                "keys", "csr", "--key", "h41.key", "--agency", "000.00.00.H41", "--name", "UBND tỉnh Nghệ An",
                "--dns", "h41.lienthong.test", "--out", "h41.csr",
            ])
            try await expectSuccess([
                "keys", "issue", "--ca-key", "ca.key", "--ca-cert", "ca.pem", "--csr", "h41.csr", "--out", "h41.pem",
            ])
            try Data(#"{"SoDinhDanh": "040085012345"}"#.utf8).write(to: url("request.json"))
        }

        deinit { try? FileManager.default.removeItem(at: directory) }

        func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

        @discardableResult
        func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> CLI.Result {
            try await CLI.run(arguments, environment: environment, in: directory)
        }

        func expectSuccess(_ arguments: [String]) async throws {
            let result = try await run(arguments)
            guard result.status == 0 else {
                throw CommandError(arguments: arguments, result: result)
            }
        }

        /// Signs request.json from H41 to G01 and writes the JWS to `name`.
        func sign(
            to name: String = "request.jws", service: String = "population.citizen.lookup/v1", extra: [String] = []
        ) async throws {
            let result = try await run([
                "sign", "--key", "h41.key", "--cert", "h41.pem", "--from", "000.00.00.H41", "--to", "000.00.00.G01",
                "--service", service, "request.json",
            ] + extra)
            guard result.status == 0 else { throw CommandError(arguments: ["sign"], result: result) }
            try Data(result.stdout.utf8).write(to: url(name))
        }
    }

    struct CommandError: Error, CustomStringConvertible {
        let arguments: [String]
        let result: CLI.Result
        var description: String { "\(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)" }
    }

    @Test(arguments: ["ES256", "EdDSA", "RS256", "PS256"])
    func signsAndVerifiesWithEveryAlgorithm(_ algorithm: String) async throws {
        let pki = try await PKI(algorithm: algorithm)
        try await pki.sign()
        let jws = try String(contentsOf: pki.url("request.jws"), encoding: .utf8)
        let parts = jws.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".", omittingEmptySubsequences: false)
        #expect(parts.count == 3 && parts[1].isEmpty, "compact detached form HEADER..SIGNATURE")

        let result = try await pki.run([
            "verify", "--trust", "ca.pem", "--signature", "request.jws", "--from", "000.00.00.H41",
            "--service", "population.citizen.lookup/v1", "request.json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("valid: signed by 000.00.00.H41 (CN=UBND tỉnh Nghệ An)"))
        #expect(result.stdout.contains("Lienthong-To: 000.00.00.G01"))
    }

    @Test func aThumbprintJWSVerifiesOnlyWithItsCertificate() async throws {
        let pki = try await PKI()
        try await pki.sign(extra: ["--thumbprint"])
        let jws = try String(contentsOf: pki.url("request.jws"), encoding: .utf8)
        #expect(jws.utf8.count < 600, "a thumbprint JWS should be a few hundred bytes: \(jws)")
        let verify = ["verify", "--trust", "ca.pem", "--signature", "request.jws"]

        let without = try await pki.run(verify + ["request.json"])
        #expect(without.status == 1)
        #expect(without.stderr.contains("invalid: the JWS names its signer certificate by 'x5t#S256'"), "\(without.stderr)")

        // `keys issue` wrote the certificate then its CA: the leaf is the one the thumbprint names.
        let with = try await pki.run(verify + ["--certificate", "h41.pem", "request.json"])
        #expect(with.status == 0, "\(with.stderr)")
        #expect(with.stdout.hasPrefix("valid: signed by 000.00.00.H41"), "\(with.stdout)")

        // The CA's certificate is not the signer's.
        let wrong = try await pki.run(verify + ["--certificate", "ca.pem", "request.json"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("no certificate with that thumbprint was presented"), "\(wrong.stderr)")

        // A JWS carrying its chain does not need the file, and the output says it was not used.
        try await pki.sign(to: "chain.jws")
        let unused = try await pki.run(
            ["verify", "--trust", "ca.pem", "--signature", "chain.jws", "--certificate", "ca.pem", "request.json"])
        #expect(unused.status == 0, "\(unused.stderr)")
        #expect(unused.stdout.contains("note: --certificate was not used"), "\(unused.stdout)")

        try Data("not a certificate".utf8).write(to: pki.url("junk.pem"))
        let junk = try await pki.run(verify + ["--certificate", "junk.pem", "request.json"])
        #expect(junk.status == 1)
        #expect(junk.stderr.contains("junk.pem holds no PEM certificate"), "\(junk.stderr)")
    }

    @Test func aChangedPayloadByteFailsVerification() async throws {
        let pki = try await PKI()
        try await pki.sign()
        try Data(#"{"SoDinhDanh": "040085012346"}"#.utf8).write(to: pki.url("request.json"))
        let result = try await pki.run(["verify", "--trust", "ca.pem", "--signature", "request.jws", "request.json"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("invalid: the JWS signature does not match the header and payload"))
    }

    @Test func aSignedValueOtherThanExpectedFails() async throws {
        let pki = try await PKI()
        try await pki.sign()
        let result = try await pki.run([
            "verify", "--trust", "ca.pem", "--signature", "request.jws", "--to", "000.00.00.G22", "request.json",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("the signed Lienthong-To is 000.00.00.G01, expected 000.00.00.G22"))
    }

    @Test func anUntrustedCAIsRefused() async throws {
        let pki = try await PKI()
        try await pki.sign()
        try await pki.expectSuccess(["keys", "generate", "--alg", "ES256", "--out", "other.key"])
        try await pki.expectSuccess(["keys", "ca", "--key", "other.key", "--name", "Another CA", "--out", "other.pem"])
        let result = try await pki.run(["verify", "--trust", "other.pem", "--signature", "request.jws", "request.json"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("invalid:"))
        #expect(result.stderr.lowercased().contains("trust") || result.stderr.lowercased().contains("issuer"))
    }

    @Test func anExpiredCertificateIsRefused() async throws {
        let pki = try await PKI()
        try await pki.sign()
        let result = try await pki.run([
            "verify", "--trust", "ca.pem", "--signature", "request.jws", "--at", "2031-01-01T00:00:00Z", "request.json",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("expired"))
    }

    @Test func aCertificateOfAnotherAgencyCannotSignForTheSender() async throws {
        let pki = try await PKI()
        let result = try await pki.run([
            "sign", "--key", "h41.key", "--cert", "h41.pem", "--from", "000.00.00.G01", "--to", "000.00.00.H41",
            "--service", "population.citizen.lookup/v1", "request.json",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("the certificate belongs to 000.00.00.H41, not to the sender 000.00.00.G01"))
    }

    @Test func malformedJWSIsRefusedWithItsReason() async throws {
        let pki = try await PKI()
        try await pki.sign()
        let jws = try String(contentsOf: pki.url("request.jws"), encoding: .utf8)
        try Data(String(jws.prefix(40)).utf8).write(to: pki.url("truncated.jws"))
        let result = try await pki.run(["verify", "--trust", "ca.pem", "--signature", "truncated.jws", "request.json"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("lienthong: invalid: "))
    }

    @Test func encryptedKeysNeedTheirPassphrase() async throws {
        let pki = try await PKI()
        try await pki.run(["keys", "generate", "--alg", "EdDSA", "--out", "secret.key", "--passphrase-env", "LT_PW"], environment: ["LT_PW": "đúng"])
        let pem = try String(contentsOf: pki.url("secret.key"), encoding: .utf8)
        #expect(pem.hasPrefix("-----BEGIN ENCRYPTED PRIVATE KEY-----"))

        let wrong = try await pki.run(
            ["keys", "self-signed", "--key", "secret.key", "--passphrase-env", "LT_PW", "--agency", "000.00.00.G01", "--out", "g01.pem"],
            environment: ["LT_PW": "sai"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("wrong passphrase"))

        let right = try await pki.run(
            ["keys", "self-signed", "--key", "secret.key", "--passphrase-env", "LT_PW", "--agency", "000.00.00.G01", "--out", "g01.pem"],
            environment: ["LT_PW": "đúng"])
        #expect(right.status == 0, "\(right.stderr)")
    }

    @Test func badInputGetsSpecificErrors() async throws {
        let pki = try await PKI()
        try Data("not a key".utf8).write(to: pki.url("junk.pem"))
        let cases: [([String], String)] = [
            (["keys", "generate", "--alg", "HS256", "--out", "x.key"], "unknown signature algorithm 'HS256'; supported: ES256, EdDSA, RS256, PS256"),
            (["keys", "generate", "--alg", "RS256", "--bits", "1024", "--out", "x.key"], "--bits must be one of 2048, 3072, 4096, got 1024"),
            (["keys", "generate", "--alg", "ES256", "--out", "ca.key"], "ca.key already exists; pass --force to replace it"),
            (["keys", "csr", "--key", "junk.pem", "--agency", "000.00.00.H41", "--name", "x", "--out", "x.csr"], "junk.pem: malformed PEM"),
            (["keys", "csr", "--key", "h41.key", "--agency", "h41", "--name", "x", "--out", "x.csr"], "invalid agency code \"h41\""),
            (["keys", "issue", "--ca-key", "ca.key", "--ca-cert", "h41.pem", "--csr", "h41.csr", "--out", "y.pem"], "h41.pem:"),
            (["sign", "--key", "h41.key", "--cert", "h41.pem", "--from", "000.00.00.H41", "--to", "000.00.00.G01", "--service", "population.lookup/v1", "request.json"], "invalid service id"),
            (["sign", "--key", "h41.key", "--cert", "h41.pem", "--from", "000.00.00.H41", "--to", "000.00.00.G01", "--service", "population.citizen.lookup/v1", "missing.json"], "cannot read payload file missing.json"),
        ]
        for (arguments, message) in cases {
            let result = try await pki.run(arguments)
            #expect(result.status == 1, "\(arguments.joined(separator: " ")) → \(result.status)")
            #expect(result.stderr.contains(message), "\(arguments.joined(separator: " ")): \(result.stderr)")
        }
        let usage = try await pki.run(["sign", "--key", "h41.key"])
        #expect(usage.status == 2)
    }
}
