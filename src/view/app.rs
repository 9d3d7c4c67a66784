//! The page: loads the geometry and the content, provides shared state, lays out the parts.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::announcer::Announcer;
use super::area_list::AreaList;
use super::embed_dialog::EmbedDialog;
use super::footer::Footer;
use super::host::connect_to_host;
use super::legend::Legend;
use super::map::BoroughMap;
use super::notices::NoticeList;
use super::panel::AreaPanel;
use super::search::FindBorough;
use super::state::{Highlight, Notices, Selection, Story};
use super::summary::LondonSummary;
use super::themes::ThemePicker;
use crate::browser;
use crate::content::{Content, CONTENT_PATH};
use crate::geo::{BoundarySet, MapLayout};
use crate::url_state::UrlState;

/// Where the app fetches the boundaries from, relative to the page; also named in messages.
pub const GEOMETRY_PATH: &str = "geo/boroughs.geojson";

/// The map's geometry as it loads.
#[derive(Clone)]
enum MapState {
    Loading,
    Ready(Arc<MapLayout>),
    Failed,
}

#[component]
pub fn App() -> impl IntoView {
    let notices = Notices::new();
    let story = Story::new();
    let address = UrlState::from_query(&browser::location_search());
    let embedded = address.embed;
    let selection = Selection::new(address.borough, embedded);
    provide_context(notices);
    provide_context(story);
    provide_context(selection);
    provide_context(Highlight::new());
    report_unknown_values(notices, &address);
    browser::set_colour_scheme(address.scheme);
    if embedded {
        browser::add_root_class("embed");
    }
    connect_to_host(selection, address.child_id.clone());

    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        let address = UrlState::from_query(&browser::location_search());
        report_unknown_values(notices, &address);
        selection.follow(&address);
    });
    // Escape closes the open area from anywhere (except a dialog, which Escape closes instead)
    // and returns focus to it on the map.
    let _ = window_event_listener(leptos::ev::keydown, move |event| {
        if matches!(event.key().as_str(), "Escape" | "Esc")
            && !browser::is_in_dialog(event.target())
        {
            selection.close();
        }
    });

    let map_state = RwSignal::new(MapState::Loading);
    spawn_local(async move {
        map_state.set(load_map(notices).await);
    });
    spawn_local(async move {
        story.set(load_content(notices).await);
    });

    let map = move || {
        match map_state.get() {
        MapState::Loading => view! { <p class="map-status">"Loading the map…"</p> }.into_any(),
        MapState::Ready(layout) => view! { <BoroughMap layout /> }.into_any(),
        MapState::Failed => view! {
            <p class="map-status">
                "The map cannot be drawn just now; every borough's story is still in the list of all areas."
            </p>
        }
        .into_any(),
    }
    };
    let panel = move || match selection.get() {
        Some(area) => view! { <AreaPanel area /> }.into_any(),
        None => view! { <LondonSummary compact=embedded /> }.into_any(),
    };

    // Embedded, the partner's page gives the context: no header, and a one-line credit.
    let header = (!embedded).then(|| view! {
        <header class="site-header">
            <h1>"Londoners did: the borough map"</h1>
            <p class="lede">
                "What the Thrive LDN community conversations of 2017/18 led to, borough by borough."
            </p>
            <EmbedDialog />
        </header>
    });
    view! {
        {header}
        <NoticeList />
        <main class="layout">
            <section class="map-column" aria-label="Map">
                <FindBorough />
                {map}
                <Legend />
                <ThemePicker />
                <AreaList compact=embedded />
            </section>
            <div class="panel-column">{panel}</div>
        </main>
        <Footer embedded />
        <Announcer />
    }
}

fn report_unknown_values(notices: Notices, address: &UrlState) {
    if let Some(value) = &address.unknown_borough {
        notices.report(
            format!(
                "The address asks for a borough called \u{201c}{value}\u{201d}, which isn't one of London's 33 areas. \
                 Choose a borough on the map instead."
            ),
            &format!("unknown ?borough= value {value:?}"),
        );
    }
    if let Some(value) = &address.unknown_scheme {
        notices.report(
            format!(
                "The address asks for a colour theme called \u{201c}{value}\u{201d}; the choices are light, dark and auto. \
                 The map follows your device's setting instead."
            ),
            &format!("unknown ?theme= value {value:?}"),
        );
    }
}

async fn load_map(notices: Notices) -> MapState {
    let text = match browser::fetch_text(GEOMETRY_PATH).await {
        Ok(text) => text,
        Err(e) => {
            notices.report(
                format!("The borough boundaries {e}, so the map cannot be drawn."),
                &format!("{GEOMETRY_PATH} {e}"),
            );
            return MapState::Failed;
        }
    };
    let set = match BoundarySet::from_geojson(&text) {
        Ok(set) => set,
        Err(e) => {
            notices.report(
                format!("The borough boundaries file {e}, so the map cannot be drawn."),
                &format!("{GEOMETRY_PATH} {e}"),
            );
            return MapState::Failed;
        }
    };
    for problem in &set.skipped {
        browser::console_error(&format!("borough map: {GEOMETRY_PATH}: {problem}"));
    }
    let missing = set.missing();
    if !missing.is_empty() {
        let names: Vec<&str> = missing.iter().map(|a| a.name()).collect();
        notices.report(
            format!(
                "The map is missing {} of London's 33 areas because their boundaries could not be read: {}.",
                missing.len(),
                names.join(", ")
            ),
            &format!("{GEOMETRY_PATH}: {} features skipped", set.skipped.len()),
        );
    }
    match MapLayout::new(&set) {
        Some(layout) => MapState::Ready(Arc::new(layout)),
        None => {
            notices.report(
                "The borough boundaries have no extent, so the map cannot be drawn.".into(),
                &format!("{GEOMETRY_PATH}: bounds cannot be fitted"),
            );
            MapState::Failed
        }
    }
}

async fn load_content(notices: Notices) -> Content {
    let content = match browser::fetch_text(CONTENT_PATH).await {
        Ok(text) => Content::parse(&text),
        Err(e) => Content::unavailable(e.to_string()),
    };
    for problem in &content.problems {
        notices.report(
            format!("Some of the report's content could not be used: {problem}"),
            &problem.to_string(),
        );
    }
    content
}
