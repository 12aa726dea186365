import type { Configuration } from './configuration';
import type { DiagnosticsPublisher } from './diagnostics';
import type { Reports } from './reports';
import type { WorkspaceTemplates } from './workspaceTemplates';

/** What commands and views share, built once at activation. */
export interface Services {
  readonly configuration: Configuration;
  readonly templates: WorkspaceTemplates;
  readonly reports: Reports;
  readonly diagnostics: DiagnosticsPublisher;
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
  copyTimelineAsJson: 'incidentReport.copyTimelineAsJson',
} as const;
