import Foundation

/// A development PKI made with `lienthong keys`, as an operator would make one:
/// - the exchange CA, with certificates for the ministry G01, the province H41 and another
///   province H01 (trusted, but not the sender of the messages it relays);
/// - a rogue CA no gateway trusts, with a certificate that also claims H41;
/// - an upstream CA, unrelated to the exchange, that issues the https certificate of a mock
///   national system (so an adapter must trust it explicitly).
struct DevelopmentPKI: Sendable {
    static let ministry = "000.00.00.G01"
    static let province = "000.00.00.H41"
    static let otherProvince = "000.00.00.H01"

    /// A key and its certificate chain (leaf first, then the issuing CA).
    struct Identity: Sendable {
        let key: URL
        let chain: URL
    }

    let directory: URL
    let exchangeCA: URL
    let rogueCA: URL
    let upstreamCA: URL
    let ministry: Identity
    let province: Identity
    let otherProvince: Identity
    let rogueProvince: Identity
    /// The https identity of a mock national system (127.0.0.1 and localhost).
    let upstreamServer: Identity

    /// Makes every key and certificate in `directory`.
    static func make(in directory: URL) throws -> DevelopmentPKI {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        func file(_ name: String) -> URL { directory.appendingPathComponent(name) }
        func authority(_ short: String, _ name: String) throws -> (key: URL, certificate: URL) {
            let key = file("\(short)-key.pem")
            let certificate = file("\(short).pem")
            try LienthongBinary.succeed(["keys", "generate", "--alg", "ES256", "--out", key.path])
            try LienthongBinary.succeed(["keys", "ca", "--key", key.path, "--name", name, "--out", certificate.path])
            return (key, certificate)
        }
        func identity(_ short: String, agency: String, name: String, ca: (key: URL, certificate: URL)) throws -> Identity {
            let key = file("\(short)-key.pem")
            let request = file("\(short).csr")
            let chain = file("\(short)-chain.pem")
            try LienthongBinary.succeed(["keys", "generate", "--alg", "ES256", "--out", key.path])
            try LienthongBinary.succeed([
                "keys", "csr", "--key", key.path, "--agency", agency, "--name", name, "--dns", "localhost", "--ip", "127.0.0.1",
                "--out", request.path,
            ])
            try LienthongBinary.succeed([
                "keys", "issue", "--ca-key", ca.key.path, "--ca-cert", ca.certificate.path, "--csr", request.path, "--out", chain.path,
            ])
            return Identity(key: key, chain: chain)
        }
        let exchange = try authority("exchange-ca", "E2E exchange CA")
        let rogue = try authority("rogue-ca", "E2E rogue CA")
        let upstream = try authority("upstream-ca", "E2E national systems CA")
        return DevelopmentPKI(
            directory: directory, exchangeCA: exchange.certificate, rogueCA: rogue.certificate, upstreamCA: upstream.certificate,
            ministry: try identity("g01", agency: ministry, name: "Bộ Công an (e2e)", ca: exchange),
            province: try identity("h41", agency: province, name: "UBND tỉnh Nghệ An (e2e)", ca: exchange),
            otherProvince: try identity("h01", agency: otherProvince, name: "UBND thành phố Hà Nội (e2e)", ca: exchange),
            rogueProvince: try identity("rogue-h41", agency: province, name: "Not Nghệ An", ca: rogue),
            // The certificate's agency URI means nothing to an https client; only the names count.
            upstreamServer: try identity("upstream-server", agency: "000.00.00.G09", name: "Mock national system", ca: upstream))
    }
}
