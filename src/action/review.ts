import type { PullRequestContext } from './event.js';
import type { GitHubClient } from './github.js';
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
}

interface ReviewComment {
  path: string;
  line?: number | null;
  body?: string;
}

const MARKER_PATTERN = new RegExp(`<!-- ${SUGGESTION_MARKER} ([0-9a-f]+) -->`);

/** `path:line:fingerprint` of the suggestions this action already left on the PR. */
async function earlierSuggestions(client: GitHubClient, pr: PullRequestContext): Promise<Set<string>> {
  const comments = (await client.paginate(client.rest.pulls.listReviewComments, {
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.number,
    per_page: 100,
  })) as ReviewComment[];
  const seen = new Set<string>();
  for (const comment of comments) {
    const fingerprint = MARKER_PATTERN.exec(comment.body ?? '')?.[1];
    if (fingerprint && comment.line) seen.add(`${comment.path}:${comment.line}:${fingerprint}`);
  }
  return seen;
}

function reviewBody(posted: number, overflow: number, plan: SuggestionPlan): string {
  const lines = [`**dynakube-istio-guard** suggests ${posted} fix(es) on lines this pull request changes.`];
  if (overflow > 0)
    lines.push(
      `${overflow} more suggestion(s) did not fit in one review; they are listed in the PR comment.`,
    );
  if (plan.outsideDiff > 0)
    lines.push(
      `${plan.outsideDiff} fix(es) touch lines outside the diff; they are listed in the PR comment.`,
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

/** One review (event COMMENT) with the new suggestions; none when there is nothing new to suggest. */
export async function postSuggestions(
  client: GitHubClient,
  pr: PullRequestContext,
  plan: SuggestionPlan,
): Promise<ReviewResult> {
  if (plan.comments.length === 0) return { posted: 0, repeated: 0, overflow: 0, suggestedKeys: new Set() };
  const earlier = await earlierSuggestions(client, pr);
  const fresh = plan.comments.filter(
    (comment) => !earlier.has(`${comment.path}:${comment.line}:${comment.fingerprint}`),
  );
  const repeated = plan.comments.length - fresh.length;
  const batch = fresh.slice(0, MAX_COMMENTS_PER_REVIEW);
  const overflow = fresh.length - batch.length;
  const left = new Set(fresh.slice(MAX_COMMENTS_PER_REVIEW).map((comment) => comment.findingKey));
  const suggestedKeys = new Set(
    plan.comments.map((comment) => comment.findingKey).filter((key) => !left.has(key)),
  );
  if (batch.length === 0) return { posted: 0, repeated, overflow, suggestedKeys };
  const { data } = await client.rest.pulls.createReview({
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.number,
    commit_id: pr.headSha,
    event: 'COMMENT',
    body: reviewBody(batch.length, overflow, plan),
    comments: batch.map(asReviewComment),
  });
  return { posted: batch.length, repeated, overflow, reviewId: data.id, suggestedKeys };
}
