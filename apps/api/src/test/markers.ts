// Markers prove that no event is on its way: once the action under test has finished publishing,
// a marker is sent down the same channel, and `Subscription.nothingBefore` checks that it is the
// first thing the subscriber hears (channels deliver in order, in-process and on Redis alike).
import { officeChannel } from '@siban/weekly-plans';
import { gqlOk } from '@siban/testing';
import type { TestApp } from './test-app';

const SEND_NOTICE = 'mutation ($input: SendNoticeInput!) { sendNotice(input: $input) { id } }';

/**
 * Sends a notice to `officeCode` as `directorToken` (that office's director): every one of its
 * staff is notified through the service's own path. Returns the test for it.
 */
export async function noticeMarker(t: TestApp, directorToken: string, officeCode: string): Promise<(event: any) => boolean> {
  const title = `标记 ${officeCode} ${Date.now()} / marker`;
  await gqlOk(t.url, directorToken, SEND_NOTICE, { input: { title, body: '测试标记', officeCodes: [officeCode] } });
  return (event) => event.notificationAdded?.title === title;
}

/**
 * Publishes a revision summary for a week that does not exist on an office's channel, through the
 * service's event bus (a real publication would add a revision and notify everyone).
 */
export async function scheduleMarker(t: TestApp, officeCode: string): Promise<(event: any) => boolean> {
  const week = `marker-${Date.now()}`;
  const summary = { week, number: 0, publishedAt: new Date(), note: '', added: 0, removed: 0, changed: 0 };
  await t.bus.publish(officeChannel(officeCode), { schedulePublished: summary, countsByViewer: {} });
  return (event) => event.schedulePublished?.week === week;
}
