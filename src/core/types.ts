/** Half-open range of UTF-16 offsets into the document text, as `TextDocument.offsetAt` counts them. */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/** Replace `[start, end)` of the text with `newText`. */
export interface TextEdit extends Range {
  readonly newText: string;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface Fix {
  readonly title: string;
  /** Edits against the text the diagnostic was computed on; never overlapping. */
  readonly edits: readonly TextEdit[];
  /** The one obvious fix for its diagnostic. */
  readonly isPreferred?: boolean;
}

export interface Diagnostic {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly fixes?: readonly Fix[];
}

export type ReportKind = 'security' | 'operational';
