import { csvField, toCsv } from './csv';

describe('CSV for Excel on a Chinese Windows', () => {
  it('starts with a UTF-8 byte order mark and ends every line with CRLF', () => {
    const csv = toCsv([
      ['姓名', '值班总数'],
      ['王建国', 3],
    ]);
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.slice(1)).toBe('姓名,值班总数\r\n王建国,3\r\n');
  });

  it('quotes commas, quotes and line breaks, and never a plain value', () => {
    expect(csvField('区委办,值班室')).toBe('"区委办,值班室"');
    expect(csvField('他说"好"')).toBe('"他说""好"""');
    expect(csvField('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvField('张三')).toBe('张三');
    expect(csvField(0)).toBe('0');
  });

  it('keeps text that starts like a formula from running as one', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+86 10')).toBe("'+86 10");
    expect(csvField('@SUM')).toBe("'@SUM");
    expect(csvField(-1)).toBe('-1');
  });
});
