import CCurl

/// Sends mail through an SMTP submission server with libcurl: `smtps://` (implicit TLS) or
/// `smtp://` with STARTTLS required, SASL login, envelope from `from`/`to` (never from headers),
/// the message uploaded as is (CRLF; libcurl dot-stuffs). An actor on its own serial queue
/// because `curl_easy_perform` blocks; the handle is reused, so consecutive sends share one
/// connection.
public actor SMTPSender: MailSender {
    public nonisolated let name: String
    private let clientName: String
    private let easy: CurlEasy
    private let server: MailServerURL.Server
    private let executor: SerialQueueExecutor
    private let configuration: MailServerConfiguration

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// `clientName` is the EHLO argument (the URL path, else "localhost").
    public init(configuration: MailServerConfiguration) throws(MailSendError) {
        guard case .smtp(let server, let clientName) = configuration.url else {
            throw MailSendError(server: "\(configuration.url)", reason: .configuration("not an smtp:// or smtps:// URL"))
        }
        name = server.base
        self.server = server
        self.clientName = clientName ?? "localhost"
        self.configuration = configuration
        executor = SerialQueueExecutor(label: "smtp \(server.base)")
        do {
            easy = try CurlEasy(maxBodyBytes: 1024 * 1024)
            try easy.configure(for: configuration, server: server)
        } catch {
            throw MailSendError(server: server.base, reason: .transfer(error))
        }
    }

    /// Connects, says EHLO, upgrades to TLS and logs in, then stops (CURLOPT_CONNECT_ONLY): what
    /// `check-config --connect` needs to know about the server without sending anything.
    public func verify() throws(MailSendError) {
        do {
            let probe = try CurlEasy(maxBodyBytes: 64 * 1024)
            try probe.configure(for: configuration, server: server)
            try probe.set(CURLOPT_URL, server.base + "/" + clientName)
            try probe.set(CURLOPT_CONNECT_ONLY, 1)
            _ = try probe.perform()
        } catch {
            throw MailSendError(server: name, reason: .transfer(error))
        }
    }

    public func send(_ raw: [UInt8], from: String, to: [String]) throws(MailSendError) {
        let sender: EnvelopeAddress
        let recipients: [EnvelopeAddress]
        do {
            sender = try EnvelopeAddress(from)
            recipients = try to.map { (text) throws(EnvelopeAddress.Problem) in try EnvelopeAddress(text) }
        } catch {
            throw MailSendError(server: name, reason: .invalidAddress(excerpt: error.excerpt, problem: error.problem))
        }
        guard !recipients.isEmpty else { throw MailSendError(server: name, reason: .noRecipients) }
        guard !raw.isEmpty else { throw MailSendError(server: name, reason: .emptyMessage) }
        do {
            try easy.set(CURLOPT_URL, server.base + "/" + clientName)
            try easy.set(CURLOPT_MAIL_FROM, "<\(sender.address)>")
            try easy.set(CURLOPT_MAIL_RCPT, list: recipients.map { "<\($0.address)>" })
            // All or nothing (no ALLOWFAILS): one refused recipient refuses the whole send.
            defer { try? easy.set(CURLOPT_MAIL_RCPT, list: nil) }
            _ = try easy.perform(upload: raw)
        } catch {
            // CurlError.uploadFinished tells a message fully handed over from one cut short.
            throw MailSendError(server: name, reason: .transfer(error))
        }
    }
}
