import type { PullRequestContext } from './event.js';
import { statusOf, type GitHubClient } from './github.js';
import { SUGGESTION_MARKER, type SuggestionComment, type SuggestionPlan } from './suggestions.js';

/** reviewdog's figure: more review comments in one request trip GitHub's abuse detection. */
export const MAX_COMMENTS_PER_REVIEW = 30;

export interface ReviewResult {
  posted: number;
  /** Suggestions this action already made on the same line in an earlier run. */
  repeated: number;
  /** Suggestions beyond the per-review cap, left to the sticky comment. */
  overflow: number;
  reviewId?: number;
  /** Keys of the findings whose every suggestion is now on the PR (posted now or earlier). */
  suggestedKeys: Set<string>;
  /** What became of this action's earlier suggestions that this run no longer makes. */
  outdated: OutdatedRemoval;
}

export interface OutdatedRemoval {
  /** Deleted now. */
  removed: number;
  /** Left on the PR because someone replied to them. */
  keptForReplies: number;
  /** Gone already (404): another run or a person deleted them. */
  alreadyGone: number;
  /** Why removal stopped (a read-only fork token, a server fault); the rest stay on the PR. */
  error?: unknown;
}

/** A review comment as `pulls.listReviewComments` lists it: the fields read here. */
export interface ListedReviewComment {
  id: number;
  path: string;
  line?: number | null;
  body?: string;
  in_reply_to_id?: number;
  user?: { login: string } | null;
}

const MARKER_PATTERN = new RegExp(`<!-- ${SUGGESTION_MARKER} ([0-9a-f]+) -->`);

function fingerprintIn(comment: ListedReviewComment): string | undefined {
  return MARKER_PATTERN.exec(comment.body ?? '')?.[1];
}

/** Where a suggestion sits, as a run plans it and as the listing shows it: `path:line:fingerprint`. */
function placeOf(path: string, line: number | null | undefined, fingerprint: string): string {
  return `${path}:${line ?? 'outdated'}:${fingerprint}`;
}

/** Every review comment of the PR, replies included (they tell which suggestions have a conversation). */
async function listReviewComments(
  client: GitHubClient,
  pr: PullRequestContext,
): Promise<ListedReviewComment[]> {
  return (await client.paginate(client.rest.pulls.listReviewComments, {
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.number,
    per_page: 100,
  })) as ListedReviewComment[];
}

/** `path:line:fingerprint` of the suggestions this action already left on the PR. */
function earlierSuggestions(comments: readonly ListedReviewComment[]): Set<string> {
  const seen = new Set<string>();
  for (const comment of comments) {
    const fingerprint = fingerprintIn(comment);
    if (fingerprint && comment.line) seen.add(placeOf(comment.path, comment.line, fingerprint));
  }
  return seen;
}

/**
 * This action's suggestions that this run does not make at the same place: the finding is fixed or gone, its
 * fix moved (then this run posts it anew), or it is a duplicate. Only thread starters with the marker, on files this run reads (a run
 * over other `paths` owns the rest). Those with replies are counted, not returned: a conversation stays.
 */
export function outdatedSuggestions(
  comments: readonly ListedReviewComment[],
  plan: SuggestionPlan,
  reads: (path: string) => boolean,
): { outdated: ListedReviewComment[]; keptForReplies: number } {
  const planned = new Set(plan.comments.map((c) => placeOf(c.path, c.line, c.fingerprint)));
  const repliedTo = new Set(comments.map((comment) => comment.in_reply_to_id));
  const outdated: ListedReviewComment[] = [];
  let keptForReplies = 0;
  for (const comment of [...comments].sort((a, b) => a.id - b.id)) {
    const fingerprint = fingerprintIn(comment);
    if (!fingerprint || comment.in_reply_to_id !== undefined || !reads(comment.path)) continue;
    // The oldest at a planned place stays; a second one there is a duplicate two racing runs posted.
    if (planned.delete(placeOf(comment.path, comment.line, fingerprint))) continue;
    if (repliedTo.has(comment.id)) keptForReplies += 1;
    else outdated.push(comment);
  }
  return { outdated, keptForReplies };
}

/** A login as REST (`github-actions[bot]`) and GraphQL (`github-actions`) spell it. */
function sameLogin(a: string, b: string): boolean {
  const plain = (login: string) => login.replace(/\[bot\]$/i, '').toLowerCase();
  return plain(a) === plain(b);
}

/** The token's user. GitHub's `GET /user` refuses installation tokens (GITHUB_TOKEN); GraphQL's viewer does not. */
async function tokenLogin(client: GitHubClient): Promise<string> {
  const { viewer } = await client.graphql<{ viewer: { login: string } }>('query { viewer { login } }');
  return viewer.login;
}

/**
 * Deletes the outdated suggestions written by the token's user: the marker alone could be copied into anyone's
 * comment. The user is the one that wrote this run's review, else asked once, and only if there is something to
 * delete that the listing names an author for. Never throws: a failure stops removal and is reported.
 */
async function removeOutdated(
  client: GitHubClient,
  pr: PullRequestContext,
  candidates: readonly ListedReviewComment[],
  reviewer: string | undefined,
): Promise<Omit<OutdatedRemoval, 'keptForReplies'>> {
  const removal = { removed: 0, alreadyGone: 0 };
  try {
    let self = reviewer;
    for (const comment of candidates) {
      const author = comment.user?.login;
      if (author !== undefined) {
        self ??= await tokenLogin(client);
        if (!sameLogin(author, self)) continue;
      }
      try {
        await client.rest.pulls.deleteReviewComment({
          owner: pr.owner,
          repo: pr.repo,
          comment_id: comment.id,
        });
        removal.removed += 1;
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
        removal.alreadyGone += 1;
      }
    }
    return removal;
  } catch (error) {
    return { ...removal, error };
  }
}

/** Where the fixes that are not suggested are listed: the PR comment, or the job summary with `comment: off`. */
export type RestListedIn = 'the PR comment' | 'the job summary';

function reviewBody(
  posted: number,
  overflow: number,
  plan: SuggestionPlan,
  restListedIn: RestListedIn,
): string {
  const lines = [`**dynakube-istio-guard** suggests ${posted} fix(es) on lines this pull request changes.`];
  if (overflow > 0)
    lines.push(
      `${overflow} more suggestion(s) did not fit in one review; they are listed in ${restListedIn}.`,
    );
  if (plan.outsideDiff > 0)
    lines.push(
      `${plan.outsideDiff} fix(es) touch lines outside the diff; they are listed in ${restListedIn}.`,
    );
  return lines.join('\n\n');
}

function asReviewComment(comment: SuggestionComment) {
  return {
    path: comment.path,
    line: comment.line,
    side: comment.side,
    ...(comment.start_line !== undefined
      ? { start_line: comment.start_line, start_side: comment.start_side }
      : {}),
    body: comment.body,
  };
}

/**
 * One review (event COMMENT) with the new suggestions, none when there is nothing new to suggest; then this
 * action's earlier suggestions that no longer apply are deleted (after the review, so a refused review leaves them).
 * Requests: the listing's pages, at most one review, and one delete per outdated suggestion of this action.
 */
export async function postSuggestions(
  client: GitHubClient,
  pr: PullRequestContext,
  plan: SuggestionPlan,
  reads: (path: string) => boolean,
  restListedIn: RestListedIn = 'the PR comment',
): Promise<ReviewResult> {
  const listed = await listReviewComments(client, pr);
  const earlier = earlierSuggestions(listed);
  const fresh = plan.comments.filter(
    (comment) => !earlier.has(placeOf(comment.path, comment.line, comment.fingerprint)),
  );
  const repeated = plan.comments.length - fresh.length;
  const batch = fresh.slice(0, MAX_COMMENTS_PER_REVIEW);
  const overflow = fresh.length - batch.length;
  const left = new Set(fresh.slice(MAX_COMMENTS_PER_REVIEW).flatMap((comment) => comment.findingKeys));
  const suggestedKeys = new Set(
    plan.comments.flatMap((comment) => comment.findingKeys).filter((key) => !left.has(key)),
  );
  let review: { id: number; user?: { login: string } | null } | undefined;
  if (batch.length > 0) {
    ({ data: review } = await client.rest.pulls.createReview({
      owner: pr.owner,
      repo: pr.repo,
      pull_number: pr.number,
      commit_id: pr.headSha,
      event: 'COMMENT',
      body: reviewBody(batch.length, overflow, plan, restListedIn),
      comments: batch.map(asReviewComment),
    }));
  }
  const { outdated, keptForReplies } = outdatedSuggestions(listed, plan, reads);
  const removal = await removeOutdated(client, pr, outdated, review?.user?.login);
  return {
    posted: batch.length,
    repeated,
    overflow,
    ...(review ? { reviewId: review.id } : {}),
    suggestedKeys,
    outdated: { ...removal, keptForReplies },
  };
}
