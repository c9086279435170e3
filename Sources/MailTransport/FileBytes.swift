import Glibc

/// A whole file read straight into one array: `FileManager.contents` gives `Data`, and copying
/// it into the `[UInt8]` the parser takes held a 57 MB mail twice (issue 11, memory). Maildir
/// and the `inspect`/`mime` commands read mail files through it.
public enum FileBytes {
    /// The file's bytes; nil when it cannot be opened or read. Sized by `fstat`, then read to
    /// end of file, so a file that grows or reports no size (a pipe, `/dev/stdin`) is still read whole.
    public static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        let size = max(Int(info.st_size), 0)
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            initialized = 0
            guard let base = buffer.baseAddress else { return }
            while initialized < size {
                let n = Glibc.read(fd, base + initialized, size - initialized)
                if n < 0, errno == EINTR { continue }
                if n <= 0 { failed = n < 0; return }
                initialized += n
            }
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 65536) { chunk in
            while !failed {
                let n = Glibc.read(fd, chunk.baseAddress, chunk.count)
                if n < 0, errno == EINTR { continue }
                if n <= 0 { failed = n < 0; break }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[..<n]))
            }
        }
        return failed ? nil : bytes
    }
}
