//! "Embed this map": a dialog that writes the snippet for a partner's page, with a preview.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::area::{search, Area};
use crate::browser;
use crate::url_state::ColourScheme;

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

#[component]
pub fn EmbedDialog() -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    let open = RwSignal::new(false);
    let borough = RwSignal::new(None::<Area>);
    let scheme = RwSignal::new(ColourScheme::Auto);
    let copied = RwSignal::new(String::new());
    let base = browser::app_base_url();
    let snippets = Memo::new(move |_| {
        let s = Snippets::new(&base, borough.get(), scheme.get());
        (s.script, s.iframe, s.preview_src)
    });

    let show = move |_| {
        if let Some(dialog) = dialog.get() {
            if dialog.show_modal().is_ok() {
                open.set(true);
            }
        }
    };
    let copy = move |which: &'static str| {
        let (script, iframe, _) = snippets.get_untracked();
        let text = if which == "script" { script } else { iframe };
        spawn_local(async move {
            copied.set(if browser::copy_text(&text).await {
                format!("The {which} snippet is copied.")
            } else {
                "Copying was refused: select the snippet and copy it yourself.".into()
            });
        });
    };
    let scheme_choice = move |value: ColourScheme, label: &'static str| {
        view! {
            <label class="choice">
                <input
                    type="radio"
                    name="embed-theme"
                    prop:checked=move || scheme.get() == value
                    on:change=move |_| scheme.set(value)
                />
                {label}
            </label>
        }
    };

    view! {
        <button type="button" class="embed-button" on:click=show>"Embed this map"</button>
        <dialog
            node_ref=dialog
            class="embed-dialog"
            aria-labelledby="embed-title"
            on:close=move |_| {
                open.set(false);
                copied.set(String::new());
            }
        >
            <div class="dialog-head">
                <h2 id="embed-title">"Embed this map"</h2>
                <button type="button" class="close" on:click=move |_| { if let Some(d) = dialog.get() { d.close(); } }>
                    "Close"
                </button>
            </div>
            <p>"Paste a snippet into your page. The map fits any width and follows your page's layout."</p>
            <label for="embed-borough" class="field-label">"Open at"</label>
            <select
                id="embed-borough"
                on:change=move |event| borough.set(Area::parse(&event_target_value(&event)))
            >
                <option value="">"The London-wide story"</option>
                {search("").into_iter().map(|a| view! { <option value=a.slug()>{a.name()}</option> }).collect_view()}
            </select>
            <fieldset>
                <legend>"Colours"</legend>
                {scheme_choice(ColourScheme::Auto, "Follow the reader's device")}
                {scheme_choice(ColourScheme::Light, "Light")}
                {scheme_choice(ColourScheme::Dark, "Dark")}
            </fieldset>
            <h3 id="embed-script-label">"With our script (resizes itself)"</h3>
            <textarea id="embed-script" readonly rows="3" aria-labelledby="embed-script-label" prop:value=move || snippets.get().0></textarea>
            <button type="button" on:click=move |_| copy("script")>"Copy the script snippet"</button>
            <h3 id="embed-iframe-label">"As a plain iframe"</h3>
            <textarea id="embed-iframe" readonly rows="4" aria-labelledby="embed-iframe-label" prop:value=move || snippets.get().1></textarea>
            <button type="button" on:click=move |_| copy("iframe")>"Copy the iframe snippet"</button>
            <p class="copy-status" aria-live="polite">{move || copied.get()}</p>
            <h3>"Preview"</h3>
            {move || open.get().then(|| view! {
                <iframe class="embed-preview" title="Preview of the embedded map" src=move || snippets.get().2></iframe>
            })}
        </dialog>
    }
}
