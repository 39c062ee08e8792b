//! One collection seen through JSON values, so that diffing, applying, checking and repairing
//! are written once (and the wasm holds one copy of them, not one per entity type).

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

/// An entity of a collection: serialisable, with a stable key.
pub trait Row: Serialize + DeserializeOwned + Clone + PartialEq + Default {
    fn key(&self) -> String;
    fn key_is(&self, key: &str) -> bool {
        self.key() == key
    }
}

/// A collection of rows, typed underneath.
pub trait Rows {
    fn count(&self) -> usize;
    fn key_at(&self, i: usize) -> String;
    fn key_is(&self, i: usize, key: &str) -> bool;
    fn value_at(&self, i: usize) -> Value;
    /// Row `i` as JSON text (cheaper than a value, for a search).
    fn text_at(&self, i: usize) -> String;
    /// Replaces row `i` (or with `insert`, adds one there); false if `v` does not read as a row.
    fn put(&mut self, i: usize, v: Value, insert: bool) -> bool;
    /// Adds a row at the end, read from `v`; false (and nothing added) if it does not read.
    fn push_read(&mut self, v: &Value) -> bool;
    fn remove_at(&mut self, i: usize);
    fn shift(&mut self, from: usize, to: usize);
    fn clear(&mut self);
    fn as_any(&self) -> &dyn std::any::Any;
    /// Whether row `i` equals row `j` of `other` (a collection of the same type), compared as
    /// typed data: no serialising.
    fn row_eq(&self, i: usize, other: &dyn Rows, j: usize) -> bool;
    /// Whether `v` reads as a row (fields it lacks taking their defaults).
    fn reads(&self, v: &Value) -> bool;
    /// A row's fields with their default values.
    fn defaults(&self) -> Map<String, Value>;
}

impl<T: Row + 'static> Rows for Vec<T> {
    fn count(&self) -> usize {
        self.len()
    }
    fn key_at(&self, i: usize) -> String {
        self[i].key()
    }
    fn key_is(&self, i: usize, key: &str) -> bool {
        self[i].key_is(key)
    }
    fn value_at(&self, i: usize) -> Value {
        super::json::value_of(&self[i])
    }
    fn text_at(&self, i: usize) -> String {
        serde_json::to_string(&self[i]).unwrap_or_default()
    }
    fn put(&mut self, i: usize, v: Value, insert: bool) -> bool {
        let Ok(row) = T::deserialize(&v) else { return false };
        if insert {
            self.insert(i.min(self.len()), row);
        } else {
            self[i] = row;
        }
        true
    }
    fn push_read(&mut self, v: &Value) -> bool {
        match T::deserialize(v) {
            Ok(row) => {
                self.push(row);
                true
            }
            Err(_) => false,
        }
    }
    fn remove_at(&mut self, i: usize) {
        self.remove(i);
    }
    fn shift(&mut self, from: usize, to: usize) {
        let row = self.remove(from);
        self.insert(to.min(self.len()), row);
    }
    fn clear(&mut self) {
        Vec::clear(self);
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn row_eq(&self, i: usize, other: &dyn Rows, j: usize) -> bool {
        other.as_any().downcast_ref::<Vec<T>>().is_some_and(|o| self[i] == o[j])
    }
    fn reads(&self, v: &Value) -> bool {
        T::deserialize(v).is_ok()
    }
    fn defaults(&self) -> Map<String, Value> {
        match super::json::value_of(&T::default()) {
            Value::Object(m) => m,
            _ => Map::new(),
        }
    }
}
