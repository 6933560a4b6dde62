import { localStore } from './local-storage';

/** How the Timeline step shows its entries: a dense row each, or a card each with every field. */
export type TimelineView = 'compact' | 'detailed';

const TIMELINE_VIEW_KEY = 'postmortem-workbench:timeline-view';

/** The timeline view last chosen in this browser; compact until one is chosen. */
export function loadTimelineView(): TimelineView {
	try {
		return localStore()?.getItem(TIMELINE_VIEW_KEY) === 'detailed' ? 'detailed' : 'compact';
	} catch {
		return 'compact';
	}
}

/** Keep the timeline view for the next visit (quietly not, where localStorage is full or disabled). */
export function saveTimelineView(view: TimelineView): void {
	try {
		localStore()?.setItem(TIMELINE_VIEW_KEY, view);
	} catch {
		/* a convenience: the view chosen still applies on this page */
	}
}
