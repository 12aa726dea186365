import { diagnostic, type Diagnostic, type Fix } from '../../diagnostics';
import { actionItems, isOverdue, metadataTemplate, type ActionItem } from '../../followUps/actionItems';
import type { RuleContext } from '../context';

/**
 * Action items (task-list items and actions-table rows in the `actions` sections): an open one needs an owner and
 * a due date, and must not be past it; a due date must be a date.
 */
export function checkActions(context: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const item of actionItems(context)) {
    const name = `"${shorten(item.text)}"`;
    if (item.due?.kind === 'unreadable') {
      found.push(diagnostic('action.bad-due-date', item.due.range, `The due date of ${name} cannot be read: write it as 2025-03-01`));
    }
    if (item.status === 'done') continue;
    const fixes = addMetadata(item);
    // A key written blank (as the fix writes it) is reported on its blank, to be filled in.
    const blankOwner = item.written?.owner;
    const blankDue = item.written?.due;
    if (!item.owner) {
      found.push(blankOwner ? diagnostic('action.no-owner', blankOwner, `Fill in the owner of the action item ${name}`) : diagnostic('action.no-owner', item.range, `The action item ${name} has no owner`, fixes));
    }
    if (!item.due) {
      found.push(blankDue ? diagnostic('action.no-due-date', blankDue, `Fill in the due date of the action item ${name}`) : diagnostic('action.no-due-date', item.range, `The action item ${name} has no due date`, fixes));
    }
    if (context.now && isOverdue(item, context.now) && item.due?.kind === 'date') {
      found.push(diagnostic('action.overdue', item.range, `The action item ${name} was due on ${item.due.date} and is still open`));
    }
  }
  return found;
}

/**
 * Appends `(owner: @, due: YYYY-MM-DD)` for the keys the item does not write, to be filled in. Never preferred: Fix
 * All must not fill reports with placeholders.
 */
function addMetadata(item: ActionItem): Fix[] {
  if (!item.written) return [];
  const missing = { owner: item.written.owner === null, due: item.written.due === null };
  const newText = metadataTemplate(missing);
  if (newText === '') return [];
  const what = missing.owner && missing.due ? 'an owner and a due date' : missing.owner ? 'an owner' : 'a due date';
  return [{ title: `Add ${what} to the action item`, edits: [{ start: item.range.end, end: item.range.end, newText }] }];
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
