#!/usr/bin/env python3
"""Proposes constraint facts for Open Telekom Cloud pages, to be checked by eye.

    otc_facts.py propose PAGES.txt > proposal.json   # PAGES.txt: service/revision/rst-relative-path
    otc_facts.py review proposal.json                # each row's text beside the proposal

The proposal uses its own simple patterns, on the reStructuredText (bold
marks values), independently of docspec's phrase reader; every proposal is
then read against the row and corrected by hand in the facts file.
"""
import json
import os
import re
import sys

import otc_rows

OTC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "otc")
METHOD = re.compile(r"\b(GET|POST|PUT|DELETE|PATCH|HEAD)\s+(?:https?://\S*?\}?)?(/\S+)")


def uri_of(path):
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"\*\*|``", "", text)
    m = METHOD.search(text)
    if not m:
        return None, None
    p = m.group(2).split("?")[0]
    return m.group(1), p


def num(s):
    s = s.replace(",", "")
    return int(s) if re.fullmatch(r"-?\d+", s) else float(s)


N = r"(-?\d[\d,]*(?:\.\d+)?)"


def propose(bold, plain, ty):
    f = {}
    t = (ty or "").lower()
    is_text = t.startswith("string") or t == ""
    is_array = t.startswith("array") or t.startswith("list")
    # bounds
    m = re.search(r"Minimum:\s*" + N, plain)
    if m:
        f["min"] = num(m.group(1))
    m = re.search(r"Maximum:\s*" + N, plain)
    if m:
        f["max"] = num(m.group(1))
    for pat in [r"ranges? from " + N + r" to " + N, N + r" to " + N + r" characters",
                r"range(?: is|:)?\s*\[?" + N + r"\s*(?:,|-|–|to)\s*" + N,
                r"between " + N + r" and " + N, N + r"\s*[-–]\s*" + N + r" characters"]:
        m = re.search(pat, plain, re.I)
        if m and "min" not in f:
            f["min"], f["max"] = num(m.group(1)), num(m.group(2))
            break
    m = re.search(r"(?:a maximum of|up to|cannot exceed|max\.|at most|no more than|Max characters:) " + N + r"( (?:Unicode )?characters| bytes)?", plain, re.I)
    if m and "max" not in f and (is_text == bool(m.group(2)) or "Max characters" in m.group(0) or not is_text):
        f["max"] = num(m.group(1))
    m = re.match(r"(?:A |An )?" + N + r"-byte\b", plain)
    if m and "min" not in f:
        f["min"] = f["max"] = num(m.group(1))
    if is_array and ("min" in f or "max" in f) and "string" not in t and "integer" not in t:
        if "min" in f:
            f["min_items"] = f.pop("min")
        if "max" in f:
            f["max_items"] = f.pop("max")
    # default
    m = re.search(r"[Dd]efault(?: value)? is \*\*([^*]+)\*\*|[Dd]efault(?: value)?: \*{0,2}([\w.\-/]+)", bold)
    if m:
        f["default"] = (m.group(1) or m.group(2)).strip()
    elif re.search(r"[Dd]efault(?: value)? is (-?[\w.]+)", plain):
        v = re.search(r"[Dd]efault(?: value)? is (-?[\w.]+)", plain).group(1).rstrip(".")
        if v not in ("left", "empty", "null", "blank"):
            f["default"] = v
    # enum: list items after a lead-in (or two `- X: meaning` items), `X or Y` items give both
    enum = None
    lead = re.compile(r"(Enumeration values:|Possible values:|Value options:|Options:|^Range$|The value can be:|"
                      r"following values|can be one of the following|values are as follows|options are as follows|"
                      r"Possible values are as follows:|The options are:)\s*$", re.M)
    lists = []
    for m in lead.finditer(plain):
        rest = plain[m.end():].lstrip("\n").split("\n")
        vals = []
        for line in rest:
            if not line.startswith("- "):
                break
            im = re.match(r"- ([\w.\-/;=*]+)(?: or ([\w.\-/;=*]+))?(?:\s*$|:|\s+\(|\s+indicates|\s*-\s)", line)
            if not im:
                vals = None
                break
            vals.append(im.group(1))
            if im.group(2):
                vals.append(im.group(2))
        if vals:
            lists.append((m.group(1), vals))
    for name, vals in lists:
        if name.startswith("Enumeration"):
            enum = vals
    if enum is None and lists:
        enum = lists[0][1]
    if enum is None:
        items = re.findall(r"^- \*\*([^*]+)\*\*\s*(?:$|:|indicates|\(|means|-)", bold, re.M)
        if len(items) >= 2:
            enum = [i.strip() for i in items]
    if enum is None:
        m = re.search(r"(?:can be|value is|options are|Options:|set to)\s+((?:\*\*[^*]+\*\*(?:\s*\([^)]*\))?(?:,\s*|\s+or\s+|\s+and\s+|,\s*or\s+|,\s*and\s+)?)+)", bold)
        if m:
            vals = re.findall(r"\*\*([^*]+)\*\*", m.group(1))
            if len(vals) >= 2:
                enum = vals
    if enum is None:
        m = re.search(r"(?:value can be|which can be|The value is) ((?:[A-Za-z0-9_.\-/]+, )*[A-Za-z0-9_.\-/]+,? or [A-Za-z0-9_.\-/]+)(?:[ .,(]|$)", plain)
        if m:
            enum = re.split(r",? or |, ", m.group(1))
    if enum is None:
        m = re.search(r"(?:The value is|value is|which is) fixed (?:at|to) ([\w.\-/]+?)[.,]?(?:\s|$)", plain)
        if m:
            enum = [m.group(1)]
    if enum is None:
        m = re.search(r"The value is ([\w.\-/]+) or ([\w.\-/]+)[ .,(]", plain)
        if m:
            enum = [m.group(1), m.group(2)]
    if enum:
        seen = []
        for v in enum:
            if v not in seen:
                seen.append(v)
        f["enum"] = seen
    m = re.search(r"^Default [Vv]alue:?\n([^\n]+)$", plain, re.M)
    if f.get("default") in ("the", "an", "a"):
        del f["default"]
    if m and m.group(1).strip() not in ("N/A", "None"):
        f["default"] = m.group(1).strip()
    elif m:
        f.pop("default", None)
    if "enum" in f and t.startswith("boolean"):
        del f["enum"]
    return f


def location(section, caption):
    c = (caption or "").lower()
    s = (section or "").lower()
    if "header" in c:
        return "response_header" if "response" in c or "respon" in s else "header"
    if "uri" in c or "path" in c or "query" in c or s.startswith("uri"):
        return "uri"
    if "response" in s or "response" in c:
        return "response"
    if "request" in s or "request" in c:
        return "request"
    return "object"


def do_propose(list_file):
    pages = []
    for line in open(list_file):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        service, revision, rel = line.split("/", 2)
        path = f"{OTC}/{service}/{revision}/rst/{rel}"
        method, p = uri_of(path)
        otc_rows.KEEP_BOLD = True
        bold_tables = otc_rows.tables(path)
        otc_rows.KEEP_BOLD = False
        plain_tables = otc_rows.tables(path)
        tables = []
        for (n, section, caption, header, rows), (_, _, _, _, brows) in zip(plain_tables, bold_tables):
            if not header:
                continue
            names = [h.lower() for h in header]
            pk = next((k for k, h in enumerate(names) if h in ("parameter", "name", "field")), None)
            dk = next((k for k, h in enumerate(names) if h.startswith("description")), None)
            if pk is None or dk is None:
                continue
            mk = next((k for k, h in enumerate(names) if h.startswith("mandatory")), None)
            tk = next((k for k, h in enumerate(names) if h.startswith("type")), None)
            fields = []
            for r, br in zip(rows, brows):
                ty = r[tk] if tk is not None else None
                f = {"name": r[pk]}
                if mk is not None:
                    f["mandatory"] = r[mk].strip().lower().startswith("y")
                if ty is not None:
                    f["type"] = ty
                f.update(propose(br[dk], r[dk], ty))
                f["_text"] = r[dk]
                fields.append(f)
            tables.append({"caption": caption, "location": location(section, caption), "fields": fields})
        pages.append({"service": service, "revision": revision, "file": rel,
                      "method": method, "path": p, "tables": tables})
    json.dump(pages, sys.stdout, indent=1, ensure_ascii=False)


def do_review(proposal):
    for pi, page in enumerate(json.load(open(proposal))):
        print(f"\n##### [{pi}] {page['service']}/{page['file']} {page['method']} {page['path']}")
        for ti, t in enumerate(page["tables"]):
            print(f"  == [{ti}] {t['caption']} ({t['location']})")
            for f in t["fields"]:
                facts = {k: v for k, v in f.items() if k not in ("name", "type", "mandatory", "_text")}
                print(f"   {f['name']} | {f.get('type')} | {json.dumps(facts)}")
                print("        " + f["_text"].replace("\n", " ⏎ "))




def do_build(proposal):
    """proposal + corrections -> the compact facts file (no descriptions)."""
    from otc_corrections import CORRECTIONS
    pages = json.load(open(proposal))
    for pi, page in enumerate(pages):
        for ti, t in enumerate(page["tables"]):
            for f in t["fields"]:
                f.pop("_text", None)
                fixes = dict(CORRECTIONS.get((pi, f["name"]), {}))
                fixes.update(CORRECTIONS.get((pi, f["name"], ti), {}))
                for k, v in fixes.items():
                    if v is None:
                        f.pop(k, None)
                    else:
                        f[k] = v
    out = ['{"pages": [']
    for pi, page in enumerate(pages):
        head = {k: page[k] for k in ("service", "revision", "file", "method", "path")}
        out.append(" {" + json.dumps(head)[1:-1] + ', "tables": [')
        for ti, t in enumerate(page["tables"]):
            out.append("  {" + json.dumps({"caption": t["caption"], "location": t["location"]})[1:-1] + ', "fields": [')
            for fi, f in enumerate(t["fields"]):
                out.append("   " + json.dumps(f, ensure_ascii=False) + ("," if fi + 1 < len(t["fields"]) else ""))
            out.append("  ]}" + ("," if ti + 1 < len(page["tables"]) else ""))
        out.append(" ]}" + ("," if pi + 1 < len(pages) else ""))
    out.append("]}")
    print("\n".join(out))


if __name__ == "__main__":
    {"propose": do_propose, "review": do_review, "build": do_build}[sys.argv[1]](sys.argv[2])
