//! Server-sent events, read the way Codex reads a Responses stream: the event type comes from
//! the JSON `type`, `event:` lines are optional, comments and `data: [DONE]` are ignored, and
//! bytes may be split anywhere (even inside a UTF-8 character).

use serde_json::Value;

/// Longest event the probe reads (one `data` line, or the lines of one event together).
/// The probe's request is small and so are the answers Codex expects to it; a longer event
/// is dropped, as if its data were not JSON, so a stream without line ends (a compression
/// bomb of zeros) never piles up in memory.
pub const EVENT_MAX: usize = 256 * 1024;

/// Incremental SSE framing: bytes in, complete `data` payloads out. Holds at most one line
/// and one event's data, each under [`EVENT_MAX`].
#[derive(Debug, Default)]
pub struct Parser {
    line: Vec<u8>,
    /// The current line is longer than [`EVENT_MAX`]: its tail is skipped.
    long_line: bool,
    data: Option<String>,
    /// The current event's data outgrew [`EVENT_MAX`]: the event is dropped when it ends.
    dropped: bool,
}

impl Parser {
    /// Feeds bytes; returns the data of every event completed by them.
    pub fn push(&mut self, bytes: &[u8]) -> Vec<String> {
        let mut out = Vec::new();
        for &b in bytes {
            if b != b'\n' {
                if self.line.len() < EVENT_MAX {
                    self.line.push(b);
                } else {
                    self.long_line = true;
                }
                continue;
            }
            if self.line.last() == Some(&b'\r') && !self.long_line {
                self.line.pop();
            }
            self.end_line(&mut out);
            self.line.clear();
            self.long_line = false;
        }
        out
    }

    fn end_line(&mut self, out: &mut Vec<String>) {
        let line = &self.line[..];
        if line.is_empty() {
            let data = self.data.take();
            if !std::mem::take(&mut self.dropped) {
                out.extend(data);
            }
            return;
        }
        if line.starts_with(b":") {
            return;
        }
        let (field, value) = match line.iter().position(|&c| c == b':') {
            Some(i) => (&line[..i], line[i + 1..].strip_prefix(b" ").unwrap_or(&line[i + 1..])),
            None => (line, &[][..]),
        };
        if field != b"data" {
            return;
        }
        let held = self.data.as_ref().map_or(0, |d| d.len() + 1);
        if self.dropped || self.long_line || held + value.len() > EVENT_MAX {
            self.dropped = true;
            self.data = Some(String::new());
            return;
        }
        let value = String::from_utf8_lossy(value);
        match &mut self.data {
            Some(d) => {
                d.push('\n');
                d.push_str(&value);
            }
            None => self.data = Some(value.into_owned()),
        }
    }
}

/// What a stream amounted to, judged as Codex would (docs/codex-facts.md#streams).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Codex prints the text / runs the tool and exits 0.
    Pass { text: String, tool_calls: Vec<String> },
    /// Codex exits 0 and prints nothing; the reason says why.
    Silent(String),
    /// `response.failed` or an `error` event: the server's own words.
    Failed { code: Option<String>, message: String },
    /// `response.incomplete` (reason).
    Incomplete(String),
    /// Codex exits 1 (e.g. completed without `response.id`, or no completed at all).
    Broken(String),
}

/// Text kept of the answer (the verdict shows its first 200 characters).
const TEXT_MAX: usize = 4 * 1024;
/// Tool calls named (the probe asks for one turn; a stream of thousands stays small).
const TOOLS_MAX: usize = 32;

/// Accumulates events until the stream is decided; keeps only what the verdict reads
/// (whether deltas came, a bounded prefix of the text, the first tool names).
#[derive(Debug, Default)]
pub struct Judge {
    pub events: usize,
    deltas: bool,
    item_added: bool,
    text: String,
    tool_calls: Vec<String>,
    assistant_message: bool,
    no_role: bool,
    text_part: bool,
    failed: Option<(Option<String>, String)>,
    error_event: Option<(Option<String>, String)>,
    done: Option<Outcome>,
}

fn error_fields(v: &Value) -> (Option<String>, String) {
    let code = v.get("code").and_then(Value::as_str).map(str::to_string);
    let msg = v.get("message").and_then(Value::as_str).unwrap_or("").to_string();
    (code, msg)
}

impl Judge {
    /// Feeds one event payload. Returns true once the stream is decided.
    pub fn feed(&mut self, data: &str) -> bool {
        if self.done.is_some() {
            return true;
        }
        let data = data.trim();
        if data == "[DONE]" || data.is_empty() {
            return false;
        }
        let Ok(v) = serde_json::from_str::<Value>(data) else { return false };
        self.events += 1;
        match v.get("type").and_then(Value::as_str).unwrap_or("") {
            "response.output_text.delta" => {
                self.deltas |= v.get("delta").and_then(Value::as_str).is_some_and(|d| !d.is_empty());
            }
            "response.output_item.added" => self.item_added = true,
            "response.output_item.done" => self.item_done(v.get("item").unwrap_or(&Value::Null)),
            "response.completed" => self.done = Some(self.completed(v.get("response"))),
            "response.failed" => {
                let e = v.pointer("/response/error").or_else(|| v.get("error")).unwrap_or(&Value::Null);
                self.failed = Some(error_fields(e));
                let (code, message) = self.failed.clone().unwrap_or_default();
                self.done = Some(Outcome::Failed { code, message });
            }
            "response.incomplete" => {
                let reason = v
                    .pointer("/response/incomplete_details/reason")
                    .and_then(Value::as_str)
                    .unwrap_or("unknown")
                    .to_string();
                self.done = Some(Outcome::Incomplete(reason));
            }
            "error" => {
                let e = v.get("error").filter(|e| e.is_object()).unwrap_or(&v);
                self.error_event = Some(error_fields(e));
            }
            _ => {}
        }
        self.done.is_some()
    }

    fn item_done(&mut self, item: &Value) {
        match item.get("type").and_then(Value::as_str) {
            Some("message") => {
                if item.get("role").and_then(Value::as_str) != Some("assistant") {
                    self.no_role = true;
                    return;
                }
                for part in item.get("content").and_then(Value::as_array).into_iter().flatten() {
                    match part.get("type").and_then(Value::as_str) {
                        Some("output_text") => {
                            self.assistant_message = true;
                            push_capped(&mut self.text, part.get("text").and_then(Value::as_str).unwrap_or(""));
                        }
                        Some("text") => self.text_part = true,
                        _ => {}
                    }
                }
            }
            Some("function_call") if self.tool_calls.len() < TOOLS_MAX => {
                let name = item.get("name").and_then(Value::as_str).unwrap_or("?");
                self.tool_calls.push(name.chars().take(200).collect())
            }
            Some("function_call") => {}
            _ => {}
        }
    }

    fn completed(&self, response: Option<&Value>) -> Outcome {
        let Some(resp) = response.filter(|r| r.is_object()) else {
            return Outcome::Broken("response.completed has no `response` object".into());
        };
        if resp.get("id").and_then(Value::as_str).is_none() {
            return Outcome::Broken("response.completed lacks `response.id`".into());
        }
        if self.assistant_message || !self.tool_calls.is_empty() {
            return Outcome::Pass { text: self.text.clone(), tool_calls: self.tool_calls.clone() };
        }
        let in_completed = resp
            .get("output")
            .and_then(Value::as_array)
            .is_some_and(|o| o.iter().any(|i| i.get("type").and_then(Value::as_str) == Some("message")));
        let why = if self.no_role {
            "the message item has no `role: \"assistant\"`"
        } else if self.text_part {
            "the content part has type `text`, not `output_text`"
        } else if self.deltas && self.item_added {
            "text came only as deltas, with no `response.output_item.done`"
        } else if self.deltas {
            "text came only as `output_text.delta` events, with no output item"
        } else if in_completed {
            "text came only inside `response.completed`, with no `response.output_item.done`"
        } else {
            "no `response.output_item.done` with an assistant message or function call"
        };
        Outcome::Silent(why.to_string())
    }

    /// The outcome when the body ended (or was cut) before the stream decided.
    pub fn at_eof(&self) -> Outcome {
        if let Some(o) = &self.done {
            return o.clone();
        }
        if let Some((code, message)) = &self.error_event {
            return Outcome::Failed { code: code.clone(), message: message.clone() };
        }
        Outcome::Broken(format!("stream closed before response.completed ({} events)", self.events))
    }
}

/// Appends to `text` up to [`TEXT_MAX`] bytes, on a character boundary.
fn push_capped(text: &mut String, more: &str) {
    let room = TEXT_MAX.saturating_sub(text.len());
    text.push_str(&more[..more.floor_char_boundary(room)]);
}

#[cfg(test)]
mod tests {
    use super::*;

    const OK: &str = "event: response.created\ndata: {\"type\":\"response.created\",\"response\":{}}\n\n: keepalive\n\nevent: response.output_item.done\ndata: {\"type\":\"response.output_item.done\",\"item\":{\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"hé 👋\"}]}}\r\n\r\ndata: [DONE]\n\ndata: {\"type\":\"response.completed\",\"response\":{\"id\":\"resp_1\"}}\n\n";

    fn judge(stream: &str, split: usize) -> Outcome {
        let mut p = Parser::default();
        let mut j = Judge::default();
        for chunk in stream.as_bytes().chunks(split) {
            for d in p.push(chunk) {
                if j.feed(&d) {
                    return j.at_eof();
                }
            }
        }
        j.at_eof()
    }

    #[test]
    fn ok_stream_any_chunking() {
        for split in [1, 2, 3, 5, 7, 64, 4096] {
            assert_eq!(judge(OK, split), Outcome::Pass { text: "hé 👋".into(), tool_calls: vec![] }, "split {split}");
        }
    }

    #[test]
    fn multi_line_data_joined() {
        let mut p = Parser::default();
        assert_eq!(p.push(b"data: a\ndata: b\n\n"), vec!["a\nb".to_string()]);
        assert_eq!(p.push(b"event: x\nid: 1\n"), Vec::<String>::new());
    }

    /// A line without an end (zeros from a bomb) or an event over EVENT_MAX is dropped, held
    /// at most EVENT_MAX bytes, and the next event still parses.
    #[test]
    fn overlong_lines_and_events_are_dropped_bounded() {
        let mut p = Parser::default();
        for _ in 0..(3 * EVENT_MAX / 4096) {
            assert!(p.push(&[0u8; 4096]).is_empty());
        }
        assert!(p.line.len() <= EVENT_MAX);
        assert_eq!(p.push(b"\n\ndata: ok\n\n"), vec!["ok".to_string()]);
        let half = format!("data: {}\n", "x".repeat(EVENT_MAX / 2 + 1));
        assert!(p.push(format!("{half}{half}\n").as_bytes()).is_empty());
        assert_eq!(p.push(b"data: next\n\n"), vec!["next".to_string()]);
    }

    #[test]
    fn long_text_is_kept_only_up_to_its_cap() {
        let text = "é".repeat(TEXT_MAX);
        let item = serde_json::json!({"type": "response.output_item.done",
            "item": {"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": text}]}});
        let s = format!("data: {item}\n\ndata: {{\"type\":\"response.completed\",\"response\":{{\"id\":\"r\"}}}}\n\n");
        match judge(&s, 4096) {
            Outcome::Pass { text, .. } => assert_eq!(text, "é".repeat(TEXT_MAX / 2)),
            o => panic!("{o:?}"),
        }
    }

    #[test]
    fn tool_call_passes() {
        let s = "data: {\"type\":\"response.output_item.done\",\"item\":{\"type\":\"function_call\",\"name\":\"exec_command\",\"arguments\":\"{}\",\"call_id\":\"c\"}}\n\ndata: {\"type\":\"response.completed\",\"response\":{\"id\":\"r\"}}\n\n";
        assert_eq!(judge(s, 3), Outcome::Pass { text: String::new(), tool_calls: vec!["exec_command".into()] });
    }

    #[test]
    fn silent_cases() {
        let done = "data: {\"type\":\"response.completed\",\"response\":{\"id\":\"r\"}}\n\n";
        let delta = "data: {\"type\":\"response.output_text.delta\",\"delta\":\"hi\"}\n\n";
        let cases = [
            (format!("{delta}{done}"), "delta"),
            (
                "data: {\"type\":\"response.output_item.done\",\"item\":{\"type\":\"message\",\"content\":[{\"type\":\"output_text\",\"text\":\"x\"}]}}\n\n".to_string() + done,
                "role",
            ),
            (
                "data: {\"type\":\"response.output_item.done\",\"item\":{\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"x\"}]}}\n\n".to_string() + done,
                "`text`",
            ),
            (
                "data: {\"type\":\"response.completed\",\"response\":{\"id\":\"r\",\"output\":[{\"type\":\"message\"}]}}\n\n"
                    .to_string(),
                "inside",
            ),
        ];
        for (s, word) in cases {
            match judge(&s, 4) {
                Outcome::Silent(why) => assert!(why.contains(word), "{why} / {word}"),
                o => panic!("{o:?} for {word}"),
            }
        }
    }

    #[test]
    fn broken_and_failed() {
        assert!(matches!(judge("data: {\"type\":\"response.completed\",\"response\":{}}\n\n", 2), Outcome::Broken(_)));
        assert!(matches!(judge("data: {\"type\":\"response.created\"}\n\n", 2), Outcome::Broken(_)));
        let f = "data: {\"type\":\"response.failed\",\"response\":{\"error\":{\"code\":\"server_error\",\"message\":\"boom\"}}}\n\n";
        assert_eq!(judge(f, 5), Outcome::Failed { code: Some("server_error".into()), message: "boom".into() });
        let e = "data: {\"type\":\"error\",\"message\":\"nope\"}\n\n";
        assert_eq!(judge(e, 5), Outcome::Failed { code: None, message: "nope".into() });
    }
}
