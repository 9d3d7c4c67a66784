//! Issue 6, "Fast on a slow phone": our release bundle against a D3 page and a Leaflet page
//! doing the same job, on headless Chromium throttled as Lighthouse does for mobile.
//!
//!   cargo run -p bench --release [-- --runs N]     the three pages (writes bench/RESULTS.md)
//!   cargo run -p bench --release -- --scale        ours and D3 on about 5,000 polygons
//!   cargo run -p bench --release -- generate-scale FILE    writes that polygon set

mod browser;
mod cdp;
mod machine;
mod metrics;
mod pages;
mod report;
mod run;
mod scale;
mod server;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use cdp::Throttling;
use metrics::{Figure, Goal};
use pages::Page;
use report::{Column, Metric};
use run::Sample;
use server::Server;

const USAGE: &str = "usage: cargo run -p bench --release [-- [--runs N] [--scale]]
       cargo run -p bench --release -- generate-scale FILE";

enum Command {
    Bench { runs: usize, scale: bool },
    GenerateScale(PathBuf),
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Command, String> {
    let (mut runs, mut scale) = (5, false);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--runs" => {
                runs = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n > 0)
                    .ok_or("--runs needs a positive whole number")?;
            }
            "--scale" => scale = true,
            "generate-scale" => {
                let file = args.next().ok_or("generate-scale needs a file to write")?;
                return Ok(Command::GenerateScale(file.into()));
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(Command::Bench { runs, scale })
}

#[tokio::main]
async fn main() -> ExitCode {
    let result = match parse(std::env::args().skip(1)) {
        Ok(Command::GenerateScale(file)) => generate_scale(&file),
        Ok(Command::Bench { runs, scale }) => bench(runs, scale).await,
        Err(e) => {
            eprintln!("{e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The scale set, as the bytes served for `geo/boroughs.geojson`.
fn scale_set() -> Result<Vec<u8>, String> {
    let source = pages::repo().join("geo/boroughs.geojson");
    let text =
        std::fs::read_to_string(&source).map_err(|e| format!("{}: {e}", source.display()))?;
    let set = scale::generate(&text)?;
    let (features, polygons, points) = scale::census(&set);
    let bytes = serde_json::to_vec(&set).map_err(|e| e.to_string())?;
    eprintln!(
        "scale set: {features} features, {polygons} polygons, {points} points, {} KB",
        bytes.len() / 1024
    );
    Ok(bytes)
}

fn generate_scale(file: &std::path::Path) -> Result<(), String> {
    let bytes = scale_set()?;
    if let Some(folder) = file.parent().filter(|f| !f.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    }
    std::fs::write(file, bytes).map_err(|e| format!("{}: {e}", file.display()))?;
    eprintln!("wrote {}", file.display());
    Ok(())
}

async fn bench(runs: usize, scale: bool) -> Result<(), String> {
    eprintln!("reading and compressing the pages' files…");
    let pages = if scale {
        let set = scale_set()?;
        vec![
            pages::with_geometry(pages::ours()?, &set),
            pages::with_geometry(pages::d3_geojson()?, &set),
        ]
    } else {
        vec![pages::ours()?, pages::d3()?, pages::leaflet()?]
    };
    let servers = pages
        .iter()
        .map(|page| Server::start(page.site.clone()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("cannot serve: {e}"))?;
    let load = machine::load();
    let version = chromium_version().await?;
    eprintln!("{version} on {}, load average {load}", machine::cpu());

    let mut results = Vec::new();
    let mut nonce = 0;
    for throttling in [Throttling::SlowPhone, Throttling::None] {
        let patience = match (throttling, scale) {
            (Throttling::SlowPhone, true) => Duration::from_secs(300),
            (Throttling::SlowPhone, false) => Duration::from_secs(120),
            (Throttling::None, _) => Duration::from_secs(60),
        };
        let mut samples: Vec<Vec<Sample>> = vec![Vec::new(); pages.len()];
        // Pages take turns, so a slow moment of the machine is shared between them.
        for round in 1..=runs {
            for ((page, server), samples) in pages.iter().zip(&servers).zip(&mut samples) {
                nonce += 1;
                let url = server.url(page.start);
                let tag = format!("[{} {round}/{runs}] {}", condition(throttling), page.label);
                match run::measure(page, &url, throttling, nonce, patience).await {
                    Ok(sample) => {
                        eprintln!("{tag}: {}", summary(&sample));
                        for error in &sample.console_errors {
                            eprintln!("{tag}: console error: {error}");
                        }
                        samples.push(sample);
                    }
                    Err(e) => eprintln!("{tag}: run failed: {e}"),
                }
            }
        }
        results.push((throttling, samples));
    }

    let header = Header {
        version,
        load,
        runs,
        scale,
    };
    let (text, markdown) = render(&header, &pages, &results);
    println!("{text}");
    let file = pages::repo().join("bench/RESULTS.md");
    let old = std::fs::read_to_string(&file).unwrap_or_else(|_| RESULTS_TITLE.to_owned());
    let section = if scale { "scale" } else { "main" };
    std::fs::write(&file, report::replace_section(&old, section, &markdown))
        .map_err(|e| format!("{}: {e}", file.display()))?;
    eprintln!("wrote {}", file.display());
    Ok(())
}

const RESULTS_TITLE: &str = "# Benchmark results\n\nWritten by `cargo run -p bench --release` \
(main comparison) and `cargo run -p bench --release -- --scale` (scale); see README.md for what \
each figure means. Each run replaces its own section.\n";

async fn chromium_version() -> Result<String, String> {
    let browser = browser::Browser::start().await?;
    let version = cdp::browser_version(&browser).await;
    browser.close().await;
    version
}

fn condition(throttling: Throttling) -> &'static str {
    match throttling {
        Throttling::SlowPhone => "slow phone",
        Throttling::None => "unthrottled",
    }
}

fn summary(s: &Sample) -> String {
    let f = |figure: Figure, factor: f64| metrics::format_figure(figure.scaled(factor), 0);
    format!(
        "{} KB, map {} ms, panel {} ms, clicks {}/{} ms, memory {} KB",
        f(s.transferred, 1.0 / 1024.0),
        f(s.map_painted, 1.0),
        f(s.interactive, 1.0),
        f(s.first_click, 1.0),
        f(s.second_click, 1.0),
        f(s.memory(), 1.0 / 1024.0),
    )
}

struct Header {
    version: String,
    load: String,
    runs: usize,
    scale: bool,
}

const KB: f64 = 1.0 / 1024.0;
const MB: f64 = 1.0 / (1024.0 * 1024.0);

fn metric(
    name: &'static str,
    unit: &'static str,
    read: fn(&Sample) -> Figure,
    goal: Option<Goal>,
) -> Metric {
    let decimals = if unit == "ms" { 0 } else { 1 };
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
            "bytes transferred, first load",
            "KB",
            |s| s.transferred.scaled(KB),
            (!scale && throttling == Throttling::SlowPhone)
                .then_some(Goal::RatioAtMost { peer: 1, max: 1.0 }),
        ),
        metric("  the same, decoded", "KB", |s| s.decoded.scaled(KB), None),
        metric(
            "first map paint",
            "ms",
            |s| s.map_painted,
            (!scale && throttling == Throttling::SlowPhone)
                .then_some(Goal::RatioAtMost { peer: 0, max: 0.5 }),
        ),
    ];
    let slow = throttling == Throttling::SlowPhone;
    let (interactive_goal, click_goal, memory_goal) = match (slow, scale) {
        (true, false) => (versus_d3(1.0), versus_d3(0.5), versus_d3(1.5)),
        (true, true) => (versus_d3(1.5), versus_d3(1.5), None),
        (false, false) => (None, Some(Goal::AtMost(16.0)), None),
        (false, true) => (None, None, None),
    };
    rows.extend([
        metric(
            "interactive: Hackney's panel painted",
            "ms",
            |s| s.interactive,
            interactive_goal,
        ),
        metric(
            "click latency (Event Timing, worse click)",
            "ms",
            Sample::click_latency,
            click_goal,
        ),
        metric("  first click, page loading", "ms", |s| s.first_click, None),
        metric(
            "  second click, page settled",
            "ms",
            |s| s.second_click,
            None,
        ),
        metric(
            "  second click to next paint (probe)",
            "ms",
            |s| s.second_click_probe,
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

/// The report as plain text and as Markdown.
fn render(
    header: &Header,
    pages: &[Page],
    results: &[(Throttling, Vec<Vec<Sample>>)],
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
        let columns: Vec<Column> = pages
            .iter()
            .zip(samples)
            .map(|(page, samples)| Column {
                label: page.label,
                samples,
            })
            .collect();
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
    (text, markdown)
}

fn context(header: &Header, pages: &[Page]) -> Vec<String> {
    let dist = pages::repo().join("dist");
    let wasm = std::fs::read_dir(&dist)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|name| name.ends_with(".wasm"))
        .unwrap_or_else(|| "no .wasm".into());
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
        "Times in ms from navigation start. Click latency: Event Timing durations (8 ms granularity; events under 16 ms are not reported, shown as <16).".to_owned(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> impl Iterator<Item = String> {
        list.iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .into_iter()
    }

    #[test]
    fn reads_the_command_line() {
        assert!(matches!(
            parse(args(&[])),
            Ok(Command::Bench {
                runs: 5,
                scale: false
            })
        ));
        assert!(matches!(
            parse(args(&["--runs", "3", "--scale"])),
            Ok(Command::Bench {
                runs: 3,
                scale: true
            })
        ));
        assert!(matches!(
            parse(args(&["generate-scale", "bench/data/scale.geojson"])),
            Ok(Command::GenerateScale(_))
        ));
        assert!(parse(args(&["--runs", "0"])).is_err());
        assert!(parse(args(&["--fast"])).is_err());
    }
}
