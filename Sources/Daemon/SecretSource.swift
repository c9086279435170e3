import Foundation
import Intake
import Yams

/// Where a password or token comes from: a file (systemd `LoadCredential=` puts it under
/// `$CREDENTIALS_DIRECTORY`) or an environment variable; never the config file itself. A secret
/// file others can read is refused, as ssh does with keys.
enum SecretSource {
    struct Context {
        var environment: [String: String]
        /// false: the key must be there and well formed, but the secret is not read.
        var read: Bool
    }

    static func resolve(_ m: [String: Node], _ r: YAMLNodeReader, base: URL, secrets: Context) throws(ConfigError) -> String? {
        let environment = secrets.environment
        if !secrets.read {
            _ = try m["secret_file"].map { n throws(ConfigError) in try r.string(n, key: "secret_file") }
            _ = try m["secret_env"].map { n throws(ConfigError) in try r.string(n, key: "secret_env") }
            return nil
        }
        if let fileNode = m["secret_file"] {
            var path = try r.string(fileNode, key: "secret_file")
            if let credentials = environment["CREDENTIALS_DIRECTORY"], !path.hasPrefix("/") {
                path = credentials + "/" + path
            } else if !path.hasPrefix("/") {
                path = base.appendingPathComponent(path).standardizedFileURL.path
            }
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  let data = FileManager.default.contents(atPath: path) else {
                throw .invalidValue(file: r.file, line: r.line(fileNode), key: "secret_file", message: "\(path) cannot be read")
            }
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
            // Group access counts too: a secret shared with a group (0640, 0660) is not secret.
            if mode & 0o077 != 0 {
                throw .invalidValue(file: r.file, line: r.line(fileNode), key: "secret_file",
                                    message: "\(path) is readable by others or its group (mode \(String(mode, radix: 8))); chmod 600 it")
            }
            return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if let envNode = m["secret_env"] {
            let name = try r.string(envNode, key: "secret_env")
            guard let value = environment[name], !value.isEmpty else {
                throw .invalidValue(file: r.file, line: r.line(envNode), key: "secret_env", message: "environment variable \(name) is not set")
            }
            return value
        }
        return nil
    }
}
