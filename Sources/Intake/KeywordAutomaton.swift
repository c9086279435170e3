/// Aho–Corasick over bytes: every occurrence of a set of byte strings in one pass over a text,
/// one table lookup per byte. `KeywordMatcher` builds one from its keys so a forwarded thread of
/// megabytes is read once per matcher instead of once per keyword.
struct KeywordAutomaton: Sendable {
    /// `next[state << 8 | byte]`: the complete transition table (failure links folded in); an
    /// entry is negative (`~state`) when patterns end in the target state, so the scan tests
    /// outputs only there.
    private let next: [Int32]
    /// Patterns ending at state `s`: `outputList[outputStart[s]..<outputStart[s + 1]]`
    /// (empty for most states).
    private let outputStart: [Int32]
    private let outputList: [Int32]
    /// Length of each pattern.
    let lengths: [Int]

    init(_ patterns: [[UInt8]]) {
        // Speed: one flat table of 256 entries per state (an array per state cost most of start-up).
        var trie = [Int32](repeating: -1, count: 256)
        var ends: [[Int32]] = [[]]
        for (index, pattern) in patterns.enumerated() {
            var state = 0
            for byte in pattern {
                if trie[state << 8 | Int(byte)] < 0 {
                    trie[state << 8 | Int(byte)] = Int32(ends.count)
                    trie.append(contentsOf: repeatElement(-1, count: 256))
                    ends.append([])
                }
                state = Int(trie[state << 8 | Int(byte)])
            }
            ends[state].append(Int32(index))
        }
        // Breadth first: a state's failure target is complete before the state is.
        var table = [Int32](repeating: 0, count: ends.count << 8)
        var failure = [Int](repeating: 0, count: ends.count)
        var queue: [Int] = []
        for byte in 0..<256 where trie[byte] > 0 {
            table[byte] = trie[byte]
            queue.append(Int(trie[byte]))
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            ends[state] += ends[failure[state]]
            for byte in 0..<256 {
                let child = trie[state << 8 | byte]
                let fallback = table[failure[state] << 8 | byte]
                if child < 0 {
                    table[state << 8 | byte] = fallback
                } else {
                    table[state << 8 | byte] = child
                    failure[Int(child)] = Int(fallback)
                    queue.append(Int(child))
                }
            }
        }
        let hasOutput = ends.map { !$0.isEmpty }
        next = table.map { hasOutput[Int($0)] ? ~$0 : $0 }
        outputStart = ends.reduce(into: [0]) { $0.append($0.last! + Int32($1.count)) }
        outputList = ends.flatMap { $0 }
        lengths = patterns.map(\.count)
    }

    /// Calls `found(pattern, start)` for every occurrence, in order of their ends.
    func scan(_ text: UnsafeBufferPointer<UInt8>, _ found: (Int, Int) -> Void) {
        next.withUnsafeBufferPointer { table in
            var state = 0
            for i in 0..<text.count {
                let entry = table[state << 8 | Int(text[i])]
                guard entry < 0 else {
                    state = Int(entry)
                    continue
                }
                state = Int(~entry)
                for k in Int(outputStart[state])..<Int(outputStart[state + 1]) {
                    let pattern = Int(outputList[k])
                    found(pattern, i + 1 - lengths[pattern])
                }
            }
        }
    }

    /// Which patterns occur at least once.
    func occurring(in text: UnsafeBufferPointer<UInt8>) -> [Bool] {
        var seen = [Bool](repeating: false, count: lengths.count)
        scan(text) { pattern, _ in seen[pattern] = true }
        return seen
    }
}
