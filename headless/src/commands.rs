//! ChromeDriver's own endpoints, which W3C WebDriver lacks and fantoccini does not wrap.

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::Client;
use serde_json::{json, Value};

pub async fn cdp(client: &Client, command: &str, params: Value) -> Result<Value, String> {
    client
        .issue_cmd(DevToolsCommand(json!({"cmd": command, "params": params})))
        .await
        .map_err(|e| format!("{command}: {e}"))
}

pub async fn browser_log_errors(client: &Client) -> Result<Vec<String>, String> {
    let logs = client
        .issue_cmd(BrowserLog)
        .await
        .map_err(|e| e.to_string())?;
    Ok(logs
        .as_array()
        .into_iter()
        .flatten()
        .filter(|entry| entry["level"] == "SEVERE")
        .map(|entry| entry["message"].as_str().unwrap_or_default().to_owned())
        .collect())
}

/// ChromeDriver's browser log.
#[derive(Debug)]
struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({"type": "browser"}).to_string()),
        )
    }
}

/// ChromeDriver's bridge to the DevTools protocol.
#[derive(Debug)]
struct DevToolsCommand(Value);

impl WebDriverCompatibleCommand for DevToolsCommand {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.0.to_string()))
    }
}
