//! The contract between the page the build writes (`borough-page`) and everything that reads it
//! back: the app (`borough-map`), the stylesheet (`public/style.css`), the early script
//! (`public/early.js`), the loader (`public/boot.js`) and the tests. Every id, class, data
//! attribute and address parameter that more than one of them uses is defined here once; the
//! page writer and the app use these constants, and `crates/page/tests/contract.rs` fails when
//! the stylesheet or a script uses a name that is neither defined here nor in the page.
//!
//! [`PARTS`] lists the elements the app takes over, each with what it is for a reader and
//! whether a page may lack it by design, so a part the app cannot find is reported, never
//! silently skipped.

use crate::area::Area;

/// A class: its name, for writing it, and its selector, for finding it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Class {
    pub name: &'static str,
    pub selector: &'static str,
}

/// An element id, likewise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Id {
    pub name: &'static str,
    pub selector: &'static str,
}

/// An attribute, likewise (the selector matches any element that has it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Attr {
    pub name: &'static str,
    pub selector: &'static str,
}

/// Defines each name as a constant of `$kind` with its selector, and `ALL`, every one of them.
macro_rules! names {
    ($kind:ident, $open:literal, $close:literal; $($(#[$doc:meta])* $constant:ident = $name:literal,)*) => {
        $($(#[$doc])* pub const $constant: $kind = $kind { name: $name, selector: concat!($open, $name, $close) };)*
        /// Every name of this kind, for the contract test.
        pub const ALL: &[$kind] = &[$($constant),*];
    };
}

/// Classes the app, the stylesheet or the scripts rely on. (Purely presentational classes that
/// only the page and the stylesheet share, such as `lede`, stay in the page writer: the
/// contract test accepts a stylesheet name that the rendered page has.)
pub mod class {
    use super::Class;
    names! { Class, ".", "";
        /// On the root: the app has taken the page over.
        JS = "js",
        /// On the root: the app cannot run here (no WebAssembly, a failed load, a panic).
        NO_APP = "no-app",
        /// On the root: the map is framed in a partner's page (`?embed=1`).
        EMBED = "embed",
        /// Shown only where the app runs.
        NEEDS_JS = "needs-js",
        MAP = "map",
        BOROUGH = "borough",
        /// A small area's larger, invisible touch target.
        HIT_AREA = "hit-area",
        SELECTED = "selected",
        HOVERED = "hovered",
        THEME_MATCH = "theme-match",
        THEME_OTHER = "theme-other",
        SELECTED_OUTLINE = "selected-outline",
        FOCUS_HALO = "focus-halo",
        FOCUS_OUTLINE = "focus-outline",
        TOOLTIP = "tooltip",
        PANEL_COLUMN = "panel-column",
        /// Every story, London-wide or an area's.
        PANEL = "panel",
        AREA_PANEL = "area-panel",
        SUMMARY_PANEL = "summary-panel",
        /// A story's Close link.
        CLOSE = "close",
        /// A disclosure folded away when embedded.
        MORE = "more",
        AREA_LIST = "area-list",
        THEME_BUTTONS = "theme-buttons",
        THEME_BUTTON = "theme-button",
        THEME_SUMMARY = "theme-summary",
        FIND_EMPTY = "find-empty",
        EMBED_BUTTON = "embed-button",
        EMBED_DIALOG = "embed-dialog",
        EMBED_PREVIEW_SLOT = "embed-preview-slot",
        EMBED_PREVIEW = "embed-preview",
        COPY_STATUS = "copy-status",
        NOTICE = "notice",
        NOTICE_FATAL = "notice-fatal",
        /// The guided tour (issue 16): its one panel, each of its steps, its buttons.
        TOUR_PANEL = "tour-panel",
        TOUR_STEP = "tour-step",
        /// "Take the tour", beside the London-wide story.
        TOUR_START = "tour-start",
        TOUR_PREVIOUS = "tour-previous",
        TOUR_NEXT = "tour-next",
        TOUR_EXIT = "tour-exit",
        /// A story's own controls: share, download, the data, and its address as text.
        TAKE_AWAY = "take-away",
        SHARE_BUTTON = "share-button",
        /// "Download the map": the app saves the map as SVG; embedded, a link to the page.
        DOWNLOAD_MAP = "download-map",
        /// A story's own address (its page's canonical URL), as text to copy by hand.
        PAGE_URL = "page-url",
        /// What sharing did, written by the app next to the button.
        SHARE_STATUS = "share-status",
        /// The one-line credit, also written into a downloaded map.
        EMBED_CREDIT = "embed-credit",
        /// A story's summary, the text it is shared with.
        STORY_SUMMARY = "summary",
        /// On a phone, the open story is a sheet: the handle at its top, a button that
        /// expands and collapses it (tap, Enter) and that a finger drags or swipes.
        SHEET_HANDLE = "sheet-handle",
    }
}

/// Ids the app, the stylesheet or the scripts rely on. Stories' ids are made by [`story_id`]
/// and [`story_title_id`]; the statuses' by [`status_id`].
pub mod id {
    use super::Id;
    names! { Id, "#", "";
        NOTICES = "notices",
        ANNOUNCER = "announcer",
        MAP_HELP = "map-help",
        /// The London-wide story, and its fragment (`#london`).
        LONDON = "london",
        LONDON_TITLE = "london-title",
        FIND_INPUT = "find-input",
        FIND_LIST = "find-list",
        EMBED_BOROUGH = "embed-borough",
        EMBED_SCRIPT = "embed-script",
        EMBED_IFRAME = "embed-iframe",
    }
}

/// Attributes the build writes and the app or the scripts read or write.
pub mod attr {
    use super::Attr;
    names! { Attr, "[", "]";
        /// An area's GSS code, on its shape, touch target, story and entry in the list.
        CODE = "data-code",
        /// A status id (`crate::content::Status::id`), on shapes, the key and stories.
        STATUS = "data-status",
        /// Where an area's name goes (see `crate::attrs::label_value`).
        LABEL = "data-label",
        /// The codes of the areas that touch it (see `crate::attrs::areas_value`).
        NEIGHBOURS = "data-neighbours",
        /// The themes of its outcomes (see `crate::attrs::themes_value`).
        THEMES = "data-themes",
        /// The open story: set by the build (the London-wide one), by the early script (the
        /// one the address names) and by the app (the selected one). The stylesheet shows it,
        /// or, until the app runs, the one a followed link names (`:target`).
        OPEN = "data-open",
        /// On the root: the colours the address or the host asks for (`light`, `dark`).
        COLOURS = "data-theme",
        /// On a theme button: the theme it highlights (`all` for none).
        HIGHLIGHT = "data-highlight",
        /// On a copy button in the embed dialog: which snippet it copies.
        COPY = "data-copy",
        /// On the root: the site's root folder relative to this page (`./` on the home page,
        /// `../` on an area's own page, `hackney/index.html`), against which links that leave
        /// the page resolve (data files, previews, the embed snippets).
        ROOT = "data-root",
        /// On the root of an area's own page: the area's GSS code. The story the page opens
        /// with when the address names no other.
        PAGE_AREA = "data-area",
        /// On the root: the tour's open step (`1` to `10`), set by the early script (`?tour=`)
        /// and the app. The stylesheet shows that step's panel instead of the stories.
        TOUR = "data-tour",
        /// On a tour step: the codes of the areas it marks on the map (see
        /// `crate::attrs::areas_value`), none for a London-wide point.
        TOUR_AREAS = "data-areas",
        /// On the open story, set by the app: how high its sheet stands on a phone
        /// ([`SHEET_FULL`](super::SHEET_FULL), or absent for the peek, which shows the
        /// heading, the status and the summary with the whole map above).
        SHEET = "data-sheet",
    }
}

/// The address's parameters (see `crate::url_state`), read by the early script and the app.
pub mod param {
    /// Every parameter, for the contract test.
    pub const ALL: &[&str] = &[BOROUGH, THEME, EMBED, CHILD_ID, TOUR];
    pub const BOROUGH: &str = "borough";
    pub const THEME: &str = "theme";
    pub const EMBED: &str = "embed";
    pub const CHILD_ID: &str = "childId";
    /// The tour's open step, `1` to [`super::TOUR_STEPS`].
    pub const TOUR: &str = "tour";
}

/// How many steps the tour has: the report's ten summary points (`docs/ten-points.md`).
pub const TOUR_STEPS: u8 = 10;

/// The id of tour step `step` (counted from 1), e.g. `tour-3`.
pub fn tour_step_id(step: u8) -> String {
    format!("tour-{step}")
}

/// The id of the heading of tour step `step`, e.g. `tour-title-3`: where focus goes.
pub fn tour_title_id(step: u8) -> String {
    format!("tour-title-{step}")
}

/// The embed dialog's colour choices: the radio buttons' `name`, and the chosen one.
pub const EMBED_COLOURS_FIELD: &str = "embed-theme";
pub const EMBED_COLOURS_CHOSEN: &str = "input[name=embed-theme]:checked";

/// What the embed dialog's copy buttons carry in [`attr::COPY`]: which snippet they copy.
pub const COPY_SCRIPT: &str = "script";
pub const COPY_IFRAME: &str = "iframe";

/// What the open story carries in [`attr::SHEET`] when its sheet is expanded for reading.
pub const SHEET_FULL: &str = "full";

/// The custom property the app sets on a story's sheet while a finger drags its handle: how
/// far it has moved (`-40px` is up), which the stylesheet adds to the sheet's top.
pub const SHEET_DRAG: &str = "--sheet-drag";

/// What a theme button that highlights nothing carries in [`attr::HIGHLIGHT`].
pub const HIGHLIGHT_NONE: &str = "all";

/// How a story's id begins: `area-` and the area's slug.
pub const STORY_ID_PREFIX: &str = "area-";

/// The id of an area's story, and so its link from the map, e.g. `area-hackney`.
pub fn story_id(area: Area) -> String {
    format!("{STORY_ID_PREFIX}{}", area.slug())
}

/// The area whose story a fragment names (`#area-hackney`), if any: exactly its id, as the
/// stylesheet's `:target` and the early script match it.
pub fn story_in_fragment(fragment: &str) -> Option<Area> {
    let id = fragment.strip_prefix('#')?.strip_prefix(STORY_ID_PREFIX)?;
    Area::all().find(|area| area.slug() == id)
}

/// The id of the heading that names an area's story, e.g. `title-hackney`.
pub fn story_title_id(area: Area) -> String {
    format!("title-{}", area.slug())
}

/// The id of the hidden text that says a status, which each shape is described by.
pub fn status_id(status_id: &str) -> String {
    format!("status-{status_id}")
}

/// The site's root folder, from a page's path (`/map/hackney/` or `/map/hackney/index.html`)
/// and its [`attr::ROOT`] (`../`): `/map/`. Each `../` the root begins with takes one folder
/// off the page's; anything else (`./`, none) leaves the page's folder. (Prefixes only, not a
/// substring search, which would add a searcher's code to the wasm.)
pub fn root_folder<'a>(path: &'a str, root: &str) -> &'a str {
    let mut folder = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    let mut up = root;
    while let Some(rest) = up.strip_prefix("../") {
        up = rest;
        let parent = folder.trim_end_matches('/');
        folder = &folder[..parent.rfind('/').map_or(folder.len().min(1), |i| i + 1)];
    }
    folder
}

/// Whether an `href` or `src` value names a file of the site relative to the page: not a
/// fragment, not rooted at the host, not absolute (`https:`, `data:`). The build resolves
/// these against an area's page's root; the app pins them to absolute addresses before it
/// moves the address between pages of different depths.
pub fn is_relative_url(url: &str) -> bool {
    let before_path = url.split(['/', '?', '#']).next().unwrap_or("");
    !url.is_empty() && !url.starts_with(['#', '/']) && !before_path.contains(':')
}

/// The folder of a view's own page under the site's root: `""` for the London-wide story (the
/// home page), `hackney/` for an area's. The build writes `<folder>index.html`; the app puts
/// `<root><folder>` in the address when the view is chosen.
pub fn page_folder(area: Option<Area>) -> String {
    match area {
        None => String::new(),
        Some(area) => format!("{}/", area.slug()),
    }
}

/// The view whose own page `path` is, under the site's root folder `root` (see
/// [`root_folder`]): `Some(None)` for the home page (`<root>`, `<root>index.html`),
/// `Some(Some(area))` for an area's (`<root>hackney/`, `<root>hackney/index.html`), and `None`
/// for any other path, which names no view.
pub fn view_in_path(root: &str, path: &str) -> Option<Option<Area>> {
    let rest = path.strip_prefix(root)?;
    let rest = rest.strip_suffix("index.html").unwrap_or(rest);
    if rest.is_empty() {
        return Some(None);
    }
    let slug = rest.strip_suffix('/')?;
    Area::all().find(|area| area.slug() == slug).map(Some)
}

/// Whether a page may lack a part by design.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    /// Every page has it.
    Required,
    /// The standalone page has it; an embedded one need not (the header is not shown there).
    Standalone,
}

/// An element the app takes over: how to find it, what it is for a reader (for the notice if
/// it is missing), and whether a page may lack it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Part {
    pub selector: &'static str,
    /// What the reader loses without it, e.g. "finding a borough by name".
    pub feature: &'static str,
    pub presence: Presence,
}

/// Defines each part as a constant, and `PARTS`, every one of them.
macro_rules! parts {
    ($($(#[$doc:meta])* $constant:ident = $presence:ident($selector:expr, $feature:literal),)*) => {
        $($(#[$doc])* pub const $constant: Part = Part { selector: $selector, feature: $feature, presence: Presence::$presence };)*
        /// Every part the app takes over.
        pub const PARTS: &[Part] = &[$($constant),*];
    };
}

parts! {
    MAP = Required(class::MAP.selector, "the map"),
    PANEL_COLUMN = Required(class::PANEL_COLUMN.selector, "the stories"),
    LONDON_STORY = Required(id::LONDON.selector, "the London-wide story"),
    NOTICES = Required(id::NOTICES.selector, "messages about the page"),
    ANNOUNCER = Required(id::ANNOUNCER.selector, "announcements for screen readers"),
    SELECTED_OUTLINE = Required(class::SELECTED_OUTLINE.selector, "the outline of the selected borough"),
    FOCUS_HALO = Required(class::FOCUS_HALO.selector, "the keyboard focus ring"),
    FOCUS_OUTLINE = Required(class::FOCUS_OUTLINE.selector, "the keyboard focus ring"),
    TOOLTIP = Required(class::TOOLTIP.selector, "boroughs' names on the map"),
    FIND_INPUT = Required(id::FIND_INPUT.selector, "finding a borough by name"),
    FIND_LIST = Required(id::FIND_LIST.selector, "finding a borough by name"),
    THEME_BUTTONS = Required(class::THEME_BUTTONS.selector, "highlighting a theme"),
    THEME_SUMMARY = Required(class::THEME_SUMMARY.selector, "the summary of a highlighted theme"),
    AREA_LIST = Required(class::AREA_LIST.selector, "the list of all areas"),
    EMBED_BUTTON = Standalone(class::EMBED_BUTTON.selector, "embedding the map"),
    EMBED_DIALOG = Standalone(class::EMBED_DIALOG.selector, "embedding the map"),
    EMBED_BOROUGH = Standalone(id::EMBED_BOROUGH.selector, "embedding the map"),
    EMBED_SCRIPT = Standalone(id::EMBED_SCRIPT.selector, "embedding the map"),
    EMBED_IFRAME = Standalone(id::EMBED_IFRAME.selector, "embedding the map"),
    EMBED_PREVIEW_SLOT = Standalone(class::EMBED_PREVIEW_SLOT.selector, "the preview of an embedded map"),
    COPY_STATUS = Standalone(class::COPY_STATUS.selector, "copying a snippet"),
    /// The London-wide story's controls stand for every story's (each has its own, found
    /// when it is used): `#london .share-button` and so on.
    SHARE_BUTTON = Required("#london .share-button", "sharing a story"),
    DOWNLOAD_MAP = Required("#london .download-map", "downloading the map"),
    PAGE_URL = Required("#london .page-url", "sharing a story"),
    EMBED_CREDIT = Required(class::EMBED_CREDIT.selector, "the credits of a downloaded map"),
}

/// Each area's story has its own sheet handle, so it is not one of [`PARTS`] (each of which
/// the page has once): the app looks for it in every story and reports a story without one.
pub const SHEET_HANDLE: Part = Part {
    selector: class::SHEET_HANDLE.selector,
    feature: "resizing the story sheet",
    presence: Presence::Required,
};

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn names_are_unique_within_their_kind_and_selectors_match_them() {
        let classes: HashSet<_> = class::ALL.iter().map(|c| c.name).collect();
        assert_eq!(classes.len(), class::ALL.len());
        let ids: HashSet<_> = id::ALL.iter().map(|i| i.name).collect();
        assert_eq!(ids.len(), id::ALL.len());
        let attrs: HashSet<_> = attr::ALL.iter().map(|a| a.name).collect();
        assert_eq!(attrs.len(), attr::ALL.len());
        assert_eq!(class::MAP.selector, ".map");
        assert_eq!(id::NOTICES.selector, "#notices");
        assert_eq!(attr::OPEN.selector, "[data-open]");
        assert_eq!(attr::ROOT.selector, "[data-root]");
        for attr in attr::ALL {
            assert!(attr.name.starts_with("data-"), "{}", attr.name);
        }
    }

    #[test]
    fn the_root_folder_is_the_pages_less_one_folder_per_step_up() {
        assert_eq!(root_folder("/map/hackney/", "../"), "/map/");
        assert_eq!(root_folder("/map/hackney/index.html", "../"), "/map/");
        assert_eq!(root_folder("/hackney/", "../"), "/");
        assert_eq!(root_folder("/map/", "./"), "/map/");
        assert_eq!(root_folder("/map/index.html", ""), "/map/");
        assert_eq!(root_folder("/", "../../"), "/");
        assert_eq!(root_folder("", "../"), "");
    }

    #[test]
    fn every_view_is_found_again_in_the_path_of_its_own_page() {
        for root in ["/", "/map/", "/a/b/"] {
            assert_eq!(
                view_in_path(root, &format!("{root}{}", page_folder(None))),
                Some(None)
            );
            assert_eq!(view_in_path(root, &format!("{root}index.html")), Some(None));
            for area in Area::all() {
                let folder = page_folder(Some(area));
                assert_eq!(
                    view_in_path(root, &format!("{root}{folder}")),
                    Some(Some(area))
                );
                assert_eq!(
                    view_in_path(root, &format!("{root}{folder}index.html")),
                    Some(Some(area))
                );
            }
        }
        assert_eq!(page_folder(Area::parse("hackney")), "hackney/");
        for other in [
            "/hackney",
            "/Hackney/",
            "/nowhere/",
            "/hackney/sutton/",
            "/data/areas.csv",
            "/map/hackney/",
            "",
        ] {
            assert_eq!(view_in_path("/", other).flatten(), None, "{other}");
        }
        assert_eq!(view_in_path("/map/", "/hackney/"), None);
    }

    #[test]
    fn the_london_storys_controls_are_found_by_their_names() {
        for (part, class) in [
            (SHARE_BUTTON, class::SHARE_BUTTON),
            (DOWNLOAD_MAP, class::DOWNLOAD_MAP),
            (PAGE_URL, class::PAGE_URL),
        ] {
            assert_eq!(
                part.selector,
                format!("{} {}", id::LONDON.selector, class.selector)
            );
        }
    }

    #[test]
    fn the_chosen_colour_is_found_by_its_field_name() {
        assert_eq!(
            EMBED_COLOURS_CHOSEN,
            format!("input[name={EMBED_COLOURS_FIELD}]:checked")
        );
    }

    #[test]
    fn story_ids_and_fragments_round_trip() {
        for area in Area::all() {
            assert_eq!(
                story_in_fragment(&format!("#{}", story_id(area))),
                Some(area)
            );
        }
        let hackney = Area::parse("hackney").unwrap();
        assert_eq!(story_id(hackney), "area-hackney");
        assert_eq!(story_title_id(hackney), "title-hackney");
        assert_eq!(status_id("held"), "status-held");
        for other in [
            "",
            "#",
            "#london",
            "area-hackney",
            "#area-nowhere",
            "#area-Hackney",
            "#area-E09000012",
        ] {
            assert_eq!(story_in_fragment(other), None, "{other}");
        }
    }
}
