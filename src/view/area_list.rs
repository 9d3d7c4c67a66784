//! Every area as a list with its status: the map's content without the map, always there for
//! anyone who cannot or would rather not use the map.

use leptos::prelude::*;

use super::state::{Selection, Story};
use crate::area::search;

/// Embedded (`compact`), the list is a disclosure, closed at first, to keep the frame short.
#[component]
pub fn AreaList(compact: bool) -> impl IntoView {
    let selection = expect_context::<Selection>();
    let story = expect_context::<Story>();
    let rows = search("")
        .into_iter()
        .map(|area| {
            let status = move || story.get().and_then(|c| c.status(area));
            view! {
                <li>
                    <button
                        type="button"
                        data-code=area.code()
                        aria-pressed=move || if selection.is(area) { "true" } else { "false" }
                        on:click=move |_| selection.choose(Some(area))
                    >
                        <span class="list-name">{area.name()}</span>
                        <span class="list-status" data-status=move || status().map(|s| s.id())>
                            {move || status().map(|s| s.label())}
                        </span>
                    </button>
                </li>
            }
        })
        .collect_view();
    if compact {
        return view! {
            <details class="area-list more">
                <summary>"All 33 areas, with their status"</summary>
                <ul>{rows}</ul>
            </details>
        }
        .into_any();
    }
    view! {
        <section class="area-list" aria-labelledby="area-list-heading">
            <h2 id="area-list-heading">"All 33 areas"</h2>
            <ul>{rows}</ul>
        </section>
    }
    .into_any()
}
