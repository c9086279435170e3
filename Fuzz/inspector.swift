import Foundation
import Intake
import MIME
import Replies

/// libFuzzer entry: any bytes as a whole mail through the whole `Inspector` (screening, request
/// reading with every attachment reader, the rules, the plan, the observations worded by the
/// templates) and the `inspect --json` encoding. The procedure is the shipped one
/// (`config/rules.yaml`, `Templates/`), read once from the repository this file sits in; the
/// clock is pinned so a finding replays the same way.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInspector(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    let message = MessageParser.parse(bytes)
    // Both ways to the request day: `--now`, and the mail's own Date (arrival when it has none).
    let inspection = ShippedProcedure.inspector.inspect(message, file: "fuzz.eml", now: count % 2 == 0 ? ShippedProcedure.now : nil,
                                                       arrival: ShippedProcedure.now)
    _ = try? JSONEncoder().encode(inspection)
    return 0
}

/// The shipped rules and reply templates, loaded once for every run.
enum ShippedProcedure {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let now = Date(timeIntervalSince1970: 1_780_326_000)  // 2026-06-01 10:00 Bogotá

    static let inspector: Inspector = {
        do {
            let text = try String(contentsOf: root.appendingPathComponent("config/rules.yaml"), encoding: .utf8)
            let rules = try Rules(yaml: text, file: "config/rules.yaml")
            let folder = root.appendingPathComponent("Templates")
            var files: [String: String] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                files[name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            }
            return Inspector(rules: rules, calendar: BusinessCalendar(), wording: try ReplyTemplates(files: files).wording)
        } catch {
            fatalError("fuzz inspector: the shipped rules or templates do not load: \(error)")
        }
    }()
}
