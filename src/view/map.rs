//! The map, taken over from the page: the build drew every borough as a link to its story; the
//! app turns them into buttons in place (nothing moves), with one tab stop for the whole map.
//! The arrow keys move to the neighbouring area in that direction; Enter or Space (or a click)
//! opens an area's story, and closes it if it is open: the buttons are toggles. Events are
//! handled once, on the SVG, for all 33 shapes.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;

use reactive_graph::effect::Effect;
use reactive_graph::prelude::*;
use reactive_graph::signal::RwSignal;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent, MouseEvent};

use super::dom::{self, MapData, PageElements};
use super::state::{shared, watch_area, Highlight, Selection};
use crate::browser;
use borough_core::area::Area;
use borough_core::contract::{self, attr, class, status_id};
use borough_core::geo::Direction;

pub fn take_over(map: Arc<MapData>, elements: Rc<PageElements>) {
    let selection = shared::<Selection>();
    let highlight = shared::<Highlight>();
    let hovered = RwSignal::new(None::<Area>);
    // The area holding the map's one tab stop (roving tabindex), and whether it has a visible
    // keyboard focus ring.
    let roving = RwSignal::new(None::<Area>);
    let keyboard_focus = RwSignal::new(None::<Area>);
    let first = map.shapes.first().map(|s| s.area);

    // A reader may have tabbed onto a borough's link before the app arrived: keep them there.
    let focused = browser::active_element()
        .filter(|e| elements.svg.contains(Some(e)))
        .and_then(|e| e.closest("a").ok().flatten())
        .and_then(|link| link.query_selector(attr::CODE.selector).ok().flatten())
        .and_then(|shape| area_of(&shape));
    links_to_buttons(&elements, &map);
    if let Some(area) = focused {
        roving.set(Some(area));
        browser::focus_area(area);
    }

    // Each effect touches only the shapes whose state changed: the one left and the one entered.
    let shapes = elements.clone();
    on_change(
        move || selection.get(),
        move |area, on| {
            if let Some(path) = shapes.shape(area) {
                let _ = path
                    .class_list()
                    .toggle_with_force(class::SELECTED.name, on);
                let _ = path.set_attribute("aria-pressed", if on { "true" } else { "false" });
            }
        },
    );
    let shapes = elements.clone();
    on_change(
        move || hovered.get(),
        move |area, on| {
            if let Some(path) = shapes.shape(area) {
                let _ = path.class_list().toggle_with_force(class::HOVERED.name, on);
            }
        },
    );
    let shapes = elements.clone();
    on_change(
        move || roving.get().or(selection.get()).or(first),
        move |area, on| {
            if let Some(path) = shapes.shape(area) {
                let _ = path.set_attribute("tabindex", if on { "0" } else { "-1" });
            }
        },
    );
    let (shapes, themed) = (elements.clone(), map.clone());
    Effect::new(move |_| {
        let highlighted = highlight.get();
        for ((_, path), shape) in shapes.shapes.iter().zip(&themed.shapes) {
            let matches = highlighted.map(|h| h.marks(shape.area, &shape.themes));
            let classes = path.class_list();
            let _ = classes.toggle_with_force(class::THEME_MATCH.name, matches == Some(true));
            let _ = classes.toggle_with_force(class::THEME_OTHER.name, matches == Some(false));
        }
    });

    let svg = &elements.svg;
    // The borough a pointer picked, which then holds the map's tab stop.
    let pick = move |event: &web_sys::Event| {
        let area = area_at(event);
        if let Some(area) = area {
            roving.set(Some(area));
        }
        area
    };
    // A press that began before the app took over, on a borough's link, ends on a shape the
    // app has since taken out of that link: Chrome has lost the press's target and fires no
    // click. So the first release on the map, if no press anywhere came first, picks (and a
    // click that a browser may still send for that press does not undo it).
    let picked_on_release = Rc::new(Cell::new(false));
    let picked = picked_on_release.clone();
    browser::listen(svg, "click", move |event| {
        let area = pick(&event);
        if picked.replace(false) {
            return;
        }
        // The second click of a double-click does not undo the first (people double-click
        // out of habit).
        let repeated = event
            .dyn_ref::<MouseEvent>()
            .is_some_and(|m| m.detail() > 1);
        if repeated {
            if area.is_some() {
                selection.choose(area);
            }
        } else {
            // A tap on the map but outside every borough (the Thames, the margin) closes.
            selection.toggle(area);
        }
    });
    // A pointer does not move keyboard focus onto the map (focusing a shape makes the browser
    // restyle the page in the middle of the click).
    browser::listen(svg, "mousedown", |event| event.prevent_default());
    let pressed_since_take_over = Rc::new(Cell::new(false));
    let pressed = pressed_since_take_over.clone();
    browser::listen_to_document("mousedown", move |_| pressed.set(true));
    browser::listen(svg, "mouseup", move |event| {
        if !pressed_since_take_over.replace(true) {
            if let Some(area) = pick(&event) {
                selection.choose(Some(area));
                picked_on_release.set(true);
                // Only a click of this same press, which comes before any task, is ignored.
                let done = picked_on_release.clone();
                browser::after_next_paint(move || done.set(false));
            }
        }
    });
    let steps = map.clone();
    browser::listen(svg, "keydown", move |event| {
        let (Some(area), Some(key)) = (
            browser::event_element(&event, class::BOROUGH.selector).and_then(|e| area_of(&e)),
            event.dyn_ref::<KeyboardEvent>().map(KeyboardEvent::key),
        ) else {
            return;
        };
        if let Some(direction) = Direction::from_key(&key) {
            event.prevent_default();
            if let Some(next) = steps.neighbours.step(area, direction, &steps.positions()) {
                roving.set(Some(next));
                browser::focus_area(next);
            }
        } else if matches!(key.as_str(), "Enter" | " " | "Spacebar") {
            event.prevent_default();
            selection.toggle(Some(area));
        }
    });
    // Focus events are heard on the frame around the SVG: Chromium makes an SVG element with
    // focus listeners focusable itself, which would add a stray tab stop.
    let frame = svg.parent_element().unwrap_or_else(|| svg.clone());
    browser::listen(&frame, "focusin", move |event| {
        if let Some(area) =
            browser::event_element(&event, class::BOROUGH.selector).and_then(|e| area_of(&e))
        {
            roving.set(Some(area));
            let visible = browser::is_focus_visible(event.target());
            keyboard_focus.set(visible.then_some(area));
        }
    });
    browser::listen(&frame, "focusout", move |_| keyboard_focus.set(None));
    // Onto a borough, or off it onto the Thames or the margin (which unhovers it: a tap on a
    // phone sends no mouseleave).
    browser::listen(svg, "mouseover", move |event| hovered.set(area_at(&event)));
    browser::listen(svg, "mouseleave", move |_| hovered.set(None));

    overlay(map, elements, keyboard_focus, hovered);
}

/// Runs `apply(area, true)` for the area `current` returns at first, then, whenever it changes,
/// `apply(area, false)` for the one it stopped returning and `apply(area, true)` for the new one.
fn on_change(current: impl Fn() -> Option<Area> + 'static, apply: impl Fn(Area, bool) + 'static) {
    let changed = move |now: Option<Area>, before: Option<Area>| {
        if let Some(area) = before {
            apply(area, false);
        }
        if let Some(area) = now {
            apply(area, true);
        }
    };
    watch_area(Box::new(current), Box::new(changed), true);
}

fn area_of(element: &Element) -> Option<Area> {
    Area::from_code(&element.get_attribute(attr::CODE.name)?)
}

/// The area a pointer event on the map is over: a borough's shape or its touch target.
fn area_at(event: &web_sys::Event) -> Option<Area> {
    browser::event_element(event, attr::CODE.selector).and_then(|e| area_of(&e))
}

/// Each borough's link becomes a button (one tab stop for the map, named by the area, described
/// by its status); the links are unwrapped, so no element moves.
fn links_to_buttons(elements: &PageElements, map: &MapData) {
    for link in browser::query_all_within(&elements.svg, "a") {
        if let Some(parent) = link.parent_node() {
            while let Some(child) = link.first_child() {
                let _ = parent.insert_before(&child, Some(&link));
            }
        }
        link.remove();
    }
    for (area, path) in &elements.shapes {
        let status = map
            .shape(*area)
            .and_then(|s| s.status)
            .map_or("unknown", |s| s.id());
        let _ = path.set_attribute("role", "button");
        let _ = path.set_attribute("tabindex", "-1");
        let _ = path.set_attribute("aria-label", area.name());
        let _ = path.set_attribute("aria-describedby", &status_id(status));
        let _ = path.set_attribute("aria-pressed", "false");
    }
}

/// Drawn over the shapes (in the page's `.overlay`): the selected area's outline, the
/// keyboard focus ring, and the name of the hovered or focused area at its label point (SVG
/// text, so it scales with the map and needs no inline style under the page's strict CSP).
fn overlay(
    map: Arc<MapData>,
    elements: Rc<PageElements>,
    keyboard_focus: RwSignal<Option<Area>>,
    hovered: RwSignal<Option<Area>>,
) {
    let selection = shared::<Selection>();
    let (Some(selected), Some(halo), Some(ring), Some(tooltip)) = (
        dom::part(contract::SELECTED_OUTLINE),
        dom::part(contract::FOCUS_HALO),
        dom::part(contract::FOCUS_OUTLINE),
        dom::part(contract::TOOLTIP),
    ) else {
        return;
    };
    let shapes = elements.clone();
    watch_area(
        Box::new(move || selection.get()),
        Box::new(move |now, _| trace(&selected, now.and_then(|a| shapes.shape(a)))),
        true,
    );
    let shapes = elements.clone();
    let traced = move |now: Option<Area>, _| {
        let shape = now.and_then(|a| shapes.shape(a));
        trace(&halo, shape);
        trace(&ring, shape);
    };
    watch_area(
        Box::new(move || keyboard_focus.get()),
        Box::new(traced),
        true,
    );
    let named = move |area: Option<Area>, _| {
        let shown =
            area.and_then(|area| Some((area, map.shape(area)?.label[0], elements.shape(area)?)));
        let Some((area, x, path)) = shown else {
            tooltip.set_text_content(None);
            return;
        };
        // The label point as the page wrote it, so no number formatting is needed here.
        let label = path.get_attribute(attr::LABEL.name).unwrap_or_default();
        let (label_x, label_y) = label.split_once(' ').unwrap_or_default();
        let anchor = if x < map.width * 0.2 {
            "start"
        } else if x > map.width * 0.8 {
            "end"
        } else {
            "middle"
        };
        let _ = tooltip.set_attribute("x", label_x);
        let _ = tooltip.set_attribute("y", label_y);
        let _ = tooltip.set_attribute("text-anchor", anchor);
        tooltip.set_text_content(Some(area.name()));
    };
    watch_area(
        Box::new(move || hovered.get().or(keyboard_focus.get())),
        Box::new(named),
        true,
    );
}

/// Draws `line` along `shape`'s outline (its path drawn again on top, so that no neighbour
/// hides its edges), or nothing.
fn trace(line: &Element, shape: Option<&Element>) {
    let _ = match shape.and_then(|p| p.get_attribute("d")) {
        Some(d) => line.set_attribute("d", &d),
        None => line.remove_attribute("d"),
    };
}
