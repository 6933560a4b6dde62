/** An item of one of the postmortem's lists: anything with an id. */
export interface ListItem {
	id: string;
}

/** Add, change, remove and reorder the items of one list of the draft; each call is one edit. */
export interface ListOps<T extends ListItem> {
	/** Append a new item (blank, with `init` over it) and return it. */
	add(init?: Partial<Omit<T, 'id'>>): T;
	update(id: string, patch: Partial<Omit<T, 'id'>>): void;
	remove(id: string): void;
	/** Swap an item with its neighbour above (-1) or below (+1); nothing at either end. */
	move(id: string, by: -1 | 1): void;
}

/** How a list is read from the draft, written back, and how its new items are made. */
export interface ListBinding<T extends ListItem> {
	get(): readonly T[];
	/** Write the list back; `removed` is the id of the item a removal took out. */
	set(list: T[], removed?: string): void;
	create(): T;
	/** Applied to the list after an add (the timeline keeps its time order). */
	arrange?(list: T[]): T[];
}

/** The one set of list operations every list of the editor uses. */
export function listOps<T extends ListItem>({ get, set, create, arrange = (l) => l }: ListBinding<T>): ListOps<T> {
	return {
		add(init) {
			const item = { ...create(), ...init };
			set(arrange([...get(), item]));
			return item;
		},
		update(id, patch) {
			set(get().map((x) => (x.id === id ? { ...x, ...patch } : x)));
		},
		remove(id) {
			set(
				get().filter((x) => x.id !== id),
				id
			);
		},
		move(id, by) {
			const list = [...get()];
			const i = list.findIndex((x) => x.id === id);
			const j = i + by;
			if (i < 0 || j < 0 || j >= list.length) return;
			[list[i], list[j]] = [list[j], list[i]];
			set(list);
		}
	};
}
