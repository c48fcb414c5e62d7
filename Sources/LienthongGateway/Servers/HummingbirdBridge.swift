import HTTPTypes
import Hummingbird
import NIOCore

/// Converts between Hummingbird's request/response and the pipelines' plain messages.
enum HummingbirdBridge {
    /// Reads the whole body, refusing more than `maxBytes` (413) without buffering the rest.
    static func message(from request: Request, maxBytes: Int) async -> Result<HTTPMessage, Problem> {
        let headers = request.headers.map { (name: $0.name.rawName, value: $0.value) }
        do {
            let buffer = try await request.body.collect(upTo: maxBytes)
            return .success(HTTPMessage(headers: headers, body: Array(buffer.readableBytesView)))
        } catch is NIOTooManyBytesError {
            return .failure(.tooLarge("the body exceeds \(maxBytes) bytes"))
        } catch {
            return .failure(.badJSON("the body could not be read: \(error)"))
        }
    }

    static func response(from answer: HTTPAnswer) -> Response {
        var fields = HTTPFields()
        for header in answer.headers {
            // Names come from this gateway's own code or a verified peer's answer; skip any that
            // HTTP would not allow rather than fail the whole answer.
            guard let name = HTTPField.Name(header.name) else { continue }
            fields.append(HTTPField(name: name, value: header.value))
        }
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}
