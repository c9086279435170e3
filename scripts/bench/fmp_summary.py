#!/usr/bin/env python3
"""fast-mail-parser (Python wheel around the Rust `mail-parser` crate) reading mail files the
way `ocm-intake mime --json` does: one JSON line per file with subject, from and every
attachment's name, type and decoded size. The throughput anchor of mime-vs-fmp.sh."""
import json
import sys

import fast_mail_parser

for path in sys.argv[1:]:
    with open(path, "rb") as f:
        data = f.read()
    try:
        mail = fast_mail_parser.parse_email(data)
        sender = mail.from_
        if sender is not None:
            sender = f"{sender.display_name} <{sender.address}>" if sender.display_name else sender.address
        print(json.dumps({
            "file": path, "subject": mail.subject, "from": sender,
            "attachments": [[a.filename, a.mimetype, len(a.content)] for a in mail.attachments],
        }, ensure_ascii=False))
    except Exception as error:  # a mail it cannot read still gets its line
        print(json.dumps({"file": path, "error": str(error)}))
