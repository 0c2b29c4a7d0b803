//! `check --format concise`: `file:line:col: CODE message`, one a line, for grep and mail.

use std::borrow::Cow;
use std::io::Write;

use super::CheckWriter;
use super::escape::{Sink, escape};
use crate::check::CheckRun;
use crate::finding::Finding;

/// One line per finding, whatever the file name or the message holds: both are escaped
/// for the terminal, so a line break in a value cannot forge a second finding.
pub struct Writer;

impl CheckWriter for Writer {
    fn finding(&mut self, out: &mut dyn Write, f: &Finding) -> std::io::Result<()> {
        // Written in pieces rather than formatted into a line first: this runs once per
        // finding, tens of thousands of times in a caseload's check.
        let file = f
            .file
            .to_str()
            .map_or_else(|| f.file.to_string_lossy(), Cow::Borrowed);
        out.write_all(escape(Sink::Terminal, &file).as_bytes())?;
        if let Some(loc) = f.loc {
            out.write_all(b":")?;
            write_number(out, loc.line)?;
            out.write_all(b":")?;
            write_number(out, loc.column)?;
        }
        out.write_all(b": ")?;
        out.write_all(f.rule.as_str().as_bytes())?;
        out.write_all(b" ")?;
        out.write_all(escape(Sink::Terminal, &f.message).as_bytes())?;
        out.write_all(b"\n")
    }

    fn end(&mut self, _out: &mut dyn Write, _run: &CheckRun) -> std::io::Result<()> {
        Ok(())
    }
}

/// `n` in decimal digits, without the formatting machinery (twice per finding).
fn write_number(out: &mut dyn Write, n: u32) -> std::io::Result<()> {
    let mut digits = [0_u8; 10];
    let mut start = digits.len();
    let mut rest = n;
    loop {
        start -= 1;
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    out.write_all(&digits[start..])
}

/// The whole text of a finished run.
pub fn render(run: &CheckRun) -> String {
    super::render_check(&mut Writer, run)
}

#[cfg(test)]
mod tests {
    use super::write_number;

    #[test]
    fn numbers_are_written_as_format_writes_them() {
        for n in [0, 7, 10, 99, 100, 4_096, 1_000_000, u32::MAX] {
            let mut out = Vec::new();
            write_number(&mut out, n).expect("memory");
            assert_eq!(String::from_utf8_lossy(&out), n.to_string());
        }
    }
}
