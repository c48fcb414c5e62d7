import Foundation
import LienthongJSON
import LienthongPluginAPI

/// Turns the upstream's answer into our JSON or a `PluginError`: a success is parsed (JSON or XML)
/// and mapped through the response template; an error status maps to notFound / rejected (with
/// the upstream's message, cleaned) or to an upstream failure.
struct AnswerMapper {
    let system: String
    let mapping: ServiceMapping
    let envelope: [Placeholder.EnvelopeField: String]

    /// Bounds on an XML answer (the byte bound is `UpstreamCall.maxResponseBytes`).
    static let xmlLimits = XMLReadLimits(maxBytes: UpstreamCall.maxResponseBytes, maxDepth: 64, maxElements: 200_000)
    /// The most characters of an upstream message passed to a caller.
    static let maxMessageLength = 200

    func map(_ answer: UpstreamCall.Answer) throws(PluginError) -> JSONValue {
        switch answer.status {
        case 200..<300:
            return try success(answer.body)
        case let status where mapping.errors.notFound.contains(status):
            throw .notFound(describe(status, answer.body))
        case let status where mapping.errors.rejected.contains(status):
            throw .rejected(describe(status, answer.body))
        case 401, 403:
            throw .unavailable("\(system) refused the gateway's credentials (HTTP \(answer.status)); check the adapter's secrets")
        default:
            throw .unavailable("\(system) answered HTTP \(answer.status)")
        }
    }

    private func success(_ body: [UInt8]) throws(PluginError) -> JSONValue {
        let document = try parse(body)
        let renderer = TemplateRenderer(input: TemplateInput(document: document, envelope: envelope))
        if let condition = mapping.response.notFoundWhen {
            let value: JSONValue?
            do throws(TemplateFillError) { value = try renderer.value(of: condition.value) } catch { value = nil }
            if value == condition.equals {
                throw .notFound("\(system) has no record for the request (\(condition.value) is \(condition.equals))")
            }
        }
        do throws(TemplateFillError) {
            return try renderer.json(mapping.response.body) ?? .null
        } catch {
            throw .badUpstreamResponse("\(system) answered without what the mapping needs: \(error)")
        }
    }

    private func parse(_ body: [UInt8]) throws(PluginError) -> TemplateInput.Document {
        switch mapping.response.format {
        case .json:
            do { return .json(try JSONParser.parse(body)) } catch {
                throw .badUpstreamResponse("\(system) answered something that is not JSON: \(error)")
            }
        case .xml:
            do throws(XMLReadError) { return .xml(try XMLElementTreeReader.parse(body, limits: Self.xmlLimits)) } catch {
                throw .badUpstreamResponse("\(system) answered something that is not usable XML: \(error)")
            }
        }
    }

    /// "system answered HTTP 404: <the upstream's message>", the message only when the mapping
    /// names one and the answer has it, cleaned of control characters and shortened.
    private func describe(_ status: Int, _ body: [UInt8]) -> String {
        let prefix = "\(system) answered HTTP \(status)"
        guard let template = mapping.errors.message, let document = try? parse(body) else { return prefix }
        let renderer = TemplateRenderer(input: TemplateInput(document: document, envelope: envelope))
        guard let text = try? renderer.text(template) else { return prefix }
        let cleaned = Self.clean(text)
        return cleaned.isEmpty ? prefix : "\(prefix): \(cleaned)"
    }

    static func clean(_ text: String) -> String {
        let scalars = text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) }
        let collapsed = String(scalars).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return collapsed.count > maxMessageLength ? String(collapsed.prefix(maxMessageLength)) + "…" : collapsed
    }
}
