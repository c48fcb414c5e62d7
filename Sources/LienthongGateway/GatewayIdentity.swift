import Foundation
import LienthongCrypto

/// This gateway's certificate chain and key, and the CAs it trusts: what it presents in TLS,
/// signs with, and verifies peers against.
public struct GatewayIdentity: Sendable {
    public let certificateChain: [Certificate]
    public let privateKey: PrivateKey
    public let trustedCAs: [Certificate]

    public init(certificateChain: [Certificate], privateKey: PrivateKey, trustedCAs: [Certificate]) {
        self.certificateChain = certificateChain
        self.privateKey = privateKey
        self.trustedCAs = trustedCAs
    }

    /// Reads the PEM files named in the exchange settings.
    public static func load(from settings: GatewayConfiguration.ExchangeListener) throws(GatewayStartError) -> GatewayIdentity {
        let chain: [Certificate]
        do { chain = try Certificate.chain(pemEncoded: try read(settings.certificateChainFile)) } catch let error as GatewayStartError {
            throw error
        } catch {
            throw GatewayStartError("\(settings.certificateChainFile): \(error)")
        }
        let key: PrivateKey
        do { key = try PrivateKey(pemEncoded: try read(settings.privateKeyFile), passphrase: settings.keyPassphrase) } catch let error as GatewayStartError {
            throw error
        } catch {
            throw GatewayStartError("\(settings.privateKeyFile): \(error)")
        }
        var trusted: [Certificate] = []
        for file in settings.trustedCAFiles {
            do { trusted += try Certificate.chain(pemEncoded: try read(file)) } catch let error as GatewayStartError {
                throw error
            } catch {
                throw GatewayStartError("\(file): \(error)")
            }
        }
        return GatewayIdentity(certificateChain: chain, privateKey: key, trustedCAs: trusted)
    }

    private static func read(_ path: String) throws(GatewayStartError) -> String {
        do { return try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw GatewayStartError("\(path) cannot be read: \(error.localizedDescription)")
        }
    }
}

/// Why a gateway cannot start although its configuration parsed (unreadable keys, a certificate
/// that does not match its key, an adapter that refuses its settings, …).
public struct GatewayStartError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
