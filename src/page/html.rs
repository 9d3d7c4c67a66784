//! Small helpers for writing HTML by hand.

use crate::area::Area;

/// `text` made safe to place in HTML text or a quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The id of an area's story, and so its link from the map, e.g. `area-hackney`.
pub fn section_id(area: Area) -> String {
    format!("area-{}", area.slug())
}

/// The id of the heading that names an area's story, e.g. `title-hackney`.
pub fn title_id(area: Area) -> String {
    format!("title-{}", area.slug())
}

/// "8 boroughs", "1 borough": the count with the noun it needs.
pub fn count_boroughs(count: usize) -> String {
    format!(
        "{count} {}",
        if count == 1 { "borough" } else { "boroughs" }
    )
}
