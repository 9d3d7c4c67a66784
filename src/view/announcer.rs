//! What a selection did, for screen reader users: written into the page's polite live region.

use std::sync::Arc;

use super::dom::MapData;
use super::state::{shared, Selection};
use borough_core::area::Area;

pub fn take_over(map: Arc<MapData>) {
    let selection = shared::<Selection>();
    let Some(region) = super::dom::part(borough_core::contract::ANNOUNCER) else {
        return;
    };
    // Each change, not the page opening: nothing has happened yet to announce then.
    selection.watch(move |selected, _| {
        region.set_text_content(Some(&announcement(&map, selected)));
    });
}

fn announcement(map: &MapData, selected: Option<Area>) -> String {
    match selected {
        Some(area) => {
            let status = map
                .shape(area)
                .and_then(|s| s.status)
                .map(|s| format!(": {}", s.label().to_ascii_lowercase()))
                .unwrap_or_default();
            format!("{area} selected{status}. Its story is in the panel.")
        }
        None => "Closed. The panel shows the London-wide story.".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::dom::ShapeData;
    use borough_core::content::Status;
    use borough_core::geo::Neighbours;

    #[test]
    fn says_what_was_selected_and_its_status() {
        let hackney = Area::parse("hackney").unwrap();
        let map = MapData {
            width: 1000.0,
            shapes: vec![ShapeData {
                area: hackney,
                label: [1.0, 2.0],
                status: Some(Status::Outcomes),
                themes: vec![],
            }],
            neighbours: Neighbours::from_lists([]),
        };
        assert_eq!(
            announcement(&map, Some(hackney)),
            "Hackney selected: outcomes recorded. Its story is in the panel."
        );
        let sutton = Area::parse("sutton").unwrap();
        assert_eq!(
            announcement(&map, Some(sutton)),
            "Sutton selected. Its story is in the panel."
        );
        assert_eq!(
            announcement(&map, None),
            "Closed. The panel shows the London-wide story."
        );
    }
}
