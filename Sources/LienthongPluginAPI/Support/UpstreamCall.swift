import AsyncHTTPClient
import NIOCore

/// One HTTP exchange with the upstream system, with transport failures already mapped to
/// `PluginError`: no answer in time → `.timeout`; anything else that prevents an answer
/// (connection refused, connect timeout, reset) → `.unavailable`.
public struct UpstreamCall {
    /// Largest upstream answer read; larger ones are a bad upstream response.
    public static let maxResponseBytes = 4 * 1024 * 1024

    public struct Answer {
        public let status: Int
        public let body: [UInt8]

        public init(status: Int, body: [UInt8]) {
            self.status = status
            self.body = body
        }
    }

    public let client: HTTPClient
    /// The upstream system's name, as used in error messages.
    public let system: String

    public init(client: HTTPClient, system: String) {
        self.client = client
        self.system = system
    }

    public func perform(_ request: HTTPClientRequest, timeout: Duration) async throws(PluginError) -> Answer {
        let deadline = NIODeadline.now() + .nanoseconds(Self.nanoseconds(timeout))
        do {
            let response = try await client.execute(request, deadline: deadline)
            let body = try await response.body.collect(upTo: Self.maxResponseBytes)
            return Answer(status: Int(response.status.code), body: Array(body.readableBytesView))
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            throw .timeout("\(system) did not answer within \(timeout)")
        } catch let error as NIOTooManyBytesError {
            throw .badUpstreamResponse("\(system) answered more than \(Self.maxResponseBytes) bytes (\(error))")
        } catch {
            throw .unavailable("\(system) could not be reached: \(error)")
        }
    }

    public static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds.multipliedReportingOverflow(by: 1_000_000_000).partialValue + attoseconds / 1_000_000_000
    }
}
