//! Writes a large Rolecall file for benchmarks to standard output:
//! `cargo run --release --example large_workspace -- [tasks] [members]`
//! (defaults: the benchmark size, 1,000 tasks and 100 members).

use chrono::DateTime;
use rolecall::model::generate::{large, BENCH};
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
    let now = DateTime::from_timestamp(1_795_000_000, 0).expect("a valid time");
    print!("{}", encode(&large(7, now, size), now, false));
}
