/**
 * Text sealed with a passphrase (Web Crypto): AES-GCM with a 256-bit key derived by PBKDF2-SHA-256
 * over a random salt. A wrong passphrase fails the GCM check, so it can be told from a right one
 * and nothing half-decrypted is ever read.
 */

/** PBKDF2 rounds for a new file (OWASP's 2023 figure for PBKDF2-HMAC-SHA-256). */
export const PBKDF2_ITERATIONS = 600_000;

/** Sealed text and what opening it needs, in base64. */
export interface Sealed {
	kdf: 'PBKDF2-SHA-256';
	iterations: number;
	salt: string;
	iv: string;
	data: string;
}

const toBase64 = (bytes: Uint8Array) => {
	let s = '';
	for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(s);
};
const fromBase64 = (s: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

async function key(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number, use: KeyUsage): Promise<CryptoKey> {
	const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
	return crypto.subtle.deriveKey({ name: 'PBKDF2', salt, iterations, hash: 'SHA-256' }, base, { name: 'AES-GCM', length: 256 }, false, [
		use
	]);
}

/** Seal `text` with `passphrase`. */
export async function seal(text: string, passphrase: string, iterations = PBKDF2_ITERATIONS): Promise<Sealed> {
	const salt = crypto.getRandomValues(new Uint8Array(16));
	const iv = crypto.getRandomValues(new Uint8Array(12));
	const data = await crypto.subtle.encrypt(
		{ name: 'AES-GCM', iv },
		await key(passphrase, salt, iterations, 'encrypt'),
		new TextEncoder().encode(text)
	);
	return { kdf: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt), iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

/** The text sealed in `sealed`, or null when the passphrase is not the one it was sealed with. */
export async function unseal(sealed: Sealed, passphrase: string): Promise<string | null> {
	try {
		const k = await key(passphrase, fromBase64(sealed.salt), sealed.iterations, 'decrypt');
		const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(sealed.iv) }, k, fromBase64(sealed.data));
		return new TextDecoder().decode(plain);
	} catch {
		return null;
	}
}

/** A sealed value read from a file, or null when it is not one (the rounds are bounded: a file cannot make opening it take hours). */
export function readSealed(value: unknown): Sealed | null {
	if (typeof value !== 'object' || value === null) return null;
	const v = value as Record<string, unknown>;
	const b64 = (x: unknown) => typeof x === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(x);
	if (
		v.kdf !== 'PBKDF2-SHA-256' ||
		!Number.isSafeInteger(v.iterations) ||
		(v.iterations as number) < 1 ||
		(v.iterations as number) > 10_000_000
	)
		return null;
	if (!b64(v.salt) || !b64(v.iv) || !b64(v.data)) return null;
	return { kdf: 'PBKDF2-SHA-256', iterations: v.iterations as number, salt: v.salt as string, iv: v.iv as string, data: v.data as string };
}
