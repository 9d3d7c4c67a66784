//! The side panel: one area's story when an area is selected.

use leptos::prelude::*;

use super::outcome::OutcomeItem;
use super::state::{Selection, Story};
use crate::area::Area;
use crate::content::Status;

#[component]
pub fn AreaPanel(area: Area) -> impl IntoView {
    let selection = expect_context::<Selection>();
    let story = expect_context::<Story>();
    let body = move || {
        let Some(content) = story.get() else {
            return view! { <p class="loading">"Loading what the report says…"</p> }.into_any();
        };
        let Some(entry) = content.entry(area).cloned() else {
            return view! {
                <p class="notice-inline">
                    "The report's content for this area could not be loaded. The message above says why."
                </p>
            }
            .into_any();
        };
        let plain_message = (entry.status != Status::Outcomes).then(|| {
            view! {
                <p class="plain">
                    "This does not mean nothing happened: only part of the 2017/18 programme is recorded borough by borough. "
                    <button type="button" class="link-button" on:click=move |_| selection.choose(None)>
                        "See what followed across London"
                    </button>
                </p>
            }
        });
        view! {
            <p class="status" data-status=entry.status.id()>{entry.status.label()}</p>
            <p class="summary">{entry.summary}</p>
            {(!entry.outcomes.is_empty()).then(|| view! {
                <h3 class="outcomes-heading">"What the conversation led to"</h3>
                <ul class="outcomes">
                    {entry.outcomes.into_iter().map(|outcome| view! { <OutcomeItem outcome /> }).collect_view()}
                </ul>
            })}
            {plain_message}
        }
        .into_any()
    };
    view! {
        <section class="panel area-panel" aria-labelledby="panel-title" data-code=area.code()>
            <div class="panel-head">
                <h2 id="panel-title">{area.name()}</h2>
                <button type="button" class="close" on:click=move |_| selection.close()>
                    <span aria-hidden="true">"✕ "</span>
                    "Close"
                </button>
            </div>
            {body}
        </section>
    }
}
