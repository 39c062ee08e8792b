//! The only file that touches localStorage. Keys are constants; failures are an enum.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

/// The current workspace, as a compact envelope.
pub const WORKSPACE_KEY: &str = "rolecall.workspace";
/// Stored data that could not be read, kept untouched for recovery.
pub const BACKUP_KEY: &str = "rolecall.backup";
/// The workspace as it was before the last import or reset, for "undo".
pub const BEFORE_REPLACE_KEY: &str = "rolecall.before-replace";

/// The revision of a save that replaced another tab's simultaneous change, so that the other
/// tab can say so when it takes that save.
pub const MERGE_NOTE_KEY: &str = "rolecall.merge-note";

/// Team sync's settings (server, room, token, name, on or off), as a small JSON object.
pub const SYNC_KEY: &str = "rolecall.sync";
/// Present ("1") while team sync is on: it starts with the page.
pub const SYNC_ON_KEY: &str = "rolecall.sync-on";
/// The team sync document: its room and its state as update bytes (base64), kept beside the
/// workspace so that changes made offline survive a reload and merge on reconnect.
pub const SYNC_DOC_KEY: &str = "rolecall.sync-doc";

/// The user's preferences (language), as a small JSON object.
pub const PREFS_KEY: &str = "rolecall.prefs";

/// An open form's unsaved values, per tab (sessionStorage), under this prefix and the form's
/// name: kept while the user is on another page, and through a reload.
const DRAFT_PREFIX: &str = "rolecall.draft.";

/// The unsaved values of `form` in this tab, if any.
pub fn draft(form: &str) -> Option<String> {
    gloo_storage::SessionStorage::raw().get_item(&format!("{DRAFT_PREFIX}{form}")).ok().flatten()
}

/// Keeps the unsaved values of `form` (a failure loses only the draft, never the workspace).
pub fn set_draft(form: &str, text: &str) {
    let _ = gloo_storage::SessionStorage::raw().set_item(&format!("{DRAFT_PREFIX}{form}"), text);
}

/// Forgets the unsaved values of `form` (saved, cancelled or discarded).
pub fn clear_draft(form: &str) {
    let _ = gloo_storage::SessionStorage::raw().remove_item(&format!("{DRAFT_PREFIX}{form}"));
}

/// A stored preference, if any.
pub fn pref(name: &str) -> Option<String> {
    let text = read(PREFS_KEY).ok().flatten()?;
    let value: serde_json::Value = serde_json::from_str(&text).ok()?;
    value.get(name)?.as_str().map(String::from)
}

/// Stores a preference (failures are ignored: a preference is not worth a warning).
pub fn set_pref(name: &str, value: &str) {
    let mut prefs: serde_json::Map<String, serde_json::Value> =
        read(PREFS_KEY).ok().flatten().and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default();
    prefs.insert(name.into(), value.into());
    let _ = write(PREFS_KEY, &crate::model::json::text(&serde_json::Value::Object(prefs)));
}

/// Why a write did not happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// The browser's storage quota is full.
    QuotaExceeded,
    /// localStorage is missing or refused (private mode, disabled by policy).
    Unavailable,
    /// Anything else the browser reported.
    Other(String),
}

fn raw() -> Result<web_sys::Storage, StorageError> {
    // gloo's raw() panics when storage is missing; check first so that a locked-down browser
    // gets a message instead of a crash.
    let window = web_sys::window().ok_or(StorageError::Unavailable)?;
    match window.local_storage() {
        Ok(Some(_)) => Ok(LocalStorage::raw()),
        _ => Err(StorageError::Unavailable),
    }
}

fn classify(err: wasm_bindgen::JsValue) -> StorageError {
    match err.dyn_ref::<web_sys::DomException>() {
        Some(e) if e.name() == "QuotaExceededError" || e.code() == 22 => StorageError::QuotaExceeded,
        Some(e) => StorageError::Other(format!("{}: {}", e.name(), e.message())),
        None => StorageError::Other(err.as_string().unwrap_or_else(|| "unknown error".into())),
    }
}

/// The text stored under `key`, if any.
pub fn read(key: &str) -> Result<Option<String>, StorageError> {
    raw()?.get_item(key).map_err(classify)
}

/// Stores `text` under `key`. A full quota comes back as [`StorageError::QuotaExceeded`] and the
/// previous value stays as it was.
pub fn write(key: &str, text: &str) -> Result<(), StorageError> {
    raw()?.set_item(key, text).map_err(classify)
}

/// Removes `key`.
pub fn remove(key: &str) {
    if let Ok(s) = raw() {
        let _ = s.remove_item(key);
    }
}

/// Keeps unreadable stored text under the backup key without ever overwriting an older,
/// different backup: that one moves aside under a timestamped key first.
pub fn keep_backup(text: &str, now_millis: i64) -> Result<(), StorageError> {
    match read(BACKUP_KEY)? {
        Some(old) if old == text => Ok(()),
        Some(old) => {
            write(&format!("{BACKUP_KEY}.{now_millis}"), &old)?;
            write(BACKUP_KEY, text)
        }
        None => write(BACKUP_KEY, text),
    }
}
