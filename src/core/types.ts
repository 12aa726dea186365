/** Half-open range of UTF-16 offsets into the document text, as \`TextDocument.offsetAt\` counts them. */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/** Replace \`[start, end)\` of the text with \`newText\`. */
export interface TextEdit extends Range {
  readonly newText: string;
}

export type ReportKind = 'security' | 'operational';
