import { Injectable } from '@nestjs/common';
import { Clock } from '@siban/clock';
import { Incident, IncidentTimelineEntry, IncidentTimelineKind, isUniqueViolation, Prisma, PrismaService, PrismaTx } from '@siban/db';
import { Connection, newestFirstAfter, toConnection } from '@siban/graphql-core';
import { AuthenticatedUser, IdentityService } from '@siban/identity';
import { IncidentChangesInput, IncidentsArgs, LogIncidentInput } from '../dto/incident.inputs';
import { IncidentDetailModel, IncidentModel, IncidentTimelineEntryModel } from '../dto/incident.models';
import { IncidentErrors } from '../incidents.errors';
import { decideLogging, draftFingerprint, draftProblems, IncidentDraft } from '../utils/logging-decision';

const CHANGEABLE = [
  'severity',
  'place',
  'occurredAt',
  'reporterName',
  'reporterPhone',
  'reportedVia',
  'description',
  'casualties',
  'losses',
  'measures',
] as const;
type Changeable = (typeof CHANGEABLE)[number];

const asDraft = (i: Pick<Incident, 'category' | 'place' | 'learnedAt' | 'description' | Changeable>): IncidentDraft => ({
  category: i.category,
  place: i.place,
  learnedAt: i.learnedAt,
  description: i.description,
  severity: i.severity,
  occurredAt: i.occurredAt,
  reporterName: i.reporterName,
  reporterPhone: i.reporterPhone,
  reportedVia: i.reportedVia,
  casualties: i.casualties,
  losses: i.losses,
  measures: i.measures,
});

const json = (value: unknown) => (value instanceof Date ? value.toISOString() : (value ?? null));

/**
 * Logging and amending incidents. Every write is one transaction that bumps the incident's version
 * (the row lock orders concurrent changes) and appends one timeline entry carrying that version,
 * so the history reads in the order the changes were made even within one millisecond.
 */
@Injectable()
export class IncidentLogService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
    private readonly identity: IdentityService,
  ) {}

  async log(actor: AuthenticatedUser, input: LogIncidentInput): Promise<IncidentModel> {
    const { idempotencyKey, ...fields } = input;
    const draft: IncidentDraft = fields;
    const now = this.clock.now();
    const problem = draftProblems(draft, idempotencyKey, now)[0];
    if (problem) throw IncidentErrors.badDraft(problem);
    const decided = await this.decide(actor.id, idempotencyKey, draft);
    if (decided) return this.named(decided);
    try {
      const created = await this.prisma.$transaction(async (tx) => {
        const incident = await tx.incident.create({
          data: {
            ...this.normalised(draft),
            category: draft.category,
            learnedAt: draft.learnedAt,
            createdById: actor.id,
            idempotencyKey,
            submittedFingerprint: draftFingerprint(draft),
            createdAt: now,
          },
        });
        await this.append(tx, incident.id, 'LOGGED', actor.id, { version: incident.version }, now);
        return incident;
      });
      return this.named(created);
    } catch (error) {
      // A concurrent submit of the same key won: its transaction committed, ours rolled back whole.
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.decide(actor.id, idempotencyKey, draft);
      if (!winner) throw error;
      return this.named(winner);
    }
  }

  async update(actor: AuthenticatedUser, id: string, changes: IncidentChangesInput, version?: number): Promise<IncidentModel> {
    const now = this.clock.now();
    const updated = await this.prisma.$transaction(async (tx) => {
      const current = await this.lockOpen(tx, id, version);
      // Fields not given arrive as undefined: they keep their current value.
      const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined && v !== null));
      const after = { ...current, ...this.normalised({ ...asDraft(current), ...given }) };
      const changed = CHANGEABLE.filter((f) => f in given && json(current[f]) !== json(after[f]));
      if (changed.length === 0) return current;
      const problem = draftProblems(asDraft(after), current.idempotencyKey, now)[0];
      if (problem) throw IncidentErrors.badDraft(problem);
      const data = Object.fromEntries(changed.map((f) => [f, after[f]])) as Prisma.IncidentUpdateInput;
      const row = await tx.incident.update({ where: { id }, data: { ...data, version: { increment: 1 } } });
      const diff = Object.fromEntries(changed.map((f) => [f, { before: json(current[f]), after: json(after[f]) }]));
      const kind: IncidentTimelineKind = changed.includes('severity') ? 'SEVERITY_CHANGED' : 'UPDATED';
      await this.append(tx, id, kind, actor.id, { version: row.version, changes: diff }, now);
      return row;
    });
    return this.named(updated);
  }

  async addNote(actor: AuthenticatedUser, id: string, note: string): Promise<IncidentDetailModel> {
    if (note.trim() === '') throw IncidentErrors.emptyText('note');
    await this.appendBumping(id, (tx, version, now) => this.append(tx, id, 'UPDATED', actor.id, { version, note: note.trim() }, now));
    return this.detail(id);
  }

  async correct(actor: AuthenticatedUser, entryId: string, note: string): Promise<IncidentDetailModel> {
    if (note.trim() === '') throw IncidentErrors.emptyText('note');
    const entry = await this.prisma.incidentTimelineEntry.findUnique({ where: { id: entryId }, select: { incidentId: true } });
    if (!entry) throw IncidentErrors.entryNotFound(entryId);
    await this.appendBumping(entry.incidentId, (tx, version, now) =>
      this.append(tx, entry.incidentId, 'CORRECTION', actor.id, { version, correctsEntryId: entryId, note: note.trim() }, now),
    );
    return this.detail(entry.incidentId);
  }

  async detail(id: string): Promise<IncidentDetailModel> {
    const incident = await this.prisma.incident.findUnique({ where: { id }, include: { timeline: true } });
    if (!incident) throw IncidentErrors.incidentNotFound(id);
    const { timeline, ...row } = incident;
    const names = await this.names([row.createdById, ...timeline.flatMap((e) => (e.actorId ? [e.actorId] : []))]);
    const ordered = [...timeline].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || versionOf(a) - versionOf(b));
    return {
      ...row,
      createdByName: names.get(row.createdById) ?? '',
      timeline: ordered.map(
        (e): IncidentTimelineEntryModel => ({
          id: e.id,
          kind: e.kind,
          actorId: e.actorId,
          actorName: e.actorId ? (names.get(e.actorId) ?? null) : null,
          payload: JSON.stringify(e.payload),
          createdAt: e.createdAt,
        }),
      ),
    };
  }

  async list(args: IncidentsArgs): Promise<Connection<IncidentModel>> {
    const where: Prisma.IncidentWhereInput = {
      ...(args.status ? { status: args.status } : {}),
      ...(args.from || args.to ? { learnedAt: { ...(args.from ? { gte: args.from } : {}), ...(args.to ? { lt: args.to } : {}) } } : {}),
    };
    const [rows, totalCount] = await Promise.all([
      this.prisma.incident.findMany({
        where: { AND: [where, newestFirstAfter('learnedAt', args.after)] },
        orderBy: [{ learnedAt: 'desc' }, { id: 'asc' }],
        take: args.first + 1,
      }),
      this.prisma.incident.count({ where }),
    ]);
    const names = await this.names(rows.map((r) => r.createdById));
    const named = rows.map((r) => ({ ...r, createdByName: names.get(r.createdById) ?? '' }));
    return toConnection(named, args.first, totalCount, (r) => r.learnedAt.toISOString());
  }

  /** The incident its creator logged under this key, as a replay of it, or a conflict; undefined if none. */
  private async decide(createdById: string, idempotencyKey: string, draft: IncidentDraft): Promise<Incident | undefined> {
    const existing = await this.prisma.incident.findUnique({ where: { createdById_idempotencyKey: { createdById, idempotencyKey } } });
    const decision = decideLogging(draft, existing ?? undefined);
    if (decision.action === 'CONFLICT') throw IncidentErrors.keyReused();
    return decision.action === 'REPLAY' ? decision.incident : undefined;
  }

  private normalised(draft: IncidentDraft) {
    return {
      severity: draft.severity ?? 'UNKNOWN',
      place: draft.place.trim(),
      occurredAt: draft.occurredAt ?? null,
      reporterName: (draft.reporterName ?? '').trim(),
      reporterPhone: draft.reporterPhone?.trim() || null,
      reportedVia: (draft.reportedVia ?? null) as Incident['reportedVia'],
      description: draft.description.trim(),
      casualties: (draft.casualties ?? '').trim(),
      losses: (draft.losses ?? '').trim(),
      measures: (draft.measures ?? '').trim(),
    };
  }

  /** The incident, locked for this transaction, still open and (when named) at the version the caller read. */
  private async lockOpen(tx: PrismaTx, id: string, version?: number): Promise<Incident> {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Incident" WHERE id = ${id}::uuid FOR UPDATE`;
    if (locked.length === 0) throw IncidentErrors.incidentNotFound(id);
    const current = await tx.incident.findUniqueOrThrow({ where: { id } });
    if (current.status === 'CLOSED') throw IncidentErrors.closed();
    if (version !== undefined && version !== current.version) throw IncidentErrors.staleVersion();
    return current;
  }

  private async appendBumping(id: string, write: (tx: PrismaTx, version: number, now: Date) => Promise<unknown>): Promise<void> {
    const now = this.clock.now();
    await this.prisma.$transaction(async (tx) => {
      await this.lockOpen(tx, id);
      const row = await tx.incident.update({ where: { id }, data: { version: { increment: 1 } }, select: { version: true } });
      await write(tx, row.version, now);
    });
  }

  private append(tx: PrismaTx, incidentId: string, kind: IncidentTimelineKind, actorId: string | null, payload: object, at: Date) {
    return tx.incidentTimelineEntry.create({
      data: { incidentId, kind, actorId, payload: payload as Prisma.InputJsonObject, createdAt: at },
    });
  }

  private async names(ids: string[]): Promise<Map<string, string>> {
    const staff = await this.identity.staffByIds([...new Set(ids)]);
    return new Map(staff.map((s) => [s.id, s.displayName]));
  }

  private named(incident: Incident): Promise<IncidentModel> {
    return this.names([incident.createdById]).then((n) => ({ ...incident, createdByName: n.get(incident.createdById) ?? '' }));
  }
}

function versionOf(entry: IncidentTimelineEntry): number {
  const payload = entry.payload as { version?: unknown } | null;
  return typeof payload?.version === 'number' ? payload.version : 0;
}
