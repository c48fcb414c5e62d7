import AsyncHTTPClient
import LienthongJSON
import LienthongPluginAPI
import NIOCore

/// Builds the upstream HTTP request of one service from a request's templates input. Every
/// value is escaped for where it goes; a value the request lacks or cannot carry fails with
/// `TemplateFillError`, which the plugin answers as the caller's fault (422).
struct UpstreamRequestBuilder {
    let baseURL: String
    let tls: UpstreamTLS
    let commonHeaders: [NamedTemplate]
    let mapping: RequestMapping

    func build(_ renderer: TemplateRenderer) throws(TemplateFillError) -> HTTPClientRequest {
        var url = baseURL + (try renderer.text(mapping.path, escape: TemplateEscaping.pathSegment))
        let query = try pairs(mapping.query, renderer)
        if !query.isEmpty { url += "?" + query }
        var request = tls.request(url: url)
        request.method = mapping.method
        for header in headers() {
            let value = try renderer.text(header.value, escape: TemplateEscaping.headerValue)
            request.headers.replaceOrAdd(name: header.name, value: value)
        }
        switch mapping.body {
        case nil:
            break
        case .json(let template):
            let body = try renderer.json(template) ?? .null
            request.headers.replaceOrAdd(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body.serializedBytes()))
        case .xml(let template, let contentType):
            let body = try renderer.text(template, escape: TemplateEscaping.xml)
            request.headers.replaceOrAdd(name: "Content-Type", value: contentType)
            request.body = .bytes(ByteBuffer(string: body))
        case .form(let fields):
            request.headers.replaceOrAdd(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = .bytes(ByteBuffer(string: try pairs(fields, renderer)))
        }
        return request
    }

    /// The upstream's headers, then the service's, a service's header replacing one of the same name.
    private func headers() -> [NamedTemplate] {
        let own = Set(mapping.headers.map { $0.name.lowercased() })
        return commonHeaders.filter { !own.contains($0.name.lowercased()) } + mapping.headers
    }

    /// `name=value&…`, leaving out a parameter whose whole value is an absent optional placeholder.
    private func pairs(_ templates: [NamedTemplate], _ renderer: TemplateRenderer) throws(TemplateFillError) -> String {
        var parts: [String] = []
        for template in templates {
            let value: String
            if let slot = template.value.soleSlot {
                guard let text = try renderer.optionalText(of: slot) else { continue }
                value = text
            } else {
                value = try renderer.text(template.value)
            }
            parts.append(TemplateEscaping.queryComponent(template.name) + "=" + TemplateEscaping.queryComponent(value))
        }
        return parts.joined(separator: "&")
    }
}
