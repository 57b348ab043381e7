import { noticeRecipients } from './notice-recipients';

const STAFF = [
  { id: 'party.sec', officeCode: 'PARTY' },
  { id: 'party.director', officeCode: 'PARTY' },
  { id: 'gov.sec', officeCode: 'GOVERNMENT' },
  { id: 'reception.staff', officeCode: 'RECEPTION' },
];

describe('noticeRecipients', () => {
  it('selects the staff of the named offices, each once, in the order given', () => {
    expect(noticeRecipients(STAFF, ['GOVERNMENT', 'PARTY'])).toEqual(['party.sec', 'party.director', 'gov.sec']);
  });

  it('selects no one for an office without staff', () => {
    expect(noticeRecipients(STAFF, ['CPPCC'])).toEqual([]);
    expect(noticeRecipients([], ['PARTY'])).toEqual([]);
  });
});
