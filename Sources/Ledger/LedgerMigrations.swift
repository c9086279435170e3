// The schema, as SQL a person can read with `sqlite3`. Migrations only ever get appended: a shipped
// migration is never edited, so every ledger in the field reaches the same schema.
import GRDB

enum LedgerMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: mailboxes, messages, requests, outbox, audit") { db in
            for statement in v1 {
                try db.execute(sql: statement)
            }
        }
        migrator.registerMigration("v2-attempts") { db in try db.execute(sql: Ledger.v2Attempts) }
        return migrator
    }

    /// Dates are GRDB's UTC text ("YYYY-MM-DD HH:MM:SS.SSS"), so they sort and compare as text.
    static let v1 = [
        // Where each mailbox stands. `baseline_uid`: UIDs up to it were there at first start (the
        // backlog, never answered). `baseline_at` outlives a UIDVALIDITY change, when UIDs no longer can.
        """
        CREATE TABLE mailbox (
            name            TEXT PRIMARY KEY NOT NULL,
            uid_validity    INTEGER NOT NULL,
            last_uid        INTEGER NOT NULL,
            baseline_uid    INTEGER NOT NULL,
            baseline_at     TEXT NOT NULL,
            last_poll_at    TEXT,
            last_success_at TEXT,
            last_error      TEXT,
            last_error_at   TEXT
        )
        """,
        // Every message fetched, one row per (mailbox, UIDVALIDITY, UID). `message_key` is the
        // Message-ID in angle brackets, or `sha256:` + hex of the header without trace fields.
        """
        CREATE TABLE message (
            id            INTEGER PRIMARY KEY AUTOINCREMENT,
            mailbox       TEXT NOT NULL REFERENCES mailbox(name),
            uid_validity  INTEGER NOT NULL,
            uid           INTEGER NOT NULL,
            message_key   TEXT NOT NULL,
            has_message_id INTEGER NOT NULL CHECK (has_message_id IN (0, 1)),
            duplicate_of  INTEGER REFERENCES message(id),
            state         TEXT NOT NULL
                          CHECK (state IN ('stored', 'parsed', 'linked', 'skipped', 'quarantined')),
            skip_reason   TEXT,
            error         TEXT,
            raw_size      INTEGER NOT NULL,
            recorded_at   TEXT NOT NULL,
            updated_at    TEXT NOT NULL,
            UNIQUE (mailbox, uid_validity, uid)
        )
        """,
        "CREATE INDEX message_by_key ON message(message_key)",
        "CREATE INDEX message_by_state ON message(state)",
        // The raw bytes, apart so that listing messages never reads them; written in the same
        // transaction as the row, before anything else is done with the message.
        """
        CREATE TABLE message_raw (
            message INTEGER PRIMARY KEY NOT NULL REFERENCES message(id),
            bytes   BLOB NOT NULL
        )
        """,
        // Requests, `OCM-YYYY-NNNN`: (year, number) is unique and numbers are allocated as
        // MAX + 1 inside the write transaction, so there are neither gaps nor duplicates.
        """
        CREATE TABLE request (
            id              TEXT PRIMARY KEY NOT NULL,
            year            INTEGER NOT NULL,
            number          INTEGER NOT NULL CHECK (number > 0),
            state           TEXT NOT NULL
                            CHECK (state IN ('recibida', 'en_revision', 'observaciones_enviadas',
                                             'viable', 'programada', 'impartida', 'cerrada')),
            origin_message  INTEGER NOT NULL REFERENCES message(id),
            area            TEXT,
            kind            TEXT,
            topic           TEXT,
            requester       TEXT,
            production_date TEXT,
            training_date   TEXT,
            verdict_json    TEXT,
            revision        INTEGER NOT NULL DEFAULT 0,
            opened_at       TEXT NOT NULL,
            updated_at      TEXT NOT NULL,
            UNIQUE (year, number)
        )
        """,
        "CREATE INDEX request_by_state ON request(state)",
        // Which messages make up a request: the one that opened it and the follow-ups that joined.
        """
        CREATE TABLE request_message (
            message   INTEGER PRIMARY KEY NOT NULL REFERENCES message(id),
            request   TEXT NOT NULL REFERENCES request(id),
            role      TEXT NOT NULL CHECK (role IN ('origin', 'follow_up')),
            linked_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX request_message_by_request ON request_message(request)",
        // Replies, recorded before delivery. One per (request, revision); the Message-ID is what
        // the daemon searches Drafts/Sent for when a delivery was interrupted.
        """
        CREATE TABLE outbox (
            id              INTEGER PRIMARY KEY AUTOINCREMENT,
            request         TEXT NOT NULL REFERENCES request(id),
            revision        INTEGER NOT NULL,
            target_kind     TEXT NOT NULL CHECK (target_kind IN ('drafts', 'smtp', 'maildir')),
            target_mailbox  TEXT NOT NULL,
            status          TEXT NOT NULL
                            CHECK (status IN ('pending', 'held', 'delivering', 'delivered',
                                              'failed', 'discarded')),
            attempts        INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT,
            last_error      TEXT,
            message_id      TEXT NOT NULL UNIQUE,
            raw             BLOB NOT NULL,
            created_at      TEXT NOT NULL,
            updated_at      TEXT NOT NULL,
            delivered_at    TEXT,
            UNIQUE (request, revision)
        )
        """,
        "CREATE INDEX outbox_due ON outbox(status, next_attempt_at)",
        // Every transition of every entity, appended in the transaction that makes it.
        """
        CREATE TABLE audit (
            id         INTEGER PRIMARY KEY AUTOINCREMENT,
            entity     TEXT NOT NULL CHECK (entity IN ('mailbox', 'message', 'request', 'outbox')),
            entity_id  TEXT NOT NULL,
            from_state TEXT,
            to_state   TEXT NOT NULL,
            reason     TEXT,
            at         TEXT NOT NULL
        )
        """,
        "CREATE INDEX audit_by_entity ON audit(entity, entity_id, id)",
    ]
}
