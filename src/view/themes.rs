//! Picking a theme highlights the boroughs whose outcomes touch it.

use leptos::prelude::*;

use super::legend::count_boroughs;
use super::state::{Highlight, Story};
use crate::content::Theme;

#[component]
pub fn ThemePicker() -> impl IntoView {
    let story = expect_context::<Story>();
    let highlight = expect_context::<Highlight>();
    let summary = move || {
        let theme = highlight.get()?;
        let content = story.get()?;
        let count = content.areas_with_theme(theme).len();
        Some(format!(
            "{} with outcomes about {}",
            count_boroughs(count),
            theme.label().to_lowercase()
        ))
    };
    let button = move |theme: Option<Theme>| {
        let label = theme.map_or("All boroughs", Theme::label);
        view! {
            <button
                type="button"
                class="theme-button"
                data-theme=theme.map_or("all", Theme::id)
                aria-pressed=move || if highlight.get() == theme { "true" } else { "false" }
                on:click=move |_| highlight.set(theme)
            >
                {label}
            </button>
        }
    };
    view! {
        <section class="themes-picker" aria-labelledby="themes-heading">
            <h2 id="themes-heading">"Highlight a theme"</h2>
            <div class="theme-buttons">
                {button(None)}
                {Theme::ALL.into_iter().map(|t| button(Some(t))).collect_view()}
            </div>
            <p class="theme-summary" aria-live="polite">{summary}</p>
        </section>
    }
}
