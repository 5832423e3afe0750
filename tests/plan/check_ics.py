#!/usr/bin/env python3
"""check_ics.py - parse an iCalendar file back and check it (RFC 5545).

usage: check_ics.py FILE            check a file ("-" = standard input)
       check_ics.py -- BIN ARGS...  run the command and check its stdout

Checks: every line ends in CRLF; no line is longer than 75 octets; after
unfolding (CRLF + space/tab), BEGIN/END are balanced and properly nested;
VCALENDAR has VERSION:2.0, PRODID and CALSCALE:GREGORIAN and at least one
VEVENT; each VEVENT has one UID (unique in the file), DTSTAMP,
DTSTART;VALUE=DATE and DTEND;VALUE=DATE with DTEND after DTSTART, and a
SUMMARY; TEXT values use only the escapes \\\\ \\; \\, \\n; DTSTART dates
never decrease from one event to the next. Exit 0 when all hold.
"""
import datetime
import re
import subprocess
import sys


def fail(msg):
    print("check_ics: " + msg, file=sys.stderr)
    sys.exit(1)


def read_input(argv):
    if len(argv) >= 2 and argv[1] == "--":
        p = subprocess.run(argv[2:], stdout=subprocess.PIPE, env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin"})
        if p.returncode != 0:
            fail("command failed with exit code %d: %s" % (p.returncode, " ".join(argv[2:])))
        return p.stdout
    if len(argv) != 2:
        fail("usage: check_ics.py FILE | -- BIN ARGS...")
    if argv[1] == "-":
        return sys.stdin.buffer.read()
    with open(argv[1], "rb") as f:
        return f.read()


def physical_lines(data):
    if not data.endswith(b"\r\n"):
        fail("the file does not end with CRLF")
    lines = data[:-2].split(b"\r\n")
    for n, line in enumerate(lines, 1):
        if b"\n" in line or b"\r" in line:
            fail("line %d: a bare CR or LF (lines must end in CRLF)" % n)
        if len(line) > 75:
            fail("line %d: %d octets, more than 75" % (n, len(line)))
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            fail("line %d: not UTF-8 (a fold split a character?)" % n)
    return lines


def unfold(lines):
    out = []
    for line in lines:
        if line[:1] in (b" ", b"\t"):
            if not out:
                fail("the first line is a continuation line")
            out[-1] += line[1:]
        else:
            out.append(line)
    return [l.decode("utf-8") for l in out]


def parse(line):
    m = re.match(r"^([A-Za-z0-9-]+)((?:;[^:]*)?):(.*)$", line)
    if not m:
        fail("not a content line: %r" % line)
    return m.group(1).upper(), m.group(2), m.group(3)


def check_text(name, value):
    i = 0
    while i < len(value):
        c = value[i]
        if c == "\\":
            if i + 1 >= len(value) or value[i + 1] not in "\\;,nN":
                fail("%s: bad escape in %r" % (name, value))
            i += 2
            continue
        if c in ";,":
            fail("%s: unescaped %r in %r" % (name, c, value))
        i += 1


def date(value, what):
    try:
        return datetime.datetime.strptime(value, "%Y%m%d").date()
    except ValueError:
        fail("%s: not a DATE: %r" % (what, value))


def main():
    lines = unfold(physical_lines(read_input(sys.argv)))
    stack, events, cal = [], [], {}
    cur = None
    for line in lines:
        name, params, value = parse(line)
        if name == "BEGIN":
            stack.append(value)
            if value == "VEVENT":
                if stack != ["VCALENDAR", "VEVENT"]:
                    fail("VEVENT outside VCALENDAR")
                cur = {}
            elif value != "VCALENDAR" or len(stack) != 1:
                fail("unexpected BEGIN:%s" % value)
            continue
        if name == "END":
            if not stack or stack[-1] != value:
                fail("END:%s does not close %s" % (value, stack[-1] if stack else "anything"))
            stack.pop()
            if value == "VEVENT":
                events.append(cur)
                cur = None
            continue
        if not stack:
            fail("%s outside VCALENDAR" % name)
        target = cur if cur is not None else cal
        if name in target and name not in ("ATTENDEE", "COMMENT"):
            fail("%s given twice" % name)
        target[name] = (params, value)
        if name in ("SUMMARY", "DESCRIPTION", "X-WR-CALNAME"):
            check_text(name, value)
    if stack:
        fail("unclosed %s" % stack[-1])
    if cal.get("VERSION", (None, None))[1] != "2.0":
        fail("VCALENDAR needs VERSION:2.0")
    if "PRODID" not in cal:
        fail("VCALENDAR needs PRODID")
    if cal.get("CALSCALE", (None, None))[1] != "GREGORIAN":
        fail("VCALENDAR needs CALSCALE:GREGORIAN")
    if not events:
        fail("no VEVENT")
    uids, last = set(), None
    for n, ev in enumerate(events, 1):
        for prop in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            if prop not in ev:
                fail("event %d has no %s" % (n, prop))
        uid = ev["UID"][1]
        if uid in uids:
            fail("event %d: UID %s is not unique" % (n, uid))
        uids.add(uid)
        if not re.match(r"^\d{8}T\d{6}Z$", ev["DTSTAMP"][1]):
            fail("event %d: DTSTAMP %r is not a UTC date-time" % (n, ev["DTSTAMP"][1]))
        for prop in ("DTSTART", "DTEND"):
            if ev[prop][0].upper() != ";VALUE=DATE":
                fail("event %d: %s must be ;VALUE=DATE" % (n, prop))
        start = date(ev["DTSTART"][1], "DTSTART")
        end = date(ev["DTEND"][1], "DTEND")
        if end <= start:
            fail("event %d: DTEND %s is not after DTSTART %s" % (n, end, start))
        if last is not None and start < last:
            fail("event %d: DTSTART %s is before the previous event's %s" % (n, start, last))
        last = start
    print("ok: %d events" % len(events))


if __name__ == "__main__":
    main()
