import { describe, expect, it } from 'vitest';
import { chatEntries, createPostmortem, parseChatLog, parseSlackExport, type ChatLog } from '$lib/domain';

const UTC = { date: '2018-02-10', timeZone: 'UTC' };
const BERLIN = { date: '2018-02-10', timeZone: 'Europe/Berlin' };

/** Each message as "ISO who: text", for readable expectations. */
const lines = (log: ChatLog) => log.messages.map((m) => `${m.at.slice(0, 19)} ${m.who}: ${m.text}`);

describe('parseChatLog: Slack and Teams text copied from the app', () => {
	it('reads a name and a 12-hour time on one line, the message on the next lines', () => {
		const log = parseChatLog(
			[
				'Ben Adler  3:19 PM',
				'checkout is throwing 502s',
				'started after the 15:02 deploy',
				'Priya Natarajan  3:21 PM',
				'paging the gateway team',
				'3:22 PM',
				'joined #incident-42 along with 2 others',
				'Priya Natarajan  3:24 PM',
				'rolling back'
			].join('\n'),
			UTC
		);
		expect(log.format).toBe('chat-copy');
		expect(lines(log)).toEqual([
			'2018-02-10T15:19:00 Ben Adler: checkout is throwing 502s\nstarted after the 15:02 deploy',
			'2018-02-10T15:21:00 Priya Natarajan: paging the gateway team',
			'2018-02-10T15:24:00 Priya Natarajan: rolling back'
		]);
		expect(log.dropped).toBe(1);
	});

	it('reads Teams copies ("[15:19] Name", "Name, 15:19") and a time-only line as the same author', () => {
		const log = parseChatLog('[15:19] Ben Adler\nlatency is up\n[15:20]\nstill climbing\nJan van der Berg, 15:31\nmitigated', UTC);
		expect(lines(log)).toEqual([
			'2018-02-10T15:19:00 Ben Adler: latency is up',
			'2018-02-10T15:20:00 Ben Adler: still climbing',
			'2018-02-10T15:31:00 Jan van der Berg: mitigated'
		]);
	});

	it('does not take a message that mentions a time for a new message', () => {
		const log = parseChatLog('Ben Adler  3:19 PM\nrestarting at 3:25 PM\nrolled back at 15:30\nok', UTC);
		expect(log.messages).toHaveLength(1);
		expect(log.messages[0].text).toBe('restarting at 3:25 PM\nrolled back at 15:30\nok');
	});

	it('reads 12-hour times around noon and midnight, and moves to the next day past midnight', () => {
		const log = parseChatLog('Ann  11:58 PM\nstill down\nAnn  12:03 AM\nback up\nAnn  12:30 PM\nlunch review', UTC);
		expect(lines(log)).toEqual([
			'2018-02-10T23:58:00 Ann: still down',
			'2018-02-11T00:03:00 Ann: back up',
			'2018-02-11T12:30:00 Ann: lunch review'
		]);
	});

	it('takes a date divider as the day of what follows', () => {
		const log = parseChatLog('Saturday, March 3rd\nAnn  9:00 AM\nhello\nToday\nAnn  9:05 AM\nagain', UTC);
		expect(lines(log)).toEqual(['2018-03-03T09:00:00 Ann: hello', '2018-03-03T09:05:00 Ann: again']);
	});
});

describe('parseChatLog: Zoom', () => {
	it('reads a saved meeting chat, the message on the next line, a name with a colon', () => {
		const log = parseChatLog(
			[
				'15:31:02 From Ben Adler to Everyone:',
				'\tcan you see the dashboard?',
				'15:31:40 From Dr. Priya: SRE to Everyone:',
				'\tyes, p99 is 4s'
			].join('\n'),
			BERLIN
		);
		expect(log.format).toBe('zoom');
		// Berlin is UTC+1 in February.
		expect(lines(log)).toEqual([
			'2018-02-10T14:31:02 Ben Adler: can you see the dashboard?',
			'2018-02-10T14:31:40 Dr. Priya: SRE: yes, p99 is 4s'
		]);
	});

	it('reads the older one-line form', () => {
		const log = parseChatLog('15:31:02\t From  Ben Adler : the deploy is paused\n15:32:10\t From  Ann : thanks', UTC);
		expect(lines(log)).toEqual(['2018-02-10T15:31:02 Ben Adler: the deploy is paused', '2018-02-10T15:32:10 Ann: thanks']);
	});
});

describe('parseChatLog: IRC', () => {
	it('reads irssi with joins dropped and a day change', () => {
		const log = parseChatLog(
			[
				'--- Log opened Sat Feb 10 23:50:00 2018',
				'23:55 -!- ben [~ben@host] has joined #ops',
				'23:56 <@ben> db01 is at 100% cpu',
				'23:57 < ann> looking',
				'23:58 * ann restarts the replica',
				'--- Day changed Sun Feb 11 2018',
				'00:04 <ann> replica back'
			].join('\n'),
			{ date: '2020-01-01', timeZone: 'UTC' }
		);
		expect(log.format).toBe('irc');
		expect(lines(log)).toEqual([
			'2018-02-10T23:56:00 ben: db01 is at 100% cpu',
			'2018-02-10T23:57:00 ann: looking',
			'2018-02-10T23:58:00 ann: * ann restarts the replica',
			'2018-02-11T00:04:00 ann: replica back'
		]);
		expect(log.dropped).toBe(1);
	});

	it('reads ZNC and moves to the next day when the clock goes backwards', () => {
		const log = parseChatLog('[23:59:30] <ben> still failing\n[23:59:50] *** Joins: ann (~ann@host)\n[00:00:10] <ann> on it', UTC);
		expect(lines(log)).toEqual(['2018-02-10T23:59:30 ben: still failing', '2018-02-11T00:00:10 ann: on it']);
	});

	it('reads WeeChat, tab-separated with its own dates', () => {
		const log = parseChatLog(
			'2018-02-10 15:19:02\t-->\tben (~ben@host) has joined #ops\n2018-02-10 15:19:30\t@ben\tdeploy 4411 is bad\n2018-02-10 15:20:00\t\tann\tnot a message',
			{ date: '2020-01-01', timeZone: 'UTC' }
		);
		expect(log.format).toBe('irc');
		expect(lines(log)).toEqual(['2018-02-10T15:19:30 ben: deploy 4411 is bad']);
	});
});

describe('parseChatLog: generic dated lines', () => {
	it('reads "date time - Name: message" in the given zone, and an ISO time with its own offset', () => {
		const log = parseChatLog(
			'2018-02-10 15:20 - Ben Adler: error rate 40%\n2018-02-10T13:01:00Z ann: ack: looking at it\n2018-02-10 15:40:05+05:30 ravi: fixed',
			BERLIN
		);
		expect(log.format).toBe('generic');
		expect(lines(log)).toEqual([
			'2018-02-10T14:20:00 Ben Adler: error rate 40%',
			'2018-02-10T13:01:00 ann: ack: looking at it',
			'2018-02-10T10:10:05 ravi: fixed'
		]);
	});

	it('keeps a message over several lines as one entry', () => {
		const log = parseChatLog('2018-02-10 15:20 - Ben: first line\nsecond line\n\nthird after a blank\n2018-02-10 15:21 - Ann: next', UTC);
		expect(log.messages.map((m) => m.text)).toEqual(['first line\nsecond line\n\nthird after a blank', 'next']);
	});
});

describe('parseChatLog: Slack export JSON', () => {
	const day = JSON.stringify([
		{ type: 'message', subtype: 'channel_join', user: 'U1', text: '<@U1> has joined the channel', ts: '1518275000.000100' },
		{
			type: 'message',
			user: 'U1',
			text: 'checkout 502s, see <https://status.example/x|the dashboard> &amp; <#C9|ops>',
			ts: '1518275940.000200'
		},
		{ type: 'message', user: 'U2', user_profile: { real_name: 'Priya Natarajan' }, text: 'paging <@U1>', ts: '1518276060.000300' },
		{
			type: 'message',
			subtype: 'bot_message',
			username: 'PagerDuty',
			text: '',
			attachments: [{ fallback: 'Triggered: checkout 5xx' }],
			ts: '1518275900.0'
		},
		{ type: 'message', subtype: 'channel_topic', user: 'U2', text: 'set the topic', ts: '1518276100.0' }
	]);

	it('reads a day file: names from users, mentions and links as text, system messages dropped, in time order', () => {
		const log = parseChatLog(day, { ...UTC, users: { U1: 'Ben Adler' } });
		expect(log.format).toBe('slack-export');
		expect(lines(log)).toEqual([
			'2018-02-10T15:18:20 PagerDuty: Triggered: checkout 5xx',
			'2018-02-10T15:19:00 Ben Adler: checkout 502s, see the dashboard (https://status.example/x) & #ops',
			'2018-02-10T15:21:00 Priya Natarajan: paging @Ben Adler'
		]);
		expect(log.dropped).toBe(2);
	});

	it('reads a whole export: users.json for names, channels merged by time and named', () => {
		const users = JSON.stringify([
			{ id: 'U1', name: 'ben', real_name: 'Ben Adler' },
			{ id: 'U3', name: 'ann', profile: { display_name: 'Ann' } }
		]);
		const other = JSON.stringify([{ type: 'message', user: 'U3', text: 'customers report errors', ts: '1518275950.0' }]);
		const log = parseSlackExport(
			[
				{ path: 'export/users.json', text: users },
				{ path: 'export/channels.json', text: '[]' },
				{ path: 'export/incident-42/2018-02-10.json', text: day },
				{ path: 'export/support/2018-02-10.json', text: other }
			],
			UTC
		);
		expect(log.messages.map((m) => `${m.channel} ${m.who}`)).toEqual([
			'incident-42 PagerDuty',
			'incident-42 Ben Adler',
			'support Ann',
			'incident-42 Priya Natarajan'
		]);
	});
});

describe('parseChatLog: what it does not read', () => {
	it('gives no messages for prose, an empty text, or JSON that is not an export', () => {
		for (const text of ['We had an outage yesterday and fixed it.', '', '{"a": 1}', '[1, 2, 3]'])
			expect(parseChatLog(text, UTC).messages).toEqual([]);
	});

	it('drops a time that cannot be ("25:61") rather than inventing one', () => {
		const log = parseChatLog('25:61 <ben> nope\n15:00 <ben> yes', UTC);
		expect(log.messages.map((m) => m.text)).toEqual(['yes']);
	});
});

describe('chatEntries', () => {
	it('makes timeline entries in the incident zone that remember their message, and skips messages added before', () => {
		const log = parseChatLog('2018-02-10T14:20:00Z ben: db down\n2018-02-10T14:25:00Z ann: failing over', UTC);
		const pm = { ...createPostmortem(), timeZone: 'America/New_York' };
		const entries = chatEntries(pm, log.messages);
		expect(entries.map((e) => [e.at, e.who, e.what, e.source?.author])).toEqual([
			['2018-02-10T09:20', 'ben', 'db down', 'ben'],
			['2018-02-10T09:25', 'ann', 'failing over', 'ann']
		]);
		// The same log again, after the first entry's text was edited: nothing is added twice.
		const edited = { ...pm, timeline: [{ ...entries[0], what: 'The database went down' }] };
		expect(
			chatEntries(edited, parseChatLog('2018-02-10T14:20:00Z ben: db down\n2018-02-10T14:25:00Z ann: failing over', UTC).messages)
		).toHaveLength(1);
	});
});

describe('an entry made from a chat log', () => {
	it('keeps where it came from through a JSON export and import, and a bad source is refused with a reason', async () => {
		const { toJson, parseImport } = await import('$lib/domain');
		const pm = createPostmortem();
		pm.timeline = chatEntries(pm, parseChatLog('2018-02-10T14:20:00Z ben: db down', UTC).messages);
		const back = parseImport(toJson(pm));
		expect(back.ok && back.postmortems[0].timeline[0].source).toEqual(pm.timeline[0].source);
		const bad = JSON.parse(toJson(pm));
		bad.postmortem.timeline[0].source = { kind: 'email', author: 'x', key: 'y' };
		expect(parseImport(JSON.stringify(bad)).ok).toBe(false);
	});
});
