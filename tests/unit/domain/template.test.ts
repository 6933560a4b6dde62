import { describe, expect, it } from 'vitest';
import {
	ACTION_KINDS,
	ACTION_STATUSES,
	ACTION_TERMS,
	FACTOR_KINDS,
	MILESTONES,
	PRIORITIES,
	SECTION_IDS,
	SEVERITIES,
	type SectionId,
	STATUSES,
	createPostmortem
} from '$lib/domain/model';
import { createContributingFactor, createCorrectiveAction, createTimelineEntry } from '$lib/domain/parts';
import {
	ACTION_KIND_LABELS,
	ACTION_STATUS_LABELS,
	FACTOR_KIND_LABELS,
	MILESTONE_LABELS,
	PRIORITY_LABELS,
	OPTIONAL_SECTIONS,
	SECTIONS,
	SEVERITY_LABELS,
	STATUS_LABELS,
	TERM_LABELS,
	completion,
	fieldDef,
	itemFieldDef,
	sectionDef,
	sectionProgress
} from '$lib/domain/template';
import { examplePostmortem } from '$lib/domain/example';

describe('template', () => {
	it('has the twelve sections in order, each with guidance', () => {
		expect(SECTIONS.map((s) => s.id)).toEqual([...SECTION_IDS]);
		expect(SECTIONS.map((s) => s.title)).toEqual([
			'Overview',
			'Summary',
			'Impact',
			'Trigger, detection, resolution',
			'Timeline',
			'What went well',
			'Contributing factors',
			'Where we got lucky',
			'Corrective actions',
			'Lessons learned',
			'Supporting information',
			'Public summary'
		]);
		for (const s of SECTIONS) {
			expect(s.questions.length).toBeGreaterThanOrEqual(3);
			expect(s.questions.length).toBeLessThanOrEqual(6);
			expect(s.intro).toMatch(/\.$/);
			expect(s.tip.length).toBeGreaterThan(10);
			expect(s.short.length).toBeLessThanOrEqual(12);
		}
		expect(sectionDef('timeline').title).toBe('Timeline');
	});

	it('only names fields that exist on the model', () => {
		const pm = createPostmortem();
		const items: Record<string, object> = {
			timeline: createTimelineEntry(),
			factors: createContributingFactor(),
			actions: createCorrectiveAction()
		};
		for (const s of SECTIONS) {
			for (const f of s.fields) expect(pm).toHaveProperty(f.key);
			if (s.item) for (const f of s.item.fields) expect(items[s.id]).toHaveProperty(f.key);
		}
		expect(Object.keys(items).every((id) => sectionDef(id as 'timeline').item)).toBe(true);
	});

	it('defines every field a person edits, each in one section, and every field of the list items', () => {
		// Bookkeeping, the list sections' items (defined per item below) and what other views edit.
		const notFields = new Set([
			'id',
			'schemaVersion',
			'revision',
			'createdAt',
			'updatedAt',
			'timeline',
			'contributingFactors',
			'correctiveActions'
		]);
		const elsewhere = new Set(['reviewedFindings', 'finalNote', 'facilitation', 'extra']);
		const editable = Object.keys(createPostmortem()).filter((k) => !notFields.has(k) && !elsewhere.has(k));
		const defined = SECTIONS.flatMap((s) => s.fields.map((f) => f.key));
		expect([...defined].sort()).toEqual([...editable].sort());
		const items: [SectionId, object][] = [
			['timeline', createTimelineEntry()],
			['factors', createContributingFactor()],
			['actions', createCorrectiveAction()]
		];
		for (const [id, item] of items) {
			const keys = Object.keys(item).filter((k) => k !== 'id');
			expect(
				sectionDef(id)
					.item?.fields.map((f) => f.key)
					.sort(),
				id
			).toEqual(keys.sort());
		}
		for (const s of SECTIONS)
			for (const f of [...s.fields, ...(s.item?.fields ?? [])]) {
				expect(f.label.length, `${s.id}.${f.key}`).toBeGreaterThan(0);
				if (f.kind === 'select') expect(f.options?.length, `${s.id}.${f.key}`).toBeGreaterThan(1);
			}
	});

	it('gives the forms the definition of a field, and fails for a field it does not define', () => {
		expect(fieldDef('overview', 'services').label).toBe('Services affected');
		expect(itemFieldDef('actions', 'dueDate')).toMatchObject({ label: 'Due date', kind: 'date' });
		expect(itemFieldDef('timeline', 'milestone').options?.[0]).toEqual({ value: '', label: 'None' });
		expect(() => fieldDef('overview', 'summary')).toThrow(/No field summary/);
		expect(() => itemFieldDef('factors', 'owner')).toThrow(/No item field owner/);
		expect(() => itemFieldDef('summary', 'title')).toThrow();
	});

	it('labels every enum value', () => {
		const cases: [readonly string[], Record<string, string>][] = [
			[STATUSES, STATUS_LABELS],
			[SEVERITIES, SEVERITY_LABELS],
			[MILESTONES, MILESTONE_LABELS],
			[FACTOR_KINDS, FACTOR_KIND_LABELS],
			[ACTION_KINDS, ACTION_KIND_LABELS],
			[ACTION_TERMS, TERM_LABELS],
			[PRIORITIES, PRIORITY_LABELS],
			[ACTION_STATUSES, ACTION_STATUS_LABELS]
		];
		for (const [values, labels] of cases) expect(Object.keys(labels).sort()).toEqual([...values].sort());
		expect(MILESTONE_LABELS.declared).toBe('Incident declared');
		expect(ACTION_STATUS_LABELS['wont-do']).toBe("Won't do");
		expect(SEVERITY_LABELS.sev1).toBe('SEV 1 – critical');
	});
});

describe('section progress', () => {
	it('is empty everywhere for a blank postmortem', () => {
		const pm = createPostmortem();
		for (const id of SECTION_IDS) expect(sectionProgress(pm, id)).toBe('empty');
		expect(completion(pm)).toEqual({ filled: 0, total: 11 });
	});

	it('counts every required section of the example as filled', () => {
		const pm = examplePostmortem();
		for (const id of SECTION_IDS) expect(sectionProgress(pm, id)).toBe('filled');
		expect(completion(pm)).toEqual({ filled: 11, total: 11 });
	});

	it('fills the overview with title, incident date, severity and lead', () => {
		const pm = createPostmortem();
		pm.tags = ['db'];
		expect(sectionProgress(pm, 'overview')).toBe('started');
		Object.assign(pm, { title: 'T', incidentDate: '2026-01-01T10:00', severity: 'sev3' });
		expect(sectionProgress(pm, 'overview')).toBe('started');
		pm.incidentLead = 'Ana';
		expect(sectionProgress(pm, 'overview')).toBe('filled');
	});

	it('treats whitespace-only text as empty', () => {
		const pm = createPostmortem();
		pm.summary = '  \n ';
		expect(sectionProgress(pm, 'summary')).toBe('empty');
		pm.summary = 'Something happened.';
		expect(sectionProgress(pm, 'summary')).toBe('filled');
	});

	it('needs all three texts for trigger, detection, resolution', () => {
		const pm = createPostmortem();
		pm.trigger = 'a';
		expect(sectionProgress(pm, 'trigger')).toBe('started');
		pm.detection = 'b';
		pm.resolution = 'c';
		expect(sectionProgress(pm, 'trigger')).toBe('filled');
	});

	it('needs three timeline entries including the resolved milestone', () => {
		const pm = createPostmortem();
		pm.timeline = [createTimelineEntry()];
		expect(sectionProgress(pm, 'timeline')).toBe('empty');
		pm.timeline = ['10:00', '10:05', '10:10'].map((t) => ({ ...createTimelineEntry(`2026-01-01T${t}`), what: t }));
		expect(sectionProgress(pm, 'timeline')).toBe('started');
		pm.timeline[2].milestone = 'resolved';
		expect(sectionProgress(pm, 'timeline')).toBe('filled');
	});

	it('needs two described factors', () => {
		const pm = createPostmortem();
		pm.contributingFactors = [createContributingFactor('one')];
		expect(sectionProgress(pm, 'factors')).toBe('started');
		pm.contributingFactors.push(createContributingFactor('two'));
		expect(sectionProgress(pm, 'factors')).toBe('filled');
	});

	it('needs one action with title, owner, due date and priority', () => {
		const pm = createPostmortem();
		const a = createCorrectiveAction('Add alert');
		pm.correctiveActions = [a];
		expect(sectionProgress(pm, 'actions')).toBe('started');
		Object.assign(a, { owner: 'Ana', dueDate: '2026-02-01' });
		expect(sectionProgress(pm, 'actions')).toBe('started');
		a.priority = 'high';
		expect(sectionProgress(pm, 'actions')).toBe('filled');
	});

	it('does not count the optional public summary in completion', () => {
		const pm = createPostmortem();
		pm.publicSummary = 'We are sorry.';
		expect(sectionProgress(pm, 'public-summary')).toBe('filled');
		expect(completion(pm)).toEqual({ filled: 0, total: 11 });
	});
});

describe('template wording', () => {
	it('uses no language the coach would flag', async () => {
		const { lintText } = await import('$lib/domain/lint');
		const texts = SECTIONS.flatMap((s) => [
			s.intro,
			s.tip,
			...s.questions,
			...[...s.fields, ...(s.item?.fields ?? [])].flatMap((f) => [f.hint ?? '', f.placeholder ?? ''])
		]);
		for (const t of texts) expect(lintText(t), t).toEqual([]);
		expect(texts.join(' ')).not.toMatch(/could have|should have|why did/i);
	});
});

describe('optional sections', () => {
	it('the sections marked optional in the template are the ones completion leaves out', () => {
		expect(SECTIONS.filter((s) => s.optional).map((s) => s.id)).toEqual([...OPTIONAL_SECTIONS]);
	});
});
