import type { DeliveryStatus, RecipientRole } from '../domain/types';

const MINUTE = 60_000;

/** When a delivery sent at `sentAt` escalates if nobody acknowledges it (the rule's timeout). */
export function ackDueAt(sentAt: Date, ackTimeoutMinutes: number): Date {
  return new Date(sentAt.getTime() + ackTimeoutMinutes * MINUTE);
}

export interface EscalatingDelivery {
  role: RecipientRole;
  status: DeliveryStatus;
  ackDueAt: Date;
  /** 0: routed by the rule; n > 0: sent at step n of the chain (1-based). */
  escalationStep: number;
  /** Set once it has escalated: it escalates once, its successor carries on. */
  escalatedAt: Date | null;
}

export type EscalationDecision =
  | { action: 'WAIT'; until: Date }
  | { action: 'ESCALATE'; step: number; role: RecipientRole }
  | { action: 'STOP'; reason: 'ACKNOWLEDGED' | 'ALREADY_ESCALATED' | 'END_OF_CHAIN' | 'NOT_IN_CHAIN' };

/**
 * What to do with a delivery at `now`. An acknowledged delivery stops its chain; one not yet due
 * waits; one past its due time goes to the next step of the chain, exactly one step on. A
 * delivery routed by the rule climbs from its own role's place in the chain; a role the chain
 * does not hold (a leader in charge) does not escalate, and the last step is the end.
 */
export function decideEscalation(delivery: EscalatingDelivery, chain: readonly RecipientRole[], now: Date): EscalationDecision {
  if (delivery.status === 'ACKNOWLEDGED') return { action: 'STOP', reason: 'ACKNOWLEDGED' };
  if (delivery.escalatedAt !== null) return { action: 'STOP', reason: 'ALREADY_ESCALATED' };
  if (now.getTime() < delivery.ackDueAt.getTime()) return { action: 'WAIT', until: delivery.ackDueAt };
  const position = delivery.escalationStep > 0 ? delivery.escalationStep - 1 : chain.indexOf(delivery.role);
  if (position === -1) return { action: 'STOP', reason: 'NOT_IN_CHAIN' };
  const next = position + 1;
  if (next >= chain.length) return { action: 'STOP', reason: 'END_OF_CHAIN' };
  return { action: 'ESCALATE', step: next + 1, role: chain[next] };
}
