#!/usr/bin/env python3
"""Checks a DOCX file the way a second, independent reader sees it.

    python3 scripts/docx-check.py FILE.docx [--expect-heading TEXT ...]

Opens the package with python-docx (`pip install python-docx`) and prints, as
JSON: the core title and language, the headings with their levels, every
paragraph's text in order, each table (header, whether the header row repeats on
every page, the other rows) and whether the heading styles are Word's own
(built-in names "heading 1" to "heading 3" with outline levels 0 to 2, which the
navigation pane and screen readers rely on). Exits 1 with a message on stderr if
the package does not open or a heading given with --expect-heading is missing.
"""

import argparse
import json
import sys

try:
    import docx
    from docx.oxml.ns import qn
except ImportError:  # pragma: no cover - a setup problem, not a check failure
    print("docx-check: python-docx is not installed (pip install python-docx)", file=sys.stderr)
    sys.exit(2)


def heading_level(paragraph):
    """The heading level of a paragraph (0 for Title), or None for body text."""
    style = paragraph.style
    name = style.name if style is not None else ""
    if name == "Title":
        return 0
    if name.startswith("Heading "):
        try:
            return int(name.split(" ", 1)[1])
        except ValueError:
            return None
    return None


def styles_ok(document):
    """Heading 1 to 3 are built-in styles named as Word names them, with outline levels."""
    for level in (1, 2, 3):
        element = None
        for style in document.styles.element.findall(qn("w:style")):
            if style.get(qn("w:styleId")) == f"Heading{level}":
                element = style
                break
        if element is None or element.get(qn("w:customStyle")) in ("1", "true", "on"):
            return False
        name = element.find(qn("w:name"))
        if name is None or name.get(qn("w:val")) != f"heading {level}":
            return False
        ppr = element.find(qn("w:pPr"))
        outline = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
        if outline is None or outline.get(qn("w:val")) != str(level - 1):
            return False
    return True


def table_summary(table):
    rows = table.rows
    if len(rows) == 0:
        return {"header": [], "header_repeats": False, "rows": []}
    first = rows[0]
    trpr = first._tr.trPr
    repeats = False
    if trpr is not None:
        marker = trpr.find(qn("w:tblHeader"))
        repeats = marker is not None and marker.get(qn("w:val")) not in ("0", "false", "off")
    cells = lambda row: [cell.text for cell in row.cells]  # noqa: E731
    if repeats:
        return {"header": cells(first), "header_repeats": True, "rows": [cells(r) for r in rows[1:]]}
    return {"header": [], "header_repeats": False, "rows": [cells(r) for r in rows]}


def main():
    parser = argparse.ArgumentParser(description="Check a DOCX package and print what it holds as JSON.")
    parser.add_argument("file")
    parser.add_argument("--expect-heading", action="append", default=[], metavar="TEXT")
    args = parser.parse_args()

    try:
        document = docx.Document(args.file)
        core = document.core_properties
        result = {
            "title": core.title,
            "language": core.language,
            "headings": [],
            "paragraphs": [],
            "tables": [table_summary(t) for t in document.tables],
            "styles_ok": styles_ok(document),
        }
        for paragraph in document.paragraphs:
            result["paragraphs"].append(paragraph.text)
            level = heading_level(paragraph)
            if level is not None:
                result["headings"].append([level, paragraph.text])
    except Exception as error:  # any failure to read is an invalid package
        print(f"docx-check: {args.file} is not a valid DOCX package: {error}", file=sys.stderr)
        sys.exit(1)

    print(json.dumps(result, indent=2, ensure_ascii=False))

    texts = {text for _, text in result["headings"]}
    missing = [h for h in args.expect_heading if h not in texts]
    if missing:
        for heading in missing:
            print(f"docx-check: missing heading: {heading}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
