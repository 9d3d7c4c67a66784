//! Figures, their medians, the ratio ours/peer and the goals: the pure arithmetic of the report.

use std::cmp::Ordering;

/// One measured quantity in one run, or the median of several.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Figure {
    Value(f64),
    /// Known only to be under this bound: Event Timing reports no event shorter than 16 ms.
    Below(f64),
    /// Not measured (the run failed, or the page has no such thing).
    Missing,
}

impl Figure {
    pub fn from_option(value: Option<f64>) -> Figure {
        value.map_or(Figure::Missing, Figure::Value)
    }

    /// The figure scaled by `factor`, e.g. bytes to kilobytes.
    pub fn scaled(self, factor: f64) -> Figure {
        match self {
            Figure::Value(v) => Figure::Value(v * factor),
            Figure::Below(b) => Figure::Below(b * factor),
            Figure::Missing => Figure::Missing,
        }
    }

    /// The larger of two figures, as INP keeps the worst interaction. A bound only wins when
    /// no value is known to exceed it.
    pub fn max(self, other: Figure) -> Figure {
        match (self, other) {
            (Figure::Missing, f) | (f, Figure::Missing) => f,
            (Figure::Value(a), Figure::Value(b)) => Figure::Value(a.max(b)),
            (Figure::Below(a), Figure::Below(b)) => Figure::Below(a.max(b)),
            (Figure::Value(v), Figure::Below(b)) | (Figure::Below(b), Figure::Value(v)) => {
                if v >= b {
                    Figure::Value(v)
                } else {
                    Figure::Below(b)
                }
            }
        }
    }

    /// Sum of two figures, e.g. JS heap plus wasm memory; missing if either is.
    pub fn plus(self, other: Figure) -> Figure {
        match (self, other) {
            (Figure::Value(a), Figure::Value(b)) => Figure::Value(a + b),
            _ => Figure::Missing,
        }
    }

    /// Difference of two figures, e.g. a time above a floor; missing if either is.
    pub fn minus(self, other: Figure) -> Figure {
        self.plus(other.scaled(-1.0))
    }

    /// Sort key: a bound sorts just before a value equal to it.
    fn key(self) -> (f64, u8) {
        match self {
            Figure::Below(b) => (b, 0),
            Figure::Value(v) => (v, 1),
            Figure::Missing => (f64::NAN, 2),
        }
    }
}

/// The median of the measured figures (missing ones are left out). With an even count it is
/// the mean of the two middle figures; if either is only a bound, the larger bound.
pub fn median(figures: &[Figure]) -> Figure {
    let mut known: Vec<Figure> = figures
        .iter()
        .copied()
        .filter(|f| *f != Figure::Missing)
        .collect();
    if known.is_empty() {
        return Figure::Missing;
    }
    known.sort_by(|a, b| {
        let (a, b) = (a.key(), b.key());
        a.0.partial_cmp(&b.0)
            .unwrap_or(Ordering::Equal)
            .then(a.1.cmp(&b.1))
    });
    let n = known.len();
    if n % 2 == 1 {
        return known[n / 2];
    }
    match (known[n / 2 - 1], known[n / 2]) {
        (Figure::Value(a), Figure::Value(b)) => Figure::Value((a + b) / 2.0),
        (low, high) => low.max(high),
    }
}

/// The lowest and highest of the measured figures (missing ones left out), or `None` with
/// fewer than two: how far the runs spread around their median.
pub fn spread(figures: &[Figure]) -> Option<(Figure, Figure)> {
    let known: Vec<Figure> = figures
        .iter()
        .copied()
        .filter(|f| *f != Figure::Missing)
        .collect();
    if known.len() < 2 {
        return None;
    }
    let by_key = |a: &&Figure, b: &&Figure| {
        let (a, b) = (a.key(), b.key());
        a.0.partial_cmp(&b.0)
            .unwrap_or(Ordering::Equal)
            .then(a.1.cmp(&b.1))
    };
    Some((*known.iter().min_by(by_key)?, *known.iter().max_by(by_key)?))
}

/// A median and, when the runs differ, their spread: `935 (880–1010)`.
pub fn format_with_spread(
    median: Figure,
    spread: Option<(Figure, Figure)>,
    decimals: usize,
) -> String {
    let middle = format_figure(median, decimals);
    match spread {
        Some((low, high)) if format_figure(low, decimals) != format_figure(high, decimals) => {
            format!(
                "{middle} ({}–{})",
                format_figure(low, decimals),
                format_figure(high, decimals)
            )
        }
        _ => middle,
    }
}

/// Ours divided by a peer's figure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Ratio {
    Exactly(f64),
    Below(f64),
    Above(f64),
    Unknown,
}

pub fn ratio(ours: Figure, peer: Figure) -> Ratio {
    match (ours, peer) {
        (_, Figure::Value(p)) if p <= 0.0 => Ratio::Unknown,
        (Figure::Value(o), Figure::Value(p)) => Ratio::Exactly(o / p),
        (Figure::Below(o), Figure::Value(p)) => Ratio::Below(o / p),
        (Figure::Value(o), Figure::Below(p)) if p > 0.0 => Ratio::Above(o / p),
        _ => Ratio::Unknown,
    }
}

pub fn format_ratio(ratio: Ratio) -> String {
    match ratio {
        Ratio::Exactly(r) => format!("{r:.2}x"),
        Ratio::Below(r) => format!("<{r:.2}x"),
        Ratio::Above(r) => format!(">{r:.2}x"),
        Ratio::Unknown => "n/a".into(),
    }
}

/// A figure with `decimals` places; a bound as `<16`; a missing one as `n/a`.
pub fn format_figure(figure: Figure, decimals: usize) -> String {
    match figure {
        Figure::Value(v) => format!("{v:.decimals$}"),
        Figure::Below(b) => format!("<{b:.0}"),
        Figure::Missing => "n/a".into(),
    }
}

/// What a goal asks of one metric.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Goal {
    /// Ours at most `max` times the figure of the peer in column `peer` (0 = first peer).
    RatioAtMost { peer: usize, max: f64 },
    /// Ours at most this figure, in the metric's unit.
    AtMost(f64),
    /// Ours strictly under this figure, in the metric's unit.
    Under(f64),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Pass,
    Miss,
    Unknown,
}

impl Verdict {
    pub fn word(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Miss => "miss",
            Verdict::Unknown => "unknown",
        }
    }
}

pub fn judge(goal: Goal, ours: Figure, peers: &[Figure]) -> Verdict {
    let absolute = match ours {
        Figure::Value(v) => Ratio::Exactly(v),
        Figure::Below(b) => Ratio::Below(b),
        Figure::Missing => Ratio::Unknown,
    };
    let (bound, max, strict) = match goal {
        Goal::RatioAtMost { peer, max } => {
            let peer = peers.get(peer).copied().unwrap_or(Figure::Missing);
            (ratio(ours, peer), max, false)
        }
        Goal::AtMost(max) => (absolute, max, false),
        Goal::Under(max) => (absolute, max, true),
    };
    let within = |r: f64| if strict { r < max } else { r <= max };
    match bound {
        Ratio::Exactly(r) if within(r) => Verdict::Pass,
        Ratio::Exactly(_) => Verdict::Miss,
        // Known to be under r, and r is at most the goal: under it either way.
        Ratio::Below(r) if r <= max => Verdict::Pass,
        Ratio::Above(r) if r >= max => Verdict::Miss,
        _ => Verdict::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Figure::{Below, Missing, Value};

    #[test]
    fn a_time_above_a_floor_needs_both_figures() {
        assert_eq!(Value(835.0).minus(Value(543.0)), Value(292.0));
        assert_eq!(Value(835.0).minus(Missing), Missing);
        assert_eq!(Missing.minus(Value(543.0)), Missing);
        // A bound is no figure to subtract from.
        assert_eq!(Below(16.0).minus(Value(8.0)), Missing);
    }

    #[test]
    fn the_spread_is_the_lowest_and_highest_run_and_is_shown_only_when_they_differ() {
        use Figure::{Below, Missing, Value};
        let runs = [Value(3.0), Missing, Below(16.0), Value(40.0)];
        assert_eq!(spread(&runs), Some((Value(3.0), Value(40.0))));
        assert_eq!(
            spread(&[Below(16.0), Value(16.0)]),
            Some((Below(16.0), Value(16.0)))
        );
        assert_eq!(spread(&[Value(1.0), Missing]), None);
        assert_eq!(
            format_with_spread(Value(20.0), spread(&runs), 0),
            "20 (3–40)"
        );
        assert_eq!(
            format_with_spread(Value(2.0), Some((Value(2.01), Value(2.04))), 0),
            "2"
        );
        assert_eq!(format_with_spread(Missing, None, 0), "n/a");
    }

    #[test]
    fn median_of_odd_and_even_counts_skips_missing_runs() {
        assert_eq!(median(&[Value(3.0), Value(1.0), Value(2.0)]), Value(2.0));
        assert_eq!(
            median(&[Value(4.0), Missing, Value(1.0), Value(2.0), Value(3.0)]),
            Value(2.5)
        );
        assert_eq!(median(&[Missing, Missing]), Missing);
        assert_eq!(median(&[]), Missing);
    }

    #[test]
    fn median_keeps_bounds_below_the_values_they_bound() {
        assert_eq!(
            median(&[Below(16.0), Value(40.0), Below(16.0)]),
            Below(16.0)
        );
        assert_eq!(
            median(&[Below(16.0), Value(40.0), Value(24.0)]),
            Value(24.0)
        );
        assert_eq!(median(&[Below(16.0), Value(24.0)]), Value(24.0));
        assert_eq!(median(&[Value(8.0), Below(16.0)]), Below(16.0));
    }

    #[test]
    fn the_worst_of_two_clicks_is_a_bound_only_when_nothing_exceeds_it() {
        assert_eq!(Value(8.0).max(Below(16.0)), Below(16.0));
        assert_eq!(Value(32.0).max(Below(16.0)), Value(32.0));
        assert_eq!(Missing.max(Value(5.0)), Value(5.0));
    }

    #[test]
    fn ratios_are_formatted_with_their_direction() {
        assert_eq!(format_ratio(ratio(Value(50.0), Value(200.0))), "0.25x");
        assert_eq!(format_ratio(ratio(Below(16.0), Value(64.0))), "<0.25x");
        assert_eq!(format_ratio(ratio(Value(48.0), Below(16.0))), ">3.00x");
        assert_eq!(format_ratio(ratio(Below(16.0), Below(16.0))), "n/a");
        assert_eq!(format_ratio(ratio(Value(1.0), Missing)), "n/a");
        assert_eq!(format_ratio(ratio(Value(1.0), Value(0.0))), "n/a");
    }

    #[test]
    fn figures_are_formatted_with_their_precision() {
        assert_eq!(format_figure(Value(1234.56), 0), "1235");
        assert_eq!(format_figure(Value(12.345), 1), "12.3");
        assert_eq!(format_figure(Below(16.0), 0), "<16");
        assert_eq!(format_figure(Missing, 1), "n/a");
    }

    #[test]
    fn goals_pass_miss_or_stay_unknown() {
        let half_of_d3 = Goal::RatioAtMost { peer: 0, max: 0.5 };
        assert_eq!(
            judge(half_of_d3, Value(40.0), &[Value(100.0)]),
            Verdict::Pass
        );
        assert_eq!(
            judge(half_of_d3, Value(60.0), &[Value(100.0)]),
            Verdict::Miss
        );
        assert_eq!(
            judge(half_of_d3, Below(16.0), &[Value(100.0)]),
            Verdict::Pass
        );
        assert_eq!(
            judge(half_of_d3, Below(16.0), &[Value(20.0)]),
            Verdict::Unknown
        );
        assert_eq!(judge(half_of_d3, Value(40.0), &[Missing]), Verdict::Unknown);
        assert_eq!(judge(Goal::AtMost(16.0), Below(16.0), &[]), Verdict::Pass);
        assert_eq!(judge(Goal::AtMost(16.0), Value(24.0), &[]), Verdict::Miss);
        assert_eq!(judge(Goal::Under(0.01), Value(0.0), &[]), Verdict::Pass);
        assert_eq!(judge(Goal::Under(0.01), Value(0.01), &[]), Verdict::Miss);
        assert_eq!(judge(Goal::Under(0.01), Missing, &[]), Verdict::Unknown);
    }
}
