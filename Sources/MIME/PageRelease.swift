#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Hands the pages of a decoded part's raw bytes back to the kernel while the rest of the
/// message is still being parsed, so a large attachment's base64 and its decoded bytes are not
/// resident together (issue 11: peak memory near one message, not two).
///
/// Only for the array `MessageParser.parse(releasing:)` owns alone: a released page reads as
/// zeros afterwards. Only whole pages inside the range are released, so the bytes of the
/// neighbouring header and parts on a shared page stay as they were.
struct PageRelease {
    /// Address of element 0 of the owned array, and its length.
    let base: UnsafeRawPointer
    let count: Int
    /// Below this a part is decoded in one go and nothing is released: not worth a system call.
    static let minimum = 1 << 20
    /// Raw bytes decoded per slice of a large part (then released).
    static let slice = 1 << 20

    /// nil when the array is too small to be worth releasing from.
    init?(_ owned: [UInt8]) {
        guard owned.count >= Self.minimum,
              let base = owned.withUnsafeBufferPointer({ $0.baseAddress.map(UnsafeRawPointer.init) }) else { return nil }
        (self.base, self.count) = (base, owned.count)
    }

    /// True when `bytes` is the owned array itself (a nested message decoded from base64 is
    /// another array, whose ranges must not be released through this one).
    func owns(_ bytes: [UInt8]) -> Bool {
        bytes.count == count && bytes.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) == base }
    }

    /// Releases the whole pages inside `range` of the owned array.
    func release(_ range: Range<Int>) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = Int(bitPattern: base) + max(range.lowerBound, 0)
        let end = Int(bitPattern: base) + min(range.upperBound, count)
        let first = (start + page - 1) / page * page, last = end / page * page
        guard last > first, let pointer = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(pointer, last - first, Int32(MADV_DONTNEED))
    }
}
