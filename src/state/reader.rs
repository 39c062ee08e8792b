//! Reading whole workspaces the long way: migrations from older versions, repairs of damaged
//! data, files and links (`model::import::read`). Its code is a split point of its own, fetched
//! the first time it is needed: the app's start reads what this version stored directly
//! (`import::read_own`), so a visit whose data needs no repair never loads it.

use super::AppState;
use crate::model::import::{self, ImportError, Imported};
use crate::model::IdGen;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

#[wasm_split(reader, wasm_split_path = ::leptos::wasm_split, fallible, preload(load_reader))]
fn read_full(text: String, seed: u64) -> Result<Result<Imported, ImportError>, SplitLoaderError> {
    Ok(crate::browser::measure("rolecall:import", || import::read(&text, &mut IdGen::new(seed))))
}

impl AppState {
    /// Reads text the app stored (here or in another tab): directly when this version wrote it,
    /// else through the reader, at once if its code is here. None when it needs the reader and
    /// its code is being fetched: `again` runs once it has arrived (and reads then), or
    /// `failed` if it cannot be fetched.
    pub(super) fn read_stored(
        &self,
        text: &str,
        again: impl FnOnce() + 'static,
        failed: impl FnOnce() + 'static,
    ) -> Option<Result<Imported, ImportError>> {
        if let Some(ws) = import::read_own(text) {
            return Some(Ok(Imported::own(ws)));
        }
        match self.read_now(text) {
            Some(got) => Some(got),
            None => {
                leptos::task::spawn_local(async move {
                    match load_reader().await {
                        Ok(()) => again(),
                        Err(_) => failed(),
                    }
                });
                None
            }
        }
    }

    /// Reads text through the reader if its code is here.
    fn read_now(&self, text: &str) -> Option<Result<Imported, ImportError>> {
        let seed = self.with_ids(|ids| ids.next_u64());
        crate::browser::ready_now(read_full(text.to_owned(), seed)).and_then(Result::ok)
    }

    /// Reads a file or a link's text through the reader (fetched first if need be); `None` when
    /// its code could not be fetched.
    pub(super) async fn read_any(&self, text: String) -> Option<Result<Imported, ImportError>> {
        let seed = self.with_ids(|ids| ids.next_u64());
        read_full(text, seed).await.ok()
    }
}
