//! The parts of the build tasks that other tools of the workspace share: the benchmark serves
//! files compressed exactly as the build compresses them.

pub mod sizes;
