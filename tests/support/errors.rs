//! What the pages of one test reported at error level: each test runs in a scope of its own,
//! and the servers it starts hand their reports to that scope.

use std::future::Future;
use std::sync::{Arc, Mutex};

use testserver::{Report, ReportSink};

type Reports = Arc<Mutex<Vec<Report>>>;

tokio::task_local! {
    static REPORTS: Reports;
}

/// Runs `test` with a record of its own.
pub async fn scope<F: Future>(test: F) -> F::Output {
    REPORTS.scope(Reports::default(), test).await
}

/// Where a server started by the current test sends its reports.
pub fn sink() -> ReportSink {
    let reports = REPORTS
        .try_with(Reports::clone)
        .expect("browser tests run inside support::run");
    Arc::new(move |report| reports.lock().unwrap().push(report))
}

/// Every report the current test's servers have received.
pub fn received() -> Vec<Report> {
    REPORTS
        .try_with(|reports| reports.lock().unwrap().clone())
        .unwrap_or_default()
}
