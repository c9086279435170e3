import Foundation
import Intake
import MailTransport
import Yams

/// Reads `ocm-intake.yaml`. Keys (defaults in brackets):
/// - `mailboxes` (list, required): `role` (aseguramiento|formacion), `address`, `url`
///   (`imaps://host[:port]/INBOX`, `imap://…` with STARTTLS, or `maildir:PATH`), `login`,
///   `secret_file` (systemd LoadCredential path; refused when readable by others) or
///   `secret_env` (variable name), `auth` [plain|login|xoauth2], `ca_file`, `drafts_folder` [Drafts],
///   `oauth` (tokens from a client-credentials grant: DaemonConfiguration+OAuth.swift).
/// - `smtp`: `url` (`smtps://…` or `smtp://…` with STARTTLS), `login`, `secret_file`/`secret_env`,
///   `auth`, `ca_file`, `oauth`. Required when `review` is `queue` or `off`.
/// - `review` [drafts] · `poll_interval` seconds [60] · `ledger` [ledger.sqlite] · `templates`
///   [Templates] · `rules` [folder of this file] · `time_zone` [America/Bogota] · `hostname`
///   [ocm-intake.local] · `max_message_bytes` [26214400] · `max_replies_per_sender_per_day` [10]
///   · `batch_size` [1000] · `low_speed_limit` bytes/s [1024] and `low_speed_time` seconds [60]
///   (a slower transfer is aborted) · `transfer_timeout` seconds [300] plus
///   `transfer_timeout_per_mib` seconds [60] per MiB: the total limit of one transfer
///   · `message_time_limit` seconds [30] · `throttle_retries` [3], `throttle_backoff` seconds [2]
///   doubling up to `throttle_backoff_max` [30]: waits after an IMAP `[THROTTLED]`/`[UNAVAILABLE]`.
///   · `raw_retention_days` [180]: raw messages are then
///   dropped from the ledger (the mailbox keeps the original).
/// Secrets are never inline: a key named `password` or `secret` is an error.
extension DaemonConfiguration {
    static let topKeys = ["mailboxes", "smtp", "review", "poll_interval", "ledger", "templates", "rules", "time_zone",
                          "hostname", "max_message_bytes", "max_replies_per_sender_per_day", "batch_size",
                          "low_speed_limit", "low_speed_time", "transfer_timeout", "transfer_timeout_per_mib",
                          "message_time_limit", "throttle_retries", "throttle_backoff", "throttle_backoff_max",
                          "raw_retention_days"]
    static let serverKeys = ["role", "address", "url", "login", "secret_file", "secret_env", "auth", "ca_file", "drafts_folder", "oauth"]

    /// Loads and resolves the file at `path`; every problem names file, line and key.
    /// `readSecrets: false` validates where secrets come from without reading them: for the
    /// commands that only open the ledger (`status`, `requests`, `review`).
    public static func load(path: String, environment: [String: String] = ProcessInfo.processInfo.environment,
                            readSecrets: Bool = true) throws(ConfigError) -> DaemonConfiguration {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw .syntax(file: path, line: 1, message: FileManager.default.fileExists(atPath: path) ? "cannot be read as UTF-8 text" : "no such file")
        }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        return try parse(yaml: text, file: path, base: base, secrets: SecretSource.Context(environment: environment, read: readSecrets))
    }

    static func parse(yaml: String, file: String, base: URL, secrets: SecretSource.Context) throws(ConfigError) -> DaemonConfiguration {
        let r = YAMLNodeReader(file: file)
        guard let root = try r.root(of: yaml), !r.isNull(root) else { throw .missingKey(file: file, line: 1, key: "mailboxes") }
        let top = try r.mapping(root, key: "(document)", allowed: topKeys)
        func absolute(_ key: String, _ fallback: String) throws(ConfigError) -> String {
            let value = try top[key].map { n throws(ConfigError) in try r.string(n, key: key) } ?? fallback
            return value.hasPrefix("/") ? value : base.appendingPathComponent(value).standardizedFileURL.path
        }
        func integer(_ key: String, _ fallback: Int, _ range: ClosedRange<Int>) throws(ConfigError) -> Int {
            try top[key].map { n throws(ConfigError) in try r.int(n, key: key, range: range) } ?? fallback
        }
        let maxBytes = try integer("max_message_bytes", 25 * 1024 * 1024, 1024...(1 << 30))
        var mailboxes: [MailboxEntry] = []
        let mailboxesNode = try r.required(top, "mailboxes", in: root)
        for node in try r.sequence(mailboxesNode, key: "mailboxes") {
            mailboxes.append(try mailbox(node, r, base: base, secrets: secrets, maxBytes: maxBytes))
        }
        if mailboxes.isEmpty {
            throw .invalidValue(file: file, line: r.line(mailboxesNode), key: "mailboxes", message: "lists no mailbox")
        }
        var seen: Set<String> = []
        for (entry, node) in zip(mailboxes, try r.sequence(mailboxesNode, key: "mailboxes")) where !seen.insert(entry.role).inserted {
            throw .invalidValue(file: file, line: r.line(node), key: "role", message: "'\(entry.role)' appears twice")
        }
        var smtp = try top["smtp"].map { n throws(ConfigError) in try server(n, r, key: "smtp", base: base, secrets: secrets, maxBytes: maxBytes) }
        let timing = TransferTiming(lowSpeedLimit: try integer("low_speed_limit", 1024, 1...(1 << 30)),
                                    lowSpeedTime: try integer("low_speed_time", 60, 1...86_400),
                                    timeout: try integer("transfer_timeout", 300, 1...86_400),
                                    timeoutPerMiB: try integer("transfer_timeout_per_mib", 60, 0...86_400))
        for index in mailboxes.indices { timing.apply(to: &mailboxes[index].server) }
        if smtp != nil { timing.apply(to: &smtp!) }
        // "Not now" answers of an IMAP server (Exchange's [THROTTLED]): ThrottleBackoff (issue 10).
        let backoff = ThrottleBackoff(retries: try integer("throttle_retries", 3, 0...10),
                                      initial: .seconds(try integer("throttle_backoff", 2, 1...600)),
                                      maximum: .seconds(try integer("throttle_backoff_max", 30, 1...3_600)))
        for index in mailboxes.indices { mailboxes[index].server.throttleBackoff = backoff }
        let reviewNode = top["review"]
        let reviewText = try reviewNode.map { n throws(ConfigError) in try r.string(n, key: "review") } ?? "drafts"
        guard let review = ReviewMode(rawValue: reviewText) else {
            throw .invalidValue(file: file, line: reviewNode.map(r.line) ?? 1, key: "review", message: "must be drafts, queue or off")
        }
        if review != .drafts, smtp == nil {
            throw .missingKey(file: file, line: reviewNode.map(r.line) ?? 1, key: "smtp")
        }
        let zoneName = try top["time_zone"].map { n throws(ConfigError) in try r.string(n, key: "time_zone") } ?? "America/Bogota"
        guard let zone = TimeZone(identifier: zoneName) else {
            throw .invalidValue(file: file, line: top["time_zone"].map(r.line) ?? 1, key: "time_zone", message: "'\(zoneName)' is not a time zone")
        }
        var configuration = DaemonConfiguration(
            file: file, mailboxes: mailboxes, smtp: smtp, review: review,
            pollInterval: .seconds(try integer("poll_interval", 60, 1...86_400)),
            ledgerPath: try absolute("ledger", "ledger.sqlite"), templatesDirectory: try absolute("templates", "Templates"),
            rulesDirectory: try absolute("rules", "."), timeZone: zone,
            hostname: try top["hostname"].map { n throws(ConfigError) in try r.string(n, key: "hostname") } ?? "ocm-intake.local",
            maxMessageBytes: maxBytes,
            maxRepliesPerSenderPerDay: try integer("max_replies_per_sender_per_day", 10, 1...10_000),
            batchSize: try integer("batch_size", 1000, 1...10_000))
        configuration.messageTimeLimit = .seconds(try integer("message_time_limit", 30, 1...3_600))
        configuration.rawRetentionDays = try integer("raw_retention_days", 180, 1...36_500)
        return configuration
    }

    static func mailbox(_ node: Node, _ r: YAMLNodeReader, base: URL, secrets: SecretSource.Context, maxBytes: Int) throws(ConfigError) -> MailboxEntry {
        let m = try r.mapping(node, key: "mailboxes", allowed: serverKeys)
        let roleNode = try r.required(m, "role", in: node)
        let role = try r.string(roleNode, key: "role")
        guard ["aseguramiento", "formacion"].contains(role) else {
            throw .invalidValue(file: r.file, line: r.line(roleNode), key: "role", message: "must be aseguramiento or formacion")
        }
        let addressNode = try r.required(m, "address", in: node)
        let address = try r.string(addressNode, key: "address").lowercased()
        guard address.split(separator: "@").count == 2 else {
            throw .invalidValue(file: r.file, line: r.line(addressNode), key: "address", message: "'\(address)' is not an address")
        }
        var server = try server(node, r, key: "mailboxes", base: base, secrets: secrets, maxBytes: maxBytes)
        // No drafts_folder: the server's SPECIAL-USE \Drafts ("Borradores"), else "Drafts" (README).
        server.draftsFromSpecialUse = m["drafts_folder"] == nil
        if case .smtp = server.url {
            throw .invalidValue(file: r.file, line: r.line(try r.required(m, "url", in: node)), key: "url", message: "a mailbox needs imaps://, imap:// or maildir:")
        }
        let drafts = try m["drafts_folder"].map { n throws(ConfigError) in try r.string(n, key: "drafts_folder") } ?? "Drafts"
        // A NUL, CR or LF in a folder name would end or split the IMAP command.
        if let n = m["drafts_folder"], !drafts.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) {
            throw .invalidValue(file: r.file, line: r.line(n), key: "drafts_folder", message: "control characters (NUL, CR, LF) are not allowed")
        }
        return MailboxEntry(role: role, address: address, server: server, draftsFolder: drafts)
    }

    static func server(_ node: Node, _ r: YAMLNodeReader, key: String, base: URL, secrets: SecretSource.Context, maxBytes: Int) throws(ConfigError) -> MailServerConfiguration {
        let m = try r.mapping(node, key: key, allowed: key == "smtp" ? ["url", "login", "secret_file", "secret_env", "auth", "ca_file", "oauth"] : serverKeys)
        let urlNode = try r.required(m, "url", in: node)
        var text = try r.string(urlNode, key: "url")
        if text.hasPrefix("maildir:"), !text.hasPrefix("maildir:/") {
            text = "maildir:" + base.appendingPathComponent(String(text.dropFirst("maildir:".count))).standardizedFileURL.path
        }
        let url: MailServerURL
        do { url = try MailServerURL(parsing: text) } catch {
            throw .invalidValue(file: r.file, line: r.line(urlNode), key: "url", message: "\(error)")
        }
        var configuration = MailServerConfiguration(url: url)
        configuration.login = try m["login"].map { n throws(ConfigError) in try r.string(n, key: "login") }
        configuration.maxMessageBytes = maxBytes
        if let caNode = m["ca_file"] {
            let ca = try r.string(caNode, key: "ca_file")
            configuration.caFile = ca.hasPrefix("/") ? ca : base.appendingPathComponent(ca).standardizedFileURL.path
        }
        var mechanism: MailServerConfiguration.AuthMechanism?
        if let authNode = m["auth"] {
            let name = try r.string(authNode, key: "auth").uppercased()
            guard let parsed = MailServerConfiguration.AuthMechanism(rawValue: name) else {
                throw .invalidValue(file: r.file, line: r.line(authNode), key: "auth", message: "must be plain, login, xoauth2 or oauthbearer")
            }
            mechanism = parsed
        }
        configuration.mechanism = mechanism
        // `oauth:` (DaemonConfiguration+OAuth.swift): tokens from a client-credentials grant.
        if let oauth = try oauthSecret(m, r, mechanism: mechanism, entry: node, base: base, secrets: secrets) {
            configuration.secret = oauth
            return configuration
        }
        if let secret = try SecretSource.resolve(m, r, base: base, secrets: secrets) {
            let isToken = mechanism == .xoauth2 || mechanism == .oauthBearer
            configuration.secret = isToken ? .oauth2Token(secret) : .password(secret)
        }
        return configuration
    }
}
