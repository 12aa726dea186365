// Large generated reports for `npm run bench`: a security report whose timeline, indicators and notes grow to the
// size asked for, with the date forms, tables, fields, ATT&CK IDs and indicators real reports have.

const HEAD = `---
kind: security
template: security-incident
status: in-review
severity: high
tlp: TLP:AMBER
timezone: UTC
id: BENCH-001
---

# Incident Report: Ransomware Intrusion Across the Logistics Network

## Executive Summary

An intruder used a phished VPN account to reach the logistics network, spread over SMB and encrypted file servers. Containment took two days and recovery three weeks.

## Incident Details

- **Discovery Date:** 2024-03-14 09:40 UTC
- **Incident Date:** 2024-03-12 22:15 UTC
- **Affected Organization:** Northwind Logistics
- **Sector:** Transport
- **Geography:** Europe
- **Incident Status:** Contained

## Timeline of Events
`;

const PHASE = (n: number) => `
### Phase ${n}: Lateral Movement Wave

- **Date/Time:** 2024-03-${String((n % 27) + 1).padStart(2, '0')} 10:${String(n % 60).padStart(2, '0')} UTC
- **Details:** The intruder reached host-${n} over SMB with a stolen administrator token (T1021.002).

| Time (UTC) | Host | Event |
| --- | --- | --- |
| 2024-03-14 10:${String(n % 60).padStart(2, '0')} | srv-${n} | Service \`svc-${n}\` created |
| 2024-03-14 11:${String(n % 60).padStart(2, '0')} | srv-${n + 1} | Beacon to 203.0.113[.]${n % 250} |
`;

/** Timeline lines in the forms reports write dates: ISO with and without zone, "Mon D, YYYY HH:MM", "D Mon YYYY", times alone. */
const EVENTS = [
  (n: number) => `- 2024-03-14 ${String(n % 24).padStart(2, '0')}:${String(n % 60).padStart(2, '0')} UTC: EDR quarantined \`loader-${n}.exe\` on ws-${n}.`,
  (n: number) => `- Mar ${(n % 28) + 1}, 2024 ${String(n % 24).padStart(2, '0')}:15 – Firewall blocked outbound traffic to hxxps://update-${n}.evil-cdn[.]net/x.`,
  (n: number) => `- ${(n % 28) + 1} March 2024: The SOC reset credentials for **user-${n}** and revoked ${n % 9} sessions.`,
  (n: number) => `- 2024-03-15T${String(n % 24).padStart(2, '0')}:05:00Z — Backup job ${n} verified; see ticket INC-${n}.`,
  (n: number) => `- ${String(n % 24).padStart(2, '0')}:${String((n * 7) % 60).padStart(2, '0')} UTC: Containment step ${n}: isolated vlan-${n % 40} and disabled the VPN account of user-${n}.`,
  (n: number) => `  The operator noted that host-${n} showed *no* signs of [encryption](https://wiki.example.com/kb/${n}) before the reboot.`,
];

const TAIL = `
## Attack Methodology

- **Initial Access:** T1566.001 Spearphishing Attachment
- **Execution:** T1059.001 PowerShell
- **Lateral Movement:** T1021.002 SMB/Windows Admin Shares
- **Impact:** T1486 Data Encrypted for Impact

## Impact Assessment

- **Financial:** About EUR 2.1 million.
- **Data Breach:** None confirmed.
- **Operational:** 41 file servers encrypted.
- **Reputational:** Press coverage in two countries.

## Indicators of Compromise

- **Network indicators:** 203.0.113[.]47, 198.51.100[.]23, hxxps://cdn.evil-cdn[.]net/a.ps1
- **File indicators:** SHA-256 3f5a9c1e7b2d4086a1c3e5f7092b4d6e8f0a1c3e5b7d9f1a2c4e6b8d0f2a4c6e
- **Behavioral indicators:** Service creation over SMB from workstations.

## Response Actions

- **Containment measures:** 2024-03-14 11:30 UTC: VPN closed to all but the on-call team.
- **Eradication steps:** Every administrator password reset; KRBTGT rotated twice.
- **Recovery actions:** 2024-04-02 17:00 UTC: the last file server restored.

## Lessons Learned

- **Key takeaways:** The VPN lacked phishing-resistant MFA.
- **What could have been done better:** Alerts on service creation went to an unwatched queue.

## Recommendations

- **Prevention measures for similar incidents:** FIDO2 keys for the VPN; alert routing to the on-call responder.
`;

/** A report of at least `lines` lines (a phase every 40 timeline lines). */
export function reportOfLines(lines: number): string {
  const parts = [HEAD];
  let count = HEAD.split('\n').length + TAIL.split('\n').length;
  for (let n = 0; count < lines; n++) {
    if (n % 40 === 0) {
      const phase = PHASE(n / 40);
      parts.push(phase);
      count += phase.split('\n').length - 1;
    }
    parts.push(`${EVENTS[n % EVENTS.length](n)}\n`);
    count++;
  }
  parts.push(TAIL);
  return parts.join('');
}

/** A report of at least `bytes` UTF-16 code units (about as many bytes: the text is ASCII but for a few dashes). */
export function reportOfSize(bytes: number): string {
  const lineLength = reportOfLines(2000).length / 2000;
  return reportOfLines(Math.ceil(bytes / lineLength));
}

/** The text with one word of its middle timeline line changed: the edit a re-analysis follows. */
export function editedInTheMiddle(text: string): string {
  const middle = text.indexOf('EDR quarantined', text.length >> 1);
  return middle === -1 ? `${text}\nEdited.\n` : `${text.slice(0, middle)}EDR removed${text.slice(middle + 'EDR quarantined'.length)}`;
}
