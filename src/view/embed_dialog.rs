//! "Embed this map": a dialog that writes the snippet for a partner's page, with a preview.
//! The page draws the dialog (`crate::page`); this fills in the snippets and wires it.

use any_spawner::Executor;
use wasm_bindgen::JsCast;
use web_sys::{HtmlDialogElement, HtmlSelectElement, HtmlTextAreaElement};

use super::dom;
use crate::browser;
use borough_core::area::Area;
use borough_core::contract::{self, attr, class};
use borough_core::url_state::ColourScheme;

const FRAME_TITLE: &str = "Map: what London's community conversations led to, borough by borough";

/// The snippets for a partner's page, opening at `borough` with `scheme`'s colours.
struct Snippets {
    script: String,
    iframe: String,
    preview_src: String,
}

impl Snippets {
    fn new(base: &str, borough: Option<Area>, scheme: ColourScheme) -> Snippets {
        let borough_attr = borough
            .map(|a| format!(" data-borough=\"{}\"", a.slug()))
            .unwrap_or_default();
        let theme_attr = scheme
            .attribute()
            .map(|t| format!(" data-theme=\"{t}\""))
            .unwrap_or_default();
        let mut query = String::from("?embed=1");
        if let Some(area) = borough {
            query.push_str(&format!("&borough={}", area.slug()));
        }
        if let Some(theme) = scheme.attribute() {
            query.push_str(&format!("&theme={theme}"));
        }
        Snippets {
            script: format!(
                "<div data-borough-map{borough_attr}{theme_attr}></div>\n<script src=\"{base}embed.js\" async></script>"
            ),
            iframe: format!(
                "<iframe src=\"{base}{query}\" title=\"{FRAME_TITLE}\" style=\"width:100%;height:1200px;border:0\" \
                 sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox\"></iframe>"
            ),
            preview_src: format!("{base}{query}"),
        }
    }
}

pub fn take_over() {
    let (
        Some(button),
        Some(dialog),
        Some(borough_field),
        Some(script),
        Some(iframe),
        Some(slot),
        Some(status),
    ) = (
        dom::part(contract::EMBED_BUTTON),
        dom::part(contract::EMBED_DIALOG).and_then(|d| d.dyn_into::<HtmlDialogElement>().ok()),
        dom::part(contract::EMBED_BOROUGH).and_then(|s| s.dyn_into::<HtmlSelectElement>().ok()),
        dom::part(contract::EMBED_SCRIPT).and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok()),
        dom::part(contract::EMBED_IFRAME).and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok()),
        dom::part(contract::EMBED_PREVIEW_SLOT),
        dom::part(contract::COPY_STATUS),
    )
    else {
        return;
    };
    let _ = button.remove_attribute("disabled");
    let base = browser::app_base_url();
    // The snippets for the choices in the dialog now.
    let chosen = move || {
        let borough = Area::parse(&borough_field.value());
        let scheme = browser::query(contract::EMBED_COLOURS_CHOSEN)
            .and_then(|i| i.get_attribute("value"))
            .and_then(|v| ColourScheme::parse(&v))
            .unwrap_or_default();
        Snippets::new(&base, borough, scheme)
    };
    // Writes them into the dialog, and points the preview at them.
    let (chosen_now, preview_slot, slot_on_close, copied) =
        (chosen.clone(), slot.clone(), slot.clone(), status.clone());
    let fill = move || {
        let snippets = chosen_now();
        script.set_value(&snippets.script);
        iframe.set_value(&snippets.iframe);
        if let Some(frame) =
            browser::query_all_within(&preview_slot, class::EMBED_PREVIEW.selector).first()
        {
            let _ = frame.set_attribute("src", &snippets.preview_src);
        }
    };

    let (opening, fill_on_open) = (dialog.clone(), fill.clone());
    browser::listen(&button, "click", move |_| {
        if opening.show_modal().is_ok() {
            if let Some(frame) =
                browser::append_element(&slot, "iframe", class::EMBED_PREVIEW.name, "")
            {
                let _ = frame.set_attribute("title", "Preview of the embedded map");
            }
            fill_on_open();
        }
    });
    let fill_on_change = fill.clone();
    browser::listen(&dialog, "change", move |_| {
        fill_on_change();
    });
    let closing = dialog.clone();
    browser::listen(&dialog, "click", move |event| {
        if browser::event_element(&event, class::CLOSE.selector).is_some() {
            closing.close();
        } else if let Some(copy) = browser::event_element(&event, attr::COPY.selector) {
            // What the dialog shows (the preview is left alone: setting its address again
            // would reload it).
            let snippets = chosen();
            let (which, text) = match copy.get_attribute(attr::COPY.name).as_deref() {
                Some(contract::COPY_SCRIPT) => ("script", snippets.script),
                _ => ("iframe", snippets.iframe),
            };
            let copied = copied.clone();
            Executor::spawn_local(async move {
                let said = if browser::copy_text(&text).await {
                    format!("The {which} snippet is copied.")
                } else {
                    "Copying was refused: select the snippet and copy it yourself.".into()
                };
                copied.set_text_content(Some(&said));
            });
        }
    });
    // Closed, the preview goes (it is a whole second map) and the copy message is cleared.
    browser::listen(&dialog, "close", move |_| {
        for frame in browser::query_all_within(&slot_on_close, class::EMBED_PREVIEW.selector) {
            frame.remove();
        }
        status.set_text_content(None);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_carry_the_borough_and_colours() {
        let hackney = Area::parse("hackney").unwrap();
        let s = Snippets::new(
            "https://example.org/map/",
            Some(hackney),
            ColourScheme::Dark,
        );
        assert_eq!(
            s.script,
            "<div data-borough-map data-borough=\"hackney\" data-theme=\"dark\"></div>\n\
             <script src=\"https://example.org/map/embed.js\" async></script>"
        );
        assert_eq!(
            s.preview_src,
            "https://example.org/map/?embed=1&borough=hackney&theme=dark"
        );
        assert!(s
            .iframe
            .contains("src=\"https://example.org/map/?embed=1&borough=hackney&theme=dark\""));
        assert!(s
            .iframe
            .contains("sandbox=\"allow-scripts allow-same-origin allow-popups"));
        let plain = Snippets::new("https://example.org/", None, ColourScheme::Auto);
        assert_eq!(plain.preview_src, "https://example.org/?embed=1");
        assert!(!plain.script.contains("data-borough="));
    }
}
