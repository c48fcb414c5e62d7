import Foundation
import LienthongCore
import Testing
@testable import LienthongCrypto

/// Interoperability with Python `joserfc` and `cryptography`: what we sign, they verify (and
/// reject once tampered with); what they sign, we verify; what we write as PEM, they read.
@Suite("Interoperability with Python joserfc and cryptography")
struct PythonInteropTests {
    @Test("our JWS verifies with joserfc and by hand; a changed field or payload byte fails there too", arguments: SignatureAlgorithm.allCases)
    func pythonVerifiesOurJWS(_ algorithm: SignatureAlgorithm) throws {
        let pki = try TestPKI.shared.get()
        let (key, chain) = try pki.province(algorithm)
        let envelope = JWSFixtures.envelope()
        let jws = try JWSSigner(key: key, algorithm: algorithm, certificateChain: chain).sign(envelope: envelope)

        let header = String(decoding: try Base64URL.decode(jws.prefix { $0 != "." }), as: UTF8.self)
        let forgedHeader = header.replacingOccurrences(of: "\"000.00.00.G01\"", with: "\"000.00.00.G22\"")
        var changedPayload = envelope.payload
        changedPayload[changedPayload.count / 2] ^= 0x01
        let cases: [(String, String, [UInt8])] = [
            ("original", jws, envelope.payload),
            ("changed-field", JWSFixtures.replacingHeader(of: jws, with: forgedHeader), envelope.payload),
            ("changed-payload", jws, changedPayload),
        ]
        let output = try PythonInterop.run("verify_jws.py", input: [
            "issuer_pem": pki.root.certificate.pemEncoded,
            "cases": cases.map { ["name": $0.0, "jws": $0.1, "payload_b64": Data($0.2).base64EncodedString()] },
        ])
        let results = try #require(output["results"] as? [String: [String: Any]])
        #expect(results["original"]?["joserfc"] as? String == "valid")
        #expect(results["original"]?["manual"] as? String == "valid")
        #expect(results["original"]?["issued_by_ca"] as? Bool == true)
        for tampered in ["changed-field", "changed-payload"] {
            let joserfc = results[tampered]?["joserfc"] as? String ?? ""
            let manual = results[tampered]?["manual"] as? String ?? ""
            #expect(joserfc.hasPrefix("invalid"), "joserfc accepted \(tampered): \(joserfc)")
            #expect(manual.hasPrefix("invalid: InvalidSignature"), "manual check of \(tampered): \(manual)")
        }
    }

    @Test("a JWS naming its certificate by x5t#S256 verifies in Python against the presented certificate, and only that one")
    func pythonVerifiesThumbprintJWS() throws {
        let pki = try TestPKI.shared.get()
        let (key, chain) = try pki.province(.es256)
        let envelope = JWSFixtures.envelope()
        let jws = try JWSSigner(key: key, certificateChain: chain).sign(envelope: envelope, certificate: .thumbprint)
        let presented = Data(chain[0].derEncoded).base64EncodedString()
        let other = Data(pki.ministryChain[0].derEncoded).base64EncodedString()
        let payload = Data(envelope.payload).base64EncodedString()
        let output = try PythonInterop.run("verify_jws.py", input: [
            "issuer_pem": pki.root.certificate.pemEncoded,
            "cases": [
                ["name": "presented", "jws": jws, "payload_b64": payload, "certificate_b64": presented],
                ["name": "another-certificate", "jws": jws, "payload_b64": payload, "certificate_b64": other],
            ],
        ])
        let results = try #require(output["results"] as? [String: [String: Any]])
        #expect(results["presented"]?["joserfc"] as? String == "valid")
        #expect(results["presented"]?["manual"] as? String == "valid")
        #expect(results["presented"]?["issued_by_ca"] as? Bool == true)
        let refused = results["another-certificate"]?["manual"] as? String ?? ""
        #expect(refused.contains("x5t#S256 is not the SHA-256 of the presented certificate"), "\(refused)")
    }

    @Test("a JWS signed by joserfc with a Python key certified by our CA verifies with ours", arguments: SignatureAlgorithm.allCases)
    func weVerifyPythonJWS(_ algorithm: SignatureAlgorithm) throws {
        let pki = try TestPKI.shared.get()
        let keyType = switch algorithm {
        case .es256: "EC"
        case .edDSA: "OKP"
        case .rs256, .ps256: "RSA"
        }
        let made = try PythonInterop.run("make_key_and_csr.py", input: [
            "key_type": keyType, "agency": TestPKI.province.rawValue, "common_name": "Nghệ An (Python)", "passphrase": "py-pass",
        ])
        let request = try CertificateSigningRequest(pemEncoded: try #require(made["csr_pem"] as? String))
        #expect(try request.agencyCode() == TestPKI.province)
        let certificate = try pki.intermediate.issueCertificate(for: request)
        // The Python key loads here too, and is the key the request certified.
        let pythonKey = try PrivateKey(pemEncoded: try #require(made["private_key_pem"] as? String))
        #expect(pythonKey.publicKey == (try certificate.publicKey()))
        if let traditional = made["traditional_encrypted_pem"] as? String {
            #expect(try PrivateKey(pemEncoded: traditional, passphrase: "py-pass").publicKey == pythonKey.publicKey)
            expectError(KeyError.self) { try PrivateKey(pemEncoded: traditional, passphrase: "wrong") } matches: { $0 == .wrongPassphrase }
        }

        let envelope = JWSFixtures.envelope()
        var members: [String: String] = [:]
        for (name, value) in envelope.headerFields { members[name.lowercased()] = value }
        let signed = try PythonInterop.run("sign_jws.py", input: [
            "alg": algorithm.name, "private_key_pem": try #require(made["private_key_pem"] as? String),
            "chain_pem": [certificate.pemEncoded, pki.intermediate.certificate.pemEncoded],
            "members": members, "payload_b64": Data(envelope.payload).base64EncodedString(),
        ])
        let jws = try #require(signed["jws"] as? String)
        let verifier = JWSVerifier(trustStore: try pki.trustStore())
        let verified = try verifier.verify(jws, envelope: envelope)
        #expect(verified.signer == TestPKI.province)
        #expect(verified.header.algorithm == algorithm)
        #expect(verified.certificate == certificate)

        var changed = envelope
        changed.payload[0] ^= 0x01
        expectError(JWSError.self) { try verifier.verify(jws, envelope: changed) } matches: { $0 == .signatureMismatch }
    }

    @Test("Python cryptography reads our keys, request and certificate, with the agency URI", arguments: [KeyType.p256, .ed25519, .rsa(bits: 2048)])
    func pythonReadsOurPEM(_ type: KeyType) throws {
        let pki = try TestPKI.shared.get()
        let key = try TestKeys.key(type)
        let request = try CertificateSigningRequest(
            key: key, agency: TestPKI.ministry, commonName: "Bộ Công an", dnsNames: ["gw.bocongan.gov.vn"])
        let certificate = try pki.root.issueCertificate(for: request)
        let output = try PythonInterop.run("inspect_artifacts.py", input: [
            "private_key_pem": try key.pemEncoded(),
            "encrypted_private_key_pem": try key.pemEncoded(passphrase: "mật khẩu"),
            "passphrase": "mật khẩu",
            "public_key_pem": key.publicKey.pemEncoded,
            "csr_pem": request.pemEncoded,
            "certificate_pem": certificate.pemEncoded,
            "ca_certificate_pem": pki.root.certificate.pemEncoded,
        ])
        let expectedType = switch type {
        case .p256: "EC secp256r1"
        case .ed25519: "Ed25519"
        case .rsa(let bits): "RSA \(bits)"
        }
        #expect(output["key_type"] as? String == expectedType)
        #expect(output["public_key_matches"] as? Bool == true)
        #expect(output["encrypted_key_matches"] as? Bool == true)
        #expect(output["wrong_passphrase_refused"] as? Bool == true)
        #expect(output["csr_signature_valid"] as? Bool == true)
        #expect(output["csr_common_name"] as? String == "Bộ Công an")
        #expect(output["csr_agency_uris"] as? [String] == ["urn:lienthong:agency:000.00.00.G01"])
        #expect(output["certificate_common_name"] as? String == "Bộ Công an")
        #expect(output["certificate_agency_uris"] as? [String] == ["urn:lienthong:agency:000.00.00.G01"])
        #expect(output["certificate_dns_names"] as? [String] == ["gw.bocongan.gov.vn"])
        #expect(output["certificate_issued_by_ca"] as? Bool == true)
        #expect(output["certificate_is_ca"] as? Bool == false)
        #expect(output["ca_is_ca"] as? Bool == true)
        let usage = try #require(output["certificate_key_usage"] as? [String: Bool])
        #expect(usage == ["critical": true, "digital_signature": true, "key_cert_sign": false])
        #expect(output["certificate_extended_key_usage"] as? [String] == ["clientAuth", "serverAuth"])
        // Python prints the number without leading zeros; we print whole bytes as OpenSSL does.
        let serial = certificate.serialNumber.drop { $0 == "0" }
        #expect(output["certificate_serial_hex"] as? String == String(serial))
    }
}
