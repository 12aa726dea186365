import type { Range, TextEdit } from '../types';

/** Whether the offset falls between the two halves of a CRLF line break or of a surrogate pair. */
function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return (before === 13 && after === 10) || (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff);
}

/** The range inside the text, widened so that neither end splits a CRLF or a surrogate pair. */
export function snapRange(text: string, range: Range): Range {
  let start = Math.max(0, Math.min(range.start, text.length));
  let end = Math.max(start, Math.min(range.end, text.length));
  if (splitsPair(text, start)) start--;
  if (splitsPair(text, end)) end++;
  return start === range.start && end === range.end ? range : { start, end };
}

/** The edit widened as `snapRange` does, with the characters it now covers written back: the result is the same. */
export function snapEdit(text: string, edit: TextEdit): TextEdit {
  const range = snapRange(text, edit);
  if (range === edit) return edit;
  const clampedStart = Math.max(range.start, Math.min(edit.start, text.length));
  const clampedEnd = Math.max(clampedStart, Math.min(edit.end, text.length));
  const newText = text.slice(range.start, clampedStart) + edit.newText + text.slice(clampedEnd, range.end);
  return { start: range.start, end: range.end, newText };
}
