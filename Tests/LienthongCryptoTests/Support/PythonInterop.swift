import Foundation

/// Runs the Python helpers in `Tests/LienthongCryptoTests/Interop/` (`python3 <script> <in> <out>`),
/// passing JSON through temporary files.
///
/// Python and its modules are required, not optional: when they are missing the test fails with
/// the command that installs them.
enum PythonInterop {
    static let installHint = "run `pip install joserfc cryptography` (CI installs them)"

    /// Where the helper scripts live: read from the source tree, not bundled as resources.
    static let scriptsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Interop")

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `script` with `input` and returns the JSON object it wrote.
    static func run(_ script: String, input: [String: Any]) throws -> [String: Any] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lienthong-interop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let inputURL = directory.appendingPathComponent("input.json")
        let outputURL = directory.appendingPathComponent("output.json")
        let errorURL = directory.appendingPathComponent("stderr.txt")
        try JSONSerialization.data(withJSONObject: input).write(to: inputURL)
        guard FileManager.default.createFile(atPath: errorURL.path, contents: nil) else {
            throw Failure(description: "cannot create \(errorURL.path)")
        }
        let errorHandle = try FileHandle(forWritingTo: errorURL)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scriptsDirectory.appendingPathComponent(script).path, inputURL.path, outputURL.path]
        var environment = ProcessInfo.processInfo.environment
        // No __pycache__ next to the scripts: the source tree stays clean.
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errorHandle
        do { try process.run() } catch {
            throw Failure(description: "cannot start /usr/bin/env python3 (\(error)); install Python 3 and \(installHint)")
        }
        process.waitUntilExit()
        try errorHandle.close()
        let stderr = (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""

        switch process.terminationStatus {
        case 0:
            break
        case 3:
            throw Failure(description: "Python modules are missing: \(stderr.trimmingCharacters(in: .whitespacesAndNewlines)); \(installHint)")
        case 127:
            throw Failure(description: "python3 was not found on PATH; install Python 3 and \(installHint)")
        default:
            throw Failure(description: "\(script) exited with status \(process.terminationStatus): \(stderr)")
        }
        let output = try Data(contentsOf: outputURL)
        guard let object = try JSONSerialization.jsonObject(with: output) as? [String: Any] else {
            throw Failure(description: "\(script) did not write a JSON object")
        }
        return object
    }
}
