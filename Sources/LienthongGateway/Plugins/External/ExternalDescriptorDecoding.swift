import LienthongCore
import LienthongPluginAPI
import LienthongSchema

/// Reads the descriptor an external plugin serves at `GET /descriptor`: the same JSON shape as
/// `PluginDescriptor.json`, checked member by member so that every problem is named at once.
///
///     {"id": "social-insurance", "version": "1.0.0", "summary": "…",
///      "services": [{"service": "…/v1", "requestSchema": "https://…", "responseSchema": "https://…"}],
///      "settingsSchema": {…}}
///
/// `summary` may be omitted (empty); `settingsSchema` may be omitted (any settings object).
enum ExternalDescriptorDecoding {
    /// The descriptor in `json`, or every problem as `<JSON Pointer>: <reason>`.
    static func descriptor(from json: JSONValue) -> Result<PluginDescriptor, ExternalDescriptorError> {
        guard let object = json.asObject else {
            return .failure(ExternalDescriptorError(problems: ["the descriptor must be a JSON object, found \(json.typeName)"]))
        }
        var problems: [String] = []
        let allowed: Set<String> = ["id", "version", "summary", "services", "settingsSchema"]
        for key in object.keys where !allowed.contains(key) {
            problems.append("/\(key): unknown member (allowed: id, version, summary, services, settingsSchema)")
        }
        let id = object["id"]?.asString
        if let id {
            if !isAdapterID(id) { problems.append("/id: \"\(id)\" must be lower-case letters, digits and hyphens, starting with a letter (at most 64)") }
        } else {
            problems.append("/id: required, a string")
        }
        let version = object["version"]?.asString
        if version?.isEmpty ?? true { problems.append("/version: required, a non-empty string") }
        var summary = ""
        if let value = object["summary"] {
            if let text = value.asString { summary = text } else { problems.append("/summary: must be a string") }
        }
        var services: [ServiceDescriptor] = []
        if let list = object["services"]?.asArray, !list.isEmpty {
            var seen: Set<ServiceID> = []
            for (index, item) in list.enumerated() {
                switch service(from: item, at: "/services/\(index)") {
                case .success(let descriptor):
                    if !seen.insert(descriptor.service).inserted {
                        problems.append("/services/\(index)/service: \(descriptor.service) is listed twice")
                    }
                    services.append(descriptor)
                case .failure(let error): problems.append(contentsOf: error.problems)
                }
            }
        } else {
            problems.append("/services: required, a non-empty array")
        }
        let settingsSchema = object["settingsSchema"] ?? .object(JSONObject([("type", .string("object"))]))
        if object["settingsSchema"] != nil {
            do { _ = try JSONSchemaValidator(schema: settingsSchema) } catch {
                problems.append("/settingsSchema: not a usable JSON Schema: \(error)")
            }
        }
        guard problems.isEmpty, let id, let version else { return .failure(ExternalDescriptorError(problems: problems)) }
        return .success(PluginDescriptor(id: id, version: version, summary: summary, services: services, settingsSchema: settingsSchema))
    }

    /// Whether `text` is a valid adapter id: `[a-z][a-z0-9-]*`, at most 64 characters.
    static func isAdapterID(_ text: String) -> Bool {
        guard let first = text.utf8.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first), text.utf8.count <= 64 else {
            return false
        }
        return text.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-")
        }
    }

    private static func service(from item: JSONValue, at pointer: String) -> Result<ServiceDescriptor, ExternalDescriptorError> {
        guard let object = item.asObject else {
            return .failure(ExternalDescriptorError(problems: ["\(pointer): must be an object"]))
        }
        var problems: [String] = []
        var service: ServiceID?
        if let text = object["service"]?.asString {
            do { service = try ServiceID(parsing: text) } catch {
                problems.append("\(pointer)/service: not a service id: \(error.reason)")
            }
        } else {
            problems.append("\(pointer)/service: required, a string")
        }
        let request = object["requestSchema"]?.asString
        if request?.isEmpty ?? true { problems.append("\(pointer)/requestSchema: required, the $id of the request schema") }
        let response = object["responseSchema"]?.asString
        if response?.isEmpty ?? true { problems.append("\(pointer)/responseSchema: required, the $id of the response schema") }
        guard problems.isEmpty, let service, let request, let response else {
            return .failure(ExternalDescriptorError(problems: problems))
        }
        return .success(ServiceDescriptor(service: service, requestSchema: request, responseSchema: response))
    }
}

/// What is wrong with a plugin's descriptor, one problem per entry.
struct ExternalDescriptorError: Error, Sendable, CustomStringConvertible {
    let problems: [String]
    var description: String { "invalid descriptor: " + problems.joined(separator: "; ") }
}
