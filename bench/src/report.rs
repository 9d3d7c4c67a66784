//! The results as a table: medians per page with their spread over the runs, ratios ours/peer
//! (of the medians) and goals, printed as aligned
//! text and written as Markdown.

use crate::metrics::{
    format_ratio, format_with_spread, judge, median, ratio, spread, Figure, Goal,
};
use crate::run::Sample;

/// One row of the table: how to read it from a sample, and the goal it is held to, if any.
pub struct Metric {
    pub name: &'static str,
    pub unit: &'static str,
    pub decimals: usize,
    pub read: fn(&Sample) -> Figure,
    pub goal: Option<Goal>,
}

/// One page's samples: the first column is ours, the others are the peers.
pub struct Column<'a> {
    pub label: &'a str,
    pub samples: &'a [Sample],
}

#[derive(Debug, PartialEq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

pub fn table(metrics: &[Metric], columns: &[Column]) -> Table {
    let (ours, peers) = columns.split_first().expect("at least our page");
    let mut header = vec![
        "metric".to_owned(),
        "unit".to_owned(),
        ours.label.to_owned(),
    ];
    for peer in peers {
        header.push(peer.label.to_owned());
        header.push(format!("{}/{}", ours.label, peer.label));
    }
    header.push("goal".to_owned());
    let rows = metrics
        .iter()
        .map(|metric| {
            let runs = |column: &Column| -> Vec<Figure> {
                column.samples.iter().map(metric.read).collect()
            };
            let cell = |column: &Column| {
                let runs = runs(column);
                format_with_spread(median(&runs), spread(&runs), metric.decimals)
            };
            let our_figure = median(&runs(ours));
            let peer_figures: Vec<Figure> = peers.iter().map(|p| median(&runs(p))).collect();
            let mut row = vec![metric.name.to_owned(), metric.unit.to_owned(), cell(ours)];
            for (peer, &figure) in peers.iter().zip(&peer_figures) {
                row.push(cell(peer));
                row.push(format_ratio(ratio(our_figure, figure)));
            }
            row.push(match metric.goal {
                Some(goal) => format!(
                    "{}: {}",
                    describe(goal, peers, metric.unit),
                    judge(goal, our_figure, &peer_figures).word()
                ),
                None => String::new(),
            });
            row
        })
        .collect();
    Table { header, rows }
}

fn describe(goal: Goal, peers: &[Column], unit: &str) -> String {
    match goal {
        Goal::RatioAtMost { peer, max } => {
            let label = peers.get(peer).map_or("?", |c| c.label);
            if max == 1.0 {
                format!("≤ {label}")
            } else {
                format!("≤ {max}x {label}")
            }
        }
        Goal::AtMost(max) => format!("≤ {max} {unit}"),
        Goal::Under(max) if unit.is_empty() => format!("< {max}"),
        Goal::Under(max) => format!("< {max} {unit}"),
    }
}

impl Table {
    /// Columns padded to their widest cell; figures right-aligned.
    pub fn text(&self) -> String {
        let widths: Vec<usize> = (0..self.header.len())
            .map(|i| {
                std::iter::once(&self.header)
                    .chain(&self.rows)
                    .map(|row| row[i].chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let line = |row: &Vec<String>| {
            let cells: Vec<String> = row
                .iter()
                .enumerate()
                .map(|(i, cell)| {
                    let pad = " ".repeat(widths[i] - cell.chars().count());
                    let is_text = i < 2 || i + 1 == row.len();
                    if is_text {
                        format!("{cell}{pad}")
                    } else {
                        format!("{pad}{cell}")
                    }
                })
                .collect();
            cells.join("  ").trim_end().to_owned()
        };
        let mut out = line(&self.header);
        out.push('\n');
        out.push_str(&"-".repeat(widths.iter().sum::<usize>() + 2 * (widths.len() - 1)));
        for row in &self.rows {
            out.push('\n');
            out.push_str(&line(row));
        }
        out.push('\n');
        out
    }

    /// A Markdown table; a sub-row's indent (Markdown would drop it) becomes a leading "↳".
    pub fn markdown(&self) -> String {
        let line = |row: &Vec<String>| {
            let cells: Vec<String> = row
                .iter()
                .map(|cell| match cell.strip_prefix("  ") {
                    Some(rest) => format!("↳ {rest}"),
                    None => cell.clone(),
                })
                .collect();
            format!("| {} |", cells.join(" | "))
        };
        let mut out = line(&self.header);
        out.push('\n');
        let align: Vec<&str> = (0..self.header.len())
            .map(|i| {
                if i < 2 || i + 1 == self.header.len() {
                    "---"
                } else {
                    "---:"
                }
            })
            .collect();
        out.push_str(&format!("|{}|", align.join("|")));
        for row in &self.rows {
            out.push('\n');
            out.push_str(&line(row));
        }
        out.push('\n');
        out
    }
}

/// Replaces the part of `document` between `<!-- name -->` and `<!-- /name -->` with
/// `section`, or appends it, so the main run and the scale run each keep their own results.
pub fn replace_section(document: &str, name: &str, section: &str) -> String {
    let (open, close) = (format!("<!-- {name} -->"), format!("<!-- /{name} -->"));
    let block = format!("{open}\n{}\n{close}", section.trim_end());
    if let (Some(start), Some(end)) = (document.find(&open), document.find(&close)) {
        if start < end {
            return format!(
                "{}{block}{}",
                &document[..start],
                &document[end + close.len()..]
            );
        }
    }
    let mut out = document.trim_end().to_owned();
    if !out.is_empty() {
        out.push_str("\n\n");
    }
    out.push_str(&block);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::Figure::Value;

    fn sample(paint: f64) -> Sample {
        Sample {
            transferred: Value(1.0),
            transferred_until_story: Value(1.0),
            decoded: Value(1.0),
            map_painted: Value(paint),
            floor_painted: Value(50.0),
            interactive: Value(1.0),
            first_click: Value(1.0),
            settled_clicks: vec![Value(1.0); 4],
            settled_click_probes: vec![Value(1.0); 4],
            js_heap: Value(1.0),
            blink_heap: Value(1.0),
            wasm_memory: Value(0.0),
            layout_shift: Value(0.0),
            layout_shift_whole: Value(0.0),
            app_ready: Value(1.0),
            files: vec![],
            console_errors: vec![],
        }
    }

    #[test]
    fn rows_hold_medians_ratios_and_verdicts() {
        let metrics = [Metric {
            name: "first map paint",
            unit: "ms",
            decimals: 0,
            read: |s| s.map_painted,
            goal: Some(Goal::RatioAtMost { peer: 0, max: 0.5 }),
        }];
        let ours = [sample(100.0), sample(300.0), sample(200.0)];
        let d3 = [sample(500.0)];
        let table = table(
            &metrics,
            &[
                Column {
                    label: "ours",
                    samples: &ours,
                },
                Column {
                    label: "D3",
                    samples: &d3,
                },
            ],
        );
        assert_eq!(
            table.header,
            ["metric", "unit", "ours", "D3", "ours/D3", "goal"]
        );
        assert_eq!(
            table.rows[0],
            [
                "first map paint",
                "ms",
                // Ours ran at 100, 300 and 200 ms; D3 once.
                "200 (100–300)",
                "500",
                "0.40x",
                "≤ 0.5x D3: pass"
            ]
        );
        assert!(table
            .markdown()
            .contains("| first map paint | ms | 200 (100–300) | 500 | 0.40x |"));
        assert!(table
            .text()
            .lines()
            .nth(2)
            .unwrap()
            .starts_with("first map paint  ms"));
    }

    #[test]
    fn a_section_is_replaced_in_place_or_appended() {
        let doc = replace_section("# Results\n", "main", "old");
        assert_eq!(doc, "# Results\n\n<!-- main -->\nold\n<!-- /main -->\n");
        let doc = replace_section(&doc, "scale", "big");
        let doc = replace_section(&doc, "main", "new");
        assert!(doc.contains("<!-- main -->\nnew\n<!-- /main -->\n\n<!-- scale -->\nbig"));
        assert!(!doc.contains("old"));
    }
}
