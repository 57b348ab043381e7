// Renders the printed weekly table (周工作安排表) from the test fixture at 12 and 35 leaders,
// through LibreOffice to PDF and PNG, for the README and for checking print changes by eye.
//   npm run render:table [-- --paper A3] [-- --out <dir>]
// Needs `soffice` (Debian: libreoffice-calc-nogui), `pdftoppm` (poppler-utils), CJK fonts
// (fonts-noto-cjk) and Carlito (fonts-crosextra-carlito: Calibri's metrics, which column widths use).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixtureSource } from '../libs/weekly-plans/src/lib/exports/weekly-table.fixture';
import { weeklyTableContent } from '../libs/weekly-plans/src/lib/exports/weekly-table-content';
import { layOutWeeklyTable } from '../libs/weekly-plans/src/lib/exports/weekly-table-layout';
import { renderWeeklyTableXlsx } from '../libs/weekly-plans/src/lib/exports/weekly-table-xlsx';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

async function main(): Promise<void> {
  const paper = option('paper', 'A4') as 'A4' | 'A3';
  const out = path.resolve(option('out', 'docs/images'));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'siban-table-'));
  fs.mkdirSync(out, { recursive: true });
  for (const count of [12, 35]) {
    const input = weeklyTableContent(fixtureSource(count, paper));
    const layout = layOutWeeklyTable(input);
    const xlsx = path.join(work, `weekly-table-${count}.xlsx`);
    fs.writeFileSync(xlsx, await renderWeeklyTableXlsx(input));
    // A fresh profile: a running or first-start LibreOffice otherwise ignores the conversion.
    execFileSync('soffice', [`-env:UserInstallation=file://${work}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', work, xlsx], {
      stdio: 'ignore',
    });
    const pdf = xlsx.replace(/\.xlsx$/, '.pdf');
    const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())?.[1];
    const suffix = paper === 'A4' ? '' : `-${paper.toLowerCase()}`;
    const png = (page: string, name: string) =>
      execFileSync('pdftoppm', ['-png', '-r', '110', '-f', page, '-l', page, '-singlefile', pdf, path.join(out, name)]);
    png('1', `weekly-table-${count}${suffix}`);
    // A later page shows the smaller bodies (法院, 检察院) and the leaders who did not report.
    if (count === 35 && pages) {
      const withUnreported = Array.from({ length: Number(pages) }, (_, i) => String(i + 1)).find((page) =>
        execFileSync('pdftotext', ['-f', page, '-l', page, pdf, '-']).toString().includes('（未报）'),
      );
      if (withUnreported) png(withUnreported, `weekly-table-${count}${suffix}-unreported`);
    }
    const smallest = Math.min(...Object.values(layout.fonts)) * layout.scale;
    console.log(
      `${count} leaders on ${paper}: ${pages} page(s), print scale ${(layout.scale * 100).toFixed(0)} %, ` +
        `smallest printed text ${smallest.toFixed(1)} pt (body ${(layout.fonts.body * layout.scale).toFixed(1)} pt); ` +
        `${path.relative(process.cwd(), path.join(out, `weekly-table-${count}${suffix}.png`))}, PDF ${pdf}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
