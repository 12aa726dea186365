import { notApplicableText, DEFAULT_NOT_APPLICABLE_REASON } from '../parse/notApplicable';
import type { Template, TemplateSection } from './schema';
import { slugify } from '../text/words';
import { PlaceholderWriter, renderSection } from './render';

interface Snippet {
  prefix: string | string[];
  body: string[];
  description: string;
}

/** The Markdown snippets shipped in `snippets/`, generated from the security template so the two never drift (checked by a test). */
export function reportSnippets(template: Template): Record<string, Snippet> {
  const snippets: Record<string, Snippet> = {};
  const add = (section: TemplateSection, level: number) => {
    const body = renderSection({ ...section, sections: [] }, { level, notApplicable: null, notApplicableReason: '' }, new PlaceholderWriter('snippet'));
    while (body[body.length - 1] === '') body.pop();
    snippets[`Section: ${section.title}`] = { prefix: `ir-${slugify(section.title)}`, body, description: `Incident report section "${section.title}" with its fields` };
  };
  for (const section of template.sections) {
    add(section, 2);
    for (const child of section.sections) add(child, 3);
  }
  const timeline = template.sections.find((section) => section.role === 'timeline');
  // The simplest phase with a date field is the model of a new one.
  const phase = timeline?.sections.filter((section) => section.fields.some((field) => field.role === 'event-time')).sort((a, b) => a.fields.length - b.fields.length)[0];
  if (timeline && phase) {
    const dateField = phase.fields.find((field) => field.role === 'event-time')!;
    const textField = phase.fields.find((field) => field.type === 'text');
    snippets['Timeline phase'] = {
      prefix: 'ir-phase',
      body: ['### ${1:Phase}', '', `- **${dateField.name}:** \${2:YYYY-MM-DD HH:MM UTC}`, ...(textField ? [`- **${textField.name}:** \${3:What happened}`] : []), '$0'],
      description: `A phase of "${timeline.title}" with its date`,
    };
  }
  const response = template.sections.find((section) => section.role === 'response');
  snippets['Timeline event'] = {
    prefix: 'ir-event',
    body: ['- ${1:YYYY-MM-DD HH:MM} UTC — ${2:what happened}'],
    description: `A dated line${timeline ? ` in "${timeline.title}"${response ? ` or "${response.title}"` : ''}` : ''}`,
  };
  const actions = template.sections.find((section) => section.role === 'actions');
  snippets['Action item'] = {
    prefix: 'ir-action',
    body: ['- [ ] ${1:What will be done} (owner: @${2:team}, due: ${3:YYYY-MM-DD})'],
    description: `A follow-up action with its owner and due date${actions ? ` in "${actions.title}"` : ''}`,
  };
  snippets['Field line'] = { prefix: 'ir-field', body: ['- **${1:Name}:** ${2:value}'], description: 'A report field line' };
  snippets['Not applicable'] = {
    prefix: ['ir-na', 'n/a'],
    body: [notApplicableText(`\${1:${DEFAULT_NOT_APPLICABLE_REASON}}`)],
    description: 'The canonical N/A marker with its reason',
  };
  return snippets;
}
