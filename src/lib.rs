//! Rolecall: roles, responsibilities and visible work for service teams.
//!
//! `model` and `i18n` are plain Rust and build (and are tested) natively; the rest is the
//! browser app and builds for wasm only.

pub mod i18n;
pub mod model;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod state;
#[cfg(target_arch = "wasm32")]
mod storage;
#[cfg(target_arch = "wasm32")]
mod sync;
