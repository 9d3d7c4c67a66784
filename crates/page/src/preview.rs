//! The preview image of a view (1200×630, what link previews show), as an SVG the build
//! renders to PNG (`cargo xtask prerender`, with resvg and the font in `assets/fonts/`): the
//! map from the same layout as the page, the area highlighted, its name and status, the
//! site's title and the credit line. Text is set in [`FONT_FAMILY`] only.

use maud::{html, Markup};

use borough_core::content::{Content, Status};
use borough_core::geo::MapLayout;
use borough_core::words::count_boroughs;

use crate::meta::{PREVIEW_HEIGHT, PREVIEW_WIDTH};
use crate::View;

/// The one font the previews use, shipped in the repository with its licence.
pub const FONT_FAMILY: &str = "DejaVu Sans";
/// Where it is, relative to the repository.
pub const FONT_PATH: &str = "assets/fonts/DejaVuSans-Bold.ttf";

const INK: &str = "#1b1b1f";
const MUTED: &str = "#4a4f5c";
const PAPER: &str = "#ffffff";
const ACCENT: &str = "#005ea5";
const UNKNOWN: &str = "#c9ccd6";

/// The page's light colours for each status (`public/style.css`).
fn colour(status: Option<Status>) -> &'static str {
    match status {
        Some(Status::Outcomes) => "#0072b2",
        Some(Status::Held) => "#c2620a",
        Some(Status::NoneRecorded) => "#8c919c",
        None => UNKNOWN,
    }
}

/// A status in a few words, for the London-wide preview's key.
fn short_label(status: Status) -> &'static str {
    match status {
        Status::Outcomes => "outcomes recorded",
        Status::Held => "conversation held",
        Status::NoneRecorded => "none recorded",
    }
}

/// `text` in lines of at most `width` characters, broken between words.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// Lines of text from `(x, y)`, `size` pixels high, `leading` apart.
fn lines(lines: &[String], x: u32, y: u32, size: u32, leading: u32, fill: &str) -> Markup {
    html! {
        @for (i, line) in lines.iter().enumerate() {
            text x=(x) y=(y + i as u32 * leading) font-size=(size) fill=(fill) { (line) }
        }
    }
}

/// The preview of `view` as an SVG document.
pub fn svg(layout: &MapLayout, content: &Content, view: View) -> String {
    let selected = match view {
        View::London => None,
        View::Area(area) => Some(area),
    };
    let heading = match selected {
        Some(area) => wrap(area.name(), 13),
        None => wrap("What London\u{2019}s conversations led to", 13),
    };
    let heading_size = 54;
    let heading_leading = 64;
    let below_heading = 190 + heading.len() as u32 * heading_leading;
    html! {
        svg xmlns="http://www.w3.org/2000/svg" width=(PREVIEW_WIDTH) height=(PREVIEW_HEIGHT)
            viewBox={ "0 0 " (PREVIEW_WIDTH) " " (PREVIEW_HEIGHT) }
            font-family=(FONT_FAMILY) font-weight="bold" {
            rect width=(PREVIEW_WIDTH) height=(PREVIEW_HEIGHT) fill=(PAPER) {}
            rect width="16" height=(PREVIEW_HEIGHT) fill=(ACCENT) {}
            svg x="600" y="24" width="576" height="520" viewBox=(layout.view_box()) {
                @for shape in &layout.shapes {
                    path d=(shape.path) fill=(colour(content.status(shape.area)))
                        fill-opacity=(if selected.is_none_or(|a| a == shape.area) { "1" } else { "0.3" })
                        stroke=(PAPER) stroke-width="2" stroke-linejoin="round" {}
                }
                @if let Some(shape) = selected.and_then(|area| layout.shape(area)) {
                    path d=(shape.path) fill="none" stroke=(INK) stroke-width="6"
                        stroke-linejoin="round" {}
                }
            }
            text x="60" y="92" font-size="30" fill=(ACCENT) { "Londoners did" }
            (lines(&heading, 60, 180, heading_size, heading_leading, INK))
            @match selected {
                Some(area) => {
                    @let status = content.status(area);
                    @let label = wrap(status.map_or("No entry in this build", Status::label), 24);
                    rect x="60" y=(below_heading - 26) width="30" height="30" rx="4"
                        fill=(colour(status)) {}
                    (lines(&label, 104, below_heading, 28, 38, INK))
                }
                None => {
                    @for (i, status) in Status::ALL.into_iter().enumerate() {
                        @let y = below_heading + i as u32 * 46;
                        rect x="60" y=(y - 24) width="28" height="28" rx="4" fill=(colour(Some(status))) {}
                        text x="102" y=(y) font-size="24" fill=(INK) {
                            (count_boroughs(content.count(status))) ": " (short_label(status))
                        }
                    }
                }
            }
            text x="60" y="560" font-size="24" fill=(MUTED) {
                "The borough map of Thrive LDN\u{2019}s community conversations, 2017/18"
            }
            text x="60" y="598" font-size="15" fill=(MUTED) {
                "Source: \u{201c}Londoners did\u{201d}, Mental Health Foundation. Boundaries: OGL v3.0, \
                 \u{a9} Crown copyright and database right (2015)."
            }
        }
    }
    .into_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_breaks_between_words() {
        assert_eq!(
            wrap("Kensington and Chelsea", 14),
            ["Kensington and", "Chelsea"]
        );
        assert_eq!(wrap("Hackney", 14), ["Hackney"]);
        assert_eq!(
            wrap("Averyveryverylongword x", 5),
            ["Averyveryverylongword", "x"]
        );
    }
}
