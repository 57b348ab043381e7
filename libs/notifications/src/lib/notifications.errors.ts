import { badInput, conflict, notFound } from '@siban/graphql-core';

export const NotificationErrors = {
  noticeNotFound: (id: string) => notFound('通知 / notice', id, 'id'),
  noticeNotScheduled: () => conflict('通知已发出或已取消 / The notice was already sent or cancelled', 'id', 'NOTICE_NOT_SCHEDULED'),
  sendAtTooFar: () => badInput('sendAt', '定时发送不能晚于一年后 / sendAt must be within a year'),
};
