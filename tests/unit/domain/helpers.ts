import type { Postmortem } from '$lib/domain/model';
import { examplePostmortem } from '$lib/domain/example';

/** The example with every user-entered text replaced by a unique marker; returns the markers too. */
export function markedExample(): { pm: Postmortem; markers: string[] } {
	const pm = examplePostmortem(new Date('2026-03-11T09:00:00Z'));
	const markers: string[] = [];
	let n = 0;
	const mark = (label: string) => {
		const m = `MK${String(++n).padStart(3, '0')}${label}`;
		markers.push(m);
		return m;
	};
	pm.title = mark('title');
	pm.incidentLead = mark('lead');
	pm.facilitator = mark('facilitator');
	pm.authors = [mark('author'), mark('author')];
	pm.participants = [mark('participant'), mark('participant')];
	pm.services = [mark('service')];
	pm.tags = [mark('tag'), mark('tag')];
	for (const key of [
		'summary',
		'impact',
		'trigger',
		'detection',
		'resolution',
		'wentWell',
		'wentWrong',
		'gotLucky',
		'riskAccepted',
		'lessons',
		'supportingInfo',
		'publicSummary',
		'finalNote'
	] as const) {
		pm[key] = `Text of ${key}: ${mark(key)}`;
	}
	for (const e of pm.timeline) {
		e.who = mark('who');
		e.what = mark('what');
		e.link = `https://example.com/${mark('link')}`;
	}
	for (const f of pm.contributingFactors) f.description = mark('factor');
	for (const a of pm.correctiveActions) {
		a.title = mark('action');
		a.owner = mark('owner');
		a.trackerLink = `https://tracker.example.com/${mark('tracker')}`;
		a.successMeasure = mark('measure');
	}
	for (const p of pm.facilitation.parkingLot) p.text = mark('parking');
	return { pm, markers };
}
