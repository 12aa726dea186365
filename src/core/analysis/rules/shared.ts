import type { SectionMatch } from '../../template/match';
import type { Template } from '../../template/schema';
import { templatePlaceholders } from '../../template/render';
import type { RuleContext } from '../context';

const placeholderCache = new WeakMap<Template, ReadonlySet<string>>();

export function placeholderSet(template: Template): ReadonlySet<string> {
  let set = placeholderCache.get(template);
  if (!set) placeholderCache.set(template, (set = new Set(templatePlaceholders(template))));
  return set;
}

/** In an operational report an attack-specific section is expected to say N/A. */
export function showsNotApplicable(context: RuleContext, match: SectionMatch): boolean {
  return context.kind === 'operational' && match.attackSpecific;
}
