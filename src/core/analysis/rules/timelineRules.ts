import type { RuleCheck } from '../context';

/** The \`timeline.*\` diagnostics, from the timeline the preview and the exports share. */
export const checkTimeline: RuleCheck = (context) => [...context.timeline.diagnostics];
