import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// A gateway process killed and restarted where it was, then both stopped and their audit
/// trails checked with `lienthong audit verify`, before and after someone alters a record.
@Suite("Gateway processes: crash, restart and the audit trail")
struct GatewayLifecycleTests {
    static let lookup = "population.citizen.lookup/v1"

    @Test("a ministry killed with SIGKILL restarts on its ports and data, remembers what it saw, and both audit trails verify")
    func killRestartAndAudit() async throws {
        try await EndToEndExchange.with(label: "lifecycle") { exchange in
            let citizens = try await exchange.mock("population").samples()["citizens"] as? [String]
            let citizen = try #require(citizens?.first)
            let pki = exchange.pki

            let before = try await exchange.call(Self.lookup, ["SoDinhDanh": citizen])
            #expect(before.status == 200, "\(before.summary)\n\(exchange.logs())")
            // A message the ministry accepts now, to send again after the restart.
            let seen = try ExchangeImpostor.sign(#"{"SoDinhDanh":"\#(citizen)"}"#, service: Self.lookup, signer: pki.province)
            try await ExchangeImpostor.with(tlsIdentity: pki.province, trustedCA: pki.exchangeCA) { impostor in
                let first = try await impostor.post(seen, to: exchange.ministry)
                #expect(first.status == 200, "\(first.summary)")
            }

            let killed = await exchange.ministry.kill()
            #expect(killed == SIGKILL)
            #expect(!exchange.ministry.isRunning)
            // While it is down the province answers 502 (after the HTTP client's connect retries).
            let unreachable = try await exchange.call(Self.lookup, ["SoDinhDanh": citizen])
            #expect(unreachable.status == 502, "\(unreachable.summary)")
            #expect(unreachable.problem == "peer-unavailable", "\(unreachable.summary)")

            try await exchange.ministry.restart()
            let after = try await exchange.call(Self.lookup, ["SoDinhDanh": citizen])
            #expect(after.status == 200, "\(after.summary)\n\(exchange.logs())")
            // The seen ids survived the crash.
            try await ExchangeImpostor.with(tlsIdentity: pki.province, trustedCA: pki.exchangeCA) { impostor in
                let again = try await impostor.post(seen, to: exchange.ministry)
                #expect(again.status == 409, "\(again.summary)")
            }

            // SIGTERM: both finish and close their stores cleanly.
            let statuses = await exchange.stop()
            #expect(statuses.province == 0, "\(exchange.logs())")
            #expect(statuses.ministry == 0, "\(exchange.logs())")

            for gateway in [exchange.province, exchange.ministry] {
                let verified = try LienthongBinary.run(["audit", "verify", "--data", gateway.dataDirectory.path])
                #expect(verified.status == 0, "\(gateway.name): \(verified.stderr)")
                #expect(verified.stdout.hasPrefix("audit trail intact: "), "\(gateway.name): \(verified.stdout)")
                #expect(!verified.stdout.hasPrefix("audit trail intact: 0 "), "\(gateway.name): \(verified.stdout)")
            }

            // Between the gateways the request named the province's certificate by thumbprint
            // (x5t#S256), its answer carried the chain (x5c). Both trails keep the province's
            // certificate and `audit show` prints it after the request's JWS.
            let requestID = try #require(before[header: "Lienthong-Correlation-Id"])
            let provinceCertificate = try String(contentsOf: pki.province.chain, encoding: .utf8)
                .components(separatedBy: "-----END CERTIFICATE-----")[0] + "-----END CERTIFICATE-----"
            for gateway in [exchange.province, exchange.ministry] {
                let shown = try LienthongBinary.run(["audit", "show", requestID, "--data", gateway.dataDirectory.path])
                #expect(shown.status == 0, "\(gateway.name): \(shown.stderr)")
                let records = shown.stdout.components(separatedBy: "\nrecord ")
                let request = try #require(records.first { $0.contains("  message:     \(requestID)") }, "\(shown.stdout)")
                let answer = try #require(records.first { $0.contains("  answers:     \(requestID)") }, "\(shown.stdout)")
                #expect(request.contains("  certificate (x5t#S256 of the jws):\n" + provinceCertificate), "\(gateway.name): \(request)")
                #expect(Self.jwsHeader(in: request)?["x5t#S256"] != nil && Self.jwsHeader(in: request)?["x5c"] == nil, "\(request)")
                #expect(Self.jwsHeader(in: answer)?["x5c"] != nil && !answer.contains("certificate (x5t#S256"), "\(answer)")
            }

            // Someone with the file drops the append-only trigger and rewrites one outcome.
            let altered = try LienthongBinary.run(URL(fileURLWithPath: "/usr/bin/env"), [
                "sqlite3", exchange.ministry.databaseFile.path,
                "DROP TRIGGER audit_records_no_update; UPDATE audit_records SET outcome = 'rejected:forbidden' WHERE sequence = 2;",
            ])
            #expect(altered.status == 0, "\(altered.stderr)")
            let broken = try LienthongBinary.run(["audit", "verify", "--data", exchange.ministry.dataDirectory.path])
            #expect(broken.status == 1)
            #expect(broken.stderr.contains("audit trail broken at record 2:"), "\(broken.stderr)")
            // The province's trail is untouched and still verifies.
            #expect(try LienthongBinary.run(["audit", "verify", "--data", exchange.province.dataDirectory.path]).status == 0)
        }
    }

    /// The protected header of the JWS printed on the line after "  jws:" in one `audit show` record.
    static func jwsHeader(in record: String) -> [String: Any]? {
        let lines = record.components(separatedBy: "\n")
        guard let index = lines.firstIndex(of: "  jws:"), index + 1 < lines.count,
              let encoded = lines[index + 1].split(separator: ".", omittingEmptySubsequences: false).first
        else { return nil }
        var base64 = encoded.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let json = Data(base64Encoded: base64) else { return nil }
        return (try? JSONSerialization.jsonObject(with: json)) as? [String: Any]
    }
}
