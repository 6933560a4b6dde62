// Apart from storage-info.ts (the settings page's own): the app's start asks for it on every page.
/** Ask the browser not to evict our data; returns whether it agreed. */
export async function requestPersistence(): Promise<boolean> {
	try {
		return (await navigator.storage?.persist?.()) ?? false;
	} catch {
		return false;
	}
}
