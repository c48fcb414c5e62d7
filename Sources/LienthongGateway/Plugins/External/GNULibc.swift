#if canImport(Glibc)
import Glibc

/// glibc functions that Swift's Glibc module hides (they are declared only with `_GNU_SOURCE`),
/// looked up once at run time with dlsym and called through C function pointers.
enum GNULibc {
    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32

    private static let addChdir: AddChdir? = dlsym(nil, "posix_spawn_file_actions_addchdir_np").map {
        unsafeBitCast($0, to: AddChdir.self)
    }
    private static let pipeWithFlags: Pipe2? = dlsym(nil, "pipe2").map { unsafeBitCast($0, to: Pipe2.self) }

    /// `posix_spawn_file_actions_addchdir_np` (glibc 2.29): the child changes directory before exec.
    static func addChdir(_ actions: inout posix_spawn_file_actions_t, _ path: String) -> Int32 {
        guard let addChdir else { return ENOSYS }
        return addChdir(&actions, path)
    }

    /// `pipe2(fds, O_CLOEXEC)`: both ends close-on-exec from the start, so a process spawned by
    /// another thread at the same moment cannot inherit them.
    static func closeOnExecPipe(_ ends: inout [Int32]) -> Int32 {
        guard let pipeWithFlags else { return -1 }
        return ends.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return -1 }
            return pipeWithFlags(base, O_CLOEXEC)
        }
    }
}
#endif
