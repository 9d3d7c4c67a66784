//! The 33 areas of Greater London (32 boroughs and the City of London), by ONS GSS code.
//!
//! This registry is the one place the app knows names and codes from: geometry and content files
//! are checked against it, and URLs are parsed with it, so a bad file can never invent an area.

use std::fmt;

use crate::url_state::trim_space;

/// One of London's 33 areas: an index into [`AREAS`], so it is `Copy` and compares cheaply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Area(u8);

struct AreaRecord {
    code: &'static str,
    name: &'static str,
}

/// Ordered by GSS code, E09000001 to E09000033, so `Area(i)` has code number `i + 1`.
const AREAS: [AreaRecord; 33] = [
    AreaRecord {
        code: "E09000001",
        name: "City of London",
    },
    AreaRecord {
        code: "E09000002",
        name: "Barking and Dagenham",
    },
    AreaRecord {
        code: "E09000003",
        name: "Barnet",
    },
    AreaRecord {
        code: "E09000004",
        name: "Bexley",
    },
    AreaRecord {
        code: "E09000005",
        name: "Brent",
    },
    AreaRecord {
        code: "E09000006",
        name: "Bromley",
    },
    AreaRecord {
        code: "E09000007",
        name: "Camden",
    },
    AreaRecord {
        code: "E09000008",
        name: "Croydon",
    },
    AreaRecord {
        code: "E09000009",
        name: "Ealing",
    },
    AreaRecord {
        code: "E09000010",
        name: "Enfield",
    },
    AreaRecord {
        code: "E09000011",
        name: "Greenwich",
    },
    AreaRecord {
        code: "E09000012",
        name: "Hackney",
    },
    AreaRecord {
        code: "E09000013",
        name: "Hammersmith and Fulham",
    },
    AreaRecord {
        code: "E09000014",
        name: "Haringey",
    },
    AreaRecord {
        code: "E09000015",
        name: "Harrow",
    },
    AreaRecord {
        code: "E09000016",
        name: "Havering",
    },
    AreaRecord {
        code: "E09000017",
        name: "Hillingdon",
    },
    AreaRecord {
        code: "E09000018",
        name: "Hounslow",
    },
    AreaRecord {
        code: "E09000019",
        name: "Islington",
    },
    AreaRecord {
        code: "E09000020",
        name: "Kensington and Chelsea",
    },
    AreaRecord {
        code: "E09000021",
        name: "Kingston upon Thames",
    },
    AreaRecord {
        code: "E09000022",
        name: "Lambeth",
    },
    AreaRecord {
        code: "E09000023",
        name: "Lewisham",
    },
    AreaRecord {
        code: "E09000024",
        name: "Merton",
    },
    AreaRecord {
        code: "E09000025",
        name: "Newham",
    },
    AreaRecord {
        code: "E09000026",
        name: "Redbridge",
    },
    AreaRecord {
        code: "E09000027",
        name: "Richmond upon Thames",
    },
    AreaRecord {
        code: "E09000028",
        name: "Southwark",
    },
    AreaRecord {
        code: "E09000029",
        name: "Sutton",
    },
    AreaRecord {
        code: "E09000030",
        name: "Tower Hamlets",
    },
    AreaRecord {
        code: "E09000031",
        name: "Waltham Forest",
    },
    AreaRecord {
        code: "E09000032",
        name: "Wandsworth",
    },
    AreaRecord {
        code: "E09000033",
        name: "Westminster",
    },
];

/// The number of areas: 32 boroughs and the City of London.
pub const AREA_COUNT: usize = AREAS.len();

impl Area {
    /// Every area, in GSS code order.
    pub fn all() -> impl ExactSizeIterator<Item = Area> + Clone {
        (0..AREA_COUNT as u8).map(Area)
    }

    /// The ONS GSS code, e.g. `E09000012`.
    pub fn code(self) -> &'static str {
        AREAS[self.0 as usize].code
    }

    /// The official name, e.g. `Hammersmith and Fulham`.
    pub fn name(self) -> &'static str {
        AREAS[self.0 as usize].name
    }

    /// The URL form of the name, e.g. `hammersmith-and-fulham`.
    pub fn slug(self) -> String {
        slugify(self.name())
    }

    /// Position in [`Area::all`], for indexing per-area tables.
    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// Looks up an exact GSS code (without ASCII case, surrounding space ignored: the address's
    /// rule, `url_state::trim_space`).
    pub fn from_code(code: &str) -> Option<Area> {
        let code = trim_space(code);
        Area::all().find(|area| area.code().eq_ignore_ascii_case(code))
    }

    /// Looks up a code or a slug, the two forms `?borough=` accepts. Names typed with spaces or
    /// capitals (`Tower Hamlets`) are accepted too, since people edit URLs by hand.
    pub fn parse(value: &str) -> Option<Area> {
        Area::from_code(value).or_else(|| {
            let wanted = slugify(value);
            Area::all().find(|area| area.slug() == wanted)
        })
    }
}

/// Areas matching what a reader typed into "Find a borough": names starting with it first,
/// then names with a word starting with it, then names containing it, each alphabetically; a
/// GSS code or its beginning (`E0900001`) finds areas by code. An empty query lists every area.
pub fn search(query: &str) -> Vec<Area> {
    let wanted = slugify(query).replace('-', " ");
    // Kept in order as it is built (33 areas at most), rather than sorted afterwards: this
    // keeps the standard library's sort code out of the WebAssembly.
    let mut ranked: Vec<(u8, &str, Area)> = Vec::new();
    for area in Area::all() {
        let name = slugify(area.name()).replace('-', " ");
        let rank = if wanted.is_empty() || name.starts_with(&wanted) {
            0
        } else if name.split(' ').any(|word| word.starts_with(&wanted)) {
            1
        } else if name.contains(&wanted) {
            2
        } else if wanted.len() >= 2 && area.code().to_ascii_lowercase().starts_with(&wanted) {
            3
        } else {
            continue;
        };
        let entry = (rank, area.name(), area);
        ranked.insert(ranked.partition_point(|e| *e < entry), entry);
    }
    ranked.into_iter().map(|(_, _, area)| area).collect()
}

impl fmt::Display for Area {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Lower-case ASCII letters and digits, with every other run of characters as one `-`, none
/// at either end (so nothing around the letters counts, whitespace or not).
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_holds_33_areas_in_code_order() {
        assert_eq!(Area::all().len(), 33);
        for (i, area) in Area::all().enumerate() {
            assert_eq!(area.code(), format!("E090000{:02}", i + 1));
        }
    }

    #[test]
    fn slugs_are_unique_and_url_safe() {
        let mut slugs: Vec<String> = Area::all().map(Area::slug).collect();
        assert!(slugs
            .iter()
            .all(|s| s.chars().all(|c| c.is_ascii_lowercase() || c == '-')));
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), 33);
    }

    #[test]
    fn parses_codes_slugs_and_typed_names() {
        let hackney = Area::from_code("E09000012").unwrap();
        assert_eq!(hackney.name(), "Hackney");
        assert_eq!(Area::parse("hackney"), Some(hackney));
        assert_eq!(Area::parse("e09000012"), Some(hackney));
        assert_eq!(Area::parse(" Hackney "), Some(hackney));
        assert_eq!(Area::parse("hackney."), Some(hackney));
        assert_eq!(Area::parse("\tE09000012\r\n"), Some(hackney));
        assert_eq!(Area::parse("\u{a0}E09000012"), None, "not ASCII space");
        assert_eq!(Area::parse("\u{feff}hackney"), Some(hackney));
        for name in [
            "barking-and-dagenham",
            "Barking and Dagenham",
            "BARKING_AND_DAGENHAM",
        ] {
            assert_eq!(Area::parse(name).map(Area::code), Some("E09000002"));
        }
        assert_eq!(
            Area::parse("Barking & Dagenham"),
            None,
            "the slug has its `and`"
        );
        assert_eq!(
            Area::parse("Kingston upon Thames")
                .map(Area::slug)
                .as_deref(),
            Some("kingston-upon-thames")
        );
    }

    #[test]
    fn rejects_unknown_values() {
        for bad in [
            "",
            "-",
            "E09000034",
            "E0900001",
            "hackney-wick",
            "<script>",
            "londo",
        ] {
            assert_eq!(Area::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn search_ranks_name_starts_before_word_starts_before_substrings() {
        let names = |q: &str| search(q).into_iter().map(Area::name).collect::<Vec<_>>();
        assert_eq!(search("").len(), 33);
        assert_eq!(
            names("")[0],
            "Barking and Dagenham",
            "alphabetical when empty"
        );
        assert_eq!(names("hack"), ["Hackney"]);
        assert_eq!(
            names("ham")[..2],
            ["Hammersmith and Fulham", "Tower Hamlets"]
        );
        assert!(names("ham").contains(&"Lewisham"));
        assert_eq!(names("  TOWER   hamlets "), ["Tower Hamlets"]);
        assert_eq!(
            names("upon"),
            ["Kingston upon Thames", "Richmond upon Thames"]
        );
        assert_eq!(names("E09000029"), ["Sutton"]);
        assert_eq!(names("e0900003").len(), 4, "codes E09000030 to E09000033");
        assert!(search("zzz").is_empty());
        assert!(search("<script>").is_empty());
    }

    #[test]
    fn slugify_collapses_punctuation() {
        assert_eq!(slugify("  St. Helier -- Sutton "), "st-helier-sutton");
        assert_eq!(slugify("---"), "");
    }
}
