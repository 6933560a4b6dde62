// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {}
	/** The app's version, from package.json (or $APP_VERSION at build time). */
	const __APP_VERSION__: string;
}

export {};
