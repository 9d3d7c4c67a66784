//! Each browser started once per test binary: a pool of sessions, each engine's checked out by
//! one test at a time and reset between tests. They all run on one tokio runtime, which
//! outlives the tests, because a fantoccini client's connection lives on the runtime that
//! made it. Sessions left in the pool when the binary exits go with it (see `headless`).

use std::future::Future;
use std::sync::{Mutex, OnceLock};

use headless::{Engine, Options, Scripts, Session};

fn runtime() -> &'static tokio::runtime::Runtime {
    static RUNTIME: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("a tokio runtime")
    })
}

/// Runs `future` to completion on the shared runtime (from a plain `#[test]`).
pub fn block_on<F: Future>(future: F) -> F::Output {
    runtime().block_on(future)
}

static IDLE: Mutex<Vec<Session>> = Mutex::new(Vec::new());

/// A session of `engine` with `scripts`, in a new window with nothing in its history: one the
/// pool has, reset, or else a new one.
pub async fn check_out(engine: Engine, scripts: Scripts) -> Session {
    loop {
        let idle = {
            let mut idle = IDLE.lock().unwrap_or_else(|e| e.into_inner());
            let found = idle
                .iter()
                .position(|s| s.engine == engine && s.scripts == scripts);
            found.map(|at| idle.swap_remove(at))
        };
        let Some(session) = idle else { break };
        if reset(&session).await.is_ok() {
            return session;
        }
        // A session that cannot be reset is ended (on drop) and another one tried.
    }
    let options = Options {
        scripts,
        ..Options::default()
    };
    Session::start(engine, options)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Gives `session` back for another test (only after a test that passed: a failed test's
/// session is ended instead, however it was left).
pub fn check_in(session: Session) {
    IDLE.lock().unwrap_or_else(|e| e.into_inner()).push(session);
}

/// Clears the last test's storage and cookies, then swaps its window for a new one, which
/// also drops every DevTools override and script the old window had.
async fn reset(session: &Session) -> Result<(), String> {
    let client = &session.client;
    // Storage belongs to an origin, which the last test's page still has.
    let _ = client
        .execute(
            "try { localStorage.clear(); sessionStorage.clear(); } catch (e) {}",
            vec![],
        )
        .await;
    let _ = client.delete_all_cookies().await;
    let failed = |e: fantoccini::error::CmdError| e.to_string();
    let old = client.windows().await.map_err(failed)?;
    let new = client.new_window(false).await.map_err(failed)?;
    for window in old {
        client.switch_to_window(window).await.map_err(failed)?;
        client.close_window().await.map_err(failed)?;
    }
    client.switch_to_window(new.handle).await.map_err(failed)?;
    session.prepare_window().await
}
