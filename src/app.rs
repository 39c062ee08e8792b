//! The shell: header, navigation, banners and the current page.

use crate::components::board::BoardPage;
use crate::components::insights::InsightsPage;
use crate::components::ops::OpsPage;
use crate::components::raci::{ChartPage, HandbookPage};
use crate::components::shared::banners::Banners;
use crate::components::shared::drop_zone::DropZone;
use crate::components::shared::import_preview::ImportPreviewSlot;
use crate::components::shared::recovery::Recovery;
use crate::components::shared::save_indicator::SaveIndicator;
use crate::components::shared::undo_buttons::UndoButtons;
use crate::components::shared::welcome::Welcome;
use crate::components::shared::HeaderMenu;
use crate::components::{roles::RolesPage, skills::SkillsPage, t, team::TeamPage, workspace::WorkspacePage};
use crate::i18n::{fill, Lang};
use crate::state::{AppState, Mode, Page};
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use std::sync::atomic::{AtomicBool, Ordering};

/// The whole app. It is rendered again, as a whole, when the language changes.
#[component]
pub fn App() -> impl IntoView {
    // The state starts team sync through the engine in its own page group (`crate::sync`), which
    // uses the state: handed over here, so that neither reaches up into the other.
    crate::state::install_engine(|state| Box::pin(async move { crate::sync::start(state).await.map_err(|_| ()) }));
    let state = AppState::provide();
    move || {
        let lang = state.lang.get();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.tag());
        }
        view! { <Shell/> }
    }
}

#[component]
fn LanguageSwitch() -> impl IntoView {
    let state = AppState::expect();
    view! {
        <select class="rc-select rc-select--auto rc-lang" aria-label=t().language
            on:change=move |ev| state.set_lang(Lang::from_tag(&event_target_value(&ev)))>
            {Lang::ALL.into_iter().map(|l| view! {
                <option value=l.tag() selected=state.lang.get_untracked() == l>{l.name()}</option>
            }).collect_view()}
        </select>
    }
}

/// Applies a theme ("system", "light" or "dark") to the page.
fn apply_theme(theme: &str) {
    if let Some(html) = document().document_element() {
        let _ = match theme {
            "light" | "dark" => html.set_attribute("data-theme", theme),
            _ => html.remove_attribute("data-theme"),
        };
    }
}

#[component]
fn ThemeSwitch() -> impl IntoView {
    let t = t();
    let current = crate::storage::pref("theme").unwrap_or_else(|| "system".into());
    apply_theme(&current);
    view! {
        <select class="rc-select rc-select--auto rc-lang" aria-label=t.theme
            on:change=move |ev| {
                let v = event_target_value(&ev);
                crate::storage::set_pref("theme", &v);
                apply_theme(&v);
            }>
            {["system", "light", "dark"].into_iter().zip(t.themes).map(|(v, label)| view! {
                <option value=v selected=current == v>{label}</option>
            }).collect_view()}
        </select>
    }
}

/// The keyboard shortcuts, shown with `?`; Alt+1…8 switch pages.
#[component]
fn Shortcuts() -> impl IntoView {
    let t = t();
    let open = RwSignal::new(false);
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        use wasm_bindgen::JsCast;
        let in_field = ev
            .target()
            .and_then(|x| x.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if ev.alt_key() && !ev.ctrl_key() && !ev.meta_key() {
            if let Some(page) = ev
                .code()
                .strip_prefix("Digit")
                .and_then(|d| d.parse::<usize>().ok())
                .and_then(|d| Page::ALL.get(d.wrapping_sub(1)))
            {
                ev.prevent_default();
                let old = crate::browser::current_heading();
                crate::state::navigate(*page);
                // Up to 5 s for a page group to arrive.
                crate::browser::focus_new_heading(old, 300);
            }
        } else if ev.key() == "?" && !in_field {
            ev.prevent_default();
            open.update(|o| *o = !*o);
        } else if ev.key() == "Escape" {
            open.set(false);
        }
    });
    // The shell is rendered again when the language changes: remove the old listener.
    on_cleanup(move || handle.remove());
    let close_ref = NodeRef::<leptos::html::Button>::new();
    crate::components::shared::focus_on_mount(close_ref);
    view! {
        <Show when=move || open.get()>
            <div class="rc-overlay" on:click=move |_| open.set(false)>
                <section class="rc-dialog" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title"
                    on:click=|ev| ev.stop_propagation()>
                    <h2 id="shortcuts-title">{t.shortcuts_title}</h2>
                    <ul class="rc-list">{t.shortcuts.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ul>
                    <div class="rc-actions">
                        <button type="button" class="rc-button rc-button--primary" node_ref=close_ref on:click=move |_| open.set(false)>{t.close}</button>
                    </div>
                </section>
            </div>
        </Show>
    }
}

#[component]
fn Shell() -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        crate::browser::focus("main");
    };
    let ready = move || state.mode.get() == Mode::Ready;
    // The first screen is on, the history still being read.
    let opening = move || ready() && !state.complete.get();
    // The menu holds the theme, the language and "I am": beside the navigation on wide screens,
    // behind ☰ where they would not fit.
    let menu = HeaderMenu::new();
    provide_context(menu);
    let menu_keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            menu.open.set(false);
        }
    });
    on_cleanup(move || menu_keys.remove());
    view! {
        <a class="rc-skip" href="#main" on:click=skip>{t.skip_to_content}</a>
        <header class="rc-header" class:rc-header--ready=ready>
            <div class="rc-header__brand">
                <span class="rc-logo" aria-hidden="true">"◎"</span>
                <span class="rc-header__name">{t.app_name}</span>
                <Show when=ready>
                    <span class="rc-header__team">{move || state.ws.watch(&[crate::model::ops::Coll::Settings], |w| w.name.clone())}</span>
                </Show>
            </div>
            <Show when=ready>
                <nav class="rc-nav" aria-label=t.nav_label>
                    {Page::ALL.into_iter().map(|p| view! { <NavLink page=p/> }).collect_view()}
                </nav>
                <MyWork/>
                <UndoButtons/>
                <SaveIndicator/>
            </Show>
            <button type="button" class="rc-button rc-button--small rc-header__menu" aria-controls="rc-prefs"
                aria-expanded=move || menu.open.get().to_string() on:click=move |_| menu.open.update(|o| *o = !*o)>
                <span aria-hidden="true">"☰ "</span><span class="rc-header__menu-word">{t.menu}</span>
            </button>
            <div id="rc-prefs" class="rc-prefs" class:rc-prefs--open=move || menu.open.get()>
                <Show when=ready><MeSelect/></Show>
                <ThemeSwitch/>
                <LanguageSwitch/>
            </div>
        </header>
        <Banners/>
        // While the history is read after the first screen, the page shows what is here and
        // takes no changes (nothing to click, type or drag).
        <main id="main" class="rc-main" tabindex="-1" inert=opening aria-busy=move || opening().to_string()>
            {move || match state.mode.get() {
                Mode::Welcome => view! { <Welcome/> }.into_any(),
                Mode::Recovery(e) => view! { <Recovery error=e/> }.into_any(),
                Mode::Ready => view! { <CurrentPage/> }.into_any(),
                Mode::Reading(false) => view! { <p class="rc-page-loading" role="status">{t.opening_workspace}</p> }.into_any(),
                Mode::Reading(true) => view! { <PageLoadFailed on_retry=move || state.open_stored()/> }.into_any(),
            }}
        </main>
        <ImportPreviewSlot/>
        <DropZone/>
        <Shortcuts/>
    }
}

/// "I am …": who uses this browser, for "My work". Kept per browser, not in the workspace.
#[component]
fn MeSelect() -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let menu = expect_context::<HeaderMenu>();
    let select = NodeRef::<leptos::html::Select>::new();
    Effect::new(move || {
        if menu.want_me() {
            if let Some(el) = select.get() {
                menu.focused_me();
                // After the menu that holds it is shown.
                request_animation_frame(move || {
                    let _ = el.focus();
                });
            }
        }
    });
    let members = move || {
        state.ws.watch(&[crate::model::ops::Coll::Members], |w| {
            w.members.iter().map(|m| (m.id.clone(), m.name.clone())).collect::<Vec<_>>()
        })
    };
    view! {
        <label class="rc-prefs__me">
            <span>{t.me_label}</span>
            <select id="rc-me" node_ref=select class="rc-select rc-select--auto" on:change=move |ev| {
                let v = event_target_value(&ev);
                state.set_me((!v.is_empty()).then_some(crate::model::MemberId(v)));
            }>
                <option value="" selected=move || state.me_in_team().is_none()>{t.me_none}</option>
                {move || members().into_iter().map(|(id, name)| {
                    let mine = id.clone();
                    view! { <option value=id.to_string() selected=move || state.me.get().as_ref() == Some(&mine)>{name}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}

/// "Mine: 3 open, 1 late" in the header once "I am" is chosen; a link to the board showing my
/// tasks.
#[component]
fn MyWork() -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let offset = crate::browser::local_offset();
    let work = move || {
        let me = state.me_in_team()?;
        let now = state.now.get();
        Some(state.ws.watch(&[crate::model::ops::Coll::Tasks, crate::model::ops::Coll::Columns], |w| {
            (me.clone(), crate::model::board::my_work(&w.board, &me, now, offset))
        }))
    };
    move || {
        work().map(|(me, work)| {
            let show = move |_| {
                state.board_filter.set(crate::model::board::TaskFilter {
                    assignee: Some(crate::model::board::AssigneeFilter::Member(me.clone())),
                    ..Default::default()
                });
            };
            view! {
                <a class="rc-mywork" class:rc-mywork--late={work.late > 0} href=Page::Board.hash() title=t.my_work_title
                    data-testid="my-work" on:click=show>
                    {fill(t.my_work, &[("open", &work.open), ("late", &work.late)])}
                </a>
            }
        })
    }
}

#[component]
fn NavLink(page: Page) -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let label = match page {
        Page::Team => t.nav_team,
        Page::Roles => t.nav_roles,
        Page::Skills => t.nav_skills,
        Page::Chart => t.nav_chart,
        Page::Handbook => t.nav_handbook,
        Page::Board => t.nav_board,
        Page::Insights => t.nav_insights,
        Page::Operations => t.nav_ops,
        Page::Workspace => t.nav_workspace,
    };
    let current = move || state.page.get() == page;
    view! {
        <a
            class="rc-nav__link"
            class:rc-nav__link--current=current
            href=page.hash()
            aria-current=move || current().then_some("page")
        >
            {label}
        </a>
    }
}

/// The page in the URL fragment. Re-created whenever the whole workspace is replaced, so that
/// forms never show values from the workspace before.
///
/// The pages come in five groups, each a split point: the build (scripts/tools/wasm-bindgen)
/// cuts each group, and the code only it uses, into wasm files of their own. A group is fetched
/// the first time one of its pages is shown, and the service worker keeps them all for offline
/// use. The first screen so needs the shell, the model and one group, not the whole app.
///
/// Only the fetch is asynchronous. Once a group is in, its pages are made synchronously, in this
/// closure's owner, exactly as if they had never been split.
#[component]
fn CurrentPage() -> impl IntoView {
    let state = AppState::expect();
    // Bumped when a group's wasm has arrived.
    let arrived = RwSignal::new(0u32);
    // The page whose group could not be fetched; another page of the group tries again.
    let failed = RwSignal::new(None::<Page>);
    move || {
        state.epoch.track();
        arrived.track();
        let page = state.page.get();
        let group = Group::of(page);
        if group.is_loaded() {
            if let Some(Ok(view)) = crate::browser::ready_now(group.page(page)) {
                return view;
            }
        }
        if failed.get() == Some(page) {
            return view! { <PageLoadFailed on_retry=move || failed.set(None)/> }.into_any();
        }
        leptos::task::spawn_local(async move {
            // try_: this page may be gone (another page, another language) by the time it comes.
            match group.load().await {
                Ok(()) => {
                    LOADED[group as usize].store(true, Ordering::Relaxed);
                    arrived.try_update(|n| *n += 1);
                }
                Err(_) => {
                    failed.try_set(Some(page));
                }
            }
        });
        view! { <p class="rc-page-loading" role="status">{t().page_loading}</p> }.into_any()
    }
}

/// Which groups' wasm has arrived: for the whole session, so that a page made again (after a
/// language switch, say) never waits.
static LOADED: [AtomicBool; Group::COUNT] = [const { AtomicBool::new(false) }; Group::COUNT];

/// The split points: pages that are fetched together.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Group {
    Team,
    Chart,
    Board,
    Insights,
    Operations,
}

impl Group {
    const COUNT: usize = 5;

    fn is_loaded(self) -> bool {
        LOADED[self as usize].load(Ordering::Relaxed)
    }

    fn of(page: Page) -> Group {
        match page {
            Page::Team | Page::Roles | Page::Skills | Page::Workspace => Group::Team,
            Page::Chart | Page::Handbook => Group::Chart,
            Page::Board => Group::Board,
            Page::Insights => Group::Insights,
            Page::Operations => Group::Operations,
        }
    }

    /// Fetches the group's wasm (once; a failed fetch is tried afresh next time).
    async fn load(self) -> Result<(), SplitLoaderError> {
        match self {
            Group::Team => load_team_pages().await,
            Group::Chart => load_chart_pages().await,
            Group::Board => load_board_pages().await,
            Group::Insights => load_insights_pages().await,
            Group::Operations => load_ops_pages().await,
        }
    }

    /// The page, from the group's wasm: ready at once when the group is loaded.
    async fn page(self, page: Page) -> Result<AnyView, SplitLoaderError> {
        match self {
            Group::Team => team_pages(page).await,
            Group::Chart => chart_pages(page).await,
            Group::Board => board_pages(page).await,
            Group::Insights => insights_pages(page).await,
            Group::Operations => ops_pages(page).await,
        }
    }
}

/// Shown when a page's code could not be fetched (offline before it was ever cached, or the
/// host is unreachable). Nothing in the workspace is lost; trying again fetches it afresh.
#[component]
fn PageLoadFailed(on_retry: impl Fn() + 'static) -> impl IntoView {
    let t = t();
    view! {
        <div class="rc-banner rc-banner--error" role="alert">
            <p>{t.page_load_failed}</p>
            <button class="rc-button" on:click=move |_| on_retry()>{t.try_again}</button>
        </div>
    }
}

// Each split point must name its own pages, so that only they go into its wasm file.
#[wasm_split(team, wasm_split_path = ::leptos::wasm_split, fallible, preload(load_team_pages))]
fn team_pages(page: Page) -> Result<AnyView, SplitLoaderError> {
    Ok(match page {
        Page::Roles => view! { <RolesPage/> }.into_any(),
        Page::Skills => view! { <SkillsPage/> }.into_any(),
        Page::Workspace => view! { <WorkspacePage/> }.into_any(),
        _ => view! { <TeamPage/> }.into_any(),
    })
}
#[wasm_split(chart, wasm_split_path = ::leptos::wasm_split, fallible, preload(load_chart_pages))]
fn chart_pages(page: Page) -> Result<AnyView, SplitLoaderError> {
    Ok(match page {
        Page::Handbook => view! { <HandbookPage/> }.into_any(),
        _ => view! { <ChartPage/> }.into_any(),
    })
}
#[wasm_split(board, wasm_split_path = ::leptos::wasm_split, fallible, preload(load_board_pages))]
fn board_pages(_page: Page) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <BoardPage/> }.into_any())
}
#[wasm_split(insights, wasm_split_path = ::leptos::wasm_split, fallible, preload(load_insights_pages))]
fn insights_pages(_page: Page) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <InsightsPage/> }.into_any())
}
#[wasm_split(ops, wasm_split_path = ::leptos::wasm_split, fallible, preload(load_ops_pages))]
fn ops_pages(_page: Page) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <OpsPage/> }.into_any())
}
