//! Project tasks that run natively, outside the app: `cargo xtask <task>` (see `.cargo/config.toml`).

mod sizes;
mod topojson;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage:
  cargo xtask geo <londonBoroughs.json> <out.geojson>   derive geo/ from the vega-datasets TopoJSON
  cargo xtask sizes <dir>                               print every file's raw, gzip and brotli size";

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
        ["sizes", dir] => sizes::print(&PathBuf::from(dir)),
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
