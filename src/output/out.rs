//! The text a renderer writes: kept whole for a short document, or passed on to a
//! writer as it grows, so that a report over a whole state's caseload (a million
//! deadline rows) is never held as one text.

use std::fmt;
use std::io;

/// How much text gathers before it is passed on to the writer.
const CHUNK: usize = 64 * 1024;

pub struct Out<'w> {
    text: String,
    sink: Option<&'w mut dyn io::Write>,
    /// The first error writing: nothing more is written after it, and `finish` says it.
    error: Option<io::Error>,
}

impl Out<'static> {
    /// Text kept whole, for the caller to take with `into_text`.
    pub fn kept() -> Out<'static> {
        Out {
            text: String::new(),
            sink: None,
            error: None,
        }
    }

    /// All the text written.
    pub fn into_text(self) -> String {
        self.text
    }
}

impl<'w> Out<'w> {
    /// Text passed on to `sink` a chunk at a time.
    pub fn to(sink: &'w mut dyn io::Write) -> Out<'w> {
        Out {
            text: String::new(),
            sink: Some(sink),
            error: None,
        }
    }

    pub fn push(&mut self, c: char) {
        self.text.push(c);
    }

    pub fn push_str(&mut self, s: &str) {
        self.text.push_str(s);
    }

    /// Passes the text on once a chunk has gathered. Renderers call it between rows:
    /// memory then holds a chunk of the report, not all of it.
    pub fn pass_on(&mut self) {
        if self.text.len() >= CHUNK {
            self.flush();
        }
    }

    /// Whether writing has failed (a reader that closed the pipe): a renderer may stop
    /// making rows no one will read.
    pub fn failed(&self) -> bool {
        self.error.is_some()
    }

    fn flush(&mut self) {
        let Some(sink) = &mut self.sink else {
            return;
        };
        if self.error.is_none()
            && let Err(e) = sink.write_all(self.text.as_bytes())
        {
            self.error = Some(e);
        }
        self.text.clear();
    }

    /// Passes on what is left; the first error writing, if there was one.
    pub fn finish(mut self) -> io::Result<()> {
        self.flush();
        match self.error {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

impl fmt::Write for Out<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.text.push_str(s);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write as _;

    #[test]
    fn text_is_passed_on_in_chunks_and_whole_at_the_end() {
        let mut written = Vec::new();
        let mut out = Out::to(&mut written);
        let line = "x".repeat(1000);
        for _ in 0..100 {
            let _ = writeln!(out, "{line}");
            out.pass_on();
            // Never more than a chunk and a row held.
            assert!(out.text.len() < CHUNK + 1001);
        }
        out.finish().expect("written to memory");
        assert_eq!(written.len(), 100 * 1001);
    }

    struct Closed;
    impl io::Write for Closed {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::from(io::ErrorKind::BrokenPipe))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn the_first_error_is_kept_and_said() {
        let mut closed = Closed;
        let mut out = Out::to(&mut closed);
        out.push_str(&"y".repeat(CHUNK));
        out.pass_on();
        assert!(out.failed());
        let error = out.finish().expect_err("the pipe is closed");
        assert_eq!(error.kind(), io::ErrorKind::BrokenPipe);
    }
}
