//! RFC 5545's content lines read into components: lines unfolded, each property's name,
//! parameters (quoted values kept whole) and raw value. Only what busy time needs is read
//! further; texts (titles, descriptions) are never unescaped because they are never kept.

/// One property: `NAME;PARAM=value:value`, names upper-cased.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Property {
    pub name: String,
    pub params: Vec<(String, String)>,
    pub value: String,
}

impl Property {
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// `BEGIN:NAME` … `END:NAME`, with what it holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Component {
    pub name: String,
    pub properties: Vec<Property>,
    pub children: Vec<Component>,
}

impl Component {
    pub fn prop(&self, name: &str) -> Option<&Property> {
        self.properties.iter().find(|p| p.name == name)
    }

    pub fn props<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Property> + 'a {
        self.properties.iter().filter(move |p| p.name == name)
    }

    pub fn value(&self, name: &str) -> Option<&str> {
        self.prop(name).map(|p| p.value.trim())
    }
}

/// Why a text is not a calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContentError {
    /// No `BEGIN:VCALENDAR` at all (an HTML page, a login form…).
    NotCalendar,
    /// Components nest deeper than any calendar does, or an `END` closes what was not
    /// opened; the 1-based line (after unfolding).
    Malformed { line: usize },
}

/// Deeper than VCALENDAR > VEVENT > VALARM and VTIMEZONE > STANDARD with room to spare.
const MAX_DEPTH: usize = 8;

/// The top-level components of `text` (usually one VCALENDAR). Lines that are not
/// properties are skipped, as calendar applications do; unbalanced components are not.
pub fn read(text: &str) -> Result<Vec<Component>, ContentError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut stack: Vec<Component> = Vec::new();
    let mut top: Vec<Component> = Vec::new();
    for (i, line) in unfold(text).iter().enumerate() {
        let Some(prop) = property(line) else {
            continue;
        };
        match prop.name.as_str() {
            "BEGIN" => {
                if stack.len() >= MAX_DEPTH {
                    return Err(ContentError::Malformed { line: i + 1 });
                }
                stack.push(Component {
                    name: prop.value.trim().to_ascii_uppercase(),
                    ..Component::default()
                });
            }
            "END" => {
                let name = prop.value.trim().to_ascii_uppercase();
                let done = match stack.pop() {
                    Some(c) if c.name == name => c,
                    _ => return Err(ContentError::Malformed { line: i + 1 }),
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => top.push(done),
                }
            }
            _ => {
                if let Some(current) = stack.last_mut() {
                    current.properties.push(prop);
                }
            }
        }
    }
    // A file cut short (a dropped connection) keeps what was closed.
    while let Some(open) = stack.pop() {
        match stack.last_mut() {
            Some(parent) => parent.children.push(open),
            None => top.push(open),
        }
    }
    if !top.iter().any(|c| c.name == "VCALENDAR") {
        return Err(ContentError::NotCalendar);
    }
    Ok(top)
}

/// Joins folded lines: a line starting with a space or a tab continues the one before.
fn unfold(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for raw in text.split('\n') {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        match raw.chars().next() {
            Some(' ') | Some('\t') if !lines.is_empty() => {
                lines.last_mut().expect("checked").push_str(&raw[1..]);
            }
            _ => lines.push(raw.to_string()),
        }
    }
    lines
}

/// `NAME *(";" param) ":" value`; `None` for a line that is not one.
fn property(line: &str) -> Option<Property> {
    let name_end = line.find([';', ':'])?;
    let name = line[..name_end].trim().to_ascii_uppercase();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return None;
    }
    let mut params = Vec::new();
    let mut rest = &line[name_end..];
    while let Some(after) = rest.strip_prefix(';') {
        let eq = after.find('=')?;
        let pname = after[..eq].trim().to_ascii_uppercase();
        let mut value = String::new();
        let mut chars = after[eq + 1..].char_indices();
        let mut quoted = false;
        let mut end = after.len() - eq - 1;
        for (at, c) in chars.by_ref() {
            match c {
                '"' => quoted = !quoted,
                ';' | ':' if !quoted => {
                    end = at;
                    break;
                }
                _ => value.push(c),
            }
        }
        params.push((pname, value));
        rest = &after[eq + 1 + end..];
    }
    let value = rest.strip_prefix(':')?;
    Some(Property {
        name,
        params,
        value: value.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_lines_and_quoted_parameters_are_read_whole() {
        let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;TZID=\"America/New_York\";X-A=\"a:b;c\":2026\r\n 0101T090000\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let top = read(text).unwrap();
        let event = &top[0].children[0];
        let start = event.prop("DTSTART").unwrap();
        assert_eq!(start.value, "20260101T090000");
        assert_eq!(start.param("TZID"), Some("America/New_York"));
        assert_eq!(start.param("X-A"), Some("a:b;c"));
    }

    #[test]
    fn an_html_page_is_not_a_calendar_and_unbalanced_ends_are_named() {
        assert_eq!(
            read("<html><body>Sign in</body></html>"),
            Err(ContentError::NotCalendar)
        );
        assert_eq!(
            read("BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VTODO\nEND:VCALENDAR\n"),
            Err(ContentError::Malformed { line: 3 })
        );
    }

    #[test]
    fn a_file_cut_short_keeps_the_events_it_closed() {
        let text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nEND:VEVENT\nBEGIN:VEVENT\nUID:b\n";
        let top = read(text).unwrap();
        assert_eq!(top[0].children.len(), 2);
        assert_eq!(top[0].children[0].value("UID"), Some("a"));
    }
}
