import { ManualClock } from '@siban/clock';
import { gqlOk } from '@siban/testing';
import { startTestApp, TestApp } from '../test/test-app';

describe('weekly plans smoke', () => {
  let t: TestApp;
  const clock = new ManualClock('2026-11-18T02:00:00Z');
  beforeAll(async () => {
    t = await startTestApp('pglite', { clock });
  });
  afterAll(async () => t?.close());

  it('saves, submits, merges and publishes', async () => {
    const sec = await t.tokenFor('party.sec');
    const leaders = (await gqlOk(t.url, sec, '{ myLeaders { id name } }')).myLeaders;
    const wang = leaders.find((l: any) => l.name === '王建国').id;
    const saved = await gqlOk(t.url, sec, `mutation ($input: SaveWeeklyPlanInput!) { saveWeeklyPlan(input: $input) { id version status entries { id title date slot } } }`, {
      input: { leaderId: wang, week: '2026-W48', entries: [
        { date: '2026-11-23', slot: 'MORNING', kind: 'MEETING', title: '区委常委会会议', place: '区委一号会议室', leadOfficeCode: 'PARTY' },
        { date: '2026-11-24', startAt: '2026-11-24T06:30:00Z', endAt: '2026-11-24T08:00:00Z', kind: 'INSPECTION', title: '调研重点项目', leadOfficeCode: 'PARTY', confidentiality: 'RESTRICTED' },
      ] },
    });
    expect(saved.saveWeeklyPlan.entries).toHaveLength(2);
    const sub = await gqlOk(t.url, sec, `mutation { submitWeeklyPlan(input: { leaderId: "${wang}", week: "2026-W48" }) { status late submittedAt } }`);
    expect(sub.submitWeeklyPlan).toMatchObject({ status: 'SUBMITTED', late: false });
    const coord = await t.tokenFor('party.coord');
    const merged = await gqlOk(t.url, coord, `{ mergedSchedule(week: "2026-W48") { deadline latestRevisionNumber conflicts { kind key message } events { id leaders { name } entry { title busy } } days { date allDay { id } slots { slot events { id entry { title } } } } pendingChanges { added { title } } } }`);
    expect(merged.mergedSchedule.events).toHaveLength(2);
    const pub = await gqlOk(t.url, coord, `mutation { publishSchedule(input: { week: "2026-W48", note: "第一版" }) { number changes { added { title busy } } events { entry { title } } } }`);
    expect(pub.publishSchedule.number).toBe(1);
    const gov = await t.tokenFor('gov.sec');
    const revs = await gqlOk(t.url, gov, `{ scheduleRevisions(week: "2026-W48") { number changes { added { title busy } } } planSubmissions(week: "2026-W48") { leaders { leader { name } state } } }`);
    expect(revs.scheduleRevisions[0].changes.added.map((e: any) => e.busy).sort()).toEqual([false, true]);
    const feed = await gqlOk(t.url, gov, `mutation { createCalendarFeed(input: { leaderId: "${wang}" }) { url feed { id } } }`);
    const ics = await (await fetch(feed.createCalendarFeed.url)).text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    const xlsx = await fetch(`${t.url}/exports/weekly-schedule/2026-W48.xlsx`, { headers: { authorization: `Bearer ${gov}` } });
    expect(xlsx.status).toBe(200);
    console.log(JSON.stringify(merged.mergedSchedule.conflicts), ics.slice(0, 600));
  });
});
