use leptos::prelude::*;

use crate::content::Link;

/// A list of source links. Links open in a new tab without handing the new page our window.
#[component]
pub fn SourceList(links: Vec<Link>) -> impl IntoView {
    (!links.is_empty()).then(|| {
        view! {
            <p class="sources">
                {if links.len() == 1 { "Source: " } else { "Sources: " }}
                {links
                    .into_iter()
                    .enumerate()
                    .map(|(i, link)| {
                        view! {
                            {(i > 0).then_some("; ")}
                            <a href=link.url().to_owned() target="_blank" rel="noopener noreferrer">
                                {link.title.clone()}
                            </a>
                        }
                    })
                    .collect_view()}
            </p>
        }
    })
}
