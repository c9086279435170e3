import Foundation
import Intake

/// Finds and loads what OCM edits — `rules.yaml` and `holidays.yaml` — for the offline
/// commands. Looked up in `--config-dir`, then `$OCM_INTAKE_CONFIG_DIR`, then `./config`, then
/// `/etc/ocm-intake`. A missing or broken file is a configuration error (exit 2) naming the file.
struct ProcedureFiles {
    let directory: URL

    static func locate(_ explicit: String?) throws -> ProcedureFiles {
        var candidates: [String] = []
        if let explicit { candidates.append(explicit) }
        if let env = ProcessInfo.processInfo.environment["OCM_INTAKE_CONFIG_DIR"], !env.isEmpty { candidates.append(env) }
        if explicit == nil { candidates += ["config", "/etc/ocm-intake"] }
        for path in candidates {
            let url = URL(fileURLWithPath: path)
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("rules.yaml").path) {
                return ProcedureFiles(directory: url)
            }
        }
        throw ConfigurationFailure("no rules.yaml found in \(candidates.joined(separator: ", ")) (use --config-dir DIR)")
    }

    func rules() throws -> Rules {
        let (text, name) = try read("rules.yaml", required: true)
        do { return try Rules(yaml: text ?? "", file: name) } catch { throw ConfigurationFailure(error.description) }
    }

    func calendar() throws -> BusinessCalendar {
        let (text, name) = try read("holidays.yaml", required: false)
        guard let text else { return BusinessCalendar() }
        do { return BusinessCalendar(overrides: try HolidayOverrides(yaml: text, file: name)) } catch {
            throw ConfigurationFailure(error.description)
        }
    }

    private func read(_ file: String, required: Bool) throws -> (String?, String) {
        let url = directory.appendingPathComponent(file)
        let name = url.relativePath
        guard FileManager.default.fileExists(atPath: url.path) else {
            if required { throw ConfigurationFailure("\(name): no such file") }
            return (nil, name)
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ConfigurationFailure("\(name): cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationFailure("\(name): is not UTF-8 text")
        }
        return (text, name)
    }
}

/// A configuration problem already phrased for the admin: printed as is, exit code 2.
struct ConfigurationFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
