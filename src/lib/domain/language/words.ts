/** Word lists the language rules read: participles, adverbs, people, outcomes and verbs. */

/** Irregular past participles (regular ones end in -ed). */
export const PARTICIPLES = new Set(
	`been done known seen taken given gone got gotten made said told thought caught brought bought taught
	sought fought found felt held heard kept left lost meant met paid put read run set sent spent stood
	understood won written chosen spoken broken driven hidden shown drawn thrown grown flown blown forgotten
	woken proven begun become come hit let cut shut quit spread split built dealt led fed bent lent sold slept
	spun struck stuck swept rerun re-run undone redone rewritten rebuilt overseen foreseen mistaken withdrawn
	reread rung rang sung swum torn worn sworn shaken ridden risen eaten fallen stolen frozen chosen bitten
	forbidden forgiven beaten upheld withheld overridden overrun`.split(/\s+/)
);
/** Words ending in -ed that are not past participles. */
export const ED_WORDS = new Set(
	'red bed need speed feed seed bleed breed greed hundred sacred naked wicked embed indeed proceed succeed exceed shred ragged rugged'.split(
		' '
	)
);
/** Adverbs skipped when looking for the next meaningful word (words in -ly are adverbs too). */
export const ADVERBS = new Set(
	'just also never not already still then first all both simply really even actually probably definitely maybe perhaps at least only again ever instead rather so'.split(
		' '
	)
);
/** Pronouns that stand for a person. */
export const PRONOUNS = new Set('i we you he she they someone somebody anyone anybody nobody everyone everybody who'.split(' '));
/** Roles that stand for a person ("the on-call engineer"). */
export const ROLES = new Set(
	`engineer operator on-call oncall on-caller team developer sre reviewer responder admin administrator
	sysadmin dba manager lead ic commander author staff person people human analyst tester
	owner colleague teammate contractor employee maintainer approver releaser deployer coordinator
	intern newcomer junior senior`.split(/\s+/)
);

/** Outcomes: "we could have lost data" is about luck, not a judgement of a decision. */
export const OUTCOMES = new Set(
	`been lost gone caused hit affected exposed corrupted deleted dropped wiped destroyed broken taken leaked
	cost become happened led resulted ended triggered hurt damaged impacted spread cascaded crashed failed
	lasted continued overloaded exhausted saturated filled woken`.split(/\s+/)
);
/** Verbs of detection and prevention: "could have been caught", "would have prevented it". */
export const PREVENTED = new Set(
	'caught prevented avoided detected spotted noticed found stopped seen known realised realized flagged handled mitigated fixed'.split(' ')
);
/** Base verbs of an operational step, as an alternation for a pattern ("just restart"). */
export const BASE_VERBS = `restart reboot rerun re-run retry redeploy deploy roll rollback revert undo click press push
	check look read use add change flip toggle delete remove kill scale bump increase decrease raise lower copy
	paste type turn switch disable enable open close run apply set update upgrade fix patch ask follow grep
	search google page call ping reload refresh clear purge flush edit tweak rename move stop start wait ignore
	skip write merge restore comment tell escalate drain failover fail reset`
	.split(/\s+/)
	.join('|');

/** Auxiliaries and contractions skipped when looking back for a clause's subject. */
export const AUX_SKIP = new Set("had has have 'd would".split(' '));

/** Words that cannot be the noun of an adjectival participle ("should have updated the docs"). */
export const FUNCTION_WORDS = new Set(
	`the a an this that these those it them him her us me you his their our its my your any some all no every
	each both either back up down out in on off over to for with by at from into onto about before after
	earlier sooner first again instead anything something everything nothing anyone someone there here when
	while because as so and or but than which who whom whose what how if whether until during without via
	through enough more less much twice once then now yet just also even later faster further`.split(/\s+/)
);
/** Nouns without a plural that follow an adjectival participle ("should have dedicated capacity"). */
export const MASS_NOUNS = new Set(
	'capacity access monitoring alerting tooling ownership coverage documentation logging testing data infrastructure support staff oversight tracing budget headroom redundancy'.split(
		' '
	)
);
