//! The embed protocol: messages the map posts to the page that frames it, and commands it
//! accepts from that page. Plain functions, so the browser glue stays thin and every rule is
//! tested natively. The browser parses and serialises the JSON itself (`JSON.parse`), which
//! keeps a JSON library out of the WebAssembly.

use crate::area::Area;
use crate::contract::TOUR_STEPS;
use crate::url_state::ColourScheme;

/// A command from the host page: `{"target":"borough-map","type":"select","code":"E09000012"}`,
/// `{"target":"borough-map","type":"clear"}`, `{"target":"borough-map","type":"theme","theme":"dark"}`
/// or `{"target":"borough-map","type":"tour","step":3}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    Select(Area),
    Clear,
    Theme(ColourScheme),
    /// Open the tour at this step (1 to 10), or end it (0).
    Tour(u8),
}

impl Command {
    /// Reads a command from a message's data, given `field`, which returns the data's string
    /// field of that name (`None` for a missing or non-string field, or data that is not an
    /// object), and `number`, its number field likewise. Anything else (other targets, unknown
    /// types, bad codes, a step that is not a whole number from 0 to 10) is `None` and is
    /// ignored by the caller.
    pub fn from_fields(
        field: impl Fn(&str) -> Option<String>,
        number: impl Fn(&str) -> Option<f64>,
    ) -> Option<Command> {
        if field("target")? != "borough-map" {
            return None;
        }
        match field("type")?.as_str() {
            "select" => Area::parse(&field("code")?).map(Command::Select),
            "clear" => Some(Command::Clear),
            "theme" => ColourScheme::parse(&field("theme")?).map(Command::Theme),
            "tour" => {
                let step = number("step")?;
                // `as` saturates, so only the checks below decide (NaN fails the range).
                let whole = step as u8;
                ((0.0..=f64::from(TOUR_STEPS)).contains(&step) && f64::from(whole) == step)
                    .then_some(Command::Tour(whole))
            }
            _ => None,
        }
    }
}

/// `text` as a JSON string literal, quotes included.
fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Sent when a borough is selected, by any means.
pub fn select_message(area: Area) -> String {
    format!(
        r#"{{"source":"borough-map","type":"select","code":{},"name":{}}}"#,
        json_string(area.code()),
        json_string(area.name())
    )
}

/// Sent when the selection is cleared.
pub fn clear_message() -> String {
    r#"{"source":"borough-map","type":"clear"}"#.to_owned()
}

/// Sent when the tour's step changes: its number, or 0 when the tour ends.
pub fn tour_message(step: u8) -> String {
    format!(r#"{{"source":"borough-map","type":"tour","step":{step}}}"#)
}

/// The height of the map's content, in the three forms hosts listen for: ours, Pym.js v1's
/// string (only when the page was given a `childId`), and AMP's `embed-size`.
pub fn resize_messages(height: u32, child_id: Option<&str>) -> Vec<Message> {
    let mut messages = vec![Message::Json(format!(
        r#"{{"source":"borough-map","type":"resize","height":{height}}}"#
    ))];
    if let Some(id) = child_id {
        messages.push(Message::Text(format!(
            "pymxPYMx{id}xPYMxheightxPYMx{height}"
        )));
    }
    messages.push(Message::Json(format!(
        r#"{{"sentinel":"amp","type":"embed-size","height":{height}}}"#
    )));
    messages
}

/// A message to post: a JSON object (posted as an object) or a plain string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    Json(String),
    Text(String),
}

/// Pym.js child ids become part of a string protocol: only short, plain ids are accepted.
pub fn valid_child_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use super::*;

    /// The command in a message whose data is `text` as JSON, as the browser reads it.
    fn command(text: &str) -> Option<Command> {
        let value: Value = serde_json::from_str(text).unwrap_or(Value::Null);
        Command::from_fields(
            |name| value.get(name)?.as_str().map(String::from),
            |name| value.get(name)?.as_f64(),
        )
    }

    #[test]
    fn json_strings_are_escaped() {
        assert_eq!(json_string("a\"b\\c\n"), r#""a\"b\\c\u000a""#);
        let back: String = serde_json::from_str(&json_string("Tom \"&\" Jerry's")).unwrap();
        assert_eq!(back, "Tom \"&\" Jerry's");
    }

    #[test]
    fn reads_the_three_commands() {
        let sutton = Area::parse("sutton").unwrap();
        assert_eq!(
            command(r#"{"target":"borough-map","type":"select","code":"E09000029"}"#),
            Some(Command::Select(sutton))
        );
        assert_eq!(
            command(r#"{"target":"borough-map","type":"select","code":"sutton","extra":1}"#),
            Some(Command::Select(sutton))
        );
        assert_eq!(
            command(r#"{"target":"borough-map","type":"clear"}"#),
            Some(Command::Clear)
        );
        assert_eq!(
            command(r#"{"target":"borough-map","type":"theme","theme":"dark"}"#),
            Some(Command::Theme(ColourScheme::Dark))
        );
    }

    #[test]
    fn reads_tour_steps_and_the_end_of_the_tour() {
        for step in 0..=TOUR_STEPS {
            let text = format!(r#"{{"target":"borough-map","type":"tour","step":{step}}}"#);
            assert_eq!(command(&text), Some(Command::Tour(step)), "{text}");
        }
        assert_eq!(
            command(r#"{"target":"borough-map","type":"tour","step":3.0}"#),
            Some(Command::Tour(3))
        );
        for step in [
            "",
            r#","step":"3""#,
            r#","step":null"#,
            r#","step":-1"#,
            r#","step":11"#,
            r#","step":2.5"#,
            r#","step":1e300"#,
            r#","step":-0.5"#,
            r#","step":[3]"#,
        ] {
            let text = format!(r#"{{"target":"borough-map","type":"tour"{step}}}"#);
            assert_eq!(command(&text), None, "{text}");
        }
        let message: Value = serde_json::from_str(&tour_message(10)).unwrap();
        assert_eq!(
            message,
            json!({"source":"borough-map","type":"tour","step":10})
        );
        assert_eq!(
            tour_message(0),
            r#"{"source":"borough-map","type":"tour","step":0}"#
        );
    }

    #[test]
    fn ignores_everything_else() {
        for text in [
            "",
            "null",
            "\"pymxPYMxmapxPYMxheightxPYMx100\"",
            "[]",
            "{}",
            r#"{"type":"select","code":"E09000029"}"#,
            r#"{"target":"other-map","type":"select","code":"E09000029"}"#,
            r#"{"target":"borough-map","type":"select"}"#,
            r#"{"target":"borough-map","type":"select","code":"E09000099"}"#,
            r#"{"target":"borough-map","type":"select","code":42}"#,
            r#"{"target":"borough-map","type":"theme","theme":"purple"}"#,
            r#"{"target":"borough-map","type":"navigate","url":"javascript:alert(1)"}"#,
            r#"{"source":"borough-map","type":"resize","height":10}"#,
        ] {
            assert_eq!(command(text), None, "{text}");
        }
    }

    #[test]
    fn writes_events_and_heights_in_each_format() {
        let hackney = Area::parse("hackney").unwrap();
        let select: Value = serde_json::from_str(&select_message(hackney)).unwrap();
        assert_eq!(
            select,
            json!({"source":"borough-map","type":"select","code":"E09000012","name":"Hackney"})
        );
        assert_eq!(
            clear_message(),
            r#"{"source":"borough-map","type":"clear"}"#
        );

        let plain = resize_messages(640, None);
        assert_eq!(plain.len(), 2);
        let Message::Json(ours) = &plain[0] else {
            panic!()
        };
        assert_eq!(
            serde_json::from_str::<Value>(ours).unwrap(),
            json!({"source":"borough-map","type":"resize","height":640})
        );
        let pym = resize_messages(640, Some("map-1"));
        assert_eq!(
            pym[1],
            Message::Text("pymxPYMxmap-1xPYMxheightxPYMx640".into())
        );
        let Message::Json(amp) = &pym[2] else {
            panic!()
        };
        assert_eq!(
            serde_json::from_str::<Value>(amp).unwrap(),
            json!({"sentinel":"amp","type":"embed-size","height":640})
        );
    }

    #[test]
    fn child_ids_are_plain() {
        assert!(valid_child_id("example-1_a"));
        for bad in ["", "a b", "x\"y", "<script>", &"x".repeat(65)] {
            assert!(!valid_child_id(bad), "{bad:?}");
        }
    }
}
