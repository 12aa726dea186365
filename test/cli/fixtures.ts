/** A complete operational report without a single problem. */
export const CLEAN_REPORT = `---
kind: operational
template: operational-outage
status: final
severity: SEV2
tlp: TLP:CLEAR
timezone: UTC
---
# Incident Report: Checkout outage after a database migration

## Executive Summary

A schema migration locked the orders table; checkout failed for 95 minutes until the migration was rolled back.

## Incident Details

- **Discovery Date:** 2024-03-14 09:40 UTC
- **Incident Date:** 2024-03-14 09:25 UTC
- **Affected Organization:** Example Shop
- **Sector:** Retail
- **Geography:** Europe
- **Services Affected:** Checkout
- **Incident Status:** Resolved

## Timeline of Events

### Initial Access

N/A (operational incident, not an attack)

### Lateral Movement

N/A (operational incident, not an attack)

### Data Exfiltration/Impact

- **Date/Time:** 2024-03-14 09:25 UTC
- **Impact:** Checkout requests failed with timeouts.

### Detection & Response

- **Date/Time:** 2024-03-14 09:40 UTC
- **Detection:** The error-rate alert paged the on-call engineer.
- **Response actions taken:** Paused the deployment pipeline.

## Attack Methodology

N/A (operational incident, not an attack)

## Impact Assessment

- **Financial:** About 40,000 EUR of delayed orders.
- **Data Breach:** None.
- **Operational:** Checkout unavailable for 95 minutes.
- **Reputational:** Complaints on social media.

## Indicators of Compromise

N/A (operational incident, not an attack)

## Response Actions

- **Containment measures:** Stopped the migration at 2024-03-14 10:05 UTC.
- **Eradication steps:** Rewrote the migration to run in batches.
- **Recovery actions:** Rolled back the migration; checkout recovered at 2024-03-14 11:00 UTC.

## Lessons Learned

- **Key takeaways:** Migrations on hot tables need a lock timeout.
- **What could have been done better:** Test migrations against production-sized data.

## Recommendations

- **Prevention measures for similar incidents:** Add a lock timeout to every migration.
`;

/** One warning (a TODO), no error. */
export const WARNING_REPORT = CLEAN_REPORT.replace('Complaints on social media.', 'Complaints on social media. TODO: quantify.');

/** One error: the required Recommendations section is missing. */
export const ERROR_REPORT = CLEAN_REPORT.slice(0, CLEAN_REPORT.indexOf('## Recommendations'));

/** A report Fix All can repair completely: Recommendations written before Executive Summary. */
export const FIXABLE = ERROR_REPORT.replace('## Executive Summary', `${CLEAN_REPORT.slice(ERROR_REPORT.length)}\n## Executive Summary`);

/** An error no fix can repair: an enum value with no obvious replacement. */
export const UNFIXABLE = CLEAN_REPORT.replace('- **Incident Status:** Resolved', '- **Incident Status:** Sorted out');

/** Markdown that is not a report by its content. */
export const NOTES = '# Meeting notes\n\nNothing to see here. TODO: nothing.\n';

interface PortfolioReport {
  readonly severity: string;
  /** The four instants of CLEAN_REPORT replaced: start (incident date and impact), detection, containment, recovery. */
  readonly start: string;
  readonly detected: string;
  readonly contained: string;
  /** Null: the recovery is not dated. */
  readonly recovered: string | null;
  readonly actions: string;
}

function portfolioReport(report: PortfolioReport): string {
  const text = CLEAN_REPORT.replace('severity: SEV2', `severity: ${report.severity}`)
    .replaceAll('2024-03-14 09:25 UTC', report.start)
    .replaceAll('2024-03-14 09:40 UTC', report.detected)
    .replace('2024-03-14 10:05 UTC', report.contained)
    .replace('Rolled back the migration; checkout recovered at 2024-03-14 11:00 UTC.', report.recovered ? `Rolled back; recovered at ${report.recovered}.` : 'Still under way.');
  return `${text}${report.actions}\n`;
}

/**
 * Five reports with known figures (seconds from the start): `incident-report stats` and `actions` are checked
 * against them.
 *
 * | report | kind        | severity | quarter | detect | contain | recover | open items (overdue)   |
 * | r1     | operational | SEV2     | 2024-Q1 |    900 |    2400 |    5700 | 1 (1), 1 done         |
 * | r2     | operational | SEV1     | 2024-Q2 |   3600 |    7200 |   14400 | 1 (0)                 |
 * | r3     | operational | SEV2     | 2024-Q2 |   1800 |   10800 |   86400 | table: 1 (1), 1 done  |
 * | r4     | operational | SEV3     | 2025-Q1 |   7200 |   21600 |       – | 1 (0)                 |
 * | r5     | security    | high     | unknown |    600 |    3600 |    7200 | none                  |
 */
export const PORTFOLIO: Record<string, string> = {
  'incidents/r1.md': portfolioReport({
    severity: 'SEV2',
    start: '2024-03-14 09:25 UTC',
    detected: '2024-03-14 09:40 UTC',
    contained: '2024-03-14 10:05 UTC',
    recovered: '2024-03-14 11:00 UTC',
    actions: '- [ ] Add a lock timeout to migrations (owner: @db, due: 2024-04-01, priority: P1)\n- [x] Roll back the migration (owner: @db, due: 2024-03-15)',
  }),
  'incidents/r2.md': portfolioReport({
    severity: 'SEV1',
    start: '2024-05-02 10:00 UTC',
    detected: '2024-05-02 11:00 UTC',
    contained: '2024-05-02 12:00 UTC',
    recovered: '2024-05-02 14:00 UTC',
    actions: '- [ ] Page on replication lag @sre due 2099-01-01 P2',
  }),
  'incidents/r3.md': portfolioReport({
    severity: 'SEV2',
    start: '2024-06-30 22:00 UTC',
    detected: '2024-06-30 22:30 UTC',
    contained: '2024-07-01 01:00 UTC',
    recovered: '2024-07-01 22:00 UTC',
    actions: '\n| Action | Owner | Due | Status |\n| --- | --- | --- | --- |\n| Move backups off the primary | @storage | 2024-08-01 | open |\n| Restore from backup | @storage | 2024-07-02 | done |',
  }),
  'incidents/r4.md': portfolioReport({
    severity: 'SEV3',
    start: '2025-01-05 00:00 UTC',
    detected: '2025-01-05 02:00 UTC',
    contained: '2025-01-05 06:00 UTC',
    recovered: null,
    actions: '- [ ] Write the failover runbook',
  }),
  'incidents/r5.md': portfolioReport({
    severity: 'high',
    start: '2024-08-01 12:00 UTC',
    detected: '2024-08-01 12:10 UTC',
    contained: '2024-08-01 13:00 UTC',
    recovered: '2024-08-01 14:00 UTC',
    actions: '',
  })
    .replace('kind: operational\ntemplate: operational-outage', 'kind: security\ntemplate: security-incident')
    // Without an incident date the metrics start at the impact, and the quarter is unknown.
    .replace('- **Incident Date:** 2024-08-01 12:00 UTC', '- **Incident Date:** Unknown'),
};
