import { badInput, notFound } from '@siban/graphql-core';

export const CalendarFeedErrors = {
  feedNotFound: (id: string) => notFound('日历订阅 / calendar feed', id, 'id'),
  feedScope: () => badInput('input', '请指定 leaderId 或 officeCode 之一 / Give exactly one of leaderId or officeCode'),
  unknownKind: (kind: string, field = 'kind') =>
    badInput(field, `不支持此类日历订阅 / No calendar feeds of this kind: ${kind.slice(0, 20)}`, 'UNKNOWN_FEED_KIND'),
};
