use leptos::prelude::*;

use super::sources::SourceList;
use crate::content::Outcome;

/// One outcome: its title, our summary, any quotation with who said it, themes and sources.
#[component]
pub fn OutcomeItem(outcome: Outcome) -> impl IntoView {
    let themes = outcome
        .themes
        .iter()
        .map(|t| t.label())
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <li class="outcome">
            <h3>{outcome.title}</h3>
            <p>{outcome.text}</p>
            {outcome.quote.map(|quote| {
                view! {
                    <figure class="quote">
                        <blockquote>
                            <p>"\u{201c}" {quote.text} "\u{201d}"</p>
                        </blockquote>
                        <figcaption>{quote.attribution}</figcaption>
                    </figure>
                }
            })}
            <p class="themes">"Themes: " {themes}</p>
            <SourceList links=outcome.sources />
        </li>
    }
}
