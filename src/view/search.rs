//! "Find a borough": a combobox with type-ahead over names and GSS codes (the ARIA 1.2
//! combobox pattern: focus stays in the text box, the active option is announced).

use leptos::ev;
use leptos::prelude::*;

use super::state::Selection;
use crate::area::{search, Area};

#[component]
pub fn FindBorough() -> impl IntoView {
    let selection = expect_context::<Selection>();
    let query = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let results = Memo::new(move |_| search(&query.get()));

    // The box shows the selected borough's name, whichever control chose it.
    Effect::new(move |_| {
        let name = selection.get().map(Area::name).unwrap_or_default();
        query.set(name.to_owned());
        open.set(false);
    });

    let choose = move |area: Area| {
        open.set(false);
        active.set(None);
        selection.choose(Some(area));
    };
    let move_active = move |step: isize| {
        let count = results.with(Vec::len) as isize;
        if count == 0 {
            return;
        }
        open.set(true);
        let next = match active.get() {
            Some(i) => (i as isize + step).rem_euclid(count),
            None if step > 0 => 0,
            None => count - 1,
        };
        active.set(Some(next as usize));
    };
    let on_key = move |event: ev::KeyboardEvent| match event.key().as_str() {
        "ArrowDown" | "Down" => {
            event.prevent_default();
            move_active(1);
        }
        "ArrowUp" | "Up" => {
            event.prevent_default();
            move_active(-1);
        }
        "Enter" => {
            let pick = active.get().unwrap_or(0);
            if let Some(area) = results
                .with(|r| r.get(pick).copied())
                .filter(|_| open.get())
            {
                event.prevent_default();
                choose(area);
            }
        }
        "Escape" | "Esc" if open.get() => {
            // Close the list only; the page's Escape (closing the panel) waits for the next press.
            event.stop_propagation();
            open.set(false);
            active.set(None);
        }
        _ => {}
    };
    let option_id = |area: Area| format!("find-option-{}", area.code());

    view! {
        <div class="find">
            <label for="find-input">"Find a borough"</label>
            <input
                id="find-input"
                type="text"
                role="combobox"
                autocomplete="off"
                spellcheck="false"
                aria-autocomplete="list"
                aria-controls="find-list"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-activedescendant=move || {
                    active.get().and_then(|i| results.with(|r| r.get(i).map(|a| option_id(*a))))
                }
                aria-describedby="find-help"
                prop:value=move || query.get()
                on:input=move |event| {
                    query.set(event_target_value(&event));
                    active.set(None);
                    open.set(true);
                }
                on:keydown=on_key
                on:blur=move |_| open.set(false)
            />
            <p id="find-help" class="visually-hidden">
                "Type part of a name or a GSS code, then choose with the arrow keys and Enter."
            </p>
            <ul id="find-list" role="listbox" aria-label="Matching boroughs" hidden=move || !open.get()>
                {move || {
                    let rows = results.get();
                    if rows.is_empty() {
                        return view! { <li class="find-empty">"No borough matches"</li> }.into_any();
                    }
                    rows.into_iter()
                        .enumerate()
                        .map(|(i, area)| {
                            view! {
                                <li
                                    id=option_id(area)
                                    role="option"
                                    data-code=area.code()
                                    aria-selected=move || if active.get() == Some(i) { "true" } else { "false" }
                                    // Keep focus in the box so the list does not close first.
                                    on:mousedown=|event: ev::MouseEvent| event.prevent_default()
                                    on:click=move |_| choose(area)
                                >
                                    {area.name()}
                                </li>
                            }
                        })
                        .collect_view()
                        .into_any()
                }}
            </ul>
        </div>
    }
}
