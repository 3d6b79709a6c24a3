#!/usr/bin/env python3
"""Prints the Markdown that docs/QUALITY.md shows for one QualityRun log.

    python3 docs/quality/tables.py quality-run.log OUT_DIR

OUT_DIR is the run's --out folder, cut from the paths in the settings lines. Prints the
validation table (when the run had --validation-at) and the final split and sequential blocks.
"""
import re
import sys


def validation(lines):
    pattern = re.compile(r"^validation: ranker on (.+?), (all history|last window with taste), "
                         r"repeat policy (.+?), (new items|repeats allowed): pipeline NDCG@10 ([0-9.]+)")
    rows, order = {}, []
    for line in lines:
        m = pattern.match(line)
        if m:
            key = (m.group(1), m.group(2), m.group(3))
            if key not in rows:
                rows[key] = {}
                order.append(key)
            rows[key][m.group(4)] = float(m.group(5))
    if not rows:
        return []
    best = {mode: max(order, key=lambda k: rows[k][mode]) for mode in ("new items", "repeats allowed")}
    # The first of equal scores is the one chosen (QualityRun keeps a strictly better one only).
    for mode in best:
        top = rows[best[mode]][mode]
        best[mode] = next(k for k in order if rows[k][mode] == top)
    out = ["| ranker labels | training rows | repeat policy | new items | repeats allowed |",
           "|---|---|---|---|---|"]
    for key in order:
        cells = []
        for mode in ("new items", "repeats allowed"):
            value = "%.4f" % rows[key][mode]
            cells.append("**%s**" % value if best[mode] == key else value)
        out.append("| %s | %s | %s | %s | %s |" % (key[0], key[1], key[2], cells[0], cells[1]))
    return out


def final_block(lines, start_prefix, out_dir):
    starts = [i for i, line in enumerate(lines) if line.startswith(start_prefix)]
    if not starts:
        return []
    i = starts[-1]
    out = [lines[i].strip(), ""]
    i += 1
    while i < len(lines) and not lines[i].startswith("report:"):
        line = lines[i].rstrip("\n")
        m = re.match(r"^(new items|repeats allowed): (.*)$", line)
        if m:
            out += ["", "**%s**: %s" % (m.group(1), m.group(2)), ""]
        elif line.startswith("|"):
            out.append(line)
        elif re.match(r"^[a-z-]+: ", line):
            out.append("- " + line.replace(out_dir.rstrip("/") + "/", ""))
        i += 1
    return out


def main():
    log, out_dir = sys.argv[1], sys.argv[2]
    with open(log, encoding="utf-8") as f:
        lines = f.readlines()
    table = validation(lines)
    if table:
        print("\n".join(table))
        print()
    print("\n".join(final_block(lines, "split at ", out_dir)))
    print()
    print("\n".join(final_block(lines, "sequential from ", out_dir)))


if __name__ == "__main__":
    main()
