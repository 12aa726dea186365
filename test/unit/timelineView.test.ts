import * as assert from 'node:assert/strict';
import { formatDuration } from '../../src/core/timeline/format';
import { timelineView, tlpView } from '../../src/shared/timelineView';
import { analyze } from './helpers';

const REPORT = `---
kind: security
tlp: TLP:AMBER+STRICT
timezone: Europe/Zurich
---
# Incident Report: View test

## Incident Details

- **Discovery Date:** 2024-03-05 11:30
- **Incident Date:** 2024-03-05 09:15

## Timeline of Events

### Initial Access

- **Date/Time:** 2024-03-05 09:15
- **Details:** Stolen credentials.

### Lateral Movement

- **Date/Time:** 2024-03-07
- **Details:** The attacker reached the wiki.

### Data Exfiltration/Impact

- **Impact:** Unknown so far.

### Detection & Response

- **Date/Time:** 2024-03-05 11:30
- **Detection:** The EDR alerted the SOC.
`;

suite('Timeline preview view', () => {
  test('durations keep their two largest units', () => {
    assert.equal(formatDuration(0), '0 min');
    assert.equal(formatDuration(42), '< 1 min');
    assert.equal(formatDuration(40 * 60), '40 min');
    assert.equal(formatDuration(2 * 3600 + 15 * 60 + 59), '2 h 15 min');
    assert.equal(formatDuration(9 * 86_400), '9 d 0 h');
    assert.equal(formatDuration(-(2 * 86_400 + 21 * 3600)), '−2 d 21 h');
  });

  test('TLP labels keep their text and get their TLP 2.0 colour', () => {
    assert.deepEqual(tlpView('TLP:AMBER+STRICT'), { label: 'TLP:AMBER+STRICT', colour: 'amber' });
    assert.deepEqual(tlpView(' tlp:red '), { label: 'tlp:red', colour: 'red' });
    assert.deepEqual(tlpView('TLP:WHITE'), { label: 'TLP:WHITE', colour: 'clear' });
    assert.deepEqual(tlpView('internal'), { label: 'internal', colour: null });
    assert.equal(tlpView(undefined), null);
    assert.equal(tlpView(3), null);
    assert.equal(tlpView(''), null);
  });

  test('dated events come in runs of one phase, with the time since the event before, in the report zone', () => {
    const analysis = analyze(REPORT);
    const view = timelineView(analysis.timeline, 'View test', analysis.report.frontMatter?.raw.tlp, []);

    assert.deepEqual(
      view.metrics.map(({ name, value, known }) => [name, value, known]),
      [
        ['Time to detect', '2 h 15 min', true],
        ['Time to contain', '—', false],
        ['Time to recover', '—', false],
      ],
    );
    assert.equal(view.timezone, 'Europe/Zurich');
    assert.deepEqual(
      view.dated.map((group) => [group.phase, group.categoryTitle, group.events.map((event) => [event.when, event.gap])]),
      [
        ['Incident Details', 'Other', [['2024-03-05 09:15', null]]],
        ['Initial Access', 'Attack', [['2024-03-05 09:15', null]]],
        ['Incident Details', 'Detection', [['2024-03-05 11:30', '+2 h 15 min']]],
        ['Detection & Response', 'Detection', [['2024-03-05 11:30', null]]],
        // A date without a time: the gap is in whole days.
        ['Lateral Movement', 'Attack', [['2024-03-07', '+2 d']]],
      ],
    );
    assert.deepEqual(
      view.undated.map((event) => [event.phase, event.categoryTitle, event.when, event.gap]),
      [['Data Exfiltration/Impact', 'Impact', null, null]],
    );
  });
});
