/** Fingerprints of timeline sources (a chat message, an account's entry), so that one merged again adds nothing twice. */

/** A short, stable fingerprint (FNV-1a, 52 bits as base 36) of a message: its time, author and text. */
export function fingerprint(at: string, who: string, text: string): string {
	const s = `${at}\n${who}\n${text}`;
	let h1 = 0x811c9dc5;
	let h2 = 0x01000193;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		h1 = Math.imul(h1 ^ c, 0x01000193);
		h2 = Math.imul(h2 ^ c, 0x5bd1e995);
	}
	return ((h1 >>> 0) * 0x100000 + ((h2 >>> 0) & 0xfffff)).toString(36);
}
