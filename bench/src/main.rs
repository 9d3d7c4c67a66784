//! Issue 6, "Fast on a slow phone": our release bundle against a D3 page and a Leaflet page
//! doing the same job, on headless Chromium throttled as Lighthouse does for mobile.
//!
//!   cargo run -p bench --release [-- --runs N]     the three pages (writes bench/RESULTS.md)
//!   cargo run -p bench --release -- --scale        ours and D3 on about 5,000 polygons
//!   cargo run -p bench --release -- --trace        where a settled click's time goes, ours and D3
//!   cargo run -p bench --release -- generate-scale FILE    writes that polygon set

mod browser;
mod cdp;
mod machine;
mod metrics;
mod pages;
mod report;
mod results;
mod run;
mod scale;
mod server;
mod trace;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use cdp::Throttling;
use metrics::Figure;
use run::Sample;
use server::Server;

const USAGE: &str = "usage: cargo run -p bench --release [-- [--runs N] [--scale | --trace]]
       cargo run -p bench --release -- generate-scale FILE";

enum Command {
    Bench { runs: usize, scale: bool },
    Trace { runs: usize },
    GenerateScale(PathBuf),
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Command, String> {
    let (mut runs, mut scale, mut traced) = (5, false, false);
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
            "--trace" => traced = true,
            "generate-scale" => {
                let file = args.next().ok_or("generate-scale needs a file to write")?;
                return Ok(Command::GenerateScale(file.into()));
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    match (traced, scale) {
        (true, true) => Err("--trace and --scale are separate runs".into()),
        (true, false) => Ok(Command::Trace { runs }),
        (false, _) => Ok(Command::Bench { runs, scale }),
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let result = match parse(std::env::args().skip(1)) {
        Ok(Command::GenerateScale(file)) => generate_scale(&file),
        Ok(Command::Bench { runs, scale }) => bench(runs, scale).await,
        Ok(Command::Trace { runs }) => traced(runs).await,
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

/// Ours and D3, each visited `runs` times on the slow phone with Chromium tracing itself: the
/// median of each step of their settled clicks (the first click, made while the page loads,
/// is left out), printed and written to `bench/RESULTS.md`.
async fn traced(runs: usize) -> Result<(), String> {
    /// Long enough for a whole slow-phone visit (about 16 s here).
    const SECONDS: u64 = 40;
    let pages = [pages::ours()?, pages::d3()?];
    let load = machine::load();
    let version = chromium_version().await?;
    let folder = pages::repo().join("target");
    let mut columns = Vec::new();
    for (index, page) in pages.iter().enumerate() {
        let server = Server::start(page.site.clone()).map_err(|e| format!("cannot serve: {e}"))?;
        let mut settled = Vec::new();
        for round in 1..=runs {
            let file = folder.join(format!("bench-trace-{}-{round}.json", page.label));
            let nonce = (index * runs + round) as u64;
            let trace =
                run::measure_traced(page, &server.url(page.start), nonce, &file, SECONDS).await?;
            let clicks = trace::clicks(&trace);
            eprintln!(
                "[trace {round}/{runs}] {}: {} clicks traced ({})",
                page.label,
                clicks.len(),
                file.display()
            );
            settled.extend(clicks.into_iter().skip(1));
        }
        columns.push((page.label, trace::median_cost(&settled), settled.len()));
    }
    let markdown = results::trace_table(&version, &load, runs, &columns);
    println!("{markdown}");
    let file = results::write_section(&markdown, "trace")?;
    eprintln!("wrote {}", file.display());
    Ok(())
}

/// The scale set, as the bytes the D3 page fetches and our page is rendered from.
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
        let text = std::str::from_utf8(&set).map_err(|e| e.to_string())?;
        // Ours draws no geometry at run time: its page is rendered for the set here, by the
        // project's own prerenderer. D3 fetches the set as a GeoJSON file.
        vec![
            pages::ours_with_boundaries(text)?,
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
    let floor = pages::floor();
    let floor_server =
        Server::start(floor.site.clone()).map_err(|e| format!("cannot serve: {e}"))?;
    let load = machine::load();
    let version = chromium_version().await?;
    eprintln!("{version} on {}, load average {load}", machine::cpu());

    let mut results = Vec::new();
    let (mut problems, mut reported) = (Vec::new(), 0);
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
            // The floor first in each round, so every page's paint in it has the same floor.
            nonce += 1;
            let tag = format!("[{} {round}/{runs}] floor", condition(throttling));
            let url = floor_server.url(floor.start);
            let floor_painted =
                match run::measure_map_paint(&floor, &url, throttling, nonce, patience).await {
                    Ok(painted) => {
                        eprintln!("{tag}: map {} ms", metrics::format_figure(painted, 0));
                        painted
                    }
                    Err(e) => {
                        problems.push(format!("{tag}: run failed: {e}"));
                        Figure::Missing
                    }
                };
            for ((page, server), samples) in pages.iter().zip(&servers).zip(&mut samples) {
                nonce += 1;
                let url = server.url(page.start);
                let tag = format!("[{} {round}/{runs}] {}", condition(throttling), page.label);
                match run::measure(page, &url, throttling, nonce, patience).await {
                    Ok(mut sample) => {
                        sample.floor_painted = floor_painted;
                        eprintln!("{tag}: {}", summary(&sample));
                        for error in &sample.console_errors {
                            problems.push(format!("{tag}: console error: {error}"));
                        }
                        samples.push(sample);
                    }
                    Err(e) => problems.push(format!("{tag}: run failed: {e}")),
                }
                for problem in &problems[reported..] {
                    eprintln!("{problem}");
                }
                reported = problems.len();
            }
        }
        results.push((throttling, samples));
    }

    let header = results::Header {
        version,
        load,
        runs,
        scale,
    };
    let (text, markdown) = results::render(&header, &pages, &results, &problems);
    println!("{text}");
    let file = results::write(&markdown, scale)?;
    eprintln!("wrote {}", file.display());
    if !scale {
        let readme = results::write_readme(&results::summary(&header, &pages, &results))?;
        eprintln!("wrote {}", readme.display());
    }
    Ok(())
}

async fn chromium_version() -> Result<String, String> {
    let browser = browser::Browser::start(Vec::new()).await?;
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
        "{} KB, map {} ms, panel {} ms{}, clicks {} ms loading, {} ms settled (worst of 4), memory {} KB, CLS {}",
        f(s.transferred, 1.0 / 1024.0),
        f(s.map_painted, 1.0),
        f(s.interactive, 1.0),
        match s.app_ready {
            Figure::Missing => String::new(),
            ready => format!(" (app took over at {} ms)", f(ready, 1.0)),
        },
        f(s.first_click, 1.0),
        f(s.worst_settled_click(), 1.0),
        f(s.memory(), 1.0 / 1024.0),
        metrics::format_figure(s.layout_shift, 3),
    )
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
