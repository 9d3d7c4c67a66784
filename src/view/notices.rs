use leptos::prelude::*;

use super::state::Notices;

/// Every problem the page met, each an alert so screen readers announce it.
#[component]
pub fn NoticeList() -> impl IntoView {
    let notices = expect_context::<Notices>();
    view! {
        <div class="notices">
            {move || {
                notices
                    .get()
                    .into_iter()
                    .map(|message| view! { <p class="notice" role="alert">{message}</p> })
                    .collect_view()
            }}
        </div>
    }
}
