// The HTML export, as the editor command and `incident-report render` both make it.
import type { Analysis } from '../core/analysis/analyze';
import { htmlReport } from '../core/output/htmlReport';
import { reportTimelineView } from './timelineView';

/** The report's page; `path` names it when it has no title, `nonce` is a fresh random token (see createNonce). */
export function reportPage(analysis: Analysis, path: string, nonce: string): string {
  return htmlReport({ analysis, view: reportTimelineView(analysis, path), nonce });
}

/** 32 random hex characters from the web crypto API, which Node, the desktop and the web extension hosts all have. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
