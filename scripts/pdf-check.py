#!/usr/bin/env python3
"""PDF/UA-1 checklist for the PDFs area-send renders (crates/report-pdf).

Usage: python3 scripts/pdf-check.py FILE.pdf [FILE.pdf ...]
Exits 0 when every file passes, 1 when a check fails (each failure is printed),
2 when a file cannot be read or pikepdf is not installed.

Which checker, and why
----------------------
The reference validator for PDF/UA-1 (ISO 14289-1) is veraPDF, a Java program.
It is not in any registry this project can reach (crates.io, PyPI, Debian, npm):
Debian has no verapdf package, and the PyPI packages that mention veraPDF
(pdf-a11y, pdfa-parser, proof-pdf) only call a veraPDF binary they do not ship.
The one PyPI package that checks PDF/UA without a JVM, `pdfua` (0.1.x, alpha),
covers 16 of the 106 machine-checkable rules and, by its own account, does not
look at fonts at all. So this script implements the machine-checkable
PDF/UA-1 / Matterhorn Protocol checks that matter for these documents itself,
with pikepdf (QPDF bindings, `pip install pikepdf`; tested with 10.18.0):

  - XMP metadata with the PDF/UA identifier (pdfuaid:part = 1) and a dc:title
    (ISO 14289-1 §5, §7.1; Matterhorn 06-001..06-003)
  - /ViewerPreferences /DisplayDocTitle true (§7.1; Matterhorn 07-001, 07-002)
  - /MarkInfo /Marked true and not /Suspects (§7.1, Matterhorn 01-002)
  - catalog /Lang set and well formed (§7.2)
  - a /StructTreeRoot with a /ParentTree; structure types standard or
    role-mapped to a standard type (§7.1; Matterhorn 02-001)
  - all page content either an artifact or tagged: every painting operator
    (text, paths, images, shadings, XObjects) sits in marked content that is an
    /Artifact or carries an MCID, and every MCID is in the /ParentTree
    (§7.1; Matterhorn 01-005)
  - every font embedded, with a /ToUnicode map for composite fonts
    (§7.21.4.1, §7.21.7)
  - every /Figure and /Formula has /Alt or /ActualText (§7.3, §7.7;
    Matterhorn 13-004)
  - headings exist, are not empty, start at H1 and skip no level
    (§7.4; Matterhorn 14-002, 14-003)
  - every /Table has /TH header cells and rows (§7.5)
  - lists are L > LI > Lbl/LBody (§7.6)
  - pages with annotations use tab order /S, and link annotations are tagged
    and described (§7.18)
  - an encrypted file still lets assistive technology read it (§7.16)

What a program cannot judge (whether alt text is accurate, reading order
sensible, headings meaningful) still needs a person, and a conformance claim
needs veraPDF.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET

try:
    import pikepdf
    from pikepdf import Array, Dictionary, Name
except ImportError:  # pragma: no cover - reported to the user
    print("pdf-check: pikepdf is not installed (pip install pikepdf)", file=sys.stderr)
    sys.exit(2)

STANDARD_TYPES = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI",
    "Index", "NonStruct", "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6",
    "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot",
    "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot",
    "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP", "Figure", "Formula", "Form",
}
PAINT_OPERATORS = {
    "Tj", "TJ", "'", '"', "Do", "sh", "BI", "INLINE IMAGE",
    "S", "s", "f", "F", "f*", "B", "B*", "b", "b*",
}
NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
}
LANG_RE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
HEADING_RE = re.compile(r"^H([1-6])$")


class Checker:
    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self.pdf = pdf
        self.root = pdf.Root
        self.failures: list[str] = []
        self.role_map: dict[str, str] = {}

    def fail(self, message: str) -> None:
        self.failures.append(message)

    # -- document level -----------------------------------------------------

    def check_metadata(self) -> None:
        if "/Metadata" not in self.root:
            self.fail("§5/§7.1 (Matterhorn 06-001): no XMP metadata stream in the catalog")
            return
        try:
            xml = ET.fromstring(self.root.Metadata.read_bytes())
        except ET.ParseError as e:
            self.fail(f"§5 (Matterhorn 06-001): XMP metadata is not well-formed XML: {e}")
            return
        part = None
        for desc in xml.iter(f"{{{NS['rdf']}}}Description"):
            part = part or desc.get(f"{{{NS['pdfuaid']}}}part")
            el = desc.find("pdfuaid:part", NS)
            if el is not None and el.text:
                part = part or el.text.strip()
        if part is None:
            self.fail("§5 (Matterhorn 06-002): XMP metadata has no PDF/UA identifier (pdfuaid:part)")
        elif part != "1":
            self.fail(f"§5 (Matterhorn 06-002): pdfuaid:part is {part!r}, not 1")
        titles = [
            (li.text or "").strip()
            for title in xml.iter(f"{{{NS['dc']}}}title")
            for li in title.iter(f"{{{NS['rdf']}}}li")
        ]
        if not any(titles):
            self.fail("§7.1 (Matterhorn 06-003): XMP metadata has no dc:title")

    def check_catalog(self) -> None:
        prefs = self.root.get("/ViewerPreferences")
        if prefs is None or "/DisplayDocTitle" not in prefs:
            self.fail("§7.1 (Matterhorn 07-001): /ViewerPreferences has no /DisplayDocTitle")
        elif not bool(prefs.DisplayDocTitle):
            self.fail("§7.1 (Matterhorn 07-002): /DisplayDocTitle is false")

        mark = self.root.get("/MarkInfo")
        if mark is None or not bool(mark.get("/Marked", False)):
            self.fail("§7.1 (Matterhorn 01-002): /MarkInfo /Marked is not true")
        elif bool(mark.get("/Suspects", False)):
            self.fail("§7.1: /MarkInfo /Suspects is true")

        lang = str(self.root.get("/Lang", "")).strip()
        if not lang:
            self.fail("§7.2: the catalog has no /Lang (natural language of the document)")
        elif not LANG_RE.match(lang):
            self.fail(f"§7.2: the catalog /Lang {lang!r} is not a language tag")

        if self.pdf.is_encrypted and not self.pdf.allow.accessibility:
            self.fail("§7.16: encryption forbids extracting text for accessibility")

        oc = self.root.get("/OCProperties")
        if oc is not None:
            configs = [oc.get("/D")] + list(oc.get("/Configs", Array()))
            for config in configs:
                if config is not None and "/Name" not in config:
                    self.fail("§7.10: an optional content configuration has no /Name")

    # -- structure tree -----------------------------------------------------

    def std_type(self, elem: Dictionary) -> str:
        s = str(elem.get("/S", ""))[1:]
        seen = set()
        while s not in STANDARD_TYPES and s in self.role_map and s not in seen:
            seen.add(s)
            s = self.role_map[s]
        return s

    def children(self, elem: Dictionary) -> list:
        k = elem.get("/K")
        if k is None:
            return []
        return list(k) if isinstance(k, Array) else [k]

    def struct_children(self, elem: Dictionary) -> list[Dictionary]:
        out = []
        for kid in self.children(elem):
            if isinstance(kid, Dictionary) and "/S" in kid and kid.get("/Type") not in (
                Name.MCR,
                Name.OBJR,
            ):
                out.append(kid)
        return out

    def has_content(self, elem: Dictionary) -> bool:
        """Whether an element has any marked content or annotation below it."""
        if "/ActualText" in elem and str(elem.ActualText).strip():
            return True
        for kid in self.children(elem):
            if isinstance(kid, int):
                return True
            if isinstance(kid, Dictionary):
                if kid.get("/Type") in (Name.MCR, Name.OBJR):
                    return True
                if self.has_content(kid):
                    return True
        return False

    def check_structure(self) -> None:
        tree = self.root.get("/StructTreeRoot")
        if tree is None:
            self.fail("§7.1 (Matterhorn 01-006): no /StructTreeRoot: the document is not tagged")
            return
        if "/ParentTree" not in tree:
            self.fail("§7.1: /StructTreeRoot has no /ParentTree")
        role_map = tree.get("/RoleMap", Dictionary())
        self.role_map = {str(k)[1:]: str(v)[1:] for k, v in role_map.items()}

        elements: list[Dictionary] = []
        stack = [kid for kid in self.children(tree) if isinstance(kid, Dictionary)]
        seen: set = set()
        while stack:
            elem = stack.pop()
            key = elem.objgen if elem.is_indirect else id(elem)
            if key in seen:
                continue
            seen.add(key)
            elements.append(elem)
            stack.extend(reversed(self.struct_children(elem)))
        # `elements` is now in document (depth-first, pre-order) order.
        if not elements:
            self.fail("§7.1: the structure tree is empty")
            return

        headings: list[int] = []
        for elem in elements:
            raw = str(elem.get("/S", ""))[1:]
            s = self.std_type(elem)
            if s not in STANDARD_TYPES:
                self.fail(f"§7.1 (Matterhorn 02-001): structure type /{raw} is not standard "
                          "and not role-mapped to a standard type")
                continue
            if s in ("Figure", "Formula"):
                alt = str(elem.get("/Alt", "")).strip() or str(elem.get("/ActualText", "")).strip()
                if not alt:
                    self.fail(f"§7.3 (Matterhorn 13-004): a /{s} element has no /Alt text")
            m = HEADING_RE.match(s)
            if m or s == "H":
                if not self.has_content(elem):
                    self.fail(f"§7.4: a /{s} heading is empty")
                if m:
                    headings.append(int(m.group(1)))
            if s == "Table":
                self.check_table(elem)
            if s == "L":
                self.check_list(elem)

        if not headings:
            self.fail("§7.4 (Matterhorn 14-001): the document has no headings (H1..H6)")
        else:
            if headings[0] != 1:
                self.fail(f"§7.4 (Matterhorn 14-002): the first heading is H{headings[0]}, not H1")
            for before, after in zip(headings, headings[1:]):
                if after > before + 1:
                    self.fail(f"§7.4 (Matterhorn 14-003): heading level skipped (H{before} then H{after})")

    def check_table(self, table: Dictionary) -> None:
        rows: list[Dictionary] = []
        for kid in self.struct_children(table):
            s = self.std_type(kid)
            if s == "TR":
                rows.append(kid)
            elif s in ("THead", "TBody", "TFoot"):
                rows.extend(k for k in self.struct_children(kid) if self.std_type(k) == "TR")
            elif s != "Caption":
                self.fail(f"§7.5: a /Table contains /{s}, not rows (TR, THead, TBody, TFoot)")
        if not rows:
            self.fail("§7.5: a /Table has no rows (TR)")
            return
        cells = [c for row in rows for c in self.struct_children(row)]
        kinds = {self.std_type(c) for c in cells}
        if "TH" not in kinds:
            self.fail("§7.5: a /Table has no header cells (TH)")
        if kinds - {"TH", "TD"}:
            self.fail(f"§7.5: a /TR contains {sorted(kinds - {'TH', 'TD'})}, not TH or TD")

    def check_list(self, lst: Dictionary) -> None:
        for kid in self.struct_children(lst):
            s = self.std_type(kid)
            if s == "LI":
                for part in self.struct_children(kid):
                    if self.std_type(part) not in ("Lbl", "LBody"):
                        self.fail(f"§7.6: a /LI contains /{self.std_type(part)}, not Lbl or LBody")
            elif s not in ("Caption", "L"):
                self.fail(f"§7.6: a list (/L) contains /{s}, not LI")

    # -- page content -------------------------------------------------------

    def parent_tree(self) -> dict[int, object]:
        tree = self.root.get("/StructTreeRoot")
        out: dict[int, object] = {}
        if tree is None or "/ParentTree" not in tree:
            return out
        stack = [tree.ParentTree]
        while stack:
            node = stack.pop()
            nums = node.get("/Nums")
            if nums is not None:
                for i in range(0, len(nums) - 1, 2):
                    out[int(nums[i])] = nums[i + 1]
            stack.extend(node.get("/Kids", Array()))
        return out

    def check_pages(self) -> None:
        parents = self.parent_tree()
        for number, page in enumerate(self.pdf.pages, start=1):
            self.check_page_content(number, page, parents)
            self.check_fonts(number, page.obj.get("/Resources", Dictionary()), set())
            annots = page.obj.get("/Annots")
            if annots is not None and len(annots) > 0:
                if page.obj.get("/Tabs") != Name.S:
                    self.fail(f"page {number}: §7.18.3: page has annotations but /Tabs is not /S")
                for annot in annots:
                    subtype = annot.get("/Subtype")
                    if subtype == Name.Popup:
                        continue
                    if "/StructParent" not in annot:
                        self.fail(f"page {number}: §7.18.1: a {subtype} annotation is not tagged")
                    if subtype == Name.Link and not str(annot.get("/Contents", "")).strip():
                        self.fail(f"page {number}: §7.18.5: a link annotation has no /Contents")

    def check_page_content(self, number: int, page: pikepdf.Page, parents: dict) -> None:
        try:
            ops = pikepdf.parse_content_stream(page)
        except pikepdf.PdfError as e:
            self.fail(f"page {number}: content stream cannot be parsed: {e}")
            return
        props_res = page.obj.get("/Resources", Dictionary()).get("/Properties", Dictionary())
        stack: list[tuple[bool, int | None]] = []  # (is artifact, mcid)
        untagged: dict[str, int] = {}
        mcids: list[int] = []
        for operands, operator in ops:
            op = str(operator)
            if op in ("BMC", "BDC"):
                tag = str(operands[0]) if operands else ""
                props = None
                if op == "BDC" and len(operands) > 1:
                    props = operands[1]
                    if isinstance(props, Name):
                        props = props_res.get(str(props))
                mcid = None
                if isinstance(props, Dictionary) and "/MCID" in props:
                    mcid = int(props.MCID)
                    mcids.append(mcid)
                stack.append((tag == "/Artifact", mcid))
            elif op == "EMC":
                if stack:
                    stack.pop()
                else:
                    self.fail(f"page {number}: EMC without a matching BMC/BDC")
            elif op in PAINT_OPERATORS:
                if not any(art or mcid is not None for art, mcid in stack):
                    untagged[op] = untagged.get(op, 0) + 1
        if stack:
            self.fail(f"page {number}: {len(stack)} marked-content sequence(s) not closed")
        if untagged:
            detail = ", ".join(f"{n}x {op}" for op, n in sorted(untagged.items()))
            self.fail(f"page {number}: §7.1 (Matterhorn 01-005): content neither tagged "
                      f"nor an artifact ({detail})")
        if len(set(mcids)) != len(mcids):
            self.fail(f"page {number}: an MCID is used more than once")
        if mcids:
            if "/StructParents" not in page.obj:
                self.fail(f"page {number}: §7.1: page has tagged content but no /StructParents")
                return
            entry = parents.get(int(page.obj.StructParents))
            if not isinstance(entry, Array):
                self.fail(f"page {number}: §7.1: /ParentTree has no entry for this page")
                return
            missing = [m for m in mcids if m >= len(entry) or not isinstance(entry[m], Dictionary)]
            if missing:
                self.fail(f"page {number}: §7.1: MCIDs {missing[:10]} are not in the structure tree")

    def check_fonts(self, number: int, resources: Dictionary, seen: set) -> None:
        for _, font in resources.get("/Font", Dictionary()).items():
            key = font.objgen if font.is_indirect else id(font)
            if key in seen:
                continue
            seen.add(key)
            name = str(font.get("/BaseFont", "(unnamed)"))
            subtype = font.get("/Subtype")
            if subtype == Name.Type3:
                self.check_fonts(number, font.get("/Resources", Dictionary()), seen)
                continue
            described = font
            if subtype == Name.Type0:
                if "/ToUnicode" not in font:
                    self.fail(f"page {number}: §7.21.7: composite font {name} has no /ToUnicode map")
                descendants = font.get("/DescendantFonts", Array())
                if len(descendants) == 0:
                    self.fail(f"page {number}: font {name} has no descendant font")
                    continue
                described = descendants[0]
            descriptor = described.get("/FontDescriptor")
            if descriptor is None or not any(
                k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
            ):
                self.fail(f"page {number}: §7.21.4.1: font {name} is not embedded")
        for _, xobject in resources.get("/XObject", Dictionary()).items():
            if xobject.get("/Subtype") == Name.Form:
                key = xobject.objgen if xobject.is_indirect else id(xobject)
                if key in seen:
                    continue
                seen.add(key)
                self.check_fonts(number, xobject.get("/Resources", Dictionary()), seen)

    def run(self) -> list[str]:
        self.check_metadata()
        self.check_catalog()
        self.check_structure()
        self.check_pages()
        return self.failures


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print(__doc__.split("\n\n")[0] + "\nUsage: python3 scripts/pdf-check.py FILE.pdf [FILE.pdf ...]",
              file=sys.stderr)
        return 2
    status = 0
    for path in argv[1:]:
        try:
            with pikepdf.open(path) as pdf:
                failures = Checker(pdf).run()
                pages = len(pdf.pages)
        except (pikepdf.PdfError, OSError) as e:
            print(f"{path}: cannot read as PDF: {e}", file=sys.stderr)
            status = max(status, 2)
            continue
        if failures:
            print(f"{path}: FAIL ({len(failures)} problem(s)) against the PDF/UA-1 checklist")
            for failure in failures:
                print(f"  - {failure}")
            status = max(status, 1)
        else:
            print(f"{path}: PASS ({pages} page(s)) PDF/UA-1 checklist")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
