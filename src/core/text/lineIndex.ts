/** Converts between offsets and 0-based line/character positions of one text (any of \n, \r\n, \r ends a line). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** Offset just past the line's content, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1];
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  positionAt(offset: number): { line: number; character: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.starts[low] };
  }

  offsetAt(line: number, character: number): number {
    return Math.min(this.lineStart(line) + character, this.lineEnd(line));
  }

  private commonEol: string | undefined;

  /** The line break the text uses most (\n when it has none), for text we insert. */
  get eol(): string {
    if (this.commonEol === undefined) {
      const counts = { '\n': 0, '\r\n': 0, '\r': 0 };
      for (let line = 1; line < this.starts.length; line++) {
        const start = this.starts[line];
        counts[this.text.charCodeAt(start - 1) === 13 ? '\r' : this.text.charCodeAt(start - 2) === 13 ? '\r\n' : '\n']++;
      }
      this.commonEol = (['\n', '\r\n', '\r'] as const).reduce((best, eol) => (counts[eol] > counts[best] ? eol : best));
    }
    return this.commonEol;
  }
}
