//! The embed protocol: messages the map posts to the page that frames it, and commands it
//! accepts from that page. Plain functions over JSON text, so the browser glue stays thin and
//! every rule is tested natively.

use serde_json::{json, Value};

use crate::area::Area;
use crate::url_state::ColourScheme;

/// A command from the host page: `{"target":"borough-map","type":"select","code":"E09000012"}`,
/// `{"target":"borough-map","type":"clear"}` or `{"target":"borough-map","type":"theme","theme":"dark"}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    Select(Area),
    Clear,
    Theme(ColourScheme),
}

impl Command {
    /// Reads a command from a message's data serialised as JSON; anything else (other targets,
    /// unknown types, bad codes, non-objects) is `None` and is ignored by the caller.
    pub fn from_json(text: &str) -> Option<Command> {
        let value: Value = serde_json::from_str(text).ok()?;
        if value.get("target")?.as_str()? != "borough-map" {
            return None;
        }
        match value.get("type")?.as_str()? {
            "select" => Area::parse(value.get("code")?.as_str()?).map(Command::Select),
            "clear" => Some(Command::Clear),
            "theme" => ColourScheme::parse(value.get("theme")?.as_str()?).map(Command::Theme),
            _ => None,
        }
    }
}

/// Sent when a borough is selected, by any means.
pub fn select_message(area: Area) -> String {
    json!({"source": "borough-map", "type": "select", "code": area.code(), "name": area.name()})
        .to_string()
}

/// Sent when the selection is cleared.
pub fn clear_message() -> String {
    json!({"source": "borough-map", "type": "clear"}).to_string()
}

/// The height of the map's content, in the three forms hosts listen for: ours, Pym.js v1's
/// string (only when the page was given a `childId`), and AMP's `embed-size`.
pub fn resize_messages(height: u32, child_id: Option<&str>) -> Vec<Message> {
    let mut messages = vec![Message::Json(
        json!({"source": "borough-map", "type": "resize", "height": height}).to_string(),
    )];
    if let Some(id) = child_id {
        messages.push(Message::Text(format!(
            "pymxPYMx{id}xPYMxheightxPYMx{height}"
        )));
    }
    messages.push(Message::Json(
        json!({"sentinel": "amp", "type": "embed-size", "height": height}).to_string(),
    ));
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
    use super::*;

    #[test]
    fn reads_the_three_commands() {
        let sutton = Area::parse("sutton").unwrap();
        assert_eq!(
            Command::from_json(r#"{"target":"borough-map","type":"select","code":"E09000029"}"#),
            Some(Command::Select(sutton))
        );
        assert_eq!(
            Command::from_json(
                r#"{"target":"borough-map","type":"select","code":"sutton","extra":1}"#
            ),
            Some(Command::Select(sutton))
        );
        assert_eq!(
            Command::from_json(r#"{"target":"borough-map","type":"clear"}"#),
            Some(Command::Clear)
        );
        assert_eq!(
            Command::from_json(r#"{"target":"borough-map","type":"theme","theme":"dark"}"#),
            Some(Command::Theme(ColourScheme::Dark))
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
            assert_eq!(Command::from_json(text), None, "{text}");
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
