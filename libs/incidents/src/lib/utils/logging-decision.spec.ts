import fc from 'fast-check';
import { decideLogging, draftFingerprint, draftProblems, IncidentDraft } from './logging-decision';

const now = new Date('2026-11-25T02:10:00Z');
const minimal: IncidentDraft = {
  category: 'ACCIDENT',
  place: '城关镇人民路口',
  learnedAt: new Date('2026-11-25T02:00:00Z'),
  description: '两车相撞，有人受伤',
};

describe('draftProblems', () => {
  it('accepts the minimal draft: category, place, time learned and a description', () => {
    expect(draftProblems(minimal, 'c1-7f3a', now)).toEqual([]);
  });

  it('names every field at fault', () => {
    const problems = draftProblems(
      {
        ...minimal,
        place: '  ',
        description: '',
        learnedAt: new Date('2026-11-25T03:00:00Z'),
        occurredAt: new Date('2026-11-25T03:30:00Z'),
        reporterPhone: 'call me',
      },
      '',
      now,
    );
    expect(problems.map((p) => p.field)).toEqual(['idempotencyKey', 'place', 'description', 'learnedAt', 'occurredAt', 'reporterPhone']);
    expect(problems[1].message).toBe('请填写地点 / The place is required');
  });

  it('allows a machine clock a little ahead', () => {
    expect(draftProblems({ ...minimal, learnedAt: new Date('2026-11-25T02:14:00Z') }, 'k', now)).toEqual([]);
  });
});

describe('decideLogging', () => {
  const logged = { id: 'incident-1', submittedFingerprint: draftFingerprint(minimal) };

  it('creates when the key is new, and replays a retry of the same draft', () => {
    expect(decideLogging(minimal, undefined)).toEqual({ action: 'CREATE' });
    expect(decideLogging({ ...minimal, place: ' 城关镇人民路口 ', severity: 'UNKNOWN', casualties: '' }, logged)).toEqual({
      action: 'REPLAY',
      incident: logged,
    });
  });

  it('refuses a different draft under a used key', () => {
    expect(decideLogging({ ...minimal, description: '三车相撞' }, logged)).toEqual({ action: 'CONFLICT', incident: logged });
    expect(decideLogging({ ...minimal, learnedAt: new Date('2026-11-25T02:01:00Z') }, logged)).toMatchObject({ action: 'CONFLICT' });
  });

  it('the fingerprint ignores surrounding whitespace and nothing else', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.constantFrom('', ' ', '\n'), (text, pad) => {
        const a = draftFingerprint({ ...minimal, measures: text });
        expect(draftFingerprint({ ...minimal, measures: `${pad}${text}${pad}` })).toBe(a);
        if (text.trim() !== '') expect(draftFingerprint({ ...minimal, measures: `${text}x` })).not.toBe(a);
      }),
    );
  });
});
