import type { Acknowledgement } from '../../domain/types';
import { at, entry, LEADERS } from '../../utils/test-fixtures';
import { carriedNotes } from './carry-acknowledgements';
import { detectConflicts } from './detect-conflicts';

describe('carriedNotes', () => {
  const meeting = entry({ id: 'e1', slot: 'MORNING', title: '常委会' });
  const visit = entry({ id: 'e2', slot: null, startAt: at('2026-11-24', '10:00'), endAt: at('2026-11-24', '11:00'), title: '调研' });
  const other = entry({ id: 'e3', date: '2026-11-26', title: '党建工作会' });
  const [conflict] = detectConflicts([meeting, visit], LEADERS);
  const acknowledged: Acknowledgement[] = [{ ...conflict, note: '已协调' }];

  it('keeps the note while the conflict’s entries are unchanged, whatever else changed', () => {
    const now = [meeting, visit, other];
    expect(carriedNotes(detectConflicts(now, LEADERS), { entries: [meeting, visit], acknowledgements: acknowledged }, now)).toEqual(
      new Map([[conflict.key, '已协调']]),
    );
  });

  it('drops it when one of the entries changed, or there was no previous revision', () => {
    const moved = { ...visit, startAt: at('2026-11-24', '09:30') };
    const now = [meeting, moved];
    const conflicts = detectConflicts(now, LEADERS);
    expect(conflicts.map((c) => c.key)).toEqual([conflict.key]);
    expect(carriedNotes(conflicts, { entries: [meeting, visit], acknowledgements: acknowledged }, now).size).toBe(0);
    expect(carriedNotes(conflicts, null, now).size).toBe(0);
  });

  it('drops it when the conflict now involves other leaders', () => {
    const withLi = { ...meeting, attendeeLeaderIds: ['li'] };
    const liVisit = { ...visit, attendeeLeaderIds: ['li'] };
    const now = [withLi, liVisit];
    const previous = { entries: now, acknowledgements: acknowledged };
    expect(carriedNotes(detectConflicts(now, LEADERS), previous, now).size).toBe(0);
  });
});
