//! What a benchmark run prints and writes: the rows issue 6 asks for with their goals, the
//! conditions they were measured under, and the files each page fetched.

use std::path::PathBuf;

use crate::cdp::{self, Throttling};
use crate::machine;
use crate::metrics::{Figure, Goal};
use crate::pages::{self, Page};
use crate::report::{self, Column, Metric};
use crate::run::Sample;

pub struct Header {
    pub version: String,
    pub load: String,
    pub runs: usize,
    pub scale: bool,
}

const KB: f64 = 1.0 / 1024.0;
const MB: f64 = 1.0 / (1024.0 * 1024.0);

fn metric(
    name: &'static str,
    unit: &'static str,
    read: fn(&Sample) -> Figure,
    goal: Option<Goal>,
) -> Metric {
    let decimals = match unit {
        "ms" => 0,
        // A layout shift score: a fraction of the viewport.
        "" => 3,
        _ => 1,
    };
    Metric {
        name,
        unit,
        decimals,
        read,
        goal,
    }
}

fn versus_d3(max: f64) -> Option<Goal> {
    Some(Goal::RatioAtMost { peer: 0, max })
}

/// The rows for one condition; goals as issue 6 sets them.
fn metrics(throttling: Throttling, scale: bool) -> Vec<Metric> {
    let mut rows = vec![
        metric(
            "bytes transferred, whole visit (load + 5 clicks)",
            "KB",
            |s| s.transferred.scaled(KB),
            (!scale && throttling == Throttling::SlowPhone)
                .then_some(Goal::RatioAtMost { peer: 1, max: 1.0 }),
        ),
        metric(
            "  until the first story shows",
            "KB",
            |s| s.transferred_until_story.scaled(KB),
            None,
        ),
        metric("  the same, decoded", "KB", |s| s.decoded.scaled(KB), None),
        metric(
            "first map paint",
            "ms",
            |s| s.map_painted,
            (!scale && throttling == Throttling::SlowPhone)
                .then_some(Goal::RatioAtMost { peer: 0, max: 0.5 }),
        ),
        metric(
            "  the floor: a page of 33 bare shapes, same round",
            "ms",
            |s| s.floor_painted,
            None,
        ),
        metric(
            "  above the floor (map paint less the floor's)",
            "ms",
            Sample::map_painted_above_floor,
            (!scale && throttling == Throttling::SlowPhone)
                .then_some(Goal::RatioAtMost { peer: 0, max: 0.5 }),
        ),
    ];
    let slow = throttling == Throttling::SlowPhone;
    // Issue 18: on a slow phone the worst click no worse than D3's, and a settled click
    // within one frame (16 ms).
    let (interactive_goal, click_goal, settled_goal, memory_goal) = match (slow, scale) {
        (true, false) => (
            versus_d3(1.0),
            versus_d3(1.0),
            Some(Goal::AtMost(16.0)),
            versus_d3(1.5),
        ),
        (true, true) => (versus_d3(1.5), versus_d3(1.5), None, None),
        (false, false) => (None, Some(Goal::AtMost(16.0)), None, None),
        (false, true) => (None, None, None, None),
    };
    rows.extend([
        metric(
            "interactive: Hackney's panel painted",
            "ms",
            |s| s.interactive,
            interactive_goal,
        ),
        metric(
            "  app took over (ours: html.js)",
            "ms",
            |s| s.app_ready,
            None,
        ),
        metric(
            "cumulative layout shift, to the first click",
            "",
            |s| s.layout_shift,
            Some(Goal::Under(0.01)),
        ),
        metric(
            "  the same, whole visit",
            "",
            |s| s.layout_shift_whole,
            None,
        ),
        metric(
            "click latency (Event Timing, worst of 5 clicks)",
            "ms",
            Sample::click_latency,
            click_goal,
        ),
        metric("  first click, page loading", "ms", |s| s.first_click, None),
        metric(
            "  settled clicks: the worst of 4",
            "ms",
            Sample::worst_settled_click,
            settled_goal,
        ),
        metric(
            "  settled clicks: the median of 4",
            "ms",
            Sample::median_settled_click,
            None,
        ),
        metric(
            "  settled click to next paint (probe, worst of 4)",
            "ms",
            Sample::worst_settled_click_probe,
            None,
        ),
        metric(
            "memory: JS heap + wasm",
            "MB",
            |s| s.memory().scaled(MB),
            memory_goal,
        ),
        metric("  JS heap after GC", "MB", |s| s.js_heap.scaled(MB), None),
        metric(
            "  wasm linear memory",
            "MB",
            |s| s.wasm_memory.scaled(MB),
            None,
        ),
        metric(
            "Blink heap after GC (DOM; not in the sum)",
            "MB",
            |s| s.blink_heap.scaled(MB),
            None,
        ),
    ]);
    rows
}

/// One column per page, with its samples under one condition.
fn columns<'a>(pages: &'a [Page], samples: &'a [Vec<Sample>]) -> Vec<Column<'a>> {
    pages
        .iter()
        .zip(samples)
        .map(|(page, samples)| Column {
            label: page.label,
            samples,
        })
        .collect()
}

/// The README's summary of a run (its `<!-- bench -->` section): when and where it ran, and
/// the first condition's table (the slow phone), as Markdown.
pub fn summary(
    header: &Header,
    pages: &[Page],
    results: &[(Throttling, Vec<Vec<Sample>>)],
) -> String {
    let context = context(header, pages);
    let mut summary = format!(
        "{} Medians of {} runs (spread over the runs in brackets); every figure is in \
         `bench/RESULTS.md`.\n\n",
        context[0], header.runs
    );
    if let Some((throttling, samples)) = results.first() {
        let columns = columns(pages, samples);
        summary.push_str(&report::table(&metrics(*throttling, header.scale), &columns).markdown());
    }
    summary
}

/// The report as plain text and as Markdown; `problems` are failed runs and console errors.
pub fn render(
    header: &Header,
    pages: &[Page],
    results: &[(Throttling, Vec<Vec<Sample>>)],
    problems: &[String],
) -> (String, String) {
    let mut text = String::new();
    let mut markdown = String::new();
    let mut both = |t: &str, m: &str| {
        text.push_str(t);
        markdown.push_str(m);
    };
    let title = if header.scale {
        "Scale: about 5,000 polygons, ours against D3"
    } else {
        "Ours against D3 and Leaflet"
    };
    both(&format!("{title}\n\n"), &format!("## {title}\n\n"));
    for line in context(header, pages) {
        both(&format!("{line}\n"), &format!("- {line}\n"));
    }
    for (throttling, samples) in results {
        let heading = match throttling {
            Throttling::SlowPhone => "Slow phone (Lighthouse mobile throttling)",
            Throttling::None => "Unthrottled (the machine's own speed, same screen)",
        };
        let columns = columns(pages, samples);
        let table = report::table(&metrics(*throttling, header.scale), &columns);
        let counts: Vec<String> = columns
            .iter()
            .map(|c| format!("{} {}/{}", c.label, c.samples.len(), header.runs))
            .collect();
        let counts = format!("Runs measured: {}.", counts.join(", "));
        both(
            &format!("\n{heading}\n\n{}{counts}\n", table.text()),
            &format!("\n### {heading}\n\n{}\n{counts}\n", table.markdown()),
        );
    }
    if let Some((_, samples)) = results.first() {
        both(
            "\nFiles of the first slow-phone run (transferred / decoded bytes)\n",
            "\n### Files of the first slow-phone run\n\n| page | file | transferred | decoded |\n|---|---|---:|---:|\n",
        );
        for (page, samples) in pages.iter().zip(samples) {
            for (url, transferred, decoded) in samples.first().map_or(&[][..], |s| &s.files) {
                let path = url.splitn(4, '/').nth(3).unwrap_or(url);
                both(
                    &format!(
                        "  {:<8} /{path:<48} {transferred:>8} {decoded:>8}\n",
                        page.label
                    ),
                    &format!("| {} | /{path} | {transferred} | {decoded} |\n", page.label),
                );
            }
        }
    }
    if !problems.is_empty() {
        both(
            "\nFailed runs and console errors\n",
            "\n### Failed runs and console errors\n\n",
        );
        for problem in problems {
            both(&format!("  {problem}\n"), &format!("- {problem}\n"));
        }
    }
    (text, markdown)
}

fn context(header: &Header, pages: &[Page]) -> Vec<String> {
    let dist = pages::repo().join("dist");
    let wasm = std::fs::read_dir(&dist)
        .into_iter()
        .flatten()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().ends_with(".wasm"))
        .map_or_else(
            || "no .wasm".to_owned(),
            |entry| {
                let metadata = entry.metadata().ok();
                format!(
                    "{}, {} KB raw, built {}",
                    entry.file_name().to_string_lossy(),
                    metadata.as_ref().map_or(0, |m| m.len() / 1024),
                    metadata
                        .and_then(|m| m.modified().ok())
                        .map_or_else(|| "at an unknown time".to_owned(), machine::utc)
                )
            },
        );
    let precompressed = std::fs::read_dir(&dist)
        .into_iter()
        .flatten()
        .flatten()
        .any(|e| e.file_name().to_string_lossy().ends_with(".br"));
    let (width, height, scale) = cdp::SCREEN;
    let labels: Vec<&str> = pages.iter().map(|p| p.label).collect();
    vec![
        format!(
            "Measured {} on {} (load average {} at the start), {}; headless, --disable-gpu.",
            machine::now_utc(),
            machine::cpu(),
            header.load,
            header.version
        ),
        format!(
            "Pages: {} (ours: dist/ with {wasm}). Each figure is the median of {} runs, each in a fresh browser and profile.",
            labels.join(", "),
            header.runs
        ),
        format!(
            "Slow phone: {} ms round trip, {} kbit/s down, {} kbit/s up (DevTools emulation), CPU slowed {}x; every run: a {width}×{height} screen at {scale}x, cache disabled.",
            cdp::LATENCY_MS, cdp::DOWNLOAD_KBPS, cdp::UPLOAD_KBPS, cdp::CPU_SLOWDOWN
        ),
        format!(
            "Bytes: transferSize of the navigation and resource entries, headers included, bodies brotli-compressed for every page alike ({}).",
            if precompressed {
                "dist/'s own .br files where present, quality 11 on the fly otherwise"
            } else {
                "quality 11 by the bench server; dist/ holds no .br files"
            }
        ),
        "The floor: in each round, before the pages, a page of the 33 areas' shapes as bare squares (no stylesheet, script or data) is opened under the same conditions; its first paint is the browser's fixed cost (the connection, one small document, the first frame), and each page's paint less that round's floor is its own part.".to_owned(),
        "Times in ms from navigation start. Click latency: Event Timing durations (8 ms granularity; events under 16 ms are not reported, shown as <16).".to_owned(),
        "Cumulative layout shift: the sum of layout-shift entries without input in the 500 ms before them (no session windows), up to when the runner has seen the first click's panel painted; the sub-row runs to the end of the visit.".to_owned(),
    ]
}

const TITLE: &str = "# Benchmark results\n\nWritten by `cargo run -p bench --release` \
(main comparison) and `cargo run -p bench --release -- --scale` (scale); see README.md for what \
each figure means. Each run replaces its own section.\n";

/// Replaces this mode's section of `bench/RESULTS.md` (creating the file if needed).
pub fn write(markdown: &str, scale: bool) -> Result<PathBuf, String> {
    write_section(markdown, if scale { "scale" } else { "main" })
}

/// Replaces the section `name` of `bench/RESULTS.md` (creating the file if needed).
pub fn write_section(markdown: &str, name: &str) -> Result<PathBuf, String> {
    let file = pages::repo().join("bench/RESULTS.md");
    let old = std::fs::read_to_string(&file).unwrap_or_else(|_| TITLE.to_owned());
    std::fs::write(&file, report::replace_section(&old, name, markdown))
        .map_err(|e| format!("{}: {e}", file.display()))?;
    Ok(file)
}

/// The trace run's table: each step of a settled click on the main thread, the median over
/// the settled clicks of every run, one column per page.
pub fn trace_table(
    version: &str,
    load: &str,
    runs: usize,
    columns: &[(&str, crate::trace::ClickCost, usize)],
) -> String {
    let mut out = format!(
        "## Where a settled click's time goes\n\n- Measured {} on {} (load average {load} at the start), {version}; \
         `cargo run -p bench --release -- --trace`, {runs} visit(s) a page on the slow phone, Chromium tracing \
         itself (`--trace-startup`, {}).\n- Each figure is the median over the settled clicks (the four after the one made while the page loads) \
         of the main thread's milliseconds, from the click's `pointerdown` to the end of the first frame committed after it: \
         top-level tasks by name, and the style and layout that the event handlers forced inside their own time.\n\n",
        machine::now_utc(),
        machine::cpu(),
        crate::trace::CATEGORIES,
    );
    let header: Vec<String> = columns
        .iter()
        .map(|(label, _, n)| format!("{label} ({n} clicks)"))
        .collect();
    out.push_str(&format!(
        "| step | {} |\n|---|{}\n",
        header.join(" | "),
        "---:|".repeat(columns.len())
    ));
    let names: std::collections::BTreeSet<&String> = columns
        .iter()
        .flat_map(|(_, cost, _)| cost.steps.keys())
        .collect();
    let mut rows: Vec<(&String, f64)> = names
        .into_iter()
        .map(|name| {
            let most = columns
                .iter()
                .map(|(_, c, _)| c.steps.get(name).copied().unwrap_or(0.0))
                .fold(0.0, f64::max);
            (name, most)
        })
        .collect();
    // The costly steps first; steps under 0.1 ms everywhere are left out.
    rows.sort_by(|a, b| b.1.total_cmp(&a.1));
    for (name, most) in rows {
        if most < 0.1 {
            continue;
        }
        let cells: Vec<String> = columns
            .iter()
            .map(|(_, c, _)| format!("{:.1}", c.steps.get(name).copied().unwrap_or(0.0)))
            .collect();
        out.push_str(&format!("| {} | {} |\n", name, cells.join(" | ")));
    }
    let spans: Vec<String> = columns
        .iter()
        .map(|(_, c, _)| format!("**{:.1}**", c.span))
        .collect();
    out.push_str(&format!(
        "| **pointerdown to the frame's commit** | {} |\n",
        spans.join(" | ")
    ));
    out
}

/// Replaces the README's `<!-- bench -->` section with a run's summary, so that its figures
/// are a run's and not copied by hand.
pub fn write_readme(summary: &str) -> Result<PathBuf, String> {
    let file = pages::repo().join("README.md");
    let old = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
    if !old.contains("<!-- bench -->") {
        return Err(format!("{} has no <!-- bench --> section", file.display()));
    }
    std::fs::write(&file, report::replace_section(&old, "bench", summary))
        .map_err(|e| format!("{}: {e}", file.display()))?;
    Ok(file)
}
