//! IndexedDB, for what grows with time (the team sync document's updates): opened once, read and
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
const VERSION: u32 = 1;

/// The team sync document: its updates (Yjs v1 bytes), appended as they come under increasing
/// numbers and now and then compacted into one (as y-indexeddb keeps a Yjs document), and,
/// under the key [`SYNC_META`], its room and state as JSON text: one store, so that a write of
/// both is one transaction.
pub const SYNC: &str = "sync";
/// The key of the sync document's description in [`SYNC`].
pub const SYNC_META: &str = "meta";
const STORES: [&str; 1] = [SYNC];

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
        };
        if let Err(e) = request {
            let _ = tx.abort();
            return Err(classify(e));
        }
    }
    match settled(&tx, "complete", &["error", "abort"]).await {
        Ok(()) => Ok(()),
        Err(e) => Err(failure(tx.error(), e)),
    }
}
