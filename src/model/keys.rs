//! Grouping text keys (ids, names) for the checks that run over a whole workspace, by sorting,
//! never by hashing: O(n log n) whatever the input, so no file can be crafted to make them
//! slower. One sort of `(&str, usize)` pairs serves every caller, which keeps the wasm small.

/// `keys` with their positions, sorted by key, then position.
fn sorted<'a>(keys: impl IntoIterator<Item = &'a str>) -> Vec<(&'a str, usize)> {
    let mut pairs: Vec<(&str, usize)> = keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
    pairs.sort_unstable();
    pairs
}

/// For each key, the position of the first entry with the same key (its own position when it
/// is the first).
pub fn first_of(keys: &[&str]) -> Vec<usize> {
    let mut out: Vec<usize> = (0..keys.len()).collect();
    let pairs = sorted(keys.iter().copied());
    for pair in pairs.windows(2) {
        if pair[0].0 == pair[1].0 {
            out[pair[1].1] = out[pair[0].1];
        }
    }
    out
}

/// For each key, whether an earlier entry has the same key.
pub fn repeats(keys: &[&str]) -> Vec<bool> {
    first_of(keys).into_iter().enumerate().map(|(i, f)| f != i).collect()
}

/// For each item, whether another item with a different owner has the same key.
pub fn clashes(keys: &[&str], owners: &[&str]) -> Vec<bool> {
    let first = first_of(keys);
    let mut mixed = vec![false; keys.len()];
    for (i, f) in first.iter().enumerate() {
        if owners[i] != owners[*f] {
            mixed[*f] = true;
        }
    }
    first.iter().map(|f| mixed[*f]).collect()
}

/// A sorted set of text keys, for membership tests.
#[derive(Debug, Default)]
pub struct KeySet<'a>(Vec<(&'a str, usize)>);

impl<'a> KeySet<'a> {
    pub fn new(keys: impl IntoIterator<Item = &'a str>) -> Self {
        KeySet(sorted(keys))
    }

    pub fn contains(&self, key: &str) -> bool {
        self.0.binary_search_by(|(k, _)| (*k).cmp(key)).is_ok()
    }

    /// The positions of the keys, in the keys' sorted order (ties in their own order).
    pub fn positions(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().map(|(_, i)| *i)
    }

    /// The keys, sorted (a repeated key once per entry).
    pub fn sorted(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.0.iter().map(|(k, _)| *k)
    }

    /// The position, among the keys given, of the first one equal to `key`.
    pub fn position(&self, key: &str) -> Option<usize> {
        let at = self.0.partition_point(|(k, _)| *k < key);
        self.0.get(at).filter(|(k, _)| *k == key).map(|(_, i)| *i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn repeats_mark_every_entry_after_the_first_of_its_key() {
        assert_eq!(repeats(&["b", "a", "b", "c", "a", "b"]), [false, false, true, false, true, true]);
        assert_eq!(first_of(&["b", "a", "b"]), [0, 1, 0]);
        assert!(repeats(&[]).is_empty());
        let s = KeySet::new(["b", "a", "b"]);
        assert!(s.contains("a") && s.contains("b") && !s.contains("c"));
        assert_eq!((s.position("b"), s.position("a"), s.position("c")), (Some(0), Some(1), None));
    }

    proptest! {
        // The same answers as the obvious quadratic scans.
        #[test]
        fn sorting_agrees_with_scanning(raw in proptest::collection::vec((0u8..6, 0u8..4), 0..40), probe in 0u8..7) {
            let keys: Vec<String> = raw.iter().map(|(k, _)| k.to_string()).collect();
            let owners: Vec<String> = raw.iter().map(|(_, o)| o.to_string()).collect();
            let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
            let owners: Vec<&str> = owners.iter().map(String::as_str).collect();
            let want: Vec<bool> = keys.iter().enumerate().map(|(i, k)| keys[..i].contains(k)).collect();
            prop_assert_eq!(repeats(&keys), want);
            let want: Vec<bool> = (0..keys.len()).map(|i| (0..keys.len()).any(|j| keys[j] == keys[i] && owners[j] != owners[i])).collect();
            prop_assert_eq!(clashes(&keys, &owners), want);
            let probe = probe.to_string();
            prop_assert_eq!(KeySet::new(keys.iter().copied()).contains(&probe), keys.contains(&probe.as_str()));
        }
    }
}
