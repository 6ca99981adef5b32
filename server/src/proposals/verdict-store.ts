import type { Insertable, Kysely } from 'kysely';
import type { Database, ProposalVerdictsTable } from '../db/schema.ts';
import type { VerdictRecord } from '../reviews/review-status.ts';

type Db = Kysely<Database>;

/** Every verdict on these proposals, oldest first, by proposal id. */
export async function verdictsOf(db: Db, proposalIds: string[]): Promise<Map<string, VerdictRecord[]>> {
  const out = new Map<string, VerdictRecord[]>();
  if (proposalIds.length === 0) return out;
  const rows = await db
    .selectFrom('proposal_verdicts')
    .selectAll()
    .where('proposal_id', 'in', proposalIds)
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const list = out.get(row.proposal_id) ?? [];
    list.push({ ...row, id: Number(row.id) });
    out.set(row.proposal_id, list);
  }
  return out;
}

/** The verdicts on one proposal, oldest first. */
export async function verdictsOfProposal(db: Db, proposalId: string): Promise<VerdictRecord[]> {
  return (await verdictsOf(db, [proposalId])).get(proposalId) ?? [];
}

export async function insertVerdict(db: Db, verdict: Insertable<ProposalVerdictsTable>): Promise<void> {
  await db.insertInto('proposal_verdicts').values(verdict).execute();
}
