import Foundation
import Intake
import Replies

/// The wording of observations from the repository's `Templates/` (as the shell gives it to the
/// `Inspector`), so engine tests read the same sentences an area gets.
enum ShippedWording {
    static let observations: ObservationWording = {
        let folder = RulesTests.packageRoot.appendingPathComponent("Templates")
        var files: [String: String] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            files[name] = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        // The shipped templates must parse; broken ones fail every engine test loudly.
        return try! ReplyTemplates(files: files).wording
    }()
}
