import Foundation

/// One file of a scaffold: where it goes, what it holds, whether it is a program.
struct ScaffoldFile: Sendable {
    let path: String
    let contents: String
    var executable = false
}

/// Writes a scaffold's files, or none of them: every path is checked first, and an existing
/// file is never replaced (an operator's edits are never lost to a second `plugin new`).
enum ScaffoldWriter {
    static func write(_ files: [ScaffoldFile]) throws {
        let manager = FileManager.default
        let existing = files.map(\.path).filter { manager.fileExists(atPath: $0) }
        guard existing.isEmpty else {
            throw CommandFailure(
                "refusing to overwrite existing files (choose another --output or name, or move them away):\n"
                    + existing.map { "  \($0)" }.joined(separator: "\n"))
        }
        for file in files {
            let directory = URL(fileURLWithPath: file.path).deletingLastPathComponent().path
            do { try manager.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
                throw CommandFailure("cannot create the directory \(directory): \(error.localizedDescription)")
            }
            // withoutOverwriting: a file that appeared since the check above is still not replaced.
            do { try Data(file.contents.utf8).write(to: URL(fileURLWithPath: file.path), options: .withoutOverwriting) } catch {
                throw CommandFailure("cannot write \(file.path): \(error.localizedDescription)")
            }
            do {
                try manager.setAttributes([.posixPermissions: file.executable ? 0o755 : 0o644], ofItemAtPath: file.path)
            } catch {
                throw CommandFailure("cannot set the permissions of \(file.path): \(error.localizedDescription)")
            }
        }
    }
}
