import type { DiagnosticsPublisher } from './diagnostics';
import type { Log } from './log';
import type { Projects } from './projects';
import type { Reports } from './reports';

/** What commands and views share, built once at activation. */
export interface Services {
  readonly projects: Projects;
  readonly reports: Reports;
  readonly diagnostics: DiagnosticsPublisher;
  readonly log: Log;
  readonly clock: () => Date;
}

export const COMMANDS = {
  newReport: 'incidentReport.newReport',
  markSectionNotApplicable: 'incidentReport.markSectionNotApplicable',
  markAttackSectionsNotApplicable: 'incidentReport.markAttackSectionsNotApplicable',
  validateWorkspace: 'incidentReport.validateWorkspace',
  fixAll: 'incidentReport.fixAll',
  showTimelinePreview: 'incidentReport.showTimelinePreview',
  copyTimelineAsMermaid: 'incidentReport.copyTimelineAsMermaid',
  copyTimelineAsMermaidGantt: 'incidentReport.copyTimelineAsMermaidGantt',
  copyTimelineAsJson: 'incidentReport.copyTimelineAsJson',
  defangIndicators: 'incidentReport.defangIndicators',
  refangIndicators: 'incidentReport.refangIndicators',
  exportStix: 'incidentReport.exportStix',
  exportNavigatorLayer: 'incidentReport.exportNavigatorLayer',
  exportHtml: 'incidentReport.exportHtml',
  followUpsGroupByOwner: 'incidentReport.followUps.groupByOwner',
  followUpsGroupByReport: 'incidentReport.followUps.groupByReport',
  reportsGroupByStatus: 'incidentReport.reports.groupByStatus',
  reportsGroupByQuarter: 'incidentReport.reports.groupByQuarter',
  showPortfolio: 'incidentReport.showPortfolio',
} as const;

/** The views' ids, as package.json contributes them. */
export const VIEWS = {
  followUps: 'incidentReport.followUps',
  reports: 'incidentReport.reports',
} as const;
