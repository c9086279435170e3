#!/usr/bin/env python3
"""Reference reading of mail files by Python's standard `email` package (policy default).

Prints one JSON object per file: decoded subject, first From address, and every leaf part that
carries a filename as [filename, content type, decoded byte count]. The differential test
(Tests/MIMETests/DifferentialTests.swift) compares ocm-intake's MIME parser against it.
"""
import email
import email.policy
import json
import sys


def safe(fn):
    try:
        return fn()
    except Exception:  # hostile input: the reference has no opinion
        return None


def first_address(msg):
    header = msg.get("from")
    if header is None:
        return None
    addresses = getattr(header, "addresses", ())
    for a in addresses:
        if a.addr_spec and a.addr_spec != "<>":
            return a.addr_spec
    return None


def parts(msg):
    out = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        name = safe(part.get_filename)
        if not name:
            continue
        payload = safe(lambda: part.get_payload(decode=True))
        size = len(payload) if isinstance(payload, (bytes, bytearray)) else 0
        out.append([name, part.get_content_type(), size])
    return out


def summarise(path):
    # message_from_bytes, not message_from_binary_file: the latter reads through a text
    # wrapper with universal newlines, turning CRLF into LF inside decoded text parts.
    with open(path, "rb") as f:
        msg = email.message_from_bytes(f.read(), policy=email.policy.default)
    subject = safe(lambda: msg["subject"])
    return {
        "file": path,
        "subject": None if subject is None else str(subject),
        "from": safe(lambda: first_address(msg)),
        "parts": safe(lambda: parts(msg)),
    }


def main(paths):
    for path in paths:
        try:
            row = summarise(path)
        except Exception as error:
            row = {"file": path, "error": repr(error)}
        print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
