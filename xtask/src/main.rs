//! Project tasks that run natively, outside the app: `cargo xtask <task>` (see `.cargo/config.toml`).

mod fuzz;
mod imports;
mod prerender;
mod preview;
mod topojson;

use std::path::PathBuf;

use std::process::ExitCode;
use xtask::sizes;

const USAGE: &str = "usage:
  cargo xtask geo <londonBoroughs.json> <out.geojson>   derive geo/ from the vega-datasets TopoJSON
  cargo xtask sizes <dir>                               print every file's raw, gzip and brotli size
  cargo xtask post-build [dir]                          prerender, then precompress (Trunk's hook)
  cargo xtask prerender [dir]                           write the map and stories into <dir>/index.html
  cargo xtask precompress [dir]                         write .br and .gz beside every compressible file
                                                        ([dir] defaults to Trunk's $TRUNK_STAGING_DIR)
  cargo xtask fuzz [inputs] [seed]                      fuzz every parser (default 1,000,000 inputs)
  cargo xtask site-url                                  print the public address the build uses ($SITE_URL)";

/// The repository, which holds xtask/.
fn repo() -> &'static std::path::Path {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask/ sits in the repository")
}

/// The folder named on the command line, else the one Trunk is building into (hooks).
fn built_dir(args: &[&str]) -> Result<PathBuf, String> {
    match args.first() {
        Some(dir) => Ok(PathBuf::from(dir)),
        None => std::env::var_os("TRUNK_STAGING_DIR")
            .map(PathBuf::from)
            .ok_or_else(|| "name a folder, or run from a Trunk hook".to_owned()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["geo", input, output] => {
            topojson::derive_geojson(&PathBuf::from(input), &PathBuf::from(output))
        }
        ["site-url"] => borough_page::meta::Site::from_env()
            .map(|site| {
                println!(
                    "public address ({}, in canonical, og: and twitter: tags, share links, \
                     sitemap.xml, robots.txt): {}",
                    borough_page::meta::SITE_URL_VAR,
                    site.as_str()
                )
            })
            .map_err(|e| e.to_string()),
        ["sizes", dir] => sizes::print(&PathBuf::from(dir)),
        ["precompress", rest @ ..] if rest.len() <= 1 => {
            built_dir(rest).and_then(|dir| sizes::precompress(&dir))
        }
        ["post-build", rest @ ..] if rest.len() <= 1 => built_dir(rest).and_then(|dir| {
            prerender::prerender(&dir)?;
            let cache = preview::cache_dir(repo()).with_file_name("precompressed");
            sizes::precompress_with_cache(&dir, Some(&cache))
        }),
        ["prerender", rest @ ..] if rest.len() <= 1 => {
            built_dir(rest).and_then(|dir| prerender::prerender(&dir))
        }
        ["fuzz", rest @ ..] if rest.len() <= 2 => {
            let number = |i: usize, default: u64| {
                rest.get(i).map_or(Ok(default), |s| {
                    s.replace('_', "").parse().map_err(|e| format!("{s}: {e}"))
                })
            };
            match (number(0, 1_000_000), number(1, 0x5eed)) {
                (Ok(inputs), Ok(seed)) if fuzz::fuzz(inputs, seed) == 0 => Ok(()),
                (Ok(_), Ok(_)) => Err("some inputs panicked (listed above)".into()),
                (Err(e), _) | (_, Err(e)) => Err(e),
            }
        }
        _ => Err(USAGE.to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}
