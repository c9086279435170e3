// ocm-intake-bench: timing figures for the closing notes (not a test). Run in release:
//   swift run -c release ocm-intake-bench inspect FILE... [--iterations N]
//   swift run -c release ocm-intake-bench parse DIR [--iterations N]
import Foundation
import Intake
import MIME

func milliseconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}

func mailFiles(_ paths: [String]) -> [URL] {
    var files: [URL] = []
    for path in paths {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
        if !isDirectory.boolValue { files.append(URL(fileURLWithPath: path)); continue }
        let walker = FileManager.default.enumerator(at: URL(fileURLWithPath: path), includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            if ["eml", "msg"].contains(url.pathExtension) { files.append(url) }
        }
    }
    return files
}

var arguments = Array(CommandLine.arguments.dropFirst())
var iterations = 20
if let index = arguments.firstIndex(of: "--iterations"), index + 1 < arguments.count {
    iterations = Int(arguments[index + 1]) ?? 20
    arguments.removeSubrange(index...(index + 1))
}
guard let mode = arguments.first else {
    print("usage: ocm-intake-bench inspect FILE... | parse DIR... [--iterations N]")
    exit(2)
}
let files = mailFiles(Array(arguments.dropFirst()))
let mails = files.map { [UInt8]((try? Data(contentsOf: $0)) ?? Data()) }
let totalBytes = mails.reduce(0) { $0 + $1.count }

switch mode {
case "parse":
    var best = Double.infinity
    for _ in 0..<iterations {
        best = min(best, milliseconds { for mail in mails { _ = MessageParser.parse(mail).bodyText } })
    }
    print(String(format: "parse: %d files, %.1f KB, best of %d: %.2f ms for all (%.3f ms/file)",
                 mails.count, Double(totalBytes) / 1024, iterations, best, best / Double(max(mails.count, 1))))
case "inspect":
    let rulesText = (try? String(contentsOfFile: "config/rules.yaml", encoding: .utf8)) ?? ""
    guard let rules = try? Rules(yaml: rulesText, file: "config/rules.yaml") else {
        print("run from the package root (config/rules.yaml)")
        exit(2)
    }
    let inspector = Inspector(rules: rules, calendar: BusinessCalendar())
    for (file, mail) in zip(files, mails) {
        var samples: [Double] = []
        var attachments = 0
        for _ in 0..<iterations {
            samples.append(milliseconds {
                attachments = inspector.inspect(MessageParser.parse(mail), file: file.lastPathComponent, now: nil).attachments.count
            })
        }
        samples.sort()
        print(String(format: "inspect %@: %.0f KB, %d attachments: median %.2f ms, best %.2f ms, worst %.2f ms (%d runs)",
                     file.lastPathComponent, Double(mail.count) / 1024, attachments, samples[samples.count / 2],
                     samples[0], samples[samples.count - 1], iterations))
    }
default:
    print("unknown mode \(mode)")
    exit(2)
}
