//! The contract between the page and what reads it (`borough_core::contract`), checked
//! natively: the real page, rendered and parsed as a browser would, has every part the app
//! takes over, well formed; and the stylesheet and the scripts use no class, id, data attribute
//! or address parameter that is neither the contract's nor in the page.

use std::collections::{BTreeSet, HashSet};
use std::path::Path;

use borough_core::area::Area;
use borough_core::attrs::parse_label;
use borough_core::content::{Status, Theme};
use borough_core::contract::{
    attr, class, id, param, story_id, story_title_id, HIGHLIGHT_NONE, PARTS,
};
use scraper::{ElementRef, Html, Selector};

/// A file of the repository.
fn read(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

/// The page the build writes, from the real boundaries and content.
fn page() -> Html {
    let body = borough_page::checked_body(
        &read("geo/boroughs.geojson"),
        &read("content/londoners-did.json"),
    )
    .expect("the real data builds");
    Html::parse_document(&body)
}

fn select<'a>(page: &'a Html, selector: &str) -> Vec<ElementRef<'a>> {
    let parsed = Selector::parse(selector).unwrap_or_else(|e| panic!("{selector}: {e}"));
    page.select(&parsed).collect()
}

fn attribute<'a>(element: &ElementRef<'a>, name: &str) -> &'a str {
    element.value().attr(name).unwrap_or_else(|| {
        panic!(
            "{} has no {name}",
            element.html().chars().take(120).collect::<String>()
        )
    })
}

/// The elements `selector` finds, with the area each names in `data-code`: one for each of the
/// 33 areas, each once.
fn one_per_area<'a>(page: &'a Html, selector: &str) -> Vec<(Area, ElementRef<'a>)> {
    let found: Vec<(Area, ElementRef)> = select(page, selector)
        .into_iter()
        .map(|element| {
            let code = attribute(&element, attr::CODE.name);
            let area = Area::from_code(code)
                .unwrap_or_else(|| panic!("{selector}: {code:?} is no area's code"));
            (area, element)
        })
        .collect();
    for area in Area::all() {
        let times = found.iter().filter(|(a, _)| *a == area).count();
        assert_eq!(times, 1, "{selector}: {area} {times} times");
    }
    assert_eq!(found.len(), 33, "{selector}");
    found
}

/// Every part, required and standalone alike: the build writes the standalone page.
#[test]
fn every_part_the_app_takes_over_is_there_once() {
    let page = page();
    let wrong: Vec<String> = PARTS
        .iter()
        .filter_map(|part| {
            let found = select(&page, part.selector).len();
            (found != 1).then(|| {
                format!(
                    "{} ({}, {:?}): found {found}",
                    part.selector, part.feature, part.presence
                )
            })
        })
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// The part each area's story has its own of: one each.
#[test]
fn every_story_has_one_sheet_handle_that_controls_it() {
    let page = page();
    for (area, story) in one_per_area(&page, borough_core::contract::class::AREA_PANEL.selector) {
        let handles: Vec<_> = story
            .select(&Selector::parse(borough_core::contract::SHEET_HANDLE.selector).unwrap())
            .collect();
        assert_eq!(handles.len(), 1, "{area}");
        assert_eq!(
            attribute(&handles[0], "aria-controls"),
            attribute(&story, "id")
        );
        assert_eq!(attribute(&handles[0], "aria-expanded"), "false");
    }
}

#[test]
fn every_borough_on_the_map_says_what_the_app_reads() {
    let page = page();
    let shapes = one_per_area(
        &page,
        &format!("svg{} path{}", class::MAP.selector, class::BOROUGH.selector),
    );
    for (area, shape) in &shapes {
        let label = attribute(shape, attr::LABEL.name);
        assert!(parse_label(label).is_some(), "{area}: label {label:?}");
        let neighbours = attribute(shape, attr::NEIGHBOURS.name);
        for code in neighbours.split_whitespace() {
            let neighbour = Area::from_code(code);
            assert!(neighbour.is_some(), "{area}: neighbour {code:?}");
            assert_ne!(neighbour, Some(*area), "{area} is its own neighbour");
        }
        let themes = attribute(shape, attr::THEMES.name);
        for theme in themes.split_whitespace() {
            assert!(Theme::from_id(theme).is_some(), "{area}: theme {theme:?}");
        }
        let status = attribute(shape, attr::STATUS.name);
        assert!(
            Status::from_id(status).is_some(),
            "{area}: status {status:?}"
        );
    }
    for target in select(&page, class::HIT_AREA.selector) {
        let code = attribute(&target, attr::CODE.name);
        assert!(Area::from_code(code).is_some(), "touch target {code:?}");
    }
}

#[test]
fn every_area_has_its_story_and_the_london_wide_one_is_open() {
    let page = page();
    for (area, story) in one_per_area(&page, class::AREA_PANEL.selector) {
        assert_eq!(story.value().id(), Some(story_id(area).as_str()));
        assert_eq!(
            story.value().attr("aria-labelledby"),
            Some(story_title_id(area).as_str())
        );
        assert_eq!(
            select(&page, &format!("#{}", story_title_id(area))).len(),
            1
        );
    }
    let london = select(&page, class::SUMMARY_PANEL.selector);
    assert_eq!(london.len(), 1);
    assert_eq!(london[0].value().id(), Some(id::LONDON.name));
    assert!(london[0].value().attr(attr::OPEN.name).is_some());
    assert_eq!(
        select(&page, attr::OPEN.selector).len(),
        1,
        "one open story"
    );
}

#[test]
fn the_list_links_every_area_and_the_theme_buttons_every_theme() {
    let page = page();
    one_per_area(
        &page,
        &format!("{} a{}", class::AREA_LIST.selector, attr::CODE.selector),
    );
    let buttons: Vec<&str> = select(&page, class::THEME_BUTTON.selector)
        .iter()
        .map(|button| attribute(button, attr::HIGHLIGHT.name))
        .collect();
    let expected: Vec<&str> = std::iter::once(HIGHLIGHT_NONE)
        .chain(Theme::ALL.iter().map(|t| t.id()))
        .collect();
    assert_eq!(buttons, expected);
}

/// The stylesheet and the scripts: every name they use is the contract's or the page's.
#[test]
fn the_stylesheet_and_scripts_use_only_names_the_contract_or_the_page_defines() {
    let known = Known::of(&page());
    let mut unknown = Vec::new();
    for (file, names) in [
        ("public/style.css", css::names(&read("public/style.css"))),
        ("public/early.js", js::names(&read("public/early.js"))),
        ("public/boot.js", js::names(&read("public/boot.js"))),
    ] {
        assert!(!names.is_empty(), "{file}: found no names at all");
        unknown.extend(known.unknown(&names).map(|name| format!("{file}: {name}")));
    }
    assert!(
        unknown.is_empty(),
        "names neither in borough_core::contract nor in the page:\n{}",
        unknown.join("\n")
    );
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Kind {
    Class,
    Id,
    /// Only `data-*` attributes are checked; the rest are HTML's own.
    Attr,
    Param,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Name(Kind, String);

impl std::fmt::Display for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Kind::Class => write!(f, "class .{}", self.1),
            Kind::Id => write!(f, "id #{}", self.1),
            Kind::Attr => write!(f, "attribute [{}]", self.1),
            Kind::Param => write!(f, "address parameter ?{}=", self.1),
        }
    }
}

type Names = BTreeSet<Name>;

/// The names the contract defines or the page has.
struct Known(HashSet<Name>);

impl Known {
    fn of(page: &Html) -> Known {
        let name = |kind, name: &str| Name(kind, name.to_owned());
        let mut known: HashSet<Name> = (class::ALL.iter().map(|c| name(Kind::Class, c.name)))
            .chain(id::ALL.iter().map(|i| name(Kind::Id, i.name)))
            .chain(attr::ALL.iter().map(|a| name(Kind::Attr, a.name)))
            .chain(param::ALL.iter().map(|p| name(Kind::Param, p)))
            .collect();
        for element in page
            .root_element()
            .descendants()
            .filter_map(ElementRef::wrap)
        {
            let element = element.value();
            known.extend(element.classes().map(|c| name(Kind::Class, c)));
            known.extend(element.id().map(|i| name(Kind::Id, i)));
            known.extend(element.attrs().map(|(a, _)| name(Kind::Attr, a)));
        }
        Known(known)
    }

    fn unknown<'a>(&'a self, names: &'a Names) -> impl Iterator<Item = &'a Name> + 'a {
        names.iter().filter(|name| {
            (name.0 != Kind::Attr || name.1.starts_with("data-")) && !self.0.contains(name)
        })
    }
}

/// Names in CSS: the selectors of a stylesheet's rules, or one selector (from a script).
mod css {
    use super::{Kind, Name, Names};
    use cssparser::{ParseError, Parser, Token};

    /// The names in every rule's selectors, in `@media`, `@supports` and the like too;
    /// declarations (where `#ffdd00` is a colour) and `@keyframes` are skipped.
    pub fn names(css: &str) -> Names {
        let mut names = Names::new();
        rules(&mut Parser::new(css), &mut names);
        names
    }

    /// The names in a selector, e.g. the argument of `querySelector`.
    pub fn selector_names(selector: &str) -> Names {
        let mut names = Names::new();
        self::selector(&mut Parser::new(selector), &mut names);
        names
    }

    fn nested(parser: &mut Parser, mut each: impl FnMut(&mut Parser)) {
        let _ = parser.parse_nested_block(|inner| {
            each(inner);
            Ok::<(), ParseError<()>>(())
        });
    }

    fn rules(parser: &mut Parser, names: &mut Names) {
        // In an at-rule's prelude: its name.
        let mut at_rule: Option<String> = None;
        let mut dot = false;
        while let Ok(token) = parser.next().cloned() {
            match token {
                Token::AtKeyword(name) => at_rule = Some(name.to_ascii_lowercase()),
                Token::Semicolon => at_rule = None,
                // A rule's block: more rules for a conditional group, declarations (skipped,
                // as is a block left unentered) for a style rule.
                Token::CurlyBracketBlock => {
                    dot = false;
                    if let Some("media" | "supports" | "container" | "layer" | "scope") =
                        at_rule.take().as_deref()
                    {
                        nested(parser, |inner| rules(inner, names));
                    }
                }
                token if at_rule.is_none() => selector_token(parser, token, &mut dot, names),
                _ => {}
            }
        }
    }

    fn selector(parser: &mut Parser, names: &mut Names) {
        let mut dot = false;
        while let Ok(token) = parser.next().cloned() {
            selector_token(parser, token, &mut dot, names);
        }
    }

    fn selector_token(parser: &mut Parser, token: Token, dot: &mut bool, names: &mut Names) {
        let after_dot = std::mem::replace(dot, false);
        match token {
            Token::Delim('.') => *dot = true,
            Token::Ident(name) if after_dot => {
                names.insert(Name(Kind::Class, name.to_string()));
            }
            Token::IDHash(name) => {
                names.insert(Name(Kind::Id, name.to_string()));
            }
            Token::SquareBracketBlock => nested(parser, |inner| {
                if let Ok(Token::Ident(name)) = inner.next() {
                    names.insert(Name(Kind::Attr, name.to_ascii_lowercase()));
                }
            }),
            Token::Function(name)
                if matches!(
                    name.to_ascii_lowercase().as_str(),
                    "is" | "not" | "has" | "where"
                ) =>
            {
                nested(parser, |inner| selector(inner, names))
            }
            _ => {}
        }
    }

    #[test]
    fn finds_selectors_names_in_blocks_and_pseudo_classes_but_not_colours() {
        let names = names(
            ":root[data-theme=\"dark\"] { --focus: #ffdd00; color: #abc }\n\
             @media (max-width: 640px) { .a .b, :root:not(.js) #c:has(.d > [data-e]) { top: 0 } }\n\
             @keyframes up { from { opacity: 0 } to { opacity: 1 } }\n\
             li:nth-child(2n) { color: red }",
        );
        let expected: Names = [
            Name(Kind::Attr, "data-theme".into()),
            Name(Kind::Class, "a".into()),
            Name(Kind::Class, "b".into()),
            Name(Kind::Class, "js".into()),
            Name(Kind::Id, "c".into()),
            Name(Kind::Class, "d".into()),
            Name(Kind::Attr, "data-e".into()),
        ]
        .into_iter()
        .collect();
        assert_eq!(names, expected);
    }
}

/// Names in a script: the string literals it hands to the DOM's lookups of classes, ids,
/// attributes and selectors, and to `URLSearchParams`. Read with a small tokenizer (strings,
/// comments, words, punctuation; enough for our own scripts, whose regular expressions have
/// no quotes).
mod js {
    use super::{css, Kind, Name, Names};

    #[derive(Clone, Debug, PartialEq)]
    enum Tok {
        Word(String),
        Str(String),
        Punct(String),
    }

    fn tokens(source: &str) -> Vec<Tok> {
        let chars: Vec<char> = source.chars().collect();
        let mut out = Vec::new();
        let mut i = 0;
        let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
        while i < chars.len() {
            let c = chars[i];
            if c.is_whitespace() {
                i += 1;
            } else if c == '/' && at(i + 1) == '/' {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            } else if c == '/' && at(i + 1) == '*' {
                i += 2;
                while i < chars.len() && !(chars[i] == '*' && at(i + 1) == '/') {
                    i += 1;
                }
                i += 2;
            } else if matches!(c, '"' | '\'' | '`') {
                let mut text = String::new();
                i += 1;
                while i < chars.len() && chars[i] != c {
                    if chars[i] == '\\' {
                        i += 1;
                    }
                    text.push(at(i));
                    i += 1;
                }
                i += 1;
                // A template with substitutions is not one name.
                out.push(if c == '`' && text.contains("${") {
                    Tok::Punct("`".into())
                } else {
                    Tok::Str(text)
                });
            } else if c.is_alphanumeric() || c == '_' || c == '$' {
                let start = i;
                while i < chars.len()
                    && (chars[i].is_alphanumeric() || matches!(chars[i], '_' | '$'))
                {
                    i += 1;
                }
                out.push(Tok::Word(chars[start..i].iter().collect()));
            } else if matches!(c, '=' | '!') {
                let start = i;
                i += 1;
                while at(i) == '=' {
                    i += 1;
                }
                out.push(Tok::Punct(chars[start..i].iter().collect()));
            } else {
                out.push(Tok::Punct(c.to_string()));
                i += 1;
            }
        }
        out
    }

    fn punct(token: Option<&Tok>, text: &str) -> bool {
        matches!(token, Some(Tok::Punct(p)) if p == text)
    }

    fn word(token: Option<&Tok>, text: &str) -> bool {
        matches!(token, Some(Tok::Word(w)) if w == text)
    }

    /// The arguments of the call whose `(` is at `open`, each as its tokens.
    fn arguments(tokens: &[Tok], open: usize) -> Vec<&[Tok]> {
        let mut arguments = Vec::new();
        let (mut depth, mut start) = (0usize, open + 1);
        for (i, token) in tokens.iter().enumerate().skip(open) {
            match token {
                Tok::Punct(p) if matches!(p.as_str(), "(" | "[" | "{") => depth += 1,
                Tok::Punct(p) if matches!(p.as_str(), ")" | "]" | "}") => {
                    depth -= 1;
                    if depth == 0 {
                        if i > start {
                            arguments.push(&tokens[start..i]);
                        }
                        break;
                    }
                }
                Tok::Punct(p) if p == "," && depth == 1 => {
                    arguments.push(&tokens[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        arguments
    }

    /// What the method called at `i` looks up, and which of its arguments name it.
    fn sink(tokens: &[Tok], i: usize) -> Option<(Kind, bool, bool)> {
        let Tok::Word(method) = &tokens[i] else {
            return None;
        };
        if !punct(tokens.get(i + 1), "(") || i == 0 || !punct(tokens.get(i - 1), ".") {
            return None;
        }
        // (kind, a selector rather than a name, every argument rather than the first)
        let class_list = i >= 2 && word(tokens.get(i - 2), "classList");
        Some(match method.as_str() {
            "querySelector" | "querySelectorAll" | "matches" | "closest" => {
                (Kind::Class, true, false)
            }
            "getElementById" => (Kind::Id, false, false),
            "getAttribute" | "setAttribute" | "hasAttribute" | "removeAttribute"
            | "toggleAttribute" => (Kind::Attr, false, false),
            "add" | "remove" if class_list => (Kind::Class, false, true),
            "toggle" | "contains" if class_list => (Kind::Class, false, false),
            "get" | "getAll" => (Kind::Param, false, false),
            _ => return None,
        })
    }

    fn string(argument: &[Tok]) -> Option<&str> {
        match argument {
            [Tok::Str(s)] => Some(s),
            _ => None,
        }
    }

    /// Where the argument is a parameter of the function around the call, that function's
    /// name and the parameter's place: `var value = function (name) { ... getAll(name) }`.
    fn wrapper(tokens: &[Tok], call: usize, parameter: &str) -> Option<(String, usize)> {
        (0..call).rev().find_map(|f| {
            if !word(tokens.get(f), "function") {
                return None;
            }
            let (name, open) = match (tokens.get(f + 1), f.checked_sub(2)) {
                (Some(Tok::Word(name)), _) => (name.clone(), f + 2),
                (_, Some(before)) if punct(tokens.get(f - 1), "=") => match &tokens[before] {
                    Tok::Word(name) => (name.clone(), f + 1),
                    _ => return None,
                },
                _ => return None,
            };
            arguments(tokens, open)
                .iter()
                .position(|p| matches!(p, [Tok::Word(w)] if w == parameter))
                .map(|place| (name, place))
        })
    }

    pub fn names(source: &str) -> Names {
        let tokens = tokens(source);
        let mut names = Names::new();
        let mut add = |kind, selector: bool, text: &str| {
            if selector {
                names.extend(css::selector_names(text));
            } else {
                names.extend(text.split_whitespace().map(|n| Name(kind, n.to_owned())));
            }
        };
        for i in 0..tokens.len() {
            if let Some((kind, selector, every)) = sink(&tokens, i) {
                let given = arguments(&tokens, i + 1);
                let named = if every {
                    &given[..]
                } else {
                    &given[..given.len().min(1)]
                };
                for argument in named {
                    if let Some(text) = string(argument) {
                        add(kind, selector, text);
                    } else if let [Tok::Word(parameter)] = argument {
                        let Some((function, place)) = wrapper(&tokens, i, parameter) else {
                            continue;
                        };
                        for j in 0..tokens.len() {
                            if word(tokens.get(j), &function) && punct(tokens.get(j + 1), "(") {
                                if let Some(text) =
                                    arguments(&tokens, j + 1).get(place).and_then(|a| string(a))
                                {
                                    add(kind, selector, text);
                                }
                            }
                        }
                    }
                }
            }
            // `x.className = "a b"` and `x.id === "a"`.
            if punct(tokens.get(i.wrapping_sub(1)), ".") {
                let kind = match &tokens[i] {
                    Tok::Word(w) if w == "className" => Some((Kind::Class, &["="][..])),
                    Tok::Word(w) if w == "id" => Some((Kind::Id, &["==", "===", "!=", "!=="][..])),
                    _ => None,
                };
                if let (Some((kind, operators)), Some(Tok::Punct(op)), Some(Tok::Str(text))) =
                    (kind, tokens.get(i + 1), tokens.get(i + 2))
                {
                    if operators.contains(&op.as_str()) {
                        add(kind, false, text);
                    }
                }
            }
        }
        names
    }

    #[test]
    fn finds_the_names_a_script_hands_to_the_dom_and_the_address() {
        let names = names(
            "// root.classList.add(\"commented-out\")\n\
             var value = function (name) { return query.getAll(name); };\n\
             var theme = value(\"theme\"), other = query.get('embed');\n\
             root.classList.add(\"embed\", 'bogus-name'); root.setAttribute(\"data-theme\", \"dark\");\n\
             if (node.matches(\"details.more > [data-code]\") && node.id === \"london\") {}\n\
             notice.className = \"notice big\"; document.getElementById(\"notices\");\n\
             var id = \"area-\" + borough.replace(/[^A-Za-z0-9]+/g, \"-\"); node.id === id;",
        );
        let name = |kind, text: &str| Name(kind, text.to_owned());
        let expected: Names = [
            name(Kind::Param, "theme"),
            name(Kind::Param, "embed"),
            name(Kind::Class, "embed"),
            name(Kind::Class, "bogus-name"),
            name(Kind::Attr, "data-theme"),
            name(Kind::Class, "more"),
            name(Kind::Attr, "data-code"),
            name(Kind::Id, "london"),
            name(Kind::Class, "notice"),
            name(Kind::Class, "big"),
            name(Kind::Id, "notices"),
        ]
        .into_iter()
        .collect();
        assert_eq!(names, expected);
    }
}

#[test]
fn a_name_neither_the_contract_nor_the_page_defines_is_caught() {
    let known = Known::of(&Html::parse_document(
        "<p class=\"lede\" data-figure=\"x\"></p>",
    ));
    let names = js::names(
        "el.classList.add(\"lede\", \"bogus-name\"); el.classList.add(\"selected\");\n\
         el.setAttribute(\"data-figure\", \"\"); el.setAttribute(\"data-bogus\", \"\");\n\
         el.setAttribute(\"role\", \"alert\"); query.get(\"borough\"); query.get(\"county\");",
    );
    let unknown: Vec<String> = known.unknown(&names).map(ToString::to_string).collect();
    assert_eq!(
        unknown,
        [
            "class .bogus-name",
            "attribute [data-bogus]",
            "address parameter ?county="
        ]
    );
}
