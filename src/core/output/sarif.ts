import type { ExportedDiagnostic } from './exportSchema';
import { DOCS_URL, RULE_IDS, ruleDocsUrl, RULES, type Severity } from '../diagnostics';

const SRCROOT = '%SRCROOT%';

export interface SarifArtifact {
  /** A URI reference relative to the base folder (percent-encoded), or an absolute `file:` URI for a file outside it. */
  readonly uri: string;
  readonly relative: boolean;
  readonly diagnostics: readonly ExportedDiagnostic[];
}

export interface SarifOptions {
  readonly toolVersion: string;
  /** `file:` URI of the folder relative URIs are resolved against, ending with a slash. */
  readonly baseUri: string;
}

type SarifLevel = 'error' | 'warning' | 'note';

interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex?: number;
  readonly level: SarifLevel;
  readonly message: { readonly text: string };
  readonly locations: readonly {
    readonly physicalLocation: {
      readonly artifactLocation: { readonly uri: string; readonly uriBaseId?: string };
      readonly region: { readonly startLine: number; readonly startColumn: number; readonly endLine: number; readonly endColumn: number };
    };
  }[];
}

export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly {
    readonly tool: { readonly driver: Record<string, unknown> };
    readonly originalUriBaseIds: Record<string, { readonly uri: string }>;
    readonly columnKind: 'utf16CodeUnits';
    readonly results: readonly SarifResult[];
  }[];
}

const LEVELS: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** One SARIF 2.1.0 run with every rule of the catalog, for GitHub code scanning and other SARIF viewers. */
export function toSarif(artifacts: readonly SarifArtifact[], options: SarifOptions): SarifLog {
  const ruleIndex = new Map<string, number>(RULE_IDS.map((id, index) => [id, index]));
  const results = artifacts.flatMap((artifact) => artifact.diagnostics.map((found) => sarifResult(artifact, found, ruleIndex.get(found.rule))));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'incident-report',
            fullName: 'Incident Report Studio',
            version: options.toolVersion,
            informationUri: DOCS_URL,
            rules: RULE_IDS.map((id) => ({
              id,
              shortDescription: { text: RULES[id].description },
              helpUri: ruleDocsUrl(id),
              defaultConfiguration: { level: LEVELS[RULES[id].severity] },
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: options.baseUri } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

function sarifResult(artifact: SarifArtifact, found: ExportedDiagnostic, ruleIndex: number | undefined): SarifResult {
  return {
    ruleId: found.rule,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: LEVELS[found.severity],
    message: { text: found.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifact.relative ? { uri: artifact.uri, uriBaseId: SRCROOT } : { uri: artifact.uri },
          region: { startLine: found.line, startColumn: found.column, endLine: found.endLine, endColumn: found.endColumn },
        },
      },
    ],
  };
}
