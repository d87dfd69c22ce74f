/** Exit codes: 0 ok, 1 gate failed (seams check), 2 usage, config or project error. */
export const EXIT_OK = 0;
export const EXIT_GATE_FAILED = 1;
export const EXIT_ERROR = 2;
