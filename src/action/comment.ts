import { createHash } from 'node:crypto';
import { inlineCode } from '../report/escape.js';
import { COMMENT_MARKER, renderMarkdown, type MarkdownOptions } from '../report/markdown.js';
import type { Report } from '../report/types.js';
import { COMMENT_LIMIT, truncateMarkdown } from '../report/truncate.js';
import type { PullRequestContext } from './event.js';
import type { GitHubClient } from './github.js';

export type CommentMode = 'sticky' | 'on-findings' | 'off';

export interface StickyResult {
  /** The comment left on the PR, if any. */
  commentId?: number;
  action: 'created' | 'updated' | 'deleted' | 'none';
}

interface IssueComment {
  id: number;
  body?: string;
}

const SCOPE_PATTERN = /<!-- dynakube-istio-guard:scope ([0-9a-f]+) -->/;

/**
 * Which sticky comment a run owns. Runs over different `paths` (a matrix over cluster folders) each keep their own
 * comment instead of overwriting one another's; the default scope (no `paths`) has no scope marker.
 */
export function commentScope(paths: readonly string[], exclude: readonly string[]): string | undefined {
  if (paths.length === 0 && exclude.length === 0) return undefined;
  return createHash('sha256')
    .update(JSON.stringify([[...paths].sort(), [...exclude].sort()]))
    .digest('hex')
    .slice(0, 12);
}

/** The body with this action's hidden marker and, for a `paths` scope, its scope marker and header. */
export function markBody(markdown: string, scope?: { key: string; label: string }): string {
  const marked = markdown.includes(COMMENT_MARKER) ? markdown : `${COMMENT_MARKER}\n${markdown}`;
  if (!scope) return marked;
  return marked
    .replace(COMMENT_MARKER, `${COMMENT_MARKER}\n<!-- dynakube-istio-guard:scope ${scope.key} -->`)
    .replace(/^### dynakube-istio-guard$/m, `### dynakube-istio-guard · ${inlineCode(scope.label)}`);
}

/** The body as posted: always carries the marker (and the scope's) and always fits GitHub's limit. */
export function stickyBody(markdown: string, note: string, scope?: { key: string; label: string }): string {
  return truncateMarkdown(markBody(markdown, scope), COMMENT_LIMIT, { note });
}

/**
 * The sticky comment for a report. It is rendered to GitHub's comment limit less what the markers add, so the
 * renderer collapses sections (and keeps every finding's headline while they fit) before anything is cut; the
 * cut with a note in `stickyBody` stays as the last resort.
 */
export function reportCommentBody(
  report: Report,
  options: Omit<MarkdownOptions, 'maxLength'>,
  note: string,
  scope?: { key: string; label: string },
): string {
  const probe = `${COMMENT_MARKER}\n### dynakube-istio-guard\n`;
  const overhead = markBody(probe, scope).length - probe.length;
  return stickyBody(renderMarkdown(report, { ...options, maxLength: COMMENT_LIMIT - overhead }), note, scope);
}

/** Whether a comment is this run's sticky comment: the marker, and the same scope. */
export function isOwnComment(body: string | undefined, scope: string | undefined): boolean {
  if (!body?.includes(COMMENT_MARKER)) return false;
  return SCOPE_PATTERN.exec(body)?.[1] === scope;
}

async function markedComments(
  client: GitHubClient,
  pr: PullRequestContext,
  scope: string | undefined,
): Promise<IssueComment[]> {
  const comments = (await client.paginate(client.rest.issues.listComments, {
    owner: pr.owner,
    repo: pr.repo,
    issue_number: pr.number,
    per_page: 100,
  })) as IssueComment[];
  return comments.filter((comment) => isOwnComment(comment.body, scope)).sort((a, b) => a.id - b.id);
}

async function remove(client: GitHubClient, pr: PullRequestContext, comments: IssueComment[]): Promise<void> {
  for (const comment of comments) {
    try {
      await client.rest.issues.deleteComment({ owner: pr.owner, repo: pr.repo, comment_id: comment.id });
    } catch (error) {
      // Another run may have deleted it first.
      if ((error as { status?: number }).status !== 404) throw error;
    }
  }
}

async function update(client: GitHubClient, pr: PullRequestContext, id: number, body: string) {
  await client.rest.issues.updateComment({ owner: pr.owner, repo: pr.repo, comment_id: id, body });
}

/**
 * One comment per PR, found by its hidden marker: created once, then updated in place. Two runs that raced may
 * both have created one: the oldest is kept (and carries this run's body), the others are deleted. With
 * `keep: false` (mode on-findings, nothing to report) every marked comment is removed.
 */
export async function upsertSticky(
  client: GitHubClient,
  pr: PullRequestContext,
  body: string,
  keep: boolean,
  scope?: string,
): Promise<StickyResult> {
  const existing = await markedComments(client, pr, scope);
  if (!keep) {
    await remove(client, pr, existing);
    return { action: existing.length > 0 ? 'deleted' : 'none' };
  }
  if (existing.length > 0) {
    const [kept, ...extra] = existing;
    await update(client, pr, kept.id, body);
    await remove(client, pr, extra);
    return { commentId: kept.id, action: 'updated' };
  }
  const { data } = await client.rest.issues.createComment({
    owner: pr.owner,
    repo: pr.repo,
    issue_number: pr.number,
    body,
  });
  // A concurrent run may have created its own in the meantime: settle on the oldest.
  const after = await markedComments(client, pr, scope);
  if (after.length <= 1) return { commentId: data.id, action: 'created' };
  const [kept, ...extra] = after;
  if (kept.id !== data.id) await update(client, pr, kept.id, body);
  await remove(client, pr, extra);
  return { commentId: kept.id, action: kept.id === data.id ? 'created' : 'updated' };
}

/** Updates an existing sticky comment only (never creates one): for runs that have nothing new to say. */
export async function refreshExistingSticky(
  client: GitHubClient,
  pr: PullRequestContext,
  body: string,
  scope?: string,
): Promise<StickyResult> {
  const existing = await markedComments(client, pr, scope);
  if (existing.length === 0) return { action: 'none' };
  const [kept, ...extra] = existing;
  await update(client, pr, kept.id, body);
  await remove(client, pr, extra);
  return { commentId: kept.id, action: 'updated' };
}
