//! Messages for the reader about anything that went wrong: alerts in the page's `#notices`, so
//! screen readers announce them, and a line in the console for maintainers.

use crate::browser;
use borough_core::contract::class;

/// Shows `message` in the page (once, however often it is reported) and logs `detail`.
pub fn report(message: &str, detail: &str) {
    browser::console_error(&format!("borough map: {detail}"));
    let Some(notices) = browser::query(borough_core::contract::NOTICES.selector) else {
        return;
    };
    let shown = browser::query_all_within(&notices, class::NOTICE.selector)
        .iter()
        .any(|n| n.text_content().as_deref() == Some(message));
    if !shown {
        if let Some(notice) = browser::append_element(&notices, "p", class::NOTICE.name, message) {
            let _ = notice.set_attribute("role", "alert");
        }
    }
}
