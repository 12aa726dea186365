import type { RuleCheck } from '../context';
import { checkContent } from './contentRules';
import { checkFields } from './fieldRules';
import { checkFrontMatter } from './frontMatterRules';
import { checkKind } from './kindRules';
import { checkSections } from './sectionRules';
import { checkTimeline } from './timelineRules';
import { checkAttack } from './attackRules';
import { checkIndicators } from './indicatorRules';
import { checkSecrets } from './secretRules';
import { checkActions } from './actionRules';

/** Every check the engine runs on a report, in the order their diagnostics are listed. */
export const RULE_CHECKS: RuleCheck[] = [checkFrontMatter, checkSections, checkFields, checkContent, checkKind, checkTimeline, checkAttack, checkIndicators, checkSecrets, checkActions];
