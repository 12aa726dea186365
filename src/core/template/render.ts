import { notApplicableText } from '../parse/notApplicable';
import type { Template, TemplateSection } from './schema';
import type { ReportKind } from '../types';

export type RenderMode = 'text' | 'snippet';

/** Writes placeholders either as plain text or as numbered snippet tab stops (`${1:text}`). */
export class PlaceholderWriter {
  private next = 1;

  constructor(readonly mode: RenderMode) {}

  /** Literal text: escaped in a snippet so `$` and `}` stay text. */
  literal(text: string): string {
    return this.mode === 'snippet' ? text.replace(/[$}\\]/g, '\\$&') : text;
  }

  placeholder(text: string): string {
    return this.mode === 'snippet' ? `\${${this.next++}:${text.replace(/[$}\\]/g, '\\$&')}}` : text;
  }

  choice(options: readonly string[], textDefault: string): string {
    return this.mode === 'snippet' ? `\${${this.next++}|${options.map((o) => o.replace(/[,|$}\\]/g, '\\$&')).join(',')}|}` : textDefault;
  }

  tabStop(): string {
    return this.mode === 'snippet' ? `\${${this.next++}}` : '';
  }
}

export interface SectionRenderOptions {
  readonly level: number;
  /** Write the section as N/A (an attack-specific section of an operational report). */
  readonly notApplicable: ((section: TemplateSection) => boolean) | null;
  readonly notApplicableReason: string;
}

/** A template section as Markdown lines: heading, placeholder, field lines, then its subsections. */
export function renderSection(section: TemplateSection, options: SectionRenderOptions, writer: PlaceholderWriter): string[] {
  const lines = [`${'#'.repeat(options.level)} ${writer.literal(section.title)}`, ''];
  if (options.notApplicable?.(section)) {
    lines.push(writer.literal(notApplicableText(options.notApplicableReason)), '');
    return lines;
  }
  if (section.placeholder) lines.push(writer.placeholder(section.placeholder), '');
  if (section.fields.length > 0) {
    for (const field of section.fields) {
      const value =
        field.type === 'enum' && field.values ? writer.choice(field.values, field.placeholder ?? '') : field.placeholder ? writer.placeholder(field.placeholder) : writer.tabStop();
      lines.push(`- **${writer.literal(field.name)}:** ${value}`.trimEnd());
    }
    lines.push('');
  }
  for (const child of section.sections) lines.push(...renderSection(child, { ...options, level: options.level + 1 }, writer));
  return lines;
}

export interface NewReportOptions {
  readonly title: string;
  readonly mode: RenderMode;
  readonly eol?: string;
  readonly notApplicableReason: string;
}

const DEFAULT_TLP: Record<ReportKind, string> = { security: 'TLP:AMBER', operational: 'TLP:CLEAR' };

/** A whole new report from a template: front matter, title, every section. Attack-specific sections of an operational template start N/A. */
export function renderReport(template: Template, options: NewReportOptions): string {
  const writer = new PlaceholderWriter(options.mode);
  const notApplicable = template.kind === 'operational' ? (section: TemplateSection) => section.attackSpecific : null;
  const lines = [
    '---',
    `kind: ${template.kind}`,
    `template: ${template.id}`,
    'status: draft',
    `tlp: ${DEFAULT_TLP[template.kind]}`,
    'timezone: UTC',
    '---',
    '',
    `# ${writer.literal(reportHeading(template, options.title))}`,
    '',
  ];
  for (const section of template.sections) {
    lines.push(...renderSection(section, { level: 2, notApplicable, notApplicableReason: options.notApplicableReason }, writer));
  }
  while (lines[lines.length - 1] === '') lines.pop();
  return lines.join(options.eol ?? '\n') + (options.eol ?? '\n');
}

/**
 * The report's first heading: the template's title with \`{title}\` replaced by the incident's title, on one line
 * (a line break in a title would start a new block, even a heading), with \`$\` taken literally.
 */
function reportHeading(template: Template, title: string): string {
  const oneLine = title.replace(/\s+/g, ' ').trim();
  return template.title.replace('{title}', () => oneLine);
}

/** Every placeholder text of a template, for the rule that flags placeholders left in a report. */
export function templatePlaceholders(template: Template): string[] {
  const found = new Set<string>();
  const visit = (sections: readonly TemplateSection[]) => {
    for (const section of sections) {
      if (section.placeholder) found.add(section.placeholder);
      for (const field of section.fields) if (field.placeholder) found.add(field.placeholder);
      visit(section.sections);
    }
  };
  visit(template.sections);
  return [...found];
}
