//! Writes a large Rolecall file for benchmarks to standard output:
//! `cargo run --release --example large_workspace -- [tasks] [members] [comments]`
//! (defaults: the benchmark size, 1,000 tasks and 100 members). With `comments`, the workspace
//! has years of history: every task but the newest 1,000 archived, and that many comments on
//! the thread, the tasks spread over as many weeks as a team makes them in (about 38 a week).

use chrono::DateTime;
use rolecall::model::generate::{large, with_history, BENCH};
use rolecall::model::schema::encode;

fn main() {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<usize>().expect("a whole number"));
    let mut size = BENCH;
    if let Some(tasks) = args.next() {
        size.tasks = tasks;
    }
    if let Some(members) = args.next() {
        size.members = members;
    }
    let comments = args.next();
    if comments.is_some() {
        size.weeks = (size.tasks as i64 / 38).max(16);
    }
    let now = DateTime::from_timestamp(1_795_000_000, 0).expect("a valid time");
    let mut ws = large(7, now, size);
    if let Some(comments) = comments {
        with_history(&mut ws, 7, 1000, comments);
    }
    print!("{}", encode(&ws, now, false));
}
