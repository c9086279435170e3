// Migration v2 (issue 7, "nothing lost, nothing doubled"): the installation id that reply
// Message-IDs carry, the SMTP envelope stored with each outbox entry, and the index the daily
// limit per sender counts with.
extension LedgerMigrations {
    static let v2Recovery = [
        // One row, written once when the ledger is created (or upgraded): a ledger started afresh
        // gets a new id, so its replies never share a Message-ID with drafts of an older one.
        """
        CREATE TABLE installation (
            id         TEXT PRIMARY KEY NOT NULL,
            created_at TEXT NOT NULL
        )
        """,
        """
        INSERT INTO installation (id, created_at)
        VALUES (lower(hex(randomblob(5))), strftime('%Y-%m-%d %H:%M:%f', 'now'))
        """,
        // MAIL FROM and RCPT TO (one per line), decided when the reply was enqueued.
        "ALTER TABLE outbox ADD COLUMN envelope_from TEXT",
        "ALTER TABLE outbox ADD COLUMN envelope_to TEXT",
        // The daily limit: requests opened by one sender on one day, counted without a scan.
        "CREATE INDEX request_by_requester ON request(lower(requester), opened_at)",
    ]
}
