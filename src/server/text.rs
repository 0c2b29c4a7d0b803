//! Places in a document as the editor counts them. cplan counts columns in characters
//! (`Loc`); a client counts them in UTF-16 code units unless it offers UTF-8 or UTF-32
//! (`positionEncoding`). Lines end at `\n`, `\r\n` or a lone `\r`, as LSP says.

use lsp_types::{Position, PositionEncodingKind, Range};

/// What a position's `character` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    /// Characters (Unicode scalar values), as cplan's own columns.
    Utf32,
}

impl Encoding {
    /// The encoding to use of those the client offers: characters when it can (no
    /// conversion), else UTF-8, else UTF-16, which every client understands.
    pub fn choose(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        let offered = offered.unwrap_or_default();
        if offered.contains(&PositionEncodingKind::UTF32) {
            Encoding::Utf32
        } else if offered.contains(&PositionEncodingKind::UTF8) {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
            Encoding::Utf32 => PositionEncodingKind::UTF32,
        }
    }

    fn units(self, c: char) -> u32 {
        match self {
            Encoding::Utf8 => c.len_utf8() as u32,
            Encoding::Utf16 => c.len_utf16() as u32,
            Encoding::Utf32 => 1,
        }
    }
}

/// A document's text with where each line starts.
pub struct Lines<'t> {
    text: &'t str,
    /// Byte offset of the start of each line; the first is 0.
    starts: Vec<usize>,
    encoding: Encoding,
    /// Characters before cplan's column 1 on the first line: the loader drops a byte
    /// order mark, an editor may keep it.
    bom: usize,
}

impl<'t> Lines<'t> {
    pub fn new(text: &'t str, encoding: Encoding) -> Lines<'t> {
        let mut starts = vec![0];
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    starts.push(i + 2);
                    i += 1;
                }
                b'\r' => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        Lines {
            text,
            starts,
            encoding,
            bom: usize::from(text.starts_with('\u{feff}')),
        }
    }

    /// Line `index` (0-based) without its line end; empty past the last line.
    pub fn line(&self, index: usize) -> &'t str {
        let Some(&start) = self.starts.get(index) else {
            return "";
        };
        let end = self.starts.get(index + 1).copied().unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }

    /// The byte offset of a client's position, clamped to its line and the text (a
    /// stale or hostile position must not panic).
    pub fn offset(&self, position: Position) -> usize {
        let index = position.line as usize;
        let Some(&start) = self.starts.get(index) else {
            return self.text.len();
        };
        let line = self.line(index);
        let mut units = 0;
        for (at, c) in line.char_indices() {
            if units >= position.character {
                return start + at;
            }
            units += self.encoding.units(c);
        }
        start + line.len()
    }

    /// The client's position of a byte offset (clamped, moved back to a character start).
    #[cfg(test)]
    fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let index = self.starts.partition_point(|&s| s <= offset) - 1;
        let line = self.line(index);
        let within = (offset - self.starts[index]).min(line.len());
        let units = line[..within].chars().map(|c| self.encoding.units(c)).sum();
        Position::new(index as u32, units)
    }

    /// Characters of line `index` before cplan's column 1.
    fn skipped(&self, index: usize) -> usize {
        if index == 0 { self.bom } else { 0 }
    }

    /// The client's position of cplan's 1-based line and character column.
    pub fn position_of_loc(&self, line: u32, column: u32) -> Position {
        let index = line.saturating_sub(1) as usize;
        let text = self.line(index);
        let units = text
            .chars()
            .take(column.saturating_sub(1) as usize + self.skipped(index))
            .map(|c| self.encoding.units(c))
            .sum();
        Position::new(index as u32, units)
    }

    /// cplan's 1-based line and character column of a client's position.
    pub fn loc_of_position(&self, position: Position) -> (u32, u32) {
        let offset = self.offset(position);
        let index = self.starts.partition_point(|&s| s <= offset) - 1;
        let within = offset - self.starts[index];
        let line = self.line(index);
        let column = line[..within.min(line.len())].chars().count();
        let column = column.saturating_sub(self.skipped(index));
        (index as u32 + 1, column as u32 + 1)
    }

    /// The range of `width` characters from cplan's line and column, kept on its line.
    pub fn range_of(&self, line: u32, column: u32, width: u32) -> Range {
        let start = self.position_of_loc(line, column);
        let end = self.position_of_loc(line, column.saturating_add(width));
        Range::new(start, end)
    }

    /// The text of `width` characters from cplan's line and column, if it is on the line.
    pub fn text_at(&self, line: u32, column: u32, width: usize) -> Option<&'t str> {
        let index = line.saturating_sub(1) as usize;
        let text = self.line(index);
        let mut indices = text.char_indices().map(|(at, _)| at).chain([text.len()]);
        let start = indices.nth(column.saturating_sub(1) as usize + self.skipped(index))?;
        let end = if width == 0 {
            start
        } else {
            indices.nth(width - 1)?
        };
        Some(&text[start..end])
    }
}

/// Replaces `range` of `text` by `new` (an incremental change from the client).
pub fn apply_change(text: &mut String, range: Range, new: &str, encoding: Encoding) {
    let lines = Lines::new(text, encoding);
    let start = lines.offset(range.start);
    let end = lines.offset(range.end).max(start);
    text.replace_range(start..end, new);
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "a: é\r\nchild: {name: \"Zoë 😀 Ortiz\", born: x}\nlast";

    #[test]
    fn columns_convert_for_every_encoding_on_non_ascii_lines() {
        // `born` is character 30 on line 2 (1-based), after ë and an emoji.
        for (encoding, character) in [(Encoding::Utf32, 29), (Encoding::Utf16, 30), (Encoding::Utf8, 33)] {
            let lines = Lines::new(TEXT, encoding);
            let at = lines.position_of_loc(2, 30);
            assert_eq!(at, Position::new(1, character), "{encoding:?}");
            assert_eq!(lines.loc_of_position(at), (2, 30), "{encoding:?}");
            assert_eq!(lines.text_at(2, 30, 4), Some("born"));
            let offset = lines.offset(at);
            assert_eq!(&TEXT[offset..offset + 4], "born");
            assert_eq!(lines.position(offset), at);
        }
    }

    #[test]
    fn a_byte_order_mark_kept_by_the_editor_is_not_a_column_of_the_loader() {
        let lines = Lines::new("\u{feff}case: x\nchild: y\n", Encoding::Utf16);
        assert_eq!(lines.position_of_loc(1, 1), Position::new(0, 1));
        assert_eq!(lines.loc_of_position(Position::new(0, 1)), (1, 1));
        assert_eq!(lines.text_at(1, 1, 4), Some("case"));
        assert_eq!(lines.position_of_loc(2, 1), Position::new(1, 0));
    }

    #[test]
    fn lines_end_at_every_line_end_and_positions_are_clamped() {
        let lines = Lines::new("one\r\ntwo\rthree\n", Encoding::Utf16);
        assert_eq!(
            (lines.line(0), lines.line(1), lines.line(2)),
            ("one", "two", "three")
        );
        assert_eq!(lines.offset(Position::new(0, 99)), 3, "past the line end");
        assert_eq!(lines.offset(Position::new(99, 0)), 15, "past the last line");
        assert_eq!(lines.text_at(1, 3, 5), None);
    }

    #[test]
    fn an_incremental_change_lands_where_the_client_counts() {
        let mut text = "with: Zoë\nwith: x\n".to_owned();
        let range = Range::new(Position::new(0, 6), Position::new(0, 9));
        apply_change(&mut text, range, "mother", Encoding::Utf16);
        assert_eq!(text, "with: mother\nwith: x\n");
        let inside_emoji = Range::new(Position::new(0, 1), Position::new(0, 1));
        let mut emoji = "😀x".to_owned();
        apply_change(&mut emoji, inside_emoji, "y", Encoding::Utf16);
        assert_eq!(emoji, "😀yx", "a position inside a character moves to its end");
    }
}
