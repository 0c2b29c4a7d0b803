//! Messages over standard input and output, framed by `Content-Length` headers.
//!
//! lsp-server's own stdio transport stops reading at the first message that is not
//! valid JSON-RPC and allocates whatever length a header claims; an editor's server
//! must outlive a bad message. This reader skips what it cannot read (saying so on
//! standard error), bounds every header line and message, and hands the rest on as
//! lsp-server's messages.

use std::io::{self, BufRead, Read, Write};
use std::thread;

use crossbeam_channel::{Receiver, Sender, bounded, unbounded};
use lsp_server::{Connection, Message};

/// The longest message read: a case file is limited to a few MiB (the loader refuses
/// more with one finding), and its text in JSON is at most a few times longer.
pub const MAX_MESSAGE_BYTES: usize = 64 * 1024 * 1024;

/// The longest header line kept; the rest of a longer one is skipped.
const MAX_HEADER_LINE: usize = 8 * 1024;

/// The threads that read standard input and write standard output.
pub struct IoThreads {
    reader: thread::JoinHandle<()>,
    writer: thread::JoinHandle<()>,
}

impl IoThreads {
    /// Waits for the writer to flush what the server sent. The reader may still be
    /// blocked on standard input and is left to end with the process.
    pub fn join(self) {
        drop(self.reader);
        if self.writer.join().is_err() {
            eprintln!("cplan server: the writer thread failed");
        }
    }
}

/// A connection over standard input and output.
pub fn stdio() -> io::Result<(Connection, IoThreads)> {
    let (to_server, from_client) = unbounded::<Message>();
    let (to_client, from_server) = bounded::<Message>(64);
    let reader = thread::Builder::new()
        .name("cplan-server-reader".to_owned())
        .spawn(move || read_messages(&mut io::stdin().lock(), &to_server))?;
    let writer = thread::Builder::new()
        .name("cplan-server-writer".to_owned())
        .spawn(move || write_messages(&mut io::stdout().lock(), &from_server))?;
    let connection = Connection {
        sender: to_client,
        receiver: from_client,
    };
    Ok((connection, IoThreads { reader, writer }))
}

fn write_messages(out: &mut impl Write, messages: &Receiver<Message>) {
    for message in messages {
        if let Err(e) = message.write(out) {
            eprintln!("cplan server: cannot write to the client: {e}");
            return;
        }
    }
}

/// Reads messages until standard input ends or the server stops listening.
pub fn read_messages(input: &mut impl BufRead, to_server: &Sender<Message>) {
    loop {
        let message = match read_frame(input) {
            Ok(Frame::End) => return,
            Ok(Frame::Body(body)) => match serde_json::from_slice::<Message>(&body) {
                Ok(message) => message,
                Err(e) => {
                    eprintln!("cplan server: skipped a message that is not JSON-RPC: {e}");
                    continue;
                }
            },
            Ok(Frame::Skipped(why)) => {
                eprintln!("cplan server: skipped a message: {why}");
                continue;
            }
            Err(e) => {
                eprintln!("cplan server: cannot read from the client: {e}");
                return;
            }
        };
        let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
        if to_server.send(message).is_err() || exit {
            return;
        }
    }
}

enum Frame {
    Body(Vec<u8>),
    Skipped(String),
    End,
}

fn read_frame(input: &mut impl BufRead) -> io::Result<Frame> {
    let mut length: Option<Result<usize, String>> = None;
    let mut any_header = false;
    loop {
        let Some(line) = read_header_line(input)? else {
            return Ok(Frame::End);
        };
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            if any_header {
                break;
            }
            // Blank lines between messages are skipped.
            continue;
        }
        any_header = true;
        if let Some((name, value)) = line.split_once(':')
            && name.trim().eq_ignore_ascii_case("content-length")
        {
            length = Some(
                value
                    .trim()
                    .parse::<usize>()
                    .map_err(|_| format!("a Content-Length that is not a number: {:?}", value.trim())),
            );
        }
    }
    let length = match length {
        None => return Ok(Frame::Skipped("headers without a Content-Length".to_owned())),
        Some(Err(why)) => return Ok(Frame::Skipped(why)),
        Some(Ok(n)) => n,
    };
    if length > MAX_MESSAGE_BYTES {
        let skipped = io::copy(&mut input.take(length as u64), &mut io::sink())?;
        return Ok(Frame::Skipped(format!(
            "{skipped} bytes, more than the {MAX_MESSAGE_BYTES} bytes a message may have"
        )));
    }
    let mut body = Vec::with_capacity(length.min(1 << 20));
    input.take(length as u64).read_to_end(&mut body)?;
    if body.len() < length {
        return Ok(Frame::End);
    }
    Ok(Frame::Body(body))
}

/// One header line, at most `MAX_HEADER_LINE` bytes of it (the rest is skipped);
/// `None` at the end of the input.
fn read_header_line(input: &mut impl BufRead) -> io::Result<Option<String>> {
    let mut line = Vec::new();
    let read = input.take(MAX_HEADER_LINE as u64).read_until(b'\n', &mut line)?;
    if read == 0 {
        return Ok(None);
    }
    if !line.ends_with(b"\n") && line.len() >= MAX_HEADER_LINE {
        let mut rest = Vec::new();
        loop {
            rest.clear();
            let n = input.take(MAX_HEADER_LINE as u64).read_until(b'\n', &mut rest)?;
            if n == 0 || rest.ends_with(b"\n") {
                break;
            }
        }
    }
    Ok(Some(String::from_utf8_lossy(&line).into_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages_in(input: &[u8]) -> Vec<Message> {
        let (sender, receiver) = unbounded();
        read_messages(&mut io::BufReader::new(input), &sender);
        drop(sender);
        receiver.into_iter().collect()
    }

    fn framed(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn bad_messages_are_skipped_and_the_good_ones_read() {
        let good = r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#;
        let input = [
            framed("{not json"),
            "Content-Length: 99999999999\r\n\r\n".to_owned(),
        ]
        .concat();
        // A claimed length beyond the limit is skipped without being allocated; the
        // input ends inside it.
        assert!(messages_in(input.as_bytes()).is_empty());
        let input = [
            framed("{not json"),
            "X-Nothing: 1\r\n\r\n".to_owned(),
            "Content-Length: ten\r\n\r\n".to_owned(),
            framed(r#"{"jsonrpc":"2.0","result":[]}"#),
            framed(good),
        ]
        .concat();
        let read = messages_in(input.as_bytes());
        assert_eq!(read.len(), 1, "{read:?}");
        assert!(matches!(&read[0], Message::Request(r) if r.method == "shutdown"));
    }
}
