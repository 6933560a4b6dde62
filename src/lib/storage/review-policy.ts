import { DEFAULT_REVIEW_POLICY, readReviewPolicy, type ReviewPolicy } from '$lib/domain/deadlines';
import { localStore } from './local-storage';

const KEY = 'postmortem-workbench:review-policy';

/** The review-meeting policy chosen in Settings in this browser; the default until one is chosen. */
export function loadReviewPolicy(): ReviewPolicy {
	try {
		const raw = localStore()?.getItem(KEY);
		return raw ? readReviewPolicy(JSON.parse(raw)) : { ...DEFAULT_REVIEW_POLICY };
	} catch {
		return { ...DEFAULT_REVIEW_POLICY };
	}
}

/** Keep the policy for this browser; false when it could not be kept (localStorage full or disabled). */
export function saveReviewPolicy(policy: ReviewPolicy): boolean {
	try {
		const store = localStore();
		if (!store) return false;
		store.setItem(KEY, JSON.stringify(readReviewPolicy(policy)));
		return true;
	} catch {
		return false;
	}
}
