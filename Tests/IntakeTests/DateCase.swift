/// A row of the date tables: a text, the date expected in it (nil: none), and the row's line
/// so a failure points at its row.
struct DateCase {
    var text: String
    var expected: (Int, Int, Int)?
    var line: UInt

    init(text: String, expected: (Int, Int, Int)?, line: UInt = #line) {
        (self.text, self.expected, self.line) = (text, expected, line)
    }
}
