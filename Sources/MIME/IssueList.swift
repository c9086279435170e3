/// Issue kinds in order of first occurrence, each once (a hostile header must not grow the list).
struct IssueList {
    var kinds: [MIMEWarning.Kind] = []

    mutating func note(_ kind: MIMEWarning.Kind) {
        if !kinds.contains(kind) { kinds.append(kind) }
    }

    mutating func note(_ more: [MIMEWarning.Kind]) {
        for kind in more { note(kind) }
    }
}
