import ArgumentParser
import Foundation

struct SchemaBowtieCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bowtie",
        abstract: "Run as a Bowtie test harness (JSON lines on standard input and output).",
        discussion: """
            Speaks version 1 of Bowtie's harness protocol: 'start', 'dialect', 'run' and 'stop' \
            commands, one JSON object per line, so any JSON Schema test suite can be run against \
            Lienthong's validator without writing code.
            """)

    func run() throws {
        var harness = BowtieHarness()
        while let line = readLine(strippingNewline: true) {
            if line.allSatisfy(\.isWhitespace) { continue }
            let reply = harness.handle(line: line)
            if let response = reply.response {
                // Unbuffered: Bowtie waits for each line before sending the next command.
                FileHandle.standardOutput.write(Data((response + "\n").utf8))
            }
            if reply.stop { return }
        }
    }
}
