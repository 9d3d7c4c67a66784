//! The content file's shape: what the report says, London-wide and area by area.
//!
//! Every struct refuses unknown fields, so a misspelt field in the content file is reported
//! instead of silently ignored.

use serde::Deserialize;

use super::link::Link;
use super::theme::Theme;
use crate::area::Area;

/// How much the sources say about an area (see `docs/facts.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// "Londoners did" names outcomes there.
    Outcomes,
    /// Another source confirms a conversation there, but no outcome is recorded.
    Held,
    /// No source here records a conversation's outcome there (one may still have taken place).
    NoneRecorded,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Outcomes, Status::Held, Status::NoneRecorded];

    pub fn label(self) -> &'static str {
        match self {
            Status::Outcomes => "Outcomes recorded",
            Status::Held => "Conversation held, no outcome recorded",
            Status::NoneRecorded => "No outcome recorded in the report",
        }
    }

    /// Completes "8 boroughs …" in the legend.
    pub fn legend_phrase(self) -> &'static str {
        match self {
            Status::Outcomes => "with recorded outcomes",
            Status::Held => "where a conversation was held, no outcome recorded",
            Status::NoneRecorded => "with no outcome recorded in the report",
        }
    }

    /// The status whose `id` is `id`.
    pub fn from_id(id: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The class and `data-status` value, e.g. `none-recorded`.
    pub fn id(self) -> &'static str {
        match self {
            Status::Outcomes => "outcomes",
            Status::Held => "held",
            Status::NoneRecorded => "none-recorded",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    pub title: String,
    pub summary: String,
    pub figures: Vec<Figure>,
    pub aspirations: Vec<String>,
    pub london_wide: Vec<Outcome>,
    pub sources: Vec<Link>,
}

/// A headline number: `value` for checking against the facts, `shown` as the page prints it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub id: String,
    pub value: u32,
    pub shown: String,
    pub label: String,
}

/// One area's entry. `outcomes` is present only where the status is `outcomes`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaEntry {
    pub code: String,
    pub status: Status,
    pub summary: String,
    #[serde(default)]
    pub outcomes: Vec<Outcome>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub title: String,
    pub text: String,
    pub themes: Vec<Theme>,
    #[serde(default)]
    pub quote: Option<Quote>,
    pub sources: Vec<Link>,
}

/// One step of the tour through the report's ten summary points: a title in our own words and
/// the outcomes it sums up, named by their titles in the story that tells them, so no fact is
/// written twice (see `Content::tour_outcomes`).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TourStep {
    pub title: String,
    /// `london` for the London-wide story, else the GSS code of the area whose story it is.
    pub story: String,
    /// The titles of the outcomes it sums up, in that story.
    pub outcomes: Vec<String>,
    /// Areas it names beyond its own story's, by GSS code: the London-wide community events,
    /// say, with Merton's fair as the report's example.
    #[serde(default)]
    pub places: Vec<String>,
}

/// What a tour step's `story` says for the London-wide story.
pub const LONDON_STORY: &str = "london";

impl TourStep {
    /// The area whose story the step sums up; `None` for the London-wide story (or a code that
    /// is no area, which reading the file reports).
    pub fn story_area(&self) -> Option<Area> {
        Area::from_code(&self.story)
    }

    /// Every area the step concerns, its own story's first; none for a London-wide point that
    /// names no borough.
    pub fn places(&self) -> Vec<Area> {
        self.story_area()
            .into_iter()
            .chain(self.places.iter().filter_map(|code| Area::from_code(code)))
            .collect()
    }
}

/// Words quoted from a source, always shown as a quotation with who said them.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub text: String,
    pub attribution: String,
}
