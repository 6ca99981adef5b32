import { compareLevels, type LadderContent, type LevelComparison } from '@rungs/shared';
import type { DiffView } from '@rungs/shared/api/diff';
import type { VersionView } from '@rungs/shared/api/versions';
import type { Db } from '../db/connect.ts';
import { NotFoundError, notFoundError } from '../domain-errors.ts';
import { refOf, userRefs } from '../auth/user-ref-store.ts';
import { diffView } from './diff-view.ts';
import {
  approverIds,
  getVersion,
  latestVersion,
  listVersions,
  proposalNumbers,
  versionContent,
  type VersionRow,
} from './version-store.ts';

/** `latest` or a version number. */
export type VersionSelector = number | 'latest';

/** The published line of a ladder: every version readable, any two comparable. */
export class VersionService {
  constructor(private readonly db: Db) {}

  async list(ladderId: string): Promise<VersionView[]> {
    return this.views(ladderId, await listVersions(this.db, ladderId));
  }

  async get(
    ladderId: string,
    slug: string,
    selector: VersionSelector,
  ): Promise<{ version: VersionView; content: LadderContent }> {
    const row = await this.row(ladderId, slug, selector);
    const [version] = await this.views(ladderId, [row]);
    return { version: version!, content: versionContent(row) };
  }

  async diff(
    ladderId: string,
    slug: string,
    from: VersionSelector,
    to: VersionSelector,
  ): Promise<DiffView & { from: VersionView; to: VersionView }> {
    const [a, b] = [await this.row(ladderId, slug, from), await this.row(ladderId, slug, to)];
    const [fromView, toView] = await this.views(ladderId, [a, b]);
    return { from: fromView!, to: toView!, ...diffView(versionContent(a), versionContent(b)) };
  }

  async compare(
    ladderId: string,
    slug: string,
    selector: VersionSelector,
    lower: string,
    higher: string,
    granularity: 'word' | 'sentence' = 'word',
  ): Promise<{ version: VersionView; comparison: LevelComparison }> {
    const row = await this.row(ladderId, slug, selector);
    const content = versionContent(row);
    for (const id of [lower, higher]) {
      if (!content.levels.some((l) => l.id === id)) {
        throw new NotFoundError('not_found', `Level "${id}" is not in version ${row.number} of this ladder.`);
      }
    }
    const [version] = await this.views(ladderId, [row]);
    return { version: version!, comparison: compareLevels(content, lower, higher, { granularity }) };
  }

  private async row(ladderId: string, slug: string, selector: VersionSelector) {
    const row =
      selector === 'latest'
        ? await latestVersion(this.db, ladderId)
        : await getVersion(this.db, ladderId, selector);
    if (!row) {
      throw selector === 'latest'
        ? new NotFoundError('not_published', `"${slug}" has no published version yet.`)
        : notFoundError(`Version ${selector} of "${slug}"`);
    }
    return row;
  }

  private async views(ladderId: string, rows: VersionRow[]): Promise<VersionView[]> {
    const proposalIds = rows.map((r) => r.proposal_id).filter((id): id is string => !!id);
    const numbers = await proposalNumbers(this.db, ladderId, proposalIds);
    const refs = await userRefs(
      this.db,
      rows.flatMap((r) => [r.author_id, r.published_by, ...approverIds(r)]),
    );
    return rows.map((r) => ({
      number: r.number,
      title: r.title,
      description: r.description,
      publishedAt: r.created_at,
      author: refOf(refs, r.author_id),
      publishedBy: refOf(refs, r.published_by),
      approvers: approverIds(r).map((id) => refOf(refs, id)!),
      proposalNumber: r.proposal_id ? (numbers.get(r.proposal_id) ?? null) : null,
    }));
  }
}
