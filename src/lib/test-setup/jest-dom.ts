// jest-dom's matchers (toBeInTheDocument, toHaveAccessibleName, …) for the component tests; it lives under
// src/ so svelte-check, which checks src/ only, sees the matchers' types.
import '@testing-library/jest-dom/vitest';
