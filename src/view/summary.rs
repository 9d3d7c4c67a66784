//! The London-wide story, shown when no area is selected. Embedded in a partner's page, all but
//! the opening paragraph folds away behind one disclosure, so the frame stays compact.

use leptos::prelude::*;

use super::outcome::OutcomeItem;
use super::sources::SourceList;
use super::state::Story;

#[component]
pub fn LondonSummary(compact: bool) -> impl IntoView {
    let story = expect_context::<Story>();
    move || {
        let programme = story.get().and_then(|content| content.programme.clone());
        let Some(programme) = programme else {
            return view! {
                <section class="panel summary-panel" aria-labelledby="panel-title">
                    <h2 id="panel-title">"London's community conversations"</h2>
                    <p>
                        "In 2017/18 more than 1,000 Londoners took part in 17 Thrive LDN community conversations."
                    </p>
                </section>
            }
            .into_any();
        };
        let figures = programme
            .figures
            .into_iter()
            .map(|f| {
                view! {
                    <li data-figure=f.id>
                        <strong>{f.shown}</strong>
                        " "
                        {f.label}
                    </li>
                }
            })
            .collect_view();
        let details = view! {
            <ul class="figures">{figures}</ul>
            <h3>"What followed across London"</h3>
            <ul class="outcomes">
                {programme.london_wide.into_iter().map(|outcome| view! { <OutcomeItem outcome /> }).collect_view()}
            </ul>
            <h3>"The six Thrive LDN aspirations"</h3>
            <ol class="aspirations">
                {programme.aspirations.into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}
            </ol>
        };
        let details = if compact {
            view! {
                <details class="more">
                    <summary>"The figures, and what followed across London"</summary>
                    {details}
                </details>
            }
            .into_any()
        } else {
            details.into_any()
        };
        view! {
            <section class="panel summary-panel" aria-labelledby="panel-title">
                <h2 id="panel-title">{programme.title}</h2>
                <p>{programme.summary}</p>
                {details}
                <SourceList links=programme.sources />
            </section>
        }
        .into_any()
    }
}
