#!/usr/bin/env python3
"""same_scores.py BIN A B - the two resumes (the same resume in two
formats) must give the same skills, credentials, role fits and entry
path. Compares `skillgap analyze --format json` of both."""
import json
import subprocess
import sys


def report(binary, path):
    out = subprocess.run([binary, "analyze", "--as-of", "2026-11-27", "--format", "json", path],
                         check=True, capture_output=True, text=True).stdout
    r = json.loads(out)
    return {
        "skills": sorted(s["id"] for s in r["skills_found"]),
        "credentials": sorted(c["id"] for c in r["credentials_found"]),
        "fits": [(x["id"], x["fit"], x["required_coverage"]) for x in r["roles"]],
        "path": r["entry_path"]["id"],
        "years": r["experience"]["years"],
    }


def main():
    binary, a, b = sys.argv[1:4]
    ra, rb = report(binary, a), report(binary, b)
    ok = True
    for key in ra:
        if ra[key] != rb[key]:
            ok = False
            print(f"{key} differ:\n  {a}: {ra[key]}\n  {b}: {rb[key]}", file=sys.stderr)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
