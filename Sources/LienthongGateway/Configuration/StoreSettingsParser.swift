import Foundation
import LienthongPostgres
import Yams

/// The `store` setting: absent or `sqlite` (the embedded SQLite database in the data directory),
/// a `postgres://` URL, or a mapping `{url, passwordFile}`. `LIENTHONG_STORE_URL` replaces the URL
/// and `LIENTHONG_STORE_PASSWORD` the password, so neither need be written in the file.
extension ConfigurationParser {
    static let storeURLVariable = "LIENTHONG_STORE_URL"
    static let storePasswordVariable = "LIENTHONG_STORE_PASSWORD"

    func storeLocation(_ top: MappingReader) -> StoreLocation {
        let environmentURL = environment[Self.storeURLVariable].flatMap { $0.isEmpty ? nil : $0 }
        var password = environment[Self.storePasswordVariable]
        var url: (text: String, node: Node?, path: String)?
        if let node = top.value("store") {
            if node.mapping != nil {
                guard let map = reader.mapping(node, path: "store") else { return .sqlite }
                if let text = map.string("url", required: environmentURL == nil) {
                    url = (text, map.value("url"), "store.url")
                }
                if let fileNode = map.value("passwordFile"),
                   let file = reader.string(fileNode, path: "store.passwordFile"), password == nil
                {
                    password = readPassword(file, node: fileNode)
                }
                map.finish()
            } else if let text = reader.string(node, path: "store") {
                url = (text, node, "store")
            }
        }
        if let environmentURL { url = (environmentURL, nil, "store") }
        guard let url, url.text != "sqlite" else { return .sqlite }
        do {
            return .postgres(try PostgresStoreConfiguration(url: url.text, password: password))
        } catch {
            let source = url.node == nil ? " (from \(Self.storeURLVariable))" : ""
            reader.report(error.description + source, at: url.node, path: url.path)
            return .sqlite
        }
    }

    private func readPassword(_ file: String, node: Node) -> String? {
        do {
            return try String(contentsOfFile: resolve(file), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            reader.report("cannot be read: \(error.localizedDescription)", at: node, path: "store.passwordFile")
            return nil
        }
    }
}
