import ArgumentParser
import Foundation
import LienthongCore
import LienthongCrypto

/// Sign and verify rates per algorithm, side by side with `openssl speed` run in the same process
/// lifetime on the same machine, so the ratio is meaningful even on a noisy shared host.
///
/// "raw" is one signature over a 32-byte input, what `openssl speed` measures; "JWS" is the
/// gateway's real work: a detached JWS over a 1 KB payload with the envelope in the protected
/// header (sign), and its full verification with x5c against a trust store (verify).
struct BenchCryptoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crypto",
        abstract: "Compare JWS signing and verification with `openssl speed` of the same algorithms.")

    @Option(help: "Seconds to measure each figure, ours and openssl's.")
    var seconds: Double = 2

    @Option(parsing: .upToNextOption, help: "Algorithms to measure (ES256, EdDSA, RS256, PS256).")
    var algorithms: [String] = ["ES256", "EdDSA", "RS256", "PS256"]

    func run() throws {
        print("crypto benchmark: single thread, \(seconds) s per figure; ops/s (higher is better)")
        print("openssl: \(OpenSSLSpeed.version())")
        print("")
        print(benchColumn("alg", 7) + benchColumn("op", 8) + benchColumn("ours raw", 10) + benchColumn("openssl", 10)
            + benchColumn("ratio", 7) + benchColumn("ours JWS", 10) + "JWS/openssl")
        for name in algorithms {
            let algorithm: SignatureAlgorithm
            do { algorithm = try SignatureAlgorithm(name: name) } catch { throw CommandFailure(error.description) }
            let ours = try measureOurs(algorithm)
            let theirs = try OpenSSLSpeed.measure(algorithm, seconds: seconds)
            for (op, raw, jws, reference) in [
                ("sign", ours.rawSign, ours.jwsSign, theirs.sign), ("verify", ours.rawVerify, ours.jwsVerify, theirs.verify),
            ] {
                print(benchColumn(name, 7) + benchColumn(op, 8) + benchColumn(BenchRate.format(raw), 10)
                    + benchColumn(BenchRate.format(reference), 10) + benchColumn(String(format: "%.2f", raw / reference), 7)
                    + benchColumn(BenchRate.format(jws), 10) + String(format: "%.2f", jws / reference))
            }
        }
        print("")
        print("PS256: openssl speed has no RSA-PSS figure; it is compared with rsa2048 (PKCS#1 v1.5).")
    }

    private struct Rates {
        var rawSign = 0.0
        var rawVerify = 0.0
        var jwsSign = 0.0
        var jwsVerify = 0.0
    }

    private func measureOurs(_ algorithm: SignatureAlgorithm) throws -> Rates {
        let keyType: KeyType = switch algorithm {
        case .es256: .p256
        case .edDSA: .ed25519
        case .rs256, .ps256: .rsa(bits: 2048)
        }
        let caKey = try PrivateKey.generate(.p256)
        let authority = try DevelopmentCA.create(key: caKey, commonName: "Bench CA")
        let key = try PrivateKey.generate(keyType)
        let agency = try AgencyCode(parsing: "000.00.00.H41")
        let certificate = try authority.issueCertificate(for: key.publicKey, agency: agency, commonName: "Bench")
        let message = Array(repeating: UInt8(0x5A), count: 32)
        let signature = try key.signature(for: message, algorithm: algorithm)

        var rates = Rates()
        rates.rawSign = try BenchRate.measure(seconds: seconds) { _ = try key.signature(for: message, algorithm: algorithm) }
        rates.rawVerify = try BenchRate.measure(seconds: seconds) {
            guard try key.publicKey.isValidSignature(signature, for: message, algorithm: algorithm) else {
                throw CommandFailure("benchmark signature did not verify")
            }
        }

        let payload = Array(String(repeating: #"{"SoDinhDanh":"040085012345"},"#, count: 34).utf8.prefix(1024))
        let envelope = Envelope(
            from: agency, to: try AgencyCode(parsing: "000.00.00.G01"),
            service: try ServiceID(parsing: "population.citizen.lookup/v1"), payload: Array(payload))
        let signer = try JWSSigner(key: key, algorithm: algorithm, certificateChain: [certificate, authority.certificate])
        let jws = try signer.sign(envelope: envelope)
        let verifier = JWSVerifier(trustStore: try TrustStore(certificates: [authority.certificate]))
        rates.jwsSign = try BenchRate.measure(seconds: seconds) { _ = try signer.sign(envelope: envelope) }
        rates.jwsVerify = try BenchRate.measure(seconds: seconds) { _ = try verifier.verify(jws, envelope: envelope) }
        return rates
    }
}

/// `openssl speed` of the algorithm matching a JOSE algorithm, read from its machine-readable output.
enum OpenSSLSpeed {
    static func version() -> String {
        (try? capture(["openssl", "version"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? "not found"
    }

    static func measure(_ algorithm: SignatureAlgorithm, seconds: Double) throws -> (sign: Double, verify: Double) {
        let (name, tag): (String, String) = switch algorithm {
        case .es256: ("ecdsap256", "+F4:")
        case .edDSA: ("ed25519", "+F6:")
        case .rs256, .ps256: ("rsa2048", "+F2:")
        }
        let output = try capture(["openssl", "speed", "-mr", "-seconds", String(max(1, Int(seconds.rounded()))), name])
        // +F4:idx:bits:sign/s:verify/s, +F6:idx:bits:name:sign/s:verify/s, +F2:idx:bits:sign/s:verify/s
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix(tag) }) else {
            throw CommandFailure("`openssl speed \(name)` printed no \(tag) line")
        }
        let fields = line.split(separator: ":")
        guard fields.count >= 5, let sign = Double(fields[fields.count - 2]), let verify = Double(fields[fields.count - 1]) else {
            throw CommandFailure("cannot read `openssl speed` output: \(line)")
        }
        return (sign, verify)
    }

    private static func capture(_ command: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandFailure("`\(command.joined(separator: " "))` exited with status \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
