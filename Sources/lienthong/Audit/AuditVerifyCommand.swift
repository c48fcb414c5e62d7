import ArgumentParser
import LienthongStore

/// `lienthong audit verify`: recomputes the whole chain and names the first broken record.
struct AuditVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute the audit trail's hash chain; exit 1 naming the first broken record.",
        discussion: """
            Prints "audit trail intact: N records", or reports "audit trail broken at record N: \
            reason" on standard error and exits 1. Deleting the newest records cannot be seen \
            from the file alone; compare N with a count kept elsewhere.
            """)

    @OptionGroup var data: AuditDataOptions

    func run() async throws {
        let store = try await data.openStore()
        let result: AuditVerification
        do {
            result = try await store.auditLog.verify()
        } catch {
            await store.close()
            throw CommandFailure("cannot verify the audit trail: \(error)")
        }
        await store.close()
        switch result {
        case .intact: print(result.description)
        case .broken: throw CommandFailure(result.description)
        }
    }
}
