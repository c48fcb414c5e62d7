import Foundation
import LienthongCore
import Testing
@testable import LienthongCrypto

@Suite("JWS signing")
struct JWSSignerTests {
    @Test("the compact form has an empty payload part and the documented header", arguments: SignatureAlgorithm.allCases)
    func compactShape(_ algorithm: SignatureAlgorithm) throws {
        let (key, chain) = try TestPKI.shared.get().province(algorithm)
        let envelope = JWSFixtures.envelope()
        let jws = try JWSSigner(key: key, algorithm: algorithm, certificateChain: chain).sign(envelope: envelope)
        let parts = jws.split(separator: ".", omittingEmptySubsequences: false)
        #expect(parts.count == 3)
        #expect(parts[1].isEmpty)
        let header = try JWSFixtures.headerObject(of: jws)
        #expect(header["alg"] as? String == algorithm.name)
        #expect(header["crit"] as? [String] == ["b64"])
        #expect(header["kid"] == nil)
        #expect((header["x5c"] as? [String])?.first == Data(chain[0].derEncoded).base64EncodedString())
        #expect(header["lienthong-message-id"] as? String == envelope.id.rawValue)
        #expect(header["lienthong-service"] as? String == "population.citizen.lookup/v1")
        #expect(header["lienthong-from"] as? String == "000.00.00.H41")
        #expect(header["lienthong-to"] as? String == "000.00.00.G01")
        #expect(header["lienthong-created"] as? String == Timestamp.format(envelope.created))
        #expect(header["lienthong-correlation-id"] == nil)
        // b64 must be the JSON literal false, not 0.
        let text = String(decoding: try Base64URL.decode(parts[0]), as: UTF8.self)
        #expect(text.contains(#""b64":false"#))
    }

    @Test("the header is deterministic, with members in lexicographic order")
    func deterministicHeader() throws {
        let key = try TestKeys.key(.p256)
        let signer = try JWSSigner(key: key, keyID: "nghean-2026")
        let envelope = JWSFixtures.envelope()
        let first = try signer.sign(envelope: envelope, extraHeader: ["lienthong-request-digest": "abc"])
        let second = try signer.sign(envelope: envelope, extraHeader: ["lienthong-request-digest": "abc"])
        #expect(first.prefix { $0 != "." } == second.prefix { $0 != "." })
        let text = String(decoding: try Base64URL.decode(first.prefix { $0 != "." }), as: UTF8.self)
        let expected = #"{"alg":"ES256","b64":false,"crit":["b64"],"kid":"nghean-2026","#
            + #""lienthong-created":"\#(Timestamp.format(envelope.created))","lienthong-from":"000.00.00.H41","#
            + #""lienthong-message-id":"\#(envelope.id.rawValue)","lienthong-request-digest":"abc","#
            + #""lienthong-service":"population.citizen.lookup/v1","lienthong-to":"000.00.00.G01"}"#
        #expect(text == expected)
    }

    @Test("the default algorithm follows the key type")
    func defaultAlgorithm() throws {
        #expect(try JWSSigner(key: TestKeys.key(.p256), keyID: "k").algorithm == .es256)
        #expect(try JWSSigner(key: TestKeys.key(.ed25519), keyID: "k").algorithm == .edDSA)
        #expect(try JWSSigner(key: TestKeys.key(.rsa(bits: 2048)), keyID: "k").algorithm == .ps256)
    }

    @Test("a signer refuses an algorithm its key cannot do, an empty chain and another key's certificate")
    func signerChecks() throws {
        let pki = try TestPKI.shared.get()
        let (key, chain) = try pki.province(.es256)
        expectError(JWSError.self) { try JWSSigner(key: key, algorithm: .rs256, certificateChain: chain) } matches: {
            $0 == .algorithmDoesNotMatchKey(algorithm: .rs256, keyType: .p256)
        }
        expectError(JWSError.self) { try JWSSigner(key: key, certificateChain: []) } matches: { $0 == .emptyCertificateChain }
        expectError(JWSError.self) { try JWSSigner(key: key, certificateChain: pki.ministryChain) } matches: {
            $0 == .certificateDoesNotMatchKey(subject: "CN=Bộ Công an")
        }
        for bad in ["", "tab\there", String(repeating: "k", count: 257)] {
            expectError(JWSError.self) { try JWSSigner(key: key, keyID: bad) } matches: { $0 == .invalidKeyID(bad) }
        }
    }

    @Test("extra members may not replace JOSE or envelope members")
    func reservedMembers() throws {
        let signer = try JWSSigner(key: TestKeys.key(.ed25519), keyID: "k")
        for name in ["alg", "b64", "crit", "x5c", "kid", "jwk", "lienthong-from", "lienthong-message-id", ""] {
            expectError(JWSError.self) {
                try signer.sign(envelope: JWSFixtures.envelope(), extraHeader: [name: "x"])
            } matches: { $0 == .reservedHeaderMember(name) }
        }
        expectError(JWSError.self) { try signer.sign(header: ["crit": "x"], payload: []) } matches: {
            $0 == .reservedHeaderMember("crit")
        }
        // Outside an envelope, envelope member names are ordinary members (e.g. a receipt naming the message).
        #expect(try !signer.sign(header: ["lienthong-message-id": "x"], payload: []).isEmpty)
    }

    @Test("the request digest is the base64url SHA-256 of the request payload")
    func requestDigest() throws {
        // SHA-256("abc") from FIPS 180-2.
        #expect(try JWSSigner.requestDigest(of: Array("abc".utf8)) == "ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0")
    }
}
