import ArgumentParser
import Foundation
import LienthongCore
import LienthongCrypto

/// `lienthong keys`: keys, certificate requests and a development PKI.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Generate keys, certificate requests and development certificates.",
        discussion: """
            The agency code is carried in each certificate's subjectAltName as the URI \
            urn:lienthong:agency:<CODE>; the common name is the agency's human name.
            """,
        subcommands: [
            KeysGenerateCommand.self, KeysCSRCommand.self, KeysSelfSignedCommand.self, KeysCACommand.self,
            KeysIssueCommand.self,
        ])
}

/// Options shared by commands that read a private key.
struct KeyInputOptions: ParsableArguments {
    @Option(help: "The private key (PEM, PKCS#8 or traditional, possibly encrypted).")
    var key: String

    @Option(help: "Read the key's passphrase from this environment variable.")
    var passphraseEnv: String?

    @Option(help: "Read the key's passphrase from this file.")
    var passphraseFile: String?

    func load() throws -> PrivateKey {
        try KeyFiles.privateKey(key, passphrase: PassphraseSource(environmentVariable: passphraseEnv, file: passphraseFile))
    }
}

/// Where a command writes its PEM output, and whether it may replace an existing file.
struct OutputFileOptions: ParsableArguments {
    @Option(help: "Where to write the output (PEM).")
    var out: String

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    func write(_ contents: String, secret: Bool = false) throws {
        try KeyFiles.write(contents, to: out, force: force, secret: secret)
    }
}

/// Options for certificates that go on a TLS endpoint as well as signing messages.
struct TLSNameOptions: ParsableArguments {
    @Option(name: .customLong("dns"), help: "A DNS name for TLS (repeatable).")
    var dnsNames: [String] = []

    @Option(name: .customLong("ip"), help: "An IP address for TLS (repeatable).")
    var ipAddresses: [String] = []
}

struct KeysGenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate", abstract: "Generate a private key for a signature algorithm.")

    @Option(help: "ES256 (P-256), EdDSA (Ed25519), RS256 or PS256 (RSA).")
    var alg: String

    @Option(help: "RSA key size: 2048, 3072 or 4096.")
    var bits: Int = 3072

    @OptionGroup var output: OutputFileOptions

    @Option(help: "Encrypt the key (AES-256-CBC) with the passphrase in this environment variable.")
    var passphraseEnv: String?

    @Option(help: "Encrypt the key with the passphrase in this file.")
    var passphraseFile: String?

    func run() throws {
        let algorithm: SignatureAlgorithm
        do { algorithm = try SignatureAlgorithm(name: alg) } catch { throw CommandFailure(error.description) }
        let type: KeyType
        switch algorithm {
        case .es256: type = .p256
        case .edDSA: type = .ed25519
        case .rs256, .ps256:
            guard KeyType.generatableRSABits.contains(bits) else {
                throw CommandFailure("--bits must be one of \(KeyType.generatableRSABits.map(String.init).joined(separator: ", ")), got \(bits)")
            }
            type = .rsa(bits: bits)
        }
        let passphrase = try PassphraseSource(environmentVariable: passphraseEnv, file: passphraseFile).read()
        let pem: String
        do {
            pem = try PrivateKey.generate(type).pemEncoded(passphrase: passphrase)
        } catch {
            throw CommandFailure("cannot generate the key: \(error)")
        }
        try output.write(pem, secret: true)
        print("wrote \(type) key for \(algorithm.rawValue) to \(output.out)")
    }
}

struct KeysCSRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csr", abstract: "Write a certificate signing request for an agency.")

    @OptionGroup var keyInput: KeyInputOptions

    @Option(help: "The agency code, e.g. 000.00.00.H41.")
    var agency: String

    @Option(help: "The agency's name (the certificate's common name).")
    var name: String

    @Option(help: "The organisation (O) to put in the subject.")
    var organization: String?

    @OptionGroup var tlsNames: TLSNameOptions

    @OptionGroup var output: OutputFileOptions

    func run() throws {
        let key = try keyInput.load()
        let code = try KeyFiles.agency(agency)
        let request: CertificateSigningRequest
        do {
            request = try CertificateSigningRequest(
                key: key, agency: code, commonName: name, organization: organization,
                dnsNames: tlsNames.dnsNames, ipAddresses: tlsNames.ipAddresses)
        } catch {
            throw CommandFailure("cannot make the request: \(error)")
        }
        try output.write(request.pemEncoded)
        print("wrote a certificate request for \(code) to \(output.out)")
    }
}

struct KeysSelfSignedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "self-signed", abstract: "Write a self-signed agency certificate (development only).")

    @OptionGroup var keyInput: KeyInputOptions

    @Option(help: "The agency code, e.g. 000.00.00.H41.")
    var agency: String

    @Option(help: "The agency's name (common name); defaults to the agency code.")
    var name: String?

    @OptionGroup var tlsNames: TLSNameOptions

    @Option(help: "Days of validity.")
    var days = 365

    @OptionGroup var output: OutputFileOptions

    func run() throws {
        let validity = try KeyFiles.validity(days: days)
        let key = try keyInput.load()
        let code = try KeyFiles.agency(agency)
        let certificate: Certificate
        do {
            certificate = try DevelopmentCA.selfSignedCertificate(
                key: key, agency: code, commonName: name ?? code.rawValue, dnsNames: tlsNames.dnsNames,
                ipAddresses: tlsNames.ipAddresses, validity: validity)
        } catch {
            throw CommandFailure("cannot make the certificate: \(error)")
        }
        try output.write(certificate.pemEncoded)
        print("wrote a self-signed certificate for \(code) to \(output.out)")
    }
}

struct KeysCACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ca", abstract: "Write a development certificate authority's root certificate.")

    @OptionGroup var keyInput: KeyInputOptions

    @Option(help: "The CA's name (common name).")
    var name: String

    @Option(help: "The organisation (O) to put in the subject.")
    var organization: String?

    @Option(help: "Days of validity.")
    var days = 3650

    @OptionGroup var output: OutputFileOptions

    func run() throws {
        let validity = try KeyFiles.validity(days: days)
        let key = try keyInput.load()
        let authority: DevelopmentCA
        do {
            authority = try DevelopmentCA.create(
                key: key, commonName: name, organization: organization, validity: validity)
        } catch {
            throw CommandFailure("cannot make the CA certificate: \(error)")
        }
        try output.write(authority.certificate.pemEncoded)
        print("wrote the CA certificate \"\(name)\" to \(output.out)")
    }
}

struct KeysIssueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue", abstract: "Issue an agency certificate from a request, signed by a development CA.")

    @Option(help: "The CA's private key.")
    var caKey: String

    @Option(help: "Read the CA key's passphrase from this environment variable.")
    var caPassphraseEnv: String?

    @Option(help: "The CA's certificate.")
    var caCert: String

    @Option(help: "The certificate signing request (PEM).")
    var csr: String

    @Option(help: "Days of validity.")
    var days = 365

    @OptionGroup var output: OutputFileOptions

    func run() throws {
        let validity = try KeyFiles.validity(days: days)
        let key = try KeyFiles.privateKey(caKey, passphrase: PassphraseSource(environmentVariable: caPassphraseEnv))
        guard let caCertificate = try KeyFiles.certificateChain(caCert).first else {
            throw CommandFailure("\(caCert) holds no certificate")
        }
        let requestPEM = try KeyFiles.readText(csr, what: "request file")
        let authority: DevelopmentCA
        do { authority = try DevelopmentCA(key: key, certificate: caCertificate) } catch {
            throw CommandFailure("\(caCert): \(error)")
        }
        let request: CertificateSigningRequest
        do { request = try CertificateSigningRequest(pemEncoded: requestPEM) } catch {
            throw CommandFailure("\(csr): \(error)")
        }
        let certificate: Certificate
        do {
            certificate = try authority.issueCertificate(for: request, validity: validity)
        } catch {
            throw CommandFailure("cannot issue the certificate: \(error)")
        }
        // The chain file carries the issuer too, so `x5c` and TLS can present the whole path.
        try output.write(certificate.pemEncoded + caCertificate.pemEncoded)
        let agency = (try? certificate.agencyCode().rawValue) ?? "?"
        print("issued a certificate for \(agency) to \(output.out)")
    }
}
