//! One signal per key (a member, a duty), made when a view first asks for it and set only when
//! its value changes: a view that follows one key is woken by that key alone, not by every
//! change to the list the values come from.

use leptos::prelude::*;
use std::collections::BTreeMap;

/// The signals, by key (an ordered map: no crafted id can make a look-up slow).
pub struct KeyedSignals<T: Send + Sync + 'static>(StoredValue<BTreeMap<String, ArcRwSignal<T>>>);

impl<T: Send + Sync + 'static> Clone for KeyedSignals<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for KeyedSignals<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> KeyedSignals<T> {
    pub fn new() -> Self {
        KeyedSignals(StoredValue::new(BTreeMap::new()))
    }

    /// The signal for `key`, made with `first()` when it is new.
    pub fn get(&self, key: &str, first: impl FnOnce() -> T) -> Option<ArcRwSignal<T>> {
        self.0.try_update_value(|map| map.entry(key.to_owned()).or_insert_with(|| ArcRwSignal::new(first())).clone())
    }

    /// Gives every signal made so far its value now, setting only those that differ.
    pub fn sync(&self, value_of: impl Fn(&str) -> T) {
        self.0.with_value(|map| {
            for (key, signal) in map {
                let now = value_of(key);
                if signal.with_untracked(|v| v != &now) {
                    signal.set(now);
                }
            }
        });
    }
}
