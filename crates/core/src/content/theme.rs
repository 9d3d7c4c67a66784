//! The fixed set of themes that outcomes are tagged with.

use serde::Deserialize;

/// What an outcome is about. The set is fixed here so that a typo in the content file is an
/// error, not a new theme with one member.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Theme {
    Connections,
    ServicesAndRoles,
    PlacesAndPlanning,
    BlackCommunities,
    ChildrenAndYoungPeople,
    StrategiesAndCommissions,
    CommunityEvents,
}

impl Theme {
    pub const ALL: [Theme; 7] = [
        Theme::Connections,
        Theme::ServicesAndRoles,
        Theme::PlacesAndPlanning,
        Theme::BlackCommunities,
        Theme::ChildrenAndYoungPeople,
        Theme::StrategiesAndCommissions,
        Theme::CommunityEvents,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Theme::Connections => "Connections and networks",
            Theme::ServicesAndRoles => "Services and roles",
            Theme::PlacesAndPlanning => "Places and planning",
            Theme::BlackCommunities => "Black communities' mental health",
            Theme::ChildrenAndYoungPeople => "Children and young people",
            Theme::StrategiesAndCommissions => "Local strategies and commissions",
            Theme::CommunityEvents => "Community events",
        }
    }

    /// The label as it reads inside a sentence ("outcomes about …"): in lower case, but for the
    /// capital that Black takes when it names people and their communities.
    pub fn in_sentence(self) -> &'static str {
        match self {
            Theme::Connections => "connections and networks",
            Theme::ServicesAndRoles => "services and roles",
            Theme::PlacesAndPlanning => "places and planning",
            Theme::BlackCommunities => "Black communities' mental health",
            Theme::ChildrenAndYoungPeople => "children and young people",
            Theme::StrategiesAndCommissions => "local strategies and commissions",
            Theme::CommunityEvents => "community events",
        }
    }

    /// The identifier used in the content file and in URLs, e.g. `places-and-planning`.
    pub fn id(self) -> &'static str {
        match self {
            Theme::Connections => "connections",
            Theme::ServicesAndRoles => "services-and-roles",
            Theme::PlacesAndPlanning => "places-and-planning",
            Theme::BlackCommunities => "black-communities",
            Theme::ChildrenAndYoungPeople => "children-and-young-people",
            Theme::StrategiesAndCommissions => "strategies-and-commissions",
            Theme::CommunityEvents => "community-events",
        }
    }

    pub fn from_id(id: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.id() == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_match_serde() {
        for theme in Theme::ALL {
            assert_eq!(Theme::from_id(theme.id()), Some(theme));
            let parsed: Theme = serde_json::from_str(&format!("{:?}", theme.id())).unwrap();
            assert_eq!(parsed, theme);
        }
        assert_eq!(Theme::from_id("Connections"), None);
        assert!(serde_json::from_str::<Theme>("\"wellbeing\"").is_err());
    }

    #[test]
    fn in_a_sentence_a_label_is_lower_case_but_for_black() {
        for theme in Theme::ALL {
            let label = theme.label();
            let expected = if theme == Theme::BlackCommunities {
                label.to_owned()
            } else {
                label.to_lowercase()
            };
            assert_eq!(theme.in_sentence(), expected);
        }
    }
}
