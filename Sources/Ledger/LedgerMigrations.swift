// The schema, as SQL a person can read with `sqlite3`. Migrations only ever get appended: a shipped
// migration is never edited, so every ledger in the field reaches the same schema.
import GRDB

enum LedgerMigrations {
    /// Every migration in the order it ships; a new one is appended here, never inserted.
    static let all: [(name: String, statements: [String])] = [
        ("v1: mailboxes, messages, requests, outbox, audit", v1),
        ("v2: installation, outbox envelope", v2Recovery),
        ("v2-followup: sessions, steps, results", v2Followup),
        // When the mail reached OCM (IMAP INTERNALDATE, Maildir file time): the request day and
        // the backlog cut, instead of the sender's Date header. NULL for rows fetched before.
        ("v2-arrival: message.arrived_at", ["ALTER TABLE message ADD COLUMN arrived_at TEXT"]),
    ]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in all {
            migrator.registerMigration(migration.name) { db in
                for statement in migration.statements {
                    try db.execute(sql: statement)
                }
            }
        }
        // Issue 9 (engine): the request state `requiere_revision`. SQLite cannot alter a CHECK, so
        // the request table is rebuilt from its own stored definition (columns other migrations
        // added come along), with foreign keys checked at the end (GRDB's deferred checks).
        migrator.registerMigration("v2-requiere-revision") { db in
            try LedgerMigrations.addRequestState(db, "requiere_revision", after: "viable")
        }
        migrator.registerMigration("v2-attempts") { db in try db.execute(sql: Ledger.v2Attempts) }
        migrator.registerMigration(outboxPurposeMigration) { db in try LedgerMigrations.addOutboxPurpose(db) }
        // Issue 7: a mail over `max_message_bytes` is stored as its header only; the row says so
        // (and the size the server gave), so a drain after a crash decides "too large" as the fetch did.
        migrator.registerMigration("v2-header-only") { db in
            try db.execute(sql: "ALTER TABLE message ADD COLUMN header_only INTEGER NOT NULL DEFAULT 0")
            try db.execute(sql: "ALTER TABLE message ADD COLUMN server_size INTEGER")
        }
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

    /// After approval (5.2.5–5.2.15): the training calendar, the request's later steps (question
    /// bank, secure delivery) and the provider's results.
    static let v2Followup = [
        // One session per request (a move updates it and raises `sequence`, as the .ics does).
        // `exception`: the directors' agreed exception when the session breaks an ANS rule.
        """
        CREATE TABLE session (
            request       TEXT PRIMARY KEY NOT NULL REFERENCES request(id),
            date          TEXT NOT NULL,
            start_minutes INTEGER NOT NULL,
            hours         REAL NOT NULL CHECK (hours > 0),
            audience      TEXT NOT NULL,
            place         TEXT NOT NULL,
            status        TEXT NOT NULL CHECK (status IN ('confirmada', 'impartida', 'cancelada')),
            sequence      INTEGER NOT NULL DEFAULT 0,
            moved_from    TEXT,
            exception     TEXT,
            created_at    TEXT NOT NULL,
            updated_at    TEXT NOT NULL
        )
        """,
        "CREATE INDEX session_by_date ON session(date)",
        // Steps 5.2.7–5.2.11 seen in mail: one row per (request, step), the first evidence kept.
        """
        CREATE TABLE request_step (
            request  TEXT NOT NULL REFERENCES request(id),
            step     TEXT NOT NULL,
            day      TEXT NOT NULL,
            evidence TEXT,
            PRIMARY KEY (request, step)
        )
        """,
        // One imported results file (5.2.13): counts only, no names (nothing personal is kept).
        """
        CREATE TABLE result_import (
            id            INTEGER PRIMARY KEY AUTOINCREMENT,
            request       TEXT NOT NULL REFERENCES request(id),
            source        TEXT NOT NULL CHECK (source IN ('misional', 'replica')),
            file_name     TEXT NOT NULL,
            file_sha256   TEXT NOT NULL,
            participants  INTEGER NOT NULL,
            evaluated     INTEGER NOT NULL,
            passed        INTEGER NOT NULL,
            passing_score REAL NOT NULL,
            day           TEXT NOT NULL,
            imported_at   TEXT NOT NULL,
            UNIQUE (request, file_sha256)
        )
        """,
        "CREATE INDEX result_by_request ON result_import(request)",
        // 5.2.15: a request whose effectiveness called for a reinforcement, and the new request
        // (kind refuerzo, opened from the area's mail as any other, 5.2.2) that answers it.
        """
        CREATE TABLE reinforcement (
            parent    TEXT PRIMARY KEY NOT NULL REFERENCES request(id),
            child     TEXT NOT NULL UNIQUE REFERENCES request(id),
            linked_at TEXT NOT NULL,
            CHECK (parent != child)
        )
        """,
    ]
}

