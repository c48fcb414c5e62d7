import LienthongCrypto

/// Compresses payloads above a threshold with gzip (after signing: the signature covers the
/// uncompressed bytes, which the receiver verifies after decompressing).
public struct PayloadCompression: Sendable {
    public let thresholdBytes: Int

    public init(thresholdBytes: Int) { self.thresholdBytes = thresholdBytes }

    /// The body to send and its `Content-Encoding` (nil when sent as is).
    public func encode(_ payload: [UInt8]) throws(Problem) -> (body: [UInt8], contentEncoding: String?) {
        guard payload.count > thresholdBytes else { return (payload, nil) }
        do { return (try Compressor.compress(payload, format: .gzip), "gzip") } catch {
            throw .internalError("cannot compress the payload: \(error)")
        }
    }
}
