//! CSV, both ways: RFC 4180 fields that no spreadsheet runs as formulas, and records read back.

/// One field of a CSV record, quoted as RFC 4180 asks (commas, quotes, line breaks), and with
/// a leading `'` where a spreadsheet would otherwise run the text as a formula.
pub fn csv_field(text: &str) -> String {
    // A leading quote is guarded too, so that every text has one written form and a reader can
    // take exactly one quote off (a spreadsheet hides it).
    let guarded = if text.starts_with(['=', '+', '@', '\'']) { format!("'{text}") } else { text.to_owned() };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// Splits CSV text into records (RFC 4180: quoted fields, doubled quotes, CRLF or LF), each
/// with the line number it starts on.
pub fn parse_csv(text: &str) -> Vec<(usize, Vec<String>)> {
    let text = text.trim_start_matches('\u{feff}');
    let mut out = Vec::new();
    let (mut record, mut field) = (Vec::new(), String::new());
    let (mut quoted, mut line, mut start) = (false, 1, 1);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => {
                if c == '\n' {
                    line += 1;
                }
                field.push(c);
            }
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                out.push((start, std::mem::take(&mut record)));
                line += 1;
                start = line;
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        out.push((start, record));
    }
    out.retain(|(_, r)| !(r.len() == 1 && r[0].trim().is_empty()));
    out
}
