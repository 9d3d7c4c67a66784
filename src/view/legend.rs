use leptos::prelude::*;

use super::state::Story;
use crate::content::Status;

/// What the colours mean, with how many areas have each status.
#[component]
pub fn Legend() -> impl IntoView {
    let story = expect_context::<Story>();
    move || {
        story.get().map(|content| {
            let items = Status::ALL
                .into_iter()
                .map(|status| {
                    let count = content.count(status);
                    let noun = if count == 1 { "borough" } else { "boroughs" };
                    view! {
                        <li data-status=status.id()>
                            <span class="swatch" aria-hidden="true"></span>
                            {format!("{count} {noun}: {}", status.label().to_lowercase())}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <ul class="legend" aria-label="Key to the map colours">
                    {items}
                </ul>
            }
        })
    }
}
