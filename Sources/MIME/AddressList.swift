/// Parses address-list headers (`From`, `To`, `Cc`, `Reply-To`, `Sender`) tolerantly: quoted and
/// encoded display names, comments, groups, bare addresses, and the usual client mistakes.
public enum AddressList {
    public static func parse(_ raw: [UInt8]) -> (entries: [AddressListEntry], issues: [MIMEWarning.Kind]) {
        var issues = IssueList()
        let lexemes = tokenize(raw, &issues)
        var entries: [AddressListEntry] = []
        var p = 0
        while p < lexemes.count {
            // QUIRK: people used to Outlook type `;` between addresses; it separates like `,`.
            if isSpecial(lexemes[p], ",") || isSpecial(lexemes[p], ";") { p += 1; continue }
            if let colon = groupColon(lexemes, from: p) {
                let name = phrase(lexemes[p..<colon], &issues)
                var members: [Mailbox] = []
                p = colon + 1
                while p < lexemes.count, !isSpecial(lexemes[p], ";") {
                    if isSpecial(lexemes[p], ",") { p += 1; continue }
                    let end = elementEnd(lexemes, from: p)
                    if let m = mailbox(lexemes[p..<end], &issues) { members.append(m) }
                    p = end
                }
                p += 1
                entries.append(.group(name: name, members: members))
                continue
            }
            var end = elementEnd(lexemes, from: p)
            // QUIRK: Outlook writes `Pérez, Ana <ana@x>` without quotes; a piece without `@` or `<`
            // followed by one with `<` is one display name.
            if !contains(lexemes[p..<end], "@"), !contains(lexemes[p..<end], "<"), end < lexemes.count,
               isSpecial(lexemes[end], ",") {
                let next = elementEnd(lexemes, from: end + 1)
                if contains(lexemes[(end + 1)..<next], "<") { end = next }
            }
            if let m = mailbox(lexemes[p..<end], &issues) { entries.append(.mailbox(m)) }
            p = end
        }
        return (entries, issues.kinds)
    }

    static func isSpecial(_ lexeme: Lexeme, _ c: Unicode.Scalar) -> Bool {
        lexeme.token == .special(UInt8(ascii: c))
    }

    static func contains(_ lexemes: ArraySlice<Lexeme>, _ c: Unicode.Scalar) -> Bool {
        lexemes.contains { isSpecial($0, c) }
    }

    /// The `:` of `name: members;` when it comes before any `<`, `@`, `,` or `;`.
    static func groupColon(_ lexemes: [Lexeme], from p: Int) -> Int? {
        var q = p
        while q < lexemes.count {
            if case .special(let s) = lexemes[q].token, s != UInt8(ascii: ".") {
                return s == UInt8(ascii: ":") && q > p ? q : nil
            }
            q += 1
        }
        return nil
    }

    /// Index after one element: at a `,` or `;` outside `<…>`. Inside `<…>` a comma belongs to an
    /// obsolete route (`<@a,@b:x@y>`) only before the route's `:`; otherwise the `>` is missing.
    static func elementEnd(_ lexemes: [Lexeme], from p: Int) -> Int {
        var q = p
        var inAngle = false
        var inRoute = false
        while q < lexemes.count {
            if case .special(let s) = lexemes[q].token {
                switch s {
                case UInt8(ascii: "<"):
                    inAngle = true
                    inRoute = q + 1 < lexemes.count && isSpecial(lexemes[q + 1], "@")
                case UInt8(ascii: ">"): inAngle = false
                case UInt8(ascii: ":") where inRoute: inRoute = false
                case UInt8(ascii: ","), UInt8(ascii: ";"):
                    if !inAngle || !inRoute { return q }
                default: break
                }
            }
            q += 1
        }
        return q
    }
}
