import { keyedJobId, uuidV5 } from './keyed-job-id';

describe('uuidV5', () => {
  it('matches the published version 5 UUIDs', () => {
    // Python's uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org'), from its documentation.
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });
});

describe('keyedJobId', () => {
  it('is the same for the same queue and key, and differs for another queue or key', () => {
    const id = keyedJobId('notice.deliver', 'a');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keyedJobId('notice.deliver', 'a')).toBe(id);
    // Pinned: jobs already queued keep matching their keys only while this stays the same.
    expect(id).toBe('a37245b3-3196-563a-bfbb-7e356e27a520');
    expect(keyedJobId('notice.deliver', 'b')).not.toBe(id);
    expect(keyedJobId('plans.remind', 'a')).not.toBe(id);
    // No separator a key could forge: the pair is encoded, not joined.
    expect(keyedJobId('a:b', 'c')).not.toBe(keyedJobId('a', 'b:c'));
  });
});
