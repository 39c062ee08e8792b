//! The model reads top-down: no model file imports a file that imports it back, directly or
//! through others. Read from the source, so that a new circle fails here, not in review.

use std::collections::BTreeMap;

/// The model modules each model file refers to (`super::x` or `crate::model::x`).
fn imports() -> BTreeMap<String, Vec<String>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/model");
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        if name == "mod" {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        // Tests inside a file may reach anywhere; only the file's own code counts.
        let code = text.split("#[cfg(test)]").next().unwrap();
        let mut deps: Vec<String> = Vec::new();
        for prefix in ["super::", "crate::model::"] {
            for (i, _) in code.match_indices(prefix) {
                let rest = &code[i + prefix.len()..];
                let dep: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                if !dep.is_empty() && dep != name && rest[dep.len()..].starts_with("::") {
                    deps.push(dep);
                }
            }
        }
        deps.sort();
        deps.dedup();
        out.insert(name, deps);
    }
    out
}

// Rule: no module circles in src/model (the aggregate root is `workspace`).
#[test]
fn the_model_has_no_module_circles() {
    let graph = imports();
    assert!(graph.contains_key("workspace"), "the aggregate root lives in model/workspace.rs");
    // Depth-first search, with the path kept for the message.
    fn visit(n: &str, g: &BTreeMap<String, Vec<String>>, path: &mut Vec<String>, done: &mut Vec<String>) {
        if done.iter().any(|d| d == n) {
            return;
        }
        if let Some(at) = path.iter().position(|p| p == n) {
            panic!("module circle: {} → {n}", path[at..].join(" → "));
        }
        path.push(n.to_owned());
        for d in g.get(n).into_iter().flatten() {
            visit(d, g, path, done);
        }
        path.pop();
        done.push(n.to_owned());
    }
    let mut done = Vec::new();
    for n in graph.keys() {
        visit(n, &graph, &mut Vec::new(), &mut done);
    }
}

// The entities sit below the root: none of them may know the workspace.
#[test]
fn entity_files_do_not_import_the_workspace() {
    let graph = imports();
    for leaf in ["ids", "dates", "json", "share", "csv", "keys", "team", "raci", "training", "kpi", "board"] {
        let deps = &graph[leaf];
        assert!(!deps.iter().any(|d| d == "workspace"), "{leaf} imports the workspace: {deps:?}");
    }
}
