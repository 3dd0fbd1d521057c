#!/usr/bin/env python3
"""Reads every .ics file of a folder with Python's icalendar (a parser that is not ours)
and checks what calendars rely on: CRLF lines of at most 75 octets; METHOD REQUEST or
CANCEL (STATUS:CANCELLED exactly on a cancellation) or PUBLISH (a feed, with REFRESH-INTERVAL); per event UID, SEQUENCE, DTSTAMP
in UTC, DTSTART/DTEND (and RECURRENCE-ID) with a TZID the file defines, ORGANIZER, one
ATTENDEE per participant with CN, PARTSTAT and RSVP, SUMMARY; an RRULE's UNTIL in UTC;
no RDATE in a VTIMEZONE. Then each VTIMEZONE, read by dateutil as the file defines it (not
looked up by name), must give the offsets of Python's own zone database (zoneinfo) every
five hours for three years, on each side of every change, and at every occurrence of
every event's series.

An .eml file (a meeting e-mail as the SMTP server received it) is read with Python's own
e-mail parser: it must be multipart/mixed holding multipart/alternative (text/plain,
text/html, text/calendar with a method= parameter) and the same calendar attached as a
.ics file; METHOD in the file must equal that parameter, and the calendar gets every check
above. A .json file beside it (or beside an .ics file) lists what its events must say (method, UID, SEQUENCE,
start and end on the zone's clock, RECURRENCE-ID, STATUS, RRULE, EXDATE, organiser, each
attendee's PARTSTAT, summary, description, location).

Usage: check-ics.py FOLDER   (exit status 1 and a list of problems when any check fails)
"""
import email
import email.policy
import json
import datetime as dt
import pathlib
import sys
import zoneinfo

import icalendar
from dateutil import rrule

UTC = dt.timezone.utc
PARTSTATS = {"ACCEPTED", "DECLINED", "TENTATIVE", "NEEDS-ACTION"}
problems = []


def problem(path, text):
    problems.append(f"{path.name}: {text}")


def check_lines(path, raw):
    if b"\n" in raw.replace(b"\r\n", b""):
        problem(path, "a line ends without CR")
    for line in raw.split(b"\r\n"):
        if len(line) > 75:
            problem(path, f"a line of {len(line)} octets: {line[:40]!r}…")


def offset_in(tz, instant):
    return instant.astimezone(tz).utcoffset()


def changes(reference, start, end):
    """The instants (to the second) where the reference zone's offset changes."""
    found = []
    t = start
    while t < end:
        nxt = min(t + dt.timedelta(hours=6), end)
        if offset_in(reference, t) != offset_in(reference, nxt):
            lo, hi = t, nxt
            while (hi - lo) > dt.timedelta(seconds=1):
                mid = lo + (hi - lo) / 2
                mid = mid.replace(microsecond=0)
                if offset_in(reference, mid) == offset_in(reference, lo):
                    lo = mid
                else:
                    hi = mid
            found.append(hi)
        t = nxt
    return found


def check_zone(path, tzid, component, years):
    ours = component.to_tz(lookup_tzid=False)
    reference = zoneinfo.ZoneInfo(tzid)
    for year in years:
        start = dt.datetime(year, 1, 1, tzinfo=UTC)
        end = dt.datetime(year + 3, 1, 1, tzinfo=UTC)
        t = start
        while t < end:
            if offset_in(ours, t) != offset_in(reference, t):
                problem(path, f"{tzid} at {t}: {offset_in(ours, t)} by the file, {offset_in(reference, t)} by zoneinfo")
                return
            t += dt.timedelta(hours=5)
        for change in changes(reference, start, end):
            for s in (-1, 0, 1):
                at = change + dt.timedelta(seconds=s)
                if offset_in(ours, at) != offset_in(reference, at):
                    problem(path, f"{tzid} around its change at {change}: {offset_in(ours, at)} by the file, {offset_in(reference, at)} by zoneinfo")
                    return
    return ours, reference


def check_event(path, method, zones, event):
    for name in ("UID", "SEQUENCE", "DTSTAMP", "DTSTART", "DTEND", "STATUS", "ORGANIZER", "SUMMARY"):
        if name not in event:
            problem(path, f"an event without {name}")
            return
    stamp = event["DTSTAMP"].dt
    if stamp.tzinfo is None or stamp.utcoffset() != dt.timedelta(0):
        problem(path, "DTSTAMP is not in UTC")
    for name in ("DTSTART", "DTEND", "RECURRENCE-ID"):
        if name in event and event[name].params.get("TZID") not in zones:
            problem(path, f"{name} names no zone the file defines: {event[name].params.get('TZID')}")
    cancelled = str(event["STATUS"]) == "CANCELLED"
    # A feed (PUBLISH) keeps cancelled meetings, marked; an invitation's methods say it.
    if method != "PUBLISH" and cancelled != (method == "CANCEL"):
        problem(path, f"STATUS {event['STATUS']} in a {method}")
    attendees = event.get("ATTENDEE")
    attendees = attendees if isinstance(attendees, list) else [attendees] if attendees else []
    if not attendees:
        problem(path, "no ATTENDEE")
    for a in attendees:
        if a.params.get("PARTSTAT") not in PARTSTATS or a.params.get("RSVP") != "TRUE" or not a.params.get("CN"):
            problem(path, f"an ATTENDEE without CN, a PARTSTAT or RSVP=TRUE: {a.to_ical()!r}")
        if not str(a).startswith("mailto:"):
            problem(path, f"an ATTENDEE that is not a mailto address: {a}")
    if "RRULE" in event:
        until = event["RRULE"].get("UNTIL")
        if until and (until[0].tzinfo is None or until[0].utcoffset() != dt.timedelta(0)):
            problem(path, "an RRULE UNTIL that is not in UTC (RFC 5545 asks for UTC with a TZID start)")


def check_occurrences(path, event, ours, reference):
    """Each occurrence's wall-clock start has the same offset by the file as by zoneinfo."""
    start = event["DTSTART"].dt.replace(tzinfo=None)
    if "RRULE" in event:
        rule = rrule.rrulestr(event["RRULE"].to_ical().decode(), dtstart=start, ignoretz=True)
        starts = list(rule)
    else:
        starts = [start]
    for local in starts:
        if local.replace(tzinfo=ours).utcoffset() != local.replace(tzinfo=reference).utcoffset():
            problem(path, f"the occurrence at {local} ({event['UID']}) falls at another instant by the file than by zoneinfo")
    return len(starts)


def check_calendar(path, raw):
    """Every check of a calendar object; its parsed form, or None when unreadable."""
    check_lines(path, raw)
    cal = icalendar.Calendar.from_ical(raw)
    method = str(cal.get("METHOD", ""))
    if method not in ("REQUEST", "CANCEL", "PUBLISH"):
        problem(path, f"METHOD {method!r}")
    if method == "PUBLISH" and "REFRESH-INTERVAL" not in cal:
        problem(path, "a feed without REFRESH-INTERVAL")
    vtimezones = cal.walk("VTIMEZONE")
    zones = {str(z["TZID"]): z for z in vtimezones}
    if len(zones) != len(vtimezones):
        problem(path, "a zone defined twice")
    for z in vtimezones:
        if any("RDATE" in sub for sub in z.subcomponents):
            problem(path, f"{z['TZID']} uses RDATE")
    events = cal.walk("VEVENT")
    if not events:
        problem(path, "no VEVENT")
    for event in events:
        check_event(path, method, zones, event)
    years = sorted({e["DTSTART"].dt.year for e in events if "DTSTART" in e})
    occurrences = 0
    for tzid, component in zones.items():
        pair = check_zone(path, tzid, component, years[:1])
        if pair:
            for event in events:
                if event["DTSTART"].params.get("TZID") == tzid:
                    occurrences += check_occurrences(path, event, *pair)
    return cal, occurrences


def calendar_of_mail(path):
    """The calendar object a meeting e-mail carries, after checking how it carries it."""
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    if message.get_content_type() != "multipart/mixed":
        problem(path, f"the message is {message.get_content_type()}, not multipart/mixed")
        return None
    parts = list(message.iter_parts())
    alternative = next((p for p in parts if p.get_content_type() == "multipart/alternative"), None)
    if alternative is None:
        problem(path, "no multipart/alternative")
        return None
    kinds = [p.get_content_type() for p in alternative.iter_parts()]
    if kinds != ["text/plain", "text/html", "text/calendar"]:
        problem(path, f"the alternatives are {kinds}")
        return None
    inline = list(alternative.iter_parts())[2]
    attached = [p for p in parts if p.get_filename() and p.get_filename().endswith(".ics")]
    if len(attached) != 1 or attached[0].get_content_disposition() != "attachment":
        problem(path, "no .ics attachment")
        return None
    raw = inline.get_payload(decode=True)
    if attached[0].get_payload(decode=True) != raw:
        problem(path, "the attached .ics differs from the text/calendar part")
    method = inline.get_param("method")
    if attached[0].get_param("method") != method:
        problem(path, "the attachment's method differs from the part's")
    return message, method, raw


def check_expected(path, message, cal, expected):
    def same(what, found, wanted):
        if found != wanted:
            problem(path, f"{what}: {found!r}, expected {wanted!r}")

    same("METHOD", str(cal.get("METHOD")), expected["method"])
    if message is not None:
        same("To", message["To"].addresses[0].addr_spec, expected["to"])
    if "zones" in expected:
        same("VTIMEZONE", sorted(str(z["TZID"]) for z in cal.walk("VTIMEZONE")), expected["zones"])
    events = cal.walk("VEVENT")
    same("number of events", len(events), len(expected["events"]))
    for event, want in zip(events, expected["events"]):
        same("UID", str(event["UID"]), want["uid"])
        same("SEQUENCE", int(event["SEQUENCE"]), want["sequence"])
        for name in ("DTSTART", "DTEND", "RECURRENCE-ID"):
            key = name.lower().replace("-", "_")
            if name not in event:
                same(name, None, want.get(key))
                continue
            same(f"{name} TZID", event[name].params.get("TZID"), want["tzid"])
            same(name, event[name].dt.replace(tzinfo=None).isoformat(), want.get(key))
        same("STATUS", str(event["STATUS"]), want["status"])
        rule = event["RRULE"].to_ical().decode() if "RRULE" in event else None
        same("RRULE", rule, want["rrule"])
        exdates = event.get("EXDATE", [])
        exdates = exdates if isinstance(exdates, list) else [exdates]
        found = [d.dt.replace(tzinfo=None).isoformat() for x in exdates for d in x.dts]
        same("EXDATE", found, want["exdates"])
        same("ORGANIZER", str(event["ORGANIZER"]), expected["organizer"])
        attendees = event.get("ATTENDEE")
        attendees = attendees if isinstance(attendees, list) else [attendees]
        same("ATTENDEE", {str(a): a.params["PARTSTAT"] for a in attendees}, want["attendees"])
        if not str(event["SUMMARY"]).startswith(expected["summary_prefix"]):
            problem(path, f"SUMMARY {event['SUMMARY']!r} does not start {expected['summary_prefix']!r}")
        if expected["description_contains"] not in str(event["DESCRIPTION"]):
            problem(path, f"DESCRIPTION without {expected['description_contains']!r}")
        same("LOCATION", str(event["LOCATION"]), expected["location"])


def main(folder):
    files = sorted(pathlib.Path(folder).glob("*.ics")) + sorted(pathlib.Path(folder).glob("*.eml"))
    if not files:
        print(f"no .ics or .eml files in {folder}")
        return 1
    occurrences = 0
    for path in files:
        if path.suffix == ".ics":
            cal, n = check_calendar(path, path.read_bytes())
            occurrences += n
            expectations = path.with_suffix(".json")
            if expectations.exists():
                check_expected(path, None, cal, json.loads(expectations.read_text()))
            continue
        found = calendar_of_mail(path)
        if found is None:
            continue
        message, method, raw = found
        cal, n = check_calendar(path, raw)
        occurrences += n
        if str(cal.get("METHOD")) != method:
            problem(path, f"METHOD {cal.get('METHOD')} in a part of method={method}")
        expectations = path.with_suffix(".json")
        if expectations.exists():
            check_expected(path, message, cal, json.loads(expectations.read_text()))
        else:
            problem(path, "no .json of what it must say")
    for p in problems:
        print(p)
    print(f"checked {len(files)} files, {occurrences} occurrences: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
