import Foundation
import LienthongCore
import LienthongPluginAPI
import LienthongSchema

/// Creates the adapter to the national document exchange axis (Trục liên thông văn bản quốc gia):
/// services `document.edoc.send/v1` and `document.status.update/v1`, spoken to the axis as edXML
/// (QCVN 102:2016/BTTTT) over HTTP with a bearer token.
public struct DocumentAxisPluginFactory: LienthongPluginFactory {
    public static let pluginID = "document-axis"

    /// `document.edoc.send/v1`: send an official document.
    public static let edocSend = DocumentAxisPluginFactory.service("document.edoc.send/v1")
    /// `document.status.update/v1`: report the processing status of a received document.
    public static let statusUpdate = DocumentAxisPluginFactory.service("document.status.update/v1")

    private let environmentVariables: [String: String]

    /// - Parameter environmentVariables: where `tokenEnv` is looked up (the process environment
    ///   unless a test gives its own).
    public init(environmentVariables: [String: String] = ProcessInfo.processInfo.environment) {
        self.environmentVariables = environmentVariables
    }

    public var descriptor: PluginDescriptor { Self.descriptor }

    static let descriptor = PluginDescriptor(
        id: pluginID,
        version: "1.0.0",
        summary: "National document exchange axis: sends documents and status messages as edXML (QCVN 102:2016/BTTTT)",
        services: [
            ServiceDescriptor(
                service: edocSend,
                requestSchema: "https://schemas.lienthong.vn/document/edoc.send.request.v1.json",
                responseSchema: "https://schemas.lienthong.vn/document/edoc.send.response.v1.json"),
            ServiceDescriptor(
                service: statusUpdate,
                requestSchema: "https://schemas.lienthong.vn/document/status.update.request.v1.json",
                responseSchema: "https://schemas.lienthong.vn/document/status.update.response.v1.json"),
        ],
        settingsSchema: DocumentAxisSettings.schema)

    public func make(settings: JSONValue, environment: PluginEnvironment) throws(PluginConfigurationError) -> any LienthongPlugin {
        let parsed = try DocumentAxisSettings(json: settings, environment: environmentVariables)
        return DocumentAxisPlugin(settings: parsed, environment: environment)
    }

    private static func service(_ text: String) -> ServiceID {
        // The two literals above are well-formed; a failure here is a typo caught by the first test run.
        do { return try ServiceID(parsing: text) } catch { preconditionFailure("invalid built-in service id \(text): \(error)") }
    }
}
