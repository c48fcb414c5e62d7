import Foundation
import LienthongCrypto
import NIOSSL
import Testing

extension ExchangeProcessesTests {
    static let lookup = "population.citizen.lookup/v1"

    @Test("the province refuses before anything leaves it: 422 with pointers, 401 unknown client, 403 service not allowed")
    func localRefusals() async throws {
        let exchange = try EndToEndExchange.shared()
        let citizen = try await sampleCitizen(exchange)
        let population = try exchange.mock("population")
        try await population.resetStats()

        let invalid = try await exchange.call(Self.lookup, ["SoDinhDanh": String(citizen.dropLast()), "Extra": 1])
        expectProblem(invalid, 422, "schema-violation", exchange)
        let errors = try #require(invalid.json?["errors"] as? [[String: Any]], "\(invalid.summary)")
        let locations = errors.compactMap { $0["instanceLocation"] as? String }
        #expect(locations.contains("/SoDinhDanh"), "\(locations)")
        #expect(errors.allSatisfy { ($0["keywordLocation"] as? String)?.isEmpty == false })

        expectProblem(try await exchange.call(Self.lookup, ["SoDinhDanh": citizen], apiKey: "not-a-key"), 401, "unknown-client", exchange)
        expectProblem(try await exchange.call(Self.lookup, ["SoDinhDanh": citizen], useKey: false), 401, "unknown-client", exchange)
        expectProblem(
            try await exchange.call(Self.lookup, ["SoDinhDanh": citizen], apiKey: exchange.limitedKey), 403, "forbidden", exchange)

        // None of them reached the national system.
        #expect(try await population.stats() == [:])
    }

    @Test("a payload or a signed header changed after signing is refused with 401")
    func tampering() async throws {
        let exchange = try EndToEndExchange.shared()
        let citizen = try await sampleCitizen(exchange)
        let pki = exchange.pki
        let citizens = try #require(try await exchange.mock("population").samples()["citizens"] as? [String])
        let otherCitizen = try #require(citizens.last { $0 != citizen })
        try await ExchangeImpostor.with(tlsIdentity: pki.province, trustedCA: pki.exchangeCA) { impostor in
            // Signed for one citizen, sent asking for another.
            var payload = try ExchangeImpostor.sign(#"{"SoDinhDanh":"\#(citizen)"}"#, service: Self.lookup, signer: pki.province)
            payload.body = Array(#"{"SoDinhDanh":"\#(otherCitizen)"}"#.utf8)
            expectProblem(try await impostor.post(payload, to: exchange.ministry), 401, "bad-signature", exchange)

            var header = try ExchangeImpostor.sign(#"{"SoDinhDanh":"\#(citizen)"}"#, service: Self.lookup, signer: pki.province)
            header.set("Lienthong-Service", "population.citizen.verify/v1")
            expectProblem(try await impostor.post(header, to: exchange.ministry), 401, "bad-signature", exchange)

            var created = try ExchangeImpostor.sign(#"{"SoDinhDanh":"\#(citizen)"}"#, service: Self.lookup, signer: pki.province)
            created.set("Lienthong-Created", "2026-01-01T00:00:00Z")
            expectProblem(try await impostor.post(created, to: exchange.ministry), 401, "bad-signature", exchange)

            // The untouched message is accepted: the refusals above were for the changes.
            let intact = try ExchangeImpostor.sign(#"{"SoDinhDanh":"\#(citizen)"}"#, service: Self.lookup, signer: pki.province)
            #expect(try await impostor.post(intact, to: exchange.ministry).status == 200)
        }
    }

    @Test("the ministry validates what reaches it too: a signed, schema-invalid request is 422 with pointers")
    func ministryValidates() async throws {
        let exchange = try EndToEndExchange.shared()
        let pki = exchange.pki
        let before = try await exchange.mock("population").stats()
        try await ExchangeImpostor.with(tlsIdentity: pki.province, trustedCA: pki.exchangeCA) { impostor in
            let invalid = try ExchangeImpostor.sign(#"{"SoDinhDanh":"12345"}"#, service: Self.lookup, signer: pki.province)
            let reply = try await impostor.post(invalid, to: exchange.ministry)
            expectProblem(reply, 422, "schema-violation", exchange)
            let errors = reply.json?["errors"] as? [[String: Any]] ?? []
            #expect(errors.contains { $0["instanceLocation"] as? String == "/SoDinhDanh" }, "\(reply.summary)")
        }
        #expect(try await exchange.mock("population").stats() == before)
    }

    @Test("a message sent twice is refused the second time with 409")
    func replay() async throws {
        let exchange = try EndToEndExchange.shared()
        let citizen = try await sampleCitizen(exchange)
        let pki = exchange.pki
        try await ExchangeImpostor.with(tlsIdentity: pki.province, trustedCA: pki.exchangeCA) { impostor in
            let message = try ExchangeImpostor.sign(#"{"SoDinhDanh":"\#(citizen)"}"#, service: Self.lookup, signer: pki.province)
            let first = try await impostor.post(message, to: exchange.ministry)
            #expect(first.status == 200, "\(first.summary)")
            expectProblem(try await impostor.post(message, to: exchange.ministry), 409, "replay", exchange)
        }
    }

    @Test("a peer whose certificate comes from an untrusted CA is refused during the TLS handshake")
    func untrustedCertificateAuthority() async throws {
        let exchange = try EndToEndExchange.shared()
        let citizen = try await sampleCitizen(exchange)
        let pki = exchange.pki
        let before = try await exchange.mock("population").stats()
        try await ExchangeImpostor.with(tlsIdentity: pki.rogueProvince, trustedCA: pki.exchangeCA) { impostor in
            let message = try ExchangeImpostor.sign(
                #"{"SoDinhDanh":"\#(citizen)"}"#, service: Self.lookup, signer: pki.rogueProvince)
            do {
                let reply = try await impostor.post(message, to: exchange.ministry)
                Issue.record("the rogue peer got an HTTP answer: \(reply.summary)")
            } catch let error as BoringSSLError {
                // The ministry's TLS stack answered the certificate with an "unknown CA" alert.
                #expect(String(describing: error).contains("TLSV1_ALERT_UNKNOWN_CA"), "\(error)")
            }
        }
        #expect(try await exchange.mock("population").stats() == before)
        // The ministry still serves the province.
        expectSignedAnswer(try await exchange.call(Self.lookup, ["SoDinhDanh": citizen]), Self.lookup, exchange)
    }

    @Test("a TLS certificate of another agency than From is refused with 401")
    func certificateOfAnotherAgency() async throws {
        let exchange = try EndToEndExchange.shared()
        let citizen = try await sampleCitizen(exchange)
        let pki = exchange.pki
        try await ExchangeImpostor.with(tlsIdentity: pki.otherProvince, trustedCA: pki.exchangeCA) { impostor in
            // H01 relays a message H41 signed.
            let relayed = try ExchangeImpostor.sign(#"{"SoDinhDanh":"\#(citizen)"}"#, service: Self.lookup, signer: pki.province)
            let reply = try await impostor.post(relayed, to: exchange.ministry)
            expectProblem(reply, 401, "bad-signature", exchange)
            let detail = reply.json?["detail"] as? String ?? ""
            #expect(detail.contains(DevelopmentPKI.otherProvince), "\(detail)")

            // H01 signs with its own key but claims to be H41.
            let forged = try ExchangeImpostor.sign(#"{"SoDinhDanh":"\#(citizen)"}"#, service: Self.lookup, signer: pki.otherProvince)
            expectProblem(try await impostor.post(forged, to: exchange.ministry), 401, "bad-signature", exchange)
        }
    }

    @Test("a decompression bomb is refused with 413")
    func decompressionBomb() async throws {
        let exchange = try EndToEndExchange.shared()
        let pki = exchange.pki
        try await ExchangeImpostor.with(tlsIdentity: pki.province, trustedCA: pki.exchangeCA) { impostor in
            // 8 MiB of zeros, a few kilobytes once compressed; the ministry stops at 1 MiB.
            let huge = #"{"SoDinhDanh":""# + String(repeating: "0", count: 8 << 20) + #""}"#
            var message = try ExchangeImpostor.sign(huge, service: Self.lookup, signer: pki.province)
            message.body = try Compressor.compress(message.body)
            message.headers.append(("Content-Encoding", "gzip"))
            #expect(message.body.count < GatewayConfigurationFiles.maxDecompressedBytes / 16)
            expectProblem(try await impostor.post(message, to: exchange.ministry), 413, "too-large", exchange)
        }
    }
}
