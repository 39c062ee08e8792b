use crate::components::t;
use crate::i18n::{fill, repair};
use crate::model::import::Repairs;
use leptos::prelude::*;

/// The most repairs listed on screen. A hostile file can need tens of thousands; the count says
/// how many there were, and the first ones show what kind.
pub const SHOWN: usize = 100;

/// The repairs made while reading a file or the stored data, as a list (the first [`SHOWN`]).
#[component]
pub fn RepairList(repairs: Repairs) -> impl IntoView {
    let t = t();
    let more = repairs.count.saturating_sub(SHOWN.min(repairs.len()));
    view! {
        <ul class="rc-repairs" data-testid="import-repairs">
            {repairs.iter().take(SHOWN).map(|r| view! { <li>{repair(t, r)}</li> }).collect_view()}
            {(more > 0).then(|| view! { <li class="rc-muted">{fill(t.repairs_more, &[("count", &more)])}</li> })}
        </ul>
    }
}
