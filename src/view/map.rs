//! The SVG map: one path per area, coloured by status. One tab stop enters it; the arrow keys
//! move to the neighbouring area in that direction; Enter or Space opens an area's story.

use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;

use super::state::{Highlight, Selection, Story};
use crate::area::Area;
use crate::browser;
use crate::content::Status;
use crate::geo::{Direction, MapLayout, MapShape};

/// Radius, in view units, of the invisible touch target over a small area: 24 CSS px across
/// on a 360 px phone (WCAG 2.2 target size).
const HIT_RADIUS: f64 = 40.0;

#[component]
pub fn BoroughMap(layout: Arc<MapLayout>) -> impl IntoView {
    let selection = expect_context::<Selection>();
    let story = expect_context::<Story>();
    let highlight = expect_context::<Highlight>();
    let hovered = RwSignal::new(None::<Area>);
    // The areas the picked theme touches, worked out once for all the shapes.
    let themed = Memo::new(move |_| Some(story.get()?.areas_with_theme(highlight.get()?)));
    // The area holding the map's one tab stop (roving tabindex), and whether it has a visible
    // keyboard focus ring.
    let roving = RwSignal::new(None::<Area>);
    let keyboard_focus = RwSignal::new(None::<Area>);
    let first = layout.shapes.first().map(|s| s.area);
    let tab_stop = Memo::new(move |_| roving.get().or(selection.get()).or(first));
    let width = layout.width;

    let positions = Arc::new(layout.label_positions());
    let shapes = layout
        .shapes
        .iter()
        .map(|shape| {
            let (layout, positions) = (layout.clone(), positions.clone());
            let area = shape.area;
            let on_key = move |event: ev::KeyboardEvent, area: Area| {
                let key = event.key();
                if let Some(direction) = Direction::from_key(&key) {
                    event.prevent_default();
                    if let Some(next) = layout.neighbours.step(area, direction, &positions) {
                        roving.set(Some(next));
                        browser::focus_area(next);
                    }
                } else if matches!(key.as_str(), "Enter" | " " | "Spacebar") {
                    event.prevent_default();
                    selection.choose(Some(area));
                }
            };
            view! {
                <BoroughShape
                    shape=shape.clone()
                    hovered
                    themed
                    is_tab_stop=Signal::derive(move || tab_stop.get() == Some(area))
                    on_key
                    on_focus=move |area, visible| {
                        roving.set(Some(area));
                        keyboard_focus.set(visible.then_some(area));
                    }
                    on_blur=move || keyboard_focus.set(None)
                />
            }
        })
        .collect_view();

    // Small areas get a larger, invisible target on top, so a finger can hit them.
    let hit_areas = layout
        .shapes
        .iter()
        .filter(|s| s.small)
        .map(|s| {
            let area = s.area;
            view! {
                <circle
                    class="hit-area"
                    data-code=area.code()
                    cx=s.label[0]
                    cy=s.label[1]
                    r=HIT_RADIUS
                    aria-hidden="true"
                    on:click=move |event: ev::MouseEvent| {
                        event.stop_propagation();
                        selection.choose(Some(area));
                    }
                ></circle>
            }
        })
        .collect_view();

    // Outlines drawn again on top, so that no neighbour hides their edges.
    let outline = move |class: &'static str, area: Option<Area>, layout: &MapLayout| {
        let path = layout.shape(area?)?.path.clone();
        Some(view! { <path class=class d=path aria-hidden="true"></path> })
    };
    let (selected_layout, focus_layout) = (layout.clone(), layout.clone());
    let selected_outline = move || outline("selected-outline", selection.get(), &selected_layout);
    let focus_outline = move || {
        let area = keyboard_focus.get();
        (
            outline("focus-halo", area, &focus_layout),
            outline("focus-outline", area, &focus_layout),
        )
    };

    // The hovered or focused area's name at its label point, drawn in the SVG itself so that it
    // scales with the map and needs no inline style (the page runs under a strict CSP).
    let tooltip_layout = layout.clone();
    let tooltip = move || {
        let area = hovered.get().or(keyboard_focus.get())?;
        let [x, y] = tooltip_layout.shape(area)?.label;
        let anchor = if x < width * 0.2 {
            "start"
        } else if x > width * 0.8 {
            "end"
        } else {
            "middle"
        };
        Some(view! {
            <text class="tooltip" x=x y=y - 18.0 text-anchor=anchor aria-hidden="true">{area.name()}</text>
        })
    };

    view! {
        <div class="map-frame" on:mouseleave=move |_| hovered.set(None)>
            <svg
                class="map"
                viewBox=layout.view_box()
                role="group"
                aria-label="Map of London's 33 boroughs"
                aria-describedby="map-help"
                // A tap on the map but outside every borough (the Thames, the margin) closes.
                on:click=move |event: ev::MouseEvent| {
                    if event.target() == event.current_target() {
                        selection.choose(None);
                    }
                }
            >
                {shapes}
                {selected_outline}
                {focus_outline}
                {hit_areas}
                {tooltip}
            </svg>
        </div>
        <p id="map-help" class="help">
            "Select a borough to read what its community conversation led to. "
            "With a keyboard: Tab to the map, move between neighbouring boroughs with the arrow keys, "
            "press Enter to open one and Escape to close it."
        </p>
        // Read out after each borough's name: its status.
        <div hidden>
            {Status::ALL
                .into_iter()
                .map(|s| view! { <span id=format!("status-{}", s.id())>{s.label()}</span> })
                .collect_view()}
        </div>
    }
}

#[component]
fn BoroughShape(
    shape: MapShape,
    hovered: RwSignal<Option<Area>>,
    themed: Memo<Option<Vec<Area>>>,
    #[prop(into)] is_tab_stop: Signal<bool>,
    on_key: impl Fn(ev::KeyboardEvent, Area) + 'static,
    on_focus: impl Fn(Area, bool) + 'static,
    on_blur: impl Fn() + 'static,
) -> impl IntoView {
    let selection = expect_context::<Selection>();
    let story = expect_context::<Story>();
    let area = shape.area;
    let status = Memo::new(move |_| story.get().and_then(|content| content.status(area)));
    // With a theme picked: `true` for the boroughs it touches, `false` for the rest.
    let matches_theme = move || themed.with(|areas| areas.as_ref().map(|a| a.contains(&area)));
    view! {
        <path
            class="borough"
            class:selected=move || selection.is(area)
            class:hovered=move || hovered.get() == Some(area)
            class:theme-match=move || matches_theme() == Some(true)
            class:theme-other=move || matches_theme() == Some(false)
            data-code=area.code()
            data-status=move || status.get().map_or("unknown", Status::id)
            d=shape.path
            role="button"
            tabindex=move || if is_tab_stop.get() { "0" } else { "-1" }
            aria-label=area.name()
            aria-describedby=move || status.get().map(|s| format!("status-{}", s.id()))
            aria-pressed=move || if selection.is(area) { "true" } else { "false" }
            on:click=move |event: ev::MouseEvent| {
                event.stop_propagation();
                selection.choose(Some(area));
            }
            on:keydown=move |event| on_key(event, area)
            on:mouseenter=move |_| hovered.set(Some(area))
            on:focus=move |event: ev::FocusEvent| on_focus(area, browser::is_focus_visible(event.target()))
            on:blur=move |_| on_blur()
        ></path>
    }
}
