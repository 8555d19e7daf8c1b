#!/usr/bin/env bash
# The outside tools the report tests read PDFs and DOCX files with, installed if
# missing: Debian's poppler-utils (pdfinfo, pdftotext), and from PyPI pikepdf (for
# scripts/pdf-check.py, the PDF/UA-1 checklist) and python-docx (scripts/docx-check.py).
set -euo pipefail
if ! command -v pdfinfo >/dev/null || ! command -v pdftotext >/dev/null; then
  echo "Installing Debian's poppler-utils..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq poppler-utils >/dev/null
fi
if ! python3 -c 'import pikepdf, docx' 2>/dev/null; then
  echo "Installing pikepdf and python-docx from PyPI..." >&2
  python3 -m pip install --quiet --disable-pip-version-check 'pikepdf==10.18.0' 'python-docx==1.2.0'
fi
