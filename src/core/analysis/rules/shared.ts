import type { SectionMatch } from '../../template/match';
import type { TemplateRegistry } from '../../template/registry';
import type { Template } from '../../template/schema';
import { templatePlaceholders } from '../../template/render';
import type { RuleContext } from '../context';

const placeholderCache = new WeakMap<Template, ReadonlySet<string>>();

export function placeholderSet(template: Template): ReadonlySet<string> {
  let set = placeholderCache.get(template);
  if (!set) placeholderCache.set(template, (set = new Set(templatePlaceholders(template))));
  return set;
}

const allPlaceholdersCache = new WeakMap<TemplateRegistry, ReadonlySet<string>>();

/**
 * The placeholders of every template the report could follow. The N/A commands judge "written or not" by these: a
 * section marked N/A can change the inferred kind, and with it the template whose placeholders would count.
 */
export function placeholdersOfAll(templates: TemplateRegistry): ReadonlySet<string> {
  let set = allPlaceholdersCache.get(templates);
  if (!set) allPlaceholdersCache.set(templates, (set = new Set(templates.list().flatMap(({ template }) => [...placeholderSet(template)]))));
  return set;
}

/** In an operational report an attack-specific section is expected to say N/A. */
export function showsNotApplicable(context: RuleContext, match: SectionMatch): boolean {
  return context.kind === 'operational' && match.attackSpecific;
}
