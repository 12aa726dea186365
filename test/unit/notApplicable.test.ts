import * as assert from 'node:assert/strict';
import { isNotApplicable, notApplicableText } from '../../src/core/parse/notApplicable';

suite('N/A recognition', () => {
  const yes = [
    'N/A',
    'n/a',
    'NA',
    'N.A.',
    'Not applicable.',
    'Not applicable',
    'N/A (System failure)',
    'N/A (Not applicable for this type of internal incident)',
    'Not applicable (Incident was an outage/failure, not an external intrusion).',
    '*Not applicable, as the incident appears infrastructural/operational, not a security compromise.*',
    '*This section is marked as Not Applicable (N/A) as the event described is an operational outage, not an adversarial cyber attack.*',
    '_N/A — no adversary_',
    'This section is not applicable.',
    notApplicableText('operational incident, not an attack'),
  ];
  const no = ['None reported; the incident was characterized by service disruption.', 'Unknown', 'Nagios alert', 'National grid failure', 'Not specified', 'Internal configuration deployment.', ''];
  for (const text of yes) test(`"${text}" is N/A`, () => assert.equal(isNotApplicable(text), true));
  for (const text of no) test(`"${text}" is not N/A`, () => assert.equal(isNotApplicable(text), false));

  test('the canonical form wraps the reason once', () => {
    assert.equal(notApplicableText('operational incident'), 'N/A (operational incident)');
    assert.equal(notApplicableText('(already wrapped).'), 'N/A (already wrapped)');
    assert.equal(notApplicableText('  '), 'N/A');
  });
});
