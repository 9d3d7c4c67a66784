//! A polite live region that tells screen reader users what a selection did.

use leptos::prelude::*;

use super::state::{Selection, Story};

#[component]
pub fn Announcer() -> impl IntoView {
    let selection = expect_context::<Selection>();
    let story = expect_context::<Story>();
    let message = RwSignal::new(String::new());
    // The first run is the page opening: nothing has happened yet to announce.
    Effect::new(move |opened: Option<()>| {
        let selected = selection.get();
        if opened.is_some() {
            message.set(match selected {
                Some(area) => {
                    let status = story.get_untracked().and_then(|c| c.status(area));
                    let status = status
                        .map(|s| format!(": {}", s.label().to_lowercase()))
                        .unwrap_or_default();
                    format!("{area} selected{status}. Its story is in the panel.")
                }
                None => "Closed. The panel shows the London-wide story.".to_owned(),
            });
        }
    });
    view! { <p class="visually-hidden" aria-live="polite" id="announcer">{move || message.get()}</p> }
}
