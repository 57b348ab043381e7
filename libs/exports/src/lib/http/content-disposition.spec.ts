import { contentDisposition } from './content-disposition';

describe('contentDisposition', () => {
  it('sends a plain ASCII name as it is', () => {
    expect(contentDisposition('weekly-schedule-2026-W48-r2.xlsx')).toBe('attachment; filename="weekly-schedule-2026-W48-r2.xlsx"');
    expect(contentDisposition('feed.ics', 'inline')).toBe('inline; filename="feed.ics"');
  });

  it('adds a UTF-8 filename* for a Chinese name, with an ASCII fallback (RFC 6266)', () => {
    expect(contentDisposition('领导周工作安排表-2026-W48.xlsx')).toBe(
      `attachment; filename="_-2026-W48.xlsx"; filename*=UTF-8''%E9%A2%86%E5%AF%BC%E5%91%A8%E5%B7%A5%E4%BD%9C%E5%AE%89%E6%8E%92%E8%A1%A8-2026-W48.xlsx`,
    );
    // What a browser does with filename*: it decodes back to the name.
    const header = contentDisposition('值班表（2026年第4季度）.xlsx');
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(header)?.[1] ?? '')).toBe('值班表（2026年第4季度）.xlsx');
  });

  it('keeps quotes, backslashes, separators and control characters out of the header', () => {
    const header = contentDisposition('a"b\\c/d\r\ne f.xlsx');
    expect(header).toBe(`attachment; filename="a_b_c_de f.xlsx"; filename*=UTF-8''a%22b_c_de%20f.xlsx`);
    expect(header).not.toMatch(/[\r\n]/);
  });

  it('percent-encodes what RFC 8187 does not allow in an ext-value', () => {
    expect(contentDisposition("季度(1)'*.xlsx")).toContain(`filename*=UTF-8''%E5%AD%A3%E5%BA%A6%281%29%27%2A.xlsx`);
  });
});
