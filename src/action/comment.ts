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
  /** `left for a newer head`: a run for a later push wrote the comment, and this run left it as it was. */
  action: 'created' | 'updated' | 'deleted' | 'none' | 'left for a newer head';
}

/**
 * What a sticky comment was written for: the PR's head commit, and when GitHub last updated the PR as the run's
 * event tells it (`pull_request.updated_at`: each push moves it on, a re-run keeps its old event's). It is kept in
 * the comment, so a run knows a comment of a later push without asking GitHub anything more.
 */
export interface CommentStamp {
  headSha: string;
  updatedAt?: string;
}

interface IssueComment {
  id: number;
  body?: string;
}

const SCOPE_PATTERN = /<!-- dynakube-istio-guard:scope ([0-9a-f]+) -->/;
const STAMP_PATTERN = /<!-- dynakube-istio-guard:head ([0-9a-f]{40,64})(?: ([0-9TZ:.+-]+))? -->/;

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

/** The stamp of the comments a run writes, from its event. */
export function stampOf(pr: PullRequestContext): CommentStamp {
  return { headSha: pr.headSha.toLowerCase(), ...(pr.updatedAt ? { updatedAt: pr.updatedAt } : {}) };
}

/** The stamp's marker; only what `STAMP_PATTERN` reads back goes in, so no value can end the HTML comment. */
function stampMarker(stamp: CommentStamp): string | undefined {
  if (!/^[0-9a-f]{40,64}$/.test(stamp.headSha)) return undefined;
  const date = stamp.updatedAt && /^[0-9TZ:.+-]+$/.test(stamp.updatedAt) ? ` ${stamp.updatedAt}` : '';
  return `<!-- dynakube-istio-guard:head ${stamp.headSha}${date} -->`;
}

function stampIn(body: string | undefined): CommentStamp | undefined {
  const match = STAMP_PATTERN.exec(body ?? '');
  if (!match) return undefined;
  return { headSha: match[1], ...(match[2] ? { updatedAt: match[2] } : {}) };
}

/**
 * Whether a comment was written for a later push than `ours`: another head, from an event GitHub dated later. A
 * run for the same head may replace it (a re-run, a second workflow); a comment without a stamp (an earlier version
 * of this action) or without a date is never taken for newer.
 */
export function writtenForNewerHead(body: string | undefined, ours: CommentStamp): boolean {
  const theirs = stampIn(body);
  if (!theirs?.updatedAt || !ours.updatedAt || theirs.headSha === ours.headSha) return false;
  const [their, our] = [Date.parse(theirs.updatedAt), Date.parse(ours.updatedAt)];
  return !Number.isNaN(their) && !Number.isNaN(our) && their > our;
}

/**
 * The body with this action's hidden marker and, for a `paths` scope, its scope marker and header; with a stamp,
 * the head it was written for.
 */
export function markBody(
  markdown: string,
  scope?: { key: string; label: string },
  stamp?: CommentStamp,
): string {
  const marked = markdown.includes(COMMENT_MARKER) ? markdown : `${COMMENT_MARKER}\n${markdown}`;
  const markers = [
    scope && `<!-- dynakube-istio-guard:scope ${scope.key} -->`,
    stamp && stampMarker(stamp),
  ].filter((marker): marker is string => marker !== undefined);
  const withMarkers =
    markers.length > 0 ? marked.replace(COMMENT_MARKER, [COMMENT_MARKER, ...markers].join('\n')) : marked;
  if (!scope) return withMarkers;
  return withMarkers.replace(
    /^### dynakube-istio-guard$/m,
    `### dynakube-istio-guard · ${inlineCode(scope.label)}`,
  );
}

/** The body as posted: always carries the marker (and the scope's and stamp's) and always fits GitHub's limit. */
export function stickyBody(
  markdown: string,
  note: string,
  scope?: { key: string; label: string },
  stamp?: CommentStamp,
): string {
  return truncateMarkdown(markBody(markdown, scope, stamp), COMMENT_LIMIT, { note });
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
  stamp?: CommentStamp,
): string {
  const probe = `${COMMENT_MARKER}\n### dynakube-istio-guard\n`;
  const overhead = markBody(probe, scope, stamp).length - probe.length;
  return stickyBody(
    renderMarkdown(report, { ...options, maxLength: COMMENT_LIMIT - overhead }),
    note,
    scope,
    stamp,
  );
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

/** A comment a run for a later push wrote: this run leaves every marked comment to that run. */
function newerComment(existing: IssueComment[], pr: PullRequestContext): IssueComment | undefined {
  const ours = stampOf(pr);
  return existing.find((comment) => writtenForNewerHead(comment.body, ours));
}

const LEFT_FOR_NEWER = 'left for a newer head';

/**
 * One comment per PR, found by its hidden marker: created once, then updated in place. Two runs that raced may
 * both have created one: the oldest is kept (and carries this run's body), the others are deleted. With
 * `keep: false` (mode on-findings, nothing to report) every marked comment is removed. A comment written for a
 * later push than this run's is neither overwritten nor removed: the run of that push owns the comment.
 */
export async function upsertSticky(
  client: GitHubClient,
  pr: PullRequestContext,
  body: string,
  keep: boolean,
  scope?: string,
): Promise<StickyResult> {
  const existing = await markedComments(client, pr, scope);
  const newer = newerComment(existing, pr);
  if (newer) return { commentId: newer.id, action: LEFT_FOR_NEWER };
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
  if (newerComment(after, pr)) {
    // The later push's run settles on the oldest too, with its body: this one only withdraws its own if that is not it.
    if (kept.id !== data.id) await remove(client, pr, [data]);
    return { commentId: kept.id, action: LEFT_FOR_NEWER };
  }
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
  const newer = newerComment(existing, pr);
  if (newer) return { commentId: newer.id, action: LEFT_FOR_NEWER };
  const [kept, ...extra] = existing;
  await update(client, pr, kept.id, body);
  await remove(client, pr, extra);
  return { commentId: kept.id, action: 'updated' };
}
