//! IndexedDB, for what grows with time (the workspace's cold rows, the team sync document's
//! updates, copies kept for undo and for the move from the older layout): opened once, read and
//! written in whole transactions, every failure an [`StorageError`]. Written on `web_sys`
//! directly: the few calls the app makes need no crate (an IndexedDB crate would add its own
//! futures and error types for the same four requests).

use super::{classify, StorageError};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

/// The app's database, and its version (a new store is a new version).
const NAME: &str = "rolecall";
const VERSION: u32 = 2;

/// The team sync document: its updates (Yjs v1 bytes), appended as they come under increasing
/// numbers and now and then compacted into one (as y-indexeddb keeps a Yjs document), and,
/// under the key [`SYNC_META`], its room and state as JSON text: one store, so that a write of
/// both is one transaction.
pub const SYNC: &str = "sync";
/// The key of the sync document's description in [`SYNC`].
pub const SYNC_META: &str = "meta";
/// The workspace's cold rows (see `model::layout`), one record (JSON text) per row, under keys
/// that begin with their generation (version 2).
pub const ROWS: &str = "rows";
/// Whole workspaces kept aside (the one before an import, for undo; the older layout's copy
/// until its move is confirmed), as text under their names (version 2).
pub const KEPT: &str = "kept";
const STORES: [&str; 3] = [SYNC, ROWS, KEPT];

thread_local! {
    static OPEN: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
}

/// One change inside a write.
pub enum Write {
    /// Stores `value` under the next number (a store of appended records).
    Append(JsValue),
    /// Stores `value` under `key`.
    Put(String, JsValue),
    /// Removes every record of the store.
    Clear,
    /// Removes the record under `key`.
    Delete(String),
    /// Removes the records whose keys are from the first text up to (not including) the second.
    DeleteRange(String, String),
}

/// The outcome of a request or transaction, once it has settled.
async fn settled(target: &web_sys::EventTarget, ok: &str, failed: &[&str]) -> Result<(), JsValue> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let _ = target.add_event_listener_with_callback(ok, &resolve);
        for name in failed {
            let _ = target.add_event_listener_with_callback(name, &reject);
        }
    });
    JsFuture::from(promise).await.map(|_| ())
}

/// Why a request or transaction failed: its own error when it has one.
fn failure(error: Option<web_sys::DomException>, fallback: JsValue) -> StorageError {
    match error {
        Some(e) => classify(e.into()),
        None => classify(fallback),
    }
}

/// The database, opened (and its stores made) on first use.
async fn db() -> Result<IdbDatabase, StorageError> {
    if let Some(db) = OPEN.with(|o| o.borrow().clone()) {
        return Ok(db);
    }
    let factory = web_sys::window().and_then(|w| w.indexed_db().ok().flatten()).ok_or(StorageError::Unavailable)?;
    let request = factory.open_with_u32(NAME, VERSION).map_err(|_| StorageError::Unavailable)?;
    let upgrade_request = request.clone();
    let upgrade = Closure::<dyn FnMut()>::new(move || {
        let Ok(db) = upgrade_request.result().and_then(|r| r.dyn_into::<IdbDatabase>()) else {
            return;
        };
        let names = db.object_store_names();
        for store in STORES {
            if !names.contains(store) {
                let params = web_sys::IdbObjectStoreParameters::new();
                params.set_auto_increment(store == SYNC);
                let _ = db.create_object_store_with_optional_parameters(store, &params);
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let outcome = settled(&request, "success", &["error", "blocked"]).await;
    request.set_onupgradeneeded(None);
    drop(upgrade);
    if let Err(e) = outcome {
        // A private window that allows no database, or one a newer version of the app holds.
        return Err(match request.error() {
            Ok(Some(e)) => classify(e.into()),
            _ if e.is_instance_of::<web_sys::Event>() => StorageError::Unavailable,
            _ => classify(e),
        });
    }
    let db: IdbDatabase = request.result().map_err(classify)?.dyn_into().map_err(|_| StorageError::Unavailable)?;
    // Another tab of a newer version asks for the database: let it have it.
    let closing = db.clone();
    let on_change = Closure::<dyn FnMut()>::new(move || {
        closing.close();
        OPEN.with(|o| o.borrow_mut().take());
    });
    db.set_onversionchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    OPEN.with(|o| *o.borrow_mut() = Some(db.clone()));
    Ok(db)
}

fn transaction(
    db: &IdbDatabase,
    store: &str,
    mode: IdbTransactionMode,
) -> Result<(IdbTransaction, IdbObjectStore), StorageError> {
    let tx = db.transaction_with_str_and_mode(store, mode).map_err(classify)?;
    let os = tx.object_store(store).map_err(classify)?;
    Ok((tx, os))
}

async fn result(request: IdbRequest) -> Result<JsValue, StorageError> {
    // A request read after another may have settled already: its event is gone.
    if request.ready_state() == web_sys::IdbRequestReadyState::Done {
        return match request.error() {
            Ok(Some(e)) => Err(classify(e.into())),
            _ => request.result().map_err(classify),
        };
    }
    match settled(&request, "success", &["error"]).await {
        Ok(()) => request.result().map_err(classify),
        Err(e) => Err(failure(request.error().ok().flatten(), e)),
    }
}

/// Every record of `store`, in key order (numbers before texts).
pub async fn all(store: &str) -> Result<Vec<JsValue>, StorageError> {
    let db = db().await?;
    let (_tx, os) = transaction(&db, store, IdbTransactionMode::Readonly)?;
    let got = result(os.get_all().map_err(classify)?).await?;
    Ok(got.dyn_into::<js_sys::Array>().map(|a| a.to_vec()).unwrap_or_default())
}

/// Writes `changes` to `store` in one transaction: all of them, or (on any failure, a full
/// quota say) none. Returns once the browser has committed them.
pub async fn write(store: &str, changes: Vec<Write>) -> Result<(), StorageError> {
    let db = db().await?;
    let (tx, os) = transaction(&db, store, IdbTransactionMode::Readwrite)?;
    for change in changes {
        let request = match change {
            Write::Append(value) => os.add(&value),
            Write::Put(key, value) => os.put_with_key(&value, &JsValue::from_str(&key)),
            Write::Clear => os.clear(),
            Write::Delete(key) => os.delete(&JsValue::from_str(&key)),
            Write::DeleteRange(from, to) => match web_sys::IdbKeyRange::bound_with_lower_open_and_upper_open(
                &JsValue::from_str(&from),
                &JsValue::from_str(&to),
                false,
                true,
            ) {
                Ok(range) => os.delete(&range),
                Err(e) => Err(e),
            },
        };
        if let Err(e) = request {
            let _ = tx.abort();
            return Err(classify(e));
        }
    }
    // Committed now rather than when the page next idles: a save made as the page hides is
    // in the browser's hands before the page goes.
    #[allow(deprecated)] // web-sys marks it so only for its missing Result in old typings
    let _ = tx.commit();
    match settled(&tx, "complete", &["error", "abort"]).await {
        Ok(()) => Ok(()),
        Err(e) => Err(failure(tx.error(), e)),
    }
}

/// The records of `store` whose keys are from `from` up to (not including) `to`: key and text,
/// in key order.
pub async fn range(store: &str, from: &str, to: &str) -> Result<Vec<(String, String)>, StorageError> {
    let db = db().await?;
    let (_tx, os) = transaction(&db, store, IdbTransactionMode::Readonly)?;
    let range = web_sys::IdbKeyRange::bound_with_lower_open_and_upper_open(
        &JsValue::from_str(from),
        &JsValue::from_str(to),
        false,
        true,
    )
    .map_err(classify)?;
    // Both requests in one transaction: the same records, in the same (key) order.
    let keys = os.get_all_keys_with_key(&range).map_err(classify)?;
    let values = os.get_all_with_key(&range).map_err(classify)?;
    let (keys, values) = (result(keys).await?, result(values).await?);
    let list = |v: JsValue| v.dyn_into::<js_sys::Array>().map(|a| a.to_vec()).unwrap_or_default();
    let (keys, values) = (list(keys), list(values));
    if keys.len() != values.len() {
        return Err(StorageError::Other("the database changed while it was read".into()));
    }
    Ok(keys.into_iter().zip(values).filter_map(|(k, v)| Some((k.as_string()?, v.as_string()?))).collect())
}

/// The record of `store` under `key`, as text.
pub async fn get(store: &str, key: &str) -> Result<Option<String>, StorageError> {
    let db = db().await?;
    let (_tx, os) = transaction(&db, store, IdbTransactionMode::Readonly)?;
    let got = result(os.get(&JsValue::from_str(key)).map_err(classify)?).await?;
    Ok(got.as_string())
}
