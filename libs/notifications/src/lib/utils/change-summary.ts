/** How many records a change added, removed and changed, as one reader may see them. */
export interface ChangeCounts {
  added: number;
  removed: number;
  changed: number;
}

export const NO_VISIBLE_CHANGES = '无可见变更';

/**
 * The counts as a notification body says them. A reader with nothing visible in the change is
 * told so, rather than shown counts of hidden records or a row of zeros.
 */
export function changeSummary({ added, removed, changed }: ChangeCounts): string {
  if (added === 0 && removed === 0 && changed === 0) return `${NO_VISIBLE_CHANGES}。`;
  return `新增 ${added}，删除 ${removed}，变更 ${changed}。`;
}
