import { isMap, isPair, isScalar } from 'yaml';
import type { ParsedReport } from '../parse/report';
import type { TextEdit } from '../types';

/** Sets `key: value` in the front matter, replacing the value, adding the key, or adding the front matter itself. */
export function setFrontMatterValue(report: ParsedReport, key: string, value: string): TextEdit {
  const eol = report.lines.eol;
  const frontMatter = report.frontMatter;
  if (!frontMatter) return addFrontMatterEdit(report, { [key]: value });
  const contents = frontMatter.document.contents;
  if (frontMatter.document.errors.length === 0 && isMap(contents)) {
    const pair = contents.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
    if (pair && isScalar(pair.value) && pair.value.range) {
      const [start, end] = pair.value.range;
      return { start: frontMatter.contentRange.start + start, end: frontMatter.contentRange.start + end, newText: value };
    }
  }
  return { start: frontMatter.contentRange.start, end: frontMatter.contentRange.start, newText: `${key}: ${value}${eol}` };
}

/** Front matter for a report that has none, with what the analysis found. */
export function addFrontMatterEdit(report: ParsedReport, values: Readonly<Record<string, string>>): TextEdit {
  const eol = report.lines.eol;
  const afterBom = report.text.startsWith('\uFEFF') ? 1 : 0;
  const lines = ['---', ...Object.entries(values).map(([key, value]) => `${key}: ${value}`), '---', ''];
  return { start: afterBom, end: afterBom, newText: lines.join(eol) + eol };
}
