use super::*;

/// Processes whose command line mentions `needle` (Linux's /proc).
fn processes_mentioning(needle: &str) -> usize {
    std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| std::fs::read(entry.path().join("cmdline")).ok())
        .filter(|cmdline| String::from_utf8_lossy(cmdline).contains(needle))
        .count()
}

/// Waits (polling, up to 10 s) until no process mentions `needle`.
fn wait_for_none(needle: &str) -> usize {
    let deadline = Instant::now() + Duration::from_secs(10);
    while processes_mentioning(needle) > 0 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    processes_mentioning(needle)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_chromium_session_dropped_without_close_leaves_no_browser_running() {
    let session = Session::start(Engine::Chromium, Options::default())
        .await
        .unwrap();
    let port = format!("--port={}", session.port);
    assert!(processes_mentioning(&port) > 0, "no driver on {port}");
    assert!(
        processes_mentioning("borough-map-chromium-") > 0,
        "no browser"
    );
    drop(session);
    assert_eq!(wait_for_none(&port), 0, "left running: {port}");
}

#[test]
fn a_driver_is_ended_with_the_process_that_started_it() {
    // A child shell starts a tied `sleep` and is then killed outright: the sleep must go too.
    let marker = format!("{}", 4_000_000 + std::process::id());
    let child = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "tests::tied_helper", "--ignored", "--nocapture"])
        .env("TIED_MARKER", &marker)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while processes_mentioning(&marker) < 2 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        processes_mentioning(&marker) >= 2,
        "the helper did not start"
    );
    let mut child = child;
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(
        wait_for_none(&format!("sleep {marker}")),
        0,
        "the tied program outlived its parent"
    );
}

/// Run by the test above, in a process of its own: ties a long `sleep` to itself, then waits to
/// be killed.
#[test]
#[ignore]
fn tied_helper() {
    let Ok(marker) = std::env::var("TIED_MARKER") else {
        return;
    };
    let _tied = Tied::spawn("sleep", &[marker], &[], None).unwrap();
    std::thread::sleep(Duration::from_secs(60));
}

#[test]
fn a_missing_driver_is_named_with_the_command_that_installs_it() {
    // With nothing on the search path, no driver can be found.
    let error = missing_piece(Engine::Firefox, std::ffi::OsStr::new("")).expect("found a driver");
    assert!(
        error.contains("geckodriver is missing")
            && error.contains("make tools")
            && error.contains("cargo install geckodriver --version 0.37.1"),
        "{error}"
    );
}
