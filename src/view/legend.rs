use leptos::prelude::*;

use super::state::Story;
use crate::content::Status;

/// "8 boroughs with recorded outcomes": "borough" or "boroughs" as the count needs.
pub fn count_boroughs(count: usize) -> String {
    format!(
        "{count} {}",
        if count == 1 { "borough" } else { "boroughs" }
    )
}

/// What the colours mean, with how many areas have each status.
#[component]
pub fn Legend() -> impl IntoView {
    let story = expect_context::<Story>();
    move || {
        story.get().map(|content| {
            let items = Status::ALL
                .into_iter()
                .map(|status| {
                    let text = format!(
                        "{} {}",
                        count_boroughs(content.count(status)),
                        status.legend_phrase()
                    );
                    view! {
                        <li data-status=status.id()>
                            <span class="swatch" aria-hidden="true"></span>
                            {text}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h2 class="visually-hidden">"Key"</h2>
                <ul class="legend">{items}</ul>
            }
        })
    }
}
