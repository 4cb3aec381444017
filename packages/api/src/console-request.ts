/**
 * The header every write from the console's pages carries. A page on another site cannot send a
 * custom header without a CORS preflight, which the BFF never grants, so a write that has it came
 * from our own page (or from a program that holds a token anyway).
 */
export const CONSOLE_REQUEST_HEADER = 'x-forklift-console';
