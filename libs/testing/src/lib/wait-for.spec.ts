import { waitFor } from './wait-for';

describe('waitFor', () => {
  it('returns the first value the probe gives, after probing again while it gives undefined', async () => {
    let calls = 0;
    const value = await waitFor('the third call', async () => (++calls === 3 ? 'ready' : undefined), 5000, 1);
    expect(value).toBe('ready');
    expect(calls).toBe(3);
  });

  it('counts false as a value: only undefined means not yet', async () => {
    expect(await waitFor('anything', async () => false)).toBe(false);
  });

  it('fails naming what it waited for once the time is up', async () => {
    await expect(waitFor('the moon', async () => undefined, 20, 5)).rejects.toThrow('timed out after 20 ms waiting for the moon');
  });
});
