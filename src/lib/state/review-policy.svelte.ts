import { readReviewPolicy, type ReviewPolicy } from '$lib/domain/deadlines';
import { loadReviewPolicy, saveReviewPolicy } from '$lib/storage/review-policy';

/** The review-meeting policy of Settings: how long after an incident its review is due, kept in this browser. */
export class ReviewPolicyChoice {
	policy = $state<ReviewPolicy>(loadReviewPolicy());
	/** Why the last change could not be kept, or ''. */
	error = $state('');

	/** Change part of the policy and keep it. */
	change(part: Partial<ReviewPolicy>): void {
		this.policy = readReviewPolicy({ ...this.policy, ...part });
		this.error = saveReviewPolicy(this.policy) ? '' : 'This browser did not let the policy be kept; it applies until the page is left.';
	}
}
