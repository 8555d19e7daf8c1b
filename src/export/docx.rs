//! DOCX export of a report and of its easy-read summary: WordprocessingML written
//! here and packed with `zip`, so that the package has what Word's accessibility
//! checker and screen readers look for (a title, the language, real headings in the
//! navigation pane, table header rows that repeat on every page).
//!
//! Numbers are written as text ("4." then a tab), not as Word list numbering, so
//! they match the model's `number` exactly, as the HTML and PDF copies do. Bullet
//! items are a real bulleted list (Word's numbering part gives the glyph, so
//! assistive technology reads them as a list) with the item's number after the
//! glyph. Citations are left out: they are for inspectors' copies only. A chart
//! becomes its title, a table of its answers and shares (as displayed, suppressed
//! figures already hidden) and its note.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::domain::report::{Block, Chart, EasyReadSummary, Paragraph, Report, Table, LANGUAGE};

/// The media type of a DOCX file, for the download's `Content-Type`.
pub const MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error("could not build the DOCX package: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("could not write the DOCX package: {0}")]
    Io(#[from] std::io::Error),
}

/// The report as a DOCX file.
pub fn report_docx(report: &Report) -> Result<Vec<u8>, DocxError> {
    let mut body = Body::default();
    body.heading(1, &report.title);
    if !report.inspection_dates.trim().is_empty() {
        body.plain(&format!("Inspection dates: {}", report.inspection_dates));
    }
    if let Some(previous) = &report.previous_inspection {
        if !previous.trim().is_empty() {
            body.plain(previous);
        }
    }
    for section in &report.sections {
        body.heading(2, &section.heading);
        for block in &section.blocks {
            match block {
                Block::Paragraph(p) => body.numbered(p),
                Block::Bullets { items } => items.iter().for_each(|p| body.bullet(p)),
                Block::Subheading { text } => body.heading(3, text),
                Block::Table(t) => body.report_table(t),
                Block::Chart(c) => body.chart(c),
            }
        }
    }
    pack(&Package {
        title: &report.title,
        subject: &report.partnership,
        language: language_tag(&report.language),
        footer: &report.footer,
        body: body.finish(),
        sizes: Sizes::REPORT,
    })
}

/// The easy-read summary as a DOCX file: larger type, more space, the points as
/// plain paragraphs (the symbols are pictures for the web page and are left out).
pub fn easy_read_docx(summary: &EasyReadSummary) -> Result<Vec<u8>, DocxError> {
    let mut body = Body::default();
    body.heading(1, &summary.title);
    if !summary.inspection_dates.trim().is_empty() {
        body.plain(&format!("Inspection dates: {}", summary.inspection_dates));
    }
    for point in &summary.points {
        body.plain(&point.text);
    }
    pack(&Package {
        title: &summary.title,
        subject: &summary.partnership,
        language: language_tag(&summary.language),
        footer: &summary.footer,
        body: body.finish(),
        sizes: Sizes::EASY_READ,
    })
}

/// One entry of a record: a heading, then its fields as a two-column table.
pub struct RecordEntry<'a> {
    pub heading: String,
    pub fields: Vec<(&'a str, String)>,
}

/// A record for the file (the factual accuracy comment log): a title, a few lines
/// about it, then each entry under its own heading, so that a screen reader can
/// move from one entry to the next.
pub fn record_docx(
    title: &str,
    intro: &[String],
    entries: &[RecordEntry<'_>],
    footer: &str,
) -> Result<Vec<u8>, DocxError> {
    let mut body = Body::default();
    body.heading(1, title);
    for line in intro {
        body.plain(line);
    }
    for entry in entries {
        body.heading(2, &entry.heading);
        let rows: Vec<(Option<u32>, Vec<&str>)> = entry
            .fields
            .iter()
            .map(|(label, value)| (None, vec![*label, value.as_str()]))
            .collect();
        body.table(&entry.heading, &[], &rows);
    }
    pack(&Package {
        title,
        subject: title,
        language: language_tag(LANGUAGE),
        footer,
        body: body.finish(),
        sizes: Sizes::REPORT,
    })
}

// ---------------------------------------------------------------------------
// Text

/// Text made safe for XML 1.0: characters it forbids (control characters other
/// than tab and line feed, U+FFFE, U+FFFF) are dropped, and carriage returns
/// become line feeds.
fn clean(text: &str) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    unified
        .chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n') || (c >= '\u{20}' && c != '\u{FFFE}' && c != '\u{FFFF}')
        })
        .collect()
}

/// Escapes the five characters XML gives meaning to (input already cleaned).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Any text as an XML attribute's value, on one line.
fn xml_attr(text: &str) -> String {
    escape(&clean(text).replace(['\n', '\t'], " "))
}

/// A language tag as an attribute can hold it: letters, digits and hyphens, else
/// the report language.
fn language_tag(tag: &str) -> String {
    let tag = tag.trim();
    let ok = !tag.is_empty()
        && tag.len() <= 35
        && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if ok {
        tag.to_string()
    } else {
        LANGUAGE.to_string()
    }
}

/// Runs for a piece of text: each line is its own run, later lines starting with
/// a `<w:br/>`; tabs become `<w:tab/>`.
fn push_runs(out: &mut String, text: &str, bold: bool) {
    let rpr = if bold {
        "<w:rPr><w:b/><w:bCs/></w:rPr>"
    } else {
        ""
    };
    let cleaned = clean(text);
    for (i, line) in cleaned.split('\n').enumerate() {
        out.push_str("<w:r>");
        out.push_str(rpr);
        if i > 0 {
            out.push_str("<w:br/>");
        }
        for (j, piece) in line.split('\t').enumerate() {
            if j > 0 {
                out.push_str("<w:tab/>");
            }
            if !piece.is_empty() {
                out.push_str("<w:t xml:space=\"preserve\">");
                out.push_str(&escape(piece));
                out.push_str("</w:t>");
            }
        }
        out.push_str("</w:r>");
    }
}

/// The run that shows a number, followed by a tab (paragraphs) or a space (list
/// items and table cells).
fn push_number(out: &mut String, number: u32, tab: bool, bold: bool) {
    out.push_str("<w:r>");
    if bold {
        out.push_str("<w:rPr><w:b/><w:bCs/></w:rPr>");
    }
    if tab {
        out.push_str(&format!("<w:t>{number}.</w:t><w:tab/>"));
    } else {
        out.push_str(&format!("<w:t xml:space=\"preserve\">{number}. </w:t>"));
    }
    out.push_str("</w:r>");
}

// ---------------------------------------------------------------------------
// The document body

/// Width of the text on an A4 page with 2.54 cm margins, in twentieths of a point.
const TEXT_WIDTH: usize = 11906 - 2 * 1440;

/// The bulleted list in numbering.xml.
const BULLET_NUM_ID: u32 = 1;

#[derive(Default)]
struct Body {
    xml: String,
    /// The last thing written was a table: Word joins two tables that touch, and
    /// wants a paragraph between a table and the end of the body.
    after_table: bool,
}

impl Body {
    fn open_p(&mut self, style: &str, extra_ppr: &str) {
        self.after_table = false;
        self.xml.push_str("<w:p><w:pPr><w:pStyle w:val=\"");
        self.xml.push_str(style);
        self.xml.push_str("\"/>");
        self.xml.push_str(extra_ppr);
        self.xml.push_str("</w:pPr>");
    }

    fn close_p(&mut self) {
        self.xml.push_str("</w:p>");
    }

    fn heading(&mut self, level: u8, text: &str) {
        let style = match level {
            1 => "Heading1",
            2 => "Heading2",
            _ => "Heading3",
        };
        self.open_p(style, "");
        push_runs(&mut self.xml, text, false);
        self.close_p();
    }

    fn plain(&mut self, text: &str) {
        self.open_p("Normal", "");
        push_runs(&mut self.xml, text, false);
        self.close_p();
    }

    fn numbered(&mut self, p: &Paragraph) {
        self.open_p("NumberedParagraph", "");
        push_number(&mut self.xml, p.number, true, false);
        push_runs(&mut self.xml, &p.text, false);
        self.close_p();
    }

    fn bullet(&mut self, p: &Paragraph) {
        let numpr =
            format!("<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"{BULLET_NUM_ID}\"/></w:numPr>");
        self.open_p("ListBullet", &numpr);
        push_number(&mut self.xml, p.number, false, false);
        push_runs(&mut self.xml, &p.text, false);
        self.close_p();
    }

    fn report_table(&mut self, t: &Table) {
        if !t.caption.trim().is_empty() {
            self.open_p("Caption", "");
            push_runs(&mut self.xml, &t.caption, false);
            self.close_p();
        }
        let rows: Vec<(Option<u32>, Vec<&str>)> = t
            .rows
            .iter()
            .map(|r| (Some(r.number), r.cells.iter().map(String::as_str).collect()))
            .collect();
        let header: Vec<&str> = t.header.iter().map(String::as_str).collect();
        self.table(&t.caption, &header, &rows);
    }

    fn chart(&mut self, c: &Chart) {
        self.open_p("NumberedParagraph", "<w:keepNext/>");
        push_number(&mut self.xml, c.number, true, true);
        push_runs(&mut self.xml, &c.title, true);
        self.close_p();
        let rows: Vec<(Option<u32>, Vec<&str>)> = c
            .bars
            .iter()
            .map(|b| (None, vec![b.label.as_str(), b.display.as_str()]))
            .collect();
        self.table(&c.title, &["Answer", "Share"], &rows);
        if !c.note.trim().is_empty() {
            self.open_p("Normal", "<w:spacing w:before=\"120\"/>");
            push_runs(&mut self.xml, &c.note, false);
            self.close_p();
        }
    }

    /// A table the width of the page with borders, its header row (if any)
    /// repeating at the top of each page; a row's number leads its first cell.
    fn table(&mut self, caption: &str, header: &[&str], rows: &[(Option<u32>, Vec<&str>)]) {
        let columns = rows
            .iter()
            .map(|(_, cells)| cells.len())
            .chain(std::iter::once(header.len()))
            .max()
            .unwrap_or(0)
            .max(1);
        if header.is_empty() && rows.is_empty() {
            return;
        }
        if self.after_table {
            self.xml.push_str("<w:p/>");
        }
        let width = TEXT_WIDTH / columns;
        let x = &mut self.xml;
        x.push_str("<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/>");
        x.push_str("<w:tblBorders>");
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            x.push_str(&format!(
                "<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
            ));
        }
        x.push_str("</w:tblBorders><w:tblLayout w:type=\"autofit\"/>");
        x.push_str(
            "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" \
             w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/>",
        );
        if !caption.trim().is_empty() {
            x.push_str(&format!("<w:tblCaption w:val=\"{}\"/>", xml_attr(caption)));
        }
        x.push_str("</w:tblPr><w:tblGrid>");
        for _ in 0..columns {
            x.push_str(&format!("<w:gridCol w:w=\"{width}\"/>"));
        }
        x.push_str("</w:tblGrid>");
        if !header.is_empty() {
            x.push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
            for i in 0..columns {
                let text = header.get(i).copied().unwrap_or("");
                push_cell(x, width, text, None, true);
            }
            x.push_str("</w:tr>");
        }
        for (number, cells) in rows {
            x.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            for i in 0..columns {
                let text = cells.get(i).copied().unwrap_or("");
                let number = if i == 0 { *number } else { None };
                push_cell(x, width, text, number, false);
            }
            x.push_str("</w:tr>");
        }
        x.push_str("</w:tbl>");
        self.after_table = true;
    }

    fn finish(mut self) -> String {
        if self.after_table {
            self.xml.push_str("<w:p/>");
        }
        self.xml
    }
}

fn push_cell(x: &mut String, width: usize, text: &str, number: Option<u32>, header: bool) {
    x.push_str(&format!(
        "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>"
    ));
    if header {
        x.push_str("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E7E6E6\"/>");
    }
    x.push_str("</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/>");
    if header {
        x.push_str("<w:keepNext/>");
    }
    x.push_str("</w:pPr>");
    if let Some(n) = number {
        push_number(x, n, false, header);
    }
    push_runs(x, text, header);
    x.push_str("</w:p></w:tc>");
}

// ---------------------------------------------------------------------------
// The package

/// Font sizes in half-points, and line spacing in 240ths of a line.
#[derive(Clone, Copy)]
struct Sizes {
    body: u32,
    line: u32,
    title: u32,
    h1: u32,
    h2: u32,
    h3: u32,
}

impl Sizes {
    const REPORT: Sizes = Sizes {
        body: 24,
        line: 276,
        title: 40,
        h1: 36,
        h2: 30,
        h3: 26,
    };
    /// Easy read: 14 point or more, one and a half line spacing.
    const EASY_READ: Sizes = Sizes {
        body: 28,
        line: 360,
        title: 48,
        h1: 44,
        h2: 36,
        h3: 32,
    };
}

struct Package<'a> {
    title: &'a str,
    subject: &'a str,
    language: String,
    footer: &'a str,
    body: String,
    sizes: Sizes,
}

const XML_DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const NS_W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const NS_R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WML: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";

fn pack(p: &Package<'_>) -> Result<Vec<u8>, DocxError> {
    let parts: [(&str, String); 10] = [
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", package_rels()),
        ("docProps/core.xml", core(p)),
        ("docProps/app.xml", app()),
        ("word/document.xml", document(&p.body)),
        ("word/_rels/document.xml.rels", document_rels()),
        ("word/styles.xml", styles(&p.language, p.sizes)),
        ("word/numbering.xml", numbering()),
        ("word/settings.xml", settings(&p.language)),
        ("word/footer1.xml", footer(p.footer)),
    ];
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    // A fixed time stamp: the same report gives the same bytes.
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default());
    for (name, xml) in parts {
        zip.start_file(name, options)?;
        zip.write_all(xml.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}

fn content_types() -> String {
    format!(
        "{XML_DECL}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"{WML}.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"{WML}.styles+xml\"/>\
<Override PartName=\"/word/numbering.xml\" ContentType=\"{WML}.numbering+xml\"/>\
<Override PartName=\"/word/settings.xml\" ContentType=\"{WML}.settings+xml\"/>\
<Override PartName=\"/word/footer1.xml\" ContentType=\"{WML}.footer+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
</Types>"
    )
}

fn package_rels() -> String {
    format!(
        "{XML_DECL}<Relationships xmlns=\"{NS_PKG_REL}\">\
<Relationship Id=\"rId1\" Type=\"{REL}/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
<Relationship Id=\"rId3\" Type=\"{REL}/extended-properties\" Target=\"docProps/app.xml\"/>\
</Relationships>"
    )
}

fn document_rels() -> String {
    format!(
        "{XML_DECL}<Relationships xmlns=\"{NS_PKG_REL}\">\
<Relationship Id=\"rId1\" Type=\"{REL}/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rId2\" Type=\"{REL}/numbering\" Target=\"numbering.xml\"/>\
<Relationship Id=\"rId3\" Type=\"{REL}/settings\" Target=\"settings.xml\"/>\
<Relationship Id=\"rId4\" Type=\"{REL}/footer\" Target=\"footer1.xml\"/>\
</Relationships>"
    )
}

fn core(p: &Package<'_>) -> String {
    format!(
        "{XML_DECL}<cp:coreProperties \
xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" \
xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
<dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:language>{}</dc:language>\
</cp:coreProperties>",
        xml_attr(p.title),
        xml_attr(p.subject),
        escape(&p.language),
    )
}

fn app() -> String {
    format!(
        "{XML_DECL}<Properties \
xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" \
xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">\
<Application>area-send</Application><DocSecurity>0</DocSecurity></Properties>"
    )
}

fn document(body: &str) -> String {
    format!(
        "{XML_DECL}<w:document xmlns:w=\"{NS_W}\" xmlns:r=\"{NS_R}\"><w:body>{body}\
<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId4\"/>\
<w:pgSz w:w=\"11906\" w:h=\"16838\"/>\
<w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" w:header=\"708\" \
w:footer=\"708\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"
    )
}

fn field(instruction: &str) -> String {
    format!(
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>\
<w:r><w:instrText xml:space=\"preserve\"> {instruction} </w:instrText></w:r>\
<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r>\
<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
    )
}

fn footer(text: &str) -> String {
    let mut runs = String::new();
    push_runs(&mut runs, text, false);
    format!(
        "{XML_DECL}<w:ftr xmlns:w=\"{NS_W}\" xmlns:r=\"{NS_R}\">\
<w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>{runs}</w:p>\
<w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>\
<w:r><w:t xml:space=\"preserve\">Page </w:t></w:r>{}\
<w:r><w:t xml:space=\"preserve\"> of </w:t></w:r>{}</w:p></w:ftr>",
        field("PAGE"),
        field("NUMPAGES"),
    )
}

fn settings(language: &str) -> String {
    format!(
        "{XML_DECL}<w:settings xmlns:w=\"{NS_W}\"><w:zoom w:percent=\"100\"/>\
<w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>\
<w:compat><w:compatSetting w:name=\"compatibilityMode\" \
w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
<w:themeFontLang w:val=\"{}\"/><w:decimalSymbol w:val=\".\"/><w:listSeparator w:val=\",\"/>\
</w:settings>",
        escape(language)
    )
}

fn numbering() -> String {
    format!(
        "{XML_DECL}<w:numbering xmlns:w=\"{NS_W}\">\
<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/>\
<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/>\
<w:lvlText w:val=\"\u{2022}\"/><w:lvlJc w:val=\"left\"/>\
<w:pPr><w:ind w:left=\"1418\" w:hanging=\"709\"/></w:pPr>\
<w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:hint=\"default\"/></w:rPr></w:lvl>\
</w:abstractNum><w:num w:numId=\"{BULLET_NUM_ID}\"><w:abstractNumId w:val=\"0\"/></w:num>\
</w:numbering>"
    )
}

/// A paragraph style. `name` is Word's built-in name where there is one (lower
/// case for headings, as Word writes them), so Word treats it as its own.
fn paragraph_style(
    id: &str,
    name: &str,
    custom: bool,
    extra: &str,
    ppr: &str,
    rpr: &str,
) -> String {
    let custom = if custom { " w:customStyle=\"1\"" } else { "" };
    format!(
        "<w:style w:type=\"paragraph\"{custom} w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>\
{extra}<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
    )
}

fn heading_style(level: u8, size: u32, before: u32) -> String {
    let outline = level.saturating_sub(1);
    paragraph_style(
        &format!("Heading{level}"),
        &format!("heading {level}"),
        false,
        "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>",
        &format!(
            "<w:keepNext/><w:keepLines/><w:spacing w:before=\"{before}\" w:after=\"120\"/>\
<w:outlineLvl w:val=\"{outline}\"/>"
        ),
        &format!("<w:b/><w:bCs/><w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/>"),
    )
}

fn styles(language: &str, s: Sizes) -> String {
    let lang = escape(language);
    let mut x = format!(
        "{XML_DECL}<w:styles xmlns:w=\"{NS_W}\"><w:docDefaults><w:rPrDefault><w:rPr>\
<w:rFonts w:ascii=\"Arial\" w:eastAsia=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/>\
<w:sz w:val=\"{b}\"/><w:szCs w:val=\"{b}\"/>\
<w:lang w:val=\"{lang}\" w:eastAsia=\"{lang}\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>\
<w:pPrDefault><w:pPr><w:spacing w:after=\"160\" w:line=\"{l}\" w:lineRule=\"auto\"/></w:pPr>\
</w:pPrDefault></w:docDefaults>",
        b = s.body,
        l = s.line,
    );
    x.push_str(
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">\
<w:name w:val=\"Normal\"/><w:qFormat/></w:style>",
    );
    x.push_str(
        "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">\
<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/>\
<w:unhideWhenUsed/></w:style>\
<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>\
<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr>\
<w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>\
<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/>\
<w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
<w:style w:type=\"numbering\" w:default=\"1\" w:styleId=\"NoList\"><w:name w:val=\"No List\"/>\
<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>",
    );
    x.push_str(&paragraph_style(
        "Title",
        "Title",
        false,
        "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"10\"/><w:qFormat/>",
        "<w:keepNext/><w:spacing w:after=\"240\"/><w:contextualSpacing/>",
        &format!("<w:b/><w:bCs/><w:sz w:val=\"{t}\"/><w:szCs w:val=\"{t}\"/>", t = s.title),
    ));
    x.push_str(&heading_style(1, s.h1, 0));
    x.push_str(&heading_style(2, s.h2, 360));
    x.push_str(&heading_style(3, s.h3, 240));
    x.push_str(&paragraph_style(
        "NumberedParagraph",
        "Numbered paragraph",
        true,
        "<w:basedOn w:val=\"Normal\"/><w:qFormat/>",
        "<w:tabs><w:tab w:val=\"left\" w:pos=\"709\"/></w:tabs><w:ind w:left=\"709\" w:hanging=\"709\"/>",
        "",
    ));
    x.push_str(&paragraph_style(
        "ListBullet",
        "List Bullet",
        false,
        "<w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/>",
        "<w:spacing w:after=\"120\"/>",
        "",
    ));
    x.push_str(&paragraph_style(
        "Caption",
        "caption",
        false,
        "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"35\"/>\
<w:unhideWhenUsed/><w:qFormat/>",
        "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"120\"/>",
        "<w:b/><w:bCs/>",
    ));
    x.push_str(&paragraph_style(
        "TableText",
        "Table text",
        true,
        "<w:basedOn w:val=\"Normal\"/><w:qFormat/>",
        "<w:spacing w:before=\"60\" w:after=\"60\"/>",
        "",
    ));
    x.push_str(&paragraph_style(
        "Footer",
        "footer",
        false,
        "<w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/>",
        "<w:spacing w:after=\"0\"/>",
        "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>",
    ));
    x.push_str("</w:styles>");
    x
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use std::io::Read;

    use super::*;
    use crate::domain::report::{
        ChartBar, EasyReadPoint, ReportOutcome, Section, SectionKind, TableRow,
    };

    fn para(id: &str, number: u32, text: &str) -> Paragraph {
        Paragraph {
            id: id.into(),
            number,
            text: text.into(),
            citations: vec![],
        }
    }

    const HOSTILE: &str = "Bad <script>&\"' text\u{0007} here\u{FFFE}\r\nsecond line\u{1B}";

    fn hostile_report() -> Report {
        Report {
            title: "Area SEND inspection of <Somewhere> & \"Co\"".into(),
            language: "en-GB".into(),
            partnership: "Somewhere".into(),
            inspection_dates: "2 to 6 June 2025".into(),
            previous_inspection: None,
            footer: "Footer <b>& \u{0007}".into(),
            outcome: ReportOutcome {
                id: 2,
                label: "Outcome 2".into(),
            },
            sections: vec![
                Section {
                    kind: SectionKind::Outcome,
                    heading: "Inspection outcome".into(),
                    blocks: vec![Block::Paragraph(para("outcome", 1, HOSTILE))],
                },
                Section {
                    kind: SectionKind::Effective,
                    heading: "What is effective".into(),
                    blocks: vec![
                        Block::Bullets {
                            items: vec![para("b-1", 2, "First"), para("b-2", 3, "Second")],
                        },
                        Block::Subheading {
                            text: "A <sub> heading".into(),
                        },
                        Block::Chart(Chart {
                            id: "c-1".into(),
                            number: 4,
                            title: "Chart title".into(),
                            description: "Alt".into(),
                            bars: vec![ChartBar {
                                label: "Agree".into(),
                                percent: Some(50.0),
                                display: "50%".into(),
                            }],
                            note: "Based on 20 answers.".into(),
                        }),
                    ],
                },
                Section {
                    kind: SectionKind::Details,
                    heading: "Details".into(),
                    blocks: vec![Block::Table(Table {
                        caption: "Who is who".into(),
                        header: vec!["Body".into(), "Leader".into()],
                        rows: vec![TableRow {
                            id: "r-1".into(),
                            number: 5,
                            cells: vec!["Council".into(), "Jo <Smith>".into(), "extra".into()],
                            citations: vec![],
                        }],
                    })],
                },
            ],
        }
    }

    fn part(docx: &[u8], name: &str) -> String {
        let mut zip = zip::ZipArchive::new(Cursor::new(docx)).unwrap();
        let mut file = zip.by_name(name).unwrap();
        let mut s = String::new();
        file.read_to_string(&mut s).unwrap();
        s
    }

    /// A rough well-formedness check: every tag closes in order, no raw `<`, `>`
    /// or `&` sits in text, and no character XML 1.0 forbids appears.
    fn assert_well_formed(xml: &str) {
        assert!(!xml
            .chars()
            .any(|c| (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}'));
        let mut stack: Vec<String> = vec![];
        let mut rest = xml;
        while let Some(start) = rest.find('<') {
            let text = &rest[..start];
            assert!(!text.contains('>'), "raw > in {text:?}");
            for (i, _) in text.match_indices('&') {
                let entity = &text[i..text[i..].find(';').map(|e| i + e + 1).unwrap()];
                assert!(
                    ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"].contains(&entity),
                    "bad entity {entity}"
                );
            }
            let end = rest[start..].find('>').unwrap() + start;
            let tag = &rest[start + 1..end];
            assert!(!tag.contains('<'), "raw < in tag {tag:?}");
            if tag.starts_with('?') {
            } else if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(stack.pop().as_deref(), Some(name), "unbalanced at {name}");
            } else if !tag.ends_with('/') {
                let name = tag.split_whitespace().next().unwrap();
                stack.push(name.to_string());
            }
            rest = &rest[end + 1..];
        }
        assert!(stack.is_empty(), "unclosed {stack:?}");
    }

    /// The texts of the paragraphs in a style, in order.
    fn styled_texts(document: &str, style: &str) -> Vec<String> {
        let marker = format!("<w:pStyle w:val=\"{style}\"/>");
        document
            .split("<w:p>")
            .filter(|p| p.contains(&marker))
            .map(|p| {
                let p = &p[..p.find("</w:p>").unwrap()];
                p.split("</w:t>")
                    .filter_map(|t| {
                        let start = t.rfind("<w:t>").or_else(|| t.rfind("<w:t "))?;
                        let t = &t[start..];
                        Some(t[t.find('>').unwrap() + 1..].to_string())
                    })
                    .collect::<String>()
            })
            .collect()
    }

    #[test]
    fn the_package_unzips_with_every_part_well_formed() {
        let docx = report_docx(&hostile_report()).unwrap();
        let mut zip = zip::ZipArchive::new(Cursor::new(&docx)).unwrap();
        assert_eq!(zip.by_index(0).unwrap().name(), "[Content_Types].xml");
        let names: Vec<String> = zip.file_names().map(String::from).collect();
        for name in [
            "[Content_Types].xml",
            "_rels/.rels",
            "word/document.xml",
            "word/styles.xml",
            "word/numbering.xml",
            "word/settings.xml",
            "word/_rels/document.xml.rels",
            "word/footer1.xml",
            "docProps/core.xml",
            "docProps/app.xml",
        ] {
            assert!(names.contains(&name.to_string()), "{name} missing");
            assert_well_formed(&part(&docx, name));
        }
    }

    #[test]
    fn headings_come_in_order_at_their_levels() {
        let document = part(
            &report_docx(&hostile_report()).unwrap(),
            "word/document.xml",
        );
        assert_eq!(
            styled_texts(&document, "Heading1"),
            ["Area SEND inspection of &lt;Somewhere&gt; &amp; &quot;Co&quot;"]
        );
        assert_eq!(
            styled_texts(&document, "Heading2"),
            ["Inspection outcome", "What is effective", "Details"]
        );
        assert_eq!(
            styled_texts(&document, "Heading3"),
            ["A &lt;sub&gt; heading"]
        );
        let styles = part(&report_docx(&hostile_report()).unwrap(), "word/styles.xml");
        for level in 1..=3 {
            assert!(styles.contains(&format!(
                "w:styleId=\"Heading{level}\"><w:name w:val=\"heading {level}\"/>"
            )));
            assert!(styles.contains(&format!("<w:outlineLvl w:val=\"{}\"/>", level - 1)));
        }
        assert!(styles.contains("<w:lang w:val=\"en-GB\""));
    }

    #[test]
    fn hostile_text_is_escaped_and_illegal_characters_dropped() {
        let docx = report_docx(&hostile_report()).unwrap();
        let document = part(&docx, "word/document.xml");
        assert!(document.contains("Bad &lt;script&gt;&amp;&quot;&apos; text here"));
        assert!(!document.contains("<script>"));
        assert!(!document.contains('\u{7}') && !document.contains('\u{1B}'));
        assert!(!document.contains('\u{FFFE}'));
        // The line break is a new run starting with <w:br/>.
        assert!(
            document.contains("</w:r><w:r><w:br/><w:t xml:space=\"preserve\">second line</w:t>")
        );
        let footer = part(&docx, "word/footer1.xml");
        assert!(footer.contains("Footer &lt;b&gt;&amp; </w:t>"));
        assert!(footer.contains(" PAGE "));
        let core = part(&docx, "docProps/core.xml");
        assert!(core.contains(
            "<dc:title>Area SEND inspection of &lt;Somewhere&gt; &amp; &quot;Co&quot;</dc:title>"
        ));
        assert!(core.contains("<dc:language>en-GB</dc:language>"));
    }

    #[test]
    fn numbers_tables_and_charts() {
        let document = part(
            &report_docx(&hostile_report()).unwrap(),
            "word/document.xml",
        );
        assert!(document.contains("<w:t>1.</w:t><w:tab/>"));
        assert!(document.contains(
            "<w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t xml:space=\"preserve\">2. </w:t>"
        ));
        assert!(document.contains("<w:t xml:space=\"preserve\">5. </w:t></w:r><w:r><w:t xml:space=\"preserve\">Council</w:t>"));
        assert_eq!(document.matches("<w:tblHeader/>").count(), 2);
        assert_eq!(document.matches("<w:tbl>").count(), 2);
        assert_eq!(styled_texts(&document, "Caption"), ["Who is who"]);
        // The chart: bold title, Answer | Share, the note; the row with an extra
        // cell widens the table rather than losing it.
        assert!(document.contains(">Answer</w:t>") && document.contains(">Share</w:t>"));
        assert!(document.contains(">50%</w:t>") && document.contains("Based on 20 answers."));
        assert!(document.contains(">extra</w:t>"));
        assert!(document.contains("<w:tblW w:w=\"5000\" w:type=\"pct\"/>"));
        // The body ends in a paragraph, not a table.
        assert!(document.contains("</w:tbl><w:p/><w:sectPr>"));
    }

    #[test]
    fn the_fixture_leaves_out_citations_and_is_stable() {
        let report: Report =
            serde_json::from_str(include_str!("../../tests/fixtures/report/outcome3.json"))
                .unwrap();
        let docx = report_docx(&report).unwrap();
        assert_eq!(
            docx,
            report_docx(&report).unwrap(),
            "same report, same bytes"
        );
        let document = part(&docx, "word/document.xml");
        assert_well_formed(&document);
        assert!(!document.contains("EHC plans issued within 20 weeks"));
        let headings = styled_texts(&document, "Heading2");
        let expected: Vec<String> = report
            .sections
            .iter()
            .map(|s| escape(&clean(&s.heading)))
            .collect();
        assert_eq!(headings, expected);
        for unit in report.units() {
            assert!(
                document.contains(&format!(">{}.</w:t>", unit.number))
                    || document.contains(&format!(">{}. </w:t>", unit.number)),
                "number {} missing",
                unit.number
            );
        }
    }

    #[test]
    fn easy_read_has_the_points_without_symbol_labels() {
        let summary = EasyReadSummary {
            title: "What we found".into(),
            language: "not a tag!".into(),
            partnership: "Northby".into(),
            inspection_dates: "2 to 6 June 2025".into(),
            footer: "Easy read".into(),
            points: vec![EasyReadPoint {
                id: "e-1".into(),
                text: "We talked to families.".into(),
                symbol: "talk".into(),
                symbol_label: "Two people talking".into(),
            }],
        };
        let docx = easy_read_docx(&summary).unwrap();
        let document = part(&docx, "word/document.xml");
        assert_well_formed(&document);
        assert_eq!(styled_texts(&document, "Heading1"), ["What we found"]);
        assert!(document.contains("We talked to families."));
        assert!(!document.contains("Two people talking"));
        assert!(part(&docx, "docProps/core.xml").contains("<dc:language>en-GB</dc:language>"));
        assert!(part(&docx, "word/styles.xml").contains("<w:sz w:val=\"28\"/>"));
    }
}
