import { addFrontMatterEdit } from '../../edits/frontMatter';
import { diagnostic, type Diagnostic } from '../../diagnostics';
import type { RuleContext } from '../context';

export function checkFrontMatter(context: RuleContext): Diagnostic[] {
  const { report } = context;
  if (!report.frontMatter) {
    const range = report.title?.range ?? { start: 0, end: 0 };
    const values = { kind: context.kind, template: context.template.id, status: 'draft', tlp: context.kind === 'security' ? 'TLP:AMBER' : 'TLP:CLEAR' };
    return [
      diagnostic('frontmatter.missing', range, 'No front matter: add one to record the kind, status and TLP label of the report', [
        { title: 'Add front matter', edits: [addFrontMatterEdit(report, values)], isPreferred: true },
      ]),
    ];
  }
  const found = [...report.frontMatter.diagnostics];
  const requested = report.frontMatter.raw.template;
  if (typeof requested === 'string' && requested !== context.template.id) {
    const node = report.frontMatter.document.get('template', true) as { range?: [number, number, number] } | undefined;
    const offset = report.frontMatter.contentRange.start;
    const range = node?.range ? { start: offset + node.range[0], end: offset + node.range[1] } : report.frontMatter.range;
    found.push(
      diagnostic(
        'template.unknown',
        range,
        `Unknown template "${requested}"; known: ${context.templateIds.join(', ')}`,
        context.templateIds.map((id) => ({ title: `Use template "${id}"`, edits: [{ ...range, newText: id }] })),
      ),
    );
  }
  return found;
}
