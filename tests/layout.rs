//! The code reads top-down: no module of `src/` reaches a sibling that reaches it back, directly
//! or through others, at any level of the tree (the model's files among themselves, the
//! components' areas, the state and team sync, the app and its pages). Read from the source, so
//! that a new circle fails here, not in review.
//!
//! A folder's `mod.rs` is the folder itself: it may declare and re-export its children, and they
//! may use what it holds; what counts is one child reaching another.

use std::collections::BTreeMap;
use std::path::Path;

/// Every module of `src/` (its path below the crate) with its code, tests left out.
fn modules() -> BTreeMap<Vec<String>, String> {
    fn walk(dir: &Path, at: &[String], out: &mut BTreeMap<Vec<String>, String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_stem().unwrap().to_string_lossy().to_string();
            if path.is_dir() {
                let mut sub = at.to_vec();
                sub.push(name);
                walk(&path, &sub, out);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") || (at.is_empty() && name == "main") {
                continue;
            }
            let mut module = at.to_vec();
            if name != "mod" && !(at.is_empty() && name == "lib") {
                module.push(name);
            }
            let text = std::fs::read_to_string(&path).unwrap();
            // Tests inside a file may reach anywhere; only the file's own code counts, and not
            // what its comments say.
            let code = text.split("#[cfg(test)]").next().unwrap();
            let code: String = code
                .lines()
                .map(|l| match l.find("//") {
                    Some(at) if l[..at].matches('"').count() % 2 == 0 => &l[..at],
                    _ => l,
                })
                .collect::<Vec<_>>()
                .join("\n");
            out.insert(module, code);
        }
    }
    let mut out = BTreeMap::new();
    walk(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")), &[], &mut out);
    out
}

/// The paths a piece of code names from `crate::`, `super::` and `self::`, made absolute for the
/// module at `here`: `use a::{b, c::{d, e}}` names `a::b`, `a::c::d` and `a::c::e`.
fn named_paths(code: &str, here: &[String]) -> Vec<Vec<String>> {
    fn ident(s: &str) -> usize {
        s.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(s.len())
    }
    /// Reads `a::b::{c, d}` from `s`, adding each full path to `out`.
    fn read(s: &str, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
        let mut path = prefix;
        let mut rest = s;
        loop {
            let n = ident(rest);
            if n > 0 {
                path.push(rest[..n].to_owned());
                rest = &rest[n..];
            }
            match rest.strip_prefix("::") {
                Some(r) if r.starts_with('{') => {
                    // A group: each part read on its own, at the depth of its own braces.
                    let mut depth = 0;
                    let mut start = 1;
                    for (i, c) in r.char_indices() {
                        match c {
                            '{' => depth += 1,
                            '}' if depth == 1 => {
                                read(r[start..i].trim(), path.clone(), out);
                                return;
                            }
                            '}' => depth -= 1,
                            ',' if depth == 1 => {
                                read(r[start..i].trim(), path.clone(), out);
                                start = i + 1;
                            }
                            _ => {}
                        }
                    }
                    return;
                }
                Some(r) => rest = r,
                None => {
                    out.push(path);
                    return;
                }
            }
        }
    }
    let mut out = Vec::new();
    for (i, _) in code.match_indices("::") {
        // The start of a path: `crate::`, `super::` (any number of them) or `self::`.
        let before = &code[..i];
        let word_start = before.rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).map_or(0, |p| p + 1);
        let word = &before[word_start..];
        let prev = before[..word_start].trim_end_matches(' ');
        if prev.ends_with("::") {
            continue; // not the first step of its path
        }
        let mut base: Vec<String> = match word {
            "crate" => Vec::new(),
            "self" => here.to_vec(),
            "super" => here[..here.len().saturating_sub(1)].to_vec(),
            _ => continue,
        };
        let mut rest = &code[i + 2..];
        while let Some(r) = rest.strip_prefix("super::") {
            base.pop();
            rest = r;
        }
        read(rest, base, &mut out);
    }
    out
}

/// The module a path names: its longest start that is a module.
fn module_of<'a>(path: &[String], known: &'a BTreeMap<Vec<String>, String>) -> Option<&'a Vec<String>> {
    (0..=path.len()).rev().find_map(|n| known.get_key_value(&path[..n]).map(|(k, _)| k))
}

/// A module's path below the crate (`["model", "ops"]`).
type Module = Vec<String>;

/// Every module's code, and every module's references to other modules.
type Graph = (BTreeMap<Module, String>, BTreeMap<Module, Vec<Module>>);

/// Every module's references to other modules.
fn graph() -> Graph {
    let known = modules();
    let mut edges = BTreeMap::new();
    for (module, code) in &known {
        // A file that is a folder's `mod.rs` reads `super::` from the folder; a file, from its
        // own folder.
        let here: Vec<String> = module.clone();
        let mut refs: Vec<Vec<String>> =
            named_paths(code, &here).iter().filter_map(|p| module_of(p, &known)).cloned().collect();
        refs.sort();
        refs.dedup();
        edges.insert(module.clone(), refs);
    }
    (known, edges)
}

/// The circles among the children of each folder: child A reaches child B when code anywhere
/// under A names something under B.
fn circles() -> Vec<String> {
    let (known, edges) = graph();
    let mut found = Vec::new();
    for folder in known.keys() {
        let children: Vec<&Vec<String>> =
            known.keys().filter(|k| k.len() == folder.len() + 1 && k.starts_with(folder)).collect();
        if children.len() < 2 {
            continue;
        }
        let child_of = |m: &Vec<String>| children.iter().position(|c| m.len() > folder.len() && m.starts_with(c));
        let mut reach: Vec<Vec<usize>> = vec![Vec::new(); children.len()];
        for (m, refs) in &edges {
            let Some(a) = child_of(m) else { continue };
            for r in refs {
                if let Some(b) = child_of(r).filter(|b| *b != a) {
                    if !reach[a].contains(&b) {
                        reach[a].push(b);
                    }
                }
            }
        }
        // Depth-first search, with the path kept for the message.
        fn visit(n: usize, reach: &[Vec<usize>], path: &mut Vec<usize>, done: &mut Vec<bool>) -> Option<Vec<usize>> {
            if done[n] {
                return None;
            }
            if let Some(at) = path.iter().position(|p| *p == n) {
                let mut c = path[at..].to_vec();
                c.push(n);
                return Some(c);
            }
            path.push(n);
            for &d in &reach[n] {
                if let Some(c) = visit(d, reach, path, done) {
                    return Some(c);
                }
            }
            path.pop();
            done[n] = true;
            None
        }
        let mut done = vec![false; children.len()];
        for n in 0..children.len() {
            if let Some(c) = visit(n, &reach, &mut Vec::new(), &mut done) {
                let names: Vec<String> = c.iter().map(|i| children[*i].join("::")).collect();
                found.push(names.join(" → "));
                break;
            }
        }
    }
    found
}

// Rule (issue 23): no module circles anywhere in src/.
#[test]
fn no_module_reaches_a_sibling_that_reaches_it_back() {
    let found = circles();
    assert!(found.is_empty(), "module circles:\n{}", found.join("\n"));
}

// The checker itself: it reads grouped and relative paths, and finds a circle it is shown.
#[test]
fn the_checker_reads_paths_and_finds_circles() {
    let here: Vec<String> = ["components", "board", "task_card"].iter().map(|s| s.to_string()).collect();
    let got =
        named_paths("use super::board_page::{filtered_out, X};\nuse crate::model::{ops::{Coll, Op}, Task};", &here);
    let shown: Vec<String> = got.iter().map(|p| p.join("::")).collect();
    assert_eq!(
        shown,
        [
            "components::board::board_page::filtered_out",
            "components::board::board_page::X",
            "model::ops::Coll",
            "model::ops::Op",
            "model::Task"
        ]
    );
    let (known, edges) = graph();
    assert!(known.contains_key(&vec!["model".to_string(), "workspace".to_string()]), "the aggregate root");
    // Every model file reaches the model's declaration or sits below it.
    assert!(edges.values().flatten().any(|m| m.join("::") == "model::decl"));
}

// The entities sit below the root: none of them may know the workspace.
#[test]
fn entity_files_do_not_import_the_workspace() {
    let (_, edges) = graph();
    for leaf in ["ids", "dates", "json", "share", "csv", "keys", "decl", "team", "raci", "training", "kpi", "board"] {
        let refs = &edges[&vec!["model".to_string(), leaf.to_string()]];
        assert!(!refs.iter().any(|r| r.join("::") == "model::workspace"), "{leaf} imports the workspace: {refs:?}");
    }
}
