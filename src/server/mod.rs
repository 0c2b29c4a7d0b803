//! `cplan server`: a language server over standard input and output, a thin layer over
//! the library `check` uses. Each open case is checked in memory on open and after
//! each change (debounced) with its folder's `cplan.yaml` and the folder's other case
//! files; the server answers hover, quick fixes, inlay hints and completion from the
//! last check. Nothing a client sends may stop it: every message is handled inside
//! `catch_unwind`, and a document's check too, as a last line of defence.

mod actions;
mod answers;
mod completion;
mod diagnostics;
mod documents;
mod hints;
mod hover;
mod text;
pub mod transport;
mod uri;
mod workspace;

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use crossbeam_channel::{RecvTimeoutError, Sender};
use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as note, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{self as lsp, Uri};
use serde_json::Value;

use self::diagnostics::Pages;
use self::text::Encoding;
use self::workspace::{Checked, Workspace};

/// How long the text must rest after a change before it is checked: typing a word
/// checks once, and a check still follows a change within a few tens of milliseconds.
const QUIET: Duration = Duration::from_millis(20);
/// The longest a change waits while changes keep coming (holding a key down).
const LONGEST_WAIT: Duration = Duration::from_millis(250);

/// Runs the server on standard input and output until the client says `exit`.
/// `today` gives the date to check against when no `cplan.asOf` setting fixes it.
pub fn run(today: &dyn Fn() -> NaiveDate) -> anyhow::Result<()> {
    let (connection, threads) = transport::stdio()?;
    let mut server = Server::new(connection.sender, today, Pages::write());
    let receiver = connection.receiver;
    loop {
        let message = match server.wait() {
            // Due: checked before the next message, so that a client that keeps
            // sending (hover after hover) cannot hold the diagnostics back.
            Some(Duration::ZERO) => Err(RecvTimeoutError::Timeout),
            None => receiver.recv().map_err(|_| RecvTimeoutError::Disconnected),
            Some(wait) => receiver.recv_timeout(wait),
        };
        match message {
            Ok(message) => {
                if server.handle_safely(message) == Flow::Exit {
                    break;
                }
            }
            Err(RecvTimeoutError::Timeout) => server.check_pending(),
            Err(RecvTimeoutError::Disconnected) => break,
        }
    }
    drop(server);
    threads.join();
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flow {
    Continue,
    Exit,
}

/// An open document.
struct Document {
    path: Option<PathBuf>,
    text: String,
    version: i32,
    /// The last check, if it is of this version of the text.
    checked: Option<Checked>,
    /// The parents of the last text whose case could be read, for completion while
    /// the text in between cannot be.
    parents: Vec<(String, String)>,
}

struct Server<'a> {
    out: Sender<Message>,
    today: &'a dyn Fn() -> NaiveDate,
    as_of_setting: Option<NaiveDate>,
    encoding: Encoding,
    initialized: bool,
    shutting_down: bool,
    watches_files: bool,
    docs: HashMap<Uri, Document>,
    workspace: Workspace,
    pages: Pages,
    /// Documents changed and not yet checked, with when the first change came.
    pending: Vec<Uri>,
    first_change: Option<Instant>,
    last_change: Option<Instant>,
    next_id: i32,
}

impl<'a> Server<'a> {
    fn new(out: Sender<Message>, today: &'a dyn Fn() -> NaiveDate, pages: Pages) -> Self {
        Server {
            out,
            today,
            as_of_setting: None,
            encoding: Encoding::Utf16,
            initialized: false,
            shutting_down: false,
            watches_files: false,
            docs: HashMap::new(),
            workspace: Workspace::default(),
            pages,
            pending: Vec::new(),
            first_change: None,
            last_change: None,
            next_id: 0,
        }
    }

    fn as_of(&self) -> NaiveDate {
        self.as_of_setting.unwrap_or_else(|| (self.today)())
    }

    /// How long to wait for a message before checking what changed (`None`: nothing
    /// waits to be checked).
    fn wait(&self) -> Option<Duration> {
        let (first, last) = (self.first_change?, self.last_change?);
        let due = (last + QUIET).min(first + LONGEST_WAIT);
        Some(due.saturating_duration_since(Instant::now()))
    }

    fn handle_safely(&mut self, message: Message) -> Flow {
        let id = match &message {
            Message::Request(r) => Some(r.id.clone()),
            _ => None,
        };
        match catch_unwind(AssertUnwindSafe(|| self.handle(message))) {
            Ok(flow) => flow,
            Err(_) => {
                eprintln!("cplan server: internal error while handling a message (see above); going on");
                if let Some(id) = id {
                    self.respond_error(
                        id,
                        ErrorCode::InternalError,
                        "cplan had an internal error".to_owned(),
                    );
                }
                Flow::Continue
            }
        }
    }

    fn handle(&mut self, message: Message) -> Flow {
        match message {
            Message::Request(request) => self.request(request),
            Message::Notification(notification) => return self.notification(notification),
            // Answers to the server's own requests (registering file watchers).
            Message::Response(_) => {}
        }
        Flow::Continue
    }

    fn request(&mut self, request: Request) {
        let Request { id, method, params } = request;
        if method == req::Initialize::METHOD {
            return self.initialize(id, params);
        }
        if !self.initialized {
            return self.respond_error(id, ErrorCode::ServerNotInitialized, "initialize first".to_owned());
        }
        if self.shutting_down {
            return self.respond_error(
                id,
                ErrorCode::InvalidRequest,
                "the server is shutting down".to_owned(),
            );
        }
        let result = match method.as_str() {
            req::Shutdown::METHOD => {
                self.shutting_down = true;
                Ok(Value::Null)
            }
            req::HoverRequest::METHOD => self.answer(params, Self::hover),
            req::CodeActionRequest::METHOD => self.answer(params, Self::code_actions),
            req::InlayHintRequest::METHOD => self.answer(params, Self::inlay_hints),
            req::Completion::METHOD => self.answer(params, Self::completion),
            _ => Err((
                ErrorCode::MethodNotFound,
                format!("cplan does not answer `{method}`"),
            )),
        };
        match result {
            Ok(value) => self.send(Response {
                id,
                response_result: Ok(value),
            }),
            Err((code, message)) => self.respond_error(id, code, message),
        }
    }

    /// Reads a request's parameters and answers it with `handle`.
    fn answer<P, R>(
        &mut self,
        params: Value,
        handle: fn(&mut Self, P) -> R,
    ) -> Result<Value, (ErrorCode, String)>
    where
        P: serde::de::DeserializeOwned,
        R: serde::Serialize,
    {
        let params = serde_json::from_value(params)
            .map_err(|e| (ErrorCode::InvalidParams, format!("invalid parameters: {e}")))?;
        serde_json::to_value(handle(self, params)).map_err(|e| (ErrorCode::InternalError, e.to_string()))
    }

    fn notification(&mut self, notification: Notification) -> Flow {
        let Notification { method, params } = notification;
        if method == note::Exit::METHOD {
            return Flow::Exit;
        }
        if !self.initialized {
            return Flow::Continue;
        }
        let read = |what: &str, e: serde_json::Error| {
            eprintln!("cplan server: ignored a `{what}` that cannot be read: {e}")
        };
        match method.as_str() {
            note::Initialized::METHOD => self.watch_files(),
            note::DidOpenTextDocument::METHOD => match serde_json::from_value(params) {
                Ok(p) => self.did_open(p),
                Err(e) => read(&method, e),
            },
            note::DidChangeTextDocument::METHOD => match serde_json::from_value(params) {
                Ok(p) => self.did_change(p),
                Err(e) => read(&method, e),
            },
            note::DidCloseTextDocument::METHOD => match serde_json::from_value(params) {
                Ok(p) => self.did_close(p),
                Err(e) => read(&method, e),
            },
            note::DidChangeWatchedFiles::METHOD => match serde_json::from_value(params) {
                Ok(p) => self.files_changed(p),
                Err(e) => read(&method, e),
            },
            note::DidChangeConfiguration::METHOD => {
                if let Some(settings) = params.get("settings") {
                    self.configure(settings);
                }
            }
            _ => {}
        }
        Flow::Continue
    }

    fn initialize(&mut self, id: RequestId, params: Value) {
        let params: lsp::InitializeParams = match serde_json::from_value(params) {
            Ok(params) => params,
            Err(e) => {
                return self.respond_error(id, ErrorCode::InvalidParams, format!("invalid parameters: {e}"));
            }
        };
        let offered = params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref());
        self.encoding = Encoding::choose(offered);
        self.watches_files = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false);
        if let Some(options) = &params.initialization_options {
            self.configure(options);
        }
        self.initialized = true;
        let result = lsp::InitializeResult {
            capabilities: capabilities(self.encoding),
            server_info: Some(lsp::ServerInfo {
                name: "cplan".to_owned(),
                version: Some(env!("CARGO_PKG_VERSION").to_owned()),
            }),
        };
        match serde_json::to_value(result) {
            Ok(value) => self.send(Response {
                id,
                response_result: Ok(value),
            }),
            Err(e) => self.respond_error(id, ErrorCode::InternalError, e.to_string()),
        }
    }

    /// Settings: `{"asOf": "2026-11-24"}`, or the same under `"cplan"` (as a client's
    /// settings are grouped); `null` or an empty text goes back to today.
    fn configure(&mut self, settings: &Value) {
        let settings = settings.get("cplan").unwrap_or(settings);
        let Some(as_of) = settings.get("asOf") else { return };
        let before = self.as_of_setting;
        self.as_of_setting = match as_of.as_str().map(str::trim) {
            None | Some("") => None,
            Some(text) => match crate::load::convert::parse_date(text) {
                Ok(date) => Some(date),
                Err(e) => {
                    eprintln!("cplan server: `cplan.asOf` is not a date ({e}); checking against today");
                    None
                }
            },
        };
        if before != self.as_of_setting {
            self.all_changed();
        }
    }

    /// Asks the client to say when a case file or a `cplan.yaml` changes on disk.
    fn watch_files(&mut self) {
        if !self.watches_files {
            return;
        }
        let watchers = ["**/*.yaml", "**/*.yml"]
            .into_iter()
            .map(|glob| lsp::FileSystemWatcher {
                glob_pattern: lsp::GlobPattern::String(glob.to_owned()),
                kind: None,
            })
            .collect();
        let options = lsp::DidChangeWatchedFilesRegistrationOptions { watchers };
        let registration = lsp::Registration {
            id: "cplan-watch-files".to_owned(),
            method: note::DidChangeWatchedFiles::METHOD.to_owned(),
            register_options: serde_json::to_value(options).ok(),
        };
        let params = lsp::RegistrationParams {
            registrations: vec![registration],
        };
        self.next_id += 1;
        let request = Request::new(
            RequestId::from(format!("cplan-{}", self.next_id)),
            req::RegisterCapability::METHOD.to_owned(),
            params,
        );
        self.send(request);
    }

    fn respond_error(&self, id: RequestId, code: ErrorCode, message: String) {
        self.send(Response::new_err(id, code as i32, message));
    }

    fn send(&self, message: impl Into<Message>) {
        // The writer ends only when the client has gone; the loop then ends too.
        let _ = self.out.send(message.into());
    }
}

fn capabilities(encoding: Encoding) -> lsp::ServerCapabilities {
    lsp::ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(
            lsp::TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(lsp::TextDocumentSyncKind::INCREMENTAL),
                ..lsp::TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        code_action_provider: Some(lsp::CodeActionProviderCapability::Options(
            lsp::CodeActionOptions {
                code_action_kinds: Some(vec![lsp::CodeActionKind::QUICKFIX]),
                ..lsp::CodeActionOptions::default()
            },
        )),
        inlay_hint_provider: Some(lsp::OneOf::Left(true)),
        completion_provider: Some(lsp::CompletionOptions {
            trigger_characters: Some(vec![" ".to_owned()]),
            ..lsp::CompletionOptions::default()
        }),
        ..lsp::ServerCapabilities::default()
    }
}
