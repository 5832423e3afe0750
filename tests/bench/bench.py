#!/usr/bin/env python3
"""bench.py - the batch-scoring benchmark (not a timed test).

Input: the sample resumes (samples/*.txt, samples/batch/*.txt) and the rules.
Output: resumes/s and MB/s of `skillgap score` per format (txt, docx, json),
peak RSS, the -j2/-j1 ratio, and the grep floor (`grep -c -i -w -F -f TERMS`
over the same txt corpus, TERMS = every literal term in rules/skills.json and
rules/credentials.json) with the ratio between the two. Every number is the
median of --runs runs; the -j2/-j1 ratio is the median of --runs rounds that
each time -j1 and then -j2, back to back.

The corpus is deterministic (seeded RNG): each resume is a sample with its
lines shuffled inside sections, skills swapped, the name, email and dates
changed, padded to about 5 KB. .docx files are written with zipfile (no
python-docx): [Content_Types].xml, _rels/.rels and word/document.xml with
w:p/w:r/w:t paragraphs, Heading1 on heading lines. JSON files are JSON Resume.

Usage: tests/bench/bench.py [--bin build/skillgap] [-n 10000] [--runs 5]
                            [--dir /tmp/skillgap-bench] [--rss-100k]
Only the python3 standard library is used.
"""
import argparse
import glob
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
import zipfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ROLE = "healthcare-nlp-engineer"
TARGET_BYTES = 5000

FIRST = ["Ava", "Ben", "Chen", "Dana", "Eli", "Fatima", "Gus", "Hana", "Ivan", "Jade", "Kofi",
         "Lena", "Mateo", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tara", "Uma", "Vik"]
LAST = ["Abbott", "Baptiste", "Castillo", "Dubois", "Eze", "Fischer", "Gupta", "Haddad", "Ito",
        "Jensen", "Kowalski", "Lindqvist", "Mensah", "Nakamura", "Okafor", "Petrov", "Quispe"]
HEADINGS = re.compile(r"^(?:[A-Z][A-Z &/-]{2,}|(?:[A-Z] ){3,}[A-Z])$")
YEAR = re.compile(r"\b(19[89]\d|20[0-2]\d)\b")


def load_samples():
    paths = sorted(glob.glob(os.path.join(ROOT, "samples", "*.txt")))
    paths += sorted(p for p in glob.glob(os.path.join(ROOT, "samples", "batch", "*.txt"))
                    if not p.endswith(("empty.txt", "corrupt.txt")))
    out = []
    for p in paths:
        with open(p, encoding="utf-8", errors="replace") as f:
            text = f.read().replace("\r\n", "\n").lstrip("\ufeff")
        out.append(text.split("\n"))
    return out


def load_terms():
    terms = []
    for name, key in (("skills.json", "skills"), ("credentials.json", "credentials")):
        with open(os.path.join(ROOT, "rules", name), encoding="utf-8") as f:
            for s in json.load(f)[key]:
                terms.extend(s.get("terms", []))
    return terms


def sections(lines):
    """[(heading or None, [lines])] in order."""
    out = [(None, [])]
    for ln in lines:
        if HEADINGS.match(ln.strip()):
            out.append((ln.strip(), []))
        else:
            out[-1][1].append(ln)
    return out


def make_resume(rng, samples, terms):
    base = rng.choice(samples)
    secs = sections(base)
    name = "%s %s" % (rng.choice(FIRST), rng.choice(LAST))
    shift = rng.randint(-4, 2)
    out = []
    head = secs[0][1]
    out.append(name)
    out.append("%s.%s%d@example.com | (555) 555-%04d" % (name.split()[0].lower(), name.split()[1].lower(),
                                                         rng.randint(1, 99), rng.randint(0, 9999)))
    out.extend(head[2:])
    for heading, body in secs[1:]:
        body = list(body)
        # shuffle bullet lines, keep others in place
        idx = [i for i, ln in enumerate(body) if ln.startswith(("- ", "* ", "\u2022"))]
        moved = [body[i] for i in idx]
        rng.shuffle(moved)
        for i, ln in zip(idx, moved):
            body[i] = ln
        out.append(heading)
        out.extend(body)
    text = "\n".join(out)
    text = YEAR.sub(lambda m: str(min(2025, int(m.group(1)) + shift)), text)
    # swap a few skills
    for _ in range(3):
        a, b = rng.choice(terms), rng.choice(terms)
        text = text.replace(a, b, 1)
    # pad to about 5 KB with lines of other samples
    extra = []
    while len(text) + sum(len(x) + 1 for x in extra) < TARGET_BYTES:
        other = rng.choice(samples)
        extra.append(rng.choice(other) or "- Collaborated with clinicians on model evaluation.")
    if extra:
        text += "\n\nPROJECTS\n" + "\n".join(extra)
    return text[:TARGET_BYTES + 400] + "\n"


def to_json(text):
    secs = sections(text.split("\n"))
    head = [ln for ln in secs[0][1] if ln.strip()]
    name = head[0] if head else ""
    doc = {"basics": {"name": name, "email": "", "summary": ""}, "work": [], "education": [],
           "skills": [], "projects": []}
    m = re.search(r"[\w.]+@example\.com", text)
    if m:
        doc["basics"]["email"] = m.group(0)
    for heading, body in secs[1:]:
        lines = [ln.strip() for ln in body if ln.strip()]
        h = heading.replace(" ", "").upper()
        if h.startswith("SUMMARY") or h.startswith("PROFILE"):
            doc["basics"]["summary"] = " ".join(lines)
        elif "EXPERIENCE" in h or h == "WORK":
            cur = None
            for raw in body:
                ln = raw.strip()
                if not ln:
                    continue
                if ln.startswith(("-", "*", "\u2022")) and cur is not None:
                    cur["highlights"].append(ln.lstrip("-*\u2022 "))
                elif raw[:1].isspace() and cur is not None and cur["highlights"]:
                    # an indented line continues the bullet above it
                    cur["highlights"][-1] += " " + ln
                else:
                    # "Title, Employer, Place 2019 - 2023": the position, then the employer
                    years = YEAR.findall(ln)
                    position, _, employer = ln.partition(", ")
                    cur = {"position": position, "highlights": []}
                    if employer:
                        cur["name"] = employer
                    if years:
                        cur["startDate"] = years[0] + "-01"
                        if len(years) > 1:
                            cur["endDate"] = years[1] + "-12"
                    doc["work"].append(cur)
        elif "EDUCATION" in h:
            doc["education"].append({"institution": " ".join(lines)})
        elif "SKILL" in h:
            doc["skills"].append({"name": "Skills", "keywords": lines})
        else:
            doc["projects"].append({"name": heading.title(), "highlights": lines})
    return json.dumps(doc, ensure_ascii=False)


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/'
                 'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>')


def to_docx(text, path):
    paras = []
    for ln in text.split("\n"):
        if HEADINGS.match(ln.strip()):
            paras.append('<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>%s</w:t></w:r></w:p>'
                         % xml_escape(ln.strip()))
        else:
            paras.append('<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % xml_escape(ln))
    body = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            + "".join(paras) + "</w:body></w:document>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
                           ("word/document.xml", body)):
            zi = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


def generate(dirpath, n, seed=4):
    """Write n resumes per format; returns {fmt: (list file, total bytes)}."""
    stamp = os.path.join(dirpath, "corpus-v3-%d-%d.done" % (n, seed))
    lists = {f: os.path.join(dirpath, "%s.list" % f) for f in ("txt", "docx", "json")}
    if not os.path.exists(stamp):
        shutil.rmtree(dirpath, ignore_errors=True)
        samples, terms = load_samples(), load_terms()
        rng = random.Random(seed)
        for f in lists:
            os.makedirs(os.path.join(dirpath, f), exist_ok=True)
        with open(lists["txt"], "w") as lt, open(lists["docx"], "w") as ld, open(lists["json"], "w") as lj:
            for i in range(n):
                text = make_resume(rng, samples, terms)
                sub = "%03d" % (i // 1000)
                for f in lists:
                    os.makedirs(os.path.join(dirpath, f, sub), exist_ok=True)
                p = os.path.join(dirpath, "txt", sub, "r%06d.txt" % i)
                with open(p, "w", encoding="utf-8") as fh:
                    fh.write(text)
                lt.write(p + "\n")
                p = os.path.join(dirpath, "json", sub, "r%06d.json" % i)
                with open(p, "w", encoding="utf-8") as fh:
                    fh.write(to_json(text))
                lj.write(p + "\n")
                p = os.path.join(dirpath, "docx", sub, "r%06d.docx" % i)
                to_docx(text, p)
                ld.write(p + "\n")
        with open(os.path.join(dirpath, "terms.txt"), "w", encoding="utf-8") as fh:
            fh.write("\n".join(sorted(set(t for t in terms if t.strip()))) + "\n")
        open(stamp, "w").close()
    out = {}
    for f, lp in lists.items():
        with open(lp) as fh:
            total = sum(os.path.getsize(p.rstrip("\n")) for p in fh)
        out[f] = (lp, total)
    return out


def run(cmd, stdin=None):
    """(seconds, peak RSS KiB of this child) for one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    with open(stdin, "rb") if stdin else open(os.devnull, "rb") as fin:
        p = subprocess.run(cmd, stdin=fin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    secs = time.perf_counter() - t0
    if p.returncode not in (0, 1):
        sys.exit("bench: %s failed (%d): %s" % (" ".join(cmd), p.returncode, p.stderr.decode()[:500]))
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return secs, after if after > before else None


def rss_of(cmd, stdin=None):
    """Peak RSS (KiB) of one run, with /usr/bin/time -v when available."""
    if shutil.which("time") or os.path.exists("/usr/bin/time"):
        with open(stdin, "rb") if stdin else open(os.devnull, "rb") as fin:
            p = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdin=fin, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
        m = re.search(rb"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
        if m:
            return int(m.group(1))
    return run(cmd, stdin)[1] or 0


def median_time(cmd, runs, stdin=None):
    return statistics.median(run(cmd, stdin)[0] for _ in range(runs))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "skillgap"))
    ap.add_argument("-n", type=int, default=10000, help="resumes per format (default 10000)")
    ap.add_argument("--runs", type=int, default=5, help="runs per measurement; medians are printed")
    ap.add_argument("--dir", default="/tmp/skillgap-bench", help="where the corpus is written")
    ap.add_argument("--rss-100k", action="store_true", help="also measure peak RSS at 100,000 inputs")
    ap.add_argument("--formats", default="txt,docx,json")
    a = ap.parse_args()

    if not os.access(a.bin, os.X_OK):
        sys.exit("bench: no executable '%s' (build first, or give --bin)" % a.bin)
    corpus = generate(a.dir, a.n)
    out = os.path.join(a.dir, "out.csv")
    print("skillgap bench: %d resumes per format, median of %d runs, %s" % (a.n, a.runs, a.bin))
    print("%-6s %10s %12s %9s %12s" % ("format", "resumes/s", "MB/s", "avg KB", "peak RSS MiB"))
    res = {}
    for f in a.formats.split(","):
        lp, total = corpus[f]
        cmd = [a.bin, "score", "--role", ROLE, "-j1", "--format", "csv", "-o", out, "--files-from", lp]
        secs = median_time(cmd, a.runs)
        rss = rss_of(cmd)
        res[f] = secs
        print("%-6s %10.0f %12.1f %9.1f %12.1f" % (f, a.n / secs, total / secs / 1e6, total / a.n / 1e3,
                                                  rss / 1024.0))
    if "txt" in res:
        lp, total = corpus["txt"]
        cmd1 = [a.bin, "score", "--role", ROLE, "-j1", "--format", "csv", "-o", out, "--files-from", lp]
        cmd2 = [a.bin, "score", "--role", ROLE, "-j2", "--format", "csv", "-o", out, "--files-from", lp]
        # -j1 and -j2 in turns, so the ratio is not skewed by the machine's drift
        # between measurements taken a minute apart (a shared machine drifts 5-10%)
        t1, t2 = [], []
        for _ in range(a.runs):
            t1.append(run(cmd1, None)[0])
            t2.append(run(cmd2, None)[0])
        s2 = statistics.median(t2)
        ratio = statistics.median(x / y for x, y in zip(t1, t2))
        print("txt -j2: %.0f resumes/s, %.2fx -j1 (median of %d rounds of -j1 then -j2)" % (a.n / s2, ratio, a.runs))
        with open(lp) as fh:
            files = [ln.rstrip("\n") for ln in fh]
        terms = os.path.join(a.dir, "terms.txt")
        # xargs so the grep floor also opens every file; LC_ALL=C like a byte scanner
        grep = ["sh", "-c", "LC_ALL=C xargs -a %s grep -c -i -w -F -f %s > /dev/null" % (lp, terms)]
        g = median_time(grep, a.runs)
        del files
        print("grep floor (grep -c -i -w -F -f TERMS, %s terms): %.0f resumes/s, %.1f MB/s" %
              (sum(1 for _ in open(terms)), a.n / g, total / g / 1e6))
        print("skillgap txt -j1 / grep floor throughput: %.2f%%" % (100.0 * g / res["txt"]))
    if a.rss_100k:
        lp = corpus["txt"][0]
        big = os.path.join(a.dir, "100k.list")
        with open(lp) as fh:
            files = [ln for ln in fh]
        with open(big, "w") as fh:
            for i in range(100000):
                fh.write(files[i % len(files)])
        cmd = [a.bin, "score", "--role", ROLE, "--format", "csv", "-o", out, "--files-from", big]
        t0 = time.perf_counter()
        rss = rss_of(cmd)
        print("100,000 inputs (paths repeat): peak RSS %.1f MiB, %.1f s" % (rss / 1024.0, time.perf_counter() - t0))


if __name__ == "__main__":
    main()
