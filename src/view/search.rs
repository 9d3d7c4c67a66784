//! "Find a borough": a combobox with type-ahead over names and GSS codes (the ARIA 1.2
//! combobox pattern: focus stays in the text box, the active option is announced). The page
//! draws the box and its empty list; this wires them.

use reactive_graph::effect::Effect;
use reactive_graph::prelude::*;
use reactive_graph::signal::RwSignal;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, KeyboardEvent};

use super::dom;
use super::state::{shared, watch_area, Selection};
use crate::browser;
use borough_core::area::{search, Area};
use borough_core::contract::{self, attr, class};

pub fn take_over() {
    let selection = shared::<Selection>();
    let (Some(input), Some(list)) = (
        dom::part(contract::FIND_INPUT).and_then(|e| e.dyn_into::<HtmlInputElement>().ok()),
        dom::part(contract::FIND_LIST),
    ) else {
        return;
    };
    input.set_disabled(false);
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    // The matches for what is in the box. A signal set only when they change (rather than a
    // signal of the text and a `Memo` of its matches): the same updates, with less reactive
    // code in the WebAssembly.
    let results = RwSignal::new(search(""));
    let set_query = move |text: &str| {
        let found = search(text);
        if results.with_untracked(|r| *r != found) {
            results.set(found);
        }
    };

    // The box shows the selected borough's name, whichever control chose it.
    let shown = input.clone();
    let show_name = move |selected: Option<Area>, _| {
        let name = selected.map(Area::name).unwrap_or_default();
        shown.set_value(name);
        set_query(name);
        open.set(false);
        active.set(None);
    };
    watch_area(Box::new(move || selection.get()), Box::new(show_name), true);

    let choose = move |area: Area| {
        open.set(false);
        active.set(None);
        selection.choose(Some(area));
    };
    let typed = input.clone();
    browser::listen(&input, "input", move |_| {
        set_query(&typed.value());
        active.set(None);
        open.set(true);
    });
    let entered = input.clone();
    browser::listen(&input, "keydown", move |event| {
        let Some(key) = event.dyn_ref::<KeyboardEvent>().map(KeyboardEvent::key) else {
            return;
        };
        let count = results.with_untracked(Vec::len);
        match key.as_str() {
            "ArrowDown" | "Down" | "ArrowUp" | "Up" => {
                event.prevent_default();
                let step = if key.ends_with("Down") { 1 } else { -1 };
                if let Some(next) = step_active(active.get_untracked(), step, count) {
                    open.set(true);
                    active.set(Some(next));
                }
            }
            "Enter" if open.get_untracked() => {
                // The active option, else the best match for what was typed (an empty box
                // matches every area, and picks none of them).
                let typed = !entered.value().trim().is_empty();
                let pick = active.get_untracked().or(typed.then_some(0));
                if let Some(area) = pick.and_then(|i| results.with_untracked(|r| r.get(i).copied()))
                {
                    event.prevent_default();
                    choose(area);
                }
            }
            "Escape" | "Esc" if open.get_untracked() => {
                // Close the list only; the page's Escape (closing the panel) waits for the next press.
                event.stop_propagation();
                open.set(false);
                active.set(None);
            }
            _ => {}
        }
    });
    browser::listen(&input, "blur", move |_| {
        open.set(false);
        active.set(None);
    });
    // Keep focus in the box when an option is pressed, so the list does not close first.
    browser::listen(&list, "mousedown", |event| event.prevent_default());
    browser::listen(&list, "click", move |event| {
        let code = browser::event_element(&event, attr::CODE.selector)
            .and_then(|e| e.get_attribute(attr::CODE.name));
        if let Some(area) = code.as_deref().and_then(Area::from_code) {
            choose(area);
        }
    });

    let (expanded, options) = (input.clone(), list.clone());
    Effect::new(move |_| {
        let is_open = open.get();
        let _ = expanded.set_attribute("aria-expanded", if is_open { "true" } else { "false" });
        let _ = options.toggle_attribute_with_force("hidden", !is_open);
    });
    let list_rows = list.clone();
    // The options are written only while the list is open: choosing a borough elsewhere changes
    // the box's text (and so its matches) without building a list nobody sees.
    Effect::new(move |_| {
        if !open.get() {
            return;
        }
        list_rows.set_inner_html("");
        let rows = results.get();
        if rows.is_empty() {
            browser::append_element(
                &list_rows,
                "li",
                class::FIND_EMPTY.name,
                "No borough matches",
            );
        }
        // Marked here too, whichever of this and the next effect runs first.
        let chosen = active.get_untracked();
        for (i, area) in rows.into_iter().enumerate() {
            if let Some(row) = browser::append_element(&list_rows, "li", "", area.name()) {
                let _ = row.set_attribute("id", &option_id(area));
                let _ = row.set_attribute("role", "option");
                let _ = row.set_attribute(attr::CODE.name, area.code());
                let is = chosen == Some(i);
                let _ = row.set_attribute("aria-selected", if is { "true" } else { "false" });
            }
        }
    });
    let list_now = list.clone();
    Effect::new(move |_| {
        let chosen = active
            .get()
            .and_then(|i| results.with(|r| r.get(i).copied()));
        for row in browser::query_all_within(&list_now, "[role=option]") {
            let is = row.get_attribute("id") == chosen.map(option_id);
            let _ = row.set_attribute("aria-selected", if is { "true" } else { "false" });
        }
        let _ = match chosen {
            Some(area) => input.set_attribute("aria-activedescendant", &option_id(area)),
            None => input.remove_attribute("aria-activedescendant"),
        };
    });
}

fn option_id(area: Area) -> String {
    format!("find-option-{}", area.code())
}

/// The option the arrow keys make active among `count`, moving `step` from `active` and
/// wrapping round; from none, Down starts at the top and Up at the bottom.
fn step_active(active: Option<usize>, step: isize, count: usize) -> Option<usize> {
    if count == 0 {
        return None;
    }
    let count = count as isize;
    let next = match active {
        Some(i) => (i as isize + step).rem_euclid(count),
        None if step > 0 => 0,
        None => count - 1,
    };
    Some(next as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_move_through_the_options_and_wrap() {
        assert_eq!(step_active(None, 1, 5), Some(0));
        assert_eq!(step_active(None, -1, 5), Some(4));
        assert_eq!(step_active(Some(3), 1, 5), Some(4));
        assert_eq!(step_active(Some(4), 1, 5), Some(0));
        assert_eq!(step_active(Some(0), -1, 5), Some(4));
        assert_eq!(step_active(Some(2), 1, 0), None);
    }
}
