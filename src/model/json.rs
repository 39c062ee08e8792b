//! Reading JSON text's structure without parsing it: pretty-printing compact text, and (in
//! `import`) measuring nesting depth before the parser sees a hostile file.
//!
//! Files people download are indented; storage is compact. Serialising twice, once through
//! serde_json's pretty formatter, instantiates every `Serialize` impl a second time in the
//! wasm. Re-indenting the compact text gives the same bytes as `to_string_pretty` for a fraction
//! of the code.

/// A value as a JSON tree, through the compact text serialiser the app holds already for saving.
/// `serde_json::to_value` would instantiate every `Serialize` impl a second time in the wasm (for
/// its value serialiser); going through the text gives the same tree (maps sorted by key, numbers
/// of the same kind, NaN as null) with one copy of that code.
pub fn value_of<T: serde::Serialize + ?Sized>(t: &T) -> serde_json::Value {
    serde_json::to_string(t).ok().and_then(|s| serde_json::from_str(&s).ok()).unwrap_or(serde_json::Value::Null)
}

/// A JSON value as compact text. `Value`'s `Display` gives the same text, but brings a second
/// (pretty) writer and `io::Error`'s texts into the wasm.
pub fn text(v: &serde_json::Value) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

/// The bytes of JSON text that are structure rather than string content, with their offsets:
/// everything outside string literals (the quotes that delimit them are left out too). Escaped
/// quotes inside strings are handled, so `"a\"{"` yields nothing.
pub fn structure(text: &str) -> impl Iterator<Item = (usize, u8)> + '_ {
    let (mut in_string, mut escaped) = (false, false);
    text.bytes().enumerate().filter(move |&(_, b)| {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            false
        } else if b == b'"' {
            in_string = true;
            false
        } else {
            true
        }
    })
}

/// `compact` (JSON as `serde_json::to_string` writes it: no whitespace outside strings)
/// indented the way `serde_json::to_string_pretty` does: two spaces, `": "` after keys, empty
/// arrays and objects kept as `[]` and `{}`.
pub fn pretty(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 3 / 2);
    let mut depth = 0usize;
    let mut start = 0; // the start of the run of text not yet copied
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    let mut bytes = structure(compact).peekable();
    while let Some((i, b)) = bytes.next() {
        match b {
            b'{' | b'[' => {
                out.push_str(&compact[start..=i]);
                start = i + 1;
                let close = if b == b'{' { b'}' } else { b']' };
                if bytes.peek() == Some(&(i + 1, close)) {
                    bytes.next();
                    out.push(close as char);
                    start = i + 2;
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            b'}' | b']' => {
                out.push_str(&compact[start..i]);
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(b as char);
                start = i + 1;
            }
            b',' => {
                out.push_str(&compact[start..=i]);
                newline(&mut out, depth);
                start = i + 1;
            }
            b':' => {
                out.push_str(&compact[start..=i]);
                out.push(' ');
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push_str(&compact[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::{json, Value};

    fn same_as_serde(v: &Value) {
        assert_eq!(pretty(&serde_json::to_string(v).unwrap()), serde_json::to_string_pretty(v).unwrap());
        assert_eq!(super::value_of(v), serde_json::to_value(v).unwrap());
    }

    // Brackets, commas, colons and quotes inside strings are text, not structure.
    #[test]
    fn structure_inside_strings_is_left_alone() {
        same_as_serde(&json!({"a{": "[1, 2]: \"x\", {y}", "b\\": ["\\\"", "\\", {}], "c": [], "d": {"e": [[], [{}]]}}));
        same_as_serde(&json!(["中文，“引号”", "emoji 🎉", 1.5, -2, null, true]));
        same_as_serde(&json!({}));
        same_as_serde(&json!("plain"));
    }

    fn any_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            ".*".prop_map(Value::from),
        ];
        leaf.prop_recursive(4, 64, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                proptest::collection::btree_map(".{0,6}", inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        // Any JSON value comes out byte for byte as serde_json's pretty printer writes it.
        #[test]
        fn any_value_matches_serde_json(v in any_json()) {
            prop_assert_eq!(pretty(&serde_json::to_string(&v).unwrap()), serde_json::to_string_pretty(&v).unwrap());
        }
    }
}
