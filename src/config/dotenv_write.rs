//! Editing `$CODEX_HOME/.env` as text: one `NAME=VALUE` line replaced, appended or removed,
//! every other byte kept. The value is quoted so Codex's dotenvy parser reads it back exactly.

/// The value as dotenvy reads it back unchanged: single quotes (no escapes, no `$`
/// substitution) unless it holds a `'`, then double quotes with `\`, `"` and `$` escaped.
/// Control characters cannot be written on one line and are refused (the caller says so).
pub fn quote(value: &str) -> Option<String> {
    if value.is_empty() || value.chars().any(char::is_control) {
        return None;
    }
    if !value.contains('\'') {
        return Some(format!("'{value}'"));
    }
    let mut s = String::from("\"");
    for c in value.chars() {
        if matches!(c, '\\' | '"' | '$') {
            s.push('\\');
        }
        s.push(c);
    }
    s.push('"');
    Some(s)
}

/// The name a line assigns (`NAME=…` or `export NAME=…`), if any.
fn assigned(line: &str) -> Option<&str> {
    let l = line.trim_start();
    let l = l.strip_prefix("export ").map(str::trim_start).unwrap_or(l);
    if l.starts_with('#') {
        return None;
    }
    l.split_once('=').map(|(k, _)| k.trim())
}

/// `text` with `NAME=quoted` in place of the last line assigning NAME (the one that wins),
/// or appended (after a newline if the text lacks a final one). Other lines keep their bytes,
/// line endings included; a new line takes the file's ending (CRLF when the file uses it).
pub fn set(text: &str, name: &str, quoted: &str) -> String {
    let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    if let Some(i) = lines.iter().rposition(|l| assigned(l) == Some(name)) {
        let old = lines[i];
        let ending = &old[old.trim_end_matches(['\r', '\n']).len()..];
        let mut out: String = lines[..i].concat();
        out.push_str(&format!("{name}={quoted}{ending}"));
        out.push_str(&lines[i + 1..].concat());
        return out;
    }
    let mut out = text.to_string();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push_str(eol);
    }
    out.push_str(&format!("{name}={quoted}{eol}"));
    out
}

/// `text` without the lines assigning NAME; None when there is none.
pub fn unset(text: &str, name: &str) -> Option<String> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    if !lines.iter().any(|l| assigned(l) == Some(name)) {
        return None;
    }
    Some(lines.into_iter().filter(|l| assigned(l) != Some(name)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_so_dotenv_reads_back_the_same() {
        assert_eq!(quote("sk-a$b\"c").as_deref(), Some("'sk-a$b\"c'"));
        assert_eq!(quote("it's$x\\").as_deref(), Some("\"it's\\$x\\\\\""));
        assert_eq!(quote(""), None);
        assert_eq!(quote("a\nb"), None);
    }

    #[test]
    fn replaces_in_place_and_keeps_other_bytes() {
        let t = "# keys\r\nA=1\r\nexport K = old # c\r\nB='2'";
        assert_eq!(set(t, "K", "'new'"), "# keys\r\nA=1\r\nK='new'\r\nB='2'");
        assert_eq!(set(t, "Z", "'z'"), format!("{t}\r\nZ='z'\r\n"));
        assert_eq!(set("", "Z", "'z'"), "Z='z'\n");
        assert_eq!(set("#K=1\n", "K", "'v'"), "#K=1\nK='v'\n", "a comment is not an assignment");
    }

    #[test]
    fn unset_removes_every_assignment() {
        assert_eq!(unset("A=1\nK=2\nB=3\nK=4\n", "K").as_deref(), Some("A=1\nB=3\n"));
        assert_eq!(unset("A=1\n", "K"), None);
    }
}
