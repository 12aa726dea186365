// A report as a STIX 2.1 bundle (OASIS STIX Version 2.1, 10 June 2021), for threat-intelligence platforms.
//
// Deterministic: every id is a UUIDv5 of the report's seed (its id or file name), the object's type and its key, and
// every timestamp comes from the report's dates, so exporting the same report twice gives the same bundle and a
// re-export diffs cleanly. UUIDv5 comes from the `uuid` package (its browser build hashes with a small pure-JS
// SHA-1, synchronously; 1.4 KB gzipped).
import { v5 as uuidv5 } from 'uuid';
import type { IndicatorType } from '../security/indicators';
import type { TlpLevel } from '../security/tlp';

interface StixTechniqueInput {
  /** "T1566.001". */
  readonly id: string;
  readonly name: string;
  readonly url: string;
  /** Tactic shortnames: the attack pattern's kill-chain phases. */
  readonly tactics: readonly string[];
}

export interface StixReportInput {
  /** Stable for the report (its `id` or file name): the ids of the bundle's objects derive from it. */
  readonly seed: string;
  readonly title: string;
  /** The executive summary: the report's description. */
  readonly summary: string | null;
  /** ISO 8601 instant the report was published (STIX requires one). */
  readonly published: string;
  /** ISO 8601 instants of the report's creation and last change: `created` and `modified` of every object (default: `published`). */
  readonly created?: string | null;
  readonly modified?: string | null;
  /** The affected organisation, an `identity`. */
  readonly organisation: string | null;
  readonly tlp: TlpLevel | null;
  readonly techniques: readonly StixTechniqueInput[];
  /** Refanged values; CVE IDs become `vulnerability` objects, the others `indicator` objects. Duplicates are dropped. */
  readonly indicators: readonly { readonly type: IndicatorType; readonly value: string }[];
}

type StixObject = Readonly<Record<string, unknown>> & { readonly type: string; readonly id: string };

export interface StixBundle {
  readonly type: 'bundle';
  readonly id: string;
  readonly objects: readonly StixObject[];
}

/** This project's UUIDv5 namespace for the ids it makes: the UUIDv5 of its repository URL in the URL namespace. */
const NAMESPACE = uuidv5('https://github.com/incident-report-studio/incident-report-studio', uuidv5.URL);

/** The extension definition of TLP 2.0 marking definitions (oasis-open/cti-stix-common-objects, tlp-2.0). */
const TLP_EXTENSION = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

/** The official STIX ids of the TLP 2.0 marking definitions, all created 2022-10-01. */
const TLP_MARKING_IDS: Readonly<Record<TlpLevel, string>> = {
  'TLP:CLEAR': 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  'TLP:GREEN': 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  'TLP:AMBER': 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'TLP:AMBER+STRICT': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  'TLP:RED': 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

/** The official TLP 2.0 marking-definition object of a level. */
export function tlpMarkingDefinition(level: TlpLevel): StixObject {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP_MARKING_IDS[level],
    created: '2022-10-01T00:00:00.000Z',
    name: level,
    extensions: { [TLP_EXTENSION]: { extension_type: 'property-extension', tlp_2_0: level.slice('TLP:'.length).toLowerCase() } },
  };
}

/** The STIX cyber-observable path each indicator type is matched on. */
const OBSERVABLE_PATHS: Readonly<Record<Exclude<IndicatorType, 'cve'>, string>> = {
  ipv4: 'ipv4-addr:value',
  ipv6: 'ipv6-addr:value',
  domain: 'domain-name:value',
  url: 'url:value',
  email: 'email-addr:value',
  md5: 'file:hashes.MD5',
  sha1: "file:hashes.'SHA-1'",
  sha256: "file:hashes.'SHA-256'",
};

const INDICATOR_NAMES: Readonly<Record<Exclude<IndicatorType, 'cve'>, string>> = {
  ipv4: 'IPv4 address',
  ipv6: 'IPv6 address',
  domain: 'Domain',
  url: 'URL',
  email: 'E-mail address',
  md5: 'MD5',
  sha1: 'SHA-1',
  sha256: 'SHA-256',
};

/**
 * A STIX pattern matching one observable value: `[url:value = 'http://…']`. In a pattern's string literal a
 * quote and a backslash are escaped with a backslash (STIX 2.1, 9.6 "Pattern Grammar").
 */
export function stixPattern(type: Exclude<IndicatorType, 'cve'>, value: string): string {
  return `[${OBSERVABLE_PATHS[type]} = '${value.replace(/[\\']/g, (c) => `\\${c}`)}']`;
}

/** A STIX timestamp (UTC, "Z", milliseconds) of an ISO 8601 instant; throws on one that is not a date. */
function timestamp(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw new Error(`Not an ISO 8601 instant: ${iso}`);
  return new Date(time).toISOString();
}

export function stixBundle(input: StixReportInput): StixBundle {
  const published = timestamp(input.published);
  const created = input.created ? timestamp(input.created) : published;
  const modified = input.modified ? timestamp(input.modified) : created;
  const id = (type: string, key: string) => `${type}--${uuidv5(`${input.seed}\u0000${type}\u0000${key}`, NAMESPACE)}`;
  const marking = input.tlp ? tlpMarkingDefinition(input.tlp) : null;
  const common = (type: string, key: string) => ({
    type,
    spec_version: '2.1',
    id: id(type, key),
    created,
    modified,
    ...(marking && { object_marking_refs: [marking.id] }),
  });

  const objects: StixObject[] = [];
  if (input.organisation) objects.push({ ...common('identity', input.organisation), name: input.organisation, identity_class: 'organization' });
  for (const technique of unique(input.techniques, (t) => t.id)) {
    objects.push({
      ...common('attack-pattern', technique.id),
      name: technique.name,
      external_references: [{ source_name: 'mitre-attack', external_id: technique.id, url: technique.url }],
      ...(technique.tactics.length && { kill_chain_phases: technique.tactics.map((phase_name) => ({ kill_chain_name: 'mitre-attack', phase_name })) }),
    });
  }
  const indicators = unique(input.indicators, (i) => `${i.type}\u0000${i.type === 'cve' ? i.value.toUpperCase() : i.value}`);
  for (const { type, value } of indicators) {
    if (type === 'cve') continue;
    objects.push({
      ...common('indicator', `${type}\u0000${value}`),
      name: `${INDICATOR_NAMES[type]}: ${value}`,
      indicator_types: ['malicious-activity'],
      pattern: stixPattern(type, value),
      pattern_type: 'stix',
      pattern_version: '2.1',
      valid_from: published,
    });
  }
  for (const { type, value } of indicators) {
    if (type !== 'cve') continue;
    const cve = value.toUpperCase();
    objects.push({ ...common('vulnerability', cve), name: cve, external_references: [{ source_name: 'cve', external_id: cve }] });
  }
  const reportId = id('report', 'report');
  const report: StixObject = {
    ...common('report', 'report'),
    name: input.title,
    ...(input.summary && { description: input.summary }),
    report_types: ['threat-report'],
    published,
    // STIX requires at least one reference; a report that names nothing refers to itself. (No `incident` object:
    // the official bundle schema does not list that SDO, so a bundle with one fails validation.)
    object_refs: objects.length ? objects.map((object) => object.id) : [reportId],
  };
  return { type: 'bundle', id: id('bundle', 'bundle'), objects: [report, ...objects, ...(marking ? [marking] : [])] };
}

function unique<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const itemKey = key(item);
    if (seen.has(itemKey)) return false;
    seen.add(itemKey);
    return true;
  });
}
