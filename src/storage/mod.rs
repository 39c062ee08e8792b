//! The only module that touches browser storage: localStorage and sessionStorage here (keys are
//! constants; failures are an enum), IndexedDB in [`idb`] for what grows with time.

pub mod idb;

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

/// The workspace's hot part (see `model::layout`): what the first screens show, as a compact
/// envelope with its layout. Its cold rows are in IndexedDB ([`cold_rows`]).
pub const HOT_KEY: &str = "rolecall.hot";
/// The whole workspace as versions before the hot part stored it (one text, rewritten on every
/// save). Read once and moved; it then holds a mark that keeps tabs of those versions off it.
pub const WORKSPACE_KEY: &str = "rolecall.workspace";
/// The name, in IndexedDB's kept store, of the older layout's copy while it moves.
pub const MOVED_FROM: &str = "moved-from";
/// The name, in IndexedDB's kept store, of the workspace before the last import or reset.
pub const BEFORE_REPLACE: &str = "before-replace";
/// Stored data that could not be read, kept untouched for recovery.
pub const BACKUP_KEY: &str = "rolecall.backup";
/// The workspace as it was before the last import or reset, for "undo", as versions before
/// IndexedDB kept it ([`BEFORE_REPLACE`]) and as a browser without IndexedDB still does.
pub const BEFORE_REPLACE_KEY: &str = "rolecall.before-replace";

/// The revision of a save that replaced another tab's simultaneous change, so that the other
/// tab can say so when it takes that save.
pub const MERGE_NOTE_KEY: &str = "rolecall.merge-note";

/// Team sync's settings (server, room, token, name, on or off), as a small JSON object.
pub const SYNC_KEY: &str = "rolecall.sync";
/// Present ("1") while team sync is on: it starts with the page.
pub const SYNC_ON_KEY: &str = "rolecall.sync-on";
/// The team sync document as versions before IndexedDB kept it (and as a browser without
/// IndexedDB still does): its room and its state as update bytes (base64). Read once and moved
/// to IndexedDB, then removed once IndexedDB has it.
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

/// The first `chars` characters stored under `key`: only they cross into wasm (the hot part is
/// large, and a save reads its revision from its head).
pub fn read_head(key: &str, chars: u32) -> Result<Option<String>, StorageError> {
    use wasm_bindgen::JsCast;
    let storage = raw()?;
    let get = js_sys::Reflect::get(&storage, &"getItem".into()).map_err(classify)?;
    let get: js_sys::Function = get.dyn_into().map_err(classify)?;
    let value = get.call1(&storage, &key.into()).map_err(classify)?;
    Ok(value.dyn_ref::<js_sys::JsString>().map(|s| String::from(s.slice(0, chars))))
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

/// The team sync document as this browser keeps it: its description (JSON text) and its
/// updates (Yjs v1 bytes), oldest first. `None`: IndexedDB holds none (see [`SYNC_DOC_KEY`]).
pub struct SyncDoc {
    pub meta: String,
    pub updates: Vec<Vec<u8>>,
}

/// Reads the stored team sync document from IndexedDB.
pub async fn read_sync_doc() -> Result<Option<SyncDoc>, StorageError> {
    let records = idb::all(idb::SYNC).await?;
    if sync_doc_forgotten().is_some() {
        // Replaced by the next store, which writes the document whole.
        return Ok(None);
    }
    let mut meta = None;
    let mut updates = Vec::new();
    for record in records {
        match record.as_string() {
            Some(text) => meta = Some(text),
            None => updates.push(js_sys::Uint8Array::new(&record).to_vec()),
        }
    }
    Ok(meta.map(|meta| SyncDoc { meta, updates }))
}

/// Stores what changed in the team sync document: `updates` appended, or (`whole`) the whole
/// document as one update in place of all before; and its description. One transaction: all of
/// it or none.
pub async fn store_sync_doc(meta: &str, updates: &[Vec<u8>], whole: Option<&[u8]>) -> Result<(), StorageError> {
    let bytes = |b: &[u8]| wasm_bindgen::JsValue::from(js_sys::Uint8Array::from(b));
    let mut changes = Vec::new();
    if let Some(whole) = whole {
        changes.push(idb::Write::Clear);
        changes.push(idb::Write::Append(bytes(whole)));
    }
    changes.extend(updates.iter().map(|u| idb::Write::Append(bytes(u))));
    changes.push(idb::Write::Put(idb::SYNC_META.into(), meta.into()));
    idb::write(idb::SYNC, changes).await?;
    // The copy of the older layout, if any, is not needed once IndexedDB holds the document.
    remove(SYNC_DOC_KEY);
    Ok(())
}

/// The mark of a stored team sync document that was forgotten ([`forget_sync_doc`]) and not
/// replaced since.
pub fn sync_doc_forgotten() -> Option<String> {
    read(SYNC_DOC_FORGOTTEN_KEY).ok().flatten()
}

/// The document forgotten under `mark` is replaced: called once a sync that read that mark has
/// stored its document whole. A later forget (another mark) stands.
pub fn sync_doc_replaced(mark: &str) {
    if sync_doc_forgotten().as_deref() == Some(mark) {
        remove(SYNC_DOC_FORGOTTEN_KEY);
    }
}

/// Present (the time it was set, as a mark) when the stored team sync document no longer
/// describes the workspace: the next start of sync reads none and stores the document whole
/// (clearing IndexedDB's). A mark rather than a clear here, so that IndexedDB's code stays in
/// sync's page group.
const SYNC_DOC_FORGOTTEN_KEY: &str = "rolecall.sync-doc-forgotten";

/// Forgets the stored team sync document (a whole other workspace replaced this one outside
/// any room).
pub fn forget_sync_doc() {
    remove(SYNC_DOC_KEY);
    let _ = write(SYNC_DOC_FORGOTTEN_KEY, &js_sys::Date::now().to_string());
}

/// About how many characters localStorage holds per site in Chromium (and Firefox): the
/// workspace, which lives there, must stay well below it.
pub const LOCAL_LIMIT_CHARS: usize = 5_000_000;

/// How many characters this site keeps in localStorage (the workspace, its backups and
/// everything else: they share one quota), counted as the browser does, in UTF-16 units.
pub fn local_chars() -> usize {
    let Ok(s) = raw() else { return 0 };
    let n = s.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .map(|k| k.encode_utf16().count() + s.get_item(&k).ok().flatten().map_or(0, |v| v.encode_utf16().count()))
        .sum()
}

/// What this site stores and what the browser allows it (`navigator.storage.estimate()`), in
/// bytes, and whether the browser keeps it until the user clears it (`persisted()`). None where
/// the browser does not say.
#[derive(Clone)]
pub struct Usage {
    pub used: f64,
    pub quota: f64,
    pub persisted: bool,
}

fn manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Missing on insecure origins and in old browsers.
    js_sys::Reflect::get(&navigator, &"storage".into()).ok().filter(|v| !v.is_undefined())?;
    Some(navigator.storage())
}

async fn settle(promise: Result<js_sys::Promise, wasm_bindgen::JsValue>) -> Option<wasm_bindgen::JsValue> {
    wasm_bindgen_futures::JsFuture::from(promise.ok()?).await.ok()
}

/// The site's storage use, as the browser estimates it.
pub async fn usage() -> Option<Usage> {
    let manager = manager()?;
    let estimate = settle(manager.estimate()).await?;
    let number = |name: &str| js_sys::Reflect::get(&estimate, &name.into()).ok().and_then(|v| v.as_f64());
    let persisted = settle(manager.persisted()).await.and_then(|v| v.as_bool()).unwrap_or(false);
    Some(Usage { used: number("usage")?, quota: number("quota")?, persisted })
}

/// Asks the browser to keep this site's data until the user clears it, rather than clear it
/// when space runs short (`navigator.storage.persist()`; Chromium decides without asking).
pub fn ask_to_keep() {
    thread_local! {
        static ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if ASKED.with(|a| a.replace(true)) {
        return;
    }
    let Some(manager) = manager() else { return };
    wasm_bindgen_futures::spawn_local(async move {
        if settle(manager.persisted()).await.and_then(|v| v.as_bool()) != Some(true) {
            let _ = settle(manager.persist()).await;
        }
    });
}

/// The cold rows of generation `gen` (key and record), in key order.
pub async fn cold_rows(gen: &str) -> Result<Vec<(String, String)>, StorageError> {
    idb::range(idb::ROWS, &format!("{gen}|"), &format!("{gen}}}")).await
}

/// Removes the cold rows of generation `gen` (the one a whole write replaced), and with `moved`,
/// the older layout's copy (the move is confirmed).
pub async fn drop_generation(gen: Option<&str>, moved: bool) -> Result<(), StorageError> {
    if let Some(gen) = gen {
        idb::write(idb::ROWS, vec![idb::Write::DeleteRange(format!("{gen}|"), format!("{gen}}}"))]).await?;
    }
    if moved {
        idb::write(idb::KEPT, vec![idb::Write::Delete(MOVED_FROM.into())]).await?;
    }
    Ok(())
}

/// Keeps a whole workspace's text under `name` (IndexedDB, or localStorage where there is no
/// database).
pub async fn keep_whole(name: &str, text: String) -> Result<(), StorageError> {
    match idb::write(idb::KEPT, vec![idb::Write::Put(name.into(), text.as_str().into())]).await {
        Err(StorageError::Unavailable) if name == BEFORE_REPLACE => write(BEFORE_REPLACE_KEY, &text),
        Ok(()) if name == BEFORE_REPLACE => {
            // An older version's copy is older than this one: gone.
            remove(BEFORE_REPLACE_KEY);
            Ok(())
        }
        other => other,
    }
}

/// The text kept under `name`, if any.
pub async fn kept_whole(name: &str) -> Option<String> {
    if let Ok(Some(text)) = idb::get(idb::KEPT, name).await {
        return Some(text);
    }
    // Kept by an older version, or where there is no database.
    read(BEFORE_REPLACE_KEY).ok().flatten().filter(|_| name == BEFORE_REPLACE)
}

/// Forgets the text kept under `name`.
pub fn forget_whole(name: &str) {
    if name == BEFORE_REPLACE {
        remove(BEFORE_REPLACE_KEY);
    }
    let name = name.to_owned();
    wasm_bindgen_futures::spawn_local(async move {
        let _ = idb::write(idb::KEPT, vec![idb::Write::Delete(name)]).await;
    });
}
