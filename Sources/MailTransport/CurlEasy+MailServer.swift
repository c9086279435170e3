import CCurl

extension CurlEasy {
    /// The options every IMAP and SMTP handle gets: TLS always (implicit, or STARTTLS that must
    /// succeed), peer and host verified, bounded waits, a forced SASL mechanism, credentials.
    func configure(for configuration: MailServerConfiguration, server: MailServerURL.Server) throws(CurlError) {
        try set(CURLOPT_PROTOCOLS_STR, server.scheme)
        // CURLUSESSL_TRY would continue in plaintext when STARTTLS is missing: never.
        try set(CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue))
        try set(CURLOPT_SSL_VERIFYPEER, 1)
        try set(CURLOPT_SSL_VERIFYHOST, 2)
        try set(CURLOPT_SSLVERSION, Int(CURL_SSLVERSION_TLSv1_2))
        if let caFile = configuration.caFile { try set(CURLOPT_CAINFO, caFile) }
        try set(CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(configuration.connectTimeout))
        try set(CURLOPT_SERVER_RESPONSE_TIMEOUT, max(1, Self.milliseconds(configuration.responseTimeout) / 1000))
        try set(CURLOPT_LOW_SPEED_LIMIT, configuration.lowSpeedBytesPerSecond)
        try set(CURLOPT_LOW_SPEED_TIME, max(1, Self.milliseconds(configuration.lowSpeedTime) / 1000))
        var limits = configuration.limits
        limits.lowSpeedBytesPerSecond = configuration.lowSpeedBytesPerSecond
        limits.lowSpeedTime = configuration.lowSpeedTime
        self.limits = limits
        if let login = configuration.login { try set(CURLOPT_USERNAME, login) }
        switch configuration.secret {
        case .password(let password)?:
            try set(CURLOPT_PASSWORD, password)
            try set(CURLOPT_LOGIN_OPTIONS, "AUTH=" + (configuration.mechanism ?? .plain).rawValue)
        case .oauth2Token(let token)?:
            try set(CURLOPT_XOAUTH2_BEARER, token)
            try set(CURLOPT_LOGIN_OPTIONS, "AUTH=" + (configuration.mechanism ?? .xoauth2).rawValue)
            try set(CURLOPT_SASL_IR, 1)
        case .oauth2(let client)?:
            try useOAuth(client, configuration: configuration, server: server)
        case nil:
            break
        }
        // QUIRK (libcurl 7.88.1, KNOWN_BUGS 3.1): libcurl's pingpong reader silently drops the middle of a response
        // line when one read brings more than half its buffer without a newline (16 KiB default):
        // a 49 KB `* SEARCH` line came back as 4.6 KB, still CRLF-terminated (measured against
        // Dovecot). 512 KiB (the maximum in 7.88.1) keeps every line this client provokes whole;
        // IMAPMailbox.uidsPerSearch bounds them far below half of it.
        try set(CURLOPT_BUFFERSIZE, Self.responseBufferBytes)
        if let trace = configuration.trace { try setTrace(trace) }
    }

    static let responseBufferBytes = 512 * 1024

    static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
