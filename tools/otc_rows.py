#!/usr/bin/env python3
"""Reads the parameter tables of Open Telekom Cloud reStructuredText pages.

A helper for writing generator/tests/data/otc_facts.json by hand, kept apart
from docspec's importer: it prints (or dumps as JSON) every parameter row of a
page with its table caption, name, mandatory flag, type and the description
text in the form docspec's HTML reader gives (paragraphs as lines, list items
as `- ` lines, markup removed). The constraints are then written by reading
those rows; the descriptions never go into the repository.

Usage: otc_rows.py PAGE.rst...        (rows as JSON lines on stdout)
"""
import json
import re
import sys


KEEP_BOLD = False


def inline(text):
    if not KEEP_BOLD:
        text = text.replace("**", "")
    text = re.sub(r":ref:`([^<`]*?)\s*<[^>]*>`", r"\1", text)
    text = re.sub(r":ref:`([^`]*)`", r"\1", text)
    text = text.replace("``", "")
    text = re.sub(r"\\(.)", r"\1", text)
    return text


def cell_text(lines):
    """Cell lines (already cut from the table) -> description text."""
    out = []
    para = []
    item = None

    def flush():
        nonlocal para, item
        if item is not None:
            out.append("- " + " ".join(item))
            item = None
        if para:
            out.append(" ".join(para))
            para = []

    for raw in lines:
        line = raw.rstrip()
        if not line.strip():
            flush()
            continue
        stripped = line.strip()
        m = re.match(r"^[-*]\s+(.*)$", stripped)
        if m and (line.startswith("-") or line.startswith("*") or line.lstrip() == stripped):
            if re.match(r"^[-*]\s", line.lstrip()):
                flush()
                item = [m.group(1)]
                continue
        if item is not None:
            item.append(stripped)
        else:
            para.append(stripped)
    flush()
    return inline("\n".join(l for l in out if l.strip() and not l.startswith(".. ")))


def grid_table(lines, start):
    """A grid table from lines[start] (a +---+ line). Returns (rows, end)."""
    indent = len(lines[start]) - len(lines[start].lstrip())
    border = lines[start].strip()
    cols = [i for i, c in enumerate(border) if c == "+"]
    end = start
    while end < len(lines) and lines[end][indent:indent + 1] in ("+", "|"):
        end += 1
    body = [l[indent:] for l in lines[start:end]]
    rows = []
    current = [[] for _ in cols[:-1]]
    header_done = False
    header = None
    for line in body[1:]:
        if line.startswith("+"):
            # row separator (may be partial with spans: treat as full)
            row = [cell_text(c) for c in current]
            if line.startswith("+="):
                header = row
                header_done = True
            elif header is None and not header_done:
                rows.append(row)
            else:
                rows.append(row)
            current = [[] for _ in cols[:-1]]
            continue
        for k in range(len(cols) - 1):
            a, b = cols[k] + 1, cols[k + 1]
            current[k].append(line[a:b] if len(line) > a else "")
    return header, rows, end


def simple_table(lines, start):
    indent = len(lines[start]) - len(lines[start].lstrip())
    border = lines[start][indent:]
    spans = [(m.start(), m.end()) for m in re.finditer(r"=+", border)]
    end = start + 1
    seps = 1
    block = []
    while end < len(lines):
        l = lines[end][indent:] if len(lines[end]) > indent else ""
        if re.match(r"^=+( +=+)*\s*$", l):
            seps += 1
            end += 1
            if seps == 3:
                break
            block.append(None)
            continue
        block.append(l)
        end += 1

    def cut(l):
        cells = []
        for k, (a, b) in enumerate(spans):
            e = spans[k + 1][0] if k + 1 < len(spans) else len(l)
            cells.append(l[a:e].strip() if len(l) > a else "")
        return cells

    header = None
    rows = []
    cur = None
    for l in block:
        if l is None:
            if cur:
                header = [inline(" ".join(c)) for c in cur]
            cur = None
            continue
        if not l.strip():
            continue
        cells = cut(l)
        if cells[0] or cur is None:
            if cur is not None and header is not None:
                rows.append(cur)
            elif cur is not None:
                pass
            cur = [[c] for c in cells] if header is not None else (cur or [[] for _ in cells])
            if header is None:
                for k, c in enumerate(cells):
                    cur[k].append(c)
        else:
            for k, c in enumerate(cells):
                if c:
                    cur[k].append(c)
    if cur and header is not None:
        rows.append(cur)
    rows = [[inline(" ".join(x for x in c if x)) for c in r] for r in rows]
    return header, rows, end


def tables(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    caption = None
    section = None
    i = 0
    found = []
    n = 0
    while i < len(lines):
        line = lines[i]
        if i + 1 < len(lines) and re.match(r"^[-=~^]{3,}$", lines[i + 1].strip()) and line.strip() and not line.startswith(" ") and not line.strip().startswith("+"):
            section = line.strip()
        m = re.match(r"^\s*\.\. table::\s*(.*)$", line)
        if m:
            caption = inline(m.group(1)).strip()
        s = line.strip()
        if s.startswith("+-") and s.endswith("+"):
            header, rows, end = grid_table(lines, i)
            n += 1
            found.append((n, section, caption, header, rows))
            caption = None
            i = end
            continue
        if re.match(r"^=+( +=+)+$", s):
            header, rows, end = simple_table(lines, i)
            n += 1
            found.append((n, section, caption, header, rows))
            caption = None
            i = end
            continue
        i += 1
    return found


def main():
    for path in sys.argv[1:]:
        for n, section, caption, header, rows in tables(path):
            if not header:
                continue
            names = [h.lower() for h in header]
            try:
                p = next(k for k, h in enumerate(names) if h in ("parameter", "name", "field"))
            except StopIteration:
                continue
            col = lambda w: next((k for k, h in enumerate(names) if h.startswith(w)), None)
            m, t, d = col("mandatory"), col("type"), col("description")
            if d is None:
                continue
            for r in rows:
                print(json.dumps({
                    "file": path, "table": n, "section": section, "caption": caption,
                    "name": r[p], "mandatory": r[m] if m is not None else None,
                    "type": r[t] if t is not None else None, "description": r[d],
                }, ensure_ascii=False))


if __name__ == "__main__":
    main()
