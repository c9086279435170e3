import XCTest
@testable import OCMIntakeCLI

/// `mime`'s own reading of its plain arguments must give the command ArgumentParser gives, and
/// leave every other spelling (help, options, `--`, no file) to ArgumentParser.
final class MimeArgumentsTests: XCTestCase {
    func testPlainArgumentsGiveWhatArgumentParserGives() throws {
        let cases: [[String]] = [
            ["mime", "a.eml"], ["mime", "--json", "a.eml"], ["mime", "a.eml", "--json", "b c.eml"],
            ["mime", "/tmp/x/mail0001.eml", "relative/ñandú.eml", "mime", "json"],
            ["mime"] + (0..<300).map { "mail\($0).eml" } + ["--json"],
        ]
        for arguments in cases {
            let fast = try XCTUnwrap(MimeCommand.plainInvocation(arguments), "\(arguments.prefix(4))")
            let generic = try XCTUnwrap(OCMIntake.parseAsRoot(arguments) as? MimeCommand)
            XCTAssertEqual(fast.files, generic.files)
            XCTAssertEqual(fast.json, generic.json)
        }
    }

    func testEverythingElseIsLeftToArgumentParser() {
        let declined: [[String]] = [
            [], ["mime"], ["mime", "--json"], ["mime", "--help"], ["mime", "-h"], ["mime", "help"],
            ["mime", "--", "-odd.eml"], ["mime", "--json", "--json", "a.eml"], ["mime", "--jsn", "a.eml"],
            ["mime", "", "a.eml"], ["inspect", "a.eml"], ["--json", "mime", "a.eml"], ["help", "mime"],
        ]
        for arguments in declined {
            XCTAssertNil(MimeCommand.plainInvocation(arguments), "\(arguments)")
        }
    }
}
