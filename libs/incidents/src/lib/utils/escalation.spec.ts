import fc from 'fast-check';
import { RECIPIENT_ROLES, RecipientRole } from '../domain/types';
import { ackDueAt, decideEscalation, EscalatingDelivery } from './escalation';

const CHAIN: RecipientRole[] = ['ON_DUTY_OFFICER', 'OFFICE_DIRECTOR', 'ON_DUTY_LEADER', 'PRINCIPAL_LEADER'];
const sentAt = new Date('2026-11-25T02:00:00Z');
const minutes = (n: number) => new Date(sentAt.getTime() + n * 60_000);

const delivery = (over: Partial<EscalatingDelivery>): EscalatingDelivery => ({
  role: 'ON_DUTY_OFFICER',
  status: 'SENT',
  ackDueAt: ackDueAt(sentAt, 10),
  escalationStep: 0,
  escalatedAt: null,
  ...over,
});

describe('decideEscalation', () => {
  it('waits until the timeout, then goes one step up the chain', () => {
    expect(decideEscalation(delivery({}), CHAIN, minutes(9))).toEqual({ action: 'WAIT', until: minutes(10) });
    expect(decideEscalation(delivery({}), CHAIN, minutes(10))).toEqual({ action: 'ESCALATE', step: 2, role: 'OFFICE_DIRECTOR' });
    expect(decideEscalation(delivery({ status: 'SEEN' }), CHAIN, minutes(10))).toEqual({
      action: 'ESCALATE',
      step: 2,
      role: 'OFFICE_DIRECTOR',
    });
  });

  it('climbs from the step an escalated delivery was sent at, and stops at the top', () => {
    expect(decideEscalation(delivery({ role: 'OFFICE_DIRECTOR', escalationStep: 2 }), CHAIN, minutes(30))).toEqual({
      action: 'ESCALATE',
      step: 3,
      role: 'ON_DUTY_LEADER',
    });
    expect(decideEscalation(delivery({ role: 'PRINCIPAL_LEADER', escalationStep: 4 }), CHAIN, minutes(30))).toEqual({
      action: 'STOP',
      reason: 'END_OF_CHAIN',
    });
  });

  it('stops on acknowledgement, after an escalation already made, and for a role outside the chain', () => {
    expect(decideEscalation(delivery({ status: 'ACKNOWLEDGED' }), CHAIN, minutes(60))).toEqual({ action: 'STOP', reason: 'ACKNOWLEDGED' });
    expect(decideEscalation(delivery({ escalatedAt: minutes(10) }), CHAIN, minutes(60))).toEqual({
      action: 'STOP',
      reason: 'ALREADY_ESCALATED',
    });
    expect(decideEscalation(delivery({ role: 'SECTOR_LEADER' }), CHAIN, minutes(60))).toEqual({ action: 'STOP', reason: 'NOT_IN_CHAIN' });
  });

  // A run of the escalation job against random chains, timeouts and acknowledgement times: each
  // tick escalates the open delivery if it is due, and someone may acknowledge at some minute.
  it('never skips a step, never goes past the chain, and stops once acknowledged', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...RECIPIENT_ROLES), { minLength: 1, maxLength: RECIPIENT_ROLES.length }),
        fc.integer({ min: 1, max: 30 }),
        fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
        fc.integer({ min: 1, max: 7 }),
        (chain, timeout, ackMinute, tick) => {
          let current: EscalatingDelivery = delivery({ role: chain[0], ackDueAt: ackDueAt(sentAt, timeout) });
          const steps: number[] = [current.escalationStep];
          for (let minute = 0; minute <= 240; minute += tick) {
            if (ackMinute !== undefined && minute >= ackMinute && current.status !== 'ACKNOWLEDGED')
              current = { ...current, status: 'ACKNOWLEDGED' };
            const decision = decideEscalation(current, chain, minutes(minute));
            if (decision.action !== 'ESCALATE') continue;
            expect(current.status).not.toBe('ACKNOWLEDGED');
            expect(chain[decision.step - 1]).toBe(decision.role);
            current = {
              role: decision.role,
              status: 'SENT',
              ackDueAt: ackDueAt(minutes(minute), timeout),
              escalationStep: decision.step,
              escalatedAt: null,
            };
            steps.push(decision.step);
          }
          // Step 0 is the routed delivery at chain[0]: its successor is step 2, and on by one.
          expect(steps.slice(1)).toEqual(steps.slice(1).map((_, i) => i + 2));
          expect(steps.length).toBeLessThanOrEqual(chain.length);
          if (ackMinute !== undefined && ackMinute <= timeout) expect(steps).toEqual([0]);
        },
      ),
    );
  });
});
