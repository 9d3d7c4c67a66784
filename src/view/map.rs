//! The SVG map: one path per area, coloured by status, with hover and keyboard selection.

use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;

use super::state::{Highlight, Selection, Story};
use crate::area::Area;
use crate::geo::{MapLayout, MapShape};

#[component]
pub fn BoroughMap(layout: Arc<MapLayout>) -> impl IntoView {
    let selection = expect_context::<Selection>();
    let hovered = RwSignal::new(None::<Area>);
    let (width, height) = (layout.width, layout.height);

    let shapes = layout
        .shapes
        .iter()
        .map(|shape| view! { <BoroughShape shape=shape.clone() hovered /> })
        .collect_view();

    // The selected area's outline is drawn again on top, so no neighbour hides its border.
    let outline_layout = layout.clone();
    let selected_outline = move || {
        let area = selection.get()?;
        let path = outline_layout.shape(area)?.path.clone();
        Some(view! { <path class="selected-outline" d=path aria-hidden="true"></path> })
    };

    // The hovered or focused area's name, placed at its label point.
    let tooltip_layout = layout.clone();
    let tooltip = move || {
        let area = hovered.get()?;
        let [x, y] = tooltip_layout.shape(area)?.label;
        let style = format!(
            "left:{:.2}%;top:{:.2}%",
            x / width * 100.0,
            y / height * 100.0
        );
        Some(view! { <p class="tooltip" aria-hidden="true" style=style>{area.name()}</p> })
    };

    view! {
        <div class="map-frame" on:mouseleave=move |_| hovered.set(None)>
            <svg
                class="map"
                viewBox=layout.view_box()
                role="group"
                aria-label="Map of London's 33 boroughs"
                aria-describedby="map-help"
            >
                {shapes}
                {selected_outline}
            </svg>
            {tooltip}
        </div>
        <p id="map-help" class="help">
            "Choose a borough (click, tap, or Tab to it and press Enter) to see what its community conversation led to."
        </p>
    }
}

#[component]
fn BoroughShape(shape: MapShape, hovered: RwSignal<Option<Area>>) -> impl IntoView {
    let selection = expect_context::<Selection>();
    let story = expect_context::<Story>();
    let highlight = expect_context::<Highlight>();
    let area = shape.area;
    // With a theme picked: `true` for the boroughs it touches, `false` for the rest.
    let matches_theme = move || {
        let theme = highlight.get()?;
        let content = story.get()?;
        Some(content.areas_with_theme(theme).contains(&area))
    };
    let status = move || {
        story
            .get()
            .and_then(|content| content.status(area))
            .map_or("unknown", |s| s.id())
    };
    let on_key = move |event: ev::KeyboardEvent| {
        if matches!(event.key().as_str(), "Enter" | " ") {
            event.prevent_default();
            selection.choose(Some(area));
        }
    };
    view! {
        <path
            class="borough"
            class:selected=move || selection.is(area)
            class:hovered=move || hovered.get() == Some(area)
            class:theme-match=move || matches_theme() == Some(true)
            class:theme-other=move || matches_theme() == Some(false)
            data-code=area.code()
            data-status=status
            d=shape.path
            role="button"
            tabindex="0"
            aria-label=area.name()
            aria-pressed=move || if selection.is(area) { "true" } else { "false" }
            on:click=move |_| selection.choose(Some(area))
            on:keydown=on_key
            on:mouseenter=move |_| hovered.set(Some(area))
            on:focus=move |_| hovered.set(Some(area))
            on:blur=move |_| hovered.set(None)
        ></path>
    }
}
