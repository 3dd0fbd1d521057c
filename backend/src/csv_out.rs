//! Spreadsheet exports (the e-mail log, the meetings): cells that survive any separator
//! and can never run as formulas.

/// A spreadsheet cell that cannot run as a formula: a `'` goes before `=`, `+`, `-`, `@`,
/// tab or CR where a cell could start — at the start, and after any `,` `;` tab or line
/// break (a spreadsheet set to another separator, French Excel's `;` above all, splits
/// there). Cells holding a separator, quote or line break are quoted.
pub fn csv_cell(value: &str) -> String {
    let mut neutral = String::with_capacity(value.len() + 2);
    let mut cell_start = true;
    for c in value.chars() {
        if cell_start && matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r') {
            neutral.push('\'');
        }
        neutral.push(c);
        cell_start = matches!(c, ',' | ';' | '\t' | '\n' | '\r') || (cell_start && c == ' ');
    }
    if neutral.contains([',', ';', '"', '\n', '\r', '\t']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}

/// One CSV record, its cells already made with `csv_cell`, ending in CRLF.
pub fn csv_record(cells: &[String]) -> String {
    format!("{}\r\n", cells.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+1"), "'+1");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("Bonjour, Zoé"), "\"Bonjour, Zoé\"");
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("Marie-Claire - notes"), "Marie-Claire - notes");
    }

    #[test]
    fn cells_survive_any_separator_and_split_cells_cannot_run() {
        let nasty = "Bonjour;=HYPERLINK(\"http://evil\"); +1,@SUM(A1)\n-2";
        let cell = csv_cell(nasty);
        // Read back by a standard CSV reader, with either separator, it is one cell.
        for delimiter in [b',', b';'] {
            let line = format!("{cell},next\r\n");
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .delimiter(delimiter)
                .from_reader(line.as_bytes());
            let record = reader.records().next().unwrap().unwrap();
            let first = &record[0];
            if delimiter == b',' {
                assert_eq!(
                    first,
                    "Bonjour;'=HYPERLINK(\"http://evil\"); '+1,'@SUM(A1)\n'-2"
                );
            }
            // Wherever a reader that ignores quotes would cut, no piece starts a formula.
            for piece in first.split([',', ';', '\n']) {
                assert!(
                    !piece.trim_start().starts_with(['=', '+', '-', '@']),
                    "{piece:?}"
                );
            }
        }
    }
}
