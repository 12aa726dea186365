import type { RuleCheck } from '../rules/context';
import { buildTimeline } from './build';

/** The `timeline.*` diagnostics, from the timeline the preview and the exports share. */
export const checkTimeline: RuleCheck = (context) => [...buildTimeline(context).diagnostics];
