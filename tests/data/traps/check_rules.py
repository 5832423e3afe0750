#!/usr/bin/env python3
"""Developer check for skillgap rule data (not used by the C build).

Validates rules/*.json structure, compiles every term/pattern with the real PCRE2
library (libpcre2-8 via ctypes, UTF+UCP) and runs tests/data/traps/traps.tsv with the
same hit/miss semantics as the C matcher (terms, patterns, sections, exclude overlap).

usage: check_rules.py [RULES_DIR] [TRAPS_TSV] [-v]
"""
import ctypes, ctypes.util, glob, json, os, re, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
RULES = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else os.path.join(HERE, "../../../rules")
TRAPS = sys.argv[2] if len(sys.argv) > 2 and not sys.argv[2].startswith("-") else os.path.join(HERE, "traps.tsv")
VERBOSE = "-v" in sys.argv
SECTIONS = {"summary", "experience", "education", "skills", "publications", "certifications", "projects", "awards",
            "volunteer", "languages", "interests", "references", "contact", "other"}

lib = ctypes.CDLL(ctypes.util.find_library("pcre2-8") or "libpcre2-8.so.0")
lib.pcre2_compile_8.restype = ctypes.c_void_p
lib.pcre2_compile_8.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint32, ctypes.POINTER(ctypes.c_int),
                                ctypes.POINTER(ctypes.c_size_t), ctypes.c_void_p]
lib.pcre2_match_data_create_from_pattern_8.restype = ctypes.c_void_p
lib.pcre2_match_data_create_from_pattern_8.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
lib.pcre2_match_8.restype = ctypes.c_int
lib.pcre2_match_8.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_size_t, ctypes.c_uint32,
                              ctypes.c_void_p, ctypes.c_void_p]
lib.pcre2_get_ovector_pointer_8.restype = ctypes.POINTER(ctypes.c_size_t)
lib.pcre2_get_ovector_pointer_8.argtypes = [ctypes.c_void_p]
lib.pcre2_get_error_message_8.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_size_t]
UTF, UCP, CASELESS = 0x00080000, 0x00020000, 0x00000008

errors = []
def err(msg): errors.append(msg)

class Rx:
    def __init__(self, pat, caseless=False, where=""):
        self.pat = pat
        b = pat.encode()
        ec, eo = ctypes.c_int(), ctypes.c_size_t()
        opts = UTF | UCP | (CASELESS if caseless else 0)
        self.code = lib.pcre2_compile_8(b, len(b), opts, ctypes.byref(ec), ctypes.byref(eo), None)
        if not self.code:
            buf = ctypes.create_string_buffer(256)
            lib.pcre2_get_error_message_8(ec.value, buf, 256)
            err(f"{where}: PCRE2 compile error at {eo.value}: {buf.value.decode()} in {pat!r}")
            return
        self.md = lib.pcre2_match_data_create_from_pattern_8(self.code, None)
    def spans(self, text):
        if not self.code: return []
        b = text.encode(); out = []; start = 0
        while start <= len(b):
            rc = lib.pcre2_match_8(self.code, b, len(b), start, 0, self.md, None)
            if rc < 0:
                if rc != -1: err(f"match error {rc} for {self.pat!r}")
                break
            ov = lib.pcre2_get_ovector_pointer_8(self.md)
            s, e = ov[0], ov[1]
            out.append((s, e))
            start = e if e > s else e + 1
        return out

def term_regex(t):
    body = ""
    for ch in t:
        if ch == " ": body += r"[\s-]+"
        elif ch == "-": body += r"[\s-]*"
        else: body += re.escape(ch) if not ch.isalnum() else ch
    return r"(?<![\p{L}\p{N}_])" + body + r"(?![\p{L}\p{N}_+#])"

def normalize(s):
    for d in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212": s = s.replace(d, "-")
    return s.replace("\u00ae", "").replace("\u2122", "").replace("\t", " ")

def load(p):
    with open(p, encoding="utf-8") as f: return json.load(f)

skills = load(os.path.join(RULES, "skills.json"))
creds = load(os.path.join(RULES, "credentials.json"))
paths = load(os.path.join(RULES, "paths.json"))
ucs = load(os.path.join(RULES, "usecases.json"))
roles = [load(p) for p in sorted(glob.glob(os.path.join(RULES, "roles", "*.json")))]

ID_RE = re.compile(r"^[a-z0-9-]+$")
cats = {c["id"] for c in skills["categories"]}
entries = {}
for kind, lst in (("skill", skills["skills"]), ("credential", creds["credentials"])):
    for e in lst:
        i = e["id"]
        if not ID_RE.match(i): err(f"bad id {i}")
        if i in entries: err(f"duplicate id {i}")
        entries[i] = (kind, e)
        if kind == "skill":
            if e["category"] not in cats: err(f"{i}: unknown category")
            if not (isinstance(e["effort_hours"], int) and 10 <= e["effort_hours"] <= 120): err(f"{i}: effort_hours")
            if not 1 <= len(e["resources"]) <= 3: err(f"{i}: resources count")
            for r in e["resources"]:
                if not r["url"].startswith("https://") or not r["title"]: err(f"{i}: resource {r}")
            if not e.get("project"): err(f"{i}: project")
        else:
            if e["group"] not in {"clinical", "him", "research", "business", "project", "security", "regulatory", "informatics"}:
                err(f"{i}: group")
        if not e["terms"] and not e["patterns"]: err(f"{i}: no terms or patterns")

# prerequisites: exist, are skills, acyclic
graph = {e["id"]: e["prerequisites"] for e in skills["skills"]}
for i, ps in graph.items():
    for p in ps:
        if p not in graph: err(f"{i}: unknown prerequisite {p}")
state = {}
def dfs(n, stack):
    state[n] = 1
    for p in graph.get(n, []):
        if state.get(p) == 1: err(f"prerequisite cycle: {' -> '.join(stack + [p])}")
        elif p in graph and not state.get(p): dfs(p, stack + [p])
    state[n] = 2
for n in graph:
    if not state.get(n): dfs(n, [n])

# compile matchers
compiled = {}
for i, (kind, e) in entries.items():
    ts = [(Rx(term_regex(t), True, f"{i} term {t!r}"), None) for t in e["terms"]]
    ps = []
    for p in e["patterns"]:
        pat, secs = (p, None) if isinstance(p, str) else (p["re"], p["sections"])
        if secs is not None:
            for s in secs:
                if s not in SECTIONS: err(f"{i}: unknown section {s}")
        if "(?i)" in pat[1:]: err(f"{i}: (?i) not at start in {pat!r}")
        ps.append((Rx(pat, False, f"{i} pattern"), secs))
    ex = []
    for x in e["exclude"]:
        if "(?i)" in x[1:]: err(f"{i}: (?i) not at start in exclude {x!r}")
        ex.append(Rx(x, False, f"{i} exclude"))
    compiled[i] = (ts + ps, ex)

def evidence(i, section, text):
    text = normalize(text)
    ms, ex = compiled[i]
    exs = [sp for x in ex for sp in x.spans(text)]
    hits = []
    for rx, secs in ms:
        if secs is not None and section not in secs: continue
        for s, e in rx.spans(text):
            if any(s < xe and xs < e for xs, xe in exs): continue
            hits.append((rx.pat, text.encode()[s:e].decode(errors="replace")))
    return hits

# roles
role_ids = {r["id"] for r in roles}
want = {"clinical-ai-engineer", "medical-ai-research-scientist", "healthcare-nlp-engineer", "ai-product-manager-healthcare"}
if role_ids != want: err(f"role ids {role_ids}")
for r in roles:
    nreq = sum(1 for s in r["skills"] if s["level"] == "required")
    npref = sum(1 for s in r["skills"] if s["level"] == "preferred")
    if not (5 <= nreq <= 9 and 6 <= npref <= 14): err(f"{r['id']}: {nreq} required / {npref} preferred")
    for s in r["skills"]:
        ids = s["any_of"] if "any_of" in s else [s["skill"]]
        if "any_of" in s and not s.get("name"): err(f"{r['id']}: any_of without name")
        for x in ids:
            if x not in entries: err(f"{r['id']}: unknown id {x}")
        if s["level"] not in ("required", "preferred") or not (1 <= s["weight"] <= 5): err(f"{r['id']}: level/weight {s}")
    types = [q["type"] for q in r["interview"]]
    if types.count("technical") != 3 or types.count("domain") != 3 or types.count("scenario") != 3 or not 2 <= types.count("role") <= 3:
        err(f"{r['id']}: interview types {types}")
    for q in r["interview"]:
        for x in q["probes"]:
            if x not in entries: err(f"{r['id']}: unknown probe {x}")
    if r["grow_into"] not in role_ids or r["grow_into"] == r["id"]: err(f"{r['id']}: grow_into")
    print(f"role {r['id']}: {nreq} required, {npref} preferred, {len(r['interview'])} questions")
for p in paths["paths"]:
    for x in p["requires_any"] + p.get("unless_any", []) + [s["id"] for s in p["signals"]]:
        if x not in entries: err(f"path {p['id']}: unknown id {x}")
for u in ucs["use_cases"]:
    for x in u["skills"]:
        if x not in entries: err(f"use case {u['id']}: unknown id {x}")

# traps
n = fails = 0
with open(TRAPS, encoding="utf-8") as f:
    for ln, line in enumerate(f, 1):
        line = line.rstrip("\n")
        if not line or line.startswith("#"): continue
        parts = line.split("\t")
        if len(parts) != 4: err(f"traps:{ln}: need 4 TAB-separated fields"); continue
        exp, i, sec, text = parts
        if exp not in ("hit", "miss") or i not in entries or sec not in SECTIONS:
            err(f"traps:{ln}: bad case {parts[:3]}"); continue
        n += 1
        h = evidence(i, sec, text)
        ok = bool(h) == (exp == "hit")
        if not ok:
            fails += 1; err(f"traps:{ln}: expected {exp} for {i} [{sec}] {text!r}; got {h}")
        elif VERBOSE:
            print(f"ok   {exp:4} {i:28} {text}  {h[:1]}")

# cross-talk: which ids fire on each trap line (informational with -v)
if VERBOSE:
    with open(TRAPS, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip(): continue
            exp, i, sec, text = line.rstrip("\n").split("\t")
            fired = [k for k in entries if evidence(k, sec, text)]
            print(f"{sec:12} {text[:60]:60} -> {', '.join(fired)}")

# pathological input timing
junk = " ".join(["clinical", "ICD", "Epic", "NLP", "R", "coach", "de", "novo", "PHI", "-", "a"] * 60)
t = time.time()
for i in entries:
    evidence(i, "skills", junk)
dt = time.time() - t
if dt > 2.0: err(f"matching a 700-word line took {dt:.2f}s")

print(f"{len(skills['skills'])} skills, {len(creds['credentials'])} credentials, {n} trap cases, {fails} failed, junk line {dt*1000:.0f} ms")
for e in errors: print("ERROR:", e)
sys.exit(1 if errors else 0)
