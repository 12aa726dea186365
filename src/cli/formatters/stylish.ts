import type { ExportedDiagnostic, LintedFile } from '../../core/output/exportSchema';
import type { Severity } from '../../core/diagnostics';
import { printable, type Palette } from '../color';

const LABELS: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

/** ESLint's "stylish" layout: a block per file with problems, then a summary line. */
export function formatStylish(files: readonly LintedFile[], palette: Palette): string {
  const colorFor: Record<Severity, (text: string) => string> = { error: palette.red, warning: palette.yellow, information: palette.blue, hint: palette.dim };
  const blocks = files
    .filter((file) => file.diagnostics.length > 0)
    .map((file) => {
      const rows = file.diagnostics.map((found) => [`${found.line}:${found.column}`, LABELS[found.severity], printable(found.message), found.rule, found.severity] as const);
      const positionWidth = Math.max(...rows.map(([position]) => position.length));
      const labelWidth = Math.max(...rows.map(([, label]) => label.length));
      const messageWidth = Math.max(...rows.map(([, , message]) => message.length));
      const lines = rows.map(
        ([position, label, message, rule, severity]) =>
          `  ${palette.dim(position.padEnd(positionWidth))}  ${colorFor[severity](label.padEnd(labelWidth))}  ${message.padEnd(messageWidth)}  ${palette.dim(rule)}`,
      );
      return `${palette.underline(printable(file.file))}\n${lines.join('\n')}\n`;
    });
  return [...blocks, summary(files, palette)].join('\n');
}

function summary(files: readonly LintedFile[], palette: Palette): string {
  const all = files.flatMap((file) => file.diagnostics);
  const reports = files.filter((file) => file.kind !== null).length;
  const checked = `${reports} ${reports === 1 ? 'report' : 'reports'} checked`;
  if (all.length === 0) return `✔ ${checked}, no problems\n`;
  const count = (severities: readonly Severity[]) => all.filter((found: ExportedDiagnostic) => severities.includes(found.severity)).length;
  const errors = count(['error']);
  const line = `✖ ${plural(all.length, 'problem')} (${plural(errors, 'error')}, ${plural(count(['warning']), 'warning')}, ${count(['information', 'hint'])} info) · ${checked}`;
  return `${(errors > 0 ? palette.red : palette.yellow)(palette.bold(line))}\n`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
