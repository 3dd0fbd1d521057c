//! Reading the spreadsheets admins upload: UTF-8 (with or without BOM) or Windows-1252
//! (Excel's "CSV" on Windows), comma- or semicolon-separated (French Excel uses ";"),
//! headers in English or French.

/// The text of an uploaded file.
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9f => HIGH[(byte - 0x80) as usize],
        _ => byte as char,
    }
}

/// `;` when the header line has more semicolons than commas.
pub fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    if header.matches(';').count() > header.matches(',').count() {
        b';'
    } else {
        b','
    }
}

/// Lower case, accents and separators removed: "Prénom", "first_name", "First Name" all
/// become "prenom" / "firstname".
fn normalise(header: &str) -> String {
    crate::fold::fold(header)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-' | '.' | '\'' | '\u{2019}'))
        .collect()
}

/// The canonical column a header names, if any.
pub fn canonical_column(header: &str) -> Option<&'static str> {
    Some(match normalise(header).as_str() {
        "firstname" | "prenom" | "givenname" => "first_name",
        "lastname" | "nom" | "nomdefamille" | "surname" | "familyname" => "last_name",
        "email" | "emailaddress" | "courriel" | "adressecourriel" | "mail" => "email",
        "role" => "role",
        "language" | "langue" | "lang" => "language",
        _ => return None,
    })
}

/// A parsed file: the canonical column of each header position, and the non-empty
/// records with their spreadsheet row number (the header is row 1).
pub struct Table {
    pub columns: Vec<Option<&'static str>>,
    pub rows: Vec<(u32, Vec<String>)>,
}

impl Table {
    pub fn has(&self, column: &str) -> bool {
        self.columns.contains(&Some(column))
    }

    pub fn cell<'a>(&self, row: &'a [String], column: &str) -> &'a str {
        self.columns
            .iter()
            .position(|c| *c == Some(column))
            .and_then(|i| row.get(i))
            .map(|v| v.trim())
            .unwrap_or("")
    }
}

/// Spreadsheet row numbers of records, counted as the reader moves forward: each call
/// counts only the line breaks since the previous one, so a file is scanned once.
struct RowCounter<'a> {
    text: &'a [u8],
    byte: usize,
    line: u32,
}

impl<'a> RowCounter<'a> {
    fn new(text: &'a [u8]) -> Self {
        Self {
            text,
            byte: 0,
            line: 1,
        }
    }

    /// The row of the record starting at `byte` (the reader reports the start before any
    /// skipped line breaks, so those are skipped first). `byte` never goes backwards.
    fn row_at(&mut self, mut byte: usize) -> u32 {
        let text = self.text;
        while byte < text.len() && matches!(text[byte], b'\r' | b'\n') {
            byte += 1;
        }
        let byte = byte.min(text.len()).max(self.byte);
        self.line += memchr::memchr_iter(b'\n', &text[self.byte..byte]).count() as u32;
        self.byte = byte;
        self.line
    }
}

/// Parses the whole file; `Err` when it is not readable as CSV.
pub fn parse(bytes: &[u8]) -> Result<Table, csv::Error> {
    let text = decode(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(&text))
        .flexible(true)
        .from_reader(text.as_bytes());
    let columns = reader.headers()?.iter().map(canonical_column).collect();
    let mut rows = Vec::new();
    let mut counter = RowCounter::new(text.as_bytes());
    for record in reader.records() {
        let record = record?;
        // Spreadsheets often carry empty lines (";;;"): not members, not errors.
        if record.iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        let line = record
            .position()
            .map_or(0, |p| counter.row_at(p.byte() as usize));
        rows.push((line, record.iter().map(str::to_string).collect()));
    }
    Ok(Table { columns, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_french_excel_files() {
        // "Prénom;Nom;Courriel;Rôle" in Windows-1252, semicolon-separated.
        let bytes = b"Pr\xe9nom;Nom;Courriel;R\xf4le\r\n;;;\r\nZo\xe9;Roy;zoe@x.ca;mentor\r\n\r\n";
        let table = parse(bytes).unwrap();
        assert_eq!(
            table.columns,
            vec![
                Some("first_name"),
                Some("last_name"),
                Some("email"),
                Some("role")
            ]
        );
        assert_eq!(table.rows.len(), 1);
        assert_eq!(table.rows[0].0, 3, "row numbers are the spreadsheet's");
        assert_eq!(table.cell(&table.rows[0].1, "first_name"), "Zoé");
    }

    #[test]
    fn row_numbers_survive_blank_lines() {
        let table =
            parse(b"email\r\n\r\na@b.co\r\n\r\n\r\nc@d.co\n\"x\ny\"@e.co\nf@g.co\n").unwrap();
        let rows: Vec<u32> = table.rows.iter().map(|r| r.0).collect();
        assert_eq!(rows, vec![3, 6, 7, 9]);
    }

    #[test]
    fn reads_utf8_with_bom_and_english_headers() {
        let table = parse(
            "\u{feff}First Name,Last Name,Email,Role,Language\nAna,Lee,a@b.co,mentee,fr\n"
                .as_bytes(),
        )
        .unwrap();
        assert!(table.has("language"));
        assert_eq!(table.cell(&table.rows[0].1, "language"), "fr");
        assert_eq!(canonical_column("E-mail"), Some("email"));
        assert_eq!(canonical_column("Favorite sport"), None);
    }
}
