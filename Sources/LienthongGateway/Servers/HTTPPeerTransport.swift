import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Delivers to peer gateways with one pooled AsyncHTTPClient that presents this gateway's
/// certificate (mTLS) and trusts the configured CAs; HTTP/2 is used when the peer offers it.
public struct HTTPPeerTransport: PeerTransport {
    public let client: HTTPClient
    public let maxAnswerBytes: Int

    public init(client: HTTPClient, maxAnswerBytes: Int) {
        self.client = client
        self.maxAnswerBytes = maxAnswerBytes
    }

    public func post(_ message: HTTPMessage, to url: URL, timeout: Duration) async throws(PeerTransportError) -> HTTPAnswer {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        for header in message.headers { request.headers.add(name: header.name, value: header.value) }
        request.body = .bytes(ByteBuffer(bytes: message.body))
        let nanoseconds = timeout.components.seconds * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000
        do {
            let response = try await client.execute(request, timeout: .nanoseconds(nanoseconds))
            let headers = response.headers.map { (name: $0.name, value: $0.value) }
            let body: ByteBuffer
            do { body = try await response.body.collect(upTo: maxAnswerBytes) } catch is NIOTooManyBytesError {
                throw PeerTransportError.answerTooLarge(maxAnswerBytes)
            }
            return HTTPAnswer(status: Int(response.status.code), headers: headers, body: Array(body.readableBytesView))
        } catch let error as PeerTransportError {
            throw error
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            throw .timeout("\(error)")
        } catch {
            throw .unreachable("\(error)")
        }
    }
}
