//! Where a click's time goes: Chromium's own trace of a visit (`--trace-startup`, with the
//! DevTools timeline's categories), cut into each click's steps on the page's main thread,
//! from the `pointerdown` it starts with to the end of the first frame committed after it.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

/// What the trace records: the DevTools Performance panel's own categories.
pub const CATEGORIES: &str = "devtools.timeline,disabled-by-default-devtools.timeline";

/// The command-line flags that make Chromium trace itself from its start for `seconds`, then
/// write the trace to `file` as JSON.
pub fn flags(file: &Path, seconds: u64) -> Vec<String> {
    vec![
        format!("--trace-startup={CATEGORIES}"),
        format!("--trace-startup-file={}", file.display()),
        format!("--trace-startup-duration={seconds}"),
        "--trace-startup-format=json".into(),
    ]
}

/// One complete event of the trace (`"ph": "X"`), in microseconds.
#[derive(Clone, Debug, PartialEq)]
struct Event {
    name: String,
    thread: (u64, u64),
    start: f64,
    end: f64,
    /// For an `EventDispatch`, the DOM event's type.
    kind: Option<String>,
}

fn events(trace: &Value) -> Vec<Event> {
    let list = trace
        .get("traceEvents")
        .or(Some(trace))
        .and_then(Value::as_array);
    let mut events: Vec<Event> = list
        .into_iter()
        .flatten()
        .filter(|e| e["ph"] == "X")
        .filter_map(|e| {
            let start = e["ts"].as_f64()?;
            Some(Event {
                name: e["name"].as_str()?.to_owned(),
                thread: (e["pid"].as_u64()?, e["tid"].as_u64()?),
                start,
                end: start + e["dur"].as_f64().unwrap_or(0.0),
                kind: e["args"]["data"]["type"].as_str().map(str::to_owned),
            })
        })
        .collect();
    events.sort_by(|a, b| a.start.total_cmp(&b.start));
    events
}

/// One click's cost: each step's milliseconds on the main thread, and the whole span.
#[derive(Debug, Default, PartialEq)]
pub struct ClickCost {
    /// From the `pointerdown` to the end of the first commit after the `click`.
    pub span: f64,
    /// The main thread's work in that span, by step: each event at the top of its task (the
    /// task's own envelope left out) by name, an event dispatch by its DOM event's type; and,
    /// inside the event handlers, the style and layout they forced.
    pub steps: BTreeMap<String, f64>,
}

/// Each click of the trace, in order.
pub fn clicks(trace: &Value) -> Vec<ClickCost> {
    let events = events(trace);
    let dispatch =
        |e: &Event, kind: &str| e.name == "EventDispatch" && e.kind.as_deref() == Some(kind);
    let mut costs = Vec::new();
    for click in events.iter().filter(|e| dispatch(e, "click")) {
        let thread = click.thread;
        let on_thread = || events.iter().filter(move |e| e.thread == thread);
        let start = on_thread()
            .filter(|e| dispatch(e, "pointerdown") && e.start <= click.start)
            .map(|e| e.start)
            .next_back()
            .unwrap_or(click.start);
        let end = on_thread()
            .find(|e| e.name == "Commit" && e.start >= click.end)
            .map_or(click.end, |e| e.end);
        let mut cost = ClickCost {
            span: (end - start) / 1000.0,
            ..ClickCost::default()
        };
        let mut top_end = f64::MIN;
        let mut handler_end = f64::MIN;
        for event in on_thread().filter(|e| e.start >= start && e.start < end) {
            // A task is only the envelope of the steps it runs, which are what is counted.
            if event.name == "RunTask" || event.name.ends_with("::RunTask") {
                continue;
            }
            let ms = (event.end - event.start) / 1000.0;
            if event.start >= top_end {
                top_end = event.end;
                let step = match (&event.kind, event.name.as_str()) {
                    (Some(kind), "EventDispatch") => {
                        handler_end = event.end;
                        format!("event: {kind}")
                    }
                    (_, name) => name.to_owned(),
                };
                *cost.steps.entry(step).or_default() += ms;
            } else if event.end <= handler_end
                && matches!(event.name.as_str(), "UpdateLayoutTree" | "Layout")
            {
                *cost
                    .steps
                    .entry(format!("↳ forced in a handler: {}", event.name))
                    .or_default() += ms;
            }
        }
        costs.push(cost);
    }
    costs
}

/// The median of each step over `clicks` (a step missing from a click counts as 0 ms there),
/// and of their spans.
pub fn median_cost(clicks: &[ClickCost]) -> ClickCost {
    let median = |mut values: Vec<f64>| {
        values.sort_by(f64::total_cmp);
        match values.len() {
            0 => 0.0,
            n if n % 2 == 1 => values[n / 2],
            n => (values[n / 2 - 1] + values[n / 2]) / 2.0,
        }
    };
    let names: std::collections::BTreeSet<&String> =
        clicks.iter().flat_map(|c| c.steps.keys()).collect();
    ClickCost {
        span: median(clicks.iter().map(|c| c.span).collect()),
        steps: names
            .into_iter()
            .map(|name| {
                let values = clicks
                    .iter()
                    .map(|c| c.steps.get(name).copied().unwrap_or(0.0))
                    .collect();
                (name.clone(), median(values))
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn x(name: &str, ts: f64, dur: f64, kind: Option<&str>) -> Value {
        let mut event = json!({"ph": "X", "name": name, "pid": 1, "tid": 7, "ts": ts, "dur": dur});
        if let Some(kind) = kind {
            event["args"] = json!({"data": {"type": kind}});
        }
        event
    }

    /// A click as Chromium traces it: pointer and mouse events, the click's handler forcing a
    /// style recalculation, then, in the same task, the frame's style and layout, then its
    /// paint and commit; and work on another thread, which is not the page's.
    fn one_click() -> Value {
        json!({"traceEvents": [
            x("EventDispatch", 1_000.0, 500.0, Some("pointerdown")),
            x("EventDispatch", 2_000.0, 300.0, Some("mouseup")),
            x("RunTask", 2_900.0, 9_000.0, None),
            x("EventDispatch", 3_000.0, 4_000.0, Some("click")),
            x("FunctionCall", 3_100.0, 3_000.0, None),
            x("UpdateLayoutTree", 6_200.0, 700.0, None),
            x("UpdateLayoutTree", 8_000.0, 2_000.0, None),
            x("Layout", 10_000.0, 1_500.0, None),
            x("Paint", 12_000.0, 800.0, None),
            x("Commit", 13_000.0, 1_000.0, None),
            x("Commit", 20_000.0, 1_000.0, None),
            {"ph": "X", "name": "RasterTask", "pid": 1, "tid": 9, "ts": 12_500.0, "dur": 5_000.0},
        ]})
    }

    #[test]
    fn a_click_is_cut_into_its_steps_from_pointerdown_to_the_next_commit() {
        let costs = clicks(&one_click());
        assert_eq!(costs.len(), 1);
        let cost = &costs[0];
        assert_eq!(cost.span, 13.0);
        let step = |name: &str| cost.steps.get(name).copied();
        assert_eq!(step("event: pointerdown"), Some(0.5));
        assert_eq!(step("event: click"), Some(4.0));
        assert_eq!(step("↳ forced in a handler: UpdateLayoutTree"), Some(0.7));
        assert_eq!(step("UpdateLayoutTree"), Some(2.0));
        assert_eq!(step("Layout"), Some(1.5));
        assert_eq!(step("Paint"), Some(0.8));
        assert_eq!(step("Commit"), Some(1.0));
        // Nested in the handler, counted in its dispatch; another thread's work, not at all.
        assert_eq!(step("FunctionCall"), None);
        assert_eq!(step("RasterTask"), None);
    }

    #[test]
    fn a_bare_array_of_events_is_a_trace_too() {
        let array = one_click()["traceEvents"].clone();
        assert_eq!(clicks(&array), clicks(&one_click()));
    }

    #[test]
    fn the_median_counts_a_missing_step_as_zero() {
        let cost = |span: f64, layout: Option<f64>| ClickCost {
            span,
            steps: layout
                .map(|ms| ("Layout".to_owned(), ms))
                .into_iter()
                .collect(),
        };
        let median = median_cost(&[
            cost(10.0, Some(4.0)),
            cost(30.0, None),
            cost(20.0, Some(2.0)),
        ]);
        assert_eq!(median.span, 20.0);
        assert_eq!(median.steps["Layout"], 2.0);
    }
}
