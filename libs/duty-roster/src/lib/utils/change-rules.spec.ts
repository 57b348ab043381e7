import type { HeldSlot, ShiftSlot } from '../domain/types';
import { CHANGE_ERROR_CODE, checkOverride, checkSwap, checkUndoSwap, RosterState, swapped } from './change-rules';
import { DAY24 } from './test-fixtures';

const slot = (date: string, postId = 'officer', seat = 1): ShiftSlot => ({ date, templateId: DAY24.id, postId, seat });
const held = (date: string, personId: string, postId = 'officer', seat = 1): HeldSlot => ({ ...slot(date, postId, seat), personId });

// 甲 holds the 2nd and 5th, 乙 the 3rd and 7th, 丙 the 4th; 丁 is a leader on the leader post.
const state: RosterState = {
  templates: [DAY24],
  assignments: [
    held('2026-11-02', '甲'),
    held('2026-11-03', '乙'),
    held('2026-11-04', '丙'),
    held('2026-11-05', '甲'),
    held('2026-11-07', '乙'),
    held('2026-11-03', '丁', 'leader'),
  ],
  unavailability: [{ personId: '丙', from: '2026-11-07', to: '2026-11-08', reason: '出差' }],
};
const codes = (violations: { code: string }[]) => violations.map((v) => v.code);

describe('checkSwap', () => {
  it('allows two people of one post to exchange shifts that keep every rule', () => {
    expect(checkSwap(state, slot('2026-11-05'), slot('2026-11-07'))).toEqual([]);
    expect(swapped(state, slot('2026-11-05'), slot('2026-11-07'))).toEqual([held('2026-11-05', '乙'), held('2026-11-07', '甲')]);
  });

  it('refuses a swap across posts, with oneself, or on one shift, as bad input', () => {
    const across = checkSwap(state, slot('2026-11-02'), slot('2026-11-03', 'leader'));
    expect(codes(across)).toEqual(['SWAP_ACROSS_POSTS']);
    expect(across[0].message).toBe('只能与同一岗位的人员换班 / a swap must be between two people of the same post');
    expect(codes(checkSwap(state, slot('2026-11-02'), slot('2026-11-05')))).toEqual(['SWAP_SAME_PERSON']);
    expect(codes(checkSwap(state, slot('2026-11-02'), slot('2026-11-02', 'officer', 2)))).toEqual(['SWAP_SAME_SHIFT', 'SHIFT_NOT_HELD']);
    expect(CHANGE_ERROR_CODE.SWAP_ACROSS_POSTS).toBe('BAD_USER_INPUT');
  });

  it('refuses a swap leaving someone on duty twice running, naming both shifts', () => {
    expect(checkSwap(state, slot('2026-11-02'), slot('2026-11-03'))).toEqual([]);
    // 甲 would hold the 4th next to her 5th.
    expect(checkSwap(state, slot('2026-11-02'), slot('2026-11-04'))).toEqual([
      {
        code: 'CONSECUTIVE_SHIFT',
        message: '将连续值班：2026-11-04 与 2026-11-05 / would hold consecutive shifts: 2026-11-04 and 2026-11-05',
        personId: '甲',
        slot: slot('2026-11-04'),
      },
    ]);
    expect(CHANGE_ERROR_CODE.CONSECUTIVE_SHIFT).toBe('CONFLICT');
  });

  it('refuses a swap onto a date the other declared unavailable', () => {
    // 丙 is away on the 7th; 乙 would also hold the 4th next to her 3rd: both are named.
    expect(checkSwap(state, slot('2026-11-04'), slot('2026-11-07'))).toEqual([
      {
        code: 'UNAVAILABLE',
        message: '2026-11-07 已登记不能值班（出差） / unavailable on 2026-11-07 (出差)',
        personId: '丙',
        slot: slot('2026-11-07'),
      },
      {
        code: 'CONSECUTIVE_SHIFT',
        message: '将连续值班：2026-11-04 与 2026-11-03 / would hold consecutive shifts: 2026-11-04 and 2026-11-03',
        personId: '乙',
        slot: slot('2026-11-04'),
      },
    ]);
  });

  it('refuses a shift that has started, and a seat nobody holds', () => {
    const now = new Date('2026-11-05T08:30:00+08:00');
    expect(codes(checkSwap(state, slot('2026-11-05'), slot('2026-11-07'), { now }))).toEqual(['SHIFT_STARTED']);
    expect(codes(checkSwap(state, slot('2026-11-05'), slot('2026-11-07'), { now: new Date('2026-11-05T08:29:00+08:00') }))).toEqual([]);
    expect(codes(checkSwap(state, slot('2026-11-05'), slot('2026-11-06')))).toEqual(['SHIFT_NOT_HELD']);
  });
});

describe('checkOverride', () => {
  it('needs a reason', () => {
    expect(codes(checkOverride(state, slot('2026-11-06'), '丙', '  ').violations)).toEqual(['REASON_REQUIRED']);
  });

  it('puts someone on an empty seat or over its holder, and records the rules it breaks as warnings', () => {
    expect(checkOverride(state, slot('2026-11-06'), '丙', '临时补位', { pool: ['甲', '乙', '丙'] })).toEqual({
      violations: [],
      warnings: [],
    });
    const overHolder = checkOverride(state, slot('2026-11-04'), '甲', '丙突发疾病', { pool: ['甲', '乙'] });
    expect(overHolder.violations).toEqual([]);
    expect(codes(overHolder.warnings)).toEqual(['CONSECUTIVE_SHIFT']);
    expect(codes(checkOverride(state, slot('2026-11-08'), '丙', '紧急', { pool: ['甲', '乙'] }).warnings)).toEqual([
      'NOT_IN_POOL',
      'UNAVAILABLE',
    ]);
  });

  it('refuses putting someone on two seats of one shift, or on the seat they hold', () => {
    expect(codes(checkOverride(state, slot('2026-11-02', 'officer', 2), '甲', '加强值守').violations)).toEqual(['DOUBLE_BOOKED']);
    expect(codes(checkOverride(state, slot('2026-11-02'), '甲', '重复').violations)).toEqual(['ALREADY_HOLDS']);
  });

  it('empties a held seat with a reason (the shift becomes a gap), not an empty one', () => {
    expect(checkOverride(state, slot('2026-11-02'), null, '人员调离')).toEqual({ violations: [], warnings: [] });
    expect(codes(checkOverride(state, slot('2026-11-06'), null, '人员调离').violations)).toEqual(['SHIFT_NOT_HELD']);
  });
});

describe('checkUndoSwap', () => {
  const swap = { a: slot('2026-11-05'), b: slot('2026-11-07'), personA: '甲', personB: '乙' };
  const afterSwap: RosterState = {
    ...state,
    assignments: state.assignments.map((a) =>
      a.date === '2026-11-05' && a.postId === 'officer' ? { ...a, personId: '乙' } : a.date === '2026-11-07' ? { ...a, personId: '甲' } : a,
    ),
  };

  it('restores both shifts while they are as the swap left them', () => {
    expect(checkUndoSwap(afterSwap, swap)).toEqual({ violations: [], restored: [held('2026-11-05', '甲'), held('2026-11-07', '乙')] });
  });

  it('refuses when a shift changed since the swap', () => {
    const changed = {
      ...afterSwap,
      assignments: afterSwap.assignments.map((a) => (a.date === '2026-11-07' ? { ...a, personId: '丙' } : a)),
    };
    expect(codes(checkUndoSwap(changed, swap).violations)).toEqual(['UNDO_STALE']);
  });

  it('refuses when undoing would now break a rule', () => {
    // Since the swap 甲 took over 丙's 4th: back on the 5th would be consecutive.
    const later = { ...afterSwap, assignments: afterSwap.assignments.map((a) => (a.date === '2026-11-04' ? { ...a, personId: '甲' } : a)) };
    expect(codes(checkUndoSwap(later, swap).violations)).toEqual(['CONSECUTIVE_SHIFT']);
  });
});
