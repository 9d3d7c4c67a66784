//! Reading the content file into checked, per-area entries.
//!
//! Reading never fails outright: whatever is sound is kept, and every problem is reported with
//! the place in the file it comes from. The build refuses a file with any problem and says
//! exactly what is wrong (`crate::page::build`); the fuzzer and the tests use the rest.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use thiserror::Error;

use super::model::{AreaEntry, Outcome, Programme, Status, TourStep, LONDON_STORY};
use super::theme::Theme;
use crate::area::{Area, AREA_COUNT};

/// Where the build reads the content from, relative to the repository; also named in messages.
pub const CONTENT_PATH: &str = "content/londoners-did.json";

/// One problem in the content file: where it is (`areas[3] (E09000004)`) and what it is.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("{CONTENT_PATH}: {place}: {message}")]
pub struct ContentError {
    pub place: String,
    pub message: String,
}

impl ContentError {
    fn new(place: impl Into<String>, message: impl Into<String>) -> ContentError {
        ContentError {
            place: place.into(),
            message: message.into(),
        }
    }
}

/// The content as the app uses it: the London-wide story and one entry per area, each present
/// only if it was sound, with the problems that kept anything out.
#[derive(Clone, Debug, PartialEq)]
pub struct Content {
    pub programme: Option<Programme>,
    entries: Vec<Option<AreaEntry>>,
    /// The tour through the report's summary points, in the report's order.
    pub tour: Vec<TourStep>,
    pub problems: Vec<ContentError>,
}

impl Default for Content {
    fn default() -> Content {
        Content {
            programme: None,
            entries: vec![None; AREA_COUNT],
            tour: Vec::new(),
            problems: Vec::new(),
        }
    }
}

impl Content {
    /// Content that could not be had at all (say the file did not load), with the reason.
    pub fn unavailable(message: impl Into<String>) -> Content {
        Content {
            problems: vec![ContentError::new("file", message)],
            ..Content::default()
        }
    }

    pub fn parse(text: &str) -> Content {
        let mut content = Content::default();
        let mut root = match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(root)) => root,
            Ok(_) => return Content::unavailable("is not a JSON object"),
            Err(e) => return Content::unavailable(format!("is not valid JSON ({e})")),
        };
        content.programme = content.take_field(&mut root, "programme");
        if let Some(areas) = content.take_field::<Vec<Value>>(&mut root, "areas") {
            for (index, value) in areas.into_iter().enumerate() {
                content.add_area(index, value);
            }
        }
        if root.contains_key("tour") {
            let steps = content.take_field::<Vec<TourStep>>(&mut root, "tour");
            content.add_tour(steps.unwrap_or_default());
        }
        for key in root.keys() {
            content.report("file", format!("unknown field `{key}`"));
        }
        let missing: Vec<Area> = Area::all()
            .filter(|a| content.entry(*a).is_none())
            .collect();
        for area in missing {
            if !content
                .problems
                .iter()
                .any(|p| p.place.contains(area.code()))
            {
                content.report("areas", format!("no entry for {area} ({})", area.code()));
            }
        }
        content
    }

    fn report(&mut self, place: impl Into<String>, message: impl Into<String>) {
        self.problems.push(ContentError::new(place, message));
    }

    fn take_field<T: DeserializeOwned>(
        &mut self,
        root: &mut Map<String, Value>,
        key: &str,
    ) -> Option<T> {
        let Some(value) = root.remove(key) else {
            self.report("file", format!("missing field `{key}`"));
            return None;
        };
        serde_json::from_value(value)
            .map_err(|e| self.report(key, e.to_string()))
            .ok()
    }

    fn add_area(&mut self, index: usize, value: Value) {
        let place = match value.get("code").and_then(Value::as_str) {
            Some(code) => format!("areas[{index}] ({code})"),
            None => format!("areas[{index}]"),
        };
        let entry: AreaEntry = match serde_json::from_value(value) {
            Ok(entry) => entry,
            Err(e) => return self.report(place, e.to_string()),
        };
        let Some(area) = Area::from_code(&entry.code) else {
            return self.report(place, "`code` is not one of London's 33 areas");
        };
        let slot = &mut self.entries[area.index()];
        let problem = if slot.is_some() {
            Some("repeats a code given earlier; this entry is ignored")
        } else if entry.status == Status::Outcomes && entry.outcomes.is_empty() {
            Some("has status `outcomes` but lists no outcomes")
        } else if entry.status != Status::Outcomes && !entry.outcomes.is_empty() {
            Some("lists outcomes but its status is not `outcomes`")
        } else {
            None
        };
        match problem {
            Some(message) => self.report(place, message),
            None => *slot = Some(entry),
        }
    }

    /// Keeps the tour's steps whose every reference is to something the file tells.
    fn add_tour(&mut self, steps: Vec<TourStep>) {
        for (index, step) in steps.into_iter().enumerate() {
            let place = format!("tour[{index}]");
            let problem = if step.story != LONDON_STORY && step.story_area().is_none() {
                Some(format!(
                    "`story` {:?} is neither `london` nor an area's code",
                    step.story
                ))
            } else if let Some(code) = step.places.iter().find(|c| Area::from_code(c).is_none()) {
                Some(format!(
                    "`places` names {code:?}, which is not an area's code"
                ))
            } else if step.outcomes.is_empty() {
                Some("sums up no outcome".to_owned())
            } else {
                let told = self.story_outcomes(step.story_area());
                step.outcomes
                    .iter()
                    .find(|title| !told.iter().any(|o| &&o.title == title))
                    .map(|title| format!("its story tells no outcome called {title:?}"))
            };
            match problem {
                Some(message) => self.report(place, message),
                None => self.tour.push(step),
            }
        }
    }

    /// The outcomes of an area's story, or of the London-wide one (`None`).
    fn story_outcomes(&self, area: Option<Area>) -> &[Outcome] {
        match area {
            Some(area) => self.entry(area).map_or(&[], |e| &e.outcomes),
            None => self.programme.as_ref().map_or(&[], |p| &p.london_wide),
        }
    }

    /// The outcomes a tour step sums up, as its story tells them.
    pub fn tour_outcomes(&self, step: &TourStep) -> Vec<&Outcome> {
        let told = self.story_outcomes(step.story_area());
        step.outcomes
            .iter()
            .filter_map(|title| told.iter().find(|o| &o.title == title))
            .collect()
    }

    pub fn entry(&self, area: Area) -> Option<&AreaEntry> {
        self.entries[area.index()].as_ref()
    }

    pub fn status(&self, area: Area) -> Option<Status> {
        self.entry(area).map(|e| e.status)
    }

    /// How many areas have `status`.
    pub fn count(&self, status: Status) -> usize {
        Area::all()
            .filter(|a| self.status(*a) == Some(status))
            .count()
    }

    /// The areas with at least one outcome tagged `theme`, in code order.
    pub fn areas_with_theme(&self, theme: Theme) -> Vec<Area> {
        Area::all()
            .filter(|a| {
                self.entry(*a)
                    .is_some_and(|e| e.outcomes.iter().any(|o| o.themes.contains(&theme)))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(code: &str, extra: &str) -> String {
        format!(r#"{{"code":"{code}","status":"none-recorded","summary":"s"{extra}}}"#)
    }

    fn file(areas: &[String]) -> String {
        let programme = r#"{"title":"t","summary":"s","figures":[],"aspirations":[],"london_wide":[],"sources":[]}"#;
        format!(
            r#"{{"programme":{programme},"areas":[{}]}}"#,
            areas.join(",")
        )
    }

    fn all_areas() -> Vec<String> {
        Area::all().map(|a| entry(a.code(), "")).collect()
    }

    #[test]
    fn reads_a_sound_file_without_problems() {
        let content = Content::parse(&file(&all_areas()));
        assert_eq!(content.problems, vec![]);
        assert!(content.programme.is_some());
        assert_eq!(content.count(Status::NoneRecorded), 33);
    }

    #[test]
    fn keeps_the_tour_steps_it_can_follow_and_names_the_others() {
        let step = |story: &str, outcome: &str, places: &str| {
            format!(
                r#"{{"title":"t","story":"{story}","outcomes":["{outcome}"],"places":[{places}]}}"#
            )
        };
        let mut areas = all_areas();
        areas[1] = r#"{"code":"E09000002","status":"outcomes","summary":"s","outcomes":[{"title":"Pilot","text":"x","themes":[],"sources":[]}]}"#.into();
        let steps = [
            step("E09000002", "Pilot", ""),
            step("london", "Pilot", ""),
            step("E09000099", "Pilot", ""),
            step("E09000002", "Pilot", r#""nowhere""#),
        ];
        // The file with a tour after its programme.
        let text = file(&areas).replacen(
            r#""areas""#,
            &format!(r#""tour":[{}],"areas""#, steps.join(",")),
            1,
        );
        let content = Content::parse(&text);
        let problems: Vec<String> = content.problems.iter().map(ToString::to_string).collect();
        assert_eq!(content.tour.len(), 1, "{problems:#?}");
        assert_eq!(
            content.tour[0].places(),
            vec![Area::from_code("E09000002").unwrap()]
        );
        assert_eq!(content.tour_outcomes(&content.tour[0])[0].title, "Pilot");
        assert_eq!(problems.len(), 3, "{problems:#?}");
        assert!(
            problems[0].contains("tour[1]: its story tells no outcome called \"Pilot\""),
            "{}",
            problems[0]
        );
        assert!(
            problems[1].contains("tour[2]: `story` \"E09000099\""),
            "{}",
            problems[1]
        );
        assert!(
            problems[2].contains("tour[3]: `places` names \"nowhere\""),
            "{}",
            problems[2]
        );
    }

    #[test]
    fn reports_syntax_errors_with_their_position() {
        let content = Content::parse("{\"programme\": ");
        assert_eq!(content.problems.len(), 1);
        let message = content.problems[0].to_string();
        assert!(
            message.starts_with("content/londoners-did.json: file: is not valid JSON"),
            "{message}"
        );
        assert!(message.contains("line 1 column 14"), "{message}");
        assert!(content.programme.is_none());
    }

    #[test]
    fn names_the_entry_and_field_of_each_problem_and_keeps_the_rest() {
        let mut areas = all_areas();
        areas[3] = r#"{"code":"E09000004","status":"none-recorded"}"#.into();
        areas[4] = entry("E09000005", r#","colour":"red""#);
        areas[5] = entry("E09000099", "");
        areas.push(entry("E09000012", ""));
        areas[7] = r#"{"code":"E09000008","status":"outcomes","summary":"s"}"#.into();
        let content = Content::parse(&file(&areas));
        let problems: Vec<String> = content.problems.iter().map(ToString::to_string).collect();
        assert_eq!(problems.len(), 6, "{problems:#?}");
        assert!(
            problems[0].contains("areas[3] (E09000004): missing field `summary`"),
            "{}",
            problems[0]
        );
        assert!(
            problems[1].contains("areas[4] (E09000005): unknown field `colour`"),
            "{}",
            problems[1]
        );
        assert!(
            problems[2].contains("areas[5] (E09000099): `code` is not one of"),
            "{}",
            problems[2]
        );
        assert!(problems[3]
            .contains("areas[7] (E09000008): has status `outcomes` but lists no outcomes"));
        assert!(
            problems[4].contains("areas[33] (E09000012): repeats a code"),
            "{}",
            problems[4]
        );
        // Bromley's entry was replaced by the unknown code, so Bromley has none.
        assert!(
            problems[5].ends_with("areas: no entry for Bromley (E09000006)"),
            "{}",
            problems[5]
        );
        // Bexley, Brent and Croydon are missing but already named; Camden's entry survived.
        assert!(content
            .entry(Area::from_code("E09000004").unwrap())
            .is_none());
        assert!(content
            .entry(Area::from_code("E09000007").unwrap())
            .is_some());
        assert_eq!(content.count(Status::NoneRecorded), 29);
    }

    #[test]
    fn reports_missing_areas_and_top_level_mistakes() {
        let content = Content::parse(r#"{"areas":[],"extra":1}"#);
        let problems: Vec<String> = content.problems.iter().map(ToString::to_string).collect();
        assert!(
            problems[0].ends_with("file: missing field `programme`"),
            "{problems:?}"
        );
        assert!(
            problems[1].ends_with("file: unknown field `extra`"),
            "{problems:?}"
        );
        assert_eq!(problems.len(), 2 + 33);
        assert!(problems[2].ends_with("areas: no entry for City of London (E09000001)"));
        assert!(Content::parse("[]").problems[0]
            .message
            .contains("not a JSON object"));
    }

    #[test]
    fn outcomes_are_only_for_areas_with_that_status() {
        let outcome =
            r#","outcomes":[{"title":"t","text":"x","themes":["community-events"],"sources":[]}]"#;
        let mut areas = all_areas();
        areas[23] = format!(r#"{{"code":"E09000024","status":"outcomes","summary":"s"{outcome}}}"#);
        areas[29] = entry("E09000030", outcome).replace("none-recorded", "held");
        let content = Content::parse(&file(&areas));
        assert_eq!(content.problems.len(), 1, "{:?}", content.problems);
        assert!(content.problems[0]
            .message
            .contains("status is not `outcomes`"));
        assert_eq!(
            content.areas_with_theme(Theme::CommunityEvents),
            vec![Area::from_code("E09000024").unwrap()]
        );
        assert!(content.areas_with_theme(Theme::Connections).is_empty());
    }
}
