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
