import * as assert from 'node:assert/strict';
import { actionItems, isOverdue, type ActionItem } from '../../src/core/followUps/actionItems';
import { reportSnippets } from '../../src/core/template/snippets';
import { builtinTemplates } from '../../src/core/template/registry';
import { analyze, applyFix, fixTitled, NOW, only, single, textAt, VALID_REPORT } from './helpers';

/** The valid security report with its Recommendations section's body replaced. */
function withRecommendations(body: string): string {
  const changed = VALID_REPORT.replace(/(## Recommendations\n)[\s\S]*$/, `$1\n${body}\n`);
  assert.notEqual(changed, VALID_REPORT);
  return changed;
}

const POSTMORTEM = (actions: string) => `---
kind: operational
template: sre-postmortem
timezone: Europe/Berlin
---
# Postmortem: Broker outage

## Summary

The broker was down.

## Impact

- **Start:** 2025-02-03 10:00
- **Detected:** 2025-02-03 10:20

## Action Items

${actions}

## Timeline

- 2025-02-03 10:00 broker down
`;

function items(text: string): ActionItem[] {
  return actionItems(analyze(text));
}

/** The fields that say what an item is, for comparisons. */
function summary(item: ActionItem) {
  return { text: item.text, status: item.status, owner: item.owner, due: item.due?.kind === 'date' ? item.due.date : (item.due?.text ?? null), priority: item.priority };
}

const actionRules = (text: string, options: { now?: Date } = { now: NOW }) => analyze(text, options).diagnostics.filter((d) => d.rule.startsWith('action.'));

suite('action items: the forms', () => {
  test('a task-list item with (owner: …, due: …, priority: …); the parenthesis is not part of its text', () => {
    const [item] = items(withRecommendations('- [ ] Pin the broker client version (owner: @payments, due: 2025-03-01, priority: P1)'));
    assert.deepEqual(summary(item), { text: 'Pin the broker client version', status: 'open', owner: '@payments', due: '2025-03-01', priority: 'P1' });
  });

  test('bare forms: @name, due DATE, P1', () => {
    const [item] = items(withRecommendations('- [ ] Alert on consumer lag @platform due 2025-04-15 P2'));
    assert.deepEqual(summary(item), { text: 'Alert on consumer lag @platform due 2025-04-15 P2', status: 'open', owner: '@platform', due: '2025-04-15', priority: 'P2' });
  });

  test('due by / due on, a written-out date with its own comma, an owner with spaces, a sentence ending after @team', () => {
    const found = items(
      withRecommendations(['- [ ] Rehearse the failover (owner: Dana Reyes, due: March 31, 2025)', '- [ ] Rotate keys, due by 1 Apr 2025, with @sec-team.', '- [ ] Patch due on 2025-05-02 by @org/infra'].join('\n')),
    );
    assert.deepEqual(found.map(summary), [
      { text: 'Rehearse the failover', status: 'open', owner: 'Dana Reyes', due: '2025-03-31', priority: null },
      { text: 'Rotate keys, due by 1 Apr 2025, with @sec-team.', status: 'open', owner: '@sec-team', due: '2025-04-01', priority: null },
      { text: 'Patch due on 2025-05-02 by @org/infra', status: 'open', owner: '@org/infra', due: '2025-05-02', priority: null },
    ]);
  });

  test('[x] and [X] are done; ordered, nested and multi-line task items count; plain list items and prose do not', () => {
    const found = items(
      withRecommendations(
        [
          'We recommend the following.',
          '',
          '- **Prevention measures for similar incidents:** rotate every credential.',
          '- [x] Rolled back (owner: @a, due: 2025-01-01)',
          '- [X] Rolled forward (owner: @b, due: 2025-01-02)',
          '1. [ ] Write the runbook',
          '   (owner: @c,',
          '   due: 2025-01-03)',
          '   - [ ] Review it @d due 2025-01-04',
        ].join('\n'),
      ),
    );
    assert.deepEqual(
      found.map((item) => [item.text, item.status, item.owner, item.line]),
      [
        ['Rolled back', 'done', '@a', found[0].line],
        ['Rolled forward', 'done', '@b', found[0].line + 1],
        ['Write the runbook', 'open', '@c', found[0].line + 2],
        ['Review it @d due 2025-01-04', 'open', '@d', found[0].line + 5],
      ],
    );
    assert.equal(found[2].due?.kind === 'date' && found[2].due.date, '2025-01-03');
  });

  test('an e-mail address is no owner; "due to" is no due date; an owner: key wins over an @mention', () => {
    const [first, second] = items(withRecommendations('- [ ] Ask ops@example.com why the job was due to run twice\n- [ ] Ask @someone (owner: Lee)'));
    assert.equal(first.owner, null);
    assert.equal(first.due, null);
    assert.equal(second.owner, 'Lee');
  });

  test('only sections with the actions role count, their subsections included, whatever their title', () => {
    const text = withRecommendations('### Short term\n\n- [ ] Turn on MFA @it due 2025-01-10').replace('## Lessons Learned\n', '## Lessons Learned\n\n- [ ] Not an action item here @x\n');
    assert.deepEqual(items(text).map((item) => item.text), ['Turn on MFA @it due 2025-01-10']);
    const postmortem = items(POSTMORTEM('- [ ] Add a lag alert @sre due 2025-02-20'));
    assert.deepEqual(postmortem.map(summary), [{ text: 'Add a lag alert @sre due 2025-02-20', status: 'open', owner: '@sre', due: '2025-02-20', priority: null }]);
  });

  test('a due date is a day on the report\'s calendar: overdue once that day is over in its zone', () => {
    // Europe/Berlin is UTC+1 in February: 2025-02-20 ends at 2025-02-19T23:00Z.
    const [item] = items(POSTMORTEM('- [ ] Add a lag alert @sre due 2025-02-20'));
    assert.equal(isOverdue(item, new Date('2025-02-20T22:59:59Z')), false);
    assert.equal(isOverdue(item, new Date('2025-02-20T23:00:00Z')), true);
    const [month] = items(POSTMORTEM('- [ ] Migrate @sre (due: March 2025)'));
    assert.equal(month.due?.kind === 'date' && month.due.date, '2025-03-01');
    assert.equal(isOverdue(month, new Date('2025-03-31T12:00:00Z')), false, 'a month is due by its end');
    const [done] = items(POSTMORTEM('- [x] Migrated @sre (due: 2020-01-01)'));
    assert.equal(isOverdue(done, NOW), false, 'a done item is never overdue');
  });

  test('a table with Action / Owner / Due / Status columns: a row per item, done by its status, blank cells read from the action', () => {
    const table = [
      '| Action | Owner | Due date | Status | Priority |',
      '| --- | --- | --- | --- | --- |',
      '| Pin the broker client | @payments | 2025-03-01 | open | P1 |',
      '| Roll back the upgrade | **@payments** | 2025-02-10 | Done | |',
      '| Page on lag, @sre due 2025-04-01 |  |  |  | |',
      '| Decide on retention | @legal | next sprint | in progress | |',
      '|  | @nobody | 2025-01-01 | open | |',
    ].join('\n');
    assert.deepEqual(items(withRecommendations(table)).map(summary), [
      { text: 'Pin the broker client', status: 'open', owner: '@payments', due: '2025-03-01', priority: 'P1' },
      { text: 'Roll back the upgrade', status: 'done', owner: '@payments', due: '2025-02-10', priority: null },
      { text: 'Page on lag, @sre due 2025-04-01', status: 'open', owner: '@sre', due: '2025-04-01', priority: null },
      { text: 'Decide on retention', status: 'open', owner: '@legal', due: 'next sprint', priority: null },
    ]);
  });

  test('a table without an action column is no list of actions', () => {
    assert.deepEqual(items(withRecommendations('| Control | Owner |\n| --- | --- |\n| MFA | @it |')), []);
  });
});

suite('action items: the rules', () => {
  test('no rule fires on complete, done or future items', () => {
    const text = withRecommendations('- [ ] Pin it (owner: @payments, due: 2027-03-01)\n- [x] Roll back\n- [x] Old (due: 2020-01-01)');
    assert.deepEqual(actionRules(text), []);
  });

  test('action.no-owner and action.no-due-date on open items only, on the item\'s text', () => {
    const text = withRecommendations('- [ ] Pin the broker client version\n- [x] Roll back the upgrade');
    const analysis = analyze(text);
    assert.equal(textAt(analysis, single(analysis, 'action.no-owner')), 'Pin the broker client version');
    assert.equal(textAt(analysis, single(analysis, 'action.no-due-date')), 'Pin the broker client version');
    assert.deepEqual(only(analyze(withRecommendations('- [ ] Pin it @payments')), 'action.no-owner'), []);
    assert.equal(only(analyze(withRecommendations('- [ ] Pin it @payments')), 'action.no-due-date').length, 1);
    assert.equal(only(analyze(withRecommendations('- [ ] Pin it due 2027-01-01')), 'action.no-owner').length, 1);
  });

  test('the quick fix appends only the missing keys, never changes the text, and is not preferred (Fix All leaves it)', () => {
    const text = withRecommendations('- [ ] Pin the broker client version\n- [ ] Alert on lag @sre');
    const analysis = analyze(text);
    const [first, second] = only(analysis, 'action.no-due-date');
    const both = fixTitled(first, 'Add an owner and a due date to the action item');
    assert.equal(both.isPreferred, undefined);
    const fixed = applyFix(text, both);
    assert.ok(fixed.includes('- [ ] Pin the broker client version (owner: @, due: YYYY-MM-DD)\n'), fixed.slice(-200));
    assert.equal(fixed.replace(' (owner: @, due: YYYY-MM-DD)', ''), text, 'nothing but the template is added');
    assert.ok(applyFix(text, fixTitled(second, 'Add a due date to the action item')).includes('- [ ] Alert on lag @sre (due: YYYY-MM-DD)\n'));

    // The template's blanks still count as missing, now on the blanks to fill in, with no second fix; the due
    // date's blank is no unreadable date.
    const again = analyze(fixed);
    const [blankOwner] = only(again, 'action.no-owner');
    const [blankDue] = only(again, 'action.no-due-date');
    assert.deepEqual([textAt(again, blankOwner), blankOwner.message, blankOwner.fixes], ['@', 'Fill in the owner of the action item "Pin the broker client version"', undefined]);
    assert.deepEqual([textAt(again, blankDue), blankDue.message, blankDue.fixes], ['YYYY-MM-DD', 'Fill in the due date of the action item "Pin the broker client version"', undefined]);
    assert.deepEqual(only(again, 'action.bad-due-date'), []);
  });

  test('the fix of a multi-line item goes after its last line', () => {
    const text = withRecommendations('- [ ] Write the runbook\n  for the broker');
    const fixed = applyFix(text, fixTitled(single(analyze(text), 'action.no-owner'), /^Add an owner/));
    assert.ok(fixed.includes('- [ ] Write the runbook\n  for the broker (owner: @, due: YYYY-MM-DD)\n'));
  });

  test('action.overdue: open and past due by the clock passed in; silent without a clock', () => {
    const text = withRecommendations('- [ ] Pin it (owner: @payments, due: 2026-11-22)\n- [ ] Today (owner: @payments, due: 2026-11-23)\n- [x] Done (owner: @p, due: 2020-01-01)');
    const analysis = analyze(text);
    const overdue = single(analysis, 'action.overdue');
    assert.equal(textAt(analysis, overdue), 'Pin it (owner: @payments, due: 2026-11-22)');
    assert.match(overdue.message, /due on 2026-11-22/);
    assert.deepEqual(actionRules(text, { now: undefined }), []);
    assert.equal(actionRules(text, { now: new Date('2026-11-24T00:00:00Z') }).filter((d) => d.rule === 'action.overdue').length, 2);
  });

  test('action.bad-due-date on the unreadable value, for done items too (and no action.no-due-date besides); TBD is no date, not a bad one', () => {
    const text = withRecommendations('- [ ] Pin it (owner: @payments, due: next sprint)\n- [x] Old (owner: @p, due: 2025-02-30)\n- [ ] Later (owner: @p, due: TBD)');
    const analysis = analyze(text);
    assert.deepEqual(
      only(analysis, 'action.bad-due-date').map((d) => textAt(analysis, d)),
      ['next sprint', '2025-02-30'],
    );
    assert.deepEqual(
      only(analysis, 'action.no-due-date').map((d) => textAt(analysis, d)),
      ['TBD'],
    );
  });

  test('table rows get the rules too, without a fix (their cells are filled in place)', () => {
    const text = withRecommendations('| Action | Owner | Due | Status |\n| --- | --- | --- | --- |\n| Pin it |  | someday | open |');
    const analysis = analyze(text);
    const noOwner = single(analysis, 'action.no-owner');
    assert.equal(textAt(analysis, noOwner), 'Pin it |  | someday | open');
    assert.equal(noOwner.fixes, undefined);
    assert.equal(textAt(analysis, single(analysis, 'action.bad-due-date')), 'someday');
  });

  test('a disable comment in the section turns them off', () => {
    const text = withRecommendations('<!-- incident-report-disable action.* -->\n\n- [ ] Pin it');
    assert.deepEqual(actionRules(text), []);
  });

  test('the ir-action snippet writes an item with the fix\'s keys as tab stops', () => {
    const snippet = reportSnippets(builtinTemplates()[0].template)['Action item'];
    assert.deepEqual(snippet.body, ['- [ ] ${1:What will be done} (owner: @${2:team}, due: ${3:YYYY-MM-DD})']);
    const written = withRecommendations('- [ ] What will be done (owner: @team, due: 2027-01-01)');
    assert.deepEqual(actionRules(written), []);
  });
});
